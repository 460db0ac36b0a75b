/* input.c: the byte stream under every reader. A refillable window over a
 * FILE; lines longer than the limit are cut and their rest skipped, so a
 * 1 GB line costs no more memory than a short one. */
#include "input.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

void input_init(input *in, FILE *f, size_t limit)
{
	*in = (input){.f = f, .fd = -1, .limit = limit ? limit : SIZE_MAX / 4, .line = 1, .eol = '\n'};
	/* Read the descriptor directly (f must not have been read from): a
	 * pipe then yields each line as soon as it is written (tact serve,
	 * tail -f | tact), and stdio makes no second copy. Streams without a
	 * descriptor (fmemopen) go through stdio. */
	in->fd = fileno(f);
}

void input_free(input *in)
{
	free(in->b);
	in->b = NULL;
}

/* Read more bytes after end, compacting or growing the window so that at
 * least want bytes (from pos) fit. Returns bytes added. */
static size_t fill(input *in, size_t want)
{
	if (in->eof)
		return 0;
	if (in->pos && (in->end == in->pos || in->cap - in->end < CHUNK)) {
		memmove(in->b, in->b + in->pos, in->end - in->pos);
		in->end -= in->pos;
		in->pos = 0;
	}
	size_t need = MAX(want, in->end + CHUNK);
	if (need > in->cap) {
		size_t nc = in->cap ? in->cap : CHUNK;
		while (nc < need)
			nc *= 2;
		in->b = xrealloc(in->b, nc);
		in->cap = nc;
	}
	if (in->before_read)
		in->before_read(in->before_read_ctx);
	size_t got;
	if (in->fd >= 0) {
		ssize_t r;
		do
			r = read(in->fd, in->b + in->end, in->cap - in->end);
		while (r < 0 && errno == EINTR);
		if (r < 0) {
			in->err = errno;
			r = 0;
		}
		got = (size_t)r;
		if (!got)
			in->eof = true;
	} else {
		got = fread(in->b + in->end, 1, in->cap - in->end, in->f);
		if (got == 0) {
			if (ferror(in->f))
				in->err = errno ? errno : EIO;
			in->eof = true;
		}
	}
	in->end += got;
	return got;
}

size_t input_peek(input *in, size_t n, const char **p)
{
	while (in->end - in->pos < n && fill(in, n))
		;
	*p = in->b ? in->b + in->pos : "";
	return MIN(n, in->end - in->pos);
}

size_t input_peek_more(input *in, const char **p)
{
	fill(in, in->end - in->pos + 1);
	*p = in->b ? in->b + in->pos : "";
	return in->end - in->pos;
}

size_t input_read(input *in, const char **p, size_t n)
{
	if (in->end == in->pos)
		fill(in, 0);
	size_t k = MIN(n, in->end - in->pos);
	*p = in->b ? in->b + in->pos : "";
	for (size_t i = 0; i < k; i++)
		in->line += (*p)[i] == '\n';
	in->pos += k;
	in->scan = 0;
	in->consumed += k;
	return k;
}

size_t input_buffered(const input *in, const char **p)
{
	*p = in->b ? in->b + in->pos : "";
	return in->skipping ? 0 : in->end - in->pos;
}

void input_advance(input *in, size_t n, size_t lines)
{
	in->pos += n;
	in->line += lines;
	in->consumed += n;
	in->scan = 0;
}

void input_skip_bom(input *in)
{
	const char *p;
	if (!in->consumed && input_peek(in, 3, &p) == 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		input_read(in, &p, 3);
}

/* Discard the rest of a cut line, up to and including its newline, a
 * window at a time so that memory stays bounded. */
static void skip_rest(input *in)
{
	for (;;) {
		size_t avail = in->end - in->pos;
		char *nl = avail ? memchr(in->b + in->pos, in->eol, avail) : NULL;
		if (nl) {
			size_t len = (size_t)(nl - (in->b + in->pos)) + 1;
			in->pos += len;
			in->consumed += len;
			break;
		}
		in->consumed += avail;
		in->pos = in->end;
		if (!fill(in, 0))
			break;
	}
	in->skipping = false;
	in->scan = 0;
}

size_t input_getline(input *in, const char **p, bool *cut)
{
	*cut = false;
	if (in->skipping)
		skip_rest(in);
	for (;;) {
		size_t avail = in->end - in->pos;
		char *nl = in->scan < avail ? memchr(in->b + in->pos + in->scan, in->eol, avail - in->scan) : NULL;
		if (nl) {
			size_t len = (size_t)(nl - (in->b + in->pos)) + 1;
			if (len - 1 > in->limit) /* the limit is on the line, not its newline */
				break;
			*p = in->b + in->pos;
			in->pos += len;
			in->scan = 0;
			in->line++;
			in->consumed += len;
			return len;
		}
		in->scan = avail;
		if (avail > in->limit) /* at the limit, a newline may yet follow */
			break;
		if (!fill(in, avail + CHUNK)) {
			/* last line, without a newline */
			*p = in->b ? in->b + in->pos : "";
			in->pos = in->end;
			in->scan = 0;
			in->consumed += avail;
			return avail;
		}
	}
	/* Longer than the limit: hand out the first limit bytes now and skip
	 * the rest at the next call, once the caller is done with *p. */
	*cut = true;
	*p = in->b + in->pos;
	in->pos += in->limit;
	in->consumed += in->limit;
	in->scan = 0;
	in->skipping = true;
	in->line++; /* the cut line's newline is skipped later */
	return in->limit;
}
