/* normalize.c: the first stage of analysis. Turns the analysed text into a
 * canonical form for matching (NFKC, full case folding, default-ignorable
 * code points such as zero-width joiners, soft hyphens and bidi controls
 * removed, curly quotes and dashes folded to ASCII, HTML character
 * references read as the character they stand for) and keeps a map back to
 * the original bytes. ASCII runs, most of any e-mail, skip utf8proc: they
 * are only lower-cased. Feeds the tokenizer (token.c). */
#include "normalize.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <utf8proc.h>

int32_t normalize_fold_punct(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0xFF07:
	case 0x0060: case 0x00B4:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
	case 0xFF02:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
	case 0xFE58: case 0xFE63: case 0xFF0D:
		return '-';
	case 0x2026:
		return 0x2026; /* NFKC makes "..." of it, which is what we want */
	default:
		return cp;
	}
}

static void add_run(ntext *nt, size_t norm, size_t orig, size_t nlen, size_t olen, bool ident)
{
	if (!nlen)
		return;
	if (ident && nt->nruns) {
		nrun *last = &nt->runs[nt->nruns - 1];
		if (last->ident && last->norm + last->nlen == norm && last->orig + last->olen == orig) {
			last->nlen += (uint32_t)nlen;
			last->olen += (uint32_t)olen;
			return;
		}
	}
	VEC_RESERVE(nt->runs, nt->capruns, nt->nruns + 1);
	nt->runs[nt->nruns++] = (nrun){(uint32_t)norm, (uint32_t)orig, (uint32_t)nlen, (uint32_t)olen, ident};
}

/* Is cp already in its normalized, case-folded form on its own? */
static bool simple_cp(const utf8proc_property_t *p)
{
	return p->decomp_type == 0 && p->decomp_seqindex == UINT16_MAX && p->casefold_seqindex == UINT16_MAX &&
	       !p->ignorable && p->combining_class == 0;
}

/* Normalize the segment s[0..n) (a starter and its marks) into out. */
static void slow_segment(ntext *nt, const unsigned char *s, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		i += (size_t)k;
		if (cp < 0)
			cp = 0xFFFD;
		cp = normalize_fold_punct(cp);
		for (;;) {
			VEC_RESERVE(nt->u32, nt->capu32, len + 32);
			int last = 0;
			utf8proc_ssize_t r = utf8proc_decompose_char(
				cp, nt->u32 + len, (utf8proc_ssize_t)(nt->capu32 - len),
				UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
					UTF8PROC_STABLE,
				&last);
			if (r < 0)
				break;
			if ((size_t)r <= nt->capu32 - len) {
				len += (size_t)r;
				break;
			}
			VEC_RESERVE(nt->u32, nt->capu32, len + (size_t)r);
		}
	}
	if (!len)
		return;
	utf8proc_ssize_t m = utf8proc_normalize_utf32(nt->u32, (utf8proc_ssize_t)len,
						      UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (m < 0)
		m = (utf8proc_ssize_t)len;
	for (utf8proc_ssize_t j = 0; j < m; j++) {
		unsigned char tmp[4];
		/* folding after decomposition can expose more punctuation */
		int32_t c = normalize_fold_punct(nt->u32[j]);
		int k = utf8_encode(c, tmp);
		buf_add(&nt->out, tmp, (size_t)k);
	}
}

/* A starter on its own (no marks after it) always normalizes the same
 * way: cache the result per code point for the scripts most mail uses
 * (Latin, Greek, Cyrillic, Hebrew, Arabic..., and general punctuation),
 * in the ntext (one per analyzer), filled on first use. */
#define CP_CACHE 0x2100
typedef struct cp_entry {
	uint8_t len; /* 0: not known yet; 0xFF: longer than fits */
	char out[7];
} cp_entry;

static const cp_entry *cached_cp(ntext *nt, int32_t cp, const unsigned char *s, size_t k)
{
	if (cp < 0x80 || cp >= CP_CACHE)
		return NULL;
	if (!nt->cpc)
		nt->cpc = xcalloc(CP_CACHE, sizeof *nt->cpc);
	cp_entry *e = &nt->cpc[cp];
	if (!e->len) {
		size_t at = nt->out.len;
		slow_segment(nt, s, k);
		size_t n = nt->out.len - at;
		if (n == 0 || n > sizeof e->out) {
			e->len = 0xFF;
		} else {
			memcpy(e->out, nt->out.ptr + at, n);
			e->len = (uint8_t)n;
		}
		nt->out.len = at; /* the caller appends it */
		nt->out.ptr[at] = '\0';
	}
	return e->len == 0xFF ? NULL : e;
}

/* What the two-byte code points (U+0080..U+07FF: Latin, Greek, Cyrillic,
 * Hebrew, Arabic...) are, for the fast path: a simple starter is copied as
 * it is, like ASCII. Each is worked out from utf8proc the first time a
 * text holds it (all 1,920 at once were 5 % of start-up, for runs that
 * mostly meet none); threads that meet it together store the same value. */
enum { CP2_UNKNOWN, CP2_OTHER, CP2_SIMPLE, CP2_MARK };
static _Atomic uint8_t cp2_class[0x800];

static int cp2_of(int32_t cp)
{
	int c = atomic_load_explicit(&cp2_class[cp], memory_order_relaxed);
	if (c != CP2_UNKNOWN)
		return c;
	ntext tmp = {0};
	unsigned char u[2];
	utf8_encode(cp, u);
	slow_segment(&tmp, u, 2);
	bool same = tmp.out.len == 2 && !memcmp(tmp.out.ptr, u, 2); /* é: NFKC composes it back */
	ntext_free(&tmp);
	c = utf8proc_get_property(cp)->combining_class ? CP2_MARK : same ? CP2_SIMPLE : CP2_OTHER;
	atomic_store_explicit(&cp2_class[cp], (uint8_t)c, memory_order_relaxed);
	return c;
}

/* Is the code point at s[i] a combining mark? */
static bool mark_at(const unsigned char *s, size_t n, size_t i)
{
	int32_t cp;
	utf8_decode(s + i, n - i, &cp);
	if (cp < 0)
		return false;
	return cp < 0x800 ? cp2_of(cp) == CP2_MARK : utf8proc_get_property(cp)->combining_class != 0;
}

/* An HTML character reference at s[i] (s[i] == '&'): its length, with the
 * code point it stands for in *cp, or 0. Text that went through HTML
 * escaping on its way (tweets from Twitter's API, help-desk exports) holds
 * "AT&amp;T", "&gt;:(" and "&#39;"; the named references are the few such
 * text uses. */
static size_t char_ref(const unsigned char *s, size_t n, size_t i, int32_t *cp)
{
	static const struct {
		char name[8];
		int32_t cp;
	} named[] = {{"amp", '&'},     {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
		     {"apos", '\''},   {"nbsp", 0xA0},     {"hellip", 0x2026}, {"rsquo", 0x2019},
		     {"lsquo", 0x2018}, {"rdquo", 0x201D},  {"ldquo", 0x201C},  {"mdash", 0x2014},
		     {"ndash", 0x2013}, {"pound", 0xA3},    {"euro", 0x20AC}};
	size_t j = i + 1;
	if (j < n && s[j] == '#') {
		bool hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
		j += 1 + hex;
		int32_t v = 0;
		size_t d0 = j;
		for (; j < n && j - d0 < 7; j++) {
			int dv = ascii_digit(s[j]) ? s[j] - '0'
				 : hex && ascii_alpha(s[j]) && ascii_tolower(s[j]) <= 'f' ? ascii_tolower(s[j]) - 'a' + 10
											  : -1;
			if (dv < 0)
				break;
			v = v * (hex ? 16 : 10) + dv;
		}
		if (j == d0 || j >= n || s[j] != ';' || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ||
		    (v < 0x20 && v != '\t' && v != '\n') || (v >= 0x7F && v < 0xA0))
			return 0;
		*cp = v;
		return j + 1 - i;
	}
	for (size_t k = 0; k < ARRAY_LEN(named); k++) {
		size_t l = strlen(named[k].name);
		if (j + l < n && s[j + l] == ';' && !memcmp(s + j, named[k].name, l)) {
			*cp = named[k].cp;
			return l + 2;
		}
	}
	return 0;
}

/* The offset of the next '&' at or after i, or n. */
static size_t next_amp(const unsigned char *s, size_t n, size_t i)
{
	const unsigned char *a = i < n ? memchr(s + i, '&', n - i) : NULL;
	return a ? (size_t)(a - s) : n;
}

void normalize(ntext *nt, const char *src, size_t n)
{
	const unsigned char *s = (const unsigned char *)src;
	buf_clear(&nt->out);
	buf_reserve(&nt->out, n + 16);
	nt->nruns = 0;
	size_t i = 0;
	size_t amp = next_amp(s, n, 0); /* the next '&', or n: identity runs stop there */
	while (i < n) {
		/* identity run: ASCII lower-cased (8 bytes at a time where it
		 * can), and two-byte code points already in normal form */
		size_t start = i, oat = nt->out.len;
		buf_reserve(&nt->out, n - i);
		char *o = nt->out.ptr + oat; /* o[k - start] is the copy of s[k] */
		int32_t ref = 0;
		size_t reflen = 0;
		for (;;) {
			if (i == amp) {
				if (i >= n)
					break;
				if ((reflen = char_ref(s, n, i, &ref)) != 0)
					break;
				o[i - start] = '&'; /* a plain ampersand */
				amp = next_amp(s, n, ++i);
				continue;
			}
			for (; i + 8 <= amp; i += 8) {
				uint64_t x;
				memcpy(&x, s + i, 8);
				if (x & 0x8080808080808080ull)
					break;
				/* bytes in 'A'..'Z' get 0x20 added, with no carries:
				 * every byte is below 0x80 */
				uint64_t ge_a = (x + 0x3F3F3F3F3F3F3F3Full) & 0x8080808080808080ull; /* >= 'A' */
				uint64_t gt_z = (x + 0x2525252525252525ull) & 0x8080808080808080ull; /* > 'Z' */
				x |= (ge_a & ~gt_z) >> 2;
				memcpy(o + (i - start), &x, 8);
			}
			if (i == amp)
				continue;
			unsigned char c = s[i];
			if (c < 0x80) {
				o[i - start] = (char)ascii_tolower(c);
				i++;
			} else if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80 &&
				   cp2_of((c & 0x1F) << 6 | (s[i + 1] & 0x3F)) == CP2_SIMPLE) {
				o[i - start] = (char)c;
				o[i - start + 1] = (char)s[i + 1];
				i += 2;
			} else {
				break;
			}
		}
		/* a character followed by a combining mark belongs to the mark's
		 * segment */
		if (i < n && i > start && mark_at(s, n, i)) {
			do
				i--;
			while (i > start && (s[i] & 0xC0) == 0x80);
		}
		if (i > start) {
			nt->out.len += i - start;
			nt->out.ptr[nt->out.len] = '\0';
			add_run(nt, oat, start, i - start, i - start, true);
		}
		if (i >= n)
			break;
		if (reflen) {
			size_t at = nt->out.len;
			if (ref < 0x80) {
				buf_addc(&nt->out, (char)ascii_tolower(ref));
			} else {
				unsigned char u[4];
				slow_segment(nt, u, (size_t)utf8_encode(ref, u));
			}
			add_run(nt, at, i, nt->out.len - at, reflen, false);
			i += reflen;
			amp = next_amp(s, n, i);
			continue;
		}
		/* one segment: a starter and the marks after it */
		size_t seg = i;
		int32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		i += (size_t)k;
		while (i < n && s[i] >= 0x80 && mark_at(s, n, i)) {
			int32_t c2;
			i += (size_t)utf8_decode(s + i, n - i, &c2);
		}
		size_t at = nt->out.len;
		const cp_entry *ce;
		if (i - seg == (size_t)k && cp >= 0x80 && simple_cp(utf8proc_get_property(cp)) &&
		    normalize_fold_punct(cp) == cp) {
			buf_add(&nt->out, s + seg, (size_t)k);
			add_run(nt, at, seg, (size_t)k, (size_t)k, true);
		} else if (i - seg == (size_t)k && (ce = cached_cp(nt, cp, s + seg, (size_t)k)) != NULL) {
			buf_add(&nt->out, ce->out, ce->len);
			add_run(nt, at, seg, ce->len, (size_t)k, ce->len == (size_t)k && !memcmp(ce->out, s + seg, (size_t)k));
		} else {
			slow_segment(nt, s + seg, i - seg);
			add_run(nt, at, seg, nt->out.len - at, i - seg, false);
		}
	}
}

void ntext_free(ntext *nt)
{
	buf_free(&nt->out);
	free(nt->runs);
	free(nt->u32);
	free(nt->cpc);
	*nt = (ntext){0};
}

static size_t find_run(const ntext *nt, size_t off, size_t *hint)
{
	size_t r = *hint < nt->nruns ? *hint : 0;
	if (nt->runs[r].norm > off)
		r = 0;
	/* sequential callers move forward a little; others binary search */
	for (size_t steps = 0; r < nt->nruns && steps < 8; steps++, r++)
		if (off < nt->runs[r].norm + nt->runs[r].nlen)
			return *hint = r;
	size_t lo = 0, hi = nt->nruns;
	while (lo + 1 < hi) {
		size_t mid = (lo + hi) / 2;
		if (nt->runs[mid].norm <= off)
			lo = mid;
		else
			hi = mid;
	}
	return *hint = lo;
}

void ntext_orig_range(const ntext *nt, size_t a, size_t b, size_t *hint, size_t *oa, size_t *ob)
{
	if (!nt->nruns) {
		*oa = *ob = 0;
		return;
	}
	/* In an identity run normalized and original bytes are the same
	 * (but for ASCII case), so a range is widened to whole code points by
	 * looking at the normalized bytes. */
	const unsigned char *s = (const unsigned char *)nt->out.ptr;
	const nrun *r = &nt->runs[find_run(nt, a, hint)];
	if (r->ident) {
		while (a > r->norm && (s[a] & 0xC0) == 0x80)
			a--;
		*oa = r->orig + (a - r->norm);
	} else {
		*oa = r->orig;
	}
	size_t h2 = *hint;
	r = &nt->runs[find_run(nt, b - 1, &h2)];
	if (r->ident) {
		while (b < r->norm + r->nlen && (s[b] & 0xC0) == 0x80)
			b++;
		*ob = r->orig + (b - r->norm);
	} else {
		*ob = r->orig + r->olen;
	}
}
