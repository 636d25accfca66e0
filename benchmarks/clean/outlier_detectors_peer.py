#!/usr/bin/python3
"""Python peer of loom_bench_outlier_detectors: times scikit-learn's IsolationForest
fit_predict, a PCA reconstruction-error detector and LocalOutlierFactor fit_predict (first
20,000 rows) on the matrix in FILE (.npy), best of REPEATS (default 3).

Prints "name seconds" per detector on stdout and the number of rows each flags on stderr. Usage:
    /usr/bin/python3 benchmarks/clean/outlier_detectors_peer.py FILE [REPEATS]
"""

import sys
import time

import numpy as np
from sklearn.decomposition import PCA
from sklearn.ensemble import IsolationForest
from sklearn.neighbors import LocalOutlierFactor


def forest(x):
    return IsolationForest(n_estimators=100, random_state=0).fit_predict(x)


def pca(x):
    model = PCA(n_components=5).fit(x)
    score = -((x - model.inverse_transform(model.transform(x))) ** 2).sum(axis=1)
    return np.where(score < np.percentile(score, 1.0), -1, 1)


def lof(x):
    return LocalOutlierFactor(n_neighbors=20).fit_predict(x[:20000])


def best_time(run, x, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        labels = run(x)
        best = min(best, time.perf_counter() - start)
    return best, labels


def main():
    x = np.load(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    forest_seconds, forest_labels = best_time(forest, x, repeats)
    pca_seconds, pca_labels = best_time(pca, x, repeats)
    lof_seconds, lof_labels = best_time(lof, x, repeats)
    print("outlier_detectors peer: IsolationForest flags %d, PCA flags %d, LOF flags %d"
          % ((forest_labels == -1).sum(), (pca_labels == -1).sum(), (lof_labels == -1).sum()),
          file=sys.stderr)
    print("isolation_forest %.6f" % forest_seconds)
    print("pca_reconstruction %.6f" % pca_seconds)
    print("local_outlier_factor %.6f" % lof_seconds)


if __name__ == "__main__":
    main()
