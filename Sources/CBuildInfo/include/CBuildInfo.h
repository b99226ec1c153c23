#ifndef CANDOR_BUILD_INFO_H
#define CANDOR_BUILD_INFO_H

/// The commit the binary was built from, as `make` passes it (`-Xcc -DCANDOR_COMMIT=<hash>`), or
/// "unknown" for a build that did not say.
const char *candor_build_commit(void);

#endif
