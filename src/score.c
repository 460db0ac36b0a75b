/* score.c: a customer message's escalation level and 0-100 score from its
 * spans (detect_customer.c, detect_derog.c), following the anchored levels
 * of the taxonomy: critical for a threat of harm; high for legal action, a
 * regulator, a real chargeback, an identity attack, or three or more
 * distinct signals; medium for cancelling, a manager, going public, an
 * ultimatum, shouting, an insult, "money back now"; low for repeat contact
 * alone, profanity at things, or plain frustration; none otherwise. Each
 * lexicon entry's severity is its level. The score places the message
 * inside its level's band by how much evidence and intensity there is.
 * doc/scoring.md explains the numbers; thread.c adjusts for the thread. */
#include "analyze.h"

static const int band_lo[] = {0, 10, 35, 60, 85}, band_hi[] = {0, 34, 59, 84, 100};

/* Level and score from the final spans; intensity from the tokens. */
void score_escalation(dctx *d)
{
	tact_msg *m = d->msg;
	tact_level level = TACT_LEVEL_NONE;
	const char *labels[32];
	size_t nlabels = 0, nspans = 0;
	bool shout = false, profane = false;
	for (size_t i = 0; i < m->nspans; i++) {
		const tact_span *s = &m->spans[i];
		bool esc = !strncmp(s->label, "escalation.", 11), der = !strncmp(s->label, "derogatory.", 11);
		if (!esc && !der)
			continue;
		nspans++;
		tact_level l = (tact_level)s->severity;
		if (der) /* profanity at things is low; insults medium; identity high */
			l = !strcmp(s->label, "derogatory.identity") ? TACT_LEVEL_HIGH :
			    !strcmp(s->label, "derogatory.insult")   ? TACT_LEVEL_MEDIUM : TACT_LEVEL_LOW;
		if (!strcmp(s->label, "escalation.threat"))
			l = TACT_LEVEL_CRITICAL;
		if (!strcmp(s->label, "escalation.shouting")) {
			shout = true;
			l = MAX(l, TACT_LEVEL_MEDIUM);
		}
		profane |= !strcmp(s->label, "derogatory.profanity");
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
	/* plain frustration ("this is ridiculous") with no signal: low */
	const char *neg = label_intern("cue.negative", 12);
	size_t negs = 0;
	for (size_t i = 0; i < d->ms->n; i++)
		negs += entry_of(d, &d->ms->m[i])->label == neg && counted(&d->ms->m[i]);
	if (level == TACT_LEVEL_NONE && negs)
		level = TACT_LEVEL_LOW;
	if (level == TACT_LEVEL_NONE) {
		m->level = level;
		m->score = 0;
		return;
	}
	/* intensity: share of capitals and '!' */
	size_t bangs = 0;
	for (size_t i = 0; i < d->ts->n; i++)
		bangs += d->ts->t[i].kind == TK_PUNCT && d->nt->out.ptr[d->ts->t[i].ns] == '!';
	int width = band_hi[level] - band_lo[level];
	int extra = (int)(nlabels > 1 ? nlabels - 1 : 0) * 25 + (int)MIN(nspans, 6u) * 5 + (int)MIN(negs, 3u) * 5 +
		    (int)MIN(bangs, 5u) * 3 + (shout ? 10 : 0) + (profane ? 10 : 0);
	if (extra > 100)
		extra = 100;
	m->level = level;
	m->score = band_lo[level] + width * extra / 100;
}
