// A main() for fuzz targets built without libFuzzer (g++, or clang without
// -fsanitize=fuzzer): runs LLVMFuzzerTestOneInput once over every file named on
// the command line and every regular file inside the directories named there
// (recursively), in sorted order, like simdjson's SIMDJSON_FUZZ_LINKMAIN.
// A property violation traps inside the target; the "Running:" line just
// before it names the input.
//
//   fuzz_text_replay tests/fuzz/corpus/fuzz_text [more files or dirs...]
//
// Exit status: 0 when every input ran, 1 when an argument is unreadable or no
// input was found (an empty corpus must not pass silently).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  bool quiet = false;
  std::vector<fs::path> inputs;
  for (int a = 1; a < argc; ++a) {
    std::string arg = argv[a];
    if (arg == "-q" || arg == "--quiet") { quiet = true; continue; }
    if (!arg.empty() && arg[0] == '-') continue;  // ignore libFuzzer flags such as -runs=
    std::error_code ec;
    fs::path p(arg);
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec)) inputs.push_back(it->path());
      }
      if (ec) {
        std::fprintf(stderr, "replay: %s: %s\n", arg.c_str(), ec.message().c_str());
        return 1;
      }
    } else if (fs::is_regular_file(p, ec)) {
      inputs.push_back(p);
    } else {
      std::fprintf(stderr, "replay: %s: no such file or directory\n", arg.c_str());
      return 1;
    }
  }
  std::sort(inputs.begin(), inputs.end());
  if (inputs.empty()) {
    std::fprintf(stderr, "replay: no inputs (usage: %s [-q] FILE_OR_DIR...)\n", argc > 0 ? argv[0] : "replay");
    return 1;
  }
  size_t total_bytes = 0;
  for (const fs::path& p : inputs) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "replay: %s: cannot open\n", p.c_str());
      return 1;
    }
    std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!quiet) std::fprintf(stderr, "Running: %s (%zu bytes)\n", p.c_str(), data.size());
    LLVMFuzzerTestOneInput(data.data(), data.size());
    total_bytes += data.size();
  }
  std::fprintf(stderr, "Executed %zu inputs (%zu bytes): all properties held\n", inputs.size(), total_bytes);
  return 0;
}
