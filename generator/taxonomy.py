"""Taxonomies over the practices, after Hugo's model: taxonomy → term → practices.

Every index is built in one pass over the practices, and the related and nearby lists look at a
bounded number of candidates per practice, so the whole module is linear in their number.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Practice
from .reference import P_LABELS, Goal, fold, target_sort_key
from .reference import provinces as flemish_provinces
from .vocab import Vocab

RELATED = 5
NEARBY = 5
NEIGHBOURS = 6  # practices shown on the page of a municipality without its own
WINDOW = 24  # candidates taken per bucket around the practice itself


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
class Neighbourhood:
    """What happens around a municipality, the same for every town of an arrondissement."""

    practices: list[Practice]  # up to NEIGHBOURS: the arrondissement's newest, then the province's
    goals: list[tuple[int, int]]  # (goal, count) most named nearby
    goals_from: str  # "arrondissement" or "provincie": which practices `goals` counts


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
    # arrondissement code → its neighbourhood (computed once, shared by its municipalities)
    neighbourhoods: dict[str, Neighbourhood] = field(default_factory=dict)

    def newest(self, n: int = 5) -> list[Practice]:
        """The most recently updated practices (then newest start year, then title)."""

        return sorted(self.practices, key=newest_first)[:n]

    def last_update(self) -> dt.date | None:
        """The newest `bijgewerkt` of any practice: when the database last changed."""
        return max((p.bijgewerkt for p in self.practices if p.bijgewerkt), default=None)


def newest_first(p: Practice) -> tuple:
    """Sort key: most recently updated first, then newest start year, then title."""
    return (-(p.bijgewerkt.toordinal() if p.bijgewerkt else 0), -p.jaar, *p.sort_key)


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
        {p.slug: Term(p.slug, p.slug, p.name) for p in flemish_provinces().values()},
    )
    targets: dict[str, list[Practice]] = defaultdict(list)
    arrondissements: dict[str, list[Practice]] = defaultdict(list)
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
        for code in sorted({m.arrondissement.code for m in p.gemeenten}):
            arrondissements[code].append(p)
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
        neighbourhoods=_neighbourhoods(vocab, arrondissements, provinces),
    )


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


# Both lists work on positions in the title-sorted list: an int compares and hashes much faster
# than a practice, and its order is the title order used to break ties.


def _buckets(keys: list[list]) -> tuple[dict, dict]:
    """Practices (by position) per key, and each practice's place within each of its buckets."""
    buckets: dict = defaultdict(list)
    for i, own in enumerate(keys):
        for key in own:
            buckets[key].append(i)
    places = {k: {i: n for n, i in enumerate(b)} for k, b in buckets.items()}
    return buckets, places


def _window(bucket: list[int], places: dict[int, int], i: int) -> list[int]:
    """Up to WINDOW practices around practice `i` in `bucket`: bounded work, varied results."""
    at = places[i]
    start = max(0, min(at - WINDOW // 2, len(bucket) - WINDOW))
    return bucket[start : start + WINDOW]


def _related(practices: list[Practice]) -> dict[str, list[Practice]]:
    """Up to RELATED practices per practice, ranked by shared SDG's plus shared domains.

    Candidates come from buckets keyed by (goal, domain) pairs, so practices that share both
    are found first, and by single goal or domain; each bucket contributes a bounded window.
    """
    pair_keys = [[(g, d) for g in p.sdgs for d in p.beleidsdomeinen] for p in practices]
    single_keys = [
        [("sdg", g) for g in p.sdgs] + [("domein", d) for d in p.beleidsdomeinen] for p in practices
    ]
    themes = [frozenset(keys) for keys in single_keys]
    pairs, pair_places = _buckets(pair_keys)
    singles, single_places = _buckets(single_keys)
    result = {}
    for i, p in enumerate(practices):
        candidates: set[int] = set()
        for key in pair_keys[i]:
            candidates.update(_window(pairs[key], pair_places[key], i))
        for key in single_keys[i]:
            candidates.update(_window(singles[key], single_places[key], i))
        candidates.discard(i)
        own = themes[i]
        ranked = sorted(candidates, key=lambda j, own=own: (-len(own & themes[j]), j))
        result[p.id] = [practices[j] for j in ranked[:RELATED]]
    return result


def _nearby(practices: list[Practice]) -> dict[str, list[Practice]]:
    """Up to NEARBY practices from the same arrondissement, then from the same province."""
    towns = [frozenset(m.name for m in p.gemeenten) for p in practices]
    arr_keys = [sorted({m.arrondissement.code for m in p.gemeenten}) for p in practices]
    prov_keys = [sorted(set(p.provinces)) for p in practices]
    arrs, arr_places = _buckets(arr_keys)
    provs, prov_places = _buckets(prov_keys)
    result = {}
    for i, p in enumerate(practices):
        chosen: list[int] = []
        for keys, buckets, places in (
            (arr_keys[i], arrs, arr_places),
            (prov_keys[i], provs, prov_places),
        ):
            pool: set[int] = set()
            for key in keys:
                pool.update(_window(buckets[key], places[key], i))
            pool.discard(i)
            # Other municipalities first: the point is what happens next door.
            own = towns[i]
            for j in sorted(pool, key=lambda j, own=own: (bool(own & towns[j]), j)):
                if len(chosen) < NEARBY and j not in chosen:
                    chosen.append(j)
        result[p.id] = [practices[j] for j in chosen]
    return result


def _neighbourhoods(
    vocab: Vocab, arrondissements: dict[str, list[Practice]], provinces: Taxonomy
) -> dict[str, Neighbourhood]:
    """Per arrondissement: its newest practices, topped up from its province, and the goals
    named most there. One sort per bucket, so linear (up to the sort) in the practices."""
    newest_in_province = {
        slug: sorted(t.practices, key=newest_first) for slug, t in provinces.terms.items()
    }
    result: dict[str, Neighbourhood] = {}
    for m in vocab.municipalities.values():
        code = m.arrondissement.code
        if code in result:
            continue
        own = sorted(arrondissements.get(code, []), key=newest_first)
        chosen = own[:NEIGHBOURS]
        seen = {p.id for p in chosen}
        # At most len(chosen) practices are skipped here: when the arrondissement has fewer
        # than NEIGHBOURS, all of them are in `chosen`; otherwise nothing is topped up.
        for p in newest_in_province[m.province.slug]:
            if len(chosen) >= NEIGHBOURS:
                break
            if p.id not in seen:
                chosen.append(p)
                seen.add(p.id)
        if own:
            goals, goals_from = top_goals(own), "arrondissement"
        else:
            goals, goals_from = top_goals(provinces.terms[m.province.slug].practices), "provincie"
        result[code] = Neighbourhood(chosen, goals, goals_from)
    return result


def municipality_sort_key(name: str) -> tuple[str, str]:
    return (fold(name), name)
