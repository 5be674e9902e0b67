// Data files linked into the library at build time (cmake rasd_embed_file).
#ifndef RASD_ENGINE_BUILTIN_DATA_H_
#define RASD_ENGINE_BUILTIN_DATA_H_

#include <string_view>

namespace rasd::internal {

std::string_view BuiltinSegmenterVocabulary();  // data/models/segmenter_vocab.tsv
std::string_view BuiltinLexiconBlob();          // compiled data/lexicons/*.tsv (rasd_lexc)
std::string_view BuiltinSegmenterGuard();       // data/lexicons/segmenter_guard.tsv
// The segmenter built from the two above (rasd_segc; CliticSegmenter::FromBlob),
// 16-byte aligned so that it is read in place.
std::string_view BuiltinSegmenterTable();
std::string_view BuiltinNerModel();             // data/models/ner.model (binary)
std::string_view BuiltinEventModel();           // data/models/events.model (binary, learn/linear_model.h)
std::string_view BuiltinEventCalibration();     // data/models/events_calibration.tsv
std::string_view BuiltinGazetteer();            // data/geo/gazetteer.tsv
std::string_view BuiltinGoldstein();            // data/codebook/goldstein.tsv
std::string_view BuiltinPloverIntensity();      // data/codebook/plover_intensity.tsv

}  // namespace rasd::internal

#endif  // RASD_ENGINE_BUILTIN_DATA_H_
