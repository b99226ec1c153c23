#!/usr/bin/env python3
"""Runs Candor inside Apache Spark, as a distributed engine would: a corpus becomes an RDD of JSON
lines, `RDD.pipe` streams each partition through `candor audit --jsonl -`, and the scores come back.

Usage: pipe_through_candor.py CANDOR_BINARY CORPUS_FOLDER [LIMIT]
Exits 1 unless every document comes back, in order, with a score.
"""
import glob
import json
import os
import statistics
import sys

from pyspark import SparkConf, SparkContext


def main(candor, corpus, limit):
    files = sorted(glob.glob(os.path.join(corpus, "*.txt")))[:limit]
    lines = [json.dumps({"id": os.path.basename(path), "text": open(path, encoding="utf-8").read()}) for path in files]
    conf = SparkConf().setMaster("local[2]").setAppName("candor").set("spark.ui.enabled", "false")
    context = SparkContext(conf=conf)
    context.setLogLevel("ERROR")
    try:
        results = (context.parallelize(lines, 4)
                   .pipe(f"{os.path.abspath(candor)} audit --jsonl -")
                   .map(json.loads)
                   .map(lambda result: (result["id"], result["score"]))
                   .collect())
    finally:
        context.stop()
    ids = [identifier for identifier, _ in results]
    expected = [os.path.basename(path) for path in files]
    scores = [score for _, score in results]
    ok = ids == expected and all(isinstance(score, int) for score in scores)
    print(f"spark: {len(results)} of {len(files)} documents through candor audit --jsonl, "
          f"median score {statistics.median(scores) if scores else 'n/a'}: {'ok' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 60))
