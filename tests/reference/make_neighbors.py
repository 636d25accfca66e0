#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom::clean::NearestNeighbors.

Writes tests/reference/fixtures/clean/nearest_neighbors.json: for a few seeded point sets
(few features, where loom uses its KD-tree, and many, where it uses brute force), the
k-nearest neighbours of query rows, of the points themselves (kneighbors(X=None)) and the
radius neighbours, from sklearn.neighbors.NearestNeighbors (metric euclidean). Continuous
random data, so that no two distances tie and the neighbour order is unique.

    /usr/bin/python3 tests/reference/make_neighbors.py
"""

import json
import os

import numpy as np
import sklearn
from sklearn.neighbors import NearestNeighbors

ROOT = os.path.dirname(os.path.abspath(__file__))


def case(name, n_points, n_features, n_queries, k, radius, seed):
    rng = np.random.RandomState(seed)
    points = rng.normal(size=(n_points, n_features))
    queries = rng.normal(size=(n_queries, n_features))
    index = NearestNeighbors(n_neighbors=k).fit(points)
    distances, indices = index.kneighbors(queries)
    self_distances, self_indices = index.kneighbors()
    within = index.radius_neighbors(queries, radius=radius, return_distance=False, sort_results=False)
    return {
        "name": name,
        "k": k,
        "radius": radius,
        "points": points.tolist(),
        "queries": queries.tolist(),
        "indices": indices.tolist(),
        "distances": distances.tolist(),
        "self_indices": self_indices.tolist(),
        "self_distances": self_distances.tolist(),
        "radius_indices": [sorted(int(i) for i in row) for row in within],
    }


def main():
    cases = [
        case("tree_3_features", 200, 3, 30, 5, 0.4, 1),
        case("brute_20_features", 90, 20, 20, 4, 5.0, 2),
    ]
    out = os.path.join(ROOT, "fixtures", "clean", "nearest_neighbors.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as handle:
        json.dump({"sklearn_version": sklearn.__version__,
                   "generator": "tests/reference/make_neighbors.py", "cases": cases}, handle)
        handle.write("\n")


if __name__ == "__main__":
    main()
