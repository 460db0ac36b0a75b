/* progress.c: the progress line of the tact command (progress.h). Fed by
 * main.c once per message with the reader, whose input counts the bytes
 * it has handed out; input sizes come from stat(2). Writes "\r...\033[K"
 * to standard error, only when that is a terminal. */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>


#define PROGRESS_DELAY 0.5    /* seconds before the first line */
#define PROGRESS_INTERVAL 0.1 /* seconds between redraws */

struct progress {
	unsigned long long total, done; /* bytes: expected, of finished streams */
	bool total_known;
	size_t msgs;
	double t0, last;
	bool shown;
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

progress *progress_new(bool quiet, bool out_tty)
{
	if (quiet || out_tty || !isatty(STDERR_FILENO))
		return NULL;
	progress *p = calloc(1, sizeof *p);
	if (!p)
		abort();
	p->total_known = true;
	p->t0 = now();
	return p;
}

void progress_expect(progress *p, const char *path)
{
	if (!p)
		return;
	struct stat st;
	int r = strcmp(path, "-") ? stat(path, &st) : fstat(STDIN_FILENO, &st);
	if (r == 0 && S_ISREG(st.st_mode))
		p->total += (unsigned long long)st.st_size;
	else if (r == 0)
		p->total_known = false; /* a pipe; a missing file adds nothing */
}

/* "12.3 MB": bytes in decimal units, as `ls -lh --si` and dd print them. */
static void size_str(char *out, size_t n, unsigned long long v)
{
	static const char *const unit[] = {"B", "kB", "MB", "GB", "TB"};
	double d = (double)v;
	int u = 0;
	while (d >= 1000 && u < 4) {
		d /= 1000;
		u++;
	}
	snprintf(out, n, u ? "%.1f %s" : "%.0f %s", d, unit[u]);
}

static void draw(progress *p, unsigned long long bytes, double t)
{
	char line[256], got[32], all[32];
	double secs = t - p->t0;
	double rate = secs > 0 ? (double)p->msgs / secs : 0;
	size_str(got, sizeof got, bytes);
	int n;
	if (p->total_known && p->total) {
		size_str(all, sizeof all, p->total);
		double pct = 100.0 * (double)bytes / (double)p->total;
		n = snprintf(line, sizeof line, "tact: %s of %s (%.0f%%), %zu messages, %.0f messages/s", got, all,
			     pct > 100 ? 100 : pct, p->msgs, rate);
	} else {
		n = snprintf(line, sizeof line, "tact: %s read, %zu messages, %.0f messages/s", got, p->msgs, rate);
	}
	/* never wrap: a wrapped line cannot be redrawn with \r */
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1 && n >= ws.ws_col)
		line[ws.ws_col - 1] = '\0';
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	p->shown = true;
}

void progress_update(progress *p, const tact_reader *rd)
{
	if (!p)
		return;
	p->msgs++;
	double t = now();
	if (t - p->t0 < PROGRESS_DELAY || t - p->last < PROGRESS_INTERVAL)
		return;
	p->last = t;
	draw(p, p->done + (rd ? tact_reader_bytes(rd) : 0), t);
}

void progress_stream_done(progress *p, const tact_reader *rd)
{
	if (p && rd)
		p->done += tact_reader_bytes(rd);
}

void progress_finish(progress *p)
{
	if (!p || !p->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->shown = false;
}

void progress_free(progress *p)
{
	progress_finish(p);
	free(p);
}
