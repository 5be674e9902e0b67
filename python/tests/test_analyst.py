"""Event records as analysts use them (issue 18): intensity and locations on
every event, the ICEWS and POLECAT exports loaded with pandas, and
rasd.aggregate matching `rasd stats --measure goldstein`. Sentences written
for these tests."""
import io
import json
import os

import pandas as pd
import pytest

import rasd
from conftest import cli

# Beirut dateline; a Jordanian condemnation; a visit in Cairo (في القاهرة).
ARTICLE = ("بيروت - أدانت وزارة الخارجية الأردنية الهجوم الإسرائيلي على غزة.\n"
           "واستقبل الرئيس المصري في القاهرة وزير الخارجية السعودي.\n")
# No dateline and no place.
PLAIN = "استقبل الرئيس المصري وزير الخارجية السعودي.\n"

ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
                 "Longitude"]


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    d = tmp_path_factory.mktemp("analyst")
    path = d / "a.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a1", "date": "2026-11-02", "text": ARTICLE, "source": "test-wire"},
                           ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "a2", "date": "2026-12-05", "text": PLAIN}, ensure_ascii=False) + "\n")
    return str(path)


def test_every_event_has_intensity_and_location():
    doc = rasd.extract(ARTICLE, date="2026-11-02")
    events = doc["events"]
    assert events
    for ev in events:
        assert -10 <= ev["goldstein"] <= 10 and ev["quad_class"] in (1, 2, 3, 4)
        assert -10 <= ev["intensity"] <= 10
    visit = next(ev for ev in events if ev["type"] == "CONSULT")
    assert visit["cameo"] == "043" and visit["goldstein"] == 2.8 and visit["quad_class"] == 1
    loc = visit["location"]
    assert (loc["country"], loc["city"], loc["precision"], loc["basis"]) == ("EGY", "Cairo", "city", "place")
    assert abs(loc["lat"] - 30.06) < 0.1 and abs(loc["lon"] - 31.25) < 0.1
    # The condemnation names no place with في: the story's dateline, Beirut.
    condemn = next(ev for ev in events if ev["type"] == "ACCUSE")
    assert condemn["quad_class"] == 3
    assert (condemn["location"]["country"], condemn["location"]["basis"]) == ("LBN", "dateline")
    # No place and no dateline: no location, not a guess.
    plain = rasd.extract(PLAIN, date="2026-12-05")["events"]
    assert plain and all(ev["location"] is None for ev in plain)


def test_icews_loads_in_pandas(article):
    out = cli("extract", "--jsonl", "--format", "icews", article)
    frame = pd.read_csv(io.BytesIO(out), sep="\t", dtype={"CAMEO Code": str})
    assert list(frame.columns) == ICEWS_COLUMNS
    assert len(frame) >= 3 and frame["Event ID"].is_unique
    visit = frame[frame["CAMEO Code"] == "043"].iloc[0]
    assert visit["Source Country"] == "EGY" and visit["Target Country"] == "SAU"
    assert visit["Event Text"] == "Host a visit" and visit["Intensity"] == 2.8
    assert visit["City"] == "Cairo" and visit["Country"] == "EGY" and visit["Sentence Number"] == 3  # after the dateline and the condemnation
    assert visit["Publisher"] == "test-wire"
    assert frame["Latitude"].dtype == float


def test_polecat_loads_in_pandas(article):
    out = cli("extract", "--jsonl", "--format", "polecat", article)
    frame = pd.read_json(io.BytesIO(out), lines=True, dtype={"cameo": str})
    for column in ("event_id", "event_date", "event_type", "event_mode", "contexts", "actors", "recipients",
                   "location", "event_text", "goldstein", "intensity"):
        assert column in frame.columns
    visit = frame[frame["event_type"] == "CONSULT"].iloc[0]
    assert visit["actors"][0]["country"] == "EGY" and visit["actors"][0]["sector"] == "GOV"
    assert visit["recipients"][0]["country"] == "SAU" and visit["location"]["city"] == "Cairo"
    flat = pd.json_normalize(json.loads(line) for line in out.splitlines())
    assert "location.lat" in flat.columns


def test_store_exports_filters_and_aggregate(article, tmp_path):
    db = str(tmp_path / "t.db")
    cli("ingest", "--db", db, "--threads", "1", article)
    icews = pd.read_csv(io.BytesIO(cli("query", "--db", db, "--limit", "0", "--format", "icews")), sep="\t",
                        dtype={"CAMEO Code": str})
    assert list(icews.columns) == ICEWS_COLUMNS and (icews["City"] == "Cairo").any()
    polecat = pd.read_json(io.BytesIO(cli("query", "--db", db, "--limit", "0", "--format", "polecat")), lines=True)
    assert len(polecat) > 0 and set(polecat["quad_class"]) <= {1, 2, 3, 4}
    # Filters: cooperation above 2.0 leaves only the visits; --quad 3 only verbal conflict.
    coop = [json.loads(l) for l in cli("query", "--db", db, "--limit", "0", "--format", "polecat",
                                       "--min-goldstein", "2").splitlines()]
    assert coop and all(r["goldstein"] >= 2 for r in coop)
    verbal_conflict = [json.loads(l) for l in cli("query", "--db", db, "--limit", "0", "--format", "polecat",
                                                  "--quad", "3").splitlines()]
    assert verbal_conflict and all(r["quad_class"] == 3 for r in verbal_conflict)
    # stats --measure goldstein equals rasd.aggregate over the same events.
    stats = pd.read_csv(io.BytesIO(cli("stats", "--db", db, "--by", "dyad", "--per", "month", "--measure",
                                       "goldstein")), sep="\t", keep_default_na=False)
    docs = [json.loads(l) for l in cli("extract", "--jsonl", article).splitlines()]
    agg = rasd.aggregate(rasd.events_frame(docs), by="dyad", per="month")
    assert list(agg.columns) == ["dyad", "period", "events", "scored", "goldstein_sum", "goldstein_mean"]
    assert list(stats.columns) == list(agg.columns)
    merged = stats.merge(agg, on=["dyad", "period"], suffixes=("_cli", "_py"))
    assert len(merged) == len(agg) == len(stats)
    assert (merged["events_cli"] == merged["events_py"]).all()
    assert ((merged["goldstein_sum_cli"] - merged["goldstein_sum_py"]).abs() < 0.05).all()
    assert set(agg["period"]) == {"2026-11", "2026-12"}


def test_aggregate_arguments():
    frame = rasd.events_frame([rasd.extract(ARTICLE, date="2026-11-02")])
    total = rasd.aggregate(frame, by=None, per=None)
    assert len(total) == 1 and total["events"][0] == len(frame)
    assert total["goldstein_sum"][0] == pytest.approx(frame["goldstein"].sum())
    with pytest.raises(ValueError, match="by must be"):
        rasd.aggregate(frame, by="weather")
    with pytest.raises(ValueError, match="per must be"):
        rasd.aggregate(frame, per="week")
