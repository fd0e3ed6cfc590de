#ifndef SLUICE_CUCHARDET_SHIM_H
#define SLUICE_CUCHARDET_SHIM_H
#include <uchardet/uchardet.h>
#endif
