/* writer.h: the writer interface. One file per output format implements a
 * struct writer_fmt; writer.c picks one and holds the shared helpers
 * (JSON string escaping, terminal-safe text). Private to libtact. */
#ifndef TACT_WRITER_H
#define TACT_WRITER_H

#include "message.h"

struct writer_fmt {
	const char *name;
	tact_status (*open)(tact_writer *w, char **err);
	/* Append one record to w->out_buf (flushed by writer.c). */
	void (*write)(tact_writer *w, const tact_msg *msg);
	/* Append the end of the document, if any. */
	void (*finish)(tact_writer *w);
	void (*close)(tact_writer *w);
};

struct tact_writer {
	const struct writer_fmt *fmt;
	FILE *out;
	buf ob;          /* output waiting to be written */
	bool color;      /* ANSI colours */
	bool tty;        /* output is a terminal: strip control characters */
	bool with_text, own_text;
	bool positions;  /* index, line, source (off when sharding) */
	buf src, src_json; /* the last source name, and it as a JSON string */
	struct summary *summary; /* counts for --summary and html, or NULL */
	bool print_summary;      /* --summary: print it to summary_out at the end */
	FILE *summary_out;
	void *state;
};

extern const struct writer_fmt write_jsonl_fmt, write_text_fmt, write_tsv_fmt, write_summary_fmt,
	write_html_fmt;

/* writer.c */
/* Append s as a JSON string (with quotes). Control characters, DEL, C1
 * controls and U+2028/2029 are escaped, so no byte of message text can act
 * on a terminal or a JavaScript parser. */
void json_str(buf *b, const char *s, size_t n);
/* Append s for a terminal or a spreadsheet: C0 controls and DEL in caret
 * notation ("^[" for ESC), C1 controls as "<U+009B>", bidi overrides as
 * "<U+202E>", so no byte of a message can act on the reader's terminal.
 * Tabs are kept when keep_tab, else shown as "\t"; newlines as "\n". */
void safe_text(buf *b, const char *s, size_t n, bool keep_tab);
/* The text of the author's own words: the message minus quote and
 * signature regions. */
void own_text(buf *b, const tact_msg *m);
/* Display width of s (n bytes, valid UTF-8) on a terminal. */
size_t display_width(const char *s, size_t n);
/* The id to print: the id field, else the index. */
const char *msg_id(const tact_msg *m, char tmp[32]);

/* write_summary.c: counts shared by --summary and the HTML report. Keys
 * (labels, rules, agents) are hashed, so adding a message costs the same
 * with ten distinct keys or ten thousand. */
typedef struct {
	char *key;
	size_t count[3];   /* labels, rules: messages (spans) by role */
	size_t total;      /* sum of count[] */
	size_t apology[5]; /* agents: replies by apology class */
	size_t recovery_sum, flagged;
} summary_entry;

typedef struct {
	summary_entry *v; /* in order of first appearance */
	size_t n, cap;
	size_t *slot;     /* open addressing: index into v plus 1; 0 empty */
	size_t nslot;     /* a power of two, at least twice n */
} summary_table;

/* Distinct agents tracked one by one; later ones share one row. */
#define SUMMARY_MAX_AGENTS 10000
#define SUMMARY_OTHER_AGENTS "(other agents)"

struct summary {
	size_t msgs, errors, by_role[3], level[5], derog[4], apology[5];
	summary_table labels, rules, agents; /* agents: total = replies */
	double t0; /* monotonic seconds at the start */
};

struct summary *summary_new(void);
void summary_add(struct summary *s, const tact_msg *m);
/* Print the counts as text. The throughput line (messages/s) varies from
 * run to run, so it is printed only when timing is set. */
void summary_print(struct summary *s, buf *b, bool color, bool timing);
/* The entries of t, most frequent first (ties by key); free() the array. */
summary_entry **summary_sorted(const summary_table *t);
void summary_free(struct summary *s);

#endif
