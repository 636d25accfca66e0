#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom's tree models.

Writes (overwrites) tests/reference/fixtures/models/tree_models.json:
scikit-learn's bundled datasets (breast cancer, wine, iris, diabetes) with one
train/test split each (train_test_split, test_size=0.25, random_state=0,
stratified for classification), and scikit-learn's test-set scores for
DecisionTree*, RandomForest* (averaged over seeds), HistGradientBoosting* and
AdaBoostClassifier; plus a small tie-free synthetic problem on which a fully
grown tree must predict exactly as scikit-learn's, and problems with missing
values and a categorical column for histogram boosting.

Run from the repository root with Debian's interpreter:

    /usr/bin/python3 tests/reference/make_models_tree.py
"""

import json
import math
import os

import numpy as np
import sklearn
from sklearn.datasets import (load_breast_cancer, load_diabetes, load_iris,
                              load_wine, make_classification, make_regression)
from sklearn.ensemble import (AdaBoostClassifier, HistGradientBoostingClassifier,
                              HistGradientBoostingRegressor,
                              RandomForestClassifier, RandomForestRegressor)
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

GENERATOR = "tests/reference/make_models_tree.py"
OUT = os.path.join("tests", "reference", "fixtures", "models", "tree_models.json")
SEEDS = [0, 1, 2]


def clean(obj):
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
        return None if math.isnan(f) else f
    return obj


def accuracy(model, x_train, y_train, x_test, y_test):
    return float(model.fit(x_train, y_train).score(x_test, y_test))


def mean_score(make, x_train, y_train, x_test, y_test):
    return float(np.mean([make(seed).fit(x_train, y_train).score(x_test, y_test)
                          for seed in SEEDS]))


def real_case(name, loader, classification):
    x, y = loader(return_X_y=True)
    train, test = train_test_split(np.arange(len(y)), test_size=0.25, random_state=0,
                                   stratify=y if classification else None)
    xtr, ytr, xte, yte = x[train], y[train], x[test], y[test]
    case = {"name": name, "classification": classification, "X": x, "y": y,
            "train": train, "test": test}
    scores = {}
    if classification:
        for criterion in ("gini", "entropy"):
            scores["tree_" + criterion] = mean_score(
                lambda s: DecisionTreeClassifier(criterion=criterion, random_state=s),
                xtr, ytr, xte, yte)
        scores["tree_depth3"] = mean_score(
            lambda s: DecisionTreeClassifier(max_depth=3, random_state=s), xtr, ytr, xte, yte)
        scores["forest"] = mean_score(
            lambda s: RandomForestClassifier(n_estimators=100, random_state=s),
            xtr, ytr, xte, yte)
        scores["hist_boosting"] = accuracy(HistGradientBoostingClassifier(), xtr, ytr, xte, yte)
        scores["adaboost"] = mean_score(
            lambda s: AdaBoostClassifier(n_estimators=50, random_state=s), xtr, ytr, xte, yte)
    else:
        scores["tree"] = mean_score(lambda s: DecisionTreeRegressor(random_state=s),
                                    xtr, ytr, xte, yte)
        scores["tree_depth4"] = mean_score(
            lambda s: DecisionTreeRegressor(max_depth=4, random_state=s), xtr, ytr, xte, yte)
        scores["forest"] = mean_score(
            lambda s: RandomForestRegressor(n_estimators=100, random_state=s),
            xtr, ytr, xte, yte)
        scores["hist_boosting"] = accuracy(HistGradientBoostingRegressor(), xtr, ytr, xte, yte)
    case["scores"] = scores
    return case


def exact_case():
    # Continuous features: no two candidate splits tie, so the fully grown tree is unique.
    x, y = make_classification(n_samples=120, n_features=5, n_informative=3, n_redundant=0,
                               n_classes=3, random_state=3)
    x = np.round(x, 3)
    x_new, _ = make_classification(n_samples=40, n_features=5, n_informative=3,
                                   n_redundant=0, n_classes=3, random_state=4)
    x_new = np.round(x_new, 3)
    tree = DecisionTreeClassifier(random_state=0).fit(x, y)
    # Near the root no two splits tie: a depth-limited tree is the same whatever the order in
    # which features are drawn.
    shallow = DecisionTreeClassifier(max_depth=4, random_state=0).fit(x, y)
    entropy = DecisionTreeClassifier(max_depth=4, criterion="entropy", random_state=0).fit(x, y)
    xr, yr = make_regression(n_samples=100, n_features=4, noise=5.0, random_state=5)
    xr = np.round(xr, 3)
    regressor = DecisionTreeRegressor(random_state=0).fit(xr, yr)
    depth_limited = DecisionTreeRegressor(max_depth=3, random_state=0).fit(xr, yr)
    return {"name": "exact", "X": x, "y": y, "X_new": x_new,
            "node_count": tree.tree_.node_count, "depth": tree.get_depth(),
            "predict_train": tree.predict(x),
            "proba_new_depth4": shallow.predict_proba(x_new),
            "importances_depth4": shallow.feature_importances_,
            "threshold_depth4": shallow.tree_.threshold,
            "proba_new_entropy4": entropy.predict_proba(x_new),
            "X_reg": xr, "y_reg": yr, "predict_reg": regressor.predict(xr[:20] * 1.1),
            "reg_node_count": regressor.tree_.node_count,
            "predict_reg_depth3": depth_limited.predict(xr),
            "reg_depth3_importances": depth_limited.feature_importances_}


def boosting_cases():
    rng = np.random.RandomState(0)
    # Missing values carry signal: NaN rows are mostly class 1.
    x, y = make_classification(n_samples=1000, n_features=6, n_informative=4, random_state=7)
    x = np.round(x, 3)
    holes = rng.rand(*x.shape) < 0.15
    x[holes] = np.nan
    y = np.where(np.isnan(x[:, 0]) & (rng.rand(len(y)) < 0.8), 1, y)
    train, test = train_test_split(np.arange(len(y)), test_size=0.3, random_state=0, stratify=y)
    model = HistGradientBoostingClassifier(random_state=0).fit(x[train], y[train])
    missing = {"name": "missing", "X": x, "y": y, "train": train, "test": test,
               "accuracy": model.score(x[test], y[test])}
    # A categorical column (codes 0..7) whose categories matter in no monotone order.
    n = 1000
    codes = rng.randint(0, 8, n)
    numeric = np.round(rng.randn(n, 3), 3)
    effect = np.array([1.5, -1.0, 2.0, -2.0, 0.3, -0.5, 1.0, -1.5])
    score = effect[codes] + numeric[:, 0] + 0.5 * rng.randn(n)
    yc = (score > 0).astype(int)
    xc = np.column_stack([codes.astype(float), numeric])
    train, test = train_test_split(np.arange(n), test_size=0.3, random_state=0)
    native = HistGradientBoostingClassifier(categorical_features=[0], random_state=0)
    plain = HistGradientBoostingClassifier(random_state=0)
    categorical = {"name": "categorical", "X": xc, "y": yc, "train": train, "test": test,
                   "accuracy_native": native.fit(xc[train], yc[train]).score(xc[test], yc[test]),
                   "accuracy_plain": plain.fit(xc[train], yc[train]).score(xc[test], yc[test])}
    # Bin thresholds: a column with few distinct values and one with many.
    few = np.repeat(np.arange(10, dtype=float), 7)
    many = np.round(rng.randn(700) * 3, 4)
    from sklearn.ensemble._hist_gradient_boosting.binning import _BinMapper
    mapper = _BinMapper(n_bins=256).fit(np.column_stack([np.resize(few, 700), many]))
    binning = {"name": "binning", "few": np.resize(few, 700), "many": many,
               "thresholds_few": mapper.bin_thresholds_[0],
               "thresholds_many": mapper.bin_thresholds_[1]}
    return [missing, categorical, binning]


def main():
    cases = [real_case("breast_cancer", load_breast_cancer, True),
             real_case("wine", load_wine, True),
             real_case("iris", load_iris, True),
             real_case("diabetes", load_diabetes, False),
             exact_case()] + boosting_cases()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    lines = ['{"sklearn_version": %s,' % json.dumps(sklearn.__version__),
             ' "generator": %s,' % json.dumps(GENERATOR), ' "cases": [']
    lines.append(",\n".join(json.dumps(clean(c), allow_nan=False, separators=(",", ":"))
                            for c in cases))
    lines.append("]}")
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    for c in cases:
        print(c["name"], c.get("scores", ""), c.get("accuracy", ""),
              c.get("accuracy_native", ""), c.get("accuracy_plain", ""))
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
