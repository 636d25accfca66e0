#!/usr/bin/python3
"""Python peer of loom_bench_tree_ensembles: times scikit-learn's RandomForestClassifier
and HistGradientBoostingClassifier fits (and xgboost's "hist" booster with the same tree
shape when python3-xgboost is installed), best of REPEATS, on the first N_TRAIN rows, with
THREADS threads; prints "name seconds" lines on stdout and the test accuracy / AUC of each
model on the remaining rows on stderr. Usage:
    /usr/bin/python3 benchmarks/models/tree_ensembles_peer.py X_FILE Y_FILE N_TRAIN TREES THREADS [REPEATS]
"""

import os
import sys
import time

def main():
    threads = int(sys.argv[5])
    os.environ["OMP_NUM_THREADS"] = str(threads)
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.metrics import roc_auc_score

    x = np.load(sys.argv[1])
    y = np.load(sys.argv[2]).ravel().astype(np.int64)
    n_train, trees = int(sys.argv[3]), int(sys.argv[4])
    repeats = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    x_train, y_train, x_test, y_test = x[:n_train], y[:n_train], x[n_train:], y[n_train:]

    def best(make):
        seconds, model = float("inf"), None
        for _ in range(repeats):
            model = make()
            start = time.perf_counter()
            model.fit(x_train, y_train)
            seconds = min(seconds, time.perf_counter() - start)
        proba = model.predict_proba(x_test)[:, 1]
        quality = "accuracy %.4f auc %.4f" % (((proba > 0.5) == y_test).mean(),
                                               roc_auc_score(y_test, proba))
        return seconds, model, quality

    results = {}
    seconds, _, quality = best(lambda: RandomForestClassifier(
        n_estimators=trees, n_jobs=threads, random_state=0))
    results["random_forest_fit"] = seconds
    print("scikit-learn random forest: " + quality, file=sys.stderr)
    seconds, model, quality = best(lambda: HistGradientBoostingClassifier(random_state=0))
    results["hist_gradient_boosting_fit"] = seconds
    print("scikit-learn hist boosting: %s, n_iter_ %d" % (quality, model.n_iter_),
          file=sys.stderr)
    try:
        import xgboost
    except ImportError:
        xgboost = None
    if xgboost is not None:
        # The same trees as scikit-learn's defaults: 31 leaves grown best first, 255 bins,
        # learning rate 0.1, min_child_weight ~ scikit-learn's min_hessian_to_split.
        seconds, _, quality = best(lambda: xgboost.XGBClassifier(
            tree_method="hist", grow_policy="lossguide", max_leaves=31, max_depth=0,
            max_bin=255, learning_rate=0.1, n_estimators=model.n_iter_, reg_lambda=0.0,
            min_child_weight=1e-3, n_jobs=threads))
        results["hist_gradient_boosting_fit_xgboost"] = seconds
        print("xgboost %s hist (%d rounds): %s" % (xgboost.__version__, model.n_iter_, quality),
              file=sys.stderr)
    for name, seconds in results.items():
        print("%s %.6f" % (name, seconds))


if __name__ == "__main__":
    main()
