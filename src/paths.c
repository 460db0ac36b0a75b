/* paths.c: directories on the command line read as the files under them
 * (paths.h). */
#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
	char **v;
	size_t n, cap;
} list;

static void push(list *l, char *s)
{
	if (!s)
		abort();
	if (l->n + 1 >= l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (!l->v)
			abort();
	}
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

static int by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	bool slash = a && dir[a - 1] == '/';
	char *p = malloc(a + !slash + b + 1);
	if (!p)
		abort();
	memcpy(p, dir, a);
	if (!slash)
		p[a++] = '/';
	memcpy(p + a, name, b + 1);
	return p;
}

/* A Maildir: cur/ and new/ beside tmp/. */
static bool maildir(const char *dir)
{
	char *cur = join(dir, "cur"), *new = join(dir, "new");
	bool yes = is_dir(cur) && is_dir(new);
	free(cur);
	free(new);
	return yes;
}

/* Add the regular files under dir, sorted, depth first. A symbolic link
 * to a directory is not followed (a link back up would repeat every file
 * below it); depth bounds what the file system may still nest. */
static void walk(list *out, const char *dir, int depth, int *bad)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "tact: %s: %s\n", dir, strerror(errno));
		*bad = 1;
		return;
	}
	list names = {0};
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			push(&names, strdup(e->d_name));
	closedir(d);
	if (names.n)
		qsort(names.v, names.n, sizeof *names.v, by_bytes);
	bool skip_tmp = maildir(dir);
	for (size_t i = 0; i < names.n; i++) {
		char *path = join(dir, names.v[i]);
		struct stat st, lst;
		if (lstat(path, &lst) != 0 || stat(path, &st) != 0) {
			free(path); /* a dangling link, or gone since: nothing to read */
		} else if (S_ISDIR(st.st_mode) && S_ISLNK(lst.st_mode)) {
			free(path);
		} else if (S_ISDIR(st.st_mode)) {
			if (depth < 64 && !(skip_tmp && !strcmp(names.v[i], "tmp")))
				walk(out, path, depth + 1, bad);
			free(path);
		} else if (S_ISREG(st.st_mode)) {
			push(out, path);
		} else {
			free(path); /* sockets, fifos, devices */
		}
		free(names.v[i]);
	}
	free(names.v);
}

char **paths_expand(char *const *names, int n, int *count, int *bad)
{
	list out = {0};
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i], "-") && is_dir(names[i]))
			walk(&out, names[i], 0, bad);
		else
			push(&out, strdup(names[i]));
	}
	*count = (int)out.n;
	char **v = out.v ? out.v : calloc(1, sizeof *out.v);
	if (!v)
		abort();
	return v;
}

void paths_free(char **paths)
{
	for (size_t i = 0; paths && paths[i]; i++)
		free(paths[i]);
	free(paths);
}
