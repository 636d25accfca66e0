#!/usr/bin/python3
"""Python peer of loom_bench_feature_hasher: times scikit-learn's FeatureHasher (dict input,
2**20 features) on the rows of FILE (CSV), best of REPEATS (default 3). The list of dicts is
built before timing. Prints "feature_hasher seconds".
    /usr/bin/python3 benchmarks/features/feature_hasher_peer.py FILE [REPEATS]
"""

import sys
import time

import pandas as pd
from sklearn.feature_extraction import FeatureHasher


def main():
    frame = pd.read_csv(sys.argv[1], dtype={"city": str, "product": str, "user": str})
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    rows = frame.to_dict(orient="records")
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        hashed = FeatureHasher(input_type="dict").transform(rows)
        best = min(best, time.perf_counter() - start)
    print("feature_hasher peer: %d stored values" % hashed.nnz, file=sys.stderr)
    print("feature_hasher %.6f" % best)


if __name__ == "__main__":
    main()
