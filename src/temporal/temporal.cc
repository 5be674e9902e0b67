// Dates and numbers over the text layer and the lexicon matches (months,
// weekdays, temporal words, number words): a small hand-written grammar, one
// pass left to right, dates tried before numbers at every token so that the
// numbers of a date (day, year) never become number entities. The words come
// from data/lexicons/*.tsv; only function words (من، في، الموافق) and the era
// marks (م، هـ) are written here. docs/dates-numbers.md has the rules.
#include "temporal/temporal.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "temporal/calendar.h"
#include "tokenize/tokenizer.h"

namespace rasd::internal {
namespace {

// Folded spellings of the few function words the grammar needs.
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";                           // ال
constexpr std::string_view kMin = "\xD9\x85\xD9\x86";                          // من
constexpr std::string_view kFi = "\xD9\x81\xD9\x8A";                           // في (فى folds to في)
constexpr std::string_view kMunthu = "\xD9\x85\xD9\x86\xD8\xB0";               // منذ
constexpr std::string_view kHatta = "\xD8\xAD\xD8\xAA\xD9\x8A";                // حتى (folded)
constexpr std::string_view kShahr = "\xD8\xB4\xD9\x87\xD8\xB1";                // شهر
constexpr std::string_view kWaw = "\xD9\x88";                                  // و
constexpr std::string_view kBa = "\xD8\xA8";                                   // ب
constexpr std::string_view kMim = "\xD9\x85";                                  // م (ميلادي)
constexpr std::string_view kHa = "\xD9\x87";                                   // هـ (هجري), tatweel stripped
constexpr std::string_view kMiladi = "\xD9\x85\xD9\x8A\xD9\x84\xD8\xA7\xD8\xAF\xD9\x8A";  // ميلادي
constexpr std::string_view kHijri = "\xD9\x87\xD8\xAC\xD8\xB1\xD9\x8A";                   // هجري
constexpr std::string_view kMuwafiq =
    "\xD8\xA7\xD9\x84\xD9\x85\xD9\x88\xD8\xA7\xD9\x81\xD9\x82";  // الموافق
constexpr std::string_view kKhilal = "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84";  // خلال
constexpr std::string_view kTiwal = "\xD8\xB7\xD9\x88\xD8\xA7\xD9\x84";   // طوال

// ---------------------------------------------------------------------------
// A small exact decimal: mantissa x 10^exp (values up to ~10^17).
struct Dec {
  int64_t man = 0;
  int exp = 0;

  static std::optional<Dec> Parse(std::string_view digits_and_point) {
    Dec d;
    bool point = false;
    int ndigits = 0;
    for (char c : digits_and_point) {
      if (c == '.') {
        if (point) return std::nullopt;
        point = true;
        continue;
      }
      if (c < '0' || c > '9') return std::nullopt;
      if (d.man == 0 && c == '0' && !point) continue;
      if (++ndigits > 17) return std::nullopt;
      d.man = d.man * 10 + (c - '0');
      if (point) --d.exp;
    }
    d.Normalize();
    return d;
  }
  void Normalize() {
    while (man != 0 && man % 10 == 0) {
      man /= 10;
      ++exp;
    }
    if (man == 0) exp = 0;
  }
  static Dec Int(int64_t v) { return Dec{v, 0}; }

  void Align(int e) {  // lowers exp to e (e <= exp)
    while (exp > e) {
      man *= 10;
      --exp;
    }
  }
  bool Fits() const { return man < (int64_t{1} << 56) && man > -(int64_t{1} << 56); }
  Dec operator+(Dec o) const {
    Dec a = *this;
    int e = a.exp < o.exp ? a.exp : o.exp;
    a.Align(e);
    o.Align(e);
    Dec r{a.man + o.man, e};
    r.Normalize();
    return r;
  }
  Dec operator*(Dec o) const {
    Dec r{man * o.man, exp + o.exp};
    r.Normalize();
    return r;
  }
  bool IsZero() const { return man == 0; }

  std::string ToString() const {
    if (man == 0) return "0";
    int64_t m = man;
    int e = exp;
    while (e < 0 && m % 10 == 0) {
      m /= 10;
      ++e;
    }
    const std::string digits = std::to_string(m < 0 ? -m : m);  // values are never negative
    std::string s;
    if (e >= 0) {
      s = digits;
      s.append(static_cast<size_t>(e), '0');
      return s;
    }
    const size_t frac = static_cast<size_t>(-e);
    const std::string padded = digits.size() <= frac ? std::string(frac - digits.size() + 1, '0') + digits : digits;
    s.append(padded, 0, padded.size() - frac);
    s.push_back('.');
    s.append(padded, padded.size() - frac, frac);
    return s;
  }
};

// Value of a Dec that is a small non-negative integer, or -1.
int64_t SmallInt(const Dec& d) {
  if (d.exp < 0) {
    int64_t m = d.man;
    for (int e = d.exp; e < 0; ++e) {
      if (m % 10 != 0) return -1;
      m /= 10;
    }
    return m;
  }
  int64_t m = d.man;
  for (int e = 0; e < d.exp; ++e) {
    if (m > 1000000000000LL) return -1;
    m *= 10;
  }
  return m;
}

// ---------------------------------------------------------------------------
// A date being built: value at granularity, or a relative one left unresolved.
struct DateValue {
  std::string value;
  std::string granularity;
  std::string qualifier;  // absolute, document, unresolved
};

class Grammar {
 public:
  Grammar(const Document& doc, const Lexicon& lex, const std::vector<LexiconMatch>& matches)
      : doc_(doc), lex_(lex), match_at_(doc.tokens.size(), -1), types_at_(doc.tokens.size(), 0) {
    for (size_t k = 0; k < matches.size(); ++k) {
      const LexiconMatch& m = matches[k];
      if (m.first_token < match_at_.size() && m.token_count > 0 && m.first_token + m.token_count <= match_at_.size()) {
        match_at_[m.first_token] = static_cast<int32_t>(k);
        for (uint32_t id : m.entries) types_at_[m.first_token] |= TypeBit(lex_.entry(id).type);
      }
    }
    matches_ = &matches;
    int64_t d;
    if (ParseIsoDate(doc.date, &d)) doc_day_ = d;
  }

  void Run(std::vector<Entity>* out) {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    for (uint32_t i = 0; i < n;) {
      // Every date and number starts at digits or at a calendar/number word
      // the lexicon matched; most tokens are neither.
      if (match_at_[i] < 0 && Kind(i) != TokenKind::kNumber) {
        ++i;
        continue;
      }
      Entity e;
      uint32_t end = 0;
      if (TryDate(i, &e, &end) || TryNumber(i, &e, &end)) {
        e.first_token = i;
        e.token_count = end - i;
        e.span = Span{doc_.tokens[i].span.begin, doc_.tokens[end - 1].span.end};
        e.source = "rule";
        out->push_back(std::move(e));
        i = end;
      } else {
        ++i;
      }
    }
  }

 private:
  // ---- token access -------------------------------------------------------
  uint32_t size() const { return static_cast<uint32_t>(doc_.tokens.size()); }
  bool Valid(uint32_t i) const { return i < size(); }
  std::string_view Norm(uint32_t i) const { return doc_.Norm(doc_.tokens[i].norm); }
  TokenKind Kind(uint32_t i) const { return doc_.tokens[i].kind; }

  // The folded token without its proclitics.
  std::string_view Stem(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord || t.segment_count == 0) return doc_.Folded(t.norm);
    const Segment& s = doc_.segments[t.stem()];
    return std::string_view(doc_.folded).substr(s.norm.begin, t.norm.end - s.norm.begin);
  }
  bool IsWord(uint32_t i, std::string_view w) const { return Valid(i) && Kind(i) == TokenKind::kWord && Stem(i) == w; }
  bool HasProclitic(uint32_t i, std::string_view p) const {
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord) return false;
    for (uint32_t s = t.first_segment; s < t.stem(); ++s) {
      if (doc_.Folded(doc_.segments[s].norm) == p) return true;
    }
    return false;
  }
  bool HasArticle(uint32_t i) const {
    std::string_view s = Stem(i);
    return s.size() >= kAl.size() + 4 && s.starts_with(kAl);
  }
  static bool SurfaceHasArticle(const LexEntry& e) {
    return e.surface.size() >= kAl.size() + 4 && std::string_view(e.surface).starts_with(kAl);
  }
  bool IsPunct(uint32_t i, std::string_view p) const {
    return Valid(i) && (Kind(i) == TokenKind::kPunctuation || Kind(i) == TokenKind::kSymbol) && Norm(i) == p;
  }
  // A number token of plain digits (no separator), its value, or -1.
  int64_t PlainInt(uint32_t i, size_t max_digits = 4) const {
    if (!Valid(i) || Kind(i) != TokenKind::kNumber) return -1;
    std::string_view s = Norm(i);
    if (s.empty() || s.size() > max_digits) return -1;
    int64_t v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  // ---- lexicon access -----------------------------------------------------
  // The entry of `type` (and one of `kinds`, if given) of the lexicon phrase
  // starting at token i; *len = its length in tokens. When a phrase carries
  // entries of several kinds (اليوم 'today' / يوم 'day', الاثنين 'Monday' /
  // اثنين 'two'), entries whose article agrees with the token are preferred.
  const LexEntry* Find(uint32_t i, EntryType type, std::initializer_list<std::string_view> kinds = {},
                       uint32_t* len = nullptr) const {
    if (!Valid(i) || match_at_[i] < 0) return nullptr;
    const LexiconMatch& m = (*matches_)[static_cast<size_t>(match_at_[i])];
    // Most phrases asked about have no entry of the type at all (a country
    // asked whether it is a number): answered before any string is compared.
    if ((types_at_[i] & TypeBit(type)) == 0) return nullptr;
    const bool art = HasArticle(i);
    const LexEntry* agree = nullptr;
    const LexEntry* any = nullptr;
    bool other_agrees = false;
    for (uint32_t id : m.entries) {
      const LexEntry& e = lex_.entry(id);
      bool ok_type = e.type == type;
      if (ok_type && kinds.size() > 0) {
        ok_type = false;
        for (std::string_view k : kinds) ok_type = ok_type || e.kind == k;
      }
      const bool agrees = SurfaceHasArticle(e) == art;
      if (ok_type && !FirstWordFits(i, e)) ok_type = false;
      if (ok_type) {
        if (agrees && agree == nullptr) agree = &e;
        if (any == nullptr) any = &e;
      } else if (agrees) {
        other_agrees = true;
      }
    }
    const LexEntry* pick = agree != nullptr ? agree : (other_agrees ? nullptr : any);
    if (pick != nullptr && len != nullptr) *len = m.token_count;
    return pick;
  }
  // The matcher drops a leading ال from keys, so ألفان (folded الفان) is keyed
  // فان and also matches فإن. The token's first word must be the entry's
  // first word, with or without an article the document adds (الثلاثة،
  // للثلاثة); a document may drop an entry's real article (جمعة for الجمعة)
  // except for numbers, whose surfaces have none.
  bool FirstWordFits(uint32_t i, const LexEntry& e) const {
    std::string folded = FoldForMatching(e.surface);
    std::string_view w(folded);
    w = w.substr(0, w.find(' '));
    std::string_view stem = Stem(i);
    if (stem == w) return true;
    if (stem.size() == w.size() + kAl.size() && stem.starts_with(kAl) && stem.ends_with(w)) return true;
    if (stem.size() == w.size() + 2 && stem.starts_with("\xD9\x84") && stem.ends_with(w)) return true;  // لل
    return e.type != EntryType::kNumber && w.size() == stem.size() + kAl.size() && w.starts_with(kAl) &&
           w.ends_with(stem);
  }

  // True when the phrase at i has an entry of another lexicon than numbers
  // (صفر the month, سبع …): a lone number word there is not taken.
  bool HasNonNumberEntry(uint32_t i) const {
    if (!Valid(i) || match_at_[i] < 0) return false;
    for (uint32_t id : (*matches_)[static_cast<size_t>(match_at_[i])].entries) {
      const LexEntry& e = lex_.entry(id);
      if (e.type != EntryType::kNumber && SurfaceHasArticle(e) == HasArticle(i)) return true;
    }
    return false;
  }
  static int IntValue(const LexEntry& e) { return std::atoi(e.value.c_str()); }

  // ---- dates --------------------------------------------------------------
  bool Resolvable() const { return doc_day_.has_value(); }
  int DocYear() const {
    int y, m, d;
    CivilFromDays(*doc_day_, &y, &m, &d);
    return y;
  }
  int DocMonth() const {
    int y, m, d;
    CivilFromDays(*doc_day_, &y, &m, &d);
    return m;
  }
  static DateValue Unresolved(std::string granularity) { return DateValue{"", std::move(granularity), "unresolved"}; }

  // Era mark after a year at token i: returns tokens consumed (0 or 1) and
  // sets *hijri (هـ) / *gregorian (م).
  uint32_t Era(uint32_t i, bool* hijri, bool* gregorian) const {
    if (!Valid(i) || Kind(i) != TokenKind::kWord) return 0;
    std::string_view s = Stem(i);
    if (HasProclitic(i, kWaw)) return 0;
    if (s == kMim || s == kMiladi || s == std::string(kMiladi) + "\xD9\x87") {
      *gregorian = true;
      return 1;
    }
    if (s == kHa || s == kHijri || s == std::string(kHijri) + "\xD9\x87") {
      *hijri = true;
      // هـ: the tatweel after a final ه is a mark token of its own.
      if (Valid(i + 1) && doc_.Text(doc_.tokens[i + 1].span) == "\xD9\x80" &&
          doc_.tokens[i + 1].span.begin == doc_.tokens[i].span.end) {
        return 2;
      }
      return 1;
    }
    return 0;
  }

  // A year number at i (with an optional era mark): *end past it.
  bool Year(uint32_t i, bool hijri_month, int* year, bool* hijri, uint32_t* end) const {
    int64_t y = PlainInt(i);
    if (y < 1) return false;
    bool h = false, g = false;
    uint32_t era = Era(i + 1, &h, &g);
    if (hijri_month && g) return false;
    if (!hijri_month && h && !g) {
      // A Hijri year after a Gregorian month is contradictory.
      return false;
    }
    if (era == 0 && (y < 1000 || y > 2200)) {
      if (!(hijri_month && y >= 1 && y <= 1700)) return false;
    }
    *year = static_cast<int>(y);
    *hijri = hijri_month || h;
    *end = i + 1 + era;
    return true;
  }

  // The day of a date: a number 1-31 or an ordinal (الرابع), optionally
  // followed by من. *end = first token after.
  bool Day(uint32_t i, int* day, uint32_t* end) const {
    int64_t d = PlainInt(i, 2);
    uint32_t j;
    if (d >= 1 && d <= 31) {
      j = i + 1;
    } else {
      uint32_t len = 0;
      const LexEntry* e = Find(i, EntryType::kNumber, {"ordinal"}, &len);
      if (e == nullptr) return false;
      d = IntValue(*e);
      if (d < 1 || d > 31) return false;
      j = i + len;
      if (!IsWord(j, kMin)) return false;  // الرابع من يونيو
    }
    if (IsWord(j, kMin)) ++j;
    *day = static_cast<int>(d);
    *end = j;
    return true;
  }

  // Month name at i: calendar, month number, *end.
  bool Month(uint32_t i, bool* hijri, int* month, uint32_t* end) const {
    uint32_t len = 0;
    const LexEntry* e = Find(i, EntryType::kMonth, {}, &len);
    if (e == nullptr) return false;
    *hijri = e->kind == "hijri";
    *month = IntValue(*e);
    if (*month < 1 || *month > 12) return false;
    *end = i + len;
    return true;
  }

  // Direction adjective at i (الماضي، المقبل، الجاري): offset.
  bool Direction(uint32_t i, int* offset) const {
    const LexEntry* e = Find(i, EntryType::kTemporal, {"direction"});
    if (e == nullptr) return false;
    *offset = std::atoi(e->value.c_str());
    return true;
  }

  // The month of a month name without a year: with a direction, the previous
  // (-1), next (+1) or current (0) such month relative to the document month;
  // without one, the occurrence nearest to the document date.
  DateValue RelativeMonth(int month, std::optional<int> direction) const {
    if (!Resolvable()) return Unresolved("month");
    int y = DocYear(), m = DocMonth();
    int year = y;
    if (direction.has_value()) {
      if (*direction < 0) year = month < m ? y : y - 1;
      if (*direction > 0) year = month > m ? y : y + 1;
    } else {
      int diff = month - m;  // nearest: within -6..+5 months
      if (diff > 5) year = y - 1;
      if (diff < -6) year = y + 1;
    }
    return DateValue{IsoMonth(year, month), "month", "document"};
  }

  DateValue DayInMonthNear(int month, int day) const {
    if (!Resolvable()) return IsValidDate(2000, month, day) ? Unresolved("day") : DateValue{};
    int y = DocYear();
    int64_t best = 0;
    bool found = false;
    for (int cand = y - 1; cand <= y + 1; ++cand) {
      if (!IsValidDate(cand, month, day)) continue;
      int64_t d = DaysFromCivil(cand, month, day);
      if (!found || std::llabs(d - *doc_day_) < std::llabs(best - *doc_day_)) best = d;
      found = true;
    }
    if (!found) return DateValue{};
    return DateValue{IsoDay(best), "day", "document"};
  }

  // Numeric dates: 11/11/2024, 11.11.2024, 2024/11/11 (one token) and
  // 11-11-2024 (five tokens). Day/month order is D/M/Y unless the year leads.
  bool NumericDate(uint32_t i, DateValue* v, uint32_t* end) const {
    if (!Valid(i) || Kind(i) != TokenKind::kNumber) return false;
    int parts[3];
    std::string_view s = Norm(i);
    uint32_t j;
    size_t lens[3];
    if (s.find('/') != std::string_view::npos || std::count(s.begin(), s.end(), '.') == 2) {
      const char sep = s.find('/') != std::string_view::npos ? '/' : '.';
      int k = 0;
      size_t b = 0;
      while (k < 3) {
        size_t e = s.find(sep, b);
        std::string_view p = s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
        if (p.empty() || p.size() > 4) return false;
        int val = 0;
        for (char c : p) {
          if (c < '0' || c > '9') return false;
          val = val * 10 + (c - '0');
        }
        parts[k] = val;
        lens[k] = p.size();
        ++k;
        if (e == std::string_view::npos) break;
        b = e + 1;
      }
      if (k != 3 || s.find(sep, b) != std::string_view::npos) return false;
      j = i + 1;
    } else {
      for (int k = 0; k < 3; ++k) {
        uint32_t t = i + 2 * static_cast<uint32_t>(k);
        if (k > 0 && !IsPunct(t - 1, "-")) return false;
        int64_t val = PlainInt(t);
        if (val < 0) return false;
        parts[k] = static_cast<int>(val);
        lens[k] = Norm(t).size();
      }
      j = i + 5;
    }
    int y, m, d;
    if (lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2) {
      y = parts[0], m = parts[1], d = parts[2];
    } else if (lens[2] == 4 && lens[0] <= 2 && lens[1] <= 2) {
      d = parts[0], m = parts[1], y = parts[2];
    } else {
      return false;
    }
    if (y < 1000 || !IsValidDate(y, m, d)) return false;
    *v = DateValue{IsoDay(DaysFromCivil(y, m, d)), "day", "absolute"};
    *end = j;
    return true;
  }

  // [day [من]] month [year [era]] | month direction.
  bool MonthDate(uint32_t i, bool allow_bare_month, DateValue* v, uint32_t* end) const {
    int day = 0;
    uint32_t j = i;
    bool has_day = Day(i, &day, &j);
    if (!has_day) j = i;
    bool hijri;
    int month;
    uint32_t k;
    if (!Month(j, &hijri, &month, &k)) return false;
    int year;
    bool year_hijri;
    uint32_t e;
    if (Year(k, hijri, &year, &year_hijri, &e)) {
      if (year_hijri) {
        int64_t days;
        if (has_day) {
          if (!HijriToDays(year, month, day, &days)) return false;
          *v = DateValue{IsoDay(days), "day", "absolute"};
        } else {
          // A Hijri month straddles two Gregorian ones: the one holding its 15th.
          if (!HijriToDays(year, month, 15, &days)) return false;
          int gy, gm, gd;
          CivilFromDays(days, &gy, &gm, &gd);
          *v = DateValue{IsoMonth(gy, gm), "month", "absolute"};
        }
      } else {
        if (has_day) {
          if (!IsValidDate(year, month, day)) return false;
          *v = DateValue{IsoDay(DaysFromCivil(year, month, day)), "day", "absolute"};
        } else {
          *v = DateValue{IsoMonth(year, month), "month", "absolute"};
        }
      }
      *end = e;
      return true;
    }
    if (hijri) return false;  // Hijri months without a year: رمضان، رجب are also names
    int dir;
    if (has_day) {
      *v = DayInMonthNear(month, day);
      if (v->qualifier.empty()) return false;
      *end = k;
      return true;
    }
    if (Direction(k, &dir)) {
      *v = RelativeMonth(month, dir);
      *end = k + 1;
      return true;
    }
    if (!allow_bare_month) return false;
    *v = RelativeMonth(month, std::nullopt);
    *end = k;
    return true;
  }

  // Weekday at i (with ال), optionally followed by a direction; resolved to
  // the latest such day on or before the document date (الماضي: strictly
  // before; المقبل: strictly after).
  bool Weekday(uint32_t i, bool context, DateValue* v, uint32_t* end) const {
    uint32_t len = 0;
    const LexEntry* e = Find(i, EntryType::kWeekday, {}, &len);
    if (e == nullptr || (!context && !HasArticle(i))) return false;
    int wd = IntValue(*e);
    if (wd < 1 || wd > 7) return false;
    uint32_t j = i + len;
    int dir = 0;
    bool has_dir = Direction(j, &dir);
    if (has_dir) ++j;
    // يوم الجمعة، 22 نوفمبر 2024 / يوم الخميس الموافق 5 سبتمبر: the full date wins.
    uint32_t k = j;
    if (IsPunct(k, "\xD8\x8C") || IsPunct(k, ",")) ++k;
    if (IsWord(k, kMuwafiq)) ++k;
    DateValue full;
    uint32_t fend;
    if (Valid(k) && (NumericDate(k, &full, &fend) || MonthDate(k, false, &full, &fend)) && full.granularity == "day") {
      *v = full;
      *end = fend;
      return true;
    }
    *end = j;
    if (!Resolvable()) {
      *v = Unresolved("day");
      return true;
    }
    int doc_wd = IsoWeekday(*doc_day_);
    int64_t day;
    if (has_dir && dir > 0) {
      int ahead = (wd - doc_wd + 7) % 7;
      day = *doc_day_ + (ahead == 0 ? 7 : ahead);
    } else {
      int back = (doc_wd - wd + 7) % 7;
      if (has_dir && dir < 0 && back == 0) back = 7;
      day = *doc_day_ - back;
    }
    *v = DateValue{IsoDay(day), "day", "document"};
    return true;
  }

  // مطلع العام، منتصف الشهر، نهاية الأسبوع: the current (or, with الماضي /
  // المقبل after it, the previous or next) unit, the expression ending at *end.
  bool CurrentUnit(const std::string& unit, uint32_t j, DateValue* v, uint32_t* end) const {
    int dir = 0;
    if (Direction(j, &dir)) ++j;
    *v = Shift(unit, dir);
    *end = j;
    return true;
  }

  // A year given as a number: Gregorian, or Hijri (then the Gregorian year
  // holding its 1 Rajab). False for a Hijri year outside the calendar.
  static bool YearValue(int64_t y, bool hijri, DateValue* v) {
    if (!hijri) {
      *v = DateValue{IsoYear(static_cast<int>(y)), "year", "absolute"};
      return true;
    }
    int64_t days;
    if (!HijriToDays(static_cast<int>(y), 7, 1, &days)) return false;
    int gy, gm, gd;
    CivilFromDays(days, &gy, &gm, &gd);
    *v = DateValue{IsoYear(gy), "year", "absolute"};
    return true;
  }

  DateValue Shift(const std::string& unit, int offset) const {
    if (unit != "day" && unit != "week" && unit != "month" && unit != "year") return DateValue{};
    if (!Resolvable()) return Unresolved(unit);
    int y, m, d;
    CivilFromDays(*doc_day_, &y, &m, &d);
    if (unit == "day") return DateValue{IsoDay(*doc_day_ + offset), "day", "document"};
    if (unit == "week") {
      int64_t monday = *doc_day_ - (IsoWeekday(*doc_day_) - 1) + 7 * static_cast<int64_t>(offset);
      return DateValue{IsoDay(monday), "week", "document"};
    }
    if (unit == "month") {
      int idx = y * 12 + (m - 1) + offset;
      return DateValue{IsoMonth(idx / 12, idx % 12 + 1), "month", "document"};
    }
    if (unit == "year") return DateValue{IsoYear(y + offset), "year", "document"};
    return DateValue{};
  }

  // The core of a date expression at i (after any prefix).
  bool CoreDate(uint32_t i, bool after_prefix, bool after_day_word, DateValue* v, uint32_t* end) const {
    if (NumericDate(i, v, end)) return true;
    if (MonthDate(i, after_prefix || BareMonthContext(i), v, end)) return true;
    if (Weekday(i, after_prefix || after_day_word, v, end)) return true;
    uint32_t len = 0;
    if (const LexEntry* e = Find(i, EntryType::kTemporal, {"relative"}, &len); e != nullptr) {
      *v = Shift("day", std::atoi(e->value.c_str()));
      *end = i + len;
      return true;
    }
    if (const LexEntry* e = Find(i, EntryType::kTemporal, {"deictic_unit"}, &len); e != nullptr) {
      *v = Shift(e->extra, std::atoi(e->value.c_str()));
      if (v->qualifier.empty()) return false;
      *end = i + len;
      return true;
    }
    // عام 2024، سنة 1967، العام 2024، عام 1446 هـ
    if (const LexEntry* e = Find(i, EntryType::kTemporal, {"unit"}, &len); e != nullptr && e->extra == "year") {
      int64_t y = PlainInt(i + len);
      bool h = false, g = false;
      uint32_t era = y > 0 ? Era(i + len + 1, &h, &g) : 0;
      if (y > 0 && (era > 0 || (y >= 1000 && y <= 2200))) {
        if (!YearValue(y, h, v)) return false;
        *end = i + len + 1 + era;
        return true;
      }
      if (after_prefix && HasArticle(i)) return CurrentUnit(e->extra, i + len, v, end);
      return false;
    }
    if (const LexEntry* e = Find(i, EntryType::kTemporal, {"unit"}, &len);
        e != nullptr && after_prefix && HasArticle(i) && (e->extra == "week" || e->extra == "month")) {
      return CurrentUnit(e->extra, i + len, v, end);
    }
    // 2024م، 1967 م، 1446 هـ
    if (int64_t y = PlainInt(i); y > 0) {
      bool h = false, g = false;
      uint32_t era = Era(i + 1, &h, &g);
      if ((era > 0 && y >= 1000 && y <= 2200) || ((after_prefix || YearContext(i)) && y >= 1900 && y <= 2100)) {
        if (!YearValue(y, h, v)) return false;
        *end = i + 1 + era;
        return true;
      }
    }
    return false;
  }

  // A four-digit number 1900-2100 standing alone is a year after في، منذ،
  // حتى (في 2016، منذ 2011) unless a scale or a percent sign follows.
  bool YearContext(uint32_t i) const {
    if (i == 0 || Norm(i).size() != 4) return false;
    uint32_t p = i - 1;
    if (!(IsWord(p, kFi) || IsWord(p, kMunthu) || IsWord(p, kHatta))) return false;
    uint32_t len = 0;
    if (Scale(i + 1, &len) != nullptr) return false;
    return !(Valid(i + 1) && Kind(i + 1) != TokenKind::kWord && (Norm(i + 1) == "%" || Norm(i + 1) == "\xD9\xAA"));
  }

  // A month name standing alone is a date after في، منذ، حتى، شهر.
  bool BareMonthContext(uint32_t i) const {
    if (i == 0) return false;
    if (HasProclitic(i, kBa)) return true;  // بيونيو
    uint32_t p = i - 1;
    return IsWord(p, kFi) || IsWord(p, kMunthu) || IsWord(p, kHatta) || IsWord(p, kShahr);
  }

  bool TryDate(uint32_t i, Entity* e, uint32_t* end) const {
    uint32_t j = i;
    bool prefix = false, day_word = false;
    uint32_t len = 0;
    // Part of a period: مطلع، أوائل، منتصف، أواخر، نهاية … (not خلال/طوال, which are prepositions).
    if (Find(j, EntryType::kTemporal, {"part"}, &len) != nullptr && !IsWord(j, kKhilal) && !IsWord(j, kTiwal)) {
      j += len;
      prefix = true;
    } else if (Find(j, EntryType::kTemporal, {"time_of_day"}, &len) != nullptr) {
      j += len;  // مساء الجمعة، صباح اليوم
      if (const LexEntry* u = Find(j, EntryType::kTemporal, {"unit"}, &len);
          u != nullptr && u->extra == "day" && !HasArticle(j)) {
        j += len;  // صباح يوم الجمعة
        day_word = true;
      }
      prefix = true;
    } else if (const LexEntry* u = Find(j, EntryType::kTemporal, {"unit"}, &len);
               u != nullptr && u->extra == "day" && !HasArticle(j)) {
      j += len;  // يوم الجمعة، يوم 11 نوفمبر
      day_word = true;
    }
    DateValue v;
    uint32_t k;
    if (j != i) {
      if (!Valid(j) || !CoreDate(j, prefix, day_word, &v, &k)) return false;
      if (prefix && !day_word && v.granularity == "day" && Find(i, EntryType::kTemporal, {"part"}) != nullptr) {
        // مطلع 11 نوفمبر makes no sense: the part word applies to periods only.
        return false;
      }
    } else if (!CoreDate(i, false, false, &v, &k)) {
      return false;
    }
    e->type = EntityType::kDate;
    e->value = v.value;
    e->granularity = v.granularity;
    e->qualifier = v.qualifier;
    *end = k;
    return true;
  }

  // ---- numbers ------------------------------------------------------------
  // Digits with separators: 1,000  1.5  ٣٫٥  1٬000. Times (10:30) and
  // slashed numbers are not numbers.
  std::optional<Dec> Digits(uint32_t i) const {
    if (!Valid(i) || Kind(i) != TokenKind::kNumber) return std::nullopt;
    std::string_view s = Norm(i);
    std::string plain;
    constexpr std::string_view kArDecimal = "\xD9\xAB";    // ٫
    constexpr std::string_view kArThousands = "\xD9\xAC";  // ٬
    // Group separators: a ',' or '٬' followed by exactly three digits, the
    // same mark throughout; anything else with ',' is a decimal comma.
    size_t k = 0;
    std::string groups_sep;
    while (k < s.size()) {
      char c = s[k];
      if (c >= '0' && c <= '9') {
        plain.push_back(c);
        ++k;
        continue;
      }
      std::string_view rest = s.substr(k);
      size_t sl = 0;
      bool thousands = false, decimal = false;
      if (rest.starts_with(kArDecimal)) {
        sl = kArDecimal.size();
        decimal = true;
      } else if (rest.starts_with(kArThousands)) {
        sl = kArThousands.size();
        thousands = true;
      } else if (c == '.') {
        sl = 1;
        decimal = true;
      } else if (c == ',') {
        sl = 1;
        size_t digits = 0;
        while (k + 1 + digits < s.size() && s[k + 1 + digits] >= '0' && s[k + 1 + digits] <= '9') ++digits;
        thousands = digits == 3;
        decimal = !thousands;
      } else {
        return std::nullopt;  // '/', ':'
      }
      if (thousands) {
        std::string sep(rest.substr(0, sl));
        if (!groups_sep.empty() && groups_sep != sep) return std::nullopt;
        groups_sep = sep;
      }
      if (decimal) plain.push_back('.');
      k += sl;
    }
    return Dec::Parse(plain);
  }

  struct NumberValue {
    Dec value;
    std::string qualifier;  // tens_of, hundreds_of, thousands_of …
  };

  static std::string PluralQualifier(int64_t v) {
    int digits = 0;
    for (int64_t x = v; x >= 10; x /= 10) ++digits;
    if (digits % 3 == 1) return "tens_of";
    if (digits % 3 == 2) return "hundreds_of";
    switch (digits) {
      case 3: return "thousands_of";
      case 6: return "millions_of";
      case 9: return "billions_of";
      default: return "trillions_of";
    }
  }

  // A scale word at i (ألف، آلاف، مليون، مليار …): value; *dual when it
  // already counts two (ألفان).
  const LexEntry* Scale(uint32_t i, uint32_t* len) const {
    return Find(i, EntryType::kNumber, {"scale", "scale_plural", "scale_dual"}, len);
  }

  // A number word at i, also when the clitic segmenter left a conjunction
  // attached (وخمسون، وخمسمئة): *conj tells whether it starts with و.
  const LexEntry* NumberWord(uint32_t i, uint32_t* len, bool* conj) const {
    static constexpr std::string_view kKinds[] = {"unit",  "teen",         "ten",        "hundred",
                                                  "scale", "scale_plural", "scale_dual", "fraction"};
    *conj = HasProclitic(i, kWaw);
    if (const LexEntry* e = Find(i, EntryType::kNumber,
                                 {"unit", "teen", "ten", "hundred", "scale", "scale_plural", "scale_dual", "fraction"}, len)) {
      return e;
    }
    if (!Valid(i) || Kind(i) != TokenKind::kWord || *conj) return nullptr;
    std::string_view s = Stem(i);
    if (!s.starts_with(kWaw) || s.size() < kWaw.size() + 4) return nullptr;
    for (uint32_t id : lex_.Lookup(s.substr(kWaw.size()))) {
      const LexEntry& e = lex_.entry(id);
      if (e.type != EntryType::kNumber || FoldForMatching(e.surface) != s.substr(kWaw.size())) continue;
      for (std::string_view k : kKinds) {
        if (e.kind == k) {
          *conj = true;
          *len = 1;
          return &e;
        }
      }
    }
    return nullptr;
  }

  // The number at i without qualifier words: *end past it.
  bool NumberCore(uint32_t i, NumberValue* out, uint32_t* end) const {
    uint32_t len = 0;
    if (std::optional<Dec> d = Digits(i)) {
      Dec v = *d;
      uint32_t j = i + 1;
      const LexEntry* s = Scale(j, &len);
      if (s != nullptr && s->kind != "scale_dual" && !HasProclitic(j, kWaw)) {
        std::optional<Dec> sv = Dec::Parse(s->value);
        if (!sv) return false;
        v = v * *sv;
        j += len;
        // 2 مليون ونصف
        if (const LexEntry* f = Find(j, EntryType::kNumber, {"fraction"}, &len);
            f != nullptr && HasProclitic(j, kWaw)) {
          if (std::optional<Dec> fv = Dec::Parse(f->value)) {
            v = v + *fv * *sv;
            j += len;
          }
        }
      }
      if (!v.Fits()) return false;
      out->value = v;
      *end = j;
      return true;
    }
    // عشرات، مئات، عشرات الآلاف [+ المليارات]
    if (const LexEntry* p = Find(i, EntryType::kNumber, {"plural_scale"}, &len)) {
      std::optional<Dec> pv = Dec::Parse(p->value);
      if (!pv) return false;
      uint32_t j = i + len;
      out->qualifier = PluralQualifier(SmallInt(*pv));
      if (const LexEntry* s = Find(j, EntryType::kNumber, {"scale_plural"}, &len); s != nullptr && HasArticle(j)) {
        if (std::optional<Dec> sv = Dec::Parse(s->value)) {
          *pv = *pv * *sv;
          j += len;
        }
      }
      out->value = *pv;
      *end = j;
      return true;
    }
    // آلاف، ملايين with no number before them: 'thousands/millions of'.
    if (const LexEntry* s = Find(i, EntryType::kNumber, {"scale_plural"}, &len)) {
      std::optional<Dec> sv = Dec::Parse(s->value);
      if (!sv) return false;
      out->value = *sv;
      out->qualifier = PluralQualifier(SmallInt(*sv));
      *end = i + len;
      return true;
    }
    // Number words: terms joined by و, a scale multiplying what precedes it.
    Dec total, current;
    Dec last_scale = Dec::Int(1);
    bool any = false, last_was_scale = false;
    uint32_t j = i;
    uint32_t words = 0;
    while (Valid(j)) {
      bool conj = false;
      const LexEntry* e = NumberWord(j, &len, &conj);
      if (e == nullptr) break;
      if (any && !conj) {
        // Only a scale may follow without و: ثلاثة آلاف، خمسون ألفا، مئة ألف.
        const LexEntry* s = Scale(j, &len);
        if (s == nullptr || last_was_scale || s->kind == "scale_dual" || current.IsZero()) break;
      }
      std::optional<Dec> ev = Dec::Parse(e->value);
      if (!ev) break;
      if (e->kind == "fraction") {
        if (any && last_was_scale && conj) {
          total = total + *ev * last_scale;  // مليون ونصف
        } else if (!any) {
          uint32_t sl = 0;
          if (Scale(j + len, &sl) == nullptr) break;  // نصف مليون; a lone نصف is not a quantity
          current = *ev;
        } else {
          break;
        }
        last_was_scale = false;
      } else if (e->kind == "scale" || e->kind == "scale_plural") {
        if (any && !conj && current.IsZero()) break;
        if (any && conj) {
          // وألف after a complete number: a new term (ألف وخمسمئة).
          if (!current.IsZero()) break;
          total = total + *ev;
        } else {
          total = total + (current.IsZero() ? Dec::Int(1) : current) * *ev;
        }
        current = Dec{};
        last_scale = *ev;
        last_was_scale = true;
      } else if (e->kind == "scale_dual") {
        if (!current.IsZero()) break;
        total = total + *ev;
        std::optional<Dec> half = Dec::Parse(e->value);
        last_scale = *half * Dec{5, -1};
        last_was_scale = true;
      } else {
        current = current + *ev;
        last_was_scale = false;
      }
      any = true;
      ++words;
      j += len;
    }
    if (!any) return false;
    if (words == 1 && HasNonNumberEntry(i)) return false;  // صفر the month
    Dec v = total + current;
    if (words == 1 && v.man == 1 && v.exp == 0) return false;  // واحد is mostly 'one/single' (في آن واحد)
    if (!v.Fits()) return false;
    out->value = v;
    *end = j;
    return true;
  }

  bool TryNumber(uint32_t i, Entity* e, uint32_t* end) const {
    std::string qualifier;
    uint32_t j = i;
    uint32_t len = 0;
    if (const LexEntry* q =
            Find(j, EntryType::kNumber, {"approx", "more_than", "less_than", "at_least", "at_most"}, &len)) {
      qualifier = q->kind;
      j += len;
    }
    NumberValue n;
    uint32_t k;
    if (!Valid(j) || !NumberCore(j, &n, &k)) return false;
    std::string quals[3];
    int nq = 0;
    if (!qualifier.empty()) quals[nq++] = qualifier;
    if (!n.qualifier.empty()) quals[nq++] = n.qualifier;
    // 50% / ٥٠٪ / 50 في المئة / 50 بالمئة
    if (Valid(k) && Kind(k) != TokenKind::kWord && (Norm(k) == "%" || Norm(k) == "\xD9\xAA")) {
      quals[nq++] = "percent";
      ++k;
    } else if (IsWord(k, kFi) && Valid(k + 1) && HasArticle(k + 1) &&
               Find(k + 1, EntryType::kNumber, {"hundred"}, &len) != nullptr && Stem(k + 1).size() <= 12) {
      quals[nq++] = "percent";
      k += 1 + len;
    } else if (Valid(k) && HasProclitic(k, kBa) && HasArticle(k) &&
               Find(k, EntryType::kNumber, {"hundred"}, &len) != nullptr && Stem(k).size() <= 12) {
      quals[nq++] = "percent";
      k += len;
    }
    // Trailing bounds: 10 على الأقل، 100 تقريبا.
    if (const LexEntry* q = Find(k, EntryType::kNumber, {"approx", "at_least", "at_most"}, &len);
        q != nullptr && qualifier.empty() && nq < 3) {
      quals[nq++] = q->kind;
      k += len;
    }
    e->type = EntityType::kNumber;
    e->value = n.value.ToString();
    for (int q = 0; q < nq; ++q) {
      if (q > 0) e->qualifier += "+";
      e->qualifier += quals[q];
    }
    *end = k;
    return true;
  }

  const Document& doc_;
  const Lexicon& lex_;
  std::vector<int32_t> match_at_;
  std::vector<uint32_t> types_at_;  // per token: TypeBit() of the entry types of the phrase starting there
  static uint32_t TypeBit(EntryType type) {
    static_assert(static_cast<unsigned>(EntryType::kCue) < 32, "entry types fit a 32-bit mask");
    return uint32_t{1} << static_cast<unsigned>(type);
  }
  const std::vector<LexiconMatch>* matches_ = nullptr;
  std::optional<int64_t> doc_day_;
};

}  // namespace

void FindDatesAndNumbers(const Document& doc, const Lexicon& lexicon, const std::vector<LexiconMatch>& matches,
                         std::vector<Entity>* out) {
  if (out == nullptr || doc.tokens.empty()) return;
  Grammar(doc, lexicon, matches).Run(out);
}

}  // namespace rasd::internal
