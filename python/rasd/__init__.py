"""rasd: Arabic news to political event data (PLOVER/CAMEO), from Python.

    import rasd
    doc = rasd.extract(text, date="2024-11-23", id="a1")   # the JSON of `rasd extract`, as a dict
    docs = rasd.extract_many(records, threads=2)           # str or {"id", "date", "text", …} items
    frame = rasd.events_frame(docs)                         # pandas, one row per event

Every document comes from the C++ engine (rasd::Engine::Analyze) rendered as
`rasd extract` renders it, so fields and values are the CLI's; offsets
(start/end) are code points, i.e. Python str indices into doc["text"].
The engine is created once per process, on first use, and shared by all
threads. See docs/python.md.
"""

import datetime as _dt
import itertools as _it
import numbers as _numbers
import re as _re
from collections.abc import Mapping as _Mapping

from . import _rasd

__version__ = _rasd.__version__
__all__ = ["extract", "extract_many", "parse_line", "event_rows", "events_frame", "aggregate", "load",
           "EVENT_COLUMNS"]



def load():
    """Creates this process's engine now (else the first extract does);
    returns the number of lexicon entries. Useful to warm up workers."""
    return _rasd.load()


def _date_arg(date, where):
    """The `date=` of extract(): YYYY-MM-DD (str, datetime.date) or None."""
    if date is None:
        return ""
    if isinstance(date, (_dt.date, _dt.datetime)):
        return date.isoformat()[:10]
    if not isinstance(date, str):
        raise TypeError(f"{where}: date must be a str 'YYYY-MM-DD', a datetime.date or None, "
                        f"not {type(date).__name__}")
    # The C++ check every entry point shares: real calendar days only.
    try:
        return _rasd.validate_date(date, False)
    except ValueError as e:
        raise ValueError(f"{where}: {e}") from None


def _id_arg(value, where):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, _numbers.Integral) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"{where}: id must be a str, an int or None, not {type(value).__name__}")


def extract(text, date=None, id=None, *, tokens=False, include_text=True, min_confidence=None, source=None):
    """Analyses one article and returns its document as a dict.

    text: str (or bytes, read as UTF-8; ill-formed bytes are repaired with
    U+FFFD and a warning, like the CLI). date: "YYYY-MM-DD" or a
    datetime.date; anchors relative dates ("أمس"). id: the document id.
    tokens=True adds sentences and tokens; include_text=False leaves the
    article text out. min_confidence leaves out events whose confidence (the
    learned model's calibrated probability, docs/events.md) is below it;
    None means DEFAULT_MIN_CONFIDENCE (0: every event, as the CLI).
    source: the outlet that published the text (a corpus record's "source",
    e.g. "JawharaFM"); a national outlet's country is the home of the state
    bodies the text names without one (data/lexicons/outlets.tsv).
    The GIL is released while the engine works.
    """
    return _rasd.analyze(text, _id_arg(id, "rasd.extract"), _date_arg(date, "rasd.extract"),
                         _bool_arg(tokens, "tokens", "rasd.extract"), _bool_arg(include_text, "include_text", "rasd.extract"),
                         _confidence_arg(min_confidence, "rasd.extract"), _source_arg(source, "rasd.extract"))


def _source_arg(value, where):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"{where}: source must be a str or None, not {type(value).__name__}")
    return value


def _bool_arg(value, name, where):
    if not isinstance(value, bool):
        raise TypeError(f"{where}: {name} must be True or False, not {value!r}")
    return value


DEFAULT_MIN_CONFIDENCE = _rasd.DEFAULT_MIN_CONFIDENCE


def _confidence_arg(value, where):
    if value is None:
        return DEFAULT_MIN_CONFIDENCE
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{where}: min_confidence must be a number from 0 to 1, not {value!r}")
    return float(value)


# Fields of an input record that the engine reads; the others are copied
# into the result (unless the document has a field of that name).
_INPUT_FIELDS = ("text", "id", "date")


def _record_job(item, index):
    """(text, id, date, source) and extras for one extract_many() item, read as
    `rasd extract --jsonl` reads a record: date cut to its first 10
    characters, numeric ids as text, id defaulting to the item's position."""
    if isinstance(item, (str, bytes)):
        return (item, str(index), "", ""), None
    if not isinstance(item, _Mapping):
        raise TypeError(f"rasd.extract_many: item {index} is {type(item).__name__}; "
                        "expected str, bytes or a dict with a 'text' field")
    text = item.get("text")
    if text is None:
        raise ValueError(f"rasd.extract_many: item {index}: field 'text' is missing")
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"rasd.extract_many: item {index}: field 'text' must be str or bytes, "
                        f"not {type(text).__name__}")
    doc_id = item.get("id")
    if doc_id is None:
        doc_id = str(index)
    elif isinstance(doc_id, _numbers.Number) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    elif not isinstance(doc_id, str):
        raise TypeError(f"rasd.extract_many: item {index}: field 'id' must be str or a number, "
                        f"not {type(doc_id).__name__}")
    date = item.get("date")
    if date is None:
        date = ""
    elif isinstance(date, (_dt.date, _dt.datetime)):
        date = date.isoformat()[:10]
    elif isinstance(date, str):
        if date:
            try:
                date = _rasd.validate_date(date, True)
            except ValueError as e:
                raise ValueError(f"rasd.extract_many: item {index}: field 'date': {e}") from None
    else:
        raise TypeError(f"rasd.extract_many: item {index}: field 'date' must be str or a datetime.date, "
                        f"not {type(date).__name__}")
    source = item.get("source")
    if not isinstance(source, str):
        source = ""  # a record's source is copied into its document whatever it is; only text names an outlet
    extras = {k: v for k, v in item.items() if k not in _INPUT_FIELDS}
    return (text, doc_id, date, source), extras


def extract_many(items, threads=None, *, tokens=False, include_text=True, batch=2048, errors="raise",
                 min_confidence=None):
    """Analyses many articles on `threads` native threads (default: all
    cores) with the GIL released, and returns their documents in input order.

    items: any iterable of str/bytes (ids "0", "1", … by position) or of
    dicts with "text" and optional "id", "date" (a real calendar day
    YYYY-MM-DD, optionally followed by a time, as `rasd extract --jsonl`
    reads it; an impossible date is a bad item) and "source" (the outlet, as
    in extract()); the other fields
    of a dict (title, source, url, …) are copied into its document.
    Iterables are consumed `batch` items at a time, so memory stays bounded.
    errors="raise" (default) raises TypeError/ValueError on a bad item;
    errors="skip" leaves bad items out, as the CLI skips malformed records.
    min_confidence: as in extract().
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"rasd.extract_many: errors must be 'raise' or 'skip', got {errors!r}")
    min_confidence = _confidence_arg(min_confidence, "rasd.extract_many")
    tokens = _bool_arg(tokens, "tokens", "rasd.extract_many")
    include_text = _bool_arg(include_text, "include_text", "rasd.extract_many")
    if threads is None:
        threads = _rasd.hardware_threads()
    if isinstance(threads, bool) or not isinstance(threads, _numbers.Integral) or threads < 1:
        raise ValueError(f"rasd.extract_many: threads must be a positive int, got {threads!r}")
    if isinstance(items, (str, bytes, _Mapping)):
        raise TypeError("rasd.extract_many: items must be an iterable of articles; "
                        "for a single article use rasd.extract()")
    out = []
    it = iter(items)
    start = 0
    while True:
        chunk = list(_it.islice(it, batch))
        if not chunk:
            return out
        jobs, extras = [], []
        for k, item in enumerate(chunk):
            try:
                job, extra = _record_job(item, start + k)
            except (TypeError, ValueError):
                if errors == "raise":
                    raise
                continue
            jobs.append(job)
            extras.append(extra)
        docs = _rasd.analyze_many(jobs, int(threads), tokens, include_text, min_confidence)
        for doc, extra in zip(docs, extras):
            if extra:
                for k, v in extra.items():
                    doc.setdefault(k, v)
            out.append(doc)
        start += len(chunk)


def parse_line(line):
    """Reads one JSONL article record exactly as `rasd extract --jsonl` does
    (same required fields and error messages) and returns it as a dict;
    ValueError with the reason when the line is not a valid record."""
    return _rasd.parse_line(line)


# One events_frame() row: the event's document, what happened, who did it to
# whom (codes and texts; several actors joined by "+"), and where it was read.
EVENT_COLUMNS = (
    "doc_id", "doc_date", "event", "type", "mode", "cameo", "date",
    "actor_codes", "actor_texts", "recipient_codes", "recipient_texts",
    "anchor", "anchor_start", "anchor_end", "sentence",
    "attribution_code", "attribution_text", "negated", "modality", "place", "context", "confidence",
    "goldstein", "quad_class", "intensity",
    "location_country", "location_admin1", "location_city", "lat", "lon", "location_precision",
)


def _join(actors, key):
    return "+".join(a[key] or "" for a in actors) if actors else None


def event_rows(doc):
    """The events of one document as flat dicts (EVENT_COLUMNS), one per
    event: the rows of events_frame(), of rasd.dask event bags and CSVs."""
    rows = []
    for k, ev in enumerate(doc.get("events", ())):
        att = ev.get("attribution")
        anchor = ev.get("anchor") or {}
        loc = ev.get("location") or {}
        rows.append({
            "doc_id": doc.get("id"),
            "doc_date": doc.get("date"),
            "event": k,
            "type": ev.get("type"),
            "mode": ev.get("mode"),
            "cameo": ev.get("cameo"),
            "date": ev.get("date"),
            "actor_codes": _join(ev.get("actor"), "code"),
            "actor_texts": _join(ev.get("actor"), "text"),
            "recipient_codes": _join(ev.get("recipient"), "code"),
            "recipient_texts": _join(ev.get("recipient"), "text"),
            "anchor": anchor.get("text"),
            "anchor_start": anchor.get("start"),
            "anchor_end": anchor.get("end"),
            "sentence": ev.get("sentence"),
            "attribution_code": att.get("code") if att else None,
            "attribution_text": att.get("text") if att else None,
            "negated": ev.get("negated"),
            "modality": ev.get("modality"),
            "place": ev.get("place"),
            "context": "+".join(ev.get("context") or ()) or None,
            "confidence": ev.get("confidence"),
            "goldstein": ev.get("goldstein"),
            "quad_class": ev.get("quad_class"),
            "intensity": ev.get("intensity"),
            "location_country": loc.get("country"),
            "location_admin1": loc.get("admin1"),
            "location_city": loc.get("city"),
            "lat": loc.get("lat"),
            "lon": loc.get("lon"),
            "location_precision": loc.get("precision"),
        })
    return rows


def events_frame(docs):
    """A pandas DataFrame with one row per event of `docs` (documents from
    extract/extract_many, or a single document), columns EVENT_COLUMNS."""
    import pandas as pd

    if isinstance(docs, _Mapping):
        docs = [docs]
    rows = [row for doc in docs for row in event_rows(doc)]
    frame = pd.DataFrame.from_records(rows, columns=list(EVENT_COLUMNS))
    return frame.astype({"event": "int64", "anchor_start": "int64", "anchor_end": "int64",
                         "negated": "bool", "confidence": "float64", "goldstein": "float64",
                         "quad_class": "Int64", "intensity": "float64", "lat": "float64", "lon": "float64"})


_PERIODS = {"day": 10, "month": 7, "year": 4}
_GROUPS = {"dyad", "actor", "recipient", "type", "country"}


def aggregate(frame, by="dyad", per="month"):
    """Goldstein sum and mean per group and period: the table `rasd stats
    --by BY --per PER --measure goldstein` prints, from an events_frame().

    by: "dyad" (actor codes > recipient codes), "actor", "recipient", "type",
    "country" (of the location), or None for all events together.
    per: "day", "month", "year", or None for all time. Events without a date
    fall in period "(no date)". Returns a DataFrame with the columns
    [by, "period", "events", "scored", "goldstein_sum", "goldstein_mean"],
    sorted by group and period; `scored` counts the events with a Goldstein
    score, which the sum and mean are over."""
    import pandas as pd

    if by is not None and by not in _GROUPS:
        raise ValueError(f"by must be one of {sorted(_GROUPS)} or None, not {by!r}")
    if per is not None and per not in _PERIODS:
        raise ValueError(f"per must be one of {sorted(_PERIODS)} or None, not {per!r}")
    key_name = by or "group"
    work = pd.DataFrame(index=frame.index)
    if by == "dyad":
        work[key_name] = frame["actor_codes"].fillna("") + " > " + frame["recipient_codes"].fillna("-")
    elif by == "actor":
        work[key_name] = frame["actor_codes"].fillna("")
    elif by == "recipient":
        work[key_name] = frame["recipient_codes"].fillna("-")
    elif by == "type":
        work[key_name] = frame["type"]
    elif by == "country":
        work[key_name] = frame["location_country"].fillna("(no location)")
    else:
        work[key_name] = ""
    if per is None:
        work["period"] = ""
    else:
        dates = frame["date"].fillna("")
        work["period"] = dates.str.slice(0, _PERIODS[per]).where(dates != "", "(no date)")
    work["goldstein"] = frame["goldstein"].astype("float64")
    grouped = work.groupby([key_name, "period"], sort=True)["goldstein"]
    out = pd.DataFrame({
        "events": grouped.size(),
        "scored": grouped.count(),
        "goldstein_sum": grouped.sum(),
    }).reset_index()
    out["goldstein_mean"] = (out["goldstein_sum"] / out["scored"]).where(out["scored"] > 0, 0.0)
    return out.astype({"events": "int64", "scored": "int64"})
