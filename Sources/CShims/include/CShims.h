#ifndef CSHIMS_H
#define CSHIMS_H
#include <stddef.h>

/// memmem (a GNU extension the Swift Glibc module does not export).
void *ccusage_memmem(const void *haystack, size_t haystack_len, const void *needle, size_t needle_len);

/// 1 when `path` is on a local disk file system known to update a directory's modification time, with
/// sub-second or 1-2 s precision, whenever an entry is added, removed or renamed (ext2/3/4, XFS, Btrfs,
/// tmpfs, overlayfs, F2FS, ZFS, bcachefs on Linux; APFS and HFS+ on macOS); 0 otherwise or on error.
int ccusage_trusts_directory_times(const char *path);

#endif
