/* lexicon.c: reads lexicon files into entries, word classes and examples,
 * checking everything a user can get wrong and saying where, as
 * FILE:LINE:COL. Patterns are compiled later by pattern.c. The format:
 *
 *   # comment
 *   @version 1
 *   @class you        you | u | ya | y'all
 *   ID  LABEL  SEVERITY  FLAGS  PATTERN
 *     + an example that must match
 *     - an example that must not
 *
 * A line ending in a backslash continues on the next.
 *
 * A file is mapped, not read: its lines are parsed from the page cache, and
 * only the strings kept (ids, patterns, classes; examples only when the
 * caller asks, for lint and test) are copied, one after another into
 * large blocks freed in bulk. On a machine where a page touched for the
 * first time costs some 12 us (a nested virtual machine), the pages of
 * memory written at start-up cost more than the instructions. */
#include "lexicon.h"
#include "vocab.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const labels[] = {
	"escalation.cancel", "escalation.legal", "escalation.regulator", "escalation.public",
	"escalation.manager", "escalation.repeat", "escalation.chargeback", "escalation.ultimatum",
	"escalation.threat", "escalation.shouting", "derogatory.profanity", "derogatory.insult",
	"derogatory.identity", "apology.sincere", "apology.canned", "apology.conditional",
	"agent.argumentative", "agent.blame", "agent.policy", "agent.deflect", "recovery.ownership",
	"recovery.action", "recovery.compensation", "recovery.follow_up", "recovery.prevention",
	"recovery.gratitude", "recovery.empathy",
	/* cues: evidence the detectors combine, never reported themselves */
	"cue.negation", "cue.unnegate", "cue.hypothetical", "cue.retraction", "cue.reported",
	"cue.target", "cue.self", "cue.thing", "cue.acronym", "cue.positive", "cue.negative",
	"cue.apology", "cue.failure", "cue.but", "cue.grant", "cue.innocent", "cue.idiom",
	"cue.first_person", "cue.question", "cue.deadline", "cue.consequence", "cue.group",
	"cue.intensifier", "cue.refusal", "cue.contact", "cue.spelling", "cue.emoji", "cue.foreign",
};

static const struct {
	const char *label, *msg;
} messages[] = {
	{"escalation.cancel", "threat to cancel or leave"},
	{"escalation.legal", "threat of legal action"},
	{"escalation.regulator", "complaint to a regulator"},
	{"escalation.public", "threat to go public"},
	{"escalation.manager", "demand for a manager"},
	{"escalation.repeat", "repeat contact"},
	{"escalation.chargeback", "chargeback or payment dispute"},
	{"escalation.ultimatum", "ultimatum"},
	{"escalation.threat", "threat of harm"},
	{"escalation.shouting", "shouting"},
	{"derogatory.profanity", "profanity"},
	{"derogatory.insult", "insult aimed at a person"},
	{"derogatory.identity", "slur or attack on a group identity"},
	{"apology.sincere", "sincere apology"},
	{"apology.canned", "canned apology"},
	{"apology.conditional", "conditional non-apology"},
	{"agent.argumentative", "argumentative"},
	{"agent.blame", "blames the customer"},
	{"agent.policy", "hides behind policy"},
	{"agent.deflect", "deflects the problem elsewhere"},
	{"recovery.ownership", "takes ownership"},
	{"recovery.action", "acts to fix it"},
	{"recovery.compensation", "offers compensation"},
	{"recovery.follow_up", "commits to follow up"},
	{"recovery.prevention", "prevents a repeat"},
	{"recovery.gratitude", "thanks the customer"},
	{"recovery.empathy", "acknowledges the customer's experience"},
};

/* Detectors look labels up by literal strings on every message: an open
 * hash table over the label table, built once. */
#define LABEL_SLOTS 256
static uint8_t label_slot[LABEL_SLOTS]; /* label index + 1; 0 empty */
static pthread_once_t label_once = PTHREAD_ONCE_INIT;

static size_t label_hash(const char *s, size_t n)
{
	return (n * 31u + (unsigned char)s[0] * 7u + (unsigned char)s[n - 1] * 131u + (unsigned char)s[n / 2] * 17u) &
	       (LABEL_SLOTS - 1);
}

static void label_table_init(void)
{
	for (size_t i = 0; i < ARRAY_LEN(labels); i++) {
		size_t h = label_hash(labels[i], strlen(labels[i]));
		while (label_slot[h])
			h = (h + 1) & (LABEL_SLOTS - 1);
		label_slot[h] = (uint8_t)(i + 1);
	}
}

bool tact_label_known(const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(labels); i++) {
		const char *l = labels[i];
		if (!strncmp(l, "cue.", 4)) /* evidence, never in a record */
			continue;
		if (!strncmp(l, s, n) && (l[n] == '\0' || l[n] == '.' || s[n - 1] == '.'))
			return true;
	}
	return false;
}

const char *label_lookup(const char *name, size_t len)
{
	if (!len)
		return NULL;
	pthread_once(&label_once, label_table_init);
	for (size_t h = label_hash(name, len); label_slot[h]; h = (h + 1) & (LABEL_SLOTS - 1)) {
		const char *l = labels[label_slot[h] - 1];
		if (l[0] == name[0] && !strncmp(l, name, len) && l[len] == '\0')
			return l;
	}
	return NULL;
}


const char *label_message(const char *label)
{
	for (size_t i = 0; i < ARRAY_LEN(messages); i++)
		if (!strcmp(messages[i].label, label))
			return messages[i].msg;
	return label;
}

void diag_add(diag *d, bool error, const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xvasprintf(fmt, ap);
	va_end(ap);
	char *full = col > 0 ? xasprintf("%s:%d:%d: %s%s", file, line, col, error ? "" : "warning: ", m)
			     : xasprintf("%s:%d: %s%s", file, line, error ? "" : "warning: ", m);
	free(m);
	VEC_RESERVE(d->msgs, d->cap, d->n + 1);
	d->msgs[d->n++] = full;
	d->errors += error;
}

void diag_free(diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->msgs[i]);
	free(d->msgs);
	*d = (diag){0};
}

static const char *intern_file(lexicon *lx, const char *path)
{
	for (size_t i = 0; i < lx->nfiles; i++)
		if (!strcmp(lx->files[i], path))
			return lx->files[i];
	VEC_RESERVE(lx->files, lx->capfiles, lx->nfiles + 1);
	return lx->files[lx->nfiles++] = xstrdup(path);
}

/* A copy of s[0..n) and a NUL in the lexicon's string blocks. */
static char *keep(lexicon *lx, const char *s, size_t n)
{
	if (n + 1 > lx->left) {
		size_t size = MAX(n + 1, (size_t)60 << 10); /* below malloc's mmap threshold */
		VEC_RESERVE(lx->blocks, lx->capblocks, lx->nblocks + 1);
		lx->blocks[lx->nblocks++] = lx->next = xmalloc(size);
		lx->left = size;
	}
	char *r = lx->next;
	memcpy(r, s, n);
	r[n] = '\0';
	lx->next += n + 1;
	lx->left -= n + 1;
	return r;
}

const lex_class *lexicon_class(const lexicon *lx, const char *name, size_t len)
{
	for (size_t i = lx->nclasses; i-- > 0;) /* later definitions win */
		if (strlen(lx->classes[i].name) == len && !memcmp(lx->classes[i].name, name, len))
			return &lx->classes[i];
	return NULL;
}

static bool id_char(char c)
{
	return ascii_alnum((unsigned char)c) || c == '_' || c == '.' || c == '-';
}

/* Next whitespace-separated field of line at *p; returns its start and
 * length, or NULL at the end. */
static const char *field(const char **p, size_t *len)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s) {
		*p = s;
		return NULL;
	}
	const char *e = s;
	while (*e && *e != ' ' && *e != '\t')
		e++;
	*len = (size_t)(e - s);
	*p = e;
	return s;
}

static bool parse_sev(const char *s, size_t n, tact_severity *out)
{
	static const char *const names[] = {"info", "low", "medium", "high", "critical"};
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (strlen(names[i]) == n && !memcmp(names[i], s, n)) {
			*out = (tact_severity)i;
			return true;
		}
	return false;
}

/* FLAGS: "-" or a comma-separated list. */
/* The number written in s[0..n): digits only, else -1; at most 99 (a
 * longer one reads as 99, never overflowing). */
static int small_num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!ascii_digit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
		if (v > 99)
			v = 99;
	}
	return n ? v : -1;
}

static bool parse_flags(lexicon *lx, lex_entry *e, const char *s, size_t n, const char *file, int line, int col,
			diag *d)
{
	if (n == 1 && *s == '-')
		return true;
	bool ok = true;
	const char *end = s + n;
	while (s < end) {
		const char *c = memchr(s, ',', (size_t)(end - s));
		size_t k = c ? (size_t)(c - s) : (size_t)(end - s);
		int fcol = col;
		static const struct {
			const char *name;
			unsigned bit;
			const char *label; /* the flag's only label, or NULL */
		} names[] = {{"stem", LF_STEM, NULL},       {"obf", LF_OBF, NULL},
			     {"sub", LF_SUB, NULL},         {"caps", LF_CAPS, NULL},
			     {"any", LF_ANY, NULL},         {"target", LF_TARGET, NULL},
			     {"off", LF_OFF, NULL},         {"clause", LF_CLAUSE, NULL},
			     {"sentence", LF_SENTENCE, NULL}, {"noquote", LF_NOQUOTE, NULL},
			     {"start", LF_START, NULL},     {"digit", LF_DIGIT, NULL},
			     {"harsh", LF_HARSH, NULL},     {"moves", LF_MOVES, NULL},
			     {"back", LF_BACK, "agent.argumentative"},
			     {"bare", LF_BARE, "recovery.empathy"}, {"partner", LF_PARTNER, "agent.deflect"},
			     {"curse", LF_CURSE, "derogatory.profanity"}};
		bool known = false;
		for (size_t i = 0; i < ARRAY_LEN(names); i++)
			if (strlen(names[i].name) == k && !memcmp(names[i].name, s, k)) {
				if (names[i].label && e->label != label_lookup(names[i].label, strlen(names[i].label))) {
					diag_add(d, true, file, line, fcol, "flag '%s' is for %s entries", names[i].name,
						 names[i].label);
					ok = false;
				}
				e->flags |= names[i].bit;
				known = true;
			}
		if (!known && k > 7 && !memcmp(s, "before=", 7)) {
			e->before = small_num(s + 7, k - 7);
			known = e->before > 0 && e->before <= 12;
		} else if (!known && k > 6 && !memcmp(s, "after=", 6)) {
			e->after = small_num(s + 6, k - 6);
			known = e->after > 0 && e->after <= 12;
		} else if (!known && k > 7 && !memcmp(s, "anchor=", 7)) {
			const char *a = s + 7, *ae = s + k;
			while (a < ae) {
				const char *bar = memchr(a, '|', (size_t)(ae - a));
				size_t al = bar ? (size_t)(bar - a) : (size_t)(ae - a);
				if (al) {
					e->anchors = xreallocarray(e->anchors, e->nanchors + 1, sizeof *e->anchors);
					e->anchors[e->nanchors++] = keep(lx, a, al);
				}
				a += al + (bar ? 1 : 0);
			}
			known = e->nanchors > 0;
		}
		if (!known) {
			diag_add(d, true, file, line, fcol, "unknown or bad flag '%.*s' (known: stem, obf, sub, caps, "
				 "any, target, harsh, moves, off, clause, sentence, noquote, start, digit, back, bare, partner, "
				 "curse, before=N, after=N, anchor=W|W)",
				 (int)k, s);
			ok = false;
		}
		col += (int)k + 1;
		s += k + (c ? 1 : 0);
	}
	return ok;
}

static void add_class(lexicon *lx, const char *rest, const char *file, int line, diag *d)
{
	const char *p = rest;
	size_t nl;
	const char *name = field(&p, &nl);
	while (*p == ' ' || *p == '\t')
		p++;
	if (!name || !*p) {
		diag_add(d, true, file, line, 1, "@class needs a name and alternatives");
		return;
	}
	for (size_t i = 0; i < nl; i++)
		if (!id_char(name[i])) {
			diag_add(d, true, file, line, (int)(name - rest) + 8, "bad class name '%.*s'", (int)nl, name);
			return;
		}
	VEC_RESERVE(lx->classes, lx->capclasses, lx->nclasses + 1);
	lx->classes[lx->nclasses++] = (lex_class){keep(lx, name, nl), keep(lx, p, strlen(p)), file, line};
}

static void entry_free(lex_entry *e)
{
	free(e->anchors);
	free(e->examples);
}

static uint32_t *id_slot(lexicon *lx, const char *id);
static void id_index_grow(lexicon *lx);

/* Parse an entry line (len bytes, NUL-terminated); returns the entry added
 * or NULL. */
static lex_entry *add_entry(lexicon *lx, const char *line, size_t len, const char *file, int lineno, bool user,
			    diag *d)
{
	const char *p = line;
	size_t lens[4];
	const char *f[4];
	static const char *const what[] = {"id", "label", "severity", "flags"};
	for (int i = 0; i < 4; i++) {
		f[i] = field(&p, &lens[i]);
		if (!f[i]) {
			diag_add(d, true, file, lineno, (int)(p - line) + 1,
				 "expected ID LABEL SEVERITY FLAGS PATTERN: missing %s", what[i]);
			return NULL;
		}
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p) {
		diag_add(d, true, file, lineno, (int)(p - line) + 1, "missing pattern");
		return NULL;
	}
	for (size_t i = 0; i < lens[0]; i++)
		if (!id_char(f[0][i])) {
			diag_add(d, true, file, lineno, (int)(f[0] - line) + (int)i + 1,
				 "bad character in id '%.*s' (use letters, digits, _ . -)", (int)lens[0], f[0]);
			return NULL;
		}
	lex_entry e = {0};
	e.label = label_lookup(f[1], lens[1]); /* a reused line buffer: not label_intern */
	if (!e.label) {
		diag_add(d, true, file, lineno, (int)(f[1] - line) + 1, "unknown label '%.*s'", (int)lens[1], f[1]);
		return NULL;
	}
	if (!parse_sev(f[2], lens[2], &e.sev)) {
		diag_add(d, true, file, lineno, (int)(f[2] - line) + 1,
			 "bad severity '%.*s' (info, low, medium, high, critical)", (int)lens[2], f[2]);
		return NULL;
	}
	if (!parse_flags(lx, &e, f[3], lens[3], file, lineno, (int)(f[3] - line) + 1, d)) {
		entry_free(&e);
		return NULL;
	}
	e.id = keep(lx, f[0], lens[0]);
	size_t pl = (size_t)(line + len - p);
	while (pl && (p[pl - 1] == ' ' || p[pl - 1] == '\t'))
		pl--;
	e.pattern = keep(lx, p, pl);
	e.pattern_col = (int)(p - line) + 1;
	e.file = file;
	e.line = lineno;
	e.user = user;
	/* the same id again: a user lexicon replaces a bundled entry, a
	 * duplicate among bundled (or among user) entries is an error */
	uint32_t *slot = id_slot(lx, e.id);
	if (*slot) {
		size_t i = *slot - 1;
		if (user && !lx->e[i].user) {
			entry_free(&lx->e[i]);
			lx->e[i] = e;
			return &lx->e[i];
		}
		diag_add(d, true, file, lineno, (int)(f[0] - line) + 1, "duplicate id '%s' (first at %s:%d)", e.id,
			 lx->e[i].file, lx->e[i].line);
		entry_free(&e);
		return NULL;
	}
	VEC_RESERVE(lx->e, lx->cap, lx->n + 1);
	lx->e[lx->n] = e;
	*slot = (uint32_t)++lx->n;
	if (lx->n * 2 > lx->nbyid)
		id_index_grow(lx);
	return &lx->e[lx->n - 1];
}

/* The slot of id in the id index: the entry's, or the empty one where it
 * would go. */
static uint32_t *id_slot(lexicon *lx, const char *id)
{
	if (!lx->nbyid)
		id_index_grow(lx);
	size_t mask = lx->nbyid - 1;
	for (size_t h = vocab_hash(id, strlen(id)) & mask;; h = (h + 1) & mask)
		if (!lx->byid[h] || !strcmp(lx->e[lx->byid[h] - 1].id, id))
			return &lx->byid[h];
}

static void id_index_grow(lexicon *lx)
{
	free(lx->byid);
	lx->nbyid = lx->nbyid ? lx->nbyid * 2 : 1024;
	lx->byid = xcalloc(lx->nbyid, sizeof *lx->byid);
	for (size_t i = 0; i < lx->n; i++)
		*id_slot(lx, lx->e[i].id) = (uint32_t)(i + 1);
}

/* Read all of fd (not a regular file) into a new buffer *out of *n bytes
 * (what was read before an error too); returns 0 or an errno. */
static int read_all(int fd, char **out, size_t *n)
{
	size_t cap = 4096, len = 0;
	char *b = xmalloc(cap);
	int err = 0;
	for (;;) {
		if (len == cap)
			b = xrealloc(b, cap *= 2);
		ssize_t got = read(fd, b + len, cap - len);
		if (got > 0)
			len += (size_t)got;
		else if (got == 0 || errno != EINTR) {
			err = got ? errno : 0;
			break;
		}
	}
	*out = b;
	*n = len;
	return err;
}

/* One logical line s (len bytes, NUL-terminated) that begins on line
 * start. checked: s is known to be valid UTF-8 without a NUL. */
static void parse_line(lexicon *lx, const char *s, size_t len, bool checked, const char *file, int start,
		       bool user, lex_entry **last, diag *d)
{
	if (!checked && utf8_valid_prefix(s, len) != len) {
		diag_add(d, true, file, start, (int)utf8_valid_prefix(s, len) + 1, "invalid UTF-8");
		return;
	}
	if (!checked && memchr(s, '\0', len)) {
		diag_add(d, true, file, start, 1, "NUL byte in line");
		return;
	}
	const char *t = s;
	while (*t == ' ' || *t == '\t')
		t++;
	if (!*t || *t == '#') {
		/* blank or comment */
	} else if ((*t == '+' || *t == '-') && t > s && (t[1] == ' ' || t[1] == '\t')) {
		lex_entry *e = *last;
		if (!e) {
			diag_add(d, true, file, start, (int)(t - s) + 1, "example before any entry");
		} else if (lx->examples) {
			const char *x = t + 2;
			while (*x == ' ' || *x == '\t')
				x++;
			VEC_RESERVE(e->examples, e->capexamples, e->nexamples + 1);
			e->examples[e->nexamples++] = (lex_example){*t == '+', keep(lx, x, len - (size_t)(x - s)), start};
		}
	} else if (t > s) {
		diag_add(d, true, file, start, (int)(t - s) + 1,
			 "indented line is neither an example ('+ text', '- text') nor a comment");
	} else if (!strncmp(t, "@class", 6) && (t[6] == ' ' || t[6] == '\t')) {
		add_class(lx, t + 7, file, start, d);
		*last = NULL;
	} else if (!strncmp(t, "@version", 8)) {
		const char *v = t + 8; /* "@version" alone ends the line here */
		while (*v == ' ' || *v == '\t')
			v++;
		if (atoi(v) != 1)
			diag_add(d, true, file, start, (int)(v - s) + 1, "unsupported lexicon format version '%s'", v);
	} else if (*t == '@') {
		diag_add(d, true, file, start, 1, "unknown directive '%s'", t);
	} else {
		*last = add_entry(lx, s, len, file, start, user, d);
	}
}

void lexicon_load_file(lexicon *lx, const char *path, bool user, diag *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(d, true, path, 0, 0, "%s", strerror(errno));
		return;
	}
	const char *file = intern_file(lx, path);
	struct stat st;
	char *text = MAP_FAILED;
	size_t n = 0;
	int err = 0;
	if (!fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_size > 0) {
		n = (size_t)st.st_size;
		text = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
	}
	bool mapped = text != MAP_FAILED;
	if (!mapped)
		err = read_all(fd, &text, &n);
	close(fd);
	/* a valid file has valid lines: look at each only when it is not */
	bool checked = utf8_valid_prefix(text, n) == n && !memchr(text, '\0', n);
	const char *p = text, *end = text + n;
	buf line = {0};
	int lineno = 0, start = 0;
	lex_entry *last = NULL;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t k = (size_t)((nl ? nl : end) - p);
		lineno++;
		while (k && p[k - 1] == '\r')
			k--;
		if (!line.len)
			start = lineno;
		bool more = k && p[k - 1] == '\\'; /* continued on the next line */
		buf_add(&line, p, k - more);
		p = nl ? nl + 1 : end;
		if (more && p < end)
			continue;
		if (more) /* a continuation of nothing: the file may have been cut short */
			diag_add(d, false, file, lineno, (int)k, "the last line ends in a backslash, with no line after it");
		parse_line(lx, line.ptr, line.len, checked, file, start, user, &last, d);
		buf_clear(&line);
	}
	if (err)
		diag_add(d, true, file, lineno, 0, "read error: %s", strerror(err));
	buf_free(&line);
	if (mapped)
		munmap(text, n);
	else
		free(text);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void lexicon_load_dir(lexicon *lx, const char *dir, bool user, diag *d)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		diag_add(d, true, dir, 0, 0, "cannot open lexicon directory: %s", strerror(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dp))) {
		size_t l = strlen(de->d_name);
		if (l > 5 && !strcmp(de->d_name + l - 5, ".tact") && de->d_name[0] != '.') {
			VEC_RESERVE(names, cap, n + 1);
			names[n++] = xstrdup(de->d_name);
		}
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, str_cmp);
	else
		diag_add(d, false, dir, 0, 0, "no *.tact lexicon files here");
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		lexicon_load_file(lx, path, user, d);
		free(path);
		free(names[i]);
	}
	free(names);
}

void lexicon_free(lexicon *lx)
{
	for (size_t i = 0; i < lx->n; i++)
		entry_free(&lx->e[i]);
	free(lx->e);
	free(lx->classes);
	for (size_t i = 0; i < lx->nfiles; i++)
		free(lx->files[i]);
	free(lx->files);
	for (size_t i = 0; i < lx->nblocks; i++)
		free(lx->blocks[i]);
	free(lx->blocks);
	free(lx->byid);
	*lx = (lexicon){0};
}

static bool is_dir(const char *p)
{
	DIR *dp = opendir(p);
	if (!dp)
		return false;
	closedir(dp);
	return true;
}

char *lexicon_default_dir(const char *lang)
{
	const char *env = getenv("TACT_LEXICONS");
	if (env && *env)
		return xasprintf("%s/%s", env, lang);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			/* build/tact -> lexicons/; PREFIX/bin/tact -> PREFIX/share/tact/lexicons */
			static const char *const rel[] = {"../lexicons", "../share/tact/lexicons", "lexicons"};
			for (size_t i = 0; i < ARRAY_LEN(rel); i++) {
				char *p = xasprintf("%s/%s/%s", exe, rel[i], lang);
				if (is_dir(p))
					return p;
				free(p);
			}
		}
	}
	return xasprintf("%s/lexicons/%s", TACT_DATADIR, lang);
}
