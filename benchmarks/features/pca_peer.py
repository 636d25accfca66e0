#!/usr/bin/python3
"""Python peer of loom_bench_pca: times scikit-learn's PCA(n_components=10, random_state=0)
fit_transform on the matrix in FILE (.npy), best of REPEATS (default 3).
Prints "pca seconds".
    /usr/bin/python3 benchmarks/features/pca_peer.py FILE [REPEATS]
"""

import sys
import time

import numpy as np
from sklearn.decomposition import PCA


def main():
    x = np.load(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        pca = PCA(n_components=10, random_state=0)
        pca.fit_transform(x)
        best = min(best, time.perf_counter() - start)
    print("pca peer: explained_variance_ratio_[0] %.12g" % pca.explained_variance_ratio_[0],
          file=sys.stderr)
    print("pca %.6f" % best)


if __name__ == "__main__":
    main()
