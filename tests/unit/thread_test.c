/* thread_test.c: the session's thread adjustments (repeat contact, a rise
 * after an agent reply, resolving replies), threads without an id, the
 * score bands they use, and the LRU cap on remembered threads. Each case
 * is a conversation: messages in input order with the level and score the
 * analysis gave them, and the level and score the session leaves. */
#include <stdlib.h>

#include "message.h"
#include "score.h"
#include "testing.h"
#include "thread.h"

enum { C = TACT_ROLE_CUSTOMER, A = TACT_ROLE_AGENT, U = TACT_ROLE_UNKNOWN };
enum { N = TACT_LEVEL_NONE, L = TACT_LEVEL_LOW, M = TACT_LEVEL_MEDIUM, H = TACT_LEVEL_HIGH,
       X = TACT_LEVEL_CRITICAL };
#define FIX (TACT_REC_ACTION)
#define COMP (TACT_REC_COMPENSATION)

typedef struct {
	const char *thread; /* NULL: no thread field */
	int role;
	int level, score;   /* from the analysis */
	unsigned recovery;  /* agent replies */
	int want_level, want_score;
	const char *from;   /* NULL: no From field */
} step;

static const struct {
	int line;
	const char *what;
	step s[8];
} cases[] = {
	{__LINE__, "one message: unchanged", {{"t1", C, L, 13, 0, L, 13, NULL}}},
	{__LINE__, "second message: +10 evidence, same level",
	 {{"t1", C, L, 10, 0, L, 10, NULL}, {"t1", C, L, 10, 0, L, 12, NULL}}},
	{__LINE__, "third message of nothing: raised to low",
	 {{"t1", C, N, 0, 0, N, 0, NULL}, {"t1", C, N, 0, 0, N, 0, NULL}, {"t1", C, N, 0, 0, L, 14, NULL}}},
	{__LINE__, "repeat bonus capped at four pending messages",
	 {{"t1", C, M, 35, 0, M, 35, NULL},
	  {"t1", C, M, 35, 0, M, 37, NULL},
	  {"t1", C, M, 35, 0, M, 39, NULL},
	  {"t1", C, M, 35, 0, M, 42, NULL},
	  {"t1", C, M, 35, 0, M, 44, NULL},
	  {"t1", C, M, 35, 0, M, 44, NULL}}},
	{__LINE__, "unresolving agent reply keeps the count; rise after it",
	 {{"t1", C, L, 10, 0, L, 10, NULL}, {"t1", A, N, 0, 0, N, 0, NULL}, {"t1", C, M, 35, 0, M, 41, NULL}}},
	{__LINE__, "resolving reply (action) clears pending; a rise still counts",
	 {{"t1", C, L, 10, 0, L, 10, NULL}, {"t1", A, N, 0, FIX, N, 0, NULL}, {"t1", C, M, 35, 0, M, 38, NULL}}},
	{__LINE__, "compensation resolves too; no rise, no repeat",
	 {{"t1", C, M, 40, 0, M, 40, NULL}, {"t1", A, N, 0, COMP, N, 0, NULL}, {"t1", C, L, 12, 0, L, 12, NULL}}},
	{__LINE__, "falling after a reply is no rise",
	 {{"t1", C, H, 70, 0, H, 70, NULL}, {"t1", A, N, 0, 0, N, 0, NULL}, {"t1", C, M, 40, 0, M, 42, NULL}}},
	{__LINE__, "a rise needs an agent reply just before",
	 {{"t1", C, L, 10, 0, L, 10, NULL}, {"t1", C, M, 35, 0, M, 37, NULL}}},
	{__LINE__, "a first customer message after an agent is no rise",
	 {{"t1", A, N, 0, 0, N, 0, NULL}, {"t1", C, H, 60, 0, H, 60, NULL}}},
	{__LINE__, "threads are separate",
	 {{"t1", C, L, 10, 0, L, 10, NULL}, {"t2", C, L, 10, 0, L, 10, NULL}, {"t1", C, L, 10, 0, L, 12, NULL}}},
	{__LINE__, "no thread: each message alone",
	 {{NULL, C, L, 10, 0, L, 10, NULL}, {NULL, C, L, 10, 0, L, 10, NULL}, {NULL, C, L, 10, 0, L, 10, NULL}}},
	{__LINE__, "unknown role is a customer",
	 {{"t1", U, L, 10, 0, L, 10, NULL}, {"t1", U, L, 10, 0, L, 12, NULL}}},
	{__LINE__, "critical stays in its band",
	 {{"t1", C, X, 100, 0, X, 100, NULL}, {"t1", A, N, 0, 0, N, 0, NULL}, {"t1", C, X, 100, 0, X, 100, NULL}}},
	{__LINE__, "another sender's messages are not this one's repeat contact (a list, a colleague)",
	 {{"t1", C, N, 0, 0, N, 0, "Ann <ann@x.org>"}, {"t1", C, N, 0, 0, N, 0, "bob@x.org"},
	  {"t1", C, N, 0, 0, N, 0, "carol@x.org"}}},
	{__LINE__, "one sender by address, however the name and case are written",
	 {{"t1", C, N, 0, 0, N, 0, "Ann <Ann@X.org>"}, {"t1", C, N, 0, 0, N, 0, "ann@x.org"},
	  {"t1", C, N, 0, 0, L, 14, "A. N. <ann@x.org>"}}},
	{__LINE__, "a sender's count outlasts another writing between",
	 {{"t1", C, L, 10, 0, L, 10, "ann@x.org"}, {"t1", C, L, 10, 0, L, 10, "bob@x.org"},
	  {"t1", C, L, 10, 0, L, 12, "ann@x.org"}}},
	{__LINE__, "a thread remembers four senders: the fifth pushes out the least recent (a), b has written twice",
	 {{"t1", C, L, 10, 0, L, 10, "a@x"}, {"t1", C, L, 10, 0, L, 10, "b@x"}, {"t1", C, L, 10, 0, L, 10, "c@x"},
	  {"t1", C, L, 10, 0, L, 10, "d@x"}, {"t1", C, L, 10, 0, L, 12, "b@x"}, {"t1", C, L, 10, 0, L, 10, "e@x"},
	  {"t1", C, L, 10, 0, L, 10, "a@x"}, {"t1", C, L, 10, 0, L, 14, "b@x"}}},
	{__LINE__, "a resolving reply clears every sender's count",
	 {{"t1", C, L, 10, 0, L, 10, "a@x"}, {"t1", C, L, 10, 0, L, 10, "b@x"}, {"t1", A, N, 0, FIX, N, 0, NULL},
	  {"t1", C, L, 10, 0, L, 10, "a@x"}, {"t1", C, L, 10, 0, L, 10, "b@x"}}},
	{__LINE__, "a raised none starts at the bottom of low",
	 {{"t1", C, N, 0, 0, N, 0, NULL}, {"t1", C, N, 0, 0, N, 0, NULL}, {"t1", C, N, 0, 0, L, 14, NULL},
	  {"t1", C, N, 0, 0, L, 17, NULL}}},
};

static void test_cases(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		tact_session *s = tact_session_new();
		tact_msg *m = tact_msg_new();
		for (size_t k = 0; k < 8; k++) {
			const step *st = &cases[i].s[k];
			if (!st->thread && !st->role)
				break; /* end of the conversation */
			tact_msg_reset(m);
			tact_msg_set_field(m, TACT_FIELD_THREAD, st->thread, (size_t)-1);
			tact_msg_set_field(m, TACT_FIELD_FROM, st->from, (size_t)-1);
			tact_msg_set_role(m, (tact_role)st->role);
			m->level = (tact_level)st->level;
			m->score = st->score;
			m->recovery = st->recovery;
			tact_session_add(s, m);
			CHECK(m->level == (tact_level)st->want_level && m->score == st->want_score, cases[i].line,
			      "%s: message %zu: got %s/%d, want %s/%d", cases[i].what, k + 1, tact_level_name(m->level),
			      m->score, tact_level_name((tact_level)st->want_level), st->want_score);
		}
		tact_msg_free(m);
		tact_session_free(s);
	}
}

/* The bands: score_in_band() and score_extra() are inverses on every
 * score of every level. */
static void test_bands(void)
{
	static const struct {
		int line, level, extra, score;
	} rows[] = {
		{__LINE__, N, 50, 0},   {__LINE__, L, 0, 10},    {__LINE__, L, 100, 34},  {__LINE__, L, 250, 34},
		{__LINE__, M, 0, 35},   {__LINE__, M, 50, 47},   {__LINE__, H, 0, 60},    {__LINE__, H, 100, 84},
		{__LINE__, X, 0, 85},   {__LINE__, X, 100, 100}, {__LINE__, L, -20, 10},
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		int got = score_in_band((tact_level)rows[i].level, rows[i].extra);
		CHECK(got == rows[i].score, rows[i].line, "score_in_band(%d, %d) = %d, want %d", rows[i].level,
		      rows[i].extra, got, rows[i].score);
	}
	for (int lv = L; lv <= X; lv++)
		for (int sc = score_in_band((tact_level)lv, 0); sc <= score_in_band((tact_level)lv, 100); sc++) {
			int ex = score_extra((tact_level)lv, sc);
			CHECK(score_in_band((tact_level)lv, ex) == sc, __LINE__, "level %d score %d: extra %d gives %d", lv,
			      sc, ex, score_in_band((tact_level)lv, ex));
		}
}

/* At most max threads are remembered; the least recently seen goes, and
 * comes back as new. */
static void test_lru(void)
{
	tact_session *s = session_new_capped(2);
	tact_msg *m = tact_msg_new();
	static const struct {
		int line;
		const char *thread;
		int want_score;
		size_t want_threads;
	} rows[] = {
		{__LINE__, "a", 10, 1}, {__LINE__, "b", 10, 2}, {__LINE__, "a", 12, 2}, /* a is now the newest */
		{__LINE__, "c", 10, 2},                                                /* evicts b */
		{__LINE__, "a", 14, 2}, {__LINE__, "b", 10, 2},                        /* b starts afresh; evicts c */
		{__LINE__, "c", 10, 2},
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		tact_msg_reset(m);
		tact_msg_set_field(m, TACT_FIELD_THREAD, rows[i].thread, (size_t)-1);
		tact_msg_set_role(m, TACT_ROLE_CUSTOMER);
		m->level = TACT_LEVEL_LOW;
		m->score = 10;
		tact_session_add(s, m);
		CHECK(m->score == rows[i].want_score, rows[i].line, "thread %s: score %d, want %d", rows[i].thread, m->score,
		      rows[i].want_score);
		CHECK(session_thread_count(s) == rows[i].want_threads, rows[i].line, "%zu threads, want %zu",
		      session_thread_count(s), rows[i].want_threads);
	}
	/* many threads through a small table stay bounded */
	char id[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof id, "t%d", i % 700);
		tact_msg_reset(m);
		tact_msg_set_field(m, TACT_FIELD_THREAD, id, (size_t)-1);
		tact_msg_set_role(m, i % 3 ? TACT_ROLE_CUSTOMER : TACT_ROLE_AGENT);
		tact_session_add(s, m);
	}
	CHECK(session_thread_count(s) == 2, __LINE__, "%zu threads after churn, want 2", session_thread_count(s));
	tact_msg_free(m);
	tact_session_free(s);
	tact_session_free(NULL);
	tact_session_add(NULL, NULL);
}

int main(void)
{
	test_cases();
	test_bands();
	test_lru();
	return TEST_END("thread");
}
