// rasd serve: the HTTP API and web page (server/, docs/server.md).
#include <pthread.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/input.h"
#include "server/server.h"

namespace rasd::cli {
namespace {

namespace fs = std::filesystem;

// The built page sits next to the binary (build/web beside build/rasd).
std::string DefaultWebDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "web";
  return (exe.parent_path() / "web").string();
}

int RunServe(server::ServerOptions options) {
  if (options.web_dir.empty()) options.web_dir = DefaultWebDir();
  // SIGINT/SIGTERM are taken by one thread (sigwait) that stops the server:
  // the library's stop() is not async-signal-safe. Blocked before any thread starts.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto srv = server::Server::Create(options);
  if (!srv.ok()) {
    std::cerr << "rasd serve: " << srv.status().message() << "\n";
    return kExitFailure;
  }
  auto port = (*srv)->Bind();
  if (!port.ok()) {
    std::cerr << "rasd serve: " << port.status().message() << "\n";
    return kExitFailure;
  }
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(options.web_dir) / "index.html", ec)) {
    std::cerr << "rasd serve: no web page in " << options.web_dir
              << " (run bash scripts/setup.sh with npm installed); serving the API only\n";
  }
  if (options.db != ":memory:" && !fs::exists(options.db, ec)) {
    std::cerr << "rasd serve: " << options.db
              << " does not exist yet: /api/events, /api/documents and /api/stats answer 503 until `rasd ingest` "
                 "creates it\n";
  }
  std::printf("rasd serve: listening on http://%s:%d/ (database %s)\n", options.host.c_str(), *port,
              options.db.c_str());
  std::fflush(stdout);
  server::Server* s = srv->get();
  std::thread([s, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    s->Stop();
  }).detach();
  Status run = (*srv)->Run();
  if (!run.ok()) {
    std::cerr << "rasd serve: " << run.message() << "\n";
    return kExitFailure;
  }
  std::cerr << "rasd serve: stopped\n";
  return kExitOk;
}

}  // namespace

Runner AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<server::ServerOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the JSON API and the web page over HTTP (docs/server.md)");
  cmd->add_option("--db", options->db, "SQLite database to browse (rasd ingest)")->capture_default_str();
  cmd->add_option("--host", options->host, "Address to listen on (0.0.0.0: every interface)")->capture_default_str();
  cmd->add_option("--port", options->port, "TCP port (0: any free port, printed on start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--web", options->web_dir, "Directory of the built web page (default: web/ beside the binary)");
  cmd->add_option("--threads", options->threads, "Threads that run requests (0: one per hardware thread)")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  cmd->add_option("--max-body", options->max_body_bytes, "Largest request body in bytes, any encoding (larger: 413)")
      ->check(CLI::Range(static_cast<size_t>(1024), static_cast<size_t>(1) << 30))
      ->capture_default_str();
  cmd->add_option("--request-timeout", options->request_timeout_seconds,
                  "Seconds to receive a whole request (head and body) or to wait on an idle connection")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--max-connections", options->max_connections, "Open connections beyond this get 503")
      ->check(CLI::Range(static_cast<size_t>(1), static_cast<size_t>(1) << 20))
      ->capture_default_str();
  cmd->add_option("--queue", options->queue_limit, "Requests waiting for a thread beyond this get 503")
      ->check(CLI::Range(static_cast<size_t>(1), static_cast<size_t>(1) << 20))
      ->capture_default_str();
  cmd->add_option("--allow-host", options->allowed_hosts,
                  "Host header names to serve besides IP addresses and localhost (repeatable; * for any)");
  cmd->add_option("--shutdown-grace", options->shutdown_grace_seconds,
                  "Seconds in-flight requests get to finish on SIGTERM/SIGINT")
      ->check(CLI::Range(0, 3600))
      ->capture_default_str();
  return [options] { return RunServe(*options); };
}

}  // namespace rasd::cli
