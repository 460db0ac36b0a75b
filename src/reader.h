/* reader.h: the reader interface. One file per input format implements a
 * struct reader_fmt; reader.c picks one (sniffing for "auto") and runs it.
 * Private to libtact; the public view is tact_reader_* in tact.h. */
#ifndef TACT_READER_H
#define TACT_READER_H

#include "input.h"
#include "message.h"

/* Options every reader may use, copied from the config at open time. They
 * are the decoders' context, so they live as long as the reader. */
typedef struct {
	char *id_field, *role_field, *text_field, *thread_field;
	tact_role forced_role;
	bool force_role;
	char **customer_names, **agent_names;
	size_t ncustomer_names, nagent_names;
	char **agent_domains, **agent_addresses;
	size_t nagent_domains, nagent_addresses;
	size_t max_bytes;
} reader_opts;

struct reader_fmt {
	const char *name;
	/* Set up per-reader state in rd->state; may fail with *err. */
	tact_status (*open)(tact_reader *rd, char **err);
	/* Fill msg with the next record; *done at the end. */
	tact_status (*next)(tact_reader *rd, tact_msg *msg, bool *done, char **err);
	void (*close)(tact_reader *rd);
};

struct tact_reader {
	const struct reader_fmt *fmt;
	input in;
	char *name;
	size_t count;      /* records produced */
	reader_opts opts;
	void *state;
};

extern const struct reader_fmt read_text_fmt, read_transcript_fmt, read_jsonl_fmt, read_csv_fmt,
	read_mbox_fmt, read_eml_fmt;

/* reader.c */
/* Start a record: reset msg, number it, name its source and line. */
void reader_begin(tact_reader *rd, tact_msg *msg, size_t line);
/* A role name from input ("customer", "Agent", "support"...). */
tact_role reader_role(const char *s, size_t n);
/* The names other exports give the text and role fields, tried in order
 * when a record or header lacks the default one ("text", "role") and the
 * user named none: NULL when field is not the default, else a
 * NULL-terminated list ("body", "message"...; "sender", "speaker"...). */
const char *const *reader_fallbacks(const char *field);
/* read_transcript.c */
/* Does the line p[0..n) start a turn: "[10:02] Name (who): text", Name a
 * configured speaker? Returns the offset of the text (0 when not) and sets
 * the role and the speaker's span. */
size_t transcript_speaker(const reader_opts *o, const char *p, size_t n, tact_role *role, size_t *name_off,
			  size_t *name_len);
/* read_mbox.c */
/* Is the line p[0..n) a From_ separator ("From sender date", the date
 * with a time and a year)? */
bool mbox_from_line(const char *p, size_t n);
/* Apply --role after a decoder set the role. */
void reader_apply_role(const reader_opts *o, tact_msg *msg);
/* The I/O error message for the reader's stream, if any. */
tact_status reader_io_error(tact_reader *rd, char **err);

#endif
