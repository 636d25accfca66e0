#!/usr/bin/python3
"""Python peer of loom_bench_logistic_regression: times scikit-learn's LogisticRegression
(lbfgs, C=1, default tol) fit and predict_proba on the training rows, best of REPEATS
(default 5) each, for the binary and the 3-class labels.

X_FILE holds the features, Y2_FILE and Y3_FILE the class indices (.npy, one column each).
Prints "logistic_regression_<fit|predict_proba>_<binary|3class> seconds" lines on stdout
and the fitted values the C++ side also reports on stderr. Usage:
    /usr/bin/python3 benchmarks/models/logistic_regression_peer.py X_FILE Y2_FILE Y3_FILE [REPEATS]
"""

import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

def best_time(repeats, run):
    best = float("inf")
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    x = np.load(sys.argv[1])
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    times = {}
    for suffix, path in (("binary", sys.argv[2]), ("3class", sys.argv[3])):
        y = np.load(path).ravel().astype(np.int64)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            fit_seconds, model = best_time(
                repeats, lambda: LogisticRegression(solver="lbfgs", C=1.0).fit(x, y))
        predict_seconds, probability = best_time(repeats, lambda: model.predict_proba(x))
        print("logistic_regression peer %s: n_iter_ %d%s, coef_[0, :3] %.6f %.6f %.6f, "
              "intercept_[0] %.6f, predict_proba[0, 0] %.6f"
              % (suffix, model.n_iter_[0], " (not converged)" if any(
                  issubclass(w.category, ConvergenceWarning) for w in caught) else "",
                 model.coef_[0, 0], model.coef_[0, 1], model.coef_[0, 2], model.intercept_[0],
                 probability[0, 0]), file=sys.stderr)
        times["logistic_regression_fit_" + suffix] = fit_seconds
        times["logistic_regression_predict_proba_" + suffix] = predict_seconds
    for name, seconds in times.items():
        print("%s %.6f" % (name, seconds))


if __name__ == "__main__":
    main()
