/* write_tsv.c: the "tsv" format, one row per span for spreadsheets:
 * id, index, role, label, severity, start, end, rule, match. A header row
 * first; tabs, newlines and control characters in values are escaped. */
#include "writer.h"

static void cell(buf *b, const char *s, size_t n)
{
	safe_text(b, s, n, false); /* tabs become \t, newlines \n */
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
		cell(b, id, strlen(id));
		buf_printf(b, "\t%zu\t%s\t%s\t%s\t%zu\t%zu\t", m->index, tact_role_name(m->role), s->label,
			   tact_severity_name(s->severity), s->start, s->end);
		cell(b, s->rule, strlen(s->rule));
		buf_addc(b, '\t');
		cell(b, m->text.ptr + s->start, s->end - s->start);
		buf_addc(b, '\n');
	}
	if (m->error) {
		cell(b, id, strlen(id));
		buf_printf(b, "\t%zu\t%s\terror\t\t\t\t\t", m->index, tact_role_name(m->role));
		cell(b, m->error, strlen(m->error));
		buf_addc(b, '\n');
	}
}

const struct writer_fmt write_tsv_fmt = {
	.name = "tsv",
	.open = tsv_open,
	.write = tsv_write,
};
