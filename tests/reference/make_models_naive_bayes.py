#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom's naive Bayes classifiers.

Writes tests/reference/fixtures/models/naive_bayes.json: GaussianNB and
MultinomialNB fitted on small data, with their fitted statistics and
predict_proba on new rows. Layout as make_models_linear.py.

    /usr/bin/python3 tests/reference/make_models_naive_bayes.py
"""

import os
import sys

import numpy as np
from sklearn.datasets import load_wine
from sklearn.naive_bayes import GaussianNB, MultinomialNB

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
from make_models_linear import rounded, write_fixture


def gaussian_case(name, model, datasets, data):
    X, y, X_new = (np.asarray(datasets[data][k]) for k in ("X", "y", "X_new"))
    model.fit(X, y)
    return {"name": name, "type": "GaussianNB",
            "params": {"priors": model.priors, "var_smoothing": model.var_smoothing},
            "data": data, "classes": model.classes_.tolist(),
            "theta": model.theta_, "var": model.var_, "epsilon": model.epsilon_,
            "class_prior": model.class_prior_,
            "predict_new": model.predict(X_new).tolist(),
            "predict_proba_new": model.predict_proba(X_new)}


def multinomial_case(name, model, datasets, data):
    X, y, X_new = (np.asarray(datasets[data][k]) for k in ("X", "y", "X_new"))
    model.fit(X, y)
    return {"name": name, "type": "MultinomialNB",
            "params": {"alpha": model.alpha, "fit_prior": model.fit_prior,
                       "class_prior": model.class_prior},
            "data": data, "classes": model.classes_.tolist(),
            "feature_log_prob": model.feature_log_prob_,
            "class_log_prior": model.class_log_prior_,
            "predict_new": model.predict(X_new).tolist(),
            "predict_proba_new": model.predict_proba(X_new)}


def main():
    X, y = load_wine(return_X_y=True)
    rng = np.random.RandomState(1)
    rows = rng.permutation(len(X))[:70]
    X = rounded(X[rows])
    y = y[rows]
    counts_rng = np.random.RandomState(2)
    n = 60
    labels = np.array(["ham", "spam", "eggs"])[counts_rng.randint(0, 3, n)]
    rates = {"ham": [3, 1, 0.2, 2, 0.5, 1], "spam": [0.5, 4, 2, 0.1, 1, 1],
             "eggs": [1, 1, 1, 1, 3, 0.1]}
    counts = np.array([counts_rng.poisson(rates[c]) for c in labels], dtype=float)
    counts_new = counts_rng.poisson(1.2, size=(8, 6)).astype(float)
    datasets = {
        "wine": {"X": X[:50], "y": y[:50], "X_new": X[50:]},
        "counts": {"X": counts, "y": labels.tolist(), "X_new": counts_new},
    }
    d = datasets
    cases = [
        gaussian_case("gaussian", GaussianNB(), d, "wine"),
        gaussian_case("gaussian_priors_smoothing",
                      GaussianNB(priors=[0.2, 0.5, 0.3], var_smoothing=1e-3), d, "wine"),
        multinomial_case("multinomial", MultinomialNB(), d, "counts"),
        multinomial_case("multinomial_small_alpha_uniform_prior",
                         MultinomialNB(alpha=0.01, fit_prior=False), d, "counts"),
        multinomial_case("multinomial_class_prior",
                         MultinomialNB(alpha=2.5, class_prior=[0.5, 0.25, 0.25]), d,
                         "counts"),
    ]
    write_fixture("naive_bayes.json", cases, datasets)


if __name__ == "__main__":
    main()
