#ifndef SLUICE_CLZMA_SHIM_H
#define SLUICE_CLZMA_SHIM_H
#include <lzma.h>
// LZMA_STREAM_INIT is a macro; Swift cannot use macros that build structs.
static inline lzma_stream sluice_lzma_stream_init(void) {
    lzma_stream s = LZMA_STREAM_INIT;
    return s;
}
// LZMA_CONCATENATED is a macro over UINT32_C, which Swift does not import.
static inline uint32_t sluice_lzma_concatenated(void) {
    return LZMA_CONCATENATED;
}
#endif
