// Lexicon cues for the NER tagger. See ner/lexicon_cues.h.
#include "ner/lexicon_cues.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"
#include "rasd/normalize.h"
#include "segment/sentence_splitter.h"
#include "tokenize/tokenizer.h"

namespace rasd::internal {

std::string JoinNerTokens(std::span<const std::string> tokens, std::vector<Span>* spans) {
  std::string text;
  spans->clear();
  spans->reserve(tokens.size());
  for (const std::string& t : tokens) {
    if (!text.empty()) text.push_back(' ');
    const uint32_t begin = static_cast<uint32_t>(text.size());
    text.append(t);
    spans->push_back(Span{begin, static_cast<uint32_t>(text.size())});
  }
  return text;
}

namespace {

void AddCue(std::vector<std::string>* list, const std::string& cue) {
  if (std::find(list->begin(), list->end(), cue) == list->end()) list->push_back(cue);
}

}  // namespace

void ComputeLexiconCues(const Document& doc, const Lexicon& lexicon, std::span<const Span> token_spans,
                        std::vector<std::vector<std::string>>* cues) {
  const std::vector<LexiconMatch> matches = lexicon.Match(doc);
  ComputeLexiconCues(doc, lexicon, matches, token_spans, cues);
}

void ComputeLexiconCues(const Document& doc, const Lexicon& lexicon, std::span<const LexiconMatch> matches,
                        std::span<const Span> token_spans, std::vector<std::vector<std::string>>* cues) {
  const size_t n = token_spans.size();
  cues->resize(n);
  for (std::vector<std::string>& list : *cues) list.clear();
  if (n == 0) return;
  // The cue strings, built once per entry type: LEX=type:B, LEX=type:I, LEX=after:type.
  static const std::vector<std::array<std::string, 3>> kNames = [] {
    std::vector<std::array<std::string, 3>> v(static_cast<size_t>(EntryType::kCue));
    for (size_t t = 0; t < v.size(); ++t) {
      const std::string name = EntryTypeName(static_cast<EntryType>(t));
      v[t] = {"LEX=" + name + ":B", "LEX=" + name + ":I", "LEX=after:" + name};
    }
    return v;
  }();
  // Index of the first input token whose span ends after byte `b`.
  auto first_ending_after = [&](uint32_t b) {
    return static_cast<size_t>(
        std::upper_bound(token_spans.begin(), token_spans.end(), b, [](uint32_t v, const Span& s) { return v < s.end; }) -
        token_spans.begin());
  };
  // The engine passes a whole document's matches with each sentence's
  // tokens: skip those outside the tokens before looking at their entries.
  // Lexicon::Match() gives them in text order without overlaps, so their ends
  // ascend: the first one that can reach the tokens is found by bisection, and
  // the loop ends at the first one past them.
  const uint32_t tokens_begin = token_spans.front().begin, tokens_end = token_spans.back().end;
  auto ends_before_tokens = [&](const LexiconMatch& m) {
    const size_t last = static_cast<size_t>(m.first_token) + m.token_count;
    return m.token_count == 0 || last > doc.tokens.size() || doc.tokens[last - 1].span.end <= tokens_begin;
  };
  const size_t from =
      static_cast<size_t>(std::partition_point(matches.begin(), matches.end(), ends_before_tokens) - matches.begin());
  for (size_t mi = from; mi < matches.size(); ++mi) {
    const LexiconMatch& m = matches[mi];
    if (m.token_count == 0 || m.first_token + m.token_count > doc.tokens.size()) continue;
    const uint32_t begin = doc.tokens[m.first_token].span.begin;
    const uint32_t end = doc.tokens[m.first_token + m.token_count - 1].span.end;
    if (begin >= tokens_end) break;
    if (end <= tokens_begin) continue;
    // Entry types of this phrase, each once, in enum order.
    bool seen[static_cast<int>(EntryType::kCue) + 1] = {};
    for (uint32_t id : m.entries) {
      const EntryType type = lexicon.entry(id).type;
      if (type != EntryType::kCue) seen[static_cast<int>(type)] = true;
    }
    const size_t first = first_ending_after(begin);
    size_t last = first;  // one past the last covered input token
    for (size_t i = first; i < n && token_spans[i].begin < end; ++i) last = i + 1;
    if (last == first) continue;
    for (int t = 0; t < static_cast<int>(EntryType::kCue); ++t) {
      if (!seen[t]) continue;
      const auto& names = kNames[static_cast<size_t>(t)];
      for (size_t i = first; i < last; ++i) AddCue(&(*cues)[i], names[i == first ? 0 : 1]);
      if (static_cast<EntryType>(t) == EntryType::kRole || static_cast<EntryType>(t) == EntryType::kHonorific) {
        for (size_t i = last; i < n && i < last + 3; ++i) AddCue(&(*cues)[i], names[2]);
      }
    }
  }
}

StatusOr<NerLexiconCuer> NerLexiconCuer::Create(std::string_view segmenter_vocabulary,
                                                std::string_view segmenter_guard, std::string_view lexicon_blob) {
  NerLexiconCuer out;
  auto segmenter = CliticSegmenter::Create(segmenter_vocabulary, segmenter_guard);
  if (!segmenter.ok()) return segmenter.status();
  out.segmenter_.emplace(std::move(segmenter).value());
  // The entity lexicon, as the engine matches it (event triggers apart).
  auto lexicon = Lexicon::FromBlob(lexicon_blob, [](EntryType t) { return !IsEventEntryType(t); });
  if (!lexicon.ok()) return lexicon.status();
  out.lexicon_ = std::move(lexicon).value();
  return out;
}

void NerLexiconCuer::Compute(std::span<const std::string> tokens, std::vector<std::vector<std::string>>* cues) const {
  std::vector<Span> spans;
  Document doc;
  doc.text = JoinNerTokens(tokens, &spans);
  if (!IsValidUtf8(doc.text)) {  // repairing would move the offsets
    cues->assign(tokens.size(), {});
    return;
  }
  // As Engine's text layer (src/engine/engine.cc).
  NormalizedText n = Normalize(doc.text, SegmenterNormalizeOptions());
  doc.norm = std::move(n.text);
  doc.norm_to_text = std::move(n.to_orig);
  doc.folded = FoldForMatching(doc.norm);
  Tokenize(segmenter_ ? &*segmenter_ : nullptr, &doc);
  SplitSentences(&doc);
  ComputeLexiconCues(doc, lexicon_, spans, cues);
}

}  // namespace rasd::internal
