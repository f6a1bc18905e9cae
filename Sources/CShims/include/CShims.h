#ifndef CSHIMS_H
#define CSHIMS_H
#include <stddef.h>

/// memmem (a GNU extension the Swift Glibc module does not export).
void *ccusage_memmem(const void *haystack, size_t haystack_len, const void *needle, size_t needle_len);

#endif
