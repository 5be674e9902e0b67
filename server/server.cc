// The network side of `rasd serve` on Boost.Beast (Debian's libboost-dev):
// one I/O thread reads and writes every connection asynchronously, so slow or
// idle clients cost a socket and a buffer, never a thread; complete requests
// go to a small pool of worker threads through a bounded queue. Beast's
// parser enforces the body limit after chunked decoding too, and a deadline
// covers the whole request. (Debian's cpp-httplib 0.11 holds a thread per
// connection, applies the body limit to Content-Length only and has a listen
// backlog of 5 compiled in; see docs/server.md.)
#include "server/server.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>
#include <vector>

#include "server/api.h"

namespace rasd::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// Threads that run Api::Handle; Submit refuses (false) when `limit` jobs wait.
class WorkerPool {
 public:
  WorkerPool(size_t threads, size_t limit) : limit_(limit) {
    for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
  }
  ~WorkerPool() { Shutdown(); }

  bool Submit(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stop_ || jobs_.size() >= limit_) return false;
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
    return true;
  }
  // Runs the queued jobs, then joins.
  void Shutdown() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  void Work() {
    while (true) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  size_t limit_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

class Session;

struct Server::Impl {
  // First, so that they outlive the io_context, whose destruction may
  // destroy sessions still queued in handlers (after a grace timeout).
  bool destroying = false;
  std::unordered_set<Session*> sessions;  // touched on the I/O thread only
  ServerOptions options;
  std::unique_ptr<Api> api;
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  asio::steady_timer grace{ioc};
  std::unique_ptr<WorkerPool> workers;
  std::atomic<bool> stopping{false};

  explicit Impl(const ServerOptions& o) : options(o) {}
  ~Impl() {
    if (workers) workers->Shutdown();
    destroying = true;
  }
  void Accept();
  void BeginShutdown();
  void SessionEnded(Session* s);
};

// One connection: read a request (deadline, size limits), hand it to a
// worker, write the answer, repeat while kept alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  // The read buffer is bounded too: it holds only what the parser has not
  // consumed yet (a head, a chunk-size line), so an endless line fails.
  Session(Server::Impl* server, tcp::socket socket)
      : server_(server), stream_(std::move(socket)), buffer_(server->options.max_header_bytes + 65536) {}
  ~Session() { server_->SessionEnded(this); }

  void Start() {
    server_->sessions.insert(this);
    if (server_->sessions.size() > server_->options.max_connections) {
      return Write(Api::Error(503, "too many connections; try again later"), false, false);
    }
    Read();
  }

  // Closes the connection if it is waiting for a request that has not begun.
  void CloseIfIdle() {
    if (reading_ && buffer_.size() == 0 && (!parser_ || !parser_->got_some())) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
      stream_.socket().close(ignored);
    }
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(server_->options.max_body_bytes);
    parser_->header_limit(static_cast<std::uint32_t>(server_->options.max_header_bytes));
    stream_.expires_after(std::chrono::seconds(server_->options.request_timeout_seconds));
    reading_ = true;
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    reading_ = false;
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset) {
      return Close();
    }
    // Past the deadline Beast has closed the socket already: no answer.
    if (ec == beast::error::timeout) return Close();
    if (ec == http::error::body_limit) {
      return Write(Api::Error(413, "request body larger than " + std::to_string(server_->options.max_body_bytes) +
                                       " bytes"),
                   false, false);
    }
    if (ec == http::error::header_limit || (ec == http::error::buffer_overflow && !parser_->is_header_done())) {
      return Write(Api::Error(431, "request head too large"), false, false);
    }
    if (ec) return Write(Api::Error(400, "bad request: " + ec.message()), false, false);

    http::request<http::string_body> msg = parser_->release();
    auto req = std::make_shared<HttpRequest>();
    req->method = std::string(msg.method_string());
    req->target = std::string(msg.target());
    for (const auto& field : msg) req->headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    req->body = std::move(msg.body());
    const bool keep_alive = msg.keep_alive();
    const bool head = msg.method() == http::verb::head;
    auto self = shared_from_this();
    const bool queued = server_->workers->Submit([self, req, keep_alive, head] {
      HttpResponse res;
      try {
        res = self->server_->api->Handle(*req);
      } catch (const std::exception&) {  // out of memory: an answer, not a dead server
        res = Api::Error(500, "internal error");
      }
      asio::post(self->stream_.get_executor(), [self, res = std::move(res), keep_alive, head]() mutable {
        self->Write(std::move(res), keep_alive, head);
      });
    });
    if (!queued) Write(Api::Error(503, "server busy; try again later"), false, false);
  }

  void Write(HttpResponse answer, bool keep_alive, bool head) {
    res_ = {};
    res_.version(11);
    res_.result(static_cast<unsigned>(answer.status));
    res_.set(http::field::content_type, answer.content_type);
    res_.set("X-Content-Type-Options", "nosniff");
    // The page loads nothing from elsewhere and runs no inline script: even a
    // rendering bug could not execute an article's <script>.
    res_.set("Content-Security-Policy",
             "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:");
    res_.set(http::field::cache_control, "no-cache");
    for (auto& [name, value] : answer.headers) res_.set(name, value);
    const bool stay = keep_alive && !server_->stopping.load();
    res_.keep_alive(stay);
    res_.body() = std::move(answer.body);
    res_.prepare_payload();
    if (head) res_.body().clear();  // the length of the GET answer stays
    stream_.expires_after(std::chrono::seconds(server_->options.request_timeout_seconds));
    http::async_write(stream_, res_, [self = shared_from_this(), stay](beast::error_code ec, size_t) {
      if (ec || !stay) return self->Close();
      self->Read();
    });
  }

  // Closes after a last answer. The client may still be sending (a body
  // over the limit): reading and dropping its bytes for a moment first lets
  // it read our answer, where an immediate close would reset the connection.
  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    Drain();
  }
  void Drain() {
    stream_.async_read_some(asio::buffer(drain_), [self = shared_from_this()](beast::error_code ec, size_t) {
      if (!ec) return self->Drain();
      beast::error_code ignored;
      self->stream_.socket().close(ignored);
    });
  }

  Server::Impl* server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
  std::array<char, 16384> drain_;
  bool reading_ = false;
};

void Server::Impl::Accept() {
  acceptor.async_accept(ioc, [this](beast::error_code ec, tcp::socket socket) {
    if (stopping.load() || !acceptor.is_open()) return;
    if (!ec) {
      beast::error_code ignored;
      // Small answers would otherwise wait for delayed ACKs (Nagle).
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<Session>(this, std::move(socket))->Start();
    } else if (ec == asio::error::no_descriptors) {
      // Out of file descriptors: pause instead of spinning.
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    Accept();
  });
}

void Server::Impl::BeginShutdown() {
  if (stopping.exchange(true)) return;
  beast::error_code ignored;
  acceptor.close(ignored);
  std::vector<Session*> open(sessions.begin(), sessions.end());
  for (Session* s : open) s->CloseIfIdle();
  if (sessions.empty()) return;
  grace.expires_after(std::chrono::seconds(options.shutdown_grace_seconds));
  grace.async_wait([this](beast::error_code ec) {
    if (!ec) ioc.stop();  // in-flight requests past the grace period are dropped
  });
}

void Server::Impl::SessionEnded(Session* s) {
  if (destroying) return;
  sessions.erase(s);
  if (stopping.load() && sessions.empty()) grace.cancel();
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

StatusOr<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  if (options.threads < 0) return InvalidArgumentError("threads must be 0 (one per hardware thread) or more");
  if (options.request_timeout_seconds < 1) return InvalidArgumentError("the request timeout must be at least 1 s");
  auto impl = std::make_unique<Impl>(options);
  auto api = Api::Create(options);
  if (!api.ok()) return api.status();
  impl->api = std::move(*api);
  const size_t threads = options.threads > 0 ? static_cast<size_t>(options.threads)
                                             : std::max(1u, std::thread::hardware_concurrency());
  impl->workers = std::make_unique<WorkerPool>(threads, std::max<size_t>(1, options.queue_limit));
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

StatusOr<int> Server::Bind() {
  const ServerOptions& o = impl_->options;
  beast::error_code ec;
  tcp::resolver resolver(impl_->ioc);
  auto endpoints = resolver.resolve(o.host, std::to_string(o.port), ec);
  if (ec || endpoints.empty()) return UnavailableError("cannot resolve " + o.host + ": " + ec.message());
  tcp::endpoint endpoint = endpoints.begin()->endpoint();
  tcp::acceptor& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  // The kernel's queue of not-yet-accepted connections: as long as allowed.
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return UnavailableError("cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " + ec.message());
  return static_cast<int>(a.local_endpoint().port());
}

Status Server::Run() {
  if (!impl_->acceptor.is_open()) return FailedPreconditionError("Run() before Bind()");
  impl_->Accept();
  impl_->ioc.run();
  impl_->workers->Shutdown();
  return Status::Ok();
}

void Server::Stop() {
  asio::post(impl_->ioc, [impl = impl_.get()] { impl->BeginShutdown(); });
}

}  // namespace rasd::server
