/* cache.c: the compiled matcher and vocabulary saved to disk and mapped
 * back (see cache.h). A file is a header (magic, key, checksum, the
 * element counts) followed by every array at a 64-byte boundary; the list
 * of arrays, parts(), is the one description both directions follow. */
#include "cache.h"

#include <assert.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build-id.h" /* TACT_BUILD_ID: a hash of libtact's sources */
#include "config.h"

static const char MAGIC[8] = "tactmc1";

/* Element counts, in the header. */
enum { C_PROG, C_IDS, C_VARS, C_TAB, C_KEYS = C_TAB + NTAB, C_RX = C_KEYS + 2 * NTAB, C_RXA, C_AC, C_VOCAB, C_VCAP, C_POOL,
       C_ENTRIES, C_MASKED, NCOUNT = C_MASKED + 16 };

typedef struct {
	char magic[8];
	uint64_t key;
	uint64_t sum;  /* checksum of everything after it: counts and arrays */
	uint64_t size; /* of the whole file */
	uint64_t n[NCOUNT];
} header;

enum { SUMMED = offsetof(header, size) };

typedef struct {
	void *field;   /* address of the pointer to the array */
	uint64_t size; /* bytes */
} part;

/* parts(): program, ids, variants (3); 9 per anchor table; entry kinds and
 * sides, idf, regexes and their anchors (6); Aho-Corasick (4); masked
 * lists (16); vocabulary (5) */
enum { ALIGN = 64, MAXPARTS = 34 + 9 * NTAB };

/* The structs saved as bytes have no padding, whose bytes would be
 * undefined in the file. */
_Static_assert(sizeof(pinstr) == 12 && sizeof(pvariant) == 40 && sizeof(vslot) == 20, "padding in a saved struct");

#define PART(ptr, count) (out[k++] = (part){&(ptr), (uint64_t)(count) * sizeof *(ptr)})

/* Every array of m and v, with its size from the counts n. */
static size_t parts(const uint64_t *n, matcher *m, vocab *v, uint32_t **rxent, part *out)
{
	size_t k = 0;
	uint64_t nv1 = n[C_VOCAB] + 1;
	PART(m->prog, n[C_PROG]);
	PART(m->ids, n[C_IDS]);
	PART(m->vars, n[C_VARS]);
	for (int t = 0; t < NTAB; t++) {
		anchor_table *tb = &m->tab[t];
		PART(tb->start, nv1);
		PART(tb->var, n[C_TAB + t]);
		PART(tb->kmask, nv1);
		for (int side = 0; side < 2; side++) {
			PART(tb->kstart[side], nv1);
			PART(tb->kword[side], n[C_KEYS + 2 * t + side]);
			PART(tb->kvar[side], n[C_KEYS + 2 * t + side]);
		}
	}
	PART(m->entry_kind, n[C_ENTRIES] + 1);
	PART(m->entry_side, n[C_ENTRIES] + 1);
	PART(m->idf, nv1);
	PART(*rxent, n[C_RX]);
	PART(m->rxa_start, nv1);
	PART(m->rxa, n[C_RXA]);
	PART(m->ac.next, n[C_AC] * 256);
	PART(m->ac.out, n[C_AC]);
	PART(m->ac.outlink, n[C_AC]);
	PART(m->ac.depth, n[C_AC]);
	for (int i = 0; i < 16; i++)
		PART(m->masked[i], n[C_MASKED + i]);
	PART(v->slots, n[C_VCAP]);
	PART(v->by_id, n[C_VOCAB]);
	PART(v->shortw, VOCAB_NSHORT); /* zeros for an empty vocabulary */
	PART(v->pool.ptr, n[C_POOL] + 1);
	PART(v->tags, n[C_VCAP]); /* cheaper to read than to make again */
	assert(k <= MAXPARTS);
	return k;
}

/* A multiply-xorshift hash over the key material, eight bytes at a time
 * (the bundled lexicons' text is some 400 kB: FNV-1a's byte at a time was
 * a tenth of start-up), each field followed by its length so that no two
 * different lists hash the same bytes. */
static uint64_t key_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9FB21C651E98DF25ULL;
	return h ^ (h >> 32);
}
static uint64_t key_add(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t left = n;
	uint64_t w;
	for (; left >= 8; s += 8, left -= 8) {
		memcpy(&w, s, 8);
		h = key_mix(h, w);
	}
	w = 0;
	memcpy(&w, s, left);
	return key_mix(key_mix(h, w), n);
}
static uint64_t key_str(uint64_t h, const char *s) { return key_add(h, s ? s : "", s ? strlen(s) : 0); }

/* Everything matcher_build() reads: the build, the entries in order and
 * the word classes; and the PCRE2 library, which compiles the regexes of
 * a loaded matcher when they are first needed: one that accepted them
 * when the file was saved accepts them then. */
static uint64_t cache_key(const lexicon *lx)
{
	uint64_t h = key_str(1469598103934665603ULL, TACT_BUILD_ID);
	char pcre[64] = "";
	pcre2_config(PCRE2_CONFIG_VERSION, pcre);
	h = key_str(h, pcre);
	size_t word = sizeof(void *);
	h = key_add(h, &word, sizeof word);
	for (size_t i = 0; i < lx->n; i++) {
		const lex_entry *e = &lx->e[i];
		int nums[3] = {(int)e->flags, e->before, e->after};
		h = key_add(h, nums, sizeof nums);
		h = key_str(h, e->label);
		h = key_str(h, e->pattern);
		for (size_t k = 0; k < e->nanchors; k++)
			h = key_str(h, e->anchors[k]);
	}
	for (size_t i = 0; i < lx->nclasses; i++) {
		h = key_str(h, lx->classes[i].name);
		h = key_str(h, lx->classes[i].alts);
	}
	return h;
}

/* A checksum of the payload, which start-up reads whole: Fletcher's two
 * sums over 64-bit words, in four lanes, two additions per eight bytes (a
 * multiply and a shift per word were a fifth of start-up's instructions).
 * A change of one word changes the first sum; swapped words the second. */
static uint64_t checksum(const unsigned char *p, size_t n)
{
	/* four lanes, written out so that they stay in (SSE2) registers */
	uint64_t a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
	size_t i = 0;
	for (; i + 32 <= n; i += 32) {
		uint64_t w0, w1, w2, w3;
		memcpy(&w0, p + i, 8);
		memcpy(&w1, p + i + 8, 8);
		memcpy(&w2, p + i + 16, 8);
		memcpy(&w3, p + i + 24, 8);
		a0 += w0, b0 += a0;
		a1 += w1, b1 += a1;
		a2 += w2, b2 += a2;
		a3 += w3, b3 += a3;
	}
	uint64_t r = n;
	for (; i < n; i++)
		r = (r ^ p[i]) * 1099511628211ULL;
	const uint64_t sums[8] = {a0, a1, a2, a3, b0, b1, b2, b3};
	for (int l = 0; l < 8; l++)
		r = (r ^ sums[l]) * 0xC4CEB9FE1A85EC53ULL;
	return r ^ (r >> 29);
}

static size_t align_up(size_t x) { return (x + ALIGN - 1) & ~(size_t)(ALIGN - 1); }

char *cache_dir(const tact_config *cfg)
{
	if (!config_bool(cfg, "cache"))
		return NULL;
	const char *d = config_str(cfg, "cache-dir");
	if (d && *d)
		return xstrdup(d);
	const char *x = getenv("XDG_CACHE_HOME");
	if (x && x[0] == '/') /* the XDG spec: a relative value is invalid */
		return xasprintf("%s/tact", x);
	const char *home = getenv("HOME");
	if (home && home[0] == '/')
		return xasprintf("%s/.cache/tact", home);
	return NULL;
}

static char *cache_path(const char *dir, uint64_t key)
{
	return xasprintf("%s/matcher-%016llx.bin", dir, (unsigned long long)key);
}

bool cache_load(const char *dir, const lexicon *lx, matcher *m, vocab *v)
{
	uint64_t key = cache_key(lx);
	char *path = cache_path(dir, key);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return false;
	struct stat st;
	void *map = MAP_FAILED;
	/* only a file of ours that nobody else could have written */
	if (!fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_uid == geteuid() && !(st.st_mode & 022) &&
	    st.st_size >= (off_t)sizeof(header))
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return false;
	size_t size = (size_t)st.st_size;
	const header *h = map;
	for (int i = 0; i < NCOUNT; i++)
		if (h->n[i] > size) { /* no count can exceed the bytes: sizes cannot overflow */
			munmap(map, size);
			return false;
		}
	matcher nm = {0};
	vocab nv = {0};
	uint32_t *rxent = NULL;
	part ps[MAXPARTS];
	size_t np = parts(h->n, &nm, &nv, &rxent, ps);
	size_t off = align_up(sizeof(header));
	bool ok = !memcmp(h->magic, MAGIC, sizeof MAGIC) && h->key == key && h->size == size &&
		  h->n[C_ENTRIES] == lx->n && h->n[C_VOCAB] <= h->n[C_VCAP];
	for (size_t i = 0; ok && i < np; i++) {
		/* sizes come from the file: check each before adding it */
		ok = ps[i].size <= size && off <= size - ps[i].size;
		if (ok) {
			const char *p = (const char *)map + off;
			memcpy(ps[i].field, &p, sizeof p);
			off = align_up(off + ps[i].size);
		}
	}
	ok = ok && off == align_up(size) && checksum((const unsigned char *)map + SUMMED, size - SUMMED) == h->sum;
	for (size_t i = 0; ok && i < h->n[C_RX]; i++)
		ok = rxent[i] < lx->n && lx->e[rxent[i]].pattern[0] == '/';
	if (!ok) {
		munmap(map, size);
		return false;
	}
	if (h->n[C_RX]) { /* compiled when first needed (pregex) */
		nm.rx = xcalloc(h->n[C_RX], sizeof *nm.rx);
		nm.nrx = h->n[C_RX];
		for (size_t i = 0; i < nm.nrx; i++)
			nm.rx[i] = (pregex){.entry = rxent[i],
					    .start = lx->e[rxent[i]].flags & LF_START,
					    .digit = lx->e[rxent[i]].flags & LF_DIGIT};
	}
	nm.nprog = h->n[C_PROG];
	nm.nids = h->n[C_IDS];
	nm.nvars = h->n[C_VARS];
	nm.ac.nstates = h->n[C_AC];
	for (int i = 0; i < 16; i++)
		nm.nmasked[i] = h->n[C_MASKED + i];
	nm.nvocab = h->n[C_VOCAB];
	nm.map = map;
	nm.maplen = size;
	nv.cap = h->n[C_VCAP];
	nv.n = h->n[C_VOCAB];
	nv.pool.len = h->n[C_POOL];
	nv.mapped = true;
	*m = nm;
	*v = nv;
	masked_index(m, v);
	regex_groups(m, lx);
	return true;
}

/* Keep the newest CACHE_KEEP matcher files of dir. */
static void evict(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct old {
		char *name;
		struct timespec t;
	} *v = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		struct stat st;
		if (strncmp(de->d_name, "matcher-", 8) || len < 4 || strcmp(de->d_name + len - 4, ".bin") ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW))
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = (struct old){xstrdup(de->d_name), st.st_mtim};
	}
	while (n > CACHE_KEEP) {
		size_t o = 0;
		for (size_t i = 1; i < n; i++)
			if (v[i].t.tv_sec < v[o].t.tv_sec ||
			    (v[i].t.tv_sec == v[o].t.tv_sec && v[i].t.tv_nsec < v[o].t.tv_nsec))
				o = i;
		unlinkat(dirfd(d), v[o].name, 0);
		free(v[o].name);
		v[o] = v[--n];
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	closedir(d);
}

/* mkdir -p, the directories made private (the XDG spec's 0700). */
static bool make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	bool ok = true;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = '\0';
		struct stat st;
		if (stat(p, &st) && mkdir(p, 0700) && stat(p, &st)) {
			ok = false;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return ok;
}

void cache_save(const char *dir, const lexicon *lx, const matcher *m, const vocab *v)
{
	uint64_t n[NCOUNT] = {0};
	n[C_PROG] = m->nprog;
	n[C_IDS] = m->nids;
	n[C_VARS] = m->nvars;
	n[C_VOCAB] = m->nvocab;
	for (int t = 0; t < NTAB; t++) {
		n[C_TAB + t] = m->tab[t].start[m->nvocab];
		for (int side = 0; side < 2; side++)
			n[C_KEYS + 2 * t + side] = m->tab[t].kstart[side][m->nvocab];
	}
	n[C_RXA] = m->rxa_start[m->nvocab];
	n[C_RX] = m->nrx;
	n[C_AC] = m->ac.nstates;
	n[C_VCAP] = v->cap;
	n[C_POOL] = v->pool.len;
	n[C_ENTRIES] = lx->n;
	for (int i = 0; i < 16; i++)
		n[C_MASKED + i] = m->nmasked[i];
	if (m->nvocab != v->n)
		return;
	uint32_t *rxent = xcalloc(m->nrx + 1, sizeof *rxent);
	for (size_t i = 0; i < m->nrx; i++)
		rxent[i] = m->rx[i].entry;
	/* parts() fills pointer fields: give it copies to read them from */
	matcher mc = *m;
	vocab vc = *v;
	part ps[MAXPARTS];
	size_t np = parts(n, &mc, &vc, &rxent, ps);
	size_t size = align_up(sizeof(header));
	for (size_t i = 0; i < np; i++)
		size = align_up(size + ps[i].size);
	unsigned char *out = xcalloc(1, size);
	size_t off = align_up(sizeof(header));
	for (size_t i = 0; i < np; i++) {
		const void *src;
		memcpy(&src, ps[i].field, sizeof src);
		if (src) /* NULL: never grown (an empty pool), zeros stand for it */
			memcpy(out + off, src, ps[i].size);
		off = align_up(off + ps[i].size);
	}
	header h = {.key = cache_key(lx), .size = size};
	memcpy(h.magic, MAGIC, sizeof MAGIC);
	memcpy(h.n, n, sizeof n);
	memcpy(out, &h, sizeof h);
	h.sum = checksum(out + SUMMED, size - SUMMED);
	memcpy(out, &h, sizeof h);
	free(rxent);

	char *path = cache_path(dir, h.key);
	char *tmp = xasprintf("%s/.matcher-XXXXXX", dir);
	int fd = make_dirs(dir) ? mkstemp(tmp) : -1;
	if (fd >= 0) {
		size_t done = 0;
		while (done < size) {
			ssize_t w = write(fd, out + done, size - done);
			if (w <= 0)
				break;
			done += (size_t)w;
		}
		if (close(fd) || done < size || rename(tmp, path))
			unlink(tmp);
		else
			evict(dir);
	}
	free(out);
	free(tmp);
	free(path);
}
