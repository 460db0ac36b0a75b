/* fuzz_normalize.c: the normalizer and tokenizer on arbitrary text (made
 * valid UTF-8 first, as readers do): the offset map stays within bounds
 * and in order, every token's original range lies inside the text and
 * tokens come in order. */
#include "fuzz.h"
#include "normalize.h"
#include "token.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	buf b = {0};
	utf8_sanitize_into(&b, (const char *)data, size);
	const char *s = b.ptr ? b.ptr : "";
	ntext nt = {0};
	tokens ts = {0};
	normalize(&nt, s, b.len);
	FUZZ_CHECK(utf8_valid_prefix(nt.out.ptr ? nt.out.ptr : "", nt.out.len) == nt.out.len);
	size_t hint = 0, last = 0;
	for (size_t i = 0; i < nt.out.len; i++) {
		size_t oa, ob;
		ntext_orig_range(&nt, i, i + 1, &hint, &oa, &ob);
		FUZZ_CHECK(oa < ob && ob <= b.len);
		FUZZ_CHECK(oa >= last || oa + 4 >= last); /* a code point's bytes share a start */
		last = oa;
	}
	for (size_t r = 1; r < nt.nruns; r++)
		FUZZ_CHECK(nt.runs[r].norm >= nt.runs[r - 1].norm + nt.runs[r - 1].nlen &&
			   nt.runs[r].orig >= nt.runs[r - 1].orig + nt.runs[r - 1].olen);
	tokenize(&ts, &nt, s, b.len);
	uint32_t prev = 0;
	for (size_t i = 0; i < ts.n; i++) {
		const token *t = &ts.t[i];
		FUZZ_CHECK(t->ns + t->nlen <= nt.out.len);
		FUZZ_CHECK(t->os <= t->oe && t->oe <= b.len);
		if (t->kind != TK_VIRTUAL) {
			FUZZ_CHECK(t->os >= prev);
			prev = t->os;
		}
	}
	for (size_t i = 0; i < ts.nw; i++)
		FUZZ_CHECK(ts.w[i] < ts.n && (i == 0 || ts.w[i] > ts.w[i - 1]));
	ntext_free(&nt);
	tokens_free(&ts);
	buf_free(&b);
	return 0;
}
