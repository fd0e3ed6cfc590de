#ifndef SLUICE_CSUPPORT_H
#define SLUICE_CSUPPORT_H

/// Asks the CPU to start loading the cache line at `p` for reading, without waiting for it:
/// unlike a load, a prefetch retires at once, so many independent cache misses can be in
/// flight together (the language identifier's probes into its n-gram table).
static inline void sluice_prefetch(const void *p) {
    __builtin_prefetch(p, 0, 3);
}

#endif
