#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom's encoders, scalers and binning.

Writes (overwrites) deterministic JSON files under tests/reference/fixtures/features_encoding/,
one per step (one_hot_encoder.json, ordinal_encoder.json, scalers.json, ...). Each has the
layout {"sklearn_version": "...", "generator": "...", "cases": [{...}, ...]}. Tables are
written column by column as {"name", "type": "numeric" | "categorical", "values"} (missing
values as null), matrices as lists of rows, NaN as null.

Run from the repository root with Debian's interpreter (scikit-learn 1.2, pandas, numpy):

    /usr/bin/python3 tests/reference/make_features_encoding.py
"""

import json
import math
import os
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.preprocessing import (Binarizer, KBinsDiscretizer, MaxAbsScaler, MinMaxScaler, Normalizer,
                                   OneHotEncoder, OrdinalEncoder, PolynomialFeatures,
                                   PowerTransformer,
                                   RobustScaler)
from scipy import sparse as sp

GENERATOR = "tests/reference/make_features_encoding.py"
OUT_DIR = os.path.join("tests", "reference", "fixtures", "features_encoding")


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


def write_fixture(filename, cases):
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, filename)
    cases = clean(cases)
    lines = ['{"sklearn_version": %s,' % json.dumps(sklearn.__version__),
             ' "generator": %s,' % json.dumps(GENERATOR),
             ' "cases": [']
    lines.append(",\n".join(json.dumps(c, allow_nan=False, separators=(",", ":"))
                            for c in cases))
    lines.append("]}")
    text = "\n".join(lines) + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("wrote %s (%d cases, %d bytes)" % (path, len(cases), len(text)))


def table(frame):
    """A DataFrame as loom's fixture columns (object columns are categorical)."""
    columns = []
    for name in frame.columns:
        series = frame[name]
        kind = "categorical" if series.dtype == object else "numeric"
        values = [None if (isinstance(v, float) and math.isnan(v)) else v
                  for v in series.tolist()]
        columns.append({"name": name, "type": kind, "values": values})
    return columns


def dense(matrix):
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)


# --------------------------------------------------------------------------
# OneHotEncoder
# --------------------------------------------------------------------------

def encoder_frames():
    rng = np.random.RandomState(0)
    n = 40
    colors = np.array(["red", "blue", "green", "yellow", "violet", "black"], dtype=object)
    color = colors[rng.choice(6, n, p=[0.35, 0.25, 0.2, 0.1, 0.06, 0.04])]
    color[[3, 17]] = np.nan
    size = rng.choice([1, 2, 3, 10], n, p=[0.4, 0.3, 0.2, 0.1]).astype(np.int64)
    weight = rng.choice([0.5, 1.5, 2.25, 1e-05, 1e16], n)
    weight[[5, 9, 30]] = np.nan
    grade = rng.choice([1.0, 2.0, 3.0], n)
    grade[[2]] = np.nan
    binary = np.array(["yes", "no"], dtype=object)[rng.choice(2, n)]
    fit = pd.DataFrame({"color": color, "size": size, "weight": weight, "grade": grade,
                        "binary": binary})
    new = pd.DataFrame({
        "color": np.array(["red", "purple", np.nan, "black", "blue"], dtype=object),
        "size": np.array([1, 2, 7, 10, 3], dtype=np.int64),
        "weight": np.array([0.5, np.nan, 3.0, 1e16, 1.5]),
        "grade": np.array([1.0, 2.0, 3.0, np.nan, 1.0]),
        "binary": np.array(["no", "yes", "maybe", "yes", "no"], dtype=object),
    })
    return fit, new


def one_hot_cases():
    fit, new = encoder_frames()
    known = new.iloc[[0, 4]]
    cases = []
    settings = [
        ("default", {}),
        ("dense", {"sparse_output": False}),
        ("drop_first", {"drop": "first"}),
        ("drop_if_binary", {"drop": "if_binary"}),
        ("ignore", {"handle_unknown": "ignore"}),
        ("ignore_drop_first", {"handle_unknown": "ignore", "drop": "first"}),
        ("min_frequency_count", {"min_frequency": 4, "handle_unknown": "infrequent_if_exist"}),
        ("min_frequency_fraction", {"min_frequency": 0.15, "handle_unknown": "ignore"}),
        ("max_categories", {"max_categories": 3, "handle_unknown": "infrequent_if_exist"}),
        ("max_categories_one", {"max_categories": 1, "handle_unknown": "infrequent_if_exist"}),
        ("infrequent_drop_first", {"max_categories": 2, "drop": "first",
                                   "handle_unknown": "infrequent_if_exist"}),
        ("infrequent_if_binary", {"min_frequency": 6, "drop": "if_binary",
                                  "handle_unknown": "infrequent_if_exist"}),
        ("infrequent_ignore", {"min_frequency": 5, "max_categories": 4,
                               "handle_unknown": "ignore"}),
    ]
    for name, params in settings:
        encoder = OneHotEncoder(**params)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            encoder.fit(fit)
            unknown_ok = params.get("handle_unknown", "error") != "error"
            x_new = new if unknown_ok else known
            transformed_new = dense(encoder.transform(x_new))
        infrequent = None
        if hasattr(encoder, "_infrequent_indices"):
            infrequent = [[] if c is None else list(c) for c in encoder.infrequent_categories_]
        drop_idx = None
        if encoder.drop_idx_ is not None:
            drop_idx = [-1 if d is None else int(d) for d in encoder.drop_idx_]
        cases.append({
            "name": name,
            "params": params,
            "X": table(fit),
            "X_new": table(x_new),
            "categories": [list(c) for c in encoder.categories_],
            "infrequent_categories": infrequent,
            "drop_idx": drop_idx,
            "feature_names_out": list(encoder.get_feature_names_out()),
            "sparse": bool(hasattr(encoder.transform(fit), "toarray")),
            "transformed": dense(encoder.transform(fit)),
            "transformed_new": transformed_new,
        })
    return cases


# --------------------------------------------------------------------------
# OrdinalEncoder
# --------------------------------------------------------------------------

def ordinal_cases():
    fit, new = encoder_frames()
    known = new.iloc[[0, 4]]
    cases = []
    settings = [
        ("default", {}),
        ("missing_code", {"encoded_missing_value": -1}),
        ("unknown_code", {"handle_unknown": "use_encoded_value", "unknown_value": -2}),
        ("unknown_nan", {"handle_unknown": "use_encoded_value", "unknown_value": float("nan")}),
        ("unknown_large", {"handle_unknown": "use_encoded_value", "unknown_value": 99,
                           "encoded_missing_value": -7}),
    ]
    for name, params in settings:
        encoder = OrdinalEncoder(**params)
        encoder.fit(fit)
        x_new = new if params.get("handle_unknown") else known
        json_params = dict(params)
        if "unknown_value" in json_params and math.isnan(json_params["unknown_value"]):
            json_params["unknown_value"] = "nan"
        cases.append({
            "name": name,
            "params": json_params,
            "X": table(fit),
            "X_new": table(x_new),
            "categories": [list(c) for c in encoder.categories_],
            "feature_names_out": list(encoder.get_feature_names_out()),
            "transformed": encoder.transform(fit),
            "transformed_new": encoder.transform(x_new),
        })
    return cases


# --------------------------------------------------------------------------
# Scalers, Normalizer, Binarizer (numeric matrices, NaN where the step accepts it)
# --------------------------------------------------------------------------

def numeric_data(with_nan):
    rng = np.random.RandomState(1)
    x = np.column_stack([
        rng.normal(5.0, 3.0, 30),
        rng.exponential(2.0, 30) - 1.0,
        np.round(rng.uniform(-4, 4, 30)),
        np.full(30, 2.5),                      # constant
        rng.normal(0, 1e-3, 30),
    ])
    x[rng.rand(30, 5) < 0.5] *= 0.0            # zeros, so the sparse case is sparse
    x[:, 3] = 2.5
    x_new = rng.normal(0, 4, (6, 5))
    x_new[0, 0] = 100.0
    if with_nan:
        x[[2, 7, 11], [0, 1, 4]] = np.nan
        x_new[[1, 3], [2, 0]] = np.nan
    return x, x_new


def scaler_cases():
    cases = []
    x_nan, x_new_nan = numeric_data(True)
    x, x_new = numeric_data(False)
    settings = [
        ("MinMaxScaler", "default", MinMaxScaler, {}, True, False),
        ("MinMaxScaler", "range_clip", MinMaxScaler,
         {"feature_range": [-2.0, 3.0], "clip": True}, True, False),
        ("MaxAbsScaler", "default", MaxAbsScaler, {}, True, False),
        ("MaxAbsScaler", "sparse", MaxAbsScaler, {}, False, True),
        ("RobustScaler", "default", RobustScaler, {}, True, False),
        ("RobustScaler", "range_10_90", RobustScaler, {"quantile_range": [10.0, 90.0]}, True,
         False),
        ("RobustScaler", "no_centering", RobustScaler,
         {"with_centering": False, "quantile_range": [33.0, 66.6]}, True, False),
        ("RobustScaler", "no_scaling", RobustScaler, {"with_scaling": False}, True, False),
        ("RobustScaler", "unit_variance", RobustScaler,
         {"unit_variance": True, "quantile_range": [5.0, 95.0]}, True, False),
        ("RobustScaler", "sparse", RobustScaler, {"with_centering": False}, False, True),
        ("Normalizer", "l2", Normalizer, {}, False, False),
        ("Normalizer", "l1", Normalizer, {"norm": "l1"}, False, False),
        ("Normalizer", "max", Normalizer, {"norm": "max"}, False, False),
        ("Normalizer", "l2_sparse", Normalizer, {}, False, True),
        ("Normalizer", "l1_sparse", Normalizer, {"norm": "l1"}, False, True),
        ("Normalizer", "max_sparse", Normalizer, {"norm": "max"}, False, True),
        ("Binarizer", "default", Binarizer, {}, False, False),
        ("Binarizer", "threshold", Binarizer, {"threshold": 1.5}, False, False),
        ("Binarizer", "sparse", Binarizer, {"threshold": 0.5}, False, True),
    ]
    for step, name, cls, params, nan, is_sparse in settings:
        a, b = (x_nan, x_new_nan) if nan else (x, x_new)
        fit_input = sp.csr_matrix(a) if is_sparse else a
        new_input = sp.csr_matrix(b) if is_sparse else b
        model = cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in params.items()})
        transformed = model.fit_transform(fit_input)
        transformed_new = model.transform(new_input)
        case = {
            "type": step, "name": step + "_" + name, "params": params, "sparse": is_sparse,
            "X": a, "X_new": b,
            "transformed": dense(transformed), "transformed_new": dense(transformed_new),
            "transformed_sparse": bool(sp.issparse(transformed)),
        }
        for attribute in ["data_min_", "data_max_", "scale_", "min_", "max_abs_", "center_"]:
            if hasattr(model, attribute):
                case[attribute] = getattr(model, attribute)
        cases.append(case)
    return cases


# --------------------------------------------------------------------------
# KBinsDiscretizer
# --------------------------------------------------------------------------

def kbins_cases():
    rng = np.random.RandomState(2)
    n = 40
    x = np.column_stack([
        rng.normal(10.0, 4.0, n),
        np.concatenate([np.zeros(25), rng.exponential(3.0, n - 25)]),  # many ties: tiny bins
        np.full(n, 3.0),                                                 # constant
        np.concatenate([rng.normal(-5, 0.5, 20), rng.normal(6, 1.0, 20)]),  # two clusters
    ])
    x_new = np.array([[-100.0, 0.0, 3.0, -5.0], [10.0, 1.0, 4.0, 0.5], [100.0, 50.0, -1.0, 7.0],
                      [9.5, 0.3, 3.0, 6.0]])
    cases = []
    for strategy in ["uniform", "quantile", "kmeans"]:
        for encode in ["onehot", "onehot-dense", "ordinal"]:
            for n_bins in [4, [3, 5, 2, 6]]:
                if encode != "ordinal" and isinstance(n_bins, list):
                    continue
                params = {"n_bins": n_bins, "encode": encode, "strategy": strategy}
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    model = KBinsDiscretizer(**params).fit(x)
                edges = [[] if np.isinf(e[0]) else list(e) for e in model.bin_edges_]
                cases.append({
                    "name": "%s_%s_%s" % (strategy, encode, "list" if isinstance(n_bins, list)
                                          else n_bins),
                    "params": params, "X": x, "X_new": x_new,
                    "bin_edges": edges, "n_bins": list(model.n_bins_),
                    "feature_names_out": list(model.get_feature_names_out(["a", "b", "c", "d"])),
                    "sparse": bool(sp.issparse(model.transform(x))),
                    "transformed": dense(model.transform(x)),
                    "transformed_new": dense(model.transform(x_new)),
                })
    # k-means on a larger column with an empty cluster at the start (uniform init centres
    # fall in a gap of the data).
    x_gap = np.concatenate([rng.normal(0, 1, 60), rng.normal(50, 1, 5), [100.0]])[:, None]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = KBinsDiscretizer(n_bins=6, encode="ordinal", strategy="kmeans").fit(x_gap)
    cases.append({
        "name": "kmeans_gap", "params": {"n_bins": 6, "encode": "ordinal", "strategy": "kmeans"},
        "X": x_gap, "X_new": x_gap[:5], "bin_edges": [list(e) for e in model.bin_edges_],
        "n_bins": list(model.n_bins_), "feature_names_out": ["a"], "sparse": False,
        "transformed": model.transform(x_gap), "transformed_new": model.transform(x_gap[:5]),
    })
    return cases


# --------------------------------------------------------------------------
# PolynomialFeatures
# --------------------------------------------------------------------------

def polynomial_cases():
    rng = np.random.RandomState(3)
    x = pd.DataFrame(rng.normal(0, 2, (8, 3)), columns=["age", "bmi", "bp"])
    x_new = pd.DataFrame(rng.normal(0, 2, (3, 3)), columns=["age", "bmi", "bp"])
    settings = [
        ("default", {}),
        ("degree3", {"degree": 3}),
        ("interaction_only", {"degree": 3, "interaction_only": True}),
        ("no_bias", {"degree": 2, "include_bias": False}),
        ("degree_range", {"degree": [2, 3], "include_bias": True}),
        ("degree0", {"degree": 0}),
    ]
    cases = []
    for name, params in settings:
        model = PolynomialFeatures(**{k: tuple(v) if isinstance(v, list) else v
                                      for k, v in params.items()}).fit(x)
        cases.append({
            "name": name, "params": params, "X": x, "X_new": x_new,
            "feature_names_out": list(model.get_feature_names_out()),
            "transformed": model.transform(x), "transformed_new": model.transform(x_new),
        })
    return cases


# --------------------------------------------------------------------------
# PowerTransformer
# --------------------------------------------------------------------------

def power_cases():
    rng = np.random.RandomState(4)
    n = 50
    x = np.column_stack([
        rng.lognormal(0.0, 1.0, n),             # right-skewed, positive
        -rng.lognormal(0.5, 0.6, n) + 2.0,      # left-skewed, both signs
        rng.normal(3.0, 2.0, n),
        rng.exponential(0.3, n) + 0.01,
    ])
    x_nan = x.copy()
    x_nan[[3, 10, 20], [0, 1, 3]] = np.nan
    x_new = np.abs(rng.normal(1.0, 2.0, (5, 4))) + 0.05
    settings = [
        ("yeo_johnson", {}, x_nan),
        ("yeo_johnson_raw", {"standardize": False}, x_nan),
        ("box_cox", {"method": "box-cox"}, np.abs(x_nan) + 0.1),
        ("box_cox_raw", {"method": "box-cox", "standardize": False}, np.abs(x) + 0.1),
    ]
    cases = []
    for name, params, data in settings:
        model = PowerTransformer(**params).fit(data)
        cases.append({
            "name": name, "params": params, "X": data, "X_new": x_new,
            "lambdas": model.lambdas_,
            "transformed": model.transform(data), "transformed_new": model.transform(x_new),
        })
    return cases


# --------------------------------------------------------------------------
# FeatureUnion
# --------------------------------------------------------------------------

def union_cases():
    from sklearn.pipeline import FeatureUnion
    rng = np.random.RandomState(5)
    x = pd.DataFrame(rng.normal(0, 3, (10, 2)), columns=["height", "width"])
    x_new = pd.DataFrame(rng.normal(0, 3, (3, 2)), columns=["height", "width"])
    union = FeatureUnion([("minmax", MinMaxScaler()), ("drop_me", "drop"),
                          ("poly", PolynomialFeatures(2, include_bias=False)),
                          ("raw", "passthrough")],
                         transformer_weights={"poly": 0.5})
    transformed = union.fit_transform(x)
    return [{
        "name": "minmax_poly_passthrough",
        "spec": {"name": "union", "type": "FeatureUnion", "params": {
            "transformer_list": [
                {"name": "minmax", "type": "MinMaxScaler", "params": {}},
                {"name": "drop_me", "type": "drop"},
                {"name": "poly", "type": "PolynomialFeatures",
                 "params": {"degree": 2, "include_bias": False}},
                {"name": "raw", "type": "passthrough"}],
            "transformer_weights": {"poly": 0.5}}},
        "X": x, "X_new": x_new,
        "feature_names_out": list(union.get_feature_names_out()),
        "transformed": transformed, "transformed_new": union.transform(x_new),
    }]


# --------------------------------------------------------------------------
# Relational feature synthesis (pandas groupby().agg() + merge(how="left"))
# --------------------------------------------------------------------------

def relational_cases():
    customers = pd.DataFrame({"customer": [3, 1, 2, 7], "region": ["n", "s", "s", "e"]})
    orders = pd.DataFrame({
        "customer": [1, 1, 2, 3, 1, 3, 3, 9, 2],
        "amount": [10.0, 25.5, 7.0, np.nan, 12.0, 3.5, 3.5, 100.0, np.nan],
        "channel": ["web", "shop", "web", "web", np.nan, "shop", "web", "web", "shop"],
        "day": [1, 5, 2, 3, 4, 9, 8, 1, 6],
    })
    grouped = orders.groupby("customer")
    agg = pd.DataFrame({
        "orders_count": grouped.size(),
        "orders_amount_sum": grouped["amount"].sum(),
        "orders_amount_mean": grouped["amount"].mean(),
        "orders_amount_std": grouped["amount"].std(),
        "orders_amount_min": grouped["amount"].min(),
        "orders_amount_max": grouped["amount"].max(),
        "orders_amount_distinct_count": grouped["amount"].nunique(),
        "orders_amount_most_recent": orders.sort_values("day").groupby("customer")["amount"].last(),
        "orders_channel_distinct_count": grouped["channel"].nunique(),
    }).reset_index()
    merged = customers.merge(agg, on="customer", how="left")
    merged["orders_count"] = merged["orders_count"].fillna(0)
    return [{"name": "customers_orders", "entities": table(customers), "related": table(orders),
             "expected": table(merged)}]


def main():
    write_fixture("one_hot_encoder.json", one_hot_cases())
    write_fixture("ordinal_encoder.json", ordinal_cases())
    write_fixture("scalers.json", scaler_cases())
    write_fixture("k_bins_discretizer.json", kbins_cases())
    write_fixture("polynomial_features.json", polynomial_cases())
    write_fixture("power_transformer.json", power_cases())
    write_fixture("feature_union.json", union_cases())
    write_fixture("relational_features.json", relational_cases())


if __name__ == "__main__":
    main()
