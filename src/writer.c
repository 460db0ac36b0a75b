/* writer.c: opens a writer for the configured format and flushes what the
 * format appends; holds the escaping every format shares. */
#include "writer.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>
#include <utf8proc.h>

#include "config.h"

static const struct writer_fmt *const formats[] = {
	&write_jsonl_fmt, &write_text_fmt, &write_tsv_fmt, &write_summary_fmt, &write_html_fmt,
};

static const char hexd[] = "0123456789abcdef";

/* Bytes json_str() copies as they are: printable ASCII but '"' and '\\',
 * and bytes of multi-byte characters except the lead bytes of C1
 * controls (C2) and of U+2028/2029 (E2), which need a closer look. */
static const bool json_plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Are the eight bytes at p printable ASCII but '"' and '\\', which
 * json_str() copies as they are? With every byte below 0x80 (else: no),
 * a byte's high bit is set after a subtraction exactly where the byte was
 * below 0x20, or zero after the xor with '"', '\\' or 0x7F (a borrow
 * only follows such a byte). */
static bool plain8(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t w;
	memcpy(&w, p, 8);
	uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\'), del = w ^ (ones * 0x7F);
	uint64_t bad = (w - ones * 0x20) | (q - ones) | (bs - ones) | (del - ones);
	return !((bad | w) & high);
}

void json_str(buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	buf_reserve(b, n + 2);
	b->ptr[b->len++] = '"';
	size_t run = 0; /* start of the pending run of plain bytes */
	for (size_t i = 0;;) {
		while (i + 8 <= n && plain8(u + i))
			i += 8;
		while (i < n && json_plain[u[i]])
			i++;
		if (i >= n)
			break;
		unsigned char c = u[i];
		const char *esc = NULL;
		char tmp[8];
		size_t skip = 1;
		if (c >= 0x80) {
			/* C1 controls (C2 80..9F) and U+2028/2029 (E2 80 A8/A9) */
			if (c == 0xC2 && i + 1 < n && u[i + 1] < 0xA0) {
				tmp[0] = '\\', tmp[1] = 'u', tmp[2] = '0', tmp[3] = '0';
				tmp[4] = hexd[u[i + 1] >> 4], tmp[5] = hexd[u[i + 1] & 15], tmp[6] = 0;
				esc = tmp;
				skip = 2;
			} else if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)) {
				esc = u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
				skip = 3;
			} else {
				i++;
				continue;
			}
		} else {
			switch (c) {
			case '"': esc = "\\\""; break;
			case '\\': esc = "\\\\"; break;
			case '\n': esc = "\\n"; break;
			case '\r': esc = "\\r"; break;
			case '\t': esc = "\\t"; break;
			case '\b': esc = "\\b"; break;
			case '\f': esc = "\\f"; break;
			default:
				tmp[0] = '\\', tmp[1] = 'u', tmp[2] = '0', tmp[3] = '0';
				tmp[4] = hexd[c >> 4], tmp[5] = hexd[c & 15], tmp[6] = 0;
				esc = tmp;
			}
		}
		buf_add(b, s + run, i - run);
		buf_adds(b, esc);
		i += skip;
		run = i;
	}
	buf_add(b, s + run, n - run);
	buf_addc(b, '"');
}

void safe_text(buf *b, const char *s, size_t n, bool keep_tab)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = u[i];
		char tmp[16];
		size_t skip = 1;
		if (c == '\t' && keep_tab)
			continue;
		if (c < 0x20 || c == 0x7F) {
			if (c == '\n')
				snprintf(tmp, sizeof tmp, "\\n");
			else if (c == '\t')
				snprintf(tmp, sizeof tmp, "\\t");
			else
				snprintf(tmp, sizeof tmp, "^%c", c == 0x7F ? '?' : c + 64);
		} else if (c == 0xC2 && i + 1 < n && u[i + 1] < 0xA0) {
			snprintf(tmp, sizeof tmp, "<U+%04X>", u[i + 1]);
			skip = 2;
		} else if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x80 && u[i + 2] >= 0xAA && u[i + 2] <= 0xAE) {
			/* bidi embeddings and overrides U+202A..202E */
			snprintf(tmp, sizeof tmp, "<U+20%02X>", 0x2A + (u[i + 2] - 0xAA));
			skip = 3;
		} else if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x81 && u[i + 2] >= 0xA6 && u[i + 2] <= 0xA9) {
			/* bidi isolates U+2066..2069 */
			snprintf(tmp, sizeof tmp, "<U+20%02X>", 0x66 + (u[i + 2] - 0xA6));
			skip = 3;
		} else {
			continue;
		}
		buf_add(b, s + run, i - run);
		buf_adds(b, tmp);
		i += skip - 1;
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
}

void own_text(buf *b, const tact_msg *m)
{
	size_t pos = 0;
	/* regions may overlap and come in any order: walk the text and skip
	 * any byte inside one */
	while (pos < m->text.len) {
		size_t next_end = pos;
		for (size_t i = 0; i < m->nregions; i++)
			if (m->regions[i].start <= pos && m->regions[i].end > next_end)
				next_end = m->regions[i].end;
		if (next_end > pos) {
			pos = next_end;
			continue;
		}
		size_t stop = m->text.len;
		for (size_t i = 0; i < m->nregions; i++)
			if (m->regions[i].start > pos && m->regions[i].start < stop)
				stop = m->regions[i].start;
		buf_add(b, m->text.ptr + pos, stop - pos);
		pos = stop;
	}
	/* trim trailing whitespace left where a signature was cut */
	while (b->len && ascii_space((unsigned char)b->ptr[b->len - 1]))
		b->ptr[--b->len] = '\0';
}

size_t display_width(const char *s, size_t n)
{
	size_t w = 0;
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		if (u[i] < 0x80) {
			w += u[i] == '\t' ? 8 - (w % 8) : 1;
			i++;
			continue;
		}
		int32_t cp;
		int k = utf8_decode(u + i, n - i, &cp);
		if (cp >= 0) {
			int cw = utf8proc_charwidth(cp);
			w += cw > 0 ? (size_t)cw : 0;
		} else {
			w++;
		}
		i += (size_t)k;
	}
	return w;
}

const char *msg_id(const tact_msg *m, char tmp[32])
{
	if (m->fields[TACT_FIELD_ID])
		return m->fields[TACT_FIELD_ID];
	snprintf(tmp, 32, "%zu", m->index);
	return tmp;
}

static bool color_wanted(const tact_config *cfg, bool tty)
{
	const char *c = config_str(cfg, "color");
	if (!strcmp(c, "always"))
		return true;
	if (!strcmp(c, "never"))
		return false;
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return false;
	const char *term = getenv("TERM");
	return tty && !(term && !strcmp(term, "dumb"));
}

tact_status tact_writer_new(const tact_config *cfg, FILE *out, bool is_tty, tact_writer **outp, char **err)
{
	*outp = NULL;
	const char *name = config_str(cfg, "format");
	const struct writer_fmt *fmt = NULL;
	for (size_t i = 0; i < ARRAY_LEN(formats); i++)
		if (!strcmp(formats[i]->name, name))
			fmt = formats[i];
	if (!fmt) {
		if (err)
			*err = xasprintf("unknown output format '%s'", name);
		return TACT_ERR_USAGE;
	}
	tact_writer *w = xcalloc(1, sizeof *w);
	w->fmt = fmt;
	w->out = out;
	w->tty = is_tty;
	w->color = color_wanted(cfg, is_tty);
	w->with_text = config_bool(cfg, "text");
	w->own_text = config_bool(cfg, "own-text");
	w->positions = config_bool(cfg, "positions");
	/* --summary goes after the diagnostics of "text"; on standard error
	 * with formats that a program reads (jsonl, tsv). */
	w->print_summary = config_bool(cfg, "summary") && fmt != &write_summary_fmt;
	if (w->print_summary || fmt == &write_summary_fmt || fmt == &write_html_fmt)
		w->summary = summary_new();
	w->summary_out = fmt == &write_text_fmt ? out : stderr;
	tact_status st = fmt->open ? fmt->open(w, err) : TACT_OK;
	if (st) {
		tact_writer_free(w);
		return st;
	}
	*outp = w;
	return TACT_OK;
}

static tact_status flush(tact_writer *w, bool force)
{
	if (!w->ob.len || (!force && w->ob.len < 64 * 1024))
		return TACT_OK;
	size_t n = fwrite(w->ob.ptr, 1, w->ob.len, w->out);
	bool ok = n == w->ob.len;
	buf_clear(&w->ob);
	return ok ? TACT_OK : TACT_ERR_IO;
}

tact_status tact_writer_write(tact_writer *w, const tact_msg *m)
{
	w->fmt->write(w, m);
	if (w->summary)
		summary_add(w->summary, m);
	return flush(w, false);
}

tact_status tact_writer_flush(tact_writer *w)
{
	tact_status st = flush(w, true);
	if (fflush(w->out) != 0)
		st = TACT_ERR_IO;
	return st;
}

tact_status tact_writer_finish(tact_writer *w)
{
	if (w->fmt->finish)
		w->fmt->finish(w);
	tact_status st = flush(w, true);
	if (w->print_summary) {
		buf b = {0};
		/* messages/s only for a person watching: keeps files reproducible */
		bool to_tty = w->summary_out == stderr ? isatty(STDERR_FILENO) : w->tty;
		summary_print(w->summary, &b, w->color && w->summary_out != stderr, to_tty);
		if (w->summary_out == stderr)
			fflush(w->out);
		if (fwrite(b.ptr ? b.ptr : "", 1, b.len, w->summary_out) != b.len)
			st = TACT_ERR_IO;
		buf_free(&b);
	}
	if (fflush(w->out) != 0)
		st = TACT_ERR_IO;
	return st;
}

void tact_writer_free(tact_writer *w)
{
	if (!w)
		return;
	if (w->fmt->close)
		w->fmt->close(w);
	summary_free(w->summary);
	buf_free(&w->ob);
	buf_free(&w->src);
	buf_free(&w->src_json);
	free(w);
}
