/* util.c: the small things every stage needs: allocation that cannot fail,
 * growable buffers, UTF-8 decoding with maximal-subpart replacement, and
 * locale-free ASCII helpers, a symbol from a library loaded at run time. */
#include "util.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static void oom(size_t n)
{
	fprintf(stderr, "tact: out of memory allocating %zu bytes\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		oom(SIZE_MAX);
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void set_err(char **err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	*err = xvasprintf(fmt, ap);
	va_end(ap);
}

void buf_grow(buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t nc = b->cap ? b->cap : 64;
	while (nc < need)
		nc = nc > SIZE_MAX / 2 ? need : nc * 2;
	b->ptr = xrealloc(b->ptr, nc);
	b->cap = nc;
	b->ptr[b->len] = '\0'; /* a buffer is a C string even before the first append */
}

void buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n > 0) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
		b->len += (size_t)n;
	}
	va_end(ap);
}

void buf_free(buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}

char *buf_steal(buf *b)
{
	char *p = b->ptr ? b->ptr : xstrdup("");
	b->ptr = NULL;
	b->len = b->cap = 0;
	return p;
}

/* Table 3-7 of the Unicode standard: well-formed byte sequences. */
int utf8_decode_slow(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	int len;
	int32_t v;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*cp = -1;
		return 1;
	}
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n || s[i] < lo || s[i] > hi) {
			*cp = -1;
			return i; /* maximal subpart: the bytes consumed so far */
		}
		v = (v << 6) | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return len;
}

int utf8_encode(int32_t cp, unsigned char *out)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xE0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (unsigned char)(0xF0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		/* ASCII fast path, 8 bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, u + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		/* the bytes before a non-ASCII one, or the last few */
		while (i < n && u[i] < 0x80)
			i++;
		if (i >= n)
			break;
		int32_t cp;
		int k = utf8_decode(u + i, n - i, &cp);
		if (cp < 0)
			return i;
		i += (size_t)k;
	}
	return n;
}

size_t utf8_sanitize_into(buf *b, const char *s, size_t n)
{
	static const char repl[] = "\xEF\xBF\xBD";
	size_t fixes = 0;
	buf_reserve(b, n);
	while (n) {
		size_t ok = utf8_valid_prefix(s, n);
		buf_add(b, s, ok);
		s += ok;
		n -= ok;
		if (!n)
			break;
		int32_t cp;
		int k = utf8_decode((const unsigned char *)s, n, &cp);
		buf_add(b, repl, 3);
		fixes++;
		s += k;
		n -= (size_t)k;
	}
	return fixes;
}

void utf8_count(const char *s, size_t n, size_t *cps, size_t *u16)
{
	size_t c = 0, u = 0;
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = p[i];
		if ((b & 0xC0) != 0x80) {
			c++;
			u += (b >= 0xF0) ? 2 : 1;
		}
	}
	*cps = c;
	*u16 = u;
}

bool ascii_strieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (ascii_tolower((unsigned char)*a) != ascii_tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

bool ascii_memieq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		/* most bytes compared are equal as they are: no case folding */
		if (x != y && ascii_tolower(x) != ascii_tolower(y))
			return false;
	}
	return true;
}

bool ascii_prefix_ci(const char *s, size_t n, const char *p)
{
	/* no strlen: most calls differ at the first byte */
	for (size_t i = 0; p[i]; i++)
		if (i >= n || ascii_tolower((unsigned char)s[i]) != ascii_tolower((unsigned char)p[i]))
			return false;
	return true;
}

bool parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-')
		return false;
	unsigned long long mul = 1;
	switch (*end) {
	case '\0':
		break;
	case 'k': case 'K':
		mul = 1ULL << 10;
		end++;
		break;
	case 'm': case 'M':
		mul = 1ULL << 20;
		end++;
		break;
	case 'g': case 'G':
		mul = 1ULL << 30;
		end++;
		break;
	default:
		return false;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end || (v && mul > SIZE_MAX / v))
		return false;
	*out = (size_t)(v * mul);
	return true;
}

void wordlists_build(wordlists *ws, const char *const *const *lists, size_t nlists)
{
	size_t used = 0;
	if (nlists > 32)
		abort();
	for (size_t l = 0; l < nlists; l++)
		for (const char *const *w = lists[l]; *w; w++) {
			size_t n = strlen(*w), i = hash_bytes(*w, n) & (WORDLISTS_SLOTS - 1);
			while (ws->slot[i].w && !(ws->slot[i].n == n && !memcmp(ws->slot[i].w, *w, n)))
				i = (i + 1) & (WORDLISTS_SLOTS - 1);
			if (!ws->slot[i].w) {
				if (++used > WORDLISTS_SLOTS / 2)
					abort(); /* a programming error: more room, or fewer words */
				ws->slot[i] = (struct wordslot){*w, (uint32_t)n, 0};
			}
			ws->slot[i].bits |= (uint32_t)1 << l;
		}
}

/* dlsym() into a function pointer: POSIX guarantees the two have one
 * representation, ISO C has no conversion between them, so copy the bytes. */
bool dl_sym(void *lib, const char *name, void *fn, size_t size)
{
	void *p = dlsym(lib, name);
	if (!p || size != sizeof p)
		return false;
	memcpy(fn, &p, sizeof p);
	return true;
}
