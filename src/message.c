/* message.c: tact_msg, the one object that flows through the pipeline.
 * Readers fill it, tact_analyze() annotates it, writers print it. It owns
 * its text; spans are offsets into that text. */
#include "message.h"

#include <stdarg.h>
#include <stdlib.h>

tact_msg *tact_msg_new(void)
{
	tact_msg *m = xcalloc(1, sizeof *m);
	m->recovery_score = -1;
	return m;
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
}

void msg_clear_results(tact_msg *m)
{
	free_strv(m->owned, m->nowned);
	m->nowned = 0;
	m->nspans = 0;
	m->spans_dropped = 0;
	m->nlabels = 0;
	m->level = TACT_LEVEL_NONE;
	m->score = 0;
	m->derog = TACT_DEROG_NONE;
	m->apology = TACT_APOLOGY_NA;
	m->recovery = 0;
	m->recovery_score = -1;
	m->analyzed = false;
}

void tact_msg_reset(tact_msg *m)
{
	if (!m)
		return;
	msg_clear_results(m);
	buf_clear(&m->raw);
	buf_clear(&m->text);
	m->decode = NULL;
	m->decode_ctx = NULL;
	for (int i = 0; i < TACT_FIELD__COUNT; i++)
		m->fields[i] = NULL;
	m->role = TACT_ROLE_UNKNOWN;
	m->role_forced = false;
	m->index = m->line = m->col = 0;
	buf_clear(&m->lead);
	free(m->error);
	m->error = NULL;
	m->error_status = TACT_OK;
	free_strv(m->warnings, m->nwarnings);
	m->nwarnings = 0;
	free_strv(m->attachments, m->nattachments);
	m->nattachments = 0;
	m->nregions = 0;
	m->regions_marked = false;
}

void tact_msg_free(tact_msg *m)
{
	if (!m)
		return;
	tact_msg_reset(m);
	buf_free(&m->raw);
	buf_free(&m->text);
	buf_free(&m->lead);
	for (int i = 0; i < TACT_FIELD__COUNT; i++)
		buf_free(&m->fieldbuf[i]);
	free(m->warnings);
	free(m->attachments);
	free(m->regions);
	free(m->spans);
	free(m->labels);
	free(m->owned);
	free(m);
}

void msg_set_text_sanitized(tact_msg *m, const char *s, size_t n)
{
	buf_clear(&m->text);
	size_t bad = utf8_sanitize_into(&m->text, s, n);
	if (bad)
		tact_msg_add_warning(m, "invalid UTF-8: %zu sequence%s replaced by U+FFFD", bad,
				     bad == 1 ? "" : "s");
}

void tact_msg_set_text(tact_msg *m, const char *text, size_t len)
{
	msg_set_text_sanitized(m, text ? text : "", text ? len : 0);
}

void tact_msg_set_role(tact_msg *m, tact_role role)
{
	m->role = role;
}

void tact_msg_set_field(tact_msg *m, tact_field f, const char *s, size_t len)
{
	if ((unsigned)f >= TACT_FIELD__COUNT)
		return;
	m->fields[f] = NULL;
	if (!s)
		return;
	if (len == (size_t)-1)
		len = strlen(s);
	buf *b = &m->fieldbuf[f];
	/* the value it holds already (the source name, the same for every
	 * message of a file): that is valid UTF-8, so it stays as it is */
	if (b->ptr && b->len == len && !memcmp(b->ptr, s, len)) {
		m->fields[f] = b->ptr;
		return;
	}
	if (b->ptr && s >= b->ptr && s < b->ptr + b->cap) { /* its own value */
		char *copy = xstrndup(s, len);
		tact_msg_set_field(m, f, copy, len);
		free(copy);
		return;
	}
	buf_clear(b);
	utf8_sanitize_into(b, s, len);
	if (!b->ptr)
		buf_reserve(b, 0);
	m->fields[f] = b->ptr;
}

void tact_msg_set_error(tact_msg *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *e = xvasprintf(fmt, ap);
	va_end(ap);
	if (m->error) { /* keep the first cause, it explains the rest */
		free(e);
		return;
	}
	m->error = e;
	if (!m->error_status)
		m->error_status = TACT_ERR_INPUT;
}

void tact_msg_add_warning(tact_msg *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *w = xvasprintf(fmt, ap);
	va_end(ap);
	for (size_t i = 0; i < m->nwarnings; i++)
		if (!strcmp(m->warnings[i], w)) { /* once: a message analysed again */
			free(w);
			return;
		}
	VEC_RESERVE(m->warnings, m->capwarnings, m->nwarnings + 1);
	m->warnings[m->nwarnings++] = w;
}

void msg_add_region_rule(tact_msg *m, const char *kind, const char *rule, size_t start, size_t end)
{
	VEC_RESERVE(m->regions, m->capregions, m->nregions + 1);
	m->regions[m->nregions++] = (region){kind, rule, start, end};
}

tact_status tact_msg_add_region(tact_msg *m, const char *kind, size_t start, size_t end)
{
	const char *k;
	if (kind && !strcmp(kind, "quote"))
		k = "quote";
	else if (kind && !strcmp(kind, "signature"))
		k = "signature";
	else
		return TACT_ERR_USAGE;
	if (start > end || end > m->text.len)
		return TACT_ERR_USAGE;
	msg_add_region_rule(m, k, k, start, end);
	return TACT_OK;
}

bool msg_in_region(const tact_msg *m, size_t start, size_t end)
{
	for (size_t i = 0; i < m->nregions; i++)
		if (start < m->regions[i].end && end > m->regions[i].start)
			return true;
	return false;
}

tact_span *msg_add_span(tact_msg *m, const char *label, const char *rule, tact_severity sev,
			size_t start, size_t end, const char *message)
{
	VEC_RESERVE(m->spans, m->capspans, m->nspans + 1);
	tact_span *s = &m->spans[m->nspans++];
	*s = (tact_span){.label = label, .rule = rule, .severity = sev, .start = start, .end = end,
			 .message = message ? message : label};
	return s;
}

char *msg_own(tact_msg *m, char *s)
{
	VEC_RESERVE(m->owned, m->capowned, m->nowned + 1);
	m->owned[m->nowned++] = s;
	return s;
}

static int span_cmp(const void *a, const void *b)
{
	const tact_span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	int c = strcmp(x->label, y->label);
	return c ? c : strcmp(x->rule, y->rule);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Fill cp/u16 offsets in one pass over the text: spans are sorted by start,
 * ends are looked up with a second cursor per span (spans are short). */
static void fill_offsets(tact_msg *m)
{
	const unsigned char *t = (const unsigned char *)m->text.ptr;
	size_t pos = 0, cp = 0, u16 = 0;
	for (size_t i = 0; i < m->nspans; i++) {
		tact_span *s = &m->spans[i];
		if (s->start < pos) { /* cannot happen after sorting; be safe */
			pos = cp = u16 = 0;
		}
		while (pos < s->start) {
			uint64_t w;
			if (s->start - pos >= 8 && (memcpy(&w, t + pos, 8), !(w & 0x8080808080808080ULL))) {
				pos += 8; /* ASCII: a code point and a UTF-16 unit each */
				cp += 8;
				u16 += 8;
				continue;
			}
			if ((t[pos] & 0xC0) != 0x80) {
				cp++;
				u16 += t[pos] >= 0xF0 ? 2 : 1;
			}
			pos++;
		}
		s->cp_start = cp;
		s->u16_start = u16;
		size_t c2 = cp, u2 = u16;
		for (size_t p = pos; p < s->end; p++)
			if ((t[p] & 0xC0) != 0x80) {
				c2++;
				u2 += t[p] >= 0xF0 ? 2 : 1;
			}
		s->cp_end = c2;
		s->u16_end = u2;
	}
}

/* Label, then start, then the longer first, then the more severe first. */
static int span_nest_cmp(const void *a, const void *b)
{
	const tact_span *x = a, *y = b;
	int c = strcmp(x->label, y->label);
	if (c)
		return c;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

/* One finding per label and words: a span wholly inside another kept span
 * of its label that is at least as severe is dropped ("apologise for any"
 * inside "We apologise for any inconvenience"; of two rules on the same
 * words, the more severe stays). One sweep per label in nesting order,
 * where reach[v] is how far the kept spans of severity v or more reach,
 * then back to span order. */
static void merge_contained(tact_msg *m)
{
	qsort(m->spans, m->nspans, sizeof *m->spans, span_nest_cmp);
	size_t kept = 0, reach[TACT_SEV_CRITICAL + 1] = {0};
	const char *label = NULL;
	for (size_t i = 0; i < m->nspans; i++) {
		tact_span s = m->spans[i];
		if (!label || strcmp(label, s.label)) {
			memset(reach, 0, sizeof reach);
			label = s.label;
		}
		size_t v = (size_t)s.severity <= TACT_SEV_CRITICAL ? (size_t)s.severity : TACT_SEV_CRITICAL;
		if (reach[v] >= s.end && reach[v] > 0)
			continue;
		for (size_t k = 0; k <= v; k++)
			reach[k] = MAX(reach[k], s.end);
		m->spans[kept++] = s;
	}
	m->nspans = kept;
	qsort(m->spans, m->nspans, sizeof *m->spans, span_cmp);
}

/* A message of a million insults would be one record of hundreds of
 * megabytes: keep the first MSG_MAX_SPANS spans, and the first span of
 * each label with none among them, so that every label keeps its evidence.
 * Labels, levels and scores were made from them all. */
static void cap_spans(tact_msg *m)
{
	bool shown[64] = {false}; /* by index in m->labels (the taxonomy has fewer) */
	size_t nl = MIN(m->nlabels, ARRAY_LEN(shown)), k = 0;
	for (size_t i = 0; i < m->nspans; i++) {
		size_t j = 0; /* the span's label in m->labels; nl for regions and spelling */
		while (j < nl && strcmp(m->labels[j], m->spans[i].label))
			j++;
		bool first = j < nl && !shown[j];
		if (j < nl)
			shown[j] = true;
		if (i < MSG_MAX_SPANS || first)
			m->spans[k++] = m->spans[i];
	}
	tact_msg_add_warning(m, "%zu spans found; the first %d are listed, and the first of each label after them",
			     m->nspans + m->spans_dropped, MSG_MAX_SPANS);
	m->nspans = k;
}

void msg_trim_spans(tact_msg *m, bool merge)
{
	if (m->nspans <= 4 * MSG_MAX_SPANS)
		return;
	qsort(m->spans, m->nspans, sizeof *m->spans, span_cmp);
	if (merge)
		merge_contained(m);
	size_t k = MIN(m->nspans, (size_t)MSG_MAX_SPANS), n = k;
	for (size_t i = k; i < m->nspans; i++) {
		bool first = true; /* among those kept after the first k: a few dozen */
		for (size_t j = k; j < n && first; j++)
			first = m->spans[j].severity != m->spans[i].severity || strcmp(m->spans[j].label, m->spans[i].label);
		if (first)
			m->spans[n++] = m->spans[i];
	}
	m->spans_dropped += m->nspans - n;
	m->nspans = n;
}

void msg_finish(tact_msg *m, bool merge)
{
	for (size_t i = 0; i < m->nregions; i++) {
		const region *r = &m->regions[i];
		msg_add_span(m, r->kind, r->rule, TACT_SEV_INFO, r->start, r->end,
			     r->kind[0] == 'q' ? "quoted text, not judged" : "signature, not judged");
	}
	if (m->nspans)
		qsort(m->spans, m->nspans, sizeof *m->spans, span_cmp);
	if (merge && m->nspans > 1)
		merge_contained(m);
	fill_offsets(m);
	m->nlabels = 0;
	for (size_t i = 0; i < m->nspans; i++) {
		const char *l = m->spans[i].label;
		if (!strchr(l, '.'))
			continue; /* regions and spelling are not taxonomy labels */
		VEC_RESERVE(m->labels, m->caplabels, m->nlabels + 1);
		m->labels[m->nlabels++] = l;
	}
	if (m->nlabels)
		qsort(m->labels, m->nlabels, sizeof *m->labels, str_cmp);
	size_t k = 0;
	for (size_t i = 0; i < m->nlabels; i++)
		if (!k || strcmp(m->labels[k - 1], m->labels[i]))
			m->labels[k++] = m->labels[i];
	m->nlabels = k;
	if (m->nspans > MSG_MAX_SPANS || m->spans_dropped)
		cap_spans(m);
	m->analyzed = true;
}

const char *tact_msg_text(const tact_msg *m, size_t *len)
{
	if (len)
		*len = m->text.len;
	return m->text.ptr ? m->text.ptr : "";
}

tact_role tact_msg_role(const tact_msg *m) { return m->role; }
const char *tact_msg_field(const tact_msg *m, tact_field f)
{
	return (unsigned)f < TACT_FIELD__COUNT ? m->fields[f] : NULL;
}
size_t tact_msg_index(const tact_msg *m) { return m->index; }
void tact_msg_set_index(tact_msg *m, size_t index) { m->index = index; }
size_t tact_msg_line(const tact_msg *m) { return m->line; }
const char *tact_msg_error(const tact_msg *m) { return m->error; }
size_t tact_msg_size(const tact_msg *m)
{
	size_t n = sizeof *m + m->raw.cap + m->text.cap + m->lead.cap + m->capspans * sizeof *m->spans +
		   m->capregions * sizeof *m->regions;
	for (int i = 0; i < TACT_FIELD__COUNT; i++)
		n += m->fieldbuf[i].cap;
	return n;
}
size_t tact_msg_warning_count(const tact_msg *m) { return m->nwarnings; }
const char *tact_msg_warning(const tact_msg *m, size_t i) { return i < m->nwarnings ? m->warnings[i] : NULL; }
size_t tact_msg_attachment_count(const tact_msg *m) { return m->nattachments; }
const char *tact_msg_attachment(const tact_msg *m, size_t i)
{
	return i < m->nattachments ? m->attachments[i] : NULL;
}
size_t tact_msg_span_count(const tact_msg *m) { return m->nspans; }
const tact_span *tact_msg_span(const tact_msg *m, size_t i) { return i < m->nspans ? &m->spans[i] : NULL; }
size_t tact_msg_label_count(const tact_msg *m) { return m->nlabels; }
const char *tact_msg_label(const tact_msg *m, size_t i) { return i < m->nlabels ? m->labels[i] : NULL; }

tact_level tact_msg_escalation(const tact_msg *m, int *score)
{
	if (score)
		*score = m->score;
	return m->level;
}

tact_derog tact_msg_derogatory(const tact_msg *m) { return m->derog; }
tact_apology tact_msg_apology(const tact_msg *m) { return m->apology; }

unsigned tact_msg_recovery(const tact_msg *m, int *score)
{
	if (score)
		*score = m->recovery_score;
	return m->recovery;
}

tact_severity tact_msg_max_severity(const tact_msg *m)
{
	tact_severity s = (tact_severity)m->level;
	for (size_t i = 0; i < m->nspans; i++)
		if (m->spans[i].severity > s && strchr(m->spans[i].label, '.'))
			s = m->spans[i].severity;
	return s;
}

void tact_msg_decode(tact_msg *m)
{
	if (!m->decode)
		return;
	msg_decoder d = m->decode;
	m->decode = NULL; /* idempotent, and a decoder may re-enter accessors */
	d(m, m->decode_ctx);
}
