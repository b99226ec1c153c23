#ifndef CANDOR_FUZZ_DRIVER_H
#define CANDOR_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>
// libFuzzer's driver, for harnesses whose `main` is provided by the build (SwiftPM executables).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
