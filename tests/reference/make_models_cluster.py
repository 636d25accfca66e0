#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom's clustering tests.

Writes (overwrites) under tests/reference/fixtures/models_cluster/:

    kmeans.json              KMeans / MiniBatchKMeans inertia on iris, wine (scaled),
                             well-separated blobs with their labels, and the mean inertia
                             over seeds on the shared wine_quality_red.csv (scaled)
    dbscan.json              DBSCAN labels on small 2-D sets with noise
    clustering_metrics.json  silhouette_score, adjusted_rand_score

Layout: {"sklearn_version": "...", "generator": "...", "cases": [...]}. Floats are
written with repr precision; every generator is seeded.

    /usr/bin/python3 tests/reference/make_models_cluster.py
"""

import json
import os
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import DBSCAN, KMeans, MiniBatchKMeans
from sklearn.datasets import load_iris, load_wine, make_blobs, make_moons
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import StandardScaler

GENERATOR = "tests/reference/make_models_cluster.py"
OUT_DIR = os.path.join("tests", "reference", "fixtures", "models_cluster")
SHARED = os.path.join("..", "shared", "data", "wine_quality_red.csv")
SEEDS = [0, 1, 2, 3, 4]

warnings.filterwarnings("ignore")


def rows(matrix):
    return [[float(v) for v in row] for row in np.asarray(matrix)]


def write(name, cases):
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, name), "w") as out:
        json.dump({"sklearn_version": sklearn.__version__, "generator": GENERATOR,
                   "cases": cases}, out, separators=(",", ":"))
        out.write("\n")


def kmeans_inertias(x, k, seeds, **params):
    return [float(KMeans(n_clusters=k, random_state=s, **params).fit(x).inertia_)
            for s in seeds]


def minibatch_inertias(x, k, seeds, **params):
    return [float(MiniBatchKMeans(n_clusters=k, random_state=s, **params).fit(x).inertia_)
            for s in seeds]


def kmeans_cases():
    cases = []
    iris = load_iris().data
    wine = StandardScaler().fit_transform(load_wine().data)
    for name, x, k in [("iris", iris, 3), ("wine_scaled", wine, 3), ("wine_scaled", wine, 6)]:
        cases.append({
            "name": name, "x": rows(x), "n_clusters": k,
            "kmeans_inertia": kmeans_inertias(x, k, SEEDS, n_init=10),
            "kmeans_random_inertia": kmeans_inertias(x, k, SEEDS, n_init=10, init="random"),
            "minibatch_inertia": minibatch_inertias(x, k, SEEDS, n_init=3, batch_size=64),
            "tolerance": float(np.mean(np.var(x, axis=0)) * 1e-4),
        })
    x, y = make_blobs(n_samples=240, centers=4, n_features=3, cluster_std=0.6,
                      random_state=7)
    model = KMeans(n_clusters=4, n_init=10, random_state=0).fit(x)
    cases.append({"name": "blobs", "x": rows(x), "n_clusters": 4,
                  "labels": [int(v) for v in model.labels_],
                  "kmeans_inertia": [float(model.inertia_)],
                  "cluster_centers": rows(model.cluster_centers_),
                  "minibatch_inertia": minibatch_inertias(x, 4, SEEDS, n_init=3,
                                                          batch_size=32),
                  "tolerance": float(np.mean(np.var(x, axis=0)) * 1e-4)})
    shared = {}
    if os.path.exists(SHARED):
        data = pd.read_csv(SHARED, sep=";").drop(columns=["quality"])
        x = StandardScaler().fit_transform(data.to_numpy())
        shared = {"name": "wine_quality_red", "n_clusters": 8,
                  "kmeans_inertia": kmeans_inertias(x, 8, SEEDS, n_init=10),
                  "minibatch_inertia": minibatch_inertias(x, 8, SEEDS, n_init=3)}
    return cases, shared


def dbscan_cases():
    cases = []
    x, _ = make_moons(n_samples=150, noise=0.08, random_state=3)
    noise = np.random.RandomState(5).uniform(-1.5, 2.5, size=(20, 2))
    moons = np.vstack([x, noise])
    blobs, _ = make_blobs(n_samples=120, centers=3, cluster_std=0.9, random_state=11)
    for name, data, settings in [("moons", moons, [(0.2, 5), (0.15, 4), (0.3, 10)]),
                                 ("blobs", blobs, [(0.5, 5), (0.8, 3), (1.2, 8)])]:
        for eps, min_samples in settings:
            model = DBSCAN(eps=eps, min_samples=min_samples).fit(data)
            cases.append({"name": name, "x": rows(data), "eps": eps,
                          "min_samples": min_samples,
                          "labels": [int(v) for v in model.labels_],
                          "core_sample_indices": [int(v) for v in
                                                  model.core_sample_indices_]})
    return cases


def metric_cases():
    cases = []
    rng = np.random.RandomState(0)
    x, y = make_blobs(n_samples=60, centers=3, n_features=4, random_state=2)
    labels = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(x)
    noisy = labels.copy()
    flip = rng.choice(60, 12, replace=False)
    noisy[flip] = rng.randint(0, 4, size=12)
    singleton = labels.copy()
    singleton[0] = 7  # a cluster of one row: silhouette 0 for it
    for name, lab in [("kmeans", labels), ("noisy", noisy), ("singleton", singleton)]:
        cases.append({"kind": "silhouette", "name": name, "x": rows(x),
                      "labels": [int(v) for v in lab],
                      "silhouette": float(silhouette_score(x, lab))})
    pairs = [("same", [0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9]),
             ("disjoint", [0, 0, 0, 1, 1, 1], [0, 1, 2, 0, 1, 2]),
             ("one_cluster_each", [0] * 5, [1] * 5),
             ("singletons", list(range(5)), list(range(5))),
             ("partial", [0, 0, 1, 1, 1, 2, 2, 3], [1, 1, 0, 0, 2, 2, 2, 2]),
             ("blobs_vs_kmeans", [int(v) for v in y], [int(v) for v in noisy])]
    for name, a, b in pairs:
        cases.append({"kind": "adjusted_rand", "name": name, "labels_true": a,
                      "labels_pred": b, "adjusted_rand": float(adjusted_rand_score(a, b))})
    big_a = rng.randint(0, 7, size=400)
    big_b = np.where(rng.rand(400) < 0.7, big_a, rng.randint(0, 5, size=400))
    cases.append({"kind": "adjusted_rand", "name": "random_400",
                  "labels_true": [int(v) for v in big_a], "labels_pred": [int(v) for v in big_b],
                  "adjusted_rand": float(adjusted_rand_score(big_a, big_b))})
    return cases


def main():
    cases, shared = kmeans_cases()
    write("kmeans.json", cases)
    write("kmeans_shared.json", [shared] if shared else [])
    write("dbscan.json", dbscan_cases())
    write("clustering_metrics.json", metric_cases())


if __name__ == "__main__":
    main()
