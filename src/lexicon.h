/* lexicon.h: lexicon files (lexicons/LANG/NAME.tact): entries, word
 * classes and embedded examples, as loaded and checked. The format is in
 * lexicons/README.md. Private to libtact.
 *
 * Memory: the strings of entries, classes and examples are kept in the
 * lexicon's blocks and die with lexicon_free(). */
#ifndef TACT_LEXICON_H
#define TACT_LEXICON_H

#include "message.h"

/* Entry flags (the FLAGS column). */
enum {
	LF_STEM = 1 << 0,   /* inflected forms of the words match too */
	LF_OBF = 1 << 1,    /* obfuscated forms match (leet, masks, look-alikes) */
	LF_SUB = 1 << 2,    /* a one-word pattern that also matches inside a word */
	LF_CAPS = 1 << 3,   /* the original must be written in capitals (acronyms) */
	LF_ANY = 1 << 4,    /* counts even when negated, hypothetical or reported */
	LF_TARGET = 1 << 5, /* needs a person as target (insults) */
	LF_OFF = 1 << 6,    /* disabled: lets a user lexicon switch a bundled entry off */
	LF_CLAUSE = 1 << 7, /* cue scope: the whole clause */
	LF_SENTENCE = 1 << 8, /* cue scope: the whole sentence */
	LF_NOQUOTE = 1 << 9,  /* does not count inside quotation marks */
	LF_START = 1 << 10,   /* regex: every match starts at an anchor word */
	LF_DIGIT = 1 << 11,   /* regex: every match holds a digit; tried only in sentences with one */
	LF_HARSH = 1 << 12,   /* target: a harsh word said of anything; with nobody near, of a thing */
	LF_MOVES = 1 << 13,   /* cue: takes back moves, not what the author reports (repeat contact) */
	/* behaviour a detector gives the entries of one label that carry the
	 * flag (detectors name flags, never entry ids) */
	LF_BACK = 1 << 14,    /* agent.argumentative: points back at an earlier message */
	LF_BARE = 1 << 15,    /* recovery.empathy: generic when said bare ("That's awful.") */
	LF_PARTNER = 1 << 16, /* agent.deflect: asks another account to take the issue */
	LF_CURSE = 1 << 17,   /* derogatory.profanity: one word of it curses ("fuck them") */
};

typedef struct {
	bool positive; /* '+' must match, '-' must not */
	char *text;
	int line;
} lex_example;

typedef struct {
	char *id;
	const char *label;  /* interned: points into the label table */
	tact_severity sev;
	unsigned flags;
	int before, after;  /* cue scope in words (0: none) */
	char *pattern;      /* phrase or /regex/flags */
	char **anchors;     /* regex entries: words that must occur */
	size_t nanchors;
	const char *file;   /* interned file name */
	int line, pattern_col;
	lex_example *examples; /* only when the lexicon's examples is set */
	size_t nexamples, capexamples;
	bool user;          /* from --lexicons, not bundled */
} lex_entry;

typedef struct {
	char *name;
	char *alts;         /* the alternatives, as written */
	const char *file;
	int line;
} lex_class;

/* Located diagnostics: "FILE:LINE:COL: message". */
typedef struct {
	char **msgs;
	size_t n, cap;
	size_t errors;
} diag;

typedef struct {
	bool examples;      /* set before loading: keep the embedded examples
			     * (lint, test; else they are only checked) */
	lex_entry *e;
	size_t n, cap;
	lex_class *classes;
	size_t nclasses, capclasses;
	char **files;       /* interned file names */
	size_t nfiles, capfiles;
	char **blocks;      /* the strings, one after another */
	size_t nblocks, capblocks;
	char *next;         /* free space in the last block */
	size_t left;
	uint32_t *byid;     /* open hash of entry ids: index + 1, 0 empty */
	size_t nbyid;       /* a power of two, at least twice n */
} lexicon;

/* lexicon.c */
/* Load every *.tact file of dir (sorted by name). A user directory may
 * redefine a bundled entry by id (the later definition wins). */
void lexicon_load_dir(lexicon *lx, const char *dir, bool user, diag *d);
/* Load one file. */
void lexicon_load_file(lexicon *lx, const char *path, bool user, diag *d);
void lexicon_free(lexicon *lx);
const lex_class *lexicon_class(const lexicon *lx, const char *name, size_t len);
/* The interned label string for name, or NULL when it is not a label. */
const char *label_lookup(const char *name, size_t len);
/* The same for a string literal: the answer is remembered by its address,
 * per thread (detectors ask in their loops). */
static inline const char *label_intern(const char *name, size_t len)
{
	static _Thread_local struct {
		const char *key, *val;
		size_t len;
	} cache[256]; /* direct-mapped: the detectors ask for about 60 labels */
	size_t h = (size_t)(((uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15ULL) >> 56);
	if (cache[h].key != name || cache[h].len != len) {
		cache[h].key = name;
		cache[h].len = len;
		cache[h].val = label_lookup(name, len);
	}
	return cache[h].val;
}
/* Is the label a cue (used by detectors, never reported)? */
static inline bool label_is_cue(const char *l) { return l[0] == 'c' && l[1] == 'u' && l[2] == 'e' && l[3] == '.'; }
/* A one-line description of a label for diagnostics ("threat of legal
 * action"). */
const char *label_message(const char *label);

void diag_add(diag *d, bool error, const char *file, int line, int col, const char *fmt, ...)
	PRINTF_LIKE(6, 7);
void diag_free(diag *d);

/* Find the bundled lexicon directory: $TACT_LEXICONS, next to the binary
 * (../lexicons or ../share/tact/lexicons), or the compiled-in DATADIR. */
char *lexicon_default_dir(const char *lang);

#endif
