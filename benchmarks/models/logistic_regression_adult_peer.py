#!/usr/bin/python3
"""Python peer of loom_bench_logistic_regression_adult: times scikit-learn's
LogisticRegression (lbfgs, C=1) fit and predict_proba on the standardised numeric Adult
matrix, best of REPEATS (default 5).

    /usr/bin/python3 benchmarks/models/logistic_regression_adult_peer.py X_FILE Y_FILE [REPEATS]
"""

import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression


def best_time(repeats, run):
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    x = np.load(sys.argv[1])
    y = np.load(sys.argv[2]).ravel().astype(np.int64)
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    fit_seconds, model = best_time(repeats, lambda: LogisticRegression().fit(x, y))
    predict_seconds, _ = best_time(repeats, lambda: model.predict_proba(x))
    print("logistic_regression_adult peer: coef_[0, :3] %.6f %.6f %.6f"
          % tuple(model.coef_[0, :3]), file=sys.stderr)
    print("logistic_regression_adult_fit %.6f" % fit_seconds)
    print("logistic_regression_adult_predict_proba %.6f" % predict_seconds)


if __name__ == "__main__":
    main()
