#!/usr/bin/python3
"""Python peer of loom_bench_kmeans: times scikit-learn's KMeans (k=8, k-means++, n_init=3,
lloyd, default tol, random_state=0) fit and predict on the training rows, best of REPEATS
(default 3) each.

X_FILE holds the features (.npy). Prints "kmeans_<fit|predict> seconds" lines on stdout and
the inertia and iterations on stderr. Threads follow OMP_NUM_THREADS (every core by default).
Usage:
    /usr/bin/python3 benchmarks/models/kmeans_peer.py X_FILE [REPEATS]
"""

import sys
import time

import numpy as np
from sklearn.cluster import KMeans


def best_time(repeats, run):
    best = float("inf")
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    x = np.load(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    fit_seconds, model = best_time(
        repeats, lambda: KMeans(n_clusters=8, n_init=3, random_state=0).fit(x))
    predict_seconds, _ = best_time(repeats, lambda: model.predict(x))
    print("kmeans peer: inertia_ %.6f, n_iter_ %d" % (model.inertia_, model.n_iter_),
          file=sys.stderr)
    print("kmeans_fit %.6f" % fit_seconds)
    print("kmeans_predict %.6f" % predict_seconds)


if __name__ == "__main__":
    main()
