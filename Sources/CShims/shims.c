#define _GNU_SOURCE
#include <string.h>
#include "CShims.h"
#if defined(__linux__)
#include <sys/vfs.h>
#elif defined(__APPLE__)
#include <sys/param.h>
#include <sys/mount.h>
#endif

void *ccusage_memmem(const void *haystack, size_t haystack_len, const void *needle, size_t needle_len) {
    return memmem(haystack, haystack_len, needle, needle_len);
}

int ccusage_trusts_directory_times(const char *path) {
#if defined(__linux__)
    struct statfs fs;
    if (statfs(path, &fs) != 0) return 0;
    switch ((unsigned long)fs.f_type) {
    case 0xEF53UL:      /* ext2, ext3, ext4 */
    case 0x58465342UL:  /* XFS */
    case 0x9123683EUL:  /* Btrfs */
    case 0x01021994UL:  /* tmpfs */
    case 0x794C7630UL:  /* overlayfs */
    case 0xF2F52010UL:  /* F2FS */
    case 0x2FC12FC1UL:  /* ZFS */
    case 0xCA451A4EUL:  /* bcachefs */
        return 1;
    default:
        return 0;
    }
#elif defined(__APPLE__)
    struct statfs fs;
    if (statfs(path, &fs) != 0) return 0;
    return strcmp(fs.f_fstypename, "apfs") == 0 || strcmp(fs.f_fstypename, "hfs") == 0;
#else
    (void)path;
    return 0;
#endif
}
