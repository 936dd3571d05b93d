"""What an analytics table cannot tell, said beside it: degenerate measures, brokers made by one edge,
samples too small, communities that are only the graph's separate pieces.

Each caveat is {measure, level ("warning" or "note"), en, ko}. The checks read the cached answers and
projections (services/analytics), so they cost little; nothing here changes a measure.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.sparse.csgraph import connected_components

from graph.store import GraphStore
from services.analytics import data

SMALL_GRAPH = 100  # fewer nodes than this: rankings describe these articles, not an ecosystem
TIE_SHARE = 0.5  # at least half of a top list on one score: its order says nothing
EPSILON = 1e-12

Caveat = dict[str, str]


def _caveat(measure: str, level: str, en: str, ko: str) -> Caveat:
    return {"measure": measure, "level": level, "en": en, "ko": ko}


def _ties(items: list[dict[str, Any]], key: str) -> tuple[int, float] | None:
    """(how many of the listed items share the top score, the score) when they are many."""
    scores = [round(float(i.get(key) or 0.0), 9) for i in items]
    if len(scores) < 3:
        return None
    same = sum(1 for s in scores if s == scores[0])
    return (same, scores[0]) if same >= max(3, TIE_SHARE * len(scores)) else None


def centrality(result: dict[str, Any], store: GraphStore) -> list[Caveat]:
    out: list[Caveat] = []
    nodes, projection = int(result.get("nodes") or 0), result.get("projection", "people")
    between = result.get("betweenness") or []
    if between and all(abs(float(i.get("betweenness") or 0.0)) < EPSILON for i in between):
        if projection == "people":
            why_en = (
                "in the people projection each event joins its participants into one clique and "
                "no person here links two groups, so nobody lies between others"
            )
            why_ko = (
                "인물 투영에서는 각 행사의 참석자가 서로 모두 연결되고 "
                "두 집단을 잇는 인물이 없어 아무도 중간에 있지 않습니다"
            )
        else:
            why_en = "no node lies on a shortest path between two others"
            why_ko = "어떤 노드도 다른 두 노드 사이의 최단 경로 위에 있지 않습니다"
        out.append(
            _caveat(
                "betweenness",
                "warning",
                f"Every betweenness is 0: {why_en}. The order of this table is not a ranking; "
                "use degree, or the full graph.",
                f"매개 중심성이 모두 0입니다. {why_ko}. 이 표의 순서는 순위가 아닙니다. "
                "연결 중심성이나 전체 그래프를 보십시오.",
            )
        )
    for measure, key in (
        ("degree", "degree_centrality"),
        ("betweenness", "betweenness"),
        ("eigenvector", "eigenvector"),
    ):
        tie = _ties(result.get(measure) or [], key)
        if tie and not (measure == "betweenness" and tie[1] == 0):
            out.append(
                _caveat(
                    measure,
                    "note",
                    f"{tie[0]} of the {len(result.get(measure) or [])} listed share the top score "
                    f"({tie[1]:.4f}): their order among themselves is arbitrary (by internal id).",
                    f"표시된 {len(result.get(measure) or [])}개 중 {tie[0]}개가 최고 점수({tie[1]:.4f})로 같아 "
                    "그 사이의 순서는 의미가 없습니다.",
                )
            )
    if 0 < nodes < SMALL_GRAPH:
        out.append(
            _caveat(
                "all",
                "note",
                f"Only {nodes} nodes: these scores describe the few articles loaded, not the "
                "ecosystem; one more article can reorder them.",
                f"노드가 {nodes}개뿐입니다. 이 점수는 적재된 몇몇 기사를 설명할 뿐 생태계 전체의 순위가 아니며, "
                "기사 하나로 순서가 바뀔 수 있습니다.",
            )
        )
    proj = data.projection(store, projection)
    pieces = _pieces(proj)
    if pieces > 1 and proj.n:
        largest = int(np.max(np.bincount(proj.components)))
        out.append(
            _caveat(
                "eigenvector",
                "note",
                f"The graph falls into {pieces} separate pieces; eigenvector centrality is computed "
                f"on the largest ({largest} of {proj.n} nodes) and is 0 elsewhere.",
                f"그래프가 서로 떨어진 {pieces}개 조각으로 나뉩니다. 고유벡터 중심성은 가장 큰 조각"
                f"(노드 {proj.n}개 중 {largest}개)에서만 계산되고 나머지는 0입니다.",
            )
        )
    if result.get("sampled") and result.get("sample_size"):
        out.append(
            _caveat(
                "betweenness",
                "note",
                f"Betweenness is estimated from {result['sample_size']} sampled sources; "
                "differences within the ± standard error are not meaningful.",
                f"매개 중심성은 표본 {result['sample_size']}개로 추정한 값이며 표준오차 이내의 차이는 의미가 없습니다.",
            )
        )
    return out


def _pieces(proj: data.Projection) -> int:
    return len(np.unique(proj.components)) if proj.n else 0


def communities(result: dict[str, Any], store: GraphStore) -> list[Caveat]:
    out: list[Caveat] = []
    proj = data.projection(store, result.get("projection", "people"))
    count, pieces = int(result.get("count") or 0), _pieces(proj)
    if count and pieces and pieces >= 0.5 * count:
        out.append(
            _caveat(
                "communities",
                "warning",
                f"The graph falls into {pieces} separate pieces and Louvain finds {count} communities: "
                "most communities are just those pieces (often one article or one event each), so "
                "the high modularity says little about how the ecosystem is organised.",
                f"그래프가 {pieces}개 조각으로 나뉘고 커뮤니티는 {count}개입니다. 대부분의 커뮤니티는 그 조각"
                "(대개 기사 하나나 행사 하나)일 뿐이어서 높은 모듈성이 생태계 구조를 말해 주지 않습니다.",
            )
        )
    singles = sum(1 for c in result.get("communities") or [] if int(c.get("size") or 0) <= 2)
    if singles:
        out.append(
            _caveat(
                "communities",
                "note",
                f"{singles} of the listed communities have one or two members.",
                f"표시된 커뮤니티 중 {singles}개는 구성원이 한두 명입니다.",
            )
        )
    return out


def brokers(result: dict[str, Any], store: GraphStore) -> list[Caveat]:
    """A broker whose disconnected pairs all involve government bodies or foreign partners in a
    branch hanging off it by a single edge (a post, a body) is ranked by that edge, not by brokering."""
    out: list[Caveat] = []
    listed = result.get("brokers") or []
    proj = data.projection(store, "full") if listed else None
    ids = store.ids_of([b["iri"] for b in listed]) if listed else {}
    for broker in listed:
        assert proj is not None
        row = int(proj.rows([ids.get(broker["iri"], -1)])[0])
        disconnected = int(broker.get("disconnected_pairs") or 0)
        if row < 0 or not disconnected or broker.get("paths_lengthened"):
            continue
        hanging, pairs = _hanging_branches(proj, row)
        if hanging and disconnected <= pairs:
            names = ", ".join(
                str(n.get("name_ko") or n.get("name_en") or n.get("iri"))
                for n in data.describe(store, proj.ids[hanging]).values()
            )
            name = broker.get("name_ko") or broker.get("name_en") or broker["iri"]
            out.append(
                _caveat(
                    "brokers",
                    "warning",
                    f"{name} ranks here only because {names} hangs off {name} by a single edge: "
                    f"all {disconnected} disconnected pairs involve it and no other path is lengthened. "
                    "A broker made by one edge, not a bridge between government and foreign partners.",
                    f"{name}의 순위는 {names}이(가) {name}에게 관계 하나로만 이어져 있기 때문입니다. "
                    f"단절되는 {disconnected}쌍이 모두 그와 관련되고 길어지는 경로는 없습니다. "
                    "정부와 해외 파트너를 잇는 중개자가 아니라 관계 하나로 만들어진 순위입니다.",
                )
            )
    bodies, partners = (
        int(result.get("government_bodies") or 0),
        int(result.get("foreign_partners") or 0),
    )
    if listed and (bodies < 5 or partners < 5):
        out.append(
            _caveat(
                "brokers",
                "note",
                f"Only {bodies} government bodies and {partners} foreign partners: too few pairs "
                "for a ranking.",
                f"정부 기관 {bodies}곳과 해외 파트너 {partners}곳뿐이라 순위를 매기기에는 쌍이 너무 적습니다.",
            )
        )
    return out


def _hanging_branches(proj: data.Projection, row: int) -> tuple[list[int], int]:
    """Government bodies and foreign partners in the branches that hang off `row` by one edge, and
    how many (government body, foreign partner) pairs removing `row` cuts through those branches."""
    gov, foreign = proj.kinds["GovernmentBody"], proj.kinds["ForeignPartner"]
    members = np.flatnonzero(proj.components == proj.components[row])
    rest = members[members != row]
    if not len(rest):
        return [], 0
    sub = proj.adj[rest][:, rest]
    _, pieces = connected_components(sub, directed=False)
    links = np.asarray(proj.adj[row, rest].todense()).ravel() > 0
    hanging: list[int] = []
    pairs = 0
    sizes = np.bincount(pieces)
    main = int(np.argmax(sizes))  # the body of the graph does not hang off anyone
    for piece in np.unique(pieces):
        inside = rest[pieces == piece]
        if piece == main or int(links[pieces == piece].sum()) != 1:
            continue
        outside = np.setdiff1d(rest, inside)
        cut = int(gov[inside].sum()) * int(foreign[outside].sum()) + int(
            foreign[inside].sum()
        ) * int(gov[outside].sum())
        if cut:
            pairs += cut
            hanging += [int(v) for v in inside if gov[v] or foreign[v]]
    return hanging, pairs


def evolution(result: dict[str, Any]) -> list[Caveat]:
    out: list[Caveat] = []
    years = result.get("years") or []
    thin = [y["year"] for y in years if int(y.get("events") or 0) <= 1]
    if thin:
        out.append(
            _caveat(
                "evolution",
                "note",
                f"{len(thin)} of {len(years)} years rest on a single event ({', '.join(map(str, thin))}): "
                "newcomers and returning people there reflect which articles were loaded.",
                f"{len(years)}개 연도 중 {len(thin)}개({', '.join(map(str, thin))})는 행사 하나에 근거합니다. "
                "신규·재참여 수는 어떤 기사가 적재되었는지를 반영할 뿐입니다.",
            )
        )
    if result.get("undated_participations"):
        out.append(
            _caveat(
                "evolution",
                "note",
                f"{result['undated_participations']} participations in undated events are not counted.",
                f"날짜가 없는 행사 참석 {result['undated_participations']}건은 세지 않았습니다.",
            )
        )
    return out
