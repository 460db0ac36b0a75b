/* read_csv.c: the "csv" format (RFC 4180 with a header row) on libcsv. The
 * header names the columns; id-field, role-field, text-field and
 * thread-field pick them. Quoted fields may hold newlines and bare CRs; a
 * bare CR outside quotes is data too when the file's lines end in LF, as
 * spreadsheet exports that lost a field's quoting have them. Input is fed
 * a line at a time so each record knows its line, and a record that grows
 * past max-message-bytes (a quote that never closes) is cut off with an
 * error and parsing starts again at the next line. The delimiter is the
 * comma, or the semicolon or tab when the header row holds one of those
 * and no comma (spreadsheet exports in locales whose decimal mark is the
 * comma use ';'). */
#include "reader.h"

#include <csv.h>
#include <stdlib.h>

typedef struct {
	buf *fields;
	size_t n, cap;
} row;

typedef struct {
	struct csv_parser p;
	unsigned char delim;
	bool header_done, cr_terminated;
	char **names;
	size_t nnames;
	long col_id, col_role, col_text, col_thread, col_from, col_to, col_date, col_subject;
	row cur;          /* the row libcsv is building */
	row *queue;       /* finished rows not yet handed out */
	size_t *qline;    /* their first lines */
	size_t qhead, qlen, qcap;
	size_t start_line; /* first line of the row being built */
	size_t line;       /* line being fed */
	size_t row_bytes;  /* bytes fed since the last row ended */
	bool overflow;     /* current row passed the limit */
	bool eof;
	bool unterminated; /* EOF inside a quoted field */
} csv_state;

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }
static int is_space_tsv(unsigned char c) { return c == ' ' || c == '\r'; }
static int is_term_lf(unsigned char c) { return c == '\n'; }
static int is_term_cr(unsigned char c) { return c == '\r'; }

static void row_clear(row *r)
{
	for (size_t i = 0; i < r->n; i++)
		buf_clear(&r->fields[i]);
	r->n = 0;
}

static void row_free(row *r)
{
	for (size_t i = 0; i < r->cap; i++)
		buf_free(&r->fields[i]);
	free(r->fields);
	*r = (row){0};
}

static void on_field(void *s, size_t len, void *data)
{
	csv_state *st = data;
	row *r = &st->cur;
	if (r->n == r->cap) {
		size_t old = r->cap;
		VEC_RESERVE(r->fields, r->cap, r->n + 1);
		memset(r->fields + old, 0, (r->cap - old) * sizeof *r->fields);
	}
	buf_clear(&r->fields[r->n]);
	buf_add(&r->fields[r->n], s ? s : "", s ? len : 0);
	r->n++;
}

static void on_row(int c, void *data)
{
	(void)c;
	csv_state *st = data;
	if (st->qlen == st->qcap) {
		size_t old = st->qcap;
		/* the queue is a ring buffer only in spirit: it is drained before
		 * more input is fed, so it never holds more than a line's rows */
		VEC_RESERVE(st->queue, st->qcap, st->qlen + 1);
		st->qline = xreallocarray(st->qline, st->qcap, sizeof *st->qline);
		memset(st->queue + old, 0, (st->qcap - old) * sizeof *st->queue);
	}
	row *dst = &st->queue[st->qlen];
	st->qline[st->qlen] = st->start_line;
	st->qlen++;
	/* swap buffers instead of copying */
	row tmp = *dst;
	*dst = st->cur;
	st->cur = tmp;
	row_clear(&st->cur);
	st->row_bytes = 0;
}

static void parser_init(csv_state *st)
{
	csv_init(&st->p, CSV_APPEND_NULL);
	csv_set_delim(&st->p, st->delim);
	csv_set_space_func(&st->p, st->delim == '\t' ? is_space_tsv : is_space);
	csv_set_term_func(&st->p, st->cr_terminated ? is_term_cr : is_term_lf);
}

static tact_status csv_open(tact_reader *rd, char **err)
{
	(void)err;
	csv_state *st = xcalloc(1, sizeof *st);
	const char *p;
	size_t n = input_peek(&rd->in, 64 * 1024, &p);
	st->cr_terminated = memchr(p, '\r', n) && !memchr(p, '\n', n);
	if (st->cr_terminated) /* an old Mac export: a line a row, as elsewhere */
		rd->in.eol = '\r';
	/* the delimiter, from the header row's unquoted characters */
	size_t commas = 0, semis = 0, tabs = 0;
	bool quoted = false;
	for (size_t i = 0; i < n && (quoted || (p[i] != '\n' && p[i] != '\r')); i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			commas += p[i] == ',', semis += p[i] == ';', tabs += p[i] == '\t';
	}
	st->delim = commas || (!semis && !tabs) ? ',' : semis ? ';' : '\t';
	st->start_line = st->line = 1;
	parser_init(st);
	rd->state = st;
	return TACT_OK;
}

static void csv_close(tact_reader *rd)
{
	csv_state *st = rd->state;
	if (!st)
		return;
	csv_free(&st->p);
	row_free(&st->cur);
	for (size_t i = 0; i < st->qcap; i++)
		row_free(&st->queue[i]);
	free(st->queue);
	free(st->qline);
	for (size_t i = 0; i < st->nnames; i++)
		free(st->names[i]);
	free(st->names);
	free(st);
}

static long find_col(const csv_state *st, const char *name)
{
	for (size_t i = 0; i < st->nnames; i++)
		if (!strcmp(st->names[i], name))
			return (long)i;
	for (size_t i = 0; i < st->nnames; i++)
		if (ascii_strieq(st->names[i], name))
			return (long)i;
	return -1;
}

static tact_status take_header(tact_reader *rd, csv_state *st, row *r, char **err)
{
	st->names = xcalloc(r->n + 1, sizeof *st->names);
	st->nnames = r->n;
	for (size_t i = 0; i < r->n; i++) {
		const char *s = r->fields[i].ptr ? r->fields[i].ptr : "";
		if (i == 0 && !strncmp(s, "\xEF\xBB\xBF", 3))
			s += 3;
		st->names[i] = xstrdup(s);
	}
	const reader_opts *o = &rd->opts;
	st->col_id = find_col(st, o->id_field);
	st->col_role = find_col(st, o->role_field);
	st->col_text = find_col(st, o->text_field);
	/* another export's names for them: "body", "message"; "sender" */
	for (const char *const *alt = reader_fallbacks(o->text_field); alt && *alt && st->col_text < 0; alt++)
		st->col_text = find_col(st, *alt);
	for (const char *const *alt = reader_fallbacks(o->role_field); alt && *alt && st->col_role < 0; alt++)
		st->col_role = find_col(st, *alt);
	st->col_thread = find_col(st, o->thread_field);
	st->col_from = find_col(st, "from");
	st->col_to = find_col(st, "to");
	st->col_date = find_col(st, "date");
	st->col_subject = find_col(st, "subject");
	st->header_done = true;
	if (st->col_text < 0) {
		buf cols = {0};
		for (size_t i = 0; i < st->nnames && i < 20; i++) {
			/* a name as it reads on one line, and not too long to read */
			buf_printf(&cols, "%s'", i ? ", " : "");
			size_t k = 0;
			for (const char *q = st->names[i]; *q && (k < 40 || ((unsigned char)*q & 0xC0) == 0x80); q++, k++)
				buf_addc(&cols, (unsigned char)*q < 0x20 ? ' ' : *q);
			buf_add(&cols, st->names[i][k] ? "...'" : "'", st->names[i][k] ? 4 : 1);
		}
		if (err)
			*err = xasprintf("%s:1: CSV header has no '%s' column (columns: %s); name it with "
					 "--text-field", rd->name, o->text_field, cols.ptr ? cols.ptr : "none");
		buf_free(&cols);
		return TACT_ERR_USAGE;
	}
	return TACT_OK;
}

static void set_col(tact_msg *m, tact_field f, const row *r, long col)
{
	if (col >= 0 && (size_t)col < r->n && r->fields[col].len)
		tact_msg_set_field(m, f, r->fields[col].ptr, r->fields[col].len);
}

static void fill_msg(tact_reader *rd, csv_state *st, const row *r, size_t line, tact_msg *m)
{
	reader_begin(rd, m, line);
	set_col(m, TACT_FIELD_ID, r, st->col_id);
	set_col(m, TACT_FIELD_THREAD, r, st->col_thread);
	set_col(m, TACT_FIELD_FROM, r, st->col_from);
	set_col(m, TACT_FIELD_TO, r, st->col_to);
	set_col(m, TACT_FIELD_DATE, r, st->col_date);
	set_col(m, TACT_FIELD_SUBJECT, r, st->col_subject);
	if (!m->role_forced && st->col_role >= 0 && (size_t)st->col_role < r->n)
		m->role = reader_role(r->fields[st->col_role].ptr, r->fields[st->col_role].len);
	if ((size_t)st->col_text >= r->n) {
		tact_msg_set_error(m, "row has %zu field%s, the header has %zu: no '%s' value", r->n,
				   r->n == 1 ? "" : "s", st->nnames, rd->opts.text_field);
		return;
	}
	const buf *t = &r->fields[st->col_text];
	msg_set_text_sanitized(m, t->ptr ? t->ptr : "", t->len);
}

/* Feed one line to libcsv. */
static void feed(tact_reader *rd, csv_state *st)
{
	const char *p;
	bool cut;
	size_t n = input_getline(&rd->in, &p, &cut);
	if (!n) {
		st->eof = true;
		/* libcsv only reports an open quote in strict mode, which would
		 * also reject the sloppy quoting real exports have; its parser
		 * state is public: FIELD_BEGUN (2) inside a quoted field. */
		st->unterminated = st->p.quoted && st->p.pstate == 2;
		csv_fini(&st->p, on_field, on_row, st);
		return;
	}
	/* a row starts on the first line that gives libcsv anything: blank
	 * lines between rows make none (its state 0 is ROW_NOT_BEGUN) */
	if (st->p.pstate == 0) {
		st->start_line = st->line;
		st->row_bytes = 0;
	}
	st->row_bytes += n;
	if (cut || st->row_bytes > rd->opts.max_bytes) {
		/* Too long: drop what libcsv holds and start over at the next
		 * line. The row is still reported, with an error. */
		st->overflow = true;
		csv_free(&st->p);
		parser_init(st);
		row_clear(&st->cur);
		on_row(0, st);
		st->line++;
		return;
	}
	if (csv_parse(&st->p, p, n, on_field, on_row, st) != n) {
		/* Only allocation failure stops libcsv in lenient mode. */
		st->overflow = true;
		csv_free(&st->p);
		parser_init(st);
		on_row(0, st);
	}
	st->line++;
}

static tact_status csv_next(tact_reader *rd, tact_msg *m, bool *done, char **err)
{
	csv_state *st = rd->state;
	for (;;) {
		if (st->qhead < st->qlen) {
			size_t i = st->qhead++;
			row *r = &st->queue[i];
			size_t line = st->qline[i];
			bool last = st->qhead == st->qlen;
			bool overflowed = st->overflow && last;
			bool unterminated = st->unterminated && last && st->eof;
			if (!st->header_done) {
				if (overflowed) {
					if (err)
						*err = xasprintf("%s:%zu: CSV header longer than max-message-bytes (%zu), "
								 "or a quote in it that never closes", rd->name, line,
								 rd->opts.max_bytes);
					return TACT_ERR_USAGE;
				}
				tact_status s = take_header(rd, st, r, err);
				if (s)
					return s;
				if (last)
					st->qhead = st->qlen = 0;
				continue;
			}
			if (overflowed) {
				reader_begin(rd, m, line);
				m->error_status = TACT_ERR_LIMIT;
				tact_msg_set_error(m, "CSV record longer than max-message-bytes (%zu), or a quote "
						   "that never closes: skipped to the next line", rd->opts.max_bytes);
				st->overflow = false;
			} else {
				fill_msg(rd, st, r, line, m);
				if (unterminated)
					tact_msg_set_error(m, "quoted field never closes before the end of input");
			}
			if (last)
				st->qhead = st->qlen = 0;
			return TACT_OK;
		}
		if (st->eof) {
			*done = true;
			return reader_io_error(rd, err);
		}
		feed(rd, st);
	}
}

const struct reader_fmt read_csv_fmt = {
	.name = "csv",
	.open = csv_open,
	.next = csv_next,
	.close = csv_close,
};
