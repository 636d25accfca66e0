#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom's MLPClassifier / MLPRegressor.

Writes (overwrites) tests/reference/fixtures/models/mlp.json:

    {"sklearn_version": ..., "generator": ..., "datasets": {name: {X, y, X_test, y_test}},
     "cases": [{name, estimator, dataset, params, seeds, scores, mean_score, loss_curve,
                n_iter}, ...]}

Datasets are small subsets of breast cancer (scaled), iris (scaled) and diabetes (scaled
features, standardised target), rounded to 4 decimals; scikit-learn is fitted on the rounded
values. scores: test accuracy (classifiers) or R^2 (regressor) per seed; loss_curve: the
training loss per epoch for the first seed. Epoch counts are kept small so the C++ test runs
fast; the ConvergenceWarning this raises is silenced.

    /usr/bin/python3 tests/reference/make_models_mlp.py
"""

import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.preprocessing import StandardScaler

GENERATOR = "tests/reference/make_models_mlp.py"
OUT = os.path.join("tests", "reference", "fixtures", "models", "mlp.json")
SEEDS = [0, 1, 2]


def rounded(a):
    return np.round(np.asarray(a, dtype=float), 4)


def datasets():
    rng = np.random.RandomState(0)
    X, y = load_breast_cancer(return_X_y=True)
    rows = rng.permutation(len(X))[:260]
    X = rounded(StandardScaler().fit_transform(X[rows][:, :15]))
    y = y[rows]
    cancer = (X[:190], y[:190], X[190:], y[190:])

    X, y = load_iris(return_X_y=True)
    X = rounded(StandardScaler().fit_transform(X))
    Xa, Xb, ya, yb = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
    iris = (Xa, ya, Xb, yb)

    X, y = load_diabetes(return_X_y=True)
    rows = rng.permutation(len(X))[:220]
    X = rounded(StandardScaler().fit_transform(X[rows]))
    y = rounded((y[rows] - y[rows].mean()) / y[rows].std())
    diabetes = (X[:160], y[:160], X[160:], y[160:])
    return {"cancer": cancer, "iris": iris, "diabetes": diabetes}


def case(name, estimator, dataset, data, params):
    X, y, X_test, y_test = data[dataset]
    scores, curve, n_iter, validation = [], None, None, None
    for seed in SEEDS:
        cls = MLPClassifier if estimator == "MLPClassifier" else MLPRegressor
        model = cls(random_state=seed, **params)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(X, y)
        scores.append(model.score(X_test, y_test))
        if curve is None:
            curve = model.loss_curve_
            n_iter = model.n_iter_
            validation = getattr(model, "validation_scores_", None)
    out = {"name": name, "estimator": estimator, "dataset": dataset, "params": params,
           "seeds": SEEDS, "scores": scores, "mean_score": float(np.mean(scores)),
           "loss_curve": curve, "n_iter": n_iter,
           # loom draws the same validation rows except for binary stratified splits
           "exact": not (params.get("early_stopping") and estimator == "MLPClassifier"
                         and len(np.unique(y)) == 2)}
    if validation is not None:
        out["validation_scores"] = validation
    return out


def main():
    data = datasets()
    cases = [
        case("cancer_adam_relu", "MLPClassifier", "cancer", data,
             {"hidden_layer_sizes": [16], "max_iter": 40, "learning_rate_init": 0.01}),
        case("cancer_sgd_tanh_nesterov", "MLPClassifier", "cancer", data,
             {"hidden_layer_sizes": [10, 5], "activation": "tanh", "solver": "sgd",
              "learning_rate_init": 0.05, "max_iter": 30, "batch_size": 32}),
        case("iris_adam_logistic", "MLPClassifier", "iris", data,
             {"hidden_layer_sizes": [10], "activation": "logistic", "max_iter": 120,
              "learning_rate_init": 0.02, "alpha": 0.001}),
        case("iris_sgd_momentum_invscaling", "MLPClassifier", "iris", data,
             {"hidden_layer_sizes": [8], "solver": "sgd", "nesterovs_momentum": False,
              "learning_rate": "invscaling", "learning_rate_init": 0.5, "power_t": 0.25,
              "max_iter": 60, "batch_size": 16}),
        case("iris_early_stopping", "MLPClassifier", "iris", data,
             {"hidden_layer_sizes": [12], "max_iter": 150, "learning_rate_init": 0.02,
              "early_stopping": True, "validation_fraction": 0.2, "n_iter_no_change": 15}),
        case("cancer_early_stopping_stratified", "MLPClassifier", "cancer", data,
             {"hidden_layer_sizes": [10], "max_iter": 100, "learning_rate_init": 0.01,
              "early_stopping": True, "n_iter_no_change": 5}),
        case("diabetes_early_stopping", "MLPRegressor", "diabetes", data,
             {"hidden_layer_sizes": [16], "max_iter": 200, "learning_rate_init": 0.01,
              "early_stopping": True, "validation_fraction": 0.2, "n_iter_no_change": 5}),
        case("diabetes_adam_relu", "MLPRegressor", "diabetes", data,
             {"hidden_layer_sizes": [20], "max_iter": 60, "learning_rate_init": 0.01}),
        case("diabetes_sgd_identity_adaptive", "MLPRegressor", "diabetes", data,
             {"hidden_layer_sizes": [5], "activation": "identity", "solver": "sgd",
              "learning_rate": "adaptive", "learning_rate_init": 0.01, "max_iter": 80,
              "tol": 1e-3, "n_iter_no_change": 3}),
    ]
    body = {"sklearn_version": sklearn.__version__, "generator": GENERATOR,
            "datasets": {k: {"X": v[0].tolist(), "y": np.asarray(v[1]).tolist(),
                             "X_test": v[2].tolist(), "y_test": np.asarray(v[3]).tolist()}
                         for k, v in data.items()},
            "cases": cases}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(body, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    for c in cases:
        print(c["name"], c["scores"], c["n_iter"])


if __name__ == "__main__":
    main()
