/* main.c: the tact command. Options, exit codes and wiring only: every
 * stage is reached through the public API in tact.h. Subcommands:
 *   tact [OPTIONS] [FILE...]     annotate messages (the main job)
 *   tact check [OPTIONS] [FILE]  pre-send gate for one draft reply
 *   tact serve [OPTIONS]         resident: one JSON request per line
 *   tact lexicon lint|test|allowlist
 * With -j N the main thread reads, N workers decode and analyse, and a
 * writer thread prints in input order, so output is byte-identical to -j 1. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "progress.h"
#include "tact.h"

enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

static const char *progname = "tact";

static void warnx(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", progname);
	va_end(ap);
	exit(EXIT_TROUBLE);
}

/* The status of a command that wrote to standard output without finish()
 * (--help, --version, the lexicon commands): output that could not be
 * written is an I/O error, as it is for records. */
static int output_status(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		warnx("write error: %s", strerror(errno));
		return EXIT_TROUBLE;
	}
	return status;
}

static const char help_input[] =
	"Input:\n"
	"  -f, --input-format=FMT   auto (default), text, transcript, jsonl, csv, mbox, eml\n"
	"      --role=ROLE          treat every message as customer, agent or unknown\n"
	"      --id-field=NAME      JSONL/CSV field names (defaults: id, role, text,\n"
	"      --role-field=NAME      thread)\n"
	"      --text-field=NAME\n"
	"      --thread-field=NAME\n"
	"      --customer-name=NAME transcript speaker that is a customer (repeatable)\n"
	"      --agent-name=NAME    transcript speaker that is an agent (repeatable)\n"
	"      --agent-domain=DOM   e-mail from this domain is an agent's (repeatable)\n"
	"      --agent-address=ADDR e-mail from this address is an agent's (repeatable)\n"
	"      --max-message-bytes=N  truncate longer messages, with an error (16M)\n"
	"\n"
	"Analysis:\n"
	"      --lexicons=DIR       add lexicons from DIR (repeatable)\n"
	"      --no-default-lexicons  do not load the bundled lexicons\n"
	"      --lang=LANG          lexicon language (en)\n"
	"      --cache-dir=DIR      keep compiled lexicons in DIR (default\n"
	"                           $XDG_CACHE_HOME/tact or ~/.cache/tact)\n"
	"      --no-cache           compile the lexicons afresh, save nothing\n"
	"      --spell              check agent spelling with hunspell\n"
	"      --no-suggest         no spelling suggestions (hunspell takes ~20 ms\n"
	"                           to suggest for each distinct misspelt word)\n"
	"      --dict=NAME          hunspell dictionary (en_US)\n"
	"      --dict-extra=FILE    extra accepted words, one per line (repeatable)\n"
	"\n";

static const char help_output[] =
	"Output:\n"
	"  -o, --format=FMT         jsonl (default when not a terminal), text (default\n"
	"                           on a terminal), tsv, summary, html (also:\n"
	"                           tact report [OPTION]... [FILE]...)\n"
	"      --color[=WHEN]       auto (default), always, never; NO_COLOR is honoured\n"
	"      --text               include the analysed text in each record\n"
	"      --own-text           include only the author's own words (no quotes,\n"
	"                           no signature)\n"
	"      --explain            add a span 'suppressed' for each signal that context\n"
	"                           kept from counting (negated, hypothetical, ...)\n"
	"      --summary            print counts at the end (on stderr with jsonl, tsv\n"
	"                           and html)\n"
	"      --fail-on=WHAT       exit 1 when a finding reaches WHAT: a level (low,\n"
	"                           medium, high, critical) or labels, comma-separated\n"
	"                           (a prefix such as 'derogatory' matches its family)\n"
	"      --line-buffered      write each record out at once\n"
	"      --no-positions       JSON lines without index, line and source (they\n"
	"                           are per process when a run is split with GNU\n"
	"                           parallel)\n"
	"  -j, --jobs=N             analyse on N threads (default: the number of cores);\n"
	"                           output order and bytes do not change\n"
	"  -q, --quiet              no notes on standard error\n"
	"  -c, --config=FILE        read 'key = value' settings (keys as the long options)\n"
	"  -h, --help               this help\n"
	"  -V, --version            version and schema\n"
	"\n";

static void help(void)
{
	printf("Usage: tact [OPTION]... [FILE]...\n"
	       "       tact check [OPTION]... [FILE]     pre-send check of one draft reply\n"
	       "       tact serve [OPTION]...            resident: one JSON request per line\n"
	       "       tact lexicon lint|test|allowlist  lexicon tools\n"
	       "Annotate customer-service messages: escalation and derogatory language in\n"
	       "customer messages; apology class, argument, blame, policy-hiding and service\n"
	       "recovery in agent replies. Reads FILEs (a directory: the files under it), or\n"
	       "standard input when none or '-'.\n"
	       "\n%s%s"
	       "Exit status: 0 no finding at or above --fail-on (default: never fail), 1 such a\n"
	       "finding, 2 usage or I/O error. A message that cannot be analysed still gets a\n"
	       "record, with an \"error\" field, and does not change the status.\n"
	       "\n"
	       "Examples:\n"
	       "  tact < export.mbox | jq 'select(.escalation.level == \"high\")'\n"
	       "  tact --format text chat.txt\n"
	       "  tact --input-format jsonl --text-field body tickets.jsonl\n"
	       "  tact check draft.txt && send-reply draft.txt\n",
	       help_input, help_output);
}

enum {
	OPT_SETTING = 256,
	OPT_NO_DEFAULT_LEXICONS,
	OPT_COLOR,
	OPT_FAIL_ON,
	OPT_LINE_BUFFERED,
	OPT_NO_POSITIONS,
	OPT_NO_SUGGEST,
	OPT_NO_CACHE,
};

static const struct option long_opts[] = {
	{"input-format", required_argument, NULL, 'f'},
	{"format", required_argument, NULL, 'o'},
	{"config", required_argument, NULL, 'c'},
	{"jobs", required_argument, NULL, 'j'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{"color", optional_argument, NULL, OPT_COLOR},
	{"colour", optional_argument, NULL, OPT_COLOR},
	{"fail-on", required_argument, NULL, OPT_FAIL_ON},
	{"line-buffered", no_argument, NULL, OPT_LINE_BUFFERED},
	{"no-default-lexicons", no_argument, NULL, OPT_NO_DEFAULT_LEXICONS},
	{"role", required_argument, NULL, OPT_SETTING},
	{"id-field", required_argument, NULL, OPT_SETTING},
	{"role-field", required_argument, NULL, OPT_SETTING},
	{"text-field", required_argument, NULL, OPT_SETTING},
	{"thread-field", required_argument, NULL, OPT_SETTING},
	{"customer-name", required_argument, NULL, OPT_SETTING},
	{"agent-name", required_argument, NULL, OPT_SETTING},
	{"agent-domain", required_argument, NULL, OPT_SETTING},
	{"agent-address", required_argument, NULL, OPT_SETTING},
	{"max-message-bytes", required_argument, NULL, OPT_SETTING},
	{"lexicons", required_argument, NULL, OPT_SETTING},
	{"lang", required_argument, NULL, OPT_SETTING},
	{"spell", no_argument, NULL, OPT_SETTING},
	{"dict", required_argument, NULL, OPT_SETTING},
	{"dict-extra", required_argument, NULL, OPT_SETTING},
	{"text", no_argument, NULL, OPT_SETTING},
	{"own-text", no_argument, NULL, OPT_SETTING},
	{"explain", no_argument, NULL, OPT_SETTING},
	{"summary", no_argument, NULL, OPT_SETTING},
	{"no-positions", no_argument, NULL, OPT_NO_POSITIONS},
	{"no-suggest", no_argument, NULL, OPT_NO_SUGGEST},
	{"no-cache", no_argument, NULL, OPT_NO_CACHE},
	{"cache-dir", required_argument, NULL, OPT_SETTING},
	{NULL, 0, NULL, 0},
};

/* --fail-on: a level, or a list of labels and label prefixes. */
typedef struct {
	bool active;
	tact_level level; /* when no labels */
	char **labels;
	size_t nlabels;
} fail_rule;

static void fail_add_label(fail_rule *fr, const char *l)
{
	char **v = realloc(fr->labels, (fr->nlabels + 1) * sizeof *v);
	char *copy = strdup(l);
	if (!v || !copy)
		abort();
	fr->labels = v;
	fr->labels[fr->nlabels++] = copy;
}

static void fail_clear(fail_rule *fr)
{
	for (size_t i = 0; i < fr->nlabels; i++)
		free(fr->labels[i]);
	free(fr->labels);
	*fr = (fail_rule){0};
}

static void parse_fail_on(fail_rule *fr, const char *arg)
{
	fail_clear(fr);
	fr->active = true;
	if (tact_level_parse(arg, &fr->level)) {
		if (fr->level == TACT_LEVEL_NONE)
			usage_error("--fail-on: 'none' would fail on every message");
		return;
	}
	const char *p = arg;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n) {
			char tmp[128];
			if (n >= sizeof tmp)
				usage_error("--fail-on: label too long");
			memcpy(tmp, p, n);
			tmp[n] = '\0';
			if (!tact_label_known(tmp))
				usage_error("--fail-on: '%s' is no level and no label (escalation, derogatory, apology, "
					    "agent, recovery and their labels: doc/output-format.md)", tmp);
			fail_add_label(fr, tmp);
		}
		p += n + (e ? 1 : 0);
	}
	if (!fr->nlabels)
		usage_error("--fail-on: expected a level or labels");
}

static bool label_matches(const char *label, const char *want)
{
	size_t n = strlen(want);
	return !strncmp(label, want, n) && (label[n] == '\0' || label[n] == '.' || want[n - 1] == '.');
}

static bool fails(const fail_rule *fr, const tact_msg *m)
{
	if (!fr->active)
		return false;
	if (!fr->nlabels)
		return (int)tact_msg_max_severity(m) >= (int)fr->level;
	for (size_t i = 0; i < tact_msg_label_count(m); i++)
		for (size_t j = 0; j < fr->nlabels; j++)
			if (label_matches(tact_msg_label(m, i), fr->labels[j]))
				return true;
	return false;
}

/* Say on stderr why a draft fails: the labels that --fail-on (or check's
 * default) names, or the level reached. */
static void explain_failure(const fail_rule *fr, const tact_msg *m)
{
	if (!fr->nlabels) {
		warnx("the draft fails: a finding at %s or above", tact_level_name(fr->level));
		return;
	}
	char list[512] = "";
	size_t len = 0;
	for (size_t i = 0; i < tact_msg_label_count(m); i++) {
		const char *l = tact_msg_label(m, i);
		bool hit = false;
		for (size_t j = 0; j < fr->nlabels && !hit; j++)
			hit = label_matches(l, fr->labels[j]);
		int n = hit ? snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "", l) : 0;
		if (n > 0 && (size_t)n < sizeof list - len)
			len += (size_t)n;
	}
	warnx("the draft fails: %s", list);
}

typedef struct {
	tact_config *cfg;
	fail_rule fail;
	bool quiet, line_buffered, format_set, explain;
	long jobs;
	int status;
	size_t index, bad_records, failing;
	progress *prog; /* the progress line; NULL when off */
} run_state;

static void set(tact_config *cfg, const char *key, const char *value)
{
	char *err = NULL;
	if (tact_config_set(cfg, key, value, &err) != TACT_OK) {
		fprintf(stderr, "%s: %s\nTry '%s --help' for more information.\n", progname, err, progname);
		free(err);
		exit(EXIT_TROUBLE);
	}
}

static void free_run(run_state *rs)
{
	tact_config_free(rs->cfg);
	fail_clear(&rs->fail);
}

/* Parse the command line into rs. Returns -1 to go on, or an exit status. */
static int parse_args(run_state *rs, int argc, char **argv, void (*usage)(void))
{
	char *err = NULL;
	const char *env_cfg = getenv("TACT_CONFIG");
	if (env_cfg && *env_cfg && tact_config_load(rs->cfg, env_cfg, &err) != TACT_OK) {
		warnx("%s", err);
		free(err);
		return EXIT_TROUBLE;
	}
	int c, idx;
	while ((c = getopt_long(argc, argv, "f:o:c:j:qhV", long_opts, &idx)) != -1) {
		switch (c) {
		case 'f':
			set(rs->cfg, "input-format", optarg);
			break;
		case 'o':
			set(rs->cfg, "format", optarg);
			rs->format_set = true;
			break;
		case 'c':
			if (tact_config_load(rs->cfg, optarg, &err) != TACT_OK) {
				warnx("%s", err);
				free(err);
				return EXIT_TROUBLE;
			}
			rs->format_set |= tact_config_get(rs->cfg, "format") != NULL;
			break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 256)
				usage_error("--jobs: '%s' is not a number from 1 to 256", optarg);
			rs->jobs = n;
			break;
		}
		case 'q':
			rs->quiet = true;
			break;
		case 'h':
			usage();
			return EXIT_OK;
		case 'V':
			printf("tact %s (schema %d)\n", tact_version(), TACT_SCHEMA_VERSION);
			return EXIT_OK;
		case OPT_COLOR:
			set(rs->cfg, "color", optarg ? optarg : "always");
			break;
		case OPT_FAIL_ON:
			parse_fail_on(&rs->fail, optarg);
			break;
		case OPT_LINE_BUFFERED:
			rs->line_buffered = true;
			break;
		case OPT_NO_DEFAULT_LEXICONS:
			set(rs->cfg, "default-lexicons", "no");
			break;
		case OPT_NO_SUGGEST:
			set(rs->cfg, "suggest", "no");
			break;
		case OPT_NO_CACHE:
			set(rs->cfg, "cache", "no");
			break;
		case OPT_NO_POSITIONS:
			set(rs->cfg, "positions", "no");
			break;
		case OPT_SETTING:
			set(rs->cfg, long_opts[idx].name, long_opts[idx].has_arg ? optarg : "yes");
			break;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", progname);
			return EXIT_TROUBLE;
		}
	}
	return -1;
}

/* ---- the main job ------------------------------------------------------- */

/* The inputs, in order: the files named, or standard input when none
 * was (a directory named but empty gives no input at all). */
typedef struct {
	char **names;
	int n, next;
	bool named;
} sources;

/* Open the next input; false when there is none left. Unreadable files are
 * reported and skipped (status 2 at the end). */
static bool next_source(sources *src, run_state *rs, FILE **f, const char **name)
{
	while (src->next < src->n || (!src->named && src->next == 0)) {
		if (!src->named) {
			src->next = 1;
			*f = stdin;
			*name = "-";
			return true;
		}
		const char *nm = src->names[src->next++];
		if (!strcmp(nm, "-")) {
			*f = stdin;
			*name = "-";
			return true;
		}
		FILE *fp = fopen(nm, "rb");
		if (!fp) {
			warnx("%s: %s", nm, strerror(errno));
			rs->status = EXIT_TROUBLE;
			continue;
		}
		*f = fp;
		*name = nm;
		return true;
	}
	return false;
}

/* After a message is analysed, in input order. False when output failed. */
static bool emit(run_state *rs, tact_session *sess, tact_writer *w, tact_msg *m, bool bad)
{
	rs->bad_records += bad;
	tact_session_add(sess, m);
	if (fails(&rs->fail, m)) {
		rs->failing++;
		if (rs->explain && !rs->quiet)
			explain_failure(&rs->fail, m);
	}
	if (tact_writer_write(w, m) != TACT_OK)
		return false;
	if (rs->line_buffered && tact_writer_flush(w) != TACT_OK)
		return false;
	return true;
}

/* Serial run: read, analyse, write one message at a time. */
static bool run_serial(run_state *rs, sources *src, const tact_engine *eng, tact_session *sess, tact_writer *w)
{
	tact_analyzer *an = tact_analyzer_new(eng);
	tact_msg *m = tact_msg_new();
	bool ok = true;
	FILE *f;
	const char *name;
	while (ok && next_source(src, rs, &f, &name)) {
		tact_reader *rd;
		char *err = NULL;
		if (tact_reader_new(rs->cfg, f, name, &rd, &err) != TACT_OK) {
			warnx("%s", err);
			free(err);
			rs->status = EXIT_TROUBLE;
		} else {
			for (;;) {
				bool done;
				if (tact_reader_next(rd, m, &done, &err) != TACT_OK) {
					warnx("%s", err ? err : "read error");
					free(err);
					err = NULL;
					rs->status = EXIT_TROUBLE;
					break;
				}
				if (done)
					break;
				tact_msg_set_index(m, ++rs->index);
				progress_update(rs->prog, rd);
				bool bad = tact_analyze(an, m) != TACT_OK;
				if (!emit(rs, sess, w, m, bad)) {
					ok = false;
					break;
				}
			}
			progress_stream_done(rs->prog, rd);
			tact_reader_free(rd);
		}
		if (f != stdin)
			fclose(f);
	}
	tact_msg_free(m);
	tact_analyzer_free(an);
	return ok;
}

/* Parallel run. Slots form a ring: the main thread fills slots from head
 * and hands them over in batches; workers analyse them in order of filling,
 * a batch at a time; and whichever worker finds the slot at tail finished,
 * while no other worker is writing, writes the finished run from tail, in
 * order. There is no writer thread: on a machine with as many cores as
 * workers, a thread more would take turns with them. A thread woken on
 * this kind of machine costs as much as analysing a short message, so
 * every hand-over is batched and every sleeper is woken only when there is
 * a batch for it: workers when a batch is handed over (a woken worker wakes
 * the next while work is left), the reader when half the ring is free. The
 * reader also hands over what it holds before each read that might block
 * (tact_reader_on_read), so a slow pipe delays no record. Memory in flight
 * is bounded by the ring size and by BYTES_IN_FLIGHT. The workers start
 * once a batch of records or INLINE_BYTES have come; until then the reader
 * analyses and writes what it hands over itself, so an empty or short
 * input starts no thread (2 ms of a 19 ms start-up). */
enum { SLOT_FREE, SLOT_READ, SLOT_BUSY, SLOT_DONE };
#define BYTES_IN_FLIGHT (64u << 20)
#define SLOT_SHRINK (1u << 20)
#define BATCH 64      /* records handed over, or claimed by a worker, at once */
#define RING_PER_JOB 256
#define INLINE_BYTES (64u << 10)

typedef struct {
	tact_msg *m;
	int state;
	bool bad;
	size_t bytes;
} slot;

typedef struct {
	pthread_mutex_t mu;
	pthread_cond_t work_cv, read_cv;
	int work_waiters;
	bool reader_waits;
	bool writing;         /* a worker is writing the run at tail */
	slot *slots;
	size_t q, head, next_work, tail, bytes;
	long jobs;
	bool eof, stop;
	const tact_engine *eng;
	run_state *rs;
	tact_session *sess;
	tact_writer *w;
	bool write_ok;
	int write_errno;      /* why writing failed (errno is per thread) */
	/* the reader's own: filled slots not yet handed over; the workers
	 * (NULL until started) and the analyzer it uses before */
	size_t npend, pend_bytes, inline_bytes;
	pthread_t *th;
	tact_analyzer *an;
} pool;

static bool reader_may_go_on(const pool *p)
{
	size_t used = p->head - p->tail;
	return used <= p->q / 2 && (p->bytes <= BYTES_IN_FLIGHT / 2 || used == 0);
}

/* With the lock held: while the slot at tail is finished and nobody else
 * writes, write the finished run from tail (without the lock) and free it. */
static void write_done(pool *p)
{
	while (!p->writing && !p->stop && p->tail < p->head && p->slots[p->tail % p->q].state == SLOT_DONE) {
		p->writing = true;
		size_t start = p->tail, end = start;
		while (end < p->head && p->slots[end % p->q].state == SLOT_DONE)
			end++;
		pthread_mutex_unlock(&p->mu);
		bool ok = true;
		size_t freed = 0;
		int err = 0;
		for (size_t i = start; i < end; i++) {
			slot *s = &p->slots[i % p->q];
			if (ok && !(ok = emit(p->rs, p->sess, p->w, s->m, s->bad)))
				err = errno;
			if (tact_msg_size(s->m) > SLOT_SHRINK) { /* do not keep a huge buffer */
				tact_msg_free(s->m);
				s->m = tact_msg_new();
			}
			freed += s->bytes;
		}
		pthread_mutex_lock(&p->mu);
		for (size_t i = start; i < end; i++)
			p->slots[i % p->q].state = SLOT_FREE;
		p->bytes -= freed;
		p->tail = end;
		p->writing = false;
		if (!ok) {
			p->write_ok = false;
			p->write_errno = err;
			p->stop = true;
			pthread_cond_broadcast(&p->work_cv);
		}
		if (p->reader_waits && (reader_may_go_on(p) || !ok))
			pthread_cond_signal(&p->read_cv);
	}
}

static void *worker(void *arg)
{
	pool *p = arg;
	tact_analyzer *an = tact_analyzer_new(p->eng);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->next_work == p->head && !p->eof && !p->stop) {
			p->work_waiters++;
			pthread_cond_wait(&p->work_cv, &p->mu);
			p->work_waiters--;
		}
		if (p->stop || (p->next_work == p->head && p->eof))
			break;
		/* a fair share of what is waiting, at most BATCH */
		size_t avail = p->head - p->next_work, n = avail / (size_t)p->jobs;
		n = n < 1 ? 1 : n > BATCH ? BATCH : n;
		size_t first = p->next_work;
		p->next_work += n;
		for (size_t i = first; i < first + n; i++)
			p->slots[i % p->q].state = SLOT_BUSY;
		if (p->next_work != p->head && p->work_waiters)
			pthread_cond_signal(&p->work_cv);
		pthread_mutex_unlock(&p->mu);
		for (size_t i = first; i < first + n; i++) {
			slot *s = &p->slots[i % p->q];
			s->bad = tact_analyze(an, s->m) != TACT_OK;
		}
		pthread_mutex_lock(&p->mu);
		for (size_t i = first; i < first + n; i++)
			p->slots[i % p->q].state = SLOT_DONE;
		write_done(p);
	}
	pthread_mutex_unlock(&p->mu);
	tact_analyzer_free(an);
	return NULL;
}

/* The reader hands its filled slots over to the workers, or analyses and
 * writes them itself while the workers are not needed (see pool). */
static void hand_over(void *arg)
{
	pool *p = arg;
	if (!p->npend)
		return;
	if (!p->th && p->head + p->npend < BATCH && p->inline_bytes + p->pend_bytes < INLINE_BYTES) {
		p->inline_bytes += p->pend_bytes;
		if (!p->an)
			p->an = tact_analyzer_new(p->eng);
		for (size_t i = p->head; i < p->head + p->npend; i++) {
			slot *s = &p->slots[i % p->q];
			s->bad = tact_analyze(p->an, s->m) != TACT_OK;
			s->state = SLOT_DONE;
		}
		pthread_mutex_lock(&p->mu);
		p->head += p->npend;
		p->bytes += p->pend_bytes;
		write_done(p);
		pthread_mutex_unlock(&p->mu);
		p->npend = p->pend_bytes = 0;
		return;
	}
	if (!p->th) {
		p->th = calloc((size_t)p->jobs, sizeof *p->th);
		if (!p->th)
			abort();
		for (long i = 0; i < p->jobs; i++)
			pthread_create(&p->th[i], NULL, worker, p);
	}
	pthread_mutex_lock(&p->mu);
	for (size_t i = p->head; i < p->head + p->npend; i++)
		p->slots[i % p->q].state = SLOT_READ;
	p->head += p->npend;
	p->bytes += p->pend_bytes;
	if (p->work_waiters)
		pthread_cond_signal(&p->work_cv);
	pthread_mutex_unlock(&p->mu);
	p->npend = p->pend_bytes = 0;
}

static bool run_parallel(run_state *rs, sources *src, const tact_engine *eng, tact_session *sess, tact_writer *w)
{
	pool p = {.q = (size_t)rs->jobs * RING_PER_JOB, .jobs = rs->jobs, .eng = eng, .rs = rs, .sess = sess,
		  .w = w, .write_ok = true};
	pthread_mutexattr_t ma;
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ADAPTIVE_NP); /* spin a little before sleeping */
	pthread_mutex_init(&p.mu, &ma);
	pthread_mutexattr_destroy(&ma);
	pthread_cond_init(&p.work_cv, NULL);
	pthread_cond_init(&p.read_cv, NULL);
	p.slots = calloc(p.q, sizeof *p.slots); /* messages made as slots are first filled */
	if (!p.slots)
		abort();

	/* readers must outlive their messages' decoding: kept to the end */
	tact_reader **readers = NULL;
	size_t nreaders = 0;
	FILE *f;
	const char *name;
	bool stop = false;
	size_t room = 0, bytes_seen = 0; /* free slots and bytes in flight when last looked */
	while (!stop && next_source(src, rs, &f, &name)) {
		tact_reader *rd;
		char *err = NULL;
		if (tact_reader_new(rs->cfg, f, name, &rd, &err) != TACT_OK) {
			warnx("%s", err);
			free(err);
			rs->status = EXIT_TROUBLE;
			if (f != stdin)
				fclose(f);
			continue;
		}
		tact_reader_on_read(rd, hand_over, &p);
		tact_reader **rv = realloc(readers, (nreaders + 1) * sizeof *rv);
		if (!rv)
			abort();
		readers = rv;
		readers[nreaders++] = rd;
		for (;;) {
			if (p.npend >= BATCH || !room)
				hand_over(&p);
			if (!room) {
				pthread_mutex_lock(&p.mu);
				while (!p.stop && (p.head - p.tail >= p.q || (p.bytes > BYTES_IN_FLIGHT && p.head != p.tail))) {
					p.reader_waits = true;
					pthread_cond_wait(&p.read_cv, &p.mu);
					p.reader_waits = false;
				}
				stop = p.stop;
				room = p.q - (p.head - p.tail);
				bytes_seen = p.bytes;
				pthread_mutex_unlock(&p.mu);
				if (stop)
					break;
			}
			slot *s = &p.slots[(p.head + p.npend) % p.q];
			if (!s->m)
				s->m = tact_msg_new();
			bool done;
			if (tact_reader_next(rd, s->m, &done, &err) != TACT_OK) {
				warnx("%s", err ? err : "read error");
				free(err);
				err = NULL;
				rs->status = EXIT_TROUBLE;
				break;
			}
			if (done)
				break;
			tact_msg_set_index(s->m, ++rs->index);
			progress_update(rs->prog, rd);
			s->bytes = tact_msg_size(s->m);
			p.npend++;
			p.pend_bytes += s->bytes;
			room--;
			if (bytes_seen + p.pend_bytes > BYTES_IN_FLIGHT)
				room = 0; /* look again before reading more */
		}
		tact_reader_on_read(rd, NULL, NULL);
		hand_over(&p);
		progress_stream_done(rs->prog, rd);
		if (f != stdin)
			fclose(f);
	}
	pthread_mutex_lock(&p.mu);
	p.eof = true;
	pthread_cond_broadcast(&p.work_cv);
	pthread_mutex_unlock(&p.mu);
	for (long i = 0; p.th && i < rs->jobs; i++)
		pthread_join(p.th[i], NULL);
	tact_analyzer_free(p.an);
	for (size_t i = 0; i < nreaders; i++)
		tact_reader_free(readers[i]);
	free(readers);
	for (size_t i = 0; i < p.q; i++)
		tact_msg_free(p.slots[i].m);
	free(p.slots);
	free(p.th);
	pthread_cond_destroy(&p.work_cv);
	pthread_cond_destroy(&p.read_cv);
	pthread_mutex_destroy(&p.mu);
	if (!p.write_ok)
		errno = p.write_errno; /* for the message, on this thread */
	return p.write_ok;
}

static long default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : n;
}

static int finish(run_state *rs, bool out_ok, tact_writer *w)
{
	progress_finish(rs->prog); /* before --summary and notes on stderr */
	if (out_ok && tact_writer_finish(w) != TACT_OK)
		out_ok = false;
	if (!out_ok || fclose(stdout) != 0) {
		warnx("write error: %s", strerror(errno));
		rs->status = EXIT_TROUBLE;
	}
	if (rs->bad_records && !rs->quiet)
		warnx("%zu record%s could not be analysed completely (see %s \"error\" field%s)",
		      rs->bad_records, rs->bad_records == 1 ? "" : "s", rs->bad_records == 1 ? "its" : "their",
		      rs->bad_records == 1 ? "" : "s");
	if (rs->status)
		return rs->status;
	return rs->failing ? EXIT_FINDINGS : EXIT_OK;
}

/* Build the engine and the writer; NULL engine on failure (reported). */
static tact_engine *setup(run_state *rs, tact_writer **w)
{
	char *err = NULL;
	tact_engine *eng;
	*w = NULL;
	if (tact_engine_new(rs->cfg, &eng, &err) != TACT_OK) {
		warnx("%s", err ? err : "cannot build the engine");
		free(err);
		return NULL;
	}
	if (tact_writer_new(rs->cfg, stdout, isatty(STDOUT_FILENO), w, &err) != TACT_OK) {
		warnx("%s", err ? err : "cannot open the output");
		free(err);
		tact_engine_free(eng);
		return NULL;
	}
	return eng;
}

static int main_job(int argc, char **argv)
{
	run_state rs = {.cfg = tact_config_new(), .jobs = default_jobs()};
	int early = parse_args(&rs, argc, argv, help);
	if (early >= 0) {
		free_run(&rs);
		return output_status(early);
	}
	if (!rs.format_set && isatty(STDOUT_FILENO))
		set(rs.cfg, "format", "text");
	tact_writer *w;
	tact_engine *eng = setup(&rs, &w);
	if (!eng) {
		free_run(&rs);
		return EXIT_TROUBLE;
	}
	tact_session *sess = tact_session_new();
	/* a progress line on stderr, unless records stream to the same terminal */
	const char *fmt = tact_config_get(rs.cfg, "format");
	bool streams = !fmt || (strcmp(fmt, "summary") && strcmp(fmt, "html"));
	rs.prog = progress_new(rs.quiet, isatty(STDOUT_FILENO) && streams);
	int nin, bad = 0;
	char **inputs = paths_expand(argv + optind, argc - optind, &nin, &bad);
	if (bad)
		rs.status = EXIT_TROUBLE;
	for (int i = 0; i < nin; i++)
		progress_expect(rs.prog, inputs[i]);
	if (optind >= argc)
		progress_expect(rs.prog, "-");
	sources src = {inputs, nin, 0, optind < argc};
	bool ok = rs.jobs > 1 ? run_parallel(&rs, &src, eng, sess, w) : run_serial(&rs, &src, eng, sess, w);
	int status = finish(&rs, ok, w);
	paths_free(inputs);
	progress_free(rs.prog);
	tact_session_free(sess);
	tact_writer_free(w);
	tact_engine_free(eng);
	free_run(&rs);
	return status;
}

/* ---- tact check ----------------------------------------------------------- */

static void help_check(void)
{
	printf("Usage: tact check [OPTION]... [FILE]\n"
	       "Check one draft reply (FILE or standard input) before it is sent, as an agent's\n"
	       "message: prints the diagnostics (text, or --format jsonl) and exits 1 when the\n"
	       "draft fails. By default it fails on derogatory language of any kind, a\n"
	       "conditional non-apology, argument, blame, hiding behind policy and deflection\n"
	       "(the agent.* labels); --fail-on LEVEL|LABELS changes that (e.g. --fail-on\n"
	       "agent.blame,apology.canned or --fail-on medium). A failing draft is named\n"
	       "on standard error with the labels that fail it (not with --quiet).\n"
	       "\n%s%s"
	       "Exit status: 0 the draft passes, 1 it fails, 2 usage or I/O error.\n",
	       help_input, help_output);
}

static int check_main(int argc, char **argv)
{
	run_state rs = {.cfg = tact_config_new(), .jobs = 1, .explain = true};
	set(rs.cfg, "input-format", "text");
	set(rs.cfg, "role", "agent");
	set(rs.cfg, "format", "text");
	optind = 1;
	int early = parse_args(&rs, argc, argv, help_check);
	if (early >= 0) {
		free_run(&rs);
		return output_status(early);
	}
	if (!rs.fail.active) {
		/* what makes a reply fail service recovery: abuse, a
		 * non-apology, arguing, blaming, hiding behind policy and
		 * passing the problem on */
		static const char *const def[] = {"derogatory", "apology.conditional", "agent"};
		rs.fail.active = true;
		for (size_t i = 0; i < sizeof def / sizeof *def; i++)
			fail_add_label(&rs.fail, def[i]);
	}
	if (argc - optind > 1)
		usage_error("check takes one draft (a file or standard input)");
	tact_writer *w;
	tact_engine *eng = setup(&rs, &w);
	if (!eng) {
		free_run(&rs);
		return EXIT_TROUBLE;
	}
	tact_session *sess = tact_session_new();
	sources src = {argv + optind, argc - optind, 0, optind < argc};
	bool ok = run_serial(&rs, &src, eng, sess, w);
	if (ok && !rs.quiet && !rs.index)
		warnx("no draft to check");
	int status = finish(&rs, ok, w);
	tact_session_free(sess);
	tact_writer_free(w);
	tact_engine_free(eng);
	free_run(&rs);
	return status;
}

/* ---- tact serve --------------------------------------------------------------- */

static void help_serve(void)
{
	printf("Usage: tact serve [OPTION]...\n"
	       "Resident mode for agent tooling: the engine is built once; each line of standard\n"
	       "input is a JSON request {\"id\", \"role\", \"text\", \"thread\"...} (field names as\n"
	       "for --input-format jsonl) and gets one JSON line back, flushed at once, in the\n"
	       "record format of doc/output-format.md. Runs until standard input ends.\n"
	       "\n%s%s",
	       help_input, help_output);
}

static int serve_main(int argc, char **argv)
{
	run_state rs = {.cfg = tact_config_new(), .jobs = 1};
	set(rs.cfg, "input-format", "jsonl");
	set(rs.cfg, "format", "jsonl");
	optind = 1;
	int early = parse_args(&rs, argc, argv, help_serve);
	if (early >= 0) {
		free_run(&rs);
		return output_status(early);
	}
	if (optind < argc)
		usage_error("serve reads standard input only");
	rs.line_buffered = true;
	tact_writer *w;
	tact_engine *eng = setup(&rs, &w);
	if (!eng) {
		free_run(&rs);
		return EXIT_TROUBLE;
	}
	tact_session *sess = tact_session_new();
	sources src = {NULL, 0, 0, false};
	bool ok = run_serial(&rs, &src, eng, sess, w);
	rs.failing = 0; /* serve answers; it does not judge the run */
	int status = finish(&rs, ok, w);
	tact_session_free(sess);
	tact_writer_free(w);
	tact_engine_free(eng);
	free_run(&rs);
	return status;
}

/* ---- tact lexicon --------------------------------------------------------------- */

static void print_line(const char *line, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "%s\n", line);
}

/* tact lexicon lint|test|allowlist [OPTIONS] [DIR] */
static int lexicon_main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{"lexicons", required_argument, NULL, 'L'},
		{"no-default-lexicons", no_argument, NULL, 'N'},
		{"lang", required_argument, NULL, 'l'},
		{"dict", required_argument, NULL, 'd'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *usage = "Usage: tact lexicon lint [DIR]      check lexicon files, run their examples\n"
			    "       tact lexicon test [DIR]      run the embedded examples\n"
			    "       tact lexicon allowlist [-o FILE]  generate the innocent-word allowlist\n"
			    "       tact lexicon words           every literal word the lexicons match\n"
			    "Options: --lexicons DIR, --no-default-lexicons, --lang LANG, --dict NAME\n"
			    "Exit status: 0 clean, 2 problems found or usage error.\n";
	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_TROUBLE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) { /* asked before a command */
		fputs(usage, stdout);
		return output_status(EXIT_OK);
	}
	const char *cmd = argv[1];
	tact_config *cfg = tact_config_new();
	const char *outpath = NULL;
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, "o:h", lopts, NULL)) != -1) {
		switch (c) {
		case 'L': set(cfg, "lexicons", optarg); break;
		case 'N': set(cfg, "default-lexicons", "no"); break;
		case 'l': set(cfg, "lang", optarg); break;
		case 'd': set(cfg, "dict", optarg); break;
		case 'o': outpath = optarg; break;
		case 'h': fputs(usage, stdout); tact_config_free(cfg); return output_status(EXIT_OK);
		default: fputs(usage, stderr); tact_config_free(cfg); return EXIT_TROUBLE;
		}
	}
	const char *dir = optind < argc ? argv[optind] : NULL;
	int status = EXIT_OK;
	if (!strcmp(cmd, "lint")) {
		size_t errors = 0;
		if (tact_lexicon_lint(cfg, dir, print_line, NULL, &errors) != TACT_OK) {
			fprintf(stderr, "%s: %zu error%s\n", progname, errors, errors == 1 ? "" : "s");
			status = EXIT_TROUBLE;
		}
	} else if (!strcmp(cmd, "test")) {
		size_t passed = 0, failed = 0;
		tact_status st = tact_lexicon_test(cfg, dir, print_line, NULL, &passed, &failed);
		printf("lexicon examples: %zu passed, %zu failed\n", passed, failed);
		if (st != TACT_OK || failed)
			status = EXIT_TROUBLE;
	} else if (!strcmp(cmd, "words")) {
		char *err = NULL;
		if (tact_lexicon_words(cfg, stdout, &err) != TACT_OK) {
			if (err) /* else a write error, reported below */
				warnx("%s", err);
			free(err);
			status = EXIT_TROUBLE;
		}
	} else if (!strcmp(cmd, "allowlist")) {
		FILE *out = outpath ? fopen(outpath, "w") : stdout;
		char *err = NULL;
		size_t n = 0;
		if (!out) {
			warnx("%s: %s", outpath, strerror(errno));
			status = EXIT_TROUBLE;
		} else if (tact_lexicon_allowlist(cfg, out, &n, &err) != TACT_OK) {
			if (err || out != stdout) /* else a write error, reported below */
				warnx("%s", err ? err : "allowlist failed");
			free(err);
			status = EXIT_TROUBLE;
		} else {
			fprintf(stderr, "%s: %zu innocent words\n", progname, n);
		}
		if (out && out != stdout && fclose(out) != 0) {
			warnx("%s: %s", outpath, strerror(errno));
			status = EXIT_TROUBLE;
		}
	} else {
		fprintf(stderr, "%s: unknown lexicon command '%s'\n", progname, cmd);
		fputs(usage, stderr);
		status = EXIT_TROUBLE;
	}
	tact_config_free(cfg);
	return output_status(status);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "lexicon"))
		return lexicon_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "check"))
		return check_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "serve"))
		return serve_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "report")) {
		/* tact report [OPTION]... [FILE]... is tact --format=html ... */
		static char as_html[] = "--format=html";
		argv[1] = as_html;
	}
	return main_job(argc, argv);
}
