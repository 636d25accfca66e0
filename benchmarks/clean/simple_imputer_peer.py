#!/usr/bin/python3
"""Python peer of loom_bench_simple_imputer: times scikit-learn's SimpleImputer(strategy="mean")
fit_transform on the matrix in FILE (.npy), best of REPEATS (default 5), on a numpy array and
on a pandas DataFrame of the same values.

Prints "simple_imputer_matrix seconds" and "simple_imputer_dataset seconds" on stdout and the
fitted values the C++ side also reports on stderr. Usage:
    /usr/bin/python3 benchmarks/clean/simple_imputer_peer.py FILE [REPEATS]
"""

import sys
import time

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer


def best_time(x, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        imputer = SimpleImputer(strategy="mean")
        imputed = imputer.fit_transform(x)
        best = min(best, time.perf_counter() - start)
    return best, imputer, imputed


def main():
    x = np.load(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    frame = pd.DataFrame(x, columns=["x%d" % j for j in range(x.shape[1])])
    matrix_seconds, imputer, imputed = best_time(x, repeats)
    dataset_seconds, _, from_frame = best_time(frame, repeats)
    print("simple_imputer peer: statistics_[0] %.17g, matrix[0, 0] %.17g, dataset "
          "column 0 row 0 %.17g" % (imputer.statistics_[0], imputed[0, 0], from_frame[0, 0]),
          file=sys.stderr)
    print("simple_imputer_matrix %.6f" % matrix_seconds)
    print("simple_imputer_dataset %.6f" % dataset_seconds)


if __name__ == "__main__":
    main()
