#include "CBuildInfo.h"

// A C macro can carry a value from the build command into the binary; a Swift condition cannot.
#define CANDOR_STRING(value) #value
#define CANDOR_EXPANDED_STRING(value) CANDOR_STRING(value)

const char *candor_build_commit(void) {
#ifdef CANDOR_COMMIT
    return CANDOR_EXPANDED_STRING(CANDOR_COMMIT);
#else
    return "unknown";
#endif
}
