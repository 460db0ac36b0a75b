/* read_transcript.c: the "transcript" format. Lines "Customer: ..." and
 * "Agent: ..." start turns (speaker names configurable, an optional
 * "[10:02]" time stamp or "(name)" after the speaker allowed); every other
 * line continues the current turn. Each turn is one message whose text is
 * a verbatim slice of the file, so diagnostics point at file lines. A
 * transcript is one conversation: every turn gets the source name as its
 * thread, so thread.c sees repeat contact and escalation after an agent
 * reply. Text before the first speaker line (a title, a date) is not a
 * turn and gets no thread. */
#include "reader.h"

#include <stdlib.h>

typedef struct {
	buf text;          /* the pending turn's text */
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
	free(st->speaker);
	free(st);
}

size_t transcript_speaker(const reader_opts *o, const char *p, size_t n, tact_role *role, size_t *name_off,
			  size_t *name_len)
{
	size_t i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i < n && (p[i] == '[' || p[i] == '(')) { /* [10:02] or (10:02 AM) */
		char close = p[i] == '[' ? ']' : ')';
		const char *e = memchr(p + i, close, MIN(n - i, 40));
		if (!e)
			return 0;
		i = (size_t)(e - p) + 1;
		while (i < n && p[i] == ' ')
			i++;
	} else if (i + 5 <= n && ascii_digit(p[i]) && (p[i + 1] == ':' || p[i + 2] == ':')) {
		while (i < n && (ascii_digit(p[i]) || p[i] == ':'))
			i++; /* 10:02 or 10:02:33 */
		while (i < n && p[i] == ' ')
			i++;
	}
	for (int pass = 0; pass < 2; pass++) {
		char **names = pass ? o->agent_names : o->customer_names;
		size_t k = pass ? o->nagent_names : o->ncustomer_names;
		for (size_t j = 0; j < k; j++) {
			size_t l = strlen(names[j]);
			if (i + l >= n || !ascii_memieq(p + i, names[j], l))
				continue;
			size_t q = i + l;
			if (q + 1 < n && p[q] == ' ' && p[q + 1] == '(') { /* Agent (Kevin): */
				const char *e = memchr(p + q, ')', MIN(n - q, 64));
				if (!e)
					continue;
				q = (size_t)(e - p) + 1;
			}
			if (q >= n || p[q] != ':')
				continue;
			*role = pass ? TACT_ROLE_AGENT : TACT_ROLE_CUSTOMER;
			*name_off = i;
			*name_len = q - i;
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
		if (off) {
			bool had = st->active;
			if (had)
				emit(rd, st, m);
			st->active = true;
			st->line = line;
			st->col = off + 1;
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
