// DocumentToJson writes JSON directly: its strings and numbers must be the
// bytes nlohmann::ordered_json would write (the format of docs/output.md).
#include "json/document_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace rasd {
namespace {

std::string NlohmannString(const std::string& s) {
  return nlohmann::ordered_json(s).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

TEST(DocumentJsonTest, EscapesLikeNlohmann) {
  Document doc;
  doc.id = std::string("a\"b\\c\n\t\r\b\f\x01\x1f\x7f ") + std::string(1, '\0') + "عمّان";
  doc.text = "نص";
  doc.warnings = {"w\"1", "ill\xff-formed"};  // the second is not UTF-8: replaced as nlohmann does
  const std::string out = DocumentToJson(doc);
  EXPECT_NE(out.find("\"id\":" + NlohmannString(doc.id) + ","), std::string::npos) << out;
  EXPECT_NE(out.find("\"warnings\":[" + NlohmannString(doc.warnings[0]) + "," + NlohmannString(doc.warnings[1]) + "]"),
            std::string::npos)
      << out;
  auto parsed = nlohmann::ordered_json::parse(out);
  EXPECT_EQ(parsed["id"], doc.id);
  EXPECT_TRUE(parsed["date"].is_null());
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
