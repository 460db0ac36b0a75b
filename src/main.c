/* main.c: the tact command. Options, exit codes and wiring only: every
 * stage is reached through the public API in tact.h. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static void help(void)
{
	printf("Usage: tact [OPTION]... [FILE]...\n"
	       "Annotate customer-service messages: escalation and derogatory language in\n"
	       "customer messages; apology class, argument, blame, policy-hiding and service\n"
	       "recovery in agent replies. Reads FILEs, or standard input when none or '-'.\n"
	       "\n"
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
	       "      --spell              check agent spelling with hunspell\n"
	       "      --dict=NAME          hunspell dictionary (en_US)\n"
	       "      --dict-extra=FILE    extra accepted words, one per line (repeatable)\n"
	       "\n"
	       "Output:\n"
	       "  -o, --format=FMT         jsonl (default when not a terminal), text (default\n"
	       "                           on a terminal), tsv, summary\n"
	       "      --color[=WHEN]       auto (default), always, never; NO_COLOR is honoured\n"
	       "      --text               include the analysed text in each record\n"
	       "      --own-text           include only the author's own words (no quotes,\n"
	       "                           no signature)\n"
	       "      --summary            print counts at the end (stderr with jsonl)\n"
	       "      --fail-on=WHAT       exit 1 when a finding reaches WHAT: a level (low,\n"
	       "                           medium, high, critical) or labels, comma-separated\n"
	       "                           (a prefix such as 'derogatory' matches its family)\n"
	       "  -q, --quiet              no notes on standard error\n"
	       "  -c, --config=FILE        read 'key = value' settings (keys as the long options)\n"
	       "  -h, --help               this help\n"
	       "  -V, --version            version and schema\n"
	       "\n"
	       "Exit status: 0 no finding at or above --fail-on (default: never fail), 1 such a\n"
	       "finding, 2 usage or I/O error. A message that cannot be analysed still gets a\n"
	       "record, with an \"error\" field, and does not change the status.\n"
	       "\n"
	       "Examples:\n"
	       "  tact < export.mbox | jq 'select(.escalation.level == \"high\")'\n"
	       "  tact --format text chat.txt\n"
	       "  tact --input-format jsonl --text-field body tickets.jsonl\n");
}

/* Options that are plain settings: the long name is the config key. */
enum {
	OPT_SETTING = 256,
	OPT_NO_DEFAULT_LEXICONS,
	OPT_COLOR,
	OPT_FAIL_ON,
};

static const struct option long_opts[] = {
	{"input-format", required_argument, NULL, 'f'},
	{"format", required_argument, NULL, 'o'},
	{"config", required_argument, NULL, 'c'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{"color", optional_argument, NULL, OPT_COLOR},
	{"colour", optional_argument, NULL, OPT_COLOR},
	{"fail-on", required_argument, NULL, OPT_FAIL_ON},
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
	{"summary", no_argument, NULL, OPT_SETTING},
	{NULL, 0, NULL, 0},
};

/* --fail-on: a level, or a list of labels and label prefixes. */
typedef struct {
	bool active;
	tact_level level; /* when no labels */
	char **labels;
	size_t nlabels;
} fail_rule;

static void parse_fail_on(fail_rule *fr, const char *arg)
{
	fr->active = true;
	if (tact_level_parse(arg, &fr->level)) {
		if (fr->level == TACT_LEVEL_NONE)
			usage_error("--fail-on: 'none' would fail on every message");
		return;
	}
	char *copy = strdup(arg);
	if (!copy)
		abort();
	for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!*tok)
			continue;
		char **v = realloc(fr->labels, (fr->nlabels + 1) * sizeof *v);
		if (!v)
			abort();
		fr->labels = v;
		fr->labels[fr->nlabels++] = strdup(tok);
	}
	free(copy);
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

typedef struct {
	tact_config *cfg;
	fail_rule fail;
	bool quiet;
	int status;
	size_t index, bad_records, failing;
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

/* Analyse one input stream. Returns false when output failed (stop). */
static bool run_stream(run_state *rs, tact_analyzer *an, tact_session *sess, tact_writer *w, FILE *f,
		       const char *name, tact_msg *m)
{
	tact_reader *rd;
	char *err = NULL;
	if (tact_reader_new(rs->cfg, f, name, &rd, &err) != TACT_OK) {
		warnx("%s", err);
		free(err);
		rs->status = EXIT_TROUBLE;
		return true;
	}
	for (;;) {
		bool done;
		tact_status st = tact_reader_next(rd, m, &done, &err);
		if (st != TACT_OK) {
			warnx("%s", err ? err : tact_status_str(st));
			free(err);
			err = NULL;
			rs->status = EXIT_TROUBLE;
			break;
		}
		if (done)
			break;
		tact_msg_set_index(m, ++rs->index);
		if (tact_analyze(an, m) != TACT_OK)
			rs->bad_records++;
		tact_session_add(sess, m);
		if (fails(&rs->fail, m))
			rs->failing++;
		if (tact_writer_write(w, m) != TACT_OK) {
			tact_reader_free(rd);
			return false;
		}
	}
	tact_reader_free(rd);
	return true;
}

static void free_run(run_state *rs)
{
	tact_config_free(rs->cfg);
	for (size_t i = 0; i < rs->fail.nlabels; i++)
		free(rs->fail.labels[i]);
	free(rs->fail.labels);
}

/* Parse the command line into rs. Returns -1 to go on, or an exit status. */
static int parse_args(run_state *rs, int argc, char **argv, bool *format_set)
{
	char *err = NULL;
	const char *env_cfg = getenv("TACT_CONFIG");
	if (env_cfg && *env_cfg && tact_config_load(rs->cfg, env_cfg, &err) != TACT_OK) {
		warnx("%s", err);
		free(err);
		return EXIT_TROUBLE;
	}
	int c, idx;
	while ((c = getopt_long(argc, argv, "f:o:c:qhV", long_opts, &idx)) != -1) {
		switch (c) {
		case 'f':
			set(rs->cfg, "input-format", optarg);
			break;
		case 'o':
			set(rs->cfg, "format", optarg);
			*format_set = true;
			break;
		case 'c':
			if (tact_config_load(rs->cfg, optarg, &err) != TACT_OK) {
				warnx("%s", err);
				free(err);
				return EXIT_TROUBLE;
			}
			*format_set |= tact_config_get(rs->cfg, "format") != NULL;
			break;
		case 'q':
			rs->quiet = true;
			break;
		case 'h':
			help();
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
		case OPT_NO_DEFAULT_LEXICONS:
			set(rs->cfg, "default-lexicons", "no");
			break;
		case OPT_SETTING: {
			const char *key = long_opts[idx].name;
			set(rs->cfg, key, long_opts[idx].has_arg ? optarg : "yes");
			break;
		}
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", progname);
			return EXIT_TROUBLE;
		}
	}
	return -1;
}

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
			    "Options: --lexicons DIR, --no-default-lexicons, --lang LANG, --dict NAME\n"
			    "Exit status: 0 clean, 2 problems found or usage error.\n";
	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_TROUBLE;
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
		case 'h': fputs(usage, stdout); tact_config_free(cfg); return EXIT_OK;
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
	} else if (!strcmp(cmd, "allowlist")) {
		FILE *out = outpath ? fopen(outpath, "w") : stdout;
		char *err = NULL;
		size_t n = 0;
		if (!out) {
			warnx("%s: %s", outpath, strerror(errno));
			status = EXIT_TROUBLE;
		} else if (tact_lexicon_allowlist(cfg, out, &n, &err) != TACT_OK) {
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
	return status;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "lexicon"))
		return lexicon_main(argc - 1, argv + 1);
	run_state rs = {0};
	rs.cfg = tact_config_new();
	bool format_set = false;
	char *err = NULL;
	int early = parse_args(&rs, argc, argv, &format_set);
	if (early >= 0) {
		free_run(&rs);
		return early;
	}
	bool out_tty = isatty(STDOUT_FILENO);
	if (!format_set && out_tty)
		set(rs.cfg, "format", "text");

	tact_engine *eng;
	if (tact_engine_new(rs.cfg, &eng, &err) != TACT_OK) {
		warnx("%s", err);
		free(err);
		free_run(&rs);
		return EXIT_TROUBLE;
	}
	tact_writer *w;
	if (tact_writer_new(rs.cfg, stdout, out_tty, &w, &err) != TACT_OK) {
		warnx("%s", err);
		free(err);
		tact_engine_free(eng);
		free_run(&rs);
		return EXIT_TROUBLE;
	}
	tact_analyzer *an = tact_analyzer_new(eng);
	tact_session *sess = tact_session_new();
	tact_msg *m = tact_msg_new();

	bool out_ok = true;
	if (optind >= argc) {
		out_ok = run_stream(&rs, an, sess, w, stdin, "-", m);
	} else {
		for (int i = optind; i < argc && out_ok; i++) {
			const char *name = argv[i];
			if (!strcmp(name, "-")) {
				out_ok = run_stream(&rs, an, sess, w, stdin, "-", m);
				continue;
			}
			FILE *f = fopen(name, "rb");
			if (!f) {
				warnx("%s: %s", name, strerror(errno));
				rs.status = EXIT_TROUBLE;
				continue;
			}
			out_ok = run_stream(&rs, an, sess, w, f, name, m);
			fclose(f);
		}
	}
	if (out_ok && tact_writer_finish(w) != TACT_OK)
		out_ok = false;
	if (!out_ok || fclose(stdout) != 0) {
		warnx("write error: %s", strerror(errno));
		rs.status = EXIT_TROUBLE;
	}
	if (rs.bad_records && !rs.quiet)
		warnx("%zu record%s could not be analysed completely (see %s \"error\" field%s)",
		      rs.bad_records, rs.bad_records == 1 ? "" : "s", rs.bad_records == 1 ? "its" : "their",
		      rs.bad_records == 1 ? "" : "s");

	tact_msg_free(m);
	tact_session_free(sess);
	tact_analyzer_free(an);
	tact_writer_free(w);
	tact_engine_free(eng);
	free_run(&rs);
	if (rs.status)
		return rs.status;
	return rs.failing ? EXIT_FINDINGS : EXIT_OK;
}
