/* testing.h: the smallest harness that does the job: CHECK() counts and
 * reports "file:line: message" using the table row's line, and
 * TEST_END() prints "NAME: N passed, N failed" for the summary. */
#ifndef TACT_TESTING_H
#define TACT_TESTING_H

#include <stdio.h>
#include <string.h>

static int test_pass, test_fail;

#define CHECK(cond, line, ...)                                                 \
	do {                                                                   \
		if (cond) {                                                    \
			test_pass++;                                           \
		} else {                                                       \
			test_fail++;                                           \
			fprintf(stderr, "%s:%d: ", __FILE__, (int)(line));     \
			fprintf(stderr, __VA_ARGS__);                          \
			fputc('\n', stderr);                                   \
		}                                                              \
	} while (0)

#define CHECK_STR(got, want, line)                                             \
	CHECK(strcmp((got), (want)) == 0, line, "got \"%s\", want \"%s\"", (got), (want))

#define TEST_END(name)                                                         \
	(printf("%s: %d passed, %d failed\n", (name), test_pass, test_fail),   \
	 test_fail ? 1 : 0)

#endif
