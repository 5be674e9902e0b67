// File: entities/sites.h
//
// Sites and places are not actors (issue #16): a building named after a
// locative preposition (اعتصموا أمام القنصلية التركية) is where something
// happens, not who does it; a name that is the genitive of a site noun (مقر
// البرلمان، شارع فلسطين، نهر الأردن، جامعة كولومبيا، صلاة المغرب) is part of a
// place's name; a capital stands for its government (واشنطن ترفض) except
// where it is a location (في واشنطن، أمام …). The words come from
// data/lexicons/sites.tsv (kinds: locative, in, site_head, building).
//
//   MarkSites(lexicon, &doc);   // after RecognizeEntities
#ifndef RASD_ENTITIES_SITES_H_
#define RASD_ENTITIES_SITES_H_

#include <cstdint>
#include <string_view>

#include "lexicon/lexicon.h"
#include "rasd/document.h"

namespace rasd::internal {

// The sites.tsv class of token t's word (without proclitics: locative, in, site_head, building), or "".
std::string_view SiteClass(const Lexicon& lexicon, const Document& doc, uint32_t t);

// Retypes site mentions of doc->entities as locations (LOC, no sector or
// code) and gives capitals used as actors their government's code.
void MarkSites(const Lexicon& lexicon, Document* doc);

}  // namespace rasd::internal

#endif  // RASD_ENTITIES_SITES_H_
