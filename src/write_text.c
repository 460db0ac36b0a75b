/* write_text.c: the "text" format, compiler-style diagnostics for a
 * reviewer at a terminal. Fed one analysed message at a time by writer.c.
 * Each message with findings gets a header, then each span
 *
 *   ==> #7 ti-003 (customer) escalation: high (75) derogatory: insult
 *       from: Jane Roe <jane@example.com>  subject: "Refund"  thread: TK-601
 *   SOURCE:LINE:COL: SEVERITY: MESSAGE [LABEL RULE]
 *      12 | the source line
 *         |     ^~~~~~
 *
 * SOURCE:LINE:COL are file coordinates when the message text is a verbatim
 * slice of the file (text, transcript); otherwise SOURCE is "file[id]" and
 * LINE:COL count inside the message text. COL counts code points.
 *
 * Every byte of message text is made inert before it reaches the terminal:
 * C0 controls and DEL in caret notation ("^[" for ESC), C1 controls and
 * bidi controls as "<U+009B>" (safe_text in writer.c). The underline is
 * aligned on display columns of what is printed: tabs are expanded, wide
 * (CJK, emoji) characters count two columns, combining marks none, and a
 * control in caret notation the width of its notation. Multi-line spans
 * underline each of their lines (at most MAX_SPAN_LINES, then a count);
 * long lines are shown as a window around the span. Colour (by severity)
 * only when writer.c decided so: a terminal, no NO_COLOR, no
 * --color=never; or --color=always. */
#include "writer.h"

#include <stdlib.h>
#include <utf8proc.h>

#define MAX_SPAN_LINES 4 /* lines of a multi-line span shown */
#define LONG_LINE 200    /* bytes: longer lines are windowed */
#define CONTEXT 60       /* bytes of context before a span in a window */
#define MAX_SHOWN 400    /* bytes of one line shown at most */

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define BLUE "\033[34m"
#define RESET "\033[0m"

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

static void safe_str(buf *b, const char *s)
{
	safe_text(b, s, strlen(s), false);
}

/* Position of byte off in the text: 1-based line, the offset where that
 * line starts, the code points before off on it, and where the line ends
 * once asked. Sweeps from a cursor, since spans come sorted: counted from
 * the line's start for each span, a long line of many spans was
 * quadratic. */
typedef struct {
	size_t off, line, line_start;
	size_t cols;    /* code points in [line_start, off) */
	size_t end;     /* line_end(), when end_known */
	bool end_known;
} cursor;

static void seek(const tact_msg *m, cursor *c, size_t off)
{
	if (off < c->off)
		*c = (cursor){.line = 1};
	for (; c->off < off; c->off++) {
		unsigned char ch = (unsigned char)m->text.ptr[c->off];
		if (ch == '\n') {
			c->line++;
			c->line_start = c->off + 1;
			c->cols = 0;
			c->end_known = false;
		} else {
			c->cols += (ch & 0xC0) != 0x80;
		}
	}
}

/* The end of the line starting at ls: its newline or the text's end. */
static size_t end_of_line(const tact_msg *m, size_t ls)
{
	const char *nl = memchr(m->text.ptr + ls, '\n', m->text.len - ls);
	return nl ? (size_t)(nl - m->text.ptr) : m->text.len;
}

/* end_of_line() of the cursor's line, looked for once per line. */
static size_t line_end(const tact_msg *m, cursor *c)
{
	if (!c->end_known) {
		c->end = end_of_line(m, c->line_start);
		c->end_known = true;
	}
	return c->end;
}

/* Snap a byte offset back to the start of its UTF-8 sequence. */
static size_t char_start(const char *t, size_t lo, size_t off)
{
	while (off > lo && ((unsigned char)t[off] & 0xC0) == 0x80)
		off--;
	return off;
}

/* Append t[from, to) for a terminal, tabs expanded and controls made
 * inert, and return the display columns it takes. The columns at byte
 * offsets a and b (from <= a <= b <= to) are stored in *col_a, *col_b. */
static size_t render(buf *out, const char *t, size_t from, size_t to, size_t a, size_t b, size_t *col_a,
		     size_t *col_b)
{
	size_t col = 0;
	*col_a = *col_b = 0;
	for (size_t i = from; i < to;) {
		if (i == a)
			*col_a = col;
		if (i == b)
			*col_b = col;
		const unsigned char *u = (const unsigned char *)t + i;
		if (*u == '\t') {
			size_t n = 8 - col % 8;
			for (size_t k = 0; k < n; k++)
				buf_addc(out, ' ');
			col += n;
			i++;
			continue;
		}
		int32_t cp;
		size_t k = (size_t)utf8_decode(u, to - i, &cp);
		size_t before = out->len;
		safe_text(out, t + i, k, false);
		size_t added = out->len - before;
		if (added != k || memcmp(out->ptr + before, t + i, k)) {
			col += added; /* caret or <U+XXXX> notation: ASCII */
		} else if (cp >= 0) {
			int cw = utf8proc_charwidth(cp);
			col += cw > 0 ? (size_t)cw : 0;
		} else {
			col++;
		}
		i += k;
	}
	if (a >= to)
		*col_a = col;
	if (b >= to)
		*col_b = col;
	return col;
}

/* The gutter: a right-aligned line number, or blanks, and a bar. */
static void gutter(tact_writer *w, size_t lineno, int width)
{
	color(w, BLUE);
	if (lineno)
		buf_printf(&w->ob, " %*zu | ", width, lineno);
	else
		buf_printf(&w->ob, " %*s | ", width, "");
	color(w, RESET);
}

static void header(tact_writer *w, const tact_msg *m)
{
	buf *b = &w->ob;
	char tmp[32];
	const char *id = msg_id(m, tmp);
	color(w, BOLD);
	buf_printf(b, "==> #%zu", m->index);
	if (m->fields[TACT_FIELD_ID]) {
		buf_addc(b, ' ');
		safe_str(b, id);
	}
	buf_printf(b, " (%s)", tact_role_name(m->role));
	color(w, RESET);
	if (m->role != TACT_ROLE_AGENT || m->level) {
		buf_adds(b, " escalation: ");
		color(w, sev_color((tact_severity)m->level));
		buf_printf(b, "%s (%d)", tact_level_name(m->level), m->score);
		color(w, RESET);
	}
	if (m->derog) {
		buf_adds(b, " derogatory: ");
		color(w, sev_color(TACT_SEV_HIGH));
		buf_adds(b, tact_derog_name(m->derog));
		color(w, RESET);
	}
	if (m->apology != TACT_APOLOGY_NA)
		buf_printf(b, " apology: %s", tact_apology_name(m->apology));
	if (m->recovery_score >= 0)
		buf_printf(b, " recovery: %d", m->recovery_score);
	buf_addc(b, '\n');

	/* second line: who, what, where */
	buf_adds(b, "    ");
	color(w, DIM);
	static const struct {
		tact_field f;
		const char *name;
		bool quoted;
	} meta[] = {
		{TACT_FIELD_FROM, "from", false},
		{TACT_FIELD_SUBJECT, "subject", true},
		{TACT_FIELD_DATE, "date", false},
		{TACT_FIELD_THREAD, "thread", false},
	};
	for (size_t i = 0; i < ARRAY_LEN(meta); i++) {
		const char *v = m->fields[meta[i].f];
		if (!v)
			continue;
		buf_printf(b, "%s: %s", meta[i].name, meta[i].quoted ? "\"" : "");
		safe_str(b, v);
		buf_adds(b, meta[i].quoted ? "\"  " : "  ");
	}
	buf_adds(b, "at ");
	safe_str(b, m->fields[TACT_FIELD_SOURCE] ? m->fields[TACT_FIELD_SOURCE] : "-");
	if (m->line)
		buf_printf(b, ":%zu", m->line);
	color(w, RESET);
	buf_addc(b, '\n');
}

/* "SOURCE:LINE:COL: " for line and code-point column col inside the
 * message text. */
static void location(tact_writer *w, const tact_msg *m, size_t line, size_t col)
{
	buf *b = &w->ob;
	color(w, BOLD);
	safe_str(b, m->fields[TACT_FIELD_SOURCE] ? m->fields[TACT_FIELD_SOURCE] : "-");
	if (m->col && m->line) {
		buf_printf(b, ":%zu:%zu: ", m->line + line - 1, line == 1 ? m->col - 1 + col : col);
	} else {
		char tmp[32];
		const char *id = msg_id(m, tmp);
		buf_addc(b, '[');
		safe_str(b, id);
		buf_printf(b, "]:%zu:%zu: ", line, col);
	}
	color(w, RESET);
}

/* Line number shown in the gutter for line (1-based) of the text. */
static size_t shown_line(const tact_msg *m, size_t line)
{
	return m->col && m->line ? m->line + line - 1 : line;
}

/* One line of the text, [ls, le), with the part [a, b) underlined; a
 * window of it when it is long. first: the line holds the span's start
 * (a caret), else the underline is all tildes. */
static void source_line(tact_writer *w, const tact_msg *m, const tact_span *s, size_t lineno, size_t ls,
			size_t le, size_t a, size_t b, bool first, int gw)
{
	const char *t = m->text.ptr;
	size_t from = ls, to = le;
	if (le - ls > LONG_LINE) {
		if (a - ls > CONTEXT + 20)
			from = char_start(t, ls, a - CONTEXT);
		to = MIN(le, MAX(from + LONG_LINE, b + CONTEXT));
		to = MIN(to, MAX(from + MAX_SHOWN, a + 1));
		while (to < le && ((unsigned char)t[to] & 0xC0) == 0x80)
			to++;
	}
	size_t ca, cb;
	buf line = {0};
	if (lineno == 1 && from == ls && m->lead.len) {
		/* the source line as it is in the file, speaker label and all,
		 * so that the caret stands at the column the location gives */
		buf src = {0};
		buf_add(&src, m->lead.ptr, m->lead.len);
		buf_add(&src, t + from, to - from);
		size_t d = m->lead.len - from;
		render(&line, src.ptr, 0, src.len, MIN(a, to) + d, MIN(b, to) + d, &ca, &cb);
		buf_free(&src);
	} else {
		render(&line, t, from, to, MIN(a, to), MIN(b, to), &ca, &cb);
	}
	size_t lead = from > ls ? 4 : 0; /* "... " */
	gutter(w, shown_line(m, lineno), gw);
	if (from > ls)
		buf_adds(&w->ob, "... ");
	buf_add(&w->ob, line.ptr ? line.ptr : "", line.len);
	if (to < le)
		buf_adds(&w->ob, " ...");
	buf_addc(&w->ob, '\n');
	buf_free(&line);

	gutter(w, 0, gw);
	for (size_t i = 0; i < lead + ca; i++)
		buf_addc(&w->ob, ' ');
	color(w, sev_color(s->severity));
	buf_addc(&w->ob, first ? '^' : '~');
	for (size_t i = ca + 1; i < cb; i++)
		buf_addc(&w->ob, '~');
	color(w, RESET);
	buf_addc(&w->ob, '\n');
}

static void span_diag(tact_writer *w, const tact_msg *m, const tact_span *s, cursor *c)
{
	buf *b = &w->ob;
	const char *t = m->text.ptr;
	seek(m, c, s->start);
	size_t ls = c->line_start;
	size_t col = c->cols + 1;

	location(w, m, c->line, col);
	color(w, sev_color(s->severity));
	buf_adds(b, tact_severity_name(s->severity));
	buf_adds(b, ": ");
	color(w, RESET);
	safe_str(b, s->message);
	if (s->target)
		buf_adds(b, strcmp(s->target, "reader") ? " (someone else)" : " (the reader)");
	buf_adds(b, " [");
	safe_str(b, s->label);
	if (strcmp(s->rule, s->label)) {
		buf_addc(b, ' ');
		safe_str(b, s->rule);
	}
	buf_adds(b, "]\n");
	if (s->detail) {
		buf_adds(b, "    suggestions: ");
		for (const char *p = s->detail; *p;) {
			const char *e = strchr(p, '\n');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			safe_text(b, p, l, false);
			p += l;
			if (*p) {
				buf_adds(b, ", ");
				p++;
			}
		}
		buf_addc(b, '\n');
	}

	/* gutter width: digits of the last line number shown */
	size_t last_line = c->line;
	for (size_t i = s->start; i < s->end && i < m->text.len; i++)
		last_line += t[i] == '\n';
	int gw = 1;
	for (size_t n = shown_line(m, last_line); n >= 10; n /= 10)
		gw++;
	gw = MAX(gw, 3);

	/* each line the span touches; a span ending just after a newline
	 * does not touch the next line */
	size_t lineno = c->line, pos = s->start, shown = 0;
	size_t total_lines = last_line - c->line + 1;
	if (s->end > s->start && s->end <= m->text.len && t[s->end - 1] == '\n')
		total_lines--;
	for (;;) {
		size_t le = ls == c->line_start ? line_end(m, c) : end_of_line(m, ls);
		bool nl = le < m->text.len;
		size_t content_end = le > ls && t[le - 1] == '\r' ? le - 1 : le;
		size_t a = MIN(pos, content_end), e = MIN(s->end, content_end);
		source_line(w, m, s, lineno, ls, content_end, a, MAX(a, e), shown == 0, gw);
		shown++;
		if (!nl || s->end <= le + 1)
			break;
		if (shown == MAX_SPAN_LINES - 1 && total_lines > MAX_SPAN_LINES) {
			gutter(w, 0, gw);
			buf_printf(b, "... (%zu more lines)\n", total_lines - shown);
			break;
		}
		ls = pos = le + 1;
		lineno++;
	}
}

static bool shown(const tact_span *s)
{
	return strcmp(s->label, "quote") && strcmp(s->label, "signature");
}

/* A span the text can show (analysis never makes others). */
static bool in_text(const tact_msg *m, const tact_span *s)
{
	return m->text.ptr && s->start <= s->end && s->end <= m->text.len;
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
		color(w, RESET);
		safe_str(b, m->error);
		buf_addc(b, '\n');
	}
	for (size_t i = 0; i < m->nwarnings; i++) {
		location(w, m, 1, 1);
		color(w, "\033[35m");
		buf_adds(b, "warning: ");
		color(w, RESET);
		safe_str(b, m->warnings[i]);
		buf_addc(b, '\n');
	}
	cursor c = {.line = 1};
	for (size_t i = 0; i < m->nspans; i++)
		if (shown(&m->spans[i]) && in_text(m, &m->spans[i]))
			span_diag(w, m, &m->spans[i], &c);
	if (w->with_text) {
		buf_adds(b, "--- text\n");
		buf t = {0};
		const char *p0 = m->text.ptr ? m->text.ptr : "";
		size_t len = m->text.len;
		if (w->own_text) {
			own_text(&t, m);
			p0 = t.ptr ? t.ptr : "";
			len = t.len;
		}
		/* keep newlines, make the rest safe line by line */
		size_t p = 0;
		while (p < len) {
			const char *e = memchr(p0 + p, '\n', len - p);
			size_t l = e ? (size_t)(e - (p0 + p)) : len - p;
			safe_text(b, p0 + p, l, true);
			buf_addc(b, '\n');
			p += l + 1;
		}
		buf_free(&t);
		buf_addc(b, '\n');
	}
	buf_addc(b, '\n');
}

const struct writer_fmt write_text_fmt = {
	.name = "text",
	.write = text_write,
};
