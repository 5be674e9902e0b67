// File: rasd/rasd.h — the umbrella header of rasd's public API.
#ifndef RASD_RASD_H_
#define RASD_RASD_H_

#include "rasd/document.h"
#include "rasd/engine.h"
#include "rasd/normalize.h"
#include "rasd/status.h"

#endif  // RASD_RASD_H_
