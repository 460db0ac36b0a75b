/* analyze.h: the engine and analyzer structures. Private to libtact. */
#ifndef TACT_ANALYZE_H
#define TACT_ANALYZE_H

#include "message.h"

struct tact_engine {
	size_t max_bytes;
};

struct tact_analyzer {
	const tact_engine *eng;
};

#endif
