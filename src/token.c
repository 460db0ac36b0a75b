/* token.c: the second stage of analysis. Splits normalized text (from
 * normalize.c) into words, numbers, URLs, e-mail addresses, @handles,
 * emoji and punctuation; marks sentences, clauses, quotation and the
 * original case of each token; and joins letters spelled out with
 * separators ("f u c k", "i.d.i.o.t") into a virtual token, a second view
 * that never replaces the first. Feeds the matcher (pattern.c). */
#include "token.h"

#include <pthread.h>
#include <stdlib.h>
#include <utf8proc.h>

enum cc {
	C_SPACE,
	C_NL,
	C_LETTER,
	C_DIGIT,
	C_MARK,
	C_APOS,
	C_MASK, /* * $ @ ! # _ ^ : letters in disguise or masks inside a word */
	C_PUNCT,
	C_EMOJI,
};

static unsigned char ascii_cc[128];
static unsigned char ascii_case[128]; /* bit 0: a letter; bit 1: upper case */
/* the same for the two-byte code points U+0080..U+07FF */
static unsigned char cp2_cc[0x800], cp2_case[0x800];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static enum cc category_cc(int32_t cp);
static unsigned category_case(int32_t cp);

static void init_table(void)
{
	for (int32_t cp = 0x80; cp < 0x800; cp++) {
		cp2_cc[cp] = (unsigned char)category_cc(cp);
		cp2_case[cp] = (unsigned char)category_case(cp);
	}
	for (int c = 0; c < 128; c++) {
		ascii_case[c] = (unsigned char)(ascii_alpha((unsigned char)c) | (ascii_upper((unsigned char)c) << 1));
		enum cc k = C_PUNCT;
		if (c == '\n')
			k = C_NL;
		else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0)
			k = C_SPACE;
		else if (c < 0x20 || c == 0x7F)
			k = C_SPACE;
		else if (ascii_alpha((unsigned char)c))
			k = C_LETTER;
		else if (ascii_digit((unsigned char)c))
			k = C_DIGIT;
		else if (c == '\'')
			k = C_APOS;
		else if (strchr("*$@!#_^", c))
			k = C_MASK;
		ascii_cc[c] = (unsigned char)k;
	}
}

/* Does a character of class c belong in a run of word characters? */
static inline bool word_cc(enum cc c)
{
	return (1u << c) & (1u << C_LETTER | 1u << C_DIGIT | 1u << C_MARK | 1u << C_APOS | 1u << C_MASK);
}

static enum cc cclass_slow(const unsigned char *s, size_t n, size_t i, int *len);

/* Class of the character at s[i]; *len its byte length. */
static inline enum cc cclass(const unsigned char *s, size_t n, size_t i, int *len)
{
	if (LIKELY(s[i] < 0x80)) {
		*len = 1;
		return (enum cc)ascii_cc[s[i]];
	}
	int l; /* not len: its address would keep the caller's in memory */
	enum cc c = cclass_slow(s, n, i, &l);
	*len = l;
	return c;
}

static enum cc cclass_slow(const unsigned char *s, size_t n, size_t i, int *len)
{
	int32_t cp;
	*len = utf8_decode(s + i, n - i, &cp);
	if (cp < 0)
		return C_PUNCT;
	if (cp < 0x800)
		return (enum cc)cp2_cc[cp];
	return category_cc(cp);
}

/* Bit 0: a letter; bit 1: upper or title case. */
static unsigned category_case(int32_t cp)
{
	utf8proc_category_t cat = utf8proc_category(cp);
	bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
	bool up = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
	return (unsigned)letter | (unsigned)up << 1;
}

static enum cc category_cc(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
		return C_LETTER;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
		return C_SPACE;
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
		return C_NL;
	case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_SK:
		return C_EMOJI;
	case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
		return C_SPACE;
	default:
		return C_PUNCT;
	}
}

typedef struct {
	tokens *ts;
	const ntext *nt;
	const unsigned char *s;   /* normalized text */
	size_t n;
	const unsigned char *orig;
	size_t on;                /* its length */
	size_t hint;              /* run hint for the offset map */
	size_t rn, re, ro;        /* run `hint` when it is the identity: its
				     normalized range [rn, re) starts at ro
				     in the original; else rn > re */
	uint32_t sent, clause;
	uint16_t pending;         /* flags for the next token */
	bool dquote, squote;      /* inside "..." or '...' */
	size_t qfrom, qend;       /* quote_closes(): the last scan's answer
				     holds for starts in [qfrom, qend) */
	bool qclosed;
	bool sent_open;           /* a token was seen in this sentence */
	size_t sent_first;        /* its first token's index in ts->t */
	bool prev_wd, word_run;   /* the sentence before was words each with a
				     full stop; two such in a row were seen */
	bool dotted;              /* a '.' between two letters: join_dotted() */
} tz;

/* TF_LOOKALIKE for the ASCII letters o[a, b), uppers of them capitals,
 * when one letter against the case of the rest is an l among capitals or
 * an I among small letters ("FUCKlNG", "fooI"); else 0. */
static inline uint16_t lookalike_flag(const unsigned char *o, size_t a, size_t b, unsigned uppers)
{
	size_t n = b - a;
	if (n < 4 || !(uppers + 1 == n || (uppers == 1 && !ascii_upper(o[a]))))
		return 0;
	bool small = uppers == 1; /* the odd one out is the capital */
	for (size_t k = a; k < b; k++)
		if (ascii_upper(o[k]) == small)
			return o[k] == (small ? 'I' : 'l') ? TF_LOOKALIKE : 0;
	return 0;
}

/* The case of a word whose original o[a, b) is the letters a-z in either
 * case, a capital with its 0x20 bit clear: sets *uppers, returns what
 * applies of TF_CAPITAL, TF_ALLCAPS and TF_LOOKALIKE. on: o's length.
 * Eight letters at a time. */
static inline uint16_t plain_case(const unsigned char *o, size_t a, size_t b, size_t on, unsigned *uppers)
{
	const uint64_t bit = 0x2020202020202020ull, ones = 0x0101010101010101ull;
	size_t n = b - a;
	unsigned caps = 0;
	uint64_t w = 0;
	if (n <= 8 && a + 8 <= on) { /* the bytes after the word shifted out */
		memcpy(&w, o + a, 8);
		w = (~w & bit) << (64 - 8 * n);
	} else if (b >= 8) { /* then the last eight, those counted shifted out */
		size_t k = a;
		for (; k + 8 < b; k += 8) {
			memcpy(&w, o + k, 8);
			caps += (unsigned)((((~w & bit) >> 5) * ones) >> 56);
		}
		memcpy(&w, o + b - 8, 8);
		w = (~w & bit) >> (8 * (8 - (b - k)));
	} else {
		for (size_t k = a; k < b; k++)
			caps += !(o[k] & 0x20);
	}
	caps += (unsigned)(((w >> 5) * ones) >> 56); /* 0 or 1 a byte, summed */
	*uppers = caps;
	uint16_t f = 0;
	if (caps && !(o[a] & 0x20))
		f |= TF_CAPITAL;
	if (n >= 2 && caps == n)
		f |= TF_ALLCAPS;
	return f | lookalike_flag(o, a, b, caps);
}

static void case_info(const unsigned char *o, size_t a, size_t b, token *t)
{
	unsigned letters = 0, uppers = 0;
	bool first_upper = false, first = true;
	size_t i = a;
	while (i < b && o[i] < 0x80) { /* ASCII, the common case */
		unsigned k = ascii_case[o[i++]];
		if (first && k) {
			first_upper = k >> 1;
			first = false;
		}
		letters += k & 1;
		uppers += k >> 1;
	}
	while (i < b) {
		unsigned char c = o[i];
		bool up = false, letter = false;
		if (c < 0x80) {
			letter = ascii_alpha(c);
			up = ascii_upper(c);
			i++;
		} else {
			int32_t cp;
			int k = utf8_decode(o + i, b - i, &cp);
			i += (size_t)k;
			if (cp >= 0) {
				unsigned cs = cp < 0x800 ? cp2_case[cp] : category_case(cp);
				letter = cs & 1;
				up = cs >> 1;
			}
		}
		if (letter) {
			if (first)
				first_upper = up;
			first = false;
			letters++;
			uppers += up;
		}
	}
	t->letters = (uint8_t)MIN(letters, 255u);
	t->uppers = (uint8_t)MIN(uppers, 255u);
	if (first_upper)
		t->flags |= TF_CAPITAL;
	if (letters >= 2 && uppers == letters)
		t->flags |= TF_ALLCAPS;
	if (b - a == letters)
		t->flags |= lookalike_flag(o, a, b, uppers);
}

/* Note the run at z->hint for emit() and emit_plain(). */
static void note_run(tz *z)
{
	const nrun *r = z->hint < z->nt->nruns ? &z->nt->runs[z->hint] : NULL;
	z->rn = r && r->ident ? r->norm : SIZE_MAX;
	z->re = r && r->ident ? (size_t)r->norm + r->nlen : 0;
	z->ro = r ? r->orig : 0;
}

static token *emit(tz *z, size_t a, size_t b, enum tok_kind kind, uint16_t flags)
{
	tokens *ts = z->ts;
	VEC_RESERVE(ts->t, ts->cap, ts->n + 1);
	token *t = &ts->t[ts->n++];
	size_t oa, ob;
	if (a >= z->rn && b <= z->re) {
		/* tokens start and end on code point boundaries: no widening */
		oa = z->ro + (a - z->rn);
		ob = z->ro + (b - z->rn);
	} else {
		ntext_orig_range(z->nt, a, b, &z->hint, &oa, &ob);
		note_run(z);
	}
	*t = (token){.ns = (uint32_t)a, .nlen = (uint32_t)(b - a), .os = (uint32_t)oa, .oe = (uint32_t)ob,
		     .sent = z->sent, .clause = z->clause, .flags = flags | z->pending, .kind = (uint8_t)kind,
		     .id = -1, .base = -1, .did = -1, .dbase = -1, .alt = -1};
	if (!z->sent_open) {
		t->flags |= TF_SENT_START;
		z->sent_first = ts->n - 1;
	}
	z->sent_open = true;
	z->pending = 0;
	if (z->dquote || z->squote)
		t->flags |= TF_QUOTED;
	if (kind == TK_WORD || kind == TK_VIRTUAL || kind == TK_HANDLE) {
		case_info(z->orig, oa, ob, t);
	}
	if (kind != TK_PUNCT && kind != TK_EMOJI) {
		VEC_RESERVE(ts->w, ts->capw, ts->nw + 1);
		ts->w[ts->nw++] = (uint32_t)(ts->n - 1);
	}
	return t;
}

/* The end of emit_plain() and emit_letters(): a word at [a, b), original
 * [oa, ob), with its flags and case, as emit() would push it. */
static ALWAYS_INLINE void push_word(tz *z, size_t a, size_t b, size_t oa, size_t ob, uint16_t flags, unsigned letters,
				    unsigned uppers)
{
	tokens *ts = z->ts;
	if (UNLIKELY(ts->n == ts->cap || ts->nw == ts->capw)) {
		VEC_RESERVE(ts->t, ts->cap, ts->n + 1);
		VEC_RESERVE(ts->w, ts->capw, ts->nw + 1);
	}
	flags |= z->pending;
	if (!z->sent_open) {
		flags |= TF_SENT_START;
		z->sent_first = ts->n;
	}
	if (z->dquote || z->squote)
		flags |= TF_QUOTED;
	ts->t[ts->n] = (token){.ns = (uint32_t)a, .nlen = (uint32_t)(b - a), .os = (uint32_t)oa, .oe = (uint32_t)ob,
			       .sent = z->sent, .clause = z->clause, .flags = flags, .kind = TK_WORD,
			       .letters = (uint8_t)MIN(letters, 255u), .uppers = (uint8_t)MIN(uppers, 255u),
			       .id = -1, .base = -1, .did = -1, .dbase = -1, .alt = -1};
	ts->w[ts->nw++] = (uint32_t)ts->n++;
	z->sent_open = true;
	z->pending = 0;
}

/* emit() for a word of letters a-z in the normalized text (the bulk of any
 * text), inline: where the offset map is the identity, its original is
 * the same letters in either case. */
static inline void emit_plain(tz *z, size_t a, size_t b, uint16_t flags)
{
	if (a < z->rn || b > z->re) {
		emit(z, a, b, TK_WORD, flags);
		return;
	}
	size_t oa = z->ro + (a - z->rn), ob = z->ro + (b - z->rn);
	unsigned uppers;
	flags |= plain_case(z->orig, oa, ob, z->on, &uppers);
	push_word(z, a, b, oa, ob, flags, (unsigned)(b - a), uppers);
}

/* The code point of a two-byte letter (U+0080..U+07FF: accented Latin,
 * Greek, Cyrillic...) at s[i], else -1. */
static inline int32_t letter2_at(const unsigned char *s, size_t i, size_t n)
{
	if ((unsigned)s[i] - 0xC2u > 0xDFu - 0xC2u || i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
		return -1;
	int32_t cp = (int32_t)((s[i] & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu));
	return cp2_cc[cp] == C_LETTER ? cp : -1;
}

static ALWAYS_INLINE size_t az_run(const unsigned char *s, size_t i, size_t n, uint16_t *flags);

/* What letter_run() counts besides the flags. */
typedef struct {
	unsigned letters; /* letters in the run */
	unsigned uppers;  /* upper-case two-byte letters */
	bool two;         /* a two-byte letter in the run */
} letterscan;

/* The end of a run of letters a-z, two-byte letters and apostrophes
 * before a-z ("don't", "you're") at s[e..n), which starts with one of the
 * two latter; adds TF_REPEAT to *flags as az_run() does (a two-byte letter
 * or an apostrophe breaks a repeat, as in runscan_add()). */
static inline size_t letter_run(const unsigned char *s, size_t e, size_t n, uint16_t *flags, letterscan *ls)
{
	for (;;) {
		int32_t cp = letter2_at(s, e, n);
		size_t f = e + 1;
		if (cp >= 0) {
			ls->uppers += cp2_case[cp] >> 1;
			ls->letters++;
			ls->two = true;
			f = e + 2;
		} else if (!(s[e] == '\'' && f < n && (unsigned)(s[f] - 'a') < 26)) {
			return e;
		}
		e = az_run(s, f, n, flags);
		ls->letters += (unsigned)(e - f);
	}
}

/* The bytes of o[a, b) that are ASCII with the 0x20 bit clear: the
 * capitals, where the ASCII bytes are letters. on: o's length. Eight bytes
 * at a time, as plain_case() does. */
static inline unsigned ascii_caps(const unsigned char *o, size_t a, size_t b, size_t on)
{
	const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
	size_t n = b - a;
	unsigned caps = 0;
	uint64_t w, m = 0;
	if (n <= 8 && a + 8 <= on) { /* the bytes after the word shifted out */
		memcpy(&w, o + a, 8);
		m = (~w & ~w << 2 & high) << (64 - 8 * n); /* bits 7 and 5 clear */
	} else if (n >= 8) { /* then the last eight, those counted shifted out */
		size_t k = a;
		for (; k + 8 < b; k += 8) {
			memcpy(&w, o + k, 8);
			caps += (unsigned)((((~w & ~w << 2 & high) >> 7) * ones) >> 56);
		}
		memcpy(&w, o + b - 8, 8);
		m = (~w & ~w << 2 & high) >> (8 * (8 - (b - k)));
	} else {
		for (size_t k = a; k < b; k++)
			caps += (o[k] & 0xA0) == 0;
	}
	return caps + (unsigned)(((m >> 7) * ones) >> 56);
}

/* emit() for a word of letter_run(), inline: where the offset map is the
 * identity, its original is the same bytes but for the case of a-z. What
 * case_info() finds, without decoding: the first character is a letter,
 * an ASCII byte is a capital when its 0x20 bit is clear (an apostrophe's
 * is set), and lookalike_flag() never applies (the word has bytes that are
 * no one-byte letters). */
static inline void emit_letters(tz *z, size_t a, size_t b, uint16_t flags, const letterscan *ls)
{
	if (a < z->rn || b > z->re) {
		emit(z, a, b, TK_WORD, flags);
		return;
	}
	size_t oa = z->ro + (a - z->rn), ob = z->ro + (b - z->rn);
	const unsigned char *o = z->orig;
	unsigned uppers = ls->uppers + ascii_caps(o, oa, ob, z->on);
	bool first_upper = o[oa] < 0x80 ? !(o[oa] & 0x20) : cp2_case[(o[oa] & 0x1Fu) << 6 | (o[oa + 1] & 0x3Fu)] >> 1;
	if (first_upper)
		flags |= TF_CAPITAL;
	if (ls->letters >= 2 && uppers == ls->letters)
		flags |= TF_ALLCAPS;
	push_word(z, a, b, oa, ob, flags, ls->letters, uppers);
}

/* letters_word() ended a word there */
#define EMITTED ((size_t)1 << (sizeof(size_t) * 8 - 1))

/* After the letters a-z at [i, e), which tokenize() found before a byte
 * that may lead a two-byte letter or an apostrophe: the end of what
 * letter_run() takes from there, its flags added to *flags. When a
 * non-word character or the end of the text follows, that is a word,
 * emitted here (the bulk of accented text, and contractions): the end |
 * EMITTED. Out of line: the plain words' loop keeps its registers. */
static NOINLINE size_t letters_word(tz *z, size_t i, size_t e, uint16_t *flags)
{
	letterscan ls = {.letters = (unsigned)(e - i)};
	size_t f = letter_run(z->s, e, z->n, flags, &ls);
	if (f == e)
		return e;
	if (ls.two)
		*flags |= TF_NONASCII;
	int len;
	if (f < z->n && word_cc(cclass(z->s, z->n, f, &len)))
		return f;
	emit_letters(z, i, f, *flags, &ls);
	return f | EMITTED;
}

/* Is the sentence that starts at tokens[i] words each followed by a full
 * stop ("Get.", "Worst.", "A. Manager." where "A." reads as an initial)?
 * Looks at tokens i onwards only: those before may be renumbered. */
static bool word_dot_sentence(const tokens *ts, const unsigned char *s, size_t i)
{
	if (i + 1 >= ts->n)
		return false;
	uint32_t sent = ts->t[i].sent;
	size_t k = i;
	for (; k < ts->n && ts->t[k].sent == sent; k += 2) {
		const token *w = &ts->t[k], *p = k + 1 < ts->n ? &ts->t[k + 1] : NULL;
		if (w->kind != TK_WORD || (w->flags & TF_DIGIT) || !p || p->kind != TK_PUNCT || p->sent != sent ||
		    p->nlen != 1 || s[p->ns] != '.')
			return false;
	}
	return k > i;
}

/* Close the sentence, noting a second one in a row of words each with a
 * full stop (join_word_sentences()). */
static void close_sentence(tz *z)
{
	bool wd = word_dot_sentence(z->ts, z->s, z->sent_first);
	z->word_run = z->word_run || (wd && z->prev_wd);
	z->prev_wd = wd;
}

static void new_sentence(tz *z)
{
	if (z->sent_open) {
		close_sentence(z);
		z->sent++;
		z->clause++;
	}
	z->sent_open = false;
}

static void new_clause(tz *z)
{
	z->clause++;
}

/* The first letters of the abbreviations below, as a bit set. */
#define ABBR_FIRST                                                                                         \
	((1u << ('m' - 'a')) | (1u << ('d' - 'a')) | (1u << ('s' - 'a')) | (1u << ('n' - 'a')) |           \
	 (1u << ('v' - 'a')) | (1u << ('e' - 'a')) | (1u << ('i' - 'a')) | (1u << ('a' - 'a')) |           \
	 (1u << ('l' - 'a')) | (1u << ('c' - 'a')) | (1u << ('j' - 'a')) | (1u << ('p' - 'a')) |           \
	 (1u << ('r' - 'a')) | (1u << ('t' - 'a')) | (1u << ('f' - 'a')))

static bool is_abbrev(const tz *z)
{
	static const char *const abbr[] = {"mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "e.g", "i.e",
					   "approx", "dept", "inc", "ltd", "co", "jr", "sr", "prof", "ref",
					   "tel", "acct", "nr", "ave", "rd", "fig", "p"};
	if (!z->ts->n)
		return false;
	const token *t = &z->ts->t[z->ts->n - 1];
	if (t->kind != TK_WORD)
		return false;
	if (t->nlen == 1) {
		/* a letter after an adjacent '.' continues an abbreviation
		 * (e.g., U.S., p.m.); a capital is an initial at the start of
		 * a sentence or after a capitalised word (J. Smith, John F.
		 * Kennedy), not after other words ("row C. I've reissued") */
		const token *p = z->ts->n >= 2 ? &z->ts->t[z->ts->n - 2] : NULL;
		if (p && p->kind == TK_PUNCT && p->oe == t->os && z->s[p->ns] == '.')
			return true;
		if (!(t->flags & TF_CAPITAL))
			return false;
		return (t->flags & TF_SENT_START) || (p && p->kind == TK_WORD && (p->flags & TF_CAPITAL));
	}
	if (t->nlen > 6)
		return false;
	unsigned char c0 = z->s[t->ns];
	if (c0 < 'a' || c0 > 'z' || !((1u << (c0 - 'a')) & ABBR_FIRST))
		return false;
	for (size_t i = 0; i < ARRAY_LEN(abbr); i++)
		if ((unsigned char)abbr[i][0] == c0 && strlen(abbr[i]) == t->nlen &&
		    !memcmp(abbr[i], z->s + t->ns, t->nlen))
			return true;
	return false;
}

/* URL at i? Returns its end or 0. */
static size_t url_at(const tz *z, size_t i)
{
	const char *p = (const char *)z->s + i;
	size_t rest = z->n - i;
	if (p[0] != 'h' && p[0] != 'w') /* most words: one test */
		return 0;
	if (rest < 4 || p[1] != (p[0] == 'h' ? 't' : 'w'))
		return 0;
	if (!(ascii_prefix_ci(p, rest, "http://") || ascii_prefix_ci(p, rest, "https://") ||
	      ascii_prefix_ci(p, rest, "www.")))
		return 0;
	size_t e = i;
	while (e < z->n && z->s[e] > ' ' && z->s[e] != '"' && z->s[e] != '<' && z->s[e] != '>')
		e++;
	while (e > i && strchr(".,;:!?)]'", z->s[e - 1]))
		e--;
	return e;
}

/* E-mail address at i (ASCII local@domain.tld)? Returns its end or 0. */
static size_t email_at(const tz *z, size_t i)
{
	size_t e = i;
	while (e < z->n && (ascii_alnum(z->s[e]) || strchr("._%+-", z->s[e])) && z->s[e])
		e++;
	if (e == i || e >= z->n || z->s[e] != '@')
		return 0;
	size_t d = e + 1, dots = 0, last = d;
	while (d < z->n && (ascii_alnum(z->s[d]) || z->s[d] == '-' || z->s[d] == '.')) {
		if (z->s[d] == '.') {
			if (d == last)
				break;
			dots++;
			last = d + 1;
		}
		d++;
	}
	while (d > e + 1 && z->s[d - 1] == '.') {
		d--;
		dots--;
	}
	return dots && d > last ? d : 0;
}

static bool is_trim(unsigned char c)
{
	return c == '\'' || c == '!' || c == '#' || c == '@' || c == '_' || c == '^';
}

/* What the scan of a run of word characters learnt on the way. */
typedef struct {
	bool letters;    /* a letter in the run */
	uint16_t flags;  /* TF_DIGIT, TF_SYM, TF_NONASCII, TF_REPEAT over the run */
	int run;         /* repeat counting state */
	unsigned char prev;
} runscan;

static inline void runscan_add(runscan *r, const unsigned char *s, size_t i, enum cc c, int len)
{
	if (c == C_LETTER)
		r->letters = true;
	if (c == C_DIGIT)
		r->flags |= TF_DIGIT;
	else if (c == C_MASK)
		r->flags |= TF_SYM;
	if (s[i] >= 0x80 && c == C_LETTER)
		r->flags |= TF_NONASCII;
	if (len == 1 && s[i] == r->prev && c == C_LETTER) {
		if (++r->run >= 3)
			r->flags |= TF_REPEAT;
	} else {
		r->run = 1;
	}
	r->prev = len == 1 ? s[i] : 0;
}

/* Does a quote opened by an apostrophe end before the line does: an
 * apostrophe that no letter follows ("'fine'", "'you idiot'.", CFPB's
 * "'case '"), and not half of a '' (which closes a double quote in CFPB's
 * exports)? If not, the apostrophe elides ("'bout", "'em", "'cause") or
 * stands astray, and opens nothing. The first closing found is remembered,
 * so a line of many elisions is scanned once. */
static bool quote_closes(tz *z, size_t from)
{
	if (from >= z->qfrom && from < z->qend)
		return z->qclosed;
	const unsigned char *s = z->s;
	size_t k = from;
	while (k < z->n && s[k] != '\n' &&
	       !(s[k] == '\'' && k > 0 && s[k - 1] != '\'' &&
		 (k + 1 == z->n || (s[k + 1] < 0x80 && !ascii_alnum(s[k + 1]) && s[k + 1] != '\''))))
		k++;
	z->qclosed = k < z->n && s[k] == '\'';
	z->qfrom = from;
	z->qend = z->qclosed ? k + 1 : k;
	return z->qclosed;
}

static void punct(tz *z, size_t i, int len);

/* Is w (n bytes) the rest of a contraction: s, re, ve, ll, d, m or t? */
static bool is_clitic(const unsigned char *w, size_t n)
{
	unsigned char c0 = n ? w[0] | 0x20 : 0, c1 = n > 1 ? w[1] | 0x20 : 0; /* ASCII lower case */
	if (n == 1)
		return c0 == 's' || c0 == 'd' || c0 == 'm' || c0 == 't';
	return n == 2 && ((c0 == 'r' && c1 == 'e') || (c0 == 'v' && c1 == 'e') || (c0 == 'l' && c1 == 'l'));
}

/* Does a '' close, before any '"', a line end or 200 bytes, what a '"'
 * just before from opens? CFPB's exports write quotations " text '': such
 * a '"' opens a quotation of its own and closes none ("I was advised : " No
 * problem, ... to " NO '' avail": the first mark is never closed). */
static bool opens_cfpb(const tz *z, size_t from)
{
	for (size_t k = from; k + 1 < z->n && k < from + 200; k++) {
		unsigned char c = z->s[k];
		if (c == '"' || c == '\n')
			return false;
		if (c == '\'' && z->s[k + 1] == '\'')
			return true;
	}
	return false;
}

/* Is there a '"', '' or ' standing alone after from, before a blank line
 * or the end? */
static bool dquote_closes(const tz *z, size_t from)
{
	bool fresh_line = false;
	for (size_t k = from; k < z->n; k++) {
		unsigned char c = z->s[k];
		if (c == '"' && opens_cfpb(z, k + 1))
			return false; /* it opens the next: " text '' (the first is stray) */
		if (c == '"' || (c == '\'' && k + 1 < z->n && z->s[k + 1] == '\'') ||
		    (c == '\'' && k > from && z->s[k - 1] == ' ' && (k + 1 == z->n || !ascii_alnum(z->s[k + 1]))))
			return true; /* or '' or a lone ' (" text '' and " text ', as CFPB exports write) */
		if (c == '\n') {
			if (fresh_line)
				return false;
			fresh_line = true;
		} else if (c != ' ' && c != '\t' && c != '\r') {
			fresh_line = false;
		}
	}
	return false;
}

/* A run of word characters [a, b): split off leading and trailing
 * punctuation, and emit what remains as a word, a number, or a handle.
 * rs, when not NULL, is the scan of exactly [a, b). */
static void word_run(tz *z, size_t a, size_t b, const runscan *rs)
{
	const unsigned char *s = z->s;
	runscan whole = {0};
	if (!rs) {
		for (size_t i = a; i < b;) {
			int len;
			enum cc c = cclass(s, z->n, i, &len);
			runscan_add(&whole, s, i, c, len);
			i += (size_t)len;
		}
		rs = &whole;
	}
	bool letters = rs->letters;
	if (!letters) { /* numbers and symbols */
		for (size_t i = a; i < b;) {
			int len;
			enum cc c = cclass(s, z->n, i, &len);
			if (c == C_DIGIT) {
				size_t e = i + (size_t)len;
				for (;;) {
					int l2;
					if (e < b && cclass(s, z->n, e, &l2) == C_DIGIT) {
						e += (size_t)l2;
					} else if (e + 1 < b && (s[e] == '.' || s[e] == ',') && ascii_digit(s[e + 1])) {
						e++;
					} else {
						break;
					}
				}
				emit(z, i, e, TK_NUM, 0);
				i = e;
			} else if (s[i] == '\'' && !(i > a && ascii_digit(s[i - 1]))) {
				/* a quote mark on its own ("she said 'fine.' I ..."),
				 * not feet or minutes ("6' 2") */
				size_t l = z->dquote && i + 1 < b && s[i + 1] == '\'' ? 2 : 1;
				punct(z, i, (int)l);
				i += l;
			} else {
				emit(z, i, i + (size_t)len, TK_PUNCT, 0);
				i += (size_t)len;
			}
		}
		return;
	}
	if (s[a] == '@' && b - a >= 4) { /* @handle, unless it is a masked word */
		bool plain = true;
		for (size_t i = a + 1; i < b; i++)
			if (s[i] < 0x80 && !ascii_alnum(s[i]) && s[i] != '_')
				plain = false;
		if (plain) {
			emit(z, a, b, TK_HANDLE, 0);
			return;
		}
	}
	size_t ws = a, we = b;
	while (ws < we && is_trim(s[ws]))
		ws++;
	while (we > ws && is_trim(s[we - 1]))
		we--;
	/* a clitic split off by a space, as CFPB's exports write ("my wife 's
	 * payment", "we 're"), neither opens nor closes a quotation */
	bool clitic = ws == a + 1 && we == b && is_clitic(s + ws, we - ws);
	for (size_t i = a; i < ws; i++) {
		if (s[i] == '\'' && !clitic && (z->squote || quote_closes(z, we)))
			z->squote = !z->squote;
		emit(z, i, i + 1, TK_PUNCT, 0);
	}
	uint16_t flags = rs->flags;
	if (ws != a || we != b) { /* trimmed: the flags of what remains */
		runscan w = {0};
		for (size_t i = ws; i < we;) {
			int len;
			enum cc c = cclass(s, z->n, i, &len);
			runscan_add(&w, s, i, c, len);
			i += (size_t)len;
		}
		flags = w.flags;
	}
	emit(z, ws, we, TK_WORD, flags);
	for (size_t i = we; i < b; i++) {
		bool close = s[i] == '\'' && z->squote;
		emit(z, i, i + 1, TK_PUNCT, 0);
		if (close)
			z->squote = false;
	}
}

/* Punctuation that ends sentences and clauses, and quotation marks. */
static void punct(tz *z, size_t i, int len)
{
	unsigned char c = z->s[i];
	size_t next = i + (size_t)len;
	bool space_after = next >= z->n || z->s[next] == ' ' || z->s[next] == '\n' || z->s[next] == '\t' ||
			   z->s[next] == '\r' || z->s[next] == '"' || z->s[next] == ')';
	if (c == '"') {
		/* an inch mark ("my 55" TV") opens nothing, nor does a mark
		 * that none closes before the paragraph ends: a stray one
		 * would make the rest of the message reported speech */
		if (z->dquote || (!(i > 0 && ascii_digit(z->s[i - 1])) && dquote_closes(z, next)))
			z->dquote = !z->dquote;
		emit(z, i, next, TK_PUNCT, 0);
		return;
	}
	if (c == '\'' && (len == 2 || (z->dquote && !z->squote && i > 0 && z->s[i - 1] == ' '))) { /* " text '' or ' */
		z->dquote = false;
		emit(z, i, next, TK_PUNCT, 0);
		return;
	}
	if (c == '\'') { /* a quote mark standing alone: opens only what closes */
		bool closes = z->squote;
		if (closes || quote_closes(z, next))
			z->squote = !z->squote;
		emit(z, i, next, TK_PUNCT, 0);
		/* a full stop inside the quotation ends the sentence with it:
		 * "she said 'fine.' I ..." */
		unsigned char before = i > 0 ? z->s[i - 1] : 0;
		if (closes && (before == '.' || before == '!' || before == '?') && (next >= z->n || ascii_space(z->s[next])))
			new_sentence(z);
		return;
	}
	if (c == '.' && !space_after && i > 0 && next < z->n && (ascii_alpha(z->s[i - 1]) || z->s[i - 1] >= 0x80) &&
	    (ascii_alpha(z->s[next]) || z->s[next] >= 0x80))
		z->dotted = true;
	bool abbrev = c == '.' && is_abbrev(z);
	emit(z, i, next, TK_PUNCT, 0);
	if ((c == '.' && !abbrev && space_after) || c == '!' || c == '?') {
		/* "?!", "!!!" and "..." end the sentence once, after the run */
		if (next < z->n && (z->s[next] == '!' || z->s[next] == '?' || z->s[next] == '.'))
			return;
		if (space_after)
			new_sentence(z);
	} else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' ||
		   (c == '-' && i > 0 && z->s[i - 1] == ' ' && space_after) ||
		   (c == '.' && i > 0 && z->s[i - 1] == '.' && (next >= z->n || z->s[next] != '.'))) {
		/* ... an ellipsis run into the next word ("sorry....you idiot")
		 * still parts two clauses */
		new_clause(z);
	}
}

static void join_word_sentences(tokens *ts, const unsigned char *s);
static void join_spelled(tokens *ts, const ntext *nt, const unsigned char *orig);
static void join_dotted(tokens *ts, const unsigned char *orig, size_t olen);

/* Bytes 'a'..'z' of the eight in w: their high bits. (No carries cross
 * bytes: each sum is made of bytes below 0x80.) */
/* A face written in punctuation (":(", ":-(", ">:(", ":'(", ":/", ":)",
 * ";)", "-_-") standing alone: at the start or after a space, and before a
 * space, the end or a stop, its last mark perhaps repeated (":(((").
 * Returns the length of the face without the repeats, or 0. It is an emoji
 * token, so a lexicon can name it (cue.emoji: ":(" in lexicons/en). */
static size_t emoticon_at(const tz *z, size_t i)
{
	static const char *const faces[] = {">:-(", ">:(", ":'-(", ":'(", ":-(", ":(", ":-/", ":/", ":-[", ":[", ":-|",
					    ":|", ":@", ":-)", ":)", ";-)", ";)", "(:", "-_-", ">_<"};
	const unsigned char *s = z->s;
	/* most punctuation starts no face: the first two marks first */
	const char *second;
	switch (s[i]) {
	case ':': second = "(-'/[|@)"; break;
	case ';': second = ")-"; break;
	case '>': second = ":_"; break;
	case '-': second = "_"; break;
	case '(': second = ":"; break;
	default: return 0;
	}
	if (i + 1 >= z->n || !s[i + 1] || !strchr(second, s[i + 1]) || (i > 0 && !ascii_space(s[i - 1])))
		return 0;
	unsigned char c0 = s[i];
	for (size_t f = 0; f < ARRAY_LEN(faces); f++) {
		size_t n = strlen(faces[f]);
		if ((unsigned char)faces[f][0] != c0 || i + n > z->n || memcmp(s + i, faces[f], n))
			continue;
		size_t e = i + n;
		while (e < z->n && s[e] == s[i + n - 1] && (s[e] == '(' || s[e] == ')' || s[e] == '['))
			e++;
		if (e < z->n && !ascii_space(s[e]) && s[e] != '.' && s[e] != ',' && s[e] != '!' && s[e] != '?')
			continue;
		return n;
	}
	return 0;
}

static inline uint64_t az_bytes(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80, w7 = w & ~high;
	return (w7 + ones * (0x80 - 'a')) & ~(w7 + ones * (0x80 - 'z' - 1)) & ~w & high;
}

/* The end of the run of letters a-z at s[i..n); adds TF_REPEAT to *flags
 * when a letter occurs three times in a row in it. Eight bytes at a time:
 * most words fit in the first eight, checked for repeats there too. */
static ALWAYS_INLINE size_t az_run(const unsigned char *s, size_t i, size_t n, uint16_t *flags)
{
	const uint64_t high = 0x8080808080808080ull;
	size_t e = i;
	if (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t stop = ~az_bytes(w) & high;
		if (stop) {
			size_t len = (size_t)__builtin_ctzll(stop) / 8;
			if (len >= 3) {
				/* byte j of x is 0 when letters j and j + 1 are
				 * equal; z marks those bytes (exactly) */
				uint64_t x = w ^ (w >> 8);
				uint64_t z = ~(((x & ~high) + ~high) | x) & high;
				if (z & (z >> 8) & ((1ull << (8 * (len - 2))) - 1))
					*flags |= TF_REPEAT;
			}
			return i + len;
		}
		for (e = i + 8; e + 8 <= n; e += 8) {
			memcpy(&w, s + e, 8);
			stop = ~az_bytes(w) & high;
			if (stop) {
				e += (size_t)__builtin_ctzll(stop) / 8;
				goto repeats;
			}
		}
	}
	while (e < n && (unsigned)(s[e] - 'a') < 26)
		e++;
repeats:
	for (size_t k = i + 2; k < e; k++)
		if (s[k] == s[k - 1] && s[k] == s[k - 2]) {
			*flags |= TF_REPEAT;
			break;
		}
	return e;
}

void tokenize(tokens *ts, const ntext *nt, const char *orig, size_t olen)
{
	pthread_once(&tables_once, init_table);
	ts->n = ts->nw = 0;
	tz z = {.ts = ts, .nt = nt, .s = (const unsigned char *)nt->out.ptr, .n = nt->out.len,
		.orig = (const unsigned char *)orig, .on = olen, .pending = TF_PARA_START | TF_LINE_START};
	note_run(&z);
	/* the next '@' at or after i (or the end) and where its address
	 * could start: an address is tried only in [at_from, at) */
	size_t at = z.n, at_from = z.n;
	const unsigned char *q = z.n ? memchr(z.s, '@', z.n) : NULL;
	if (q) {
		at = at_from = (size_t)(q - z.s);
		while (at_from > 0 && (ascii_alnum(z.s[at_from - 1]) || strchr("._%+-", z.s[at_from - 1])) &&
		       z.s[at_from - 1])
			at_from--;
	}
	size_t newlines = 0;
	for (size_t i = 0; i < z.n;) {
		if (z.s[i] == ' ') { /* the commonest byte: nothing to do */
			i++;
			continue;
		}
		int len;
		enum cc c = cclass(z.s, z.n, i, &len);
		if (c == C_SPACE || c == C_NL) {
			newlines += c == C_NL;
			i += (size_t)len;
			/* a line's leading spaces (indentation, blanked quotes):
			 * eight at a time */
			if (c == C_NL) {
				uint64_t w;
				while (i + 8 <= z.n && (memcpy(&w, z.s + i, 8), w == 0x2020202020202020ull))
					i += 8;
			}
			continue;
		}
		if (newlines) {
			const token *last = z.ts->n ? &z.ts->t[z.ts->n - 1] : NULL;
			unsigned char lc = last && last->kind == TK_PUNCT ? z.s[last->ns] : 0;
			if (newlines >= 2) {
				new_sentence(&z);
				z.dquote = z.squote = false;
				z.pending |= TF_PARA_START;
			} else if (lc == ';' || lc == '{' || lc == '}') {
				new_sentence(&z); /* a line of code, or of a list, ends there */
			} else {
				new_clause(&z);
			}
			z.pending |= TF_LINE_START;
			newlines = 0;
		}
		if (word_cc(c)) {
		word:; /* a label before a declaration: C11 wants a statement */
			/* lower-case ASCII letters, the bulk of any text: no class
			 * lookups (what runscan_add() does for a letter) */
			runscan rs = {0};
			size_t e = az_run(z.s, i, z.n, &rs.flags);
			/* letters a-z, then a space or the end: no URL or address */
			bool spaced = e > i && (e == z.n || z.s[e] == ' ');
			if (!spaced && (c == C_LETTER || c == C_DIGIT)) {
				size_t u = url_at(&z, i);
				if (u) {
					emit(&z, i, u, TK_URL, 0);
					i = u;
					continue;
				}
				/* an address needs an '@' after i with only address
				 * characters between: find each '@' once */
				if (i > at) {
					q = memchr(z.s + i, '@', z.n - i);
					at = q ? (size_t)(q - z.s) : z.n;
					at_from = at;
					while (at_from > i &&
					       (ascii_alnum(z.s[at_from - 1]) || strchr("._%+-", z.s[at_from - 1])) &&
					       z.s[at_from - 1])
						at_from--;
				}
				if (i >= at_from && i < at && (u = email_at(&z, i)) != 0) {
					emit(&z, i, u, TK_EMAIL, 0);
					i = u;
					continue;
				}
			}
			int l2;
			if (spaced || (e > i && !word_cc(cclass(z.s, z.n, e, &l2)))) {
				/* letters a-z, then a space, punctuation or the end:
				 * what word_run() would do, without its checks (and
				 * the space too) */
				emit_plain(&z, i, e, rs.flags);
				i = spaced && e < z.n ? e + 1 : e;
				/* a-z after one space: the next word, without the
				 * class tests above */
				if (spaced && i < z.n && (unsigned)(z.s[i] - 'a') < 26) {
					c = C_LETTER;
					goto word;
				}
				continue;
			}
			if ((z.s[e] >= 0xC2 && z.s[e] <= 0xDF) || (z.s[e] == '\'' && e > i)) { /* e < z.n: not spaced */
				size_t f = letters_word(&z, i, e, &rs.flags);
				if (f & EMITTED) {
					i = f & ~EMITTED;
					if (i + 1 < z.n && z.s[i] == ' ' && (unsigned)(z.s[i + 1] - 'a') < 26) {
						i++; /* as above */
						c = C_LETTER;
						goto word;
					}
					continue;
				}
				e = f;
			}
			if (e > i) { /* what runscan_add() would have learnt: the
				      last letter and how often it repeats (to 3);
				      after a two-byte letter its last byte, which
				      no one-byte letter equals, as prev = 0 */
				rs.letters = true;
				rs.prev = z.s[e - 1];
				rs.run = 1;
				while (rs.run < 3 && e - (size_t)rs.run > i && z.s[e - 1 - rs.run] == rs.prev)
					rs.run++;
			}
			while (e < z.n) {
				enum cc c2 = cclass(z.s, z.n, e, &l2);
				if (word_cc(c2)) {
					runscan_add(&rs, z.s, e, c2, l2);
					e += (size_t)l2;
				} else if ((z.s[e] == '.' || z.s[e] == ',') && e > i && ascii_digit(z.s[e - 1]) &&
					   e + 1 < z.n && ascii_digit(z.s[e + 1])) {
					runscan_add(&rs, z.s, e, C_PUNCT, 1);
					e++; /* 3.50, 1,000 */
				} else {
					break;
				}
			}
			/* a '!' or '?' run after a word ends a sentence: hand the
			 * trailing '!'s to punct() */
			size_t we = e;
			while (we > i && z.s[we - 1] == '!')
				we--;
			if (we > i)
				word_run(&z, i, we, we == e ? &rs : NULL);
			for (size_t k = we; k < e; k++)
				punct(&z, k, 1);
			i = e;
			continue;
		}
		if (c == C_EMOJI) {
			emit(&z, i, i + (size_t)len, TK_EMOJI, 0);
			i += (size_t)len;
			continue;
		}
		size_t face = emoticon_at(&z, i);
		if (face) { /* a face in punctuation parts clauses as its ':' did */
			emit(&z, i, i + face, TK_EMOJI, 0);
			new_clause(&z);
			i += face;
			continue;
		}
		punct(&z, i, len);
		i += (size_t)len;
	}
	ts->nsent = z.sent + 1;
	ts->nclause = z.clause + 1;
	if (z.sent_open)
		close_sentence(&z);
	if (z.word_run)
		join_word_sentences(ts, z.s);
	join_spelled(ts, nt, (const unsigned char *)orig);
	if (z.dotted)
		join_dotted(ts, (const unsigned char *)orig, olen);
}

/* Words said one at a time, each with a full stop ("GET. ME. A.
 * MANAGER.", "Worst. Service. Ever."): a run of two or more such
 * sentences is one sentence (and clause) for matching. Sentence and clause
 * numbers stay in order. Runs before the virtual tokens exist. */
static void join_word_sentences(tokens *ts, const unsigned char *s)
{
	size_t n = ts->n;
	if (!n)
		return;
	uint32_t osent = ts->t[0].sent, oclause = ts->t[0].clause, nsent = osent, nclause = oclause;
	bool joining = false; /* the sentence before was words each with a stop */
	for (size_t i = 0; i < n; i++) {
		token *t = &ts->t[i];
		if (t->sent != osent) {
			bool one = word_dot_sentence(ts, s, i);
			bool join = one && joining;
			joining = one;
			osent = t->sent;
			oclause = t->clause;
			if (!join) {
				nsent++;
				nclause++;
			}
		} else if (t->clause != oclause) {
			oclause = t->clause;
			nclause++;
		} else if (i == 0) {
			joining = word_dot_sentence(ts, s, 0);
		}
		t->sent = nsent;
		t->clause = nclause;
	}
	ts->nsent = nsent + 1;
	ts->nclause = nclause + 1;
}

/* A virtual token over words i..j-1 (token.h). */
void tokens_add_virtual(tokens *ts, size_t i, size_t j, uint16_t flags)
{
	VEC_RESERVE(ts->t, ts->cap, ts->n + 1);
	const token *t0 = &ts->t[ts->w[i]], *tl = &ts->t[ts->w[j - 1]];
	token v = *t0;
	v.kind = TK_VIRTUAL;
	v.nlen = tl->ns + tl->nlen - t0->ns;
	v.oe = tl->oe;
	v.next = (uint32_t)j;
	v.alt = -1;
	v.flags = (uint16_t)((v.flags & ~(TF_ALLCAPS | TF_CAPITAL)) | flags);
	unsigned letters = 0, uppers = 0;
	for (size_t k = i; k < j; k++) {
		letters += ts->t[ts->w[k]].letters;
		uppers += ts->t[ts->w[k]].uppers;
	}
	v.letters = (uint8_t)MIN(letters, 255u);
	v.uppers = (uint8_t)MIN(uppers, 255u);
	if (letters >= 2 && uppers == letters)
		v.flags |= TF_ALLCAPS;
	ts->t[ts->n] = v;
	ts->t[ts->w[i]].alt = (int32_t)ts->n;
	ts->n++;
}

/* Can t be a letter of a word spelled out: one character, word or digit? */
static inline bool spelled_letter(const token *t)
{
	return t->nlen == 1 && (t->kind == TK_WORD || t->kind == TK_NUM);
}

/* Letters spelled out one at a time with one kind of separator between
 * them ("f u c k", "i.d.i.o.t", "s-h-1-t"): at least three, in one
 * sentence. The virtual token covers the run and is reached from its first
 * word through `alt`; its text is built later by the de-obfuscator from
 * the single characters. */
static void join_spelled(tokens *ts, const ntext *nt, const unsigned char *orig)
{
	size_t nw = ts->nw;
	for (size_t i = 0; i + 2 < nw;) {
		if (!spelled_letter(&ts->t[ts->w[i + 2]])) {
			i += 3; /* no run holds word i + 2: none starts before i + 3 */
			continue;
		}
		if (!spelled_letter(&ts->t[ts->w[i]])) {
			i++;
			continue;
		}
		unsigned char sep = 0;
		size_t j = i + 1;
		for (; j < nw; j++) {
			const token *p = &ts->t[ts->w[j - 1]], *q = &ts->t[ts->w[j]];
			if (!spelled_letter(q) || q->sent != p->sent)
				break;
			if (q->os != p->oe + 1)
				break;
			unsigned char s = orig[p->oe];
			if (!(s == ' ' || s == '.' || s == '-' || s == '_' || s == '*' || s == '/'))
				break;
			if (sep && s != sep)
				break;
			sep = s;
		}
		if (j - i < 3) {
			i++;
			continue;
		}
		/* the tokens between are plain separators: keep them, add a view;
		 * the letters are no words of their own (the "u" and "i" of
		 * "s.t.u.p.i.d" are no "you" and "I") */
		tokens_add_virtual(ts, i, j, 0);
		/* an article or "I" before letters spaced out is read both ways:
		 * "you are a b i t c h" is "a" and "bitch" ("a s s" stays "ass") */
		const token *a = &ts->t[ts->w[i]];
		if (sep == ' ' && j - i >= 4 && a->kind == TK_WORD &&
		    (nt->out.ptr[a->ns] == 'a' || nt->out.ptr[a->ns] == 'i'))
			tokens_add_virtual(ts, i + 1, j, 0);
		for (size_t k = i; k < j; k++)
			ts->t[ts->w[k]].flags |= TF_SPELLED;
		i = j;
	}
}

/* A word broken in two by a dot with no space ("re.tarded", "pun.k"): a
 * virtual token over both parts, flagged TF_SPLIT, whose joined text the
 * matcher reads only for obfuscation entries (lookup_tokens). Not a chain
 * of dotted parts (www.x.com, e.g., U.S.A., spelled out), not after '/' or
 * '@', and at least four letters in all (not a.m., Ph.D). */
static void join_dotted(tokens *ts, const unsigned char *orig, size_t olen)
{
	size_t nw = ts->nw;
	for (size_t i = 0; i + 1 < nw; i++) {
		const token *p = &ts->t[ts->w[i]], *q = &ts->t[ts->w[i + 1]];
		if (q->os != p->oe + 1 || orig[p->oe] != '.' || p->kind != TK_WORD || q->kind != TK_WORD ||
		    p->alt >= 0 || q->alt >= 0 || q->sent != p->sent)
			continue;
		uint32_t nlen = q->ns + q->nlen - p->ns;
		if (nlen < 5 || nlen > 24)
			continue;
		if (p->os > 0 && orig[p->os - 1] && strchr("./@_-", orig[p->os - 1]))
			continue;
		if (q->oe < olen && orig[q->oe] && strchr("/@_-", orig[q->oe]))
			continue;
		if (q->oe + 1 < olen && orig[q->oe] == '.' && ascii_alnum(orig[q->oe + 1]))
			continue;
		tokens_add_virtual(ts, i, i + 2, (uint16_t)((q->flags & (TF_DIGIT | TF_SYM)) | TF_SPLIT));
		i++;
	}
}

void tokens_free(tokens *ts)
{
	free(ts->t);
	free(ts->w);
	*ts = (tokens){0};
}
