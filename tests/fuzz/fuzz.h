/* fuzz.h: what the fuzz targets share: running one reader format over a
 * byte buffer and checking the record invariants (every record decodes,
 * analyses and writes without a crash; spans stay inside the text, in
 * order). Used by libFuzzer (make fuzz) and by replay.c (make test). */
#ifndef TACT_FUZZ_H
#define TACT_FUZZ_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tact.h"

#define FUZZ_CHECK(cond)                                                                                     \
	do {                                                                                                 \
		if (!(cond)) {                                                                               \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);         \
			abort();                                                                             \
		}                                                                                            \
	} while (0)

/* The engine is built once per process: the bundled lexicons found via
 * TACT_LEXICONS or next to the binary. */
static inline tact_engine *fuzz_engine(void)
{
	static tact_engine *eng;
	if (!eng) {
		tact_config *cfg = tact_config_new();
		char *err = NULL;
		if (tact_engine_new(cfg, &eng, &err) != TACT_OK) {
			fprintf(stderr, "fuzz: %s\n", err);
			abort();
		}
		tact_config_free(cfg);
	}
	return eng;
}

static inline void check_record(const tact_msg *m)
{
	size_t len;
	const char *text = tact_msg_text(m, &len);
	FUZZ_CHECK(text != NULL);
	size_t prev = 0;
	for (size_t i = 0; i < tact_msg_span_count(m); i++) {
		const tact_span *s = tact_msg_span(m, i);
		FUZZ_CHECK(s->start <= s->end && s->end <= len);
		FUZZ_CHECK(s->start >= prev);
		FUZZ_CHECK(s->cp_start <= s->cp_end && s->u16_start <= s->u16_end);
		FUZZ_CHECK(s->cp_end <= len && s->u16_end <= 2 * len);
		prev = s->start;
	}
}

/* Every output format, each with the options that reach the most of its
 * code: a writer keeps nothing of the config, so one config serves all. */
static const char *const fuzz_formats[] = {"jsonl", "text", "tsv", "summary", "html"};
#define FUZZ_NFORMATS (sizeof fuzz_formats / sizeof fuzz_formats[0])

static inline bool fuzz_writers_new(tact_config *cfg, FILE *out, tact_writer **w)
{
	tact_config_set(cfg, "color", "always", NULL);
	for (size_t i = 0; i < FUZZ_NFORMATS; i++) {
		tact_config_set(cfg, "format", fuzz_formats[i], NULL);
		/* the summary after the diagnostics only where it goes to out:
		 * with the other formats it goes to standard error */
		tact_config_set(cfg, "summary", !strcmp(fuzz_formats[i], "text") ? "yes" : "no", NULL);
		if (tact_writer_new(cfg, out, false, &w[i], NULL) != TACT_OK)
			return false;
	}
	return true;
}

/* Read data with the given input format (NULL: auto), analyse and write
 * every record in every output format to /dev/null. Returns the record
 * count. */
static inline size_t fuzz_pipeline(const char *format, const unsigned char *data, size_t size, bool analyse)
{
	static FILE *devnull;
	if (!devnull)
		devnull = fopen("/dev/null", "w");
	FILE *f = fmemopen((void *)data, size ? size : 1, "rb");
	if (!f)
		return 0;
	if (!size)
		fgetc(f); /* fmemopen wants a size > 0: read the byte away */
	tact_config *cfg = tact_config_new();
	if (format)
		tact_config_set(cfg, "input-format", format, NULL);
	tact_config_set(cfg, "max-message-bytes", "64k", NULL);
	tact_config_set(cfg, "text", "yes", NULL);
	tact_config_set(cfg, "own-text", "yes", NULL);
	tact_reader *rd = NULL;
	tact_writer *w[FUZZ_NFORMATS] = {0};
	size_t n = 0;
	tact_analyzer *an = analyse ? tact_analyzer_new(fuzz_engine()) : NULL;
	if (tact_reader_new(cfg, f, "fuzz", &rd, NULL) == TACT_OK && fuzz_writers_new(cfg, devnull, w)) {
		tact_msg *m = tact_msg_new();
		tact_session *sess = tact_session_new();
		for (;;) {
			bool done;
			char *err = NULL;
			if (tact_reader_next(rd, m, &done, &err) != TACT_OK) {
				free(err);
				break;
			}
			if (done)
				break;
			n++;
			FUZZ_CHECK(tact_msg_index(m) == n);
			if (an)
				tact_analyze(an, m);
			else
				tact_msg_decode(m);
			tact_session_add(sess, m);
			check_record(m);
			for (size_t i = 0; i < FUZZ_NFORMATS; i++)
				tact_writer_write(w[i], m);
			FUZZ_CHECK(n < 10000000);
		}
		for (size_t i = 0; i < FUZZ_NFORMATS; i++)
			tact_writer_finish(w[i]);
		tact_session_free(sess);
		tact_msg_free(m);
	}
	for (size_t i = 0; i < FUZZ_NFORMATS; i++)
		tact_writer_free(w[i]);
	tact_reader_free(rd);
	tact_analyzer_free(an);
	tact_config_free(cfg);
	fclose(f);
	return n;
}

#endif
