#!/usr/bin/python3
"""Python peer of loom_bench_grid_search: times scikit-learn's GridSearchCV (no refit,
n_jobs=1) of StandardScaler + LogisticRegression over C in {0.01, 0.1, 1, 10} x fit_intercept
in {True, False} with StratifiedKFold(5), best of REPEATS (default 3).

Prints "grid_search_cv seconds" on stdout and best_score_ on stderr. Usage:
    /usr/bin/python3 benchmarks/tuning/grid_search_peer.py X_FILE Y_FILE [REPEATS]
"""

import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def main():
    x = np.load(sys.argv[1])
    y = np.load(sys.argv[2]).ravel().astype(np.int64)
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    pipe = Pipeline([("scaler", StandardScaler()), ("model", LogisticRegression())])
    grid = {"model__C": [0.01, 0.1, 1.0, 10.0], "model__fit_intercept": [True, False]}
    best = float("inf")
    search = None
    for _ in range(repeats):
        start = time.perf_counter()
        search = GridSearchCV(pipe, grid, cv=StratifiedKFold(5), refit=False, n_jobs=1).fit(x, y)
        best = min(best, time.perf_counter() - start)
    print("grid_search_cv %.9f" % best)
    print("grid_search_cv: best_score_ %.6f" % search.best_score_, file=sys.stderr)


if __name__ == "__main__":
    main()
