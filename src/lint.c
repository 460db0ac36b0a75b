/* lint.c: the lexicon tools behind `tact lexicon lint|test|allowlist`:
 * every problem in a lexicon located as FILE:LINE:COL, embedded examples
 * run through the whole analysis, and the Scunthorpe allowlist generated
 * from the hunspell dictionary instead of typed by hand. */
#include <stdlib.h>

#include "analyze.h"
#include "config.h"
#include "spell.h"

/* The role an example is analysed as, from its entry's label. */
static tact_role example_role(const char *label)
{
	static const char *const agent_cues[] = {"cue.apology", "cue.failure", "cue.but", "cue.grant"};
	if (!strncmp(label, "agent.", 6) || !strncmp(label, "apology.", 8) || !strncmp(label, "recovery.", 9))
		return TACT_ROLE_AGENT;
	for (size_t i = 0; i < ARRAY_LEN(agent_cues); i++)
		if (!strcmp(label, agent_cues[i]))
			return TACT_ROLE_AGENT;
	return TACT_ROLE_CUSTOMER;
}

/* Does analysing text produce entry i (a span with its id, or for a cue a
 * raw match that no idiom covers)? */
static bool produces(tact_analyzer *an, tact_msg *m, size_t i, const char *text)
{
	const tact_engine *e = an->eng;
	const lex_entry *en = &e->lx.e[i];
	tact_msg_reset(m);
	tact_msg_set_text(m, text, strlen(text));
	tact_msg_set_role(m, example_role(en->label));
	tact_analyze(an, m);
	if (label_is_cue(en->label)) {
		for (size_t k = 0; k < an->ms.n; k++)
			if (an->ms.m[k].entry == i && !(an->ms.m[k].why & WHY_IDIOM))
				return true;
		return false;
	}
	/* a complaint span is evidence for the level, not the entry's
	 * finding: "this stupid app" makes one of insult.word */
	for (size_t k = 0; k < m->nspans; k++)
		if (!strcmp(m->spans[k].rule, en->id) && strcmp(m->spans[k].label, "complaint"))
			return true;
	return false;
}

static void run_examples(tact_engine *e, diag *d, size_t *passed, size_t *failed)
{
	tact_analyzer *an = tact_analyzer_new(e);
	an->ms.all_cues = true; /* a cue's example need not hold a signal */
	an->every_rule = true;  /* an example's rule may agree with another's */
	tact_msg *m = tact_msg_new();
	for (size_t i = 0; i < e->lx.n; i++) {
		const lex_entry *en = &e->lx.e[i];
		if (en->flags & LF_OFF)
			continue;
		for (size_t k = 0; k < en->nexamples; k++) {
			const lex_example *x = &en->examples[k];
			bool got = produces(an, m, i, x->text);
			if (got == x->positive) {
				(*passed)++;
				continue;
			}
			(*failed)++;
			diag_add(d, true, en->file, x->line, 0, "example %s '%s' %s entry '%s'", x->positive ? "+" : "-",
				 x->text, x->positive ? "does not produce" : "produces", en->id);
		}
	}
	tact_msg_free(m);
	tact_analyzer_free(an);
}

/* Does the match [at, end) of regex r begin at one of its anchor words? */
static bool at_anchor(const tact_engine *e, size_t r, const ntext *nt, const tokens *ts, size_t at)
{
	const matcher *m = &e->m;
	for (size_t w = 0; w < ts->nw; w++) {
		const token *t = &ts->t[ts->w[w]];
		if (t->ns != at)
			continue;
		const vslot *vs = vocab_find(&e->voc, nt->out.ptr + t->ns, t->nlen);
		for (int b = 0; vs && b < 2; b++) {
			int32_t id = b ? vs->base : vs->id;
			for (uint32_t a = m->rxa_start[id]; a < m->rxa_start[id + 1]; a++)
				if (m->rxa[a] == r)
					return true;
		}
	}
	return false;
}

/* The flags that narrow where a regex is tried: `start` (only at its
 * anchor words) and `digit` (only in sentences holding a digit). On each
 * example of the entry, every match of the pattern searched for anywhere
 * must begin at an anchor word and hold a digit respectively, or the flag
 * would lose it. */
static void check_narrowing(tact_engine *e, diag *d)
{
	const matcher *m = &e->m;
	ntext nt = {0};
	tokens ts = {0};
	pcre2_match_data *md = pcre2_match_data_create(8, NULL);
	/* the analysis's limits: without them a backtracking regex took
	 * seconds for each example */
	pcre2_match_context *mc = pattern_match_context();
	for (size_t r = 0; r < m->nrx; r++) {
		if (!m->rx[r].start && !m->rx[r].digit)
			continue;
		const lex_entry *en = &e->lx.e[m->rx[r].entry];
		char err[256];
		size_t off;
		pcre2_code *re = pattern_compile_regex(en->pattern, strlen(en->pattern), false, err, sizeof err, &off);
		for (size_t k = 0; re && k < en->nexamples; k++) {
			const char *text = en->examples[k].text;
			normalize(&nt, text, strlen(text));
			tokenize(&ts, &nt, text, strlen(text));
			for (size_t from = 0; from <= nt.out.len;) {
				int rc = pcre2_match(re, (PCRE2_SPTR)nt.out.ptr, nt.out.len, from, 0, md, mc);
				if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
					diag_add(d, true, en->file, en->examples[k].line, 0,
						 "entry '%s' hits the pattern match limit on this example", en->id);
				if (rc < 0)
					break;
				size_t at = pcre2_get_ovector_pointer(md)[0], end = pcre2_get_ovector_pointer(md)[1];
				bool digit = false;
				for (size_t i = at; i < end && !digit; i++)
					digit = ascii_digit((unsigned char)nt.out.ptr[i]);
				const char *lost = m->rx[r].start && !at_anchor(e, r, &nt, &ts, at) ? "start"
						   : m->rx[r].digit && !digit			   ? "digit"
												   : NULL;
				if (lost) {
					diag_add(d, true, en->file, en->examples[k].line, 0,
						 "entry '%s' has flag '%s' but its regex matches '%.*s' in this example, "
						 "which %s",
						 en->id, lost, (int)(end - at), nt.out.ptr + at,
						 *lost == 's' ? "does not begin at an anchor word" : "holds no digit");
					break;
				}
				from = end > at ? end : at + 1;
			}
		}
		pcre2_code_free(re);
	}
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
	ntext_free(&nt);
	tokens_free(&ts);
}

/* Is label one of the word lists, which mark words and match nothing, so
 * that no example can show them matching? */
static bool word_list(const char *label)
{
	static const char *const lists[] = {"cue.innocent", "cue.spelling", "cue.emoji", "cue.foreign"};
	for (size_t i = 0; i < ARRAY_LEN(lists); i++)
		if (!strcmp(label, lists[i]))
			return true;
	return false;
}

/* An entry with no `+` example has nothing to show it can match (the
 * regulator entry whose flag caps demanded capitals in every word matched
 * nothing for months): a warning, which leaves the exit status alone. */
static void check_unproven(const tact_engine *e, diag *d)
{
	for (size_t i = 0; i < e->lx.n; i++) {
		const lex_entry *en = &e->lx.e[i];
		if ((en->flags & LF_OFF) || word_list(en->label))
			continue;
		bool proven = false;
		for (size_t k = 0; k < en->nexamples && !proven; k++)
			proven = en->examples[k].positive;
		if (!proven)
			diag_add(d, false, en->file, en->line, 1, "entry %s has no example it must match", en->id);
	}
}

static void report_all(const diag *d, tact_report_fn report, void *ctx)
{
	for (size_t i = 0; i < d->n; i++)
		report(d->msgs[i], ctx);
}

tact_status tact_lexicon_lint(const tact_config *cfg, const char *dir, tact_report_fn report, void *ctx,
			      size_t *errors)
{
	diag d = {0};
	tact_engine *e = engine_load(cfg, dir, ENGINE_EXAMPLES, &d);
	if (!d.errors) {
		size_t p = 0, f = 0;
		run_examples(e, &d, &p, &f);
		check_narrowing(e, &d);
		check_unproven(e, &d);
	}
	report_all(&d, report, ctx);
	*errors = d.errors;
	diag_free(&d);
	tact_engine_free(e);
	return *errors ? TACT_ERR_LEXICON : TACT_OK;
}

tact_status tact_lexicon_test(const tact_config *cfg, const char *dir, tact_report_fn report, void *ctx,
			      size_t *passed, size_t *failed)
{
	diag d = {0};
	*passed = *failed = 0;
	tact_engine *e = engine_load(cfg, dir, ENGINE_EXAMPLES, &d);
	if (!d.errors)
		run_examples(e, &d, passed, failed);
	report_all(&d, report, ctx);
	tact_status st = d.errors ? TACT_ERR_LEXICON : TACT_OK;
	diag_free(&d);
	tact_engine_free(e);
	return st;
}

/* --- allowlist ------------------------------------------------------------- */

typedef struct {
	tact_engine *e;
	tact_analyzer *an;
	tact_msg *m;
	struct spell *sp;
	char **words;
	size_t n, cap;
	const char *stem;
} allow_ctx;

/* Is w derogatory on its own (a whole-word entry, not only the substring;
 * with plain, not only as a reading of another word)? */
static bool derogatory_word(allow_ctx *c, const char *w, bool plain)
{
	tact_msg_reset(c->m);
	tact_msg_set_text(c->m, w, strlen(w));
	tact_msg_set_role(c->m, TACT_ROLE_CUSTOMER);
	tact_analyze(c->an, c->m);
	for (size_t k = 0; k < c->an->ms.n; k++) {
		const match *mt = &c->an->ms.m[k];
		const char *l = c->e->lx.e[mt->entry].label;
		if (!(mt->flags & MF_SUB) && !(plain && (mt->flags & MF_OBF)) && !strncmp(l, "derogatory.", 11))
			return true;
	}
	return false;
}

static void consider(allow_ctx *c, const char *w, size_t n)
{
	char w2[128];
	if (n >= sizeof w2 || n < 4)
		return;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)w[i];
		if (!ascii_alpha(ch) && ch != '\'')
			return;
		w2[i] = (char)ascii_tolower(ch);
	}
	w2[n] = '\0';
	/* read without its doubled letters, a derogatory word ("pollack") */
	char sq[128];
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!i || w2[i] != w2[i - 1])
			sq[k++] = w2[i];
	sq[k] = '\0';
	if (!ac_inside(&c->e->m.ac, w2, n) && !(k < n && derogatory_word(c, sq, false)))
		return;
	if (derogatory_word(c, w2, true))
		return;
	VEC_RESERVE(c->words, c->cap, c->n + 1);
	c->words[c->n++] = xstrdup(w2);
}

static void form_cb(const char *f, size_t n, void *ctx)
{
	allow_ctx *c = ctx;
	char tmp[128];
	if (n >= sizeof tmp)
		return;
	memcpy(tmp, f, n);
	tmp[n] = '\0';
	if (spell_known(c->sp, tmp))
		consider(c, f, n);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

tact_status tact_lexicon_allowlist(const tact_config *cfg, FILE *out, size_t *nwords, char **err)
{
	*nwords = 0;
	diag d = {0};
	allow_ctx c = {0};
	c.e = engine_load(cfg, NULL, ENGINE_NO_INNOCENTS, &d);
	if (d.errors) {
		if (err)
			*err = xstrdup(d.msgs[0]);
		diag_free(&d);
		tact_engine_free(c.e);
		return TACT_ERR_LEXICON;
	}
	diag_free(&d);
	tact_status st = spell_open(cfg, &c.sp, err);
	if (st) {
		tact_engine_free(c.e);
		return st;
	}
	FILE *f = fopen(spell_dic_path(c.sp), "r");
	if (!f) {
		if (err)
			*err = xasprintf("%s: cannot read", spell_dic_path(c.sp));
		spell_close(c.sp);
		tact_engine_free(c.e);
		return TACT_ERR_DICT;
	}
	c.an = tact_analyzer_new(c.e);
	c.m = tact_msg_new();
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	bool first = true;
	while ((got = getline(&line, &cap, f)) > 0) {
		if (first) { /* the word count */
			first = false;
			continue;
		}
		size_t n = strcspn(line, "/\t\n\r");
		line[n] = '\0';
		if (!n)
			continue;
		consider(&c, line, n);
		inflect(line, n, form_cb, &c);
	}
	free(line);
	fclose(f);
	if (c.n)
		qsort(c.words, c.n, sizeof *c.words, str_cmp);
	fprintf(out, "# zz-innocent.tact: GENERATED by `tact lexicon allowlist` (make allowlist); do not edit.\n"
		     "# Words of the hunspell dictionary '%s' (and the inflections it accepts) that contain a\n"
		     "# substring entry (flag sub), or read without their doubled letters are a derogatory word\n"
		     "# (pollack), without being derogatory themselves. A substring match never fires inside\n"
		     "# them, nor inside a word made of one of them and more letters (passcode); a word listed\n"
		     "# is never read without its doubled letters.\n"
		     "@version 1\n\ninnocent.generated cue.innocent info - (",
		config_str(cfg, "dict"));
	size_t k = 0;
	for (size_t i = 0; i < c.n; i++) {
		if (i && !strcmp(c.words[i], c.words[i - 1]))
			continue;
		fprintf(out, "%s%s", k ? (k % 8 ? "|" : "|\\\n    ") : "", c.words[i]);
		k++;
	}
	fprintf(out, ")\n");
	*nwords = k;
	for (size_t i = 0; i < c.n; i++)
		free(c.words[i]);
	free(c.words);
	tact_msg_free(c.m);
	tact_analyzer_free(c.an);
	spell_close(c.sp);
	tact_engine_free(c.e);
	return ferror(out) ? TACT_ERR_IO : TACT_OK;
}

tact_status tact_lexicon_words(const tact_config *cfg, FILE *out, char **err)
{
	diag d = {0};
	tact_engine *e = engine_load(cfg, NULL, ENGINE_NO_INNOCENTS, &d);
	if (d.errors) {
		if (err)
			*err = xstrdup(d.msgs[0]);
		diag_free(&d);
		tact_engine_free(e);
		return TACT_ERR_LEXICON;
	}
	diag_free(&d);
	for (size_t i = 0; i < e->voc.n; i++) {
		size_t len;
		const char *w = vocab_word(&e->voc, (int32_t)i, &len);
		fprintf(out, "%.*s\n", (int)len, w);
	}
	tact_engine_free(e);
	return ferror(out) ? TACT_ERR_IO : TACT_OK;
}
