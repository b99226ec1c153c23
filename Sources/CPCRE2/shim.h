#ifndef CANDOR_CPCRE2_SHIM_H
#define CANDOR_CPCRE2_SHIM_H
// PCRE2 needs the code unit width before its header; Candor matches UTF-8 only.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// A pattern is JIT-compiled the first time any thread matches it; every match reads its state.
// Acquire and release order: a thread that reads "compiled" also sees the compiled code.
static inline int candor_load_acquire(const int *state) { return __atomic_load_n(state, __ATOMIC_ACQUIRE); }
static inline void candor_store_release(int *state, int value) { __atomic_store_n(state, value, __ATOMIC_RELEASE); }
#endif
