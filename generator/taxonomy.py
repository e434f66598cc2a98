"""Taxonomies over the practices, after Hugo's model: taxonomy → term → practices.

Every index is built in one pass over the practices, and the related and nearby lists look at a
bounded number of candidates per practice, so the whole module is linear in their number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Practice
from .reference import P_LABELS, Goal, fold, target_sort_key
from .vocab import Vocab

RELATED = 5
NEARBY = 5
WINDOW = 40  # candidates taken per bucket around the practice itself


@dataclass
class Term:
    key: str  # as in the front matter: "13", "mobiliteit", "Gent", "limburg"
    slug: str  # the URL part
    label: str
    description: str = ""
    practices: list[Practice] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.practices)


@dataclass
class Taxonomy:
    name: str  # "sdg", "beleidsdomeinen", ...: the URL base
    title: str
    terms: dict[str, Term]

    def used(self) -> list[Term]:
        return [t for t in self.terms.values() if t.practices]


@dataclass
class Site:
    """Everything the pages need: the practices, their taxonomies, and neighbours."""

    practices: list[Practice]  # sorted by title, then id
    vocab: Vocab
    sdg: Taxonomy
    domains: Taxonomy
    municipalities: Taxonomy
    provinces: Taxonomy
    targets: dict[str, list[Practice]]
    matrix: dict[tuple[int, str], int]
    related: dict[str, list[Practice]]
    nearby: dict[str, list[Practice]]

    def newest(self, n: int = 5) -> list[Practice]:
        """The most recently updated practices (then newest start year, then title)."""

        def key(p: Practice) -> tuple:
            return (-(p.bijgewerkt.toordinal() if p.bijgewerkt else 0), -p.jaar, *p.sort_key)

        return sorted(self.practices, key=key)[:n]


def build_site(practices: list[Practice], vocab: Vocab) -> Site:
    practices = sorted(practices, key=lambda p: p.sort_key)
    sdg = Taxonomy(
        "sdg",
        "SDG's",
        {str(n): Term(str(n), str(n), g.label, g.description) for n, g in vocab.goals.items()},
    )
    domains = Taxonomy(
        "beleidsdomeinen",
        "Beleidsdomeinen",
        {t.slug: Term(t.slug, t.slug, t.label, t.description) for t in vocab.domains.values()},
    )
    municipalities = Taxonomy(
        "gemeenten",
        "Gemeenten",
        {
            m.name: Term(m.name, m.slug, m.name, m.province.name)
            for m in vocab.municipalities.values()
        },
    )
    provinces = Taxonomy(
        "provincies",
        "Provincies",
        {p.slug: Term(p.slug, p.slug, p.name) for p in _provinces(vocab)},
    )
    targets: dict[str, list[Practice]] = defaultdict(list)
    matrix: dict[tuple[int, str], int] = defaultdict(int)
    for p in practices:
        for n in p.sdgs:
            sdg.terms[str(n)].practices.append(p)
            for d in p.beleidsdomeinen:
                matrix[(n, d)] += 1
        for d in p.beleidsdomeinen:
            domains.terms[d].practices.append(p)
        for m in p.gemeenten:
            municipalities.terms[m.name].practices.append(p)
        for slug in p.provinces:
            provinces.terms[slug].practices.append(p)
        for t in p.subdoelen:
            targets[t].append(p)
    return Site(
        practices=practices,
        vocab=vocab,
        sdg=sdg,
        domains=domains,
        municipalities=municipalities,
        provinces=provinces,
        targets=dict(sorted(targets.items(), key=lambda kv: target_sort_key(kv[0]))),
        matrix=dict(matrix),
        related=_related(practices),
        nearby=_nearby(practices),
    )


def _provinces(vocab: Vocab) -> list:
    from .reference import provinces

    return list(provinces().values())


def goals_by_p(vocab: Vocab) -> dict[str, list[Goal]]:
    """The 17 goals grouped by the five P's, in the order People … Partnership."""
    grouped: dict[str, list[Goal]] = {p: [] for p in P_LABELS}
    for goal in vocab.goals.values():
        grouped[goal.p].append(goal)
    return grouped


def top_goals(practices: Iterable[Practice], n: int = 5) -> list[tuple[int, int]]:
    """(goal, count) of the goals these practices name most, most often first."""
    counts: dict[int, int] = defaultdict(int)
    for p in practices:
        for g in p.sdgs:
            counts[g] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


# --- related and nearby --------------------------------------------------------------------


def _window(bucket: list[Practice], index: dict[str, int], practice: Practice) -> list[Practice]:
    """Up to WINDOW practices around `practice` in `bucket`: bounded work, varied results."""
    at = index[practice.id]
    start = max(0, min(at - WINDOW // 2, len(bucket) - WINDOW))
    return bucket[start : start + WINDOW]


def _buckets(practices: list[Practice], keys) -> tuple[dict, dict]:
    buckets: dict = defaultdict(list)
    for p in practices:
        for key in keys(p):
            buckets[key].append(p)
    positions = {k: {p.id: i for i, p in enumerate(b)} for k, b in buckets.items()}
    return buckets, positions


def _related(practices: list[Practice]) -> dict[str, list[Practice]]:
    """Up to RELATED practices per practice, ranked by shared SDG's plus shared domains.

    Candidates come from buckets keyed by (goal, domain) pairs first, so practices that share
    both rank high, then by single goal or domain; each bucket contributes a bounded window.
    """

    def pair_keys(p: Practice) -> list:
        return [("pair", g, d) for g in p.sdgs for d in p.beleidsdomeinen]

    def single_keys(p: Practice) -> list:
        return [("sdg", g) for g in p.sdgs] + [("domein", d) for d in p.beleidsdomeinen]

    pairs, pair_pos = _buckets(practices, pair_keys)
    singles, single_pos = _buckets(practices, single_keys)
    result = {}
    for p in practices:
        candidates: dict[str, Practice] = {}
        for key in pair_keys(p):
            candidates.update((c.id, c) for c in _window(pairs[key], pair_pos[key], p))
        for key in single_keys(p):
            candidates.update((c.id, c) for c in _window(singles[key], single_pos[key], p))
        candidates.pop(p.id, None)
        result[p.id] = sorted(candidates.values(), key=lambda c, p=p: _score(p, c))[:RELATED]
    return result


def _score(p: Practice, c: Practice) -> tuple:
    """Rank by shared goals plus shared domains (most first), then by title."""
    shared = len(set(p.sdgs).intersection(c.sdgs)) + len(
        set(p.beleidsdomeinen).intersection(c.beleidsdomeinen)
    )
    return (-shared, *c.sort_key)


def _nearby(practices: list[Practice]) -> dict[str, list[Practice]]:
    """Up to NEARBY practices from the same arrondissement, then from the same province."""
    arrs, arr_pos = _buckets(practices, lambda p: {m.arrondissement.code for m in p.gemeenten})
    provs, prov_pos = _buckets(practices, lambda p: set(p.provinces))
    result = {}
    for p in practices:
        own = {m.name for m in p.gemeenten}
        chosen: dict[str, Practice] = {}
        for keys, buckets, positions in (
            (sorted({m.arrondissement.code for m in p.gemeenten}), arrs, arr_pos),
            (sorted(p.provinces), provs, prov_pos),
        ):
            pool: dict[str, Practice] = {}
            for key in keys:
                pool.update((c.id, c) for c in _window(buckets[key], positions[key], p))
            pool.pop(p.id, None)
            # Other municipalities first: the point is what happens next door.
            ranked = sorted(
                pool.values(),
                key=lambda c: (bool(own & {m.name for m in c.gemeenten}), *c.sort_key),
            )
            for c in ranked:
                if len(chosen) < NEARBY and c.id not in chosen:
                    chosen[c.id] = c
        result[p.id] = list(chosen.values())
    return result


def municipality_sort_key(name: str) -> tuple[str, str]:
    return (fold(name), name)
