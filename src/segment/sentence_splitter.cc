#include "segment/sentence_splitter.h"

#include <string_view>

namespace rasd::internal {
namespace {

// Abbreviations written with a full stop that does not end a sentence:
// د. (doctor) م. (engineer) أ. (professor), single Latin initials, Mr. Dr. …
// Compared on the matching form (alef folded).
constexpr std::string_view kAbbreviations[] = {
    "\xD8\xAF",                  // د  d  (doctor)
    "\xD9\x85",                  // م  m  (engineer)
    "\xD8\xA7",                  // ا  A  (professor: أ folded)
    "\xD8\xAC",                  // ج  j
    "\xD8\xB5",                  // ص  S  (page)
    "\xD8\xB9",                  // ع  E  (issue number)
    "\xD9\x84\xD9\x88\xD8\xA7\xD8\xA1",  // لواء  lwA'  (major general)
    "\xD8\xB3\xD9\x8A\xD8\xAF",          // سيد  syd
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Col", "Lt", "No", "vs", "etc", "Inc", "Ltd",
};

bool IsEndMark(std::string_view p) {
  if (p.empty()) return false;  // marks removed by normalisation (tatweel)
  return p == "." || p == "!" || p == "?" || p == "\xD8\x9F" /* ؟ */ || p == "\xDB\x94" /* ۔ */ ||
         p == "\xE2\x80\xA6" /* … */ || p.find_first_not_of('.') == std::string_view::npos ||
         p == "!!" || p == "??" || p.starts_with("?!") || p.starts_with("!?");
}

bool IsClosingMark(std::string_view p) {
  return p == "\"" || p == "'" || p == ")" || p == "]" || p == "}" || p == "\xC2\xBB" /* » */ ||
         p == "\xE2\x80\x9D" /* ” */ || p == "\xE2\x80\x99" /* ’ */ || p == "\xE2\x80\xBA" /* › */;
}

bool IsDash(std::string_view p) {
  return p == "-" || p == "--" || p == "\xE2\x80\x93" /* – */ || p == "\xE2\x80\x94" /* — */;
}

class Splitter {
 public:
  explicit Splitter(Document* doc) : doc_(doc) {}

  void Run() {
    const auto& toks = doc_->tokens;
    doc_->sentences.clear();
    if (toks.empty()) return;
    uint32_t start = 0;
    bool paragraph_start = true;
    for (uint32_t i = 0; i < toks.size(); ++i) {
      if (i > start && LineBreakBefore(i)) {
        Close(start, i);
        start = i;
        paragraph_start = true;
      }
      if (paragraph_start && i == start) {
        paragraph_start = false;
        if (uint32_t dash = DatelineDash(start)) {
          Close(start, dash + 1);
          start = dash + 1;
          i = dash;
          continue;
        }
      }
      bool boundary = false;
      uint32_t last = i;
      if (toks[i].kind == TokenKind::kPunctuation && IsEndMark(Punct(i)) && !IsAbbreviationStop(i)) {
        boundary = true;
        while (last + 1 < toks.size() && toks[last + 1].kind == TokenKind::kPunctuation &&
               (IsClosingMark(Punct(last + 1)) || IsEndMark(Punct(last + 1))) && !LineBreakBefore(last + 1)) {
          ++last;
        }
      } else if (i + 1 - start >= kMaxSentenceTokens) {
        boundary = true;
      }
      if (boundary) {
        Close(start, last + 1);
        start = last + 1;
        i = last;
      }
    }
    if (start < toks.size()) Close(start, static_cast<uint32_t>(toks.size()));
  }

 private:
  std::string_view Punct(uint32_t i) const { return doc_->Norm(doc_->tokens[i].norm); }

  bool LineBreakBefore(uint32_t i) const {
    if (i == 0) return false;
    const Token& prev = doc_->tokens[i - 1];
    const Token& cur = doc_->tokens[i];
    std::string_view gap = std::string_view(doc_->norm).substr(prev.norm.end, cur.norm.begin - prev.norm.end);
    return gap.find('\n') != std::string_view::npos;
  }

  bool Adjacent(uint32_t a, uint32_t b) const { return doc_->tokens[a].norm.end == doc_->tokens[b].norm.begin; }

  // A full stop after an abbreviation or an initial, or one that is glued to the
  // next word (أ.د.), does not end a sentence.
  bool IsAbbreviationStop(uint32_t i) const {
    const auto& toks = doc_->tokens;
    if (Punct(i) != ".") return false;
    if (i + 1 < toks.size() && Adjacent(i, i + 1) && toks[i + 1].kind != TokenKind::kPunctuation) return true;
    if (i == 0 || !Adjacent(i - 1, i)) return false;
    const Token& prev = toks[i - 1];
    if (prev.kind != TokenKind::kWord && prev.kind != TokenKind::kLatin) return false;
    std::string_view w = doc_->Folded(prev.norm);
    // After a number, م. and هـ. are era markers (1967 م.) and may end a sentence.
    bool after_number = i >= 2 && toks[i - 2].kind == TokenKind::kNumber;
    if (prev.kind == TokenKind::kLatin && w.size() == 1) return true;  // initials: J. Smith
    if (prev.kind == TokenKind::kWord && w.size() == 2 && !after_number) return true;  // one Arabic letter
    for (std::string_view a : kAbbreviations) {
      if (w == a && !after_number) return true;
    }
    return false;
  }

  // "بيروت - (أ ف ب) - …" or "القاهرة — …": a short paragraph opening that
  // ends in a spaced dash is a dateline, a sentence of its own.
  uint32_t DatelineDash(uint32_t start) const {
    const auto& toks = doc_->tokens;
    constexpr uint32_t kMaxDatelineTokens = 8;
    for (uint32_t i = start + 1; i < toks.size() && i < start + kMaxDatelineTokens; ++i) {
      if (LineBreakBefore(i)) return 0;
      if (toks[i].kind != TokenKind::kPunctuation) continue;
      std::string_view p = Punct(i);
      if (IsEndMark(p)) return 0;
      if (IsDash(p) && !Adjacent(i - 1, i) && i + 1 < toks.size() && !Adjacent(i, i + 1)) {
        // Skip a second dash closing an agency name: "بيروت - (أ ف ب) -".
        for (uint32_t j = i + 1; j < toks.size() && j < i + 7; ++j) {
          if (toks[j].kind == TokenKind::kPunctuation && IsDash(Punct(j)) && Punct(j - 1) == ")") return j;
        }
        return i;
      }
    }
    return 0;
  }

  void Close(uint32_t begin, uint32_t end) {
    if (end <= begin) return;
    Sentence s;
    s.first_token = begin;
    s.token_count = end - begin;
    s.span = Span{doc_->tokens[begin].span.begin, doc_->tokens[end - 1].span.end};
    doc_->sentences.push_back(s);
  }

  Document* doc_;
};

}  // namespace

void SplitSentences(Document* doc) { Splitter(doc).Run(); }

}  // namespace rasd::internal
