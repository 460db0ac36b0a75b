/* write_jsonl.c: the "jsonl" format, one JSON object per message, schema v1
 * (doc/output-format.md). Written by hand into the writer's buffer: keys in
 * a fixed order, no intermediate tree, so output costs little next to
 * analysis. */
#include "writer.h"

/* Append a string literal: its length is known at compile time, so a key
 * costs one copy, not four calls and a strlen. */
#define LIT(b, lit) buf_add((b), "" lit, sizeof(lit) - 1)
/* ,"k": */
#define KEY(b, k) LIT(b, ",\"" k "\":")

/* Append a JSON string from a C string. */
static void cstr(buf *b, const char *s)
{
	json_str(b, s, strlen(s));
}

/* Append "s" for a name from the fixed tables (no escaping needed). */
static void name(buf *b, const char *s)
{
	size_t n = strlen(s);
	buf_reserve(b, n + 2);
	b->ptr[b->len++] = '"';
	memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len++] = '"';
	b->ptr[b->len] = '\0';
}

/* "00" "01" ... "99": two digits for one division. */
static const char digit_pairs[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* Append v in decimal. The digits are made right-aligned in a zeroed
 * scratch and copied as one fixed-size block (a size_t has at most 20), so
 * the copy is two moves, not a loop or a call. */
static void num(buf *b, size_t v)
{
	char tmp[40] = {0}, *p = tmp + 20;
	for (; v >= 100; v /= 100) {
		p -= 2;
		memcpy(p, digit_pairs + 2 * (v % 100), 2);
	}
	if (v >= 10) {
		p -= 2;
		memcpy(p, digit_pairs + 2 * v, 2);
	} else {
		*--p = (char)('0' + v);
	}
	size_t n = (size_t)(tmp + 20 - p);
	buf_reserve(b, 20);
	memcpy(b->ptr + b->len, p, 20); /* the bytes after the digits are overwritten next */
	b->len += n;
	b->ptr[b->len] = '\0';
}

/* ,"key":"value" when the field is set; key is the ,"name": literal. */
#define OPT_FIELD(b, m, f, k)                                  \
	do {                                                   \
		if ((m)->fields[f]) {                          \
			KEY(b, k);                             \
			cstr(b, (m)->fields[f]);               \
		}                                              \
	} while (0)

/* ,"key":["...",...] when the list is not empty. */
#define STR_LIST(b, k, v, n)                                   \
	do {                                                   \
		if (n) {                                       \
			KEY(b, k);                             \
			str_list(b, v, n);                     \
		}                                              \
	} while (0)

static void str_list(buf *b, char *const *v, size_t n)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ',');
		cstr(b, v[i]);
	}
	buf_addc(b, ']');
}

/* Append the source name as a JSON string. It is the same for every
 * message of a file: escaped once, then copied while it stays the same. */
static void source(tact_writer *w, const char *s)
{
	size_t n = strlen(s);
	if (n != w->src.len || memcmp(s, w->src.ptr, n)) {
		buf_clear(&w->src);
		buf_add(&w->src, s, n);
		buf_clear(&w->src_json);
		json_str(&w->src_json, s, n);
	}
	buf_add(&w->ob, w->src_json.ptr, w->src_json.len);
}

static void span(buf *b, const tact_msg *m, const tact_span *s)
{
	LIT(b, "{\"label\":");
	cstr(b, s->label);
	KEY(b, "rule");
	cstr(b, s->rule);
	KEY(b, "severity");
	name(b, tact_severity_name(s->severity));
	KEY(b, "start");
	num(b, s->start);
	KEY(b, "end");
	num(b, s->end);
	KEY(b, "cp_start");
	num(b, s->cp_start);
	KEY(b, "cp_end");
	num(b, s->cp_end);
	KEY(b, "u16_start");
	num(b, s->u16_start);
	KEY(b, "u16_end");
	num(b, s->u16_end);
	KEY(b, "match");
	json_str(b, m->text.ptr + s->start, s->end - s->start);
	KEY(b, "message");
	cstr(b, s->message);
	if (s->target) {
		KEY(b, "target");
		cstr(b, s->target);
	}
	if (s->detail) {
		KEY(b, "suggestions");
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
	LIT(b, "{\"id\":");
	cstr(b, id);
	if (w->positions) { /* off when sharding: they are per process */
		KEY(b, "index");
		num(b, m->index);
		if (m->fields[TACT_FIELD_SOURCE]) {
			KEY(b, "source");
			source(w, m->fields[TACT_FIELD_SOURCE]);
		}
		if (m->line) {
			KEY(b, "line");
			num(b, m->line);
		}
	}
	KEY(b, "role");
	name(b, tact_role_name(m->role));
	KEY(b, "thread");
	if (m->fields[TACT_FIELD_THREAD])
		cstr(b, m->fields[TACT_FIELD_THREAD]);
	else
		LIT(b, "null");
	OPT_FIELD(b, m, TACT_FIELD_FROM, "from");
	OPT_FIELD(b, m, TACT_FIELD_TO, "to");
	OPT_FIELD(b, m, TACT_FIELD_DATE, "date");
	OPT_FIELD(b, m, TACT_FIELD_SUBJECT, "subject");
	KEY(b, "labels");
	buf_addc(b, '[');
	for (size_t i = 0; i < m->nlabels; i++) {
		if (i)
			buf_addc(b, ',');
		cstr(b, m->labels[i]);
	}
	LIT(b, "],\"escalation\":{\"level\":");
	name(b, tact_level_name(m->level));
	LIT(b, ",\"score\":");
	num(b, (size_t)(m->score < 0 ? 0 : m->score));
	LIT(b, "},\"derogatory\":");
	name(b, tact_derog_name(m->derog));
	KEY(b, "apology");
	if (m->apology == TACT_APOLOGY_NA)
		LIT(b, "null");
	else
		name(b, tact_apology_name(m->apology));
	KEY(b, "recovery");
	if (m->recovery_score < 0) {
		LIT(b, "null");
	} else {
		LIT(b, "{\"elements\":[");
		bool first = true;
		for (unsigned bit = 0; bit < TACT_REC__COUNT; bit++) {
			if (!(m->recovery & (1u << bit)))
				continue;
			if (!first)
				buf_addc(b, ',');
			name(b, tact_recovery_name(1u << bit));
			first = false;
		}
		LIT(b, "],\"score\":");
		num(b, (size_t)m->recovery_score);
		buf_addc(b, '}');
	}
	KEY(b, "spans");
	buf_addc(b, '[');
	for (size_t i = 0; i < m->nspans; i++) {
		if (i)
			buf_addc(b, ',');
		span(b, m, &m->spans[i]);
	}
	buf_addc(b, ']');
	STR_LIST(b, "attachments", m->attachments, m->nattachments);
	STR_LIST(b, "warnings", m->warnings, m->nwarnings);
	if (m->error) {
		KEY(b, "error");
		cstr(b, m->error);
	}
	if (w->with_text) {
		KEY(b, "text");
		json_str(b, m->text.ptr ? m->text.ptr : "", m->text.len);
	}
	if (w->own_text) {
		buf t = {0};
		own_text(&t, m);
		KEY(b, "own_text");
		json_str(b, t.ptr ? t.ptr : "", t.len);
		buf_free(&t);
	}
	LIT(b, "}\n");
}

const struct writer_fmt write_jsonl_fmt = {
	.name = "jsonl",
	.write = jsonl_write,
};
