/* token.h: the token stream every detector reads. Private to libtact. */
#ifndef TACT_TOKEN_H
#define TACT_TOKEN_H

#include "normalize.h"

enum tok_kind {
	TK_WORD,    /* letters (and digits or masking symbols among them) */
	TK_NUM,     /* 42, 3.50, 1,000 */
	TK_URL,
	TK_EMAIL,
	TK_HANDLE,  /* @name */
	TK_EMOJI,
	TK_PUNCT,   /* one punctuation or symbol character */
	TK_VIRTUAL, /* letters spelled out with separators: "f u c k", or a
		       word split by a dot: "re.tarded" */
};

enum tok_flag {
	TF_ALLCAPS = 1 << 0,   /* original has >= 2 letters, all upper case */
	TF_CAPITAL = 1 << 1,   /* original starts with an upper-case letter */
	TF_DIGIT = 1 << 2,     /* digits among letters: 1d10t, covid19 */
	TF_SYM = 1 << 3,       /* masking symbols among letters: f*ck, a$$, sh!t */
	TF_REPEAT = 1 << 4,    /* a letter three or more times in a row */
	TF_NONASCII = 1 << 5,  /* non-ASCII letters: a look-alike candidate */
	TF_QUOTED = 1 << 6,    /* inside quotation marks */
	TF_SENT_START = 1 << 7,
	TF_PARA_START = 1 << 8, /* first token after a blank line */
	TF_LINE_START = 1 << 9,
	TF_REGION = 1 << 10,    /* in a quote or signature region (analyze.c) */
	TF_SPLIT = 1 << 11,     /* virtual: a word split by a dot, "re.tarded" */
	TF_LOOKALIKE = 1 << 12, /* one letter against the word's case is an l or I
				   standing for the other: "FUCKlNG", "fooI" */
	TF_SPELLED = 1 << 13,   /* a letter of a word spelled out ("f.u.c.k"): no
				   word of its own, read only in the run's view */
};

typedef struct {
	uint32_t ns, nlen;   /* normalized text range */
	uint32_t os, oe;     /* original text range */
	uint32_t sent, clause;
	uint16_t flags;
	uint8_t kind;
	uint8_t letters;     /* letters in the original, capped at 255 */
	uint8_t uppers;      /* upper-case letters in the original, capped */
	int32_t id, base;    /* vocabulary ids of the form and of its lemma, -1 */
	int32_t did, dbase;  /* the same for the de-obfuscated view, -1 */
	int32_t alt;         /* virtual token starting at this word, -1 */
	uint32_t next;       /* virtual tokens: word index after the run */
	uint32_t doff, dlen; /* de-obfuscated view in the analyzer's dbuf */
} token;

typedef struct {
	token *t;            /* all tokens, punctuation included */
	size_t n, cap;
	uint32_t *w;         /* indices into t of word-stream tokens (not
				punctuation or emoji), in order */
	size_t nw, capw;
	size_t nsent, nclause;
	/* set when the words are looked up (pattern.c): words of other
	 * languages (cue.foreign) and words with non-ASCII letters, so that
	 * language.c has nothing to do for most messages */
	size_t nforeign, nnonascii;
} tokens;

/* token.c */
/* Tokenize nt (normalized from orig). Replaces the content of ts. */
void tokenize(tokens *ts, const ntext *nt, const char *orig, size_t olen);
void tokens_free(tokens *ts);
/* A virtual token over words i..j-1 (their normalized text joined, built
 * by the matcher), made the alternative reading of word i, which has none
 * yet: the first word's flags without its case, plus flags; all capitals
 * when every letter of the words is. May move ts->t. */
void tokens_add_virtual(tokens *ts, size_t i, size_t j, uint16_t flags);
/* The normalized text of a token. */
static inline const char *tok_text(const ntext *nt, const token *t) { return nt->out.ptr + t->ns; }

#endif
