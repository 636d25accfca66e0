#!/usr/bin/python3
"""Python peer of loom_bench_tfidf_vectorizer: times scikit-learn's TfidfVectorizer
fit_transform on the documents of FILE (one per line), best of REPEATS (default 3).
Prints "tfidf_vectorizer seconds".
    /usr/bin/python3 benchmarks/features/tfidf_vectorizer_peer.py FILE [REPEATS]
"""

import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    with open(sys.argv[1], encoding="utf-8") as fh:
        documents = fh.read().split("\n")[:-1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        values = TfidfVectorizer().fit_transform(documents)
        best = min(best, time.perf_counter() - start)
    print("tfidf_vectorizer peer: %d terms, %d stored values" % (values.shape[1], values.nnz),
          file=sys.stderr)
    print("tfidf_vectorizer %.6f" % best)


if __name__ == "__main__":
    main()
