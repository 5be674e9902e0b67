#include "server/api.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "json/document_json.h"
#include "json/event_row_json.h"
#include "json/json_object_reader.h"
#include "rasd/engine.h"
#include "rasd/limits.h"
#include "rasd/storage.h"
#include "rasd/version.h"

namespace rasd::server {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr int64_t kDefaultEventLimit = 50;
// The timeline and network views aggregate one page of events client-side.
constexpr int64_t kMaxEventLimit = 10000;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

HttpResponse JsonAnswer(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kResourceExhausted: return 413;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

int HexDigit(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

// %XX decoding (and '+' as a space in query strings); a malformed escape is
// kept as written.
std::string PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexDigit(s[i + 1]) >= 0 && HexDigit(s[i + 2]) >= 0) {
      out += static_cast<char>(HexDigit(s[i + 1]) * 16 + HexDigit(s[i + 2]));
      i += 2;
    } else {
      out += plus_is_space && s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

using Params = std::map<std::string, std::string>;

Params ParseQuery(std::string_view q) {
  Params p;
  while (!q.empty()) {
    const size_t amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    p.emplace(PercentDecode(pair.substr(0, eq), true),
              eq == std::string_view::npos ? std::string() : PercentDecode(pair.substr(eq + 1), true));
  }
  return p;
}

// A whole decimal number within [lo, hi]; a filter's optional value is set only then.
template <typename Optional>
bool ParseNumber(const std::string& text, double lo, double hi, Optional* out) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !(v >= lo && v <= hi)) return false;
  *out = v;
  return true;
}

std::string Param(const Params& p, const char* name) {
  auto it = p.find(name);
  return it == p.end() ? std::string() : it->second;
}

// A non-negative integer parameter; false on garbage.
bool ParseCount(const Params& p, const char* name, int64_t* out) {
  auto it = p.find(name);
  if (it == p.end()) return true;
  const std::string& v = it->second;
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < 0) return false;
  *out = n;
  return true;
}

// Read-only connections lent to worker threads: a Store is one SQLite
// connection and must not be shared, and opening one per request would cost
// more than a typical query.
class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  StatusOr<Lease> Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        std::unique_ptr<Store> s = std::move(free_.back());
        free_.pop_back();
        return Lease(this, std::move(s));
      }
    }
    std::error_code ec;
    if (path_ != ":memory:" && !fs::exists(path_, ec)) {
      return UnavailableError(path_ + ": no such database (run rasd ingest first; see docs/storage.md)");
    }
    auto store = Store::Open(path_, {.read_only = true, .busy_timeout_ms = 2000});
    if (!store.ok()) return UnavailableError(store.status().message());
    return Lease(this, std::move(*store));
  }

 private:
  void Return(std::unique_ptr<Store> s) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(s));
  }

  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> free_;
};

const char* MimeType(const fs::path& p) {
  static const std::map<std::string, const char*> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"}, {".map", "application/json; charset=utf-8"},
      {".woff2", "font/woff2"}, {".woff", "font/woff"}, {".wasm", "application/wasm"}};
  auto it = kTypes.find(p.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

}  // namespace

std::string HttpRequest::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (EqualsIgnoreCase(k, name)) return v;
  }
  return std::string();
}

struct Api::Impl {
  ServerOptions options;
  std::unique_ptr<Engine> engine;
  mutable StorePool stores;
  bool has_page = false;
  fs::path web_root;  // canonical

  explicit Impl(const ServerOptions& o) : options(o), stores(o.db) {}

  // DNS rebinding defence: a page on evil.example that rebinds its name to
  // 127.0.0.1 sends Host: evil.example. IP literals and localhost are
  // always fine (rebinding needs a name); other names only when allowed.
  bool HostAllowed(std::string host) const {
    if (host.empty()) return true;  // HTTP/1.0
    if (host.front() == '[') return host.find(']') != std::string::npos;  // [::1]:8080
    const size_t colon = host.rfind(':');
    if (colon != std::string::npos) host.resize(colon);
    std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
    if (host == "localhost" || host == options.host) return true;
    if (!host.empty() && std::all_of(host.begin(), host.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) {
      return true;
    }
    for (const std::string& h : options.allowed_hosts) {
      if (EqualsIgnoreCase(h, host) || h == "*") return true;
    }
    return false;
  }

  HttpResponse Extract(const HttpRequest& req) const {
    InputLimits limits;
    limits.max_line_bytes = options.max_body_bytes;
    auto members = ReadJsonObject(req.body, limits);
    if (!members.ok()) {
      const Status& s = members.status();
      if (s.code() == StatusCode::kResourceExhausted) return Error(413, "the request body is too large: " + s.message());
      return Error(400, "the request body is refused: " + s.message());
    }
    AnalyzeOptions options;
    options.id = "request";
    const std::string* text = nullptr;
    JsonOptions jo;
    jo.tokens = false;
    for (const JsonMember& m : *members) {
      const bool null = m.kind == JsonKind::kNull;
      if (m.key == "text") {
        if (m.kind != JsonKind::kString) return Error(400, "field 'text' (a string) is required");
        text = &m.value;
      } else if (m.key == "date" && !null) {
        if (m.kind != JsonKind::kString) return Error(400, "field 'date' must be a string");
        if (!m.value.empty()) {
          Status valid = ValidateDate(m.value, /*allow_time=*/false, &options.date);
          if (!valid.ok()) return Error(400, "field 'date': " + valid.message());
        }
      } else if (m.key == "id" && !null) {
        if (m.kind != JsonKind::kString) return Error(400, "field 'id' must be a string");
        options.id = m.value;
      } else if (m.key == "source" && !null) {
        if (m.kind != JsonKind::kString) return Error(400, "field 'source' must be a string");
        options.source = m.value;
      } else if (m.key == "min_confidence" && !null) {
        double v = -1;
        if (m.kind == JsonKind::kNumber) {
          std::istringstream in(m.value);
          in >> v;
        }
        if (m.kind != JsonKind::kNumber || !(v >= 0 && v <= 1)) {
          return Error(400, "field 'min_confidence' must be a number from 0 to 1");
        }
        options.min_confidence = static_cast<float>(v);
      } else if (m.key == "tokens" && !null) {
        if (m.kind != JsonKind::kTrue && m.kind != JsonKind::kFalse) {
          return Error(400, "field 'tokens' must be true or false");
        }
        jo.tokens = m.kind == JsonKind::kTrue;
      }
    }
    if (text == nullptr) return Error(400, "field 'text' (a string) is required");
    return JsonAnswer(200, DocumentToJson(engine->Analyze(*text, options), jo));
  }

  HttpResponse Events(const Params& p) const {
    EventQuery q;
    q.actor = Param(p, "actor");
    q.recipient = Param(p, "recipient");
    q.type = Param(p, "type");
    q.cameo = Param(p, "cameo");
    q.since = Param(p, "since");
    q.until = Param(p, "until");
    q.source = Param(p, "source");
    // Intensity and certainty filters (docs/server.md): a Goldstein floor, a
    // confidence floor and a QuadClass.
    if (const std::string g = Param(p, "min_goldstein"); !g.empty()) {
      if (!ParseNumber(g, -10, 10, &q.min_goldstein)) return Error(400, "min_goldstein must be a number from -10 to 10");
    }
    if (const std::string m = Param(p, "min_confidence"); !m.empty()) {
      if (!ParseNumber(m, 0, 1, &q.min_confidence)) return Error(400, "min_confidence must be a number from 0 to 1");
    }
    if (const std::string quad = Param(p, "quad"); !quad.empty()) {
      if (quad.size() != 1 || quad[0] < '1' || quad[0] > '4') return Error(400, "quad must be 1, 2, 3 or 4");
      q.quad_class = quad[0] - '0';
    }
    for (const std::string* d : {&q.since, &q.until}) {
      Status valid = d->empty() ? Status::Ok() : ValidateDatePrefix(*d);
      if (!valid.ok()) return Error(400, "since/until: " + valid.message());
    }
    int64_t limit = kDefaultEventLimit, offset = 0;
    if (!ParseCount(p, "limit", &limit) || !ParseCount(p, "offset", &offset)) {
      return Error(400, "limit and offset must be non-negative integers");
    }
    if (limit == 0 || limit > kMaxEventLimit) {
      return Error(400, "limit must be between 1 and " + std::to_string(kMaxEventLimit));
    }
    const std::string text = Param(p, "text");
    if (!text.empty()) {
      // The same stems the index holds (as `rasd query --text` does).
      AnalyzeOptions ao;
      ao.text_only = true;
      q.text_stems = IndexStems(engine->Analyze(text, ao));
      if (q.text_stems.empty()) return Error(400, "text has no words");
    }
    // One extra row tells whether there is a next page.
    q.limit = limit + 1;
    q.offset = offset;
    auto store = stores.Acquire();
    if (!store.ok()) return Error(HttpStatus(store.status()), store.status().message());
    auto rows = (*store)->QueryEvents(q);
    if (!rows.ok()) return Error(500, rows.status().message());
    const bool more = static_cast<int64_t>(rows->size()) > limit;
    if (more) rows->pop_back();
    std::string out = "{\"events\":[";
    for (size_t i = 0; i < rows->size(); ++i) {
      if (i > 0) out += ',';
      AppendEventRowJson((*rows)[i], true, &out);
    }
    out += "],\"offset\":" + std::to_string(offset) + ",\"limit\":" + std::to_string(limit) +
           ",\"next_offset\":" + (more ? std::to_string(offset + limit) : "null") + "}";
    return JsonAnswer(200, std::move(out));
  }

  HttpResponse GetDocument(const std::string& id) const {
    auto store = stores.Acquire();
    if (!store.ok()) return Error(HttpStatus(store.status()), store.status().message());
    auto got = (*store)->Get(id);
    if (!got.ok()) return Error(500, got.status().message());
    if (!got->has_value()) return Error(404, "no document with id '" + id + "'");
    const DocumentMeta& m = (*got)->first;
    Json meta;
    meta["id"] = m.id;
    meta["date"] = m.date;
    meta["title"] = m.title;
    meta["source"] = m.source;
    meta["url"] = m.url;
    JsonOptions jo;
    jo.tokens = false;
    return JsonAnswer(200, "{\"meta\":" + Dump(meta) + ",\"document\":" + DocumentToJson((*got)->second, jo) + "}");
  }

  HttpResponse Stats(const Params& p) const {
    int64_t limit = 0;
    if (!ParseCount(p, "limit", &limit)) return Error(400, "limit must be a non-negative integer");
    auto store = stores.Acquire();
    if (!store.ok()) return Error(HttpStatus(store.status()), store.status().message());
    Json j;
    if (p.count("by") == 0) {
      auto t = (*store)->Totals();
      if (!t.ok()) return Error(500, t.status().message());
      j["documents"] = t->documents;
      j["entities"] = t->entities;
      j["events"] = t->events;
      j["schema_version"] = t->schema_version;
    } else {
      const std::string by = Param(p, "by");
      auto rows = (*store)->CountEvents(by, limit);
      if (!rows.ok()) return Error(HttpStatus(rows.status()), rows.status().message());
      j["by"] = by;
      Json arr = Json::array();
      for (const CountRow& r : *rows) arr.push_back(Json{{"key", r.key}, {"count", r.count}});
      j["rows"] = std::move(arr);
    }
    return JsonAnswer(200, Dump(j));
  }

  HttpResponse Health() const {
    Json j;
    j["status"] = "ok";
    j["version"] = RASD_VERSION;
    j["lexicon_entries"] = engine->lexicon_size();
    j["db"] = options.db;
    auto store = stores.Acquire();
    j["db_ok"] = store.ok();
    if (!store.ok()) j["db_error"] = store.status().message();
    j["page"] = has_page;
    return JsonAnswer(200, Dump(j));
  }

  // A file under the web root. Paths are decoded, then any '..' segment,
  // backslash or NUL is refused, and the resolved file must still lie
  // under the root (symbolic links cannot lead out).
  HttpResponse StaticFile(const std::string& raw_path) const {
    if (!has_page) {
      HttpResponse r;
      r.status = raw_path == "/" ? 503 : 404;
      r.content_type = "text/plain; charset=utf-8";
      r.body = raw_path == "/" ? "rasd serve: the web page is not built (no index.html in '" + options.web_dir +
                                     "'). Run `bash scripts/setup.sh` with Node.js and npm installed, or pass --web "
                                     "DIR. The JSON API under /api/ works without it (docs/server.md).\n"
                               : "not found\n";
      return r;
    }
    const std::string path = PercentDecode(raw_path, false);
    fs::path rel;
    size_t start = 0;
    while (start <= path.size()) {
      size_t slash = path.find('/', start);
      if (slash == std::string::npos) slash = path.size();
      const std::string seg = path.substr(start, slash - start);
      if (seg == ".." || seg.find('\\') != std::string::npos || seg.find('\0') != std::string::npos) {
        return Error(404, "not found");
      }
      if (!seg.empty() && seg != ".") rel /= seg;
      start = slash + 1;
    }
    if (path.empty() || path.back() == '/') rel /= "index.html";
    std::error_code ec;
    fs::path file = fs::weakly_canonical(web_root / rel, ec);
    if (ec || !fs::is_regular_file(file, ec)) return Error(404, "not found");
    const std::string root = web_root.string() + "/";
    if (file.string().compare(0, root.size(), root) != 0) return Error(404, "not found");
    std::ifstream in(file, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    if (!in) return Error(404, "not found");
    HttpResponse r;
    r.content_type = MimeType(file);
    r.body = data.str();
    return r;
  }
};

Api::Api(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Api::~Api() = default;

StatusOr<std::unique_ptr<Api>> Api::Create(const ServerOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  auto engine = Engine::Create();
  if (!engine.ok()) return engine.status();
  impl->engine = std::move(*engine);
  std::error_code ec;
  impl->has_page = !options.web_dir.empty() && fs::is_regular_file(fs::path(options.web_dir) / "index.html", ec);
  if (impl->has_page) impl->web_root = fs::canonical(options.web_dir, ec);
  if (ec) impl->has_page = false;
  return std::unique_ptr<Api>(new Api(std::move(impl)));
}

HttpResponse Api::Error(int status, const std::string& message) {
  Json j;
  j["error"] = message;
  j["status"] = status;
  return JsonAnswer(status, Dump(j));
}

HttpResponse Api::Handle(const HttpRequest& req) const {
  const Impl& a = *impl_;
  const std::string host = req.Header("Host");
  if (!a.HostAllowed(host)) {
    return Error(403, "Host '" + host + "' is not allowed; start the server with --allow-host NAME to serve it");
  }
  const size_t q = req.target.find('?');
  const std::string raw_path = req.target.substr(0, q);
  const Params params = ParseQuery(q == std::string::npos ? std::string_view() : std::string_view(req.target).substr(q + 1));
  const bool get = req.method == "GET" || req.method == "HEAD";
  auto not_allowed = [](const char* allow) {
    HttpResponse r = Error(405, std::string("method not allowed; use ") + allow);
    r.headers.emplace_back("Allow", allow);
    return r;
  };
  if (raw_path == "/api/extract") {
    if (req.method != "POST") return not_allowed("POST");
    // JSON only: a cross-site page may send text/plain or a form without a
    // preflight, so those must not reach the engine.
    const std::string type = req.Header("Content-Type");
    const std::string_view media = std::string_view(type).substr(0, type.find(';'));
    if (!EqualsIgnoreCase(media.substr(0, media.find_last_not_of(" \t") + 1), "application/json")) {
      return Error(415, "Content-Type must be application/json, got '" + type + "'");
    }
    return a.Extract(req);
  }
  const std::string docs = "/api/documents/";
  const bool is_doc = raw_path.compare(0, docs.size(), docs) == 0 && raw_path.size() > docs.size();
  if (raw_path == "/api/events" || raw_path == "/api/stats" || raw_path == "/api/health" || is_doc) {
    if (!get) return not_allowed("GET");
    if (raw_path == "/api/events") return a.Events(params);
    if (raw_path == "/api/stats") return a.Stats(params);
    if (raw_path == "/api/health") return a.Health();
    return a.GetDocument(PercentDecode(raw_path.substr(docs.size()), false));
  }
  if (raw_path.compare(0, 5, "/api/") == 0 || raw_path == "/api") {
    return Error(404, "no such API endpoint: " + raw_path);
  }
  if (!get) return not_allowed("GET");
  if (raw_path.empty() || raw_path[0] != '/') return Error(400, "bad request target");
  return a.StaticFile(raw_path);
}

}  // namespace rasd::server
