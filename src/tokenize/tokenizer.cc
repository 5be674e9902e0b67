#include "tokenize/tokenizer.h"

#include <cstdint>
#include <cstring>

#include "base/utf8.h"
#include "text/arabic.h"

namespace rasd {

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kLatin: return "latin";
    case TokenKind::kPunctuation: return "punct";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kUrl: return "url";
    case TokenKind::kEmail: return "email";
    case TokenKind::kHashtag: return "hashtag";
    case TokenKind::kMention: return "mention";
    case TokenKind::kOther: return "other";
  }
  return "other";
}

const char* SegmentKindName(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::kProclitic: return "proclitic";
    case SegmentKind::kStem: return "stem";
    case SegmentKind::kEnclitic: return "enclitic";
  }
  return "stem";
}

namespace internal {
namespace {

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsLatinLetter(char32_t c) {
  return IsAsciiAlpha(c) || (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
}
bool IsDigitChar(char32_t c) {
  return IsAsciiDigit(c) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}
bool IsSpace(char32_t c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0x0B || c == 0x0C || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x3000;
}
// Zero-width characters that never start or end a token (kept only when the
// normaliser was told not to drop them).
bool IsIgnorable(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F || c == 0xFEFF ||
         c == 0x00AD || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}
bool IsPunctuation(char32_t c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '"': case '\'': case '(':
    case ')': case '[': case ']': case '{': case '}': case '-': case '/': case '\\': case '*':
    case '_': case '`':
    case 0x060C: case 0x061B: case 0x061F: case 0x06D4: case 0x00AB: case 0x00BB: case 0x2010:
    case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2018: case 0x2019:
    case 0x201A: case 0x201C: case 0x201D: case 0x201E: case 0x2026: case 0x2039: case 0x203A:
    case 0x00B7: case 0x2022: case 0x066D: case 0xFD3E: case 0xFD3F: case 0x3001: case 0x3002:
      return true;
    default:
      return false;
  }
}
bool IsWordChar(char32_t c) { return IsArabicLetter(c) || IsLatinLetter(c) || IsDigitChar(c) || c == '_'; }

struct Cursor {
  std::string_view s;
  size_t pos = 0;
  char32_t Peek(size_t at, int* len) const {
    if (at >= s.size()) { *len = 0; return 0; }
    return DecodeUtf8(s, at, len);
  }
};

bool StartsWithUrl(std::string_view s, size_t i) {
  auto starts = [&](const char* p) {
    size_t n = std::strlen(p);
    if (i + n > s.size()) return false;
    for (size_t k = 0; k < n; ++k) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z') c += 32;
      if (c != p[k]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://") || starts("www.");
}

// Trailing characters that end a sentence rather than a URL.
bool IsUrlTrailer(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '"' || c == '\'' || c == 0x060C || c == 0x061B || c == 0x061F ||
         c == 0x00BB || c == 0x201D;
}

bool IsEmailLocalChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '%' || c == '+' || c == '-';
}
bool IsDomainChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// If an e-mail address starts at i, returns its end; else 0.
size_t MatchEmail(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && IsEmailLocalChar(s[j])) ++j;
  if (j == i || j >= s.size() || s[j] != '@') return 0;
  size_t k = j + 1;
  int labels = 0;
  size_t end = 0;
  while (true) {
    size_t start = k;
    while (k < s.size() && IsDomainChar(s[k])) ++k;
    if (k == start) break;
    ++labels;
    end = k;
    if (k < s.size() && s[k] == '.' && k + 1 < s.size() && IsDomainChar(s[k + 1])) {
      ++k;
      continue;
    }
    break;
  }
  return labels >= 2 ? end : 0;
}

bool IsProcliticLetter(std::string_view seg) {
  static constexpr std::string_view kProclitics[] = {"\xD9\x88", "\xD9\x81", "\xD8\xA8",
                                                      "\xD9\x83", "\xD9\x84", "\xD8\xB3"};  // و ف ب ك ل س
  for (auto p : kProclitics) {
    if (seg == p) return true;
  }
  return false;
}

class TokenizerImpl {
 public:
  TokenizerImpl(const CliticSegmenter* segmenter, Document* doc)
      : segmenter_(segmenter), doc_(doc), s_(doc->norm) {}

  void Run() {
    const size_t n = s_.size();
    size_t i = 0;
    doc_->tokens.reserve(n / 6 + 1);
    doc_->segments.reserve(n / 5 + 1);
    size_t hashtag_end = 0;  // inside an Arabic hashtag, '_' separates words (#الولايات_المتحدة)
    while (i < n) {
      int len;
      char32_t c = DecodeUtf8(s_, i, &len);
      if (IsSpace(c) || IsIgnorable(c) || (c == '_' && i < hashtag_end)) { i += len; continue; }
      size_t end;
      TokenKind kind;
      if (c < 0x80 && (c == 'h' || c == 'H' || c == 'w' || c == 'W') && StartsWithUrl(s_, i)) {
        end = ScanUrl(i);
        kind = TokenKind::kUrl;
      } else if (IsArabicLetter(c)) {
        end = ScanWhile(i, [](char32_t x) { return IsArabicWordChar(x) || IsIgnorableInWord(x); });
        kind = TokenKind::kWord;
      } else if (IsDigitChar(c)) {
        end = ScanNumber(i);
        kind = TokenKind::kNumber;
        if (size_t e = MatchEmail(s_, i)) { end = e; kind = TokenKind::kEmail; }
      } else if (IsLatinLetter(c)) {
        if (size_t e = MatchEmail(s_, i)) {
          end = e;
          kind = TokenKind::kEmail;
        } else {
          end = ScanWhile(i, [](char32_t x) { return IsLatinLetter(x) || IsAsciiDigit(x); });
          kind = TokenKind::kLatin;
        }
      } else if (c == '#' && FollowedByArabicLetter(i + 1)) {
        // An Arabic hashtag reads as its words: the mark is a token of its own
        // and the words after it are words, so names inside are found.
        hashtag_end = ScanWhile(i + 1, [](char32_t x) { return IsWordChar(x) || IsArabicWordChar(x); });
        end = i + 1;
        kind = TokenKind::kHashtag;
      } else if ((c == '#' || c == '@') && FollowedByWordChar(i + 1)) {
        end = ScanWhile(i + 1, [](char32_t x) { return IsWordChar(x) || IsArabicWordChar(x); });
        kind = c == '#' ? TokenKind::kHashtag : TokenKind::kMention;
      } else if (IsPunctuation(c)) {
        // A run of one mark (... !! --) is one token.
        end = i + len;
        while (end < n) {
          int l2;
          if (DecodeUtf8(s_, end, &l2) != c) break;
          end += l2;
        }
        kind = TokenKind::kPunctuation;
      } else if (c == kReplacementChar || c >= 0x0370) {
        end = ScanWhile(i, [](char32_t x) {
          return !(IsSpace(x) || IsPunctuation(x) || IsArabicLetter(x) || x < 0x80);
        });
        kind = TokenKind::kOther;
      } else {
        end = i + len;
        kind = TokenKind::kSymbol;
      }
      AddToken(i, end, kind);
      i = end;
    }
  }

 private:
  static bool IsIgnorableInWord(char32_t c) { return c == 0x200C || c == 0x200D; }

  template <typename Pred>
  size_t ScanWhile(size_t i, Pred pred) const {
    int len;
    while (i < s_.size()) {
      char32_t c = DecodeUtf8(s_, i, &len);
      if (!pred(c)) break;
      i += len;
    }
    return i;
  }

  bool FollowedByArabicLetter(size_t i) const {
    if (i >= s_.size()) return false;
    int len;
    return IsArabicLetter(DecodeUtf8(s_, i, &len));
  }

  bool FollowedByWordChar(size_t i) const {
    if (i >= s_.size()) return false;
    int len;
    char32_t c = DecodeUtf8(s_, i, &len);
    return IsWordChar(c);
  }

  // Digits with internal separators: 1.5, 1,000, 11/11/2024, 10:30, 3٫5.
  size_t ScanNumber(size_t i) const {
    int len;
    size_t end = ScanWhile(i, IsDigitChar);
    while (end < s_.size()) {
      char32_t sep = DecodeUtf8(s_, end, &len);
      if (!(sep == '.' || sep == ',' || sep == '/' || sep == ':' || sep == kArabicDecimalSeparator ||
            sep == kArabicThousandsSeparator)) {
        break;
      }
      int l2;
      char32_t next = end + len < s_.size() ? DecodeUtf8(s_, end + len, &l2) : 0;
      if (!IsDigitChar(next)) break;
      end = ScanWhile(end + len, IsDigitChar);
    }
    return end;
  }

  size_t ScanUrl(size_t i) const {
    size_t end = ScanWhile(i, [](char32_t x) {
      return !(IsSpace(x) || x == '"' || x == '<' || x == '>' || x == 0x00AB || x == 0x00BB ||
               x == 0x060C || x == 0x201C || x == 0x201D);
    });
    // Give back trailing punctuation: "…انظر www.example.org." ends the sentence.
    while (end > i) {
      size_t back = end - 1;
      while (back > i && (static_cast<unsigned char>(s_[back]) & 0xC0) == 0x80) --back;
      int len;
      if (!IsUrlTrailer(DecodeUtf8(s_, back, &len))) break;
      end = back;
    }
    return end;
  }

  Span TextSpan(size_t norm_begin, size_t norm_end) const {
    return Span{doc_->norm_to_text[norm_begin], doc_->norm_to_text[norm_end]};
  }

  // A tatweel (kashida) standing alone or at the edge of a word is a mark of
  // its own ("ـ" used as a dash): emit the runs found in text[from, to).
  void EmitTatweelRuns(uint32_t from, uint32_t to) {
    const std::string& text = doc_->text;
    for (uint32_t i = from; i < to;) {
      if (i + 1 < to && text[i] == '\xD9' && text[i + 1] == '\x80') {
        uint32_t j = i;
        while (j + 1 < to && text[j] == '\xD9' && text[j + 1] == '\x80') j += 2;
        Token t;
        t.kind = TokenKind::kPunctuation;
        t.span = Span{i, j};
        t.norm = Span{norm_pos_, norm_pos_};
        t.first_segment = static_cast<uint32_t>(doc_->segments.size());
        t.segment_count = 1;
        doc_->segments.push_back(Segment{t.span, t.norm, SegmentKind::kStem});
        doc_->tokens.push_back(t);
        i = j;
      } else {
        ++i;
      }
    }
  }

  void AddToken(size_t begin, size_t end, TokenKind kind) {
    Token t;
    t.kind = kind;
    t.norm = Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    t.span = TextSpan(begin, end);
    norm_pos_ = static_cast<uint32_t>(begin);
    EmitTatweelRuns(text_pos_, t.span.begin);
    // Trailing tatweel before a space, a mark or the end is a mark of its own;
    // before a letter or digit (الـ84) it stays on the word.
    uint32_t trailing_begin = t.span.end;
    if (kind == TokenKind::kWord) {
      const std::string& text = doc_->text;
      uint32_t k = t.span.end;
      while (k >= t.span.begin + 4 && text[k - 2] == '\xD9' && text[k - 1] == '\x80') k -= 2;
      if (k < t.span.end) {
        int len = 0;
        char32_t next = t.span.end < text.size() ? DecodeUtf8(text, t.span.end, &len) : ' ';
        if (!(IsArabicLetter(next) || IsDigitChar(next) || IsLatinLetter(next))) trailing_begin = k;
      }
    }
    uint32_t full_end = t.span.end;
    t.span.end = trailing_begin;
    text_pos_ = full_end;
    t.first_segment = static_cast<uint32_t>(doc_->segments.size());
    uint32_t cuts[CliticSegmenter::kMaxCuts];
    int ncuts = 0;
    if (kind == TokenKind::kWord && segmenter_ != nullptr) {
      ncuts = segmenter_->Split(s_.substr(begin, end - begin), cuts);
    }
    size_t prev = begin;
    bool stem_seen = false;
    for (int k = 0; k <= ncuts; ++k) {
      size_t seg_end = k < ncuts ? begin + cuts[k] : end;
      // A cut inside an expanded ligature maps to no text: keep it whole.
      if (k < ncuts && doc_->norm_to_text[seg_end] == doc_->norm_to_text[prev]) continue;
      Segment seg;
      seg.norm = Span{static_cast<uint32_t>(prev), static_cast<uint32_t>(seg_end)};
      seg.span = TextSpan(prev, seg_end);
      if (k == 0) seg.span.begin = t.span.begin;
      if (k == ncuts) seg.span.end = t.span.end;
      std::string_view seg_norm = s_.substr(prev, seg_end - prev);
      if (!stem_seen && k < ncuts && IsProcliticLetter(seg_norm)) {
        seg.kind = SegmentKind::kProclitic;
      } else if (!stem_seen) {
        seg.kind = SegmentKind::kStem;
        stem_seen = true;
        t.stem_offset = static_cast<uint8_t>(doc_->segments.size() - t.first_segment);
      } else {
        seg.kind = SegmentKind::kEnclitic;
      }
      doc_->segments.push_back(seg);
      prev = seg_end;
    }
    if (!stem_seen) {  // every segment looked like a proclitic: the last is the stem
      doc_->segments.back().kind = SegmentKind::kStem;
      t.stem_offset = static_cast<uint8_t>(doc_->segments.size() - 1 - t.first_segment);
    }
    t.segment_count = static_cast<uint32_t>(doc_->segments.size() - t.first_segment);
    doc_->tokens.push_back(t);
    norm_pos_ = static_cast<uint32_t>(end);
    if (trailing_begin < full_end) EmitTatweelRuns(trailing_begin, full_end);
  }

  const CliticSegmenter* segmenter_;
  Document* doc_;
  std::string_view s_;
  uint32_t text_pos_ = 0;  // end of the last token in doc_->text
  uint32_t norm_pos_ = 0;  // where zero-width (tatweel) tokens sit in norm
};

}  // namespace

void Tokenize(const CliticSegmenter* segmenter, Document* doc) {
  doc->tokens.clear();
  doc->segments.clear();
  // Arabic news has a token every ~8 bytes and ~1.3 segments a token: room
  // for nearly every article, without regrowing.
  doc->tokens.reserve(doc->norm.size() / 6 + 16);
  doc->segments.reserve(doc->norm.size() / 4 + 16);
  TokenizerImpl(segmenter, doc).Run();
}

namespace {

// FoldForMatching's table over the two-byte code points U+0600..U+067F (lead
// byte D8 or D9): index ((lead & 1) << 6) | (trail & 0x3F), value the folded
// pair (lead << 8 | trail). Identity except for the folds below.
struct MatchingFoldTable {
  uint16_t pair[128];
  constexpr MatchingFoldTable() : pair() {
    for (int k = 0; k < 128; ++k) pair[k] = static_cast<uint16_t>(((0xD8 | (k >> 6)) << 8) | 0x80 | (k & 0x3F));
    constexpr uint16_t kAlefPair = 0xD8A7, kYehPair = 0xD98A, kHehPair = 0xD987;
    constexpr uint16_t kAlefVariants[] = {0xD8A2, 0xD8A3, 0xD8A5, 0xD9B1, 0xD9B2, 0xD9B3};  // آ أ إ ٱ ٲ ٳ
    for (uint16_t from : kAlefVariants) pair[Index(from)] = kAlefPair;                       // -> ا
    pair[Index(0xD989)] = kYehPair;  // ى -> ي
    pair[Index(0xD8A9)] = kHehPair;  // ة -> ه
  }
  static constexpr int Index(uint16_t p) { return (((p >> 8) & 1) << 6) | (p & 0x3F); }
};
constexpr MatchingFoldTable kMatchingFold;

}  // namespace

std::string FoldForMatching(std::string_view norm) {
  std::string out(norm);
  // Through a raw pointer: stores via std::string::operator[] may alias the
  // string's own members and force reloads in the loop.
  unsigned char* p = reinterpret_cast<unsigned char*>(out.data());
  const size_t n = out.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    const unsigned char a = p[i];
    if ((a & 0xFE) != 0xD8) continue;  // not U+0600..U+067F
    const uint16_t folded = kMatchingFold.pair[((a & 1) << 6) | (p[i + 1] & 0x3F)];
    p[i] = static_cast<unsigned char>(folded >> 8);
    p[i + 1] = static_cast<unsigned char>(folded & 0xFF);
    ++i;
  }
  return out;
}

}  // namespace internal
}  // namespace rasd
