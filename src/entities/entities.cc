#include "entities/entities.h"

#include "entities/recognizer.h"
#include "entities/sites.h"

namespace rasd {

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kLocation: return "LOC";
    case EntityType::kGpe: return "GPE";
    case EntityType::kNorp: return "NORP";
    case EntityType::kRole: return "ROLE";
    case EntityType::kDate: return "DATE";
    case EntityType::kNumber: return "NUM";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

namespace internal {

void RecognizeEntities(const EntityResources& resources, const std::vector<LexiconMatch>& matches, Document* doc) {
  if (resources.lexicon == nullptr || doc->tokens.empty()) return;
  EntityResources with_matches = resources;
  with_matches.matches = &matches;
  recognizer::Recognizer(with_matches, matches, doc).Run();
  MarkSites(*resources.lexicon, doc);
}

}  // namespace internal
}  // namespace rasd
