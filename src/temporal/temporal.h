// Dates and numbers: absolute dates in every calendar and script (11 نوفمبر
// 2024، ١١ تشرين الثاني ٢٠٢٤، 11/11/2024، الرابع من يونيو 1967، 5 ربيع الأول
// 1446 هـ), partial and relative dates resolved against the document date
// (مساء الجمعة، الأسبوع المقبل، في يونيو الماضي), and numbers (2 مليون، ألفان
// وأربعة وعشرون، عشرات الآلاف، نحو 3 آلاف) with their value and qualifier.
#ifndef RASD_TEMPORAL_TEMPORAL_H_
#define RASD_TEMPORAL_TEMPORAL_H_

#include <vector>

#include "lexicon/lexicon.h"
#include "rasd/document.h"

namespace rasd::internal {

// Appends to `out` one Entity (type kDate or kNumber) per date or number
// expression of `doc` (text layer done; `matches` = lexicon.Match(doc)),
// in text order, non-overlapping. Relative dates resolve against doc.date
// (YYYY-MM-DD); without it their value stays "" and the text is kept.
// Never fails; thread-safe.
void FindDatesAndNumbers(const Document& doc, const Lexicon& lexicon, const std::vector<LexiconMatch>& matches,
                         std::vector<Entity>* out);

}  // namespace rasd::internal

#endif  // RASD_TEMPORAL_TEMPORAL_H_
