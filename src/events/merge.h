// File: events/merge.h
//
// One act, one event: a sentence often names an act twice, by a verb and its
// noun (أجرى اتصالا هاتفيا، ألقى القبض على، تظاهر … احتجاجا على) or by the act
// and its result (قتل … وأصيب … في انفجار). Events of one sentence with the
// same type, the same sides and the same marks (negation, modality) are
// one event: the most confident is kept, with its anchor.
//
//   DecideEvents(models, &candidates, doc);
//   MergeSameActs(doc);
#ifndef RASD_EVENTS_MERGE_H_
#define RASD_EVENTS_MERGE_H_

#include "rasd/document.h"

namespace rasd::internal {

// Removes from doc->events every event that repeats an act of its sentence.
void MergeSameActs(Document* doc);

}  // namespace rasd::internal

#endif  // RASD_EVENTS_MERGE_H_
