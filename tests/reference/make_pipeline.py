#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for loom's pipeline unit tests.

Writes (overwrites) tests/reference/fixtures/pipeline/column_transformer.json:

    {"sklearn_version": "...", "generator": "tests/reference/make_pipeline.py",
     "cases": [ {...}, ... ]}

Each case holds an input table (typed columns, missing cells as null), the loom JSON
spec under test, and what scikit-learn gives for the same spec:

  kind "transform": a ColumnTransformer step spec; expected get_feature_names_out and
                    the transformed table (fit_transform on "table", transform on
                    "new_table"), rows of numbers and strings, missing as null.
  kind "pipeline":  a {"steps": [...]} spec (ColumnTransformer + LogisticRegression);
                    expected predict_proba and predict on "table" and "new_table".
                    scikit-learn's lbfgs is run with tol=1e-10, so it stops close to the
                    optimum loom's solver reaches; the C++ test still allows ~1e-4.

The scikit-learn estimators are built from the loom spec by build_sklearn(), so the spec
in the fixture is the single description of each case. Run from the repository root:

    /usr/bin/python3 tests/reference/make_pipeline.py
"""

import json
import math
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

GENERATOR = "tests/reference/make_pipeline.py"
OUT_DIR = os.path.join("tests", "reference", "fixtures", "pipeline")


# --------------------------------------------------------------------------
# JSON helpers
# --------------------------------------------------------------------------

def clean(obj):
    """Plain JSON values; NaN and None become null."""
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


def _reject_constant(name):
    raise ValueError("non-strict JSON constant %s" % name)


def write_fixture(filename, cases):
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, filename)
    cases = clean(cases)
    lines = ['{"sklearn_version": %s,' % json.dumps(sklearn.__version__),
             ' "generator": %s,' % json.dumps(GENERATOR),
             ' "cases": [']
    body = [json.dumps(c, allow_nan=False, separators=(",", ":")) for c in cases]
    lines.append(",\n".join(body))
    lines.append("]}")
    text = "\n".join(lines) + "\n"
    json.loads(text, parse_constant=_reject_constant)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("wrote %s (%d cases, %d bytes)" % (path, len(cases), len(text)))


# --------------------------------------------------------------------------
# Tables: {"columns": [{"name", "type", "values"}]} <-> pandas
# --------------------------------------------------------------------------

def table_json(columns):
    """columns: list of (name, type, values) with None for missing."""
    return {"columns": [{"name": n, "type": t, "values": v} for n, t, v in columns]}


def to_frame(table):
    data = {}
    for column in table["columns"]:
        values = column["values"]
        if column["type"] == "numeric":
            data[column["name"]] = np.array(
                [np.nan if v is None else float(v) for v in values], dtype=float)
        else:
            # np.nan, not None: SimpleImputer(missing_values=np.nan) only sees NaN as missing.
            data[column["name"]] = pd.Series(
                [np.nan if v is None else v for v in values], dtype=object)
    return pd.DataFrame(data)


# --------------------------------------------------------------------------
# loom spec -> scikit-learn estimator
# --------------------------------------------------------------------------

def selector(columns):
    if isinstance(columns, list):
        return columns
    if isinstance(columns, str):
        # loom passes a one-column table; scikit-learn would pass a 1-D array, which only
        # text vectorisers accept. The fixtures use lists for imputers.
        raise ValueError("single-name selectors are not used in these fixtures")
    if "dtype" in columns:
        dtype = {"numeric": np.number, "categorical": object}[columns["dtype"]]
        return make_column_selector(dtype_include=dtype)
    if "pattern" in columns:
        return make_column_selector(pattern=columns["pattern"])
    raise ValueError("unknown selector %r" % (columns,))


def build_sklearn(spec):
    kind = spec["type"]
    params = dict(spec.get("params", {}))
    if kind == "Pipeline":
        return Pipeline([(s["name"], build_sklearn(s)) for s in params["steps"]])
    if kind == "ColumnTransformer":
        transformers = []
        for item in params.pop("transformers"):
            if item["type"] in ("drop", "passthrough"):
                estimator = item["type"]
            else:
                estimator = build_sklearn(item)
            transformers.append((item["name"], estimator, selector(item["columns"])))
        return ColumnTransformer(transformers, **params)
    if kind == "SimpleImputer":
        return SimpleImputer(**params)
    if kind == "StandardScaler":
        return StandardScaler(**params)
    if kind == "LogisticRegression":
        # Tight tolerance so scikit-learn's lbfgs lands near the optimum loom reaches.
        return LogisticRegression(tol=1e-10, max_iter=10000, **params)
    raise ValueError("no scikit-learn peer for %s" % kind)


def numeric_imputer_scaler(strategy="median"):
    return {"name": "num", "type": "Pipeline", "params": {"steps": [
        {"name": "imputer", "type": "SimpleImputer", "params": {"strategy": strategy}},
        {"name": "scaler", "type": "StandardScaler", "params": {}}]}}


def with_columns(spec, columns):
    spec = dict(spec)
    spec["columns"] = columns
    return spec


# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------

SMALL_TABLE = table_json([
    ("age", "numeric", [25, 32, None, 47, 51, 38, None, 29, 60, 44, 35, 23]),
    ("income", "numeric", [30000, 48000, 52000, None, 91000, 61000, 45000, None, 120000,
                           70000, 39000, 28000]),
    ("city", "categorical", ["paris", "lyon", None, "paris", "nice", "lyon", "paris", None,
                             "nice", "paris", "lyon", "lyon"]),
    ("height", "numeric", [1.62, 1.80, 1.75, 1.68, None, 1.71, 1.90, 1.65, 1.77, None, 1.83,
                           1.59]),
    ("segment", "categorical", ["b", "a", "a", "c", None, "b", "a", "b", "c", "a", "b",
                                None]),
])

SMALL_NEW_TABLE = table_json([
    ("age", "numeric", [None, 70, 18, 41]),
    ("income", "numeric", [55000, None, 15000, 64000]),
    ("city", "categorical", ["lille", None, "nice", "paris"]),
    ("height", "numeric", [1.72, 1.66, None, 1.85]),
    ("segment", "categorical", [None, "c", "a", "b"]),
])

CATEGORICAL_IMPUTER = {"name": "cat", "type": "SimpleImputer",
                       "params": {"strategy": "most_frequent"}}


def transform_case(name, spec):
    ct = build_sklearn(spec)
    frame = to_frame(SMALL_TABLE)
    transformed = ct.fit_transform(frame)
    transformed_new = ct.transform(to_frame(SMALL_NEW_TABLE))
    return {
        "name": name,
        "kind": "transform",
        "table": SMALL_TABLE,
        "new_table": SMALL_NEW_TABLE,
        "spec": spec,
        "feature_names_out": list(ct.get_feature_names_out()),
        "transformed": np.asarray(transformed, dtype=object),
        "transformed_new": np.asarray(transformed_new, dtype=object),
    }


def column_transformer(transformers, **params):
    return {"name": "prep", "type": "ColumnTransformer",
            "params": dict(transformers=transformers, **params)}


def transform_cases():
    return [
        # Names list for numeric columns, dtype selector for categoricals, remainder dropped.
        transform_case("names_and_dtype", column_transformer([
            with_columns(numeric_imputer_scaler(), ["age", "income"]),
            with_columns(CATEGORICAL_IMPUTER, {"dtype": "categorical"}),
        ], remainder="drop")),
        # A pattern selector, and the rest passed through (missing cells stay missing).
        transform_case("pattern_and_passthrough", column_transformer([
            with_columns(numeric_imputer_scaler(), {"pattern": "^(?:age|height)$"}),
            with_columns(CATEGORICAL_IMPUTER, ["city"]),
        ], remainder="passthrough")),
        # verbose_feature_names_out=false keeps the input names.
        transform_case("plain_names", column_transformer([
            with_columns(numeric_imputer_scaler("mean"), {"dtype": "numeric"}),
            with_columns(CATEGORICAL_IMPUTER, {"dtype": "categorical"}),
        ], remainder="drop", verbose_feature_names_out=False)),
        # An explicit "drop" entry removes a column from the passed-through remainder.
        transform_case("drop_entry", column_transformer([
            with_columns(numeric_imputer_scaler(), ["income"]),
            {"name": "unused", "type": "drop", "columns": ["height", "segment"]},
        ], remainder="passthrough")),
    ]


def pipeline_table(rng, n_rows, n_classes):
    age = rng.normal(45, 12, n_rows).round(0)
    income = rng.lognormal(10.8, 0.4, n_rows).round(-2)
    height = rng.normal(1.72, 0.09, n_rows).round(2)
    city = rng.choice(["lyon", "nice", "paris"], n_rows)
    score = 0.08 * (age - 45) + 1.5 * (np.log(income) - 10.8) - 6.0 * (height - 1.72)
    if n_classes == 2:
        target = (score + rng.logistic(0, 1, n_rows) > 0).astype(float)
    else:
        noisy = score + rng.logistic(0, 0.7, n_rows)
        target = np.digitize(noisy, np.quantile(noisy, [1 / 3, 2 / 3])).astype(float)
    values = {"age": age, "income": income, "height": height}
    for name, column in values.items():
        column[rng.random(n_rows) < 0.1] = np.nan
    city = [None if missing else c for c, missing in zip(city, rng.random(n_rows) < 0.1)]
    columns = [(name, "numeric", [None if np.isnan(v) else float(v) for v in column])
               for name, column in values.items()]
    columns.insert(2, ("city", "categorical", city))
    return table_json(columns), [float(t) for t in target]


def pipeline_case(name, seed, n_classes):
    rng = np.random.RandomState(seed)
    table, target = pipeline_table(rng, 80, n_classes)
    new_table, _ = pipeline_table(rng, 10, n_classes)
    spec = {"steps": [
        column_transformer([
            with_columns(numeric_imputer_scaler(), {"dtype": "numeric"}),
            # No OneHotEncoder yet: the categorical column is dropped explicitly.
            {"name": "cat", "type": "drop", "columns": ["city"]},
        ], remainder="drop"),
        {"name": "model", "type": "LogisticRegression", "params": {"C": 0.5}},
    ]}
    pipeline = build_sklearn({"type": "Pipeline", "params": spec})
    frame = to_frame(table)
    pipeline.fit(frame, np.array(target))
    new_frame = to_frame(new_table)
    return {
        "name": name,
        "kind": "pipeline",
        "table": table,
        "target": target,
        "new_table": new_table,
        "spec": spec,
        "feature_names_out": list(pipeline[:-1].get_feature_names_out()),
        "classes": pipeline.classes_,
        "predict_proba": pipeline.predict_proba(frame),
        "predict": pipeline.predict(frame),
        "predict_proba_new": pipeline.predict_proba(new_frame),
        "predict_new": pipeline.predict(new_frame),
    }


def main():
    cases = transform_cases()
    cases.append(pipeline_case("pipeline_binary", 7, 2))
    cases.append(pipeline_case("pipeline_multiclass", 11, 3))
    write_fixture("column_transformer.json", cases)


if __name__ == "__main__":
    main()
