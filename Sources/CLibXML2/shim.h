#ifndef CANDOR_CLIBXML2_SHIM_H
#define CANDOR_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the ICU copy inside Swift's Foundation.
// Candor never touches the encoding-handler struct that needs them, only pointers to it.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#endif
