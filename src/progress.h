/* progress.h: the progress line of the tact command on standard error
 * during long runs: bytes read (of the total when the inputs' sizes are
 * known), messages, messages per second. Part of the CLI, not of libtact:
 * main.c calls it; the library never prints. */
#ifndef TACT_PROGRESS_H
#define TACT_PROGRESS_H

#include <stdbool.h>

#include "tact.h"

typedef struct progress progress;

/* progress.c */
/* A progress line, or NULL (every function below accepts NULL and does
 * nothing) when standard error is not a terminal, when quiet, or when
 * out_tty: records go to the same terminal as they come and would tear
 * the line. The line appears only once a run has lasted PROGRESS_DELAY
 * seconds, and is redrawn at most ten times a second. */
progress *progress_new(bool quiet, bool out_tty);
/* Count the size of an input about to be read (a path, or "-" for
 * standard input) into the total. One input of unknown size (a pipe, a
 * terminal) makes the total unknown; only bytes read are shown then. */
void progress_expect(progress *p, const char *path);
/* One message was read from rd: count it and redraw when due. */
void progress_update(progress *p, const tact_reader *rd);
/* rd is at its end (call before tact_reader_free): keep its bytes. */
void progress_stream_done(progress *p, const tact_reader *rd);
/* Erase the line (before the final notes on standard error). */
void progress_finish(progress *p);
/* Erase the line if still shown, and free. */
void progress_free(progress *p);

#endif
