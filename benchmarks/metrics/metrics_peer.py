#!/usr/bin/python3
"""Python peer of loom_bench_metrics: times scikit-learn's roc_auc_score, f1_score and
confusion_matrix on the data file the C++ benchmark wrote, best of 5.

File layout: n as int64, y_true and y_pred as n int8 each, y_score as n float64.
Prints "name seconds" lines on stdout, and the metric values on stderr. Usage:
    /usr/bin/python3 benchmarks/metrics/metrics_peer.py FILE
"""

import sys
import time

import numpy as np
from sklearn import metrics

REPEATS = 5


def best_time(run):
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    with open(sys.argv[1], "rb") as fh:
        n = int(np.frombuffer(fh.read(8), dtype=np.int64)[0])
        y_true = np.frombuffer(fh.read(n), dtype=np.int8).astype(np.int64)
        y_pred = np.frombuffer(fh.read(n), dtype=np.int8).astype(np.int64)
        y_score = np.frombuffer(fh.read(8 * n), dtype=np.float64)
    times = {
        "roc_auc": best_time(lambda: metrics.roc_auc_score(y_true, y_score)),
        "f1": best_time(lambda: metrics.f1_score(y_true, y_pred)),
        "confusion_matrix": best_time(lambda: metrics.confusion_matrix(y_true, y_pred)),
    }
    print("metrics peer: roc_auc %.12f, f1 %.12f" % (metrics.roc_auc_score(y_true, y_score),
                                                      metrics.f1_score(y_true, y_pred)),
          file=sys.stderr)
    for name, seconds in times.items():
        print("%s %.6f" % (name, seconds))


if __name__ == "__main__":
    main()
