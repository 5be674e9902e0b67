// File: events/grammar.h
//
// The event grammar's working state for one document (internal to
// src/events): the triggers the lexicon matched, the speech and modality
// markers, and the rules that attach actors and recipients and mark each
// candidate. One step per file:
//   triggers.cc   finding triggers (lexicon, gapped phrases, evaluative verbs) and reading them in order
//   syntax.cc     word-level grammar: clitics, prepositions, function words, titles, subjects
//   arguments.cc  who acts on whom: the argument rules of one trigger
//   marks.cc      the candidate record: date, place, negation, modality, attribution, domain words
// Its own namespace: Trigger, Marker and the letter constants are the grammar's words, not the library's
// (src/text/arabic.h has a kWaw of its own).
#ifndef RASD_EVENTS_GRAMMAR_H_
#define RASD_EVENTS_GRAMMAR_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "events/candidate.h"
#include "events/events.h"
#include "lexicon/lexicon.h"
#include "rasd/document.h"

namespace rasd::internal::grammar {

inline constexpr std::string_view kWaw = "\xD9\x88";   // و
inline constexpr std::string_view kSeen = "\xD8\xB3";  // س (future)

struct Trigger {
  uint32_t first, end;
  const LexEntry* entry;
  uint32_t args_from = 0;  // where the recipient may start: past a gapped phrase's words
  bool possessed = false;  // matched without its enclitic pronoun (دعمها)
  bool object_pronoun = false;  // its closing preposition carries the object as a pronoun (القبض عليه)
  // The same words listed under other types (هاجم: ASSAULT, and ACCUSE for a verbal attack).
  std::vector<const LexEntry*> alternatives = {};
  // An evaluative trigger's evaluations.tsv words in its clause (both polarities).
  std::vector<const LexEntry*> evaluations = {};
};

struct Marker {  // speech verbs and modality words
  uint32_t first, end;
  const LexEntry* entry;
};

// The class of a function word (function_words.tsv: relative, particle, agent …)
// given its folded form, or null when it is none (memoised per thread).
const std::string* FunctionWordClass(const Lexicon& entities, std::string_view folded);

// Acts of force and their threat: what a party reacts to (أدانت الهجوم، رفضت العقوبات).
inline bool IsActOfForce(std::string_view type) {
  return type == "ASSAULT" || type == "COERCE" || type == "SANCTION" || type == "THREATEN";
}

inline bool IsVerbal(const LexEntry& e) {
  const std::string& pos = e.type == EntryType::kSpeech ? e.value : e.kind;
  return pos == "perfect" || pos == "imperfect" || pos == "phrase" || pos == "first_person";
}

// Reads one document's triggers in text order and appends their candidates.
class EventGrammar {
 public:
  EventGrammar(const Lexicon& lexicon, const GappedPhrases& gapped, const Lexicon& entities, Document* doc,
            std::vector<Candidate>* out);

  // The evaluations.tsv words (خائن، غير مقبول، شجاع) from token `from` to the end of its clause: the
  // sentence's end, the next speech verb (a new clause of its own) or 25 words.
  std::vector<const LexEntry*> ClauseEvaluations(uint32_t from, const std::vector<bool>& speech_verb_at) const;

  // The source a sentence is attributed to (بحسب ما أفادت به وكالة الأنباء،
  // نقلا عن مصادر أمنية) tells who reports the events, never who takes part:
  // the first entity within three words after an according_to cue.
  void MarkReportSources();

  // A verb whose phrase goes on after its subject (فرضت [الحكومة الأمريكية]
  // عقوبات على …): the verb alone becomes the trigger.
  void AddGappedTriggers(const GappedPhrases& gapped);

  void Run();

  // كما، ثم، أيضا … before a sentence's verb.
  bool IsOpeningAdverb(uint32_t t) const { return WordClass(t) == "adverb"; }

  // The sentence opens (after و) with من جانبه / من جهته / من ناحيته / بدوره.
  bool OpensWithCounterpart(uint32_t s) const;

 private:
  const Entity& Ent(int i) const { return doc_->entities[i]; }
  std::string_view Folded(uint32_t t) const { return doc_->Folded(doc_->tokens[t].norm); }
  bool SameSentence(uint32_t a, uint32_t b) const { return a < n_ && b < n_ && sentence_of_[a] == sentence_of_[b]; }
  std::string_view Proclitic(uint32_t t) const;
  // Any of token t's proclitics is `p` (بالانسحاب: ب+ال+انسحاب).
  bool HasProclitic(uint32_t t, std::string_view p) const;
  bool FirstProcliticIs(uint32_t t, std::string_view p) const;

  // Entities that can take part in an event: a person, organisation, country,
  // a role with a country, or a capital standing for its government.
  bool IsParticipant(int i) const;

  // A nationality adjective (الإسرائيلية، الإسرائيلي), not a people noun
  // (الأرمن، الفلسطينيين): only the adjective names an agent.
  bool IsNisbaAdjective(int i) const;

  // The preposition that introduces entity i (a separate word or a proclitic), folded.
  std::string Preposition(int i) const;
  std::string ComputePreposition(int i) const;

  // A ROLE standing before its person's name is represented by the person.
  int PreferPerson(int i) const;

  // The first participant in [from, to) not introduced by a preposition; for
  // a recipient also a people named by nationality (الأشقاء اليمنيين).
  int FirstBare(uint32_t from, uint32_t to, bool recipient = false) const;

  // The end of a verb's bare arguments: the first word that opens a
  // prepositional phrase with ب or ل (بموقف، لمساءلة), adverbs aside.
  // (ل also marks a masdar's object, قصف الجيش لمواقع حماس: `with_lam` false
  // keeps looking past it.)
  uint32_t BeforePrepositionalPhrase(uint32_t from, uint32_t to, bool with_lam = true) const;

  // Adverbs written with ب (بشدة، بقوة، بدوره) fill no recipient slot.
  bool IsAdverb(uint32_t t) const;
  bool ComputeIsAdverb(uint32_t t) const;

  // The grammatical class of a function word (relative, particle, preposition
  // …, from function_words.tsv) at token t, its conjunction و/ف aside; "" if none.
  std::string_view WordClass(uint32_t t) const;
  std::string_view ComputeWordClass(uint32_t t) const;
  // Token t folded, its conjunction و or ف aside (وفرضت → فرضت).
  std::string_view WithoutConjunction(uint32_t t) const;
  bool IsFunctionWord(std::string_view folded) const;
  bool IsWord(uint32_t t, std::string_view folded) const;

  // Past a title that stands at k (السيد، وجلالة الملك), within [k, to).
  uint32_t PastTitle(uint32_t k, uint32_t to) const;

  bool IsHonorificAt(uint32_t t) const;
  bool ComputeIsHonorificAt(uint32_t t) const;

  // Token t is governed by preposition `p`: a proclitic (ل ب) or the word before.
  bool Governed(uint32_t t, std::string_view p) const;

  // The participant that preposition `p` (folded) introduces first in [from, to):
  // the object right after it, past a title (مع السيد روان) or one head noun
  // (مع نظيره وزير الخارجية المصري، ضد الشعب الفلسطيني، بقرار البرلمان
  // الهولندي). When p first governs something else (رحب بالبيان), -1.
  int FirstWithPreposition(uint32_t from, uint32_t to, std::string_view p, bool* via_owner = nullptr) const;

  // The doer named by an agent marker (من قبل، على يد، بنيران) in the same
  // clause within ten words after a trigger: a participant or a nationality adjective.
  int AgentAfter(uint32_t from, uint32_t sent_end) const;

  // The preposition governs a thing, not an actor (رفضه للتصريحات غير المسؤولة
  // لنائب الرئيس العراقي، للتدخل الإيراني، باقتحام قوات الاحتلال): the
  // actor the noun phrase belongs to — a nationality adjective, a genitive, or
  // an ل-phrase — before the phrase ends.
  int OwnerOfNounPhrase(uint32_t from, uint32_t to) const;

  uint32_t SentenceEnd(uint32_t t) const;
  uint32_t SentenceBegin(uint32_t t) const { return doc_->sentences[sentence_of_[t]].first_token; }

  const Marker* MarkerBefore(uint32_t t, const char* kind, uint32_t max_gap) const;

  // Quotation marks: +1 opens, -1 closes, 0 neither; a straight quote (") toggles.
  int QuoteMark(uint32_t k) const;

  // Who says the quotation around token t (قال X: «نطالب …» or «نطالب …»، قال X):
  // the subject of the speech verb just before its opening mark or just after
  // its closing one, in the same sentence; -1 when t is not quoted or no one
  // is named.
  int QuoteSpeaker(uint32_t t) const;

  // The subject of a verb at [first, end): the first bare participant after
  // it (Arabic news is mostly verb-first), else the nearest one before it.
  int SubjectOf(uint32_t first, uint32_t end, bool* after, bool* unknown = nullptr) const;

  EventActor ActorOf(int i) const { return ActorOfEntity(*doc_, i); }

  // Participants joined by و to `i` (الأردن ومصر): PLOVER lists compound actors.
  std::vector<int> WithConjuncts(int i) const;

  // Adds the candidates of trigger t (and of the allegation it may carry) to
  // out_; returns the index of the last one the hand rules accept, or -1.
  int ExtractOne(const Trigger& t, int last_subject);

  // The actor of a noun trigger (masdar, participle, noun): its adjective or genitive party, the doer
  // its relative clause names, or the party whose statement it is (the sentence's subject). A
  // transitive masdar's genitive read as its object goes to *object_genitive; *actor_after tells that
  // the actor stands after the trigger and its object follows it.
  int NounActor(const Trigger& t, bool masdar, uint32_t sent_end, int* object_genitive, bool* actor_after) const;

  // The recipient the trigger's frame asks for, its alternatives in order (obj|على|-): a bare object in
  // [from, limit) (for force also a place), a preposition's object, or — for `subj` frames — the actor,
  // which then has none. *via_owner: found as the owner of a thing (على قرار الرئيس); *uncoded_addressee:
  // the object is a group of states (المجتمع الدولي).
  int FrameRecipient(const Trigger& t, uint32_t from, uint32_t limit, bool verbal, bool genitive_actor,
                     int object_genitive, int* actor, bool* via_owner, bool* uncoded_addressee) const;

  // A verb joined by و to an earlier clause of its sentence continues that
  // clause's subject when it agrees with it and what follows is the object its
  // frame asks for, then a complement (وجددت المملكة دعمها …، وطالبت جماعة
  // الحوثي بوقف …: the kingdom demands, of the Houthis). Returns that subject or -1.
  int SharedSubject(const Trigger& t, const LexEntry& e, int after_np) const;

  // Whether the first trigger after t in its sentence, within twelve words (past the
  // subject and a dateline: أدانت الخارجية، في بيان صدر مساء الثلاثاء، الهجوم), is a
  // noun of force (الهجوم، الاعتقال، العقوبات): the act a verb of t's reacts to.
  bool GovernsConflictAct(const Trigger& t) const;

  // The first name that begins inside phrase trigger t after its head (نشرت قوات
  // الأمن), or -1: the phrase has taken the clause's own subject in.
  int NameInside(const Trigger& t) const;

  // non_actors.tsv: a group of states (المجتمع الدولي، جميع الأطراف المعنية) starting at token t.
  bool NonActorAt(uint32_t t) const;

  // The party an object pronoun after trigger t stands for: the nearest
  // participant before t in its sentence or the one before, other than the actor.
  int Antecedent(const Trigger& t, int actor) const;

  // The subject of an undergo verb (function_words.tsv: تعرض، يتعرض) governing a noun
  // trigger through ل or إلى: the first party or nationality between the verb and the noun.
  int Sufferer(const Trigger& t) const;

  static bool IsSymmetricAct(const LexEntry& e);

  // collectives.tsv: a dual noun right after a verb (وبحث الجانبان، ودعا الوزيران)
  // stands for the last two parties of different countries named before it:
  // {earlier, later}, or {-1, -1}.
  std::pair<int, int> DualSubject(const Trigger& t, const LexEntry& e) const;

  // The party whose verbal reaction (condemns, rejects, supports, demands) governs
  // trigger t: the actor of the nearest verbal candidate before t in its sentence,
  // when that candidate is a reaction; else -1.
  int Reactor(const Trigger& t) const;

  // The nearest verbal candidate before t in its sentence (allegations aside), or null: the verb that may
  // govern t's act.
  const Candidate* VerbalCandidateBefore(const Trigger& t) const;

  // Whether a verbal condemnation, rejection or support (ACCUSE, REJECT, SUPPORT) of its sentence governs
  // trigger t, ending at most six words before it (رفضت الحكومة الجزائرية طلب …، رحبت مصر بقرار …).
  bool ReactedTo(const Trigger& t) const;

  // Token k is a detached object pronoun of the third person (إياه، إياها، إياهم).
  bool DetachedObjectPronoun(uint32_t k) const;

  // A noun's doer named in a relative clause on it (الهجوم الإرهابي الذي شنه الحوثيون، العقوبات التي
  // فرضتها واشنطن): after the noun and its adjectives (only a definite noun takes them; an indefinite
  // one's next word is its genitive), a relative pronoun, then a verb carrying the pronoun that stands
  // for the noun, then its subject. -1 when the sentence is not so built.
  int RelativeClauseDoer(const Trigger& t, uint32_t sent_end) const;

  // بأنه، بأنها، بأنهم: "as being", after a verb of describing or deeming.
  bool DescribedAs(uint32_t k) const;

  // The trigger that starts last before t in t's sentence, or null (triggers_ is sorted by start).
  const Trigger* TriggerBefore(const Trigger& t) const;

  // The party recounting acts earlier in t's sentence, or -1: the alleging party of an allegation
  // (الجرائم الإسرائيلية read as the subject's accusation) or, for a verbal noun t, the subject of a
  // verb of talk, review, accusation, appeal or refusal (استعرض السفير الجرائم …، مع محاصرة المدن).
  int AllegerBefore(const Trigger& t, bool verbal) const;

  // domains.tsv: each domain's words per sentence and in the article, once per article.
  void CountDomainWords() const;

  Candidate MakeCandidate(Event ev, uint32_t reasons, const Trigger& t, bool verbal, int actor, int recipient,
                          int speaker) const;

  // Keeps a candidate; returns its index when the hand rules accept it, else -1.
  int Emit(Candidate c);

  Event Base(const Trigger& t, const LexEntry& e) const;

  // A date can be the event's own unless it lies more than a year before
  // the document (the borders of 4 June 1967 are background).
  bool Recent(const std::string& iso) const;

  // Token k's word carries the future prefix س (سيبدأ، ستواصل).
  bool FuturePrefix(uint32_t k) const;

  // A verbal noun that is the subject of a future verb right after it (الإضراب العام سيبدأ الأسبوع
  // المقبل، المحادثات سوف تستأنف): announced, not yet done.
  bool FutureVerbAfterNoun(const Trigger& t) const;

  // A verbal noun that a future verb governs, one or two words before it (ستواصل التنسيق، سيعقد الطرفان
  // اجتماعا): the act is announced, not done.
  bool FutureVerbBeforeNoun(const Trigger& t) const;

  // A verbal noun that a verb of intent governs across its subject (تعتزم الحكومة البريطانية فرض حظر،
  // تدرس واشنطن توجيه ضربات): planned, not done.
  bool PlannedAcrossSubject(const Trigger& t) const;

  // Negation, modality, date and place.
  void Finish(Event* ev, const Trigger& t) const;

  const Lexicon& entity_lex_;
  Document* doc_;
  std::vector<Candidate>* out_;
  uint32_t n_;
  std::vector<int> entity_at_;
  std::vector<uint32_t> sentence_of_;
  std::vector<Trigger> triggers_;
  std::vector<Marker> markers_;
  std::vector<bool> report_source_;  // per entity: the source a sentence is attributed to
  // domains.tsv words, counted at the first candidate: per domain, per sentence and in the article.
  mutable bool domains_counted_ = false;
  mutable std::map<std::string_view, std::vector<int>> domain_words_;
  mutable std::map<std::string_view, int> domain_words_article_;
  std::map<uint32_t, int> sentence_subject_;
  int last_recipient_ = -1;  // the recipient of the last event, for من جانبه
  int last_subject_ = -1;    // the previous sentences' subject, while a trigger is read
  // Per-document memos of lexicon look-ups the grammar repeats (token, entity or word keyed).
  mutable std::vector<std::string_view> class_memo_;
  mutable std::vector<bool> class_known_;
  mutable std::vector<std::string> prep_memo_;
  mutable std::vector<bool> prep_known_;
  mutable std::vector<int8_t> adverb_memo_;
  mutable std::vector<int8_t> honorific_memo_;
  mutable std::map<std::string, bool, std::less<>> function_word_memo_;
};

}  // namespace rasd::internal::grammar

#endif  // RASD_EVENTS_GRAMMAR_H_
