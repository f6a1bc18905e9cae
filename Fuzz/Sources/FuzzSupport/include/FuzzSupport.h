#ifndef CCUSAGE_FUZZ_SUPPORT_H
#define CCUSAGE_FUZZ_SUPPORT_H
#include <stddef.h>
#include <stdint.h>

typedef int (*fuzz_callback)(const uint8_t *data, size_t size);

/// Runs libFuzzer (from libclang_rt.fuzzer, linked by `-sanitize=fuzzer`) on `callback` with the
/// process's arguments and returns its exit status.
///
/// Why not `@_cdecl("LLVMFuzzerTestOneInput")` and libFuzzer's own `main`: SwiftPM names an executable
/// target's entry point `<Module>_main` and links it with `--defsym main=<Module>_main`, so with
/// `-parse-as-library` the link fails (undefined `<Module>_main`). Each target's `main.swift` therefore
/// calls this, which calls `LLVMFuzzerRunDriver`.
int ccusage_fuzz_main(int argc, char **argv, fuzz_callback callback);

/// An anonymous in-memory file (memfd_create); `/proc/self/fd/<fd>` is a path to it. -1 on failure.
int ccusage_fuzz_memfd(void);

/// Replaces the whole content of `fd` with `size` bytes. 0 on success.
int ccusage_fuzz_set_content(int fd, const uint8_t *data, size_t size);

#endif
