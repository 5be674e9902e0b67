// DocumentToJson writes JSON directly: its strings and numbers must be the
// bytes nlohmann::ordered_json would write (the format of docs/output.md).
#include "json/document_json.h"
#include "json/json_escape.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rasd/normalize.h"

namespace rasd {
namespace {

std::string NlohmannString(const std::string& s) {
  return nlohmann::ordered_json(s).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

TEST(DocumentJsonTest, EscapesLikeNlohmann) {
  Document doc;
  doc.id = std::string("a\"b\\c\n\t\r\b\f\x01\x1f\x7f ") + std::string(1, '\0') + "عمّان";
  doc.text = "نص";
  // The second and third are not UTF-8 (the third only after an escape and
  // an Arabic letter): replaced as nlohmann does.
  doc.warnings = {"w\"1", "ill\xff-formed", "q\"\nع\xC0\x80z"};
  const std::string out = DocumentToJson(doc);
  EXPECT_NE(out.find("\"id\":" + NlohmannString(doc.id) + ","), std::string::npos) << out;
  EXPECT_NE(out.find("\"warnings\":[" + NlohmannString(doc.warnings[0]) + "," + NlohmannString(doc.warnings[1]) + "," +
                     NlohmannString(doc.warnings[2]) + "]"),
            std::string::npos)
      << out;
  auto parsed = nlohmann::ordered_json::parse(out);
  EXPECT_EQ(parsed["id"], doc.id);
  EXPECT_TRUE(parsed["date"].is_null());
}

// The escapers skip eight plain bytes at a time: a byte that needs an escape
// or breaks UTF-8 must be caught wherever it falls in the window.
TEST(DocumentJsonTest, EscapersAgreeWithNlohmannAtEveryOffset) {
  const std::string bases[] = {"وزارة الخارجية الفلسطينية", "plain ascii text of some length", "مصرabcdefgمصرمصرxyz"};
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f", "\xff", "\xC0\x80", "\xD8"};
  for (const std::string& base : bases) {
    for (const std::string& special : specials) {
      for (size_t at = 0; at <= base.size(); ++at) {
        const std::string s = base.substr(0, at) + special + base.substr(at);
        std::string out = "x";
        const bool valid = internal::AppendJsonStringIfValid(s, &out);
        EXPECT_EQ(valid, IsValidUtf8(s)) << at;
        if (valid) {
          EXPECT_EQ(out.substr(0, 1), "x") << at;
          EXPECT_EQ(out.substr(1), NlohmannString(s)) << at;
          std::string plain;
          internal::AppendJsonString(s, &plain);
          EXPECT_EQ(plain, NlohmannString(s)) << at;
        } else {
          EXPECT_EQ(out, "x") << at;  // left as it was
        }
      }
    }
  }
}

TEST(DocumentJsonTest, NumbersAndPrettyPrintingLikeNlohmann) {
  Document doc;
  doc.id = "n1";
  doc.date = "2024-11-23";
  doc.text = "ألفان و 2.5 مليون";
  Entity number;
  number.type = EntityType::kNumber;
  number.text = "2.5 مليون";
  number.span = {static_cast<uint32_t>(doc.text.find("2.5")), static_cast<uint32_t>(doc.text.size())};
  number.value = "2500000.0";
  doc.entities.push_back(number);
  Event ev;
  ev.type = "CONSULT";
  ev.cameo = "040";
  ev.confidence = 0.8f;
  ev.context = {"a", "b"};
  doc.events.push_back(ev);
  const std::string out = DocumentToJson(doc);
  EXPECT_NE(out.find("\"value\":" + nlohmann::ordered_json::parse("2500000.0").dump()), std::string::npos) << out;
  EXPECT_NE(out.find("\"confidence\":" + nlohmann::ordered_json(0.8f).dump()), std::string::npos) << out;
  EXPECT_NE(out.find("\"context\":[\"a\",\"b\"]"), std::string::npos) << out;
  JsonOptions pretty;
  pretty.indent = 2;
  EXPECT_EQ(DocumentToJson(doc, pretty), nlohmann::ordered_json::parse(out).dump(2));
}

}  // namespace
}  // namespace rasd
