/* read_transcript.c: the "transcript" format. Lines "Customer: ..." and
 * "Agent: ..." start turns (speaker names configurable, an optional
 * "[10:02]" time stamp or "(name)" after the speaker allowed); every other
 * line continues the current turn. Each turn is one message whose text is
 * a verbatim slice of the file, so diagnostics point at file lines. A
 * transcript is one conversation: every turn gets the source name as its
 * thread, so thread.c sees repeat contact and escalation after an agent
 * reply. Text before the first speaker line (a title, a date) is not a
 * turn and gets no thread. A name a speaker line tags with a role ("Agent
 * (Anna):") starts turns of that role on its own later ("Anna:"). */
#include "reader.h"

#include <stdlib.h>

/* Names learned from speaker lines that tag them with a role ("Agent
 * (Anna):", "John Smith (Customer):"), so that a later line "Anna:" or
 * "John Smith:" starts a turn of that role instead of continuing the one
 * before (where "Thanks" would be the other speaker's). */
enum { LEARNED_MAX = 16, LEARNED_NAME_MAX = 40 };

typedef struct {
	char *name[LEARNED_MAX];
	size_t len[LEARNED_MAX];
	tact_role role[LEARNED_MAX];
	size_t n;
} learned_names;

typedef struct {
	learned_names names;
	buf text;          /* the pending turn's text */
	buf lead;          /* its first line's bytes before the text: the speaker label */
	size_t line, col;
	tact_role role;
	char *speaker;
	bool active, cut;
	unsigned long long dropped;
} transcript_state;

static tact_status transcript_open(tact_reader *rd, char **err)
{
	(void)err;
	rd->state = xcalloc(1, sizeof(transcript_state));
	return TACT_OK;
}

static void transcript_close(tact_reader *rd)
{
	transcript_state *st = rd->state;
	if (!st)
		return;
	buf_free(&st->text);
	buf_free(&st->lead);
	free(st->speaker);
	for (size_t i = 0; i < st->names.n; i++)
		free(st->names.name[i]);
	free(st);
}

/* Which role a speaker word names (a configured customer or agent name,
 * the whole of [p, p + l)), or TACT_ROLE_UNKNOWN. */
static tact_role role_named(const reader_opts *o, const char *p, size_t l)
{
	for (int pass = 0; pass < 2; pass++) {
		char **names = pass ? o->agent_names : o->customer_names;
		size_t k = pass ? o->nagent_names : o->ncustomer_names;
		for (size_t j = 0; j < k; j++)
			if (strlen(names[j]) == l && ascii_memieq(p, names[j], l))
				return pass ? TACT_ROLE_AGENT : TACT_ROLE_CUSTOMER;
	}
	return TACT_ROLE_UNKNOWN;
}

/* The end of a time stamp at p[i] ("[10:02]", "(09:14 AM)", "10:02 AM -",
 * "2024-06-03 14:31:07 |"), with the spaces after it; i if there is none. */
static size_t skip_stamp(const char *p, size_t n, size_t i)
{
	if (i < n && (p[i] == '[' || p[i] == '(')) {
		char close = p[i] == '[' ? ']' : ')';
		const char *e = memchr(p + i, close, MIN(n - i, 40));
		if (!e || !ascii_digit(p[i + 1]))
			return i;
		i = (size_t)(e - p) + 1;
	} else {
		size_t j = i, colon = 0;
		/* a date and a time: digits and the marks between them */
		while (j < n && (ascii_digit(p[j]) || ((p[j] == ':' || p[j] == '-' || p[j] == '/' || p[j] == '.' ||
							(p[j] == ' ' && colon == 0)) &&
						       j > i && ascii_digit(p[j - 1]) && j + 1 < n && ascii_digit(p[j + 1]))))
			colon += p[j++] == ':';
		if (!colon || j - i < 4)
			return i;
		i = j;
		size_t k = i;
		while (k < n && p[k] == ' ')
			k++;
		if (k + 1 < n && (p[k] == 'a' || p[k] == 'A' || p[k] == 'p' || p[k] == 'P') &&
		    (p[k + 1] == 'm' || p[k + 1] == 'M') && (k + 2 == n || !ascii_alpha((unsigned char)p[k + 2])))
			i = k + 2; /* 10:02 AM */
	}
	while (i < n && p[i] == ' ')
		i++;
	/* a separator: "10:02 AM - Customer:", "14:31 | Agent:" */
	if (i + 1 < n && (p[i] == '-' || p[i] == '|') && p[i + 1] == ' ')
		i += 2;
	else if (i + 3 < n && !memcmp(p + i, "\xE2\x80\x93", 3) && p[i + 3] == ' ')
		i += 4; /* an en dash */
	while (i < n && p[i] == ' ')
		i++;
	return i;
}

/* A speaker line: an optional time stamp, then a speaker and a colon. The
 * speaker is a role name, alone or with a name in parentheses ("Agent:",
 * "Agent (Kevin):"); a name with the role in parentheses ("John Smith
 * (Customer):"); or a title of capitalized words ending in a role name
 * ("Support Agent:", "Live Chat Agent:", not "a note to the agent:").
 * Returns where the turn's text starts, 0 if the line starts no turn. */
size_t transcript_speaker(const reader_opts *o, const char *p, size_t n, tact_role *role, size_t *name_off,
			  size_t *name_len)
{
	size_t i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	i = skip_stamp(p, n, i);
	/* the label: up to the first colon, on one short stretch */
	const char *colon = memchr(p + i, ':', MIN(n - i, 64));
	if (!colon || colon == p + i)
		return 0;
	size_t q = (size_t)(colon - p);
	tact_role r = role_named(o, p + i, q - i); /* "Agent:", "Jane Doe:" */
	if (!r && p[q - 1] == ')') {
		const char *op = memrchr(p + i, '(', q - i);
		if (op && op > p + i + 1 && op[-1] == ' ') {
			r = role_named(o, p + i, (size_t)(op - 1 - (p + i))); /* "Agent (Kevin):" */
			if (!r) /* "John Smith (Customer):" */
				r = role_named(o, op + 1, (size_t)(p + q - 1 - (op + 1)));
		}
	}
	if (!r) { /* "Support Agent:": capitalized words, the last a role */
		size_t words = 0, k = i;
		bool titled = true;
		while (k < q && titled) {
			size_t e = k;
			while (e < q && (ascii_alpha((unsigned char)p[e]) || p[e] == '-'))
				e++;
			titled = e > k && ascii_upper((unsigned char)p[k]) && (e == q || p[e] == ' ');
			words++;
			if (e == q && titled && words >= 2 && words <= 3)
				r = role_named(o, p + k, e - k);
			k = e + 1;
		}
	}
	if (!r)
		return 0;
	*role = r;
	*name_off = i;
	*name_len = q - i;
	q++;
	while (q < n && (p[q] == ' ' || p[q] == '\t'))
		q++;
	return q;
}

/* Learn the person's name of speaker label [p, p + n) when the label
 * tags it with a role in parentheses, either way round. */
static void learn_name(const reader_opts *o, learned_names *ln, const char *p, size_t n, tact_role role)
{
	if (!n || p[n - 1] != ')' || ln->n == LEARNED_MAX)
		return;
	const char *op = memrchr(p, '(', n);
	if (!op || op < p + 2 || op[-1] != ' ')
		return;
	const char *name = p, *in = op + 1;
	size_t len = (size_t)(op - 1 - p), inlen = (size_t)(p + n - 1 - in);
	if (role_named(o, name, len)) { /* "Agent (Anna)" */
		name = in;
		len = inlen;
	}
	if (!len || len > LEARNED_NAME_MAX || role_named(o, name, len) || memchr(name, ':', len))
		return;
	for (size_t i = 0; i < ln->n; i++)
		if (ln->len[i] == len && ascii_memieq(ln->name[i], name, len))
			return;
	ln->name[ln->n] = xstrndup(name, len);
	ln->len[ln->n] = len;
	ln->role[ln->n++] = role;
}

/* A line that starts with a learned name and a colon (after an optional
 * time stamp): where its text starts, 0 if it starts no turn. */
static size_t learned_speaker(const learned_names *ln, const char *p, size_t n, tact_role *role, size_t *name_off,
			      size_t *name_len)
{
	size_t i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	i = skip_stamp(p, n, i);
	for (size_t k = 0; k < ln->n; k++) {
		size_t q = i + ln->len[k];
		if (q < n && p[q] == ':' && ascii_memieq(p + i, ln->name[k], ln->len[k])) {
			*role = ln->role[k];
			*name_off = i;
			*name_len = ln->len[k];
			q++;
			while (q < n && (p[q] == ' ' || p[q] == '\t'))
				q++;
			return q;
		}
	}
	return 0;
}

static bool blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_space((unsigned char)p[i]))
			return false;
	return true;
}

/* Move the pending turn into m. */
static void emit(tact_reader *rd, transcript_state *st, tact_msg *m)
{
	reader_begin(rd, m, st->line);
	m->col = st->col;
	buf_clear(&m->lead);
	buf_add(&m->lead, st->lead.ptr, st->lead.len);
	size_t n = st->text.len;
	while (n && ascii_space((unsigned char)st->text.ptr[n - 1]))
		n--;
	msg_set_text_sanitized(m, st->text.ptr ? st->text.ptr : "", n);
	if (!m->role_forced)
		m->role = st->role;
	if (st->speaker) {
		tact_msg_set_field(m, TACT_FIELD_FROM, st->speaker, (size_t)-1);
		tact_msg_set_field(m, TACT_FIELD_THREAD, rd->name, (size_t)-1);
	}
	if (st->cut || st->dropped) {
		m->error_status = TACT_ERR_LIMIT;
		tact_msg_set_error(m, "turn longer than max-message-bytes (%zu): truncated", rd->opts.max_bytes);
	}
	buf_clear(&st->text);
	free(st->speaker);
	st->speaker = NULL;
	st->active = st->cut = false;
	st->dropped = 0;
}

static void append(const tact_reader *rd, transcript_state *st, const char *p, size_t n)
{
	size_t room = rd->opts.max_bytes - MIN(st->text.len, rd->opts.max_bytes);
	buf_add(&st->text, p, MIN(n, room));
	st->dropped += n - MIN(n, room);
}

static tact_status transcript_next(tact_reader *rd, tact_msg *m, bool *done, char **err)
{
	transcript_state *st = rd->state;
	const char *p;
	size_t n;
	bool cut;
	for (;;) {
		size_t line = rd->in.line;
		n = input_getline(&rd->in, &p, &cut);
		if (!n)
			break;
		if (line == 1 && n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
			p += 3;
			n -= 3;
		}
		tact_role role = TACT_ROLE_UNKNOWN;
		size_t name_off = 0, name_len = 0;
		size_t off = transcript_speaker(&rd->opts, p, n, &role, &name_off, &name_len);
		if (off)
			learn_name(&rd->opts, &st->names, p + name_off, name_len, role);
		else
			off = learned_speaker(&st->names, p, n, &role, &name_off, &name_len);
		if (off) {
			bool had = st->active;
			if (had)
				emit(rd, st, m);
			st->active = true;
			st->line = line;
			st->col = off + 1;
			buf_clear(&st->lead);
			buf_add(&st->lead, p, off);
			st->role = role;
			st->speaker = xstrndup(p + name_off, name_len);
			append(rd, st, p + off, n - off);
			st->cut |= cut;
			if (had)
				return TACT_OK;
			continue;
		}
		if (!st->active) {
			if (blank(p, n))
				continue; /* blank lines before the first turn */
			st->active = true; /* text before any speaker: role unknown */
			st->line = line;
			st->col = 1;
			buf_clear(&st->lead);
			st->role = TACT_ROLE_UNKNOWN;
		}
		append(rd, st, p, n);
		st->cut |= cut;
	}
	tact_status s = reader_io_error(rd, err);
	if (st->active) {
		emit(rd, st, m);
		return s;
	}
	*done = true;
	return s;
}

const struct reader_fmt read_transcript_fmt = {
	.name = "transcript",
	.open = transcript_open,
	.next = transcript_next,
	.close = transcript_close,
};
