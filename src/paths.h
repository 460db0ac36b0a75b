/* paths.h: the inputs named on the tact command line, with a directory
 * read as the files under it: `tact exports/`, `tact ~/Maildir`. Part of
 * the CLI, not of libtact: main.c calls it. */
#ifndef TACT_PATHS_H
#define TACT_PATHS_H

/* paths.c */
/* The n names in names with every directory replaced by the regular files
 * under it, recursively, in byte order of their paths (so runs repeat),
 * leaving out names that start with '.', a Maildir's tmp/ (messages
 * still being delivered, beside cur/ and new/) and symbolic links to
 * directories (not followed). Other names ("-", files,
 * names that do not exist) are kept as given, for the reader to open or
 * report. A directory that cannot be read is reported on standard error
 * and *bad is set. Returns a NULL-terminated array that the caller frees
 * with paths_free; *count is set to its length. */
char **paths_expand(char *const *names, int n, int *count, int *bad);
void paths_free(char **paths);

#endif
