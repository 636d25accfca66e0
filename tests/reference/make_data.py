#!/usr/bin/python3
"""Generate pandas reference fixtures for loom's data-profiling unit tests.

Writes (overwrites) tests/reference/fixtures/data/profile.json: a small CSV (kept inline as
text) with missing cells, duplicate rows, a constant column, a correlated pair and a
categorical target, and what pandas computes for it (DataFrame.describe, var, nunique,
value_counts, duplicated, corr). Deterministic: re-running gives the same file.

Run from the repository root with Debian's interpreter:

    /usr/bin/python3 tests/reference/make_data.py
"""

import io
import json
import math
import os

import numpy as np
import pandas as pd

GENERATOR = "tests/reference/make_data.py"
OUT_DIR = os.path.join("tests", "reference", "fixtures", "data")


def number(value):
    value = float(value)
    return None if math.isnan(value) else value


def make_csv():
    rng = np.random.default_rng(7)
    rows = []
    colours = ["red", "green", "blue"]
    for i in range(40):
        a = round(float(rng.normal(5.0, 2.0)), 3)
        b = round(2.0 * a + float(rng.normal(0.0, 0.1)), 3)   # correlated with a
        c = int(rng.integers(-2, 3))                           # has zeros
        colour = colours[int(rng.choice(3, p=[0.5, 0.3, 0.2]))]
        label = "yes" if rng.random() < 0.35 else "no"
        rows.append([a, b, c, "k", colour, label])
    # Missing cells (numeric and categorical) and rows repeating earlier ones exactly.
    rows[3][0] = None
    rows[7][2] = None
    rows[11][4] = None
    rows.append(list(rows[5]))
    rows.append(list(rows[11]))     # a duplicate that has a missing cell
    rows.append(list(rows[5]))
    out = io.StringIO()
    out.write("a,b,c,const,colour,label\n")
    for row in rows:
        out.write(",".join("" if v is None else str(v) for v in row) + "\n")
    return out.getvalue()


def profile_case(csv_text, threshold):
    frame = pd.read_csv(io.StringIO(csv_text))
    n = len(frame)
    columns = []
    for name in frame.columns:
        series = frame[name]
        entry = {"name": name, "count": int(series.count()),
                 "missing": int(series.isna().sum()), "distinct": int(series.nunique()),
                 "popularity": float(series.count()) / n}
        if pd.api.types.is_numeric_dtype(series):
            d = series.describe()
            entry.update({"type": "numeric", "min": number(d["min"]), "max": number(d["max"]),
                          "mean": number(d["mean"]), "std": number(d["std"]),
                          "variance": number(series.var()),
                          "zeros": int((series == 0).sum()),
                          "quantiles": {"25%": number(d["25%"]), "50%": number(d["50%"]),
                                        "75%": number(d["75%"])}})
        else:
            counts = series.value_counts()
            # Most frequent first; equal counts in value order (as loom).
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            entry.update({"type": "categorical",
                          "top": [{"value": str(k), "count": int(v)} for k, v in ranked]})
        columns.append(entry)
    numeric = frame.select_dtypes("number")
    corr = numeric.corr()
    pairs = []
    names = list(numeric.columns)
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            r = corr.iloc[i, j]
            if not math.isnan(r) and abs(r) >= threshold:
                pairs.append({"columns": [names[i], names[j]], "correlation": float(r)})
    duplicated = frame.duplicated()
    balance = frame["label"].value_counts()
    return {"csv": csv_text, "target": "label", "correlation_threshold": threshold,
            "expected": {"rows": n, "columns": columns,
                         "duplicate_rows": int(duplicated.sum()),
                         "duplicate_indices": [int(i) for i in np.flatnonzero(duplicated)],
                         "constant_columns": [c for c in frame.columns
                                              if frame[c].nunique() <= 1],
                         "correlated_pairs": pairs,
                         "class_balance": {str(k): int(v)
                                           for k, v in sorted(balance.items())}}}


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    fixture = {"pandas_version": pd.__version__, "generator": GENERATOR,
               "cases": [profile_case(make_csv(), 0.9)]}
    with open(os.path.join(OUT_DIR, "profile.json"), "w") as out:
        json.dump(fixture, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
