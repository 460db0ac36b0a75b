/* detect_agent.c: an agent's reply judged the way a service-recovery coach
 * would. The apology class: sincere (I/we own a specific failure, not
 * undercut), canned (a stock formula naming no failure), conditional (a
 * non-apology, or "sorry, but <policy, blame, argument or deflection>" in
 * one sentence), none. The flags (argument, blame, policy-hiding,
 * deflection) and the recovery elements (ownership, action, compensation,
 * follow-up, prevention, gratitude, empathy) come from lexicon matches
 * (lexicons/en/agent.tact, the agent cues of context.tact) with the rules
 * between them here; doc/recovery.md describes both and the recovery
 * score. Spelling, when on, is checked here too. Fed by context.c. */
#include "analyze.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "spell.h"

typedef struct {
	const char *apology, *canned, *conditional, *sincere, *failure, *but, *grant, *first, *policy, *blame,
		*action, *comp, *ownership, *empathy;
} labels;

static labels get_labels(void)
{
	return (labels){
		.apology = label_intern("cue.apology", 11),
		.canned = label_intern("apology.canned", 14),
		.conditional = label_intern("apology.conditional", 19),
		.sincere = label_intern("apology.sincere", 15),
		.failure = label_intern("cue.failure", 11),
		.but = label_intern("cue.but", 7),
		.grant = label_intern("cue.grant", 9),
		.first = label_intern("cue.first_person", 16),
		.policy = label_intern("agent.policy", 12),
		.blame = label_intern("agent.blame", 11),
		.action = label_intern("recovery.action", 15),
		.comp = label_intern("recovery.compensation", 21),
		.ownership = label_intern("recovery.ownership", 18),
		.empathy = label_intern("recovery.empathy", 16),
	};
}

static bool same_sentence(const dctx *d, const match *a, const match *b)
{
	return word_tok(d, a->w0)->sent == word_tok(d, b->w0)->sent;
}

/* The matches to look at around m: at most NEAR either side of it in the
 * list (sorted by start), so that a hostile reply of a million matches
 * stays linear. With sent, only those in m's sentence (phrases never cross
 * one). */
enum { NEAR = 64, LOOKBACK = 30 /* words */ };
static void near_matches(const dctx *d, const match *m, bool sent, size_t *lo, size_t *hi)
{
	size_t i = (size_t)(m - d->ms->m), a = i > NEAR ? i - NEAR : 0, b = MIN(d->ms->n, i + NEAR + 1);
	while (sent && a < i && !same_sentence(d, &d->ms->m[a], m))
		a++;
	while (sent && b > i + 1 && !same_sentence(d, &d->ms->m[b - 1], m))
		b--;
	*lo = a;
	*hi = b;
}

/* A counted match with this label after position `after` in the same
 * sentence as m, or NULL. */
static const match *later_in_sentence(const dctx *d, const match *m, const char *label, uint32_t after)
{
	size_t lo, hi;
	near_matches(d, m, true, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const match *o = &d->ms->m[i];
		if (o->w0 >= after && entry_of(d, o)->label == label && !(o->why & WHY_REGION) && same_sentence(d, m, o))
			return o;
	}
	return NULL;
}

/* Words [*w0, *w1) of word w's sentence, at most SPAN words either side of
 * w, so that a reply of one sentence a million words long costs no more
 * per match than a short one. */
enum { SPAN = 64 /* words */ };
static void sentence_near(const dctx *d, size_t w, size_t *w0, size_t *w1)
{
	uint32_t sent = word_tok(d, w)->sent;
	size_t a = w, b = w + 1;
	while (a > 0 && a + SPAN > w && word_tok(d, a - 1)->sent == sent)
		a--;
	while (b < d->ts->nw && b < w + SPAN && word_tok(d, b)->sent == sent)
		b++;
	*w0 = a;
	*w1 = b;
}

/* The sentence before (dir < 0) or after the one whose words near a match
 * are [w0, w1), as sentence_near() gives it; false when there is none or
 * [w0, w1) was cut short. */
static bool sentence_next(const dctx *d, size_t w0, size_t w1, int dir, size_t *n0, size_t *n1)
{
	if (dir < 0) {
		if (w0 == 0 || word_tok(d, w0 - 1)->sent == word_tok(d, w0)->sent)
			return false;
		sentence_near(d, w0 - 1, n0, n1);
	} else {
		if (w1 >= d->ts->nw || word_tok(d, w1)->sent == word_tok(d, w1 - 1)->sent)
			return false;
		sentence_near(d, w1, n0, n1);
	}
	return true;
}

static bool in_sentence_with(const dctx *d, const match *m, const char *label)
{
	size_t w0, w1;
	sentence_near(d, m->w0, &w0, &w1);
	return cue_at(d, label, w0, MAX(w1, m->w1));
}

/* Is m said again, in a sentence that points back at an earlier message
 * ("As I mentioned, the engineer is booked for Thursday", "Per my last
 * email, ...": an entry with flag back before it)? What it tells was done
 * before this reply. */
static bool restated(const dctx *d, const match *m)
{
	size_t w0, w1;
	sentence_near(d, m->w0, &w0, &w1);
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *o = &d->ms->m[i];
		if (o->w0 >= w1)
			break;
		if (o->w0 < w0 || o->w1 > m->w0 || !counted(o))
			continue;
		if (entry_of(d, o)->flags & LF_BACK)
			return true;
	}
	return false;
}

/* The normalized text of word w is s (ASCII lower case). */
static bool word_is(const dctx *d, size_t w, const char *s)
{
	const token *t = word_tok(d, w);
	return bytes_are(tok_text(d->nt, t), t->nlen, s);
}

static bool word_in(const dctx *d, size_t w, const char *const *list)
{
	const token *t = word_tok(d, w);
	return bytes_in(tok_text(d->nt, t), t->nlen, list);
}

static bool word_ends(const dctx *d, size_t w, const char *suffix)
{
	const token *t = word_tok(d, w);
	size_t n = strlen(suffix);
	return t->nlen > n + 1 && !memcmp(tok_text(d->nt, t) + t->nlen - n, suffix, n);
}

/* Past forms that tell what happened, besides regular -ed forms. */
static const char *const past_forms[] = {"was", "were", "did", "went", "came", "left", "sent", "lost", "broke",
	"broken", "got", "gave", "given", "made", "took", "taken", "told", "kept", "put", "set", "ran", "cut",
	"forgot", "forgotten", "sold", "bought", "brought", "fell", "let", "shut", "spent", "threw", "thrown",
	"wrote", "written", "caught", "chose", "chosen", "drove", "driven", "froze", "frozen", "hung", "knew",
	"led", "meant", "rang", "said", "shook", "spoke", "stole", "stolen", "struck", "tore", "torn", "misread",
	"misled", "mistook", "misunderstood", "wasn't", "weren't", "didn't", "hadn't", "hasn't", "haven't",
	"never", "been", "shouldn't", "should've", NULL};
/* -ed forms that are not what went wrong: the agent's own handling of the
 * case ("sorry, I've checked and ..."), a fix, or not a past form. */
static const char *const not_failure[] = {"need", "feed", "seed", "speed", "proceed", "exceed", "succeed",
	"indeed", "hundred", "red", "bed", "shed", "based", "located", "checked", "looked", "reviewed",
	"investigated", "confirmed", "received", "passed", "forwarded", "escalated", "asked", "replied",
	"responded", "contacted", "heard", "tried", "noticed", "reached", "followed", "spoken", "spoke", "raised",
	"logged", "found", "seen", "fixed", "resolved", "corrected", "refunded", "replaced", "reshipped",
	"resent", "rebooked", "reversed", "restored", "reinstated", "credited", "waived", "updated", "processed",
	"arranged", "added", "tracked", "experienced", "interested", "concerned", "pleased", "delighted",
	"glad", "excited", "closed", "open", "opened", "reactivated", "reconnected", "unblocked", "unlocked",
	"enabled", "re-enabled", "activated", "restarted", "requested", "notified", "chased", "reported", "shared", NULL};
/* Linking words after which a participle is a state ("we're closed"). */
static const char *const linking[] = {"is", "are", "am", "be", "being", "get", "gets", "seem", "seems", "feel",
	NULL};

/* Subjects that open a clause after an apology word. */
static const char *const first_person[] = {"we", "i", "we've", "i've", "we'd", "i'd", "our", "my", NULL};
static const char *const third_person[] = {"the", "your", "this", "that", "it", "it's", "its", "a", "an", "his", "her",
	"their", "these", "those", "yesterday's", "today's", "someone", "somebody", "nobody", NULL};
/* Our people, systems and paperwork: "I'm sorry the rider cancelled" names
 * something our side did. */
static const char *const our_side[] = {"driver", "rider", "engineer", "technician", "courier", "agent", "colleague",
	"staff", "team", "warehouse", "site", "website", "app", "system", "store", "branch", "depot", "crew", "pilot",
	"installer", "fitter", "adviser", "advisor", "representative", "rep", "associate", "reviewer", "assessor",
	"listing", "page", "invoice", "bill", "statement", "label", "letter", "email", "form", "menu", "checkout",
	"billing", "reception", "desk", "kitchen", "chef", "waiter", "receptionist", "manager", "tracking",
	"housekeeping", "housekeeper", "cleaner", "cleaners", "concierge", "porter", "conductor", "guard", "steward",
	"stewardess", "attendant", "cashier", "clerk", "valet", "maintenance", "mechanic", "dispatcher", NULL};
/* Formula verbs after "sorry for": "sorry for keeping you waiting". */
static const char *const formula_ing[] = {"keeping", "making", "getting", "bothering", "asking", "chasing",
	"interrupting", "repeating", "waiting", "troubling", "having", "writing", "contacting", "reaching", "being",
	"any", "everything", "nothing", "something", "anything", "taking", "responding", "replying", "coming", NULL};

enum { EVENT_NONE, EVENT_OURS, EVENT_THEIRS };

/* Does the verb at word k put something back ("switched your roaming back
 * on", "turned it back on")? A fix, not what went wrong. */
static bool put_back(const dctx *d, size_t k, size_t end)
{
	for (size_t j = k + 1; j + 1 < end && j <= k + 4; j++)
		if (word_is(d, j, "back") && word_in(d, j + 1, (const char *const[]){"on", "online", "up", NULL}))
			return true;
	return false;
}

/* Does the clause starting at word w, ending before word end, tell a
 * specific thing that went wrong? A subject other than the customer, then
 * within a few words a past form. EVENT_OURS when the subject is us (we,
 * I, our ..., or our people and systems: "the driver"), EVENT_THEIRS for
 * anything else ("your parcel hasn't arrived"), which names a failure
 * without owning it. The words are returned in [*f0, *f1). */
static int event_at(const dctx *d, size_t w, size_t end, size_t *f0, size_t *f1)
{
	if (w >= end || word_tok(d, w)->kind != TK_WORD)
		return EVENT_NONE;
	/* a bare noun for our people opens our event too: "sorry that
	 * housekeeping entered your room" */
	int kind = word_in(d, w, first_person) || word_in(d, w, our_side) ? EVENT_OURS :
		   word_in(d, w, third_person) ? EVENT_THEIRS : EVENT_NONE;
	if (kind == EVENT_NONE)
		return EVENT_NONE;
	size_t start = w;
	for (size_t k = w + 1; k < end && k < start + 8; k++) {
		if (word_in(d, k, (const char *const[]){"but", "however", "although", "though", "you", "you're", NULL}))
			return EVENT_NONE;
		if (kind == EVENT_THEIRS && k < start + 4 && word_in(d, k, our_side))
			kind = EVENT_OURS;
		bool past = word_in(d, k, past_forms) || (word_ends(d, k, "ed") && !word_in(d, k, not_failure));
		if (!past || word_in(d, k - 1, linking) || word_ends(d, k - 1, "'re") || word_ends(d, k - 1, "'m") ||
		    put_back(d, k, end))
			continue;
		if (word_ends(d, k - 1, "'s") && !word_is(d, k, "been"))
			continue;
		/* the agent saying it should not have happened owns it ("that
		 * leg should never have got past our checks") */
		if (word_in(d, k, (const char *const[]){"shouldn't", "should've", NULL}) ||
		    (word_is(d, k, "never") && word_is(d, k - 1, "should")))
			kind = EVENT_OURS;
		*f0 = start;
		*f1 = k + 1;
		return kind;
	}
	return EVENT_NONE;
}

/* Does a clause right after apology word ap tell what went wrong ("sorry,
 * we shipped the wrong size", "I'm sorry the showers ran cold", "sorry our
 * rider should never have ...", "I apologise for transferring you four
 * times")? See event_at(). */
static int names_event(const dctx *d, const match *ap, size_t *f0, size_t *f1)
{
	size_t w0, w1, w = ap->w1;
	sentence_near(d, ap->w0, &w0, &w1);
	if (w + 1 < w1 && word_is(d, w, "for") && word_ends(d, w + 1, "ing") && !word_in(d, w + 1, formula_ing)) {
		*f0 = w + 1; /* "sorry for freezing your account" */
		*f1 = MIN(w + 4, w1);
		return EVENT_OURS;
	}
	/* "I apologise for our engineer missing the appointment" */
	if (w + 2 < w1 && word_is(d, w, "for") && word_in(d, w + 1, (const char *const[]){"our", "my", NULL}))
		for (size_t k = w + 2; k < w1 && k <= w + 4; k++)
			if (word_ends(d, k, "ing") && !word_in(d, k, formula_ing)) {
				*f0 = w + 1;
				*f1 = MIN(k + 3, w1);
				return EVENT_OURS;
			}
	/* "sorry that the box ...", or "that" naming the thing: "sorry,
	 * that leg should never have ..." */
	int kind = EVENT_NONE;
	if (w < w1 && word_is(d, w, "that"))
		kind = event_at(d, w + 1, w1, f0, f1);
	return kind != EVENT_NONE ? kind : event_at(d, w, w1, f0, f1);
}

/* Words that may stand beside a bare apology word without saying anything
 * of their own: "And I'm so sorry about that!" */
static const char *const apology_filler[] = {"i", "we", "i'm", "we're", "am", "are", "and", "so", "very", "really",
	"truly", "terribly", "deeply", "sincerely", "genuinely", "do", "again", "about", "for", "that", "this",
	"it", "all", "of", "the", NULL};

/* Are the words of ap's clause on one side of it (before: from the
 * clause start; else: to the clause end) all filler? Stops at the first
 * word that is not, so a long clause costs little. */
static bool alone_in_clause(const dctx *d, const match *ap, bool before)
{
	uint32_t clause = word_tok(d, ap->w0)->clause;
	if (before) {
		for (size_t w = ap->w0; w > 0 && word_tok(d, w - 1)->clause == clause; w--)
			if (word_tok(d, w - 1)->kind == TK_WORD && !word_in(d, w - 1, apology_filler))
				return false;
	} else {
		for (size_t w = ap->w1; w < d->ts->nw && word_tok(d, w)->clause == clause; w++)
			if (word_tok(d, w)->kind == TK_WORD && !word_in(d, w, apology_filler))
				return false;
	}
	return true;
}

/* Is word w, within [w0, w1), followed closely by word s? */
static bool followed_by(const dctx *d, size_t w, size_t w1, const char *s)
{
	for (size_t k = w + 1; k < w1 && k <= w + 3; k++)
		if (word_is(d, k, s))
			return true;
	return false;
}

/* Is the event whose past form ends before word k, in a clause ending by
 * w1, a message to the customer ("we sent you a DM", "I have let my
 * manager know") rather than what went wrong? */
static bool to_customer(const dctx *d, size_t k, size_t w1)
{
	if (k + 1 < w1 && word_is(d, k, "you") &&
	    word_in(d, k + 1, (const char *const[]){"a", "an", "the", "our", "my", "dm", "dms", "message", NULL}))
		return true;
	return word_is(d, k - 1, "let") && followed_by(d, k - 1, w1, "know");
}

/* An event clause (event_at) opening a clause that starts in words [w0,
 * w0 + LOOKBACK) and ends by w1: the subject first in its sentence or
 * clause, or after "and". A message to the customer ("we sent you a DM",
 * "I have let my manager know") is not an event. */
static int event_in(const dctx *d, size_t w0, size_t w1, size_t *f0, size_t *f1)
{
	for (size_t w = w0; w < w1 && w < w0 + LOOKBACK; w++) {
		const token *t = word_tok(d, w);
		if (w > w0 && t->clause == word_tok(d, w - 1)->clause && !word_is(d, w - 1, "and"))
			continue;
		int kind = event_at(d, w, w1, f0, f1);
		if (kind == EVENT_NONE || to_customer(d, *f1, w1))
			continue;
		return kind;
	}
	return EVENT_NONE;
}

/* Does the failure come before bare apology word ap ("The courier dropped
 * the box down the stairs - I'm so sorry", "Our installer drilled through
 * your cable. We apologise.")? An event clause earlier in its sentence,
 * or, when the apology's clause says nothing else ("I'm so sorry about
 * that"), in the sentence before; or in the sentence after when the
 * apology is a sentence of its own ("Sorry! The courier dropped the
 * box."). */
static int event_around(const dctx *d, const match *ap, size_t *f0, size_t *f1)
{
	size_t w0, w1, n0, n1;
	sentence_near(d, ap->w0, &w0, &w1);
	int kind = event_in(d, MAX(w0, ap->w0 > LOOKBACK ? ap->w0 - LOOKBACK : 0), ap->w0, f0, f1);
	if (kind != EVENT_NONE || !alone_in_clause(d, ap, true) || !alone_in_clause(d, ap, false))
		return kind;
	bool opens = word_tok(d, w0)->clause == word_tok(d, ap->w0)->clause; /* the apology's clause opens the sentence */
	if (opens && sentence_next(d, w0, w1, -1, &n0, &n1)) {
		kind = event_in(d, n0, n1, f0, f1);
		if (kind != EVENT_NONE)
			return kind;
	}
	bool alone = word_tok(d, w1 - 1)->clause == word_tok(d, ap->w0)->clause; /* and closes it */
	if (opens && alone && sentence_next(d, w0, w1, 1, &n0, &n1)) {
		kind = event_at(d, n0, n1, f0, f1);
		return kind != EVENT_NONE && to_customer(d, *f1, n1) ? EVENT_NONE : kind;
	}
	return EVENT_NONE;
}

/* Is a match asserted by the agent? Like counted(), except that reported
 * speech signalled only by a word after the match ("I apologise if my
 * colleague ...", a customer-side cue for "my lawyer friend") does not
 * take the agent's own words away. */
static bool agent_counted(const dctx *d, const match *m)
{
	if (m->why != WHY_REPORTED)
		return m->why == 0;
	const char *rep = label_intern("cue.reported", 12);
	size_t lo, hi;
	near_matches(d, m, true, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const match *c = &d->ms->m[i];
		const lex_entry *ce = entry_of(d, c);
		if (ce->label == rep && c->w1 <= m->w0 && !(ce->after && !ce->before) && same_sentence(d, m, c))
			return false;
	}
	return true;
}

/* Does a counted blame match overlap m? "You entered the wrong address"
 * names a failure, but the customer's. */
static bool blamed(const dctx *d, const labels *L, const match *m)
{
	size_t lo, hi;
	near_matches(d, m, true, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const match *o = &d->ms->m[i];
		if (o->w0 < m->w1 && m->w0 < o->w1 && entry_of(d, o)->label == L->blame && agent_counted(d, o))
			return true;
	}
	return false;
}

/* After a verb ending before word w, a message to the customer: [you]
 * [a, an, another], then a message ("sent you a DM", "gave you an
 * update"). *after is set to the word after the article. */
static bool message_at(const dctx *d, size_t w, size_t *after)
{
	if (w < d->ts->nw && word_is(d, w, "you"))
		w++;
	if (w < d->ts->nw && word_in(d, w, (const char *const[]){"a", "an", "another", NULL}))
		w++;
	*after = w;
	return w < d->ts->nw && word_in(d, w, (const char *const[]){"dm", "dms", "direct", "pm", "private", "message",
								       "note", "reply", "response", "tweet", "update", "email",
								       "text", "reminder", "notification", NULL});
}

/* Do the words [e0, e1) hold a remedy the reply gives (a counted
 * recovery.action or recovery.compensation): "I've booked him for 8am" is
 * a fix, not what went wrong. */
static bool remedy_in(const dctx *d, const labels *L, size_t e0, size_t e1)
{
	for (size_t i = matches_near(d, e0); i < d->ms->n && d->ms->m[i].w0 < e1; i++) {
		const match *o = &d->ms->m[i];
		const char *l = entry_of(d, o)->label;
		if (o->w1 > e0 && (l == L->action || l == L->comp) && agent_counted(d, o))
			return true;
	}
	return false;
}

/* A counted failure or ownership match in words [w0, w1) near the apology
 * ap that does not take in ap itself ("I apologize for the delayed ..."
 * is not "I ... delayed") and is not the customer's fault, or NULL. */
static const match *failure_in(const dctx *d, const labels *L, const match *ap, size_t w0, size_t w1)
{
	size_t i0 = (size_t)(ap - d->ms->m), lo = i0 > 2 * NEAR ? i0 - 2 * NEAR : 0, hi = MIN(d->ms->n, i0 + 2 * NEAR + 1);
	for (size_t i = lo; i < hi; i++) {
		const match *o = &d->ms->m[i];
		const char *l = entry_of(d, o)->label;
		size_t after;
		if ((l == L->failure || l == L->ownership) && agent_counted(d, o) && o->w0 >= w0 && o->w1 <= w1 &&
		    !(o->w0 < ap->w1 && ap->w0 < o->w1) && !blamed(d, L, o) && !message_at(d, o->w1, &after) &&
		    !(l == L->failure && remedy_in(d, L, o->w0, o->w1)))
			return o;
	}
	return NULL;
}

/* Does what follows "but" undercut the apology: policy, blame, argument
 * or deflection later in the sentence, or a match of one that runs
 * through the "but" ("Sorry, but you can't do that")? Only a flag the
 * reply is reported for undercuts: a limit of this channel ("I'm sorry but
 * we cannot provide any account information here") or a policy cited to
 * grant something is no refusal (the flags are judged before the
 * apology, MF_REPORTED). */
static bool undercut(const dctx *d, const match *ap, const labels *L, const match *but)
{
	const char *arg = label_intern("agent.argumentative", 19), *defl = label_intern("agent.deflect", 13);
	size_t lo, hi;
	near_matches(d, but, true, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const match *o = &d->ms->m[i];
		const char *l = entry_of(d, o)->label;
		bool after = o->w0 >= but->w1 || (o->w0 <= but->w0 && o->w1 > but->w1);
		if (after && (l == L->policy || l == L->blame || l == arg || l == defl) && (o->flags & MF_REPORTED) &&
		    same_sentence(d, ap, o))
			return true;
	}
	return false;
}

/* Do the event words [e0, e1) go straight from the subject to what went
 * wrong: no "and", no word of our handling of the case ("I looked into
 * it and it was ...")? */
static bool plain_event(const dctx *d, size_t e0, size_t e1)
{
	for (size_t k = e0 + 1; k + 1 < e1; k++)
		if (word_is(d, k, "and") || word_in(d, k, not_failure))
			return false;
	return true;
}

/* Does the formula at ap point back at something with "this" or "that"
 * and a past "caused" ("for the distress this has caused"), hedging it
 * with neither "any" nor "may" ("for any inconvenience this may have
 * caused")? */
static bool points_back(const dctx *d, const match *ap)
{
	static const char *const hedge[] = {"any", "may", "might", "could", "if", NULL};
	size_t w0, w1;
	sentence_near(d, ap->w0, &w0, &w1);
	for (size_t k = ap->w0; k < w1 && k < ap->w1 + 6; k++) {
		if (word_in(d, k, hedge))
			return false;
		if (word_in(d, k, (const char *const[]){"this", "that", NULL}))
			for (size_t j = k + 1; j < w1 && j <= k + 3; j++) {
				if (word_in(d, j, hedge))
					return false;
				if (word_is(d, j, "caused"))
					return true;
			}
	}
	return false;
}

/* The class of one apology: what surrounds it. A formula (sorry for the
 * inconvenience) is canned unless its sentence owns a failure, or it
 * points back at a failure the reply owns ("I apologise for the distress
 * this has caused"); a bare
 * apology word is sincere when a clause after it tells what went wrong, its
 * sentence or a neighbouring one owns a failure, or the reply owns one
 * anywhere (own, the first match that does; NULL when none). The but-rule comes
 * first. The failure named is returned in [*f0, *f1) (byte offsets). */
static tact_apology classify(const dctx *d, const match *ap, const labels *L, bool formula, const match *own,
			     size_t *f0, size_t *f1)
{
	*f0 = *f1 = 0;
	/* the but-rule: "sorry, but <policy or blame>" in one sentence */
	const match *but = later_in_sentence(d, ap, L->but, ap->w1);
	if (but && undercut(d, ap, L, but))
		return TACT_APOLOGY_CONDITIONAL;
	/* a specific failure owned in the same sentence (before "but") */
	size_t w0, w1, s0, s1, n0, n1;
	sentence_near(d, ap->w0, &w0, &w1);
	s0 = w0;
	s1 = w1;
	if (but)
		w1 = MIN(w1, but->w0);
	const match *f = failure_in(d, L, ap, w0, w1);
	size_t e0, e1;
	/* a formula may still say what it is for: "please accept our
	 * apologies that housekeeping entered your room" */
	bool says = !formula || (ap->w1 < w1 && word_is(d, ap->w1, "that"));
	int ev = f || !says ? EVENT_NONE : names_event(d, ap, &e0, &e1);
	/* a failure named but not owned ("I'm sorry your parcel hasn't
	 * arrived") counts when the reply owns it somewhere; a remedy is no
	 * failure ("Sorry! I've booked you in for Monday") */
	if ((ev == EVENT_THEIRS && !own) || (ev != EVENT_NONE && remedy_in(d, L, e0, e1)))
		ev = EVENT_NONE;
	if (ev != EVENT_NONE) {
		*f0 = word_tok(d, e0)->os;
		*f1 = word_tok(d, e1 - 1)->oe;
		return TACT_APOLOGY_SINCERE;
	}
	/* "We let you down on Saturday. I apologise for that." */
	if (!f && !formula && sentence_next(d, s0, s1, -1, &n0, &n1))
		f = failure_in(d, L, ap, n0, n1);
	if (!f && !formula && sentence_next(d, s0, s1, 1, &n0, &n1))
		f = failure_in(d, L, ap, n0, n1);
	if (f) {
		*f0 = f->os;
		*f1 = f->oe;
		return TACT_APOLOGY_SINCERE;
	}
	/* the failure told before the apology: "The courier dropped it - I'm
	 * so sorry" */
	ev = formula ? EVENT_NONE : event_around(d, ap, &e0, &e1);
	if ((ev == EVENT_THEIRS && !own) || (ev != EVENT_NONE && remedy_in(d, L, e0, e1)))
		ev = EVENT_NONE;
	/* or told in the next sentence, with us doing it and nothing between
	 * us and the failure ("I'm sorry it wasn't the night you planned.
	 * You asked for a quiet room and we didn't give you one.") */
	if (ev == EVENT_NONE && !formula && sentence_next(d, s0, s1, 1, &n0, &n1))
		for (size_t from = n0, k; from < n1 && (k = (size_t)event_in(d, from, n1, &e0, &e1)) != EVENT_NONE;
		     from = e1)
			if (k == EVENT_OURS && plain_event(d, e0, e1) && !remedy_in(d, L, e0, e1)) {
				ev = EVENT_OURS;
				break;
			}
	if (ev != EVENT_NONE) {
		*f0 = word_tok(d, e0)->os;
		*f1 = word_tok(d, e1 - 1)->oe;
		return TACT_APOLOGY_SINCERE;
	}
	/* a bare apology in a reply that owns a failure elsewhere ("I should
	 * have checked before replying. [...] Sorry for the copy-and-paste
	 * answer.") */
	if (own && (!formula || points_back(d, ap))) {
		*f0 = own->os;
		*f1 = own->oe;
		return TACT_APOLOGY_SINCERE;
	}
	return TACT_APOLOGY_CANNED;
}

/* Is w (lower case, NUL-terminated) known, or known with suffix `from`
 * replaced by `to`? */
static bool known_as(struct spell *sp, struct spell_cache **sc, const char *w, const char *from, const char *to)
{
	size_t n = strlen(w), fn = strlen(from), tn = strlen(to);
	if (n < fn || (n != fn && n < fn + 3) || strcmp(w + n - fn, from) || n - fn + tn >= 64)
		return false; /* a suffix on a stem of 3 letters or more, or the whole word */
	char v[64];
	memcpy(v, w, n - fn);
	memcpy(v + n - fn, to, tn + 1);
	return spell_check(sp, sc, v, strlen(v), NULL);
}

/* British spellings, and a prefix on a known word, are not misspellings:
 * hunspell ships one dictionary at a time (en_US by default) and agents
 * write "apologise", "cancelled", "colour", "rebooked", "pre-authorisation". */
static bool spelling_variant_ok(struct spell *sp, struct spell_cache **sc, const char *word, size_t n)
{
	static const char *const suffix[][2] = {
		{"isation", "ization"}, {"isations", "izations"}, {"ise", "ize"}, {"ised", "ized"}, {"ises", "izes"},
		{"ising", "izing"}, {"iser", "izer"}, {"isers", "izers"}, {"yse", "yze"}, {"ysed", "yzed"},
		{"ysing", "yzing"}, {"tre", "ter"}, {"tres", "ters"}, {"lled", "led"}, {"lling", "ling"},
		{"ller", "ler"}, {"llers", "lers"}, {"ogue", "og"}, {"ogues", "ogs"}, {"ence", "ense"}, {"ences", "enses"},
		{"mme", "m"}, {"mmes", "ms"}, {"ueing", "uing"}, {"grey", "gray"}, {"greyed", "grayed"}, {"tyre", "tire"}, {"tyres", "tires"},
		{"cheque", "check"}, {"cheques", "checks"}, {"kerb", "curb"}, {"aluminium", "aluminum"},
	};
	static const char *const prefix[] = {"re", "pre", "un", "non", "co", "mis", "over", "under", "sub", "multi",
					     "auto", "post", "anti", "self", "e", NULL};
	char w[64];
	if (n >= sizeof w)
		return false;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)word[i] >= 0x80)
			return false;
		w[i] = (char)ascii_tolower((unsigned char)word[i]);
	}
	w[n] = '\0';
	if (n > 3 && w[n - 2] == '\'' && w[n - 1] == 's') /* a possessive: "else's", "mum's" */
		return spell_check(sp, sc, w, n - 2, NULL) || spelling_variant_ok(sp, sc, w, n - 2);
	for (size_t i = 0; i < ARRAY_LEN(suffix); i++)
		if (known_as(sp, sc, w, suffix[i][0], suffix[i][1]))
			return true;
	char *our = strstr(w, "our"); /* colour, behaviour, honoured */
	if (our && our > w) {
		char v[64];
		size_t k = (size_t)(our - w);
		memcpy(v, w, k);
		strcpy(v + k, our + 1);
		v[k] = 'o';
		if (spell_check(sp, sc, v, strlen(v), NULL) || spelling_variant_ok(sp, sc, v, strlen(v)))
			return true;
	}
	for (size_t i = 0; prefix[i]; i++) {
		size_t pn = strlen(prefix[i]);
		if (n >= pn + 4 && !strncmp(w, prefix[i], pn) &&
		    (spell_check(sp, sc, w + pn, n - pn, NULL) ||
		     (strncmp(w + pn, prefix[i], pn) && spelling_variant_ok(sp, sc, w + pn, n - pn))))
			return true;
	}
	return false;
}

/* The word as hunspell is asked about it: the original bytes with the
 * apostrophes people type for "'" (’ ‘ ʼ ´ `) made one; 0 when it does
 * not fit in out (no English word is that long: not checked). */
static size_t spelling_form(const char *s, size_t n, char *out, size_t cap)
{
	static const char *const apos[] = {"\xE2\x80\x99", "\xE2\x80\x98", "\xCA\xBC", "\xC2\xB4", "`"};
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		size_t step = 1;
		char c = s[i];
		for (size_t a = 0; a < ARRAY_LEN(apos); a++) {
			size_t an = strlen(apos[a]);
			if (n - i >= an && !memcmp(s + i, apos[a], an)) {
				c = '\'';
				step = an;
				break;
			}
		}
		if (k + 1 >= cap)
			return 0;
		out[k++] = c;
		i += step;
	}
	out[k] = '\0';
	return k;
}

/* A capital after a word's first letter: a brand's own casing ("macOS",
 * "iPadOS", "eBay"), not a typo (words all in capitals are codes, passed
 * over before). */
static bool inner_capital(const char *w, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (w[i] >= 'A' && w[i] <= 'Z')
			return true;
	return false;
}

/* Spelling of the agent's own words: not URLs, e-mail addresses, numbers,
 * codes (digits, capitals, symbols), names (capitalised mid-sentence),
 * quoted text, quoted messages or signatures, compound prefixes ("pre-"),
 * hashtags, an agent's initials after a caret ("^ag"), a brand's own
 * casing ("macOS"), a part of a host name ("reportaproblem.apple.com"),
 * chat shorthand and words the lexicons accept (cue.spelling), British
 * spellings, a letter drawn out on purpose ("sooo", "noooo"); and not a
 * reply that is mostly not English (more than half its words unknown,
 * words with accented letters counted though never reported), which an
 * English dictionary cannot judge. */
/* Misspelled words of one reply that get suggestions: hunspell takes
 * 2-45 ms a word to suggest, so a long reply full of typos (or of words
 * of a language the dictionary lacks) took minutes; the words after
 * these are reported without suggestions. */
enum { SUGGEST_MAX = 16 };

static void spelling(dctx *d)
{
	struct spell *sp = d->eng->spell;
	if (!sp || d->foreign)
		return; /* the dictionary is the lexicons' language: "haben", "mensaje" are no typos */
	const char *text = d->msg->text.ptr;
	size_t checked = 0, unknown = 0, nbad = 0, cap = 0;
	size_t *bad = NULL;
	for (size_t i = 0; i < d->ts->nw; i++) {
		const token *t = word_tok(d, i);
		if (t->kind != TK_WORD || t->letters < 2 ||
		    (t->flags & (TF_ALLCAPS | TF_DIGIT | TF_SYM | TF_QUOTED | TF_REPEAT)))
			continue;
		if ((t->flags & TF_CAPITAL) && !(t->flags & TF_SENT_START) && !(t->flags & TF_LINE_START))
			continue; /* a name */
		if (t->flags & TF_REGION)
			continue;
		if (t->oe < d->msg->text.len && text[t->oe] == '-' && t->oe - t->os <= 5)
			continue; /* the prefix of a compound: "pre-authorisation" */
		if (t->os > 0 && (text[t->os - 1] == '#' || text[t->os - 1] == '^'))
			continue; /* a hashtag: "#smilesfromustoyou"; a tweet's initials: "^ag" */
		if (inner_capital(text + t->os, t->oe - t->os))
			continue; /* a brand's own casing: "macOS", "eBay" */
		if ((t->oe + 1 < d->msg->text.len && text[t->oe] == '.' && ascii_lower((unsigned char)text[t->oe + 1])) ||
		    (t->os >= 2 && text[t->os - 1] == '.' && ascii_alnum((unsigned char)text[t->os - 2])))
			continue; /* a part of a host name: "reportaproblem.apple.com" */
		if (vocab_flags(&d->eng->voc, t->id) & VF_SPELLED)
			continue; /* chat shorthand, service words (cue.spelling) */
		checked++;
		char w[64];
		size_t n = spelling_form(text + t->os, t->oe - t->os, w, sizeof w);
		if (!n || spell_check(sp, &d->an->sc, w, n, NULL))
			continue;
		if (spelling_variant_ok(sp, &d->an->sc, w, n))
			continue;
		unknown++;
		if (t->flags & TF_NONASCII)
			continue; /* "número": a sign of another language, not a typo */
		if (nbad == cap) {
			cap = cap ? cap * 2 : 8;
			bad = xrealloc(bad, cap * sizeof *bad);
		}
		bad[nbad++] = i;
	}
	if (!(checked >= 6 && unknown * 2 > checked)) {
		for (size_t k = 0; k < nbad; k++) {
			const token *t = word_tok(d, bad[k]);
			/* asked only now, and for the first SUGGEST_MAX words:
			 * suggesting costs milliseconds a word */
			const char *sugg = NULL;
			char w[64];
			size_t n = spelling_form(text + t->os, t->oe - t->os, w, sizeof w);
			spell_check(sp, &d->an->sc, w, n, k < SUGGEST_MAX ? &sugg : NULL);
			char *m = xasprintf("possible misspelling '%.*s'", (int)(t->oe - t->os), text + t->os);
			tact_span *s = msg_add_span(d->msg, "spelling", "spell", TACT_SEV_LOW, t->os, t->oe, msg_own(d->msg, m));
			s->detail = sugg ? msg_own(d->msg, xstrdup(sugg)) : NULL;
		}
	}
	free(bad);
}

/* The recovery score (doc/recovery.md has the reasoning): what the reply
 * does for the customer, each element once, plus a bonus for a sincere
 * apology; minus what makes recovery fail, each flag once; 0 to 100. An
 * insult or an identity attack on the customer is the worst case: 0. */
static const struct {
	const char *label;
	unsigned bit;
	int weight;
} elements[] = {
	{"recovery.action", TACT_REC_ACTION, 25}, {"recovery.ownership", TACT_REC_OWNERSHIP, 20},
	{"recovery.follow_up", TACT_REC_FOLLOW_UP, 15}, {"recovery.prevention", TACT_REC_PREVENTION, 15},
	{"recovery.compensation", TACT_REC_COMPENSATION, 10}, {"recovery.empathy", TACT_REC_EMPATHY, 10},
	{"recovery.gratitude", TACT_REC_GRATITUDE, 5},
};
enum { SINCERE_BONUS = 10, CANNED_PENALTY = 5 };

static const struct {
	const char *label;
	int penalty;
} flags[] = {
	{"agent.blame", 20}, {"agent.argumentative", 15}, {"agent.policy", 15}, {"apology.conditional", 15},
	{"agent.deflect", 10}, {"derogatory.profanity", 20}, {"derogatory.insult", 100},
	{"derogatory.identity", 100},
};

/* A counted match of label overlapping m, or NULL. */
static const match *overlapping(const dctx *d, const match *m, const char *label)
{
	size_t lo, hi;
	near_matches(d, m, true, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const match *o = &d->ms->m[i];
		if (o != m && o->w0 < m->w1 && m->w0 < o->w1 && entry_of(d, o)->label == label && agent_counted(d, o))
			return o;
	}
	return NULL;
}

/* Words that open a remedy without saying what it is: the subject and its
 * helpers ("I've", "so we have just", "and I've gone ahead and"). */
static const char *const remedy_opener[] = {"i", "we", "i've", "we've", "ive", "weve", "have", "has", "so", "and",
	"also", "just", "now", "already", "since", "personally", "gone", "ahead", "went", "i'll", "we'll", "will",
	"then", "i'm", "we're", NULL};

/* Does match x say more than match y, with words of its own outside y
 * other than the subject that opens a remedy? "added the 4,200 points
 * manually" says more than "added the 4,200 points"; "I've refunded" says
 * nothing more than "refunded your shipping". */
static bool says_more(const dctx *d, const match *x, const match *y)
{
	if (x->w1 > y->w1)
		return true;
	for (size_t w = x->w0; w < y->w0 && w < x->w1; w++)
		if (!word_in(d, w, remedy_opener))
			return true;
	return false;
}

/* Does y reach past the end of x into another clause ("added them
 * manually, plus 500 bonus points", "refunded you and credited £10 for
 * the trouble")? Then x stands on its own words. */
static bool reaches_past(const dctx *d, const match *x, const match *y)
{
	if (y->w1 <= x->w1)
		return false;
	if (word_tok(d, y->w1 - 1)->clause != word_tok(d, x->w1 - 1)->clause)
		return true;
	for (size_t w = x->w1; w < y->w1; w++)
		if (word_in(d, w, (const char *const[]){"and", "plus", NULL}))
			return true;
	return false;
}

/* Not (yet) a remedy the agent has given, judged from the words before m:
 * an offer that waits on the customer ("if Sunday doesn't work, reply
 * here and I'll refund the tickets", "please DM us your booking number and
 * we'll fix it"), a hope or a check ("to make sure it's resolved"), or the
 * customer's own good news ("glad to hear it's sorted"). With timed, also
 * a remedy in a time clause ("once the information has been sent"). */
static bool not_done(const dctx *d, const match *m, bool timed)
{
	static const char *const cond[] = {"if", "unless", "reply", "whether", NULL};
	static const char *const request[] = {"dm", "send", "share", "provide", "reply", "give", "tell", "let", "message",
		"confirm", "call", "contact", "email", "fill", "complete", "follow", "click", "pm", "drop", NULL};
	static const char *const when[] = {"once", "when", "until", "till", "after", "before", "while", NULL};
	static const char *const hope[] = {"sure", "ensure", "hope", "hoping", "fingers", "expect", "expected", NULL};
	static const char *const news[] = {"hear", "see", "know", "learn", "read", NULL};
	size_t w0, w1;
	sentence_near(d, m->w0, &w0, &w1);
	w0 = MAX(w0, m->w0 > LOOKBACK ? m->w0 - LOOKBACK : 0);
	uint32_t clause = word_tok(d, m->w0)->clause;
	bool asked = false, req = false;
	for (size_t w = w0; w < m->w0; w++) {
		if (word_in(d, w, cond) || (word_is(d, w, "should") && w + 1 < m->w0 && word_is(d, w + 1, "you")))
			return true;
		if (timed && word_in(d, w, when) && word_tok(d, w)->clause == clause)
			return true;
		/* in m's clause: "the standard we expect, and I've arranged a
		 * cleaner" is a remedy given */
		if (w + 6 >= m->w0 && word_in(d, w, hope) &&
		    (word_tok(d, w)->clause == clause || word_is(d, w, "fingers")))
			return true;
		/* a purpose that checks, in m's clause: "I'll call you Friday to
		 * confirm the engineer has been and everything is working" */
		if (w + 8 >= m->w0 && word_is(d, w, "to") && word_tok(d, w)->clause == clause &&
		    word_in(d, w + 1, (const char *const[]){"confirm", "check", "verify", "test", "double-check", NULL}))
			return true;
		if (w + 4 >= m->w0 && word_in(d, w, (const char *const[]){"unable", "cannot", "can't", "won't",
									     "wouldn't", "couldn't", NULL}))
			return true; /* "we're unable to offer a complimentary upgrade" */
		if (word_is(d, w, "glad") || (word_in(d, w, news) && w > w0 && word_is(d, w - 1, "to") && w > w0 + 1 &&
					      word_in(d, w - 2, (const char *const[]){"great", "good", "happy", "pleased",
										"nice", "relieved", NULL})))
			return true;
		asked |= word_in(d, w, (const char *const[]){"please", "kindly", "pls", "plz", NULL}) ||
			 (word_in(d, w, (const char *const[]){"can", "could", "would", NULL}) && w + 1 < m->w0 &&
			  word_is(d, w + 1, "you")) ||
			 /* an imperative opening the sentence: "Send us a DM, and we'll send a treat your way" */
			 ((word_tok(d, w)->flags & TF_SENT_START) && !word_is(d, w, "let") && w + 1 < m->w0 &&
			  word_in(d, w, request) && word_in(d, w + 1, (const char *const[]){"us", "me", NULL}));
		req |= asked && word_in(d, w, request);
	}
	return req;
}

/* Said under "if" or "whether" earlier in the sentence. */
static bool conditioned(const dctx *d, const match *m)
{
	size_t w0, w1;
	sentence_near(d, m->w0, &w0, &w1);
	w0 = MAX(w0, m->w0 > LOOKBACK ? m->w0 - LOOKBACK : 0);
	for (size_t w = w0; w < m->w0; w++)
		if (word_in(d, w, (const char *const[]){"if", "whether", NULL}))
			return true;
	/* the customer's view, not the agent's word: "sorry you feel that
	 * our service let you down" */
	uint32_t clause = word_tok(d, m->w0)->clause;
	for (size_t w = m->w0; w > w0 + 1 && word_tok(d, w - 1)->clause == clause; w--)
		if (word_in(d, w - 1, (const char *const[]){"feel", "felt", "feels", "think", "thought", "believe",
							     "believed", "perceive", "perceived", NULL}) &&
		    word_in(d, w - 2, (const char *const[]){"you", "u", NULL}))
			return true;
	return false;
}

/* The customer's act seen by the agent, not the agent's own: "I think
 * you misunderstood", "I can see you ordered the wrong size". A verb of
 * seeing or thinking inside m, followed by [that] you. */
static bool seen_of_customer(const dctx *d, const match *m)
{
	static const char *const seeing[] = {"think", "thought", "believe", "believed", "guess", "suspect", "suspected",
		"see", "saw", "notice", "noticed", "understand", "understood", "assume", "assumed", "feel", "felt",
		"reckon", "realise", "realised", "realize", "realized", "appears", "seems", "looks", NULL};
	for (size_t w = m->w0; w + 1 < m->w1; w++) {
		if (!word_in(d, w, seeing))
			continue;
		size_t y = w + 1 < m->w1 && word_is(d, w + 1, "that") ? w + 2 : w + 1;
		if (y < m->w1 && word_in(d, y, (const char *const[]){"you", "u", NULL}))
			return true;
	}
	return false;
}

/* A way out offered in case the reply's own help fails, earlier in the
 * sentence: "If nothing helps, we'd recommend getting in touch with our
 * live support team", "if the issue persists, please call the helpline".
 * Not a condition on the case ("if it's a billing question, you'll need
 * to contact billing"), nor the customer's wish ("If you do not want to
 * pay, you can ask them to remove these"). */
static bool fallback(const dctx *d, const match *m)
{
	static const char *const fails[] = {"helps", "help", "works", "work", "worked", "fixes", "fix", "fixed",
		"resolves", "resolve", "resolved", "persists", "persist", "continues", "continue", "still", "fails",
		"doesn't", "didn't", "not", "nothing", "none", NULL};
	size_t w0, w1;
	sentence_near(d, m->w0, &w0, &w1);
	w0 = MAX(w0, m->w0 > LOOKBACK ? m->w0 - LOOKBACK : 0);
	for (size_t w = w0; w < m->w0; w++) {
		if (!word_is(d, w, "if"))
			continue;
		for (size_t k = w + 1; k < m->w0 && k <= w + 5; k++)
			if (word_in(d, k, fails) &&
			    !(k + 1 < m->w0 && word_in(d, k + 1, (const char *const[]){"want", "wish", "like", "prefer",
											  "mind", NULL})))
				return true;
	}
	return false;
}

/* Said inside an "if" or "whether" clause: "if your item is not eligible
 * for a replacement, you can still return it" states no refusal. */
static bool in_if_clause(const dctx *d, const match *m)
{
	uint32_t clause = word_tok(d, m->w0)->clause;
	for (size_t w = m->w0; w > 0 && w + LOOKBACK > m->w0 && word_tok(d, w - 1)->clause == clause; w--)
		if (word_in(d, w - 1, (const char *const[]){"if", "whether", "unless", NULL}))
			return true;
	return false;
}

/* A message sent to the customer ("we've sent you a DM") is not a fix,
 * and neither is a call set up with someone else ("I've booked you a
 * call with our metering team"): that is a hand-over. */
static bool sends_message(const dctx *d, const match *m)
{
	size_t w;
	if (message_at(d, m->w1, &w))
		return true;
	return w + 1 < d->ts->nw &&
	       word_in(d, w, (const char *const[]){"call", "callback", "call-back", "chat", "meeting", NULL}) &&
	       word_is(d, w + 1, "with");
}

/* Is remedy m what a refusal later in its clause refuses ("a partial
 * refund for unused data isn't something we can offer")? A counted policy
 * match after it in the clause with no conjunction between. */
static bool refused(const dctx *d, const match *m, const labels *L)
{
	static const char *const conj[] = {"and", "but", "so", "while", "although", "though", "however", "then",
		"which", NULL};
	size_t lo, hi;
	near_matches(d, m, true, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const match *o = &d->ms->m[i];
		if (o->w0 < m->w1 || o->w0 > m->w1 + LOOKBACK || entry_of(d, o)->label != L->policy ||
		    !agent_counted(d, o) || word_tok(d, o->w0)->clause != word_tok(d, m->w0)->clause)
			continue;
		size_t w = m->w1;
		while (w < o->w0 && !word_in(d, w, conj))
			w++;
		if (w == o->w0)
			return true;
	}
	return false;
}

/* A remedy (action or compensation) granted in m's sentence. */
static bool granted_in_sentence(const dctx *d, const match *m, const labels *L)
{
	if (in_sentence_with(d, m, L->grant))
		return true;
	size_t lo, hi;
	near_matches(d, m, true, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const match *o = &d->ms->m[i];
		const char *l = entry_of(d, o)->label;
		if ((l == L->action || l == L->comp) && agent_counted(d, o) && same_sentence(d, m, o) &&
		    !not_done(d, o, true) && !refused(d, o, L))
			return true;
	}
	return false;
}

static bool bare_thanks(const dctx *d, const match *m)
{
	static const char *const bare[] = {"thanks", "thank", "you", "u", "ty", "thx", "cheers", "many", NULL};
	for (size_t w = m->w0; w < m->w1; w++)
		if (!word_in(d, w, bare))
			return false;
	return true;
}

/* Is gratitude m a thanks fused into the sign-off with the agent's name
 * ("TY - Struan", "Thanks - Callum", "Thx, ^KM")? That is the signature,
 * not thanks to the customer; a thanks sentence before the initials
 * ("Thank you. ^TV", "Thanks!! ~RD") still thanks. After the bare thanks
 * word: an optional comma, a name marker (- ^ * ~ / or a dash), a name of
 * a few words, and nothing more than a part count ("2/2") or links; or the
 * name and then the team ("Thanks, Rahul - HP Support"), or initials
 * closing the reply ("Thanks, AK"). */
static bool signoff_thanks(const dctx *d, const match *m)
{
	if (!bare_thanks(d, m))
		return false;
	const char *s = d->msg->text.ptr, *end = s + d->msg->text.len;
	const char *p = s + word_tok(d, m->w1 - 1)->oe;
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && *p == ',')
		p++;
	while (p < end && *p == ' ')
		p++;
	if (p < end && isupper((unsigned char)*p)) {
		/* the name first, then the team: "Thanks, Rahul - HP Social Media Support." "Thanks Susan-HP
		 * Support"; or initials closing the reply: "Thanks, AK" */
		const char *q = p;
		bool caps = true;
		while (q < end && isalpha((unsigned char)*q))
			caps &= isupper((unsigned char)*q++) != 0;
		const char *r = q;
		while (r < end && (*r == ' ' || *r == '.' || *r == '!'))
			r++;
		if (caps && q - p >= 2 && q - p <= 3 && r == end)
			return true;
		if (caps && q - p > 1)
			return false;
		while (q < end && *q == ' ')
			q++;
		if (q == end || *q != '-')
			return false;
		for (r = q + 1; r < end; r++)
			if (*r == '?' || *r == '!' || (*r == '.' && r + 1 < end) || *r == '\n')
				return false;
		return end - q <= 50;
	}
	if (p < end && strchr("-^*~/", *p) && *p)
		p++;
	else if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
		 ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94))
		p += 3;
	else
		return false;
	while (p < end && *p == ' ')
		p++;
	const char *n0 = p;
	size_t words = 1;
	while (p < end && (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80 || *p == '.' || *p == '\'' ||
			   (*p == ' ' && p + 1 < end && isalpha((unsigned char)p[1]) &&
			    !(end - p > 4 && !strncmp(p + 1, "http", 4)) && ++words)))
		p++;
	if (p == n0 || words > 3 || p - n0 > 30)
		return false;
	/* what may follow the name: a part count, links */
	while (p < end) {
		if (isspace((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '/' || *p == '(' || *p == ')') {
			p++;
		} else if (end - p >= 4 && !strncmp(p, "http", 4)) {
			while (p < end && !isspace((unsigned char)*p))
				p++;
		} else {
			return false;
		}
	}
	return true;
}

/* A prevention the reply only hopes for: asked of the customer earlier in
 * the sentence ("Please DM us the details so we can take a look and help
 * prevent this from happening"). What the details are for is no change
 * made. */
static bool prevention_asked(const dctx *d, const match *m)
{
	static const char *const asking[] = {"please", "kindly", "pls", "plz", "dm", "share", "send", "provide", NULL};
	size_t w0, w1;
	sentence_near(d, m->w0, &w0, &w1);
	for (size_t w = w0; w < m->w0; w++)
		if (word_in(d, w, asking) && (w == w0 || !word_in(d, w - 1, first_person)))
			return true;
	return false;
}

/* Empathy in feeling words said of no experience in particular: a bare
 * "This is distressing." or "That's awful!" (an entry with flag bare), the
 * clause ending at the feeling word. "That sounds exhausting" answers the
 * customer's account, and "That's a horrible thing to go through with ..."
 * names it: both stay. */
static bool empathy_generic(const dctx *d, const match *m)
{
	static const char *const bare_it[] = {"that's", "it's", "thats", "its", "that", "it", NULL};
	if (!(entry_of(d, m)->flags & LF_BARE))
		return false;
	uint32_t clause = word_tok(d, m->w1 - 1)->clause;
	if (m->w1 < d->ts->nw && word_tok(d, m->w1)->clause == clause)
		return false; /* more is said: "that is a lot to deal with on your own" */
	if (word_in(d, m->w0, bare_it))
		return true;
	return word_in(d, m->w0, (const char *const[]){"is", "was", NULL}) && m->w0 > 0 &&
	       word_in(d, m->w0 - 1, (const char *const[]){"this", "that", "it", NULL}) &&
	       (m->w0 == 1 || word_tok(d, m->w0 - 2)->clause != word_tok(d, m->w0 - 1)->clause);
}

/* An offer, not a commitment: "I'll be happy to check on your service". */
static bool offered(const dctx *d, const match *m)
{
	for (size_t w = m->w0; w < m->w1; w++)
		if (word_in(d, w, (const char *const[]){"happy", "glad", "pleased", NULL}))
			return true;
	return false;
}

/* A policy that is not the company's own or not aimed at the customer: the
 * policy "of your bank", or one that forbids sellers or other parties
 * ("Our policy prohibits sellers from profiting ..."): no refusal of the
 * customer hides behind it. */
static bool others_policy(const dctx *d, const match *m)
{
	static const char *const others[] = {"seller", "sellers", "merchant", "merchants", "vendor", "vendors",
		"reseller", "resellers", "scalpers", "listings", "advertisers", "third-party", "spammers", NULL};
	if (m->w1 + 1 < d->ts->nw && word_is(d, m->w1, "of") &&
	    word_in(d, m->w1 + 1, (const char *const[]){"your", "their", "his", "her", NULL}))
		return true;
	return m->w1 < d->ts->nw && word_tok(d, m->w1)->sent == word_tok(d, m->w1 - 1)->sent && word_in(d, m->w1, others);
}

/* A limit of this channel, not of what the company will do: "We are
 * unable to assist with mortgage enquiries over social media", "we
 * cannot provide any account information here". The same company keeps
 * the problem by another way (or a deflection names the other party). In
 * m's clause: over/on/via/through social or Twitter, this forum or
 * channel, or "here" closing the clause. */
static bool channel_limit(const dctx *d, const match *m)
{
	static const char *const via[] = {"over", "on", "via", "through", "in", NULL};
	uint32_t clause = word_tok(d, m->w0)->clause;
	for (size_t w = m->w0 + 1; w < d->ts->nw && word_tok(d, w)->clause == clause; w++) {
		if (word_in(d, w, (const char *const[]){"social", "twitter", "facebook", "instagram", NULL}) &&
		    word_in(d, w - 1, via))
			return true;
		if (word_in(d, w, (const char *const[]){"forum", "channel", "platform", NULL}) && word_is(d, w - 1, "this"))
			return true;
		if (word_is(d, w, "here") && w >= m->w1 &&
		    (w + 1 >= d->ts->nw || word_tok(d, w + 1)->clause != clause))
			return true;
	}
	return false;
}

/* An action on the conversation, not on the problem: "we've located your
 * DM and replied there", "We will send that to an engineer and see if it
 * can be recovered" (a hand-over, nothing fixed yet). */
static bool about_message(const dctx *d, const match *m)
{
	static const char *const msgs[] = {"dm", "dms", "message", "messages", "tweet", "tweets", "post", "posts",
		"comment", "reply", "email", "e-mail", NULL};
	static const char *const staff[] = {"engineer", "engineers", "team", "specialist", "specialists", "developers",
		"devs", "department", "colleague", "colleagues", "supervisor", "manager", NULL};
	size_t w = m->w1;
	if (w + 1 < d->ts->nw && word_is(d, w, "your") && word_in(d, w + 1, msgs) &&
	    !word_in(d, w - 1, (const char *const[]){"to", "via", "by", "in", "into", "through", "over", NULL}) &&
	    word_tok(d, w + 1)->clause == word_tok(d, m->w1 - 1)->clause)
		return true;
	/* "send that to an engineer": the last word of m is "send" + it/that/this, then to + staff */
	for (size_t k = m->w0; k + 1 < m->w1 && k < m->w0 + 6; k++)
		if (word_in(d, k, (const char *const[]){"send", "sending", "forward", "forwarding", "pass", "passing", NULL}) &&
		    word_in(d, k + 1, (const char *const[]){"that", "this", "it", NULL})) {
			size_t t = m->w1;
			while (t < d->ts->nw && t < m->w1 + 2 && !word_is(d, t, "to"))
				t++;
			if (t + 1 < d->ts->nw && word_is(d, t, "to")) {
				for (size_t u = t + 1; u < t + 5 && u < d->ts->nw; u++)
					if (word_in(d, u, staff))
						return true;
			}
		}
	return false;
}

/* One remedy read two ways, as action and as compensation: the reading
 * whose words say more wins, and compensation wins a tie (when
 * compensation is the only remedy it is not also action: "I've refunded
 * your shipping"). Is m, of one kind, hidden by a counted match of label
 * other that overlaps it? Each survives where it has evidence of its own:
 * "I've added the 4,200 points manually" is action, and its "added the
 * 4,200 points" no gift; and neither hides the other when that one reaches
 * past it into another clause. A compensation match that overlaps an
 * ownership match does not count ("this one is on us"). */
static bool remedy_hidden(const dctx *d, const match *m, const char *other, const labels *L)
{
	size_t lo, hi;
	near_matches(d, m, true, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const match *o = &d->ms->m[i];
		if (o == m || !(o->w0 < m->w1 && m->w0 < o->w1) || entry_of(d, o)->label != other || !agent_counted(d, o))
			continue;
		if (says_more(d, m, o) || reaches_past(d, m, o))
			continue;
		if (other == L->comp ? overlapping(d, o, L->ownership) != NULL : not_done(d, o, true) || !says_more(d, o, m))
			continue;
		return true;
	}
	return false;
}

void detect_agent(dctx *d)
{
	labels L = get_labels();
	tact_msg *msg = d->msg;
	const char *arg = label_intern("agent.argumentative", 19), *defl = label_intern("agent.deflect", 13);
	const char *follow = label_intern("recovery.follow_up", 18), *prevent = label_intern("recovery.prevention", 19);
	const char *grat = label_intern("recovery.gratitude", 18);
	/* the agent's own commitment to come back makes a hand-over a warm transfer */
	bool follows_up = false;
	for (size_t i = 0; i < d->ms->n && !follows_up; i++)
		follows_up = entry_of(d, &d->ms->m[i])->label == follow && agent_counted(d, &d->ms->m[i]) &&
			     !not_done(d, &d->ms->m[i], false);
	/* a reply that asks another account to take the issue ("@Partner kindly
	 * assist with stated issue. Thank you.", flag partner): its thanks are
	 * that account's */
	bool to_partner = false;
	for (size_t i = 0; i < d->ms->n && !to_partner; i++)
		to_partner = (entry_of(d, &d->ms->m[i])->flags & LF_PARTNER) && agent_counted(d, &d->ms->m[i]);
	/* flags and recovery elements, with their exceptions */
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const lex_entry *e = entry_of(d, m);
		const char *l = e->label;
		if (!agent_counted(d, m) || label_is_cue(l) || !strncmp(l, "escalation.", 11) || !strncmp(l, "derogatory.", 11) ||
		    !strncmp(l, "apology.", 8))
			continue;
		if (l == L.policy && (granted_in_sentence(d, m, &L) || in_if_clause(d, m)))
			continue; /* a policy cited to grant something, a limit stated while helping, or a condition */
		if (l == defl && (follows_up || in_sentence_with(d, m, prevent)))
			continue; /* a warm transfer: the agent keeps the case; or a hand-over that fixes the system */
		if (l == defl && overlapping(d, m, L.blame))
			continue; /* "you should have read the terms" blames, it sends nowhere */
		if (l == defl && fallback(d, m))
			continue; /* offered only in case the reply's own help fails */
		if (l == prevent && prevention_asked(d, m))
			continue; /* "DM us so we can help prevent this": no change made */
		if (l == L.empathy && empathy_generic(d, m))
			continue;
		if (l == follow && offered(d, m))
			continue;
		if (l == L.policy && (others_policy(d, m) || channel_limit(d, m)))
			continue;
		if (l == grat && (to_partner || signoff_thanks(d, m) || (d->foreign && bare_thanks(d, m))))
			continue; /* "TY - Struan": the signature; a lone "TY" closing a reply in another language too */
		if (l == L.ownership && (conditioned(d, m) || seen_of_customer(d, m)))
			continue; /* "if we have misunderstood", "I think you misunderstood" */
		if (l == arg || l == L.blame || l == L.comp) {
			const match *ow = overlapping(d, m, L.ownership);
			if (ow && !seen_of_customer(d, ow))
				continue; /* "that was wrong information from me", "this one is on us" */
		}
		if ((l == L.action || l == L.comp || l == follow) && not_done(d, m, l != follow))
			continue;
		if (l == L.action && restated(d, m))
			continue; /* "As I mentioned, the engineer is booked for Thursday" */
		if ((l == L.action || l == L.comp) && refused(d, m, &L))
			continue; /* "a partial refund isn't something we can offer" */
		if (l == L.action && (sends_message(d, m) || about_message(d, m)))
			continue;
		if (l == L.comp && remedy_hidden(d, m, L.action, &L))
			continue; /* "added the 4,200 points manually" returns what was owed: action */
		if (l == L.action) {
			/* compensation alone is not also action ("I've refunded your
			 * shipping"), a hand-over is not a fix, and "to make sure
			 * it's resolved" is not done yet */
			if (remedy_hidden(d, m, L.comp, &L) || overlapping(d, m, defl) || overlapping(d, m, prevent))
				continue; /* a change to the system ("we've fixed the sync so ...") is prevention */
			bool prev = m->w0 > 0 && word_tok(d, m->w0 - 1)->sent == word_tok(d, m->w0)->sent;
			if (prev && word_in(d, m->w0 - 1, (const char *const[]){"check", "confirm", "see", "be", NULL}))
				continue; /* "this will be resolved for you" */
			if (prev && word_in(d, m->w0 - 1, (const char *const[]){"what", "whatever", NULL}))
				continue; /* "I'll email you with what we've changed" names it, does not do it */
		}
		span_from_match(d, m, NULL, e->sev, NULL);
		d->ms->m[i].flags |= MF_REPORTED;
	}
	/* the apology class: the worst reading of any apology wins */
	const match *own = NULL; /* where the reply owns a failure, if it does */
	for (size_t i = 0; i < d->ms->n && !own; i++) {
		const match *m = &d->ms->m[i];
		const char *l = entry_of(d, m)->label;
		size_t after;
		if ((l == L.failure || l == L.ownership) && agent_counted(d, m) && !conditioned(d, m) && !seen_of_customer(d, m) &&
		    !blamed(d, &L, m) && !message_at(d, m->w1, &after) && !(l == L.failure && remedy_in(d, &L, m->w0, m->w1)))
			own = m;
	}
	tact_apology cls = msg->apology; /* the class of the windows before (NONE at first) */
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const char *l = entry_of(d, m)->label;
		if (!agent_counted(d, m))
			continue;
		tact_apology c = TACT_APOLOGY_NONE;
		size_t f0 = 0, f1 = 0;
		if (l == L.conditional) {
			c = TACT_APOLOGY_CONDITIONAL;
		} else if (l == L.canned) {
			c = classify(d, m, &L, true, own, &f0, &f1);
		} else if (l == L.apology || l == L.sincere) {
			bool inside = false; /* the apology word of a formula */
			size_t lo, hi;
			near_matches(d, m, true, &lo, &hi);
			for (size_t k = lo; k < hi && !inside; k++) {
				const char *kl = entry_of(d, &d->ms->m[k])->label;
				inside = k != i && (kl == L.canned || kl == L.conditional) && agent_counted(d, &d->ms->m[k]) &&
					 d->ms->m[k].w0 <= m->w0 && m->w1 <= d->ms->m[k].w1;
			}
			/* nor is the word in a gift "as an apology": compensation */
			if (inside || overlapping(d, m, L.comp))
				continue;
			c = classify(d, m, &L, false, own, &f0, &f1);
		} else {
			continue;
		}
		const char *label = c == TACT_APOLOGY_CONDITIONAL ? L.conditional :
				    c == TACT_APOLOGY_SINCERE     ? L.sincere : L.canned;
		tact_severity sev = c == TACT_APOLOGY_CONDITIONAL ? TACT_SEV_MEDIUM :
				    c == TACT_APOLOGY_CANNED      ? TACT_SEV_LOW : TACT_SEV_INFO;
		const char *why = c == TACT_APOLOGY_CONDITIONAL ? "conditional non-apology" :
				  c == TACT_APOLOGY_SINCERE     ? "sincere apology" : "canned apology formula";
		span_from_match(d, m, label, sev, why);
		if (f1 > f0)
			msg_add_span(msg, L.sincere, "apology.failure", TACT_SEV_INFO, f0, f1, "the failure the apology owns");
		/* conditional > sincere > canned > none */
		int rank[] = {0, 0, 1, 3, 2};
		if (rank[c] > rank[cls])
			cls = c;
	}
	msg->apology = cls;
	/* a sincere apology owns a failure */
	bool owned = false;
	for (size_t i = 0; i < msg->nspans; i++)
		owned |= msg->spans[i].label == L.ownership || !strcmp(msg->spans[i].label, "recovery.ownership");
	if (cls == TACT_APOLOGY_SINCERE && !owned)
		for (size_t i = 0; i < msg->nspans; i++)
			if (!strcmp(msg->spans[i].rule, "apology.failure")) {
				msg_add_span(msg, "recovery.ownership", "apology.failure", TACT_SEV_INFO, msg->spans[i].start,
					     msg->spans[i].end, label_message("recovery.ownership"));
				break;
			}
	spelling(d);
}

void agent_score(tact_msg *msg)
{
	unsigned set = 0;
	int score = 0, penalty = 0;
	for (size_t i = 0; i < msg->nspans; i++) {
		const char *l = msg->spans[i].label;
		for (size_t k = 0; k < ARRAY_LEN(elements); k++)
			if (!strcmp(l, elements[k].label) && !(set & elements[k].bit)) {
				set |= elements[k].bit;
				score += elements[k].weight;
			}
	}
	for (size_t k = 0; k < ARRAY_LEN(flags); k++)
		for (size_t i = 0; i < msg->nspans; i++)
			if (!strcmp(msg->spans[i].label, flags[k].label)) {
				penalty += flags[k].penalty;
				break;
			}
	if (msg->apology == TACT_APOLOGY_SINCERE)
		score += SINCERE_BONUS;
	if (msg->apology == TACT_APOLOGY_CANNED)
		penalty += CANNED_PENALTY; /* a formula where an owned apology belongs */
	score -= penalty;
	msg->recovery = set;
	msg->recovery_score = score < 0 ? 0 : score > 100 ? 100 : score;
}
