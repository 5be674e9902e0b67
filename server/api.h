// The request handling of `rasd serve` as a plain function: a parsed HTTP
// request in, a response out, no sockets. server.cc feeds it from the
// network; tests/fuzz/fuzz_server_api.cc feeds it arbitrary requests. Every
// answer comes from the library (Engine::Analyze, DocumentToJson, Store).
#ifndef RASD_SERVER_API_H_
#define RASD_SERVER_API_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rasd/status.h"
#include "server/server.h"

namespace rasd::server {

struct HttpRequest {
  std::string method;  // "GET", "POST" …
  std::string target;  // path and query as sent: "/api/events?limit=2"
  std::vector<std::pair<std::string, std::string>> headers;  // names as sent
  std::string body;
  // The header's value ("" when absent); names compare case-insensitively.
  std::string Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones (Allow …)
};

// Thread-safe: Handle() may run on many threads at once.
class Api {
 public:
  // Loads the engine; fails like Engine::Create.
  static StatusOr<std::unique_ptr<Api>> Create(const ServerOptions& options);
  ~Api();

  HttpResponse Handle(const HttpRequest& request) const;
  // A JSON error answer {"error": message, "status": status}.
  static HttpResponse Error(int status, const std::string& message);

  struct Impl;

 private:
  explicit Api(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasd::server

#endif  // RASD_SERVER_API_H_
