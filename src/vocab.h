/* vocab.h: the word table. Every word any lexicon pattern uses, and their
 * inflected forms, get a dense id; tokens are looked up once and matched
 * by id. Private to libtact. */
#ifndef TACT_VOCAB_H
#define TACT_VOCAB_H

#include "util.h"

enum {
	VF_INNOCENT = 1 << 0, /* a word a substring match must not fire inside */
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
	bool mapped;     /* the arrays are in the matcher's cache mapping */
} vocab;

/* vocab.c */
/* The id of w, added when new. */
int32_t vocab_add(vocab *v, const char *w, size_t n);
/* Add form as an inflection of base (unless it already has a lemma). */
void vocab_add_form(vocab *v, const char *form, size_t n, int32_t base);
const vslot *vocab_find(const vocab *v, const char *w, size_t n);
const char *vocab_word(const vocab *v, int32_t id, size_t *len);
vslot *vocab_slot(vocab *v, int32_t id);
void vocab_free(vocab *v);

static inline uint32_t vocab_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h ? h : 1;
}

/* inflect.c */
/* Call fn for each inflected form of the English word w: plural and third
 * person, past, participles, possessive; doubled final consonants both
 * ways (canceled, cancelled) and common irregular verbs. */
void inflect(const char *w, size_t n, void (*fn)(const char *form, size_t len, void *ctx), void *ctx);

#endif
