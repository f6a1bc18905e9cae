#define _GNU_SOURCE
#include <string.h>
#include "CShims.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__linux__)
#include <fcntl.h>
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

/* The compact markers of 07-codex §4.1 at a key's closing quote `p[j]` followed by `:` (every marker ends in those
   two bytes); `ccusage_codex_line` looks only at such places. */
static inline int ccusage_marker_at(const unsigned char *p, size_t n, size_t j) {
    int flags = 0;
    if (j >= 5 && memcmp(p + j - 5, "\"type", 5) == 0) {
        flags |= CCUSAGE_TYPE_KEY;
        if (j + 2 < n && p[j + 2] == '"') {
            const unsigned char *v = p + j + 3;
            size_t left = n - (j + 3);
            if (left >= 13 && memcmp(v, "turn_context\"", 13) == 0) flags |= CCUSAGE_TURN_CONTEXT;
            else if (left >= 10 && memcmp(v, "event_msg\"", 10) == 0) flags |= CCUSAGE_EVENT_MSG;
            else if (left >= 12 && memcmp(v, "token_count\"", 12) == 0) flags |= CCUSAGE_TOKEN_COUNT;
        }
    } else if (j >= 6 && memcmp(p + j - 6, "\"usage", 6) == 0) {
        flags |= CCUSAGE_USAGE_KEY;
    } else if (j >= 13 && memcmp(p + j - 7, "_tokens", 7) == 0) {
        if (memcmp(p + j - 13, "\"input", 6) == 0 || (j >= 14 && memcmp(p + j - 14, "\"prompt", 7) == 0)) {
            flags |= CCUSAGE_TOKENS_KEY;
        }
    }
    return flags;
}

/* The length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), or 0 (Unicode Table 3-7). */
static inline size_t ccusage_utf8_sequence(const unsigned char *p, size_t n) {
    unsigned char b = p[0];
    if (b >= 0xC2 && b <= 0xDF) return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (b >= 0xE0 && b <= 0xEF) {
        if (n < 3 || (p[2] & 0xC0) != 0x80) return 0;
        unsigned char lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
        return p[1] >= lo && p[1] <= hi ? 3 : 0;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (n < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
        unsigned char lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
        return p[1] >= lo && p[1] <= hi ? 4 : 0;
    }
    return 0;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define CCUSAGE_AVX2 1
#include <immintrin.h>
/* 1 when the CPU has AVX2 (asked once; a race only asks twice). */
static int ccusage_has_avx2(void) {
    static int known = -1;
    if (known < 0) known = __builtin_cpu_supports("avx2") ? 1 : 0;
    return known;
}

__attribute__((target("avx2"))) static size_t ccusage_json_plain_run_avx2(const unsigned char *p, size_t n) {
    size_t i = 0;
    const __m256i quote = _mm256_set1_epi8('"'), backslash = _mm256_set1_epi8('\\'), space = _mm256_set1_epi8(0x20);
    for (; i + 32 <= n; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(p + i));
        __m256i special = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, backslash)),
                                          _mm256_cmpgt_epi8(space, v));
        unsigned mask = (unsigned)_mm256_movemask_epi8(special);
        if (mask) return i + (size_t)__builtin_ctz(mask);
    }
    for (; i < n; i++) {
        unsigned char b = p[i];
        if (b == '"' || b == '\\' || b < 0x20 || b >= 0x80) return i;
    }
    return n;
}
#endif

/* Space, tab or CR: what may stand between `"type"`, `:` and a value in a line (a line holds no LF). */
static inline int ccusage_line_space(unsigned char b) { return b == ' ' || b == '\t' || b == '\r'; }

/* The markers at a quote `p[j]` followed by `:` or a space byte; adds CCUSAGE_SPACED_TYPE when `"type"` is followed
   by a space byte, or `"type":` by one (the only places where 07-codex §4.1's spaced forms can begin). */
static inline int ccusage_line_marker_at(const unsigned char *p, size_t n, size_t j) {
    if (p[j + 1] == ':') {
        int flags = ccusage_marker_at(p, n, j);
        if ((flags & CCUSAGE_TYPE_KEY) && j + 2 < n && ccusage_line_space(p[j + 2])) flags |= CCUSAGE_SPACED_TYPE;
        return flags;
    }
    return j >= 5 && ccusage_line_space(p[j + 1]) && memcmp(p + j - 5, "\"type", 5) == 0 ? CCUSAGE_SPACED_TYPE : 0;
}

static size_t ccusage_codex_line_from(const unsigned char *p, size_t n, size_t i, int *out) {
    int flags = *out;
    for (; i < n; i++) {
        unsigned char c = p[i];
        if (c == '\n') break;
        if (c == '"' && i + 1 < n && (p[i + 1] == ':' || ccusage_line_space(p[i + 1]))) {
            flags |= ccusage_line_marker_at(p, n, i);
        }
    }
    *out = flags;
    return i;
}

#if defined(CCUSAGE_AVX2)
/* The newline search and the marker search in one pass, 32 bytes at a time. */
__attribute__((target("avx2"))) static size_t ccusage_codex_line_avx2(const unsigned char *p, size_t n, int *out) {
    int flags = 0;
    size_t i = 0;
    const __m256i quote = _mm256_set1_epi8('"'), colon = _mm256_set1_epi8(':'), newline = _mm256_set1_epi8('\n');
    const __m256i space = _mm256_set1_epi8(0x21), letter_e = _mm256_set1_epi8('e'), letter_s = _mm256_set1_epi8('s');
    if (n == 0 || p[0] == '\n') { *out = 0; return 0; }
    /* From byte 1 on, so the byte before each position can be loaded too: a quote at 0 begins no marker. */
    for (i = 1; i + 33 <= n; i += 32) {
        __m256i before = _mm256_loadu_si256((const __m256i *)(p + i - 1));
        __m256i a = _mm256_loadu_si256((const __m256i *)(p + i));
        __m256i b = _mm256_loadu_si256((const __m256i *)(p + i + 1));
        /* A key's closing quote after the `e` of `type`/`usage` or the `s` of `_tokens`, before `:` or a byte
           <= 0x20 (signed: bytes >= 0x80 too); the scalar check sorts those out. */
        __m256i follower = _mm256_or_si256(_mm256_cmpeq_epi8(b, colon), _mm256_cmpgt_epi8(space, b));
        __m256i ending = _mm256_or_si256(_mm256_cmpeq_epi8(before, letter_e), _mm256_cmpeq_epi8(before, letter_s));
        unsigned mask = (unsigned)_mm256_movemask_epi8(
            _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(a, quote), follower), ending));
        unsigned lines = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, newline));
        if (lines) mask &= (lines & (0u - lines)) - 1;   /* only the quotes before the first newline */
        while (mask) {
            flags |= ccusage_line_marker_at(p, n, i + (size_t)__builtin_ctz(mask));
            mask &= mask - 1;
        }
        if (lines) {
            *out = flags;
            return i + (size_t)__builtin_ctz(lines);
        }
    }
    *out = flags;
    return ccusage_codex_line_from(p, n, i, out);
}
#endif

size_t ccusage_codex_line(const unsigned char *p, size_t n, int *flags) {
    *flags = 0;
#if defined(CCUSAGE_AVX2)
    if (ccusage_has_avx2()) return ccusage_codex_line_avx2(p, n, flags);
#endif
    return ccusage_codex_line_from(p, n, 0, flags);
}

size_t ccusage_json_plain_run(const unsigned char *p, size_t n) {
#if defined(CCUSAGE_AVX2)
    if (ccusage_has_avx2()) return ccusage_json_plain_run_avx2(p, n);
#endif
    size_t i = 0;
#if defined(__SSE2__)
    /* A signed compare with 0x20 catches both the control bytes and every byte >= 0x80. */
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                       _mm_cmplt_epi8(v, space));
        unsigned mask = (unsigned)_mm_movemask_epi8(special);
        if (mask) return i + (size_t)__builtin_ctz(mask);
    }
#endif
    for (; i < n; i++) {
        unsigned char b = p[i];
        if (b == '"' || b == '\\' || b < 0x20 || b >= 0x80) return i;
    }
    return n;
}

#if defined(CCUSAGE_AVX2)
/* `ccusage_json_string_run` with the AVX2 plain run inlined (strings of multi-byte text hand over often). */
__attribute__((target("avx2"))) static size_t ccusage_json_string_run_avx2(const unsigned char *p, size_t n) {
    size_t i = 0;
    for (;;) {
        i += ccusage_json_plain_run_avx2(p + i, n - i);
        if (i >= n || p[i] < 0x80) return i;
        size_t length = ccusage_utf8_sequence(p + i, n - i);
        if (length == 0) return i;
        i += length;
    }
}
#endif

size_t ccusage_json_string_run(const unsigned char *p, size_t n) {
#if defined(CCUSAGE_AVX2)
    if (ccusage_has_avx2()) return ccusage_json_string_run_avx2(p, n);
#endif
    size_t i = 0;
    for (;;) {
        i += ccusage_json_plain_run(p + i, n - i);
        if (i >= n || p[i] < 0x80) return i;
        size_t length = ccusage_utf8_sequence(p + i, n - i);
        if (length == 0) return i;
        i += length;
    }
}

int ccusage_start_writeback(int fd) {
#if defined(__linux__)
    return sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd;
    return 0;
#endif
}
