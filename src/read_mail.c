/* read_mail.c: placeholder for the "mbox" and "eml" formats until the
 * GMime reader lands (issue 4): each stream becomes one record with an
 * error, so nothing is silently lost. */
#include "reader.h"

static tact_status mail_next(tact_reader *rd, tact_msg *m, bool *done, char **err)
{
	if (rd->count) {
		*done = true;
		return TACT_OK;
	}
	const char *p;
	while (input_read(&rd->in, &p, 64 * 1024))
		;
	reader_begin(rd, m, 1);
	tact_msg_set_error(m, "e-mail input (%s) is not supported yet", rd->fmt->name);
	return reader_io_error(rd, err);
}

const struct reader_fmt read_mbox_fmt = {.name = "mbox", .next = mail_next};
const struct reader_fmt read_eml_fmt = {.name = "eml", .next = mail_next};
