/* read_jsonl.c: the "jsonl" format, one JSON object per line. The reader
 * only splits lines; parsing (cJSON) is the deferred decode step, so it runs
 * on worker threads. Field names come from id-field, role-field,
 * text-field and thread-field. */
#include "reader.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- cJSON's allocations in a per-thread arena ----------------------------
 * A parse allocates a dozen small blocks per line (an item per value, a copy
 * of every key and string) and cJSON_Delete() frees them one by one. With
 * cJSON's allocation hooks pointed here, a line's tree is carved from one
 * block per thread and dropped whole. Outside jsonl_decode() the hooks are
 * plain malloc() and free(), so other cJSON users in the process are not
 * affected (unless they install hooks of their own, which then win: the
 * tree is then freed with cJSON_Delete() as before). */
typedef struct arena_block {
	struct arena_block *next;
	size_t size;
	max_align_t data[];
} arena_block;

typedef struct {
	arena_block *first; /* kept from line to line */
	arena_block *extra; /* blocks for lines that need more, freed after them */
	char *p;
	size_t left, used;
} arena;

#define ARENA_FIRST (64 * 1024)

static _Thread_local arena *active; /* set only while jsonl_decode() parses */
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;
static pthread_key_t arena_key;

static void *arena_alloc(size_t n)
{
	arena *a = active;
	if (!a)
		return malloc(n);
	n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (n > a->left) {
		size_t size = MAX(n, 4 * ARENA_FIRST);
		arena_block *b = malloc(sizeof *b + size);
		if (!b)
			return NULL; /* cJSON reports a failed parse */
		b->next = a->extra;
		b->size = size;
		a->extra = b;
		a->p = (char *)b->data;
		a->left = size;
	}
	void *r = a->p;
	a->p += n;
	a->left -= n;
	a->used += n;
	return r;
}

static void arena_free_one(void *p)
{
	if (!active) /* inside a parse everything is dropped with the arena */
		free(p);
}

static void arena_destroy(void *p)
{
	arena *a = p;
	free(a->first);
	free(a);
}

static void hooks_init(void)
{
	pthread_key_create(&arena_key, arena_destroy);
	cJSON_Hooks h = {.malloc_fn = arena_alloc, .free_fn = arena_free_one};
	cJSON_InitHooks(&h);
}

/* This thread's arena, once made (the key frees it when the thread ends;
 * the pointer spares a pthread_getspecific() call a line). */
static _Thread_local arena *mine;

/* Start carving this thread's arena. */
static arena *arena_begin(void)
{
	arena *a = mine;
	if (!a) {
		pthread_once(&hooks_once, hooks_init);
		a = xcalloc(1, sizeof *a);
		a->first = xmalloc(sizeof *a->first + ARENA_FIRST);
		a->first->size = ARENA_FIRST;
		pthread_setspecific(arena_key, a);
		mine = a;
	}
	a->p = (char *)a->first->data;
	a->left = ARENA_FIRST;
	a->used = 0;
	active = a;
	return a;
}

/* Stop carving; the allocations stay readable until arena_reset(). */
static void arena_end(void)
{
	active = NULL;
}

/* Drop everything allocated since arena_begin(). */
static void arena_reset(arena *a)
{
	while (a->extra) {
		arena_block *b = a->extra;
		a->extra = b->next;
		free(b);
	}
}

/* The escape at s (a backslash, then 'u' and four hex digits): its code
 * unit, or -1 when it is no \u escape. */
static long u_escape(const char *s, const char *end)
{
	if (end - s < 6 || s[1] != 'u')
		return -1;
	long v = 0;
	for (int i = 2; i < 6; i++) {
		int c = ascii_tolower((unsigned char)s[i]);
		if (!ascii_digit(c) && (c < 'a' || c > 'f'))
			return -1;
		v = v * 16 + (ascii_digit(c) ? c - '0' : c - 'a' + 10);
	}
	return v;
}

/* Escapes cJSON would mishandle, rewritten as U+FFFD before parsing (same
 * length), minding escaped backslashes: "\u0000", since cJSON stores
 * strings NUL-terminated and would cut the text short without a word; and
 * a UTF-16 surrogate without its other half (an emoji cut in two, as
 * Python's json writes it), on which cJSON fails the whole line. Counts
 * each kind rewritten. */
static void defuse_escapes(char *s, size_t n, size_t *nuls, size_t *surrogates)
{
	char *end = s + n;
	*nuls = *surrogates = 0;
	for (char *p = s; p < end && (p = memchr(p, '\\', (size_t)(end - p))) != NULL;) {
		long u = u_escape(p, end);
		if (u < 0) {
			p += 2; /* past the escaped character, so "\\u0000" stays literal */
			continue;
		}
		long next = u >= 0xD800 && u < 0xDC00 && end - p >= 12 && p[6] == '\\' ? u_escape(p + 6, end) : -1;
		if (next >= 0xDC00 && next < 0xE000) {
			p += 12; /* a pair */
			continue;
		}
		bool lone = u >= 0xD800 && u < 0xE000;
		if (u == 0 || lone) {
			memcpy(p + 2, "fffd", 4);
			if (lone)
				(*surrogates)++;
			else
				(*nuls)++;
		}
		p += 6;
	}
}

static const char *json_space(const char *p, const char *end)
{
	while (p < end && (unsigned char)*p <= ' ') /* as cJSON skips it */
		p++;
	return p;
}

/* Past the string whose opening quote is at p. */
static const char *json_string_end(const char *p, const char *end)
{
	for (p++; p < end && *p != '"'; p++)
		p += *p == '\\';
	return MIN(p + 1, end);
}

/* Walk the text of value v, from p, looking for the text of value want
 * inside it (*at and *at_end are set when found, and the walk stops).
 * The line parsed, so its syntax is valid and the tree lists the values
 * in the order of the text. Returns where v's text ends. */
static const char *json_find_text(const char *p, const char *end, const cJSON *v, const cJSON *want,
				  const char **at, const char **at_end)
{
	p = json_space(p, end);
	const char *start = p;
	if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
		p++; /* '{' or '[' */
		for (const cJSON *c = v->child; c && !*at; c = c->next) {
			if (cJSON_IsObject(v)) /* the member's name, then ':' */
				p = json_space(json_string_end(json_space(p, end), end), end) + 1;
			p = json_space(json_find_text(p, end, c, want, at, at_end), end) + 1; /* ',' or the close */
		}
		if (!v->child)
			p = json_space(p, end) + 1;
	} else if (p < end && *p == '"') {
		p = json_string_end(p, end);
	} else {
		while (p < end && (unsigned char)*p > ' ' && *p != ',' && *p != ']' && *p != '}')
			p++;
	}
	if (v == want) {
		*at = start;
		*at_end = p;
	}
	return MIN(p, end);
}

/* A JSON scalar as a string: strings as they are, numbers as written in
 * the line (a double cannot hold every id: 9007199254740993, 0.1),
 * booleans by name. */
static char *scalar_string(const cJSON *v, const cJSON *root, const char *line, size_t len)
{
	if (cJSON_IsString(v))
		return xstrdup(v->valuestring);
	if (cJSON_IsNumber(v)) {
		const char *p = line, *end = line + len, *at = NULL, *at_end = NULL;
		if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
			p += 3; /* cJSON skips a BOM too */
		json_find_text(p, end, root, v, &at, &at_end);
		if (at)
			return xstrndup(at, (size_t)(at_end - at));
		return xasprintf("%.17g", v->valuedouble);
	}
	if (cJSON_IsBool(v))
		return xstrdup(cJSON_IsTrue(v) ? "true" : "false");
	return NULL;
}

/* The member at a dotted path ("author.type"), through objects, the first
 * of a duplicated name at each step; NULL when a step is missing. */
static const cJSON *path_item(const cJSON *obj, const char *path)
{
	while (obj && cJSON_IsObject(obj)) {
		const char *dot = strchr(path, '.');
		size_t n = dot ? (size_t)(dot - path) : strlen(path);
		const cJSON *c = obj->child;
		while (c && !(c->string && strlen(c->string) == n && !memcmp(c->string, path, n)))
			c = c->next;
		if (!dot || !c)
			return c;
		obj = c;
		path = dot + 1;
	}
	return NULL;
}

static void set_scalar(tact_msg *m, tact_field f, const cJSON *v, const cJSON *root)
{
	if (cJSON_IsString(v)) {
		tact_msg_set_field(m, f, v->valuestring, (size_t)-1);
		return;
	}
	char *s = scalar_string(v, root, m->raw.ptr, m->raw.len);
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

/* Are the member name key and the wanted name the same? Inline, where
 * strcmp() is a call: names are short and most differ early. */
static bool same_name(const char *key, const char *name)
{
	while (*key && *key == *name)
		key++, name++;
	return *key == *name;
}

static void tree_free(arena *ar, cJSON *root, bool own_tree)
{
	if (own_tree)
		cJSON_Delete(root);
	arena_reset(ar);
}

static void jsonl_decode(tact_msg *m, const void *ctx)
{
	const reader_opts *o = ctx;
	size_t nuls, surrogates;
	defuse_escapes(m->raw.ptr, m->raw.len, &nuls, &surrogates);
	const char *end = NULL;
	arena *ar = arena_begin();
	cJSON *root = cJSON_ParseWithLengthOpts(m->raw.ptr, m->raw.len, &end, 0);
	arena_end();
	bool own_tree = !ar->used; /* another hook took the allocations */
	if (!root) {
		arena_reset(ar);
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
			tree_free(ar, root, own_tree);
			return;
		}
	if (!cJSON_IsObject(root)) {
		tact_msg_set_error(m, "JSON line is %s, not an object", type_name(root));
		tree_free(ar, root, own_tree);
		return;
	}
	/* the fields wanted, found in one walk over the members (the first
	 * of a duplicated name, as cJSON_GetObjectItemCaseSensitive() would) */
	enum { K_ID, K_ROLE, K_TEXT, K_THREAD, K_FROM, K_TO, K_DATE, K_SUBJECT, K__COUNT };
	const char *const names[K__COUNT] = {o->id_field, o->role_field, o->text_field, o->thread_field,
					     "from", "to", "date", "subject"};
	const cJSON *v[K__COUNT] = {0};
	for (const cJSON *c = root->child; c; c = c->next) {
		const char *key = c->string;
		if (!key)
			continue;
		for (int k = 0; k < K__COUNT; k++)
			if (!v[k] && names[k][0] == key[0] && same_name(key, names[k]))
				v[k] = c;
	}
	/* a field not at the top, named by its path: "body.text" (only the
	 * configurable names can be one) */
	for (int k = 0; k < K_FROM; k++)
		if (!v[k] && strchr(names[k], '.'))
			v[k] = path_item(root, names[k]);
	/* another export's names for them: "body", "message"; "sender" */
	for (int k = K_ROLE; k <= K_TEXT; k++) {
		const char *const *alt = v[k] ? NULL : reader_fallbacks(names[k]);
		for (; alt && *alt && !v[k]; alt++) {
			const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, *alt);
			if (cJSON_IsString(item))
				v[k] = item;
		}
	}
	const cJSON *role = v[K_ROLE], *text = v[K_TEXT];
	set_scalar(m, TACT_FIELD_ID, v[K_ID], root);
	set_scalar(m, TACT_FIELD_THREAD, v[K_THREAD], root);
	static const tact_field extra[] = {[K_FROM] = TACT_FIELD_FROM, [K_TO] = TACT_FIELD_TO,
					   [K_DATE] = TACT_FIELD_DATE, [K_SUBJECT] = TACT_FIELD_SUBJECT};
	for (int k = K_FROM; k < K__COUNT; k++)
		if (cJSON_IsString(v[k]))
			tact_msg_set_field(m, extra[k], v[k]->valuestring, (size_t)-1);
	if (!m->role_forced && cJSON_IsString(role))
		m->role = reader_role(role->valuestring, strlen(role->valuestring));
	if (!text) {
		buf alts = {0};
		for (const char *const *alt = reader_fallbacks(o->text_field); alt && *alt; alt++)
			buf_printf(&alts, "%s%s", alts.len ? ", " : " (nor ", *alt);
		if (alts.len)
			buf_adds(&alts, "); name it with --text-field");
		tact_msg_set_error(m, "no \"%s\" field%s", o->text_field, alts.len ? alts.ptr : "");
		buf_free(&alts);
	} else if (!cJSON_IsString(text))
		tact_msg_set_error(m, "field \"%s\" is %s, not a string", o->text_field, type_name(text));
	else
		msg_set_text_sanitized(m, text->valuestring, strlen(text->valuestring));
	if (nuls)
		tact_msg_add_warning(m, "%zu NUL character%s replaced by U+FFFD", nuls, nuls == 1 ? "" : "s");
	if (surrogates)
		tact_msg_add_warning(m, "%zu lone UTF-16 surrogate%s replaced by U+FFFD", surrogates,
				     surrogates == 1 ? "" : "s");
	tree_free(ar, root, own_tree);
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
