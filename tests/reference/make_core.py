#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom's core C++ unit tests.

Writes (overwrites) these deterministic JSON files under
tests/reference/fixtures/core/:

    standard_scaler.json      sklearn.preprocessing.StandardScaler
    simple_imputer.json       sklearn.impute.SimpleImputer (numeric + categorical)
    logistic_regression.json  sklearn.linear_model.LogisticRegression (lbfgs)
    metrics.json              sklearn.metrics classification + regression scores

Every file has the layout
    {"sklearn_version": "...", "generator": "tests/reference/make_core.py",
     "cases": [ {...}, ... ]}
Matrices are lists of rows (row-major), NaN / missing values are written as
JSON null, floats are written with full (repr) precision. All random
generators are seeded, so re-running produces identical files for the same
scikit-learn / numpy versions.

Run from the repository root with Debian's interpreter (it ships
scikit-learn 1.2, numpy, pandas, scipy):

    /usr/bin/python3 tests/reference/make_core.py
"""

import json
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
import sklearn
from scipy.optimize import linprog
from sklearn.datasets import make_classification
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn import metrics

GENERATOR = "tests/reference/make_core.py"
OUT_DIR = os.path.join("tests", "reference", "fixtures", "core")


# --------------------------------------------------------------------------
# JSON helpers
# --------------------------------------------------------------------------

def clean(obj):
    """Recursively convert numpy / pandas objects to plain JSON values.

    NaN (float) and pandas/np missing markers become None.
    """
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
        if math.isnan(f):
            return None
        if math.isinf(f):
            raise ValueError("infinite value in fixture")
        return f
    if isinstance(obj, str):
        return obj
    if obj is pd.NA or obj is pd.NaT:
        return None
    raise TypeError("cannot serialise %r (%s)" % (obj, type(obj)))


def write_fixture(filename, cases):
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, filename)
    cases = clean(cases)
    # One case per line: compact, yet diff-friendly.
    lines = ['{"sklearn_version": %s,' % json.dumps(sklearn.__version__),
             ' "generator": %s,' % json.dumps(GENERATOR),
             ' "cases": [']
    body = [json.dumps(c, allow_nan=False, separators=(",", ":"))
            for c in cases]
    lines.append(",\n".join(body))
    lines.append("]}")
    text = "\n".join(lines) + "\n"
    # Sanity: strict round trip.
    json.loads(text, parse_constant=_reject_constant)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("wrote %s (%d cases, %d bytes)" % (path, len(cases), len(text)))


def _reject_constant(name):
    raise ValueError("non-strict JSON constant %s" % name)


# --------------------------------------------------------------------------
# 1. StandardScaler
# --------------------------------------------------------------------------

def scaler_case(name, X, X_new, with_mean=True, with_std=True):
    sc = StandardScaler(with_mean=with_mean, with_std=with_std)
    transformed = sc.fit_transform(X)
    n_seen = sc.n_samples_seen_
    if np.isscalar(n_seen) or np.ndim(n_seen) == 0:
        n_seen = [int(n_seen)] * X.shape[1]
    return {
        "name": name,
        "params": {"with_mean": with_mean, "with_std": with_std},
        "X": X,
        "mean": sc.mean_,
        "var": sc.var_,
        "scale": sc.scale_,
        "n_samples_seen": n_seen,
        "transformed": transformed,
        "X_new": X_new,
        "transformed_new": sc.transform(X_new),
    }


def make_standard_scaler():
    rng = np.random.RandomState(0)
    scales = np.array([1.0, 10.0, 0.01, 1000.0])
    offsets = np.array([5.0, -3.0, 0.5, 2000.0])
    X = rng.randn(30, 4) * scales + offsets
    X_new = rng.randn(5, 4) * scales + offsets

    X_nan = X.copy()
    mask = rng.rand(*X.shape) < 0.10
    X_nan[mask] = np.nan
    X_nan_new = X_new.copy()
    X_nan_new[1, 2] = np.nan
    X_nan_new[3, 0] = np.nan

    X_const = X.copy()
    X_const[:, 2] = 3.7
    X_const_new = X_new.copy()
    X_const_new[0, 2] = 3.7
    X_const_new[1, 2] = 5.0

    return [
        scaler_case("random_varied_scales", X, X_new),
        scaler_case("random_with_nan", X_nan, X_nan_new),
        scaler_case("constant_column", X_const, X_const_new),
        scaler_case("with_mean_false", X, X_new, with_mean=False),
        scaler_case("with_std_false", X, X_new, with_std=False),
        scaler_case("both_false", X, X_new, with_mean=False, with_std=False),
        scaler_case("with_nan_with_mean_false", X_nan, X_nan_new,
                    with_mean=False),
    ]


# --------------------------------------------------------------------------
# 2. SimpleImputer
# --------------------------------------------------------------------------

NUM_COLS = ["a", "b", "c", "d"]


def numeric_imputer_data():
    rng = np.random.RandomState(0)
    n = 25
    # a: continuous values (all distinct -> most_frequent tie => min value)
    a = np.round(rng.randn(n) * 2.0 + 1.0, 6)
    a[[2, 7, 11, 19]] = np.nan
    # b: small integers with an explicit tie between 2 and 4 (6 each)
    b = np.array([2.0] * 6 + [4.0] * 6 + [1.0] * 5 + [3.0] * 4
                 + [np.nan] * 4)
    b = b[rng.permutation(n)]
    # c: no missing values at fit time
    c = np.round(rng.rand(n) * 10.0, 3)
    # d: one-decimal values with repeats, even number (20) of observed values
    d = np.round(rng.randn(n), 1)
    d[[0, 5, 6, 13, 24]] = np.nan
    # Move the two smallest values to the top so that the two middle order
    # statistics differ (median = average of -0.4 and -0.3), while keeping
    # the most_frequent tie between -0.4 and 0.1 (3 each).
    lo = np.argsort(np.where(np.isnan(d), np.inf, d))[:2]
    d[lo] = [1.5, 2.3]
    X = np.column_stack([a, b, c, d])

    X_new = np.array([
        [np.nan, 1.0, 2.5, np.nan],
        [0.5, np.nan, np.nan, 0.3],    # NaN in c: c had no NaN at fit
        [-1.0, 4.0, 7.0, -0.2],
        [np.nan, np.nan, np.nan, np.nan],
        [3.0, 2.0, 1.0, 1.1],
    ])
    return X, X_new


def imputer_case(name, X, X_new, columns, strategy, fill_value=None,
                 add_indicator=False):
    kwargs = {"strategy": strategy, "add_indicator": add_indicator}
    if fill_value is not None:
        kwargs["fill_value"] = fill_value
    imp = SimpleImputer(**kwargs)
    df = pd.DataFrame(X, columns=columns)
    df_new = pd.DataFrame(X_new, columns=columns)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # all-NaN column warning
        transformed = imp.fit_transform(df)
        transformed_new = imp.transform(df_new)
    return {
        "name": name,
        "params": {"strategy": strategy, "fill_value": fill_value,
                   "add_indicator": add_indicator},
        "feature_names_in": columns,
        "X": df.to_numpy(),
        "statistics": imp.statistics_,
        "transformed": transformed,
        "X_new": df_new.to_numpy(),
        "transformed_new": transformed_new,
        "feature_names_out": list(imp.get_feature_names_out()),
    }


def make_simple_imputer():
    X, X_new = numeric_imputer_data()
    cases = []
    for strategy, fill in [("mean", None), ("median", None),
                           ("most_frequent", None), ("constant", -1.5)]:
        for ind in (False, True):
            name = "numeric_%s%s" % (strategy, "_indicator" if ind else "")
            cases.append(imputer_case(name, X, X_new, NUM_COLS, strategy,
                                      fill, ind))

    # Column d entirely NaN at fit time.
    X_empty = X.copy()
    X_empty[:, 3] = np.nan
    cases.append(imputer_case("all_nan_column_mean", X_empty, X_new,
                              NUM_COLS, "mean"))
    cases.append(imputer_case("all_nan_column_mean_indicator", X_empty,
                              X_new, NUM_COLS, "mean", add_indicator=True))
    cases.append(imputer_case("all_nan_column_median", X_empty, X_new,
                              NUM_COLS, "median"))
    cases.append(imputer_case("all_nan_column_most_frequent", X_empty,
                              X_new, NUM_COLS, "most_frequent"))
    cases.append(imputer_case("all_nan_column_constant", X_empty, X_new,
                              NUM_COLS, "constant", -1.5))

    # Categorical (object dtype) cases.
    nan = np.nan
    cat_cols = ["color", "size"]
    # color: "red" 4, "blue" 4, "green" 2, missing 2 -> tie => "blue"
    # size:  "M" 5, "L" 3, "S" 2, missing 2 -> "M"
    X_cat = np.array([
        ["red", "M"], ["blue", "L"], [nan, "M"], ["green", "S"],
        ["red", nan], ["blue", "M"], ["red", "L"], [nan, "M"],
        ["blue", "S"], ["green", nan], ["red", "L"], ["blue", "M"],
    ], dtype=object)
    X_cat_new = np.array([
        [nan, "S"], ["green", nan], [nan, nan], ["purple", "XL"],
    ], dtype=object)
    cases.append(imputer_case("categorical_most_frequent", X_cat, X_cat_new,
                              cat_cols, "most_frequent"))
    cases.append(imputer_case("categorical_constant", X_cat, X_cat_new,
                              cat_cols, "constant", "Unknown"))
    return cases


# --------------------------------------------------------------------------
# 3. LogisticRegression
# --------------------------------------------------------------------------

def linearly_separable(X, y):
    """LP feasibility: exists (w, b) with s_i (w.x_i + b) >= 1 ?"""
    s = np.where(y == np.unique(y)[1], 1.0, -1.0)
    A = -(s[:, None] * np.column_stack([X, np.ones(len(X))]))
    res = linprog(np.zeros(X.shape[1] + 1), A_ub=A, b_ub=-np.ones(len(X)),
                  bounds=[(None, None)] * (X.shape[1] + 1), method="highs")
    return res.status == 0


def _softmax(Z):
    Z = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(Z)
    return P / P.sum(axis=1, keepdims=True)


def _lr_grad_hess(theta, X1, Y, alpha, pen_mask):
    """Gradient/Hessian of sum_i loss_i + alpha/2 * ||W||^2.

    X1 is X with a trailing column (ones, or zeros for no intercept), theta
    has shape (K, p+1) with K = 1 (binary, sigmoid) or K = n_classes
    (multinomial, softmax). pen_mask marks the penalised entries (not the
    intercept column).
    """
    n, d = X1.shape
    K = theta.shape[0]
    if K == 1:
        z = X1 @ theta[0]
        p = 1.0 / (1.0 + np.exp(-z))
        g = X1.T @ (p - Y[:, 0]) + alpha * pen_mask[0] * theta[0]
        H = (X1 * (p * (1.0 - p))[:, None]).T @ X1
        H += np.diag(alpha * pen_mask[0])
        return g[None, :], H
    P = _softmax(X1 @ theta.T)
    G = (P - Y).T @ X1 + alpha * pen_mask * theta
    H = np.zeros((K * d, K * d))
    for k in range(K):
        for l in range(K):
            w = P[:, k] * ((k == l) - P[:, l])
            H[k * d:(k + 1) * d, l * d:(l + 1) * d] = (X1 * w[:, None]).T @ X1
    H += np.diag(alpha * pen_mask.ravel())
    return G, H


def polish_lr(X, y_idx, n_classes, coef, intercept, C, penalized,
              fit_intercept):
    """Newton-refine sklearn's lbfgs solution to the exact optimum.

    sklearn's lbfgs stops on scipy's relative objective decrease criterion
    (ftol ~ 2.2e-9) long before gtol=1e-10 is met, so coef_ is only accurate
    to ~1e-5 relative. Returns (coef, intercept, max|grad| before, after).
    """
    n = X.shape[0]
    X1 = np.column_stack([X, np.ones(n) if fit_intercept else np.zeros(n)])
    K = 1 if n_classes == 2 else n_classes
    Y = (y_idx[:, None] == (np.arange(K) + (1 if K == 1 else 0))[None, :])
    Y = Y.astype(float)
    theta = np.column_stack([coef, intercept if fit_intercept
                             else np.zeros(K)]).astype(float)
    alpha = 1.0 / C if penalized else 0.0
    pen_mask = np.ones_like(theta)
    pen_mask[:, -1] = 0.0
    G, _ = _lr_grad_hess(theta, X1, Y, alpha, pen_mask)
    g_before = float(np.abs(G).max())
    for _ in range(50):
        G, H = _lr_grad_hess(theta, X1, Y, alpha, pen_mask)
        if np.abs(G).max() < 1e-13:
            break
        # lstsq: minimum-norm step, so the softmax-invariant direction (all
        # intercepts shifted together) is left untouched.
        step = np.linalg.lstsq(H, G.ravel(), rcond=1e-12)[0]
        theta = theta - step.reshape(theta.shape)
    G, _ = _lr_grad_hess(theta, X1, Y, alpha, pen_mask)
    g_after = float(np.abs(G).max())
    assert g_after < 1e-9, g_after
    return theta[:, :-1], theta[:, -1], g_before, g_after


def _lr_proba(coef, intercept, X):
    Z = X @ coef.T + intercept
    if coef.shape[0] == 1:
        p = 1.0 / (1.0 + np.exp(-Z[:, 0]))
        return np.column_stack([1.0 - p, p])
    return _softmax(Z)


def lr_case(name, X, y, X_new, C=1.0, penalty="l2", fit_intercept=True):
    max_iter = 10000
    tol = 1e-10
    clf = LogisticRegression(C=C, penalty=None if penalty == "none"
                             else penalty, fit_intercept=fit_intercept,
                             solver="lbfgs", tol=tol, max_iter=max_iter)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # fail loudly on non-convergence
        clf.fit(X, y)
    assert int(np.max(clf.n_iter_)) < max_iter, name
    y_idx = np.searchsorted(clf.classes_, y)
    coef_opt, icpt_opt, g_sk, g_opt = polish_lr(
        X, y_idx, len(clf.classes_), clf.coef_, clf.intercept_, C,
        penalty != "none", fit_intercept)
    classes = clf.classes_
    pred_opt = classes[np.argmax(_lr_proba(coef_opt, icpt_opt, X), axis=1)]
    assert list(pred_opt) == list(clf.predict(X)), name
    return {
        "name": name,
        "params": {"C": C, "penalty": penalty, "fit_intercept": fit_intercept,
                   "max_iter": max_iter, "tol": tol, "solver": "lbfgs"},
        "X": X,
        "y": list(y),
        "classes": list(clf.classes_),
        "coef": clf.coef_,
        "intercept": clf.intercept_,
        "n_iter": int(np.max(clf.n_iter_)),
        "predict": list(clf.predict(X)),
        "predict_proba": clf.predict_proba(X),
        "X_new": X_new,
        "predict_new": list(clf.predict(X_new)),
        "predict_proba_new": clf.predict_proba(X_new),
        # Exact optimum of the same objective (Newton-polished), see
        # polish_lr(); grad_* are max |gradient| of
        # sum_i loss_i + 1/(2C) ||coef||^2 at sklearn's and polished solution.
        "coef_opt": coef_opt,
        "intercept_opt": icpt_opt,
        "predict_proba_opt": _lr_proba(coef_opt, icpt_opt, X),
        "predict_proba_new_opt": _lr_proba(coef_opt, icpt_opt, X_new),
        "grad_max_abs_sklearn": g_sk,
        "grad_max_abs_opt": g_opt,
    }


def make_logistic_regression():
    rng = np.random.RandomState(0)
    Xb, yb = make_classification(n_samples=80, n_features=3, n_informative=2,
                                 n_redundant=0, n_repeated=0, n_classes=2,
                                 random_state=0)
    Xb_new = rng.randn(6, 3)

    # Non-separable data for the unpenalised fit: overlapping classes plus
    # explicit label noise.
    Xn, yn = make_classification(n_samples=80, n_features=3, n_informative=2,
                                 n_redundant=0, n_repeated=0, n_classes=2,
                                 class_sep=0.8, flip_y=0.0, random_state=3)
    flip = rng.choice(80, size=8, replace=False)
    yn = yn.copy()
    yn[flip] = 1 - yn[flip]
    assert not linearly_separable(Xn, yn)

    Xm, ym = make_classification(n_samples=120, n_features=4, n_informative=3,
                                 n_redundant=0, n_repeated=0, n_classes=3,
                                 n_clusters_per_class=1, random_state=1)
    Xm_new = rng.randn(6, 4)

    ys = np.where(yb == 1, "yes", "no").astype(object)

    # Shift the features so that fit_intercept=False is a real constraint.
    Xf = Xb + np.array([0.5, -0.25, 0.0])

    return [
        lr_case("binary_C1", Xb, yb, Xb_new, C=1.0),
        lr_case("binary_C0.05", Xb, yb, Xb_new, C=0.05),
        lr_case("binary_penalty_none", Xn, yn, Xb_new, penalty="none"),
        lr_case("multiclass_C1", Xm, ym, Xm_new, C=1.0),
        lr_case("binary_string_labels", Xb, ys, Xb_new, C=1.0),
        lr_case("binary_no_intercept", Xf, yb, Xb_new, C=1.0,
                fit_intercept=False),
    ]


# --------------------------------------------------------------------------
# 4. metrics
# --------------------------------------------------------------------------

def classification_case(name, y_true, y_pred, y_score=None):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    labels = np.unique(np.concatenate([y_true, y_pred]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # UndefinedMetricWarning etc.
        v = {
            "accuracy": metrics.accuracy_score(y_true, y_pred),
            "balanced_accuracy": metrics.balanced_accuracy_score(y_true,
                                                                 y_pred),
            "precision_macro": metrics.precision_score(y_true, y_pred,
                                                       average="macro"),
            "recall_macro": metrics.recall_score(y_true, y_pred,
                                                 average="macro"),
            "f1_macro": metrics.f1_score(y_true, y_pred, average="macro"),
            "f1_weighted": metrics.f1_score(y_true, y_pred,
                                            average="weighted"),
            "cohen_kappa": metrics.cohen_kappa_score(y_true, y_pred),
            "matthews_corrcoef": metrics.matthews_corrcoef(y_true, y_pred),
            "confusion_matrix": metrics.confusion_matrix(y_true, y_pred,
                                                         labels=labels),
        }
        if len(labels) == 2:
            pos = labels[1]
            v["pos_label"] = pos
            v["precision"] = metrics.precision_score(y_true, y_pred,
                                                     pos_label=pos)
            v["recall"] = metrics.recall_score(y_true, y_pred, pos_label=pos)
            v["f1"] = metrics.f1_score(y_true, y_pred, pos_label=pos)
        if y_score is not None:
            p = np.asarray(y_score, dtype=float)
            v["roc_auc"] = metrics.roc_auc_score(y_true, p)
            v["average_precision"] = metrics.average_precision_score(
                y_true, p, pos_label=labels[1])
            v["log_loss"] = metrics.log_loss(
                y_true, np.column_stack([1.0 - p, p]), labels=labels)
    return {
        "name": name,
        "y_true": list(y_true),
        "y_pred": list(y_pred),
        "y_score": None if y_score is None else list(y_score),
        "labels": list(labels),
        "values": v,
    }


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
            "mean_absolute_error": metrics.mean_absolute_error(y_true,
                                                               y_pred),
            "mean_squared_error": mse,
            "root_mean_squared_error": math.sqrt(mse),
            "median_absolute_error": metrics.median_absolute_error(y_true,
                                                                   y_pred),
            "explained_variance": metrics.explained_variance_score(y_true,
                                                                   y_pred),
        },
    }


def make_metrics():
    rng = np.random.RandomState(0)
    cases = []

    # Binary 0/1, 60 samples, scores rounded to 0.05 steps -> many ties.
    n = 60
    y_true = rng.randint(0, 2, size=n)
    raw = 0.5 + 0.25 * (2 * y_true - 1) + 0.25 * rng.randn(n)
    score = np.clip(np.round(raw * 20.0) / 20.0, 0.05, 0.95)
    y_pred = (score >= 0.5).astype(int)
    cases.append(classification_case("binary_int", y_true, y_pred, score))

    # Binary string labels, 40 samples; "yes" is the positive class.
    n = 40
    t = rng.randint(0, 2, size=n)
    raw = 0.5 + 0.2 * (2 * t - 1) + 0.3 * rng.randn(n)
    score = np.clip(np.round(raw, 2), 0.02, 0.98)
    pred = (score >= 0.5).astype(int)
    # Flip a few predictions so y_pred is not a pure threshold of y_score.
    pred[[3, 17, 29]] = 1 - pred[[3, 17, 29]]
    lab = np.array(["no", "yes"], dtype=object)
    cases.append(classification_case("binary_string", lab[t], lab[pred],
                                     score))

    # Multiclass, 4 classes; class 3 is never predicted.
    n = 50
    t = rng.randint(0, 4, size=n)
    p = t.copy()
    noise = rng.rand(n) < 0.3
    p[noise] = rng.randint(0, 4, size=noise.sum())
    p[p == 3] = rng.randint(0, 3, size=(p == 3).sum())
    assert 3 not in p and 3 in t
    cases.append(classification_case("multiclass_unpredicted_class", t, p))

    # Multiclass where y_pred contains a label (5) absent from y_true.
    n = 45
    t = rng.randint(0, 3, size=n)
    p = t.copy()
    noise = rng.rand(n) < 0.3
    p[noise] = rng.randint(0, 3, size=noise.sum())
    p[[4, 12, 30]] = 5
    assert 5 not in t
    cases.append(classification_case("multiclass_extra_pred_label", t, p))

    # Regression.
    yt = rng.randn(50) * 3.0 + 1.0
    yp = yt + rng.randn(50) * 1.2 + 0.3
    cases.append(regression_case("regression_random_50", yt, yp))
    yt = np.round(rng.randn(20) * 5.0, 3)
    cases.append(regression_case("regression_perfect", yt, yt.copy()))
    yt = rng.randn(21) * 2.0
    yp = 0.8 * yt + rng.randn(21) * 0.5
    cases.append(regression_case("regression_odd_21", yt, yp))
    return cases


def main():
    if not os.path.isdir(os.path.join("tests", "reference")):
        sys.exit("run from the repository root: "
                 "/usr/bin/python3 tests/reference/make_core.py")
    write_fixture("standard_scaler.json", make_standard_scaler())
    write_fixture("simple_imputer.json", make_simple_imputer())
    write_fixture("logistic_regression.json", make_logistic_regression())
    write_fixture("metrics.json", make_metrics())


if __name__ == "__main__":
    main()
