/* SPDX-License-Identifier: Apache-2.0 */
/* Device-directory walk and context-cache fill on a context miss (IOMMU spec 2.3.1). */
#ifndef FW_DDT_H
#define FW_DDT_H

#include <stdbool.h>
#include <stdint.h>

#include "hal/fwif.h"
#include "riscv_iommu_bits.h"

/**
 * ddt_locate() - spec 2.3.1 "Process to locate the Device-context": one burst per non-leaf
 * DDTE (8 bytes) into the burst buffer, then the DC with BURST_CTRL.CTX into CTX_W0..15, where
 * the RTL (iommu_dc_check) applies the device-context configuration checks of spec 2.1.4.
 * @did: device_id; @ddtp: the current ddtp (a LVL mode); @st: the BURST_STATUS that ended the
 * DC load (its DC_* bits: the verdict, PDTV, DTF, MSI), when it was loaded.
 *
 * Return: 0, or the cause: 260 (device_id too wide), 257 (bus error), 258, 259.
 */
unsigned ddt_locate(uint32_t did, uint64_t ddtp, uint64_t caps, uint32_t *st);

/** ddt_dc_read() - the DC that ddt_locate() loaded, from CTX_W0..15 (16 register reads). */
void ddt_dc_read(struct riscv_iommu_dc *dc);

/**
 * ddt_handle_miss() - CTX_MISS event with payload word 0 @w0 (the event is still the head of the
 * FIFO; the caller pops it after): locate and check the DC, load the context and retry, or fail
 * the request (MISS_CMD 2) and write its fault record (DTF cannot suppress 256-259).
 */
void ddt_handle_miss(uint32_t w0);

#endif /* FW_DDT_H */
