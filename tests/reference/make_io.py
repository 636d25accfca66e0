#!/usr/bin/python3
"""Generate numpy / pandas reference fixtures for loom's io C++ unit tests.

Writes (overwrites) under tests/reference/fixtures/io/:

    tricky.csv            a small CSV exercising quoting, markers and number forms
    tricky_pandas.json    what pandas.read_csv makes of it (same missing markers as loom)
    *.npy                 arrays saved by numpy.save in several dtypes and orders
    npy_expected.json     the values those arrays hold, row-major, per file

Run from the repository root with Debian's interpreter:

    /usr/bin/python3 tests/reference/make_io.py
"""

import json
import math
import os

import numpy as np
import pandas as pd

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "io")

TRICKY_CSV = (
    'id,name,score,flag,note,code,mixed\r\n'
    '1,"Smith, John",1.5,yes,"said ""hi""",007,1\r\n'
    '2,Ann,.5,no,,1e3,1.0\r\n'
    '3,"multi\r\nline",-3,NA,"x",+2,a\r\n'
    '\r\n'
    '4,Bob,1.5e3,"NA",y,inf,1\r\n'
    '5,Eve,,?,z,-Infinity,\r\n'
)


def cell(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return cell(float(value))
    return value


def write_tricky():
    path = os.path.join(OUT, "tricky.csv")
    with open(path, "w", newline="") as handle:
        handle.write(TRICKY_CSV)
    frame = pd.read_csv(path, keep_default_na=False, na_values=["", "NA", "NaN", "?"])
    columns = []
    for name in frame.columns:
        series = frame[name]
        columns.append({
            "name": name,
            "numeric": bool(pd.api.types.is_numeric_dtype(series)),
            "missing": int(series.isna().sum()),
            "values": [cell(v) for v in series.tolist()],
        })
    with open(os.path.join(OUT, "tricky_pandas.json"), "w") as handle:
        json.dump({"pandas_version": pd.__version__, "generator": "tests/reference/make_io.py",
                   "rows": len(frame), "columns": columns}, handle, indent=1)
        handle.write("\n")


def write_npy():
    base = np.arange(12, dtype="<f8").reshape(3, 4) * 0.5 - 1.0
    arrays = {
        "c_f8.npy": base,
        "fortran_f8.npy": np.asfortranarray(base),
        "big_endian_f8.npy": base.astype(">f8"),
        "f4.npy": (np.arange(6, dtype="<f4").reshape(2, 3) + np.float32(0.25)),
        "i8.npy": np.arange(-3, 3, dtype="<i8"),
        "i4.npy": np.arange(6, dtype="<i4").reshape(3, 2) * 7,
        "fortran_3d.npy": np.asfortranarray(np.arange(24, dtype="<f8").reshape(2, 3, 4)),
        "scalar.npy": np.array(2.5),
    }
    expected = {}
    for name, array in arrays.items():
        np.save(os.path.join(OUT, name), array)
        expected[name] = {"shape": list(array.shape), "dtype": array.dtype.str,
                          "fortran_order": bool(array.flags.f_contiguous and array.ndim > 1),
                          "values": [float(v) for v in np.ravel(array, order="C")]}
    with open(os.path.join(OUT, "npy_expected.json"), "w") as handle:
        json.dump({"numpy_version": np.__version__, "generator": "tests/reference/make_io.py",
                   "arrays": expected}, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_tricky()
    write_npy()
