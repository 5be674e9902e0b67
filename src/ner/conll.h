// File: ner/conll.h
//
// Reading and writing CoNLL-style token files as used by ANERcorp: one token a
// line (`token TAG`, or just `token`), a blank line between sentences.
//
//   auto sents = rasd::internal::ParseConll(text, /*with_tags=*/true);
//   if (!sents.ok()) return sents.status();
//   for (const ConllSentence& s : *sents) Use(s.tokens, s.tags);
//   AppendConllSentence(s.tokens, s.tags, &out);  // "token TAG\n"... "\n"
#ifndef RASD_NER_CONLL_H_
#define RASD_NER_CONLL_H_

#include <string>
#include <string_view>
#include <vector>

#include "rasd/status.h"

namespace rasd::internal {

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // empty when read without tags
};

// Parses `text`. Columns are separated by spaces or tabs; the token is the
// first column and, when `with_tags` is true, the tag is the last column (a
// line with a single column is then an error "LINE: missing tag column").
// Lines that are empty or hold only whitespace end a sentence; runs of them
// and a missing final blank line are accepted. A '\r' before '\n' is ignored.
// Fails with kInvalidArgument ("LINE: reason") on ill-formed UTF-8 or NUL bytes.
StatusOr<std::vector<ConllSentence>> ParseConll(std::string_view text, bool with_tags);

// Reads and parses a file ("-" = standard input). Messages read "PATH:LINE: reason".
StatusOr<std::vector<ConllSentence>> ReadConllFile(const std::string& path, bool with_tags);

// Appends one sentence as `token TAG` lines followed by a blank line.
// `tags` must have tokens.size() entries.
void AppendConllSentence(const std::vector<std::string>& tokens,
                         const std::vector<std::string_view>& tags, std::string* out);

// Entity-level scores of one type ("PERS", …) or of all types ("ALL").
struct NerTypeScore {
  std::string type;
  int gold = 0, pred = 0, correct = 0;
  double Precision() const { return pred ? static_cast<double>(correct) / pred : 0.0; }
  double Recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Scores BIO tag sequences the way shared/tools/score.py does (CoNLL exact
// span match; an I-X that does not continue an X starts a new entity; the
// sentences are read as one sequence). Returns one entry per type, sorted by
// name, then "ALL". `gold` and `pred` must have the same shape.
std::vector<NerTypeScore> ScoreNer(const std::vector<std::vector<std::string>>& gold,
                                   const std::vector<std::vector<std::string>>& pred);

}  // namespace rasd::internal

#endif  // RASD_NER_CONLL_H_
