/* vocab.h: the word table. Every word any lexicon pattern uses, and their
 * inflected forms, get a dense id; tokens are looked up once and matched
 * by id. Private to libtact. */
#ifndef TACT_VOCAB_H
#define TACT_VOCAB_H

#include "util.h"

enum {
	VF_INNOCENT = 1 << 0, /* a word a substring match must not fire inside */
	VF_NOSUB = 1 << 1,    /* no substring entry occurs inside the word */
	VF_SPELLED = 1 << 2,  /* a word the spelling check accepts (cue.spelling) */
	VF_UPSET = 1 << 3,    /* an emoji of frustration (cue.emoji) */
	VF_FOREIGN = 1 << 4,  /* a word of another language, rare in this one (cue.foreign) */
};

typedef struct {
	uint32_t hash, off;
	uint16_t len, flags;
	int32_t id;   /* 0-based, dense; -1 marks an empty slot */
	int32_t base; /* lemma id for an inflected form, else id */
} vslot;

typedef struct {
	vslot *slots;
	size_t cap, n;  /* cap is a power of two */
	buf pool;       /* the words, NUL-separated */
	uint32_t *by_id; /* slot index of each id */
	size_t capids;
	uint32_t *shortw; /* words of one to three letters a-z, two in five
			     tokens of text, found without hashing: slot index
			     + 1 at vocab_short_index() of the word (0: none);
			     VOCAB_NSHORT entries */
	uint16_t *tags;  /* per slot: 0 empty, else some bits of the hash
			    (vocab_tags()), so a lookup of a word not in
			    the table, most words of text, reads 2 bytes
			    per probe instead of a slot; NULL until built */
	bool mapped;     /* the arrays are in the matcher's cache mapping */
} vocab;

enum { VOCAB_NSHORT = 26 + 26 * 26 + 26 * 26 * 26 };

/* The index of w in vocab.shortw, or -1 when it is not one to three
 * letters a-z. */
static inline int vocab_short_index(const char *w, size_t n)
{
	if (n - 1 > 2) /* n == 0 wraps */
		return -1;
	unsigned k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)w[i] - 'a';
		if (c >= 26)
			return -1;
		k = k * 26 + c;
	}
	return (int)(k + (n == 1 ? 0 : n == 2 ? 26 : 26 + 26 * 26));
}

/* vocab.c */
/* The id of w, added when new. */
int32_t vocab_add(vocab *v, const char *w, size_t n);
/* Add form as an inflection of base (unless it already has a lemma). */
void vocab_add_form(vocab *v, const char *form, size_t n, int32_t base);
/* The slot of w, or NULL, through the hash table (vocab_find() below
 * tries the short-word table first). */
const vslot *vocab_find_hashed(const vocab *v, const char *w, size_t n);
/* Build v->tags once the table is complete (it is read-only after). */
void vocab_tags(vocab *v);
const char *vocab_word(const vocab *v, int32_t id, size_t *len);
vslot *vocab_slot(vocab *v, int32_t id);
/* The VF_ flags of word id; 0 for id -1 (a word no lexicon uses). */
unsigned vocab_flags(const vocab *v, int32_t id);
void vocab_free(vocab *v);

/* Eight bytes at a time: words are looked up once per token. */
static inline uint32_t vocab_hash(const char *s, size_t n)
{
	uint64_t h = 0x243F6A8885A308D3ull ^ n;
	for (; n >= 8; s += 8, n -= 8) {
		uint64_t x;
		memcpy(&x, s, 8);
		h = (h ^ x) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	if (n) { /* 1..7 bytes: two overlapping loads, or three bytes */
		uint64_t x;
		if (n >= 4) {
			uint32_t lo, hi;
			memcpy(&lo, s, 4);
			memcpy(&hi, s + n - 4, 4);
			x = lo | (uint64_t)hi << 32;
		} else {
			x = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
			    (uint64_t)(unsigned char)s[n - 1] << 16;
		}
		h = (h ^ x) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	uint32_t r = (uint32_t)(h ^ (h >> 32));
	return r ? r : 1;
}

/* The slot of w, or NULL. Once per token: a short word without a call. */
static inline const vslot *vocab_find(const vocab *v, const char *w, size_t n)
{
	int k = vocab_short_index(w, n);
	if (k >= 0 && v->shortw)
		return v->shortw[k] ? &v->slots[v->shortw[k] - 1] : NULL;
	return vocab_find_hashed(v, w, n);
}

/* inflect.c */
/* Call fn for each inflected form of the English word w: plural and third
 * person, past, participles, possessive; doubled final consonants both
 * ways (canceled, cancelled) and common irregular verbs. */
void inflect(const char *w, size_t n, void (*fn)(const char *form, size_t len, void *ctx), void *ctx);

#endif
