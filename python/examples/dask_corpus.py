#!/usr/bin/python3
"""Extract events from JSONL article shards with Dask (docs/python.md).

Reads JSONL files (one article a line: id, date, text, …) with dask.bag,
analyses them in worker processes with rasd (one engine per worker, created
on its first partition) and writes one output shard per partition:

    # on this machine: a LocalCluster of 2 worker processes, 1 thread each
    PYTHONPATH=build/python /usr/bin/python3 python/examples/dask_corpus.py \
        --workers 2 --out events/ --format csv ../shared/corpus/*.jsonl

    # on a real cluster: rasd importable on every worker, the input and
    # output paths visible to all of them (shared file system, or s3:// …)
    python3 dask_corpus.py --scheduler tcp://scheduler:8786 --out /shared/events/ /shared/corpus/*.jsonl

--format jsonl writes one event a line (rasd.EVENT_COLUMNS fields);
--format csv the same rows as CSV; --format documents the whole documents
(JSONL, as `rasd extract --jsonl` prints them). The last line printed is a
JSON summary: articles, events, seconds, articles_per_second.
"""
import argparse
import json
import os
import sys
import time

import dask
import dask.bag as db
from dask.distributed import Client, LocalCluster

import rasd
import rasd.dask


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL files (globs allowed)")
    ap.add_argument("--out", required=True, help="output directory (one shard per partition)")
    ap.add_argument("--format", choices=["jsonl", "csv", "documents"], default="jsonl")
    ap.add_argument("--scheduler", help="address of a running scheduler, e.g. tcp://scheduler:8786 "
                                        "(default: start a LocalCluster)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    ap.add_argument("--blocksize", default="8MiB", help="bytes of input per partition (default 8MiB)")
    args = ap.parse_args()

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        # Processes, one thread each: the engine releases the GIL, but one
        # process per core keeps the workers independent, as on a cluster.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    print(f"dask: {len(client.scheduler_info()['workers'])} workers", file=sys.stderr)

    os.makedirs(args.out, exist_ok=True)
    t0 = time.perf_counter()
    lines = db.read_text(args.inputs, blocksize=args.blocksize)
    if args.format == "documents":
        docs = rasd.dask.extract_bag(lines, output="documents")
        write = docs.map(lambda d: json.dumps(d, ensure_ascii=False)).to_textfiles(
            os.path.join(args.out, "documents-*.jsonl"), compute=False)
        n_articles = docs.count()
        n_events = docs.map(lambda d: len(d["events"])).sum()
    else:
        # Documents without their text: only the event rows leave the workers.
        docs = rasd.dask.extract_bag(lines, output="documents", include_text=False)
        rows = docs.map_partitions(lambda part: [r for d in part for r in rasd.event_rows(d)])
        if args.format == "jsonl":
            write = rows.map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(
                os.path.join(args.out, "events-*.jsonl"), compute=False)
        else:
            write = rows.to_dataframe(meta=rasd.dask.EVENTS_META).to_csv(
                os.path.join(args.out, "events-*.csv"), index=False, compute=False)
        n_articles = docs.count()
        n_events = rows.count()
    # One compute: writing and counting share the extraction tasks.
    _, n_articles, n_events = dask.compute(write, n_articles, n_events)
    seconds = time.perf_counter() - t0

    engines = client.run(lambda: rasd._rasd.engines_created())
    client.close()
    print(json.dumps({"articles": int(n_articles), "events": int(n_events), "seconds": round(seconds, 2),
                      "articles_per_second": round(n_articles / seconds, 1) if seconds else None,
                      "engines_per_worker": sorted(engines.values())}))


if __name__ == "__main__":
    main()
