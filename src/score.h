/* score.h: the escalation score bands, shared by score.c (one message) and
 * thread.c (the thread adjustments). doc/scoring.md explains the numbers.
 * Private to libtact. */
#ifndef TACT_SCORE_H
#define TACT_SCORE_H

#include "tact.h"

/* score.c */
/* The 0-100 score of a message at level, with evidence extra (0-100 and
 * beyond, capped at 100): the bottom of the level's band plus that share
 * of its width. NONE is always 0. */
int score_in_band(tact_level level, int extra);
/* The evidence a score stands for inside its level's band (the inverse of
 * score_in_band, rounded down): what thread.c adds to. */
int score_extra(tact_level level, int score);

#endif
