/* engine_bench.c: the core stages alone (normalize, tokenize, match every
 * lexicon entry, judge context) on one text file, a message per line, with
 * the full bundled lexicons; and the lexicon load time. Reports MB/s for
 * the file as given, and for a non-ASCII-heavy variant of it (accented
 * vowels, curly quotes, an emoji per sentence), so the ASCII fast path and
 * the utf8proc path are both measured. Then the latency of one call of
 * tact_analyze() (every detector, no I/O) on 2,000 agent drafts of about
 * 1 KB, each timed alone: what `tact serve` spends per request besides
 * reading and writing a JSON line.
 * Usage: engine_bench FILE [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "analyze.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The same text with most vowels accented (two-byte UTF-8), straight
 * quotes curly, and an emoji after each full stop. */
static buf accent(const char *s, size_t n)
{
	static const char *const acc[128] = {['a'] = "\xC3\xA1", ['e'] = "\xC3\xA9", ['i'] = "\xC3\xAD",
					     ['o'] = "\xC3\xB3", ['u'] = "\xC3\xBA", ['\''] = "\xE2\x80\x99",
					     ['"'] = "\xE2\x80\x9C", ['.'] = ". \xF0\x9F\x98\xA1"};
	buf b = {0};
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 128 && acc[c])
			buf_adds(&b, acc[c]);
		else
			buf_addc(&b, (char)c);
	}
	return b;
}

static double run(tact_analyzer *an, const char *data, size_t n, int rounds, size_t *matches)
{
	tact_msg *m = tact_msg_new();
	double t0 = now();
	for (int r = 0; r < rounds; r++) {
		const char *p = data, *end = data + n;
		while (p < end) {
			const char *e = memchr(p, '\n', (size_t)(end - p));
			size_t len = e ? (size_t)(e - p) : (size_t)(end - p);
			tact_msg_reset(m);
			tact_msg_set_text(m, p, len);
			normalize(&an->nt, m->text.ptr, m->text.len);
			tokenize(&an->ts, &an->nt, m->text.ptr, m->text.len);
			an->ms.skip_side = SIDE_AGENT; /* a customer's view, as tact_analyze() takes for
							  a message of unknown role */
			match_all(&an->eng->m, &an->eng->voc, &an->eng->lx, &an->nt, &an->ts, &an->ms);
			context_judge(&an->eng->lx, &an->ts, m, &an->ms);
			*matches += an->ms.n;
			p += len + 1;
		}
	}
	double t = now() - t0;
	tact_msg_free(m);
	return t;
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Lines joined into drafts of at least 1 KB, each analysed alone as an
 * agent's reply; prints p50, p99 and max in ms. */
static void latency(tact_analyzer *an, const char *data, size_t n)
{
	enum { N = 2000 };
	static double t[N];
	tact_msg *m = tact_msg_new();
	const char *p = data, *end = data + n;
	size_t k = 0;
	buf d = {0};
	while (k < N && p < end) {
		buf_clear(&d);
		while (d.len < 1024 && p < end) {
			const char *e = memchr(p, '\n', (size_t)(end - p));
			size_t len = e ? (size_t)(e - p) : (size_t)(end - p);
			buf_add(&d, p, len);
			buf_addc(&d, ' ');
			p += len + 1;
		}
		tact_msg_reset(m);
		tact_msg_set_text(m, d.ptr, d.len);
		tact_msg_set_role(m, TACT_ROLE_AGENT);
		double t0 = now();
		tact_analyze(an, m);
		t[k++] = now() - t0;
	}
	qsort(t, k, sizeof *t, dbl_cmp);
	printf("one ~1 KB agent draft through tact_analyze(), %zu drafts: p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", k,
	       t[k / 2] * 1e3, t[k * 99 / 100] * 1e3, t[k - 1] * 1e3);
	buf_free(&d);
	tact_msg_free(m);
}

/* The best of five engine loads with cfg, in seconds (-1: error); the
 * last engine is kept in *keep when not NULL. */
static double best_load(const tact_config *cfg, tact_engine **keep)
{
	double best = 1e9;
	for (int i = 0; i < 5; i++) {
		tact_engine *eng;
		char *err = NULL;
		double t0 = now();
		if (tact_engine_new(cfg, &eng, &err) != TACT_OK) {
			fprintf(stderr, "%s\n", err);
			free(err);
			return -1;
		}
		double t = now() - t0;
		best = t < best ? t : best;
		if (keep && i == 4)
			*keep = eng;
		else
			tact_engine_free(eng);
	}
	return best;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: engine_bench FILE [ROUNDS]\n");
		return 2;
	}
	int rounds = argc > 2 ? atoi(argv[2]) : 3;
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	buf data = {0};
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&data, chunk, got);
	fclose(f);
	tact_config *cfg = tact_config_new(), *fresh = tact_config_new();
	tact_config_set(fresh, "cache", "no", NULL);
	tact_engine *eng;
	double load_fresh = best_load(fresh, NULL), load = best_load(cfg, &eng);
	if (load < 0 || load_fresh < 0)
		return 2;
	tact_analyzer *an = tact_analyzer_new(eng);
	size_t m1 = 0, m2 = 0;
	double t1 = run(an, data.ptr, data.len, rounds, &m1);
	buf acc = accent(data.ptr, data.len);
	size_t nonascii = 0;
	for (size_t i = 0; i < acc.len; i++)
		nonascii += (unsigned char)acc.ptr[i] >= 0x80;
	double t2 = run(an, acc.ptr, acc.len, rounds, &m2);
	double mb1 = (double)data.len * rounds / 1048576.0, mb2 = (double)acc.len * rounds / 1048576.0;
	printf("lexicon load: %.1f ms compiled, %.1f ms from the cache (best of 5; %zu entries, %zu words, %zu phrase "
	       "variants)\n", load_fresh * 1e3, load * 1e3, eng->lx.n, eng->voc.n, eng->m.nvars);
	printf("normalize+tokenize+match+context, ASCII-heavy:     %7.1f MB/s (%.0f MB, %zu matches)\n", mb1 / t1, mb1,
	       m1 / (size_t)rounds);
	printf("normalize+tokenize+match+context, non-ASCII-heavy: %7.1f MB/s (%.0f MB, %.0f%% non-ASCII bytes)\n",
	       mb2 / t2, mb2, 100.0 * (double)nonascii / (double)acc.len);
	latency(an, data.ptr, data.len);
	buf_free(&acc);
	buf_free(&data);
	tact_analyzer_free(an);
	tact_engine_free(eng);
	tact_config_free(cfg);
	tact_config_free(fresh);
	return 0;
}
