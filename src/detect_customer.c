/* detect_customer.c: escalation signals in a customer's message. Lexicon
 * matches that the author asserts (context.c) become spans; shouting is
 * measured on the tokens: sustained capitals beyond acronyms, and angry
 * runs of '!'. Feeds score.c. */
#include "analyze.h"

#include <stdlib.h>

/* Words written in capitals that are not acronyms: word positions of
 * acronym cue matches are skipped. */
static bool caps_word(const dctx *d, size_t pos, const uint8_t *acro)
{
	const token *t = word_tok(d, pos);
	return t->kind == TK_WORD && (t->flags & TF_ALLCAPS) && t->letters >= 2 && !acro[pos];
}

static void shouting(dctx *d)
{
	size_t nw = d->ts->nw;
	if (!nw)
		return;
	const char *acr = label_intern("cue.acronym", 11);
	uint8_t *acro = xcalloc(nw, 1);
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		if (entry_of(d, m)->label == acr)
			for (uint32_t w = m->w0; w < m->w1; w++)
				acro[w] = 1;
	}
	/* share of letters in capitals over words of two letters or more */
	size_t letters = 0, uppers = 0, capwords = 0;
	for (size_t i = 0; i < nw; i++) {
		const token *t = word_tok(d, i);
		if (t->kind != TK_WORD || t->letters < 2 || acro[i] || msg_in_region(d->msg, t->os, t->oe))
			continue;
		letters += t->letters;
		uppers += t->uppers;
		capwords += caps_word(d, i, acro);
	}
	bool mostly = letters >= 12 && capwords >= 4 && uppers * 10 >= letters * 6;
	/* runs of capital words; single-letter words (I, A) and numbers do not
	 * break a run */
	for (size_t i = 0; i < nw;) {
		if (!caps_word(d, i, acro) || msg_in_region(d->msg, word_tok(d, i)->os, word_tok(d, i)->oe)) {
			i++;
			continue;
		}
		size_t j = i, words = 0, caps = 0, last = i;
		while (j < nw) {
			const token *t = word_tok(d, j);
			if (caps_word(d, j, acro)) {
				words++;
				caps += t->uppers;
				last = j;
			} else if (!((t->kind == TK_WORD && t->letters <= 1 && (t->uppers == t->letters)) ||
				     t->kind == TK_NUM || acro[j])) {
				break;
			}
			j++;
		}
		if ((words >= 3 && caps >= 10) || (mostly && words >= 2)) {
			const token *a = word_tok(d, i), *b = word_tok(d, last);
			msg_add_span(d->msg, "escalation.shouting", "shout.caps", TACT_SEV_MEDIUM, a->os, b->oe,
				     "shouting: sustained capitals");
		}
		i = j > i ? j : i + 1;
	}
	free(acro);

	/* runs of '!' (three or more, or mixed with '?'), unless the sentence
	 * is a happy one */
	const char *pos = label_intern("cue.positive", 12), *neg = label_intern("cue.negative", 12);
	for (size_t i = 0; i < d->ts->n;) {
		const token *t = &d->ts->t[i];
		if (t->kind != TK_PUNCT || (d->nt->out.ptr[t->ns] != '!' && d->nt->out.ptr[t->ns] != '?')) {
			i++;
			continue;
		}
		size_t j = i, bangs = 0, n = 0;
		while (j < d->ts->n && d->ts->t[j].kind == TK_PUNCT && d->ts->t[j].os == (j == i ? t->os : d->ts->t[j - 1].oe) &&
		       (d->nt->out.ptr[d->ts->t[j].ns] == '!' || d->nt->out.ptr[d->ts->t[j].ns] == '?')) {
			bangs += d->nt->out.ptr[d->ts->t[j].ns] == '!';
			n++;
			j++;
		}
		if (n >= 3 && bangs >= 1 && !msg_in_region(d->msg, t->os, d->ts->t[j - 1].oe)) {
			size_t w0, w1;
			sentence_words(d, t->sent, &w0, &w1);
			bool happy = w0 < w1 && cue_at(d, pos, w0, w1) && !cue_at(d, neg, w0, w1);
			if (!happy)
				msg_add_span(d->msg, "escalation.shouting", n > bangs ? "shout.interrobang" : "shout.bangs",
					     TACT_SEV_LOW, t->os, d->ts->t[j - 1].oe, "shouting: angry run of '!'");
		}
		i = j;
	}
}

/* Going public to praise: a positive cue and no negative one in the
 * sentence. */
static bool praise(const dctx *d, const match *m)
{
	size_t w0, w1;
	sentence_words(d, word_tok(d, m->w0)->sent, &w0, &w1);
	return cue_at(d, label_intern("cue.positive", 12), w0, w1) && !cue_at(d, label_intern("cue.negative", 12), w0, w1);
}

void detect_customer(dctx *d)
{
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const lex_entry *e = entry_of(d, m);
		if (!counted(m) || strncmp(e->label, "escalation.", 11))
			continue;
		tact_severity sev = e->sev;
		if (!strcmp(e->label, "escalation.public") && praise(d, m))
			continue; /* "I'll leave you a 5-star review!" */
		if (!strcmp(e->label, "escalation.threat"))
			sev = TACT_SEV_CRITICAL; /* harm to people is always critical */
		span_from_match(d, m, NULL, sev, NULL);
	}
	shouting(d);
}
