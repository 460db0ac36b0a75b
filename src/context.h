/* context.h: is a match asserted by the author? Private to libtact. */
#ifndef TACT_CONTEXT_H
#define TACT_CONTEXT_H

#include "pattern.h"

/* Reasons a match does not count (match.why bits). */
enum {
	WHY_REGION = 1 << 0,       /* in a quote or signature region */
	WHY_NEGATED = 1 << 1,      /* "not going to cancel" */
	WHY_HYPOTHETICAL = 1 << 2, /* "I'd never sue" */
	WHY_RETRACTED = 1 << 3,    /* "I was about to cancel but" */
	WHY_REPORTED = 1 << 4,     /* "the driver said", "my lawyer friend" */
	WHY_QUOTED = 1 << 5,       /* inside quotation marks of reported speech */
	WHY_IDIOM = 1 << 6,        /* "this is killing me" */
	WHY_INNOCENT = 1 << 7,     /* inside an innocent word or phrase */
};

/* context.c */
/* Set match.why for every match: regions from the message, cues from the
 * lexicon. Cue matches themselves are left alone. */
void context_judge(const lexicon *lx, const tokens *ts, const tact_msg *msg, match_scratch *s);
/* Is match m in the scope of cue match c, whose entry is cue? */
bool context_in_scope(const lex_entry *cue, const match *c, const match *m, const tokens *ts);
/* A short name for the first reason in why ("negated"), or NULL. */
const char *context_why_name(unsigned why);

#endif
