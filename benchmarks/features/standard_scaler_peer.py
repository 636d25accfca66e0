#!/usr/bin/python3
"""Python peer of loom_bench_standard_scaler: times scikit-learn's StandardScaler
fit_transform on the matrix in FILE (.npy), best of REPEATS (default 5).

Prints "standard_scaler seconds" on stdout and the fitted values the C++ side also reports
on stderr. Usage:
    /usr/bin/python3 benchmarks/features/standard_scaler_peer.py FILE [REPEATS]
"""

import sys
import time

import numpy as np
from sklearn.preprocessing import StandardScaler


def main():
    x = np.load(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        scaler = StandardScaler()
        scaled = scaler.fit_transform(x)
        best = min(best, time.perf_counter() - start)
    print("standard_scaler peer: mean_[0] %.17g, scale_[0] %.17g, transformed[0, 0] %.17g"
          % (scaler.mean_[0], scaler.scale_[0], scaled[0, 0]), file=sys.stderr)
    print("standard_scaler %.6f" % best)


if __name__ == "__main__":
    main()
