/* read_eml.c: the "eml" format, one RFC 5322 message per stream (a .eml
 * file, a Maildir file). The reader copies the bytes, up to
 * max-message-bytes, into msg->raw; mail_decode() does the MIME work later,
 * on any thread. A leading mbox "From " envelope line is dropped. */
#include "mail.h"

static tact_status eml_next(tact_reader *rd, tact_msg *m, bool *done, char **err)
{
	if (rd->count) { /* one message per stream */
		*done = true;
		return TACT_OK;
	}
	reader_begin(rd, m, 1);
	size_t max = rd->opts.max_bytes;
	input_skip_bom(&rd->in);
	const char *p;
	size_t n = input_peek(&rd->in, 5, &p);
	if (n == 5 && !memcmp(p, "From ", 5)) {
		bool cut;
		input_getline(&rd->in, &p, &cut);
		m->line = 2;
	}
	unsigned long long dropped = 0;
	while ((n = input_read(&rd->in, &p, 64 * 1024)) > 0) {
		size_t room = max - MIN(m->raw.len, max);
		size_t keep = MIN(n, room);
		buf_add(&m->raw, p, keep);
		dropped += n - keep;
	}
	if (dropped) {
		m->error_status = TACT_ERR_LIMIT;
		tact_msg_set_error(m, "message longer than max-message-bytes (%zu): %llu bytes dropped", max,
				   dropped);
	}
	m->decode = mail_decode;
	m->decode_ctx = &rd->opts;
	return reader_io_error(rd, err);
}

const struct reader_fmt read_eml_fmt = {
	.name = "eml",
	.next = eml_next,
};
