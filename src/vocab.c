/* vocab.c: an open-addressing hash table from word to dense id, built at
 * engine load and read-only afterwards, so analyzer threads share it. */
#include "vocab.h"

#include <stdlib.h>

static void grow(vocab *v)
{
	/* the bundled lexicons hold some 13,000 words: start near that size
	 * rather than copy the table five times on the way */
	size_t nc = v->cap ? v->cap * 2 : 32768;
	vslot *ns = xmalloc(nc * sizeof *ns);
	for (size_t i = 0; i < nc; i++)
		ns[i] = (vslot){.id = -1}; /* whole: the cache saves the bytes */
	for (size_t i = 0; i < v->cap; i++) {
		if (v->slots[i].id < 0)
			continue;
		size_t j = v->slots[i].hash & (nc - 1);
		while (ns[j].id >= 0)
			j = (j + 1) & (nc - 1);
		ns[j] = v->slots[i];
		v->by_id[v->slots[i].id] = (uint32_t)j;
	}
	free(v->slots);
	v->slots = ns;
	v->cap = nc;
	for (size_t i = 0; i < v->n; i++) { /* the short words' slots moved */
		const vslot *s = &v->slots[v->by_id[i]];
		int k = vocab_short_index(v->pool.ptr + s->off, s->len);
		if (k >= 0)
			v->shortw[k] = v->by_id[i] + 1;
	}
}

/* Are the n bytes at a and b the same? Words are short: loads of eight
 * and four bytes, overlapping, not a call or a loop over bytes. */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	for (; n > 8; a += 8, b += 8, n -= 8) {
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		if (x != y)
			return false;
	}
	if (n >= 4) { /* 4..8: the first four and the last four */
		uint32_t p, q, r, t;
		memcpy(&p, a, 4);
		memcpy(&q, b, 4);
		memcpy(&r, a + n - 4, 4);
		memcpy(&t, b + n - 4, 4);
		return p == q && r == t;
	}
	/* 0..3: the first, middle and last bytes are all of them */
	return !n || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

/* The tag of hash h: its high bits (the low ones choose the slot), never 0. */
#define TAG(h) ((uint16_t)((h) >> 16 | 1))

void vocab_tags(vocab *v)
{
	free(v->tags);
	v->tags = xmalloc(v->cap * sizeof *v->tags);
	for (size_t j = 0; j < v->cap; j++)
		v->tags[j] = v->slots[j].id < 0 ? 0 : TAG(v->slots[j].hash);
}

const vslot *vocab_find_hashed(const vocab *v, const char *w, size_t n)
{
	if (!v->cap || n > 0xFFFF)
		return NULL;
	uint32_t h = vocab_hash(w, n);
	size_t mask = v->cap - 1;
	if (v->tags) {
		uint16_t tag = TAG(h);
		for (size_t j = h & mask;; j = (j + 1) & mask) {
			if (!v->tags[j])
				return NULL;
			const vslot *s = &v->slots[j];
			if (v->tags[j] == tag && s->hash == h && s->len == n && same_bytes(v->pool.ptr + s->off, w, n))
				return s;
		}
	}
	for (size_t j = h & mask;; j = (j + 1) & mask) {
		const vslot *s = &v->slots[j];
		if (s->id < 0)
			return NULL;
		if (s->hash == h && s->len == n && same_bytes(v->pool.ptr + s->off, w, n))
			return s;
	}
}

static vslot *insert(vocab *v, const char *w, size_t n)
{
	free(v->tags); /* stale once the table changes */
	v->tags = NULL;
	if (!v->shortw)
		v->shortw = xcalloc(VOCAB_NSHORT, sizeof *v->shortw);
	if ((v->n + 1) * 2 > v->cap)
		grow(v);
	uint32_t h = vocab_hash(w, n);
	size_t mask = v->cap - 1, j = h & mask;
	while (v->slots[j].id >= 0) {
		vslot *s = &v->slots[j];
		if (s->hash == h && s->len == n && !memcmp(v->pool.ptr + s->off, w, n))
			return s;
		j = (j + 1) & mask;
	}
	vslot *s = &v->slots[j];
	s->hash = h;
	s->off = (uint32_t)v->pool.len;
	s->len = (uint16_t)n;
	s->flags = 0;
	s->id = (int32_t)v->n;
	s->base = s->id;
	buf_add(&v->pool, w, n);
	buf_addc(&v->pool, '\0');
	VEC_RESERVE(v->by_id, v->capids, v->n + 1);
	v->by_id[v->n] = (uint32_t)j;
	int k = vocab_short_index(w, n);
	if (k >= 0)
		v->shortw[k] = (uint32_t)j + 1;
	v->n++;
	return s;
}

int32_t vocab_add(vocab *v, const char *w, size_t n)
{
	if (n > 0xFFFF)
		n = 0xFFFF;
	return insert(v, w, n)->id;
}

void vocab_add_form(vocab *v, const char *form, size_t n, int32_t base)
{
	if (n > 0xFFFF)
		return;
	size_t before = v->n;
	vslot *s = insert(v, form, n);
	if (v->n > before || s->base == s->id)
		s->base = s->id == base ? s->id : base;
}

const char *vocab_word(const vocab *v, int32_t id, size_t *len)
{
	const vslot *s = &v->slots[v->by_id[id]];
	if (len)
		*len = s->len;
	return v->pool.ptr + s->off;
}

vslot *vocab_slot(vocab *v, int32_t id)
{
	return &v->slots[v->by_id[id]];
}

unsigned vocab_flags(const vocab *v, int32_t id)
{
	return id < 0 || (size_t)id >= v->n ? 0 : v->slots[v->by_id[id]].flags;
}

void vocab_free(vocab *v)
{
	if (v->mapped) {
		*v = (vocab){0};
		return;
	}
	free(v->tags);
	free(v->slots);
	free(v->by_id);
	free(v->shortw);
	buf_free(&v->pool);
	*v = (vocab){0};
}
