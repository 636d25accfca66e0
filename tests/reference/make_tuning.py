#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom::tuning's C++ unit tests.

Writes (overwrites) JSON files under tests/reference/fixtures/tuning/:

    random_state.json   numpy RandomState draws (random_sample, randint, shuffle, uniform)
    splitters.json      KFold, StratifiedKFold, RepeatedStratifiedKFold, GroupKFold,
                        TimeSeriesSplit, train_test_split (plain / stratified) indices
    sampler.json        ParameterGrid order and ParameterSampler draws
    cv.json             a small classification / regression data set with cross_val_score,
                        GridSearchCV mean / std / rank and RandomizedSearchCV draws
    metrics.json        F-beta, weighted kappa, PR curve, OvR ROC AUC, MAPE, ROC curve,
                        calibration_curve

Each file is {"sklearn_version": ..., "generator": ..., "cases": [...]}. Seeded throughout.
Run from the repository root: /usr/bin/python3 tests/reference/make_tuning.py
"""

import json
import math
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn import model_selection as ms

GENERATOR = "tests/reference/make_tuning.py"
OUT_DIR = os.path.join("tests", "reference", "fixtures", "tuning")


def clean(obj):
    if obj is None:
        return None
    if isinstance(obj, np.ndarray):
        return [clean(v) for v in obj.tolist()]
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): clean(v) for k, v in obj.items()}
    if isinstance(obj, (bool, np.bool_)):
        return bool(obj)
    if isinstance(obj, (int, np.integer)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        f = float(obj)
        if math.isnan(f):
            return None
        return f
    if isinstance(obj, str):
        return obj
    raise TypeError("cannot serialise %r (%s)" % (obj, type(obj)))


def write_fixture(filename, cases):
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, filename)
    body = [json.dumps(clean(c), allow_nan=False, separators=(",", ":")) for c in cases]
    text = ('{"sklearn_version": %s,\n "generator": %s,\n "cases": [\n'
            % (json.dumps(sklearn.__version__), json.dumps(GENERATOR)))
    text += ",\n".join(body) + "\n]}\n"
    json.loads(text)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("wrote %s (%d cases, %d bytes)" % (path, len(cases), len(text)))


def make_random_state():
    cases = []
    for seed in [0, 42, 123456789, 4294967295]:
        rng = np.random.RandomState(seed)
        samples = rng.random_sample(4)
        randints = [int(rng.randint(0, n)) for n in [1, 2, 3, 7, 100, 1000003]]
        arr = np.arange(23)
        rng.shuffle(arr)
        perm = rng.permutation(10)
        uni = [float(rng.uniform(-2.0, 3.0)) for _ in range(3)]
        cases.append({"seed": seed, "random_sample": samples, "randint_bounds": [1, 2, 3, 7, 100, 1000003],
                      "randint": randints, "shuffle23": arr, "permutation10": perm,
                      "uniform_m2_3": uni})
    return cases


def folds(splitter, X, y=None, groups=None):
    return [{"train": tr, "test": te} for tr, te in splitter.split(X, y, groups)]


def make_splitters():
    rng = np.random.RandomState(7)
    cases = []
    n = 23
    X = np.zeros((n, 1))
    for k, shuffle, seed in [(5, False, None), (3, True, 0), (4, True, 42), (23, True, 5)]:
        cases.append({"kind": "KFold", "n_rows": n, "n_splits": k, "shuffle": shuffle,
                      "random_state": seed,
                      "folds": folds(ms.KFold(k, shuffle=shuffle, random_state=seed), X)})
    y_sets = {
        "three_classes": rng.choice(["b", "a", "c"], size=37, p=[0.5, 0.3, 0.2]),
        "imbalanced_numeric": np.array([3] * 25 + [10] * 6 + [1] * 4),
    }
    rng.shuffle(y_sets["imbalanced_numeric"])
    for name, y in y_sets.items():
        Xy = np.zeros((len(y), 1))
        labels = [str(v) for v in y]
        for k, shuffle, seed in [(5, False, None), (3, True, 0), (4, True, 1234)]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                f = folds(ms.StratifiedKFold(k, shuffle=shuffle, random_state=seed), Xy, y)
            cases.append({"kind": "StratifiedKFold", "name": name, "y": labels, "n_splits": k,
                          "shuffle": shuffle, "random_state": seed, "folds": f})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            f = folds(ms.RepeatedStratifiedKFold(n_splits=3, n_repeats=2, random_state=11), Xy, y)
        cases.append({"kind": "RepeatedStratifiedKFold", "name": name, "y": labels, "n_splits": 3,
                      "n_repeats": 2, "random_state": 11, "folds": f})
        for test_size, train_size, seed in [(0.25, None, 0), (0.3, None, 42), (None, 0.6, 3), (7, None, 9)]:
            tr, te = ms.train_test_split(np.arange(len(y)), test_size=test_size,
                                         train_size=train_size, random_state=seed, stratify=y)
            cases.append({"kind": "train_test_split", "name": name, "y": labels, "n_rows": len(y),
                          "test_size": test_size, "train_size": train_size, "random_state": seed,
                          "stratify": True, "train": tr, "test": te})
            tr, te = ms.train_test_split(np.arange(len(y)), test_size=test_size,
                                         train_size=train_size, random_state=seed)
            cases.append({"kind": "train_test_split", "name": name, "y": labels, "n_rows": len(y),
                          "test_size": test_size, "train_size": train_size, "random_state": seed,
                          "stratify": False, "train": tr, "test": te})
        # train / validation / test as loom defines it: test first, then validation (a count
        # of ceil(validation_size * n)) from the remaining rows, same seed.
        n_rows = len(y)
        idx = np.arange(n_rows)
        rest, test = ms.train_test_split(idx, test_size=0.2, random_state=5, stratify=y)
        train, val = ms.train_test_split(rest, test_size=int(math.ceil(0.2 * n_rows)),
                                         random_state=5, stratify=y[rest])
        cases.append({"kind": "train_validation_test_split", "name": name, "y": labels,
                      "validation_size": 0.2, "test_size": 0.2, "random_state": 5,
                      "train": train, "validation": val, "test": test})
    groups = np.array(["g%d" % (i % 7) for i in range(30)] + ["g1"] * 5 + ["g3"] * 2)
    for k in [2, 3, 5]:
        cases.append({"kind": "GroupKFold", "groups": groups, "n_splits": k,
                      "folds": folds(ms.GroupKFold(k), np.zeros((len(groups), 1)), None, groups)})
    for k, max_train, test_size, gap in [(5, None, None, 0), (3, 6, None, 0), (4, None, 3, 2)]:
        cases.append({"kind": "TimeSeriesSplit", "n_rows": 20, "n_splits": k,
                      "max_train_size": max_train, "test_size": test_size, "gap": gap,
                      "folds": folds(ms.TimeSeriesSplit(k, max_train_size=max_train,
                                                        test_size=test_size, gap=gap),
                                     np.zeros((20, 1)))})
    return cases


def make_sampler():
    from scipy.stats import loguniform, randint, uniform
    cases = []
    grids = [
        {"model.C": [0.01, 0.1, 1.0, 10.0], "scaler.with_mean": [True, False]},
        [{"model.C": [1, 2]}, {"model.C": [5], "model.penalty": ["l2", None], "a.b": [1, 2, 3]}],
        {"model.C": [1, 2], "model_x.a": ["p", "q"], "modelz": [0, 1, 2]},
    ]
    for grid in grids:
        sk = grid if isinstance(grid, dict) else grid
        def to_sk(g):
            return {k.replace(".", "__"): v for k, v in g.items()}
        sk = to_sk(grid) if isinstance(grid, dict) else [to_sk(g) for g in grid]
        points = [{k.replace("__", "."): v for k, v in p.items()} for p in ms.ParameterGrid(sk)]
        cases.append({"kind": "grid", "grid": grid, "points": points})
        for n_iter, seed in [(3, 0), (5, 7), (100, 1)]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                points = [{k.replace("__", "."): v for k, v in p.items()}
                          for p in ms.ParameterSampler(sk, n_iter, random_state=seed)]
            cases.append({"kind": "sampler", "distributions": grid, "n_iter": n_iter,
                          "random_state": seed, "points": points})
    # Distributions as CLI.md writes them and as scipy draws them.
    loom_dists = {"model.C": {"loguniform": [0.001, 100.0]}, "model.tol": {"uniform": [0.5, 2.0]},
                  "model.max_iter": {"randint": [50, 200]}, "scaler.with_mean": [True, False],
                  "model.solver": {"choice": ["lbfgs", "newton-cg", "sag"]}}
    sk_dists = {"model__C": loguniform(0.001, 100.0), "model__tol": uniform(0.5, 1.5),
                "model__max_iter": randint(50, 200), "scaler__with_mean": [True, False],
                "model__solver": ["lbfgs", "newton-cg", "sag"]}
    for n_iter, seed in [(8, 0), (4, 123)]:
        points = []
        for p in ms.ParameterSampler(sk_dists, n_iter, random_state=seed):
            points.append({k.replace("__", "."): (v.item() if hasattr(v, "item") else v)
                           for k, v in p.items()})
        cases.append({"kind": "sampler", "distributions": loom_dists, "n_iter": n_iter,
                      "random_state": seed, "points": points})
    return cases


def cv_data():
    from sklearn.datasets import make_classification
    X, y = make_classification(n_samples=90, n_features=4, n_informative=3, n_redundant=0,
                               n_classes=3, n_clusters_per_class=1, class_sep=0.8,
                               random_state=3)
    X = np.round(X * [1.0, 10.0, 0.5, 3.0] + [0.0, 50.0, -1.0, 2.0], 6)
    names = np.array(["high", "low", "mid"])
    labels = names[y]
    rng = np.random.RandomState(4)
    y_reg = np.round(X @ [1.5, -0.2, 2.0, 0.7] + rng.randn(90) * 2.0, 6)
    return X, labels, y_reg


def make_cv():
    from sklearn.linear_model import LinearRegression, LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler
    # newton-cg warns that tol=1e-10 is not reached: it stops at the rounding floor instead.
    warnings.simplefilter("ignore")
    X, labels, y_reg = cv_data()
    binary = np.where(labels == "high", "yes", "no")
    cases = []
    # scikit-learn's newton-cg with a tight tolerance reaches the exact optimum (its lbfgs stops
    # on a relative decrease of the loss first), as loom's LogisticRegression does, so
    # probabilities agree to many digits.
    pipe = Pipeline([("scaler", StandardScaler()),
                     ("model", LogisticRegression(tol=1e-10, max_iter=1000, solver="newton-cg"))])
    spec = {"steps": [{"name": "scaler", "type": "StandardScaler", "params": {}},
                      {"name": "model", "type": "LogisticRegression",
                       "params": {"tol": 1e-10, "max_iter": 1000}}]}
    for target, y in [("multiclass", labels), ("binary", binary)]:
        for cv, shuffle, seed, scoring in [(5, False, None, "accuracy"), (4, True, 3, "f1_macro"),
                                           (3, False, None, "neg_log_loss"),
                                           (5, True, 0, "balanced_accuracy")]:
            folds = ms.StratifiedKFold(cv, shuffle=shuffle, random_state=seed)
            scores = ms.cross_val_score(pipe, X, y, cv=folds, scoring=scoring)
            cases.append({"kind": "cross_val_score", "target": target, "spec": spec, "cv": cv,
                          "shuffle": shuffle, "seed": seed, "scoring": scoring,
                          "scores": scores})
        if target == "binary":
            scores = ms.cross_val_score(pipe, X, y, cv=ms.StratifiedKFold(5), scoring="roc_auc")
            cases.append({"kind": "cross_val_score", "target": target, "spec": spec, "cv": 5,
                          "shuffle": False, "seed": None, "scoring": "roc_auc", "scores": scores})
    reg_spec = {"steps": [{"name": "scaler", "type": "StandardScaler", "params": {}},
                          {"name": "model", "type": "TestLinearRegression", "params": {}}]}
    reg = Pipeline([("scaler", StandardScaler()), ("model", LinearRegression())])
    for cv, shuffle, seed, scoring in [(5, False, None, "r2"), (4, True, 2, "neg_mean_squared_error")]:
        folds = ms.KFold(cv, shuffle=shuffle, random_state=seed)
        scores = ms.cross_val_score(reg, X, y_reg, cv=folds, scoring=scoring)
        cases.append({"kind": "cross_val_score", "target": "regression", "spec": reg_spec,
                      "cv": cv, "shuffle": shuffle, "seed": seed, "scoring": scoring,
                      "scores": scores})
    # Grid search: same folds, mean / std / rank of every candidate, in ParameterGrid order.
    grid = {"model__C": [0.001, 0.01, 0.1, 1.0, 10.0], "model__fit_intercept": [True, False]}
    for scoring in ["accuracy", "neg_log_loss"]:
        gs = ms.GridSearchCV(pipe, grid, cv=ms.StratifiedKFold(5), scoring=scoring)
        gs.fit(X, labels)
        r = gs.cv_results_
        cases.append({"kind": "grid_search", "target": "multiclass", "spec": spec, "cv": 5,
                      "scoring": scoring,
                      "grid": {k.replace("__", "."): v for k, v in grid.items()},
                      "params": [{k.replace("__", "."): v for k, v in p.items()} for p in r["params"]],
                      "mean": r["mean_test_score"], "std": r["std_test_score"],
                      "rank": r["rank_test_score"],
                      "best_params": {k.replace("__", "."): v for k, v in gs.best_params_.items()},
                      "best_score": gs.best_score_})
    from scipy.stats import loguniform
    rs = ms.RandomizedSearchCV(pipe, {"model__C": loguniform(0.001, 100.0)}, n_iter=6,
                               random_state=5, cv=ms.StratifiedKFold(3), scoring="accuracy")
    rs.fit(X, labels)
    r = rs.cv_results_
    cases.append({"kind": "random_search", "target": "multiclass", "spec": spec, "cv": 3,
                  "scoring": "accuracy", "n_iter": 6, "random_state": 5,
                  "distributions": {"model.C": {"loguniform": [0.001, 100.0]}},
                  "params": [{k.replace("__", "."): v for k, v in p.items()} for p in r["params"]],
                  "mean": r["mean_test_score"], "std": r["std_test_score"],
                  "rank": r["rank_test_score"]})
    data = {"kind": "data", "X": X, "multiclass": labels, "binary": binary,
            "regression": y_reg}
    return [data] + cases


def main():
    if not os.path.isdir(os.path.join("tests", "reference")):
        sys.exit("run from the repository root")
    write_fixture("random_state.json", make_random_state())
    write_fixture("splitters.json", make_splitters())
    write_fixture("sampler.json", make_sampler())
    write_fixture("cv.json", make_cv())


if __name__ == "__main__":
    main()
