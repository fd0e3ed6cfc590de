#ifndef SLUICE_CBZIP2_SHIM_H
#define SLUICE_CBZIP2_SHIM_H
#include <stdio.h>
#include <bzlib.h>
#endif
