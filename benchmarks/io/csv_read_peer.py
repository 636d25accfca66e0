#!/usr/bin/python3
"""Python peer of loom_bench_csv_read: times pandas.read_csv on FILE, best of REPEATS (3).

Prints the best time in seconds on stdout (one number). Usage:
    /usr/bin/python3 benchmarks/io/csv_read_peer.py FILE [REPEATS]
"""

import sys
import time

import pandas as pd


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        best = min(best, time.perf_counter() - start)
        del frame
    print(f"{best:.4f}")


if __name__ == "__main__":
    main()
