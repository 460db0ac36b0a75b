/* util.h: allocation, growable buffers, UTF-8 helpers and hashing shared by
 * every stage. Private to libtact. */
#ifndef TACT_UTIL_H
#define TACT_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
/* for a hot path's helpers that GCC stops inlining once called twice */
#define ALWAYS_INLINE inline __attribute__((always_inline))
/* for a rarer path that would crowd a hot loop's registers */
#define NOINLINE __attribute__((noinline))
#else
#define PRINTF_LIKE(f, a)
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#define ALWAYS_INLINE inline
#define NOINLINE
#endif

/* util.c: allocation that aborts on exhaustion (statuses are for problems a
 * user can fix, not for malloc failing). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap);
/* *err = the formatted message (the caller frees it), when err is not NULL. */
void set_err(char **err, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Grow the array *p of *cap elements of size sz so that it holds at least
 * need elements. */
#define VEC_RESERVE(p, cap, need)                                              \
	do {                                                                   \
		if ((size_t)(need) > (cap)) {                                  \
			size_t nc_ = (cap) ? (cap) * 2 : 8;                    \
			while (nc_ < (size_t)(need))                           \
				nc_ *= 2;                                      \
			(p) = xreallocarray((p), nc_, sizeof *(p));            \
			(cap) = nc_;                                           \
		}                                                              \
	} while (0)

/* A growable byte buffer. Always NUL-terminated after any append, so ptr can
 * be used as a C string when the content has no NUL. */
typedef struct {
	char *ptr;
	size_t len, cap;
} buf;

/* Room for extra more bytes and the NUL. */
void buf_grow(buf *b, size_t extra);
static inline void buf_reserve(buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
		buf_grow(b, extra);
}
static inline void buf_add(buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}
static inline void buf_addc(buf *b, char c)
{
	buf_reserve(b, 1);
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
}
static inline void buf_adds(buf *b, const char *s) { buf_add(b, s, strlen(s)); }
void buf_printf(buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Empty b, keeping its memory (inline: a few calls a message). */
static inline void buf_clear(buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}
void buf_free(buf *b);
/* Transfer ownership of the content to the caller (never NULL). */
char *buf_steal(buf *b);

/* UTF-8. */
/* Decode one code point at s (n bytes available). Returns its length in
 * bytes (1..4) and stores it in *cp; on an invalid or truncated sequence
 * returns the length of the maximal invalid subpart (>= 1) and stores -1. */
int utf8_decode_slow(const unsigned char *s, size_t n, int32_t *cp);
static inline int utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned char c = s[0];
	if (LIKELY(c < 0x80)) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) { /* Latin, Greek, Cyrillic... */
		*cp = (int32_t)((c & 0x1Fu) << 6 | (s[1] & 0x3Fu));
		return 2;
	}
	return utf8_decode_slow(s, n, cp);
}
/* Encode cp (valid scalar) into out (4 bytes); returns its length. */
int utf8_encode(int32_t cp, unsigned char *out);
/* Length of the valid UTF-8 prefix of s. */
size_t utf8_valid_prefix(const char *s, size_t n);
/* Append s to b, replacing each maximal invalid subsequence by U+FFFD (the
 * W3C/Unicode "substitution of maximal subparts" practice). Returns the
 * number of replacements made. */
size_t utf8_sanitize_into(buf *b, const char *s, size_t n);
/* Number of code points and UTF-16 units in s (valid UTF-8). */
void utf8_count(const char *s, size_t n, size_t *cps, size_t *u16);

/* FNV-1a 64 bit; good enough for the word tables (keys are short). */
static inline uint64_t hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* ASCII classification without locale. */
static inline bool ascii_alpha(unsigned char c) { return (unsigned)((c | 0x20) - 'a') < 26; }
static inline bool ascii_digit(unsigned char c) { return (unsigned)(c - '0') < 10; }
static inline bool ascii_alnum(unsigned char c) { return ascii_alpha(c) || ascii_digit(c); }
static inline bool ascii_upper(unsigned char c) { return (unsigned)(c - 'A') < 26; }
static inline bool ascii_lower(unsigned char c) { return (unsigned)(c - 'a') < 26; }
static inline unsigned char ascii_tolower(unsigned char c) { return ascii_upper(c) ? c + 32 : c; }
static inline bool ascii_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Case-insensitive ASCII comparisons. */
bool ascii_strieq(const char *a, const char *b);
bool ascii_memieq(const char *a, const char *b, size_t n);
/* Does s (n bytes) start with the C string p, ignoring ASCII case? */
bool ascii_prefix_ci(const char *s, size_t n, const char *p);
/* The n bytes at s are the string w; one of the strings of a NULL-ended
 * list. No strlen: most comparisons end at the first byte. */
static inline bool bytes_are(const char *s, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != w[i] || !w[i])
			return false;
	return w[n] == '\0';
}
static inline bool bytes_in(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (bytes_are(s, n, *list))
			return true;
	return false;
}

/* Word lists looked up at once: which of up to 32 NULL-ended lists hold
 * the n bytes at s, in one hash probe where bytes_in() compares with every
 * word of one list in turn (lists of 100 words sit on hot paths). The
 * lists are fixed, so the table is a fixed array: build it once, before
 * any lookup (pthread_once), and never free it. wordlists_build() aborts
 * when the lists hold more words than it has room for. */
#define WORDLISTS_SLOTS 2048
typedef struct {
	struct wordslot {
		const char *w; /* NULL: empty */
		uint32_t n, bits;
	} slot[WORDLISTS_SLOTS];
} wordlists;
void wordlists_build(wordlists *ws, const char *const *const *lists, size_t nlists);
static inline uint32_t wordlists_bits(const wordlists *ws, const char *s, size_t n)
{
	for (size_t i = hash_bytes(s, n) & (WORDLISTS_SLOTS - 1);; i = (i + 1) & (WORDLISTS_SLOTS - 1)) {
		const struct wordslot *sl = &ws->slot[i];
		if (!sl->w)
			return 0;
		if (sl->n == n && !memcmp(sl->w, s, n))
			return sl->bits;
	}
}

/* Parse a decimal size with optional k/M/G suffix; false when malformed. */
bool parse_size(const char *s, size_t *out);
/* The symbol @p name of the dlopen() handle @p lib into the function
 * pointer at @p fn (of @p size bytes); false when it is missing. */
bool dl_sym(void *lib, const char *name, void *fn, size_t size);

#endif
