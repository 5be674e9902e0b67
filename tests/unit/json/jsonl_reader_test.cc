// ParseArticleLine and ReadJsonObject: the record fields, the input limits
// (include/rasd/limits.h) and linear time on hostile shapes (issue #17), and
// agreement with nlohmann::json on the fields of ordinary records.
#include "json/jsonl_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "json/json_object_reader.h"
#include "rasd/engine.h"

namespace rasd {
namespace {

double SecondsToParse(const std::string& line, bool* ok) {
  const auto t0 = std::chrono::steady_clock::now();
  *ok = ParseArticleLine(line).ok();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string Error(const std::string& line) {
  auto r = ParseArticleLine(line);
  return r.ok() ? "ok" : std::string(r.status().message());
}

TEST(JsonlReaderTest, KnownFieldsAndExtras) {
  auto r = ParseArticleLine(
      R"({"id": "a1", "date": "2024-11-23", "text": "قال الوزير", "title": "t", "zeta": [1, {"k": null}], "alpha": 1.50})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->id, "a1");
  EXPECT_EQ(r->date, "2024-11-23");
  EXPECT_EQ(r->text, "قال الوزير");
  EXPECT_EQ(r->title, "t");
  // Extras in input order, non-string values exactly as written.
  EXPECT_EQ(r->extra_json, R"({"zeta":[1, {"k": null}],"alpha":1.50})");
  EXPECT_TRUE(nlohmann::json::accept(r->extra_json));
}

TEST(JsonlReaderTest, EscapesAndDuplicateKeys) {
  auto r = ParseArticleLine(R"({"text": "q\" b\\ s\/ \n\t \u0627 \ud83d\ude00", "text": "last", "x": "a\u0001"})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "last");  // a key twice: the last one counts
  EXPECT_EQ(r->extra_json, R"({"x":"a\u0001"})");
  auto e = ParseArticleLine(R"({"text": "q\" b\\ s\/ \n\t \u0627 \ud83d\ude00"})");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->text, "q\" b\\ s/ \n\t ا 😀");
}

TEST(JsonlReaderTest, BadRecordsGiveAReason) {
  EXPECT_EQ(Error(R"({"id": "no text"})"), "field 'text' is missing");
  EXPECT_EQ(Error(R"({"text": ["a"]})"), "field 'text' is not a string");
  EXPECT_EQ(Error(R"({"text": "t", "title": {}})"), "field 'title' is not a string");
  EXPECT_EQ(Error(R"(["text", "t"])"), "not valid JSON at byte 0: not a JSON object");
  EXPECT_EQ(Error(R"({"text" "t"})"), "not valid JSON at byte 8: expected ':'");
  EXPECT_EQ(Error(R"({"text": "t",})"), "not valid JSON at byte 13: expected a key in double quotes");
  EXPECT_EQ(Error(R"({"text": "t"} x)"), "not valid JSON at byte 14: text after the object");
  EXPECT_EQ(Error("{\"text\": \"tab\tinside\"}"), "not valid JSON at byte 13: control character in a string (escape it)");
  EXPECT_EQ(Error(R"({"text": "bad \q"})"), "not valid JSON at byte 15: bad escape");
  EXPECT_EQ(Error(R"({"text": "t", "n": 01})"), "not valid JSON at byte 20: expected ',' or '}'");
  EXPECT_EQ(Error(R"({"text": "t", "n": [1,]})"), "not valid JSON at byte 22: expected a value");
  EXPECT_EQ(Error(R"({"text": "t", "n": [1})"), "not valid JSON at byte 21: expected ',' or ']'");
  EXPECT_EQ(Error(R"({"text": "unterminated)"), "not valid JSON at byte 22: unterminated string");
  EXPECT_EQ(Error(""), "not valid JSON at byte 0: expected '{'");
  // Found by fuzz_jsonl: a number beyond a double's range in an unknown field
  // was kept as written, and no JSON library could read extra_json back.
  const std::string range = "number out of range (beyond ±1.8e308)";
  EXPECT_EQ(Error(R"({"text": "t", "n": [1e400]})"), "not valid JSON at byte 25: " + range);
  EXPECT_EQ(Error(R"({"text": "t", "n": -736382024E935})"), "not valid JSON at byte 33: " + range);
  EXPECT_EQ(Error("{\"text\": \"t\", \"n\": 1" + std::string(400, '0') + "}"), "not valid JSON at byte 420: " + range);
  auto tiny = ParseArticleLine(R"({"text": "t", "n": 1e-400, "m": 1.7e308})");
  ASSERT_TRUE(tiny.ok());
  EXPECT_TRUE(nlohmann::json::accept(tiny->extra_json));
}

// One invalid UTF-8 byte no longer drops the record: it is repaired like a
// text file (U+FFFD), in known fields, keys and extras alike.
TEST(JsonlReaderTest, InvalidUtf8IsRepaired) {
  auto r = ParseArticleLine("{\"text\": \"bad \xff byte\", \"k\xc3\": \"v\xe2\x82\", \"n\": [\"\xc0\"]}");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(r->extra_json, "{\"k\xEF\xBF\xBD\":\"v\xEF\xBF\xBD\",\"n\":[\"\xEF\xBF\xBD\"]}");
  EXPECT_TRUE(nlohmann::json::accept(r->extra_json));
  auto s = ParseArticleLine(R"({"text": "lone \udc00 and \ud800 alone"})");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->text, "lone \xEF\xBF\xBD and \xEF\xBF\xBD alone");
  // Found by fuzz_jsonl: inside an unknown nested field, kept as written, the
  // unpaired escapes are repaired too (JSON libraries refuse them).
  auto t = ParseArticleLine(R"({"text": "t", "meta": {"a": ["\udc15 x", "\ud83d\udc15", "\ud83d\\u0041"]}})");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->extra_json, R"({"meta":{"a": ["\ufffd x", "\ud83d\udc15", "\ufffd\\u0041"]}})");
  EXPECT_TRUE(nlohmann::json::accept(t->extra_json));
}

// Numeric ids above 2^64 stay distinct strings, exactly as written.
TEST(JsonlReaderTest, NumericIdsKeptAsWritten) {
  auto a = ParseArticleLine(R"({"id": 18446744073709551617, "text": "a"})");
  auto b = ParseArticleLine(R"({"id": 18446744073709551618, "text": "b"})");
  auto c = ParseArticleLine(R"({"id": 1.0e3, "text": "c"})");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->id, "18446744073709551617");
  EXPECT_EQ(b->id, "18446744073709551618");
  EXPECT_EQ(c->id, "1.0e3");
}

TEST(JsonlReaderTest, DatesAreRealCalendarDays) {
  for (const char* bad : {"2024-13-45", "0000-00-00", "2024-02-30", "2023-02-29", "2024-1-5", "24-11-23", "yesterday",
                          "2024-11-23x", "2024-11-23\xff"}) {
    const std::string line = std::string(R"({"text": "t", "date": ")") + bad + "\"}";
    EXPECT_NE(Error(line).find("is not a real calendar date"), std::string::npos) << bad << ": " << Error(line);
  }
  EXPECT_EQ(Error(R"({"text": "t", "date": 20240101})"), "field 'date' is not a string");
  auto leap = ParseArticleLine(R"({"text": "t", "date": "2024-02-29"})");
  ASSERT_TRUE(leap.ok());
  EXPECT_EQ(leap->date, "2024-02-29");
  auto arabic = ParseArticleLine(R"({"text": "t", "date": "٢٠٢٤-١١-٢٣"})");
  ASSERT_TRUE(arabic.ok()) << arabic.status().message();
  EXPECT_EQ(arabic->date, "2024-11-23");
  auto persian = ParseArticleLine(R"({"text": "t", "date": "۲۰۲۴-۱۱-۲۳T08:00:00Z"})");
  ASSERT_TRUE(persian.ok()) << persian.status().message();
  EXPECT_EQ(persian->date, "2024-11-23T08:00:00Z");
}

TEST(JsonlReaderTest, ValidateDatePrefix) {
  for (const char* ok : {"2024", "2024-02", "2024-02-29"}) EXPECT_TRUE(ValidateDatePrefix(ok).ok()) << ok;
  for (const char* bad : {"0000", "2024-00", "2024-13", "2024-02-30", "2024-", "20245", "x"}) {
    EXPECT_FALSE(ValidateDatePrefix(bad).ok()) << bad;
  }
}

// A library caller passing an impossible date is told why relative dates
// stay unresolved (the CLI, server and Python refuse it before).
TEST(JsonlReaderTest, EngineWarnsAboutAnImpossibleDate) {
  auto engine = Engine::Create();
  ASSERT_TRUE(engine.ok());
  AnalyzeOptions options;
  options.date = "2024-02-30";
  options.text_only = true;
  const Document doc = (*engine)->Analyze("وصل أمس.", options);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0],
            "date: date '2024-02-30' is not a real calendar date YYYY-MM-DD; relative dates stay unresolved");
  options.date = "2024-02-29";
  EXPECT_TRUE((*engine)->Analyze("وصل أمس.", options).warnings.empty());
}

// The shapes that crashed or took minutes: nesting 100,000 deep (a stack
// overflow in a recursive copy), 80,000 and 500,000 keys (a pairwise check).
// Each is now refused in linear time with a reason.
TEST(JsonlReaderTest, HostileShapesAreRefusedQuickly) {
  const int n = 100000;
  const std::string deep = R"({"id":"p","text":"x","meta":)" + std::string(n, '[') + std::string(n, ']') + "}";
  bool ok = true;
  EXPECT_LT(SecondsToParse(deep, &ok), 1.0);
  EXPECT_FALSE(ok);
  EXPECT_EQ(Error(deep), "nested deeper than 64 levels at byte 91");
  const std::string deep_objects = R"({"text":"x","m":)" + [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += R"({"a":)";
    return s + "1" + std::string(100000, '}');
  }() + "}";
  EXPECT_NE(Error(deep_objects).find("nested deeper than 64 levels"), std::string::npos);

  for (int keys : {80000, 500000}) {
    std::string line = R"({"text":"x")";
    for (int i = 0; i < keys; ++i) line += ",\"k" + std::to_string(i) + "\":1";
    line += "}";
    EXPECT_LT(SecondsToParse(line, &ok), 2.0) << keys;
    EXPECT_FALSE(ok);
    EXPECT_EQ(Error(line), "more than 10000 keys in one object at byte 98901");
  }
  // Under the limit the same shape is read, in linear time.
  std::string many = R"({"text":"x")";
  for (int i = 0; i < 9000; ++i) many += ",\"k" + std::to_string(i) + "\":1";
  many += "}";
  EXPECT_LT(SecondsToParse(many, &ok), 1.0);
  EXPECT_TRUE(ok);
  // Nested keys count too, and so do values of every kind.
  InputLimits small;
  small.max_values = 100;
  std::string values = R"({"text":"x","a":[)";
  for (int i = 0; i < 200; ++i) values += i > 0 ? ",1" : "1";
  values += "]}";
  auto r = ParseArticleLine(values, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "more than 100 values in one record");
}

TEST(JsonlReaderTest, SizeLimits) {
  InputLimits small;
  small.max_line_bytes = 100;
  small.max_article_bytes = 20;
  small.max_field_bytes = 10;
  EXPECT_TRUE(ParseArticleLine(R"({"text": "twenty bytes of text", "id": "ten bytes!"})", small).ok());
  auto big_text = ParseArticleLine(R"({"text": "twenty-one bytes text"})", small);
  ASSERT_FALSE(big_text.ok());
  EXPECT_EQ(big_text.status().message(), "a string at byte 9 is larger than the limit of 20 bytes");
  EXPECT_FALSE(ParseArticleLine(R"({"text": "t", "id": "eleven byte"})", small).ok());
  EXPECT_FALSE(ParseArticleLine(R"({"text": "t", "x": [1,2,3,4,5,6]})", small).ok());
  // Found by fuzz_jsonl: 13 bytes of invalid UTF-8 repair to 39 bytes of
  // U+FFFD; the limit holds for the repaired text too.
  auto grown = ParseArticleLine("{\"text\": \"\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdd\"}", small);
  ASSERT_FALSE(grown.ok());
  EXPECT_EQ(grown.status().message(), "a string at byte 9 is larger than the limit of 20 bytes");
  auto long_line = ParseArticleLine(R"({"text": "t"})" + std::string(100, ' '), small);
  ASSERT_FALSE(long_line.ok());
  EXPECT_EQ(long_line.status().message(), "record of 113 bytes is larger than the limit of 100");
}

// On ordinary records the fields agree with nlohmann::json's reading.
void ExpectFieldsAsNlohmann(const std::string& line) {
  auto got = ParseArticleLine(line);
  auto obj = nlohmann::json::parse(line, nullptr, false);
  ASSERT_TRUE(got.ok()) << got.status().message();
  ASSERT_FALSE(obj.is_discarded());
  auto field = [&](const char* k) { return obj.contains(k) ? obj[k].get<std::string>() : std::string(); };
  EXPECT_EQ(got->id, field("id"));
  EXPECT_EQ(got->date, field("date"));
  EXPECT_EQ(got->text, field("text"));
  EXPECT_EQ(got->title, field("title"));
  EXPECT_EQ(got->source, field("source"));
  EXPECT_EQ(got->url, field("url"));
  auto extra = nlohmann::json::parse(got->extra_json, nullptr, false);
  ASSERT_TRUE(extra.is_object()) << got->extra_json;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    if (k == "text" || k == "id" || k == "date" || k == "title" || k == "source" || k == "url") continue;
    EXPECT_EQ(extra[k], it.value()) << k;
  }
}

TEST(JsonlReaderTest, CorpusRecordsAgreeWithNlohmann) {
  std::ifstream in(RASD_SHARED_DIR "/corpus/ant_multisource.jsonl");
  if (!in) GTEST_SKIP() << "no ../shared/corpus";
  std::string line;
  for (int n = 0; n < 500 && std::getline(in, line); ++n) ExpectFieldsAsNlohmann(line);
}

}  // namespace
}  // namespace rasd
