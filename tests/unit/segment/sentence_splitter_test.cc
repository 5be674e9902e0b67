// Sentence boundaries around Arabic punctuation, abbreviations, numbers,
// quotes, headlines and datelines.
#include <gtest/gtest.h>

#include "rasd/engine.h"

namespace rasd {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  static const std::unique_ptr<Engine> engine = std::move(Engine::Create().value());
  AnalyzeOptions o;
  o.text_only = true;
  Document d = engine->Analyze(text, o);
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) out.emplace_back(d.Text(s.span));
  return out;
}

using V = std::vector<std::string>;

TEST(SentenceSplitterTest, Boundaries) {
  struct Case {
    const char* name;
    const char* input;
    V expected;
  };
  const Case cases[] = {
      {"full_stop", "وصل الوفد. بدأ الاجتماع.", {"وصل الوفد.", "بدأ الاجتماع."}},
      {"arabic_question_mark", "هل وصل؟ نعم وصل!", {"هل وصل؟", "نعم وصل!"}},
      {"semicolon_does_not_split", "وصل الوفد؛ وبدأ الاجتماع.", {"وصل الوفد؛ وبدأ الاجتماع."}},
      {"abbreviation_doctor", "التقى د. منتصر أبو زيد الوزير.", {"التقى د. منتصر أبو زيد الوزير."}},
      {"abbreviation_engineer", "قال م. أحمد إن العمل بدأ.", {"قال م. أحمد إن العمل بدأ."}},
      {"abbreviation_professor", "حاضر أ. سامي في الجامعة.", {"حاضر أ. سامي في الجامعة."}},
      {"glued_initials", "منح أ.د. علي جائزة.", {"منح أ.د. علي جائزة."}},
      {"latin_initial", "وقال J. Smith إنه وصل.", {"وقال J. Smith إنه وصل."}},
      {"decimal_number", "نما الاقتصاد 1.5 بالمئة. ثم تراجع.", {"نما الاقتصاد 1.5 بالمئة.", "ثم تراجع."}},
      {"date_number", "في 11/11/2024 عقدت القمة. وانتهت.", {"في 11/11/2024 عقدت القمة.", "وانتهت."}},
      {"era_marker_ends_sentence", "وقع ذلك عام 1967 م. ثم تغير كل شيء.",
       {"وقع ذلك عام 1967 م.", "ثم تغير كل شيء."}},
      {"closing_quote_kept", "قال: \"انتهى الأمر.\" ثم غادر.", {"قال: \"انتهى الأمر.\"", "ثم غادر."}},
      {"guillemet_kept", "قال «انتهى.» ثم غادر.", {"قال «انتهى.»", "ثم غادر."}},
      {"headline_line_break", "عنوان الخبر بلا نقطة\nنص الخبر هنا.", {"عنوان الخبر بلا نقطة", "نص الخبر هنا."}},
      {"dateline", "بيروت - قال الوزير إن الوضع هادئ.", {"بيروت -", "قال الوزير إن الوضع هادئ."}},
      {"dateline_with_agency", "القاهرة - (أ ف ب) - التقى الوزير نظيره.",
       {"القاهرة - (أ ف ب) -", "التقى الوزير نظيره."}},
      {"hyphen_compound_is_no_dateline", "الصراع الفلسطيني-الإسرائيلي مستمر.", {"الصراع الفلسطيني-الإسرائيلي مستمر."}},
      {"ellipsis", "انتظر... ثم وصل.", {"انتظر...", "ثم وصل."}},
      {"no_final_mark", "جملة بلا نهاية", {"جملة بلا نهاية"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Sentences(c.input), c.expected) << c.name;
}

TEST(SentenceSplitterTest, VeryLongRunIsCut) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "كلمة ";
  V s = Sentences(text);
  EXPECT_GE(s.size(), 3u);
}

}  // namespace
}  // namespace rasd
