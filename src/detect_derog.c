/* detect_derog.c: derogatory language in any message. Swearing is
 * profanity; abuse aimed at a person (the reader, staff, someone else) is
 * an insult; slurs and attacks on a group identity are identity attacks.
 * Whether an insulting word is aimed at a person is read from the clause
 * around it: a person reference near it (you, your, staff, he, "your
 * 'agent' Kevin"), not the writer ("I feel like an idiot"), not a thing it
 * describes ("stupid app"). The cue words are lexicon classes
 * (cue.target, cue.self, cue.thing in lexicons/en/context.tact). */
#include "analyze.h"

enum target { T_NONE, T_PERSON, T_SELF, T_THING };

static bool cue_word(const dctx *d, const char *cue, size_t pos)
{
	return cue_at(d, cue, pos, pos + 1);
}

static bool same_clause(const dctx *d, size_t a, size_t b)
{
	return word_tok(d, a)->clause == word_tok(d, b)->clause;
}

/* At most this many words between a person reference and the insult. */
#define BACK 4
#define AHEAD 3

static enum target target_of(const dctx *d, const match *m, size_t *dist)
{
	const char *tgt = label_intern("cue.target", 10), *self = label_intern("cue.self", 8),
		   *thing = label_intern("cue.thing", 9), *intens = label_intern("cue.intensifier", 15);
	size_t nw = d->ts->nw;
	*dist = 99;
	/* what the word describes: "stupid app", "useless staff",
	 * "stupid fucking app" */
	for (size_t k = m->w1; k < nw && k < m->w1 + 2 && same_clause(d, m->w0, k); k++) {
		if (cue_word(d, thing, k))
			return T_THING;
		if (cue_word(d, tgt, k) && word_tok(d, k)->sent == word_tok(d, m->w0)->sent) {
			*dist = k - m->w1;
			return T_PERSON;
		}
		if (!cue_word(d, intens, k) && !(k == m->w1 && word_tok(d, k)->kind == TK_WORD &&
						  cue_at(d, label_intern("derogatory.profanity", 20), k, k + 1)))
			break;
	}
	/* the nearest person or self reference before it, in the clause */
	for (size_t k = m->w0, back = 0; k > 0 && back < BACK; back++) {
		k--;
		if (!same_clause(d, k, m->w0))
			break;
		if (cue_word(d, self, k))
			return T_SELF;
		if (cue_word(d, tgt, k)) {
			*dist = back;
			return T_PERSON;
		}
	}
	/* or just after: "idiots like you", "shame on you" */
	for (size_t k = m->w1, ahead = 0; k < nw && ahead < AHEAD; k++, ahead++) {
		if (!same_clause(d, k, m->w1 - 1))
			break;
		if (cue_word(d, self, k))
			return T_SELF;
		if (cue_word(d, tgt, k)) {
			*dist = ahead;
			return T_PERSON;
		}
	}
	/* a sentence that is only the insult ("Idiots!") addresses the reader */
	size_t w0, w1;
	sentence_words(d, word_tok(d, m->w0)->sent, &w0, &w1);
	if (w1 - w0 <= m->w1 - m->w0 + 1) {
		*dist = 0;
		return T_PERSON;
	}
	return T_NONE;
}

void detect_derogatory(dctx *d)
{
	const char *prof = label_intern("derogatory.profanity", 20), *ins = label_intern("derogatory.insult", 17),
		   *idn = label_intern("derogatory.identity", 19);
	tact_derog worst = TACT_DEROG_NONE;
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const lex_entry *e = entry_of(d, m);
		if (!counted(m) || (e->label != prof && e->label != ins && e->label != idn))
			continue;
		const char *label = e->label;
		const char *msg = NULL;
		tact_severity sev = e->sev;
		size_t dist;
		if (label == ins && (e->flags & LF_TARGET)) {
			enum target t = target_of(d, m, &dist);
			if (t != T_PERSON)
				continue; /* self-deprecation, a thing, or nobody */
		} else if (label == prof) {
			/* swearing at someone is an insult: "f*** you" */
			enum target t = target_of(d, m, &dist);
			if (t == T_PERSON && dist == 0) {
				label = ins;
				msg = "swearing aimed at a person";
				sev = MAX(sev, TACT_SEV_HIGH);
			}
		}
		span_from_match(d, m, label, sev, msg);
		tact_derog k = label == idn ? TACT_DEROG_IDENTITY : label == ins ? TACT_DEROG_INSULT : TACT_DEROG_PROFANITY;
		if (k > worst)
			worst = k;
	}
	d->msg->derog = worst;
}
