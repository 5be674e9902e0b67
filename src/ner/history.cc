// Prediction history for the NER tagger. See ner/history.h.
#include "ner/history.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <vector>

#include "base/hash.h"
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

namespace {

// News words repeat: a per-thread memo of recent tokens (compared in full)
// saves most NormalizeKey calls. The bytes sit in the entry itself, one
// cache line with its key; longer tokens are rare and computed each time.
struct HistoryMemo {
  uint64_t key = 0;
  uint8_t size = 0xFF;  // 0xFF: empty
  char bytes[23];
};
static_assert(sizeof(HistoryMemo) == 32);
constexpr size_t kMemoSlots = 16384;

HistoryMemo* MemoTable() {
  thread_local std::vector<HistoryMemo> memo(kMemoSlots);
  return memo.data();
}

uint64_t KeyWithMemo(HistoryMemo& m, std::string_view token) {
  if (m.size != token.size() || std::memcmp(m.bytes, token.data(), token.size()) != 0) {
    m.key = ComputeHistoryKey(token);
    m.size = static_cast<uint8_t>(token.size());
    std::memcpy(m.bytes, token.data(), token.size());
  }
  return m.key;
}

}  // namespace

uint64_t NerHistoryKey(std::string_view token) {
  if (token.size() > sizeof(HistoryMemo::bytes)) return ComputeHistoryKey(token);
  return KeyWithMemo(MemoTable()[WordHash(token) & (kMemoSlots - 1)], token);
}

void AppendNerHistoryKeys(std::span<const std::string_view> tokens, std::vector<uint64_t>* keys) {
  HistoryMemo* memo = MemoTable();
  const size_t from = keys->size();
  for (std::string_view token : tokens) {  // the slot indexes, prefetched
    const uint64_t slot = WordHash(token) & (kMemoSlots - 1);
    __builtin_prefetch(&memo[slot]);
    keys->push_back(slot);
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    uint64_t& key = (*keys)[from + i];
    key = tokens[i].size() > sizeof(HistoryMemo::bytes) ? ComputeHistoryKey(tokens[i])
                                                        : KeyWithMemo(memo[key], tokens[i]);
  }
}

namespace {

std::vector<uint64_t> KeysOf(std::span<const std::string> tokens) {
  std::vector<uint64_t> keys(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) keys[i] = NerHistoryKey(tokens[i]);
  return keys;
}

}  // namespace

void NerHistory::AddCues(std::span<const std::string> tokens, std::vector<std::vector<std::string>>* cues) const {
  if (cues->size() != tokens.size()) cues->resize(tokens.size());
  if (used_ == 0) return;
  AddCues(KeysOf(tokens), cues);
}

void NerHistory::Update(std::span<const std::string> tokens, std::span<const uint8_t> tags) {
  Update(KeysOf(tokens), tags);
}

const NerHistory::Slot* NerHistory::Find(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key) return &slots_[i];
    if (slots_[i].key == 0) return nullptr;
  }
}

NerHistory::Slot& NerHistory::FindOrAdd(uint64_t key) {
  if ((used_ + 1) * 2 > slots_.size()) {
    // Sized at first for a long article's distinct words: no rehash in most.
    std::vector<Slot> old(std::max<size_t>(1024, slots_.size() * 2));
    old.swap(slots_);
    used_ = 0;
    for (const Slot& s : old) {
      if (s.key != 0) FindOrAdd(s.key) = s;
    }
  }
  const size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  for (; slots_[i].key != 0; i = (i + 1) & mask) {
    if (slots_[i].key == key) return slots_[i];
  }
  slots_[i].key = key;
  ++used_;
  return slots_[i];
}

// Backward-shift deletion: later entries of the probe run move up into the
// hole, so look-ups never need tombstones.
void NerHistory::Erase(Slot& slot) {
  const size_t mask = slots_.size() - 1;
  size_t hole = static_cast<size_t>(&slot - slots_.data());
  for (size_t i = (hole + 1) & mask; slots_[i].key != 0; i = (i + 1) & mask) {
    const size_t home = slots_[i].key & mask;
    // Entry i may fill the hole if its home is not in the cyclic range (hole, i].
    const bool home_after_hole = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
    if (home_after_hole) continue;
    slots_[hole] = slots_[i];
    hole = i;
  }
  slots_[hole] = Slot();
  --used_;
}

void NerHistory::AddCues(std::span<const uint64_t> keys, std::vector<std::vector<std::string>>* cues) const {
  if (cues->size() != keys.size()) cues->resize(keys.size());
  if (used_ == 0) return;
  // The cue strings, built once: HIST=X, HIST=X:all, HIST=X:most.
  static const std::vector<std::array<std::string, 3>> kCues = [] {
    std::vector<std::array<std::string, 3>> v(5);
    for (int t = 1; t < 5; ++t) {
      const std::string name = "HIST=" + std::string(kTypeNames[t]);
      v[static_cast<size_t>(t)] = {name, name + ":all", name + ":most"};
    }
    return v;
  }();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == 0) continue;
    const Slot* slot = Find(keys[i]);
    if (slot == nullptr) continue;
    const auto& c = slot->by_type;
    uint32_t total = 0;
    for (uint32_t v : c) total += v;
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

void NerHistory::Update(std::span<const uint64_t> keys, std::span<const uint8_t> tags) {
  for (size_t i = 0; i < keys.size() && i < tags.size(); ++i) {
    const uint64_t key = keys[i];
    if (key == 0) continue;
    const uint8_t type = static_cast<uint8_t>(TypeOf(tags[i]));
    recent_.emplace_back(key, type);
    ++FindOrAdd(key).by_type[type];
  }
  while (recent_.size() - oldest_ > window_) {
    auto [key, type] = recent_[oldest_++];
    Slot* slot = Find(key);
    if (slot != nullptr && --slot->by_type[type] == 0) {
      bool empty = true;
      for (uint32_t v : slot->by_type) empty &= v == 0;
      if (empty) Erase(*slot);
    }
  }
  // Drop the part of the ring that left the window once it is as long as the window.
  if (oldest_ > window_) {
    recent_.erase(recent_.begin(), recent_.begin() + static_cast<std::ptrdiff_t>(oldest_));
    oldest_ = 0;
  }
}

void NerHistory::Clear() {
  recent_.clear();
  oldest_ = 0;
  slots_.clear();
  used_ = 0;
}

}  // namespace rasd::internal
