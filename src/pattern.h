/* pattern.h: lexicon patterns compiled for matching over the token stream,
 * and the matches found. Private to libtact. */
#ifndef TACT_PATTERN_H
#define TACT_PATTERN_H

#include <pcre2.h>
#include <stdatomic.h>

#include "lexicon.h"
#include "token.h"
#include "vocab.h"

/* A phrase compiles to two small programs run from its anchor word: one
 * forward over the words after it, one backward over the words before. */
enum { OP_WORD, OP_ANY, OP_NUM, OP_GAP, OP_SPLIT, OP_JMP, OP_END, OP_FIRST, OP_HANDLE,
       OP_CSTART, OP_CEND, /* no word of the clause before / after this point (#start, #end) */
       OP_NOTWORD /* one word that is none of ids: !(a|b) */ };

typedef struct {
	uint8_t op;
	uint8_t gap;      /* OP_GAP: at most this many words */
	uint16_t nids;    /* OP_WORD, OP_NOTWORD: number of word ids */
	uint32_t x;       /* OP_WORD, OP_NOTWORD, OP_FIRST: offset of the sorted ids;
			     OP_SPLIT, OP_JMP: target */
	uint32_t y;       /* OP_SPLIT: second target; OP_FIRST: where to go
			     when the word cannot start the group
			     (UINT32_MAX: fail) */
} pinstr;

typedef struct {
	uint32_t entry;
	uint32_t fwd, bwd;   /* program starts in matcher.prog */
	uint32_t anc;        /* offset of the anchor's sorted ids in matcher.ids */
	uint16_t nanc;
	uint16_t nnext, nprev; /* words that must come right after and before
				  the anchor (0: no such filter) */
	uint16_t flags;        /* the entry's LF_* flags, kept here for speed */
	uint32_t next, prev;   /* their offsets in matcher.ids */
	uint32_t req;          /* offset in matcher.ids of the words one of which
				  the sentence must hold: those of the
				  variant's rarest other required part */
	uint16_t nreq;         /* their number (0: no such filter) */
	uint16_t spare;        /* zero: no padding, as the cache saves the
				  bytes of these structs (cache.c) */
} pvariant;

/* A regex entry. Its code is made when a message first needs it (most
 * runs need few regexes; JIT-compiling them all was a third of start-up,
 * and compiling them from the cache's entries 14 % of it), and a
 * JIT-compiled copy once it has been used often (a JIT compile costs what
 * a few hundred interpreted matches do): code, ready, jcode and uses are
 * the one part of the shared matcher written after loading, under a lock
 * (pattern.c regex_code()). matcher_build() compiles each regex to check
 * it and keeps the code; cache_load() leaves it NULL. */
typedef struct {
	uint32_t entry;
	pcre2_code *code;
	atomic_bool ready;          /* code is made (NULL: it would not compile) */
	_Atomic(pcre2_code *) jcode; /* its JIT-compiled copy, or NULL */
	atomic_uint uses;           /* matches tried, to decide on the JIT */
	bool start;       /* flag `start`: compiled anchored, tried at each
			     anchor word instead of over the sentence */
	bool digit;       /* flag `digit`: tried only in sentences holding a digit */
	bool follower;    /* run by an earlier regex of its group (below) */
	uint32_t same;    /* the next regex of the same pattern, flags and
			     anchors (regex_groups()), UINT32_MAX for none:
			     one search, matches for each of their entries */
} pregex;

/* A trie over bytes for substring entries, with Aho-Corasick failure
 * links, as a dense transition table (few entries, short words). */
typedef struct {
	int32_t *next;    /* [state * 256 + byte]: the next state, as ~state
			     when a word ends there (out or outlink set) */
	int32_t *out;     /* entry matched at state, -1 */
	int32_t *outlink; /* next state on the output chain, -1 */
	uint16_t *depth;
	size_t nstates;
} acauto;

/* The variants anchored on each word id, for one table (signals and global
 * cues, or context cues). Most variants need one of a few words right after
 * their anchor, or right before it ("this" [is|was] ...): such a variant is
 * listed under the pairs (anchor, neighbour word), one per word, on the side
 * with fewer words, and is only tried where such a neighbour stands; the
 * others are listed under the anchor alone. A variant is in one list per
 * anchor id, and every list is in variant order. */
enum { SIDE_NEXT, SIDE_PREV };
enum { NTAB = 4 };
#define TAB(pass, view) ((pass) | (view) << 1)
typedef struct {
	uint32_t *start, *var;   /* id -> variants keyed by the anchor alone (CSR) */
	uint32_t *kstart[2];     /* id -> its pairs, by side (CSR) */
	int32_t *kword[2];       /* a pair's neighbour word: sorted within an id */
	uint32_t *kvar[2];       /* a pair's variant: in order within a word */
	uint64_t *kmask;         /* id -> bit w % 32 of each neighbour word w of
				    its pairs, next side in the low half: most
				    words next to an anchor have none */
} anchor_table;

typedef struct {
	pinstr *prog;
	size_t nprog, capprog;
	int32_t *ids;
	size_t nids, capids;
	pvariant *vars;
	size_t nvars, capvars;
	anchor_table tab[NTAB];    /* TAB(pass, view): pass 0 signals and
				      global cues, 1 context cues, run only in
				      sentences that hold a signal; view 0 the
				      entries a customer's (or unknown) message
				      can match, 1 an agent's */
	uint8_t *entry_side;       /* per entry: SIDE_* */
	uint8_t *entry_kind;       /* per entry: ENTRY_SIGNAL, _CUE or _CONTEXT */
	uint8_t *idf;              /* per vocabulary id: IDF_* */
	unsigned build_flags;      /* while compiling: the entry's flags */
	struct seen {              /* while compiling: the id lists (0) and
				      programs (1) made so far, by content,
				      so that a copy is not stored twice
				      (pattern.c share()) */
		uint32_t (*s)[3];  /* hash, offset, length (0: empty) */
		size_t cap, n;
	} seen[2];
	pregex *rx;
	size_t nrx;
	uint32_t *rxa_start, *rxa; /* id -> regexes anchored on it (CSR) */
	acauto ac;
	/* obfuscation-enabled words by length, for masked tokens (f**k) */
	int32_t *masked[16];
	size_t nmasked[16];
	uint16_t *mindex[16];      /* per length: masked_index(); not cached */
	size_t nvocab;
	void *map;                 /* when loaded from the cache (cache.c): the
				      mapped file every array above and the
				      vocabulary's point into; not freed one by
				      one */
	size_t maplen;
} matcher;

/* What a word id is to the matcher, one load per token. */
enum {
	IDF_TAB = 1 << 0,      /* IDF_TAB << t: variants of tab[t] are anchored
				  on it (bits 0 to NTAB - 1) */
	IDF_RX = 1 << 4,       /* regexes are anchored on it */
	IDF_NOSUB = 1 << 5,    /* no substring entry occurs inside it */
	IDF_INNOCENT = 1 << 6, /* it or its lemma is innocent (VF_INNOCENT) */
};

/* One match of a lexicon entry. Word positions index tokens.w. */
typedef struct {
	uint32_t entry;
	uint32_t w0, w1;      /* word positions [w0, w1) */
	uint32_t os, oe;      /* original byte range */
	uint16_t why;         /* MATCH_* reasons it does not count */
	uint16_t flags;       /* MF_* */
	uint16_t gapw;        /* words its gaps skipped */
} match;

enum {
	MF_OBF = 1 << 0,      /* matched through the de-obfuscated view */
	MF_SUB = 1 << 1,      /* matched inside a longer word */
	MF_QUOTED = 1 << 2,   /* inside quotation marks */
	MF_REGION = 1 << 3,   /* inside a quote or signature region */
	MF_REPORTED = 1 << 4, /* reported as a span by a detector (detect_agent.c's
				 flags and recovery elements), set as it is */
};

/* Entries by what they are for: signals (taxonomy labels) and the cues
 * that start judging a sentence (apology words) trigger the context pass;
 * mood and acronym cues are needed everywhere; context cues (negation,
 * targets, ...) only in triggered sentences, and consequence cues only
 * where a deadline is, or in the sentence after one (an ultimatum is the
 * one thing they make: detect_customer.c). */
enum { ENTRY_SIGNAL, ENTRY_CUE, ENTRY_CONTEXT, ENTRY_CONSEQ };
#define ENTRY_IN_CONTEXT_PASS(k) ((k) >= ENTRY_CONTEXT)
enum { HOT_SIGNAL = 1, HOT_DEADLINE = 2 };
/* Whose messages an entry is for: escalation signals are the customer's,
 * apology, agent and recovery signals the agent's, the rest both's. */
enum { SIDE_BOTH = 0, SIDE_CUSTOMER = 1, SIDE_AGENT = 2 };

/* Scratch per analyzer (one thread). */
typedef struct {
	bool all_cues;        /* run context cues in every sentence (lint) */
	uint8_t skip_side;    /* SIDE_CUSTOMER or SIDE_AGENT: the signals of that
				 side are not matched (the message is the
				 other's; the anchor tables of its view leave
				 them out) */
	uint8_t *hot;         /* per sentence: HOT_SIGNAL holds a signal (the
				 context pass looks at it), HOT_DEADLINE holds a
				 deadline or follows one (consequence cues) */
	size_t caphot;
	match *m;
	size_t n, cap;
	buf dbuf;             /* de-obfuscated token views */
	uint32_t *rx_next;    /* per regex, in the current sentence: 0 not run
				 yet, else where a `start` regex may next be
				 tried (normalized offset) */
	size_t nrx_next;
	uint8_t *rx_dead;     /* per regex (nrx_next of them), in the current
				 message: it hit a PCRE2 limit and is not tried
				 again (each try could cost the limit again) */
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	const char *limit_entry; /* id of an entry that hit a PCRE2 limit */
	uint32_t *seen;       /* at vocabulary id + 1: the last sentence
				 (seen_seq) holding a word with that id */
	size_t nseen;
	uint32_t seen_seq;
	uint32_t *cand;       /* variants found through neighbour words */
	size_t capcand;
	match *sort;          /* room to merge matches in */
	size_t capsort;
} match_scratch;

struct tact_engine;

/* pattern.c */
/* Compile every entry of lx. Errors go to d, located at the pattern. */
void matcher_build(matcher *m, vocab *v, const lexicon *lx, diag *d);
void matcher_free(matcher *m);
/* The masked words of each length by first and by last byte, for tokens
 * like "f**k" and "*uck"; made by matcher_build() and cache_load(). */
void masked_index(matcher *m, const vocab *v);
/* Chain the regexes that are the same search (pattern, start and stem
 * flags, anchors, kind) through pregex.same; after m->rx is made. */
void regex_groups(matcher *m, const lexicon *lx);
void match_scratch_free(match_scratch *s);
/* Look up every token's ids (and de-obfuscated views), then find every
 * match of every entry, in order of start. */
void match_all(const matcher *m, const vocab *v, const lexicon *lx, const ntext *nt, tokens *ts,
	       match_scratch *s);
/* Does a word of the substring automaton occur in s[0..n), other than all
 * of s? */
bool ac_inside(const acauto *ac, const char *s, size_t n);
/* A match context with the limits every run of a lexicon regex gets
 * (match, depth, heap), so that a pathological pattern fails instead of
 * hanging; free with pcre2_match_context_free(). */
pcre2_match_context *pattern_match_context(void);
/* Compile one regex pattern "/.../flags" (no JIT yet), anchored at the
 * start offset when asked (entries with flag `start`). NULL with a message
 * and the offset of the problem on error. */
pcre2_code *pattern_compile_regex(const char *pat, size_t len, bool anchored, char *err, size_t errlen,
				  size_t *erroff);

#endif
