#!/usr/bin/env python3
"""Oracle fixtures for loom::metrics beyond tests/reference/fixtures/core/metrics.json.

Writes into tests/reference/fixtures/metrics/:
    classification.json   label metrics incl. micro / weighted averages, per-class scores,
                          multiclass log_loss, numeric label order ("2" < "10"), ties
    regression.json       constant targets (force_finite), even-length medians
    scorers.json          sklearn.metrics.get_scorer(name)(estimator, X, y) for every scorer
                          loom knows, on an estimator that returns fixed predictions

Same layout as make_core.py: {"sklearn_version", "generator", "cases": [...]}, NaN as null.
Run from the repository root with Debian's interpreter:

    /usr/bin/python3 tests/reference/make_metrics.py
"""

import json
import math
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn import metrics

GENERATOR = "tests/reference/make_metrics.py"
OUT_DIR = os.path.join("tests", "reference", "fixtures", "metrics")


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
        if math.isinf(f):
            raise ValueError("infinite value in fixture")
        return f
    if isinstance(obj, str):
        return obj
    raise TypeError("cannot serialise %r (%s)" % (obj, type(obj)))


def write_fixture(filename, cases):
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, filename)
    body = ",\n".join(json.dumps(clean(c), allow_nan=False, separators=(",", ":"))
                      for c in cases)
    text = ('{"sklearn_version": %s,\n "generator": %s,\n "cases": [\n%s\n]}\n'
            % (json.dumps(sklearn.__version__), json.dumps(GENERATOR), body))
    json.loads(text)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("wrote %s (%d cases, %d bytes)" % (path, len(cases), len(text)))


# --------------------------------------------------------------------------
# classification.json
# --------------------------------------------------------------------------

def classification_case(name, y_true, y_pred, y_score=None, probabilities=None):
    """y_score: positive-class probability (binary); probabilities: n x k in label order."""
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    labels = np.unique(np.concatenate([y_true, y_pred]))
    v = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        v["accuracy"] = metrics.accuracy_score(y_true, y_pred)
        v["balanced_accuracy"] = metrics.balanced_accuracy_score(y_true, y_pred)
        for average in ("micro", "macro", "weighted"):
            v["precision_" + average] = metrics.precision_score(y_true, y_pred,
                                                                average=average)
            v["recall_" + average] = metrics.recall_score(y_true, y_pred, average=average)
            v["f1_" + average] = metrics.f1_score(y_true, y_pred, average=average)
        p, r, f, s = metrics.precision_recall_fscore_support(y_true, y_pred, labels=labels)
        v["per_class"] = {"precision": p, "recall": r, "f1": f, "support": s}
        v["cohen_kappa"] = metrics.cohen_kappa_score(y_true, y_pred)
        v["matthews_corrcoef"] = metrics.matthews_corrcoef(y_true, y_pred)
        v["confusion_matrix"] = metrics.confusion_matrix(y_true, y_pred, labels=labels)
        if len(labels) == 2:
            pos = labels[1]
            v["pos_label"] = pos
            v["precision"] = metrics.precision_score(y_true, y_pred, pos_label=pos)
            v["recall"] = metrics.recall_score(y_true, y_pred, pos_label=pos)
            v["f1"] = metrics.f1_score(y_true, y_pred, pos_label=pos)
        if y_score is not None:
            s = np.asarray(y_score, dtype=float)
            v["roc_auc"] = metrics.roc_auc_score(y_true, s)
            v["average_precision"] = metrics.average_precision_score(y_true, s,
                                                                     pos_label=labels[1])
            # The 1-D form: sklearn clips, completes the row, renormalises.
            v["log_loss"] = metrics.log_loss(y_true, s, labels=labels)
        if probabilities is not None:
            v["log_loss_multiclass"] = metrics.log_loss(y_true, np.asarray(probabilities),
                                                        labels=labels)
    return {
        "name": name,
        "y_true": list(y_true),
        "y_pred": list(y_pred),
        "y_score": None if y_score is None else list(y_score),
        "probabilities": None if probabilities is None else np.asarray(probabilities),
        "labels": list(labels),
        "values": v,
    }


def make_classification():
    rng = np.random.RandomState(42)
    cases = []

    # Integer labels whose text order differs from their numeric order.
    t = rng.choice([1, 2, 10, 100], size=60)
    p = t.copy()
    noise = rng.rand(60) < 0.35
    p[noise] = rng.choice([1, 2, 10, 100], size=noise.sum())
    cases.append(classification_case("numeric_label_order", t, p))

    # Binary {-1, 1} with scores.
    t = rng.choice([-1, 1], size=50)
    s = np.clip(np.round(0.5 + 0.3 * t + 0.3 * rng.randn(50), 1), 0.0, 1.0)
    p = np.where(s >= 0.5, 1, -1)
    cases.append(classification_case("binary_minus_one_one", t, p, s))

    # Binary {1, 2}: the larger label is the positive class.
    t = rng.choice([1, 2], size=40)
    s = np.round(rng.rand(40) * 0.6 + 0.4 * (t == 2), 3)
    p = np.where(s >= 0.5, 2, 1)
    cases.append(classification_case("binary_one_two", t, p, s))

    # Every score tied.
    t = np.array([0, 1, 1, 0, 1, 0, 0, 1, 1, 1])
    cases.append(classification_case("binary_all_scores_tied", t, np.ones(10, dtype=int),
                                     np.full(10, 0.7)))

    # Perfect separation, probabilities 0 and 1 (log_loss clips to eps).
    t = np.array([0, 0, 1, 1, 0, 1])
    cases.append(classification_case("binary_perfect_hard_probabilities", t, t,
                                     t.astype(float)))

    # String multiclass with a probability matrix (rows not summing to 1, some zeros).
    names = np.array(["bird", "cat", "dog"], dtype=object)
    codes = rng.randint(0, 3, size=45)
    raw = rng.rand(45, 3)
    raw[np.arange(45), codes] += 0.8
    raw[rng.rand(45, 3) < 0.1] = 0.0
    probabilities = raw / raw.sum(axis=1, keepdims=True)
    probabilities[:5] *= 1.1  # unnormalised rows: log_loss renormalises
    pred_codes = np.argmax(raw, axis=1)
    cases.append(classification_case("string_multiclass_probabilities", names[codes],
                                     names[pred_codes], probabilities=probabilities))

    # Everyone agrees on one label: kappa is NaN, MCC 0.
    cases.append(classification_case("single_label_agreement", ["a"] * 8, ["a"] * 8))

    # Larger data with ties in scores (scores on a 1/100 grid).
    t = rng.randint(0, 2, size=2000)
    s = np.clip(np.round(0.5 + 0.15 * (2 * t - 1) + 0.25 * rng.randn(2000), 2), 0.0, 1.0)
    p = (s >= 0.5).astype(int)
    cases.append(classification_case("binary_2000_grid_scores", t, p, s))
    return cases


# --------------------------------------------------------------------------
# regression.json
# --------------------------------------------------------------------------

def regression_case(name, y_true, y_pred):
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    mse = metrics.mean_squared_error(y_true, y_pred)
    return {
        "name": name,
        "y_true": y_true,
        "y_pred": y_pred,
        "values": {
            "r2": metrics.r2_score(y_true, y_pred),
            "mean_absolute_error": metrics.mean_absolute_error(y_true, y_pred),
            "mean_squared_error": mse,
            "root_mean_squared_error": metrics.mean_squared_error(y_true, y_pred,
                                                                  squared=False),
            "median_absolute_error": metrics.median_absolute_error(y_true, y_pred),
            "explained_variance": metrics.explained_variance_score(y_true, y_pred),
        },
    }


def make_regression():
    rng = np.random.RandomState(7)
    return [
        regression_case("constant_target_perfect", [3.0] * 6, [3.0] * 6),
        regression_case("constant_target_wrong", [3.0] * 6, [3.0, 3.5, 2.0, 3.0, 3.0, 4.0]),
        regression_case("constant_offset_prediction", [1.0, 2.0, 3.0, 4.0],
                        [2.0, 3.0, 4.0, 5.0]),
        regression_case("even_length_median", rng.randn(40) * 10.0, rng.randn(40) * 10.0),
        regression_case("single_value", [2.5], [1.0]),
        regression_case("large_offsets", 1e6 + rng.randn(30), 1e6 + rng.randn(30)),
    ]


# --------------------------------------------------------------------------
# scorers.json
# --------------------------------------------------------------------------

class FixedClassifier:
    """Returns fixed predictions and probabilities, as a fitted classifier would."""
    _estimator_type = "classifier"

    def __init__(self, classes, y_pred, probabilities):
        self.classes_ = np.asarray(classes)
        self._y_pred = np.asarray(y_pred)
        self._probabilities = np.asarray(probabilities)

    def predict(self, X):
        return self._y_pred

    def predict_proba(self, X):
        return self._probabilities


class FixedRegressor:
    _estimator_type = "regressor"

    def __init__(self, y_pred):
        self._y_pred = np.asarray(y_pred, dtype=float)

    def predict(self, X):
        return self._y_pred


CLASSIFICATION_SCORERS = [
    "accuracy", "balanced_accuracy", "f1", "f1_micro", "f1_macro", "f1_weighted",
    "precision", "precision_micro", "precision_macro", "precision_weighted", "recall",
    "recall_micro", "recall_macro", "recall_weighted", "roc_auc", "average_precision",
    "neg_log_loss",
]
REGRESSION_SCORERS = [
    "r2", "neg_mean_absolute_error", "neg_mean_squared_error",
    "neg_root_mean_squared_error", "neg_median_absolute_error", "explained_variance",
]


def scorer_values(estimator, y, names):
    X = np.zeros((len(y), 1))
    values = {}
    for name in names:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                values[name] = metrics.get_scorer(name)(estimator, X, y)
            except ValueError:
                pass  # not defined for this target (binary scorer on multiclass, ...)
    return values


def classifier_case(name, classes, y_true, probabilities):
    probabilities = np.asarray(probabilities)
    classes = np.asarray(classes)
    y_pred = classes[np.argmax(probabilities, axis=1)]
    estimator = FixedClassifier(classes, y_pred, probabilities)
    return {
        "name": name,
        "task": "classification",
        "classes": list(classes),
        "y_true": list(y_true),
        "y_pred": list(y_pred),
        "probabilities": probabilities,
        "scores": scorer_values(estimator, np.asarray(y_true), CLASSIFICATION_SCORERS),
    }


def make_scorers():
    rng = np.random.RandomState(3)
    cases = []
    t = rng.randint(0, 2, size=50)
    positive = np.clip(0.5 + 0.3 * (2 * t - 1) + 0.3 * rng.randn(50), 0.01, 0.99)
    cases.append(classifier_case("binary_zero_one", [0, 1], t,
                                 np.column_stack([1 - positive, positive])))

    t = rng.randint(0, 3, size=60)
    raw = rng.rand(60, 3)
    raw[np.arange(60), t] += 0.7
    cases.append(classifier_case("multiclass_three", [0, 1, 2], t,
                                 raw / raw.sum(axis=1, keepdims=True)))

    t = rng.choice([1, 2], size=40)
    positive = np.clip(0.5 + 0.25 * (2 * (t == 2) - 1) + 0.3 * rng.randn(40), 0.01, 0.99)
    case = classifier_case("binary_one_two", [1, 2], t,
                           np.column_stack([1 - positive, positive]))
    # scikit-learn's average_precision scorer scores P(class 2) against pos_label=1;
    # loom scores the same column against its own class.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        case["scores"]["average_precision"] = metrics.average_precision_score(
            t, positive, pos_label=2)
    cases.append(case)

    regression_true = rng.randn(35) * 4.0
    regression_pred = regression_true + rng.randn(35)
    cases.append({
        "name": "regression",
        "task": "regression",
        "y_true": regression_true,
        "y_pred": regression_pred,
        "scores": scorer_values(FixedRegressor(regression_pred), regression_true,
                                REGRESSION_SCORERS),
    })
    return cases


def main():
    if not os.path.isdir(os.path.join("tests", "reference")):
        sys.exit("run from the repository root: /usr/bin/python3 tests/reference/make_metrics.py")
    write_fixture("classification.json", make_classification())
    write_fixture("regression.json", make_regression())
    write_fixture("scorers.json", make_scorers())


if __name__ == "__main__":
    main()
