/* bundled.h: what every detector test needs: an engine on the bundled
 * lexicons (TACT_LEXICONS in the test environment), one analyzer and one
 * message reused for every row, and has_span() to ask what was found.
 * bundled_open() prints why and returns false when the engine cannot be
 * built; bundled_close() frees everything. */
#ifndef TACT_BUNDLED_H
#define TACT_BUNDLED_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tact.h"

typedef struct {
	tact_config *cfg;
	tact_engine *eng;
	tact_analyzer *an;
	tact_msg *m;
} bundled;

static inline bool bundled_open(bundled *b, const char *name)
{
	char *err = NULL;
	*b = (bundled){.cfg = tact_config_new()};
	if (tact_engine_new(b->cfg, &b->eng, &err) != TACT_OK) {
		fprintf(stderr, "%s: %s\n", name, err ? err : "no engine");
		free(err);
		tact_config_free(b->cfg);
		return false;
	}
	b->an = tact_analyzer_new(b->eng);
	b->m = tact_msg_new();
	return true;
}

/* Analyse text as a message of role; the message stays valid until the next call. */
static inline tact_msg *bundled_analyze(bundled *b, const char *text, tact_role role)
{
	tact_msg_reset(b->m);
	tact_msg_set_text(b->m, text, strlen(text));
	tact_msg_set_role(b->m, role);
	tact_analyze(b->an, b->m);
	return b->m;
}

/* Has m a span labelled with the n bytes at label? */
static inline bool has_span(const tact_msg *m, const char *label, size_t n)
{
	for (size_t k = 0; k < tact_msg_span_count(m); k++) {
		const char *sl = tact_msg_span(m, k)->label;
		if (strlen(sl) == n && !strncmp(sl, label, n))
			return true;
	}
	return false;
}

static inline void bundled_close(bundled *b)
{
	tact_msg_free(b->m);
	tact_analyzer_free(b->an);
	tact_engine_free(b->eng);
	tact_config_free(b->cfg);
}

#endif
