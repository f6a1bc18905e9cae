#ifndef CSHIMS_H
#define CSHIMS_H
#include <stddef.h>

/// memmem (a GNU extension the Swift Glibc module does not export).
void *ccusage_memmem(const void *haystack, size_t haystack_len, const void *needle, size_t needle_len);

/// 1 when `path` is on a local disk file system known to update a directory's modification time, with
/// sub-second or 1-2 s precision, whenever an entry is added, removed or renamed (ext2/3/4, XFS, Btrfs,
/// tmpfs, overlayfs, F2FS, ZFS, bcachefs on Linux; APFS and HFS+ on macOS); 0 otherwise or on error.
int ccusage_trusts_directory_times(const char *path);

/// The compact markers of a Codex line (07-codex §4.1): bits of `ccusage_codex_line`'s flags.
#define CCUSAGE_TYPE_KEY 1        /* "type": */
#define CCUSAGE_TURN_CONTEXT 2    /* "type":"turn_context" */
#define CCUSAGE_EVENT_MSG 4       /* "type":"event_msg" */
#define CCUSAGE_TOKEN_COUNT 8     /* "type":"token_count" */
#define CCUSAGE_USAGE_KEY 16      /* "usage": */
#define CCUSAGE_TOKENS_KEY 32     /* "input_tokens": or "prompt_tokens": */
#define CCUSAGE_SPACED_TYPE 64    /* "type" or "type": followed by a space, tab or CR (ccusage_codex_line only) */
/// The line at `p` (up to its first `\n`, or `length`): its length, returned, and its markers in `*flags`, the newline
/// and marker searches in one pass: the compact markers found in the line, plus CCUSAGE_SPACED_TYPE when a
/// spaced `"type"` form (07-codex §4.1) can occur in it (when absent, none can).
size_t ccusage_codex_line(const unsigned char *p, size_t length, int *flags);

/// How many bytes from `p` on are plain string content for a JSON parser: not `"`, not `\\`, not a control
/// byte (< 0x20) and ASCII (< 0x80). `length` when all are.
size_t ccusage_json_plain_run(const unsigned char *p, size_t length);
/// Like `ccusage_json_plain_run`, but also skips well-formed UTF-8 sequences (no overlong forms, surrogates or
/// values past U+10FFFF): the offset of the first `"`, `\\`, control byte or ill-formed sequence.
size_t ccusage_json_string_run(const unsigned char *p, size_t length);

/// Starts writing a file's dirty pages to disk without waiting for them (Linux `sync_file_range`), so a
/// later `fsync` waits for less; does nothing elsewhere. Returns 0, or -1 with errno.
int ccusage_start_writeback(int fd);

/// Asks the CPU to fetch the cache lines of `length` bytes at `p` ahead of a read (rows read out of order).
static inline void ccusage_prefetch(const void *p, size_t length) {
    const char *line = (const char *)((size_t)p & ~(size_t)63), *end = (const char *)p + length;
    for (; line < end; line += 64) __builtin_prefetch(line, 0, 3);
}

#endif
