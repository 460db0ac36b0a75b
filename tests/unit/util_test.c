/* util_test.c: UTF-8 decoding and replacement, sizes, the bounded line
 * reader. */
#include <stdlib.h>

#include "input.h"
#include "testing.h"
#include "util.h"

static void test_sanitize(void)
{
	static const struct {
		int line;
		const char *in;
		size_t len;
		const char *want;
		size_t fixes;
	} cases[] = {
		{__LINE__, "plain", 5, "plain", 0},
		{__LINE__, "caf\xC3\xA9", 5, "caf\xC3\xA9", 0},
		{__LINE__, "a\xFF" "b", 3, "a\xEF\xBF\xBD" "b", 1},
		{__LINE__, "\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2},           /* overlong '/' */
		{__LINE__, "\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3}, /* surrogate */
		{__LINE__, "\xE2\x82", 2, "\xEF\xBF\xBD", 1},                       /* truncated, maximal subpart */
		{__LINE__, "\xF4\x90\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4}, /* > U+10FFFF */
		{__LINE__, "\xF0\x9F\x98\x80!", 5, "\xF0\x9F\x98\x80!", 0},           /* astral emoji */
		{__LINE__, "x\0y", 3, "x\0y", 0},                                     /* NUL is valid */
		{__LINE__, "\xE2\x82\xAC\xE2", 4, "\xE2\x82\xAC\xEF\xBF\xBD", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		buf b = {0};
		size_t fixes = utf8_sanitize_into(&b, cases[i].in, cases[i].len);
		size_t wl = strlen(cases[i].want) + (cases[i].line == cases[8].line ? 2 : 0);
		CHECK(b.len == wl && !memcmp(b.ptr, cases[i].want, wl), cases[i].line, "sanitize: wrong bytes (len %zu, want %zu)", b.len, wl);
		CHECK(fixes == cases[i].fixes, cases[i].line, "sanitize: %zu fixes, want %zu", fixes, cases[i].fixes);
		CHECK(utf8_valid_prefix(b.ptr, b.len) == b.len, cases[i].line, "sanitize: output not valid UTF-8");
		buf_free(&b);
	}
}

static void test_count(void)
{
	static const struct {
		int line;
		const char *s;
		size_t cps, u16;
	} cases[] = {
		{__LINE__, "abc", 3, 3},
		{__LINE__, "\xC3\xA9t\xC3\xA9", 3, 3},
		{__LINE__, "\xF0\x9F\x98\x80", 1, 2},
		{__LINE__, "a\xE2\x82\xAC\xF0\x9F\x92\xA9z", 4, 5},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t c, u;
		utf8_count(cases[i].s, strlen(cases[i].s), &c, &u);
		CHECK(c == cases[i].cps && u == cases[i].u16, cases[i].line, "count: %zu/%zu, want %zu/%zu", c, u,
		      cases[i].cps, cases[i].u16);
	}
}

static void test_size(void)
{
	static const struct {
		int line;
		const char *s;
		bool ok;
		size_t v;
	} cases[] = {
		{__LINE__, "16M", true, 16u << 20}, {__LINE__, "1k", true, 1024}, {__LINE__, "42", true, 42},
		{__LINE__, "2GB", true, (size_t)2 << 30}, {__LINE__, "x", false, 0}, {__LINE__, "-1", false, 0},
		{__LINE__, "3Q", false, 0}, {__LINE__, "", false, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t v = 0;
		bool ok = parse_size(cases[i].s, &v);
		CHECK(ok == cases[i].ok && (!ok || v == cases[i].v), cases[i].line, "parse_size(%s)", cases[i].s);
	}
}

static void test_getline(void)
{
	/* lines longer than the limit are cut and the rest skipped; a line of
	 * exactly the limit is whole, with its newline or without (the last) */
	static const char data[] = "short\nthis line is far too long\nok\neightchr\nninechars\neightchr";
	FILE *f = fmemopen((void *)data, sizeof data - 1, "r");
	input in;
	input_init(&in, f, 8);
	static const struct {
		int line;
		const char *want;
		bool cut;
		size_t lineno;
	} want[] = {
		{__LINE__, "short\n", false, 1}, {__LINE__, "this lin", true, 2},
		{__LINE__, "ok\n", false, 3},     {__LINE__, "eightchr\n", false, 4},
		{__LINE__, "ninechar", true, 5},  {__LINE__, "eightchr", false, 6},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const char *p;
		bool cut;
		size_t line = in.line;
		size_t n = input_getline(&in, &p, &cut);
		CHECK(n == strlen(want[i].want) && !memcmp(p, want[i].want, n), want[i].line, "getline: got '%.*s'",
		      (int)n, p);
		CHECK(cut == want[i].cut, want[i].line, "getline: cut %d", cut);
		CHECK(line == want[i].lineno, want[i].line, "getline: line %zu", line);
	}
	const char *p;
	bool cut;
	CHECK(input_getline(&in, &p, &cut) == 0, __LINE__, "getline: expected end of input");
	input_free(&in);
	fclose(f);
}

static void test_wordlists(void)
{
	static const char *const a[] = {"is", "are", "it's", NULL}, *const b[] = {"are", "was", "", NULL},
				 *const none[] = {NULL};
	static const char *const *const lists[] = {a, b, none};
	static wordlists ws; /* 2048 slots: too big for the stack */
	wordlists_build(&ws, lists, 3);
	static const struct {
		int line;
		const char *w;
		size_t n;
		uint32_t bits;
	} cases[] = {
		{__LINE__, "is", 2, 1},	    {__LINE__, "are", 3, 3},  {__LINE__, "was", 3, 2},  {__LINE__, "it's", 4, 1},
		{__LINE__, "", 0, 2},	    {__LINE__, "i", 1, 0},    {__LINE__, "ar", 2, 0},	 {__LINE__, "ares", 4, 0},
		{__LINE__, "Is", 2, 0},	    {__LINE__, "isx", 2, 1}, /* only n bytes count */
		{__LINE__, "island", 6, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		uint32_t got = wordlists_bits(&ws, cases[i].w, cases[i].n);
		CHECK(got == cases[i].bits, cases[i].line, "wordlists_bits(%.*s): %u, want %u", (int)cases[i].n, cases[i].w,
		      (unsigned)got, (unsigned)cases[i].bits);
	}
}

int main(void)
{
	test_sanitize();
	test_count();
	test_size();
	test_getline();
	test_wordlists();
	return TEST_END("util");
}
