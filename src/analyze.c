/* analyze.c: tact_analyze(), the per-message pipeline: decode the record,
 * then (once the engine lands) normalize, match, judge context, detect and
 * score. Fed by the readers, feeds the session and the writers. */
#include "analyze.h"

#include <stdlib.h>

#include "config.h"

tact_status tact_engine_new(const tact_config *cfg, tact_engine **out, char **err)
{
	(void)err;
	tact_engine *e = xcalloc(1, sizeof *e);
	e->max_bytes = config_size(cfg, "max-message-bytes");
	*out = e;
	return TACT_OK;
}

void tact_engine_free(tact_engine *e)
{
	free(e);
}

tact_analyzer *tact_analyzer_new(const tact_engine *e)
{
	tact_analyzer *a = xcalloc(1, sizeof *a);
	a->eng = e;
	return a;
}

void tact_analyzer_free(tact_analyzer *a)
{
	free(a);
}

tact_status tact_analyze(tact_analyzer *a, tact_msg *m)
{
	(void)a;
	tact_msg_decode(m);
	msg_clear_results(m);
	if (m->role == TACT_ROLE_AGENT) {
		m->apology = TACT_APOLOGY_NONE;
		m->recovery_score = 0;
	}
	msg_finish(m);
	return m->error ? (m->error_status ? m->error_status : TACT_ERR_INPUT) : TACT_OK;
}
