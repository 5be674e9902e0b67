// File: storage/sqlite_store.cc
//
// rasd::Store on SQLite: WAL journal, numbered migrations from schema/ applied
// by PRAGMA user_version, one transaction per batch, prepared statements
// reused for every document.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "rasd/storage.h"
#include "rasd/version.h"
#include "storage/statement.h"

extern "C" const char rasd_embed_schema_0001_data[];
extern "C" const unsigned long long rasd_embed_schema_0001_size;
extern "C" const char rasd_embed_schema_0002_data[];
extern "C" const unsigned long long rasd_embed_schema_0002_size;
extern "C" const char rasd_embed_schema_0003_data[];
extern "C" const unsigned long long rasd_embed_schema_0003_size;

namespace rasd {
namespace {

using storage::Exec;
using storage::SqliteError;
using storage::Statement;

constexpr char kSep = '\x1f';  // joins roles and contexts in one column

struct Migration {
  int version;
  const char* sql;
};

// Every migration, in order; migration N brings user_version from N-1 to N.
const Migration kMigrations[] = {
    {1, rasd_embed_schema_0001_data},
    {2, rasd_embed_schema_0002_data},
    {3, rasd_embed_schema_0003_data},
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kStoreSchemaVersion);

// The location stored in the 8 columns from `first` on (loc_text … loc_precision).
Location LocationAt(const Statement& st, int first) {
  Location loc;
  loc.text = st.Text(first);
  loc.basis = st.Text(first + 1);
  loc.country = st.Text(first + 2);
  loc.admin1 = st.Text(first + 3);
  loc.city = st.Text(first + 4);
  loc.lat = st.Double(first + 5);
  loc.lon = st.Double(first + 6);
  loc.precision = st.Text(first + 7);
  return loc;
}

std::string Join(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

void Fnv(uint64_t* h, std::string_view s) {
  for (unsigned char c : s) {
    *h ^= c;
    *h *= 1099511628211ull;
  }
  // A field terminator, so that ("ab","c") and ("a","bc") differ.
  *h ^= 0xff;
  *h *= 1099511628211ull;
}

// Upper bound for a code-prefix range: codes are ASCII letters and digits.
std::string PrefixEnd(const std::string& prefix) { return prefix + "\x7f"; }

// Date bounds: "2024" -> ["2024", "2024\x7f"], so a prefix covers its period.
std::string UntilBound(const std::string& until) { return until.size() >= 10 ? until : until + "\x7f"; }

Status Probe(sqlite3* db) {
  Statement probe;
  RASD_RETURN_IF_ERROR(probe.Prepare(db, "SELECT count(*) FROM sqlite_schema"));
  auto row = probe.Step();
  return row.ok() ? Status::Ok() : row.status();
}

// `path` as the path of a file: URI (RFC 3986 percent-encoding of the few
// characters SQLite's URI parser treats specially).
std::string UriPath(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#' || c == ' ') {
      char buf[4];
      std::snprintf(buf, sizeof(buf), "%%%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string ContentHash(const DocumentMeta& meta, std::string_view text) {
  uint64_t h = 14695981039346656037ull;
  Fnv(&h, meta.id);
  Fnv(&h, meta.date);
  Fnv(&h, meta.source);
  Fnv(&h, meta.title);
  Fnv(&h, meta.url);
  Fnv(&h, text);
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string IndexStems(const Document& doc) {
  std::string out;
  for (const Token& t : doc.tokens) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber && t.kind != TokenKind::kLatin &&
        t.kind != TokenKind::kHashtag) {
      continue;
    }
    uint32_t begin = t.norm.begin;
    if (t.segment_count > 0 && t.stem() < doc.segments.size()) begin = doc.segments[t.stem()].norm.begin;
    if (begin < t.norm.begin || begin >= t.norm.end || t.norm.end > doc.folded.size()) begin = t.norm.begin;
    std::string_view stem = std::string_view(doc.folded).substr(begin, t.norm.end - begin);
    if (stem.empty()) continue;
    if (!out.empty()) out += ' ';
    out += stem;
  }
  return out;
}

struct Store::Impl {
  sqlite3* db = nullptr;
  int version = 0;
  bool in_batch = false;

  Statement find_doc, insert_doc, insert_fts, delete_doc, delete_entities, delete_events,
      delete_participants, insert_entity, insert_event, insert_participant;
  // QueryEvents' statements by SQL text: a server asks the same few shapes of
  // query again and again, and preparing costs as much as a small query.
  std::map<std::string, std::unique_ptr<Statement>> queries;
  Statement query_participants;

  StatusOr<Statement*> Cached(const std::string& sql) {
    auto it = queries.find(sql);
    if (it != queries.end()) return it->second.get();
    if (queries.size() >= 64) queries.clear();
    auto st = std::make_unique<Statement>();
    RASD_RETURN_IF_ERROR(st->Prepare(db, sql));
    return queries.emplace(sql, std::move(st)).first->second.get();
  }

  ~Impl() {
    if (db == nullptr) return;
    if (in_batch) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    // The statements are finalized after this body; sqlite3_close_v2 closes
    // the connection once the last one is.
    sqlite3_close_v2(db);
  }

  // The version is read under the write lock (BEGIN IMMEDIATE) that the
  // migration then holds: two processes opening a new or old database at
  // once migrate it once, the second finding the work done.
  Status Migrate() {
    while (true) {
      RASD_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE", "starting migration"));
      Status s = ReadVersion();
      if (s.ok() && version > kStoreSchemaVersion) {
        s = FailedPreconditionError("database schema version " + std::to_string(version) +
                                    " is newer than this rasd's (" + std::to_string(kStoreSchemaVersion) +
                                    "); upgrade rasd");
      }
      const bool current = s.ok() && version == kStoreSchemaVersion;
      if (s.ok() && !current) {
        const Migration& m = kMigrations[version];  // migration version+1
        s = Exec(db, m.sql, "migration " + std::to_string(m.version));
        if (s.ok()) {
          s = Exec(db, ("PRAGMA user_version = " + std::to_string(m.version)).c_str(), "setting user_version");
        }
        if (s.ok()) version = m.version;
      }
      if (s.ok()) s = Exec(db, "COMMIT", "committing migration");
      if (!s.ok()) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return s;
      }
      if (current) return Status::Ok();
    }
  }

  Status ReadVersion() {
    Statement st;
    RASD_RETURN_IF_ERROR(st.Prepare(db, "PRAGMA user_version"));
    auto row = st.Step();
    if (!row.ok()) return row.status();
    version = *row ? static_cast<int>(st.Int(0)) : 0;
    return Status::Ok();
  }

  Status PrepareWrites() {
    RASD_RETURN_IF_ERROR(find_doc.Prepare(db, "SELECT doc_key, content_hash FROM documents WHERE id = ?1"));
    RASD_RETURN_IF_ERROR(insert_doc.Prepare(
        db,
        "INSERT INTO documents (id, source, date, title, url, text, content_hash, rasd_version) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    RASD_RETURN_IF_ERROR(insert_fts.Prepare(db, "INSERT INTO documents_fts (rowid, stems) VALUES (?1, ?2)"));
    RASD_RETURN_IF_ERROR(delete_participants.Prepare(db, "DELETE FROM event_participants WHERE doc_key = ?1"));
    RASD_RETURN_IF_ERROR(delete_events.Prepare(db, "DELETE FROM events WHERE doc_key = ?1"));
    RASD_RETURN_IF_ERROR(delete_entities.Prepare(db, "DELETE FROM entities WHERE doc_key = ?1"));
    RASD_RETURN_IF_ERROR(delete_doc.Prepare(db, "DELETE FROM documents WHERE doc_key = ?1"));
    RASD_RETURN_IF_ERROR(insert_entity.Prepare(
        db,
        "INSERT INTO entities (doc_key, idx, type, text, begin_byte, end_byte, value, granularity, qualifier, "
        "country, sector, code, cluster, roles, origin) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)"));
    RASD_RETURN_IF_ERROR(insert_event.Prepare(
        db,
        "INSERT INTO events (doc_key, idx, type, mode, context, cameo, date, date_text, place, sentence_begin, "
        "sentence_end, anchor_begin, anchor_end, anchor_text, attribution_text, attribution_code, negated, "
        "modality, confidence, sentence, goldstein, quad_class, intensity, cameo_name, sentence_number, loc_text, "
        "loc_basis, loc_country, loc_admin1, loc_city, loc_lat, loc_lon, loc_precision) VALUES (?1,?2,?3,?4,?5,?6,?7,"
        "?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27,?28,?29,?30,?31,?32,?33)"));
    RASD_RETURN_IF_ERROR(insert_participant.Prepare(
        db,
        "INSERT INTO event_participants (doc_key, event_idx, role, pos, text, code, country, sector, cluster, "
        "entity) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"));
    return Status::Ok();
  }

  Status DeleteRows(int64_t key) {
    // documents_fts is contentless: its entries for `key` stay, unreachable.
    for (Statement* st : {&delete_participants, &delete_events, &delete_entities, &delete_doc}) {
      st->Bind(1, key);
      RASD_RETURN_IF_ERROR(st->Run());
    }
    return Status::Ok();
  }

  Status InsertRows(const DocumentMeta& meta, const Document& doc) {
    insert_doc.Bind(1, meta.id);
    insert_doc.Bind(2, meta.source);
    insert_doc.Bind(3, meta.date);
    insert_doc.Bind(4, meta.title);
    insert_doc.Bind(5, meta.url);
    insert_doc.Bind(6, doc.text);
    insert_doc.Bind(7, ContentHash(meta, doc.text));
    insert_doc.Bind(8, std::string_view(RASD_VERSION));
    RASD_RETURN_IF_ERROR(insert_doc.Run());
    const int64_t key = sqlite3_last_insert_rowid(db);

    for (size_t i = 0; i < doc.entities.size(); ++i) {
      const Entity& e = doc.entities[i];
      Statement& st = insert_entity;
      st.Bind(1, key);
      st.Bind(2, static_cast<int64_t>(i));
      st.Bind(3, std::string_view(EntityTypeName(e.type)));
      st.Bind(4, e.text);
      st.Bind(5, static_cast<int64_t>(e.span.begin));
      st.Bind(6, static_cast<int64_t>(e.span.end));
      st.Bind(7, e.value);
      st.Bind(8, e.granularity);
      st.Bind(9, e.qualifier);
      st.Bind(10, e.country);
      st.Bind(11, e.sector);
      st.Bind(12, e.code);
      st.Bind(13, static_cast<int64_t>(e.cluster));
      st.Bind(14, Join(e.roles, kSep));
      st.Bind(15, e.source);
      RASD_RETURN_IF_ERROR(st.Run());
    }
    for (size_t i = 0; i < doc.events.size(); ++i) {
      const Event& ev = doc.events[i];
      Span sentence = ev.sentence < doc.sentences.size() ? doc.sentences[ev.sentence].span : Span{};
      Statement& st = insert_event;
      st.Bind(1, key);
      st.Bind(2, static_cast<int64_t>(i));
      st.Bind(3, ev.type);
      st.Bind(4, ev.mode);
      st.Bind(5, Join(ev.context, kSep));
      st.Bind(6, ev.cameo);
      st.Bind(7, ev.date.empty() ? doc.date : ev.date);
      st.Bind(8, ev.date_text);
      st.Bind(9, ev.place);
      st.Bind(10, static_cast<int64_t>(sentence.begin));
      st.Bind(11, static_cast<int64_t>(sentence.end));
      st.Bind(12, static_cast<int64_t>(ev.anchor.begin));
      st.Bind(13, static_cast<int64_t>(ev.anchor.end));
      st.Bind(14, doc.Text(ev.anchor));
      st.Bind(15, ev.attribution_text);
      st.Bind(16, ev.attribution_code);
      st.Bind(17, static_cast<int64_t>(ev.negated ? 1 : 0));
      st.Bind(18, ev.modality);
      st.Bind(19, static_cast<double>(ev.confidence));
      st.Bind(20, doc.Text(sentence));
      if (ev.quad_class != 0) st.Bind(21, ev.goldstein);  // else NULL: the code has no score
      st.Bind(22, static_cast<int64_t>(ev.quad_class));
      if (!ev.type.empty()) st.Bind(23, ev.intensity);
      st.Bind(24, ev.cameo_name);
      st.Bind(25, static_cast<int64_t>(ev.sentence) + 1);
      const Location& loc = ev.location;
      st.Bind(26, loc.text);
      st.Bind(27, loc.basis);
      st.Bind(28, loc.country);
      st.Bind(29, loc.admin1);
      st.Bind(30, loc.city);
      if (!loc.precision.empty()) {
        st.Bind(31, loc.lat);
        st.Bind(32, loc.lon);
      }
      st.Bind(33, loc.precision);
      RASD_RETURN_IF_ERROR(st.Run());
      for (int role = 0; role < 2; ++role) {
        const std::vector<EventActor>& list = role == 0 ? ev.actor : ev.recipient;
        for (size_t p = 0; p < list.size(); ++p) {
          const EventActor& a = list[p];
          Statement& sp = insert_participant;
          sp.Bind(1, key);
          sp.Bind(2, static_cast<int64_t>(i));
          sp.Bind(3, std::string_view(role == 0 ? "actor" : "recipient"));
          sp.Bind(4, static_cast<int64_t>(p));
          sp.Bind(5, a.text);
          sp.Bind(6, a.code);
          sp.Bind(7, a.country);
          sp.Bind(8, a.sector);
          sp.Bind(9, static_cast<int64_t>(a.cluster));
          sp.Bind(10, static_cast<int64_t>(a.entity));
          RASD_RETURN_IF_ERROR(sp.Run());
        }
      }
    }
    insert_fts.Bind(1, key);
    insert_fts.Bind(2, IndexStems(doc));
    RASD_RETURN_IF_ERROR(insert_fts.Run());
    return Status::Ok();
  }

  // Looks `id` up: {doc_key, hash} or {0, ""}.
  StatusOr<std::pair<int64_t, std::string>> Find(const std::string& id) {
    find_doc.Bind(1, id);
    auto row = find_doc.Step();
    if (!row.ok()) return row.status();
    std::pair<int64_t, std::string> out{0, ""};
    if (*row) out = {find_doc.Int(0), find_doc.Text(1)};
    find_doc.Reset();
    return out;
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

namespace {

// Switching a new database to WAL needs a lock SQLite will not wait for with
// its busy handler (two ingests opening one new file at once): retry until
// the busy timeout, then fail with the reason.
Status EnableWal(sqlite3* db, const std::string& path, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    const int rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    const int primary = rc & 0xff;
    if (rc == SQLITE_OK || (primary != SQLITE_BUSY && primary != SQLITE_LOCKED) ||
        std::chrono::steady_clock::now() >= deadline) {
      return rc == SQLITE_OK ? Status::Ok() : SqliteError(db, rc, "enabling WAL on " + path);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  // No memory statistics: they take a global mutex on every allocation
  // (9% of the ingest writer's instructions). Only possible before SQLite is first
  // used; if someone else initialised it already, this is a no-op.
  static const int kConfigured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kConfigured;
  auto impl = std::make_unique<Impl>();
  int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(impl->db, rc, "opening " + path);
    return s;
  }
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
  if (!options.read_only && sqlite3_db_readonly(impl->db, "main") == 1) {
    return FailedPreconditionError("opening " + path + ": the database file is read-only");
  }
  // Reading the schema catches files that are not databases.
  Status probed = Probe(impl->db);
  if (!probed.ok() && options.read_only && probed.code() == StatusCode::kFailedPrecondition && path != ":memory:") {
    // A WAL database in a directory this user cannot write (no -shm file can
    // be made): read it as immutable, the only way SQLite allows.
    sqlite3_close_v2(impl->db);
    impl->db = nullptr;
    rc = sqlite3_open_v2(("file:" + UriPath(path) + "?immutable=1").c_str(), &impl->db,
                         SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) return SqliteError(impl->db, rc, "opening " + path);
    probed = Probe(impl->db);
  }
  if (!probed.ok()) return Status(probed.code(), path + ": " + probed.message());
  if (!options.read_only) {
    RASD_RETURN_IF_ERROR(EnableWal(impl->db, path, options.busy_timeout_ms));
    RASD_RETURN_IF_ERROR(Exec(impl->db, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON", "configuring " + path));
    RASD_RETURN_IF_ERROR(impl->Migrate());
    RASD_RETURN_IF_ERROR(impl->PrepareWrites());
  } else {
    Statement st;
    RASD_RETURN_IF_ERROR(st.Prepare(impl->db, "PRAGMA user_version"));
    auto row = st.Step();
    if (!row.ok()) return row.status();
    impl->version = *row ? static_cast<int>(st.Int(0)) : 0;
    if (impl->version != kStoreSchemaVersion) {
      return FailedPreconditionError(path + ": schema version " + std::to_string(impl->version) + ", expected " +
                                     std::to_string(kStoreSchemaVersion) +
                                     (impl->version == 0 ? " (not a rasd database, or empty)"
                                      : impl->version < kStoreSchemaVersion
                                          ? " (an older store: open it once for writing to migrate it, e.g. "
                                            "rasd ingest --db FILE - < /dev/null)"
                                          : ""));
    }
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

int Store::schema_version() const { return impl_->version; }

Status Store::BeginBatch() {
  if (impl_->in_batch) return FailedPreconditionError("BeginBatch: a batch is already open");
  RASD_RETURN_IF_ERROR(Exec(impl_->db, "BEGIN IMMEDIATE", "starting a transaction"));
  impl_->in_batch = true;
  return Status::Ok();
}

Status Store::CommitBatch() {
  if (!impl_->in_batch) return FailedPreconditionError("CommitBatch: no batch is open");
  Status s = Exec(impl_->db, "COMMIT", "committing");
  if (!s.ok()) {
    RollbackBatch();
    return s;
  }
  impl_->in_batch = false;
  return Status::Ok();
}

void Store::RollbackBatch() {
  if (!impl_->in_batch) return;
  sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
  impl_->in_batch = false;
}

StatusOr<std::optional<std::string>> Store::StoredHash(const std::string& id) {
  if (!impl_->find_doc.prepared()) {
    RASD_RETURN_IF_ERROR(impl_->find_doc.Prepare(impl_->db, "SELECT doc_key, content_hash FROM documents WHERE id = ?1"));
  }
  auto found = impl_->Find(id);
  if (!found.ok()) return found.status();
  if (found->first == 0) return std::optional<std::string>();
  return std::optional<std::string>(found->second);
}

StatusOr<PutResult> Store::Put(const DocumentMeta& meta, const Document& doc, bool force) {
  if (!impl_->insert_doc.prepared()) return FailedPreconditionError("Put: the store is read-only");
  const bool own = !impl_->in_batch;
  if (own) RASD_RETURN_IF_ERROR(BeginBatch());
  auto result = [&]() -> StatusOr<PutResult> {
    auto found = impl_->Find(meta.id);
    if (!found.ok()) return found.status();
    PutResult r = PutResult::kInserted;
    if (found->first != 0) {
      if (!force && found->second == ContentHash(meta, doc.text)) return PutResult::kUnchanged;
      RASD_RETURN_IF_ERROR(impl_->DeleteRows(found->first));
      r = PutResult::kReplaced;
    }
    RASD_RETURN_IF_ERROR(impl_->InsertRows(meta, doc));
    return r;
  }();
  if (own) {
    if (!result.ok()) {
      RollbackBatch();
      return result;
    }
    RASD_RETURN_IF_ERROR(CommitBatch());
  }
  return result;
}

StatusOr<bool> Store::Delete(const std::string& id) {
  if (!impl_->insert_doc.prepared()) return FailedPreconditionError("Delete: the store is read-only");
  const bool own = !impl_->in_batch;
  if (own) RASD_RETURN_IF_ERROR(BeginBatch());
  auto found = impl_->Find(id);
  Status s = found.ok() ? Status::Ok() : found.status();
  if (s.ok() && found->first != 0) s = impl_->DeleteRows(found->first);
  if (own) {
    if (!s.ok()) {
      RollbackBatch();
      return s;
    }
    RASD_RETURN_IF_ERROR(CommitBatch());
  }
  if (!s.ok()) return s;
  return found->first != 0;
}

StatusOr<std::vector<EventRow>> Store::QueryEvents(const EventQuery& q) {
  // The filters, order and page select keys only (page p); the sentence is cut
  // from the article text for the page's rows alone, not for every match.
  // Ties on the date: the most recently ingested article first, its events in
  // text order — the order of the events_date index, so no sort of a whole day.
  std::string sql = "SELECT e.doc_key AS k, e.idx AS i, e.date AS dt FROM events e";
  if (!q.source.empty()) sql += " JOIN documents d ON d.doc_key = e.doc_key";
  sql += " WHERE 1";
  std::vector<std::string> params;
  auto param = [&](const std::string& v) {
    params.push_back(v);
    return "?" + std::to_string(params.size());
  };
  auto participant = [&](const char* role, const std::string& code) {
    std::string p = param(code), end = param(PrefixEnd(code));
    // A UNION, not an OR: each half searches its own index (country, code).
    const std::string r = std::string("role = '") + role + "'";
    sql += " AND (e.doc_key, e.idx) IN (SELECT doc_key, event_idx FROM event_participants WHERE " + r +
           " AND country = " + p + " UNION SELECT doc_key, event_idx FROM event_participants WHERE " + r +
           " AND code >= " + p + " AND code < " + end + ")";
  };
  if (!q.actor.empty()) participant("actor", q.actor);
  if (!q.recipient.empty()) participant("recipient", q.recipient);
  if (!q.type.empty()) sql += " AND e.type = " + param(q.type);
  if (!q.cameo.empty()) sql += " AND e.cameo >= " + param(q.cameo) + " AND e.cameo < " + param(PrefixEnd(q.cameo));
  if (!q.since.empty()) sql += " AND e.date >= " + param(q.since);
  if (!q.until.empty()) sql += " AND e.date <> '' AND e.date <= " + param(UntilBound(q.until));
  if (!q.source.empty()) sql += " AND d.source = " + param(q.source);
  if (q.min_goldstein) sql += " AND e.goldstein >= " + std::to_string(*q.min_goldstein);
  if (q.quad_class != 0) sql += " AND e.quad_class = " + std::to_string(q.quad_class);
  if (q.min_confidence > 0) sql += " AND e.confidence >= " + std::to_string(q.min_confidence);
  if (!q.text_stems.empty()) {
    // Every stem must occur; each is quoted so FTS5 syntax in the query is inert.
    std::string match;
    for (const std::string& w : Split(q.text_stems, ' ')) {
      if (w.empty()) continue;
      std::string quoted = "\"";
      for (char c : w) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      quoted += "\"";
      match += (match.empty() ? "" : " AND ") + quoted;
    }
    if (!match.empty()) {
      sql += " AND e.doc_key IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH " + param(match) + ")";
    }
  }
  sql += " ORDER BY e.date DESC, e.doc_key DESC, e.idx";
  // SQLite needs a LIMIT before an OFFSET; -1 means none.
  if (q.limit > 0 || q.offset > 0) sql += " LIMIT " + std::to_string(q.limit > 0 ? q.limit : -1);
  if (q.offset > 0) sql += " OFFSET " + std::to_string(q.offset);
  // The page's rows in that order (CROSS JOIN keeps it: keys first), each
  // event by its primary key and its document's fields from the covering
  // index documents_meta (schema 2), never the article text.
  sql = "SELECT d.id, e.idx, e.date, e.type, e.mode, e.context, e.cameo, e.anchor_text, e.sentence, "
        "e.place, e.attribution_code, e.negated, e.modality, d.source, d.title, d.url, e.doc_key, e.goldstein, "
        "e.quad_class, e.intensity, e.cameo_name, e.sentence_number, e.loc_text, e.loc_basis, e.loc_country, "
        "e.loc_admin1, e.loc_city, e.loc_lat, e.loc_lon, e.loc_precision, e.confidence FROM (" +
        sql +
        ") p CROSS JOIN events e ON e.doc_key = p.k AND e.idx = p.i "
        "CROSS JOIN documents d INDEXED BY documents_meta ON d.doc_key = p.k "
        "ORDER BY p.dt DESC, p.k DESC, p.i";

  auto cached = impl_->Cached(sql);
  if (!cached.ok()) return cached.status();
  Statement& st = **cached;
  Statement& parts = impl_->query_participants;
  if (!parts.prepared()) {
    RASD_RETURN_IF_ERROR(parts.Prepare(impl_->db,
                                       "SELECT role, code, text, country, sector FROM event_participants WHERE doc_key = ?1 AND "
                                       "event_idx = ?2 ORDER BY role, pos"));
  }
  // Both go back to the cache reset, whichever way this returns.
  struct ResetOnExit {
    Statement& a;
    Statement& b;
    ~ResetOnExit() {
      a.Reset();
      b.Reset();
    }
  } reset_on_exit{st, parts};
  for (size_t i = 0; i < params.size(); ++i) st.Bind(static_cast<int>(i + 1), params[i]);
  std::vector<EventRow> rows;
  while (true) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    EventRow r;
    r.doc_id = st.Text(0);
    r.event_index = static_cast<int>(st.Int(1));
    r.date = st.Text(2);
    r.type = st.Text(3);
    r.mode = st.Text(4);
    r.context = Split(st.Text(5), kSep);
    r.cameo = st.Text(6);
    r.anchor = st.Text(7);
    r.sentence = st.Text(8);
    r.place = st.Text(9);
    r.attribution_code = st.Text(10);
    r.negated = st.Int(11) != 0;
    r.modality = st.Text(12);
    r.source = st.Text(13);
    r.title = st.Text(14);
    r.url = st.Text(15);
    if (!st.IsNull(17)) r.goldstein = st.Double(17);
    r.quad_class = static_cast<int>(st.Int(18));
    if (!st.IsNull(19)) r.intensity = st.Double(19);
    r.cameo_name = st.Text(20);
    r.sentence_number = static_cast<int>(st.Int(21));
    r.location = LocationAt(st, 22);
    r.confidence = st.Double(30);
    parts.Bind(1, st.Int(16));
    parts.Bind(2, static_cast<int64_t>(r.event_index));
    while (true) {
      auto p = parts.Step();
      if (!p.ok()) return p.status();
      if (!*p) break;
      bool actor = parts.Text(0) == "actor";
      (actor ? r.actor_codes : r.recipient_codes).push_back(parts.Text(1));
      (actor ? r.actor_texts : r.recipient_texts).push_back(parts.Text(2));
      (actor ? r.actor_countries : r.recipient_countries).push_back(parts.Text(3));
      (actor ? r.actor_sectors : r.recipient_sectors).push_back(parts.Text(4));
    }
    parts.Reset();
    rows.push_back(std::move(r));
  }
  return rows;
}

StatusOr<std::vector<CountRow>> Store::CountEvents(const std::string& by, int64_t limit) {
  std::string sql;
  if (by == "type") {
    sql = "SELECT type, count(*) AS n FROM events GROUP BY type";
  } else if (by == "month") {
    sql = "SELECT CASE WHEN date = '' THEN '(no date)' ELSE substr(date, 1, 7) END AS k, count(*) AS n "
          "FROM events GROUP BY k";
  } else if (by == "source") {
    sql = "SELECT CASE WHEN d.source = '' THEN '(no source)' ELSE d.source END AS k, count(*) AS n "
          "FROM events e JOIN documents d ON d.doc_key = e.doc_key GROUP BY k";
  } else if (by == "dyad") {
    sql = "SELECT coalesce((SELECT group_concat(code, '+') FROM (SELECT code FROM event_participants p "
          "WHERE p.doc_key = e.doc_key AND p.event_idx = e.idx AND p.role = 'actor' ORDER BY pos)), '') || ' > ' || "
          "coalesce((SELECT group_concat(code, '+') FROM (SELECT code FROM event_participants p "
          "WHERE p.doc_key = e.doc_key AND p.event_idx = e.idx AND p.role = 'recipient' ORDER BY pos)), '-') AS k, "
          "count(*) AS n FROM events e GROUP BY k";
  } else {
    return InvalidArgumentError("count by '" + by + "': expected dyad, type, month or source");
  }
  sql += " ORDER BY n DESC, 1";
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  Statement st;
  RASD_RETURN_IF_ERROR(st.Prepare(impl_->db, sql));
  std::vector<CountRow> rows;
  while (true) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    rows.push_back({st.Text(0), st.Int(1)});
  }
  return rows;
}

StatusOr<std::vector<AggregateRow>> Store::AggregateGoldstein(const std::string& by, const std::string& per) {
  auto side = [](const char* role, const char* none) {
    return std::string("coalesce((SELECT group_concat(code, '+') FROM (SELECT code FROM event_participants p "
                       "WHERE p.doc_key = e.doc_key AND p.event_idx = e.idx AND p.role = '") +
           role + "' ORDER BY pos)), '" + none + "')";
  };
  std::string key;
  if (by.empty()) {
    key = "''";
  } else if (by == "dyad") {
    key = side("actor", "") + " || ' > ' || " + side("recipient", "-");
  } else if (by == "actor") {
    key = side("actor", "");
  } else if (by == "recipient") {
    key = side("recipient", "-");
  } else if (by == "type") {
    key = "e.type";
  } else if (by == "country") {
    key = "CASE WHEN e.loc_country = '' THEN '(no location)' ELSE e.loc_country END";
  } else if (by == "source") {
    key = "(SELECT CASE WHEN d.source = '' THEN '(no source)' ELSE d.source END FROM documents d "
          "WHERE d.doc_key = e.doc_key)";
  } else {
    return InvalidArgumentError("aggregate by '" + by + "': expected dyad, actor, recipient, type, country or source");
  }
  std::string period;
  if (per.empty()) {
    period = "''";
  } else if (per == "day" || per == "month" || per == "year") {
    const char* len = per == "day" ? "10" : per == "month" ? "7" : "4";
    period = std::string("CASE WHEN e.date = '' THEN '(no date)' ELSE substr(e.date, 1, ") + len + ") END";
  } else {
    return InvalidArgumentError("aggregate per '" + per + "': expected day, month or year");
  }
  const std::string sql = "SELECT " + key + " AS k, " + period +
                          " AS t, count(*), count(e.goldstein), coalesce(sum(e.goldstein), 0) FROM events e "
                          "GROUP BY k, t ORDER BY k, t";
  Statement st;
  RASD_RETURN_IF_ERROR(st.Prepare(impl_->db, sql));
  std::vector<AggregateRow> rows;
  while (true) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    AggregateRow r{st.Text(0), st.Text(1), st.Int(2), st.Int(3), st.Double(4), 0};
    if (r.scored > 0) r.mean = r.sum / static_cast<double>(r.scored);
    rows.push_back(std::move(r));
  }
  return rows;
}

StatusOr<StoreTotals> Store::Totals() {
  Statement st;
  RASD_RETURN_IF_ERROR(st.Prepare(impl_->db,
                             "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entities), "
                             "(SELECT count(*) FROM events)"));
  auto row = st.Step();
  if (!row.ok()) return row.status();
  StoreTotals t;
  t.documents = st.Int(0);
  t.entities = st.Int(1);
  t.events = st.Int(2);
  t.schema_version = impl_->version;
  return t;
}

StatusOr<std::optional<std::pair<DocumentMeta, Document>>> Store::Get(const std::string& id) {
  using Result = std::optional<std::pair<DocumentMeta, Document>>;
  Statement st;
  RASD_RETURN_IF_ERROR(
      st.Prepare(impl_->db, "SELECT doc_key, id, date, title, source, url, text FROM documents WHERE id = ?1"));
  st.Bind(1, id);
  auto row = st.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Result();
  const int64_t key = st.Int(0);
  DocumentMeta meta{st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5)};
  Document doc;
  doc.id = meta.id;
  doc.date = meta.date;
  doc.text = st.Text(6);
  const uint32_t size = static_cast<uint32_t>(doc.text.size());
  auto span = [size](int64_t b, int64_t e) {
    Span s{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    if (s.end > size) s.end = size;
    if (s.begin > s.end) s.begin = s.end;
    return s;
  };

  Statement ents;
  RASD_RETURN_IF_ERROR(ents.Prepare(impl_->db,
                               "SELECT type, text, begin_byte, end_byte, value, granularity, qualifier, country, "
                               "sector, code, cluster, roles, origin FROM entities WHERE doc_key = ?1 ORDER BY idx"));
  ents.Bind(1, key);
  while (true) {
    auto r = ents.Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    Entity e;
    const std::string type = ents.Text(0);
    for (int t = 0; t <= static_cast<int>(EntityType::kMisc); ++t) {
      if (type == EntityTypeName(static_cast<EntityType>(t))) e.type = static_cast<EntityType>(t);
    }
    e.text = ents.Text(1);
    e.span = span(ents.Int(2), ents.Int(3));
    e.value = ents.Text(4);
    e.granularity = ents.Text(5);
    e.qualifier = ents.Text(6);
    e.country = ents.Text(7);
    e.sector = ents.Text(8);
    e.code = ents.Text(9);
    e.cluster = static_cast<int32_t>(ents.Int(10));
    e.roles = Split(ents.Text(11), kSep);
    e.source = ents.Text(12);
    doc.entities.push_back(std::move(e));
  }

  Statement evs;
  RASD_RETURN_IF_ERROR(evs.Prepare(
      impl_->db,
      "SELECT idx, type, mode, context, cameo, date, date_text, place, sentence_begin, sentence_end, anchor_begin, "
      "anchor_end, attribution_text, attribution_code, negated, modality, confidence, goldstein, quad_class, "
      "intensity, cameo_name, loc_text, loc_basis, loc_country, loc_admin1, loc_city, loc_lat, loc_lon, "
      "loc_precision FROM events WHERE doc_key = ?1 ORDER BY idx"));
  Statement parts;
  RASD_RETURN_IF_ERROR(parts.Prepare(impl_->db,
                                "SELECT role, text, code, country, sector, cluster, entity FROM event_participants "
                                "WHERE doc_key = ?1 AND event_idx = ?2 ORDER BY role, pos"));
  evs.Bind(1, key);
  while (true) {
    auto r = evs.Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    Event ev;
    const int64_t idx = evs.Int(0);
    ev.type = evs.Text(1);
    ev.mode = evs.Text(2);
    ev.context = Split(evs.Text(3), kSep);
    ev.cameo = evs.Text(4);
    ev.date = evs.Text(5);
    ev.date_text = evs.Text(6);
    ev.place = evs.Text(7);
    Span sentence = span(evs.Int(8), evs.Int(9));
    // Only the sentences events point to are restored, in event order.
    if (doc.sentences.empty() || !(doc.sentences.back().span == sentence)) doc.sentences.push_back({sentence, 0, 0});
    ev.sentence = static_cast<uint32_t>(doc.sentences.size() - 1);
    ev.anchor = span(evs.Int(10), evs.Int(11));
    ev.attribution_text = evs.Text(12);
    ev.attribution_code = evs.Text(13);
    ev.negated = evs.Int(14) != 0;
    ev.modality = evs.Text(15);
    ev.confidence = static_cast<float>(evs.Double(16));
    ev.goldstein = evs.Double(17);
    ev.quad_class = static_cast<int>(evs.Int(18));
    ev.intensity = evs.Double(19);
    ev.cameo_name = evs.Text(20);
    ev.location = LocationAt(evs, 21);
    parts.Bind(1, key);
    parts.Bind(2, idx);
    while (true) {
      auto p = parts.Step();
      if (!p.ok()) return p.status();
      if (!*p) break;
      EventActor a{parts.Text(1), parts.Text(3), parts.Text(4), parts.Text(2),
                   static_cast<int32_t>(parts.Int(5)), static_cast<int32_t>(parts.Int(6))};
      (parts.Text(0) == "actor" ? ev.actor : ev.recipient).push_back(std::move(a));
    }
    parts.Reset();
    doc.events.push_back(std::move(ev));
  }
  return Result(std::make_pair(std::move(meta), std::move(doc)));
}

}  // namespace rasd
