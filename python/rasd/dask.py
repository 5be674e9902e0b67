"""rasd on Dask: analyse a dask.bag of articles in worker processes.

    import dask.bag as db, rasd.dask
    lines = db.read_text("corpus/*.jsonl", blocksize="16MiB")
    events = rasd.dask.extract_bag(lines, output="events")   # one dict per event
    events.to_dataframe(meta=rasd.dask.EVENTS_META).to_csv("out/events-*.csv", index=False)

Each worker process creates the engine once, on its first partition (the
engine lives in the imported module), and analyses its partitions on one
native thread per partition task; run workers with --nthreads 1 and one
process per core. See docs/python.md and python/examples/dask_corpus.py.
"""

import functools as _functools
import logging as _logging

import rasd as _rasd

__all__ = ["extract_bag", "extract_partition", "EVENTS_META"]

_log = _logging.getLogger("rasd.dask")

# Column types of the event rows (rasd.EVENT_COLUMNS), for
# Bag.to_dataframe(meta=EVENTS_META).
EVENTS_META = {
    c: ("int64" if c in ("event", "anchor_start", "anchor_end") else
        "bool" if c == "negated" else "float64" if c == "confidence" else "object")
    for c in _rasd.EVENT_COLUMNS
}


def extract_partition(items, output="documents", threads=1, tokens=False, include_text=True, errors="skip"):
    """Analyses one partition: JSONL lines (str/bytes, read like
    `rasd extract --jsonl`: blank lines ignored, malformed ones logged and
    skipped, or raised with errors="raise") and/or article dicts. Returns
    documents, or event rows (rasd.event_rows) with output="events"."""
    if output not in ("documents", "events"):
        raise ValueError(f"rasd.dask: output must be 'documents' or 'events', got {output!r}")
    records = []
    for item in items:
        if isinstance(item, (str, bytes)):
            if not item.strip():
                continue
            try:
                item = _rasd.parse_line(item)
            except ValueError as e:
                if errors == "raise":
                    raise
                _log.warning("rasd.dask: skipped a malformed record: %s", e)
                continue
        records.append(item)
    docs = _rasd.extract_many(records, threads=threads, tokens=tokens, include_text=include_text, errors=errors)
    if output == "documents":
        return docs
    return [row for doc in docs for row in _rasd.event_rows(doc)]


def extract_bag(bag, output="documents", threads=1, tokens=False, include_text=True, errors="skip"):
    """Maps extract_partition over every partition of `bag` (a dask.bag of
    JSONL lines, e.g. from dask.bag.read_text, or of article dicts). Returns
    a bag of document dicts, or of event rows with output="events"
    (Bag.to_dataframe(meta=EVENTS_META) makes them a dask DataFrame)."""
    # A partial, not keyword arguments: map_partitions keeps some names
    # (output=) for itself.
    return bag.map_partitions(_functools.partial(extract_partition, output=output, threads=threads, tokens=tokens,
                                                 include_text=include_text, errors=errors))
