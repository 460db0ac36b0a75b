/* normalize_test.c: normalization output and offset maps for every kind of
 * case (fullwidth, ligatures, combining marks, ignorables, astral emoji,
 * U+FFFD from invalid input, case folding that changes length), and
 * tokens that keep their original ranges. */
#include <stdlib.h>

#include "normalize.h"
#include "testing.h"
#include "token.h"

static void test_map(void)
{
	static const struct {
		int line;
		const char *in, *want;
		size_t off[16]; /* original start of each normalized byte */
	} cases[] = {
		{__LINE__, "Hello", "hello", {0, 1, 2, 3, 4}},
		{__LINE__, "\xEF\xBC\xA8\xEF\xBD\x85\xEF\xBD\x8C\xEF\xBD\x8C\xEF\xBD\x8F", "hello",
		 {0, 3, 6, 9, 12}},                                            /* fullwidth */
		{__LINE__, "Cafe\xCC\x81", "caf\xC3\xA9", {0, 1, 2, 3, 3}},       /* e + combining acute */
		{__LINE__, "\xEF\xAC\x81ne", "fine", {0, 0, 3, 4}},             /* U+FB01 ligature */
		{__LINE__, "a\xC2\xAD" "b", "ab", {0, 3}},                      /* soft hyphen dropped */
		{__LINE__, "x\xE2\x80\x8By", "xy", {0, 4}},                     /* zero-width space */
		{__LINE__, "a\xE2\x80\xAE" "b", "ab", {0, 4}},                  /* bidi override */
		{__LINE__, "Stra\xC3\x9F" "e", "strasse", {0, 1, 2, 3, 4, 4, 6}}, /* sharp s folds to ss */
		{__LINE__, "\xF0\x9F\x98\x80!", "\xF0\x9F\x98\x80!", {0, 0, 0, 0, 4}}, /* astral emoji */
		{__LINE__, "don\xE2\x80\x99t", "don't", {0, 1, 2, 3, 6}},       /* curly apostrophe */
		{__LINE__, "\xEF\xBF\xBDok", "\xEF\xBF\xBDok", {0, 0, 0, 3, 4}}, /* replacement char */
		{__LINE__, "\xCE\x91\xCE\x92", "\xCE\xB1\xCE\xB2", {0, 0, 2, 2}}, /* Greek folds */
		{__LINE__, "\xF0\x9D\x90\x9F\xF0\x9D\x90\xAE", "fu", {0, 4}},   /* math bold letters */
		/* HTML character references read as their character */
		{__LINE__, "AT&amp;T", "at&t", {0, 1, 2, 7}},
		{__LINE__, "&gt;:(", ">:(", {0, 4, 5}},
		{__LINE__, "I&#39;m", "i'm", {0, 1, 6}},
		{__LINE__, "&#X41;b", "ab", {0, 6}},
		{__LINE__, "a&nbsp;b", "a b", {0, 1, 7}},
		{__LINE__, "don&rsquo;t", "don't", {0, 1, 2, 3, 10}},
		{__LINE__, "&hellip;", "...", {0, 0, 0}},
		/* and what is no reference stays as it is */
		{__LINE__, "R&D &amp b", "r&d &amp b", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{__LINE__, "&bogus; &#0; &#xD800; &#;", "&bogus; &#0; &#xd800; &#;",
		 {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}},
		{__LINE__, "x&", "x&", {0, 1}},
		{__LINE__, "&&amp;", "&&", {0, 1}},
	};
	ntext nt = {0};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		normalize(&nt, cases[i].in, strlen(cases[i].in));
		CHECK_STR(nt.out.ptr, cases[i].want, cases[i].line);
		size_t hint = 0;
		for (size_t b = 0; b < nt.out.len && b < 16; b++) {
			size_t oa, ob;
			ntext_orig_range(&nt, b, b + 1, &hint, &oa, &ob);
			CHECK(oa == cases[i].off[b], cases[i].line, "byte %zu maps to %zu, want %zu", b, oa,
			      cases[i].off[b]);
			CHECK(ob > oa && ob <= strlen(cases[i].in), cases[i].line, "byte %zu maps to bad end %zu", b, ob);
		}
		/* the whole normalized text maps to a range ending at the end of
		 * the last kept code point */
		if (nt.out.len) {
			size_t oa, ob;
			hint = 0;
			ntext_orig_range(&nt, 0, nt.out.len, &hint, &oa, &ob);
			CHECK(oa == cases[i].off[0] && ob <= strlen(cases[i].in), cases[i].line, "whole range %zu-%zu",
			      oa, ob);
		}
	}
	ntext_free(&nt);
}

/* A table case: the text, and what its tokens are described as, joined
 * by spaces. */
typedef struct {
	int line;
	const char *in;
	const char *want;
} tok_case;

typedef void describe_fn(buf *b, const ntext *nt, const token *t);

/* Tokenize each case's text and compare its tokens, each described by one(). */
static void check_tokens(const tok_case *cases, size_t n, describe_fn *one)
{
	ntext nt = {0};
	tokens ts = {0};
	for (size_t i = 0; i < n; i++) {
		normalize(&nt, cases[i].in, strlen(cases[i].in));
		tokenize(&ts, &nt, cases[i].in, strlen(cases[i].in));
		buf b = {0};
		for (size_t k = 0; k < ts.n; k++) {
			if (k)
				buf_addc(&b, ' ');
			one(&b, &nt, &ts.t[k]);
		}
		CHECK_STR(b.ptr ? b.ptr : "", cases[i].want, cases[i].line);
		buf_free(&b);
	}
	ntext_free(&nt);
	tokens_free(&ts);
}

/* kind:text[orig start-end] */
static void describe_text(buf *b, const ntext *nt, const token *t)
{
	static const char kinds[] = "wnuehmpv";
	buf_printf(b, "%c:%.*s[%u-%u]", kinds[t->kind], (int)t->nlen, nt->out.ptr + t->ns, t->os, t->oe);
}

/* orig start-end:TF_REPEAT as 0/1 */
static void describe_repeat(buf *b, const ntext *nt, const token *t)
{
	(void)nt;
	buf_printf(b, "%u-%u:%d", t->os, t->oe, !!(t->flags & TF_REPEAT));
}

/* sentence/clause */
static void describe_parts(buf *b, const ntext *nt, const token *t)
{
	(void)nt;
	buf_printf(b, "%u/%u", t->sent, t->clause);
}

/* sentence, then q inside a quotation (words only) */
static void describe_quote(buf *b, const ntext *nt, const token *t)
{
	(void)nt;
	buf_printf(b, "%u%s", t->sent, t->kind == TK_WORD && (t->flags & TF_QUOTED) ? "q" : "");
}

/* capitals, then C for TF_CAPITAL and A for TF_ALLCAPS */
static void describe_caps(buf *b, const ntext *nt, const token *t)
{
	(void)nt;
	buf_printf(b, "%u%s%s", t->uppers, t->flags & TF_CAPITAL ? "C" : "", t->flags & TF_ALLCAPS ? "A" : "");
}

static void test_tokens(void)
{
	/* kind:text[orig start-end] */
	static const tok_case cases[] = {
		{__LINE__, "I'm NOT happy!!", "w:i'm[0-3] w:not[4-7] w:happy[8-13] p:![13-14] p:![14-15]"},
		{__LINE__, "f*ck this, a$$hole", "w:f*ck[0-4] w:this[5-9] p:,[9-10] w:a$$hole[11-18]"},
		{__LINE__, "mail jo@ex.com or www.ex.com/x.", "w:mail[0-4] e:jo@ex.com[5-14] w:or[15-17] u:www.ex.com/x[18-30] p:.[30-31]"},
		{__LINE__, "ticket #48213, $42.50", "w:ticket[0-6] p:#[7-8] n:48213[8-13] p:,[13-14] p:$[15-16] n:42.50[16-21]"},
		{__LINE__, "@AcmeHelp sh!t!", "h:@acmehelp[0-9] w:sh!t[10-14] p:![14-15]"},
		{__LINE__, "f u c k you", "w:f[0-1] w:u[2-3] w:c[4-5] w:k[6-7] w:you[8-11] v:f u c k[0-7]"},
		/* a word split by a dot; not a chain of dotted parts, not a.m. */
		{__LINE__, "you re.tarded", "w:you[0-3] w:re[4-6] p:.[6-7] w:tarded[7-13] v:re.tarded[4-13]"},
		{__LINE__, "pun.k.", "w:pun[0-3] p:.[3-4] w:k[4-5] p:.[5-6] v:pun.k[0-5]"},
		{__LINE__, "go sh.it.com", "w:go[0-2] w:sh[3-5] p:.[5-6] w:it[6-8] p:.[8-9] w:com[9-12]"},
		{__LINE__, "at a.m.", "w:at[0-2] w:a[3-4] p:.[4-5] w:m[5-6] p:.[6-7]"},
		{__LINE__, "\xEF\xBC\xA9\xEF\xBC\xA4\xEF\xBC\xA9\xEF\xBC\xAF\xEF\xBC\xB4", "w:idiot[0-15]"},
		{__LINE__, "it\xE2\x80\x99s \xF0\x9F\x98\xA1", "w:it's[0-6] m:\xF0\x9F\x98\xA1[7-11]"},
		/* faces in punctuation standing alone are emoji; a repeated
		 * last mark stays punctuation; not inside text or a number */
		{__LINE__, "no :( ok >:-( :)", "w:no[0-2] m::([3-5] w:ok[6-8] m:>:-([9-13] m::)[14-16]"},
		{__LINE__, "sad :((", "w:sad[0-3] m::([4-6] p:([6-7]"},
		{__LINE__, "ratio 3:(4) a:/b", "w:ratio[0-5] n:3[6-7] p::[7-8] p:([8-9] n:4[9-10] p:)[10-11] w:a[12-13] p::[13-14] p:/[14-15] w:b[15-16]"},
	};
	check_tokens(cases, sizeof cases / sizeof *cases, describe_text);
	/* sentences and clauses, sentence/clause per token; an ellipsis run
	 * into the next word parts clauses, "U.S." does not */
	static const tok_case parts[] = {
		{__LINE__, "Hi there, Mr. Smith. Is it fixed?\n\nNo", "0/0 0/0 0/0 0/1 0/1 0/1 0/1 1/2 1/2 1/2 1/2 2/3"},
		{__LINE__, "sorry....you idiot in the U.S.today", "0/0 0/0 0/0 0/0 0/0 0/1 0/1 0/1 0/1 0/1 0/1 0/1 0/1 0/1"},
	};
	check_tokens(parts, sizeof parts / sizeof *parts, describe_parts);
	/* words said one at a time with full stops are one sentence whatever
	 * path tokenized a sentence's first word: letters a-z, an accented
	 * letter, an apostrophe, a masking symbol; and a sentence whose
	 * second token starts such a run ("Ré a.") is none, so the clause
	 * numbers of a text without a run are kept as they are */
	static const tok_case word_dots[] = {
		{__LINE__, "Cafe. Closed.", "0/0 0/0 0/0 0/0"},
		{__LINE__, "Caf\xC3\xA9. Closed.", "0/0 0/0 0/0 0/0"},
		{__LINE__, "Dont. Call.", "0/0 0/0 0/0 0/0"},
		{__LINE__, "Don't. Call.", "0/0 0/0 0/0 0/0"},
		{__LINE__, "F*ck. You.", "0/0 0/0 0/0 0/0"},
		{__LINE__, "Worst. S\xC3\xA9rvice. Ever.", "0/0 0/0 0/0 0/0 0/0 0/0"},
		{__LINE__, "Re a. b. c,\nd", "0/0 0/0 0/0 1/1 1/1 2/2 2/2 2/4"},
		{__LINE__, "R\xC3\xA9 a. b. c,\nd", "0/0 0/0 0/0 1/1 1/1 2/2 2/2 2/4"},
	};
	check_tokens(word_dots, sizeof word_dots / sizeof *word_dots, describe_parts);
	/* a quotation ends at its closing mark, also after a full stop inside
	 * it ("'fine.' I ..."), which then ends the sentence */
	static const tok_case quotes[] = {
		{__LINE__, "She said 'fine.' I've paid", "0 0 0 0q 0 0 1 1"},
		{__LINE__, "She said 'fine'. I've paid", "0 0 0 0q 0 0 1 1"},
		{__LINE__, "it's the customers' fault, isn't it", "0 0 0 0 0 0 0 0"},
		{__LINE__, "6' 2 on these hoes", "0 0 0 0 0 0"},
		/* an inch mark opens nothing, nor does a mark that none closes
		 * before the paragraph ends; CFPB's exports close with '' */
		{__LINE__, "he said \"you idiots\" and left", "0 0 0 0q 0q 0 0 0"},
		{__LINE__, "my 55\" TV is broken", "0 0 0 0 0 0"},
		{__LINE__, "a stray \" mark hides nothing", "0 0 0 0 0 0"},
		{__LINE__, "he said \"no\n\nyou idiots\"", "0 0 0 0 1 1 1"},
		{__LINE__, "they wrote \" not mine '' again", "0 0 0 0q 0q 0 0"},
		/* a clitic split off by a space (CFPB's exports: "wife 's")
		 * opens no quotation, and the second mark of a closing ''
		 * closes no single quote */
		{__LINE__, "my wife 's bill was \" late '' today", "0 0 0 0 0 0 0 0q 0 0"},
		{__LINE__, "we 're told he 'd call", "0 0 0 0 0 0 0 0"},
		{__LINE__, "the letter 's' is", "0 0 0 0q 0 0"},
		/* ... and close a double quote with a single mark: " text ' */
		{__LINE__, "it says \" DEROGATORY ', which I dispute", "0 0 0 0q 0 0 0 0 0"},
		/* ... and close a single quote after a space: 'case ' */
		{__LINE__, "my 'case ' was sent to the company 's office", "0 0 0q 0 0 0 0 0 0 0 0 0"},
		{__LINE__, "a stray ' mark hides nothing", "0 0 0 0 0 0"},
	};
	check_tokens(quotes, sizeof quotes / sizeof *quotes, describe_quote);
	ntext nt = {0};
	tokens ts = {0};
	/* where sentences end after a letter and a full stop: the number of
	 * sentences */
	static const struct {
		int line;
		const char *in;
		size_t want;
	} sents[] = {
		{__LINE__, "Your seat is row C. I've reissued the ticket.", 2},
		{__LINE__, "John F. Kennedy was here. Next.", 2},
		{__LINE__, "J. Smith called. Bye", 2},
		{__LINE__, "See the U.S. government. Next.", 2},
		{__LINE__, "e.g. the router. Next", 2},
		{__LINE__, "Be there at 5 p.m. tomorrow.", 1},
		{__LINE__, "It's option a. Then stop.", 2},
		{__LINE__, "I went to B. Then home.", 2},
		{__LINE__, "Section 4 B. The rest.", 2},
		/* a line ending in ';', '{' or '}' (code, mostly) ends one too */
		{__LINE__, "if (x) {\n\ty = 1;\n\tz();\n}\nfine", 5},
		{__LINE__, "a line;\nthe next (one),\nthe last", 2},
		/* words said one at a time, each with a full stop, are one
		 * sentence ("A." reads as an initial); one such word alone, or a
		 * list of numbers, is not joined to its neighbours */
		{__LINE__, "GET. ME. A. MANAGER.", 1},
		{__LINE__, "Worst. Service. Ever. I'm done.", 2},
		{__LINE__, "Cancelled. Twelve years a subscriber.", 2},
		{__LINE__, "Thanks. I called. Bye.", 3},
		{__LINE__, "Step 1. Step 2. Done.", 3},
	};
	for (size_t i = 0; i < sizeof sents / sizeof *sents; i++) {
		const char *in = sents[i].in;
		normalize(&nt, in, strlen(in));
		tokenize(&ts, &nt, in, strlen(in));
		size_t n = ts.n ? ts.t[ts.n - 1].sent + 1 : 0;
		CHECK(n == sents[i].want, sents[i].line, "%zu sentences, want %zu", n, sents[i].want);
	}
	/* letters a-z are scanned eight bytes at a time: a word's end and a
	 * letter three times in a row, on either side of the eighth byte and
	 * at the end of the text. Each word's end and its TF_REPEAT as 0/1. */
	static const tok_case runs[] = {
		{__LINE__, "stuuupid fuuuck", "0-8:1 9-15:1"},
		{__LINE__, "aaa", "0-3:1"},
		{__LINE__, "aa bbb", "0-2:0 3-6:1"},
		{__LINE__, "abcdefg hi", "0-7:0 8-10:0"},
		{__LINE__, "abcdeffg hi", "0-8:0 9-11:0"},
		{__LINE__, "abcdefff hi", "0-8:1 9-11:0"},
		{__LINE__, "abcdeff, xyz", "0-7:0 7-8:0 9-12:0"},
		{__LINE__, "abcdefgggh x", "0-10:1 11-12:0"},
		{__LINE__, "abcdefghijklmnopqqq!", "0-19:1 19-20:0"},
		{__LINE__, "abcdefghijklmnopqrst", "0-20:0"},
		{__LINE__, "zzz{ aa|bbb~", "0-3:1 3-4:0 5-7:0 7-8:0 8-11:1 11-12:0"},
		/* after a letter outside a-z, letter by letter */
		{__LINE__, "caf\xC3\xA9ooo ok", "0-8:1 9-11:0"},
		{__LINE__, "caf\xC3\xA9oo ok", "0-7:0 8-10:0"},
	};
	check_tokens(runs, sizeof runs / sizeof *runs, describe_repeat);
	/* capitals counted eight bytes at a time in words of letters a-z:
	 * each word's capitals, then C for TF_CAPITAL and A for TF_ALLCAPS */
	static const tok_case caps[] = {
		{__LINE__, "Hello WORLD ok", "1C 5CA 0"},
		{__LINE__, "AbCdEfGh abcdefgH ABCDEFGHI x", "4C 1 9CA 0"},
		{__LINE__, "I am SO", "1C 0 2CA"},
		{__LINE__, "tail WORD", "0 4CA"},
		{__LINE__, "caf\xC3\xA9 CAF\xC3\x89 Stra\xC3\x9F" "e", "0 4CA 1C"},
	};
	check_tokens(caps, sizeof caps / sizeof *caps, describe_caps);
	ntext_free(&nt);
	tokens_free(&ts);
}

int main(void)
{
	test_map();
	test_tokens();
	return TEST_END("normalize");
}
