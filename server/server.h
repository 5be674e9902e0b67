// rasd's HTTP server (`rasd serve`, docs/server.md): a JSON API over
// rasd::Engine and rasd::Store plus the static web page. No NLP logic here:
// every answer comes from the library (Engine::Analyze, DocumentToJson,
// Store::QueryEvents …). The HTTP library stays out of this header.
#ifndef RASD_SERVER_SERVER_H_
#define RASD_SERVER_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "rasd/status.h"

namespace rasd::server {

struct ServerOptions {
  std::string db = "rasd.db";     // the store read by /api/events, /api/documents, /api/stats
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (see Server::Bind)
  std::string web_dir;             // the built page (index.html …); "" or absent: API only
  // Each open connection holds one worker thread while it is kept alive, so
  // this bounds the clients served at once (64 required, plus browsers' extra).
  int threads = 96;
  size_t max_body_bytes = 2u << 20;  // larger request bodies get 413
};

class Server {
 public:
  // Loads the engine (lexicons, models); fails like Engine::Create.
  static StatusOr<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port; returns the port actually bound (useful with port 0).
  StatusOr<int> Bind();
  // Serves until Stop() is called (from any thread). Call after Bind().
  Status Run();
  void Stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasd::server

#endif  // RASD_SERVER_SERVER_H_
