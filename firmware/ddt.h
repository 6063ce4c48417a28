/* SPDX-License-Identifier: Apache-2.0 */
/* Device-directory walk and device-context checks on a context miss (IOMMU spec 2.3.1, 2.1.4). */
#ifndef FW_DDT_H
#define FW_DDT_H

#include <stdbool.h>
#include <stdint.h>

#include "hal/fwif.h"
#include "riscv_iommu_bits.h"

/**
 * ddt_dc_check() - the device-context checks of spec 2.1.4 ("Device-context configuration
 * checks") for the capabilities @caps and @fctl. @ext: 64-byte (MSI_FLAT) format, else only
 * tc/iohgatp/ta/fsc are judged.
 *
 * Return: 0 when the DC may be used, RISCV_IOMMU_FQ_CAUSE_DDT_INVALID (258) when tc.V=0,
 * RISCV_IOMMU_FQ_CAUSE_DDT_MISCONFIGURED (259) for a reserved bit or an illegal setting.
 */
unsigned ddt_dc_check(const struct riscv_iommu_dc *dc, uint64_t caps, uint32_t fctl, bool ext);

/**
 * ddt_locate() - spec 2.3.1 "Process to locate the Device-context": one burst per non-leaf
 * DDTE (8 bytes) and one for the DC, into the burst buffer; never word by word.
 * @did: device_id; @ddtp: the current ddtp (a LVL mode); @dc: filled on success.
 *
 * Return: 0, or the cause: 260 (device_id too wide), 257 (bus error), 258, 259.
 */
unsigned ddt_locate(uint32_t did, uint64_t ddtp, uint64_t caps, uint32_t fctl,
		    struct riscv_iommu_dc *dc);

/**
 * ddt_ctx_load() - ddt_ctx_build() written straight into CTX_W0..15, then CTX_CMD load.
 */
void ddt_ctx_load(const struct riscv_iommu_dc *dc, uint32_t did);

/**
 * ddt_ctx_build() - the context-cache entry (architecture.md §5.2) of a checked DC for @did.
 * A PDTV=0 DC gives a pid-less entry (pv=0, pid=0: it matches every request of @did).
 */
void ddt_ctx_build(const struct riscv_iommu_dc *dc, uint32_t did, uint32_t w[16]);

/**
 * ddt_handle_miss() - CTX_MISS event: locate and check the DC, load the context and retry, or
 * fail the request (MISS_CMD 2) and write its fault record (DTF cannot suppress 256-259).
 */
void ddt_handle_miss(const struct fw_event *ev);

#endif /* FW_DDT_H */
