"""Generate N valid, varied practices for benchmarks and scale tests.

    python benchmarks/generate.py 1000 /tmp/bench-1000

writes a project folder (practices/ with the project's lists and images, plus a copy of
mkdocs.yml, mkdocs-offline.yml and docs/ when they exist) whose practices use every vocabulary,
with realistic text.

Realistic text matters for the figures: gzip and search-index sizes measured on random word
salad from a 40-word list are meaningless. The text is therefore made from the real practices
in `practices/`:

- every generated body copies the *shape* of a randomly chosen real body: the same sections,
  the same number of paragraphs and list items, the same number of sentences in each, so body
  lengths follow the real distribution;
- the sentences themselves come from a word-level Markov chain (order 1) trained on the real
  titles, summaries and bodies: Dutch words with their real frequencies, but new sentences. Whole
  real sentences are deliberately not reused: with only a few hundred of them, gzip would find
  the same sentence again and again in its window and report sizes that real, all-different
  practices never reach.

Keywords, partners, links and partner countries are drawn from the values the real practices
use; municipalities, SDG's (with their targets), policy domains, LMB categories, principles,
statuses and years cover every vocabulary. Deterministic: the same N (and seed) gives the same
files.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.project import load_project  # noqa: E402
from generator.reference import goals, municipalities, slugify  # noqa: E402

DEPARTMENTS = [
    "Dienst Duurzaamheid",
    "Dienst Mobiliteit",
    "Milieudienst",
    "Dienst Internationale Samenwerking",
    "Welzijnsdienst",
]
COUNTRIES = ["BJ", "SN", "ZA", "RW", "EC", "NI", "BF", "CD", "GM", "PE", "MA", "GT", "BO", "UG"]
IMAGE_SHARE = 0.08  # share of practices with an image (the real collection: about one in ten)
_END = re.compile(r"[.!?]$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9'‘\"“])")
_DROP = str.maketrans("", "", "[]()<>*_`|#{}\\")


# --- the corpus: what the real practices say and how their bodies are shaped ---------------


@dataclass
class Shape:
    """A body's structure: per section, blocks of ('p', [sentences per paragraph]) or
    ('ul', [sentences per item])."""

    sections: list[tuple[str, list[tuple[str, list[int]]]]]


@dataclass
class Corpus:
    chain: dict[str, list[str]] = field(default_factory=dict)
    starts: list[str] = field(default_factory=list)
    title_chain: dict[str, list[str]] = field(default_factory=dict)
    title_starts: list[str] = field(default_factory=list)
    summary_lengths: list[int] = field(default_factory=list)  # characters of each real summary
    shapes: list[Shape] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)  # (pad, alt)


def sentences_of(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [s for s in _SENTENCE.split(flat) if s]


def _words(sentence: str) -> list[str]:
    words = [w.translate(_DROP) for w in sentence.split()]
    return [w for w in words if w and w != "-"]


def _train(chain: dict[str, list[str]], starts: list[str], sentence: str, end: bool = True) -> None:
    words = _words(sentence)
    if len(words) < 3:
        return
    if end and not _END.search(words[-1]):
        words[-1] += "."
    starts.append(words[0])
    for a, b in zip(words, words[1:], strict=False):
        chain.setdefault(a, []).append(b)


def _shape(body: str) -> Shape:
    sections: list[tuple[str, list[tuple[str, list[int]]]]] = []
    for chunk in re.split(r"^## ", body, flags=re.MULTILINE)[1:]:
        heading, _, rest = chunk.partition("\n")
        blocks: list[tuple[str, list[int]]] = []
        for block in re.split(r"\n\s*\n", rest.strip()):
            lines = block.strip().splitlines()
            if not lines:
                continue
            if lines[0].lstrip().startswith(("- ", "* ")):
                items = re.split(r"^\s*[-*] ", block, flags=re.MULTILINE)[1:]
                blocks.append(("ul", [max(1, len(sentences_of(i))) for i in items]))
            else:
                blocks.append(("p", [max(1, len(sentences_of(block)))]))
        sections.append((heading.strip(), blocks))
    return Shape(sections)


def load_corpus(root: Path = ROOT) -> Corpus:
    """Train the chains and collect the shapes and value pools from the real practices."""
    project = load_project(root)
    if not project.practices:
        raise SystemExit(f"geen geldige praktijken in {root / 'practices'} om tekst uit te leren")
    corpus = Corpus()
    keywords, partners, links, images = set(), set(), set(), set()
    for p in project.practices:
        _train(corpus.title_chain, corpus.title_starts, p.titel, end=False)
        corpus.summary_lengths.append(len(p.samenvatting))
        for s in sentences_of(p.samenvatting):
            _train(corpus.chain, corpus.starts, s)
        text = re.sub(r"^#+ .*$", "", p.body, flags=re.MULTILINE)
        text = re.sub(r"^\s*[-*] ", "", text, flags=re.MULTILINE)
        for s in sentences_of(text):
            _train(corpus.chain, corpus.starts, s)
        corpus.shapes.append(_shape(p.body))
        keywords.update(p.trefwoorden)
        partners.update(p.partners)
        links.update((link.titel, link.url) for link in p.links)
        if p.afbeelding is not None:
            images.add((p.afbeelding.pad, p.afbeelding.alt))
    corpus.keywords = sorted(keywords)
    corpus.partners = sorted(partners)
    corpus.links = sorted(links)
    corpus.images = sorted(images)
    return corpus


def sentence(
    rng: random.Random,
    chain: dict[str, list[str]],
    starts: list[str],
    min_words: int = 6,
    max_words: int = 32,
) -> str:
    words = [rng.choice(starts)]
    while len(words) < max_words:
        following = chain.get(words[-1])
        if not following:
            break
        word = rng.choice(following)
        if _END.search(word) and len(words) + 1 < min_words:
            continue_with = [w for w in following if not _END.search(w)]
            if continue_with:
                word = rng.choice(continue_with)
        words.append(word)
        if _END.search(word):
            break
    text = " ".join(words).rstrip(",;:")
    if not _END.search(text):
        text += "."
    return text[0].upper() + text[1:]


def title(rng: random.Random, corpus: Corpus, town: str) -> str:
    for _ in range(20):
        words = [rng.choice(corpus.title_starts)]
        for _ in range(rng.randint(5, 11)):
            following = corpus.title_chain.get(words[-1])
            if not following:
                break
            words.append(rng.choice(following))
        text = " ".join(words).rstrip(",;:.")
        if len(text) >= 25:
            break
    text = f"{town}: {text[0].lower()}{text[1:]}" if rng.random() < 0.3 else text
    if len(text) > 110:
        text = text[:110].rsplit(" ", 1)[0].rstrip(",;:")
    return text


def summary(rng: random.Random, corpus: Corpus) -> str:
    """About as long as a randomly chosen real summary, never over the 400-character limit."""
    target = rng.choice(corpus.summary_lengths)
    text = ""
    for _ in range(50):  # bounded: add sentences until the target length is reached
        s = sentence(rng, corpus.chain, corpus.starts)
        candidate = f"{text} {s}".strip()
        if len(candidate) > min(400, target + 60):
            continue
        text = candidate
        if len(text) >= target - 30:
            break
    while len(text) < 40:
        text = f"{text} Meer informatie volgt bij de evaluatie.".strip()
    return text


def body(rng: random.Random, corpus: Corpus) -> str:
    shape = rng.choice(corpus.shapes)
    out: list[str] = []
    for heading, blocks in shape.sections:
        out += [f"## {heading}", ""]
        for kind, counts in blocks:
            texts = [
                " ".join(sentence(rng, corpus.chain, corpus.starts) for _ in range(n))
                for n in counts
            ]
            if kind == "ul":
                out += [f"- {t}" for t in texts]
            else:
                out += _wrap(texts[0])
            out.append("")
    return "\n".join(out)


def _wrap(text: str, width: int = 100) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])


# --- one practice ----------------------------------------------------------------------------


def _q(value: str) -> str:
    """A YAML scalar: JSON strings are valid YAML and need no further escaping."""
    return json.dumps(value, ensure_ascii=False)


def practice(
    i: int, rng: random.Random, names: list[str], vocab, corpus: Corpus
) -> tuple[str, str]:
    domains, lmb, principles = (
        list(vocab.domains),
        list(vocab.lmb_categories),
        list(vocab.principles),
    )
    towns = rng.sample(names, 1 if rng.random() < 0.9 else rng.randint(2, 3))
    heading = title(rng, corpus, towns[0])
    pid = f"{slugify(heading)[:50].strip('-')}-{i}"
    # Every goal and domain in turn, plus random ones: all vocabularies used even at small N.
    sdgs = sorted({i % 17 + 1, *rng.sample(range(1, 18), rng.randint(0, 3))})
    targets = sorted(
        {rng.choice(goals()[n].targets).id for n in rng.sample(sdgs, min(2, len(sdgs)))}
    )
    chosen_domains = list(
        dict.fromkeys([domains[i % len(domains)], *rng.sample(domains, rng.randint(0, 2))])
    )
    lines = [
        "---",
        f"titel: {_q(heading)}",
        "gemeenten:",
        *[f"  - {t}" for t in towns],
        f"sdgs: [{', '.join(map(str, sdgs))}]",
        f"subdoelen: [{', '.join(_q(t) for t in targets)}]",
        f"beleidsdomeinen: [{', '.join(chosen_domains)}]",
        f"lmb-categorie: {lmb[i % len(lmb)]}",
        f"principes: [{', '.join(rng.sample(principles, rng.randint(1, 3)))}]",
        f"status: {('gepland', 'lopend', 'afgerond')[i % 3]}",
        f"jaar: {2015 + i % 11}",
        f"samenvatting: {_q(summary(rng, corpus))}",
    ]
    if rng.random() < 0.2:
        lines.append(f"partnerlanden: [{', '.join(rng.sample(COUNTRIES, rng.randint(1, 2)))}]")
    if corpus.partners:
        lines += [
            "partners:",
            *[
                f"  - {_q(x)}"
                for x in rng.sample(corpus.partners, min(len(corpus.partners), rng.randint(1, 4)))
            ],
        ]
    lines += [
        "contact:",
        f"  dienst: {_q(rng.choice(DEPARTMENTS))}",
        f"  email: info{i}@gemeente.example.org",
    ]
    if corpus.links and rng.random() < 0.3:
        link_title, link_url = rng.choice(corpus.links)
        lines += ["links:", f"  - titel: {_q(link_title)}", f"    url: {_q(link_url)}"]
    if corpus.images and rng.random() < IMAGE_SHARE:
        pad, alt = rng.choice(corpus.images)
        lines += ["afbeelding:", f"  pad: {_q(pad)}", f"  alt: {_q(alt)}"]
    if corpus.keywords:
        kws = rng.sample(corpus.keywords, min(len(corpus.keywords), rng.randint(1, 5)))
        lines.append(f"trefwoorden: [{', '.join(_q(k) for k in kws)}]")
    lines += [
        "bron: Benchmark (gegenereerd)",
        f"bijgewerkt: {2024 + i % 2}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "voorbeeld: true",
        "---",
        "",
        body(rng, corpus),
    ]
    return pid, "\n".join(lines)


def generate(n: int, out: Path, seed: int = 2025, corpus: Corpus | None = None) -> Path:
    """Write a project with `n` generated practices to `out` (emptied first)."""
    rng = random.Random(seed)
    corpus = corpus or load_corpus()
    if out.exists():
        shutil.rmtree(out)
    (out / "practices").mkdir(parents=True)
    shutil.copytree(ROOT / "practices" / "_lijsten", out / "practices" / "_lijsten")
    if (ROOT / "practices" / "_afbeeldingen").is_dir():
        shutil.copytree(ROOT / "practices" / "_afbeeldingen", out / "practices" / "_afbeeldingen")
    for extra in ("mkdocs.yml", "mkdocs-offline.yml", "docs"):
        src = ROOT / extra
        if src.is_dir():
            shutil.copytree(src, out / extra)
        elif src.is_file():
            shutil.copy(src, out / extra)
    from generator.vocab import load_vocab

    vocab, _ = load_vocab(ROOT / "practices" / "_lijsten")
    names = list(municipalities())
    for i in range(n):
        pid, text = practice(i, rng, names, vocab, corpus)
        (out / "practices" / f"{pid}.md").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)
    print(f"{args.n} praktijken geschreven in {args.out}")


if __name__ == "__main__":
    main()
