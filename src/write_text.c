/* write_text.c: the "text" format, compiler-style diagnostics for a
 * terminal. Per message with findings, a header line, then for each span
 *
 *   SOURCE:LINE:COL: SEVERITY: MESSAGE [LABEL RULE]
 *    LINE | the source line
 *         |     ^~~~~~
 *
 * SOURCE:LINE:COL are file coordinates when the message text is a verbatim
 * slice of the file (text, transcript); otherwise SOURCE is "file[id]" and
 * LINE:COL count inside the message text. Message text is made safe for a
 * terminal (control characters in caret notation) before it is printed. */
#include "writer.h"

#include <stdlib.h>

static const char *sev_color(tact_severity s)
{
	switch (s) {
	case TACT_SEV_CRITICAL: return "\033[1;31m";
	case TACT_SEV_HIGH: return "\033[31m";
	case TACT_SEV_MEDIUM: return "\033[33m";
	case TACT_SEV_LOW: return "\033[36m";
	default: return "\033[32m";
	}
}

static void color(tact_writer *w, const char *c)
{
	if (w->color)
		buf_adds(&w->ob, c);
}

/* Position of byte off in text: 1-based line and code-point column, and
 * the bounds of that line. Sweeps from a cursor, since spans come sorted. */
typedef struct {
	size_t off, line, line_start;
} cursor;

static void seek(const tact_msg *m, cursor *c, size_t off)
{
	if (off < c->off)
		*c = (cursor){0, 1, 0};
	for (; c->off < off; c->off++)
		if (m->text.ptr[c->off] == '\n') {
			c->line++;
			c->line_start = c->off + 1;
		}
}

static size_t cp_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static void header(tact_writer *w, const tact_msg *m)
{
	buf *b = &w->ob;
	char tmp[32];
	const char *id = msg_id(m, tmp);
	color(w, "\033[1m");
	buf_adds(b, "==> ");
	safe_text(b, m->fields[TACT_FIELD_SOURCE] ? m->fields[TACT_FIELD_SOURCE] : "-",
		  strlen(m->fields[TACT_FIELD_SOURCE] ? m->fields[TACT_FIELD_SOURCE] : "-"), false);
	if (m->line)
		buf_printf(b, ":%zu", m->line);
	buf_printf(b, " #%zu ", m->index);
	safe_text(b, id, strlen(id), false);
	buf_printf(b, " (%s)", tact_role_name(m->role));
	color(w, "\033[0m");
	if (m->fields[TACT_FIELD_FROM]) {
		buf_adds(b, " from ");
		safe_text(b, m->fields[TACT_FIELD_FROM], strlen(m->fields[TACT_FIELD_FROM]), false);
	}
	if (m->fields[TACT_FIELD_SUBJECT]) {
		buf_adds(b, " \"");
		safe_text(b, m->fields[TACT_FIELD_SUBJECT], strlen(m->fields[TACT_FIELD_SUBJECT]), false);
		buf_addc(b, '"');
	}
	if (m->role != TACT_ROLE_AGENT || m->level) {
		buf_adds(b, " escalation: ");
		color(w, sev_color((tact_severity)m->level));
		buf_printf(b, "%s (%d)", tact_level_name(m->level), m->score);
		color(w, "\033[0m");
	}
	if (m->derog)
		buf_printf(b, " derogatory: %s", tact_derog_name(m->derog));
	if (m->apology != TACT_APOLOGY_NA)
		buf_printf(b, " apology: %s", tact_apology_name(m->apology));
	if (m->recovery_score >= 0)
		buf_printf(b, " recovery: %d", m->recovery_score);
	buf_addc(b, '\n');
}

static void location(tact_writer *w, const tact_msg *m, size_t line, size_t col)
{
	buf *b = &w->ob;
	const char *src = m->fields[TACT_FIELD_SOURCE] ? m->fields[TACT_FIELD_SOURCE] : "-";
	safe_text(b, src, strlen(src), false);
	if (m->col && m->line) {
		buf_printf(b, ":%zu:%zu: ", m->line + line - 1, line == 1 ? m->col - 1 + col : col);
	} else {
		char tmp[32];
		const char *id = msg_id(m, tmp);
		buf_addc(b, '[');
		safe_text(b, id, strlen(id), false);
		buf_printf(b, "]:%zu:%zu: ", line, col);
	}
}

static void span_line(tact_writer *w, const tact_msg *m, const tact_span *s, cursor *c)
{
	buf *b = &w->ob;
	seek(m, c, s->start);
	const char *t = m->text.ptr;
	size_t ls = c->line_start;
	const char *nl = memchr(t + ls, '\n', m->text.len - ls);
	size_t le = nl ? (size_t)(nl - t) : m->text.len;
	if (le > ls && t[le - 1] == '\r')
		le--;
	size_t col = cp_count(t + ls, s->start - ls) + 1;

	location(w, m, c->line, col);
	color(w, sev_color(s->severity));
	buf_adds(b, tact_severity_name(s->severity));
	buf_adds(b, ": ");
	color(w, "\033[0m");
	safe_text(b, s->message, strlen(s->message), false);
	buf_adds(b, " [");
	buf_adds(b, s->label);
	if (strcmp(s->rule, s->label)) {
		buf_addc(b, ' ');
		buf_adds(b, s->rule);
	}
	buf_adds(b, "]\n");
	if (s->detail) {
		buf_adds(b, "    suggestions: ");
		for (const char *p = s->detail; *p; p++)
			buf_adds(b, *p == '\n' ? ", " : (char[2]){*p, 0});
		buf_addc(b, '\n');
	}

	/* the line, made safe, and the underline below it, aligned by
	 * display width of the safe text */
	size_t shown_end = MIN(le, ls + 400); /* very long lines: a window */
	size_t from = ls;
	if (s->start > ls + 200 && s->start < shown_end)
		from = s->start - 80;
	while (from > ls && ((unsigned char)t[from] & 0xC0) == 0x80)
		from--;
	if (shown_end < s->start)
		shown_end = MIN(le, s->end + 80);
	while (shown_end < le && ((unsigned char)t[shown_end] & 0xC0) == 0x80)
		shown_end++;
	buf pre = {0}, body = {0};
	safe_text(&pre, t + from, s->start - from, true);
	size_t uend = MIN(s->end, shown_end);
	safe_text(&body, t + s->start, uend > s->start ? uend - s->start : 0, true);
	buf_adds(b, "    ");
	if (from > ls)
		buf_adds(b, "...");
	safe_text(b, t + from, shown_end - from, true);
	buf_addc(b, '\n');
	buf_adds(b, "    ");
	if (from > ls)
		buf_adds(b, "   ");
	size_t pad = display_width(pre.ptr ? pre.ptr : "", pre.len);
	size_t width = display_width(body.ptr ? body.ptr : "", body.len);
	for (size_t i = 0; i < pad; i++)
		buf_addc(b, ' ');
	color(w, sev_color(s->severity));
	buf_addc(b, '^');
	for (size_t i = 1; i < width; i++)
		buf_addc(b, '~');
	color(w, "\033[0m");
	buf_addc(b, '\n');
	buf_free(&pre);
	buf_free(&body);
}

static bool shown(const tact_span *s)
{
	return strcmp(s->label, "quote") && strcmp(s->label, "signature");
}

static void text_write(tact_writer *w, const tact_msg *m)
{
	size_t n = 0;
	for (size_t i = 0; i < m->nspans; i++)
		n += shown(&m->spans[i]);
	if (!n && !m->error && !m->nwarnings && !w->with_text)
		return;
	header(w, m);
	buf *b = &w->ob;
	if (m->error) {
		location(w, m, 1, 1);
		color(w, "\033[1;31m");
		buf_adds(b, "error: ");
		color(w, "\033[0m");
		safe_text(b, m->error, strlen(m->error), false);
		buf_addc(b, '\n');
	}
	for (size_t i = 0; i < m->nwarnings; i++) {
		location(w, m, 1, 1);
		buf_adds(b, "warning: ");
		safe_text(b, m->warnings[i], strlen(m->warnings[i]), false);
		buf_addc(b, '\n');
	}
	cursor c = {0, 1, 0};
	for (size_t i = 0; i < m->nspans; i++)
		if (shown(&m->spans[i]))
			span_line(w, m, &m->spans[i], &c);
	if (w->with_text) {
		buf_adds(b, "--- text\n");
		if (w->own_text) {
			buf t = {0};
			own_text(&t, m);
			safe_text(b, t.ptr ? t.ptr : "", t.len, true);
			buf_free(&t);
		} else {
			/* keep newlines, make the rest safe line by line */
			const char *t = m->text.ptr ? m->text.ptr : "";
			size_t p = 0;
			while (p < m->text.len) {
				const char *e = memchr(t + p, '\n', m->text.len - p);
				size_t l = e ? (size_t)(e - (t + p)) : m->text.len - p;
				safe_text(b, t + p, l, true);
				buf_addc(b, '\n');
				p += l + 1;
			}
		}
		buf_addc(b, '\n');
	}
	buf_addc(b, '\n');
}

const struct writer_fmt write_text_fmt = {
	.name = "text",
	.write = text_write,
};
