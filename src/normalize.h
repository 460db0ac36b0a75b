/* normalize.h: NFKC + case folding + removal of default-ignorable code
 * points, with a map from every normalized byte back to the original bytes.
 * Private to libtact. */
#ifndef TACT_NORMALIZE_H
#define TACT_NORMALIZE_H

#include "util.h"

/* The map is a list of runs. An identity run copies bytes one to one
 * (lower-cased ASCII, or non-ASCII already in normal form): normalized
 * byte norm+k comes from original byte orig+k. A segment run is one
 * starter and its combining marks normalized together: every byte of its
 * nlen normalized bytes comes from the whole original range [orig,
 * orig+olen). Removed code points leave a gap between runs. */
typedef struct {
	uint32_t norm, orig, nlen, olen;
	bool ident;
} nrun;

typedef struct {
	buf out;
	nrun *runs;
	size_t nruns, capruns;
	/* scratch for utf8proc */
	int32_t *u32;
	size_t capu32;
	struct cp_entry *cpc; /* normalized single code points, filled on use */
} ntext;

/* normalize.c */
/* Normalize s (valid UTF-8, n bytes) into nt->out, replacing its content. */
void normalize(ntext *nt, const char *s, size_t n);
void ntext_free(ntext *nt);
/* Original range of the normalized range [a, b) (a < b). *hint is a run
 * index to start from; pass 0 at first, it makes sequential lookups O(1). */
void ntext_orig_range(const ntext *nt, size_t a, size_t b, size_t *hint, size_t *oa, size_t *ob);
/* The punctuation folding done before NFKC: curly quotes to ASCII, dashes
 * to '-'. Returns cp unchanged when nothing applies. */
int32_t normalize_fold_punct(int32_t cp);

#endif
