#!/usr/bin/python3
"""Generate imbalanced-learn reference fixtures for loom's resamplers.

Writes (overwrites) under tests/reference/fixtures/clean/:

    resample_random_state.json  numpy.random.RandomState draws (randint, random_sample,
                                permutation, randn, beta) that loom's port must reproduce
    resample_strategy.json      imblearn.utils.check_sampling_strategy per class
    resample_samplers.json      RandomOverSampler, RandomUnderSampler, TomekLinks, SMOTE,
                                BorderlineSMOTE, ADASYN, SMOTENC outputs (same random_state)
    resample_cli.csv            a small mixed-type table for the `loom resample` tests
    resample_cli_numeric.csv    its numeric columns and label
    resample_cli.json           class counts imblearn gives on it

Run from the repository root with Debian's interpreter (imbalanced-learn 0.10,
scikit-learn 1.2, numpy, pandas):

    /usr/bin/python3 tests/reference/make_clean_resample.py
"""

import json
import math
import os

import imblearn
import numpy as np
import pandas as pd
import sklearn
from imblearn.over_sampling import (ADASYN, SMOTE, SMOTENC, BorderlineSMOTE,
                                    RandomOverSampler)
from imblearn.under_sampling import RandomUnderSampler, TomekLinks
from imblearn.utils import check_sampling_strategy
from sklearn.datasets import make_classification

GENERATOR = "tests/reference/make_clean_resample.py"
OUT_DIR = os.path.join("tests", "reference", "fixtures", "clean")


def clean(obj):
    if obj is None:
        return None
    if isinstance(obj, (pd.DataFrame, pd.Series)):
        return clean(obj.to_numpy())
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
        if math.isnan(f) or math.isinf(f):
            raise ValueError("non-finite value in fixture")
        return f
    if isinstance(obj, str):
        return obj
    raise TypeError("cannot serialise %r (%s)" % (obj, type(obj)))


def write_fixture(filename, cases, datasets=None):
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, filename)
    lines = ['{"sklearn_version": %s,' % json.dumps(sklearn.__version__),
             ' "imblearn_version": %s,' % json.dumps(imblearn.__version__),
             ' "numpy_version": %s,' % json.dumps(np.__version__),
             ' "generator": %s,' % json.dumps(GENERATOR)]
    if datasets is not None:
        lines.append(' "datasets": %s,' % json.dumps(clean(datasets), allow_nan=False,
                                                    separators=(",", ":")))
    lines.append(' "cases": [')
    body = [json.dumps(clean(c), allow_nan=False, separators=(",", ":")) for c in cases]
    lines.append(",\n".join(body))
    lines.append("]}")
    text = "\n".join(lines) + "\n"
    json.loads(text)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("wrote %s (%d cases, %d bytes)" % (path, len(cases), len(text)))


# 1. numpy's legacy generator -------------------------------------------------

def random_state_cases():
    cases = []
    for seed in (0, 42, 4294967295):
        rs = np.random.RandomState(seed)
        case = {"seed": seed}
        case["randint_17"] = rs.randint(0, 17, size=20)
        case["randint_1"] = rs.randint(0, 1, size=3)  # draws nothing
        case["random_sample"] = rs.random_sample(5)
        case["permutation_13"] = rs.permutation(13)
        case["randn"] = rs.randn(7)  # odd count: the cached second value carries on
        case["randint_big"] = rs.randint(0, 2**33 + 5, size=4)
        case["beta_10_10"] = [rs.beta(10, 10) for _ in range(3)]
        case["randint_after"] = rs.randint(0, 1000, size=3)
        cases.append(case)
    return cases


# 2. sampling_strategy ----------------------------------------------------------

def as_label(key, y):
    """A JSON key as a label of y's type (kept as text when it is not one)."""
    try:
        return type(y[0])(key)
    except ValueError:
        return key


def strategy_cases():
    cases = []
    targets = {
        "three": np.array([0] * 50 + [1] * 20 + [2] * 8),
        "binary": np.array([0] * 30 + [1] * 9),
        "tie": np.array([0] * 10 + [1] * 10 + [2] * 4 + [3] * 4),
        "strings": np.array(["b"] * 12 + ["a"] * 5 + ["c"] * 7),
    }
    strategies = ["auto", "minority", "majority", "not minority", "not majority", "all",
                  0.5, 1.0, 0.1, {"1": 25}, {"1": 10}, {"a": 6, "c": 12}, {"0": 40},
                  ["1"], ["a", "c"]]
    for y_name, y in targets.items():
        for kind in ("over-sampling", "under-sampling", "clean-sampling"):
            for strategy in strategies:
                passed = strategy
                if isinstance(strategy, dict):
                    keys = [as_label(k, y) for k in strategy]
                    passed = dict(zip(keys, strategy.values()))
                elif isinstance(strategy, list):
                    passed = [as_label(k, y) for k in strategy]
                case = {"y": y, "type": kind, "strategy": strategy}
                try:
                    result = check_sampling_strategy(passed, y, kind)
                    case["expected"] = {str(k): int(v) for k, v in result.items()}
                except (ValueError, KeyError, TypeError):
                    case["error"] = True
                cases.append(case)
    return cases


# 3. the samplers -----------------------------------------------------------------

def make_data(seed, n=90, weights=(0.65, 0.25, 0.10), class_sep=0.7):
    X, y = make_classification(n_samples=n, n_features=3, n_informative=3, n_redundant=0,
                               n_clusters_per_class=1, weights=list(weights),
                               n_classes=len(weights), class_sep=class_sep,
                               random_state=seed)
    return X, y


def sampler_cases():
    X3, y3 = make_data(0)
    X2, y2 = make_data(1, n=60, weights=(0.8, 0.2), class_sep=0.5)
    ys = np.where(y2 == 1, "yes", "no")
    datasets = {"three": {"X": X3, "y": y3.tolist()}, "two": {"X": X2, "y": ys.tolist()}}
    name_of = {id(X3): "three", id(X2): "two"}
    specs = [
        ("RandomOverSampler", {"random_state": 0}, X3, y3),
        ("RandomOverSampler", {"random_state": 7, "sampling_strategy": "all"}, X3, y3),
        ("RandomOverSampler", {"random_state": 3, "shrinkage": 0.5}, X3, y3),
        ("RandomOverSampler", {"random_state": 3, "shrinkage": {"1": 1.0, "2": 2.0}}, X3, y3),
        ("RandomOverSampler", {"random_state": 11, "sampling_strategy": 0.6}, X2, ys),
        ("RandomUnderSampler", {"random_state": 0}, X3, y3),
        ("RandomUnderSampler", {"random_state": 5, "replacement": True}, X3, y3),
        ("RandomUnderSampler", {"random_state": 2, "sampling_strategy": {"0": 20, "1": 12}},
         X3, y3),
        ("TomekLinks", {}, X3, y3),
        ("TomekLinks", {"sampling_strategy": "all"}, X3, y3),
        ("TomekLinks", {}, X2, ys),
        ("SMOTE", {"random_state": 0}, X3, y3),
        ("SMOTE", {"random_state": 1, "k_neighbors": 3, "sampling_strategy": "all"}, X3, y3),
        ("SMOTE", {"random_state": 4, "sampling_strategy": 0.75}, X2, ys),
        ("BorderlineSMOTE", {"random_state": 0}, X3, y3),
        ("BorderlineSMOTE", {"random_state": 2, "kind": "borderline-2"}, X3, y3),
        ("BorderlineSMOTE", {"random_state": 6, "kind": "borderline-2", "m_neighbors": 6},
         X2, ys),
        ("ADASYN", {"random_state": 0}, X3, y3),
        ("ADASYN", {"random_state": 9, "n_neighbors": 4}, X2, ys),
    ]
    classes = {"RandomOverSampler": RandomOverSampler, "RandomUnderSampler": RandomUnderSampler,
               "TomekLinks": TomekLinks, "SMOTE": SMOTE, "BorderlineSMOTE": BorderlineSMOTE,
               "ADASYN": ADASYN}
    cases = []
    for method, params, X, y in specs:
        passed = dict(params)
        for key in ("sampling_strategy", "shrinkage"):
            if isinstance(passed.get(key), dict):
                passed[key] = {type(y[0])(k): v for k, v in passed[key].items()}
        sampler = classes[method](**passed)
        X_res, y_res = sampler.fit_resample(X, y)
        # Over-samplers return X first: only the new rows are stored; under-samplers and
        # cleaners are described by the rows they keep.
        case = {"method": method, "params": params, "data": name_of[id(X)],
                "y_res": y_res.tolist()}
        if hasattr(sampler, "sample_indices_"):
            case["sample_indices"] = sorted(sampler.sample_indices_.tolist())
        if method not in ("RandomUnderSampler", "TomekLinks"):
            assert np.array_equal(X_res[:len(X)], X)
            case["X_new"] = X_res[len(X):]
        cases.append(case)
    cases.extend(smotenc_cases())
    return cases, datasets


def mixed_frame(seed, n=70):
    X, y = make_data(seed, n=n, weights=(0.7, 0.3), class_sep=0.6)
    rng = np.random.RandomState(seed)
    colour = np.where(X[:, 0] + rng.randn(n) > 0, "red", "blue")
    colour[rng.rand(n) < 0.2] = "green"
    size = rng.choice(["S", "M", "L", "XL"], size=n, p=[0.4, 0.3, 0.2, 0.1])
    frame = pd.DataFrame({"x0": X[:, 0], "colour": colour, "x1": X[:, 1], "size": size,
                          "x2": X[:, 2]})
    return frame, y


def smotenc_cases():
    cases = []
    for seed, params in ((2, {"random_state": 0}), (5, {"random_state": 3, "k_neighbors": 3})):
        frame, y = mixed_frame(seed)
        sampler = SMOTENC(categorical_features=[1, 3], **params)
        X_res, y_res = sampler.fit_resample(frame, y)
        cases.append({"method": "SMOTENC", "params": params, "columns": list(frame.columns),
                      "categorical": ["colour", "size"], "X": frame.to_numpy(dtype=object),
                      "y": y.tolist(), "X_new": X_res.to_numpy(dtype=object)[len(frame):],
                      "y_res": y_res.tolist(), "median_std": sampler.median_std_})
    return cases


# 4. the CLI --------------------------------------------------------------------------

def cli_fixture():
    frame, y = mixed_frame(8, n=60)
    frame["label"] = np.where(y == 1, "pos", "neg")
    path = os.path.join(OUT_DIR, "resample_cli.csv")
    frame.to_csv(path, index=False, float_format="%.17g")
    print("wrote %s" % path)
    data = pd.read_csv(path)
    X, y = data.drop(columns="label"), data["label"]
    numeric = X[["x0", "x1", "x2"]]
    numeric_path = os.path.join(OUT_DIR, "resample_cli_numeric.csv")
    data[["x0", "x1", "x2", "label"]].to_csv(numeric_path, index=False, float_format="%.17g")
    print("wrote %s" % numeric_path)
    runs = [
        ("RandomOverSampler", {"random_state": 0}, X),
        ("RandomUnderSampler", {"random_state": 0}, X),
        ("RandomOverSampler", {"random_state": 0, "sampling_strategy": 0.5}, X),
        ("SMOTENC", {"random_state": 0}, X),
        ("SMOTE", {"random_state": 0, "sampling_strategy": {"pos": 30}}, numeric),
        ("TomekLinks", {}, numeric),
    ]
    cases = []
    for method, params, features in runs:
        cls = {"RandomOverSampler": RandomOverSampler, "RandomUnderSampler": RandomUnderSampler,
               "SMOTENC": SMOTENC, "SMOTE": SMOTE, "TomekLinks": TomekLinks}[method]
        extra = {"categorical_features": [1, 3]} if method == "SMOTENC" else {}
        X_res, y_res = cls(**params, **extra).fit_resample(features, y)
        counts = y_res.value_counts()
        cases.append({"method": method, "params": params,
                      "numeric_only": features is numeric,
                      "rows": len(y_res), "counts": {k: int(v) for k, v in counts.items()}})
    write_fixture("resample_cli.json", cases)


if __name__ == "__main__":
    write_fixture("resample_random_state.json", random_state_cases())
    write_fixture("resample_strategy.json", strategy_cases())
    write_fixture("resample_samplers.json", *sampler_cases())
    cli_fixture()
