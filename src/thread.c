/* thread.c: the session, which sees every analysed message in input order
 * (tact_session_add, called by the CLI after each message is analysed) and
 * keeps per-thread state for features that need a conversation: repeat
 * contact and escalation after an agent reply. It adjusts a customer
 * message's escalation level and score (score.h bands); spans and labels
 * stay what the text says. doc/scoring.md, "Thread adjustments", has the
 * numbers.
 *
 * A thread is the message's "thread" field; a message without one is a
 * thread of its own and leaves no state. Repeat contact is counted per
 * sender (the From field's address, or its text): on a mailing list, or a
 * ticket where a colleague writes too, another person's earlier message
 * is not this author's repeat contact. A thread remembers its last
 * SENDERS senders. Memory is bounded: at most
 * max_threads threads are remembered, in a chained hash table with an LRU
 * list; a new thread beyond the cap evicts the least recently seen one,
 * which then starts afresh if it comes back. Everything is integer
 * arithmetic on input order, so output is the same on every run. */
#include <stdlib.h>

#include "message.h"
#include "score.h"
#include "thread.h"

#define NONE UINT32_MAX
#define SENDERS 4

typedef struct {
	char *key;
	uint64_t hash;
	uint32_t chain;      /* next entry in the bucket */
	uint32_t prev, next; /* LRU list, most recent first */
	uint64_t sender[SENDERS];  /* senders of the customer's side, most recent first */
	uint32_t pending[SENDERS]; /* each one's messages since the last resolving agent reply */
	uint8_t nsender;
	uint8_t last_role;   /* role of the previous message (tact_role) */
	uint8_t last_level;  /* the customer's previous level, from its text */
	bool seen_customer;
} thread_state;

struct tact_session {
	thread_state *t;
	size_t n, cap, max;
	uint32_t *bucket;
	size_t nbucket; /* a power of two */
	uint32_t head, tail;
};

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

tact_session *session_new_capped(size_t max_threads)
{
	tact_session *s = xcalloc(1, sizeof *s);
	s->max = max_threads ? max_threads : 1;
	s->nbucket = 16; /* doubled as threads come, up to max */
	s->bucket = xmalloc(s->nbucket * sizeof *s->bucket);
	for (size_t i = 0; i < s->nbucket; i++)
		s->bucket[i] = NONE;
	s->head = s->tail = NONE;
	return s;
}

tact_session *tact_session_new(void)
{
	return session_new_capped(SESSION_MAX_THREADS);
}

void tact_session_free(tact_session *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->t[i].key);
	free(s->t);
	free(s->bucket);
	free(s);
}

size_t session_thread_count(const tact_session *s)
{
	return s ? s->n : 0;
}

static void lru_unlink(tact_session *s, uint32_t i)
{
	thread_state *t = &s->t[i];
	if (t->prev != NONE)
		s->t[t->prev].next = t->next;
	else
		s->head = t->next;
	if (t->next != NONE)
		s->t[t->next].prev = t->prev;
	else
		s->tail = t->prev;
	t->prev = t->next = NONE;
}

static void lru_push(tact_session *s, uint32_t i)
{
	thread_state *t = &s->t[i];
	t->prev = NONE;
	t->next = s->head;
	if (s->head != NONE)
		s->t[s->head].prev = i;
	s->head = i;
	if (s->tail == NONE)
		s->tail = i;
}

static void bucket_unlink(tact_session *s, uint32_t i)
{
	uint32_t *p = &s->bucket[s->t[i].hash & (s->nbucket - 1)];
	while (*p != i)
		p = &s->t[*p].chain;
	*p = s->t[i].chain;
}

/* The state of thread key, created (evicting the least recently seen
 * thread when the table is full) and moved to the front of the LRU. */
static thread_state *lookup(tact_session *s, const char *key, size_t len)
{
	uint64_t h = fnv1a(key, len);
	uint32_t *head = &s->bucket[h & (s->nbucket - 1)];
	for (uint32_t i = *head; i != NONE; i = s->t[i].chain) {
		thread_state *t = &s->t[i];
		if (t->hash == h && !strncmp(t->key, key, len) && t->key[len] == '\0') {
			if (s->head != i) {
				lru_unlink(s, i);
				lru_push(s, i);
			}
			return t;
		}
	}
	uint32_t i;
	if (s->n < s->max && s->n >= s->nbucket && s->nbucket < ((size_t)1 << 30)) {
		/* more threads than buckets: double them and rechain */
		free(s->bucket);
		s->nbucket *= 2;
		s->bucket = xmalloc(s->nbucket * sizeof *s->bucket);
		for (size_t k = 0; k < s->nbucket; k++)
			s->bucket[k] = NONE;
		for (size_t k = 0; k < s->n; k++) {
			uint32_t *b = &s->bucket[s->t[k].hash & (s->nbucket - 1)];
			s->t[k].chain = *b;
			*b = (uint32_t)k;
		}
		head = &s->bucket[h & (s->nbucket - 1)];
	}
	if (s->n < s->max) {
		VEC_RESERVE(s->t, s->cap, s->n + 1);
		i = (uint32_t)s->n++;
	} else { /* reuse the least recently seen thread's slot */
		i = s->tail;
		lru_unlink(s, i);
		bucket_unlink(s, i);
		free(s->t[i].key);
	}
	thread_state *t = &s->t[i];
	*t = (thread_state){.key = xstrndup(key, len), .hash = h, .chain = *head, .prev = NONE, .next = NONE};
	*head = i;
	lru_push(s, i);
	return t;
}

/* The sender of m as a hash: the address between '<' and '>' in its From
 * field when there is one, else the whole field, ASCII case folded; 0
 * when m has no From (every such message is one sender). */
static uint64_t sender_of(const tact_msg *m)
{
	const char *f = m->fields[TACT_FIELD_FROM];
	if (!f || !*f)
		return 0;
	const char *lt = strchr(f, '<'), *gt = lt ? strchr(lt, '>') : NULL;
	const char *p = gt ? lt + 1 : f, *e = gt ? gt : f + strlen(f);
	uint64_t h = 1469598103934665603ull;
	for (; p < e; p++) {
		unsigned char c = (unsigned char)*p;
		h ^= c >= 'A' && c <= 'Z' ? c + 32 : c;
		h *= 1099511628211ull;
	}
	return h | 1; /* never 0 */
}

/* The pending count of sender h in thread t, made the most recent sender
 * (a new one takes the place of the least recent when all are taken). */
static uint32_t *pending_of(thread_state *t, uint64_t h)
{
	size_t k = 0;
	while (k < t->nsender && t->sender[k] != h)
		k++;
	uint32_t n = 0;
	if (k < t->nsender)
		n = t->pending[k];
	else if (t->nsender < SENDERS)
		k = t->nsender++;
	else
		k = SENDERS - 1;
	if (k) { /* not the most recent sender already */
		memmove(t->sender + 1, t->sender, k * sizeof *t->sender);
		memmove(t->pending + 1, t->pending, k * sizeof *t->pending);
	}
	t->sender[0] = h;
	t->pending[0] = n;
	return &t->pending[0];
}

void tact_session_add(tact_session *s, tact_msg *m)
{
	const char *id = m ? m->fields[TACT_FIELD_THREAD] : NULL;
	if (!s || !id || !*id)
		return; /* a thread of its own: nothing before it, nothing kept */
	thread_state *t = lookup(s, id, strlen(id));
	if (m->role == TACT_ROLE_AGENT) {
		/* a reply that fixes or makes good resolves what was pending */
		if (m->recovery & (TACT_REC_ACTION | TACT_REC_COMPENSATION))
			memset(t->pending, 0, sizeof t->pending);
		t->last_role = TACT_ROLE_AGENT;
		return;
	}
	tact_level text_level = m->level;
	int bonus = 0;
	tact_level level = m->level;
	/* repeat contact: the sender's earlier messages no reply has resolved */
	uint32_t *pending = pending_of(t, sender_of(m));
	if (*pending >= 1)
		bonus += 10 * (int)MIN(*pending, 4u);
	if (*pending >= 2 && level < TACT_LEVEL_LOW)
		level = TACT_LEVEL_LOW;
	/* a rise after an agent reply: the reply made it worse */
	if (t->last_role == TACT_ROLE_AGENT && t->seen_customer && text_level > (tact_level)t->last_level)
		bonus += 15;
	if (bonus && level > TACT_LEVEL_NONE) {
		int extra = level == m->level ? score_extra(m->level, m->score) : 0;
		m->level = level;
		m->score = score_in_band(level, extra + bonus);
	}
	++*pending;
	t->last_role = (uint8_t)m->role;
	t->last_level = (uint8_t)text_level;
	t->seen_customer = true;
}
