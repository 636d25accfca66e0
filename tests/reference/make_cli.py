#!/usr/bin/python3
"""Generate the end-to-end fixtures of the `loom` command-line tool (tests/unit/cli/).

Writes (overwrites) tests/reference/fixtures/cli/:

  mixed_train.csv, mixed_test.csv   a mixed table: numbers in assorted spellings (1, 1.0,
                                    .5, 1.5e3), missing cells as "", NA, NaN, ?, quoted "NA",
                                    quoted fields holding commas and doubled quotes, a
                                    constant column, a free-text column, duplicate rows, a
                                    string label yes / no
  multi_train.csv, multi_test.csv   numeric features and a numeric label in {3, 10, 20}
                                    (sorted as numbers, not as strings)
  spec_*.json                       loom pipeline specs (CLI.md "Specs")
  expected.json                     what pandas / scikit-learn give for each command:
    {"sklearn_version", "pandas_version", "generator",
     "profile":   [{"args": [...], "expected": {...}}],        pandas (ddof 1, linear quantiles)
     "transform": [{"args": [...], "header": [...], "rows": [[...]]}],
     "transform_model": [{"fit_args", "args", "header", "rows"}],  fit on train, apply to test
     "predict":   [{"fit_args", "args", "header", "predictions", "probabilities"}],
     "evaluate":  [{"fit_args", "args", "expected": {...}}]}
  Arguments use the placeholders {dir} (this folder) and {tmp} (the test's scratch folder).

The CSV files are read back with pandas using loom's missing markers (keep_default_na=False,
na_values=["", "NA", "NaN", "?"]), so the oracle sees exactly what `loom` must see.
LogisticRegression is fitted with tol=1e-10 so that scikit-learn's lbfgs stops close to the
optimum loom's solver reaches; the C++ tests compare probabilities to ~1e-4 and predictions
exactly (the script checks that no prediction is within 1e-3 of a tie). Run from the
repository root:

    /usr/bin/python3 tests/reference/make_cli.py
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
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score,
                             cohen_kappa_score, confusion_matrix, f1_score, log_loss,
                             matthews_corrcoef, precision_score, recall_score, roc_auc_score)
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

GENERATOR = "tests/reference/make_cli.py"
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "cli")
NA_VALUES = ["", "NA", "NaN", "?"]


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

class Quoted(str):
    """A field written in quotes even when it needs none ("Paris", "NA")."""


def csv_field(value):
    text = str(value)
    if isinstance(value, Quoted) or any(c in text for c in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(name, header, rows):
    lines = [",".join(header)] + [",".join(csv_field(v) for v in row) for row in rows]
    with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(lines) + "\n")


def read_csv(name, **kwargs):
    return pd.read_csv(os.path.join(OUT_DIR, name), keep_default_na=False,
                       na_values=NA_VALUES, **kwargs)


def write_json(name, value):
    with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8") as fh:
        json.dump(value, fh, indent=1)
        fh.write("\n")


def clean(obj):
    """Plain JSON values; NaN becomes null."""
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
        value = float(obj)
        if math.isnan(value):
            return None
        if math.isinf(value):
            raise ValueError("infinite value in fixture")
        return value
    if isinstance(obj, str):
        return str(obj)
    raise TypeError("cannot serialise %r (%s)" % (obj, type(obj)))


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------

CITIES = ["Paris", "London", "New York", "Lyon, FR", 'The "Big" Apple']
WORDS = ("quick brown fox jumps over lazy dog near river bank under bright "
         "summer sky while children laugh and play").split()


def number_text(value, rng, decimals):
    """A number in one of the spellings loom must read: 12, 12.0, .5, 1.25e3."""
    rounded = round(value, decimals)
    form = rng.randint(0, 10)
    if form == 0:
        return "%.3e" % rounded
    if form == 1 and float(rounded).is_integer():
        return "%d.0" % rounded
    text = ("%." + str(decimals) + "f") % rounded
    if decimals and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("0.") and form == 2:
        text = text[1:]
    elif text.startswith("-0.") and form == 2:
        text = "-" + text[2:]
    return text


def missing_marker(rng):
    return [Quoted(""), "", "NA", "NaN", "?", Quoted("NA")][rng.randint(0, 6)]


def mixed_rows(rng, n_rows, with_duplicates):
    rows = []
    for i in range(n_rows):
        age = int(rng.randint(18, 70))
        income = float(rng.gamma(4.0, 12000.0)) if rng.rand() > 0.08 else 0.0
        score = float(rng.normal(0.0, 1.5))
        city = CITIES[rng.choice(len(CITIES), p=[0.35, 0.3, 0.15, 0.12, 0.08])]
        grade = int(rng.randint(1, 4))
        logit = 0.06 * (age - 40) + 1.2 * score + 0.5 * (grade - 2) + rng.normal(0.0, 1.0)
        label = "yes" if logit > 0 else "no"
        comment = " ".join(WORDS[j] for j in rng.choice(len(WORDS), rng.randint(4, 9),
                                                         replace=False))
        if i % 3 == 0:
            comment = comment.replace(" ", ", ", 1)
        row = [str(age) if rng.rand() > 0.5 else "%d.0" % age,
               number_text(income, rng, 2),
               number_text(score, rng, 4),
               Quoted(city) if rng.rand() < 0.2 else city,
               str(grade),
               "web",
               comment,
               label]
        for column, rate in ((0, 0.1), (1, 0.1), (2, 0.05), (3, 0.1), (4, 0.05), (6, 0.1)):
            if rng.rand() < rate:
                row[column] = missing_marker(rng)
        rows.append(row)
    if with_duplicates:
        rows.insert(7, list(rows[2]))
        rows.insert(15, list(rows[11]))
    return rows


MIXED_HEADER = ["age", "income", "score", "city", "grade", "source", "comment", "label"]
MULTI_HEADER = ["x1", "x2", "x3", "label"]


def multi_rows(rng, n_rows):
    centers = {3: (0.0, 0.0), 10: (2.0, 1.0), 20: (0.5, 2.5)}
    rows = []
    for _ in range(n_rows):
        label = [3, 10, 20][rng.randint(0, 3)]
        cx, cy = centers[label]
        x1 = rng.normal(cx, 1.0)
        x3 = rng.normal(cy, 1.2)
        x2 = 0.8 * x1 + rng.normal(0.0, 0.2)
        row = [number_text(x1, rng, 5), number_text(x2, rng, 5), number_text(x3, rng, 5),
               str(label)]
        if rng.rand() < 0.08:
            row[2] = missing_marker(rng)
        rows.append(row)
    return rows


# --------------------------------------------------------------------------
# Specs and their scikit-learn peers
# --------------------------------------------------------------------------

def numeric_pipeline(strategy):
    return {"name": "num", "type": "Pipeline", "params": {"steps": [
        {"name": "imputer", "type": "SimpleImputer", "params": {"strategy": strategy}},
        {"name": "scaler", "type": "StandardScaler", "params": {}}]},
        "columns": {"dtype": "numeric"}}


SPEC_TRANSFORM = {"steps": [{"name": "prep", "type": "ColumnTransformer", "params": {
    "transformers": [
        numeric_pipeline("median"),
        {"name": "cat", "type": "SimpleImputer", "params": {"strategy": "most_frequent"},
         "columns": ["city", "source"]}],
    "remainder": "drop"}}]}

SPEC_TRANSFORM_PASSTHROUGH = {"steps": [{"name": "prep", "type": "ColumnTransformer", "params": {
    "transformers": [
        {"name": "num", "type": "SimpleImputer", "params": {"strategy": "mean"},
         "columns": ["age", "income"]},
        {"name": "cat", "type": "SimpleImputer",
         "params": {"strategy": "constant", "fill_value": "missing"},
         "columns": ["city", "grade"]}],
    "remainder": "passthrough"}}]}

SPEC_BINARY = {"steps": [
    {"name": "prep", "type": "ColumnTransformer", "params": {
        "transformers": [numeric_pipeline("median")], "remainder": "drop"}},
    {"name": "model", "type": "LogisticRegression", "params": {"C": 1.0}}]}

SPEC_MULTI = {"steps": [
    {"name": "imputer", "type": "SimpleImputer", "params": {"strategy": "mean"}},
    {"name": "scaler", "type": "StandardScaler", "params": {}},
    {"name": "model", "type": "LogisticRegression", "params": {"C": 0.5}}]}


def sklearn_numeric_pipeline(strategy):
    return ("num", Pipeline([("imputer", SimpleImputer(strategy=strategy)),
                             ("scaler", StandardScaler())]),
            make_column_selector(dtype_include=np.number))


def sklearn_transform():
    return ColumnTransformer([
        sklearn_numeric_pipeline("median"),
        ("cat", SimpleImputer(strategy="most_frequent"), ["city", "source"])],
        remainder="drop")


def sklearn_transform_passthrough():
    return ColumnTransformer([
        ("num", SimpleImputer(strategy="mean"), ["age", "income"]),
        ("cat", SimpleImputer(strategy="constant", fill_value="missing"), ["city", "grade"])],
        remainder="passthrough")


def lbfgs(C):
    # Tight tolerance so scikit-learn's lbfgs lands near the optimum loom reaches.
    return LogisticRegression(C=C, tol=1e-10, max_iter=10000)


def sklearn_binary():
    return Pipeline([("prep", ColumnTransformer([sklearn_numeric_pipeline("median")],
                                                remainder="drop")),
                     ("model", lbfgs(1.0))])


def sklearn_multi():
    return Pipeline([("imputer", SimpleImputer(strategy="mean")),
                     ("scaler", StandardScaler()),
                     ("model", lbfgs(0.5))])


# --------------------------------------------------------------------------
# Expected outputs
# --------------------------------------------------------------------------

def column_type(series):
    if pd.api.types.is_numeric_dtype(series):
        return "numeric"
    values = series.dropna()
    words = values.map(lambda v: len(str(v).split()))
    if len(values) and values.nunique() * 2 > len(values) and words.mean() > 3:
        return "text"
    return "categorical"


def profile_expected(frame, target=None):
    columns = []
    for name in frame.columns:
        series = frame[name]
        kind = column_type(series)
        entry = {"name": name, "type": kind, "missing": int(series.isna().sum()),
                 "distinct": int(series.nunique())}
        if kind == "numeric":
            values = series.dropna()
            entry.update({
                "min": values.min(), "max": values.max(), "mean": values.mean(),
                "std": values.std(ddof=1), "zeros": int((values == 0).sum()),
                "quantiles": {"25%": values.quantile(0.25), "50%": values.quantile(0.5),
                              "75%": values.quantile(0.75)}})
        else:
            counts = series.dropna().astype(str).value_counts()
            # Most frequent first; equal counts by value, as loom orders them.
            ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            entry["top"] = [{"value": v, "count": int(c)} for v, c in ranked[:10]]
        columns.append(entry)
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    correlations = frame[numeric].corr()
    pairs = []
    for i, a in enumerate(numeric):
        for b in numeric[i + 1:]:
            r = correlations.loc[a, b]
            if not math.isnan(r) and abs(r) >= 0.9:
                pairs.append({"columns": [a, b], "correlation": r})
    expected = {
        "rows": len(frame), "columns": columns,
        "duplicate_rows": int(frame.duplicated().sum()),
        "constant_columns": [c for c in frame.columns if frame[c].nunique() <= 1],
        "correlated_pairs": pairs}
    if target is not None:
        counts = frame[target].dropna().astype(str).value_counts()
        expected["class_balance"] = {k: int(v) for k, v in sorted(counts.items())}
    return expected


def table_rows(matrix):
    rows = []
    for row in np.asarray(matrix, dtype=object):
        out = []
        for value in row:
            if isinstance(value, str):
                out.append(value)
            elif value is None or (isinstance(value, float) and math.isnan(value)):
                out.append(None)
            else:
                out.append(float(value))
        rows.append(out)
    return rows


def label_text(value):
    """A class label as loom writes it: numbers without a trailing .0."""
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return str(value)


def check_margins(probabilities, what):
    ordered = np.sort(probabilities, axis=1)
    gap = float(np.min(ordered[:, -1] - ordered[:, -2]))
    if gap < 1e-3:
        raise SystemExit("%s: a prediction is within %g of a tie; pick another seed" % (what, gap))


def classification_expected(y_true, y_pred, probabilities, classes):
    y_true = np.asarray([label_text(v) for v in y_true], dtype=object)
    y_pred = np.asarray([label_text(v) for v in y_pred], dtype=object)
    class_text = [label_text(c) for c in classes]
    labels = sorted(set(y_true) | set(y_pred))
    numeric = all(is_number(v) for v in labels)
    if numeric:
        labels.sort(key=float)
    expected = {
        "accuracy": accuracy_score(y_true, y_pred),
        "balanced_accuracy": balanced_accuracy_score(y_true, y_pred),
        "precision_macro": precision_score(y_true, y_pred, average="macro", zero_division=0),
        "recall_macro": recall_score(y_true, y_pred, average="macro", zero_division=0),
        "f1_macro": f1_score(y_true, y_pred, average="macro", zero_division=0),
        "f1_weighted": f1_score(y_true, y_pred, average="weighted", zero_division=0),
        "cohen_kappa": cohen_kappa_score(y_true, y_pred),
        "matthews_corrcoef": matthews_corrcoef(y_true, y_pred),
        "confusion_matrix": {
            "labels": [json_label(v) if numeric else v for v in labels],
            "matrix": confusion_matrix(y_true, y_pred, labels=labels)}}
    if len(classes) == 2:
        positive = class_text[1]  # the larger label, as classes_ sorts them
        scores = probabilities[:, 1]
        expected.update({
            "precision": precision_score(y_true, y_pred, pos_label=positive),
            "recall": recall_score(y_true, y_pred, pos_label=positive),
            "f1": f1_score(y_true, y_pred, pos_label=positive),
            "roc_auc": roc_auc_score(y_true == positive, scores),
            "average_precision": average_precision_score(y_true == positive, scores),
            "log_loss": log_loss(y_true, probabilities, labels=class_text)})
    return expected


def json_label(text):
    """A numeric label as loom's report writes it: an integer when it is one."""
    value = float(text)
    return int(value) if value.is_integer() else value


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    rng = np.random.RandomState(20261125)
    write_csv("mixed_train.csv", MIXED_HEADER, mixed_rows(rng, 80, with_duplicates=True))
    write_csv("mixed_test.csv", MIXED_HEADER, mixed_rows(rng, 30, with_duplicates=False))
    write_csv("multi_train.csv", MULTI_HEADER, multi_rows(rng, 90))
    write_csv("multi_test.csv", MULTI_HEADER, multi_rows(rng, 30))
    for name, spec in (("spec_transform.json", SPEC_TRANSFORM),
                       ("spec_transform_passthrough.json", SPEC_TRANSFORM_PASSTHROUGH),
                       ("spec_binary.json", SPEC_BINARY), ("spec_multi.json", SPEC_MULTI)):
        write_json(name, spec)

    mixed_train = read_csv("mixed_train.csv")
    mixed_test = read_csv("mixed_test.csv")
    mixed_train_grade = read_csv("mixed_train.csv", dtype={"grade": str})
    multi_train = read_csv("multi_train.csv")
    multi_test = read_csv("multi_test.csv")
    assert column_type(mixed_train["comment"]) == "text"
    assert column_type(mixed_train["city"]) == "categorical"
    assert column_type(mixed_train["grade"]) == "numeric"

    expected = {"sklearn_version": sklearn.__version__, "pandas_version": pd.__version__,
                "generator": GENERATOR}

    expected["profile"] = [
        {"args": ["profile", "--data", "{dir}/mixed_train.csv", "--target", "label"],
         "expected": profile_expected(mixed_train, target="label")},
        {"args": ["profile", "--data", "{dir}/mixed_train.csv", "--type", "grade=categorical"],
         "expected": profile_expected(mixed_train_grade)},
        {"args": ["profile", "--data", "{dir}/multi_train.csv", "--target", "label"],
         "expected": profile_expected(multi_train, target="label")},
    ]

    features = mixed_train.drop(columns="label")
    transform = sklearn_transform().fit(features)
    passthrough = sklearn_transform_passthrough()
    passthrough_out = passthrough.fit_transform(mixed_train_grade.drop(columns="label"))
    expected["transform"] = [
        {"args": ["transform", "--spec", "{dir}/spec_transform.json", "--data",
                  "{dir}/mixed_train.csv", "--target", "label", "--out", "{tmp}/out.csv"],
         "header": list(transform.get_feature_names_out()),
         "rows": table_rows(transform.transform(features))},
        {"args": ["transform", "--spec", "{dir}/spec_transform_passthrough.json", "--data",
                  "{dir}/mixed_train.csv", "--target", "label", "--type", "grade=categorical",
                  "--out", "{tmp}/out.csv"],
         "header": list(passthrough.get_feature_names_out()),
         "rows": table_rows(passthrough_out)},
    ]
    expected["transform_model"] = [
        {"fit_args": ["fit", "--spec", "{dir}/spec_transform.json", "--data",
                      "{dir}/mixed_train.csv", "--target", "label", "--model",
                      "{tmp}/model.json"],
         "args": ["transform", "--model", "{tmp}/model.json", "--data", "{dir}/mixed_test.csv",
                  "--out", "{tmp}/out.csv"],
         "header": list(transform.get_feature_names_out()),
         "rows": table_rows(transform.transform(mixed_test.drop(columns="label")))},
    ]

    binary = sklearn_binary().fit(features, mixed_train["label"])
    test_features = mixed_test.drop(columns="label")
    binary_predictions = binary.predict(test_features)
    binary_proba = binary.predict_proba(test_features)
    check_margins(binary_proba, "binary")
    multi = sklearn_multi().fit(multi_train.drop(columns="label"), multi_train["label"])
    multi_test_features = multi_test.drop(columns="label")
    multi_predictions = multi.predict(multi_test_features)
    multi_proba = multi.predict_proba(multi_test_features)
    check_margins(multi_proba, "multiclass")
    assert list(multi.classes_) == [3, 10, 20]
    binary_fit = ["fit", "--spec", "{dir}/spec_binary.json", "--data", "{dir}/mixed_train.csv",
                  "--target", "label", "--model", "{tmp}/model.json"]
    multi_fit = ["fit", "--spec", "{dir}/spec_multi.json", "--data", "{dir}/multi_train.csv",
                 "--target", "label", "--model", "{tmp}/model.json"]
    expected["predict"] = [
        {"fit_args": binary_fit,
         "args": ["predict", "--model", "{tmp}/model.json", "--data", "{dir}/mixed_test.csv",
                  "--out", "{tmp}/out.csv", "--proba"],
         "header": ["prediction"] + ["proba_" + label_text(c) for c in binary.classes_],
         "predictions": [label_text(v) for v in binary_predictions],
         "probabilities": binary_proba},
        {"fit_args": multi_fit,
         "args": ["predict", "--model", "{tmp}/model.json", "--data", "{dir}/multi_test.csv",
                  "--out", "{tmp}/out.csv", "--proba"],
         "header": ["prediction"] + ["proba_" + label_text(c) for c in multi.classes_],
         "predictions": [label_text(v) for v in multi_predictions],
         "probabilities": multi_proba},
    ]
    expected["evaluate"] = [
        {"fit_args": binary_fit,
         "args": ["evaluate", "--model", "{tmp}/model.json", "--data", "{dir}/mixed_test.csv",
                  "--target", "label"],
         "expected": classification_expected(mixed_test["label"], binary_predictions,
                                              binary_proba, binary.classes_)},
        {"fit_args": multi_fit,
         "args": ["evaluate", "--model", "{tmp}/model.json", "--data", "{dir}/multi_test.csv",
                  "--target", "label"],
         "expected": classification_expected(multi_test["label"], multi_predictions,
                                              multi_proba, multi.classes_)},
    ]

    text = json.dumps(clean(expected), allow_nan=False, indent=1) + "\n"
    with open(os.path.join(OUT_DIR, "expected.json"), "w", encoding="utf-8") as fh:
        fh.write(text)
    total = sum(os.path.getsize(os.path.join(OUT_DIR, f)) for f in os.listdir(OUT_DIR))
    print("wrote %s (%d files, %d bytes)" % (OUT_DIR, len(os.listdir(OUT_DIR)), total))


if __name__ == "__main__":
    main()
