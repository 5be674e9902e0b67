#include "server/server.h"

#include <cstdlib>

#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <vector>

#include "json/document_json.h"
#include "json/event_row_json.h"
#include "rasd/engine.h"
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

void SendJson(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  Json j;
  j["error"] = message;
  j["status"] = status;
  SendJson(res, status, Dump(j));
}

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

bool IsDate(const std::string& s, bool allow_prefix) {
  static const std::regex day(R"(\d{4}-\d{2}-\d{2})");
  static const std::regex prefix(R"(\d{4}(-\d{2}(-\d{2})?)?)");
  return std::regex_match(s, allow_prefix ? prefix : day);
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

// Parses a non-negative integer query parameter; false on garbage.
bool ParseCount(const httplib::Request& req, const char* name, int64_t* out) {
  if (!req.has_param(name)) return true;
  const std::string v = req.get_param_value(name);
  int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < 0) return false;
  *out = n;
  return true;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  std::unique_ptr<Engine> engine;
  StorePool stores;
  httplib::Server http;
  bool has_page = false;

  explicit Impl(const ServerOptions& o) : options(o), stores(o.db) {}

  void Extract(const httplib::Request& req, httplib::Response& res) {
    Json body = Json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded()) return SendError(res, 400, "the request body is not valid JSON");
    if (!body.is_object()) return SendError(res, 400, "the request body must be a JSON object");
    if (!body.contains("text") || !body["text"].is_string()) {
      return SendError(res, 400, "field 'text' (a string) is required");
    }
    AnalyzeOptions options;
    options.id = "request";
    for (const char* field : {"date", "id"}) {
      if (!body.contains(field) || body[field].is_null()) continue;
      if (!body[field].is_string()) return SendError(res, 400, std::string("field '") + field + "' must be a string");
    }
    if (body.contains("date") && body["date"].is_string()) {
      options.date = body["date"].get<std::string>();
      if (!options.date.empty() && !IsDate(options.date, false)) {
        return SendError(res, 400, "field 'date' must be YYYY-MM-DD, got '" + options.date + "'");
      }
    }
    if (body.contains("id") && body["id"].is_string()) options.id = body["id"].get<std::string>();
    if (body.contains("min_confidence") && !body["min_confidence"].is_null()) {
      const Json& m = body["min_confidence"];
      if (!m.is_number() || m.get<double>() < 0 || m.get<double>() > 1) {
        return SendError(res, 400, "field 'min_confidence' must be a number from 0 to 1");
      }
      options.min_confidence = m.get<float>();
    }
    JsonOptions jo;
    jo.tokens = body.contains("tokens") && body["tokens"].is_boolean() && body["tokens"].get<bool>();
    const std::string& text = body["text"].get_ref<const std::string&>();
    SendJson(res, 200, DocumentToJson(engine->Analyze(text, options), jo));
  }

  void Events(const httplib::Request& req, httplib::Response& res) {
    EventQuery q;
    q.actor = req.get_param_value("actor");
    q.recipient = req.get_param_value("recipient");
    q.type = req.get_param_value("type");
    q.cameo = req.get_param_value("cameo");
    q.since = req.get_param_value("since");
    q.until = req.get_param_value("until");
    q.source = req.get_param_value("source");
    // Intensity filters (docs/server.md): a Goldstein floor and a QuadClass.
    if (const std::string g = req.get_param_value("min_goldstein"); !g.empty()) {
      char* end = nullptr;
      const double v = std::strtod(g.c_str(), &end);
      if (end == g.c_str() || *end != '\0' || v < -10 || v > 10) {
        return SendError(res, 400, "min_goldstein must be a number from -10 to 10");
      }
      q.min_goldstein = v;
    }
    if (const std::string m = req.get_param_value("min_confidence"); !m.empty()) {
      char* end = nullptr;
      const double v = std::strtod(m.c_str(), &end);
      if (end == m.c_str() || *end != '\0' || !(v >= 0 && v <= 1)) {
        return SendError(res, 400, "min_confidence must be a number from 0 to 1");
      }
      q.min_confidence = v;
    }
    if (const std::string quad = req.get_param_value("quad"); !quad.empty()) {
      if (quad.size() != 1 || quad[0] < '1' || quad[0] > '4') return SendError(res, 400, "quad must be 1, 2, 3 or 4");
      q.quad_class = quad[0] - '0';
    }
    for (const std::string* d : {&q.since, &q.until}) {
      if (!d->empty() && !IsDate(*d, true)) {
        return SendError(res, 400, "since/until must be YYYY, YYYY-MM or YYYY-MM-DD, got '" + *d + "'");
      }
    }
    int64_t limit = kDefaultEventLimit, offset = 0;
    if (!ParseCount(req, "limit", &limit) || !ParseCount(req, "offset", &offset)) {
      return SendError(res, 400, "limit and offset must be non-negative integers");
    }
    if (limit == 0 || limit > kMaxEventLimit) {
      return SendError(res, 400, "limit must be between 1 and " + std::to_string(kMaxEventLimit));
    }
    const std::string text = req.get_param_value("text");
    if (!text.empty()) {
      // The same stems the index holds (as `rasd query --text` does).
      AnalyzeOptions ao;
      ao.text_only = true;
      q.text_stems = IndexStems(engine->Analyze(text, ao));
      if (q.text_stems.empty()) return SendError(res, 400, "text has no words");
    }
    // One extra row tells whether there is a next page.
    q.limit = limit + 1;
    q.offset = offset;
    auto store = stores.Acquire();
    if (!store.ok()) return SendError(res, HttpStatus(store.status()), store.status().message());
    auto rows = (*store)->QueryEvents(q);
    if (!rows.ok()) return SendError(res, 500, rows.status().message());
    const bool more = static_cast<int64_t>(rows->size()) > limit;
    if (more) rows->pop_back();
    std::string out = "{\"events\":[";
    for (size_t i = 0; i < rows->size(); ++i) {
      if (i > 0) out += ',';
      AppendEventRowJson((*rows)[i], true, &out);
    }
    out += "],\"offset\":" + std::to_string(offset) + ",\"limit\":" + std::to_string(limit) +
           ",\"next_offset\":" + (more ? std::to_string(offset + limit) : "null") + "}";
    SendJson(res, 200, out);
  }

  void GetDocument(const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    auto store = stores.Acquire();
    if (!store.ok()) return SendError(res, HttpStatus(store.status()), store.status().message());
    auto got = (*store)->Get(id);
    if (!got.ok()) return SendError(res, 500, got.status().message());
    if (!got->has_value()) return SendError(res, 404, "no document with id '" + id + "'");
    const DocumentMeta& m = (*got)->first;
    Json meta;
    meta["id"] = m.id;
    meta["date"] = m.date;
    meta["title"] = m.title;
    meta["source"] = m.source;
    meta["url"] = m.url;
    JsonOptions jo;
    jo.tokens = false;
    SendJson(res, 200, "{\"meta\":" + Dump(meta) + ",\"document\":" + DocumentToJson((*got)->second, jo) + "}");
  }

  void Stats(const httplib::Request& req, httplib::Response& res) {
    int64_t limit = 0;
    if (!ParseCount(req, "limit", &limit)) return SendError(res, 400, "limit must be a non-negative integer");
    auto store = stores.Acquire();
    if (!store.ok()) return SendError(res, HttpStatus(store.status()), store.status().message());
    Json j;
    if (!req.has_param("by")) {
      auto t = (*store)->Totals();
      if (!t.ok()) return SendError(res, 500, t.status().message());
      j["documents"] = t->documents;
      j["entities"] = t->entities;
      j["events"] = t->events;
      j["schema_version"] = t->schema_version;
    } else {
      const std::string by = req.get_param_value("by");
      auto rows = (*store)->CountEvents(by, limit);
      if (!rows.ok()) return SendError(res, HttpStatus(rows.status()), rows.status().message());
      j["by"] = by;
      Json arr = Json::array();
      for (const CountRow& r : *rows) arr.push_back(Json{{"key", r.key}, {"count", r.count}});
      j["rows"] = std::move(arr);
    }
    SendJson(res, 200, Dump(j));
  }

  void Health(httplib::Response& res) {
    Json j;
    j["status"] = "ok";
    j["version"] = RASD_VERSION;
    j["lexicon_entries"] = engine->lexicon_size();
    j["db"] = options.db;
    auto store = stores.Acquire();
    j["db_ok"] = store.ok();
    if (!store.ok()) j["db_error"] = store.status().message();
    j["page"] = has_page;
    SendJson(res, 200, Dump(j));
  }

  void Routes() {
    http.Post("/api/extract", [this](const httplib::Request& q, httplib::Response& r) { Extract(q, r); });
    http.Get("/api/events", [this](const httplib::Request& q, httplib::Response& r) { Events(q, r); });
    http.Get("/api/documents/(.+)", [this](const httplib::Request& q, httplib::Response& r) { GetDocument(q, r); });
    http.Get("/api/stats", [this](const httplib::Request& q, httplib::Response& r) { Stats(q, r); });
    http.Get("/api/health", [this](const httplib::Request&, httplib::Response& r) { Health(r); });
    // Known paths with the wrong method: 405 with the allowed one.
    auto not_allowed = [](const char* allow) {
      return [allow](const httplib::Request&, httplib::Response& r) {
        r.set_header("Allow", allow);
        SendError(r, 405, std::string("method not allowed; use ") + allow);
      };
    };
    const char* get_paths = "/api/(events|documents/.+|stats|health)";
    http.Post(get_paths, not_allowed("GET"));
    http.Put(get_paths, not_allowed("GET"));
    http.Patch(get_paths, not_allowed("GET"));
    http.Delete(get_paths, not_allowed("GET"));
    http.Put("/api/extract", not_allowed("POST"));
    http.Patch("/api/extract", not_allowed("POST"));
    http.Delete("/api/extract", not_allowed("POST"));
    http.Get("/api/extract", not_allowed("POST"));
    // Unknown /api/ paths are JSON 404s rather than file lookups.
    http.Get("/api/.*", [](const httplib::Request& q, httplib::Response& r) {
      SendError(r, 404, "no such API endpoint: " + q.path);
    });
  }

  void StaticFiles() {
    std::error_code ec;
    has_page = !options.web_dir.empty() && fs::is_regular_file(fs::path(options.web_dir) / "index.html", ec);
    if (has_page) {
      // httplib refuses paths that climb out of the mount (.., encoded or not).
      http.set_mount_point("/", options.web_dir);
      http.set_file_extension_and_mimetype_mapping("js", "text/javascript; charset=utf-8");
      http.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
      http.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");
    } else {
      http.Get("/", [this](const httplib::Request&, httplib::Response& r) {
        r.status = 503;
        r.set_content("rasd serve: the web page is not built (no index.html in '" + options.web_dir +
                          "'). Run `bash scripts/setup.sh` with Node.js and npm installed, or pass --web DIR. "
                          "The JSON API under /api/ works without it (docs/server.md).\n",
                      "text/plain; charset=utf-8");
      });
    }
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

StatusOr<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  if (options.threads < 1) return InvalidArgumentError("threads must be at least 1");
  auto impl = std::make_unique<Impl>(options);
  auto engine = Engine::Create();
  if (!engine.ok()) return engine.status();
  impl->engine = std::move(*engine);
  httplib::Server& http = impl->http;
  const size_t threads = static_cast<size_t>(options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.max_body_bytes);
  http.set_keep_alive_max_count(10000);
  // httplib writes headers and body separately: without TCP_NODELAY, Nagle
  // plus delayed ACKs stall small answers by ~40 ms.
  http.set_tcp_nodelay(true);
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  // The page loads nothing from elsewhere and runs no inline script: even a
  // rendering bug could not execute an article's <script>.
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Content-Security-Policy",
                             "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"},
                            {"Cache-Control", "no-cache"}});
  // Errors raised by httplib itself (404, 413, 400 on a bad request line)
  // get a JSON body too; our own error bodies are kept.
  using ErrorHandler = httplib::Server::HandlerWithResponse;
  http.set_error_handler(ErrorHandler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const char* what = res.status == 404   ? "not found"
                       : res.status == 413 ? "request body too large"
                       : res.status == 400 ? "bad request"
                                           : "error";
    SendError(res, res.status, what);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendError(res, 500, "internal error");
  });
  impl->Routes();
  impl->StaticFiles();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

StatusOr<int> Server::Bind() {
  const ServerOptions& o = impl_->options;
  int port = o.port;
  bool ok = false;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
    ok = port > 0;
  } else {
    ok = impl_->http.bind_to_port(o.host, port);
  }
  if (!ok) return UnavailableError("cannot listen on " + o.host + ":" + std::to_string(o.port));
  return port;
}

Status Server::Run() {
  if (!impl_->http.listen_after_bind()) return InternalError("the listener stopped with an error");
  return Status::Ok();
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace rasd::server
