/* input.h: a buffered byte stream with bounded lines, shared by the readers.
 * Memory is bounded by the longest line kept (max-message-bytes), never by
 * the input size. Private to libtact. */
#ifndef TACT_INPUT_H
#define TACT_INPUT_H

#include <stdio.h>
#include <sys/types.h>

#include "util.h"

typedef struct {
	FILE *f;
	int fd;           /* read(2) on it when >= 0: data as soon as it arrives */
	char *b;
	size_t pos, end, cap;
	size_t scan;       /* bytes from pos already searched for '\n' */
	size_t limit;      /* longest line returned whole */
	size_t line;       /* number of the next line, 1-based */
	char eol;          /* what ends a line for input_getline(): '\n' */
	unsigned long long consumed; /* bytes handed out so far */
	int err;           /* errno of a failed read, 0 otherwise */
	bool eof;
	bool skipping;    /* the rest of a cut line is still to be skipped */
	void (*before_read)(void *ctx); /* called before each read: it may block */
	void *before_read_ctx;
} input;

/* input.c */
void input_init(input *in, FILE *f, size_t limit);
void input_free(input *in);
/* Make at least n bytes available (fewer at end of file); returns how many
 * are buffered and points *p at them. Does not consume. */
size_t input_peek(input *in, size_t n, const char **p);
/* The next line including its '\n' (absent on the last line). A line longer
 * than the limit (its newline not counted) is cut at the limit, *cut is set
 * and the rest of it is skipped. Returns the length, 0 at end of input; *p
 * is valid until the next call. */
size_t input_getline(input *in, const char **p, bool *cut);
/* Read once more (unless at end of input) and return everything buffered,
 * without consuming it: for deciding on what has arrived so far. */
size_t input_peek_more(input *in, const char **p);
/* Up to n bytes of the stream; 0 at end of input. */
size_t input_read(input *in, const char **p, size_t n);
/* The bytes already buffered, without reading or consuming (0 while the
 * rest of a cut line is to be skipped): for a reader that takes whole
 * lines from the window itself, then consumes them with input_advance(). */
size_t input_buffered(const input *in, const char **p);
/* Consume n buffered bytes that hold `lines` complete lines. */
void input_advance(input *in, size_t n, size_t lines);
/* At the start of the stream, consume a UTF-8 byte-order mark if there is
 * one (a Windows editor's): it is neither text nor a header. */
void input_skip_bom(input *in);

#endif
