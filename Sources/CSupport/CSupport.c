// CSupport is header-only (static inline functions Swift inlines); SwiftPM needs one source.
#include "CSupport.h"
