/* pattern.c: the third stage of analysis. Compiles lexicon patterns into
 * variants (straight sequences of slots, alternatives and optional parts
 * expanded at load time) anchored on their rarest word, so matching costs
 * one hash lookup per token and work only where an anchor occurs (for most
 * variants, only where the word next to the anchor is one they need),
 * whatever the size of the lexicons. Substring entries run as one Aho-Corasick
 * automaton over word bytes; regex entries run with PCRE2 (JIT, match
 * limits) only on sentences where one of their anchor words occurs.
 * Tokens come from token.c; matches go to context.c and the detectors.
 *
 * Phrase syntax (lexicons/README.md): words; (a|b c) alternatives;
 * [a|b] optional; <class>; _ any one word; *N a gap of 0..N words; #num a
 * number; #handle an @name; #start and #end the start and the end of a
 * clause (no word of it before, after); a backslash takes the next
 * character as part of the word ("\>:\(": the face ">:("). */
#include "pattern.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "normalize.h"

#define RX_MATCH_LIMIT 200000
#define RX_DEPTH_LIMIT 2000
#define RX_HEAP_LIMIT 20000 /* KiB */

/* ---- compile ---------------------------------------------------------- */

enum { N_WORD, N_ANY, N_NUM, N_GAP, N_SEQ, N_ALT, N_HANDLE, N_CSTART, N_CEND, N_NOTWORD };

/* The parsed pattern: sequences of items, groups of alternatives (opt for
 * [optional] groups), single-word alternatives merged into one word node. */
typedef struct node { /* 32 bytes: there are tens of thousands */
	uint8_t kind, gap;
	bool opt;
	uint32_t nids;
	int32_t *ids;
	struct node **kids;
	uint32_t nkids;
	int32_t minr; /* N_WORD: its commonest word's rarity, once asked
			 (0: not yet; no rarity is 0) */
} node;
_Static_assert(sizeof(node) <= 32, "node grew");

/* Parsed classes, reused: a class used by many entries is parsed once per
 * stem setting and copied. */
typedef struct {
	const lex_class *cl;
	bool stem;
	struct node *tree;
} class_memo;

typedef struct {
	const char *s, *p, *end;
	vocab *voc;
	const lexicon *lx;
	const lex_entry *e;
	diag *d;
	bool failed;
	int depth;
	ntext nt;
	tokens ts;
	class_memo *memo;
	size_t nmemo, capmemo;
} parser;

static void perr(parser *P, const char *at, const char *fmt, const char *arg)
{
	if (P->failed)
		return;
	P->failed = true;
	char msg[256];
	snprintf(msg, sizeof msg, fmt, arg);
	int col = P->e->pattern_col + (int)(at - P->s);
	diag_add(P->d, true, P->e->file, P->e->line, col, "%s", msg);
}

/* Parse trees live in an arena for the length of matcher_build(): a
 * pattern word is a node and an id array, thousands of them, and malloc
 * per node dominated the load time. */
typedef struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
} arena_block;

/* Two arenas: one for the entry being compiled, emptied after it (so the
 * memory touched is that of the largest entry, not of all of them), and
 * one for the parsed classes that entries share. */
static _Thread_local arena_block *arena_entry, *arena_keep;
static _Thread_local bool ar_keeping; /* allocating for arena_keep */

static void *ar_alloc(size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	arena_block **cur = ar_keeping ? &arena_keep : &arena_entry;
	arena_block *a = *cur;
	if (!a || a->used + n > a->size) {
		size_t size = MAX(n, (size_t)64 * 1024);
		arena_block *b = xmalloc(sizeof *b + size);
		b->next = a;
		b->used = 0;
		b->size = size;
		*cur = a = b;
	}
	void *p = (char *)a->data + a->used;
	a->used += n;
	memset(p, 0, n);
	return p;
}

/* Empty the entry arena, keeping its last block for the next entry. */
static void ar_entry_done(void)
{
	arena_block *b = arena_entry;
	if (!b)
		return;
	while (b->next) {
		arena_block *n = b->next;
		b->next = n->next;
		free(n);
	}
	b->used = 0;
}

/* Grow an arena array from oldn to newn elements of size sz. */
static void *ar_grow(void *p, size_t oldn, size_t newn, size_t sz)
{
	void *q = ar_alloc(newn * sz);
	if (oldn)
		memcpy(q, p, oldn * sz);
	return q;
}

static void ar_free_all(void)
{
	arena_block **lists[] = {&arena_entry, &arena_keep};
	for (size_t i = 0; i < ARRAY_LEN(lists); i++)
		while (*lists[i]) {
			arena_block *n = (*lists[i])->next;
			free(*lists[i]);
			*lists[i] = n;
		}
}

static node *node_new(uint8_t kind)
{
	node *n = ar_alloc(sizeof *n);
	n->kind = kind;
	return n;
}

static void node_add(node *parent, node *kid)
{
	/* grow by doubling: capacity is the next power of two >= nkids */
	size_t n = parent->nkids;
	if ((n & (n - 1)) == 0)
		parent->kids = ar_grow(parent->kids, n, n ? 2 * n : 1, sizeof *parent->kids);
	parent->kids[parent->nkids++] = kid;
}

/* A shallow copy of a sequence's item list (items shared, not owned). */
static node *seq_view(node *const *items, size_t n)
{
	node *s = node_new(N_SEQ);
	s->kids = ar_alloc((n ? n : 1) * sizeof *s->kids);
	memcpy(s->kids, items, n * sizeof *items);
	s->nkids = n;
	return s;
}

/* Is id one of the sorted ids[0..n)? */
static inline bool in_ids(const int32_t *ids, size_t n, int32_t id)
{
	if (id < 0)
		return false;
	if (n <= 8) {
		for (size_t i = 0; i < n; i++)
			if (ids[i] == id)
				return true;
		return false;
	}
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ids[mid] == id)
			return true;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Larger id sets are sorted through a bitmap over their range (ids are
 * dense small integers): qsort's comparison calls were 7 % of the start-up.
 * All zero between calls; freed with the arenas. */
static _Thread_local uint64_t *sort_bits;
static _Thread_local size_t sort_cap;

static void ids_sort(node *w)
{
	if (w->nids < 2)
		return;
	if (w->nids > 24) {
		int64_t lo = w->ids[0], hi = lo;
		for (size_t i = 1; i < w->nids; i++) {
			lo = MIN(lo, (int64_t)w->ids[i]);
			hi = MAX(hi, (int64_t)w->ids[i]);
		}
		size_t nw = (size_t)((hi - lo) >> 6) + 1;
		if (nw > sort_cap) {
			sort_bits = xreallocarray(sort_bits, nw, sizeof *sort_bits);
			memset(sort_bits + sort_cap, 0, (nw - sort_cap) * sizeof *sort_bits);
			sort_cap = nw;
		}
		for (size_t i = 0; i < w->nids; i++) {
			uint64_t d = (uint64_t)(w->ids[i] - lo);
			sort_bits[d >> 6] |= (uint64_t)1 << (d & 63);
		}
		size_t k = 0;
		for (size_t b = 0; b < nw; b++)
			for (uint64_t x = sort_bits[b]; x; x &= x - 1)
				w->ids[k++] = (int32_t)(lo + (int64_t)(b * 64 + (size_t)__builtin_ctzll(x)));
		memset(sort_bits, 0, nw * sizeof *sort_bits);
		w->nids = k;
		return;
	}
	for (size_t i = 1; i < w->nids; i++) { /* most sets are small: insertion sort */
		int32_t x = w->ids[i];
		size_t j = i;
		for (; j > 0 && w->ids[j - 1] > x; j--)
			w->ids[j] = w->ids[j - 1];
		w->ids[j] = x;
	}
	size_t k = 1;
	for (size_t i = 1; i < w->nids; i++)
		if (w->ids[i] != w->ids[k - 1])
			w->ids[k++] = w->ids[i];
	w->nids = k;
}

struct form_ctx {
	vocab *v;
	int32_t base;
};

static void add_form(const char *f, size_t n, void *ctx)
{
	struct form_ctx *c = ctx;
	vocab_add_form(c->v, f, n, c->base);
}

/* A contraction is written without its apostrophe as often as with it
 * ("havent received", "its not working", "im cancelling"): a pattern word
 * "haven't" matches "havent" too. Not where the bare form is another word
 * ("we're"/"were", "we'll"/"well", "i'll"/"ill", "she'd"/"shed",
 * "who're"/"whore"), and of the forms in 's only those of pronouns ("it's",
 * "that's"; not "let's"/"lets" nor the possessive "driver's"). The word's
 * node gets the second id. */
static void add_bare(parser *P, node *wn, const char *w, size_t n)
{
	static const char *const other_word[] = {"were", "well", "ill", "hell", "shell", "wed", "shed", "id", "hed",
						 "whore", NULL};
	static const char *const s_pronouns[] = {"it's", "that's", "what's", "there's", "he's", "she's", "who's",
						 "where's", "here's", "how's", "when's", "why's", NULL};
	const char *q = memchr(w, '\'', n);
	if (!q || q == w || memchr(q + 1, '\'', (size_t)(w + n - q - 1)) || n > 31)
		return;
	size_t tail = (size_t)(w + n - q); /* the apostrophe and what follows */
	bool nt = tail == 2 && q[1] == 't' && q[-1] == 'n';
	bool suffix = (tail == 2 && (q[1] == 'm' || q[1] == 'd')) ||
		      (tail == 3 && ((q[1] == 'v' && q[2] == 'e') || (q[1] == 'r' && q[2] == 'e') || (q[1] == 'l' && q[2] == 'l')));
	bool pron_s = false;
	for (size_t i = 0; s_pronouns[i] && tail == 2 && q[1] == 's'; i++)
		pron_s = pron_s || (strlen(s_pronouns[i]) == n && !memcmp(s_pronouns[i], w, n));
	if (!nt && !suffix && !pron_s)
		return;
	char bare[32];
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (w[i] != '\'')
			bare[k++] = w[i];
	bare[k] = '\0';
	for (size_t i = 0; other_word[i]; i++)
		if (!strcmp(other_word[i], bare))
			return;
	int32_t *ids = ar_alloc((wn->nids + 1) * sizeof *ids);
	memcpy(ids, wn->ids, wn->nids * sizeof *ids);
	ids[wn->nids] = vocab_add(P->voc, bare, k);
	wn->ids = ids;
	wn->nids++;
	ids_sort(wn);
}

/* A literal word of a pattern, normalized and tokenized like text, so
 * "1-star" becomes the sequence "1 star" and "Don’t" becomes "don't". */
static node *word_item(parser *P, const char *at, const char *w, size_t n)
{
	if (P->e->label == label_intern("cue.emoji", 9)) {
		normalize(&P->nt, w, n);
		tokenize(&P->ts, &P->nt, w, n);
		if (P->ts.nw || P->ts.n != 1 || P->ts.t[0].kind != TK_EMOJI) {
			char tmp[64];
			snprintf(tmp, sizeof tmp, "%.*s", (int)MIN(n, 60u), w);
			perr(P, at, "'%s' is not one emoji (a cue.emoji entry lists emoji)", tmp);
			return NULL;
		}
		/* an emoji is a word of the list (score.c looks emoji up) */
		node *wn = node_new(N_WORD);
		wn->ids = ar_alloc(sizeof *wn->ids);
		wn->ids[0] = vocab_add(P->voc, P->nt.out.ptr + P->ts.t[0].ns, P->ts.t[0].nlen);
		wn->nids = 1;
		return wn;
	}
	/* the common case, a plain lower-case word: no normalizing needed */
	bool plain = n > 0;
	for (size_t i = 0; i < n && plain; i++)
		plain = ascii_lower((unsigned char)w[i]) || (i && (w[i] == '\'' || ascii_digit((unsigned char)w[i])));
	if (plain && w[n - 1] != '\'') {
		int32_t id = vocab_add(P->voc, w, n);
		if (P->e->flags & LF_STEM) {
			struct form_ctx c = {P->voc, id};
			inflect(w, n, add_form, &c);
		}
		node *wn = node_new(N_WORD);
		wn->ids = ar_alloc(sizeof *wn->ids);
		wn->ids[0] = id;
		wn->nids = 1;
		add_bare(P, wn, w, n);
		return wn;
	}
	normalize(&P->nt, w, n);
	tokenize(&P->ts, &P->nt, w, n);
	if (!P->ts.nw) {
		char tmp[64];
		snprintf(tmp, sizeof tmp, "%.*s", (int)MIN(n, 60u), w);
		perr(P, at, "'%s' is not a word", tmp);
		return NULL;
	}
	node *seq = node_new(N_SEQ);
	for (size_t i = 0; i < P->ts.nw; i++) {
		const token *tk = &P->ts.t[P->ts.w[i]];
		const char *s = P->nt.out.ptr + tk->ns;
		int32_t id = vocab_add(P->voc, s, tk->nlen);
		if (P->e->flags & LF_STEM) {
			struct form_ctx c = {P->voc, id};
			inflect(s, tk->nlen, add_form, &c);
		}
		node *wn = node_new(N_WORD);
		wn->ids = ar_alloc(sizeof *wn->ids);
		wn->ids[0] = id;
		wn->nids = 1;
		add_bare(P, wn, s, tk->nlen);
		node_add(seq, wn);
	}
	if (seq->nkids == 1) {
		node *only = seq->kids[0];
		seq->nkids = 0;
		return only;
	}
	return seq;
}

static node *parse_alts(parser *P, char close, bool opt);

static bool special(char c)
{
	return c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '<' || c == '>' || c == ' ' ||
	       c == '\t';
}

/* The words that stand for a kind of token or a place in the clause:
 * the node kind of the one at p ("#num", "#handle", "#start", "#end",
 * each a whole item), its length in *len; -1 if none is there. */
static int keyword(const char *p, const char *end, size_t *len)
{
	static const struct {
		const char *word;
		uint8_t kind;
	} kws[] = {{"#num", N_NUM}, {"#handle", N_HANDLE}, {"#start", N_CSTART}, {"#end", N_CEND}};
	for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
		size_t n = strlen(kws[i].word);
		if ((size_t)(end - p) >= n && !memcmp(p, kws[i].word, n) && (p + n == end || special(p[n]))) {
			*len = n;
			return kws[i].kind;
		}
	}
	return -1;
}

/* Append an item to a sequence, splicing nested sequences in. Items are
 * not changed: a parsed class is shared by every entry that uses it. */
static void seq_append(node *seq, node *item)
{
	if (item->kind == N_SEQ) {
		for (size_t i = 0; i < item->nkids; i++)
			node_add(seq, item->kids[i]);
	} else {
		node_add(seq, item);
	}
}

static node *parse_seq(parser *P)
{
	node *seq = node_new(N_SEQ);
	while (P->p < P->end && !P->failed) {
		char c = *P->p;
		if (c == ' ' || c == '\t') {
			P->p++;
			continue;
		}
		if (c == ')' || c == ']' || c == '|')
			break;
		node *item = NULL;
		int kw;
		size_t kwlen;
		const char *at = P->p;
		if (c == '(' || c == '[') {
			P->p++;
			if (++P->depth > 8) {
				perr(P, at, "%s", "groups nested too deep");
				break;
			}
			item = parse_alts(P, c == '(' ? ')' : ']', c == '[');
			P->depth--;
		} else if (c == '!' && P->p + 1 < P->end && P->p[1] == '(') {
			/* any one word but these: "can't !(wait|thank)" */
			P->p += 2;
			if (++P->depth > 8) {
				perr(P, at, "%s", "groups nested too deep");
				break;
			}
			node *g = parse_alts(P, ')', false);
			P->depth--;
			if (P->failed)
				break;
			if (g->kind == N_SEQ && g->nkids == 1)
				g = g->kids[0];
			if (g->kind != N_WORD) {
				perr(P, at, "%s", "'!( )' takes single words only: !(a|b|c)");
				break;
			}
			item = node_new(N_NOTWORD);
			item->ids = g->ids; /* shared, never changed */
			item->nids = g->nids;
		} else if (c == '<') {
			const char *e = memchr(P->p, '>', (size_t)(P->end - P->p));
			if (!e) {
				perr(P, at, "%s", "'<' without '>'");
				break;
			}
			const lex_class *cl = lexicon_class(P->lx, P->p + 1, (size_t)(e - P->p - 1));
			if (!cl) {
				char tmp[64];
				snprintf(tmp, sizeof tmp, "%.*s", (int)MIN((size_t)(e - P->p - 1), 60u), P->p + 1);
				perr(P, at, "unknown class <%s>", tmp);
				break;
			}
			if (++P->depth > 8) {
				perr(P, at, "%s", "classes nested too deep (a class that uses itself?)");
				break;
			}
			bool stem = P->e->flags & LF_STEM;
			const node *memo = NULL;
			for (size_t k = 0; k < P->nmemo && !memo; k++)
				if (P->memo[k].cl == cl && P->memo[k].stem == stem)
					memo = P->memo[k].tree;
			if (memo) {
				item = (node *)memo; /* shared: parse trees are read-only */
			} else {
				parser sub = *P;
				sub.s = sub.p = cl->alts;
				sub.end = cl->alts + strlen(cl->alts);
				bool saved = ar_keeping; /* kept for the entries that share it */
				ar_keeping = true;
				item = parse_alts(&sub, 0, false);
				ar_keeping = saved;
				if (sub.failed && !P->failed) {
					P->failed = true;
					diag_add(P->d, true, cl->file, cl->line, 1, "in class '%s' used by '%s'", cl->name,
						 P->e->id);
				}
				P->nt = sub.nt; /* the scratch buffers may have moved */
				P->ts = sub.ts;
				P->memo = sub.memo;
				P->nmemo = sub.nmemo;
				P->capmemo = sub.capmemo;
				if (!sub.failed) {
					VEC_RESERVE(P->memo, P->capmemo, P->nmemo + 1);
					P->memo[P->nmemo++] = (class_memo){cl, stem, item};
				}
			}
			P->depth--;
			P->p = e + 1;
		} else if (c == '_' && (P->p + 1 == P->end || special(P->p[1]))) {
			item = node_new(N_ANY);
			P->p++;
		} else if (c == '*' && (P->p + 1 == P->end || special(P->p[1]) || ascii_digit((unsigned char)P->p[1]))) {
			int g = 3;
			P->p++;
			if (P->p < P->end && ascii_digit((unsigned char)*P->p)) {
				g = 0;
				for (; P->p < P->end && ascii_digit((unsigned char)*P->p); P->p++) {
					g = g * 10 + (*P->p - '0');
					if (g > 9)
						g = 9; /* too big already; no overflow on "*99999999999" */
				}
			}
			if (g < 1 || g > 8) {
				perr(P, at, "%s", "a gap '*N' needs 1 <= N <= 8");
				break;
			}
			item = node_new(N_GAP);
			item->gap = (uint8_t)g;
		} else if ((kw = keyword(P->p, P->end, &kwlen)) >= 0) {
			item = node_new((uint8_t)kw);
			P->p += kwlen;
		} else if (c == '>') {
			perr(P, at, "%s", "'>' without '<'");
			break;
		} else {
			/* a backslash takes the next character as it is: "\>:\(" is
			 * the face ">:(" */
			char word[128];
			size_t wn = 0;
			const char *e = P->p;
			bool esc = false;
			while (e < P->end && !special(*e)) {
				if (*e == '\\' && e + 1 < P->end) {
					e++;
					esc = true;
				}
				if (wn < sizeof word)
					word[wn++] = *e;
				e++;
			}
			if (wn == sizeof word) {
				perr(P, at, "%s", "a word longer than 127 bytes");
				break;
			}
			item = esc ? word_item(P, at, word, wn) : word_item(P, at, P->p, (size_t)(e - P->p));
			P->p = e;
		}
		if (!item || P->failed)
			break;
		seq_append(seq, item);
	}
	return seq;
}

/* Alternatives up to close (0: the end). Single-word alternatives merge
 * into one word node; one alternative alone is just a sequence. */
static node *parse_alts(parser *P, char close, bool opt)
{
	node *alt = node_new(N_ALT);
	alt->opt = opt;
	const char *open = P->p - 1;
	for (;;) {
		node *s = parse_seq(P);
		if (P->failed)
			break;
		if (!s->nkids)
			alt->opt = true; /* an empty alternative: (a|) */
		else
			node_add(alt, s);
		if (P->p < P->end && *P->p == '|') {
			P->p++;
			continue;
		}
		if (close) {
			if (P->p >= P->end || *P->p != close) {
				char tmp[2] = {close, 0};
				perr(P, open, "group not closed: expected '%s'", tmp);
			} else {
				P->p++;
			}
		} else if (P->p < P->end) {
			char tmp[2] = {*P->p, 0};
			perr(P, P->p, "unexpected '%s'", tmp);
		}
		break;
	}
	/* merge the single-word alternatives into one word node, its id
	 * array sized once (a class of hundreds of words) */
	size_t total = 0, singles = 0;
	for (size_t i = 0; i < alt->nkids; i++) {
		node *s = alt->kids[i];
		if (s->nkids == 1 && s->kids[0]->kind == N_WORD) {
			total += s->kids[0]->nids;
			singles++;
		}
	}
	node *merged = NULL;
	if (singles > 1) {
		merged = node_new(N_WORD);
		merged->ids = ar_alloc(total * sizeof *merged->ids);
	}
	size_t k = 0;
	for (size_t i = 0; i < alt->nkids; i++) {
		node *s = alt->kids[i];
		if (singles > 1 && s->nkids == 1 && s->kids[0]->kind == N_WORD) {
			node *w = s->kids[0];
			if (!merged->nids)
				alt->kids[k++] = NULL; /* placeholder, filled below */
			memcpy(merged->ids + merged->nids, w->ids, w->nids * sizeof *w->ids);
			merged->nids += w->nids;
			continue;
		}
		alt->kids[k++] = s;
	}
	alt->nkids = k;
	if (merged) {
		ids_sort(merged);
		for (size_t i = 0; i < alt->nkids; i++)
			if (!alt->kids[i]) {
				node *s = node_new(N_SEQ);
				node_add(s, merged);
				alt->kids[i] = s;
			}
	}
	if (!alt->opt && alt->nkids == 1) { /* not a choice: the sequence itself */
		node *s = alt->kids[0];
		alt->nkids = 0;
		return s;
	}
	return alt;
}

#define W(s) {s, sizeof s - 1}
static const struct {
	const char *w;
	size_t n;
} stop_words[] = {
	W("i"), W("you"), W("your"), W("u"), W("ur"), W("we"), W("our"), W("my"), W("me"), W("it"), W("the"),
	W("a"), W("an"), W("to"), W("of"), W("and"), W("or"), W("in"), W("on"), W("for"), W("is"), W("are"),
	W("was"), W("be"), W("been"), W("this"), W("that"), W("with"), W("at"), W("by"), W("not"), W("no"),
	W("do"), W("have"), W("has"), W("will"), W("would"), W("can"), W("if"), W("so"), W("but"), W("as"),
	W("just"), W("all"), W("they"), W("he"), W("she"), W("them"), W("his"), W("her"), W("i'm"), W("it's"),
	W("you're"), W("get"), W("got"), W("am"), W("us"), W("any"), W("some"), W("one"), W("up"), W("out"),
	W("about"), W("from"), W("what"), W("there"), W("here"), W("again"), W("too"), W("very"), W("please"),
	W("more"), W("still"), W("really"), W("now"), W("i'll"), W("we'll"), W("i've"), W("we've"), W("don't"),
};
#undef W

/* How rare a word is likely to be, for choosing anchors: its length,
 * minus a lot for a stop word. Memoized per word id during the build. */
static _Thread_local int *rarity_memo;
static _Thread_local size_t rarity_cap;

static int id_rarity_slow(const vocab *v, int32_t id)
{
	if ((size_t)id >= rarity_cap) {
		size_t nc = MAX((size_t)id + 1, rarity_cap * 2);
		rarity_memo = xreallocarray(rarity_memo, nc, sizeof *rarity_memo);
		for (size_t i = rarity_cap; i < nc; i++)
			rarity_memo[i] = INT32_MIN;
		rarity_cap = nc;
	}
	size_t len;
	const char *s = vocab_word(v, id, &len);
	int score = (int)MIN(len, 12u);
	if (len <= 6) /* the longest stop word */
		for (size_t k = 0; k < ARRAY_LEN(stop_words); k++)
			if (stop_words[k].n == len && !memcmp(stop_words[k].w, s, len)) {
				score -= 100;
				break;
			}
	return rarity_memo[id] = score;
}

static inline int id_rarity(const vocab *v, int32_t id)
{
	if ((size_t)id < rarity_cap && rarity_memo[id] != INT32_MIN)
		return rarity_memo[id];
	return id_rarity_slow(v, id);
}

/* At the end of a build. */
static void rarity_reset(void)
{
	free(rarity_memo);
	rarity_memo = NULL;
	rarity_cap = 0;
}

/* The commonest word's rarity of a word node, computed once: variants,
 * sequences and their required parts ask about the same nodes many times.
 * The ids of a node do not change once compiling asks. */
static int node_minr(const vocab *v, const node *w)
{
	if (!w->minr) {
		int worst = 1000;
		for (size_t i = 0; i < w->nids; i++)
			worst = MIN(worst, id_rarity(v, w->ids[i]));
		((node *)w)->minr = worst;
	}
	return w->minr;
}

static int word_rarity(const vocab *v, const node *w)
{
	return node_minr(v, w) - (int)(w->nids / 16); /* large sets are common */
}

static uint32_t emit(matcher *m, pinstr in)
{
	VEC_RESERVE(m->prog, m->capprog, m->nprog + 1);
	m->prog[m->nprog] = in;
	return (uint32_t)m->nprog++;
}

/* An instruction as it reads from the start of its program: jump targets
 * relative to it, so that two copies of a program compare equal. */
static pinstr rel_instr(pinstr in, uint32_t start)
{
	if (in.op == OP_SPLIT || in.op == OP_JMP)
		in.x -= start;
	if (in.op == OP_SPLIT || (in.op == OP_FIRST && in.y != UINT32_MAX))
		in.y -= start;
	return in;
}

/* Is [a, a + n) of kind k (0 ids, 1 program) a copy of [at, at + n), and
 * before it? Stale offsets (an expansion undone) fail the first test. */
static bool same_run(const matcher *m, int k, uint32_t a, uint32_t at, uint32_t n)
{
	if (a + n > at)
		return false;
	if (!k)
		return !memcmp(m->ids + a, m->ids + at, n * sizeof *m->ids);
	for (uint32_t i = 0; i < n; i++) {
		pinstr x = rel_instr(m->prog[a + i], a), y = rel_instr(m->prog[at + i], at);
		if (x.op != y.op || x.gap != y.gap || x.nids != y.nids || x.x != y.x || x.y != y.y)
			return false;
	}
	return true;
}

/* The id list (k 0) or program (k 1) just appended at [at, at + n): the
 * offset of an earlier copy, the appended one taken back, else at. The
 * variants of an entry repeat its parts: in the bundled lexicons two
 * programs in three and 14 id lists in 15 are copies, and without sharing
 * them they were 40 % of the cache file. */
static uint32_t share(matcher *m, int k, uint32_t at, uint32_t n)
{
	struct seen *t = &m->seen[k];
	const uint64_t K = 0x9FB21C651E98DF25ULL;
	uint64_t h = n;
	if (!k)
		for (uint32_t i = 0; i < n; i++)
			h = (h + (uint32_t)m->ids[at + i]) * K;
	else
		for (uint32_t i = 0; i < n; i++) {
			pinstr x = rel_instr(m->prog[at + i], at);
			h = (h + (x.op | (uint64_t)x.nids << 16 | (uint64_t)x.x << 32)) * K;
		}
	h ^= h >> 32;
	if ((t->n + 1) * 2 > t->cap) {
		struct seen g = {.cap = t->cap ? t->cap * 2 : 4096, .n = t->n};
		g.s = xcalloc(g.cap, sizeof *g.s);
		for (size_t i = 0; i < t->cap; i++)
			if (t->s[i][2]) {
				size_t j = t->s[i][0] & (g.cap - 1);
				while (g.s[j][2])
					j = (j + 1) & (g.cap - 1);
				memcpy(g.s[j], t->s[i], sizeof g.s[j]);
			}
		free(t->s);
		*t = g;
	}
	size_t j = (uint32_t)h & (t->cap - 1);
	for (; t->s[j][2]; j = (j + 1) & (t->cap - 1))
		if (t->s[j][0] == (uint32_t)h && t->s[j][2] == n && same_run(m, k, t->s[j][1], at, n)) {
			if (k)
				m->nprog = at;
			else
				m->nids = at;
			return t->s[j][1];
		}
	t->s[j][0] = (uint32_t)h;
	t->s[j][1] = at;
	t->s[j][2] = n;
	t->n++;
	return at;
}

static uint32_t add_ids(matcher *m, const int32_t *ids, size_t n)
{
	VEC_RESERVE(m->ids, m->capids, m->nids + n);
	memcpy(m->ids + m->nids, ids, n * sizeof *ids);
	uint32_t off = (uint32_t)m->nids;
	m->nids += n;
	return n ? share(m, 0, off, (uint32_t)n) : off;
}

/* Compile items[0..n) in direction dir (+1 forward, -1 backward: the items
 * in reverse order, recursively). */
static void compile_items(matcher *m, node *const *items, size_t n, int dir);
static bool first_words(const node *x, int dir, node *set);

static void compile_node(matcher *m, const node *x, int dir)
{
	switch (x->kind) {
	case N_WORD:
	case N_NOTWORD:
		emit(m, (pinstr){.op = x->kind == N_WORD ? OP_WORD : OP_NOTWORD, .nids = (uint16_t)x->nids,
				 .x = add_ids(m, x->ids, x->nids)});
		break;
	case N_ANY:
	case N_NUM:
	case N_HANDLE:
	case N_CSTART:
	case N_CEND: { /* an item that is its instruction */
		static const uint8_t op[] = {[N_ANY] = OP_ANY, [N_NUM] = OP_NUM, [N_HANDLE] = OP_HANDLE,
					     [N_CSTART] = OP_CSTART, [N_CEND] = OP_CEND};
		emit(m, (pinstr){.op = op[x->kind]});
		break;
	}
	case N_GAP:
		emit(m, (pinstr){.op = OP_GAP, .gap = x->gap});
		break;
	case N_SEQ:
		compile_items(m, x->kids, x->nkids, dir);
		break;
	case N_ALT: {
		/* a filter first: the words that can start a choice, so that a
		 * group of many choices costs one lookup when none can match */
		uint32_t first = UINT32_MAX;
		if (x->nkids > 1) {
			node set = {.kind = N_WORD};
			if (first_words(x, dir, &set)) {
				ids_sort(&set);
				first = emit(m, (pinstr){.op = OP_FIRST, .nids = (uint16_t)MIN(set.nids, 65535u),
							 .x = add_ids(m, set.ids, MIN(set.nids, 65535u)), .y = UINT32_MAX});
			}
			free(set.ids);
		}
		uint32_t *jmps = xmalloc((x->nkids + 1) * sizeof *jmps);
		for (size_t i = 0; i < x->nkids; i++) {
			bool last = i + 1 == x->nkids && !x->opt;
			uint32_t sp = last ? UINT32_MAX : emit(m, (pinstr){.op = OP_SPLIT});
			if (sp != UINT32_MAX)
				m->prog[sp].x = (uint32_t)m->nprog;
			compile_node(m, x->kids[i], dir);
			jmps[i] = emit(m, (pinstr){.op = OP_JMP});
			if (sp != UINT32_MAX)
				m->prog[sp].y = (uint32_t)m->nprog;
		}
		for (size_t i = 0; i < x->nkids; i++)
			m->prog[jmps[i]].x = (uint32_t)m->nprog;
		if (first != UINT32_MAX && x->opt)
			m->prog[first].y = (uint32_t)m->nprog; /* nothing starts it: skip */
		free(jmps);
		break;
	}
	}
}

/* Collect in set the words that can come first (in direction dir) in a
 * match of x; false when something else can (a gap, any word, a number,
 * or an empty choice). */
static bool first_words(const node *x, int dir, node *set)
{
	switch (x->kind) {
	case N_WORD:
		set->ids = xreallocarray(set->ids, set->nids + x->nids, sizeof *set->ids);
		memcpy(set->ids + set->nids, x->ids, x->nids * sizeof *x->ids);
		set->nids += x->nids;
		return true;
	case N_SEQ:
		return x->nkids && first_words(x->kids[dir > 0 ? 0 : x->nkids - 1], dir, set);
	case N_ALT:
		if (x->opt)
			return false;
		for (size_t i = 0; i < x->nkids; i++)
			if (!first_words(x->kids[i], dir, set))
				return false;
		return true;
	default:
		return false;
	}
}

static void compile_items(matcher *m, node *const *items, size_t n, int dir)
{
	for (size_t i = 0; i < n; i++) {
		const node *x = items[dir > 0 ? i : n - 1 - i];
		uint32_t at = (uint32_t)m->nprog;
		compile_node(m, x, dir);
		/* a gap followed by words: the words the item after it can
		 * start with, so that the gap tries only where one stands */
		if (x->kind == N_GAP && i + 1 < n) {
			node set = {.kind = N_WORD};
			if (first_words(items[dir > 0 ? i + 1 : n - 2 - i], dir, &set) && set.nids < 65536) {
				ids_sort(&set);
				m->prog[at].nids = (uint16_t)set.nids;
				m->prog[at].x = add_ids(m, set.ids, set.nids);
			}
			free(set.ids);
		}
	}
}

/* Words one of which every match of x contains: of a sequence, those of
 * its rarest required part; of a choice, the union of its choices'. First
 * how rare they would be (their commonest word, less for a large set),
 * without building them; false when x has no required part. */
typedef struct {
	int minr;      /* the commonest word's rarity */
	size_t count;  /* words */
} reqinfo;

static int req_score(reqinfo r)
{
	return r.minr - (int)(r.count / 16);
}

static bool req_info(const vocab *v, const node *x, reqinfo *out)
{
	switch (x->kind) {
	case N_WORD:
		out->minr = node_minr(v, x);
		out->count = x->nids;
		return x->nids > 0;
	case N_SEQ: {
		bool any = false;
		for (size_t i = 0; i < x->nkids; i++) {
			reqinfo k;
			if (req_info(v, x->kids[i], &k) && (!any || req_score(k) > req_score(*out))) {
				*out = k;
				any = true;
			}
		}
		return any;
	}
	case N_ALT:
		if (x->opt || !x->nkids)
			return false;
		*out = (reqinfo){1000, 0};
		for (size_t i = 0; i < x->nkids; i++) {
			reqinfo k;
			if (!req_info(v, x->kids[i], &k))
				return false;
			out->minr = MIN(out->minr, k.minr);
			out->count += k.count;
		}
		return true;
	default:
		return false;
	}
}

/* Append to set the words req_info() chose. */
static void req_collect(const vocab *v, const node *x, node *set)
{
	switch (x->kind) {
	case N_WORD:
		set->ids = xreallocarray(set->ids, set->nids + x->nids, sizeof *set->ids);
		memcpy(set->ids + set->nids, x->ids, x->nids * sizeof *x->ids);
		set->nids += x->nids;
		break;
	case N_SEQ: {
		const node *best = NULL;
		reqinfo rb = {0, 0};
		for (size_t i = 0; i < x->nkids; i++) {
			reqinfo k;
			if (req_info(v, x->kids[i], &k) && (!best || req_score(k) > req_score(rb))) {
				rb = k;
				best = x->kids[i];
			}
		}
		if (best)
			req_collect(v, best, set);
		break;
	}
	case N_ALT:
		for (size_t i = 0; i < x->nkids; i++)
			req_collect(v, x->kids[i], set);
		break;
	default:
		break;
	}
}

/* Does a match of x contain at least one word? */
static bool has_word(const node *x)
{
	switch (x->kind) {
	case N_WORD:
		return true;
	case N_SEQ:
		for (size_t i = 0; i < x->nkids; i++)
			if (has_word(x->kids[i]))
				return true;
		return false;
	case N_ALT:
		if (x->opt)
			return false;
		for (size_t i = 0; i < x->nkids; i++)
			if (!has_word(x->kids[i]))
				return false;
		return true;
	default:
		return false;
	}
}

#define MAX_VARIANTS 512

/* Split a sequence into variants, each with a word at its top level to
 * anchor on, by expanding groups (the first group without such a word)
 * only as far as needed; then compile each variant around its rarest
 * top-level word. Returns false when a variant cannot have an anchor. */
static bool add_variants(matcher *m, const vocab *v, uint32_t entry, node *seq, int *budget)
{
	int best = -100000;
	size_t anchor = SIZE_MAX;
	for (size_t i = 0; i < seq->nkids; i++)
		if (seq->kids[i]->kind == N_WORD) {
			int r = word_rarity(v, seq->kids[i]);
			if (r > best) {
				best = r;
				anchor = i;
			}
		}
	/* The group whose words are rarest: expanded, its choices become the
	 * anchors. Worth it when there is no top-level word, or when the best
	 * one is a stop word ("the|our") and a group holds rarer words. */
	size_t g = SIZE_MAX;
	int gbest = -100000, gsecond = -100000;
	for (size_t i = 0; i < seq->nkids; i++) {
		const node *x = seq->kids[i];
		if (x->kind != N_ALT || !has_word(x))
			continue;
		/* a group is as rare as its commonest choice; ties go to the
		 * group whose single words (merged into one choice) are rarer */
		int r = 1000, second = -100000;
		for (size_t a = 0; a < x->nkids; a++) {
			const node *k = x->kids[a];
			int kr = -50;
			for (size_t j = 0; j < k->nkids; j++)
				if (k->kids[j]->kind == N_WORD)
					kr = MAX(kr, word_rarity(v, k->kids[j]));
			r = MIN(r, kr);
			if (k->nkids == 1 && k->kids[0]->kind == N_WORD)
				second = kr;
		}
		if (second == -100000)
			second = r;
		if (r > gbest || (r == gbest && second > gsecond)) {
			gbest = r;
			gsecond = second;
			g = i;
		}
	}
	if (anchor == SIZE_MAX && g == SIZE_MAX)
		for (size_t i = 0; i < seq->nkids && g == SIZE_MAX; i++)
			if (seq->kids[i]->kind == N_ALT)
				g = i;
	/* expanding only for a better anchor must stay cheap */
	bool expand = g != SIZE_MAX &&
		      (anchor == SIZE_MAX || (best < 0 && gbest > best && seq->kids[g]->nkids * 4 <= (size_t)*budget));
	if (expand) {
		size_t nvars = m->nvars, nprog = m->nprog, nids = m->nids;
		int saved = *budget;
		const node *alt = seq->kids[g];
		size_t nalts = alt->nkids + (alt->opt ? 1 : 0);
		bool ok = true;
		for (size_t a = 0; a < nalts && ok; a++) {
			if (--*budget < 0) {
				ok = false;
				break;
			}
			const node *choice = a < alt->nkids ? alt->kids[a] : NULL;
			size_t cn = choice ? choice->nkids : 0;
			node *nv = node_new(N_SEQ);
			nv->kids = ar_alloc((seq->nkids + cn + 1) * sizeof *nv->kids);
			for (size_t i = 0; i < g; i++)
				nv->kids[nv->nkids++] = seq->kids[i];
			for (size_t i = 0; i < cn; i++)
				nv->kids[nv->nkids++] = choice->kids[i];
			for (size_t i = g + 1; i < seq->nkids; i++)
				nv->kids[nv->nkids++] = seq->kids[i];
			ok = add_variants(m, v, entry, nv, budget);
		}
		if (ok)
			return true;
		/* too many alternatives: undo, and anchor on the top-level word */
		m->nvars = nvars;
		m->nprog = nprog;
		m->nids = nids;
		*budget = saved;
		if (anchor == SIZE_MAX)
			return false;
	}
	pvariant pv = {.entry = entry};
	/* flags come from the entry: set by the caller after compiling */
	const node *an = seq->kids[anchor];
	pv.anc = add_ids(m, an->ids, an->nids);
	pv.nanc = (uint16_t)an->nids;
	/* the words that can stand right after and right before the anchor:
	 * checked before the programs run, so most tries cost one lookup */
	for (int dir = +1; dir >= -1; dir -= 2) {
		size_t n = dir > 0 ? seq->nkids - anchor - 1 : anchor;
		if (!n)
			continue;
		node *side = seq_view(dir > 0 ? seq->kids + anchor + 1 : seq->kids, n);
		node set = {.kind = N_WORD};
		if (first_words(side, dir, &set) && set.nids && set.nids < 65536) {
			ids_sort(&set);
			uint32_t off = add_ids(m, set.ids, set.nids);
			if (dir > 0) {
				pv.next = off;
				pv.nnext = (uint16_t)set.nids;
			} else {
				pv.prev = off;
				pv.nprev = (uint16_t)set.nids;
			}
		}
		free(set.ids);
	}
	/* words one of which every match holds besides the anchor: a
	 * sentence without any of them cannot match */
	node rest = {.kind = N_SEQ, .kids = seq->kids, .nkids = seq->nkids};
	node rset = {.kind = N_WORD};
	const node *an_item = seq->kids[anchor];
	seq->kids[anchor] = &(node){.kind = N_ANY}; /* the anchor is there anyway */
	reqinfo ri;
	bool have = req_info(v, &rest, &ri) && ri.count < 65536;
	if (have)
		req_collect(v, &rest, &rset);
	seq->kids[anchor] = (node *)an_item;
	have = have && rset.nids;
	if (have) {
		ids_sort(&rset);
		/* a form is not needed with its lemma (mark_seen() notes a
		 * word's lemma too), unless that lemma has one of its own */
		int32_t *kept = xmalloc(rset.nids * sizeof *kept);
		size_t k = 0;
		for (size_t i = 0; i < rset.nids; i++) {
			int32_t id = rset.ids[i], b = v->slots[v->by_id[id]].base;
			if (b == id || v->slots[v->by_id[b]].base != b || !in_ids(rset.ids, rset.nids, b))
				kept[k++] = id;
		}
		free(rset.ids);
		rset.ids = kept;
		rset.nids = k;
		pv.req = add_ids(m, rset.ids, rset.nids);
		pv.nreq = (uint16_t)rset.nids;
	}
	free(rset.ids);
	pv.fwd = (uint32_t)m->nprog;
	compile_items(m, seq->kids + anchor + 1, seq->nkids - anchor - 1, +1);
	emit(m, (pinstr){.op = OP_END});
	pv.fwd = share(m, 1, pv.fwd, (uint32_t)m->nprog - pv.fwd);
	pv.bwd = (uint32_t)m->nprog;
	compile_items(m, seq->kids, anchor, -1);
	emit(m, (pinstr){.op = OP_END});
	pv.bwd = share(m, 1, pv.bwd, (uint32_t)m->nprog - pv.bwd);
	pv.flags = (uint16_t)m->build_flags;
	VEC_RESERVE(m->vars, m->capvars, m->nvars + 1);
	m->vars[m->nvars++] = pv;
	return true;
}

/* The words of a pattern that is a plain choice of single words, or NULL
 * (for sub and innocent entries). */
static const node *single_words(const node *root)
{
	if (root->kind == N_WORD)
		return root;
	if (root->kind == N_SEQ && root->nkids == 1 && root->kids[0]->kind == N_WORD)
		return root->kids[0];
	if (root->kind == N_ALT && !root->opt && root->nkids == 1)
		return single_words(root->kids[0]);
	return NULL;
}

/* --- Aho-Corasick for substring entries --------------------------------- */

static int32_t ac_new_state(acauto *ac, uint16_t depth)
{
	size_t s = ac->nstates++;
	ac->next = xreallocarray(ac->next, ac->nstates * 256, sizeof *ac->next);
	ac->out = xreallocarray(ac->out, ac->nstates, sizeof *ac->out);
	ac->outlink = xreallocarray(ac->outlink, ac->nstates, sizeof *ac->outlink);
	ac->depth = xreallocarray(ac->depth, ac->nstates, sizeof *ac->depth);
	for (int c = 0; c < 256; c++)
		ac->next[s * 256 + (size_t)c] = -1;
	ac->out[s] = -1;
	ac->outlink[s] = -1;
	ac->depth[s] = depth;
	return (int32_t)s;
}

static void ac_add(acauto *ac, const char *w, size_t n, int32_t entry)
{
	if (!ac->nstates)
		ac_new_state(ac, 0);
	int32_t s = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		int32_t t = ac->next[(size_t)s * 256 + c];
		if (t < 0) {
			t = ac_new_state(ac, (uint16_t)(i + 1));
			ac->next[(size_t)s * 256 + c] = t;
		}
		s = t;
	}
	if (ac->out[s] < 0)
		ac->out[s] = entry;
}

/* Breadth-first: failure links folded into a full transition table. */
static void ac_finish(acauto *ac)
{
	if (!ac->nstates)
		return;
	int32_t *fail = xcalloc(ac->nstates, sizeof *fail);
	int32_t *queue = xmalloc(ac->nstates * sizeof *queue);
	size_t qh = 0, qt = 0;
	for (int c = 0; c < 256; c++) {
		int32_t t = ac->next[c];
		if (t < 0) {
			ac->next[c] = 0;
		} else {
			fail[t] = 0;
			queue[qt++] = t;
		}
	}
	while (qh < qt) {
		int32_t s = queue[qh++];
		int32_t f = fail[s];
		ac->outlink[s] = ac->out[f] >= 0 ? f : ac->outlink[f];
		for (int c = 0; c < 256; c++) {
			int32_t t = ac->next[(size_t)s * 256 + (size_t)c];
			if (t < 0) {
				ac->next[(size_t)s * 256 + (size_t)c] = ac->next[(size_t)f * 256 + (size_t)c];
			} else {
				fail[t] = ac->next[(size_t)f * 256 + (size_t)c];
				queue[qt++] = t;
			}
		}
	}
	/* a move into a state where a word ends is stored complemented, so
	 * that a scan tests one sign instead of loading out[] each byte */
	for (size_t i = 0; i < ac->nstates * 256; i++) {
		int32_t t = ac->next[i];
		if (ac->out[t] >= 0 || ac->outlink[t] >= 0)
			ac->next[i] = ~t;
	}
	free(fail);
	free(queue);
}

/* --- regex ---------------------------------------------------------------- */

/* One byte b through the automaton from state *st: the next state in *st,
 * and the first substring word that ends here (the others follow
 * ac->outlink), or -1. */
static inline int32_t ac_step(const acauto *ac, int32_t *st, unsigned char b)
{
	int32_t t = ac->next[(size_t)*st * 256 + b];
	if (t >= 0) {
		*st = t;
		return -1; /* no word ends here */
	}
	*st = ~t;
	return ac->out[*st] >= 0 ? *st : ac->outlink[*st];
}

bool ac_inside(const acauto *ac, const char *s, size_t n)
{
	if (!ac->nstates)
		return false;
	int32_t st = 0;
	for (size_t i = 0; i < n; i++)
		for (int32_t o = ac_step(ac, &st, (unsigned char)s[i]); o >= 0; o = ac->outlink[o])
			if (ac->depth[o] != n)
				return true;
	return false;
}

pcre2_code *pattern_compile_regex(const char *pat, size_t len, bool anchored, char *err, size_t errlen, size_t *erroff)
{
	*erroff = 0;
	if (len < 2 || pat[0] != '/') {
		snprintf(err, errlen, "a regex is written /.../ with optional flags i");
		return NULL;
	}
	const char *close = NULL;
	for (size_t i = len; i-- > 1;)
		if (pat[i] == '/') {
			close = pat + i;
			break;
		}
	if (!close) {
		snprintf(err, errlen, "regex not closed with '/'");
		return NULL;
	}
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | (anchored ? PCRE2_ANCHORED : PCRE2_USE_OFFSET_LIMIT);
	for (const char *f = close + 1; f < pat + len; f++) {
		if (*f == 'i') {
			opts |= PCRE2_CASELESS;
		} else {
			snprintf(err, errlen, "unknown regex flag '%c' (only i)", *f);
			*erroff = (size_t)(f - pat);
			return NULL;
		}
	}
	int code;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)(pat + 1), (size_t)(close - pat - 1), opts, &code, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof msg);
		snprintf(err, errlen, "%s", (const char *)msg);
		*erroff = off + 1;
		return NULL;
	}
	return re;
}

/* --- build ---------------------------------------------------------------- */

static void build_csr(size_t nvocab, const uint32_t *keys_id, const uint32_t *vals, size_t n, uint32_t **start,
		      uint32_t **out)
{
	*start = xcalloc(nvocab + 1, sizeof **start);
	for (size_t i = 0; i < n; i++)
		(*start)[keys_id[i] + 1]++;
	for (size_t i = 0; i < nvocab; i++)
		(*start)[i + 1] += (*start)[i];
	*out = xmalloc((n ? n : 1) * sizeof **out);
	uint32_t *fill = xmalloc((nvocab + 1) * sizeof *fill);
	memcpy(fill, *start, (nvocab + 1) * sizeof *fill);
	for (size_t i = 0; i < n; i++)
		(*out)[fill[keys_id[i]]++] = vals[i];
	free(fill);
}

static void masked_add(matcher *m, const vocab *v, int32_t id)
{
	size_t len;
	vocab_word(v, id, &len);
	if (len < 3 || len >= 16)
		return;
	for (size_t i = 0; i < m->nmasked[len]; i++)
		if (m->masked[len][i] == id)
			return;
	m->masked[len] = xreallocarray(m->masked[len], m->nmasked[len] + 1, sizeof *m->masked[len]);
	m->masked[len][m->nmasked[len]++] = id;
}

static void mark_obf_words(matcher *m, const vocab *v, const node *x)
{
	if (x->kind == N_WORD)
		for (size_t i = 0; i < x->nids; i++)
			masked_add(m, v, x->ids[i]);
	for (size_t i = 0; i < x->nkids; i++)
		mark_obf_words(m, v, x->kids[i]);
}

/* Variants with at most this many words on the keyed side are listed by
 * (anchor, neighbour) pairs. */
#define KEY_MAX 32

/* The side whose words key a variant (SIDE_NEXT, SIDE_PREV), or -1 when
 * it is listed under its anchor alone. */
static int key_side(const pvariant *pv)
{
	if (pv->nnext && pv->nnext <= KEY_MAX && (!pv->nprev || pv->nnext <= pv->nprev))
		return SIDE_NEXT;
	if (pv->nprev && pv->nprev <= KEY_MAX)
		return SIDE_PREV;
	return -1;
}

typedef struct {
	uint32_t anchor;
	int32_t word;
	uint32_t var;
} kpair;

/* Anchor table t = TAB(pass, view) (pass 0 signals and global cues, 1
 * context cues; view 0 for customers' and unknown messages, 1 for agents':
 * an entry of the other side is left out, so that it is never tried). */
static void build_table(matcher *m, int t)
{
	anchor_table *tb = &m->tab[t];
	int pass = t & 1, skip = t >> 1 ? SIDE_CUSTOMER : SIDE_AGENT;
	size_t nk = 0, capk = 0, capv = 0, np[2] = {0, 0}, capp[2] = {0, 0};
	uint32_t *keys = NULL, *vals = NULL;
	kpair *pairs[2] = {NULL, NULL};
	for (size_t i = 0; i < m->nvars; i++) {
		const pvariant *pv = &m->vars[i];
		if (ENTRY_IN_CONTEXT_PASS(m->entry_kind[pv->entry]) != (pass == 1) || m->entry_side[pv->entry] == skip)
			continue;
		int side = key_side(pv);
		uint32_t woff = side == SIDE_NEXT ? pv->next : pv->prev;
		size_t nw = side < 0 ? 0 : side == SIDE_NEXT ? pv->nnext : pv->nprev;
		for (size_t k = 0; k < pv->nanc; k++) {
			uint32_t id = (uint32_t)m->ids[pv->anc + k];
			if (side < 0) {
				VEC_RESERVE(keys, capk, nk + 1);
				VEC_RESERVE(vals, capv, nk + 1);
				keys[nk] = id;
				vals[nk++] = (uint32_t)i;
				continue;
			}
			VEC_RESERVE(pairs[side], capp[side], np[side] + nw);
			for (size_t w = 0; w < nw; w++)
				pairs[side][np[side]++] = (kpair){id, m->ids[woff + w], (uint32_t)i};
		}
	}
	build_csr(m->nvocab, keys, vals, nk, &tb->start, &tb->var);
	tb->kmask = xcalloc(m->nvocab + 1, sizeof *tb->kmask);
	for (int side = 0; side < 2; side++) {
		kpair *p = pairs[side];
		size_t n = np[side];
		uint32_t *ks = tb->kstart[side] = xcalloc(m->nvocab + 1, sizeof **tb->kstart);
		int32_t *kw = tb->kword[side] = xmalloc((n ? n : 1) * sizeof **tb->kword);
		uint32_t *kv = tb->kvar[side] = xmalloc((n ? n : 1) * sizeof **tb->kvar);
		for (size_t i = 0; i < n; i++)
			ks[p[i].anchor + 1]++;
		for (size_t id = 0; id < m->nvocab; id++)
			ks[id + 1] += ks[id];
		/* by anchor, in variant order (the order the pairs came in) */
		uint32_t *fill = xmalloc((m->nvocab + 1) * sizeof *fill);
		memcpy(fill, ks, (m->nvocab + 1) * sizeof *fill);
		for (size_t i = 0; i < n; i++) {
			uint32_t at = fill[p[i].anchor]++;
			kw[at] = p[i].word;
			kv[at] = p[i].var;
			tb->kmask[p[i].anchor] |= (uint64_t)1 << (((uint32_t)p[i].word & 31) + 32 * (unsigned)side);
		}
		free(fill);
		/* then by word within an anchor, stably: few pairs each */
		for (size_t id = 0; id < m->nvocab; id++)
			for (uint32_t i = ks[id] + 1; i < ks[id + 1]; i++) {
				int32_t w = kw[i];
				uint32_t var = kv[i], j = i;
				for (; j > ks[id] && kw[j - 1] > w; j--) {
					kw[j] = kw[j - 1];
					kv[j] = kv[j - 1];
				}
				kw[j] = w;
				kv[j] = var;
			}
		free(p);
	}
	free(keys);
	free(vals);
}

void matcher_build(matcher *m, vocab *v, const lexicon *lx, diag *d)
{
	parser P = {.voc = v, .lx = lx, .d = d};
	/* room for the bundled lexicons at once: memory is only touched as it
	 * is written, and growing by copies would touch it twice */
	VEC_RESERVE(m->prog, m->capprog, (size_t)1 << 17);
	VEC_RESERVE(m->ids, m->capids, (size_t)1 << 16);
	VEC_RESERVE(m->vars, m->capvars, (size_t)1 << 12);
	uint32_t *rx_keys = NULL, *rx_vals = NULL;
	size_t nrxa = 0;
	for (size_t i = 0; i < lx->n; i++) {
		const lex_entry *e = &lx->e[i];
		if (e->flags & LF_OFF)
			continue;
		if (e->pattern[0] == '/') {
			char err[256];
			size_t off;
			pcre2_code *re = pattern_compile_regex(e->pattern, strlen(e->pattern), e->flags & LF_START, err,
							       sizeof err, &off);
			if (!re) {
				diag_add(d, true, e->file, e->line, e->pattern_col + (int)off, "bad regex: %s", err);
				continue;
			}
			if (!e->nanchors) {
				diag_add(d, true, e->file, e->line, e->pattern_col,
					 "a regex entry needs anchor=WORD|WORD in its flags: the words one of which "
					 "must occur for the regex to run");
				pcre2_code_free(re);
				continue;
			}
			m->rx = xreallocarray(m->rx, m->nrx + 1, sizeof *m->rx);
			m->rx[m->nrx] = (pregex){.entry = (uint32_t)i, .code = re, .start = e->flags & LF_START,
						 .digit = e->flags & LF_DIGIT};
			for (size_t k = 0; k < e->nanchors; k++) {
				normalize(&P.nt, e->anchors[k], strlen(e->anchors[k]));
				int32_t id = vocab_add(v, P.nt.out.ptr, P.nt.out.len);
				if (e->flags & LF_STEM) {
					struct form_ctx c = {v, id};
					inflect(P.nt.out.ptr, P.nt.out.len, add_form, &c);
				}
				rx_keys = xreallocarray(rx_keys, nrxa + 1, sizeof *rx_keys);
				rx_vals = xreallocarray(rx_vals, nrxa + 1, sizeof *rx_vals);
				rx_keys[nrxa] = (uint32_t)id;
				rx_vals[nrxa] = (uint32_t)m->nrx;
				nrxa++;
			}
			m->nrx++;
			continue;
		}
		if (e->flags & LF_START) {
			diag_add(d, true, e->file, e->line, e->pattern_col,
				 "flag 'start' is for regex entries: the match starts at an anchor word");
			continue;
		}
		if (e->flags & LF_DIGIT) {
			diag_add(d, true, e->file, e->line, e->pattern_col,
				 "flag 'digit' is for regex entries (a phrase says #num)");
			continue;
		}
		P.e = e;
		P.s = P.p = e->pattern;
		P.end = e->pattern + strlen(e->pattern);
		P.failed = false;
		P.depth = 0;
		node *root = parse_alts(&P, 0, false);
		if (!P.failed && !has_word(root))
			perr(&P, P.s, "%s", "the pattern can match without a word: every alternative needs one");
		const node *words = P.failed ? NULL : single_words(root);
		/* word lists, not patterns: flags on the vocabulary */
		unsigned wflag = e->label == label_intern("cue.innocent", 12)   ? VF_INNOCENT
				 : e->label == label_intern("cue.emoji", 9)     ? VF_UPSET
				 : e->label == label_intern("cue.spelling", 12) ? VF_SPELLED
				 : e->label == label_intern("cue.foreign", 11)  ? VF_FOREIGN
										: 0;
		if (!P.failed && wflag) {
			if (!words)
				perr(&P, P.s, "a %s entry must be a choice of single words", e->label);
			else
				for (size_t j = 0; j < words->nids; j++)
					vocab_slot(v, words->ids[j])->flags |= wflag;
		} else if (!P.failed) {
			if (e->flags & LF_SUB) {
				if (!words) {
					perr(&P, P.s, "%s", "a 'sub' entry must be a choice of single words");
				} else {
					for (size_t j = 0; j < words->nids; j++) {
						size_t len;
						const char *w = vocab_word(v, words->ids[j], &len);
						ac_add(&m->ac, w, len, (int32_t)i);
					}
				}
			}
			int budget = MAX_VARIANTS;
			m->build_flags = e->flags;
			node *top = root->kind == N_SEQ ? root : seq_view(&root, 1);
			if (!P.failed && !add_variants(m, v, (uint32_t)i, top, &budget))
				perr(&P, P.s, "%s", budget < 0 ? "too many alternatives without a common word: split the entry"
							       : "no word that every match must contain to anchor on");
		}
		if (!P.failed && (e->flags & LF_OBF))
			mark_obf_words(m, v, root);
		ar_entry_done();
	}
	ac_finish(&m->ac);
	for (int32_t id = 0; id < (int32_t)v->n; id++) { /* the substring scan of these can be skipped */
		size_t len;
		const char *w = vocab_word(v, id, &len);
		if (!ac_inside(&m->ac, w, len))
			vocab_slot(v, id)->flags |= VF_NOSUB;
	}
	m->nvocab = v->n;
	m->entry_kind = xcalloc(lx->n + 1, 1);
	m->entry_side = xcalloc(lx->n + 1, 1);
	/* cues looked for everywhere; the other context cues only in the
	 * sentences that hold a signal. Retractions and idioms are global
	 * because they take back or unmake a complaint too ("I was going to
	 * complain but ...", "can't wait": context.c, score.c), and complaints
	 * are cues. */
	static const char *const global_cues[] = {"cue.acronym", "cue.positive", "cue.negative", "cue.apology",
						  "cue.innocent", "cue.retraction", "cue.idiom"};
	for (size_t i = 0; i < lx->n; i++) {
		const char *l = lx->e[i].label;
		uint8_t k = ENTRY_SIGNAL;
		if (label_is_cue(l)) {
			k = !strcmp(l, "cue.consequence") ? ENTRY_CONSEQ : ENTRY_CONTEXT;
			for (size_t g = 0; g < ARRAY_LEN(global_cues); g++)
				if (!strcmp(l, global_cues[g]))
					k = ENTRY_CUE;
		}
		m->entry_kind[i] = k;
		/* a signal only one side's detectors report; complaints
		 * (cue.negative) only score a customer's message */
		m->entry_side[i] = !strncmp(l, "escalation.", 11) || !strcmp(l, "cue.negative")		? SIDE_CUSTOMER
				   : !strncmp(l, "agent.", 6) || !strncmp(l, "apology.", 8) || !strncmp(l, "recovery.", 9) ? SIDE_AGENT
				   : SIDE_BOTH;
	}
	/* anchors: a table for signals and global cues, one for context cues,
	 * each once for customers' and once for agents' messages */
	for (int t = 0; t < NTAB; t++)
		build_table(m, t);
	build_csr(m->nvocab, rx_keys, rx_vals, nrxa, &m->rxa_start, &m->rxa);
	free(rx_keys);
	free(rx_vals);
	m->idf = xcalloc(m->nvocab + 1, 1);
	for (size_t id = 0; id < m->nvocab; id++) {
		uint8_t f = 0;
		for (int t = 0; t < NTAB; t++)
			if (m->tab[t].start[id] != m->tab[t].start[id + 1] || m->tab[t].kmask[id])
				f |= (uint8_t)(IDF_TAB << t);
		if (m->rxa_start[id] != m->rxa_start[id + 1])
			f |= IDF_RX;
		const vslot *vs = vocab_slot(v, (int32_t)id);
		if (vs->flags & VF_NOSUB)
			f |= IDF_NOSUB;
		if ((vs->flags & VF_INNOCENT) || (vs->base != vs->id && (vocab_slot(v, vs->base)->flags & VF_INNOCENT)))
			f |= IDF_INNOCENT;
		m->idf[id] = f;
	}
	masked_index(m, v);
	vocab_tags(v);
	regex_groups(m, lx);
	for (int k = 0; k < 2; k++)
		free(m->seen[k].s);
	memset(m->seen, 0, sizeof m->seen);
	ntext_free(&P.nt);
	tokens_free(&P.ts);
	free(P.memo);
	ar_free_all();
	rarity_reset();
	free(sort_bits);
	sort_bits = NULL;
	sort_cap = 0;
}

void matcher_free(matcher *m)
{
	for (size_t i = 0; i < m->nrx; i++) {
		pcre2_code_free(m->rx[i].code);
		pcre2_code_free(atomic_load(&m->rx[i].jcode));
	}
	free(m->rx);
	for (int i = 0; i < 16; i++)
		free(m->mindex[i]);
	if (m->map) {
		munmap(m->map, m->maplen);
		*m = (matcher){0};
		return;
	}
	free(m->prog);
	free(m->ids);
	free(m->vars);
	for (int t = 0; t < NTAB; t++) {
		anchor_table *tb = &m->tab[t];
		free(tb->start);
		free(tb->var);
		free(tb->kmask);
		for (int side = 0; side < 2; side++) {
			free(tb->kstart[side]);
			free(tb->kword[side]);
			free(tb->kvar[side]);
		}
	}
	free(m->entry_kind);
	free(m->entry_side);
	free(m->idf);
	free(m->rxa_start);
	free(m->rxa);
	free(m->ac.next);
	free(m->ac.out);
	free(m->ac.outlink);
	free(m->ac.depth);
	for (int i = 0; i < 16; i++)
		free(m->masked[i]);
	*m = (matcher){0};
}

void match_scratch_free(match_scratch *s)
{
	free(s->m);
	buf_free(&s->dbuf);
	if (s->md)
		pcre2_match_data_free(s->md);
	if (s->mctx)
		pcre2_match_context_free(s->mctx);
	free(s->hot);
	free(s->rx_next);
	free(s->rx_dead);
	free(s->seen);
	free(s->cand);
	free(s->sort);
	if (s->jit)
		pcre2_jit_stack_free(s->jit);
	*s = (match_scratch){0};
}

/* ---- de-obfuscated views --------------------------------------------- */

#include "confusables.inc"

/* The look-alikes below U+0800 as bits: most non-ASCII letters in text are
 * accented Latin letters, none of them look-alikes, and a bit says so
 * without the binary search. Made once (match_all). */
static uint64_t conf_low[0x800 / 64];
static pthread_once_t conf_once = PTHREAD_ONCE_INIT;

static void conf_init(void)
{
	for (size_t i = 0; i < ARRAY_LEN(confusables) && confusables[i].cp < 0x800; i++)
		conf_low[confusables[i].cp >> 6] |= (uint64_t)1 << (confusables[i].cp & 63);
}

static char confusable(int32_t cp)
{
	if (cp < 0x800 && !(conf_low[cp >> 6] >> (cp & 63) & 1))
		return 0;
	size_t lo = 0, hi = ARRAY_LEN(confusables);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (confusables[mid].cp == (uint32_t)cp)
			return confusables[mid].ascii;
		if (confusables[mid].cp < (uint32_t)cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Map one normalized token to ASCII letters: look-alikes, leet digits and
 * symbols, masks as '*'. Returns false when nothing useful comes out. */
static bool deob_map(const char *s, size_t n, buf *out)
{
	bool letters = false;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		char o = 0;
		if (c < 0x80) {
			i++;
			if (ascii_lower(c)) {
				o = (char)c;
				letters = true;
			} else {
				switch (c) {
				case '0': o = 'o'; break;
				case '1': o = 'i'; break;
				case '3': o = 'e'; break;
				case '4': o = 'a'; break;
				case '5': o = 's'; break;
				case '7': o = 't'; break;
				case '8': o = 'b'; break;
				case '9': o = 'g'; break;
				case '@': o = 'a'; break;
				case '$': o = 's'; break;
				case '!': o = 'i'; break;
				case '|': o = 'l'; break;
				case '\'': o = '\''; break;
				case '*': case '#': case '_': case '%': case '?': o = '*'; break;
				case '^': o = '*'; break; /* inside a word: its ends are trimmed (token.c) */
				default: return false;
				}
			}
		} else {
			int32_t cp;
			int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
			i += (size_t)k;
			o = cp >= 0 ? confusable(cp) : 0;
			if (!o)
				return false;
			if (ascii_lower((unsigned char)o))
				letters = true;
			else if (ascii_digit((unsigned char)o))
				o = o == '0' ? 'o' : o == '1' ? 'i' : o == '3' ? 'e' : o;
		}
		buf_addc(out, o);
	}
	return letters;
}

/* Can every character of s (n bytes) read as ASCII (deob_map)? Most tokens
 * with a non-ASCII letter hold an accented letter, which cannot: for them
 * this is all the de-obfuscation costs. */
static inline bool deob_possible(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			continue; /* deob_map() judges ASCII */
		}
		int32_t cp;
		i += (size_t)utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (cp < 0 || !confusable(cp))
			return false;
	}
	return true;
}

/* Runs of three or more of a letter squeezed to keep (1 or 2); with keep
 * 0, every run of two or more to one ("fuuckkk": the doubled letter of a
 * word drawn out in more than one place). */
static void squeeze(buf *b, size_t from, int keep)
{
	size_t w = from;
	for (size_t r = from; r < b->len;) {
		size_t e = r;
		while (e < b->len && b->ptr[e] == b->ptr[r])
			e++;
		size_t run = e - r;
		size_t k = run >= (keep ? 3u : 2u) && b->ptr[r] != '*' ? (size_t)(keep ? keep : 1) : run;
		for (size_t i = 0; i < k; i++)
			b->ptr[w++] = b->ptr[r];
		r = e;
	}
	b->len = w;
	b->ptr[w] = '\0';
}

/* mindex[n]: for the masked words of length n, where[0..256] the bucket
 * starts by first byte, then their positions in masked[n] in that order;
 * the same by last byte after them. A bucket keeps the order of masked[n],
 * so the first word that fits a mask is the same as in a scan of it all. */
/* Compare regexes i and j by what makes them one search: pattern, the
 * start and stem flags, kind, anchors (0: the same search). */
static int search_cmp(const matcher *m, const lexicon *lx, uint32_t i, uint32_t j)
{
	const lex_entry *x = &lx->e[m->rx[i].entry], *y = &lx->e[m->rx[j].entry];
	int c = strcmp(x->pattern, y->pattern);
	unsigned fx = x->flags & (LF_START | LF_STEM | LF_DIGIT), fy = y->flags & (LF_START | LF_STEM | LF_DIGIT);
	if (!c)
		c = (fx > fy) - (fx < fy);
	if (!c)
		c = (int)m->entry_kind[m->rx[i].entry] - (int)m->entry_kind[m->rx[j].entry];
	if (!c)
		c = (x->nanchors > y->nanchors) - (x->nanchors < y->nanchors);
	for (size_t k = 0; !c && k < x->nanchors; k++)
		c = strcmp(x->anchors[k], y->anchors[k]);
	return c;
}

/* qsort_r() order: by search, then the earlier first. ctx: the matcher
 * and the lexicon. */
static int regex_cmp(const void *a, const void *b, void *ctx)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	int c = search_cmp(((const void *const *)ctx)[0], ((const void *const *)ctx)[1], i, j);
	return c ? c : (i > j) - (i < j);
}

void regex_groups(matcher *m, const lexicon *lx)
{
	uint32_t *ord = xmalloc((m->nrx ? m->nrx : 1) * sizeof *ord);
	for (size_t i = 0; i < m->nrx; i++) {
		ord[i] = (uint32_t)i;
		m->rx[i].same = UINT32_MAX;
		m->rx[i].follower = false;
	}
	const void *ctx[2] = {m, lx};
	qsort_r(ord, m->nrx, sizeof *ord, regex_cmp, ctx);
	for (size_t i = 1; i < m->nrx; i++)
		if (!search_cmp(m, lx, ord[i - 1], ord[i])) { /* a group is sorted by index */
			m->rx[ord[i - 1]].same = ord[i];
			m->rx[ord[i]].follower = true;
		}
	free(ord);
}

void masked_index(matcher *m, const vocab *v)
{
	for (size_t n = 0; n < 16; n++) {
		size_t cnt = m->nmasked[n];
		if (!cnt || cnt > UINT16_MAX - 257)
			continue; /* none, or so many that a scan of them all will do */
		uint16_t *ix = xcalloc(2 * (257 + cnt), sizeof *ix);
		for (int side = 0; side < 2; side++) {
			uint16_t *where = ix + side * (257 + cnt), *pos = where + 257;
			for (size_t i = 0; i < cnt; i++) {
				size_t len;
				where[(unsigned char)vocab_word(v, m->masked[n][i], &len)[side ? n - 1 : 0] + 1]++;
			}
			for (int b = 0; b < 256; b++)
				where[b + 1] = (uint16_t)(where[b + 1] + where[b]);
			uint16_t fill[256];
			memcpy(fill, where, sizeof fill);
			for (size_t i = 0; i < cnt; i++) {
				size_t len;
				pos[fill[(unsigned char)vocab_word(v, m->masked[n][i], &len)[side ? n - 1 : 0]]++] =
					(uint16_t)i;
			}
		}
		m->mindex[n] = ix;
	}
}

/* A masked form (f**k) against the obfuscation words of its length: those
 * with its first letter, else with its last ("*uck"), else all of them. */
static const vslot *masked_lookup(const matcher *m, const vocab *v, const char *s, size_t n)
{
	if (n < 3 || n >= 16 || !m->nmasked[n])
		return NULL;
	size_t known = 0;
	for (size_t i = 0; i < n; i++)
		known += s[i] != '*';
	if (known == 0 || known == n)
		return NULL;
	size_t cnt = m->nmasked[n], lo = 0, hi = cnt;
	const uint16_t *pos = NULL;
	if (m->mindex[n] && (s[0] != '*' || s[n - 1] != '*')) {
		const uint16_t *where = m->mindex[n] + (s[0] != '*' ? 0 : 257 + cnt);
		unsigned char b = (unsigned char)(s[0] != '*' ? s[0] : s[n - 1]);
		lo = where[b];
		hi = where[b + 1];
		pos = where + 257;
	}
	for (size_t i = lo; i < hi; i++) {
		size_t len;
		const char *w = vocab_word(v, m->masked[n][pos ? pos[i] : i], &len);
		size_t k = 0;
		while (k < n && (s[k] == '*' || s[k] == w[k]))
			k++;
		if (k == n)
			return vocab_find(v, w, len);
	}
	return NULL;
}

/* Is id, the word w of len bytes, a word of an obfuscation entry (masked_add)? */
static bool obf_word(const matcher *m, int32_t id, const char *w, size_t len)
{
	if (len < 3 || len >= 16 || !m->nmasked[len])
		return false;
	size_t lo = 0, hi = m->nmasked[len];
	const uint16_t *pos = NULL;
	if (m->mindex[len]) { /* only the words with w's first byte */
		lo = m->mindex[len][(unsigned char)w[0]];
		hi = m->mindex[len][(unsigned char)w[0] + 1];
		pos = m->mindex[len] + 257;
	}
	for (size_t i = lo; i < hi; i++)
		if (m->masked[len][pos ? pos[i] : i] == id)
			return true;
	return false;
}

/* Words joined by underscores instead of spaces ("too_stupid",
 * "you_idiot", "certified_moron"), when the token reads as no masked
 * word and is not in mixed case: the token stands for the last of its parts, of four letters or
 * more, that is a word of an obfuscation entry. d (dl bytes) is the
 * mapped token; only a token whose masks are all underscores. */
static void underscored(const matcher *m, const vocab *v, const char *s, size_t n, const char *d, size_t dl, token *t)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '*' || s[i] == '#' || s[i] == '%' || s[i] == '?' || s[i] == '^')
			return;
	size_t e = dl;
	while (e > 0) {
		while (e > 0 && d[e - 1] == '*')
			e--;
		size_t b = e;
		while (b > 0 && d[b - 1] != '*')
			b--;
		if (e - b >= 4 && b > 0) { /* a part, not the whole token */
			const vslot *vs = vocab_find(v, d + b, e - b);
			if (vs && obf_word(m, vs->id, d + b, e - b)) {
				t->did = vs->id;
				t->dbase = vs->base;
				return;
			}
		}
		e = b;
	}
}

/* w (n < 64 bytes, no mask) looked up with runs of three or more of a
 * letter squeezed to two, else to one; sets t's de-obfuscated ids. */
static bool reading_lookup(const vocab *v, const char *w, size_t n, token *t)
{
	char sq[64];
	for (size_t keep = 2; keep >= 1; keep--) {
		size_t o = 0;
		for (size_t r = 0; r < n;) {
			size_t e = r;
			while (e < n && w[e] == w[r])
				e++;
			for (size_t k = 0; k < (e - r >= 3 ? keep : e - r); k++)
				sq[o++] = w[r];
			r = e;
		}
		const vslot *vs = vocab_find(v, sq, o);
		if (vs) {
			t->did = vs->id;
			t->dbase = vs->base;
			return true;
		}
	}
	return false;
}

/* Readings tried when the mapped token d (dl < 64 bytes, from the
 * normalized s, n bytes) is no word: a '1' as 'l' instead of 'i' ("he11",
 * "ki11"; ASCII tokens, where d[i] comes from s[i]), and masks inserted
 * between letters rather than put for them ("jer*k", "dou*che*bag"). */
static void other_readings(const vocab *v, const char *s, size_t n, const char *d, size_t dl, token *t)
{
	char w[64];
	if ((t->flags & TF_DIGIT) && !(t->flags & TF_NONASCII) && dl == n && memchr(s, '1', n)) {
		for (size_t i = 0; i < n; i++)
			w[i] = s[i] == '1' ? 'l' : d[i];
		if (!memchr(w, '*', n) && reading_lookup(v, w, n, t))
			return;
	}
	if ((t->flags & TF_SYM) && dl > 3 && d[0] != '*' && d[dl - 1] != '*' && memchr(s, '*', n) &&
	    !memchr(s, '_', n)) {
		size_t o = 0;
		for (size_t i = 0; i < dl; i++)
			if (d[i] != '*')
				w[o++] = d[i];
		if (o >= 4)
			reading_lookup(v, w, o, t);
	}
}

/* The de-obfuscated view of one normalized token: mapped to ASCII
 * (deob_map), runs of a letter squeezed to two, else to one, and looked up
 * (masked forms among the obfuscation words). A '1' reads as 'i'; when
 * that finds no word, as 'l' (other_readings). */
static void deob_token(const matcher *m, const vocab *v, const char *s, size_t n, token *t, buf *db)
{
	size_t start = db->len;
	if (!deob_map(s, n, db)) {
		db->len = start;
		return;
	}
	size_t len0 = db->len - start;
	char small[64]; /* the mapped word, to squeeze it two ways */
	char *copy = len0 <= sizeof small ? small : xmalloc(len0);
	memcpy(copy, db->ptr + start, len0);
	/* without a run of three of a byte other than '*', every way leaves
	 * the word as it is: one lookup does; with one, a third way squeezes
	 * the doubled letters too ("fuuckkk") */
	int last = 2;
	for (size_t i = 2; i < len0 && last == 2; i++)
		if (copy[i] == copy[i - 1] && copy[i] == copy[i - 2] && copy[i] != '*')
			last = 0;
	for (int keep = 2; keep >= last; keep--) {
		db->len = start;
		buf_add(db, copy, len0);
		if (last == 0)
			squeeze(db, start, keep);
		const char *d = db->ptr + start;
		size_t dl = db->len - start;
		const vslot *vs = memchr(d, '*', dl) ? masked_lookup(m, v, d, dl) : vocab_find(v, d, dl);
		size_t sl = dl; /* else a mask run at the end may be a footnote star: "morons*" */
		while (!vs && sl > 3 && d[sl - 1] == '*')
			if (d[--sl - 1] != '*')
				vs = memchr(d, '*', sl) ? masked_lookup(m, v, d, sl) : vocab_find(v, d, sl);
		if (vs) {
			t->did = vs->id;
			t->dbase = vs->base;
			break;
		}
	}
	if (t->did < 0 && len0 < sizeof small)
		other_readings(v, s, n, copy, len0, t);
	/* not in mixed case, a name's or handle's ("SC_Troll", "Louis_Tomlinson") */
	if (t->did < 0 && (t->uppers <= 1 || (t->flags & TF_ALLCAPS)) && memchr(s, '_', n))
		underscored(m, v, s, n, copy, len0, t);
	/* the squeezed view is kept for substring search even without a hit */
	t->doff = (uint32_t)start;
	t->dlen = (uint32_t)(db->len - start);
	if (copy != small)
		free(copy);
}

/* ---- matching ---------------------------------------------------------- */

#define VM_STEP_LIMIT 20000

typedef struct {
	const matcher *m;
	const vocab *v;
	const lexicon *lx;
	const ntext *nt;
	tokens *ts;
	match_scratch *s;
	uint32_t sent;
	size_t sent_pos;  /* the first word position of sentence sent */
	bool seen_done;   /* mark_seen() has run for it */
	int8_t digit;     /* does the sentence hold a digit: -1 not yet known */
	size_t steps;
	size_t gapw; /* words the gaps of the last match consumed */
	bool text_known;     /* sentence_text() of sentence text_sent: */
	uint32_t text_sent;
	size_t text_a, text_b;
} mctx;

static bool caps_ok(const token *t, unsigned flags)
{
	return !(flags & LF_CAPS) || (t->letters && t->letters == t->uppers);
}

/* Does token t fill a word instruction (ids ids[0..n))? */
static inline bool word_ok(const mctx *c, const int32_t *ids, size_t n, const token *t, unsigned flags)
{
	bool stem = flags & LF_STEM;
	if (in_ids(ids, n, t->id) || (stem && t->base != t->id && in_ids(ids, n, t->base)))
		return caps_ok(t, flags);
	if ((flags & LF_OBF) && t->did >= 0 && (in_ids(ids, n, t->did) || (stem && in_ids(ids, n, t->dbase))))
		return true;
	(void)c;
	return false;
}

static const token *word_at(const mctx *c, size_t pos)
{
	return &c->ts->t[c->ts->w[pos]];
}

static bool near_ok(const mctx *c, uint32_t ids, uint16_t n, size_t pos, int dir, unsigned flags);

/* Does the punctuation right after token i hold a question mark? */
static bool question_after(const mctx *c, size_t i)
{
	for (size_t k = i + 1; k < c->ts->n && c->ts->t[k].kind == TK_PUNCT; k++)
		if (c->nt->out.ptr[c->ts->t[k].ns] == '?')
			return true;
	return false;
}

/* An @name ("@Delta", "@343") or a hashtag: no word of a clause for
 * #start and #end. */
static bool tag_word(const mctx *c, const token *t)
{
	return t->kind == TK_HANDLE ||
	       (t->ns > 0 && (c->nt->out.ptr[t->ns - 1] == '#' || c->nt->out.ptr[t->ns - 1] == '@'));
}

/* Run a phrase program from word position pos in direction dir; *out gets
 * the position where it ended (forward: after the last word; backward:
 * the first word). Backtracking, with a step budget so that a user's
 * pattern of nested options cannot blow up. */
static bool vm(mctx *c, uint32_t pc, size_t pos, int dir, unsigned flags, size_t gaps, size_t *out)
{
	const pinstr *prog = c->m->prog;
	size_t nw = c->ts->nw;
	for (;;) {
		if (++c->steps > VM_STEP_LIMIT)
			return false;
		const pinstr *in = &prog[pc];
		switch (in->op) {
		case OP_END:
			*out = pos;
			c->gapw += gaps;
			return true;
		case OP_JMP:
			pc = in->x;
			continue;
		case OP_CSTART:
		case OP_CEND: {
			/* the point between words pos - 1 and pos, whichever way the
			 * program runs: a clause starts (#start) or ends (#end) there,
			 * @names and hashtags aside ("@Delta not going back ever
			 * again #fail"); in a tweet, a capital after @names starts a
			 * clause ("Bad experience @Foo @Bar Not going back") */
			size_t b = pos, a = pos;
			while (b > 0 && tag_word(c, word_at(c, b - 1)))
				b--;
			while (a < nw && tag_word(c, word_at(c, a)))
				a++;
			const token *before = pos > 0 ? word_at(c, pos - 1) : NULL;
			const token *after = pos < nw ? word_at(c, pos) : NULL;
			bool edge;
			if (in->op == OP_CSTART) /* a capital after @names starts one too */
				edge = after && (!b || word_at(c, b - 1)->clause != after->clause ||
						 (b < pos && (after->flags & TF_CAPITAL)));
			else /* and not a question ("Subscription cancelled?") */
				edge = before && (a >= nw || word_at(c, a)->clause != before->clause) &&
				       !question_after(c, c->ts->w[pos - 1]);
			if (!edge)
				return false;
			pc++;
			continue;
		}
		case OP_SPLIT:
			if (vm(c, in->x, pos, dir, flags, gaps, out))
				return true;
			pc = in->y;
			continue;
		case OP_GAP:
			for (size_t g = 0; g <= in->gap; g++) {
				if (g) { /* the word skipped must exist, in the sentence */
					if (dir > 0 ? pos + g - 1 >= nw : pos < g)
						return false;
					if (word_at(c, dir > 0 ? pos + g - 1 : pos - g)->sent != c->sent)
						return false;
				}
				/* the words after the gap must start here */
				if (in->nids && !near_ok(c, in->x, in->nids, dir > 0 ? pos + g : pos - g, dir, flags))
					continue;
				if (vm(c, pc + 1, dir > 0 ? pos + g : pos - g, dir, flags, gaps + g, out))
					return true;
			}
			return false;
		case OP_FIRST: {
			bool can = false;
			if (dir > 0 ? pos < nw : pos > 0) {
				const token *t = word_at(c, dir > 0 ? pos : pos - 1);
				const int32_t *ids = c->m->ids + in->x;
				can = t->sent == c->sent &&
				      (word_ok(c, ids, in->nids, t, flags) ||
				       (dir > 0 && t->alt >= 0 && word_ok(c, ids, in->nids, &c->ts->t[t->alt], flags)));
			}
			if (can) {
				pc++;
			} else if (in->y != UINT32_MAX) {
				pc = in->y;
			} else {
				return false;
			}
			continue;
		}
		default: {
			if (dir > 0 ? pos >= nw : pos == 0)
				return false;
			size_t at = dir > 0 ? pos : pos - 1;
			const token *t = word_at(c, at);
			if (t->sent != c->sent)
				return false;
			if (in->op == OP_WORD) {
				const int32_t *ids = c->m->ids + in->x;
				if (dir > 0 && t->alt >= 0) { /* "f u c k": the joined view first */
					const token *vt = &c->ts->t[t->alt];
					if (word_ok(c, ids, in->nids, vt, flags) &&
					    vm(c, pc + 1, vt->next, dir, flags, gaps, out))
						return true;
				}
				if (!word_ok(c, ids, in->nids, t, flags))
					return false;
			} else if (in->op == OP_NOTWORD) {
				const int32_t *ids = c->m->ids + in->x;
				if (word_ok(c, ids, in->nids, t, flags) ||
				    (t->alt >= 0 && word_ok(c, ids, in->nids, &c->ts->t[t->alt], flags)))
					return false;
			} else if ((in->op == OP_NUM && t->kind != TK_NUM) || (in->op == OP_HANDLE && t->kind != TK_HANDLE)) {
				return false;
			}
			pos = dir > 0 ? pos + 1 : pos - 1;
			pc++;
			continue;
		}
		}
	}
}

static void push_match(mctx *c, uint32_t entry, size_t w0, size_t w1, uint16_t flags)
{
	match_scratch *s = c->s;
	VEC_RESERVE(s->m, s->cap, s->n + 1);
	const token *a = word_at(c, w0), *b = word_at(c, w1 - 1);
	uint16_t f = flags;
	for (size_t i = w0; i < w1; i++) {
		const token *t = word_at(c, i);
		if (t->flags & TF_QUOTED)
			f |= MF_QUOTED;
		if (t->id < 0 && t->did >= 0)
			f |= MF_OBF;
	}
	uint32_t oe = b->oe;
	if (b->alt >= 0 && w1 == w0 + 1 && (f & MF_OBF)) /* a spelled-out word ends later */
		oe = MAX(oe, c->ts->t[b->alt].oe);
	s->m[s->n++] = (match){.entry = entry, .w0 = (uint32_t)w0, .w1 = (uint32_t)w1, .os = a->os, .oe = oe, .flags = f,
			       .gapw = (uint16_t)MIN(c->gapw, 65535u)};
	c->gapw = 0;
}

/* Can the word next to position pos (after it when dir > 0: the word at
 * pos; before it: the word at pos - 1) be one of ids? */
static bool near_ok(const mctx *c, uint32_t ids, uint16_t n, size_t pos, int dir, unsigned flags)
{
	if (dir > 0 ? pos >= c->ts->nw : pos == 0)
		return false;
	const token *t = word_at(c, dir > 0 ? pos : pos - 1);
	if (t->sent != c->sent)
		return false;
	const int32_t *set = c->m->ids + ids;
	return word_ok(c, set, n, t, flags) || (dir > 0 && t->alt >= 0 && word_ok(c, set, n, &c->ts->t[t->alt], flags));
}

/* How a candidate anchor id was read from a token: the word itself, its
 * lemma, its de-obfuscated view, or that view's lemma. */
enum { VIA_WORD, VIA_LEMMA, VIA_DEOB, VIA_DEOB_LEMMA };

/* Note the ids of t in seen[id + 1] (seen[0] takes the -1s). */
static inline void seen_token(match_scratch *s, const token *t)
{
	s->seen[t->id + 1] = s->seen[t->base + 1] = s->seen[t->did + 1] = s->seen[t->dbase + 1] = s->seen_seq;
}

/* Note every id of every word of the sentence starting at word position
 * pos (its form, lemma, de-obfuscated view and that view's lemma, and a
 * spelled-out word's) as seen in it. Phrases match within a sentence. */
static void mark_seen(const matcher *m, const tokens *ts, match_scratch *s, size_t pos)
{
	if (s->nseen < m->nvocab + 1) {
		free(s->seen);
		s->seen = xcalloc(m->nvocab + 1, sizeof *s->seen);
		s->nseen = m->nvocab + 1;
		s->seen_seq = 0;
	}
	if (++s->seen_seq == 0) { /* wrapped: start afresh */
		memset(s->seen, 0, s->nseen * sizeof *s->seen);
		s->seen_seq = 1;
	}
	uint32_t sent = ts->t[ts->w[pos]].sent;
	for (size_t p = pos; p < ts->nw; p++) {
		const token *t = &ts->t[ts->w[p]];
		if (t->sent != sent)
			break;
		seen_token(s, t);
		if (t->alt >= 0)
			seen_token(s, &ts->t[t->alt]);
	}
}

/* Does the sentence hold a word with one of these ids? Its words are noted
 * the first time a sentence asks: most sentences never do. */
static bool any_seen(mctx *c, uint32_t ids, uint16_t n)
{
	if (!c->seen_done) {
		mark_seen(c->m, c->ts, c->s, c->sent_pos);
		c->seen_done = true;
	}
	const int32_t *set = c->m->ids + ids;
	const uint32_t *seen = c->s->seen, seq = c->s->seen_seq;
	for (uint16_t i = 0; i < n; i++)
		if (seen[set[i] + 1] == seq)
			return true;
	return false;
}

/* Start sentence sent, whose first word is at position pos. */
static void sentence_start(mctx *c, uint32_t sent, size_t pos)
{
	c->sent = sent;
	c->sent_pos = pos;
	c->seen_done = false;
	c->digit = -1;
}

/* vm() from the start, without a call for an empty program (OP_END
 * alone: the phrase starts or ends at its anchor). */
static inline bool run(mctx *c, uint32_t pc, size_t pos, int dir, unsigned flags, size_t *out)
{
	if (c->m->prog[pc].op == OP_END) {
		*out = pos;
		return true;
	}
	c->steps = 0;
	return vm(c, pc, pos, dir, flags, 0, out);
}

/* Try variant vi anchored on id at word position pos (t is the word, or
 * its spelled-out view when virt), read from the token the way via says. */
static void try_variant(mctx *c, uint32_t vi, int via, size_t pos, const token *t, bool virt)
{
	/* the table says the variant's anchor holds id: what remains is
	 * whether the entry accepts the way id was read */
	static const unsigned need[] = {0, LF_STEM, LF_OBF, LF_OBF | LF_STEM};
	const pvariant *pv = &c->m->vars[vi];
	if (c->m->entry_kind[pv->entry] == ENTRY_CONSEQ && !(c->s->hot[t->sent] & HOT_DEADLINE))
		return;
	/* a spelled-out word ("F.T.C") counts as its letters joined for every
	 * entry; its de-obfuscated reading only for obf entries */
	unsigned flags = pv->flags;
	if ((flags & need[via]) != need[via] || ((flags & LF_CAPS) && via < VIA_DEOB && !caps_ok(t, LF_CAPS)))
		return;
	size_t after = virt ? t->next : pos + 1;
	if (pv->nnext && !near_ok(c, pv->next, pv->nnext, after, +1, flags))
		return;
	if (pv->nprev && !near_ok(c, pv->prev, pv->nprev, pos, -1, flags))
		return;
	if (pv->nreq && !any_seen(c, pv->req, pv->nreq))
		return;
	size_t start, end;
	c->gapw = 0;
	if (!run(c, pv->bwd, pos, -1, flags, &start) || !run(c, pv->fwd, after, +1, flags, &end))
		return;
	push_match(c, pv->entry, start, end > start ? end : start + 1, virt ? MF_OBF : 0);
}

/* Add to the candidates the variants of tb keyed by the pair (id, w). */
static size_t add_keyed(mctx *c, const anchor_table *tb, int side, int32_t id, int32_t w, size_t n)
{
	const int32_t *kw = tb->kword[side];
	uint32_t lo = tb->kstart[side][id], end = tb->kstart[side][id + 1], hi = end;
	while (hi - lo > 8) { /* the first pair of w is in [lo, hi] */
		uint32_t mid = lo + (hi - lo) / 2;
		if (kw[mid] < w)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < end && kw[lo] <= w; lo++)
		if (kw[lo] == w) {
			VEC_RESERVE(c->s->cand, c->s->capcand, n + 1);
			c->s->cand[n++] = tb->kvar[side][lo];
		}
	return n;
}

/* Add the variants keyed by (id, a reading of the word nb); mask is the
 * id's neighbour-word bits for the side. */
static size_t add_keyed_readings(mctx *c, const anchor_table *tb, int side, uint32_t mask, int32_t id, const token *nb,
			      size_t n)
{
	int32_t r[4] = {nb->id, nb->base, nb->did, nb->dbase};
	for (int k = 0; k < 4; k++) {
		int32_t w = r[k];
		if (w < 0 || !(mask >> (w & 31) & 1))
			continue;
		if ((k > 0 && w == r[0]) || (k > 1 && w == r[1]) || (k > 2 && w == r[2]))
			continue; /* a word read two ways */
		n = add_keyed(c, tb, side, id, w, n);
	}
	return n;
}

/* The same, the common case of a word with one reading (and maybe a lemma)
 * inline. */
static inline size_t add_keyed_token(mctx *c, const anchor_table *tb, int side, uint32_t mask, int32_t id,
				     const token *nb, size_t n)
{
	if (nb->did >= 0)
		return add_keyed_readings(c, tb, side, mask, id, nb, n);
	if (nb->id >= 0 && (mask >> (nb->id & 31) & 1))
		n = add_keyed(c, tb, side, id, nb->id, n);
	if (nb->base != nb->id && nb->base >= 0 && (mask >> (nb->base & 31) & 1))
		n = add_keyed(c, tb, side, id, nb->base, n);
	return n;
}

/* Try every variant of table tb anchored on id at word position pos (t is
 * the word, or its spelled-out view when virt), in variant order: those
 * listed under the anchor alone, and those listed under it and a word that
 * stands next to it. */
static void try_anchor(mctx *c, const anchor_table *tb, int32_t id, int via, size_t pos, const token *t, bool virt)
{
	size_t nc = 0;
	uint64_t km = tb->kmask[id];
	size_t after = virt ? t->next : pos + 1;
	if ((uint32_t)km && after < c->ts->nw) {
		const token *nb = word_at(c, after);
		if (nb->sent == c->sent) {
			nc = add_keyed_token(c, tb, SIDE_NEXT, (uint32_t)km, id, nb, nc);
			if (nb->alt >= 0)
				nc = add_keyed_token(c, tb, SIDE_NEXT, (uint32_t)km, id, &c->ts->t[nb->alt], nc);
		}
	}
	if ((km >> 32) && pos > 0) {
		const token *nb = word_at(c, pos - 1);
		if (nb->sent == c->sent)
			nc = add_keyed_token(c, tb, SIDE_PREV, (uint32_t)(km >> 32), id, nb, nc);
	}
	uint32_t *cand = c->s->cand;
	if (nc > 1) { /* in variant order, once each: few, insertion sort */
		for (size_t i = 1; i < nc; i++) {
			uint32_t x = cand[i];
			size_t j = i;
			for (; j > 0 && cand[j - 1] > x; j--)
				cand[j] = cand[j - 1];
			cand[j] = x;
		}
		size_t k = 1;
		for (size_t i = 1; i < nc; i++)
			if (cand[i] != cand[k - 1])
				cand[k++] = cand[i];
		nc = k;
	}
	/* merge with the variants under the anchor alone (a variant is in one
	 * of the two lists): tried in the order of one list of them all, so
	 * that matches come out in the same order whichever list held them */
	uint32_t a = tb->start[id], ae = tb->start[id + 1];
	size_t h = 0;
	while (a < ae || h < nc) {
		uint32_t vi = h == nc || (a < ae && tb->var[a] < cand[h]) ? tb->var[a++] : cand[h++];
		try_variant(c, vi, via, pos, t, virt);
	}
}

/* A word with an l written for an I among capitals ("FUCKlNG") or an I
 * for an l among small letters ("fooI"), folded to "fucklng", "fooi": the
 * reading with one such letter swapped back that the vocabulary knows. */
static void lookalike(const vocab *v, const char *s, size_t n, bool caps, token *t)
{
	char w[64];
	if (n > sizeof w)
		return;
	memcpy(w, s, n);
	char from = caps ? 'l' : 'i', to = caps ? 'i' : 'l';
	for (size_t k = 0; k < n; k++) {
		if (w[k] != from)
			continue;
		w[k] = to;
		const vslot *vs = vocab_find(v, w, n);
		if (vs) {
			t->did = vs->id;
			t->dbase = vs->base;
			return;
		}
		w[k] = from;
	}
}

/* A word we do not know with a doubled letter, read without the doubles:
 * "fuuck", "biitch", "idiiot", "morron". A dictionary word that would read
 * as a derogatory one ("pollack", "looser") is in the generated allowlist,
 * so in the vocabulary, and never gets here; nor does a name (a capital
 * inside a sentence). */
static void undoubled(const vocab *v, const char *s, size_t n, token *t)
{
	char w[64];
	if (n < 4 || n > sizeof w)
		return;
	size_t k = 0;
	bool doubled = false;
	for (size_t i = 0; i < n; i++) {
		if (i && s[i] == s[i - 1]) {
			doubled = true;
			continue;
		}
		w[k++] = s[i];
	}
	const vslot *vs = doubled ? vocab_find(v, w, k) : NULL;
	if (vs) {
		t->did = vs->id;
		t->dbase = vs->base;
	}
}

/* An @ that stands for an "a" at the start of a word of four bytes or more
 * reads as a handle ("you @sshole", "an @ssclown"): the handle is read as
 * that word too when it is a word of an obfuscation entry, and only then (a
 * real @name is none). */
static void at_for_a(const matcher *m, const vocab *v, const char *s, size_t n, token *t)
{
	char w[16];
	if (n < 3 || n > sizeof w)
		return;
	w[0] = 'a';
	memcpy(w + 1, s + 1, n - 1);
	const vslot *vs = vocab_find(v, w, n);
	if (vs && obf_word(m, vs->id, w, n)) {
		t->did = vs->id;
		t->dbase = vs->base;
	}
}

/* A word broken in two by one space or mark ("Fu ck you", "id iot"): two
 * short plain words p and q, q one the lexicons do not know and p no name,
 * whose join is a word of an obfuscation entry (not "the pen is", "co on":
 * their second words are known). Like a word split by a dot (token.c
 * join_dotted), the join is read only for such entries. Asked of each
 * unknown short word q, once looked up, with the word before it. */
static bool split_by_space(const matcher *m, const vocab *v, const ntext *nt, const token *p, const token *q)
{
	const unsigned plain = TF_SYM | TF_DIGIT | TF_NONASCII | TF_SPELLED | TF_REPEAT;
	if (p->nlen - 2u > 2u || q->did >= 0 || p->alt >= 0 || q->alt >= 0 || p->kind != TK_WORD ||
	    q->kind != TK_WORD || ((p->flags | q->flags) & plain) || q->os != p->oe + 1 || q->clause != p->clause ||
	    ((p->flags & TF_CAPITAL) && !(p->flags & (TF_SENT_START | TF_ALLCAPS))))
		return false;
	char w[10];
	memcpy(w, nt->out.ptr + p->ns, p->nlen);
	memcpy(w + p->nlen, nt->out.ptr + q->ns, q->nlen);
	size_t n = p->nlen + q->nlen;
	const vslot *vs = vocab_find(v, w, n);
	return vs && obf_word(m, vs->id, w, n);
}

static void lookup_tokens(const matcher *m, const vocab *v, const ntext *nt, tokens *ts, buf *db)
{
	buf_clear(db);
	size_t foreign = 0, nonascii = 0;
	bool halves = false; /* word i - 1 is the second half of a split word */
	for (size_t i = 0; i < ts->nw; i++) {
		token *t = &ts->t[ts->w[i]];
		const char *s = nt->out.ptr + t->ns;
		const vslot *vs = t->flags & TF_SPELLED ? NULL : vocab_find(v, s, t->nlen);
		if (vs) {
			t->id = vs->id;
			t->base = vs->base;
			foreign += (vs->flags & VF_FOREIGN) != 0;
		}
		if (t->kind == TK_WORD && (t->flags & (TF_SYM | TF_DIGIT | TF_REPEAT | TF_NONASCII))) {
			nonascii += (t->flags & TF_NONASCII) != 0;
			if (!(t->flags & TF_NONASCII) || deob_possible(s, t->nlen))
				deob_token(m, v, s, t->nlen, t, db);
		} else if (!vs && t->kind == TK_WORD &&
			   (!(t->flags & TF_CAPITAL) || (t->flags & (TF_SENT_START | TF_ALLCAPS)))) {
			undoubled(v, s, t->nlen, t); /* not a name: "Ratt", "Booner" */
		}
		if ((t->flags & TF_LOOKALIKE) && !vs && t->did < 0)
			lookalike(v, s, t->nlen, t->uppers > 1, t);
		if (t->kind == TK_HANDLE)
			at_for_a(m, v, s, t->nlen, t);
		if (!vs && t->nlen - 2u <= 4u && i > 0 && !halves && split_by_space(m, v, nt, &ts->t[ts->w[i - 1]], t)) {
			tokens_add_virtual(ts, i - 1, i + 1, TF_SPLIT); /* moves ts->t */
			halves = true;
		} else {
			halves = false;
		}
	}
	ts->nforeign = foreign;
	ts->nnonascii = nonascii;
	/* virtual tokens: the spelled-out letters joined */
	for (size_t i = 0; i < ts->n; i++) {
		token *t = &ts->t[i];
		if (t->kind != TK_VIRTUAL)
			continue;
		buf joined = {0};
		size_t k0 = t->next; /* the run's words end before word next */
		while (k0 > 0 && ts->t[ts->w[k0 - 1]].ns >= t->ns)
			k0--;
		for (size_t k = k0; k < t->next; k++) {
			const token *w = &ts->t[ts->w[k]];
			buf_add(&joined, nt->out.ptr + w->ns, w->nlen);
		}
		/* a word split by a dot is read only as an obfuscation */
		const vslot *vs = t->flags & TF_SPLIT ? NULL : vocab_find(v, joined.ptr ? joined.ptr : "", joined.len);
		if (vs) {
			t->id = vs->id;
			t->base = vs->base;
		}
		deob_token(m, v, joined.ptr ? joined.ptr : "", joined.len, t, db);
		if (t->did < 0 && vs) {
			t->did = vs->id;
			t->dbase = vs->base;
		}
		buf_free(&joined);
	}
}

static bool slot_innocent(const vocab *v, const vslot *vs)
{
	if (vs->flags & VF_INNOCENT)
		return true;
	return vs->base != vs->id && (vocab_slot((vocab *)v, vs->base)->flags & VF_INNOCENT);
}

static bool innocent(const vocab *v, const char *s, size_t n)
{
	const vslot *vs = vocab_find(v, s, n);
	return vs && slot_innocent(v, vs);
}

/* Does a word of the substring automaton end anywhere in s[0..n)? Most
 * words hold none: for them this inline scan is all substring search
 * costs. */
static inline bool ac_any(const acauto *ac, const char *s, size_t n)
{
	int32_t st = 0;
	for (size_t i = 0; i < n && st >= 0; i++)
		st = ac->next[(size_t)st * 256 + (unsigned char)s[i]];
	return st < 0;
}

/* Substring entries inside longer words, unless the word is innocent. */
/* The longest word searched inside: a compound or hashtag that holds a
 * swear word is seldom longer ("absofuckinglutely",
 * "#thisisbullshitverizon"); a longer run of letters is words written
 * without spaces, where a hit across two of them is the Scunthorpe
 * problem at sentence scale ("...creditreportwashitwith15inquiries"). */
#define SUB_MAX_BYTES 32

static void sub_scan(mctx *c, size_t pos, const token *t, const char *s, size_t n, bool obf)
{
	const acauto *ac = &c->m->ac;
	int32_t st = 0;
	for (size_t i = 0; i < n; i++) {
		for (int32_t o = ac_step(ac, &st, (unsigned char)s[i]); o >= 0; o = ac->outlink[o]) {
			size_t len = ac->depth[o];
			if (len == n)
				continue; /* the whole word: matched as a word */
			const lex_entry *e = &c->lx->e[ac->out[o]];
			if (obf && !(e->flags & LF_OBF))
				continue;
			/* a proper noun with the hit strictly inside (Scunthorpe) */
			size_t at = i + 1 - len;
			if ((t->flags & TF_CAPITAL) && !(t->flags & TF_ALLCAPS) && !(t->flags & TF_SENT_START) && at > 0 &&
			    i + 1 < n)
				continue;
			/* a join of an innocent word and more letters, with the hit
			 * inside the innocent part (passcode, classroom) */
			bool joined = false;
			for (size_t p = i + 1; p < n && !joined; p++)
				joined = innocent(c->v, s, p);
			for (size_t q = 1; q <= at && !joined; q++)
				joined = innocent(c->v, s + q, n - q);
			if (joined)
				continue;
			push_match(c, (uint32_t)ac->out[o], pos, pos + 1, MF_SUB | (obf ? MF_OBF : 0));
			return;
		}
	}
}

/* Compile rx (when the matcher came from the cache) and JIT-compile it
 * the first time any thread needs it (see pregex). Without JIT (a system
 * that forbids it) PCRE2 interprets, slower. False when the pattern does
 * not compile, which the cache key (PCRE2's version, the pattern) rules
 * out for a pattern matcher_build() accepted. */
/* The code to match rx with, compiled when first needed; after JIT_AFTER
 * uses, a JIT-compiled copy (a copy, so that other threads go on matching
 * with the interpreted code meanwhile). Sets *jit when it is the JIT's;
 * NULL when the pattern does not compile. */
enum { JIT_AFTER = 16 };
static const pcre2_code *regex_code(const lexicon *lx, const pregex *rx, bool *jit)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	pregex *w = (pregex *)rx; /* the matcher's arrays are malloc'd: not const objects */
	pcre2_code *j = atomic_load_explicit(&w->jcode, memory_order_acquire);
	*jit = j != NULL;
	if (j)
		return j;
	unsigned n = atomic_fetch_add_explicit(&w->uses, 1, memory_order_relaxed);
	if (atomic_load_explicit(&w->ready, memory_order_acquire) && n != JIT_AFTER)
		return w->code;
	pthread_mutex_lock(&lock);
	if (!atomic_load_explicit(&w->ready, memory_order_relaxed)) {
		if (!w->code) {
			const char *pat = lx->e[w->entry].pattern;
			char err[256];
			size_t off;
			w->code = pattern_compile_regex(pat, strlen(pat), w->start, err, sizeof err, &off);
		}
		atomic_store_explicit(&w->ready, true, memory_order_release);
	}
	if (w->code && n == JIT_AFTER) { /* one caller gets this n */
		pcre2_code *copy = pcre2_code_copy(w->code);
		if (copy && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0)
			atomic_store_explicit(&w->jcode, copy, memory_order_release);
		else
			pcre2_code_free(copy);
	}
	pthread_mutex_unlock(&lock);
	j = atomic_load_explicit(&w->jcode, memory_order_acquire);
	*jit = j != NULL;
	return j ? j : w->code;
}

/* The sentence holding word position pos, in normalized text: [*a, *b).
 * Found once per sentence: a long one may hold many anchor words. */
static void sentence_text(mctx *c, size_t pos, size_t *a, size_t *b)
{
	uint32_t sent = word_at(c, pos)->sent;
	if (!c->text_known || c->text_sent != sent) {
		size_t i = c->ts->w[pos], j = i;
		while (i > 0 && c->ts->t[i - 1].sent == sent)
			i--;
		while (j + 1 < c->ts->n && c->ts->t[j + 1].sent == sent && c->ts->t[j + 1].kind != TK_VIRTUAL)
			j++;
		c->text_a = c->ts->t[i].ns;
		c->text_b = c->ts->t[j].ns + c->ts->t[j].nlen;
		c->text_sent = sent;
		c->text_known = true;
	}
	*a = c->text_a;
	*b = c->text_b;
}

pcre2_match_context *pattern_match_context(void)
{
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mc, RX_MATCH_LIMIT);
	pcre2_set_depth_limit(mc, RX_DEPTH_LIMIT);
	pcre2_set_heap_limit(mc, RX_HEAP_LIMIT);
	return mc;
}

/* rx hit a PCRE2 limit: the message notes its entry, and the regex is not
 * tried again in this message. Its matches are missing either way, and a
 * pattern that backtracks past the limit in one sentence usually does in
 * the next: a megabyte of such sentences took half a minute. */
static void regex_limit(mctx *c, const pregex *rx)
{
	if (!c->s->limit_entry)
		c->s->limit_entry = c->lx->e[rx->entry].id;
	c->s->rx_dead[rx - c->m->rx] = 1;
}

/* One match of rx in normalized text [from, end) that starts at or before
 * limit (PCRE2_UNSET: anywhere), into *ov: 1 found, 0 none, -1 a PCRE2
 * limit (the entry is noted). */
static int regex_once(mctx *c, const pregex *rx, size_t end, size_t from, size_t limit, size_t ov[2])
{
	match_scratch *s = c->s;
	if (!s->md) {
		s->md = pcre2_match_data_create(8, NULL);
		s->mctx = pattern_match_context();
		s->jit = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
		pcre2_jit_stack_assign(s->mctx, NULL, s->jit);
	}
	bool jit;
	const pcre2_code *code = regex_code(c->lx, rx, &jit);
	if (!code) {
		regex_limit(c, rx);
		return -1;
	}
	pcre2_set_offset_limit(s->mctx, limit);
	/* the JIT code straight, without pcre2_match()'s checks: the
	 * subject is valid UTF-8 and the options are the compiled ones */
	int rc = jit ? pcre2_jit_match(code, (PCRE2_SPTR)c->nt->out.ptr, end, from, 0, s->md, s->mctx)
		     : pcre2_match(code, (PCRE2_SPTR)c->nt->out.ptr, end, from, PCRE2_NO_UTF_CHECK, s->md, s->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		regex_limit(c, rx);
		return -1;
	}
	PCRE2_SIZE *o = pcre2_get_ovector_pointer(s->md);
	ov[0] = o[0];
	ov[1] = o[1];
	return 1;
}

/* Record the match [ov0, ov1) of rx in the sentence of word position pos. */
static void push_regex_match(mctx *c, const pregex *rx, size_t pos, size_t ov0, size_t ov1)
{
	uint32_t sent = word_at(c, pos)->sent;
	/* word positions covering the match */
	size_t w0 = pos, w1;
	while (w0 > 0 && word_at(c, w0 - 1)->sent == sent && word_at(c, w0 - 1)->ns + word_at(c, w0 - 1)->nlen > ov0)
		w0--;
	while (w0 < c->ts->nw && word_at(c, w0)->ns + word_at(c, w0)->nlen <= ov0)
		w0++;
	w1 = w0;
	while (w1 < c->ts->nw && word_at(c, w1)->sent == sent && word_at(c, w1)->ns < ov1)
		w1++;
	if (w1 <= w0)
		w1 = w0 + 1;
	if (w1 > c->ts->nw)
		return;
	size_t hint = 0, oa, ob;
	ntext_orig_range(c->nt, ov0, ov1, &hint, &oa, &ob);
	match_scratch *s = c->s;
	for (;;) { /* for each entry of the search that is matched on this side */
		if (c->m->entry_side[rx->entry] != s->skip_side) {
			VEC_RESERVE(s->m, s->cap, s->n + 1);
			s->m[s->n++] = (match){.entry = rx->entry, .w0 = (uint32_t)w0, .w1 = (uint32_t)w1,
					       .os = (uint32_t)oa, .oe = (uint32_t)ob};
		}
		if (rx->same == UINT32_MAX)
			break;
		rx = &c->m->rx[rx->same];
	}
}

/* The matches of rx in the sentence of word position pos that start in
 * normalized text [from, the end of the word at pos]: every match holds an
 * anchor word, so none starts after the last one (lexicons/README.md).
 * Returns where the next search in the sentence begins. */
static size_t regex_upto(mctx *c, const pregex *rx, size_t pos, size_t from)
{
	size_t a, b, ov[2];
	sentence_text(c, pos, &a, &b);
	const token *t = word_at(c, pos);
	size_t limit = t->ns + t->nlen, off = MAX(from, a);
	for (int guard = 0; guard < 64 && off < b && off <= limit; guard++) {
		int rc = regex_once(c, rx, b, off, limit, ov);
		if (rc < 0)
			return b;
		if (rc == 0)
			return limit + 1;
		if (ov[1] <= ov[0]) {
			off = ov[0] + 1;
			continue;
		}
		push_regex_match(c, rx, pos, ov[0], ov[1]);
		off = ov[1];
	}
	return off;
}

/* A `start` regex (compiled anchored) tried at the word at pos; returns
 * where the next try may begin in normalized text. */
static size_t regex_at(mctx *c, const pregex *rx, size_t pos)
{
	size_t a, b, ov[2];
	const token *t = word_at(c, pos);
	sentence_text(c, pos, &a, &b);
	if (regex_once(c, rx, b, t->ns, PCRE2_UNSET, ov) <= 0 || ov[1] <= ov[0])
		return t->ns + 1;
	push_regex_match(c, rx, pos, ov[0], ov[1]);
	return ov[1];
}

/* What word id is to the matcher (IDF_*; 0 for -1). */
static inline unsigned idf_of(const matcher *m, int32_t id)
{
	return (uint32_t)id < m->nvocab ? m->idf[id] : 0;
}

/* Every variant of anchor table tb that may start at word position pos,
 * for a word with more than one reading: its own ids, its lemma, its
 * de-obfuscated view and that view's lemma, and those of a spelled-out word
 * starting here. */
static void anchors_at_readings(mctx *c, int tb, size_t pos, const token *t)
{
	const matcher *m = c->m;
	for (int v = 0; v < 2; v++) {
		const token *x = v ? (t->alt >= 0 ? &c->ts->t[t->alt] : NULL) : t;
		if (!x)
			break;
		int32_t cand[4] = {x->id, x->base, x->did, x->dbase};
		for (int k = 0; k < 4; k++) {
			int32_t id = cand[k];
			/* an id read two ways is tried the first way */
			if ((k > 0 && id == cand[0]) || (k > 1 && id == cand[1]) || (k > 2 && id == cand[2]))
				continue;
			if (idf_of(m, id) & (IDF_TAB << tb))
				try_anchor(c, &m->tab[tb], id, k, pos, x, v == 1);
		}
	}
}

/* The IDF_* of word t's form (*f) and of its lemma (*fb, 0 when it is
 * its own): what the matcher does at the word. */
static inline void idf_word(const matcher *m, const token *t, unsigned *f, unsigned *fb)
{
	*f = idf_of(m, t->id);
	*fb = t->base != t->id ? idf_of(m, t->base) : 0;
}

/* Every variant of anchor table tb that may start at word position pos;
 * inline for the common word, one reading and maybe a lemma (f, fb:
 * idf_word()). */
static inline void anchors_at(mctx *c, int tb, size_t pos, const token *t, unsigned f, unsigned fb)
{
	if (t->alt >= 0 || t->did >= 0) {
		anchors_at_readings(c, tb, pos, t);
		return;
	}
	const matcher *m = c->m;
	if (f & (IDF_TAB << tb))
		try_anchor(c, &m->tab[tb], t->id, VIA_WORD, pos, t, false);
	if (fb & (IDF_TAB << tb))
		try_anchor(c, &m->tab[tb], t->base, VIA_LEMMA, pos, t, false);
}

/* Match order: by start, the longer first, then by entry. */
static inline bool match_before(const match *x, const match *y)
{
	if (x->os != y->os)
		return x->os < y->os;
	if (x->oe != y->oe)
		return x->oe > y->oe;
	return x->entry < y->entry;
}

/* Sort m[0..n) into match order, stably (matches equal in all three keep
 * the order they were found in, as glibc's merge-sorting qsort() kept
 * them): insertion sort for short runs, which is all most messages have,
 * merged pairwise through tmp (n elements). Matches come nearly sorted, so
 * a run already in order is not merged. */
static void match_sort(match *m, size_t n, match *tmp)
{
	if (n <= 16) {
		for (size_t i = 1; i < n; i++) {
			match x = m[i];
			size_t j = i;
			for (; j > 0 && match_before(&x, &m[j - 1]); j--)
				m[j] = m[j - 1];
			m[j] = x;
		}
		return;
	}
	size_t h = n / 2;
	match_sort(m, h, tmp);
	match_sort(m + h, n - h, tmp);
	if (!match_before(&m[h], &m[h - 1]))
		return;
	memcpy(tmp, m, h * sizeof *m);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		m[k++] = match_before(&m[j], &tmp[i]) ? m[j++] : tmp[i++];
	while (i < h)
		m[k++] = tmp[i++];
}

/* The regexes anchored on the word at pos (its form or lemma): those of
 * context cues (ctx) or the others. A regex goes on from where its last
 * search in the sentence stopped, for the matches that start by the end
 * of this anchor word; a `start` one is tried at each anchor word not
 * inside its last match. *last_sent is the sentence s->rx_next was last
 * cleared for. */
/* Does the current sentence hold a digit (a number, or a word with one:
 * "6pm", "48hrs")? Looked at once per sentence, when a `digit` regex asks. */
static bool sentence_digit(mctx *c)
{
	if (c->digit < 0) {
		c->digit = 0;
		for (size_t p = c->sent_pos; p < c->ts->nw && !c->digit; p++) {
			const token *t = word_at(c, p);
			if (t->sent != c->sent)
				break;
			c->digit = t->kind == TK_NUM || (t->flags & TF_DIGIT);
		}
	}
	return c->digit;
}

static void regexes_run(mctx *c, size_t pos, const token *t, bool ctx, uint32_t *last_sent)
{
	const matcher *m = c->m;
	match_scratch *s = c->s;
	for (int k = 0; k < 2; k++) {
		int32_t id = k ? t->base : t->id;
		if (!(idf_of(m, id) & IDF_RX) || (k && t->base == t->id))
			continue;
		for (uint32_t a = m->rxa_start[id]; a < m->rxa_start[id + 1]; a++) {
			uint32_t r = m->rxa[a];
			const pregex *rx = &m->rx[r];
			if (rx->follower || ENTRY_IN_CONTEXT_PASS(m->entry_kind[rx->entry]) != ctx)
				continue;
			if (m->entry_kind[rx->entry] == ENTRY_CONSEQ && !(s->hot[t->sent] & HOT_DEADLINE))
				continue;
			const pregex *x = rx; /* the group holds an entry of this side */
			while (m->entry_side[x->entry] == s->skip_side && x->same != UINT32_MAX)
				x = &m->rx[x->same];
			if (m->entry_side[x->entry] == s->skip_side)
				continue;
			if (s->rx_dead[r] || (rx->digit && !sentence_digit(c)))
				continue;
			if (t->sent != *last_sent) {
				memset(s->rx_next, 0, m->nrx * sizeof *s->rx_next);
				*last_sent = t->sent;
			}
			/* where the next try may begin (a non-start regex: plus
			 * one, 0 before its first search in the sentence) */
			if (rx->start ? t->ns < s->rx_next[r] : s->rx_next[r] > t->ns + t->nlen + 1u)
				continue;
			if (rx->start)
				s->rx_next[r] = (uint32_t)regex_at(c, rx, pos);
			else
				s->rx_next[r] = (uint32_t)regex_upto(c, rx, pos, s->rx_next[r] ? s->rx_next[r] - 1 : 0) + 1;
		}
	}
}

void match_all(const matcher *m, const vocab *v, const lexicon *lx, const ntext *nt, tokens *ts, match_scratch *s)
{
	s->n = 0;
	s->limit_entry = NULL;
	pthread_once(&conf_once, conf_init);
	lookup_tokens(m, v, nt, ts, &s->dbuf);
	mctx c = {.m = m, .v = v, .lx = lx, .nt = nt, .ts = ts, .s = s};
	uint32_t last_rx_sent = UINT32_MAX;
	if (s->nrx_next < m->nrx) {
		free(s->rx_next);
		free(s->rx_dead);
		s->rx_next = xmalloc(m->nrx * sizeof *s->rx_next);
		s->rx_dead = xmalloc(m->nrx);
		s->nrx_next = m->nrx;
	}
	if (m->nrx)
		memset(s->rx_dead, 0, m->nrx);
	const int view = s->skip_side == SIDE_CUSTOMER;
	for (size_t pos = 0; pos < ts->nw; pos++) {
		token *t = &ts->t[ts->w[pos]];
		if (!pos || t->sent != c.sent)
			sentence_start(&c, t->sent, pos);
		unsigned f, fb;
		idf_word(m, t, &f, &fb);
		/* a phrase or substring match holds its anchor word: in a quote
		 * or signature region it would not count (regexes still run:
		 * their match need not hold the anchor) */
		bool in_region = t->flags & TF_REGION;
		if (!in_region)
			anchors_at(&c, TAB(0, view), pos, t, f, fb);
		/* the token's id is its text looked up: IDF_INNOCENT is
		 * innocent(v, text, nlen) */
		if (!in_region && m->ac.nstates && t->kind == TK_WORD && t->nlen > 3 && t->nlen <= SUB_MAX_BYTES &&
		    !(f & IDF_INNOCENT)) {
			size_t before = s->n;
			const char *w = nt->out.ptr + t->ns;
			if (!(f & IDF_NOSUB) && ac_any(&m->ac, w, t->nlen))
				sub_scan(&c, pos, t, w, t->nlen, false);
			if (s->n == before && t->dlen > t->nlen / 2) {
				const char *d = s->dbuf.ptr + t->doff;
				if (ac_any(&m->ac, d, t->dlen) && !innocent(v, d, t->dlen))
					sub_scan(&c, pos, t, d, t->dlen, true);
			}
		}
		if ((f | fb) & IDF_RX)
			regexes_run(&c, pos, t, false, &last_rx_sent);
	}
	/* context cues, only in the sentences that hold a signal */
	if (s->n || s->all_cues) {
		VEC_RESERVE(s->hot, s->caphot, ts->nsent + 2);
		memset(s->hot, s->all_cues ? HOT_SIGNAL | HOT_DEADLINE : 0, ts->nsent + 2);
		const char *ul = label_intern("escalation.ultimatum", 20);
		for (size_t i = 0; i < s->n; i++) {
			uint32_t sent = ts->t[ts->w[s->m[i].w0]].sent;
			if (m->entry_kind[s->m[i].entry] == ENTRY_SIGNAL ||
			    lx->e[s->m[i].entry].label == label_intern("cue.apology", 11))
				s->hot[sent] |= HOT_SIGNAL;
			if (lx->e[s->m[i].entry].label == ul && sent <= ts->nsent) {
				s->hot[sent] |= HOT_DEADLINE; /* "...by Friday. After that I'm leaving." */
				s->hot[sent + 1] |= HOT_DEADLINE;
			}
		}
		bool fresh = true;
		last_rx_sent = UINT32_MAX;
		for (size_t pos = 0; pos < ts->nw; pos++) {
			token *t = &ts->t[ts->w[pos]];
			if (t->sent > ts->nsent || !(s->hot[t->sent] & HOT_SIGNAL))
				continue;
			if (fresh || t->sent != c.sent)
				sentence_start(&c, t->sent, pos);
			fresh = false;
			unsigned f, fb;
			idf_word(m, t, &f, &fb);
			if (!(t->flags & TF_REGION))
				anchors_at(&c, TAB(1, view), pos, t, f, fb);
			if ((f | fb) & IDF_RX)
				regexes_run(&c, pos, t, true, &last_rx_sent);
		}
	}
	VEC_RESERVE(s->sort, s->capsort, s->n);
	match_sort(s->m, s->n, s->sort);
	/* one match per entry where matches overlap: of two nested matches the
	 * one whose gaps skipped fewer words (a gap stretched to an earlier
	 * anchor is not the phrase), else the tighter (the word itself: "bunch
	 * of thieves" reports "thieves" when both are entries); of others the
	 * earlier */
	size_t k = 0;
	for (size_t i = 0; i < s->n; i++) {
		bool dup = false;
		for (size_t j = k; j-- > 0 && k - j <= 64;) {
			match *o = &s->m[j];
			if (o->entry != s->m[i].entry || o->oe <= s->m[i].os)
				continue;
			if (o->os <= s->m[i].os && s->m[i].oe <= o->oe && (o->os != s->m[i].os || o->oe != s->m[i].oe) &&
			    (s->m[i].gapw < o->gapw ||
			     (s->m[i].gapw == o->gapw && s->m[i].w1 - s->m[i].w0 < o->w1 - o->w0)))
				*o = s->m[i]; /* the nested one replaces the wider */
			dup = true;
			break;
		}
		if (!dup)
			s->m[k++] = s->m[i];
	}
	s->n = k;
	match_sort(s->m, s->n, s->sort);
}
