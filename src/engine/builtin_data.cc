#include "engine/builtin_data.h"

#define RASD_DECLARE_EMBED(name)                      \
  extern "C" const char rasd_embed_##name##_data[];   \
  extern "C" const unsigned long long rasd_embed_##name##_size;

RASD_DECLARE_EMBED(segmenter_vocab)
RASD_DECLARE_EMBED(segmenter_guard)
RASD_DECLARE_EMBED(segmenter_table)
RASD_DECLARE_EMBED(lexicons)
RASD_DECLARE_EMBED(ner_model)
RASD_DECLARE_EMBED(event_model)
RASD_DECLARE_EMBED(event_calibration)
RASD_DECLARE_EMBED(gazetteer)
RASD_DECLARE_EMBED(goldstein)
RASD_DECLARE_EMBED(plover_intensity)

namespace rasd::internal {

std::string_view BuiltinSegmenterVocabulary() {
  return {rasd_embed_segmenter_vocab_data, static_cast<size_t>(rasd_embed_segmenter_vocab_size)};
}

std::string_view BuiltinLexiconBlob() {
  return {rasd_embed_lexicons_data, static_cast<size_t>(rasd_embed_lexicons_size)};
}

std::string_view BuiltinSegmenterGuard() {
  return {rasd_embed_segmenter_guard_data, static_cast<size_t>(rasd_embed_segmenter_guard_size)};
}

std::string_view BuiltinSegmenterTable() {
  return {rasd_embed_segmenter_table_data, static_cast<size_t>(rasd_embed_segmenter_table_size)};
}

std::string_view BuiltinNerModel() {
  return {rasd_embed_ner_model_data, static_cast<size_t>(rasd_embed_ner_model_size)};
}

std::string_view BuiltinEventModel() {
  return {rasd_embed_event_model_data, static_cast<size_t>(rasd_embed_event_model_size)};
}

std::string_view BuiltinEventCalibration() {
  return {rasd_embed_event_calibration_data, static_cast<size_t>(rasd_embed_event_calibration_size)};
}

std::string_view BuiltinGazetteer() {
  return {rasd_embed_gazetteer_data, static_cast<size_t>(rasd_embed_gazetteer_size)};
}

std::string_view BuiltinGoldstein() {
  return {rasd_embed_goldstein_data, static_cast<size_t>(rasd_embed_goldstein_size)};
}

std::string_view BuiltinPloverIntensity() {
  return {rasd_embed_plover_intensity_data, static_cast<size_t>(rasd_embed_plover_intensity_size)};
}

}  // namespace rasd::internal
