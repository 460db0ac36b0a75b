/* context.c: the fourth stage of analysis. Only what the author asserts
 * counts: a match inside a quoted earlier message or a signature, under a
 * negation ("I'm not going to cancel"), hypothetical ("I'd never sue"),
 * retraction ("I was about to cancel but"), reported speech ("the driver
 * told me", "my lawyer friend") or an idiom ("this is killing me") is kept
 * with the reason, so detectors skip it. The cues are lexicon entries
 * (lexicons/en/context.tact) with a scope in words: before=N (the cue
 * comes first, the match starts within N words after it), after=N (the
 * cue follows within N words), clause or sentence. A conditional threat
 * keeps counting: "if" is not a cue. */
#include "context.h"

static bool in_scope(const lex_entry *cue, const match *c, const match *m, const tokens *ts)
{
	const token *ct = &ts->t[ts->w[c->w0]], *mt = &ts->t[ts->w[m->w0]];
	if (ct->sent != mt->sent)
		return false;
	if (cue->flags & LF_SENTENCE)
		return true;
	if (cue->flags & LF_CLAUSE) {
		/* the clause of the cue, which may span the match */
		for (uint32_t w = m->w0; w < m->w1; w++)
			if (ts->t[ts->w[w]].clause == ct->clause)
				return true;
		return false;
	}
	int before = cue->before, after = cue->after;
	if (!before && !after)
		before = 3;
	if (before && m->w0 >= c->w1 && m->w0 - c->w1 < (uint32_t)before) {
		/* same clause, or a clause break only just before the match */
		for (uint32_t w = c->w1; w <= m->w0 && w < ts->nw; w++)
			if (ts->t[ts->w[w]].clause != ct->clause)
				return false;
		return true;
	}
	if (after && c->w0 >= m->w1 && c->w0 - m->w1 < (uint32_t)after) {
		uint32_t mclause = ts->t[ts->w[m->w1 - 1]].clause;
		for (uint32_t w = m->w1; w <= c->w0 && w < ts->nw; w++)
			if (ts->t[ts->w[w]].clause != mclause)
				return false;
		return true;
	}
	return false;
}

static bool overlaps(const match *a, const match *b)
{
	return a->w0 < b->w1 && b->w0 < a->w1;
}

void context_judge(const lexicon *lx, const tokens *ts, const tact_msg *msg, match_scratch *s)
{
	const char *neg = label_intern("cue.negation", 12), *unneg = label_intern("cue.unnegate", 12);
	const char *hyp = label_intern("cue.hypothetical", 16), *ret = label_intern("cue.retraction", 14);
	const char *rep = label_intern("cue.reported", 12), *idiom = label_intern("cue.idiom", 9);
	for (size_t i = 0; i < s->n; i++) {
		match *m = &s->m[i];
		const lex_entry *e = &lx->e[m->entry];
		m->why = 0;
		if (msg->nregions && msg_in_region(msg, m->os, m->oe))
			m->why |= WHY_REGION;
		if (label_is_cue(e->label) || (e->flags & LF_ANY))
			continue;
		/* cues are near: look at the neighbouring matches only, so a
		 * hostile message of a million cue words stays linear */
		size_t lo = i > 64 ? i - 64 : 0, hi = MIN(s->n, i + 65);
		for (size_t j = lo; j < hi; j++) {
			const match *c = &s->m[j];
			const lex_entry *ce = &lx->e[c->entry];
			const char *l = ce->label;
			if (j == i || !label_is_cue(l))
				continue;
			if (l == idiom) {
				if (overlaps(c, m))
					m->why |= WHY_IDIOM;
				continue;
			}
			unsigned bit = l == neg ? WHY_NEGATED : l == hyp ? WHY_HYPOTHETICAL :
				       l == ret ? WHY_RETRACTED : l == rep ? WHY_REPORTED : 0;
			if (!bit || overlaps(c, m) || !in_scope(ce, c, m, ts))
				continue;
			if (bit == WHY_NEGATED) {
				bool cancelled = false; /* "don't make me", "not afraid to" */
				for (size_t k = j > 8 ? j - 8 : 0; k < MIN(s->n, j + 9) && !cancelled; k++)
					cancelled = lx->e[s->m[k].entry].label == unneg && overlaps(&s->m[k], c);
				if (cancelled)
					continue;
			}
			m->why |= (uint16_t)bit;
		}
		/* reported speech in quotation marks: a quoted stretch of three
		 * words or more; one or two are scare quotes ("your 'agent'") */
		if ((m->flags & MF_QUOTED) && !(m->why & WHY_REGION)) {
			size_t a = m->w0, b = m->w1;
			while (a > 0 && (ts->t[ts->w[a - 1]].flags & TF_QUOTED))
				a--;
			while (b < ts->nw && (ts->t[ts->w[b]].flags & TF_QUOTED))
				b++;
			if (b - a >= 3 || (e->flags & LF_NOQUOTE))
				m->why |= WHY_QUOTED;
		}
	}
}

const char *context_why_name(unsigned why)
{
	static const char *const names[] = {"in a quoted message or signature", "negated", "hypothetical",
					    "retracted", "reported speech", "quoted", "idiom", "innocent word"};
	for (unsigned i = 0; i < 8; i++)
		if (why & (1u << i))
			return names[i];
	return NULL;
}
