#include "cli/input.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

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

int ForEachJsonlRecord(const std::string& path, const char* command,
                       const std::function<bool(ArticleRecord&, const std::string&, size_t)>& on_record,
                       const std::function<void(size_t)>& on_malformed) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    std::cerr << command << ": " << path << ": " << std::strerror(errno) << "\n";
    return kExitFailure;
  }
  const std::string name = path == "-" ? "<stdin>" : path;
  char* line = nullptr;
  size_t cap = 0;
  ssize_t len;
  uint64_t lineno = 0;
  bool more = true;
  while (more && (len = getline(&line, &cap, f)) != -1) {
    ++lineno;
    std::string_view view(line, static_cast<size_t>(len));
    while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
    if (view.find_first_not_of(" \t") == std::string_view::npos) continue;
    auto record = ParseArticleLine(view);
    if (!record.ok()) {
      std::cerr << name << ":" << lineno << ": " << record.status().message() << "\n";
      on_malformed(static_cast<size_t>(len));
      continue;
    }
    more = on_record(*record, name + ":" + std::to_string(lineno), static_cast<size_t>(len));
  }
  bool error = std::ferror(f);
  std::free(line);
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
