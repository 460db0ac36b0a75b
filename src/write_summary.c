/* write_summary.c: counts over a run: messages per role, labels per role,
 * the escalation-level histogram, apology classes, the most frequent rules,
 * per-agent rows (agents known by their From address), and throughput.
 * Printed by --summary after the records, or alone as the "summary"
 * format. */
#include "writer.h"

#include <stdlib.h>
#include <time.h>

typedef struct {
	char *key;
	size_t count[3]; /* by role: unknown, customer, agent */
} counter;

typedef struct {
	counter *v;
	size_t n, cap;
} counters;

typedef struct {
	char *from;
	size_t msgs, apology[5], recovery_sum, flagged;
} agent_row;

struct summary {
	size_t msgs, errors, by_role[3], level[5], derog[4], apology[5];
	counters labels, rules;
	agent_row *agents;
	size_t nagents, capagents;
	struct timespec t0;
};

static counter *counter_get(counters *c, const char *key)
{
	for (size_t i = 0; i < c->n; i++) /* few distinct keys: labels, rules */
		if (!strcmp(c->v[i].key, key))
			return &c->v[i];
	VEC_RESERVE(c->v, c->cap, c->n + 1);
	c->v[c->n] = (counter){.key = xstrdup(key)};
	return &c->v[c->n++];
}

struct summary *summary_new(void)
{
	struct summary *s = xcalloc(1, sizeof *s);
	clock_gettime(CLOCK_MONOTONIC, &s->t0);
	return s;
}

void summary_add(struct summary *s, const tact_msg *m)
{
	unsigned r = (unsigned)m->role < 3 ? (unsigned)m->role : 0;
	s->msgs++;
	s->by_role[r]++;
	s->errors += m->error != NULL;
	if (m->role != TACT_ROLE_AGENT)
		s->level[m->level]++;
	s->derog[m->derog]++;
	s->apology[m->apology]++;
	for (size_t i = 0; i < m->nlabels; i++)
		counter_get(&s->labels, m->labels[i])->count[r]++;
	for (size_t i = 0; i < m->nspans; i++)
		if (strchr(m->spans[i].label, '.'))
			counter_get(&s->rules, m->spans[i].rule)->count[r]++;
	const char *from = m->fields[TACT_FIELD_FROM];
	if (m->role == TACT_ROLE_AGENT && from) {
		agent_row *a = NULL;
		for (size_t i = 0; i < s->nagents; i++)
			if (!strcmp(s->agents[i].from, from))
				a = &s->agents[i];
		if (!a) {
			VEC_RESERVE(s->agents, s->capagents, s->nagents + 1);
			a = &s->agents[s->nagents++];
			*a = (agent_row){.from = xstrdup(from)};
		}
		a->msgs++;
		a->apology[m->apology]++;
		a->recovery_sum += m->recovery_score > 0 ? (size_t)m->recovery_score : 0;
		for (size_t i = 0; i < m->nlabels; i++)
			if (!strncmp(m->labels[i], "agent.", 6) || !strncmp(m->labels[i], "derogatory.", 11) ||
			    !strcmp(m->labels[i], "apology.conditional")) {
				a->flagged++;
				break;
			}
	}
}

static int counter_cmp(const void *a, const void *b)
{
	const counter *x = a, *y = b;
	size_t tx = x->count[0] + x->count[1] + x->count[2], ty = y->count[0] + y->count[1] + y->count[2];
	if (tx != ty)
		return tx > ty ? -1 : 1;
	return strcmp(x->key, y->key);
}

void summary_print(struct summary *s, buf *b, bool color)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - s->t0.tv_sec) + (double)(t1.tv_nsec - s->t0.tv_nsec) / 1e9;
	const char *bold = color ? "\033[1m" : "", *off = color ? "\033[0m" : "";
	buf_printf(b, "%ssummary%s: %zu messages (%zu customer, %zu agent, %zu unknown), %zu with errors, "
		      "%.0f messages/s\n",
		   bold, off, s->msgs, s->by_role[TACT_ROLE_CUSTOMER], s->by_role[TACT_ROLE_AGENT],
		   s->by_role[TACT_ROLE_UNKNOWN], s->errors, secs > 0 ? (double)s->msgs / secs : 0.0);
	buf_adds(b, "escalation:");
	for (int l = 0; l < 5; l++)
		buf_printf(b, " %s %zu", tact_level_name((tact_level)l), s->level[l]);
	buf_adds(b, "\nderogatory:");
	for (int d = 1; d < 4; d++)
		buf_printf(b, " %s %zu", tact_derog_name((tact_derog)d), s->derog[d]);
	buf_adds(b, "\napology:");
	for (int a = 1; a < 5; a++)
		buf_printf(b, " %s %zu", tact_apology_name((tact_apology)a), s->apology[a]);
	buf_addc(b, '\n');
	if (s->labels.n)
		qsort(s->labels.v, s->labels.n, sizeof *s->labels.v, counter_cmp);
	buf_printf(b, "%-28s %9s %9s %9s\n", "label", "customer", "agent", "unknown");
	for (size_t i = 0; i < s->labels.n; i++) {
		const counter *c = &s->labels.v[i];
		buf_printf(b, "%-28s %9zu %9zu %9zu\n", c->key, c->count[1], c->count[2], c->count[0]);
	}
	if (s->rules.n)
		qsort(s->rules.v, s->rules.n, sizeof *s->rules.v, counter_cmp);
	if (s->rules.n)
		buf_adds(b, "top rules:\n");
	for (size_t i = 0; i < s->rules.n && i < 10; i++) {
		const counter *c = &s->rules.v[i];
		buf_printf(b, "  %-36s %9zu\n", c->key, c->count[0] + c->count[1] + c->count[2]);
	}
	if (s->nagents) {
		buf_printf(b, "%-32s %6s %8s %8s %8s %8s %8s %8s\n", "agent", "msgs", "sincere", "canned",
			   "condit.", "none", "flagged", "recovery");
		for (size_t i = 0; i < s->nagents; i++) {
			const agent_row *a = &s->agents[i];
			buf_printf(b, "%-32.32s %6zu %8zu %8zu %8zu %8zu %8zu %8.0f\n", a->from, a->msgs,
				   a->apology[TACT_APOLOGY_SINCERE], a->apology[TACT_APOLOGY_CANNED],
				   a->apology[TACT_APOLOGY_CONDITIONAL], a->apology[TACT_APOLOGY_NONE], a->flagged,
				   a->msgs ? (double)a->recovery_sum / (double)a->msgs : 0.0);
		}
	}
}

void summary_free(struct summary *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->labels.n; i++)
		free(s->labels.v[i].key);
	for (size_t i = 0; i < s->rules.n; i++)
		free(s->rules.v[i].key);
	free(s->labels.v);
	free(s->rules.v);
	for (size_t i = 0; i < s->nagents; i++)
		free(s->agents[i].from);
	free(s->agents);
	free(s);
}

static void summary_write(tact_writer *w, const tact_msg *m)
{
	(void)w;
	(void)m; /* counted by writer.c */
}

static void summary_finish(tact_writer *w)
{
	summary_print(w->summary, &w->ob, w->color);
}

const struct writer_fmt write_summary_fmt = {
	.name = "summary",
	.write = summary_write,
	.finish = summary_finish,
};
