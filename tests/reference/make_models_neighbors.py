#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom's k-neighbours models.

Writes tests/reference/fixtures/models/neighbors.json: KNeighborsClassifier and
KNeighborsRegressor predictions (and classifier probabilities) on new rows,
for uniform and distance weights; the new rows include exact copies of
training rows (distance 0). Continuous random data, so no two distances tie.

    /usr/bin/python3 tests/reference/make_models_neighbors.py
"""

import os
import sys

import numpy as np
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
from make_models_linear import rounded, write_fixture  # noqa: E402


def main():
    rng = np.random.RandomState(5)
    X = rounded(rng.normal(size=(120, 4)))
    labels = np.array(["a", "b", "c"])[(X[:, 0] + 0.5 * X[:, 1] > 0).astype(int)
                                       + (X[:, 2] > 0.8).astype(int)]
    target = rounded(X @ np.array([1.0, -2.0, 0.5, 0.0]) + rng.normal(scale=0.3, size=120))
    X_new = np.vstack([rounded(rng.normal(size=(40, 4))), X[:5]])
    # A 2-class problem whose 4-neighbour votes can tie 2-2: ties go to the smaller label.
    X2 = rounded(rng.normal(size=(60, 2)))
    y2 = (rng.uniform(size=60) > 0.5).astype(int)
    X2_new = rounded(rng.normal(size=(30, 2)))
    datasets = {
        "blobs": {"X": X, "y": labels.tolist(), "target": target, "X_new": X_new},
        "coin": {"X": X2, "y": y2, "X_new": X2_new},
    }
    cases = []
    for weights in ("uniform", "distance"):
        for k in (1, 5):
            clf = KNeighborsClassifier(n_neighbors=k, weights=weights).fit(X, labels)
            cases.append({"name": "classifier_k%d_%s" % (k, weights),
                          "type": "KNeighborsClassifier", "data": "blobs",
                          "params": {"n_neighbors": k, "weights": weights},
                          "classes": clf.classes_.tolist(),
                          "predict_new": clf.predict(X_new).tolist(),
                          "predict_proba_new": clf.predict_proba(X_new)})
            reg = KNeighborsRegressor(n_neighbors=k, weights=weights).fit(X, target)
            cases.append({"name": "regressor_k%d_%s" % (k, weights),
                          "type": "KNeighborsRegressor", "data": "blobs",
                          "params": {"n_neighbors": k, "weights": weights},
                          "predict_new": reg.predict(X_new)})
    clf = KNeighborsClassifier(n_neighbors=4).fit(X2, y2)
    cases.append({"name": "classifier_tied_votes", "type": "KNeighborsClassifier",
                  "data": "coin", "params": {"n_neighbors": 4, "weights": "uniform"},
                  "classes": clf.classes_.tolist(),
                  "predict_new": clf.predict(X2_new).tolist(),
                  "predict_proba_new": clf.predict_proba(X2_new)})
    write_fixture("neighbors.json", cases, datasets)


if __name__ == "__main__":
    main()
