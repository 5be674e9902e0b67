#include "ner/conll.h"

#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <memory>

#include "rasd/normalize.h"

namespace rasd::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

StatusOr<std::vector<ConllSentence>> ParseConll(std::string_view text, bool with_tags) {
  std::vector<ConllSentence> out;
  ConllSentence cur;
  size_t pos = 0;
  size_t line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find('\0') != std::string_view::npos) {
      return InvalidArgumentError(std::to_string(line_no) + ": NUL byte (binary input?)");
    }
    if (!IsValidUtf8(line)) {
      return InvalidArgumentError(std::to_string(line_no) + ": ill-formed UTF-8");
    }
    // Split into columns.
    std::string_view first, last;
    int columns = 0;
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && IsSpace(line[i])) ++i;
      if (i >= line.size()) break;
      size_t j = i;
      while (j < line.size() && !IsSpace(line[j])) ++j;
      std::string_view col = line.substr(i, j - i);
      if (columns == 0) first = col;
      last = col;
      ++columns;
      i = j;
    }
    if (columns == 0) {
      if (!cur.tokens.empty()) {
        out.push_back(std::move(cur));
        cur = ConllSentence();
      }
      continue;
    }
    if (with_tags && columns < 2) {
      return InvalidArgumentError(std::to_string(line_no) + ": missing tag column");
    }
    cur.tokens.emplace_back(first);
    if (with_tags) cur.tags.emplace_back(last);
  }
  if (!cur.tokens.empty()) out.push_back(std::move(cur));
  return out;
}

StatusOr<std::vector<ConllSentence>> ReadConllFile(const std::string& path, bool with_tags) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError(path + ": cannot open");
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool failed = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (failed) return UnavailableError(path + ": read error");
  auto parsed = ParseConll(data, with_tags);
  if (!parsed.ok()) return Status(parsed.status().code(), path + ":" + parsed.status().message());
  return parsed;
}

void AppendConllSentence(const std::vector<std::string>& tokens,
                         const std::vector<std::string_view>& tags, std::string* out) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    out->append(tokens[i]);
    out->push_back(' ');
    out->append(i < tags.size() ? tags[i] : std::string_view("O"));
    out->push_back('\n');
  }
  out->push_back('\n');
}

namespace {

using Entity = std::tuple<size_t, size_t, std::string>;

std::set<Entity> Entities(const std::vector<std::vector<std::string>>& sentences) {
  std::set<Entity> out;
  size_t pos = 0, start = 0;
  bool open = false;
  std::string type;
  auto step = [&](std::string_view t) {
    const bool b = t.starts_with("B-") || !(t.starts_with("I-")) || t.substr(2) != type;
    if (b && open) {
      out.emplace(start, pos, type);
      open = false;
      type.clear();
    }
    if (t.starts_with("B-") || (t.starts_with("I-") && !open)) {
      start = pos;
      type = std::string(t.substr(2));
      open = true;
    }
    ++pos;
  };
  for (const auto& s : sentences) {
    for (const std::string& t : s) step(t);
  }
  step("O");
  return out;
}

}  // namespace

std::vector<NerTypeScore> ScoreNer(const std::vector<std::vector<std::string>>& gold,
                                   const std::vector<std::vector<std::string>>& pred) {
  const std::set<Entity> g = Entities(gold), p = Entities(pred);
  std::map<std::string, NerTypeScore> by_type;
  NerTypeScore all;
  all.type = "ALL";
  for (const Entity& e : g) {
    NerTypeScore& s = by_type[std::get<2>(e)];
    ++s.gold;
    ++all.gold;
    if (p.count(e)) {
      ++s.correct;
      ++all.correct;
    }
  }
  for (const Entity& e : p) {
    ++by_type[std::get<2>(e)].pred;
    ++all.pred;
  }
  std::vector<NerTypeScore> out;
  for (auto& [type, s] : by_type) {
    s.type = type;
    out.push_back(s);
  }
  out.push_back(all);
  return out;
}

}  // namespace rasd::internal
