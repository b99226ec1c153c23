#ifndef CANDOR_CPCRE2_SHIM_H
#define CANDOR_CPCRE2_SHIM_H
// PCRE2 needs the code unit width before its header; Candor matches UTF-8 only.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
