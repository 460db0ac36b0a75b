/* thread.h: the session's private parts, for tests. Private to libtact. */
#ifndef TACT_THREAD_H
#define TACT_THREAD_H

#include "tact.h"

/* Threads a session remembers by default; the least recently seen thread
 * is forgotten when a new one would exceed this (doc/scoring.md). */
#define SESSION_MAX_THREADS 100000

/* thread.c */
/* A session that remembers at most max_threads threads (>= 1). */
tact_session *session_new_capped(size_t max_threads);
/* Threads currently remembered. */
size_t session_thread_count(const tact_session *s);

#endif
