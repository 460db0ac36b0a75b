/* replay.c: a main() for fuzz targets without libFuzzer: runs the target
 * over every file named, or every file in the directories named, so the
 * seed corpora and the regression cases run in `make test` under the
 * sanitizers. Prints "NAME: N passed, 0 failed" (a failure aborts). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static size_t runs;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return;
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			unsigned char *nb = realloc(buf, cap);
			if (!nb)
				abort();
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		if (!got)
			break;
		n += got;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	runs++;
}

static void run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	DIR *d = opendir(path);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		size_t l = strlen(path) + strlen(e->d_name) + 2;
		char *p = malloc(l);
		if (!p)
			abort();
		snprintf(p, l, "%s/%s", path, e->d_name);
		run_path(p);
		free(p);
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	for (int i = 1; i < argc; i++)
		run_path(argv[i]);
	printf("%s: %zu passed, 0 failed\n", name, runs);
	return 0;
}
