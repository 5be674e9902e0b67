// libFuzzer target over the server's request handling as a function
// (server/api.h, Api::Handle): no sockets, any request. The input is read as
// "METHOD TARGET\nName: value\n…\n\nBODY" (a missing part is empty), so the
// fuzzer reaches routing, the Host and Content-Type checks, query parsing,
// the JSON body reader, extraction, the store queries and static files.
// Properties: a status from 200 to 599; a JSON answer parses.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "rasd/storage.h"
#include "server/api.h"

namespace {

namespace fs = std::filesystem;

// A store of three small articles and a web root, made once per process.
const rasd::server::Api& TheApi() {
  static const rasd::server::Api* api = [] {
    const fs::path dir = fs::temp_directory_path() / (std::string("rasd_fuzz_api_") + std::to_string(getpid()));
    fs::create_directories(dir / "web" / "sub");
    std::ofstream(dir / "web" / "index.html") << "<!doctype html><title>t</title>";
    std::ofstream(dir / "web" / "sub" / "a.txt") << "inside";
    std::ofstream(dir / "secret.txt") << "SECRET";
    const std::string db = (dir / "store.db").string();
    {
      auto store = rasd::Store::Open(db);
      FUZZ_CHECK(store.ok());
      const char* texts[] = {"استقبل وزير الخارجية الأردني نظيره المصري في عمّان أمس.",
                             "انتقدت الحكومة العراقية قرار البرلمان.", "وصل الرئيس إلى القاهرة."};
      int n = 0;
      for (const char* t : texts) {
        rasd::DocumentMeta meta;
        meta.id = std::string("d") + std::to_string(++n);
        meta.date = std::string("2024-11-2") + std::to_string(n);
        rasd::AnalyzeOptions ao;
        ao.id = meta.id;
        ao.date = meta.date;
        FUZZ_CHECK((*store)->Put(meta, FuzzEngine().Analyze(t, ao)).ok());
      }
    }
    rasd::server::ServerOptions options;
    options.db = db;
    options.web_dir = (dir / "web").string();
    options.max_body_bytes = 1 << 16;
    auto created = rasd::server::Api::Create(options);
    FUZZ_CHECK(created.ok());
    return created->release();
  }();
  return *api;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  rasd::server::HttpRequest req;
  const size_t head_end = in.find("\n\n");
  const std::string_view head = in.substr(0, head_end);
  if (head_end != std::string_view::npos) req.body = std::string(in.substr(head_end + 2));
  size_t line_end = head.find('\n');
  const std::string_view first = head.substr(0, line_end);
  const size_t sp = first.find(' ');
  req.method = std::string(first.substr(0, sp));
  if (sp != std::string_view::npos) req.target = std::string(first.substr(sp + 1));
  while (line_end != std::string_view::npos) {
    const size_t start = line_end + 1;
    line_end = head.find('\n', start);
    const std::string_view line = head.substr(start, line_end == std::string_view::npos ? line_end : line_end - start);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    req.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  const rasd::server::HttpResponse res = TheApi().Handle(req);
  FUZZ_CHECK(res.status >= 200 && res.status <= 599);
  if (res.content_type.rfind("application/json", 0) == 0 && req.target.rfind("/api/", 0) == 0) {
    FUZZ_CHECK(nlohmann::json::accept(res.body));
  }
  // The file beside the web root never leaks. (An error may quote what the
  // request sent, e.g. a refused Host, so a secret the request itself carries
  // does not count: found by this target.)
  FUZZ_CHECK(res.body.find("SECRET") == std::string::npos || in.find("SECRET") != std::string_view::npos);
  return 0;
}
