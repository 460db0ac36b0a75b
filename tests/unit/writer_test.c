/* writer_test.c: JSON string escaping and terminal-safe text, the two
 * places where message bytes meet a parser or a terminal; then the
 * writers themselves on hand-made messages: caret alignment and colour of
 * "text", escaping and overlapping highlights of "html", cell escaping of
 * "tsv", and the summary's hashed counters. */
#include <stdio.h>
#include <stdlib.h>

#include "testing.h"
#include "writer.h"


/* Run one message through a writer of format fmt; returns the output
 * (free it). extra: another config key=value, or NULL. */
static char *run_writer(const char *fmt, const char *key, const char *value, bool tty, tact_msg *m)
{
	tact_config *cfg = tact_config_new();
	tact_config_set(cfg, "format", fmt, NULL);
	if (key)
		tact_config_set(cfg, key, value, NULL);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	tact_writer *w = NULL;
	if (tact_writer_new(cfg, f, tty, &w, NULL) == TACT_OK) {
		tact_writer_write(w, m);
		tact_writer_finish(w);
	}
	tact_writer_free(w);
	fclose(f);
	tact_config_free(cfg);
	return out;
}

/* A message with text t and spans given as (label, rule, severity, start,
 * end) in a table ending with a NULL label. */
typedef struct {
	const char *label, *rule;
	tact_severity sev;
	size_t start, end;
} span_spec;

static tact_msg *make_msg(const char *t, tact_role role, const span_spec *sp)
{
	tact_msg *m = tact_msg_new();
	tact_msg_set_text(m, t, strlen(t));
	tact_msg_set_role(m, role);
	tact_msg_set_index(m, 1);
	for (size_t i = 0; sp && sp[i].label; i++) {
		if (!strcmp(sp[i].label, "quote"))
			tact_msg_add_region(m, "quote", sp[i].start, sp[i].end);
		else
			msg_add_span(m, sp[i].label, sp[i].rule, sp[i].sev, sp[i].start, sp[i].end, "why");
	}
	msg_finish(m, true);
	return m;
}

static bool contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; p && (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static void test_writers(void)
{
	/* text: caret under a span after wide characters and a tab */
	{
		static const span_spec sp[] = {{"escalation.manager", "m", TACT_SEV_MEDIUM, 7, 28}, {NULL, NULL, 0, 0, 0}};
		tact_msg *m = make_msg("\xE6\x97\xA5\xE6\x9C\xAC\tspeak to your manager!", TACT_ROLE_CUSTOMER, sp);
		char *out = run_writer("text", "color", "never", false, m);
		CHECK(contains(out, "   1 | \xE6\x97\xA5\xE6\x9C\xAC    speak to your manager!\n"
				    "     |         ^~~~~~~~~~~~~~~~~~~~~\n"),
		      __LINE__, "caret misaligned:\n%s", out);
		CHECK(!contains(out, "\033["), __LINE__, "colour with --color=never");
		free(out);
		out = run_writer("text", "color", "always", false, m);
		CHECK(contains(out, "\033[33m^~~~"), __LINE__, "no colour with --color=always:\n%s", out);
		free(out);
		setenv("NO_COLOR", "1", 1);
		out = run_writer("text", NULL, NULL, true, m);
		CHECK(!contains(out, "\033["), __LINE__, "colour despite NO_COLOR");
		free(out);
		unsetenv("NO_COLOR");
		setenv("TERM", "xterm", 1);
		out = run_writer("text", NULL, NULL, true, m);
		CHECK(contains(out, "\033["), __LINE__, "no colour on a terminal");
		free(out);
		out = run_writer("text", NULL, NULL, false, m);
		CHECK(!contains(out, "\033["), __LINE__, "colour when not a terminal");
		free(out);
		tact_msg_free(m);
	}
	/* text: a span over two lines underlines both; controls in caret notation */
	{
		static const span_spec sp[] = {{"escalation.cancel", "c", TACT_SEV_MEDIUM, 7, 23}, {NULL, NULL, 0, 0, 0}};
		tact_msg *m = make_msg("\x1b[2J I close my\naccount \x1b]0;x\x07", TACT_ROLE_CUSTOMER, sp);
		char *out = run_writer("text", "color", "never", false, m);
		CHECK(contains(out, "   1 | ^[[2J I close my\n     |         ^~~~~~~~\n"
				    "   2 | account ^[]0;x^G\n     | ~~~~~~~\n"),
		      __LINE__, "multi-line span:\n%s", out);
		CHECK(!strchr(out, 0x1b) && !strchr(out, 0x07), __LINE__, "raw control character printed");
		free(out);
		tact_msg_free(m);
	}
	/* html: payloads escaped everywhere, one script, nested spans cut
	 * into flat segments, regions dimmed */
	{
		static const char t[] = "<script>alert(1)</script> a\"b'c & d\n> quoted";
		/* 0..25 the script tag; "a\"b'c" at 26..31; quote at 36..44 */
		static const span_spec sp[] = {
			{"escalation.manager", "r1", TACT_SEV_MEDIUM, 8, 16},
			{"derogatory.insult", "r2\"><img src=x onerror=alert(1)>", TACT_SEV_HIGH, 14, 31},
			{"escalation.repeat", "r3", TACT_SEV_LOW, 38, 44},
			{"quote", "", TACT_SEV_INFO, 36, 44},
			{NULL, NULL, 0, 0, 0},
		};
		tact_msg *m = make_msg(t, TACT_ROLE_CUSTOMER, sp);
		tact_msg_set_field(m, TACT_FIELD_FROM, "\"><svg onload=alert(2)>", (size_t)-1);
		tact_msg_set_field(m, TACT_FIELD_THREAD, "t'\" </script>", (size_t)-1);
		char *out = run_writer("html", NULL, NULL, false, m);
		CHECK(count(out, "<script") == 1, __LINE__, "%zu <script> tags", count(out, "<script"));
		CHECK(count(out, "</script>") == 1, __LINE__, "%zu </script> tags", count(out, "</script>"));
		CHECK(!contains(out, "<img") && !contains(out, "<svg onload"), __LINE__, "element from data");
		CHECK(contains(out, "data-thread=\"t&#39;&quot; &lt;/script&gt;\""), __LINE__, "thread attribute");
		CHECK(contains(out, "<pre class=\"text\">&lt;script&gt;"
				    "<mark class=\"s2\" data-tip=\"escalation.manager (r1) \xC2\xB7 medium: why\">alert(</mark>"
				    "<mark class=\"s3 multi\" data-tip=\"escalation.manager (r1) \xC2\xB7 medium: why\n"
				    "derogatory.insult (r2&quot;&gt;&lt;img src=x onerror=alert(1)&gt;) \xC2\xB7 high: why\">1)</mark>"
				    "<mark class=\"s3\" data-tip=\"derogatory.insult (r2&quot;&gt;&lt;img src=x onerror=alert(1)&gt;) "
				    "\xC2\xB7 high: why\">&lt;/script&gt; a&quot;b&#39;c</mark> &amp; d\n"
				    "<span class=\"q\">&gt; </span><mark class=\"s1 q\" data-tip=\"escalation.repeat (r3) \xC2\xB7 "
				    "low: why\n(in quoted text)\">quoted</mark></pre>"),
		      __LINE__, "highlighted text:\n%s", out ? strstr(out, "<pre") : "");
		free(out);
		tact_msg_free(m);
	}
	/* html: random overlapping spans and regions never lose, duplicate or
	 * unescape a byte of the text: tags removed and entities decoded, the
	 * <pre> holds exactly the message text */
	{
		static const char alphabet[] = "ab <>&\"'\n";
		unsigned seed = 12345;
		int bad = 0;
		for (int round = 0; round < 300 && !bad; round++) {
			char t[64];
			size_t n = 1 + (seed = seed * 1103515245 + 12345) % 60;
			for (size_t i = 0; i < n; i++)
				t[i] = alphabet[(seed = seed * 1103515245 + 12345) >> 16 & 7];
			t[n] = '\0';
			tact_msg *m = tact_msg_new();
			tact_msg_set_text(m, t, n);
			for (int k = 0; k < 6; k++) {
				size_t a0 = (seed = seed * 1103515245 + 12345) >> 16, a1 = (seed = seed * 1103515245 + 12345) >> 16;
				size_t x = a0 % (n + 1), y = a1 % (n + 1);
				if (x > y) {
					size_t z = x;
					x = y;
					y = z;
				}
				if (k == 5)
					tact_msg_add_region(m, "quote", x, y);
				else
					msg_add_span(m, "escalation.repeat", "r", (tact_severity)(k % 5), x, y, "why");
			}
			msg_finish(m, true);
			char *out = run_writer("html", NULL, NULL, false, m);
			const char *p0 = strstr(out, "<pre class=\"text\">"), *p1 = p0 ? strstr(p0, "</pre>") : NULL;
			buf got = {0};
			for (const char *q = p0 ? p0 + 18 : ""; p1 && q < p1;) {
				static const char *const ent[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
								    {"&quot;", "\""}, {"&#39;", "'"}};
				if (*q == '<') {
					q = strchr(q, '>') + 1;
					continue;
				}
				size_t e = 0;
				while (e < ARRAY_LEN(ent) && strncmp(q, ent[e][0], strlen(ent[e][0])))
					e++;
				if (e < ARRAY_LEN(ent)) {
					buf_adds(&got, ent[e][1]);
					q += strlen(ent[e][0]);
				} else {
					buf_addc(&got, *q++);
				}
			}
			bad = !p1 || strcmp(got.ptr ? got.ptr : "", t) || count(out, "<mark") != count(out, "</mark>");
			CHECK(!bad, __LINE__, "round %d: text \"%s\" came back as \"%s\"", round, t, got.ptr ? got.ptr : "");
			buf_free(&got);
			free(out);
			tact_msg_free(m);
		}
	}
	/* tsv: reversible escapes, formula-looking cells defused */
	{
		static const span_spec sp[] = {{"escalation.repeat", "r", TACT_SEV_LOW, 0, 8}, {NULL, NULL, 0, 0, 0}};
		tact_msg *m = make_msg("=a\tb\\n\x1b" "c", TACT_ROLE_CUSTOMER, sp);
		tact_msg_set_field(m, TACT_FIELD_ID, "+id\n", (size_t)-1);
		char *out = run_writer("tsv", NULL, NULL, false, m);
		CHECK(contains(out, "\n'+id\\n\t1\tcustomer\tescalation.repeat\tlow\t0\t8\tr\t'=a\\tb\\\\n^[c\n"),
		      __LINE__, "tsv row:\n%s", out);
		free(out);
		tact_msg_free(m);
	}
	/* summary: 20000 distinct rules stay exact and sort by count, key */
	{
		struct summary *s = summary_new();
		tact_msg *m = tact_msg_new();
		tact_msg_set_text(m, "abc", 3);
		char rule[32];
		for (int i = 0; i < 20000; i++) {
			msg_clear_results(m);
			snprintf(rule, sizeof rule, "r%05d", i % 10000 == 7 ? 7 : i);
			msg_add_span(m, "escalation.repeat", msg_own(m, xstrdup(rule)), TACT_SEV_LOW, 0, 1, "x");
			msg_finish(m, true);
			summary_add(s, m);
		}
		summary_entry **v = summary_sorted(&s->rules);
		CHECK(s->rules.n == 19999, __LINE__, "%zu rules", s->rules.n);
		CHECK(!strcmp(v[0]->key, "r00007") && v[0]->total == 2, __LINE__, "top %s %zu", v[0]->key, v[0]->total);
		CHECK(!strcmp(v[1]->key, "r00000") && !strcmp(v[19998]->key, "r19999"), __LINE__, "order %s %s",
		      v[1]->key, v[19998]->key);
		CHECK(s->labels.n == 1 && s->labels.v[0].total == 20000, __LINE__, "labels");
		free(v);
		buf b = {0};
		summary_print(s, &b, false, false);
		CHECK(!contains(b.ptr, "messages/s"), __LINE__, "rate printed without timing");
		buf_clear(&b);
		summary_print(s, &b, false, true);
		CHECK(contains(b.ptr, "messages/s"), __LINE__, "no rate with timing");
		buf_free(&b);
		tact_msg_free(m);
		summary_free(s);
	}
}

/* One finding per label and words (msg_finish): each case's spans, and the
 * rules of those that stay, in span order. */
static void test_merge(void)
{
	static const struct {
		int line;
		span_spec sp[6];
		const char *want;
	} cases[] = {
		/* two rules on the same words and label are one finding, the more
		 * severe; another label or range stays */
		{__LINE__,
		 {{"escalation.cancel", "cancel.b", TACT_SEV_LOW, 0, 10},
		  {"escalation.cancel", "cancel.a", TACT_SEV_MEDIUM, 0, 10},
		  {"escalation.cancel", "cancel.c", TACT_SEV_MEDIUM, 0, 10},
		  {"escalation.ultimatum", "ult.a", TACT_SEV_MEDIUM, 0, 10},
		  {"escalation.cancel", "cancel.d", TACT_SEV_LOW, 0, 11}},
		 "cancel.a ult.a cancel.d"},
		/* a span inside another of its label is dropped unless more severe */
		{__LINE__,
		 {{"apology.canned", "canned.any", TACT_SEV_LOW, 3, 20},
		  {"apology.canned", "canned.trouble", TACT_SEV_LOW, 0, 30},
		  {"escalation.cancel", "cancel.word", TACT_SEV_HIGH, 5, 9},
		  {"escalation.cancel", "cancel.long", TACT_SEV_MEDIUM, 0, 25},
		  {"escalation.cancel", "cancel.tail", TACT_SEV_LOW, 20, 40}},
		 "cancel.long canned.trouble cancel.word cancel.tail"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		tact_msg *m = make_msg("We apologise for any inconvenience, cancel", TACT_ROLE_CUSTOMER, cases[i].sp);
		buf got = {0};
		for (size_t k = 0; k < tact_msg_span_count(m); k++)
			buf_printf(&got, "%s%s", k ? " " : "", tact_msg_span(m, k)->rule);
		CHECK_STR(got.ptr ? got.ptr : "", cases[i].want, cases[i].line);
		buf_free(&got);
		tact_msg_free(m);
	}
}

int main(void)
{
	static const struct {
		int line;
		const char *in;
		size_t len;
		const char *json, *safe;
	} cases[] = {
		{__LINE__, "plain", 5, "\"plain\"", "plain"},
		{__LINE__, "q\"b\\", 4, "\"q\\\"b\\\\\"", "q\"b\\"},
		{__LINE__, "a\nb\tc", 5, "\"a\\nb\\tc\"", "a\\nb\tc"},
		{__LINE__, "\x1b[2Jx", 5, "\"\\u001b[2Jx\"", "^[[2Jx"},         /* clear screen */
		{__LINE__, "\x1b]0;pwn\x07", 8, "\"\\u001b]0;pwn\\u0007\"", "^[]0;pwn^G"}, /* OSC title */
		{__LINE__, "x\xC2\x9B" "31m", 6, "\"x\\u009b31m\"", "x<U+009B>31m"},     /* 8-bit CSI */
		{__LINE__, "a\xE2\x80\xAE" "b", 5, "\"a\xE2\x80\xAE" "b\"", "a<U+202E>b"}, /* RTL override */
		{__LINE__, "\xE2\x80\xA8", 3, "\"\\u2028\"", "\xE2\x80\xA8"},
		{__LINE__, "nul\0z", 5, "\"nul\\u0000z\"", "nul^@z"},
		{__LINE__, "del\x7f", 4, "\"del\\u007f\"", "del^?"},
		{__LINE__, "caf\xC3\xA9 \xF0\x9F\x98\x80", 10, "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"", "caf\xC3\xA9 \xF0\x9F\x98\x80"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		buf j = {0}, s = {0};
		json_str(&j, cases[i].in, cases[i].len);
		safe_text(&s, cases[i].in, cases[i].len, true);
		CHECK_STR(j.ptr, cases[i].json, cases[i].line);
		CHECK_STR(s.ptr, cases[i].safe, cases[i].line);
		buf_free(&j);
		buf_free(&s);
	}
	static const struct {
		int line;
		const char *s;
		size_t w;
	} widths[] = {
		{__LINE__, "abc", 3}, {__LINE__, "\xE6\x97\xA5\xE6\x9C\xAC", 4}, {__LINE__, "e\xCC\x81", 1},
		{__LINE__, "\tx", 9},
	};
	for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
		size_t w = display_width(widths[i].s, strlen(widths[i].s));
		CHECK(w == widths[i].w, widths[i].line, "width %zu, want %zu", w, widths[i].w);
	}
	test_merge();
	test_writers();
	return TEST_END("writer");
}
