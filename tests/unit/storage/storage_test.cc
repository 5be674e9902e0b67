// Tests for rasd::Store (storage/): schema and migrations, idempotent and
// replacing writes, the full-text index, query filters and read-back.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>
#include <cstdio>
#include <filesystem>
#include <string>

#include "rasd/engine.h"
#include "rasd/storage.h"

extern "C" const char rasd_embed_schema_0001_data[];

namespace rasd {
namespace {

const Engine& TheEngine() {
  static const Engine* engine = Engine::Create().value().release();
  return *engine;
}

std::unique_ptr<Store> OpenMemory() {
  auto store = Store::Open(":memory:");
  EXPECT_TRUE(store.ok()) << store.status().message();
  return std::move(store.value());
}

EventActor Actor(const std::string& code, const std::string& country) {
  EventActor a;
  a.code = code;
  a.country = country;
  a.text = code;
  return a;
}

// A document whose one event is built by hand, so that filter tests do not
// depend on the event extractor's current behaviour.
Document MakeDoc(const std::string& id, const std::string& date, const std::string& text, const std::string& type,
                 const std::string& cameo, EventActor actor, EventActor recipient) {
  AnalyzeOptions options;
  options.id = id;
  options.date = date;
  options.text_only = true;
  Document doc = TheEngine().Analyze(text, options);
  Event ev;
  ev.type = type;
  ev.cameo = cameo;
  ev.date = date;
  ev.actor.push_back(std::move(actor));
  if (!recipient.code.empty()) ev.recipient.push_back(std::move(recipient));
  ev.anchor = Span{0, static_cast<uint32_t>(doc.text.find(' '))};
  doc.events.push_back(ev);
  Entity e;
  e.type = EntityType::kGpe;
  e.text = "x";
  e.span = Span{0, 1};
  e.code = "PSE";
  e.roles = {"a", "b"};
  doc.entities.push_back(e);
  return doc;
}

DocumentMeta Meta(const Document& doc, const std::string& source = "") {
  DocumentMeta m;
  m.id = doc.id;
  m.date = doc.date;
  m.source = source;
  return m;
}

std::string Stems(const std::string& query) {
  AnalyzeOptions options;
  options.text_only = true;
  return IndexStems(TheEngine().Analyze(query, options));
}

std::vector<std::string> Ids(const std::vector<EventRow>& rows) {
  std::vector<std::string> ids;
  for (const EventRow& r : rows) ids.push_back(r.doc_id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(StoreTest, CreatesSchemaAtCurrentVersion) {
  auto store = OpenMemory();
  EXPECT_EQ(store->schema_version(), kStoreSchemaVersion);
  auto totals = store->Totals();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->documents, 0);
  EXPECT_EQ(totals->schema_version, kStoreSchemaVersion);
}

// A store written by schema 1 (no per-event sentence) is migrated when opened
// for writing: its events get their sentences back from the article text.
TEST(StoreTest, MigratesSchemaOneStores) {
  std::string path = (std::filesystem::temp_directory_path() / ("rasd_store_v1_" + std::to_string(getpid()) + ".db")).string();
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, rasd_embed_schema_0001_data, nullptr, nullptr, nullptr), SQLITE_OK);
    const char* rows =
        "INSERT INTO documents (doc_key, id, text, content_hash) VALUES (1, 'v1', 'جملة أولى. التقى الوزير نظيره.', 'h');"
        "INSERT INTO events (doc_key, idx, type, cameo, date, sentence_begin, sentence_end, anchor_begin, anchor_end, "
        "anchor_text) VALUES (1, 0, 'CONSULT', '040', '2024-11-02', 19, 54, 19, 29, 'التقى');"
        "INSERT INTO event_participants (doc_key, event_idx, role, pos, text, code, country) "
        "VALUES (1, 0, 'actor', 0, 'الوزير', 'JORGOV', 'JOR');"
        "PRAGMA user_version = 1;";
    ASSERT_EQ(sqlite3_exec(db, rows, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  auto old = Store::Open(path, {.read_only = true});  // read-only cannot migrate: says how
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find("open it once for writing"), std::string::npos) << old.status().message();
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ((*store)->schema_version(), kStoreSchemaVersion);
    auto rows = (*store)->QueryEvents({.actor = "JOR"});
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].sentence, "التقى الوزير نظيره.");
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

// Several writers opening one database at once (rasd ingest twice in
// parallel): each migrates under the write lock or finds the work done, and
// every document is stored. Run on a new file and on a schema-1 file.
void IngestConcurrently(const std::string& path) {
  constexpr int kWriters = 4;
  std::atomic<bool> go{false};
  std::vector<Status> results(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      while (!go.load()) std::this_thread::yield();
      auto store = Store::Open(path, {.busy_timeout_ms = 20000});
      if (!store.ok()) {
        results[w] = store.status();
        return;
      }
      DocumentMeta meta;
      meta.id = "writer-" + std::to_string(w);
      meta.date = "2024-11-02";
      AnalyzeOptions options;
      options.id = meta.id;
      auto put = (*store)->Put(meta, TheEngine().Analyze("التقى الوزير نظيره في عمان.", options));
      results[w] = put.ok() ? Status::Ok() : put.status();
    });
  }
  go = true;
  for (std::thread& t : writers) t.join();
  for (int w = 0; w < kWriters; ++w) EXPECT_TRUE(results[w].ok()) << "writer " << w << ": " << results[w].message();
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->schema_version(), kStoreSchemaVersion);
  auto totals = (*store)->Totals();
  ASSERT_TRUE(totals.ok());
  EXPECT_GE(totals->documents, kWriters);
}

TEST(StoreTest, ConcurrentWritersMigrateOnce) {
  const std::string base = (std::filesystem::temp_directory_path() / ("rasd_store_race_" + std::to_string(getpid()))).string();
  for (int round = 0; round < 5; ++round) {  // the race is timing-dependent: several rounds
    const std::string fresh = base + "_new" + std::to_string(round) + ".db";
    IngestConcurrently(fresh);
    const std::string old = base + "_v1" + std::to_string(round) + ".db";
    {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open(old.c_str(), &db), SQLITE_OK);
      ASSERT_EQ(sqlite3_exec(db, rasd_embed_schema_0001_data, nullptr, nullptr, nullptr), SQLITE_OK);
      ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 1;", nullptr, nullptr, nullptr), SQLITE_OK);
      sqlite3_close(db);
    }
    IngestConcurrently(old);
    for (const std::string& p : {fresh, old}) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::remove((p + suffix).c_str());
    }
  }
}

TEST(StoreTest, ReopensAndRefusesNewerSchema) {
  std::string path = (std::filesystem::temp_directory_path() / ("rasd_store_test_" + std::to_string(getpid()) + ".db")).string();
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    Document doc = MakeDoc("a", "2024-11-02", "زار الوزير عمان", "CONSULT", "042", Actor("JORGOV", "JOR"), {});
    ASSERT_TRUE((*store)->Put(Meta(doc), doc).ok());
  }
  {
    auto store = Store::Open(path);  // migrations are not re-applied
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ((*store)->schema_version(), kStoreSchemaVersion);
    EXPECT_EQ((*store)->Totals()->documents, 1);
    auto ro = Store::Open(path, {.read_only = true});
    ASSERT_TRUE(ro.ok());
    EXPECT_FALSE((*ro)->Put(Meta(MakeDoc("b", "", "نص", "X", "01", Actor("A", ""), {})),
                            MakeDoc("b", "", "نص", "X", "01", Actor("A", ""), {}))
                     .ok());
  }
  // PRAGMA user_version is the big-endian int at byte 60 of the file header
  // (the WAL was checkpointed into the file when the last connection closed).
  std::FILE* f = std::fopen(path.c_str(), "r+b");
  ASSERT_NE(f, nullptr);
  std::fseek(f, 60, SEEK_SET);
  const unsigned char v99[4] = {0, 0, 0, 99};
  std::fwrite(v99, 1, 4, f);
  std::fclose(f);
  auto newer = Store::Open(path);
  EXPECT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos);
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

TEST(StoreTest, RefusesFileThatIsNotADatabase) {
  std::string path = (std::filesystem::temp_directory_path() / ("rasd_store_junk_" + std::to_string(getpid()))).string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fputs("this is not a database, it is a long enough line of text to look like a header", f);
  std::fclose(f);
  EXPECT_FALSE(Store::Open(path).ok());
  std::remove(path.c_str());
}

TEST(StoreTest, SameContentTwiceChangesNothing) {
  auto store = OpenMemory();
  Document doc = MakeDoc("a", "2024-11-02", "زار الوزير عمان", "CONSULT", "042", Actor("JORGOV", "JOR"),
                         Actor("EGY", "EGY"));
  EXPECT_EQ(*store->Put(Meta(doc), doc), PutResult::kInserted);
  EXPECT_EQ(*store->Put(Meta(doc), doc), PutResult::kUnchanged);
  EXPECT_EQ(*store->Put(Meta(doc), doc, /*force=*/true), PutResult::kReplaced);
  auto totals = store->Totals();
  EXPECT_EQ(totals->documents, 1);
  EXPECT_EQ(totals->events, 1);
  EXPECT_EQ(totals->entities, 1);
  EXPECT_EQ(store->StoredHash("a")->value(), ContentHash(Meta(doc), doc.text));
}

TEST(StoreTest, ChangedContentReplacesRows) {
  auto store = OpenMemory();
  Document v1 = MakeDoc("a", "2024-11-02", "زار الوزير عمان", "CONSULT", "042", Actor("JORGOV", "JOR"), {});
  ASSERT_TRUE(store->Put(Meta(v1), v1).ok());
  Document v2 = MakeDoc("a", "2024-11-03", "اتهم الوزير القاهرة", "ACCUSE", "112", Actor("EGYGOV", "EGY"), {});
  v2.events.push_back(v2.events[0]);
  EXPECT_EQ(*store->Put(Meta(v2), v2), PutResult::kReplaced);
  auto totals = store->Totals();
  EXPECT_EQ(totals->documents, 1);
  EXPECT_EQ(totals->events, 2);
  EXPECT_TRUE(store->QueryEvents({.type = "CONSULT"})->empty());
  EXPECT_EQ(store->QueryEvents({.type = "ACCUSE"})->size(), 2u);
  // The old text is gone from the full-text index too.
  EXPECT_TRUE(store->QueryEvents({.text_stems = Stems("عمان")})->empty());
  EXPECT_EQ(store->QueryEvents({.text_stems = Stems("القاهرة")})->size(), 2u);
}

TEST(StoreTest, FullTextFoldsHamzaAndStripsClitics) {
  auto store = OpenMemory();
  Document d1 = MakeDoc("hamza", "", "وصل الوفد إلى الأُرْدُن أمس", "CONSULT", "042", Actor("A", ""), {});
  Document d2 = MakeDoc("clitic", "", "التقى الوزير بالأردن نظيره", "CONSULT", "042", Actor("A", ""), {});
  Document d3 = MakeDoc("other", "", "وصل الوفد إلى مصر أمس", "CONSULT", "042", Actor("A", ""), {});
  for (const Document* d : {&d1, &d2, &d3}) ASSERT_TRUE(store->Put(Meta(*d), *d).ok());
  const std::vector<std::string> both = {"clitic", "hamza"};
  EXPECT_EQ(Ids(*store->QueryEvents({.text_stems = Stems("الأردن")})), both);
  EXPECT_EQ(Ids(*store->QueryEvents({.text_stems = Stems("الاردن")})), both);
  EXPECT_EQ(Ids(*store->QueryEvents({.text_stems = Stems("بالأردن")})), both);
  EXPECT_EQ(Ids(*store->QueryEvents({.text_stems = Stems("الوفد الاردن")})), std::vector<std::string>{"hamza"});
  // FTS5 syntax in the query is taken literally.
  EXPECT_TRUE(store->QueryEvents({.text_stems = Stems("\"AND* OR (")})->empty());
}

// Pages: newest first, ties on the date in ingestion order (latest first),
// offsets without gaps or repeats; a connection's cached statements see rows
// written after them, by itself or by another connection.
TEST(StoreTest, QueryPagesAndSeesNewRows) {
  const std::string path = ::testing::TempDir() + "/rasd_pages_" + std::to_string(::getpid()) + ".db";
  std::filesystem::remove(path);
  auto writer = Store::Open(path);
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  for (const char* id : {"a", "b", "c"}) {
    Document d = MakeDoc(id, "2024-11-02", "استقبل السفير الوزير", "CONSULT", "042", Actor("PSEGOV", "PSE"), {});
    ASSERT_TRUE((*writer)->Put(Meta(d), d).ok());
  }
  Document older = MakeDoc("z", "2024-10-01", "استقبل السفير الوزير", "CONSULT", "042", Actor("PSEGOV", "PSE"), {});
  ASSERT_TRUE((*writer)->Put(Meta(older), older).ok());
  auto reader = Store::Open(path, {.read_only = true});
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  std::vector<std::string> paged;
  for (int64_t offset = 0; offset < 5; ++offset) {
    auto rows = (*reader)->QueryEvents({.limit = 1, .offset = offset});
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    if (offset == 4) {
      EXPECT_TRUE(rows->empty());
    }
    for (const EventRow& r : *rows) paged.push_back(r.doc_id);
  }
  EXPECT_EQ(paged, (std::vector<std::string>{"c", "b", "a", "z"}));
  EXPECT_EQ((*reader)->QueryEvents({.limit = 0, .offset = 3})->size(), 1u);
  Document later = MakeDoc("d", "2024-11-02", "استقبل السفير الوزير", "CONSULT", "042", Actor("PSEGOV", "PSE"), {});
  ASSERT_TRUE((*writer)->Put(Meta(later), later).ok());
  EXPECT_EQ((*reader)->QueryEvents({.limit = 1})->front().doc_id, "d");
  EXPECT_EQ((*writer)->QueryEvents({.limit = 1})->front().doc_id, "d");
  EXPECT_EQ((*reader)->QueryEvents({.actor = "PSE"})->size(), 5u);
  reader->reset();
  writer->reset();
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
}

TEST(StoreTest, QueryFilters) {
  auto store = OpenMemory();
  Document docs[] = {
      MakeDoc("p1", "2024-11-02", "استقبل السفير الوزير", "CONSULT", "042", Actor("PSEGOV", "PSE"),
              Actor("KAZGOV", "KAZ")),
      MakeDoc("p2", "2024-10-15", "اتهم السفير الوزير", "ACCUSE", "112", Actor("PSE", "PSE"), Actor("ISR", "ISR")),
      MakeDoc("k1", "2024-12-01", "رحب الوزير بالقرار", "SUPPORT", "051", Actor("KAZGOV", "KAZ"),
              Actor("IGOUNO", "")),
  };
  for (const Document& d : docs) ASSERT_TRUE(store->Put(Meta(d, d.id[0] == 'p' ? "wafa" : "kaz"), d).ok());
  // An undated event is never inside a date range.
  Document undated = MakeDoc("u1", "", "استقبل السفير الوزير", "CONSULT", "042", Actor("PSEGOV", "PSE"), {});
  ASSERT_TRUE(store->Put(Meta(undated, "wafa"), undated).ok());
  EXPECT_EQ(Ids(*store->QueryEvents({.actor = "PSEGOV"})), (std::vector<std::string>{"p1", "u1"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.until = "2024-11"})), (std::vector<std::string>{"p1", "p2"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.since = "2024"})), (std::vector<std::string>{"k1", "p1", "p2"}));
  ASSERT_TRUE(*store->Delete("u1"));
  using V = std::vector<std::string>;
  EXPECT_EQ(Ids(*store->QueryEvents({.actor = "PSE"})), (V{"p1", "p2"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.actor = "PSEGOV"})), (V{"p1"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.recipient = "KAZ"})), (V{"p1"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.recipient = "IGO"})), (V{"k1"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.actor = "KAZ", .recipient = "IGOUNO"})), (V{"k1"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.type = "ACCUSE"})), (V{"p2"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.cameo = "04"})), (V{"p1"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.cameo = "1"})), (V{"p2"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.since = "2024-11-01"})), (V{"k1", "p1"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.until = "2024-11"})), (V{"p1", "p2"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.since = "2024-11-01", .until = "2024-11-30"})), (V{"p1"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.source = "kaz"})), (V{"k1"}));
  EXPECT_EQ(Ids(*store->QueryEvents({.actor = "PSE", .text_stems = Stems("اتهم")})), (V{"p2"}));
  EXPECT_EQ(store->QueryEvents({.limit = 2})->size(), 2u);
  // Newest first.
  EXPECT_EQ(store->QueryEvents({})->front().doc_id, "k1");
  const EventRow row = store->QueryEvents({.type = "CONSULT"})->front();
  EXPECT_EQ(row.actor_codes, V{"PSEGOV"});
  EXPECT_EQ(row.recipient_codes, V{"KAZGOV"});
  EXPECT_EQ(row.anchor, "استقبل");
  EXPECT_EQ(row.source, "wafa");

  auto by_type = store->CountEvents("type");
  ASSERT_TRUE(by_type.ok());
  EXPECT_EQ(by_type->size(), 3u);
  auto by_dyad = store->CountEvents("dyad");
  ASSERT_TRUE(by_dyad.ok());
  bool found = false;
  for (const CountRow& r : *by_dyad) found |= r.key == "PSEGOV > KAZGOV" && r.count == 1;
  EXPECT_TRUE(found);
  EXPECT_EQ(store->CountEvents("month")->size(), 3u);
  EXPECT_FALSE(store->CountEvents("colour").ok());
}

TEST(StoreTest, GetRestoresEntitiesAndEvents) {
  auto store = OpenMemory();
  Document doc = MakeDoc("p1", "2024-11-02", "استقبل السفير الوزير", "CONSULT", "042", Actor("PSEGOV", "PSE"),
                         Actor("KAZGOV", "KAZ"));
  ASSERT_TRUE(store->Put(Meta(doc, "wafa"), doc).ok());
  auto got = store->Get("p1");
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  const auto& [meta, back] = **got;
  EXPECT_EQ(meta.source, "wafa");
  EXPECT_EQ(back.text, doc.text);
  ASSERT_EQ(back.entities.size(), 1u);
  EXPECT_EQ(back.entities[0].roles, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(back.events.size(), 1u);
  EXPECT_EQ(back.events[0].recipient[0].code, "KAZGOV");
  EXPECT_EQ(back.Text(back.events[0].anchor), "استقبل");
  EXPECT_FALSE(store->Get("nope")->has_value());
  EXPECT_TRUE(*store->Delete("p1"));
  EXPECT_EQ(store->Totals()->events, 0);
}

TEST(StoreTest, RolledBackBatchLeavesNothing) {
  auto store = OpenMemory();
  ASSERT_TRUE(store->BeginBatch().ok());
  Document doc = MakeDoc("a", "", "زار الوزير عمان", "CONSULT", "042", Actor("JORGOV", "JOR"), {});
  ASSERT_TRUE(store->Put(Meta(doc), doc).ok());
  store->RollbackBatch();
  EXPECT_EQ(store->Totals()->documents, 0);
}

TEST(StorageTest, IntensityLocationFiltersAndAggregates) {
  auto store = OpenMemory();
  Document a = MakeDoc("g1", "2024-11-02", "استقبل الوزير نظيره", "CONSULT", "043", Actor("JORGOV", "JOR"),
                       Actor("EGYGOV", "EGY"));
  a.events[0].goldstein = 2.8;
  a.events[0].quad_class = 1;
  a.events[0].intensity = 2.3;
  a.events[0].cameo_name = "Host a visit";
  a.events[0].location = Location{"عمّان", "place", "JOR", "Amman", "Amman", 31.9552, 35.945, "city"};
  Document b = MakeDoc("g2", "2024-12-05", "قصف الجيش المدينة", "ASSAULT", "190", Actor("ISRMIL", "ISR"),
                       Actor("PSE", "PSE"));
  b.events[0].goldstein = -10;
  b.events[0].quad_class = 4;
  Document c = MakeDoc("g3", "2024-12-09", "قصف الجيش القرية", "ASSAULT", "190", Actor("ISRMIL", "ISR"),
                       Actor("PSE", "PSE"));
  c.events[0].goldstein = -10;
  c.events[0].quad_class = 4;
  for (const Document* d : {&a, &b, &c}) ASSERT_TRUE(store->Put(Meta(*d), *d).ok());

  auto coop = store->QueryEvents({.min_goldstein = 0.0});
  ASSERT_TRUE(coop.ok()) << coop.status().message();
  ASSERT_EQ(Ids(*coop), std::vector<std::string>{"g1"});
  const EventRow& r = (*coop)[0];
  EXPECT_EQ(r.goldstein, 2.8);
  EXPECT_EQ(r.quad_class, 1);
  EXPECT_EQ(r.cameo_name, "Host a visit");
  EXPECT_EQ(r.sentence_number, 1);
  EXPECT_EQ(r.location.city, "Amman");
  EXPECT_EQ(r.location.precision, "city");
  EXPECT_DOUBLE_EQ(r.location.lat, 31.9552);
  EXPECT_EQ(r.actor_countries, std::vector<std::string>{"JOR"});
  auto conflict = store->QueryEvents({.quad_class = 4});
  ASSERT_TRUE(conflict.ok());
  EXPECT_EQ(conflict->size(), 2u);

  auto back = store->Get("g1");
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ((*back)->second.events[0].location.country, "JOR");
  EXPECT_EQ((*back)->second.events[0].goldstein, 2.8);

  auto agg = store->AggregateGoldstein("dyad", "month");
  ASSERT_TRUE(agg.ok()) << agg.status().message();
  ASSERT_EQ(agg->size(), 2u);
  EXPECT_EQ((*agg)[0].key, "ISRMIL > PSE");
  EXPECT_EQ((*agg)[0].period, "2024-12");
  EXPECT_EQ((*agg)[0].events, 2);
  EXPECT_DOUBLE_EQ((*agg)[0].sum, -20);
  EXPECT_DOUBLE_EQ((*agg)[0].mean, -10);
  EXPECT_EQ((*agg)[1].key, "JORGOV > EGYGOV");
  EXPECT_FALSE(store->AggregateGoldstein("weather", "month").ok());
  EXPECT_FALSE(store->AggregateGoldstein("dyad", "week").ok());
}

}  // namespace
}  // namespace rasd
