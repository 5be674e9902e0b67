// Entities and actors: persons (with their roles), organisations, places,
// countries and nationality adjectives found by the lexicons, the statistical
// tagger and rules; each resolved to a CAMEO-style actor (country + sector:
// PSEGOV, KAZGOV, IGOUNO) and linked into coreference clusters.
#ifndef RASD_ENTITIES_ENTITIES_H_
#define RASD_ENTITIES_ENTITIES_H_

#include <vector>

#include "lexicon/lexicon.h"
#include "ner/perceptron_tagger.h"
#include "rasd/document.h"

namespace rasd::internal {

struct EntityResources {
  const Lexicon* lexicon = nullptr;          // required
  const PerceptronTagger* tagger = nullptr;  // optional: without it, persons come from rules only
  const std::vector<LexiconMatch>* matches = nullptr;  // set by RecognizeEntities
};

// Appends PER, ORG, LOC, GPE, NORP and ROLE entities of `doc` (text layer
// done; `matches` = lexicon.Match(doc)) to doc->entities, resolves actors and
// clusters, and sorts doc->entities by position. Entities already in
// doc->entities (dates, numbers) are kept; new ones never overlap them.
void RecognizeEntities(const EntityResources& resources, const std::vector<LexiconMatch>& matches,
                       Document* doc);

}  // namespace rasd::internal

#endif  // RASD_ENTITIES_ENTITIES_H_
