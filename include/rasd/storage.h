// File: rasd/storage.h
//
// The event store: analysed articles, their entities and events in one SQLite
// file (schema and guarantees in docs/storage.md). Installed and linked only
// with the rasd_storage library; no SQLite type appears here.
//
//   auto store = rasd::Store::Open("rasd.db");
//   if (!store.ok()) return Fail(store.status());
//   RASD_RETURN_IF_ERROR((*store)->BeginBatch());
//   auto put = (*store)->Put(meta, engine->Analyze(text, {.id = meta.id}));
//   RASD_RETURN_IF_ERROR((*store)->CommitBatch());
//   auto rows = (*store)->QueryEvents({.actor = "PSE", .limit = 10});
//
// A Store is one connection: use it from one thread at a time. Several
// processes may read one file while one writes (WAL mode).
#ifndef RASD_STORAGE_H_
#define RASD_STORAGE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"
#include "rasd/status.h"

namespace rasd {

// The schema version this library creates and reads (PRAGMA user_version).
inline constexpr int kStoreSchemaVersion = 3;

struct StoreOptions {
  bool read_only = false;  // open an existing file for queries only
  // Fail instead of waiting longer than this for another writer's lock.
  int busy_timeout_ms = 5000;
};

// What the store keeps about an article besides its analysis.
struct DocumentMeta {
  std::string id;  // unique key
  std::string date;
  std::string title;
  std::string source;
  std::string url;
};

// 16 lowercase hex digits (64-bit FNV-1a) over the metadata and the text:
// equal hashes mean an unchanged article.
std::string ContentHash(const DocumentMeta& meta, std::string_view text);

// The string the full-text index stores for `doc`: for every word, number or
// Latin token, its stem segment to the end of the token, in Document::folded
// form, separated by spaces. Queries go through the same function.
std::string IndexStems(const Document& doc);

enum class PutResult { kInserted, kReplaced, kUnchanged };

struct EventQuery {
  std::string actor = {};      // country code (PSE) or code prefix (PSEGOV, IGO) of an actor
  std::string recipient = {};  // same, of a recipient
  std::string type = {};       // PLOVER type, exact (CONSULT)
  std::string cameo = {};      // CAMEO code prefix (04, 042)
  std::string since = {};      // event date >= (YYYY, YYYY-MM or YYYY-MM-DD)
  std::string until = {};      // event date <= (a prefix includes the whole month/year)
  std::string source = {};     // documents.source, exact
  // Full-text: stems as IndexStems() makes them; every word must occur in the
  // article (title or text). Build it with IndexStems(engine->Analyze(q, {.text_only = true})).
  std::string text_stems = {};
  std::optional<double> min_goldstein = {};  // Goldstein score >= (events without a score are left out)
  int quad_class = 0;                        // 1-4: only this QuadClass; 0: any
  double min_confidence = 0.0;               // events whose confidence is >= this (0: all)
  int64_t limit = 100;  // <= 0: no limit
  int64_t offset = 0;   // skip this many matching events first (pagination)
};

// One event with its article's metadata, as `rasd query` prints it.
struct EventRow {
  std::string doc_id;
  int event_index = 0;  // 0-based within the document
  std::string date;
  std::string type;
  std::string mode;
  std::vector<std::string> context;
  std::string cameo;
  std::vector<std::string> actor_codes;
  std::vector<std::string> actor_texts;
  std::vector<std::string> recipient_codes;
  std::vector<std::string> recipient_texts;
  std::vector<std::string> actor_countries;  // parallel to actor_codes ("" unknown)
  std::vector<std::string> actor_sectors;
  std::vector<std::string> recipient_countries;
  std::vector<std::string> recipient_sectors;
  double confidence = 0.0;  // the event's confidence (docs/events.md)
  std::optional<double> goldstein;  // none for rows stored before schema 3
  int quad_class = 0;
  std::optional<double> intensity;
  std::string cameo_name;
  int sentence_number = 0;  // 1-based number of the event's sentence in the article (0: unknown)
  Location location;
  std::string anchor;
  std::string sentence;
  std::string place;
  std::string attribution_code;
  bool negated = false;
  std::string modality;
  std::string source;
  std::string title;
  std::string url;
};

struct CountRow {
  std::string key;
  int64_t count = 0;
};

// One cell of `rasd stats --by … --per … --measure goldstein`.
struct AggregateRow {
  std::string key;     // the group ("ISR > PSE", "ASSAULT", a source), or "" with no --by
  std::string period;  // "2024-11" (month), "2024-11-23" (day), "2024" (year), or "" with no --per
  int64_t events = 0;  // events in the cell
  int64_t scored = 0;  // of which have a Goldstein score
  double sum = 0;      // sum of their Goldstein scores
  double mean = 0;     // sum / scored (0 when none)
};

struct StoreTotals {
  int64_t documents = 0;
  int64_t entities = 0;
  int64_t events = 0;
  int schema_version = 0;
};

class Store {
 public:
  // Opens (creating if needed, unless read_only) the SQLite file at `path`
  // (":memory:" for a private in-memory database) and brings its schema to
  // kStoreSchemaVersion. Fails on an unwritable file, a newer schema or a
  // file that is not a database.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options = {});

  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();  // rolls back an open batch

  int schema_version() const;

  // Writes happen in batches: one transaction each, so a crash keeps whole
  // batches only. Put() outside a batch runs in its own transaction.
  Status BeginBatch();
  Status CommitBatch();
  void RollbackBatch();

  // The stored content hash of `id`, or nullopt.
  StatusOr<std::optional<std::string>> StoredHash(const std::string& id);

  // Stores `doc` (its id must equal meta.id) with its entities, events and
  // full-text stems. Same id and same hash: nothing changes (kUnchanged)
  // unless `force`; a different hash replaces every row of the document.
  StatusOr<PutResult> Put(const DocumentMeta& meta, const Document& doc, bool force = false);

  // Deletes a document and its rows; false if it was absent.
  StatusOr<bool> Delete(const std::string& id);

  StatusOr<std::vector<EventRow>> QueryEvents(const EventQuery& query);

  // Event counts grouped by "type", "dyad" (actor>recipient codes), "month"
  // (YYYY-MM of the event date) or "source"; largest first.
  StatusOr<std::vector<CountRow>> CountEvents(const std::string& by, int64_t limit = 0);
  StatusOr<StoreTotals> Totals();

  // Goldstein sum and mean per group and period: `by` is "dyad", "type",
  // "source", "actor", "recipient", "country" (of the location) or "" (all);
  // `per` is "day", "month", "year" or "" (all time). Events without a date
  // fall in period "(no date)". Ordered by key, then period.
  StatusOr<std::vector<AggregateRow>> AggregateGoldstein(const std::string& by, const std::string& per);

  // The stored article: text, metadata, entities and events (no sentences,
  // tokens or segments: Document::sentences holds only the sentences events
  // point to). nullopt when absent.
  StatusOr<std::optional<std::pair<DocumentMeta, Document>>> Get(const std::string& id);

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasd

#endif  // RASD_STORAGE_H_
