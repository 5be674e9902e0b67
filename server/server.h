// rasd's HTTP server (`rasd serve`, docs/server.md): a JSON API over
// rasd::Engine and rasd::Store plus the static web page. No NLP logic here:
// every answer comes from the library (Engine::Analyze, DocumentToJson,
// Store::QueryEvents …). The HTTP library stays out of this header.
#ifndef RASD_SERVER_SERVER_H_
#define RASD_SERVER_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "rasd/status.h"

namespace rasd::server {

// The defaults hold 64 keep-alive clients plus hundreds of slow or idle
// ones: connections cost a socket and a buffer, not a thread (docs/server.md).
struct ServerOptions {
  std::string db = "rasd.db";     // the store read by /api/events, /api/documents, /api/stats
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (see Server::Bind)
  std::string web_dir;             // the built page (index.html …); "" or absent: API only
  // Threads that run requests (analysis, queries); 0: one per hardware
  // thread. Each holds the engine's per-thread caches, so this bounds memory.
  int threads = 0;
  size_t max_body_bytes = 2u << 20;     // larger bodies get 413, whatever the transfer encoding
  size_t max_header_bytes = 16u << 10;  // larger request heads get 431
  int request_timeout_seconds = 15;     // the whole request (head and body), and keep-alive idle time
  size_t max_connections = 1024;        // open connections beyond this get 503 and are closed
  size_t queue_limit = 256;             // complete requests waiting for a thread; beyond: 503
  int shutdown_grace_seconds = 10;      // Stop(): in-flight requests finish within this
  // Host header names accepted besides IP literals, localhost and --host
  // (DNS rebinding defence); "*" accepts any.
  std::vector<std::string> allowed_hosts;
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
  // Stops accepting, closes idle connections, lets in-flight requests finish
  // (at most shutdown_grace_seconds); Run() then returns. Not for signal
  // handlers (call it from a thread, as cmd_serve.cc does).
  void Stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasd::server

#endif  // RASD_SERVER_SERVER_H_
