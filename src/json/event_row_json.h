// A stored event (rasd::EventRow) as one JSON object: the rendering shared by
// `rasd query --format json|plover` and the server's GET /api/events.
#ifndef RASD_JSON_EVENT_ROW_JSON_H_
#define RASD_JSON_EVENT_ROW_JSON_H_

#include <string>

#include "rasd/storage.h"

namespace rasd {

// Appends one JSON object (no newline): id, doc_id, date, actor, recipient,
// event, mode, context, cameo, event_text, anchor, location, attribution,
// negated, modality; with `article_fields` also actor_text, recipient_text,
// source, title and url.
void AppendEventRowJson(const EventRow& row, bool article_fields, std::string* out);

}  // namespace rasd

#endif  // RASD_JSON_EVENT_ROW_JSON_H_
