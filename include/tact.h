/**
 * @mainpage tact: tone and conduct annotations for customer-service messages
 *
 * tact reads customer e-mails and agent replies and says, with byte spans
 * into the original text, where a conversation is going wrong (escalation,
 * derogatory language) and whether an agent's reply will recover it
 * (apology class, argument, blame, policy-hiding, recovery elements).
 *
 * The pipeline, one stage per source file:
 *
 *     reader      tact_reader_next()   bytes -> tact_msg (raw record)
 *     decode      tact_msg_decode()    raw record -> analysed text, fields,
 *                                      quote/signature regions
 *     analyze     tact_analyze()       normalize -> tokens -> lexicon match
 *                                      -> context -> detectors -> scores
 *     thread      tact_session_add()   in input order: repeat contact,
 *                                      escalation after an agent reply
 *     writer      tact_writer_write()  JSON lines, diagnostics, TSV, ...
 *
 * A minimal program (error handling elided):
 *
 * @code
 *   tact_config *cfg = tact_config_new();
 *   tact_engine *eng;
 *   tact_engine_new(cfg, &eng, NULL);
 *   tact_analyzer *an = tact_analyzer_new(eng);
 *   tact_msg *m = tact_msg_new();
 *   tact_msg_set_text(m, draft, strlen(draft));
 *   tact_msg_set_role(m, TACT_ROLE_AGENT);
 *   tact_analyze(an, m);
 *   for (size_t i = 0; i < tact_msg_span_count(m); i++) {
 *           const tact_span *s = tact_msg_span(m, i);
 *           printf("%s %zu-%zu\n", s->label, s->start, s->end);
 *   }
 *   tact_msg_free(m);
 *   tact_analyzer_free(an);
 *   tact_engine_free(eng);
 *   tact_config_free(cfg);
 * @endcode
 *
 * Memory: results of tact_*_new() belong to the caller; free them with the
 * matching tact_*_free(), which accepts NULL. Strings and spans returned by
 * accessors borrow from their object and stay valid until that object is
 * freed, reset or analysed again. No function keeps a pointer to its
 * arguments unless its documentation says so. Strings passed in are copied.
 *
 * Errors: functions that can fail return a tact_status and, where they take
 * a `char **err`, store a malloc()ed message naming the file, line and cause
 * (free() it; NULL may be passed when the message is not wanted). The
 * library never prints, never exits, and aborts only when memory runs out.
 * A message that cannot be analysed is not an error of the run: it carries
 * an error string (tact_msg_error()) and the stream goes on.
 *
 * Threads: a tact_engine is immutable once built and may be shared by any
 * number of threads. Every other object (config, analyzer, msg, reader,
 * writer, session) belongs to one thread at a time.
 */
#ifndef TACT_H
#define TACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TACT_VERSION_MAJOR 0
#define TACT_VERSION_MINOR 1
#define TACT_VERSION_PATCH 0
#define TACT_VERSION_STRING "0.1.0"
/** Version of the JSON-lines record schema (doc/output-format.md). */
#define TACT_SCHEMA_VERSION 1

/** The library's version string, "MAJOR.MINOR.PATCH". @since 0.1 */
const char *tact_version(void);

/** Status codes. @since 0.1 */
typedef enum {
	TACT_OK = 0,
	TACT_ERR_IO,      /**< a file could not be read or written */
	TACT_ERR_UTF8,    /**< text is not valid UTF-8 where it must be */
	TACT_ERR_LEXICON, /**< a lexicon file is malformed */
	TACT_ERR_PATTERN, /**< a lexicon pattern does not compile */
	TACT_ERR_DICT,    /**< a spelling dictionary is missing or unreadable */
	TACT_ERR_INPUT,   /**< one record is malformed; the stream goes on */
	TACT_ERR_LIMIT,   /**< a size, depth or match limit was reached */
	TACT_ERR_USAGE,   /**< bad option name or value */
} tact_status;

/** A short English description of @p st, e.g. "I/O error". @since 0.1 */
const char *tact_status_str(tact_status st);

/** Who wrote a message. @since 0.1 */
typedef enum {
	TACT_ROLE_UNKNOWN = 0,
	TACT_ROLE_CUSTOMER,
	TACT_ROLE_AGENT,
} tact_role;

/** Severity of one span. Numerically aligned with tact_level. @since 0.1 */
typedef enum {
	TACT_SEV_INFO = 0, /**< positive or neutral evidence */
	TACT_SEV_LOW,
	TACT_SEV_MEDIUM,
	TACT_SEV_HIGH,
	TACT_SEV_CRITICAL,
} tact_severity;

/** Escalation level of a message. @since 0.1 */
typedef enum {
	TACT_LEVEL_NONE = 0,
	TACT_LEVEL_LOW,
	TACT_LEVEL_MEDIUM,
	TACT_LEVEL_HIGH,
	TACT_LEVEL_CRITICAL,
} tact_level;

/** Strongest derogatory kind in a message. @since 0.1 */
typedef enum {
	TACT_DEROG_NONE = 0,
	TACT_DEROG_PROFANITY,
	TACT_DEROG_INSULT,
	TACT_DEROG_IDENTITY,
} tact_derog;

/** Apology class of an agent reply. @since 0.1 */
typedef enum {
	TACT_APOLOGY_NA = 0, /**< not an agent reply (JSON null) */
	TACT_APOLOGY_NONE,
	TACT_APOLOGY_CANNED,
	TACT_APOLOGY_CONDITIONAL,
	TACT_APOLOGY_SINCERE,
} tact_apology;

/** Service-recovery elements, a bit set. @since 0.1 */
enum {
	TACT_REC_OWNERSHIP = 1 << 0,
	TACT_REC_ACTION = 1 << 1,
	TACT_REC_COMPENSATION = 1 << 2,
	TACT_REC_FOLLOW_UP = 1 << 3,
	TACT_REC_PREVENTION = 1 << 4,
	TACT_REC_GRATITUDE = 1 << 5,
	TACT_REC_EMPATHY = 1 << 6,
	TACT_REC__COUNT = 7
};

/** Names for the enums above: "customer", "high", "insult", "sincere",
 * "ownership"... (for tact_recovery_name, pass one bit). The strings are
 * static; NULL when out of range. Thread-safe. @since 0.1 */
const char *tact_role_name(tact_role r);
const char *tact_severity_name(tact_severity s);
const char *tact_level_name(tact_level l);
const char *tact_derog_name(tact_derog d);
const char *tact_apology_name(tact_apology a);
const char *tact_recovery_name(unsigned bit);
/** Parse a role or level name as written by the functions above; false
 * (and *out untouched) when unknown. Thread-safe. @since 0.1 */
bool tact_role_parse(const char *s, tact_role *out);
bool tact_level_parse(const char *s, tact_level *out);
/** Is s a taxonomy label that records can carry ("agent.policy"), or the
 * prefix of a family of them ("derogatory", "escalation.")? For checking
 * what a user names (a typo in --fail-on would never match). Thread-safe.
 * @since 0.1 */
bool tact_label_known(const char *s);

/* ------------------------------------------------------------------ */
/** @name Configuration
 * One key/value store for the engine, the readers and the writers, so a
 * command-line option, a config-file line and an API call are the same
 * thing. Keys (values are strings; "yes"/"no" for booleans):
 *
 * | key                 | meaning                                      |
 * |---------------------|----------------------------------------------|
 * | lexicons            | add a lexicon directory (repeatable)         |
 * | default-lexicons    | load the bundled lexicons (yes)              |
 * | lang                | lexicon and dictionary language (en)         |
 * | cache               | keep compiled lexicons on disk (yes)         |
 * | cache-dir           | where (default $XDG_CACHE_HOME/tact, else    |
 * |                     | $HOME/.cache/tact)                           |
 * | spell               | check agent spelling with hunspell (no)      |
 * | suggest             | spelling suggestions on spelling spans (yes) |
 * | dict                | hunspell dictionary name or path (en_US)     |
 * | dict-extra          | extra word list for spelling (repeatable)    |
 * | input-format        | auto, text, transcript, jsonl, csv, mbox, eml|
 * | role                | force every message's role                   |
 * | id-field, role-field, text-field, thread-field | JSONL/CSV names   |
 * | customer-name, agent-name | transcript speakers (repeatable)       |
 * | agent-domain, agent-address | mark e-mail senders as agents (rep.) |
 * | max-message-bytes   | truncate larger messages (16M)               |
 * | format              | jsonl, text, tsv, summary, html              |
 * | color               | auto, always, never                          |
 * | text                | include the analysed text in records (no)    |
 * | own-text            | with text: only the author's own words (no)  |
 * | summary             | write a summary at the end (no)              |
 * | positions           | code-point and UTF-16 offsets in records (yes)|
 * @{ */
typedef struct tact_config tact_config;

/** A configuration with every default. @since 0.1 */
tact_config *tact_config_new(void);
/** Free @p cfg (NULL is accepted). Objects built from it do not keep it.
 * @since 0.1 */
void tact_config_free(tact_config *cfg);
/** Set (or, for repeatable keys, add) @p key. @retval TACT_ERR_USAGE
 * unknown key or bad value; *err explains. @since 0.1 */
tact_status tact_config_set(tact_config *cfg, const char *key, const char *value, char **err);
/** Read "key = value" lines from @p path ('#' comments, blank lines).
 * @retval TACT_ERR_IO    the file cannot be read
 * @retval TACT_ERR_USAGE a line is malformed or sets a bad key or value;
 *                        *err names the file and line
 * @since 0.1 */
tact_status tact_config_load(tact_config *cfg, const char *path, char **err);
/** The last value set for @p key, or NULL when it was never set (the
 * default applies). Borrowed from @p cfg. @since 0.1 */
const char *tact_config_get(const tact_config *cfg, const char *key);
/** @} */

/* ------------------------------------------------------------------ */
/** @name Engine and analysis
 * @{ */
typedef struct tact_engine tact_engine;
typedef struct tact_analyzer tact_analyzer;
typedef struct tact_msg tact_msg;

/** Build an engine: load and compile the lexicons, open dictionaries.
 * Compiled lexicons are kept in the cache directory (keys cache,
 * cache-dir) and mapped read-only by later engines built from the same
 * lexicon entries and the same build of libtact; a missing, stale or
 * damaged file is compiled afresh, and a directory that cannot be written
 * is not an error. The engine does not keep @p cfg. The result is immutable: any number of
 * threads may use it at once, each through its own tact_analyzer.
 * @retval TACT_ERR_LEXICON, TACT_ERR_PATTERN  a lexicon is invalid (run
 *         `tact lexicon lint` for every problem at once)
 * @retval TACT_ERR_DICT  spell is on and the dictionary cannot be opened
 * @retval TACT_ERR_IO    a lexicon directory cannot be read
 * On error *out is NULL. @since 0.1 */
tact_status tact_engine_new(const tact_config *cfg, tact_engine **out, char **err);
/** Free @p eng (NULL is accepted) once no analyzer uses it. @since 0.1 */
void tact_engine_free(tact_engine *eng);

/** Per-thread analysis state (scratch buffers, verdict caches) for @p eng,
 * which must outlive it. @since 0.1 */
tact_analyzer *tact_analyzer_new(const tact_engine *eng);
/** Free @p an (NULL is accepted). @since 0.1 */
void tact_analyzer_free(tact_analyzer *an);

/** Decode (if the reader deferred it) and analyse @p msg, replacing any
 * earlier results. A message that cannot be analysed gets an error string
 * and TACT_ERR_INPUT or TACT_ERR_LIMIT is returned; its record is still
 * written. @since 0.1 */
tact_status tact_analyze(tact_analyzer *an, tact_msg *msg);
/** @} */

/* ------------------------------------------------------------------ */
/** @name Lexicon tools
 * What `tact lexicon lint|test|allowlist` does, for programs that manage
 * their own lexicons. Each line reported is "FILE:LINE:COL: message".
 * @{ */
typedef void (*tact_report_fn)(const char *line, void *ctx);

/** Load the lexicons of @p cfg (bundled unless default-lexicons is no,
 * plus its "lexicons" directories) and @p dir when not NULL; report every
 * problem: syntax, unknown label or class, bad regex (with the PCRE2 error
 * offset), duplicate id, and embedded examples that fail.
 * @param errors  set to the number of errors (warnings are not counted)
 * @retval TACT_OK           no error
 * @retval TACT_ERR_LEXICON  errors were reported
 * @since 0.1 */
tact_status tact_lexicon_lint(const tact_config *cfg, const char *dir, tact_report_fn report, void *ctx,
			      size_t *errors);
/** Run the embedded examples only; failures are reported. @since 0.1 */
tact_status tact_lexicon_test(const tact_config *cfg, const char *dir, tact_report_fn report, void *ctx,
			      size_t *passed, size_t *failed);
/** Write to @p out a lexicon file with one cue.innocent entry: every word
 * of the hunspell dictionary of cfg "dict" (with its inflections that the
 * dictionary accepts) that contains a substring ("sub") entry of the
 * loaded lexicons without being derogatory itself. @since 0.1 */
tact_status tact_lexicon_allowlist(const tact_config *cfg, FILE *out, size_t *nwords, char **err);
/** Write every literal word the loaded lexicons match, one per line (the
 * vocabulary, inflections included), e.g. for a grep baseline. @since 0.1 */
tact_status tact_lexicon_words(const tact_config *cfg, FILE *out, char **err);
/** @} */

/* ------------------------------------------------------------------ */
/** @name Messages
 * A message owns its bytes. Readers fill one; tact_analyze() annotates it;
 * writers print it. Reuse one with tact_msg_reset() to avoid allocation.
 * @{ */

/** Metadata fields of a message. @since 0.1 */
typedef enum {
	TACT_FIELD_ID = 0, /**< input id, Message-ID; else the ordinal */
	TACT_FIELD_THREAD,
	TACT_FIELD_FROM,
	TACT_FIELD_TO,
	TACT_FIELD_DATE,
	TACT_FIELD_SUBJECT,
	TACT_FIELD_SOURCE, /**< file name, "-" for stdin */
	TACT_FIELD__COUNT
} tact_field;

/** One annotation. Offsets are half-open [start, end) into the analysed
 * text: bytes, code points, and UTF-16 code units. @since 0.1 */
typedef struct {
	const char *label;    /**< taxonomy label, or "quote", "signature", "spelling" */
	const char *rule;     /**< lexicon entry or detector rule id */
	tact_severity severity;
	size_t start, end;
	size_t cp_start, cp_end;
	size_t u16_start, u16_end;
	const char *message;  /**< one-line explanation, never NULL */
	const char *detail;   /**< spelling suggestions separated by '\n'; else NULL */
	const char *target;   /**< on derogatory.insult spans, whom it is aimed at:
				   "reader" (the one the message addresses: "you
				   idiot", "Morons!") or "other" ("he's an idiot",
				   "your agent is a moron"); else NULL. @since 0.1 */
} tact_span;

/** An empty message: role unknown, no text, no fields. @since 0.1 */
tact_msg *tact_msg_new(void);
/** Free @p msg and everything borrowed from it (NULL is accepted).
 * @since 0.1 */
void tact_msg_free(tact_msg *msg);
/** Forget content and results but keep allocated memory. @since 0.1 */
void tact_msg_reset(tact_msg *msg);

/** Set the text to analyse (copied). Invalid UTF-8 is replaced by U+FFFD
 * and a warning is added, so offsets refer to the replaced text.
 * @since 0.1 */
void tact_msg_set_text(tact_msg *msg, const char *text, size_t len);
/** Set who wrote the message; customer messages get the escalation and
 * derogatory detectors, agent replies the reply checks. @since 0.1 */
void tact_msg_set_role(tact_msg *msg, tact_role role);
/** Set a field (copied; invalid UTF-8 replaced). len may be (size_t)-1 for
 * a NUL-terminated string; NULL clears it. @since 0.1 */
void tact_msg_set_field(tact_msg *msg, tact_field f, const char *s, size_t len);
/** Mark the whole message as unanalysable; its record carries the
 * formatted string as its "error" and tact_analyze() leaves it alone.
 * @since 0.1 */
void tact_msg_set_error(tact_msg *msg, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/** Add a warning (the message is still analysed); a warning already
 * present is not added again. @since 0.1 */
void tact_msg_add_warning(tact_msg *msg, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/** Mark [start, end) as a quoted ("quote") or signature ("signature")
 * region of the text; detectors ignore it. Readers set these; a program
 * with its own quote detection may too.
 * @retval TACT_ERR_USAGE bad kind or range @since 0.1 */
tact_status tact_msg_add_region(tact_msg *msg, const char *kind, size_t start, size_t end);

/** The analysed text (after decoding: MIME bodies, HTML to text, UTF-8
 * repair) and, when @p len is not NULL, its length. Every span offset
 * refers to it. Always NUL-terminated; never NULL. @since 0.1 */
const char *tact_msg_text(const tact_msg *msg, size_t *len);
/** The role given or read (From: address, transcript speaker, field).
 * @since 0.1 */
tact_role tact_msg_role(const tact_msg *msg);
/** A field's value, or NULL when absent. @since 0.1 */
const char *tact_msg_field(const tact_msg *msg, tact_field f);
/** 1-based position of the message in the run. Readers number their own
 * records; a program reading several files renumbers with set_index.
 * @since 0.1 */
size_t tact_msg_index(const tact_msg *msg);
/** See tact_msg_index(). @since 0.1 */
void tact_msg_set_index(tact_msg *msg, size_t index);
/** Line in the source where the record starts (1-based; 0 unknown).
 * @since 0.1 */
size_t tact_msg_line(const tact_msg *msg);
/** Bytes of memory the message holds (raw record, text, results), so a
 * program can bound what it keeps in flight. @since 0.1 */
size_t tact_msg_size(const tact_msg *msg);
/** The error string, or NULL when the message was analysed. @since 0.1 */
const char *tact_msg_error(const tact_msg *msg);
/** Warnings (decoding repairs, truncation, skipped parts), in the order
 * they arose; tact_msg_warning() returns NULL when @p i is out of range.
 * @since 0.1 */
size_t tact_msg_warning_count(const tact_msg *msg);
const char *tact_msg_warning(const tact_msg *msg, size_t i);
/** Attachments listed by the e-mail reader: "name (type, N bytes)"; NULL
 * when @p i is out of range. Attachments are never analysed. @since 0.1 */
size_t tact_msg_attachment_count(const tact_msg *msg);
const char *tact_msg_attachment(const tact_msg *msg, size_t i);

/** Spans in order of start, then end, then label. Quote and signature
 * regions are spans too. One finding per label and words: a span wholly
 * inside another span of its label that is at least as severe is left out
 * (of several rules on the same words, the most severe one's span stays).
 * At most 10,000 spans, and after them the first span of each label with
 * none among them (a warning says so; labels, levels and scores count
 * all). tact_msg_span() returns NULL when @p i is out of range.
 * @since 0.1 */
size_t tact_msg_span_count(const tact_msg *msg);
const tact_span *tact_msg_span(const tact_msg *msg, size_t i);
/** Sorted, unique taxonomy labels found (regions and spelling excluded);
 * NULL when @p i is out of range. @since 0.1 */
size_t tact_msg_label_count(const tact_msg *msg);
const char *tact_msg_label(const tact_msg *msg, size_t i);
/** Escalation level and 0-100 score (customer messages; NONE/0 else);
 * @p score may be NULL. A session may raise both (tact_session_add()).
 * @since 0.1 */
tact_level tact_msg_escalation(const tact_msg *msg, int *score);
/** The strongest derogatory kind in a customer message. @since 0.1 */
tact_derog tact_msg_derogatory(const tact_msg *msg);
/** The apology class of an agent reply; TACT_APOLOGY_NA for any other
 * message. doc/recovery.md defines the classes. @since 0.1 */
tact_apology tact_msg_apology(const tact_msg *msg);
/** Recovery elements present (TACT_REC_* bits) and the 0-100 score;
 * returns 0 and score -1 for messages that are not agent replies. @p score
 * may be NULL. @since 0.1 */
unsigned tact_msg_recovery(const tact_msg *msg, int *score);
/** The highest span severity or escalation level, for --fail-on.
 * @since 0.1 */
tact_severity tact_msg_max_severity(const tact_msg *msg);
/** @} */

/* ------------------------------------------------------------------ */
/** @name Readers
 * A reader splits a byte stream into records. It reads as little as it
 * can: one record is in memory at a time, and a record larger than
 * max-message-bytes is truncated with an error, not loaded whole. Decoding
 * the record (JSON, CSV fields, MIME) is deferred to tact_msg_decode() so
 * that it can run on worker threads; the reader must outlive the messages
 * it filled until they are decoded.
 *
 * Decoding the first JSON line installs cJSON allocation hooks
 * (cJSON_InitHooks()) that are malloc() and free() except inside tact's own
 * parsing, where a line's tree goes to a per-thread arena. A program that
 * gives cJSON allocators of its own should install them after that; tact
 * then parses with them and frees its trees with cJSON_Delete().
 * @{ */
typedef struct tact_reader tact_reader;

/** Open a reader on @p f (not closed by the reader, and not read from
 * before: the reader reads its descriptor directly, so that a pipe yields
 * each record as soon as it arrives) named @p name in messages. The format
 * comes from cfg "input-format"; "auto" sniffs the first bytes.
 * @retval TACT_ERR_USAGE  bad input-format or field options
 * @since 0.1 */
tact_status tact_reader_new(const tact_config *cfg, FILE *f, const char *name,
			    tact_reader **out, char **err);
/** Free @p rd (NULL is accepted) once its messages are decoded.
 * @since 0.1 */
void tact_reader_free(tact_reader *rd);
/** The format in use ("jsonl", ...), known after the first record.
 * @since 0.1 */
const char *tact_reader_format(const tact_reader *rd);
/** Bytes of the stream consumed so far (for progress reports). @since 0.1 */
unsigned long long tact_reader_bytes(const tact_reader *rd);
/** Call @p fn(@p ctx) whenever the reader is about to read more of its
 * file, which may block on a pipe or a terminal. A program that hands
 * records to other threads in batches hands over what it holds here, so
 * that no record waits behind a read. @p fn runs on the thread that called
 * tact_reader_next() and must not use @p rd. NULL removes the hook.
 * @since 0.1 */
void tact_reader_on_read(tact_reader *rd, void (*fn)(void *ctx), void *ctx);

/** Fill @p msg (reset first) with the next record.
 * @retval TACT_OK     a record was produced (it may carry an error)
 * @retval TACT_ERR_IO reading failed; *err explains; the stream is over
 * Returns TACT_OK with *done set at the end of the stream. @since 0.1 */
tact_status tact_reader_next(tact_reader *rd, tact_msg *msg, bool *done, char **err);
/** Run the deferred decoding step (idempotent; thread-safe with respect
 * to other messages of the same reader). A message built with
 * tact_msg_set_text() needs no decoding. @since 0.1 */
void tact_msg_decode(tact_msg *msg);
/** @} */

/* ------------------------------------------------------------------ */
/** @name Sessions
 * Thread-level features need messages in input order: repeat contact and
 * an escalation rise after an agent reply. A session sees every analysed
 * message once, in order, and adjusts its escalation. Threads are keyed by
 * the thread field (TACT_FIELD_THREAD; the e-mail reader derives it from
 * References and In-Reply-To); a message without one is a thread of its
 * own. Memory is bounded by forgetting the least recently seen threads
 * (doc/scoring.md, "Thread adjustments"). @{ */
typedef struct tact_session tact_session;
/** An empty session. @since 0.1 */
tact_session *tact_session_new(void);
/** Free @p s (NULL is accepted). @since 0.1 */
void tact_session_free(tact_session *s);
/** Record @p msg, already analysed, in its thread and add the thread
 * features to it (the "repeat contact" label, a raised level). Call it in
 * input order. @since 0.1 */
void tact_session_add(tact_session *s, tact_msg *msg);
/** @} */

/* ------------------------------------------------------------------ */
/** @name Writers
 * @{ */
typedef struct tact_writer tact_writer;

/** A writer for cfg "format" onto @p out (not closed). @p is_tty selects
 * the defaults a terminal wants (colour, control-character stripping).
 * @since 0.1 */
tact_status tact_writer_new(const tact_config *cfg, FILE *out, bool is_tty,
			    tact_writer **outp, char **err);
/** Write one record. @retval TACT_ERR_IO the output failed (EPIPE...).
 * @since 0.1 */
tact_status tact_writer_write(tact_writer *w, const tact_msg *msg);
/** Write out what is buffered now (tact serve, --line-buffered).
 * @since 0.1 */
tact_status tact_writer_flush(tact_writer *w);
/** Finish the document (HTML footer, summary); call once, after the last
 * record. @since 0.1 */
tact_status tact_writer_finish(tact_writer *w);
/** Free @p w (NULL is accepted) without finishing it. @since 0.1 */
void tact_writer_free(tact_writer *w);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
