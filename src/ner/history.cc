// Prediction history for the NER tagger. See ner/history.h.
#include "ner/history.h"

#include <vector>

#include "rasd/normalize.h"

namespace rasd::internal {
namespace {

constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال
constexpr std::string_view kLam = "\xD9\x84";         // ل
constexpr std::string_view kTypeNames[5] = {"O", "PERS", "LOC", "ORG", "MISC"};

int TypeOf(uint8_t tag) { return tag == 0 || tag > 8 ? 0 : (tag + 1) / 2; }

}  // namespace

namespace {

uint64_t ComputeHistoryKey(std::string_view token) {
  std::string norm = NormalizeKey(token);
  std::string_view s = norm;
  if (s.size() >= 6 && (s.starts_with("\xD9\x88") || s.starts_with("\xD9\x81"))) s.remove_prefix(2);  // و ف
  if (s.size() >= 8 && (s.starts_with("\xD8\xA8") || s.starts_with(kLam) || s.starts_with("\xD9\x83")) &&
      s.substr(2).starts_with(kAl)) {
    s.remove_prefix(2);  // ب ل ك before ال
  } else if (s.size() >= 8 && s.starts_with(kLam) && s.substr(2).starts_with(kLam)) {
    s.remove_prefix(4);  // لل
  }
  if (s.size() >= 8 && s.starts_with(kAl)) s.remove_prefix(4);
  int letters = 0;
  for (unsigned char c : s) {
    if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return 0;  // digits, punctuation
    letters += (c & 0xC0) != 0x80;
  }
  if (letters < 2) return 0;
  uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
  return h == 0 ? 1 : h;
}

}  // namespace

uint64_t NerHistoryKey(std::string_view token) {
  // Every token's key is asked for twice per sentence (AddCues, Update) and
  // news words repeat: a small per-thread memo of recent tokens (compared in
  // full) saves most NormalizeKey calls.
  struct Memo {
    std::string token;
    uint64_t key = 0;
    bool valid = false;
  };
  constexpr size_t kSlots = 16384;
  thread_local std::vector<Memo> memo(kSlots);
  uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : token) h = (h ^ c) * 0x100000001B3ull;
  Memo& m = memo[(h ^ (h >> 29)) & (kSlots - 1)];
  if (!m.valid || m.token != token) {
    m.token.assign(token);
    m.key = ComputeHistoryKey(token);
    m.valid = true;
  }
  return m.key;
}

void NerHistory::AddCues(std::span<const std::string> tokens, std::vector<std::vector<std::string>>* cues) const {
  if (cues->size() != tokens.size()) cues->resize(tokens.size());
  if (counts_.empty()) return;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const uint64_t key = NerHistoryKey(tokens[i]);
    if (key == 0) continue;
    auto it = counts_.find(key);
    if (it == counts_.end()) continue;
    const auto& c = it->second.by_type;
    uint32_t total = 0;
    for (uint32_t v : c) total += v;
    // The cue strings, built once: HIST=X, HIST=X:all, HIST=X:most.
    static const std::vector<std::array<std::string, 3>> kCues = [] {
      std::vector<std::array<std::string, 3>> v(5);
      for (int t = 1; t < 5; ++t) {
        const std::string name = "HIST=" + std::string(kTypeNames[t]);
        v[static_cast<size_t>(t)] = {name, name + ":all", name + ":most"};
      }
      return v;
    }();
    for (int t = 1; t < 5; ++t) {
      if (c[static_cast<size_t>(t)] == 0) continue;
      const auto& names = kCues[static_cast<size_t>(t)];
      (*cues)[i].push_back(names[0]);
      if (c[static_cast<size_t>(t)] == total) {
        (*cues)[i].push_back(names[1]);
      } else if (2 * c[static_cast<size_t>(t)] > total) {
        (*cues)[i].push_back(names[2]);
      }
    }
  }
}

void NerHistory::Update(std::span<const std::string> tokens, std::span<const uint8_t> tags) {
  for (size_t i = 0; i < tokens.size() && i < tags.size(); ++i) {
    const uint64_t key = NerHistoryKey(tokens[i]);
    if (key == 0) continue;
    const uint8_t type = static_cast<uint8_t>(TypeOf(tags[i]));
    recent_.emplace_back(key, type);
    ++counts_[key].by_type[type];
  }
  while (recent_.size() > window_) {
    auto [key, type] = recent_.front();
    recent_.pop_front();
    auto it = counts_.find(key);
    if (it != counts_.end() && --it->second.by_type[type] == 0) {
      bool empty = true;
      for (uint32_t v : it->second.by_type) empty &= v == 0;
      if (empty) counts_.erase(it);
    }
  }
}

void NerHistory::Clear() {
  recent_.clear();
  counts_.clear();
}

}  // namespace rasd::internal
