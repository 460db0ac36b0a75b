/* fuzz_read_transcript.c: the "transcript" reader on arbitrary bytes: records come out
 * in order, decode, analyse and write without a crash; spans stay inside
 * the text. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	fuzz_pipeline("transcript", data, size, true);
	return 0;
}
