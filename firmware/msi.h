/* SPDX-License-Identifier: Apache-2.0 */
/* MSI address translation on an MSI-PTE cache miss (IOMMU spec 1.8, AIA MSI page tables). */
#ifndef FW_MSI_H
#define FW_MSI_H

#include <stdint.h>

#include "hal/fwif.h"
#include "riscv_iommu_bits.h"

/* Burst-buffer region of the MSI-PTE walk: one 16-byte PTE (after FW_BUF_MSI's beat). */
#define FW_BUF_MSIPTE 0x560u

/**
 * msi_pte_check() - judge the MSI PTE @dw0 (dw1 is ignored in basic mode).
 * @ppn: the target PPN of a basic-translate (M=3) PTE.
 *
 * Return: 0, RISCV_IOMMU_FQ_CAUSE_MSI_INVALID (262) when V=0, or
 * RISCV_IOMMU_FQ_CAUSE_MSI_MISCONFIGURED (263) for C=1, M=0/2, reserved bits, and for M=1 (MRIF:
 * not implemented by this datapath yet).
 */
unsigned msi_pte_check(uint64_t dw0, uint64_t *ppn);

/**
 * msi_handle_miss() - MSI_MISS event: load the 16-byte PTE at the event's PTE address (one
 * burst), fill the MSI-PTE cache and retry, or fail the request (MISS_CMD 2) and write the
 * fault record (261/262/263; DTF=1 suppresses it).
 */
void msi_handle_miss(const struct fw_event *ev);

#endif /* FW_MSI_H */
