/* write_summary.c: counts over a run: messages per role, labels per role,
 * the escalation-level histogram, apology classes, the most frequent rules,
 * per-agent rows (agents known by their From address or transcript name),
 * and throughput. Fed every record by writer.c; printed by --summary after
 * the records, or alone as the "summary" format; the HTML report draws its
 * panel and charts from the same counts.
 *
 * Memory is bounded by the number of distinct keys: labels and rules by
 * the lexicons, agents by SUMMARY_MAX_AGENTS. Keys live in open-addressing
 * hash tables, so a run over millions of messages costs one hash lookup
 * per label, rule and agent. */
#include "writer.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void table_rehash(summary_table *t, size_t nslot)
{
	free(t->slot);
	t->slot = xcalloc(nslot, sizeof *t->slot);
	t->nslot = nslot;
	for (size_t i = 0; i < t->n; i++) {
		size_t h = (size_t)hash_bytes(t->v[i].key, strlen(t->v[i].key)) & (nslot - 1);
		while (t->slot[h])
			h = (h + 1) & (nslot - 1);
		t->slot[h] = i + 1;
	}
}

/* The entry for key, or NULL when absent and !add. */
static summary_entry *table_get(summary_table *t, const char *key, bool add)
{
	size_t len = strlen(key);
	if (t->nslot) {
		size_t h = (size_t)hash_bytes(key, len) & (t->nslot - 1);
		for (; t->slot[h]; h = (h + 1) & (t->nslot - 1)) {
			summary_entry *e = &t->v[t->slot[h] - 1];
			if (!strcmp(e->key, key))
				return e;
		}
	}
	if (!add)
		return NULL;
	if (2 * (t->n + 1) > t->nslot)
		table_rehash(t, t->nslot ? 2 * t->nslot : 16);
	VEC_RESERVE(t->v, t->cap, t->n + 1);
	t->v[t->n] = (summary_entry){.key = xstrdup(key)};
	size_t h = (size_t)hash_bytes(key, len) & (t->nslot - 1);
	while (t->slot[h])
		h = (h + 1) & (t->nslot - 1);
	t->slot[h] = ++t->n;
	return &t->v[t->n - 1];
}

static void table_free(summary_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].key);
	free(t->v);
	free(t->slot);
}

static int entry_cmp(const void *a, const void *b)
{
	const summary_entry *x = *(summary_entry *const *)a, *y = *(summary_entry *const *)b;
	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return strcmp(x->key, y->key);
}

summary_entry **summary_sorted(const summary_table *t)
{
	summary_entry **v = xcalloc(t->n + 1, sizeof *v);
	for (size_t i = 0; i < t->n; i++)
		v[i] = &t->v[i];
	qsort(v, t->n, sizeof *v, entry_cmp);
	return v;
}

struct summary *summary_new(void)
{
	struct summary *s = xcalloc(1, sizeof *s);
	s->t0 = now();
	return s;
}

/* Labels that count against an agent reply in its row. */
static bool flags_agent(const char *label)
{
	return !strncmp(label, "agent.", 6) || !strncmp(label, "derogatory.", 11) ||
	       !strcmp(label, "apology.conditional");
}

void summary_add(struct summary *s, const tact_msg *m)
{
	unsigned r = (unsigned)m->role < 3 ? (unsigned)m->role : 0;
	s->msgs++;
	s->by_role[r]++;
	s->errors += m->error != NULL;
	if (m->role != TACT_ROLE_AGENT)
		s->level[(unsigned)m->level < 5 ? m->level : 0]++;
	s->derog[(unsigned)m->derog < 4 ? m->derog : 0]++;
	s->apology[(unsigned)m->apology < 5 ? m->apology : 0]++;
	for (size_t i = 0; i < m->nlabels; i++) {
		summary_entry *e = table_get(&s->labels, m->labels[i], true);
		e->count[r]++;
		e->total++;
	}
	for (size_t i = 0; i < m->nspans; i++)
		if (strchr(m->spans[i].label, '.')) { /* taxonomy labels, not regions */
			summary_entry *e = table_get(&s->rules, m->spans[i].rule, true);
			e->count[r]++;
			e->total++;
		}
	const char *from = m->fields[TACT_FIELD_FROM];
	if (m->role == TACT_ROLE_AGENT && from) {
		summary_entry *a = table_get(&s->agents, from, false);
		if (!a)
			a = table_get(&s->agents, s->agents.n < SUMMARY_MAX_AGENTS ? from : SUMMARY_OTHER_AGENTS, true);
		a->total++;
		a->apology[(unsigned)m->apology < 5 ? m->apology : 0]++;
		a->recovery_sum += m->recovery_score > 0 ? (size_t)m->recovery_score : 0;
		for (size_t i = 0; i < m->nlabels; i++)
			if (flags_agent(m->labels[i])) {
				a->flagged++;
				break;
			}
	}
}

/* Append s made inert for a terminal (it is a From header), cut and
 * padded to width display columns. */
static void pad_cell(buf *b, const char *s, size_t width)
{
	buf t = {0};
	safe_text(&t, s, strlen(s), false);
	size_t w = 0, i = 0;
	while (i < t.len) {
		int32_t cp;
		int k = utf8_decode((const unsigned char *)t.ptr + i, t.len - i, &cp);
		size_t cw = display_width(t.ptr + i, (size_t)k);
		if (w + cw > width)
			break;
		w += cw;
		i += (size_t)k;
	}
	buf_add(b, t.ptr ? t.ptr : "", i);
	for (; w < width; w++)
		buf_addc(b, ' ');
	buf_free(&t);
}

void summary_print(struct summary *s, buf *b, bool color, bool timing)
{
	const char *bold = color ? "\033[1m" : "", *off = color ? "\033[0m" : "";
	buf_printf(b, "%ssummary%s: %zu messages (%zu customer, %zu agent, %zu unknown), %zu with errors\n", bold,
		   off, s->msgs, s->by_role[TACT_ROLE_CUSTOMER], s->by_role[TACT_ROLE_AGENT],
		   s->by_role[TACT_ROLE_UNKNOWN], s->errors);
	if (timing) {
		double secs = now() - s->t0;
		buf_printf(b, "throughput: %.2f s, %.0f messages/s\n", secs,
			   secs > 0 ? (double)s->msgs / secs : 0.0);
	}
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

	summary_entry **v = summary_sorted(&s->labels);
	if (s->labels.n)
		buf_printf(b, "%s%-28s %9s %9s %9s%s\n", bold, "label", "customer", "agent", "unknown", off);
	for (size_t i = 0; i < s->labels.n; i++)
		buf_printf(b, "%-28s %9zu %9zu %9zu\n", v[i]->key, v[i]->count[TACT_ROLE_CUSTOMER],
			   v[i]->count[TACT_ROLE_AGENT], v[i]->count[TACT_ROLE_UNKNOWN]);
	free(v);

	v = summary_sorted(&s->rules);
	if (s->rules.n)
		buf_printf(b, "%stop rules%s:\n", bold, off);
	for (size_t i = 0; i < s->rules.n && i < 10; i++)
		buf_printf(b, "  %-36s %9zu\n", v[i]->key, v[i]->total);
	free(v);

	v = summary_sorted(&s->agents);
	if (s->agents.n)
		buf_printf(b, "%s%-32s %6s %8s %8s %8s %8s %8s %8s%s\n", bold, "agent", "replies", "sincere", "canned",
			   "condit.", "none", "flagged", "recovery", off);
	for (size_t i = 0; i < s->agents.n; i++) {
		const summary_entry *a = v[i];
		pad_cell(b, a->key, 32);
		buf_printf(b, " %6zu %8zu %8zu %8zu %8zu %8zu %8.0f\n", a->total,
			   a->apology[TACT_APOLOGY_SINCERE], a->apology[TACT_APOLOGY_CANNED],
			   a->apology[TACT_APOLOGY_CONDITIONAL], a->apology[TACT_APOLOGY_NONE], a->flagged,
			   a->total ? (double)a->recovery_sum / (double)a->total : 0.0);
	}
	free(v);
}

void summary_free(struct summary *s)
{
	if (!s)
		return;
	table_free(&s->labels);
	table_free(&s->rules);
	table_free(&s->agents);
	free(s);
}

static void summary_write(tact_writer *w, const tact_msg *m)
{
	(void)w;
	(void)m; /* counted by writer.c */
}

static void summary_finish(tact_writer *w)
{
	summary_print(w->summary, &w->ob, w->color, w->tty);
}

const struct writer_fmt write_summary_fmt = {
	.name = "summary",
	.write = summary_write,
	.finish = summary_finish,
};
