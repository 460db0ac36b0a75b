/* analyze.h: the engine, the analyzer and what the detectors share.
 * Private to libtact. */
#ifndef TACT_ANALYZE_H
#define TACT_ANALYZE_H

#include "context.h"
#include "message.h"
#include "pattern.h"

struct spell;

struct tact_engine {
	size_t max_bytes;
	char *lang;
	lexicon lx;
	vocab voc;
	matcher m;
	struct spell *spell;  /* NULL unless spelling is on */
	bool lang_check;      /* the lexicons hold cue.foreign word lists (language.c) */
	bool explain;         /* setting explain: spans for what context kept from counting */
};

struct tact_analyzer {
	const tact_engine *eng;
	ntext nt;
	tokens ts;
	match_scratch ms;
	struct spell_cache *sc; /* per-thread verdicts */
	region *reg;            /* scratch: the message's regions by start */
	size_t capreg;
	buf blank;              /* scratch: the text with its regions blanked */
	bool every_rule;        /* keep a span per rule where rules agree (lint) */
};

/* What score_escalation() adds up over the windows of one message. */
typedef struct {
	size_t negs, declined, upset, bangs;
	unsigned harsh_things;
} score_acc;

/* What a detector sees of one message (or, for a message longer than
 * WINDOW_BYTES, of one window of it: tokens and matches are the window's,
 * offsets always the message's). */
typedef struct {
	const tact_engine *eng;
	tact_analyzer *an;
	tact_msg *msg;
	const tokens *ts;
	const ntext *nt;
	match_scratch *ms;
	unsigned harsh_things; /* insulting words said of things ("stupid app"): a complaint */
	bool foreign;          /* the message looks written in another language (language.c) */
} dctx;

/* Is match m counted (asserted by the author, not in a region)? */
static inline bool counted(const match *m) { return m->why == 0; }
static inline const lex_entry *entry_of(const dctx *d, const match *m) { return &d->eng->lx.e[m->entry]; }
static inline const token *word_tok(const dctx *d, size_t pos) { return &d->ts->t[d->ts->w[pos]]; }

/* analyze.c */
/* How engine_load() loads. */
enum {
	ENGINE_NO_INNOCENTS = 1 << 0, /* leave the word lists out (the generated allowlist, cue.spelling) */
	ENGINE_EXAMPLES = 1 << 1,     /* keep the lexicons' embedded examples */
};
/* Load the bundled and configured lexicons (cfg), plus extra_dir when not
 * NULL, into a new engine and compile them; problems go to d. how: the
 * ENGINE_* flags. */
tact_engine *engine_load(const tact_config *cfg, const char *extra_dir, unsigned how, diag *d);
void engine_load_lexicons(const tact_config *cfg, const char *lang, lexicon *lx, diag *d);
/* Add a span for a match, with the entry's label and severity. */
tact_span *span_from_match(dctx *d, const match *m, const char *label, tact_severity sev, const char *message);
/* Word positions [*w0, *w1) of sentence sent (binary search). */
void sentence_words(const dctx *d, uint32_t sent, size_t *w0, size_t *w1);
/* Matches are sorted by start offset: the index from which to scan for
 * those overlapping word w (binary search, then a step back for matches
 * that start a little before it). w < d->ts->nw. */
size_t matches_near(const dctx *d, size_t w);
/* Is there a counted match of a cue label overlapping words [w0, w1)?
 * cue_sev_at() asks for entries of severity sev only (a tact_severity;
 * -1: any, which is cue_at()). */
bool cue_at(const dctx *d, const char *cue, size_t w0, size_t w1);
bool cue_sev_at(const dctx *d, const char *cue, int sev, size_t w0, size_t w1);

/* detect_customer.c */
void detect_customer(dctx *d);
/* detect_derog.c */
void detect_derogatory(dctx *d);
/* detect_agent.c */
void detect_agent(dctx *d);
/* The recovery elements and score from the final spans. */
void agent_score(tact_msg *msg);
/* score.c */
/* The complaint spans of the window (reported problems, declined moves,
 * emoji of frustration) added up in acc; with last, the message's level and
 * score from all its spans and acc. */
void score_escalation(dctx *d, score_acc *acc, bool last);
/* language.c: does the message look written in another language than the
 * lexicons' (most letters in another script, or many function words of
 * other languages: cue.foreign)? */
bool language_foreign(const dctx *d);

#endif
