/* writer_test.c: JSON string escaping and terminal-safe text, the two
 * places where message bytes meet a parser or a terminal. */
#include <stdlib.h>

#include "testing.h"
#include "writer.h"

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
	return TEST_END("writer");
}
