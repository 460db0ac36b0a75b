/* fuzz_lexicon.c: the lexicon parser and compiler on arbitrary files, as a
 * user's --lexicons directory would give them: errors are reported, never
 * a crash; a hostile regex is compiled and then matched, under the match
 * limits, against the entries' examples and the file's own text (which
 * holds the patterns' words, so anchors fire). Uses a memfd so no file is
 * written. */
#include <sys/mman.h>
#include <unistd.h>

#include "analyze.h"
#include "fuzz.h"

/* Every match of the compiled lexicon in text s (made valid UTF-8 first,
 * as readers do), every cue tried in every sentence as lint does. */
static void match_text(const matcher *m, const vocab *v, const lexicon *lx, const char *s, size_t n)
{
	buf b = {0};
	utf8_sanitize_into(&b, s, n);
	ntext nt = {0};
	tokens ts = {0};
	match_scratch ms = {0};
	ms.all_cues = true;
	normalize(&nt, b.ptr ? b.ptr : "", b.len);
	tokenize(&ts, &nt, b.ptr ? b.ptr : "", b.len);
	match_all(m, v, lx, &nt, &ts, &ms);
	for (size_t i = 0; i < ms.n; i++)
		FUZZ_CHECK(ms.m[i].entry < lx->n && ms.m[i].os <= ms.m[i].oe && ms.m[i].oe <= b.len);
	match_scratch_free(&ms);
	tokens_free(&ts);
	ntext_free(&nt);
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	int fd = memfd_create("lexicon", 0);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	lexicon lx = {.examples = true};
	diag d = {0};
	lexicon_load_file(&lx, path, true, &d);
	vocab v = {0};
	matcher m = {0};
	if (!d.errors) {
		matcher_build(&m, &v, &lx, &d);
		if (!d.errors) {
			for (size_t i = 0; i < lx.n; i++)
				for (size_t k = 0; k < lx.e[i].nexamples; k++)
					match_text(&m, &v, &lx, lx.e[i].examples[k].text, strlen(lx.e[i].examples[k].text));
			match_text(&m, &v, &lx, (const char *)data, size);
		}
	}
	matcher_free(&m);
	vocab_free(&v);
	lexicon_free(&lx);
	diag_free(&d);
	close(fd);
	return 0;
}
