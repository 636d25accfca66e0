#!/usr/bin/python3
"""Python peer of loom_bench_one_hot_encoder: times scikit-learn's OneHotEncoder
fit_transform (sparse output) on the categorical data whose codes are in FILE (.npy), turned
into a DataFrame of strings "c<code>" before timing, best of REPEATS (default 5).

Prints "one_hot_encoder seconds" on stdout. Usage:
    /usr/bin/python3 benchmarks/features/one_hot_encoder_peer.py FILE [REPEATS]
"""

import sys
import time

import numpy as np
import pandas as pd
from sklearn.preprocessing import OneHotEncoder


def main():
    codes = np.load(sys.argv[1]).astype(np.int64)
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    frame = pd.DataFrame({"x%d" % j: np.char.add("c", codes[:, j].astype(str)).astype(object)
                          for j in range(codes.shape[1])})
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        encoded = OneHotEncoder().fit_transform(frame)
        best = min(best, time.perf_counter() - start)
    print("one_hot_encoder peer: %d columns, %d stored values" % (encoded.shape[1], encoded.nnz),
          file=sys.stderr)
    print("one_hot_encoder %.6f" % best)


if __name__ == "__main__":
    main()
