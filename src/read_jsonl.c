/* read_jsonl.c: the "jsonl" format, one JSON object per line. The reader
 * only splits lines; parsing (cJSON) is the deferred decode step, so it runs
 * on worker threads. Field names come from id-field, role-field,
 * text-field and thread-field. */
#include "reader.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

/* cJSON stores strings NUL-terminated, so a "\u0000" escape would cut the
 * text short without a word. Rewrite it as U+FFFD before parsing, minding
 * escaped backslashes; returns how many were rewritten. */
static size_t defuse_nul_escapes(char *s, size_t n)
{
	size_t count = 0, i = 0;
	while (i + 6 <= n) {
		const char *bs = memchr(s + i, '\\', n - 5 - i);
		if (!bs)
			break;
		i = (size_t)(bs - s);
		if (s[i + 1] == 'u' && !memcmp(s + i + 2, "0000", 4)) {
			memcpy(s + i + 2, "fffd", 4);
			count++;
		}
		i += 2; /* past the escaped character, so "\\u0000" stays literal */
	}
	return count;
}

/* A JSON scalar as a string: strings as they are, integral numbers without
 * a fraction, other numbers in shortest form, booleans by name. */
static char *scalar_string(const cJSON *v)
{
	if (cJSON_IsString(v))
		return xstrdup(v->valuestring);
	if (cJSON_IsNumber(v)) {
		double d = v->valuedouble;
		if (d == (double)(long long)d && d > -9e15 && d < 9e15)
			return xasprintf("%lld", (long long)d);
		return xasprintf("%.17g", d);
	}
	if (cJSON_IsBool(v))
		return xstrdup(cJSON_IsTrue(v) ? "true" : "false");
	return NULL;
}

static void set_scalar(tact_msg *m, tact_field f, const cJSON *v)
{
	if (cJSON_IsString(v)) {
		tact_msg_set_field(m, f, v->valuestring, (size_t)-1);
		return;
	}
	char *s = scalar_string(v);
	if (s)
		tact_msg_set_field(m, f, s, (size_t)-1);
	free(s);
}

static const char *type_name(const cJSON *v)
{
	if (cJSON_IsArray(v))
		return "an array";
	if (cJSON_IsObject(v))
		return "an object";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return "a boolean";
	if (cJSON_IsNull(v))
		return "null";
	return "a string";
}

static void jsonl_decode(tact_msg *m, const void *ctx)
{
	const reader_opts *o = ctx;
	size_t nuls = defuse_nul_escapes(m->raw.ptr, m->raw.len);
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(m->raw.ptr, m->raw.len, &end, 0);
	if (!root) {
		/* the parse end is the error position (cJSON_GetErrorPtr() is
		 * a global, not safe on worker threads) */
		size_t off = end && end >= m->raw.ptr && end <= m->raw.ptr + m->raw.len ? (size_t)(end - m->raw.ptr) : 0;
		tact_msg_set_error(m, "invalid JSON near byte %zu", off + 1);
		return;
	}
	for (; end && end < m->raw.ptr + m->raw.len; end++)
		if (!ascii_space((unsigned char)*end)) {
			tact_msg_set_error(m, "invalid JSON: text after the object at byte %zu",
					   (size_t)(end - m->raw.ptr) + 1);
			cJSON_Delete(root);
			return;
		}
	if (!cJSON_IsObject(root)) {
		tact_msg_set_error(m, "JSON line is %s, not an object", type_name(root));
		cJSON_Delete(root);
		return;
	}
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, o->id_field);
	const cJSON *role = cJSON_GetObjectItemCaseSensitive(root, o->role_field);
	const cJSON *text = cJSON_GetObjectItemCaseSensitive(root, o->text_field);
	const cJSON *thread = cJSON_GetObjectItemCaseSensitive(root, o->thread_field);
	set_scalar(m, TACT_FIELD_ID, id);
	set_scalar(m, TACT_FIELD_THREAD, thread);
	static const struct {
		const char *name;
		tact_field f;
	} extra[] = {{"from", TACT_FIELD_FROM}, {"to", TACT_FIELD_TO}, {"date", TACT_FIELD_DATE},
		     {"subject", TACT_FIELD_SUBJECT}};
	for (size_t i = 0; i < ARRAY_LEN(extra); i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, extra[i].name);
		if (cJSON_IsString(v))
			tact_msg_set_field(m, extra[i].f, v->valuestring, (size_t)-1);
	}
	if (!m->role_forced && cJSON_IsString(role))
		m->role = reader_role(role->valuestring, strlen(role->valuestring));
	if (!text)
		tact_msg_set_error(m, "no \"%s\" field", o->text_field);
	else if (!cJSON_IsString(text))
		tact_msg_set_error(m, "field \"%s\" is %s, not a string", o->text_field, type_name(text));
	else
		msg_set_text_sanitized(m, text->valuestring, strlen(text->valuestring));
	if (nuls)
		tact_msg_add_warning(m, "%zu NUL character%s replaced by U+FFFD", nuls, nuls == 1 ? "" : "s");
	cJSON_Delete(root);
}

static tact_status jsonl_next(tact_reader *rd, tact_msg *m, bool *done, char **err)
{
	const char *p;
	size_t n;
	bool cut;
	for (;;) {
		size_t line = rd->in.line;
		n = input_getline(&rd->in, &p, &cut);
		if (!n) {
			*done = true;
			return reader_io_error(rd, err);
		}
		size_t k = 0;
		while (k < n && ascii_space((unsigned char)p[k]))
			k++;
		if (k == n)
			continue; /* blank line: not a record */
		reader_begin(rd, m, line);
		if (cut) {
			m->error_status = TACT_ERR_LIMIT;
			tact_msg_set_error(m, "line longer than max-message-bytes (%zu): not parsed",
					   rd->opts.max_bytes);
			return TACT_OK;
		}
		buf_add(&m->raw, p, n);
		m->decode = jsonl_decode;
		m->decode_ctx = &rd->opts;
		return TACT_OK;
	}
}

const struct reader_fmt read_jsonl_fmt = {
	.name = "jsonl",
	.next = jsonl_next,
};
