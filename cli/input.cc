#include "cli/input.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <vector>

namespace rasd::cli {

Status CheckText(std::string_view data, const std::string& path, uint64_t base_offset) {
  size_t nul = data.find('\0');
  if (nul != std::string_view::npos) {
    return InvalidArgumentError(path + ": binary input (NUL byte at offset " +
                                std::to_string(base_offset + nul) + "); rasd reads UTF-8 text");
  }
  return Status::Ok();
}

StatusOr<ChunkReader*> ChunkReader::Open(const std::string& path, size_t chunk_bytes) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError(path + ": " + std::strerror(errno));
  return new ChunkReader(f, path == "-" ? "<stdin>" : path, chunk_bytes);
}

ChunkReader::~ChunkReader() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

bool ChunkReader::Fill() {
  if (eof_) return false;
  size_t old = buffer_.size();
  buffer_.resize(old + chunk_bytes_);
  size_t got = std::fread(buffer_.data() + old, 1, chunk_bytes_, file_);
  buffer_.resize(old + got);
  if (got < chunk_bytes_) {
    if (std::ferror(file_)) {
      status_ = DataLossError(path_ + ": read error: " + std::strerror(errno));
      eof_ = true;
      return false;
    }
    eof_ = true;
  }
  Status s = CheckText(std::string_view(buffer_).substr(old), path_, consumed_ + old);
  if (!s.ok()) {
    status_ = s;
    eof_ = true;
    buffer_.clear();
    return false;
  }
  return got > 0;
}

bool ChunkReader::Next(std::string* chunk) {
  while (buffer_.size() < chunk_bytes_ && !eof_) Fill();
  if (!status_.ok() || buffer_.empty()) return false;
  size_t cut = buffer_.size();
  if (!eof_ || cut > chunk_bytes_) {
    size_t limit = std::min(buffer_.size(), chunk_bytes_);
    size_t nl = buffer_.rfind('\n', limit - 1);
    if (nl != std::string::npos) {
      cut = nl + 1;
    } else {
      size_t sp = buffer_.rfind(' ', limit - 1);
      if (sp != std::string::npos && sp > 0) {
        cut = sp + 1;
      } else {
        cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(buffer_[cut]) & 0xC0) == 0x80) --cut;
        if (cut == 0) cut = limit;
      }
    }
  }
  chunk->assign(buffer_, 0, cut);
  buffer_.erase(0, cut);
  consumed_ += cut;
  return true;
}

namespace {

// Reads lines of at most `max_bytes` without ever holding more: a longer line
// is skipped to its end and reported, so one giant line cannot exhaust memory.
class BoundedLineReader {
 public:
  BoundedLineReader(std::FILE* f, size_t max_bytes) : file_(f), max_bytes_(max_bytes), buf_(1u << 16) {}

  // false at the end of input. *too_long: the line was over the limit (its
  // length in *skipped_bytes, *line left empty).
  bool Next(std::string* line, bool* too_long, size_t* skipped_bytes) {
    line->clear();
    *too_long = false;
    *skipped_bytes = 0;
    bool any = false;
    while (true) {
      if (pos_ == end_ && !Refill()) return any;
      any = true;
      const char* start = buf_.data() + pos_;
      const void* nl = std::memchr(start, '\n', end_ - pos_);
      const size_t n = nl != nullptr ? static_cast<size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
      if (*too_long) {
        *skipped_bytes += n;
      } else if (line->size() + n > max_bytes_) {
        *too_long = true;
        *skipped_bytes = line->size() + n;
        line->clear();
        line->shrink_to_fit();
      } else {
        line->append(start, n);
      }
      pos_ += n;
      if (nl != nullptr) {
        ++pos_;
        return true;
      }
    }
  }
  bool error() const { return error_; }

 private:
  bool Refill() {
    if (eof_) return false;
    end_ = std::fread(buf_.data(), 1, buf_.size(), file_);
    pos_ = 0;
    if (end_ < buf_.size()) {
      eof_ = true;
      error_ = std::ferror(file_) != 0;
    }
    return end_ > 0;
  }

  std::FILE* file_;
  size_t max_bytes_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false, error_ = false;
};

}  // namespace

int ForEachJsonlRecord(const std::string& path, const char* command,
                       const std::function<bool(ArticleRecord&, const std::string&, size_t)>& on_record,
                       const std::function<void(size_t)>& on_malformed, const InputLimits& limits) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    std::cerr << command << ": " << path << ": " << std::strerror(errno) << "\n";
    return kExitFailure;
  }
  const std::string name = path == "-" ? "<stdin>" : path;
  BoundedLineReader reader(f, limits.max_line_bytes);
  std::string line;
  bool too_long = false;
  size_t skipped_bytes = 0;
  uint64_t lineno = 0;
  bool more = true;
  while (more && reader.Next(&line, &too_long, &skipped_bytes)) {
    ++lineno;
    if (too_long) {
      std::cerr << name << ":" << lineno << ": line of " << skipped_bytes << " bytes is longer than the limit of "
                << limits.max_line_bytes << " bytes\n";
      on_malformed(skipped_bytes);
      continue;
    }
    const size_t len = line.size() + 1;
    std::string_view view(line);
    while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
    if (view.find_first_not_of(" \t") == std::string_view::npos) continue;
    auto record = ParseArticleLine(view, limits);
    if (!record.ok()) {
      std::cerr << name << ":" << lineno << ": " << record.status().message() << "\n";
      on_malformed(len);
      continue;
    }
    more = on_record(*record, name + ":" + std::to_string(lineno), len);
  }
  const bool error = reader.error();
  if (f != stdin) std::fclose(f);
  if (error) {
    std::cerr << command << ": " << name << ": read error\n";
    return kExitFailure;
  }
  return kExitOk;
}

StatusOr<std::string> ReadWholeInput(const std::string& path, size_t max_bytes) {
  auto reader = ChunkReader::Open(path);
  if (!reader.ok()) return reader.status();
  std::unique_ptr<ChunkReader> r(*reader);
  std::string all, chunk;
  while (r->Next(&chunk)) {
    all += chunk;
    if (all.size() > max_bytes) {
      return ResourceExhaustedError(r->path() + ": larger than " + std::to_string(max_bytes) + " bytes");
    }
  }
  if (!r->status().ok()) return r->status();
  return all;
}

}  // namespace rasd::cli
