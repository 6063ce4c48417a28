/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Process-directory walk, process-context checks and the PDTV=1 context-cache fill on a context
 * miss (IOMMU spec 2.3.2, 2.2), with the G-stage for PDT addresses when iohgatp is on.
 */
#ifndef FW_PDT_H
#define FW_PDT_H

#include <stdbool.h>
#include <stdint.h>

#include "fq.h"
#include "hal/fwif.h"
#include "riscv_iommu_bits.h"

/* Burst-buffer slots of the firmware G-stage walk (free gap after FW_BUF_PC): level n at +8*n. */
#define FW_BUF_GPTE 0x4B0u

/**
 * pdt_pc_check() - process-context checks: V=0 gives 266; a reserved bit of ta/fsc, or an
 * iosatp mode unsupported (@caps) or illegal for @tc.SXL gives 267. 0 when usable.
 */
unsigned pdt_pc_check(const uint64_t pc[2], uint64_t tc, uint64_t caps);

/**
 * pdt_gstage() - translate the GPA of an implicit PDT read through the G-stage of @iohgatp
 * (identity when Bare), one 1-beat burst per G-stage PTE.
 * @gade: DC.tc.GADE: a leaf with A=0 gets A set (exclusive load/store) instead of a fault.
 * @src: the original request (its access type names the guest-page fault).
 *
 * Return: 0 (*@spa set), 265 on a bus error, or guest-page fault 20/21/23 with
 * *@iotval2 = GPA | 1 (implicit access).
 */
unsigned pdt_gstage(uint64_t iohgatp, uint64_t gpa, bool gade, const struct fq_src *src,
		    uint64_t *spa, uint64_t *iotval2);

/**
 * pdt_locate() - spec 2.3.2 "Process to locate the Process-context" for @pid under the DC's
 * pdtp (PD8/PD17/PD20; @pid already fits). @pc gets PC.ta, PC.fsc (checked).
 *
 * Return: 0, 265 (bus error), 266 (V=0), 267 (reserved bits, bad mode), or a guest-page fault
 * from pdt_gstage() (*@iotval2 set).
 */
unsigned pdt_locate(const struct riscv_iommu_dc *dc, uint64_t caps, uint32_t pid,
		    const struct fq_src *src, uint64_t pc[2], uint64_t *iotval2);

/**
 * pdt_ctx_fill() - the context-cache entry for a request of @src under a checked PDTV=1 DC @dc,
 * which ddt_locate() left in CTX_W0..15: DPE/pv rules, process_id width (260), PC walk; then
 * the PC's PSCID and fsc into CTX_W (ta, fsc) and the key (pid, pv) and ENS/SUM into CTX_KEY.
 * The caller loads it (CTX_CMD load with the device_id).
 *
 * Return: 0, or the fault cause (*@iotval2 set for guest-page faults).
 */
unsigned pdt_ctx_fill(const struct riscv_iommu_dc *dc, uint64_t caps, const struct fq_src *src,
		      uint64_t *iotval2);

#endif /* FW_PDT_H */
