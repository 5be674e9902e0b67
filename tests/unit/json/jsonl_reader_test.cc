// ParseArticleLine reads the common record shape without nlohmann's tree;
// every record must come out as the nlohmann reading below gives it.
#include "json/jsonl_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rasd {
namespace {

// The reference reading: the same fields through nlohmann::json (strings,
// or numbers as written; null is absent; `text` is required).
struct Expected {
  bool ok = false;
  ArticleRecord r;
};

Expected Reference(const std::string& line) {
  Expected e;
  auto obj = nlohmann::json::parse(line, nullptr, false);
  if (obj.is_discarded() || !obj.is_object() || !obj.contains("text") || obj["text"].is_null()) return e;
  nlohmann::json extra = nlohmann::json::object();
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    std::string* known = k == "text" ? &e.r.text : k == "id" ? &e.r.id : k == "date" ? &e.r.date
                       : k == "title" ? &e.r.title : k == "source" ? &e.r.source : k == "url" ? &e.r.url : nullptr;
    if (known == nullptr) {
      extra[k] = it.value();
    } else if (it->is_string()) {
      *known = it->get<std::string>();
    } else if (it->is_number()) {
      *known = it->dump();
    } else if (!it->is_null()) {
      return e;
    }
  }
  e.r.extra_json = extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  e.ok = true;
  return e;
}

void ExpectSameAsReference(const std::string& line) {
  auto got = ParseArticleLine(line);
  Expected want = Reference(line);
  ASSERT_EQ(got.ok(), want.ok) << line;
  if (!want.ok) return;
  EXPECT_EQ(got->id, want.r.id) << line;
  EXPECT_EQ(got->date, want.r.date) << line;
  EXPECT_EQ(got->text, want.r.text) << line;
  EXPECT_EQ(got->title, want.r.title) << line;
  EXPECT_EQ(got->source, want.r.source) << line;
  EXPECT_EQ(got->url, want.r.url) << line;
  EXPECT_EQ(got->extra_json, want.r.extra_json) << line;
}

TEST(JsonlReaderTest, RecordsReadAsNlohmannReadsThem) {
  const std::vector<std::string> lines = {
      R"({"id": "a1", "date": "2024-11-23", "text": "قال الوزير"})",
      R"(  {"text":"x","zeta":"z","alpha":"a","id":"b2","Beta":"B","url":"u","source":"s","title":"t"}  )",
      R"({"text": "esc \" \\ \/ \b \f \n \r \t \u00e9 \u0627 \ud83d\ude00 \u0000 end"})",
      R"({"text": "t", "note": "ctrl \u0001 and \u001f and quote \" in an extra field"})",
      R"({})",
      R"({"id": "no text"})",
      R"({"text": 5})",
      R"({"text": "t", "id": 17, "date": null, "title": "x"})",
      R"({"text": "t", "tags": ["a", "b"], "meta": {"k": 1.50}, "flag": true})",
      R"({"text": "first", "text": "second"})",
      R"({"text": "t", "extra": "one", "extra": "two"})",
      R"({"text": "lone \udc00 surrogate"})",
      R"({"text": "high \ud800 alone"})",
      R"({"text": "t"} trailing)",
      R"({"text": "t",})",
      R"(["text", "t"])",
      "{\"text\": \"raw control \x01 byte\"}",
      "{\"text\": \"ill-formed \xff byte\"}",
      "{\"text\": \"tab\tinside\"}",
      R"({"text": "bad escape \q"})",
      R"({"text": "short \u12"})",
      R"({"text" "missing colon"})",
      "{\"text\": \"t\"}\n",
  };
  for (const std::string& line : lines) ExpectSameAsReference(line);
}

TEST(JsonlReaderTest, CorpusRecordsReadAsNlohmannReadsThem) {
  std::ifstream in(RASD_SHARED_DIR "/corpus/ant_multisource.jsonl");
  if (!in) GTEST_SKIP() << "no ../shared/corpus";
  std::string line;
  for (int n = 0; n < 500 && std::getline(in, line); ++n) ExpectSameAsReference(line);
}

}  // namespace
}  // namespace rasd
