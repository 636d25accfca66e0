#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom's linear models.

Writes (overwrites) under tests/reference/fixtures/models/:

    linear_regressors.json  LinearRegression, Ridge, Lasso, ElasticNet
    logistic_l1.json        LogisticRegression penalty l1 / elasticnet (saga,
                            liblinear), polished to the exact optimum
    sgd.json                SGDClassifier / SGDRegressor / LinearSVC scores
                            (quality level: accuracy and R^2 on a split)

Layout: {"sklearn_version": "...", "generator": "...", "cases": [...]}, one
case per line. Inputs are rounded to 6 decimals before fitting so the files
stay small; scikit-learn is fitted on the rounded values.

    /usr/bin/python3 tests/reference/make_models_linear.py
"""

import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine
from sklearn.linear_model import (ElasticNet, Lasso, LinearRegression,
                                  LogisticRegression, Ridge, SGDClassifier,
                                  SGDRegressor)
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

GENERATOR = "tests/reference/make_models_linear.py"
OUT_DIR = os.path.join("tests", "reference", "fixtures", "models")


def clean(obj):
    if isinstance(obj, np.ndarray):
        return clean(obj.tolist())
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): clean(v) for k, v in obj.items()}
    if isinstance(obj, (bool, np.bool_)):
        return bool(obj)
    if isinstance(obj, (int, np.integer)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        return float(obj)
    return obj


def write_fixture(filename, cases, datasets=None):
    """datasets: {name: {"X": ..., ...}} shared by the cases that name them."""
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, filename)
    body = [json.dumps(clean(c), allow_nan=False, separators=(",", ":"))
            for c in cases]
    data = json.dumps(clean(datasets or {}), allow_nan=False,
                      separators=(",", ":"))
    text = ('{"sklearn_version": %s,\n "generator": %s,\n "datasets": %s,\n'
            ' "cases": [\n'
            % (json.dumps(sklearn.__version__), json.dumps(GENERATOR), data)
            + ",\n".join(body) + "\n]}\n")
    json.loads(text)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("wrote %s (%d cases, %d bytes)" % (path, len(cases), len(text)))


def rounded(a):
    return np.round(np.asarray(a, dtype=float), 6)


# --------------------------------------------------------------------------
# Regressors
# --------------------------------------------------------------------------

def regression_data():
    X, y = load_diabetes(return_X_y=True)
    rng = np.random.RandomState(0)
    rows = rng.choice(len(X), 80, replace=False)
    X = rounded(X[rows] * 10.0)
    y = np.asarray(y[rows], dtype=float)
    return X[:60], y[:60], X[60:], y[60:]


# The parameters loom's classes take (the others have no effect on the result).
LOOM_PARAMS = {
    "LinearRegression": ("fit_intercept",),
    "Ridge": ("alpha", "fit_intercept"),
    "Lasso": ("alpha", "fit_intercept", "max_iter", "tol", "positive"),
    "ElasticNet": ("alpha", "l1_ratio", "fit_intercept", "max_iter", "tol",
                   "positive"),
}


def regressor_case(name, model, datasets, data):
    X, y, X_new, y_new = (np.asarray(datasets[data][k])
                          for k in ("X", "y", "X_new", "y_new"))
    model.fit(X, y)
    case = {
        "name": name,
        "type": type(model).__name__,
        "params": {k: v for k, v in model.get_params().items()
                   if k in LOOM_PARAMS[type(model).__name__]},
        "data": data,
        "coef": model.coef_,
        "intercept": float(model.intercept_),
        "predict_new": model.predict(X_new),
        "score_new": model.score(X_new, y_new),
    }
    if getattr(model, "n_iter_", None) is not None:
        case["n_iter"] = int(model.n_iter_)
        case["dual_gap"] = float(model.dual_gap_)
    if hasattr(model, "rank_"):
        case["rank"] = int(model.rank_)
    return case


def make_regressors():
    X, y, X_new, y_new = regression_data()
    # A duplicated column: rank deficient, minimum-norm solution.
    datasets = {
        "diabetes": {"X": X, "y": y, "X_new": X_new, "y_new": y_new},
        "duplicated_column": {"X": np.column_stack([X, X[:, 2]]), "y": y,
                              "X_new": np.column_stack([X_new, X_new[:, 2]]),
                              "y_new": y_new},
        # More features than rows: Ridge's kernel form.
        "wide": {"X": X[:8], "y": y[:8], "X_new": X_new[:5], "y_new": y_new[:5]},
    }
    d = datasets
    cases = [
        regressor_case("ols", LinearRegression(), d, "diabetes"),
        regressor_case("ols_no_intercept", LinearRegression(fit_intercept=False),
                       d, "diabetes"),
        regressor_case("ols_rank_deficient", LinearRegression(), d,
                       "duplicated_column"),
        regressor_case("ridge", Ridge(alpha=1.0), d, "diabetes"),
        regressor_case("ridge_strong_no_intercept",
                       Ridge(alpha=30.0, fit_intercept=False), d, "diabetes"),
        regressor_case("ridge_wide", Ridge(alpha=0.5), d, "wide"),
        regressor_case("lasso", Lasso(alpha=0.1), d, "diabetes"),
        regressor_case("lasso_sparse_solution", Lasso(alpha=2.0), d, "diabetes"),
        regressor_case("lasso_positive_tight",
                       Lasso(alpha=0.05, positive=True, tol=1e-8, max_iter=100000),
                       d, "diabetes"),
        regressor_case("elastic_net", ElasticNet(alpha=0.05, l1_ratio=0.5), d,
                       "diabetes"),
        regressor_case("elastic_net_l2_heavy_no_intercept",
                       ElasticNet(alpha=0.2, l1_ratio=0.1, fit_intercept=False),
                       d, "diabetes"),
        regressor_case("elastic_net_on_duplicated_column",
                       ElasticNet(alpha=0.01, l1_ratio=0.7), d,
                       "duplicated_column"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cases.append(regressor_case("lasso_max_iter_reached",
                                    Lasso(alpha=0.001, max_iter=3), d, "diabetes"))
    write_fixture("linear_regressors.json", cases, datasets)


# --------------------------------------------------------------------------
# LogisticRegression with L1 / elastic-net penalties
# --------------------------------------------------------------------------

def logistic_case(name, model, datasets, data):
    X, y, X_new = (np.asarray(datasets[data][k]) for k in ("X", "y", "X_new"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # fail loudly on non-convergence
        model.fit(X, y)
    params = {k: model.get_params()[k] for k in ("C", "penalty", "solver", "l1_ratio",
                                                  "fit_intercept", "intercept_scaling")}
    return {"name": name, "params": params, "data": data,
            "classes": model.classes_.tolist(),
            "coef": model.coef_, "intercept": model.intercept_,
            "n_iter": int(np.max(model.n_iter_)),
            "predict_new": model.predict(X_new).tolist(),
            "predict_proba_new": model.predict_proba(X_new)}


def make_logistic():
    Xc, yc = load_breast_cancer(return_X_y=True)
    rng = np.random.RandomState(3)
    rows = rng.permutation(len(Xc))[:100]
    Xc = rounded(StandardScaler().fit_transform(Xc[rows][:, :10]))
    yc = yc[rows]
    Xw, yw = load_wine(return_X_y=True)
    rows = rng.permutation(len(Xw))[:90]
    Xw = rounded(StandardScaler().fit_transform(Xw[rows]))
    yw = yw[rows]
    datasets = {
        "cancer": {"X": Xc[:80], "y": yc[:80], "X_new": Xc[80:]},
        "wine": {"X": Xw[:75], "y": yw[:75], "X_new": Xw[75:]},
    }
    d = datasets
    tight = dict(tol=1e-12, max_iter=1000000, random_state=0)
    cases = [
        logistic_case("saga_l1_binary", LogisticRegression(
            penalty="l1", solver="saga", C=0.5, **tight), d, "cancer"),
        logistic_case("saga_l1_multinomial", LogisticRegression(
            penalty="l1", solver="saga", C=0.3, **tight), d, "wine"),
        logistic_case("saga_elasticnet_binary", LogisticRegression(
            penalty="elasticnet", l1_ratio=0.3, solver="saga", C=0.2, **tight), d,
            "cancer"),
        logistic_case("liblinear_l1_binary", LogisticRegression(
            penalty="l1", solver="liblinear", C=0.5, **tight), d, "cancer"),
        logistic_case("liblinear_l1_ovr", LogisticRegression(
            penalty="l1", solver="liblinear", C=1.0, **tight), d, "wine"),
        logistic_case("liblinear_l2_binary_scaled_intercept", LogisticRegression(
            penalty="l2", solver="liblinear", C=2.0, intercept_scaling=3.0, **tight),
            d, "cancer"),
    ]
    write_fixture("logistic_l1.json", cases, datasets)


# --------------------------------------------------------------------------
# SGD and LinearSVC: random (or only approximately converged) fits, compared by
# their test scores averaged over seeds
# --------------------------------------------------------------------------

SEEDS = [0, 1, 2, 3, 4]


def mean_score(make, X, y, X_test, y_test, partial=None):
    scores = []
    for seed in SEEDS:
        model = make(seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if partial is None:
                model.fit(X, y)
            else:
                chunks = np.array_split(np.arange(len(X)), partial["chunks"])
                for epoch in range(partial["epochs"]):
                    for rows in chunks:
                        model.partial_fit(X[rows], y[rows], classes=np.unique(y))
        scores.append(model.score(X_test, y_test))
    return float(np.mean(scores))


def make_sgd():
    Xc, yc = load_breast_cancer(return_X_y=True)
    rng = np.random.RandomState(4)
    rows = rng.permutation(len(Xc))[:400]
    Xc, yc = Xc[rows], yc[rows]
    scaler = StandardScaler().fit(Xc[:250])
    Xc = np.round(scaler.transform(Xc), 3)
    Xd, yd = load_diabetes(return_X_y=True)
    rows = rng.permutation(len(Xd))
    Xd, yd = Xd[rows], yd[rows]
    Xd = np.round(StandardScaler().fit(Xd[:300]).transform(Xd), 3)
    datasets = {
        "cancer": {"X": Xc[:250], "y": yc[:250], "X_test": Xc[250:], "y_test": yc[250:]},
        "diabetes": {"X": Xd[:300], "y": yd[:300], "X_test": Xd[300:],
                     "y_test": yd[300:]},
    }
    cases = []

    def add(name, cls, params, data, partial=None):
        d = datasets[data]
        score = mean_score(lambda seed: cls(random_state=seed, **params), d["X"], d["y"],
                           d["X_test"], d["y_test"], partial)
        case = {"name": name, "type": cls.__name__, "params": params, "data": data,
                "seeds": SEEDS, "mean_score": score}
        if partial:
            case["partial_fit"] = partial
        cases.append(case)

    add("sgd_hinge_l2", SGDClassifier, {}, "cancer")
    add("sgd_log_loss", SGDClassifier, {"loss": "log_loss"}, "cancer")
    add("sgd_log_loss_elasticnet", SGDClassifier,
        {"loss": "log_loss", "penalty": "elasticnet", "alpha": 0.001}, "cancer")
    add("sgd_hinge_l1", SGDClassifier, {"penalty": "l1", "alpha": 0.001}, "cancer")
    add("sgd_early_stopping", SGDClassifier,
        {"early_stopping": True, "validation_fraction": 0.2, "n_iter_no_change": 3},
        "cancer")
    add("sgd_partial_fit", SGDClassifier, {"loss": "log_loss"}, "cancer",
        partial={"chunks": 5, "epochs": 4})
    add("sgd_regressor", SGDRegressor, {}, "diabetes")
    add("sgd_regressor_l1_early_stopping", SGDRegressor,
        {"penalty": "l1", "alpha": 0.01, "early_stopping": True}, "diabetes")
    add("linear_svc", LinearSVC, {"C": 1.0}, "cancer")
    add("linear_svc_hinge_small_c", LinearSVC, {"C": 0.05, "loss": "hinge"}, "cancer")
    write_fixture("sgd.json", cases, datasets)


if __name__ == "__main__":
    make_regressors()
    make_logistic()
    make_sgd()
