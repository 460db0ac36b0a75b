/* detect_agent.c: an agent's reply judged the way a service-recovery coach
 * would. The apology class: sincere (I/we own a specific failure, not
 * undercut), canned (a stock formula naming no failure), conditional (a
 * non-apology, or "sorry, but <policy or blame>" in one sentence), none.
 * The flags (argument, blame, policy-hiding, deflection) and the recovery
 * elements (ownership, action, compensation, follow-up, prevention,
 * gratitude, empathy) come from lexicon matches with a few rules between
 * them; the recovery score is documented in doc/scoring.md. Spelling, when
 * on, is checked here too. */
#include "analyze.h"

#include <stdlib.h>

#include "spell.h"

typedef struct {
	const char *apology, *canned, *conditional, *sincere, *failure, *but, *grant, *first, *policy, *blame,
		*action, *comp, *ownership;
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
	};
}

static bool same_sentence(const dctx *d, const match *a, const match *b)
{
	return word_tok(d, a->w0)->sent == word_tok(d, b->w0)->sent;
}

/* A counted match with this label after position `after` in the same
 * sentence as m, or NULL. */
static const match *later_in_sentence(const dctx *d, const match *m, const char *label, uint32_t after)
{
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *o = &d->ms->m[i];
		if (o->w0 >= after && entry_of(d, o)->label == label && !(o->why & WHY_REGION) && same_sentence(d, m, o))
			return o;
	}
	return NULL;
}

static bool in_sentence_with(const dctx *d, const match *m, const char *label)
{
	size_t w0, w1;
	sentence_words(d, word_tok(d, m->w0)->sent, &w0, &w1);
	return cue_at(d, label, w0, w1);
}

/* The class of one apology cue: what surrounds it in its sentence. */
static tact_apology classify(const dctx *d, const match *ap, const labels *L, const match **failure)
{
	*failure = NULL;
	/* the but-rule: "sorry, but <policy or blame>" in one sentence */
	const match *but = later_in_sentence(d, ap, L->but, ap->w1);
	if (but && (later_in_sentence(d, ap, L->policy, but->w1) || later_in_sentence(d, ap, L->blame, but->w1)))
		return TACT_APOLOGY_CONDITIONAL;
	/* a specific failure owned in the same sentence (before "but") */
	size_t w0, w1;
	sentence_words(d, word_tok(d, ap->w0)->sent, &w0, &w1);
	if (but)
		w1 = but->w0;
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *o = &d->ms->m[i];
		const char *l = entry_of(d, o)->label;
		if ((l == L->failure || l == L->ownership) && counted(o) && o->w0 >= w0 && o->w1 <= w1) {
			*failure = o;
			return TACT_APOLOGY_SINCERE;
		}
	}
	return TACT_APOLOGY_CANNED;
}

static void spelling(dctx *d)
{
	struct spell *sp = d->eng->spell;
	if (!sp)
		return;
	const char *text = d->msg->text.ptr;
	for (size_t i = 0; i < d->ts->nw; i++) {
		const token *t = word_tok(d, i);
		if (t->kind != TK_WORD || t->letters < 2 || (t->flags & (TF_ALLCAPS | TF_DIGIT | TF_SYM | TF_QUOTED)))
			continue;
		if ((t->flags & TF_CAPITAL) && !(t->flags & TF_SENT_START) && !(t->flags & TF_LINE_START))
			continue; /* a name */
		if (msg_in_region(d->msg, t->os, t->oe))
			continue;
		const char *sugg;
		if (spell_check(sp, &d->an->sc, text + t->os, t->oe - t->os, &sugg))
			continue;
		char *m = xasprintf("possible misspelling '%.*s'", (int)(t->oe - t->os), text + t->os);
		tact_span *s = msg_add_span(d->msg, "spelling", "spell", TACT_SEV_LOW, t->os, t->oe, msg_own(d->msg, m));
		s->detail = sugg ? msg_own(d->msg, xstrdup(sugg)) : NULL;
	}
}

static const struct {
	const char *label;
	unsigned bit;
	int weight;
} elements[] = {
	{"recovery.ownership", TACT_REC_OWNERSHIP, 20}, {"recovery.action", TACT_REC_ACTION, 25},
	{"recovery.compensation", TACT_REC_COMPENSATION, 15}, {"recovery.follow_up", TACT_REC_FOLLOW_UP, 15},
	{"recovery.prevention", TACT_REC_PREVENTION, 15}, {"recovery.gratitude", TACT_REC_GRATITUDE, 5},
	{"recovery.empathy", TACT_REC_EMPATHY, 5},
};

static const struct {
	const char *label;
	int penalty;
} flags[] = {
	{"agent.argumentative", 15}, {"agent.blame", 20}, {"agent.policy", 15}, {"agent.deflect", 10},
	{"apology.conditional", 15}, {"derogatory.profanity", 20}, {"derogatory.insult", 40},
	{"derogatory.identity", 50},
};

void detect_agent(dctx *d)
{
	labels L = get_labels();
	tact_msg *msg = d->msg;
	/* flags and recovery elements, with their exceptions */
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const lex_entry *e = entry_of(d, m);
		const char *l = e->label;
		if (!counted(m) || label_is_cue(l) || !strncmp(l, "escalation.", 11) || !strncmp(l, "derogatory.", 11) ||
		    !strncmp(l, "apology.", 8))
			continue;
		if (l == L.policy && in_sentence_with(d, m, L.grant))
			continue; /* a policy cited to grant something */
		if (l == L.action) { /* compensation alone is not also action */
			bool comp = false;
			for (size_t k = 0; k < d->ms->n && !comp; k++)
				comp = entry_of(d, &d->ms->m[k])->label == L.comp && counted(&d->ms->m[k]) &&
				       d->ms->m[k].w0 < m->w1 + 6 && m->w0 < d->ms->m[k].w1 + 1 &&
				       same_sentence(d, m, &d->ms->m[k]);
			if (comp)
				continue;
		}
		span_from_match(d, m, NULL, e->sev, NULL);
	}
	/* the apology class: the worst reading of any apology wins */
	tact_apology cls = TACT_APOLOGY_NONE;
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const char *l = entry_of(d, m)->label;
		if (!counted(m))
			continue;
		tact_apology c = TACT_APOLOGY_NONE;
		const match *failure = NULL;
		if (l == L.conditional) {
			c = TACT_APOLOGY_CONDITIONAL;
		} else if (l == L.canned) {
			/* a formula names no failure; only the but-rule changes it */
			c = classify(d, m, &L, &failure) == TACT_APOLOGY_CONDITIONAL ? TACT_APOLOGY_CONDITIONAL
										   : TACT_APOLOGY_CANNED;
			failure = NULL;
		} else if (l == L.apology || l == L.sincere) {
			bool inside = false; /* the apology word of a formula */
			for (size_t k = 0; k < d->ms->n && !inside; k++) {
				const char *kl = entry_of(d, &d->ms->m[k])->label;
				inside = k != i && (kl == L.canned || kl == L.conditional) && counted(&d->ms->m[k]) &&
					 d->ms->m[k].w0 <= m->w0 && m->w1 <= d->ms->m[k].w1;
			}
			if (inside)
				continue;
			c = classify(d, m, &L, &failure);
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
		if (failure) {
			tact_span *s = msg_add_span(msg, L.sincere, "apology.failure", TACT_SEV_INFO, failure->os,
						    failure->oe, "the failure the apology owns");
			(void)s;
		}
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
		score += 10;
	score -= penalty;
	msg->recovery = set;
	msg->recovery_score = score < 0 ? 0 : score > 100 ? 100 : score;
}
