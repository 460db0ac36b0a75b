/* analyze.c: the engine (lexicons loaded and compiled once, shared by all
 * threads) and tact_analyze(), which runs one message through the stages:
 * decode (reader) -> normalize.c -> token.c -> pattern.c -> context.c ->
 * detect_*.c -> score.c, and finishes the record (message.c). */
#include "analyze.h"

#include <stdarg.h>
#include <stdlib.h>

#include "cache.h"
#include "config.h"
#include "quote.h"
#include "spell.h"

static void add_user_dir(const char *dir, void *ctx)
{
	void **a = ctx;
	lexicon *lx = a[0];
	diag *d = a[1];
	const char *lang = a[2];
	/* DIR/<lang>/ when it exists, else DIR itself */
	char *sub = xasprintf("%s/%s", dir, lang);
	diag probe = {0};
	lexicon tmp = {0};
	lexicon_load_dir(&tmp, sub, true, &probe);
	bool has_lang = probe.errors == 0;
	lexicon_free(&tmp);
	diag_free(&probe);
	lexicon_load_dir(lx, has_lang ? sub : dir, true, d);
	free(sub);
}

void engine_load_lexicons(const tact_config *cfg, const char *lang, lexicon *lx, diag *d)
{
	if (config_bool(cfg, "default-lexicons")) {
		char *dir = lexicon_default_dir(lang);
		lexicon_load_dir(lx, dir, false, d);
		free(dir);
	}
	void *a[3] = {lx, d, (void *)lang};
	config_each(cfg, "lexicons", add_user_dir, a);
}

static char *join_diag(const diag *d, size_t max)
{
	buf b = {0};
	size_t shown = 0;
	for (size_t i = 0; i < d->n && shown < max; i++) {
		if (strstr(d->msgs[i], ": warning: "))
			continue;
		buf_printf(&b, "%s%s", shown ? "\n" : "", d->msgs[i]);
		shown++;
	}
	if (d->errors > max)
		buf_printf(&b, "\n(%zu more errors; run 'tact lexicon lint')", d->errors - max);
	return buf_steal(&b);
}

tact_engine *engine_load(const tact_config *cfg, const char *extra_dir, unsigned how, diag *d)
{
	tact_engine *e = xcalloc(1, sizeof *e);
	e->lx.examples = how & ENGINE_EXAMPLES;
	e->max_bytes = config_size(cfg, "max-message-bytes");
	e->lang = xstrdup(config_str(cfg, "lang"));
	e->explain = config_bool(cfg, "explain");
	engine_load_lexicons(cfg, e->lang, &e->lx, d);
	if (extra_dir)
		lexicon_load_dir(&e->lx, extra_dir, true, d);
	if (how & ENGINE_NO_INNOCENTS)
		for (size_t i = 0; i < e->lx.n; i++)
			if (e->lx.e[i].label == label_intern("cue.innocent", 12) ||
			    e->lx.e[i].label == label_intern("cue.spelling", 12))
				e->lx.e[i].flags |= LF_OFF;
	if (d->errors)
		return e;
	for (size_t i = 0; i < e->lx.n && !e->lang_check; i++)
		e->lang_check = e->lx.e[i].label == label_intern("cue.foreign", 11) && !(e->lx.e[i].flags & LF_OFF);
	char *cdir = cache_dir(cfg);
	if (!cdir || !cache_load(cdir, &e->lx, &e->m, &e->voc)) {
		size_t before = d->n;
		matcher_build(&e->m, &e->voc, &e->lx, d);
		if (cdir && d->n == before) /* a build with warnings is redone, so they are seen */
			cache_save(cdir, &e->lx, &e->m, &e->voc);
	}
	free(cdir);
	return e;
}

tact_status tact_engine_new(const tact_config *cfg, tact_engine **out, char **err)
{
	*out = NULL;
	diag d = {0};
	tact_engine *e = engine_load(cfg, NULL, 0, &d);
	if (d.errors) {
		if (err)
			*err = join_diag(&d, 20);
		diag_free(&d);
		tact_engine_free(e);
		return TACT_ERR_LEXICON;
	}
	diag_free(&d);
	if (config_bool(cfg, "spell")) {
		tact_status st = spell_open(cfg, &e->spell, err);
		if (st) {
			tact_engine_free(e);
			return st;
		}
	}
	*out = e;
	return TACT_OK;
}

void tact_engine_free(tact_engine *e)
{
	if (!e)
		return;
	matcher_free(&e->m);
	vocab_free(&e->voc);
	lexicon_free(&e->lx);
	spell_close(e->spell);
	free(e->lang);
	free(e);
}

tact_analyzer *tact_analyzer_new(const tact_engine *e)
{
	tact_analyzer *a = xcalloc(1, sizeof *a);
	a->eng = e;
	return a;
}

void tact_analyzer_free(tact_analyzer *a)
{
	if (!a)
		return;
	ntext_free(&a->nt);
	tokens_free(&a->ts);
	match_scratch_free(&a->ms);
	spell_cache_free(a->sc);
	free(a->reg);
	buf_free(&a->blank);
	free(a);
}

tact_span *span_from_match(dctx *d, const match *m, const char *label, tact_severity sev, const char *message)
{
	const lex_entry *e = entry_of(d, m);
	return msg_add_span(d->msg, label ? label : e->label, e->id, sev, m->os, m->oe,
			    message ? message : label_message(label ? label : e->label));
}

/* The first word position from lo whose sentence is at least sent. */
static size_t first_word_of(const dctx *d, uint32_t sent, size_t lo)
{
	size_t hi = d->ts->nw;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (word_tok(d, mid)->sent < sent)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Both ends by binary search: detectors ask once per match, and a text
 * with no sentence stop is one sentence of every word (stepping to its
 * end made a message of repeated insults quadratic). */
void sentence_words(const dctx *d, uint32_t sent, size_t *w0, size_t *w1)
{
	*w0 = first_word_of(d, sent, 0);
	*w1 = sent == UINT32_MAX ? d->ts->nw : first_word_of(d, sent + 1, *w0);
}

size_t matches_near(const dctx *d, size_t w)
{
	uint32_t from = word_tok(d, w)->os;
	size_t lo = 0, hi = d->ms->n;
	while (lo < hi) { /* first match starting at or after from */
		size_t mid = (lo + hi) / 2;
		if (d->ms->m[mid].os < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* matches starting a little before w can still overlap: step back */
	return lo > 32 ? lo - 32 : 0;
}

bool cue_sev_at(const dctx *d, const char *cue, int sev, size_t w0, size_t w1)
{
	if (w0 >= w1 || w0 >= d->ts->nw)
		return false;
	for (size_t i = matches_near(d, w0); i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		if (m->w0 >= w1)
			break;
		const lex_entry *e = entry_of(d, m);
		if (w0 < m->w1 && e->label == cue && (sev < 0 || (int)e->sev == sev) && !(m->why & WHY_REGION))
			return true;
	}
	return false;
}

bool cue_at(const dctx *d, const char *cue, size_t w0, size_t w1)
{
	return cue_sev_at(d, cue, -1, w0, w1);
}

static int region_cmp(const void *a, const void *b)
{
	const region *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* Flag the words that overlap a quote or signature region (TF_REGION):
 * what matches there never counts, so the matcher need not anchor on
 * them. One sweep over the regions sorted by start. */
static void mark_regions(tact_analyzer *an, const tact_msg *m)
{
	if (!m->nregions)
		return;
	VEC_RESERVE(an->reg, an->capreg, m->nregions);
	memcpy(an->reg, m->regions, m->nregions * sizeof *an->reg);
	qsort(an->reg, m->nregions, sizeof *an->reg, region_cmp);
	size_t r = 0, maxend = 0;
	for (size_t i = 0; i < an->ts.nw; i++) {
		token *t = &an->ts.t[an->ts.w[i]];
		for (; r < m->nregions && an->reg[r].start < t->oe; r++)
			maxend = MAX(maxend, an->reg[r].end);
		if (maxend > t->os)
			t->flags |= TF_REGION;
	}
}

/* The text the stages read: the message's own, or, when it has quote or
 * signature regions, a copy with their bytes other than line ends turned
 * into spaces. Nothing there counts, so nothing there need be normalized,
 * tokenized or matched; offsets stay those of the message text. */
static const char *blank_regions(tact_analyzer *an, const tact_msg *m)
{
	if (!m->nregions)
		return m->text.ptr ? m->text.ptr : "";
	buf_clear(&an->blank);
	buf_add(&an->blank, m->text.ptr, m->text.len);
	char *b = an->blank.ptr;
	for (size_t i = 0; i < m->nregions; i++) {
		size_t j = m->regions[i].start, end = MIN(m->regions[i].end, m->text.len);
		while (j < end) { /* a line at a time */
			const char *nl = memchr(b + j, '\n', end - j);
			size_t e = nl ? (size_t)(nl - b) : end, k = e;
			if (k > j && b[k - 1] == '\r')
				k--;
			memset(b + j, ' ', k - j);
			j = e + 1;
		}
	}
	return b;
}

/* --explain: a span "suppressed" for each match of a finding's rule that
 * context kept from counting ("not going to cancel": negated), naming the
 * label and the reason, unless a finding of that label covers it anyway
 * (swearing counts negated too). */
static void explain(dctx *d)
{
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *mt = &d->ms->m[i];
		const lex_entry *le = entry_of(d, mt);
		const char *why = context_why_name(mt->why & ~(unsigned)WHY_REGION);
		if (!why || !strncmp(le->label, "cue.", 4))
			continue;
		bool found = false;
		for (size_t k = 0; k < d->msg->nspans && !found; k++) {
			const tact_span *s = &d->msg->spans[k];
			found = s->start < mt->oe && mt->os < s->end && !strcmp(s->label, le->label);
		}
		if (!found)
			span_from_match(d, mt, "suppressed", TACT_SEV_INFO,
					msg_own(d->msg, xasprintf("%s not counted: %s", le->label, why)));
	}
}

/* A message longer than this is analysed a window at a time, so that the
 * memory its tokens, matches and spans take is bounded by the window, not
 * by the message (--max-message-bytes allows 16 MB: about 700 MB analysed
 * whole). Windows end at a paragraph break, else a line break, else a
 * sentence stop, else a space in their second half; a sentence or a
 * quotation that runs across a window's end is read as two. */
#define WINDOW_BYTES ((size_t)512 << 10)

/* Where the window that starts at from ends (n: the text's end). */
static size_t window_end(const char *t, size_t from, size_t n)
{
	if (n - from <= WINDOW_BYTES)
		return n;
	size_t lim = from + WINDOW_BYTES, half = from + WINDOW_BYTES / 2;
	const char *nl = NULL, *p = t + lim;
	while ((p = memrchr(t + half, '\n', (size_t)(p - (t + half)))) != NULL) {
		if (!nl)
			nl = p;
		if (p > t + half && p[-1] == '\n')
			return (size_t)(p - t) + 1; /* after a blank line */
	}
	if (nl)
		return (size_t)(nl - t) + 1;
	for (size_t i = lim; i > half; i--)
		if (t[i - 1] == ' ' && (t[i - 2] == '.' || t[i - 2] == '!' || t[i - 2] == '?'))
			return i;
	p = memrchr(t + half, ' ', lim - half);
	if (p)
		return (size_t)(p - t) + 1;
	while (lim > half && ((unsigned char)t[lim] & 0xC0) == 0x80)
		lim--; /* not inside a UTF-8 sequence */
	return lim;
}

/* Run the stages on bytes [a, b) of the analysed text; offsets are the
 * message's. last: the message's final window, which scores it. */
static void run_window(tact_analyzer *an, tact_msg *m, const char *text, size_t a, size_t b, score_acc *acc,
		       bool last)
{
	const tact_engine *e = an->eng;
	normalize(&an->nt, text + a, b - a);
	for (size_t i = 0; a && i < an->nt.nruns; i++)
		an->nt.runs[i].orig += (uint32_t)a;
	tokenize(&an->ts, &an->nt, text, m->text.len);
	mark_regions(an, m);
	an->ms.skip_side = m->role == TACT_ROLE_AGENT ? SIDE_CUSTOMER : SIDE_AGENT;
	match_all(&e->m, &e->voc, &e->lx, &an->nt, &an->ts, &an->ms);
	context_judge(&e->lx, &an->ts, m, &an->ms);
	dctx d = {e, an, m, &an->ts, &an->nt, &an->ms, 0, false};
	if (!a && e->lang_check && (d.foreign = language_foreign(&d))) {
		tact_msg_add_warning(m, "the text looks written in another language than the lexicons' (%s): findings may be missing",
				     e->lang);
		/* a word of the lexicons found inside a word of that language is
		 * one of its words ("dass", "Klasse", "passer"); whole words still
		 * count ("fuck" in a German message) */
		for (size_t i = 0; i < an->ms.n; i++)
			if (an->ms.m[i].flags & MF_SUB)
				an->ms.m[i].why |= WHY_INNOCENT;
	}
	if (m->role == TACT_ROLE_AGENT) {
		detect_agent(&d);
		detect_derogatory(&d);
		if (last)
			agent_score(m);
	} else {
		detect_customer(&d);
		detect_derogatory(&d);
		score_escalation(&d, acc, last);
	}
	if (e->explain)
		explain(&d);
	if (an->ms.limit_entry && !m->error)
		tact_msg_set_error(m, "lexicon entry '%s' hit the pattern match limit; its matches are missing",
				   an->ms.limit_entry);
	if (!last)
		msg_trim_spans(m, !an->every_rule);
}

/* Run the stages on the analysed text, a window at a time. */
static void run(tact_analyzer *an, tact_msg *m)
{
	const char *text = blank_regions(an, m);
	score_acc acc = {0};
	size_t a = 0, n = m->text.len;
	do {
		size_t b = window_end(text, a, n);
		run_window(an, m, text, a, b, &acc, b == n);
		a = b;
	} while (a < n);
}

tact_status tact_analyze(tact_analyzer *an, tact_msg *m)
{
	tact_msg_decode(m);
	msg_clear_results(m);
	if (m->role == TACT_ROLE_AGENT) {
		m->apology = TACT_APOLOGY_NONE;
		m->recovery_score = 0;
	}
	/* a record that could not be decoded has no text to judge */
	bool undecoded = m->error && !m->text.len;
	if (!undecoded) {
		if (!m->nregions)
			quote_mark(m);
		run(an, m);
	}
	msg_finish(m, !an->every_rule);
	if (m->error)
		return m->error_status ? m->error_status : TACT_ERR_INPUT;
	return TACT_OK;
}
