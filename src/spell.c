/* spell.c: spelling for agent replies. hunspell checks about 77k words a
 * second and suggests far slower (about 20 ms a word), so each thread keeps
 * a cache of verdicts per distinct word (a reply's vocabulary repeats), and
 * the suggestions, asked only for words that are reported, are kept once for
 * all threads; hunspell is called under a lock because a Hunhandle is not
 * thread-safe. Hunspell_create() returns a working-looking handle even when
 * the .aff/.dic files are missing, so they are opened here first.
 *
 * The hunspell library is loaded (dlopen) by the first spell_open(), not
 * linked: with libstdc++ its relocations cost every start-up 2.9 M
 * instructions, and most runs check no spelling. */
#include "spell.h"

#include <dlfcn.h>
#include <errno.h>
#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "config.h"

struct spell_cache;

struct spell {
	Hunhandle *h;   /* checks, and suggests by edits only (create_handle) */
	Hunhandle *full; /* suggests with the n-gram search too: made on first
			    need, when h has none for a word; NULL */
	bool suggest;   /* config "suggest" */
	pthread_mutex_t lock; /* guards h and sugg */
	pthread_mutex_t full_lock; /* guards full */
	struct spell_cache *sugg; /* suggestions, shared by the threads */
	char *aff, *dic;
	bool edits_only; /* h does not search n-grams: full has more */
	buf extra;      /* --dict-extra words, NUL-terminated, for full */
};

typedef struct {
	char *word;      /* NULL: empty slot */
	uint32_t hash;
	bool ok;
	bool suggested;  /* sugg computed (only when a caller asked) */
	char *sugg;      /* '\n'-separated, or NULL */
} centry;

struct spell_cache {
	centry *v;
	size_t cap, n;
};

#define CACHE_MAX (1u << 17) /* distinct words kept per thread */

#ifndef HUNSPELL_SONAME
#define HUNSPELL_SONAME "libhunspell-1.7.so.0"
#endif

/* The functions of hunspell.h used here, from the library; set once by
 * hunspell_load(), with hs_error the reason when it failed. */
static struct {
	__typeof__(Hunspell_create) *create;
	__typeof__(Hunspell_destroy) *destroy;
	__typeof__(Hunspell_add) *add;
	__typeof__(Hunspell_spell) *spell;
	__typeof__(Hunspell_suggest) *suggest;
	__typeof__(Hunspell_free_list) *free_list;
} hs;
static char *hs_error;
static pthread_once_t hs_once = PTHREAD_ONCE_INIT;

static void hunspell_load(void)
{
	void *lib = dlopen(HUNSPELL_SONAME, RTLD_NOW | RTLD_LOCAL);
#define LOAD(f, name) dl_sym(lib, name, &hs.f, sizeof hs.f)
	bool ok = lib && LOAD(create, "Hunspell_create") && LOAD(destroy, "Hunspell_destroy") &&
		  LOAD(add, "Hunspell_add") && LOAD(spell, "Hunspell_spell") && LOAD(suggest, "Hunspell_suggest") &&
		  LOAD(free_list, "Hunspell_free_list");
#undef LOAD
	if (!ok) {
		const char *e = dlerror();
		hs_error = xstrdup(e ? e : "a Hunspell_ function is missing");
	}
}

static bool readable(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	fclose(f);
	return true;
}

struct extra_ctx {
	Hunhandle *h;
	buf *words;
	char **err;
	tact_status st;
};

static void add_extra(const char *path, void *data)
{
	struct extra_ctx *c = data;
	if (c->st)
		return;
	FILE *f = fopen(path, "r");
	if (!f) {
		if (c->err)
			*c->err = xasprintf("%s: %s", path, strerror(errno));
		c->st = TACT_ERR_IO;
		return;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
			line[--n] = '\0';
		if (n && line[0] != '#') {
			hs.add(c->h, line);
			buf_add(c->words, line, (size_t)n + 1);
		}
	}
	free(line);
	fclose(f);
}

/* A handle whose suggestions skip hunspell's n-gram search (*edits_only
 * set). That search compares the word with every word of the dictionary
 * (20-40 ms a word); the edit search before it (swapped, missing, extra and
 * wrong letters, the REP table) finds the replacement of most typos in a
 * few milliseconds, and suggest() asks the n-gram search only for words it
 * has nothing for ("tommorow", "acomodation"). hunspell takes options only
 * from the .aff file, so the handle is made from a copy of it in memory
 * with MAXNGRAMSUGS 0 added, unless the file sets that option itself;
 * where that copy cannot be made, from the file. */
static Hunhandle *create_handle(const char *aff, const char *dic, bool *edits_only)
{
	Hunhandle *h = NULL;
	FILE *f = fopen(aff, "rb");
	buf b = {0};
	char chunk[65536];
	size_t n;
	while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	bool own = b.len && !memmem(b.ptr, b.len, "\nMAXNGRAMSUGS", 13) && strncmp(b.ptr, "MAXNGRAMSUGS", 12);
	int fd = own ? memfd_create("tact-aff", MFD_CLOEXEC) : -1;
	if (fd >= 0) {
		buf_adds(&b, "\nMAXNGRAMSUGS 0\n");
		char path[64];
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		if (write(fd, b.ptr, b.len) == (ssize_t)b.len && readable(path))
			h = hs.create(path, dic);
		close(fd);
	}
	if (f)
		fclose(f);
	buf_free(&b);
	*edits_only = h != NULL;
	return h ? h : hs.create(aff, dic);
}

tact_status spell_open(const tact_config *cfg, struct spell **out, char **err)
{
	*out = NULL;
	pthread_once(&hs_once, hunspell_load);
	if (hs_error) {
		if (err)
			*err = xasprintf("spelling needs the hunspell library: %s (install libhunspell-1.7-0)", hs_error);
		return TACT_ERR_DICT;
	}
	const char *dict = config_str(cfg, "dict");
	static const char *const dirs[] = {"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell",
					   "/usr/local/share/hunspell"};
	char *aff = NULL, *dic = NULL;
	if (strchr(dict, '/')) {
		aff = xasprintf("%s.aff", dict);
		dic = xasprintf("%s.dic", dict);
	} else {
		for (size_t i = 0; i < ARRAY_LEN(dirs) && !aff; i++) {
			char *a = xasprintf("%s/%s.aff", dirs[i], dict), *d = xasprintf("%s/%s.dic", dirs[i], dict);
			if (readable(a) && readable(d)) {
				aff = a;
				dic = d;
			} else {
				free(a);
				free(d);
			}
		}
	}
	if (!aff || !readable(aff) || !readable(dic)) {
		if (err)
			*err = xasprintf("spelling dictionary '%s' not found (looked for %s.aff and .dic in "
					 "/usr/share/hunspell and /usr/share/myspell/dicts); install hunspell-%s or "
					 "name one with --dict",
					 dict, dict, "en-us");
		free(aff);
		free(dic);
		return TACT_ERR_DICT;
	}
	struct spell *sp = xcalloc(1, sizeof *sp);
	sp->h = create_handle(aff, dic, &sp->edits_only);
	sp->suggest = config_bool(cfg, "suggest");
	sp->aff = aff;
	sp->dic = dic;
	pthread_mutex_init(&sp->lock, NULL);
	pthread_mutex_init(&sp->full_lock, NULL);
	struct extra_ctx c = {sp->h, &sp->extra, err, TACT_OK};
	config_each(cfg, "dict-extra", add_extra, &c);
	if (c.st) {
		spell_close(sp);
		return c.st;
	}
	*out = sp;
	return TACT_OK;
}

void spell_close(struct spell *sp)
{
	if (!sp)
		return;
	hs.destroy(sp->h);
	if (sp->full)
		hs.destroy(sp->full);
	spell_cache_free(sp->sugg);
	pthread_mutex_destroy(&sp->lock);
	pthread_mutex_destroy(&sp->full_lock);
	buf_free(&sp->extra);
	free(sp->aff);
	free(sp->dic);
	free(sp);
}

void spell_cache_free(struct spell_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->cap; i++) {
		free(c->v[i].word);
		free(c->v[i].sugg);
	}
	free(c->v);
	free(c);
}

static centry *cache_slot(struct spell_cache *c, const char *w, size_t n, uint32_t h)
{
	size_t mask = c->cap - 1;
	for (size_t j = h & mask;; j = (j + 1) & mask) {
		centry *e = &c->v[j];
		if (!e->word || (e->hash == h && !strncmp(e->word, w, n) && e->word[n] == '\0'))
			return e;
	}
}

static void cache_reset(struct spell_cache *c, size_t cap)
{
	for (size_t i = 0; i < c->cap; i++) {
		free(c->v[i].word);
		free(c->v[i].sugg);
	}
	free(c->v);
	c->v = xcalloc(cap, sizeof *c->v);
	c->cap = cap;
	c->n = 0;
}

/* The entry for word (n bytes, hash h) in c: found (e->word set) or a free
 * slot for it after making room (e->word NULL), growing the table up to
 * CACHE_MAX, then starting over. */
static centry *cache_get(struct spell_cache **cp, const char *word, size_t n, uint32_t h)
{
	if (!*cp) {
		*cp = xcalloc(1, sizeof **cp);
		cache_reset(*cp, 1024);
	}
	struct spell_cache *c = *cp;
	centry *e = cache_slot(c, word, n, h);
	if (e->word || (c->n + 1) * 2 <= c->cap)
		return e;
	struct spell_cache old = *c;
	if (c->cap >= CACHE_MAX) {
		cache_reset(c, c->cap);
	} else {
		c->v = xcalloc(old.cap * 2, sizeof *c->v);
		c->cap = old.cap * 2;
		for (size_t i = 0; i < old.cap; i++)
			if (old.v[i].word)
				*cache_slot(c, old.v[i].word, strlen(old.v[i].word), old.v[i].hash) = old.v[i];
		free(old.v);
	}
	return cache_slot(c, word, n, h);
}

/* hunspell's first three suggestions for w, '\n'-separated, or NULL. */
static char *ask(Hunhandle *hh, const char *w)
{
	char **list = NULL;
	int k = hs.suggest(hh, &list, w);
	buf b = {0};
	for (int i = 0; i < k && i < 3; i++)
		buf_printf(&b, "%s%s", i ? "\n" : "", list[i]);
	if (k > 0)
		hs.free_list(hh, &list, k);
	char *s = b.len ? buf_steal(&b) : NULL;
	buf_free(&b);
	return s;
}

/* Up to three suggestions for a misspelt word, '\n'-separated, or NULL; a
 * copy the caller owns. Hunspell_suggest() costs milliseconds, so it runs
 * only for a caller that shows them, once per word for all threads. */
static char *suggest(struct spell *sp, const char *w, uint32_t h)
{
	pthread_mutex_lock(&sp->lock);
	centry *e = cache_get(&sp->sugg, w, strlen(w), h);
	if (!e->word) {
		char *s = ask(sp->h, w);
		if (!s && sp->edits_only) {
			/* the n-gram search takes tens of milliseconds: it runs on
			 * the second handle under its own lock, so that the other
			 * threads go on checking words meanwhile */
			pthread_mutex_unlock(&sp->lock);
			pthread_mutex_lock(&sp->full_lock);
			if (!sp->full) {
				sp->full = hs.create(sp->aff, sp->dic);
				for (size_t i = 0; i < sp->extra.len; i += strlen(sp->extra.ptr + i) + 1)
					hs.add(sp->full, sp->extra.ptr + i);
			}
			s = ask(sp->full, w);
			pthread_mutex_unlock(&sp->full_lock);
			pthread_mutex_lock(&sp->lock);
			e = cache_get(&sp->sugg, w, strlen(w), h); /* the table may have moved */
		}
		if (e->word) { /* another thread stored it meanwhile */
			free(s);
		} else {
			*e = (centry){.word = xstrdup(w), .hash = h, .suggested = true, .sugg = s};
			sp->sugg->n++;
		}
	}
	char *r = e->sugg ? xstrdup(e->sugg) : NULL;
	pthread_mutex_unlock(&sp->lock);
	return r;
}

bool spell_check(struct spell *sp, struct spell_cache **cache, const char *word, size_t n, const char **sugg)
{
	if (sugg)
		*sugg = NULL;
	uint32_t h = (uint32_t)hash_bytes(word, n);
	centry *e = cache_get(cache, word, n, h);
	if (!e->word) {
		char *w = xstrndup(word, n);
		pthread_mutex_lock(&sp->lock);
		bool ok = hs.spell(sp->h, w) != 0;
		pthread_mutex_unlock(&sp->lock);
		*e = (centry){.word = w, .hash = h, .ok = ok, .suggested = ok};
		(*cache)->n++;
	}
	if (sugg && !e->suggested && sp->suggest) {
		e->sugg = suggest(sp, e->word, h);
		e->suggested = true;
	}
	if (sugg)
		*sugg = e->sugg;
	return e->ok;
}

bool spell_known(struct spell *sp, const char *word)
{
	pthread_mutex_lock(&sp->lock);
	bool ok = hs.spell(sp->h, word) != 0;
	pthread_mutex_unlock(&sp->lock);
	return ok;
}

const char *spell_dic_path(const struct spell *sp)
{
	return sp->dic;
}
