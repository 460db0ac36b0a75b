/* reader.c: opens a reader for a stream, choosing the format from the
 * configuration or, for "auto", from the file name and the first bytes;
 * then hands records out one at a time. Formats live in read_*.c. */
#include "reader.h"

#include <errno.h>
#include <stdlib.h>

#include "config.h"

static const struct reader_fmt *const formats[] = {
	&read_text_fmt, &read_transcript_fmt, &read_jsonl_fmt, &read_csv_fmt, &read_mbox_fmt, &read_eml_fmt,
};

static const char *const default_customer_names[] = {"customer", "client", "user", "caller", "guest",
						     "consumer", "visitor", "member"};
static const char *const default_agent_names[] = {"agent", "support", "rep", "representative", "staff",
						  "advisor", "operator", "associate", "specialist", "service", "care",
						  "helpdesk", "team"};

static const struct reader_fmt *find_fmt(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(formats); i++)
		if (!strcmp(formats[i]->name, name))
			return formats[i];
	return NULL;
}

static char **copy_list(const tact_config *cfg, const char *key, const char *const *defs, size_t ndefs,
			size_t *n)
{
	size_t k = config_count(cfg, key);
	char **v = xcalloc(k + ndefs + 1, sizeof *v);
	*n = 0;
	for (size_t i = 0; i < k; i++)
		v[(*n)++] = xstrdup(config_nth(cfg, key, i));
	for (size_t i = 0; i < ndefs; i++)
		v[(*n)++] = xstrdup(defs[i]);
	return v;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

tact_role reader_role(const char *s, size_t n)
{
#define ROLE(name, role) {name, sizeof name - 1, role}
	static const struct {
		const char *name;
		size_t len;
		tact_role role;
	} names[] = {
		ROLE("customer", TACT_ROLE_CUSTOMER), ROLE("client", TACT_ROLE_CUSTOMER),
		ROLE("user", TACT_ROLE_CUSTOMER),     ROLE("consumer", TACT_ROLE_CUSTOMER),
		ROLE("caller", TACT_ROLE_CUSTOMER),   ROLE("guest", TACT_ROLE_CUSTOMER),
		ROLE("inbound", TACT_ROLE_CUSTOMER),  ROLE("agent", TACT_ROLE_AGENT),
		ROLE("support", TACT_ROLE_AGENT),     ROLE("staff", TACT_ROLE_AGENT),
		ROLE("company", TACT_ROLE_AGENT),     ROLE("rep", TACT_ROLE_AGENT),
		ROLE("representative", TACT_ROLE_AGENT), ROLE("operator", TACT_ROLE_AGENT),
		ROLE("advisor", TACT_ROLE_AGENT),     ROLE("outbound", TACT_ROLE_AGENT),
		/* what ticketing and chat exports call them */
		ROLE("end-user", TACT_ROLE_CUSTOMER), ROLE("end user", TACT_ROLE_CUSTOMER),
		ROLE("enduser", TACT_ROLE_CUSTOMER),  ROLE("requester", TACT_ROLE_CUSTOMER),
		ROLE("requestor", TACT_ROLE_CUSTOMER), ROLE("visitor", TACT_ROLE_CUSTOMER),
		ROLE("lead", TACT_ROLE_CUSTOMER),     ROLE("admin", TACT_ROLE_AGENT),
		ROLE("administrator", TACT_ROLE_AGENT), ROLE("bot", TACT_ROLE_AGENT),
		ROLE("teammate", TACT_ROLE_AGENT),    ROLE("employee", TACT_ROLE_AGENT),
		ROLE("assistant", TACT_ROLE_AGENT), /* chat logs: "user" and "assistant" */
	};
#undef ROLE
	while (n && ascii_space((unsigned char)*s))
		s++, n--;
	while (n && ascii_space((unsigned char)s[n - 1]))
		n--;
	unsigned char c0 = n ? ascii_tolower((unsigned char)s[0]) : 0;
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (names[i].len == n && (unsigned char)names[i].name[0] == c0 && ascii_memieq(s, names[i].name, n))
			return names[i].role;
	return TACT_ROLE_UNKNOWN;
}

const char *const *reader_fallbacks(const char *field)
{
	static const char *const text[] = {"body", "message", "content", "comment", "description", NULL};
	static const char *const role[] = {"sender", "speaker", "author_role", "author_type", "sender_type", NULL};
	return !strcmp(field, "text") ? text : !strcmp(field, "role") ? role : NULL;
}

void reader_apply_role(const reader_opts *o, tact_msg *m)
{
	if (o->force_role) {
		m->role = o->forced_role;
		m->role_forced = true;
	}
}

void reader_begin(tact_reader *rd, tact_msg *m, size_t line)
{
	tact_msg_reset(m);
	m->index = ++rd->count;
	m->line = line;
	tact_msg_set_field(m, TACT_FIELD_SOURCE, rd->name, (size_t)-1);
	reader_apply_role(&rd->opts, m);
}

tact_status reader_io_error(tact_reader *rd, char **err)
{
	if (!rd->in.err)
		return TACT_OK;
	set_err(err, "%s: %s", rd->name, strerror(rd->in.err));
	return TACT_ERR_IO;
}

static bool ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && ascii_strieq(s + a - b, suf);
}

/* A header line of an RFC 5322 message: a field name from the set every
 * mail has, then ':'. */
static bool mail_header_line(const char *p, size_t n)
{
	static const char *const hdrs[] = {"received:", "return-path:", "from:", "to:", "date:",
					   "subject:", "message-id:", "mime-version:", "delivered-to:",
					   "reply-to:", "content-type:", "x-", "dkim-signature:",
					   "in-reply-to:", "references:", "sender:", "cc:",
					   "arc-", "authentication-results:", "list-", "user-agent:",
					   "x-mailer:", "thread-topic:", "envelope-to:"};
	for (size_t i = 0; i < ARRAY_LEN(hdrs); i++)
		if (ascii_prefix_ci(p, n, hdrs[i]))
			return true;
	return false;
}

/* Count header-looking lines at the top, up to the first blank line. */
static bool looks_like_mail(const char *p, size_t n)
{
	size_t known = 0, lines = 0;
	size_t i = 0;
	while (i < n && lines < 64) {
		const char *e = memchr(p + i, '\n', n - i);
		size_t len = e ? (size_t)(e - (p + i)) : n - i;
		if (len && p[i + len - 1] == '\r')
			len--;
		if (!len)
			break; /* end of the header block */
		if (p[i] == ' ' || p[i] == '\t') {
			/* folded continuation */
		} else {
			/* a line that is no header field ends the block: mail
			 * when enough fields came before it (a separator line
			 * holding a space, an invalid line among the fields) */
			const char *colon = memchr(p + i, ':', len);
			if (!colon)
				return known >= 2;
			const char *end = colon;
			while (end > p + i && end[-1] == ' ')
				end--; /* obsolete "Subject :" */
			for (const char *q = p + i; q < end; q++)
				if (*q <= ' ' || *q > '~')
					return known >= 2;
			known += mail_header_line(p + i, len);
		}
		lines++;
		if (!e)
			break;
		i += (size_t)(e - (p + i)) + 1;
	}
	return known >= 2;
}

/* Does the line start a transcript turn ("[10:02] Name (who):")? */
static bool speaker_line(const reader_opts *o, const char *p, size_t n)
{
	tact_role role;
	size_t off, len;
	return transcript_speaker(o, p, n, &role, &off, &len) != 0;
}

/* Are most of the lines after the first JSON objects, one a line ("{...}")?
 * A stream cut in the middle of a record ("tail -c 100M export.jsonl |
 * tact") starts with the end of one: it is still JSON lines, and that first
 * line gets a record with an error, not the whole stream one record. */
static bool jsonl_below(const char *p, size_t n)
{
	size_t objects = 0, others = 0;
	const char *nl = memchr(p, '\n', n);
	for (size_t k = nl ? (size_t)(nl - p) + 1 : n, lines = 0; k < n && lines < 20; lines++) {
		const char *e = memchr(p + k, '\n', n - k);
		if (!e)
			break; /* a last line may be cut short by the sniff window */
		size_t a = k, b = (size_t)(e - p);
		while (a < b && ascii_space((unsigned char)p[a]))
			a++;
		while (b > a && ascii_space((unsigned char)p[b - 1]))
			b--;
		if (b > a && p[a] == '{' && p[b - 1] == '}')
			objects++;
		else if (b > a)
			others++;
		k = (size_t)(e - p) + 1;
	}
	return objects >= 2 && objects >= 3 * others;
}

/* A From_ separator with its time ("From sender Mon Jan 1 10:00:00 2024")
 * after a blank line below the first line: an mbox cut in the middle of a
 * mail ("tail -c 100M archive.mbox | tact"), whose text before the first
 * separator becomes a record of its own (read_mbox.c). */
static bool mbox_below(const char *p, size_t n)
{
	bool blank = false;
	const char *nl = memchr(p, '\n', n);
	for (size_t k = nl ? (size_t)(nl - p) + 1 : n; k < n;) {
		const char *e = memchr(p + k, '\n', n - k);
		if (!e)
			break;
		size_t len = (size_t)(e - (p + k));
		if (len && p[k + len - 1] == '\r')
			len--;
		if (blank && len >= 5 && mbox_from_line(p + k, len))
			return true;
		blank = true;
		for (size_t i = 0; i < len && blank; i++)
			blank = ascii_space((unsigned char)p[k + i]);
		k = (size_t)(e - p) + 1;
	}
	return false;
}

static const struct reader_fmt *sniff(const tact_reader *rd, const char *p, size_t n)
{
	const char *name = rd->name;
	if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson") || ends_with(name, ".json"))
		return &read_jsonl_fmt;
	if (ends_with(name, ".csv") || ends_with(name, ".tsv"))
		return &read_csv_fmt;
	if (ends_with(name, ".mbox") || ends_with(name, ".mbx"))
		return &read_mbox_fmt;
	if (ends_with(name, ".eml"))
		return &read_eml_fmt;
	size_t i = 0;
	if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		i = 3; /* BOM */
	if (n - i >= 5 && !memcmp(p + i, "From ", 5))
		return &read_mbox_fmt;
	while (i < n && ascii_space((unsigned char)p[i]))
		i++;
	if ((i < n && p[i] == '{') || jsonl_below(p + i, n - i))
		return &read_jsonl_fmt;
	if (mbox_below(p + i, n - i))
		return &read_mbox_fmt;
	const char *first = p + i;
	size_t rest = n - i;
	if (rest && speaker_line(&rd->opts, first, rest))
		return &read_transcript_fmt;
	if (looks_like_mail(first, rest))
		return &read_eml_fmt;
	/* CSV: a header row that names the text column among names separated
	 * by commas (or semicolons, or tabs: read_csv.c) */
	const char *e = memchr(first, '\n', rest);
	size_t hl = e ? (size_t)(e - first) : rest;
	if (memchr(first, ',', hl) || memchr(first, ';', hl) || memchr(first, '\t', hl)) {
		const char *const *alt = reader_fallbacks(rd->opts.text_field);
		for (size_t a = 0; a == 0 || (alt && alt[a - 1]); a++) {
			const char *tf = a ? alt[a - 1] : rd->opts.text_field;
			size_t tl = strlen(tf);
			for (size_t k = 0; k + tl <= hl; k++) {
				bool start = k == 0 || first[k - 1] == ',' || first[k - 1] == ';' ||
					     first[k - 1] == '\t' || first[k - 1] == '"';
				bool end = k + tl == hl || first[k + tl] == ',' || first[k + tl] == ';' ||
					   first[k + tl] == '\t' || first[k + tl] == '"' || first[k + tl] == '\r';
				if (start && end && ascii_memieq(first + k, tf, tl))
					return &read_csv_fmt;
			}
		}
	}
	/* A transcript further down (a title line first). */
	for (size_t k = 0, lines = 0; k < rest && lines < 20; lines++) {
		const char *nl = memchr(first + k, '\n', rest - k);
		size_t l = nl ? (size_t)(nl - (first + k)) : rest - k;
		if (speaker_line(&rd->opts, first + k, l))
			return &read_transcript_fmt;
		if (!nl)
			break;
		k += l + 1;
	}
	return &read_text_fmt;
}

/* Has enough of the stream arrived for sniff() to decide as it would on
 * SNIFF_BYTES? It reads at most 64 lines, so a pipe that delivers one
 * record at a time is not held up for SNIFF_BYTES or the end of input
 * when the first bytes already tell. */
#define SNIFF_BYTES (64 * 1024)
static bool sniff_ready(const tact_reader *rd, const char *p, size_t n)
{
	size_t i = n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3) ? 3 : 0;
	if (n - i >= 5 && !memcmp(p + i, "From ", 5))
		return true;
	size_t k = i;
	while (k < n && ascii_space((unsigned char)p[k]))
		k++;
	if (k < n && p[k] == '{')
		return true;
	const char *nl = memchr(p + k, '\n', n - k);
	if (nl && speaker_line(&rd->opts, p + k, (size_t)(nl - (p + k))))
		return true;
	size_t lines = 0;
	for (const char *q = p; q < p + n && (q = memchr(q, '\n', (size_t)(p + n - q))) != NULL; q++)
		if (++lines > 64)
			return true;
	return n >= SNIFF_BYTES;
}

tact_status tact_reader_new(const tact_config *cfg, FILE *f, const char *name, tact_reader **out,
			    char **err)
{
	*out = NULL;
	tact_reader *rd = xcalloc(1, sizeof *rd);
	rd->name = xstrdup(name ? name : "-");
	reader_opts *o = &rd->opts;
	o->id_field = xstrdup(config_str(cfg, "id-field"));
	o->role_field = xstrdup(config_str(cfg, "role-field"));
	o->text_field = xstrdup(config_str(cfg, "text-field"));
	o->thread_field = xstrdup(config_str(cfg, "thread-field"));
	const char *role = tact_config_get(cfg, "role");
	if (role) {
		o->force_role = true;
		tact_role_parse(role, &o->forced_role);
	}
	o->customer_names = copy_list(cfg, "customer-name", default_customer_names,
				      ARRAY_LEN(default_customer_names), &o->ncustomer_names);
	o->agent_names = copy_list(cfg, "agent-name", default_agent_names, ARRAY_LEN(default_agent_names),
				   &o->nagent_names);
	o->agent_domains = copy_list(cfg, "agent-domain", NULL, 0, &o->nagent_domains);
	o->agent_addresses = copy_list(cfg, "agent-address", NULL, 0, &o->nagent_addresses);
	o->max_bytes = config_size(cfg, "max-message-bytes");
	input_init(&rd->in, f, o->max_bytes);

	const char *fmt = config_str(cfg, "input-format");
	if (!strcmp(fmt, "auto")) {
		const char *p;
		size_t n = input_peek_more(&rd->in, &p);
		while (!rd->in.eof && !sniff_ready(rd, p, n))
			n = input_peek_more(&rd->in, &p);
		rd->fmt = sniff(rd, p, MIN(n, (size_t)SNIFF_BYTES));
	} else {
		rd->fmt = find_fmt(fmt);
	}
	if (!rd->fmt) {
		set_err(err, "%s: unknown input format '%s'", rd->name, fmt);
		tact_reader_free(rd);
		return TACT_ERR_USAGE;
	}
	tact_status st = rd->fmt->open ? rd->fmt->open(rd, err) : TACT_OK;
	if (st) {
		tact_reader_free(rd);
		return st;
	}
	*out = rd;
	return TACT_OK;
}

void tact_reader_free(tact_reader *rd)
{
	if (!rd)
		return;
	if (rd->fmt && rd->fmt->close)
		rd->fmt->close(rd);
	reader_opts *o = &rd->opts;
	free(o->id_field);
	free(o->role_field);
	free(o->text_field);
	free(o->thread_field);
	free_list(o->customer_names, o->ncustomer_names);
	free_list(o->agent_names, o->nagent_names);
	free_list(o->agent_domains, o->nagent_domains);
	free_list(o->agent_addresses, o->nagent_addresses);
	input_free(&rd->in);
	free(rd->name);
	free(rd);
}

const char *tact_reader_format(const tact_reader *rd)
{
	return rd->fmt->name;
}

unsigned long long tact_reader_bytes(const tact_reader *rd)
{
	return rd->in.consumed;
}

void tact_reader_on_read(tact_reader *rd, void (*fn)(void *ctx), void *ctx)
{
	rd->in.before_read = fn;
	rd->in.before_read_ctx = fn ? ctx : NULL;
}

tact_status tact_reader_next(tact_reader *rd, tact_msg *msg, bool *done, char **err)
{
	*done = false;
	return rd->fmt->next(rd, msg, done, err);
}
