// A fast non-cryptographic hash of short strings (words), for in-memory
// tables and memos only: never stored, never part of a model's features.
#ifndef RASD_BASE_HASH_H_
#define RASD_BASE_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace rasd::internal {

// Eight bytes per step: a byte-wise hash (FNV) is a chain of dependent
// multiplies, slow on the many words every document looks up.
inline uint64_t WordHash(std::string_view word, uint64_t seed = 0) {
  uint64_t h = (seed + 1) * 0x9E3779B97F4A7C15ull ^ word.size();
  size_t i = 0;
  for (; i + 8 <= word.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, word.data() + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  if (i < word.size()) {
    uint64_t w = 0;
    std::memcpy(&w, word.data() + i, word.size() - i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 29;
  return h;
}

}  // namespace rasd::internal

#endif  // RASD_BASE_HASH_H_
