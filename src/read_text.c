/* read_text.c: the "text" format. The whole input is one message, as a
 * draft reply piped into `tact check` is. Capped at max-message-bytes: the
 * rest is read and dropped, never held. */
#include "reader.h"

static tact_status text_next(tact_reader *rd, tact_msg *m, bool *done, char **err)
{
	if (rd->count) { /* one message per stream */
		*done = true;
		return TACT_OK;
	}
	reader_begin(rd, m, 1);
	m->col = 1;
	buf raw = {0};
	const char *p;
	size_t n;
	unsigned long long dropped = 0;
	input_skip_bom(&rd->in);
	while ((n = input_read(&rd->in, &p, 64 * 1024)) > 0) {
		size_t room = rd->opts.max_bytes - MIN(raw.len, rd->opts.max_bytes);
		size_t keep = MIN(n, room);
		buf_add(&raw, p, keep);
		dropped += n - keep;
	}
	msg_set_text_sanitized(m, raw.ptr ? raw.ptr : "", raw.len);
	buf_free(&raw);
	if (dropped) {
		m->error_status = TACT_ERR_LIMIT;
		tact_msg_set_error(m, "message longer than max-message-bytes (%zu): %llu bytes dropped",
				   rd->opts.max_bytes, dropped);
	}
	return reader_io_error(rd, err);
}

const struct reader_fmt read_text_fmt = {
	.name = "text",
	.next = text_next,
};
