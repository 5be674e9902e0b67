// File: ner/lexicon_cues.h
//
// Lexicon cues for the NER tagger: what rasd's lexicons (countries, nisba
// adjectives, places, organisations, government bodies, roles, honorifics,
// months …) say about each token of a sentence, as feature strings for the
// tagger's per-token cue hook (PerceptronTagger::Tag's `cues`). The same
// function runs when training (rasd train ner), when tagging CoNLL input
// (rasd ner --conll) and in the engine, so the features always agree.
//
//   // In the engine (a Document with its text layer and lexicon matches):
//   ComputeLexiconCues(doc, lexicon, matches, token_spans, &cues);
//   // On pre-tokenised sentences (CoNLL): the same text layer as the engine's
//   // over the tokens joined by spaces, then the same function.
//   auto cuer = NerLexiconCuer::Create(BuiltinSegmenterVocabulary(), BuiltinSegmenterGuard(),
//                                      BuiltinLexiconBlob());
//   cuer->Compute(tokens, &cues);
//   tagger.Tag(tokens, cues, &tags);
//
// A token (given by its byte span in doc.text) gets a cue for every lexicon
// match that covers any of its bytes (the text layer may split a token
// further, e.g. at punctuation): "LEX=<type>:B" on the first token of the
// match, "LEX=<type>:I" on the others, where <type> is the entry type
// (country, nisba, place, organization, gov_body, role, honorific, month,
// weekday, temporal, number; ner_cues.tsv entries are skipped: the model
// holds that list itself). Tokens within three tokens after the end of a role
// or honorific match get "LEX=after:role" / "LEX=after:honorific" (a name
// often follows a role and a nisba: وزير الخارجية الأمريكي كولن باول).
#ifndef RASD_NER_LEXICON_CUES_H_
#define RASD_NER_LEXICON_CUES_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"
#include "rasd/document.h"
#include "rasd/status.h"
#include "tokenize/clitics.h"

namespace rasd::internal {

// Joins pre-tokenised words with single spaces; writes each word's byte span
// in the result to *spans.
std::string JoinNerTokens(std::span<const std::string> tokens, std::vector<Span>* spans);

// Writes one list of cue strings per span in `token_spans` (spans in doc.text,
// non-overlapping, in text order) to *cues (resized to token_spans.size()).
void ComputeLexiconCues(const Document& doc, const Lexicon& lexicon, std::span<const Span> token_spans,
                        std::vector<std::vector<std::string>>* cues);
// The same with the matches already found: lexicon.Match(doc), whose matches
// come in text order, non-empty and without overlaps (a document's matches are
// passed with each of its sentences: the first one that can reach the spans is
// found by bisection).
void ComputeLexiconCues(const Document& doc, const Lexicon& lexicon, std::span<const LexiconMatch> matches,
                        std::span<const Span> token_spans, std::vector<std::vector<std::string>>* cues);

// Lexicon cues for pre-tokenised sentences: runs the engine's text layer
// (normalisation with SegmenterNormalizeOptions(), folding, tokenisation with
// the clitic segmenter) over the tokens joined by spaces, matches the lexicon
// and maps the matches back. Thread-safe after Create().
class NerLexiconCuer {
 public:
  static StatusOr<NerLexiconCuer> Create(std::string_view segmenter_vocabulary, std::string_view segmenter_guard,
                                         std::string_view lexicon_blob);
  void Compute(std::span<const std::string> tokens, std::vector<std::vector<std::string>>* cues) const;

 private:
  NerLexiconCuer() = default;
  std::optional<CliticSegmenter> segmenter_;
  Lexicon lexicon_;
};

}  // namespace rasd::internal

#endif  // RASD_NER_LEXICON_CUES_H_
