/* fuzz_lexicon.c: the lexicon parser and compiler on arbitrary files, as a
 * user's --lexicons directory would give them: errors are reported, never
 * a crash; a hostile regex is compiled with the match limits. Uses a
 * memfd so no file is written. */
#include <sys/mman.h>
#include <unistd.h>

#include "analyze.h"
#include "fuzz.h"

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
	lexicon lx = {0};
	diag d = {0};
	/* a class the fuzzer can refer to, as the bundled context.tact has */
	lexicon_load_file(&lx, path, true, &d);
	vocab v = {0};
	matcher m = {0};
	if (!d.errors)
		matcher_build(&m, &v, &lx, &d);
	matcher_free(&m);
	vocab_free(&v);
	lexicon_free(&lx);
	diag_free(&d);
	close(fd);
	return 0;
}
