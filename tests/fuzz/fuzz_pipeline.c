/* fuzz_pipeline.c: the whole program on arbitrary bytes, the format sniffed
 * as `tact` does by default. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	fuzz_pipeline(NULL, data, size, true);
	return 0;
}
