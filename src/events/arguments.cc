// The event grammar, step 3: the argument rules of one trigger — its actor,
// its recipient, and the derived readings (allegations, reactions).
#include "events/grammar.h"

#include <algorithm>
#include <set>

#include "rasd/normalize.h"

namespace rasd::internal::grammar {

int EventGrammar::ExtractOne(const Trigger& t, int last_subject) {
  last_subject_ = last_subject;
  const LexEntry& e = *t.entry;
  // A first-person verb (ندين، طالبنا) is an event only inside a quotation.
  const int quote_speaker = e.kind == "first_person" ? QuoteSpeaker(t.first) : -1;
  if (e.kind == "first_person" && quote_speaker < 0) return -1;
  // A noun with a possessive pronoun (دعمها، لقائه): the hand rules never read these.
  uint32_t reasons = t.possessed ? static_cast<uint32_t>(kPossessedNoun) : 0u;
  // An evaluative verb (وصف … بأنه «خائن»): too loose for the hand rules; the decision weighs it.
  if (!e.evaluation.empty()) reasons |= kEvaluative;
  int accepted = -1;
  // Only the trigger's head counts: a phrase whose later words begin a name
  // (نشرت قوات الأمن …) is a verb and its subject or object, not a name.
  for (uint32_t k = t.first; k < t.end; ++k) {
    int i = entity_at_[k];
    if (i >= 0 && k > t.first && Ent(i).first_token == k) break;
    // Inside a name (مجلس التعاون). A bare, unplaced word read as an
    // organisation (قوات in نشر قوات) is no name.
    if (i < 0) continue;
    bool bare = Ent(i).code.empty() && Ent(i).country.empty() && Ent(i).token_count == 1 &&
                Ent(i).type == EntityType::kOrganization;
    if (Ent(i).type != EntityType::kDate && Ent(i).type != EntityType::kNumber && !bare) {
      reasons |= kInsideName;
      break;
    }
  }
  const uint32_t sent_end = SentenceEnd(t.first);
  // not_events.tsv: the trigger opens a phrase with a sense outside politics.
  for (uint32_t id : entity_lex_.MatchAt(*doc_, t.first, sent_end).entries) {
    const LexEntry& x = entity_lex_.entry(id);
    if (x.type == EntryType::kCue && x.kind == "not_events") reasons |= kNotEventSense;
  }
  bool verbal = IsVerbal(e);
  // A verb spelt like its masdar (دعم، رفض، قصف) right after a speaker and
  // its subject is the object of what was said: أكد مجلس الجامعة "دعم الطلب".
  if (verbal && e.kind == "perfect") {
    uint32_t k = t.first;
    while (k > SentenceBegin(t.first) && doc_->tokens[k - 1].kind == TokenKind::kPunctuation) --k;
    auto subject = sentence_subject_.find(sentence_of_[t.first]);
    if (k > 0 && subject != sentence_subject_.end() &&
        Ent(subject->second).first_token + Ent(subject->second).token_count == k) {
      for (const Marker& m : markers_) {
        if (m.entry->type == EntryType::kSpeech && SameSentence(m.first, t.first) && m.end <= Ent(subject->second).first_token &&
            Ent(subject->second).first_token - m.end <= 1) {
          verbal = false;
        }
      }
      // So after a verb trigger and its subject (رفضت الحكومة الجزائرية طلب الحكومة المغربية): its object.
      const Trigger* prev = TriggerBefore(t);
      if (prev != nullptr && IsVerbal(*prev->entry) && prev->end <= Ent(subject->second).first_token &&
          Ent(subject->second).first_token - prev->end <= 1) {
        verbal = false;
      }
    }
  }
  // So is one joined by و to a masdar trigger just before it (مع محاصرة المدن ومنع وصول الطواقم).
  // Joined to its genitive: one definite noun between (محاصرة المدن ومنع); not after an object or
  // a preposition (شن هجوما على المسلحين وقتل عشرة منهم: a verb).
  if (verbal && e.kind == "perfect" && FirstProcliticIs(t.first, kWaw)) {
    const Trigger* prev = TriggerBefore(t);
    if (prev != nullptr && prev->entry->kind == "masdar" && prev->end + 1 == t.first &&
        Folded(prev->end).starts_with("\xD8\xA7\xD9\x84") && WordClass(prev->end).empty()) {  // ال
      verbal = false;
    }
  }
  const bool masdar = e.kind == "masdar" || (!verbal && e.kind == "perfect");
  // A noun after بأنه (ووصفته بأنه عمل إرهابي، اعتبرت القرار بأنه عدوان) describes what the
  // sentence has named: no act of its own.
  if (!verbal && t.first > 0 && SameSentence(t.first - 1, t.first) && DescribedAs(t.first - 1)) return -1;
  // A verb never takes the article: التعاون، للتوصل are nouns here.
  if (verbal && e.kind != "phrase") {
    std::string_view w = Folded(t.first);
    while (w.starts_with(kWaw) || w.starts_with("\xD9\x81")) w.remove_prefix(2);  // و ف
    const bool own_alef_lam = NormalizeKey(e.surface).starts_with("\xD8\xA7\xD9\x84");  // التقى، التزم
    if ((w.starts_with("\xD8\xA7\xD9\x84") && !own_alef_lam) || w.starts_with("\xD9\x84\xD9\x84")) {  // ال لل
      reasons |= kVerbSpeltAsNoun;
    }
    // Nor the preposition ب: بطلب من فلسطين is "at Palestine's request", a noun.
    if (Proclitic(t.first) == "\xD8\xA8") reasons |= kVerbSpeltAsNoun;
  }
  // What is demanded or threatened (دعت واشنطن طهران إلى الإفراج عن الصحافي، طالب بوقف القصف،
  // هدد بفرض عقوبات) has not happened: a masdar governed by إلى/ب after a REQUEST or THREATEN verb
  // in the same clause is its content, not an event.
  // So is the genitive of such a masdar (طالب بوقف القصف، دعا إلى ممارسة ضغط على إسرائيل).
  auto content_head = [&](uint32_t k) {
    return Governed(k, "\xD8\xA7\xD9\x84\xD9\x8A") || HasProclitic(k, "\xD8\xA8");  // إلى ب
  };
  const bool in_content = content_head(t.first) ||
                          (t.first > 0 && SameSentence(t.first - 1, t.first) && entity_at_[t.first - 1] < 0 &&
                           doc_->tokens[t.first - 1].kind == TokenKind::kWord && content_head(t.first - 1));
  if (t.first > 0 && in_content) {  // also a verb spelt as its masdar (بفرض) or after بأن
    for (const Trigger& other : triggers_) {
      if (other.first >= t.first) break;
      if ((other.entry->value == "REQUEST" || other.entry->value == "THREATEN") && IsVerbal(*other.entry) &&
          SameSentence(other.first, t.first) &&
          t.first - other.first <= 12) {
        reasons |= kRequestedContent;
        break;
      }
    }
  }
  // Actor.
  int actor = -1;
  int dual_recipient = -1;  // the other of the two parties a dual subject stands for
  int object_genitive = -1;  // a masdar's genitive read as its object
  bool actor_after = false;
  const int agent = AgentAfter(t.end, sent_end);
  if (e.kind == "first_person") {
    actor = quote_speaker;  // «نطالب …» قال الرئيس: we = the speaker
  } else if (verbal && agent >= 0) {
    // A passive or instrumental report names its doer (قتل 18 فلسطينيا بنيران
    // إسرائيلية، اعتقل على يد الأمن): that is the actor.
    actor = agent;
  } else if (verbal) {
    bool unknown = false;
    actor = SubjectOf(t.first, t.end, &actor_after, &unknown);
    // «وبحث الجانبان»، «واتفق الرئيسان»: a dual subject of a symmetric act is the last two parties.
    if (const auto pair = DualSubject(t, e); pair.first >= 0) {
      actor = pair.first;
      dual_recipient = pair.second;
      actor_after = false;
      unknown = false;
    }
    if (actor >= 0 && actor_after) {
      if (int shared = SharedSubject(t, e, actor); shared >= 0) {
        actor = shared;
        actor_after = false;
      }
    }
    // Only a trigger the rules keep names its sentence's subject.
    if (actor >= 0 && actor_after && reasons == 0) sentence_subject_[sentence_of_[t.first]] = actor;
    if (unknown) {
      reasons |= kUnplacedSubject;
      actor = -1;
    } else if (actor < 0 && e.value != "ASSAULT" && e.value != "COERCE" && NameInside(t) < 0) {
      // A dropped subject continues the previous sentence's; not for force,
      // where a wrong doer is the costliest error (قتل جنديان تركيان).
      actor = last_subject;
    }
  } else if (agent >= 0) {
    actor = agent;  // تم تقديم مساعدات … من قبل الحكومة السعودية
  } else {
    actor = NounActor(t, masdar, sent_end, &object_genitive, &actor_after);
  }
  // Recipient: the frame's alternatives in order.
  int recipient = -1;
  bool recipient_via_owner = false;  // found as the owner of a thing (على قرار الرئيس)
  bool uncoded_addressee = false;    // the object is a group of states (المجتمع الدولي): no code
  std::string_view frame = e.extra;
  bool needs_recipient = frame != "-";
  // "ضد|على|-": look for a recipient, but the event stands without one.
  const bool optional_recipient = frame.size() > 2 && frame.ends_with("|-");
  // A masdar's genitive agent (إدانة الحكومة القطرية للحكومة السورية): the
  // recipient follows it, and its object may come with ل.
  const bool genitive_actor = !verbal && actor >= 0 && object_genitive < 0 && Ent(actor).first_token >= t.end &&
                              Ent(actor).first_token <= t.end + 1;
  uint32_t from = (actor_after || genitive_actor) && actor >= 0 ? Ent(actor).first_token + Ent(actor).token_count : t.end;
  from = std::max(from, t.args_from);
  if (dual_recipient >= 0) from = std::max(from, t.end + 1);  // past the dual subject (ودعا الوزيران …)
  uint32_t limit = std::min<uint32_t>(sent_end, t.end + 40);
  // The object as a pronoun on the phrase's preposition (ألقت الشرطة القبض عليه): the party it
  // stands for was named before. (A verb's own object pronoun, وحذرها، is left to the search
  // after the verb: resolving it so measured no better on the train split, docs/events.md.)
  // So is a detached object pronoun right after the trigger (متهمة إياه بدعم …، واصفا إياها بأنها …).
  bool recipient_fixed = t.object_pronoun || (t.end < sent_end && DetachedObjectPronoun(t.end));
  if (recipient_fixed && needs_recipient) recipient = Antecedent(t, actor);
  // An act undergone (تعرضت ناقلة نفط سعودية لهجوم حوثي): the subject of تعرض is its target.
  if (!verbal && !recipient_fixed) {
    if (const int sufferer = Sufferer(t); sufferer >= 0 && sufferer != actor) {
      recipient = sufferer;
      recipient_fixed = true;
    }
  }
  if (needs_recipient && recipient < 0 && !recipient_fixed) {
    recipient = FrameRecipient(t, from, limit, verbal, genitive_actor, object_genitive, &actor, &recipient_via_owner,
                               &uncoded_addressee);
  }
  // A cooperative verb whose object is a cause (تدعم خيار حل الدولتين … لإقامة
  // دولة فلسطينية): the country the rest of the sentence is about.
  bool cooperative = e.value == "SUPPORT" || e.value == "AGREE" || e.value == "AID" || e.value == "COOPERATE";
  if (recipient < 0 && needs_recipient && verbal && cooperative && actor >= 0) {
    for (uint32_t k = from; k < sent_end && recipient < 0; ++k) {
      int i = entity_at_[k];
      if (i >= 0 && Ent(i).first_token == k && !Ent(i).country.empty() && Ent(i).country != Ent(actor).country &&
          (IsParticipant(i) || Ent(i).type == EntityType::kNorp)) {
        recipient = i;
      }
    }
  }
  if (recipient >= 0) recipient = PreferPerson(recipient);
  // A symmetric act between the two (وبحث الجانبان): one is the other's counterpart; any other act
  // (ودعا الوزيران المجتمع الدولي) is done by both.
  int dual_partner = -1;
  if (dual_recipient >= 0 && IsSymmetricAct(e)) {
    recipient = dual_recipient;
  } else if (dual_recipient >= 0) {
    dual_partner = dual_recipient;
  }
  // Frames whose participant is the doer (تلقى اتصالا من X: X called the subject).
  if (e.actor == "obj" && recipient >= 0 && actor >= 0) std::swap(actor, recipient);
  // An act another party reacts to (أدانت الخارجية السعودية … الهجوم الذي استهدف …،
  // رفضت مصر اعتقال …) is not that party's own: its doer is someone else or unknown.
  // So is a verb of force in a relative clause on the reaction's object (أدانت الخارجية
  // المصرية الهجوم الذي استهدف حافلة).
  const bool relative_clause = verbal && t.first > 0 && WordClass(t.first - 1) == "relative";
  int reactor = (!verbal || relative_clause) && IsActOfForce(e.value) ? Reactor(t) : -1;
  // Nor is the party that alleges acts earlier in the sentence (استعرض السفير الجرائم الإسرائيلية
  // …، مع محاصرة المدن ومنع وصول …): it recounts them, it does none of them.
  if (reactor < 0 && IsActOfForce(e.value)) reactor = AllegerBefore(t, verbal);
  if (reactor >= 0 && actor == reactor) actor = -1;
  // Reported speech and allegations.
  const Marker* speech = nullptr;
  for (const Marker& m : markers_) {
    if (m.entry->type == EntryType::kSpeech && SameSentence(m.first, t.first) && m.end <= t.first &&
        (m.entry->kind == "say" || m.entry->kind == "according_to")) {
      speech = &m;
    }
  }
  int speaker = -1;
  if (speech != nullptr) {
    bool after = false;
    speaker = IsVerbal(*speech->entry) ? SubjectOf(speech->first, speech->end, &after) : -1;
    if (speaker < 0) speaker = sentence_subject_.count(sentence_of_[t.first]) ? sentence_subject_[sentence_of_[t.first]] : last_subject;
  }
  bool conflict = e.value == "ASSAULT" || e.value == "COERCE";
  if (!verbal && conflict && actor >= 0) {
    // "… the Israeli attacks": the sentence's subject alleges them (ACCUSE),
    // when the sentence names one; a bare mention is no allegation.
    int subject = sentence_subject_.count(sentence_of_[t.first]) ? sentence_subject_[sentence_of_[t.first]] : -1;
    if (subject < 0 && speaker >= 0 && speech != nullptr) subject = speaker;  // مشيرا إلى …
    if (subject >= 0 && Ent(subject).country != Ent(actor).country) {
      Event acc = Base(t, e);
      acc.type = "ACCUSE";
      acc.mode = "allege";
      acc.cameo = "112";
      acc.actor.push_back(ActorOf(subject));
      acc.recipient.push_back(ActorOf(actor));
      acc.confidence = 0.5f;
      Finish(&acc, t);
      Candidate c = MakeCandidate(std::move(acc), reasons, t, verbal, subject, actor, speaker);
      c.allegation = true;
      c.actor_conjuncts = WithConjuncts(subject);
      if (int kept = Emit(std::move(c)); kept >= 0) accepted = kept;
      if (speaker < 0) speaker = subject;
    }
  }
  // A deployment phrase that names the forces (ونشرت قوات الأمن نحو 2000 عنصر) with no doer outside
  // it: the forces' state deploys them, so the forces named inside the phrase are the actor.
  if (actor < 0 && verbal && e.value == "MOBILIZE") {
    if (int forces = NameInside(t); IsParticipant(forces)) actor = forces;
  }
  if (actor < 0) reasons |= kNoActor;
  // A noun described by a nationality (القمة العربية) has no actor of its own.
  if (actor >= 0 && !verbal && Ent(actor).type == EntityType::kNorp && !conflict) reasons |= kNationalityActor;
  // A condemnation or rejection of an act whose doer is not named (أدانت الخارجية
  // السعودية الهجوم الذي استهدف …) has the act as its object: no recipient needed.
  const bool reacts_to_act = verbal && (e.value == "ACCUSE" || e.value == "REJECT") && GovernsConflictAct(t);
  if (needs_recipient && recipient < 0 && !optional_recipient && !reacts_to_act && !uncoded_addressee) {
    reasons |= kNoRecipient;
  }
  // Praise, appeals, accusations, deals and aid are aimed at someone: without a
  // recipient they tell an analyst nothing (أعرب عن أمله، صوت النواب لصالح القرار).
  // Protests, deployments, meetings and force can stand alone.
  static const std::set<std::string> kStandAlone = {"PROTEST", "MOBILIZE", "CONSULT", "ASSAULT", "COERCE"};
  if (recipient < 0 && !kStandAlone.count(e.value) && !reacts_to_act && !uncoded_addressee) reasons |= kNoRecipient;
  // A noun alone (القمة، زيارة) names an event only with both sides.
  if (!verbal && recipient < 0) reasons |= kNounWithoutRecipient;
  if (actor >= 0 && recipient >= 0 && ActorOf(recipient).code == ActorOf(actor).code) reasons |= kSameParty;
  if (actor >= 0 && recipient >= 0 && Ent(recipient).cluster >= 0 && Ent(recipient).cluster == Ent(actor).cluster) {
    reasons |= kSameParty;
  }
  // Between two actors of one country the frame has most likely caught the
  // actor's own description (السكرتير الثاني في السفارة الفلسطينية): skip.
  // Domestic events (a party accuses a rival, parliament summons a minister)
  // need two distinct bodies: different sectors, and the recipient not
  // inside the actor's own description (within four words after it).
  if (actor >= 0 && recipient >= 0 && !Ent(recipient).country.empty() && Ent(recipient).country == Ent(actor).country) {
    const Entity& a = Ent(actor);
    const Entity& r = Ent(recipient);
    bool described = r.first_token >= a.first_token && r.first_token <= a.first_token + a.token_count + 4;
    bool same_body = r.sector == a.sector || r.sector.empty() || a.sector.empty();
    if (described || same_body) reasons |= kSameBody;
  }
  Event ev = Base(t, e);
  // The press "attacks" with words (هاجمت وسائل الإعلام الاتفاق): a verbal attack.
  // So does anyone who attacks a decision or a statement (شن هجوما على قرار الرئيس).
  if (verbal && e.value == "ASSAULT" && ((actor >= 0 && Ent(actor).sector == "JRN") || recipient_via_owner)) {
    ev.type = "ACCUSE";
    ev.mode = "disapprove";
    ev.cameo = "111";
  }
  std::vector<int> actor_side;  // the actor and the parties joined to it by و
  if (actor >= 0) {
    actor_side = WithConjuncts(actor);
    for (int i : actor_side) ev.actor.push_back(ActorOf(i));
    if (dual_partner >= 0) ev.actor.push_back(ActorOf(dual_partner));
  }
  if (recipient >= 0) {
    for (int i : WithConjuncts(recipient)) {
      EventActor r = ActorOf(i);
      bool also_actor = false;
      for (const EventActor& a : ev.actor) also_actor |= a.code == r.code;
      if (!also_actor) ev.recipient.push_back(std::move(r));
    }
    if (ev.recipient.empty()) reasons |= kSameParty;
  }
  if (speaker >= 0 && speaker != actor) {
    ev.attribution_text = Ent(speaker).text;
    ev.attribution_code = ActorOf(speaker).code;
  } else if (!verbal && conflict && speaker >= 0) {
    ev.attribution_text = Ent(speaker).text;
    ev.attribution_code = ActorOf(speaker).code;
  }
  ev.confidence = verbal ? 0.8f : 0.6f;
  Finish(&ev, t);
  Candidate c = MakeCandidate(std::move(ev), reasons, t, verbal, actor, recipient, speaker);
  c.reactor = reactor;
  c.actor_conjuncts = std::move(actor_side);
  if (int kept = Emit(std::move(c)); kept >= 0) {
    accepted = kept;
  }
  return accepted;
}

int EventGrammar::FrameRecipient(const Trigger& t, uint32_t from, uint32_t limit, bool verbal, bool genitive_actor,
                                 int object_genitive, int* actor, bool* via_owner, bool* uncoded_addressee) const {
  const LexEntry& e = *t.entry;
  const std::string_view frame = e.extra;
  int recipient = -1;
  size_t pos = 0;
  while (recipient < 0 && pos <= frame.size()) {
    size_t bar = frame.find('|', pos);
    std::string_view alt = frame.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos);
    pos = bar == std::string_view::npos ? frame.size() + 1 : bar + 1;
    if (alt == "obj") {
      // A relative object (استنكر ما وصفه بـ"الهجوم على" السوريين) runs longer.
      uint32_t window = from < n_ && IsWord(from, "\xD9\x85\xD8\xA7") ? 14 : 8;  // ما
      if (genitive_actor) window = 3;  // a masdar's object follows its agent at once
      recipient = object_genitive >= 0
                      ? object_genitive
                      : FirstBare(from, BeforePrepositionalPhrase(from, std::min<uint32_t>(limit, from + window), false),
                                  /*recipient=*/true);
      if (recipient < 0 && genitive_actor) recipient = FirstWithPreposition(from, limit, "\xD9\x84");  // ل
      if (recipient < 0 && verbal) *uncoded_addressee = NonActorAt(from);
      // Force against a place (اقتحمت المسجد الأقصى، قصفت غزة) targets its country.
      if (recipient < 0 && (e.value == "ASSAULT" || e.value == "COERCE")) {
        for (uint32_t k = from; k < std::min<uint32_t>(limit, from + 4) && recipient < 0; ++k) {
          int i = entity_at_[k];
          if (i >= 0 && Ent(i).first_token == k && Ent(i).type == EntityType::kLocation &&
              !Ent(i).country.empty() && Preposition(i).empty()) {
            recipient = i;
          }
        }
      }
    } else if (alt == "-") {
      break;
    } else if (alt == "subj") {
      recipient = *actor;
      *actor = -1;
    } else {
      std::string folded = NormalizeKey(alt);
      recipient = FirstWithPreposition(from, limit, folded, via_owner);
    }
  }
  return recipient;
}

int EventGrammar::NounActor(const Trigger& t, bool masdar, uint32_t sent_end, int* object_genitive,
                            bool* actor_after) const {
  const LexEntry& e = *t.entry;
  int actor = -1;
  // A noun's actor is its adjective or genitive: الاعتداءات الإسرائيلية، إدانة الأردن.
  // (What follows a participle is its object: محذرا دمشق.)
  for (uint32_t k = t.end; k < t.end + 2 && k < sent_end && e.kind != "participle"; ++k) {
    int i = entity_at_[k];
    if (i >= 0 && Ent(i).first_token == k && (IsParticipant(i) || IsNisbaAdjective(i)) &&
        Preposition(i).empty()) {
      actor = i;
      break;
    }
  }
  // Else the noun is what the sentence's subject states (أكدت الجامعة دعم
  // الطلب، أعرب عن إدانته): that subject, if named before it.
  auto subject = sentence_subject_.find(sentence_of_[t.first]);
  bool statement = e.value != "ASSAULT" && e.value != "COERCE" && e.value != "MOBILIZE";
  // A transitive masdar's bare genitive is its object (ضرورة مقاضاة
  // إسرائيل) when the frame has no preposition phrase to fill and the
  // sentence names who speaks.
  // Not under a verb that reacts to it (رفضت الجزائر طلب المغرب، رحبت مصر بقرار السعودية): the noun
  // names another party's act, and its genitive party is that act's doer.
  if (actor >= 0 && masdar && statement && Ent(actor).first_token == t.end && !ReactedTo(t) &&
      !IsNisbaAdjective(actor) && subject != sentence_subject_.end() &&
      Ent(subject->second).first_token < t.first && subject->second != actor &&
      std::string_view(e.extra).find("obj") != std::string_view::npos) {
    bool prepositional = false;
    const uint32_t past = Ent(actor).first_token + Ent(actor).token_count;
    std::string_view alts = e.extra;
    for (size_t a = 0; a <= alts.size() && !prepositional;) {
      size_t bar = alts.find('|', a);
      std::string_view alt = alts.substr(a, bar == std::string_view::npos ? std::string_view::npos : bar - a);
      a = bar == std::string_view::npos ? alts.size() + 1 : bar + 1;
      if (alt != "obj" && alt != "subj" && alt != "-") {
        prepositional = FirstWithPreposition(past, std::min<uint32_t>(sent_end, past + 10), NormalizeKey(alt)) >= 0;
      }
    }
    if (!prepositional) {
      *object_genitive = actor;
      actor = subject->second;
    }
  }
  // The doer a relative clause names (الهجوم الذي شنه الحوثيون على …): the object follows it.
  if (actor < 0 && e.kind != "participle") {
    actor = RelativeClauseDoer(t, sent_end);
    *actor_after = actor >= 0;
  }
  // A circumstantial participle (محذرا، مشيدا) always belongs to the sentence's subject.
  if (actor < 0 && e.kind == "participle" && subject != sentence_subject_.end() &&
      Ent(subject->second).first_token < t.first) {
    actor = subject->second;
    *actor_after = false;
  }
  if (actor < 0 && masdar && statement && subject != sentence_subject_.end() &&
      Ent(subject->second).first_token < t.first) {
    actor = subject->second;
    *actor_after = false;
  }
  return actor;
}

int EventGrammar::SharedSubject(const Trigger& t, const LexEntry& e, int after_np) const {
  if (!FirstProcliticIs(t.first, kWaw) || !std::string_view(e.extra).starts_with("obj")) return -1;
  auto subject = sentence_subject_.find(sentence_of_[t.first]);
  if (subject == sentence_subject_.end() || subject->second == after_np) return -1;
  const Entity& s = Ent(subject->second);
  if (s.first_token + s.token_count > t.first) return -1;
  // A clause boundary between them: a comma after the subject's clause.
  bool comma = false;
  for (uint32_t k = s.first_token + s.token_count; k < t.first; ++k) {
    comma |= doc_->tokens[k].kind == TokenKind::kPunctuation && (Folded(k) == "," || Folded(k) == "\xD8\x8C");
  }
  if (!comma) return -1;
  // Gender agreement: a perfect verb ending in ت is feminine, as is a subject
  // whose head ends in ة or that names a country.
  std::string_view verb = doc_->Folded(doc_->segments[doc_->tokens[t.first].stem()].norm);
  const bool verb_feminine = e.kind == "perfect" && verb.ends_with("\xD8\xAA");  // ت
  std::string_view head = Folded(s.first_token);
  const bool subject_feminine = head.ends_with("\xD9\x87") || head.ends_with("\xD8\xA9") || s.type == EntityType::kGpe;  // ه/ة folded
  if (verb_feminine != subject_feminine) return -1;
  // The noun phrase after the verb is followed by a complement (ب، إلى، على، من).
  const Entity& np = Ent(after_np);
  const uint32_t past = np.first_token + np.token_count;
  if (past >= SentenceEnd(t.first)) return -1;
  std::string_view pro = Proclitic(past);
  std::string_view word = Folded(past);
  const bool complement = pro == "\xD8\xA8" || pro == "\xD9\x84" || word == "\xD8\xA7\xD9\x84\xD9\x8A" ||
                          word == "\xD8\xB9\xD9\x84\xD9\x8A" || word == "\xD9\x85\xD9\x86";  // ب ل الي علي من
  return complement ? subject->second : -1;
}

bool EventGrammar::GovernsConflictAct(const Trigger& t) const {
  auto from = std::lower_bound(triggers_.begin(), triggers_.end(), t.end,
                               [](const Trigger& x, uint32_t k) { return x.first < k; });
  for (auto it = from; it != triggers_.end(); ++it) {
    const Trigger& other = *it;
    if (!SameSentence(other.first, t.first) || other.first - t.end > 12) return false;
    return !IsVerbal(*other.entry) && IsActOfForce(other.entry->value);
  }
  return false;
}

int EventGrammar::NameInside(const Trigger& t) const {
  for (uint32_t k = t.first + 1; k < t.end; ++k) {
    if (int i = entity_at_[k]; i >= 0 && Ent(i).first_token == k) return i;
  }
  return -1;
}

bool EventGrammar::NonActorAt(uint32_t t) const {
  for (uint32_t len = 2; len <= 3 && t + len <= n_; ++len) {
    for (uint32_t id : entity_lex_.MatchAt(*doc_, t, t + len).entries) {
      const LexEntry& x = entity_lex_.entry(id);
      if (x.type == EntryType::kCue && x.kind == "non_actors") return true;
    }
  }
  return false;
}

int EventGrammar::Antecedent(const Trigger& t, int actor) const {
  const uint32_t s = sentence_of_[t.first];
  for (int i = static_cast<int>(doc_->entities.size()) - 1; i >= 0; --i) {
    const Entity& x = Ent(i);
    if (x.first_token >= t.first) continue;
    if (sentence_of_[x.first_token] + 1 < s) break;
    if (i == actor || !IsParticipant(i) || report_source_[i]) continue;
    if (actor >= 0 && x.first_token >= Ent(actor).first_token &&
        x.first_token < Ent(actor).first_token + Ent(actor).token_count) {
      continue;  // a name nested in the actor's phrase
    }
    return PreferPerson(i);
  }
  return -1;
}

int EventGrammar::Sufferer(const Trigger& t) const {
  const bool governed = FirstProcliticIs(t.first, "\xD9\x84") ||                         // ل
                        (t.first > 0 && IsWord(t.first - 1, "\xD8\xA7\xD9\x84\xD9\x8A"));  // إلى (folded)
  if (!governed) return -1;
  const uint32_t begin = SentenceBegin(t.first);
  for (uint32_t k = t.first; k > begin && k + 8 > t.first;) {
    --k;
    if (WordClass(k) != "undergo") continue;
    for (uint32_t j = k + 1; j < t.first; ++j) {
      const int i = entity_at_[j];
      if (i >= 0 && (IsParticipant(i) || IsNisbaAdjective(i))) return PreferPerson(i);
    }
    return -1;
  }
  return -1;
}

bool EventGrammar::IsSymmetricAct(const LexEntry& e) {
  return e.value == "CONSULT" || e.value == "AGREE" || e.value == "COOPERATE";
}

std::pair<int, int> EventGrammar::DualSubject(const Trigger& t, const LexEntry& e) const {
  if (e.value.empty() || t.end >= n_ || !SameSentence(t.end, t.first)) return {-1, -1};
  bool dual = false;
  for (uint32_t id : entity_lex_.MatchAt(*doc_, t.end, t.end + 1).entries) {
    const LexEntry& x = entity_lex_.entry(id);
    dual |= x.type == EntryType::kCue && x.kind == "collectives" && x.value == "2";
  }
  if (!dual) return {-1, -1};
  // The two nearest parties of different countries before t, walking back (entities are in text order).
  int later = -1, earlier = -1;
  for (int i = static_cast<int>(doc_->entities.size()) - 1; i >= 0; --i) {
    if (Ent(i).first_token >= t.first || !IsParticipant(i) || Ent(i).country.empty()) continue;
    if (later < 0) {
      later = i;
    } else if (Ent(i).country != Ent(later).country) {
      earlier = i;
      break;
    }
  }
  if (later < 0 || earlier < 0) return {-1, -1};
  return {earlier, later};
}

bool EventGrammar::DetachedObjectPronoun(uint32_t k) const {
  // إياه، إياها، إياهم، إياهما، إياهن (folded: ايا…); إياك، إياكم address the reader.
  const std::string_view w = WithoutConjunction(k);
  return w.starts_with("\xD8\xA7\xD9\x8A\xD8\xA7\xD9\x87");  // ايا + ه
}

const Candidate* EventGrammar::VerbalCandidateBefore(const Trigger& t) const {
  for (auto it = out_->rbegin(); it != out_->rend(); ++it) {
    if (it->first_token >= t.first) continue;
    if (sentence_of_[it->first_token] != sentence_of_[t.first]) return nullptr;
    if (it->verbal && !it->allegation) return &*it;
  }
  return nullptr;
}

bool EventGrammar::ReactedTo(const Trigger& t) const {
  const Candidate* c = VerbalCandidateBefore(t);
  if (c == nullptr) return false;
  const std::string& type = c->event.type;
  return (type == "ACCUSE" || type == "REJECT" || type == "SUPPORT") && c->end_token <= t.first &&
         t.first - c->end_token <= 6;
}

int EventGrammar::Reactor(const Trigger& t) const {
  const Candidate* c = VerbalCandidateBefore(t);
  if (c == nullptr) return -1;
  const std::string& type = c->event.type;
  const bool reaction = type == "ACCUSE" || type == "REJECT" || type == "SUPPORT" || type == "REQUEST";
  return reaction && c->end_token <= t.first ? c->actor : -1;
}

int EventGrammar::RelativeClauseDoer(const Trigger& t, uint32_t sent_end) const {
  constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال
  uint32_t k = t.end;
  if (WithoutConjunction(t.first).starts_with(kAl)) {
    for (uint32_t adjectives = 0; k < sent_end && adjectives < 3 && entity_at_[k] < 0 &&
                                  doc_->tokens[k].kind == TokenKind::kWord && Folded(k).starts_with(kAl) &&
                                  WordClass(k).empty();
         ++k, ++adjectives) {
    }
  }
  if (k + 2 >= sent_end || WordClass(k) != "relative" || entity_at_[k + 1] >= 0) return -1;
  // The verb and its resumptive object pronoun: ـه، ـها، ـهم، ـهما (not a noun's ة, folded to ه).
  const std::string_view verb = Folded(k + 1);
  const std::string_view raw = doc_->Text(doc_->tokens[k + 1].span);
  const bool pronoun = verb.size() >= 6 && (verb.ends_with("\xD9\x87") || verb.ends_with("\xD9\x87\xD8\xA7") ||
                                            verb.ends_with("\xD9\x87\xD9\x85") ||
                                            verb.ends_with("\xD9\x87\xD9\x85\xD8\xA7"));
  if (!pronoun || raw.ends_with("\xD8\xA9") || !WordClass(k + 1).empty()) return -1;  // ة
  // Its subject comes at once (past a title): شنته قوات الاحتلال، أجرتها السلطات السعودية.
  const int i = FirstBare(k + 2, std::min<uint32_t>(sent_end, k + 4));
  return i >= 0 && !report_source_[i] ? PreferPerson(i) : -1;
}

bool EventGrammar::DescribedAs(uint32_t k) const {
  const Token& tok = doc_->tokens[k];
  if (tok.segment_count < 3 || !FirstProcliticIs(k, "\xD8\xA8")) return false;  // ب
  return doc_->Folded(doc_->segments[tok.stem()].norm) == "\xD8\xA7\xD9\x86";  // أن (folded ان)
}

const Trigger* EventGrammar::TriggerBefore(const Trigger& t) const {
  auto at = std::lower_bound(triggers_.begin(), triggers_.end(), t.first,
                             [](const Trigger& x, uint32_t k) { return x.first < k; });
  if (at == triggers_.begin()) return nullptr;
  const Trigger& prev = *std::prev(at);
  return SameSentence(prev.first, t.first) ? &prev : nullptr;
}

int EventGrammar::AllegerBefore(const Trigger& t, bool verbal) const {
  static const std::set<std::string_view> kRecounting = {"ACCUSE", "CONSULT", "REQUEST", "REJECT", "PROTEST"};
  for (auto it = out_->rbegin(); it != out_->rend(); ++it) {
    if (it->first_token >= t.first) continue;
    if (sentence_of_[it->first_token] != sentence_of_[t.first]) return -1;
    // Only a verb's subject recounts (a noun's grammar actor may be the accused: الجرائم الإسرائيلية).
    const bool recounts = it->allegation || (!verbal && it->verbal && kRecounting.count(it->event.type));
    if (recounts && it->actor >= 0 && it->end_token <= t.first) return it->actor;
  }
  return -1;
}

}  // namespace rasd::internal::grammar
