/* score.c: a customer message's escalation level and 0-100 score from its
 * spans (detect_customer.c, detect_derog.c), following the anchored levels
 * of the taxonomy: critical for a threat of harm; high for legal action, a
 * regulator, a real chargeback, an identity attack, or three or more
 * distinct signals; medium for cancelling, a manager, going public, an
 * ultimatum, shouting, an insult, "money back now"; low for repeat contact
 * alone, profanity at things, a complaint (a reported problem or
 * frustration) or an escalation the author mentions only to decline it
 * ("we won't go to the ombudsman, but...") or an insulting word said of a
 * thing ("this stupid app"); none otherwise. Each lexicon
 * entry's severity is its level. The score places the message inside its
 * level's band by how much evidence and intensity there is.
 * doc/scoring.md explains the numbers; thread.c adjusts for the thread. */
#include "analyze.h"
#include "score.h"

static const int band_lo[] = {0, 10, 35, 60, 85}, band_hi[] = {0, 34, 59, 84, 100};

int score_in_band(tact_level level, int extra)
{
	if (level <= TACT_LEVEL_NONE || level > TACT_LEVEL_CRITICAL)
		return 0;
	extra = extra < 0 ? 0 : extra > 100 ? 100 : extra;
	return band_lo[level] + (band_hi[level] - band_lo[level]) * extra / 100;
}

int score_extra(tact_level level, int score)
{
	if (level <= TACT_LEVEL_NONE || level > TACT_LEVEL_CRITICAL)
		return 0;
	int width = band_hi[level] - band_lo[level];
	int extra = (score - band_lo[level]) * 100 / width;
	/* round up so that score_in_band(level, extra) == score */
	while (extra < 100 && score_in_band(level, extra) < score)
		extra++;
	return extra < 0 ? 0 : extra;
}

/* The level one span stands for. */
static tact_level span_level(const tact_span *s)
{
	if (!strcmp(s->label, "escalation.threat"))
		return TACT_LEVEL_CRITICAL;
	if (!strcmp(s->label, "derogatory.identity"))
		return TACT_LEVEL_HIGH;
	if (!strcmp(s->label, "derogatory.insult") || !strcmp(s->label, "escalation.shouting"))
		return TACT_LEVEL_MEDIUM;
	if (!strncmp(s->label, "derogatory.", 11))
		return TACT_LEVEL_LOW; /* profanity at things */
	return (tact_level)s->severity;
}

/* '!' outside quotes and signatures */
static size_t bangs(const dctx *d)
{
	const tact_msg *m = d->msg;
	size_t n = 0;
	for (size_t i = 0; i < d->ts->n; i++) {
		const token *t = &d->ts->t[i];
		n += t->kind == TK_PUNCT && d->nt->out.ptr[t->ns] == '!' && !(m->nregions && msg_in_region(m, t->os, t->oe));
	}
	return n;
}

/* A complaint with no signal: a reported problem or frustration
 * (cue.negative), or an escalation the author declines; an emoji of
 * frustration (cue.emoji: "I still can't join 😤😤"), counted once and only
 * without another complaint; each is shown. */
static void complaints(dctx *d, score_acc *acc)
{
	tact_msg *m = d->msg;
	const char *neg = label_intern("cue.negative", 12);
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *x = &d->ms->m[i];
		const lex_entry *e = entry_of(d, x);
		if (x->why & WHY_REGION)
			continue;
		if (e->label == neg && !(x->why & (WHY_RETRACTED | WHY_IDIOM))) {
			acc->negs++;
			msg_add_span(m, "complaint", e->id, TACT_SEV_LOW, x->os, x->oe,
				     "reported problem or frustration");
		} else if ((x->why & WHY_NEGATED) && e->sev > TACT_SEV_INFO && !strncmp(e->label, "escalation.", 11)) {
			acc->declined++;
			msg_add_span(m, "complaint", e->id, TACT_SEV_LOW, x->os, x->oe,
				     "escalation named only to decline it");
		}
	}
	for (size_t i = 0; i < d->ts->n; i++) {
		const token *t = &d->ts->t[i];
		if (t->kind != TK_EMOJI || (m->nregions && msg_in_region(m, t->os, t->oe)))
			continue;
		const vslot *vs = vocab_find(&d->eng->voc, tok_text(d->nt, t), t->nlen);
		if (vs && (vs->flags & VF_UPSET)) {
			acc->upset++;
			msg_add_span(m, "complaint", "emoji", TACT_SEV_LOW, t->os, t->oe, "emoji of frustration");
		}
	}
	acc->harsh_things += d->harsh_things;
}

/* Level and score from the final spans; intensity from the tokens. */
void score_escalation(dctx *d, score_acc *acc, bool last)
{
	tact_msg *m = d->msg;
	complaints(d, acc);
	if (!last) { /* the level is not known before the last window */
		acc->bangs += bangs(d);
		return;
	}
	tact_level level = TACT_LEVEL_NONE;
	const char *labels[32];
	size_t nlabels = 0, nspans = 0;
	bool shout = false, profane = false;
	for (size_t i = 0; i < m->nspans; i++) {
		const tact_span *s = &m->spans[i];
		if (strncmp(s->label, "escalation.", 11) && strncmp(s->label, "derogatory.", 11))
			continue;
		nspans++;
		tact_level l = span_level(s);
		shout |= !strcmp(s->label, "escalation.shouting");
		profane |= !strncmp(s->label, "derogatory.", 11);
		if (l > level)
			level = l;
		bool seen = false;
		for (size_t k = 0; k < nlabels; k++)
			seen |= labels[k] == s->label || !strcmp(labels[k], s->label);
		if (!seen && nlabels < ARRAY_LEN(labels))
			labels[nlabels++] = s->label;
	}
	if (nlabels >= 3 && level < TACT_LEVEL_HIGH)
		level = TACT_LEVEL_HIGH;
	size_t negs = acc->negs ? acc->negs : acc->upset != 0;
	if (level == TACT_LEVEL_NONE && (negs || acc->declined || acc->harsh_things))
		level = TACT_LEVEL_LOW; /* also "stupid app": harsh words at a thing */
	if (level == TACT_LEVEL_NONE) {
		m->level = level;
		m->score = 0;
		return;
	}
	size_t nbangs = acc->bangs + bangs(d);
	int extra = (int)(nlabels > 1 ? nlabels - 1 : 0) * 25 + (int)MIN(nspans, 6u) * 5 + (int)MIN(negs, 3u) * 5 +
		    (int)MIN(nbangs, 5u) * 3 + (shout ? 10 : 0) + (profane ? 10 : 0);
	m->level = level;
	m->score = score_in_band(level, extra);
}
