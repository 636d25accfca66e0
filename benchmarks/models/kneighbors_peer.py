#!/usr/bin/python3
"""Python peer of loom_bench_kneighbors: times scikit-learn's KNeighborsClassifier
(n_neighbors=5, uniform, algorithm auto) predict for the query rows, best of REPEATS
(default 3); the fit (index build) is not timed.

    /usr/bin/python3 benchmarks/models/kneighbors_peer.py X_FILE Y_FILE Q_FILE [REPEATS]
"""

import sys
import time

import numpy as np
from sklearn.neighbors import KNeighborsClassifier


def main():
    x = np.load(sys.argv[1])
    y = np.load(sys.argv[2]).ravel().astype(np.int64)
    q = np.load(sys.argv[3])
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    model = KNeighborsClassifier(n_neighbors=5).fit(x, y)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        predicted = model.predict(q)
        best = min(best, time.perf_counter() - start)
    print("kneighbors peer: first predictions %s" % predicted[:3], file=sys.stderr)
    print("kneighbors_predict %.6f" % best)


if __name__ == "__main__":
    main()
