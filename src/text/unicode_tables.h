// Tables generated from the Unicode Character Database (see
// tools/gen_unicode_tables.py).
#ifndef RASD_TEXT_UNICODE_TABLES_H_
#define RASD_TEXT_UNICODE_TABLES_H_

#include <cstddef>
#include <cstdint>

namespace rasd::internal {

// An Arabic presentation form and its NFKC letters, as a slice of the pool.
struct PresentationForm {
  char32_t code_point;
  uint16_t pool_offset;
  uint8_t length;
};

extern const char32_t kPresentationFormPool[];
extern const PresentationForm kPresentationForms[];  // sorted by code_point
extern const size_t kPresentationFormCount;

}  // namespace rasd::internal

#endif  // RASD_TEXT_UNICODE_TABLES_H_
