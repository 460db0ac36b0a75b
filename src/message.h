/* message.h: the tact_msg structure shared by readers, the analyzer and the
 * writers. Private to libtact; the public view is the accessors in tact.h. */
#ifndef TACT_MESSAGE_H
#define TACT_MESSAGE_H

#include "tact.h"
#include "util.h"

/* A quote or signature region found by a reader. */
typedef struct {
	const char *kind; /* "quote" or "signature" (static) */
	const char *rule; /* static string naming the reader rule */
	size_t start, end;
} region;

/* Deferred decoding: a reader stores the raw record in msg->raw and sets a
 * decoder that turns it into text and fields on any thread. */
typedef void (*msg_decoder)(tact_msg *msg, const void *ctx);

struct tact_msg {
	buf raw;
	msg_decoder decode;
	const void *decode_ctx;

	buf text;
	char *fields[TACT_FIELD__COUNT]; /* fieldbuf[f].ptr when set, else NULL */
	buf fieldbuf[TACT_FIELD__COUNT]; /* kept across resets */
	tact_role role;
	bool role_forced;      /* --role given: the decoder must not change it */
	size_t index, line;
	size_t col;            /* byte column of the text in its source line when
				  the text is a verbatim slice of the file; 0 otherwise */
	buf lead;              /* when col > 1, the source line's bytes before the
				  text ("Customer: "), for excerpts; kept across resets */
	char *error;
	tact_status error_status;

	char **warnings;
	size_t nwarnings, capwarnings;
	char **attachments;
	size_t nattachments, capattachments;
	region *regions;
	size_t nregions, capregions;
	bool regions_marked;   /* quote_mark() has run on this text */

	/* results */
	tact_span *spans;
	size_t nspans, capspans;
	size_t spans_dropped; /* by msg_trim_spans() */
	const char **labels;
	size_t nlabels, caplabels;
	char **owned; /* strings spans point into */
	size_t nowned, capowned;
	tact_level level;
	int score;
	tact_derog derog;
	tact_apology apology;
	unsigned recovery;
	int recovery_score;
	bool analyzed;
};

/* message.c */
/* Forget results (spans, labels, levels) but keep the content. */
void msg_clear_results(tact_msg *msg);
/* Append a span (offsets in bytes; cp/u16 are filled by msg_finish). The
 * strings must outlive the message or be passed through msg_own(). */
tact_span *msg_add_span(tact_msg *msg, const char *label, const char *rule,
			tact_severity sev, size_t start, size_t end, const char *message);
/* Take ownership of a malloc()ed string until the next reset; returns it. */
char *msg_own(tact_msg *msg, char *s);
/* Add a region with a rule name (both static strings). */
void msg_add_region_rule(tact_msg *msg, const char *kind, const char *rule, size_t start, size_t end);
/* Is [start, end) inside a quote or signature region? */
bool msg_in_region(const tact_msg *msg, size_t start, size_t end);
/* Set the text from bytes that may hold invalid UTF-8 (replaced). */
void msg_set_text_sanitized(tact_msg *msg, const char *s, size_t n);
/* After analysis: add region spans, sort spans, with merge leave out a
 * span wholly inside another of its label that is at least as severe,
 * fill code-point and UTF-16 offsets, build the sorted label list; beyond
 * MSG_MAX_SPANS spans, keep those and the first of each other label, with
 * a warning. */
#define MSG_MAX_SPANS 10000
void msg_finish(tact_msg *msg, bool merge);
/* Between the windows of a long message: when it has many times
 * MSG_MAX_SPANS spans, merge them as msg_finish() does and keep the first
 * MSG_MAX_SPANS and the first of each label and severity after them (what
 * the level and score are made from), counting the others. */
void msg_trim_spans(tact_msg *msg, bool merge);

#endif
