// Tokenisation of normalised text into words, numbers, punctuation, Latin
// words, URLs, e-mail addresses, hashtags and mentions, with each Arabic word
// split into clitic segments.
#ifndef RASD_TOKENIZE_TOKENIZER_H_
#define RASD_TOKENIZE_TOKENIZER_H_

#include "rasd/document.h"
#include "tokenize/clitics.h"

namespace rasd::internal {

// Fills doc->tokens and doc->segments from doc->norm (and maps spans to
// doc->text through doc->norm_to_text). `segmenter` may be null: words then
// stay whole. Any valid UTF-8 in; never fails.
void Tokenize(const CliticSegmenter* segmenter, Document* doc);

// Returns `norm` with alef variants, alef maksura and ta marbuta folded; the
// result has exactly the same length (each fold swaps one 2-byte letter for another).
std::string FoldForMatching(std::string_view norm);

}  // namespace rasd::internal

#endif  // RASD_TOKENIZE_TOKENIZER_H_
