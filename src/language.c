/* language.c: is a message written in the language of the lexicons? The
 * lexicons read one language (--lang, en by default); a message in another
 * says nothing they can find, and rating it "none" would hide that. So a
 * message that looks written in another language gets a warning, and the
 * reader knows its findings may be missing.
 *
 * Two signs, both cheap (the words are looked up in the vocabulary already):
 * most letters in a script other than Latin (Japanese, Chinese, Cyrillic,
 * Arabic, Devanagari...), or, in four words or more, a fifth of them being function
 * words of other languages that the lexicon language does not use (the
 * cue.foreign word lists: "de", "que", "und", "merci"), at least two
 * different ones. The check runs only when the lexicons hold cue.foreign
 * entries: a lexicon of a language in another script leaves them out. */
#include "analyze.h"

/* Latin script: ASCII, Latin-1, Latin Extended-A and -B, IPA, Latin
 * Extended Additional. */
static bool latin(int32_t cp)
{
	return cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF);
}

bool language_foreign(const dctx *d)
{
	if (d->ts->nforeign < 2 && !d->ts->nnonascii)
		return false; /* most messages: counted when the words were looked up */
	size_t words = 0, foreign = 0, lat = 0, other = 0;
	int32_t first = -1;
	bool two = false; /* two different foreign words */
	for (size_t i = 0; i < d->ts->nw; i++) {
		const token *t = word_tok(d, i);
		if (t->kind != TK_WORD || (t->flags & TF_REGION))
			continue;
		size_t letters = 0;
		if (!(t->flags & TF_NONASCII)) {
			letters = t->letters;
			lat += letters;
		} else {
			const unsigned char *s = (const unsigned char *)d->nt->out.ptr + t->ns;
			for (size_t k = 0; k < t->nlen;) {
				int32_t cp;
				k += (size_t)utf8_decode(s + k, t->nlen - k, &cp);
				if (cp < 0 || (cp < 0x80 && !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')))
					continue;
				letters++;
				if (latin(cp))
					lat++;
				else
					other++;
			}
		}
		if (letters < 2)
			continue;
		words++;
		if (vocab_flags(&d->eng->voc, t->id) & VF_FOREIGN) {
			foreign++;
			two = two || (first >= 0 && t->id != first);
			first = t->id;
		}
	}
	if (other >= 4 && other > lat)
		return true;
	return two && words >= 4 && foreign * 5 >= words; /* a fifth: a German text of long compounds has no more */
}
