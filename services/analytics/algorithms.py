"""Graph algorithms on scipy sparse adjacency matrices, for services/analytics/measures.py.

Every matrix is a symmetric `csr_matrix` (an undirected graph; weights only where stated). The loops
run per BFS level or per Louvain round, the work inside them is sparse-matrix products in C, so a
graph of 10^6 edges takes seconds where networkx takes minutes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import ArpackNoConvergence, eigsh

BATCH_CELLS = (
    4_000_000  # sources × nodes held in dense arrays at once (three float64 arrays of this size)
)


def _batches(sources: np.ndarray, n: int) -> Iterator[np.ndarray]:
    size = max(1, min(len(sources), BATCH_CELLS // max(n, 1)))
    for start in range(0, len(sources), size):
        yield sources[start : start + size]


def betweenness(
    adj: sp.csr_matrix, sources: ArrayLike, targets: ArrayLike | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Brandes' dependencies from `sources` (all nodes = exact), unnormalised, both directions counted:
    their sum per node, and the sum of their squares (for the standard error of a sample).

    With `targets` (a boolean mask) only shortest paths ending at a target count, as in networkx's
    `betweenness_centrality_subset`. Sources are processed in batches: one sparse product per BFS level
    expands every source's frontier at once.
    """
    n = adj.shape[0]
    pattern = adj.astype(bool).astype(np.float64)
    weight = np.ones(n) if targets is None else np.asarray(targets, dtype=np.float64)
    total, squares = np.zeros(n), np.zeros(n)
    for batch in _batches(np.asarray(sources, dtype=np.int64), n):
        delta = _dependencies(pattern, batch, weight)
        total += delta.sum(axis=0)
        squares += np.einsum("ij,ij->j", delta, delta)
    return total, squares


def dependencies(
    adj: sp.csr_matrix, sources: ArrayLike, targets: ArrayLike | None = None
) -> np.ndarray:
    """Brandes' dependency of every node for each source separately: a (sources × nodes) matrix."""
    n = adj.shape[0]
    pattern = adj.astype(bool).astype(np.float64)
    weight = np.ones(n) if targets is None else np.asarray(targets, dtype=np.float64)
    parts = [
        _dependencies(pattern, batch, weight)
        for batch in _batches(np.asarray(sources, dtype=np.int64), n)
    ]
    return np.vstack(parts) if parts else np.zeros((0, n))


def _dependencies(pattern: sp.csr_matrix, batch: np.ndarray, weight: np.ndarray) -> np.ndarray:
    b, n = len(batch), pattern.shape[0]
    depth = np.full(b * n, -1, dtype=np.int32)  # flat (source row, node) arrays
    sigma = np.zeros(b * n)
    delta = np.zeros(b * n)
    start = np.arange(b) * n + batch
    depth[start] = 0
    sigma[start] = 1.0
    levels = [start]
    frontier = _rows(start, np.ones(b), b, n)
    while True:  # forward: path counts, level by level
        reached, counts = _flat((frontier @ pattern), n)
        new = depth[reached] < 0
        if not new.any():
            break
        cells = reached[new]
        depth[cells] = len(levels)
        sigma[cells] = counts[new]
        levels.append(cells)
        frontier = _rows(cells, counts[new], b, n)
    for level in range(len(levels) - 1, 0, -1):  # backward: accumulate dependencies
        cells = levels[level]
        coef = (weight[cells % n] + delta[cells]) / sigma[cells]
        back, sums = _flat(_rows(cells, coef, b, n) @ pattern, n)
        keep = depth[back] == level - 1
        cells = back[keep]
        delta[cells] += sigma[cells] * sums[keep]
    delta[start] = 0.0
    return delta.reshape(b, n)


def _rows(cells: np.ndarray, values: np.ndarray, b: int, n: int) -> sp.csr_matrix:
    """A (b × n) CSR matrix from flat cells in increasing row order (columns need not be sorted)."""
    indptr = np.zeros(b + 1, dtype=np.int64)
    np.cumsum(np.bincount(cells // n, minlength=b), out=indptr[1:])
    return sp.csr_matrix((values, cells % n, indptr), shape=(b, n))


def _flat(matrix: sp.csr_matrix, n: int) -> tuple[np.ndarray, np.ndarray]:
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))
    return rows * n + matrix.indices, matrix.data


def eigenvector(
    adj: sp.csr_matrix, components: np.ndarray | None = None, tol: float = 1e-6
) -> np.ndarray:
    """Eigenvector centrality (unweighted) of the largest connected component, unit length as in
    networkx, by ARPACK (scipy `eigsh`); nodes of other components score 0."""
    n = adj.shape[0]
    scores = np.zeros(n)
    if n == 0:
        return scores
    if components is None:
        components = connected_components(adj, directed=False)[1]
    largest = np.flatnonzero(components == np.bincount(components).argmax())
    if len(largest) == 1:
        scores[largest] = 1.0
        return scores
    sub = adj if len(largest) == n else adj[largest][:, largest]
    sub = sp.csr_matrix((np.ones(sub.nnz), sub.indices, sub.indptr), shape=sub.shape)
    if len(largest) < 3:
        vector = np.ones(len(largest))
    else:
        try:
            _, vectors = eigsh(
                sub,
                k=1,
                which="LA",
                v0=np.ones(len(largest)),
                tol=tol,
                maxiter=max(1000, 20 * len(largest)),
            )
        except ArpackNoConvergence as exc:
            if not len(exc.eigenvectors):
                raise
            vectors = exc.eigenvectors
        vector = vectors[:, 0]
    vector = np.abs(vector)
    scores[largest] = vector / np.linalg.norm(vector)
    return scores


def distances(adj: sp.csr_matrix, sources: ArrayLike, blocked: int | None = None) -> np.ndarray:
    """Hop distance from the nearest of `sources` to every node (-1: unreachable), avoiding `blocked`."""
    n = adj.shape[0]
    dist = np.full(n, -1, dtype=np.int64)
    if blocked is not None:
        dist[blocked] = -2
    frontier = np.unique(np.asarray(sources, dtype=np.int64))
    frontier = frontier[dist[frontier] == -1]
    dist[frontier] = 0
    slot = np.zeros(n, dtype=np.int64)
    level = 0
    while len(frontier):
        level += 1
        reached = adj[frontier].indices
        reached = reached[dist[reached] == -1]
        dist[reached] = level
        slot[reached] = np.arange(len(reached))
        frontier = reached[slot[reached] == np.arange(len(reached))]  # each node once
    if blocked is not None:
        dist[blocked] = -1
    return dist


def pair_distances(
    adj: sp.csr_matrix, sources: Sequence[int] | np.ndarray, blocked: int | None = None
) -> np.ndarray:
    """Hop distances from each source separately: a (sources × nodes) matrix, -1 where unreachable."""
    out = np.full((len(sources), adj.shape[0]), -1, dtype=np.int64)
    for i, source in enumerate(sources):
        if source != blocked:
            out[i] = distances(adj, [source], blocked)
    return out


def louvain(
    adj: sp.csr_matrix | None,
    seed: int = 42,
    resolution: float = 1.0,
    max_rounds: int = 64,
    threshold: float = 1e-3,
    move_share: float = 0.7,
    incidence: sp.csr_matrix | None = None,
) -> np.ndarray:
    """Louvain communities with synchronous local moves, then aggregation, level after level.

    In a round every node picks its best neighbouring community at once; so that neighbours do not
    swap back and forth, moves alternate between higher and lower community ids and only a seeded
    random `move_share` of the candidates move. A level ends when an up-and-down cycle gains less than
    `threshold` modularity (or after `max_rounds`); the whole ends when a level merges nothing.
    With `incidence` (a 0/1 node × group matrix B) the graph is its co-membership projection B·Bᵀ
    without the diagonal (weight = shared groups); products go through B, which is cheaper as
    communities grow (`adj`, if given, is that projection and serves the first round).
    Returns a community label per node.
    """
    rng = np.random.default_rng(seed)
    level: _Projected | _Plain = (
        _Projected(incidence, adj)
        if incidence is not None
        else _Plain(sp.csr_matrix(_required(adj), dtype=np.float64))
    )
    labels = np.arange(level.n)
    while level.n:
        local = _local_moves(level, rng, resolution, max_rounds, threshold, move_share)
        count = int(local.max()) + 1
        if count == level.n:
            break
        labels = local[labels]
        member = sp.csr_matrix(
            (np.ones(level.n), (np.arange(level.n), local)), shape=(level.n, count)
        )
        level = _Plain(level.aggregate(member))
    return labels


def _required(adj: sp.csr_matrix | None) -> sp.csr_matrix:
    if adj is None:
        raise ValueError("louvain needs `adj` when no `incidence` is given")
    return adj


class _Plain:
    """A weighted graph as a CSR matrix (self-loops allowed, each counted once)."""

    def __init__(self, graph: sp.csr_matrix):
        self.n = graph.shape[0]
        self.degree = np.asarray(graph.sum(axis=1)).ravel()
        diagonal = graph.diagonal()
        self.loops = diagonal.sum()
        self.graph = graph
        self.off = graph if not diagonal.any() else sp.csr_matrix(graph - sp.diags(diagonal))
        self.self_links = None

    def links(self, member: sp.csr_matrix) -> sp.csr_matrix:
        links: sp.csr_matrix = self.off @ member
        return links

    def aggregate(self, member: sp.csr_matrix) -> sp.csr_matrix:
        grouped: sp.csr_matrix = (member.T @ self.graph @ member).tocsr()
        return grouped


class _Projected:
    """The projection B·Bᵀ − diag of a 0/1 incidence matrix B, used through B (and, for the first
    round, where every node is alone, through the projection itself if it is given)."""

    def __init__(self, incidence: sp.csr_matrix, projected: sp.csr_matrix | None = None):
        self.projected = projected
        self.b = sp.csr_matrix(incidence, dtype=np.float64)
        self.bt = self.b.T.tocsr()
        self.n = self.b.shape[0]
        self.self_links = np.asarray(self.b.sum(axis=1)).ravel()  # the diagonal of B·Bᵀ
        self.degree = self.b @ np.asarray(self.b.sum(axis=0)).ravel() - self.self_links
        self.loops = 0.0

    def links(self, member: sp.csr_matrix) -> sp.csr_matrix:
        if (
            self.projected is not None
        ):  # the first round: every node alone, so links = the projection
            links, self.projected = self.projected, None
            return links
        # still holds each node's link to itself (self_links)
        through: sp.csr_matrix = self.b @ (self.bt @ member)
        return through

    def aggregate(self, member: sp.csr_matrix) -> sp.csr_matrix:
        grouped = member.T @ self.b
        aggregated: sp.csr_matrix = (
            grouped @ grouped.T - sp.diags(member.T @ self.self_links)
        ).tocsr()
        return aggregated


def _local_moves(
    level: _Plain | _Projected,
    rng: np.random.Generator,
    resolution: float,
    max_rounds: int,
    threshold: float,
    move_share: float,
) -> np.ndarray:
    n, degree = level.n, level.degree
    two_m = degree.sum()
    comm = np.arange(n)
    if two_m <= 0:
        return comm
    last_q, last_comm, cycle_q = -np.inf, comm, -np.inf
    for round_ in range(max_rounds + 1):
        total = np.bincount(comm, weights=degree, minlength=n)
        links = level.links(sp.csr_matrix((np.ones(n), (np.arange(n), comm)), shape=(n, n)))
        counts = np.diff(links.indptr)
        c = links.indices
        comm_r = np.repeat(comm.astype(c.dtype), counts)
        own_at = np.flatnonzero(c == comm_r)  # each node's entry for its own community
        own_row = np.searchsorted(links.indptr, own_at, side="right") - 1
        own_links = links.data[own_at]
        if level.self_links is not None:
            own_links = own_links - level.self_links[own_row]
        q = (own_links.sum() + level.loops) / two_m - resolution * np.sum((total / two_m) ** 2)
        if q < last_q:  # the last synchronous move lost modularity: undo it and stop
            comm = last_comm
            break
        if round_ == max_rounds or (round_ % 2 == 0 and q - cycle_q < threshold):
            break  # an up-and-down cycle of moves gained too little
        if round_ % 2 == 0:
            cycle_q = q
        stay = -resolution * degree * (total[comm] - degree) / two_m  # gain of staying put
        stay[own_row] += own_links
        gain = total[c]
        gain *= np.repeat(degree * (-resolution / two_m), counts)
        gain += links.data
        gain[(c < comm_r) if round_ % 2 == 0 else (c > comm_r)] = -np.inf
        gain[own_at] = -np.inf
        present = np.flatnonzero(counts > 0)
        best = np.full(n, -np.inf)
        best[present] = np.maximum.reduceat(gain, links.indptr[present])
        hit = np.flatnonzero(gain == np.repeat(best, counts))
        first_rows, first = np.unique(
            np.searchsorted(links.indptr, hit, side="right") - 1, return_index=True
        )
        target = np.full(n, -1)
        target[first_rows] = c[hit[first]]
        move = (target >= 0) & (best > stay + 1e-12) & (rng.random(n) < move_share)
        last_q, last_comm = q, comm
        if move.any():
            comm = comm.copy()
            comm[move] = target[move]
    _, comm = np.unique(comm, return_inverse=True)
    return comm


def modularity(adj: sp.csr_matrix, labels: np.ndarray, resolution: float = 1.0) -> float:
    """Newman modularity of a partition of a weighted undirected graph (self-loops counted once per entry)."""
    degree = np.asarray(adj.sum(axis=1)).ravel()
    two_m = degree.sum()
    if two_m == 0:
        return 0.0
    coo = adj.tocoo()
    inside = coo.data[labels[coo.row] == labels[coo.col]].sum()
    total = np.bincount(labels, weights=degree)
    return float(inside / two_m - resolution * np.sum((total / two_m) ** 2))
