#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>
#include "FuzzSupport.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int ccusage_fuzz_main(int argc, char **argv, fuzz_callback callback) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}

int ccusage_fuzz_memfd(void) {
    return memfd_create("ccusage-fuzz", MFD_CLOEXEC);
}

int ccusage_fuzz_set_content(int fd, const uint8_t *data, size_t size) {
    if (ftruncate(fd, 0) != 0) return -1;
    size_t done = 0;
    while (done < size) {
        ssize_t n = pwrite(fd, data + done, size - done, (off_t)done);
        if (n <= 0) return -1;
        done += (size_t)n;
    }
    return 0;
}
