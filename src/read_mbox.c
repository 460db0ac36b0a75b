/* read_mbox.c: the "mbox" format, messages separated by "From " lines
 * (mboxrd, mboxo and Content-Length-less archives alike: Content-Length is
 * never trusted). The reader only splits: it copies one message's lines
 * into msg->raw, undoing ">From " quoting, and leaves the MIME work to
 * mail_decode() on any thread. One message is held at a time, capped at
 * max-message-bytes (the rest is skipped and the record gets an error). */
#include "mail.h"

#include <stdlib.h>

typedef struct {
	bool from_pending;  /* a From_ line was read; its message comes next */
	size_t from_line;   /* the line after that From_ line */
	bool eof;
} mbox_state;

static tact_status mbox_open(tact_reader *rd, char **err)
{
	(void)err;
	rd->state = xcalloc(1, sizeof(mbox_state));
	return TACT_OK;
}

static void mbox_close(tact_reader *rd)
{
	free(rd->state);
}

static bool is_blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_space((unsigned char)p[i]))
			return false;
	return true;
}

/* "HH:MM" somewhere in p: the envelope date's time. */
static bool has_time(const char *p, size_t n)
{
	for (size_t i = 1; i + 3 < n; i++)
		if (p[i + 1] == ':' && ascii_digit((unsigned char)p[i]) && ascii_digit((unsigned char)p[i + 2]) &&
		    ascii_digit((unsigned char)p[i + 3]) && ascii_digit((unsigned char)p[i - 1]))
			return true;
	return false;
}

/* Four digits in a row: the envelope date's year. */
static bool has_year(const char *p, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		run = ascii_digit((unsigned char)p[i]) ? run + 1 : 0;
		if (run == 4)
			return true;
	}
	return false;
}

/* A From_ separator: "From ", the envelope sender, then its date, which
 * holds a time and a year as every real envelope's does, so that an
 * unquoted body line ("From here on...", "From 9:30 until 11:45 I
 * waited", "From 2019 to 2023 I was a customer") does not split the
 * message and vanish as a separator. */
bool mbox_from_line(const char *p, size_t n)
{
	if (n < 6 || n > 1000 || memcmp(p, "From ", 5) || p[5] == ' ' || p[5] == '\n' || p[5] == '\r')
		return false;
	const char *sp = memchr(p + 5, ' ', n - 5);
	if (!sp)
		return false;
	size_t rest = n - (size_t)(sp - p);
	return has_time(sp, rest) && has_year(sp, rest);
}

/* ">From ", ">>From "...: the mboxrd quoting of a body line. */
static bool quoted_from(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && p[i] == '>')
		i++;
	return i > 0 && n - i >= 5 && !memcmp(p + i, "From ", 5);
}

/* Take in one copy the complete lines already in the input window that
 * can be neither a From_ line nor a quoted one (they begin with neither
 * 'F' nor '>'), up to max-message-bytes in all (*dropped counts the
 * rest). */
static void plain_lines(tact_reader *rd, tact_msg *m, size_t max, unsigned long long *dropped)
{
	const char *w;
	size_t avail = input_buffered(&rd->in, &w), k = 0, lines = 0;
	while (k < avail && w[k] != 'F' && w[k] != '>') {
		const char *nl = memchr(w + k, '\n', avail - k);
		if (!nl || (size_t)(nl - (w + k)) >= rd->in.limit)
			break;
		k = (size_t)(nl - w) + 1;
		lines++;
	}
	if (!lines)
		return;
	size_t room = max - MIN(m->raw.len, max), keep = MIN(k, room);
	buf_add(&m->raw, w, keep);
	*dropped += k - keep;
	input_advance(&rd->in, k, lines);
}

static tact_status mbox_next(tact_reader *rd, tact_msg *m, bool *done, char **err)
{
	mbox_state *st = rd->state;
	const char *p;
	size_t n;
	bool cut;
	size_t max = rd->opts.max_bytes;
	bool begun = false;
	unsigned long long dropped = 0;

	input_skip_bom(&rd->in);
	if (st->from_pending) {
		reader_begin(rd, m, st->from_line);
		begun = true;
		st->from_pending = false;
	}
	while (!st->eof) {
		if (begun)
			plain_lines(rd, m, max, &dropped);
		size_t line = rd->in.line;
		n = input_getline(&rd->in, &p, &cut);
		if (!n) {
			st->eof = true;
			break;
		}
		if (mbox_from_line(p, n)) {
			if (begun) {
				st->from_pending = true;
				st->from_line = line + 1;
				break;
			}
			reader_begin(rd, m, line + 1);
			begun = true;
			continue;
		}
		if (!begun) {
			if (is_blank(p, n))
				continue; /* blank lines before the first message */
			/* text before any From_ line: a message without its
			 * envelope, or garbage; either way it is a record */
			reader_begin(rd, m, line);
			begun = true;
		}
		if (quoted_from(p, n))
			p++, n--;
		size_t room = max - MIN(m->raw.len, max);
		size_t keep = MIN(n, room);
		buf_add(&m->raw, p, keep);
		dropped += n - keep;
		if (cut)
			dropped++; /* the rest of the line is unknown; any amount says "cut" */
	}
	if (!begun) {
		*done = true;
		return reader_io_error(rd, err);
	}
	/* the blank line before the next From_ belongs to the format */
	if (m->raw.len >= 2 && m->raw.ptr[m->raw.len - 1] == '\n' && m->raw.ptr[m->raw.len - 2] == '\n')
		m->raw.ptr[--m->raw.len] = '\0';
	else if (m->raw.len >= 3 && !memcmp(m->raw.ptr + m->raw.len - 3, "\n\r\n", 3))
		m->raw.ptr[m->raw.len -= 2] = '\0';
	if (dropped) {
		m->error_status = TACT_ERR_LIMIT;
		tact_msg_set_error(m, "message longer than max-message-bytes (%zu): truncated", max);
	}
	m->decode = mail_decode;
	m->decode_ctx = &rd->opts;
	return reader_io_error(rd, err);
}

const struct reader_fmt read_mbox_fmt = {
	.name = "mbox",
	.open = mbox_open,
	.next = mbox_next,
	.close = mbox_close,
};
