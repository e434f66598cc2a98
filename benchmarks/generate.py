"""Generate N valid, varied practices for benchmarks and scale tests.

    python benchmarks/generate.py 1000 /tmp/bench-1000

writes a project folder (practices/ with the project's lists, plus a copy of mkdocs.yml and
docs/ when they exist) whose practices use every vocabulary, with realistic body lengths.
Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.reference import goals, municipalities, slugify  # noqa: E402
from generator.vocab import load_vocab  # noqa: E402

WORDS = (
    "gemeente inwoners samenwerking duurzaam klimaat fiets school armoede partners budget "
    "vrijwilligers buurt markt water energie voedsel jongeren senioren raad plan actie "
    "project resultaat gesprek workshop campagne subsidie stedenband fairtrade lokaal "
    "mondiaal dienst bestuur schepen deelnemers evaluatie opvolging communicatie"
).split()
COUNTRIES = ["BJ", "SN", "ZA", "RW", "EC", "NI", "BF", "CD", "GM", "PE"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def practice(i: int, rng: random.Random, names: list[str], vocab) -> tuple[str, str]:
    domains, lmb, principles = list(vocab.domains), list(vocab.lmb_categories), list(vocab.principles)
    title = f"{sentence(rng, rng.randint(3, 7))[:-1]} {i}"
    pid = f"{slugify(title)[:50].strip('-')}-{i}"
    sdgs = sorted(rng.sample(range(1, 18), rng.randint(1, 4)))
    target = rng.choice(goals()[sdgs[0]].targets).id
    towns = rng.sample(names, 1 if rng.random() < 0.9 else rng.randint(2, 3))
    lines = [
        "---",
        f"titel: {title}",
        "gemeenten:",
        *[f"  - {t}" for t in towns],
        f"sdgs: [{', '.join(map(str, sdgs))}]",
        f'subdoelen: ["{target}"]',
        f"beleidsdomeinen: [{', '.join(rng.sample(domains, rng.randint(1, 3)))}]",
        f"lmb-categorie: {rng.choice(lmb)}",
        f"principes: [{', '.join(rng.sample(principles, rng.randint(1, 2)))}]",
        f"status: {rng.choice(['gepland', 'lopend', 'afgerond'])}",
        f"jaar: {rng.randint(2015, 2026)}",
        f"samenvatting: {paragraph(rng, 2)[:380]}",
    ]
    if rng.random() < 0.2:
        lines.append(f"partnerlanden: [{rng.choice(COUNTRIES)}]")
    lines += [
        "partners:",
        f"  - {rng.choice(WORDS).capitalize()} vzw",
        "contact:",
        "  dienst: Dienst Duurzaamheid",
        f"  email: info{i}@gemeente.example.org",
        f"trefwoorden: [{rng.choice(WORDS)}, {rng.choice(WORDS)}x]",
        "bron: Benchmark",
        f"bijgewerkt: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "voorbeeld: true",
        "---",
        "",
    ]
    for section in ("Aanleiding", "Aanpak", "Resultaten", "Tips voor andere besturen"):
        lines += [f"## {section}", "", paragraph(rng, rng.randint(2, 5)), ""]
    return pid, "\n".join(lines)


def generate(n: int, out: Path, seed: int = 2025) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "practices").mkdir(parents=True)
    shutil.copytree(ROOT / "practices" / "_lijsten", out / "practices" / "_lijsten")
    for extra in ("mkdocs.yml", "docs"):
        src = ROOT / extra
        if src.is_dir():
            shutil.copytree(src, out / extra)
        elif src.is_file():
            shutil.copy(src, out / extra)
    vocab, _ = load_vocab(ROOT)
    names = list(municipalities())
    for i in range(n):
        pid, text = practice(i, rng, names, vocab)
        (out / "practices" / f"{pid}.md").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    generate(args.n, args.out)
    print(f"{args.n} praktijken geschreven in {args.out}")


if __name__ == "__main__":
    main()
