#!/usr/bin/python3
"""Python peer of loom_bench_k_bins_discretizer: times scikit-learn's KBinsDiscretizer
(defaults: 5 quantile bins, sparse one-hot output, subsample=None) fit_transform on the
matrix in FILE (.npy), best of REPEATS (default 5).

Prints "k_bins_discretizer seconds" on stdout. Usage:
    /usr/bin/python3 benchmarks/features/k_bins_discretizer_peer.py FILE [REPEATS]
"""

import sys
import time

import numpy as np
from sklearn.preprocessing import KBinsDiscretizer


def main():
    x = np.load(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        model = KBinsDiscretizer(subsample=None)
        binned = model.fit_transform(x)
        best = min(best, time.perf_counter() - start)
    print("k_bins_discretizer peer: bin_edges[0][1] %.17g, %d stored values"
          % (model.bin_edges_[0][1], binned.nnz), file=sys.stderr)
    print("k_bins_discretizer %.6f" % best)


if __name__ == "__main__":
    main()
