#!/usr/bin/python3
"""Python peer of loom_bench_smote: times imbalanced-learn's SMOTE(k_neighbors=5,
random_state=0).fit_resample on the matrix in FILE (.npy; the last column is the label), best
of REPEATS (default 3).

Prints "smote seconds" on stdout and the sum of the new rows on stderr. Usage:
    /usr/bin/python3 benchmarks/clean/smote_peer.py FILE [REPEATS]
"""

import sys
import time

import numpy as np
from imblearn.over_sampling import SMOTE


def main():
    data = np.load(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    x, y = np.ascontiguousarray(data[:, :-1]), data[:, -1].astype(int)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        x_res, _ = SMOTE(k_neighbors=5, random_state=0).fit_resample(x, y)
        best = min(best, time.perf_counter() - start)
    print("smote peer: %d rows, sum of the new rows %.12g"
          % (len(x_res), x_res[len(x):].sum()), file=sys.stderr)
    print("smote %.6f" % best)


if __name__ == "__main__":
    main()
