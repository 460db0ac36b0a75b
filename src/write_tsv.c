/* write_tsv.c: the "tsv" format, one row per span for spreadsheets, fed one
 * analysed message at a time by writer.c. Columns:
 *
 *   id index role label severity start end rule match
 *
 * A header row first. start and end are byte offsets into the analysed
 * text (as in JSONL). A message that could not be analysed gets one row
 * with label "error" and the error in the match column. In values,
 * backslash, tab, newline and carriage return are escaped as \\ \t \n \r
 * (the "linear TSV" convention, reversible), other control characters are
 * shown in caret or <U+XXXX> notation (safe_text), and a value that a
 * spreadsheet would run as a formula (starting with = + - @) is prefixed
 * with an apostrophe. */
#include "writer.h"

static void cell(buf *b, const char *s, size_t n)
{
	if (n && (*s == '=' || *s == '+' || *s == '-' || *s == '@'))
		buf_addc(b, '\'');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *esc;
		switch (s[i]) {
		case '\\': esc = "\\\\"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		default: continue;
		}
		safe_text(b, s + run, i - run, false);
		buf_adds(b, esc);
		run = i + 1;
	}
	safe_text(b, s + run, n - run, false);
}

static void cells(buf *b, const char *s)
{
	cell(b, s, strlen(s));
}

static tact_status tsv_open(tact_writer *w, char **err)
{
	(void)err;
	buf_adds(&w->ob, "id\tindex\trole\tlabel\tseverity\tstart\tend\trule\tmatch\n");
	return TACT_OK;
}

static void tsv_write(tact_writer *w, const tact_msg *m)
{
	buf *b = &w->ob;
	char tmp[32];
	const char *id = msg_id(m, tmp);
	for (size_t i = 0; i < m->nspans; i++) {
		const tact_span *s = &m->spans[i];
		cells(b, id);
		buf_printf(b, "\t%zu\t%s\t", m->index, tact_role_name(m->role));
		cells(b, s->label);
		buf_printf(b, "\t%s\t%zu\t%zu\t", tact_severity_name(s->severity), s->start, s->end);
		cells(b, s->rule);
		buf_addc(b, '\t');
		size_t st = MIN(s->start, m->text.len), en = MIN(MAX(s->end, st), m->text.len);
		cell(b, m->text.ptr ? m->text.ptr + st : "", en - st);
		buf_addc(b, '\n');
	}
	if (m->error) {
		cells(b, id);
		buf_printf(b, "\t%zu\t%s\terror\t\t\t\t\t", m->index, tact_role_name(m->role));
		cells(b, m->error);
		buf_addc(b, '\n');
	}
}

const struct writer_fmt write_tsv_fmt = {
	.name = "tsv",
	.open = tsv_open,
	.write = tsv_write,
};
