/* write_jsonl.c: the "jsonl" format, one JSON object per message, schema v1
 * (doc/output-format.md). Written by hand into the writer's buffer: keys in
 * a fixed order, no intermediate tree, so output costs little next to
 * analysis. */
#include "writer.h"

static void key(buf *b, const char *k)
{
	buf_addc(b, ',');
	buf_addc(b, '"');
	buf_adds(b, k);
	buf_adds(b, "\":");
}

static void num(buf *b, size_t v)
{
	char tmp[24];
	int n = 0;
	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10));
	buf_reserve(b, (size_t)n);
	while (n)
		b->ptr[b->len++] = tmp[--n];
	b->ptr[b->len] = '\0';
}

static void opt_field(buf *b, const tact_msg *m, tact_field f, const char *name)
{
	const char *v = m->fields[f];
	if (!v)
		return;
	key(b, name);
	json_str(b, v, strlen(v));
}

static void str_list(buf *b, const char *name, char *const *v, size_t n)
{
	if (!n)
		return;
	key(b, name);
	buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ',');
		json_str(b, v[i], strlen(v[i]));
	}
	buf_addc(b, ']');
}

static void span(buf *b, const tact_msg *m, const tact_span *s)
{
	buf_adds(b, "{\"label\":");
	json_str(b, s->label, strlen(s->label));
	key(b, "rule");
	json_str(b, s->rule, strlen(s->rule));
	key(b, "severity");
	buf_addc(b, '"');
	buf_adds(b, tact_severity_name(s->severity));
	buf_addc(b, '"');
	key(b, "start");
	num(b, s->start);
	key(b, "end");
	num(b, s->end);
	key(b, "cp_start");
	num(b, s->cp_start);
	key(b, "cp_end");
	num(b, s->cp_end);
	key(b, "u16_start");
	num(b, s->u16_start);
	key(b, "u16_end");
	num(b, s->u16_end);
	key(b, "match");
	json_str(b, m->text.ptr + s->start, s->end - s->start);
	key(b, "message");
	json_str(b, s->message, strlen(s->message));
	if (s->detail) {
		key(b, "suggestions");
		buf_addc(b, '[');
		const char *p = s->detail;
		bool first = true;
		while (*p) {
			const char *e = strchr(p, '\n');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			if (!first)
				buf_addc(b, ',');
			json_str(b, p, l);
			first = false;
			p += l + (e ? 1 : 0);
		}
		buf_addc(b, ']');
	}
	buf_addc(b, '}');
}

static void jsonl_write(tact_writer *w, const tact_msg *m)
{
	buf *b = &w->ob;
	char tmp[32];
	const char *id = msg_id(m, tmp);
	buf_adds(b, "{\"id\":");
	json_str(b, id, strlen(id));
	if (w->positions) { /* off when sharding: they are per process */
		key(b, "index");
		num(b, m->index);
		opt_field(b, m, TACT_FIELD_SOURCE, "source");
		if (m->line) {
			key(b, "line");
			num(b, m->line);
		}
	}
	key(b, "role");
	buf_addc(b, '"');
	buf_adds(b, tact_role_name(m->role));
	buf_addc(b, '"');
	key(b, "thread");
	if (m->fields[TACT_FIELD_THREAD])
		json_str(b, m->fields[TACT_FIELD_THREAD], strlen(m->fields[TACT_FIELD_THREAD]));
	else
		buf_adds(b, "null");
	opt_field(b, m, TACT_FIELD_FROM, "from");
	opt_field(b, m, TACT_FIELD_TO, "to");
	opt_field(b, m, TACT_FIELD_DATE, "date");
	opt_field(b, m, TACT_FIELD_SUBJECT, "subject");
	key(b, "labels");
	buf_addc(b, '[');
	for (size_t i = 0; i < m->nlabels; i++) {
		if (i)
			buf_addc(b, ',');
		json_str(b, m->labels[i], strlen(m->labels[i]));
	}
	buf_addc(b, ']');
	key(b, "escalation");
	buf_adds(b, "{\"level\":\"");
	buf_adds(b, tact_level_name(m->level));
	buf_adds(b, "\",\"score\":");
	num(b, (size_t)(m->score < 0 ? 0 : m->score));
	buf_addc(b, '}');
	key(b, "derogatory");
	buf_addc(b, '"');
	buf_adds(b, tact_derog_name(m->derog));
	buf_addc(b, '"');
	key(b, "apology");
	if (m->apology == TACT_APOLOGY_NA) {
		buf_adds(b, "null");
	} else {
		buf_addc(b, '"');
		buf_adds(b, tact_apology_name(m->apology));
		buf_addc(b, '"');
	}
	key(b, "recovery");
	if (m->recovery_score < 0) {
		buf_adds(b, "null");
	} else {
		buf_adds(b, "{\"elements\":[");
		bool first = true;
		for (unsigned bit = 0; bit < TACT_REC__COUNT; bit++) {
			if (!(m->recovery & (1u << bit)))
				continue;
			if (!first)
				buf_addc(b, ',');
			buf_addc(b, '"');
			buf_adds(b, tact_recovery_name(1u << bit));
			buf_addc(b, '"');
			first = false;
		}
		buf_adds(b, "],\"score\":");
		num(b, (size_t)m->recovery_score);
		buf_addc(b, '}');
	}
	key(b, "spans");
	buf_addc(b, '[');
	for (size_t i = 0; i < m->nspans; i++) {
		if (i)
			buf_addc(b, ',');
		span(b, m, &m->spans[i]);
	}
	buf_addc(b, ']');
	str_list(b, "attachments", m->attachments, m->nattachments);
	str_list(b, "warnings", m->warnings, m->nwarnings);
	if (m->error) {
		key(b, "error");
		json_str(b, m->error, strlen(m->error));
	}
	if (w->with_text) {
		key(b, "text");
		json_str(b, m->text.ptr ? m->text.ptr : "", m->text.len);
	}
	if (w->own_text) {
		buf t = {0};
		own_text(&t, m);
		key(b, "own_text");
		json_str(b, t.ptr ? t.ptr : "", t.len);
		buf_free(&t);
	}
	buf_adds(b, "}\n");
}

const struct writer_fmt write_jsonl_fmt = {
	.name = "jsonl",
	.write = jsonl_write,
};
