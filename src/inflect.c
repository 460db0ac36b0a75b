/* inflect.c: English inflection by rule, for lexicon entries marked
 * `stem`, so "cancel" also matches cancels, cancelled, canceling. Forms are
 * generated at load time (cheap string work), never looked up per token.
 * Over-generation is harmless: a form that no one writes never matches. */
#include "vocab.h"

static const struct {
	const char *base, *forms;
} irregular[] = {
	{"leave", "left"}, {"go", "went gone goes"}, {"take", "took taken"}, {"speak", "spoke spoken"},
	{"tell", "told"}, {"see", "saw seen"}, {"make", "made"}, {"get", "got gotten"}, {"pay", "paid"},
	{"send", "sent"}, {"buy", "bought"}, {"bring", "brought"}, {"think", "thought"}, {"lose", "lost"},
	{"give", "gave given"}, {"write", "wrote written"}, {"break", "broke broken"}, {"fight", "fought"},
	{"sell", "sold"}, {"say", "said"}, {"do", "did done does"}, {"have", "had has"},
	{"be", "am is are was were been being"}, {"find", "found"}, {"hear", "heard"}, {"keep", "kept"},
	{"mean", "meant"}, {"put", "puts putting"}, {"shut", "shuts shutting"}, {"hit", "hits hitting"},
	{"come", "came"}, {"know", "knew known"}, {"feel", "felt"}, {"steal", "stole stolen"},
	{"rip", "ripped ripping"}, {"spend", "spent"}, {"hang", "hung"}, {"understand", "understood"},
	{"run", "ran running"}, {"let", "lets letting"}, {"win", "won winning"}, {"forget", "forgot forgotten"},
	{"lie", "lied lying lies liar liars"}, {"die", "died dying dies"}, {"shoot", "shot"},
	{"burn", "burnt"}, {"deal", "dealt"}, {"read", "reads reading"}, {"set", "sets setting"},
	{"cut", "cuts cutting"}, {"quit", "quits quitting"}, {"refund", "refunded refunds refunding"},
	{"person", "people"}, {"child", "children"}, {"man", "men"}, {"woman", "women"},
};

static bool vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool alpha_word(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_lower((unsigned char)w[i]) && w[i] != '\'')
			return false;
	return n >= 2;
}

static void emit(void (*fn)(const char *, size_t, void *), void *ctx, const char *w, size_t n,
		 const char *drop_add)
{
	/* drop_add: "-K+suffix": drop K chars, add suffix */
	char tmp[128];
	size_t drop = (size_t)(drop_add[1] - '0');
	const char *add = drop_add + 3;
	size_t al = strlen(add);
	if (drop > n || n - drop + al >= sizeof tmp)
		return;
	memcpy(tmp, w, n - drop);
	memcpy(tmp + n - drop, add, al);
	fn(tmp, n - drop + al, ctx);
}

void inflect(const char *w, size_t n, void (*fn)(const char *, size_t, void *), void *ctx)
{
	for (size_t i = 0; i < ARRAY_LEN(irregular); i++) {
		if (strlen(irregular[i].base) != n || memcmp(irregular[i].base, w, n))
			continue;
		const char *p = irregular[i].forms;
		while (*p) {
			const char *sp = strchr(p, ' ');
			size_t l = sp ? (size_t)(sp - p) : strlen(p);
			fn(p, l, ctx);
			p += l + (sp ? 1 : 0);
		}
	}
	if (!alpha_word(w, n) || n > 100)
		return;
	char last = w[n - 1], prev = w[n - 2];
	/* possessives */
	emit(fn, ctx, w, n, "-0+'s");
	emit(fn, ctx, w, n, "-0+s'");
	/* plural and third person */
	if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
		emit(fn, ctx, w, n, "-0+es");
	else if (last == 'y' && !vowel(prev))
		emit(fn, ctx, w, n, "-1+ies");
	else
		emit(fn, ctx, w, n, "-0+s");
	/* past and participles */
	if (last == 'e') {
		emit(fn, ctx, w, n, "-0+d");
		if (prev != 'e' && prev != 'o' && prev != 'y')
			emit(fn, ctx, w, n, "-1+ing");
		else
			emit(fn, ctx, w, n, "-0+ing");
		emit(fn, ctx, w, n, "-0+r");
		emit(fn, ctx, w, n, "-0+rs");
	} else if (last == 'y' && !vowel(prev)) {
		emit(fn, ctx, w, n, "-1+ied");
		emit(fn, ctx, w, n, "-0+ing");
	} else {
		emit(fn, ctx, w, n, "-0+ed");
		emit(fn, ctx, w, n, "-0+ing");
		emit(fn, ctx, w, n, "-0+er");
		emit(fn, ctx, w, n, "-0+ers");
		/* consonant-vowel-consonant ending: double it too (stop, stopped;
		 * cancel, cancelled beside canceled) */
		if (n >= 3 && !vowel(last) && vowel(prev) && !vowel(w[n - 3]) && last != 'w' && last != 'x' &&
		    last != 'y') {
			char tmp[128];
			if (n + 4 < sizeof tmp) {
				memcpy(tmp, w, n);
				tmp[n] = last;
				static const char *const suf[] = {"ed", "ing", "er", "ers"};
				for (size_t i = 0; i < ARRAY_LEN(suf); i++) {
					size_t sl = strlen(suf[i]);
					memcpy(tmp + n + 1, suf[i], sl);
					fn(tmp, n + 1 + sl, ctx);
				}
			}
		}
	}
}
