// Reading CLI input (a file or standard input) in bounded chunks.
#ifndef RASD_CLI_INPUT_H_
#define RASD_CLI_INPUT_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "json/jsonl_reader.h"
#include "rasd/status.h"

namespace rasd::cli {

// Exit codes, documented in docs/cli.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;     // I/O error, unreadable or binary input
inline constexpr int kExitUsage = 2;       // bad command line
inline constexpr int kExitPartial = 3;     // done, but some input records were bad and skipped

// Reads FILE or "-" (standard input) in chunks of about `chunk_bytes`, each
// ending at a line break where possible, else at a space, else at a UTF-8
// character boundary, so that no token is ever cut in two.
class ChunkReader {
 public:
  static StatusOr<ChunkReader*> Open(const std::string& path, size_t chunk_bytes = 1u << 20);
  ~ChunkReader();

  // Sets *chunk to the next chunk; returns false at the end of input or on
  bool Next(std::string* chunk);
  const Status& status() const { return status_; }
  const std::string& path() const { return path_; }

 private:
  ChunkReader(std::FILE* f, std::string path, size_t chunk_bytes)
      : file_(f), path_(std::move(path)), chunk_bytes_(chunk_bytes) {}
  bool Fill();

  std::FILE* file_;
  std::string path_;
  size_t chunk_bytes_;
  std::string buffer_;
  bool eof_ = false;
  uint64_t consumed_ = 0;
  Status status_;
};

// Reads a whole file (or stdin) for commands that analyse one document.
// Fails on I/O errors, on NUL bytes (binary input) and above `max_bytes`.
StatusOr<std::string> ReadWholeInput(const std::string& path, size_t max_bytes);

// Streams the article records of a JSONL file (or "-" for standard input),
// one line at a time (constant memory). Calls on_record(record, fallback_id,
// line_bytes) for each well-formed line — fallback_id is "file:line" for
// records without an id — and stops when it returns false; a malformed line
// (bad JSON, a bad date, over `limits`: a line longer than max_line_bytes is
// never held in memory) is reported on stderr as "file:line: reason" and
// passed to on_malformed.
// Returns kExitOk, or kExitFailure (message prefixed by `command`) when the
// file cannot be opened or read.
int ForEachJsonlRecord(const std::string& path, const char* command,
                       const std::function<bool(ArticleRecord&, const std::string&, size_t)>& on_record,
                       const std::function<void(size_t)>& on_malformed, const InputLimits& limits = {});

// Returns an error if `data` looks binary (contains a NUL byte).
Status CheckText(std::string_view data, const std::string& path, uint64_t base_offset);

}  // namespace rasd::cli

#endif  // RASD_CLI_INPUT_H_
