#!/usr/bin/python3
"""Generate scikit-learn / numpy reference fixtures for loom's outlier detectors.

Writes (overwrites) tests/reference/fixtures/clean_outliers/outliers.json (and the same
synthetic data as synthetic.csv for the CLI tests) with cases:

    zscore              numpy: z = (x - mean) / std (ddof 0, as StandardScaler and
                        scipy.stats.zscore); score = -max |z|; outlier when max |z| > threshold
    iqr                 numpy: Tukey fences from np.percentile (linear, as pandas);
                        score = -max over columns of the signed fence distance
    isolation_forest    sklearn.ensemble.IsolationForest (random_state 0) on a subset of the
                        UCI red wine data (every 4th row), contamination auto and 0.1
    lof                 sklearn.neighbors.LocalOutlierFactor (negative_outlier_factor_,
                        fit_predict) on synthetic data without distance ties and on wine
    pca_reconstruction  sklearn.decomposition.PCA: score = -||x - inverse_transform(transform(x))||^2,
                        offset = np.percentile(score, 100 * contamination)
    winsorizer          numpy: bounds = np.nanquantile (linear), np.clip, NaN kept

and tests/reference/fixtures/clean_outliers/imputers.json: sklearn.impute.KNNImputer,
MissingIndicator, IterativeImputer (BayesianRidge, Ridge) and SimpleImputer on categorical
columns (most_frequent, constant "Unknown", add_indicator).

Run from the repository root with Debian's interpreter (scikit-learn 1.2):

    /usr/bin/python3 tests/reference/make_clean_outliers.py

The wine subset is stored in the fixture, so the C++ tests need neither Python nor
/work/shared.
"""

import json
import math
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.decomposition import PCA
from sklearn.ensemble import IsolationForest
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer, KNNImputer, MissingIndicator, SimpleImputer
from sklearn.linear_model import BayesianRidge, Ridge
from sklearn.neighbors import LocalOutlierFactor

GENERATOR = "tests/reference/make_clean_outliers.py"
OUT_DIR = os.path.join("tests", "reference", "fixtures", "clean_outliers")
WINE = os.path.join("..", "shared", "data", "wine_quality_red.csv")


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
        if math.isnan(f):
            return None
        if math.isinf(f):
            raise ValueError("infinite value in fixture")
        return f
    if isinstance(obj, str):
        return obj
    raise TypeError("cannot serialise %r (%s)" % (obj, type(obj)))


def write_fixture(filename, cases, datasets=None):
    """Cases name their inputs ("X": "wine") when datasets holds them, written once."""
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, filename)
    cases = clean(cases)
    lines = ['{"sklearn_version": %s,' % json.dumps(sklearn.__version__),
             ' "numpy_version": %s,' % json.dumps(np.__version__),
             ' "generator": %s,' % json.dumps(GENERATOR)]
    for key, value in (datasets or {}).items():
        lines.append(' "%s": %s,' % (key, json.dumps(clean(value), separators=(",", ":"))))
    lines.append(' "cases": [')
    body = [json.dumps(c, allow_nan=False, separators=(",", ":")) for c in cases]
    lines.append(",\n".join(body))
    lines.append("]}")
    text = "\n".join(lines) + "\n"
    json.loads(text)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("wrote %s (%d cases, %d bytes)" % (path, len(cases), len(text)))


def synthetic(rng, n=120, p=3, n_outliers=6):
    X = rng.randn(n, p) * np.array([1.0, 5.0, 0.2])[:p] + np.array([0.0, 10.0, -1.0])[:p]
    X[:n_outliers] += rng.choice([-1, 1], size=(n_outliers, p)) * 6.0 * np.array([1.0, 5.0, 0.2])[:p]
    return X


def zscore_case(X, X_new, threshold):
    mean = X.mean(axis=0)
    std = X.std(axis=0)  # ddof 0
    scale = np.where(std == 0, 1.0, std)

    def score(Z):
        return -np.abs((Z - mean) / scale).max(axis=1)

    s, s_new = score(X), score(X_new)
    return {"name": "zscore_threshold_%g" % threshold, "method": "zscore",
            "params": {"threshold": threshold}, "X": X, "X_new": X_new,
            "mean": mean, "std": std, "offset": -threshold,
            "scores": s, "labels": np.where(s < -threshold, -1, 1),
            "scores_new": s_new, "labels_new": np.where(s_new < -threshold, -1, 1)}


def iqr_case(X, X_new, k):
    q1 = np.percentile(X, 25, axis=0)
    q3 = np.percentile(X, 75, axis=0)
    lower = q1 - k * (q3 - q1)
    upper = q3 + k * (q3 - q1)

    def score(Z):
        return -np.maximum(lower - Z, Z - upper).max(axis=1)

    s, s_new = score(X), score(X_new)
    return {"name": "iqr_k_%g" % k, "method": "iqr", "params": {"k": k},
            "X": X, "X_new": X_new, "lower": lower, "upper": upper, "offset": 0.0,
            "scores": s, "labels": np.where(s < 0, -1, 1),
            "scores_new": s_new, "labels_new": np.where(s_new < 0, -1, 1)}


def iforest_case(name, X, contamination):
    model = IsolationForest(n_estimators=100, contamination=contamination, random_state=0)
    labels = model.fit_predict(X)
    return {"name": name, "method": "IsolationForest",
            "params": {"contamination": contamination, "random_state": 0},
            "X": X, "scores": model.score_samples(X), "offset": model.offset_,
            "labels": labels}


def lof_case(name, X, n_neighbors, contamination):
    model = LocalOutlierFactor(n_neighbors=n_neighbors, contamination=contamination)
    labels = model.fit_predict(X)
    return {"name": name, "method": "LocalOutlierFactor",
            "params": {"n_neighbors": n_neighbors, "contamination": contamination},
            "X": X, "scores": model.negative_outlier_factor_, "offset": model.offset_,
            "labels": labels}


def pca_case(name, X, X_new, n_components, contamination):
    pca = PCA(n_components=n_components).fit(X)

    def score(Z):
        residual = Z - pca.inverse_transform(pca.transform(Z))
        return -(residual ** 2).sum(axis=1)

    s = score(X)
    offset = np.percentile(s, 100.0 * contamination)
    s_new = score(X_new)
    return {"name": name, "method": "PCAReconstruction",
            "params": {"n_components": n_components, "contamination": contamination},
            "X": X, "X_new": X_new, "n_components_": pca.n_components_,
            "scores": s, "offset": offset, "labels": np.where(s < offset, -1, 1),
            "scores_new": s_new, "labels_new": np.where(s_new < offset, -1, 1)}


def winsorizer_case(name, X, X_new, lower, upper):
    low = np.nanquantile(X, lower, axis=0)
    high = np.nanquantile(X, upper, axis=0)
    return {"name": name, "params": {"lower": lower, "upper": upper},
            "X": X, "X_new": X_new, "lower_bounds": low, "upper_bounds": high,
            "transformed": np.clip(X, low, high), "transformed_new": np.clip(X_new, low, high)}


def main():
    rng = np.random.RandomState(0)
    X = synthetic(rng)
    X_new = synthetic(rng, n=10, n_outliers=3)
    wine = pd.read_csv(WINE, sep=";").drop(columns=["quality"]).to_numpy()[::4]
    X_new_wine = wine[:10] * 1.05

    cases = [
        zscore_case(X, X_new, 3.0),
        zscore_case(X, X_new, 2.0),
        iqr_case(X, X_new, 1.5),
        iqr_case(X, X_new, 3.0),
        iforest_case("isolation_forest_wine_auto", wine, "auto"),
        iforest_case("isolation_forest_wine_0.1", wine, 0.1),
        iforest_case("isolation_forest_synthetic_auto", X, "auto"),
        lof_case("lof_synthetic_auto", X, 20, "auto"),
        lof_case("lof_synthetic_k5_0.05", X, 5, 0.05),
        lof_case("lof_wine_auto", wine, 20, "auto"),
        lof_case("lof_wine_0.1", wine, 20, 0.1),
        pca_case("pca_2_components", X, X_new, 2, 0.1),
        pca_case("pca_wine_0.9_variance", wine, X_new_wine, 0.9, 0.05),
    ]
    named = {"synthetic": X, "synthetic_new": X_new, "wine": wine}
    for case in cases:
        for key in ("X", "X_new"):
            for name, data in named.items():
                if key in case and case[key] is data:
                    case[key] = name
    write_fixture("outliers.json", cases, {"datasets": named})

    # The synthetic data as CSV for the `loom outliers` tests, with a categorical column that
    # the command must leave out; repr() round-trips every double.
    path = os.path.join(OUT_DIR, "synthetic.csv")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("a,group,b,c\n")
        for i, row in enumerate(X):
            fh.write("%r,%s,%r,%r\n" % (float(row[0]), "gh"[i % 2], float(row[1]), float(row[2])))
    print("wrote %s" % path)

    Xw = rng.randn(40, 3) * np.array([1.0, 3.0, 10.0])
    Xw[rng.rand(*Xw.shape) < 0.1] = np.nan
    Xw_new = rng.randn(8, 3) * np.array([2.0, 6.0, 20.0])
    Xw_new[0, 1] = np.nan
    write_fixture("winsorizer.json", [
        winsorizer_case("winsorizer_0.05_0.95", Xw, Xw_new, 0.05, 0.95),
        winsorizer_case("winsorizer_0.1_0.8", Xw, Xw_new, 0.1, 0.8),
    ])


def with_holes(rng, n, p, share, scales):
    X = rng.randn(n, p) * scales + np.arange(p)
    X[rng.rand(n, p) < share] = np.nan
    return X


def knn_case(name, X, X_new, **params):
    imputer = KNNImputer(**params)
    return {"name": name, "type": "KNNImputer", "params": params, "X": X, "X_new": X_new,
            "feature_names_out": list(imputer.fit(X).get_feature_names_out(["a", "b", "c", "d"][:X.shape[1]])),
            "transformed": imputer.transform(X), "transformed_new": imputer.transform(X_new)}


def indicator_case(name, X, X_new, **params):
    indicator = MissingIndicator(**params)
    names = ["a", "b", "c", "d"][:X.shape[1]]
    indicator.fit(X)
    return {"name": name, "type": "MissingIndicator", "params": params, "X": X, "X_new": X_new,
            "features": indicator.features_,
            "feature_names_out": list(indicator.get_feature_names_out(names)),
            "transformed": indicator.transform(X).astype(float),
            "transformed_new": indicator.transform(X_new).astype(float)}


def iterative_case(name, X, X_new, estimator_spec, **params):
    if estimator_spec is None:
        estimator = None
    elif estimator_spec["type"] == "Ridge":
        estimator = Ridge(**estimator_spec["params"])
    else:
        estimator = BayesianRidge(**estimator_spec["params"])
    imputer = IterativeImputer(estimator=estimator, random_state=0, **params)
    transformed = imputer.fit_transform(X)
    out = dict(params)
    if estimator_spec is not None:
        out["estimator"] = estimator_spec
    return {"name": name, "type": "IterativeImputer", "params": out, "X": X, "X_new": X_new,
            "n_iter": imputer.n_iter_, "transformed": transformed,
            "transformed_new": imputer.transform(X_new)}


def categorical_case(name, rows, rows_new, **params):
    frame = pd.DataFrame(rows, columns=["city", "size"], dtype=object)
    frame_new = pd.DataFrame(rows_new, columns=["city", "size"], dtype=object)
    imputer = SimpleImputer(missing_values=None, **params)
    transformed = imputer.fit_transform(frame.where(frame.notna(), None))
    return {"name": name, "type": "SimpleImputer", "params": params, "X": rows, "X_new": rows_new,
            "feature_names_out": list(imputer.get_feature_names_out()),
            "statistics": list(imputer.statistics_),
            "transformed": [[v if isinstance(v, str) else float(v) for v in row] for row in transformed],
            "transformed_new": [[v if isinstance(v, str) else float(v) for v in row]
                                for row in imputer.transform(frame_new.where(frame_new.notna(), None))]}


def make_imputers():
    rng = np.random.RandomState(1)
    X = with_holes(rng, 30, 4, 0.15, np.array([1.0, 2.0, 0.5, 3.0]))
    X_new = with_holes(rng, 6, 4, 0.25, np.array([1.0, 2.0, 0.5, 3.0]))
    X_new[0, :] = np.nan  # no comparable donor: the column means
    X_empty = X.copy()
    X_empty[:, 2] = np.nan
    # Regression imputation: height from age and weight.
    age = rng.uniform(5, 18, 60)
    weight = 10 + 3.2 * age + rng.randn(60) * 4
    height = 80 + 5.5 * age + 0.4 * weight + rng.randn(60) * 3
    people = np.column_stack([age, weight, height])
    people[rng.rand(60) < 0.2, 2] = np.nan
    people[rng.rand(60) < 0.1, 1] = np.nan
    people_new = np.array([[10.0, 42.0, np.nan], [15.0, np.nan, np.nan], [7.0, 30.0, 130.0]])
    cases = [
        knn_case("knn_uniform", X, X_new),
        knn_case("knn_distance_k3", X, X_new, n_neighbors=3, weights="distance"),
        knn_case("knn_indicator_empty_column", X_empty, X_new, add_indicator=True),
        knn_case("knn_keep_empty", X_empty, X_new, keep_empty_features=True),
        indicator_case("indicator_missing_only", X, X_new, error_on_new=False),
        indicator_case("indicator_all", X, X_new, features="all"),
        iterative_case("iterative_bayesian_ridge", X, X_new, None, max_iter=10, tol=1e-3),
        iterative_case("iterative_bayesian_ridge_people", people, people_new, None),
        iterative_case("iterative_ridge_people", people, people_new,
                       {"type": "Ridge", "params": {"alpha": 2.0}}, max_iter=15, tol=1e-4),
        iterative_case("iterative_ridge_empty_column", X_empty, X_new,
                       {"type": "Ridge", "params": {}}, max_iter=5),
    ]
    rows = [["Oslo", "S"], [None, "M"], ["Rome", None], ["Oslo", "M"], ["Rome", "L"], [None, "M"]]
    rows_new = [[None, None], ["Lima", "S"]]
    cases += [
        categorical_case("categorical_most_frequent_indicator", rows, rows_new,
                         strategy="most_frequent", add_indicator=True),
        categorical_case("categorical_constant_unknown", rows, rows_new,
                         strategy="constant", fill_value="Unknown"),
    ]
    write_fixture("imputers.json", cases)


if __name__ == "__main__":
    main()
    make_imputers()
