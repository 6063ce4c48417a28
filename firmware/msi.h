/* SPDX-License-Identifier: Apache-2.0 */
/* MSI translation on an MSI-PTE cache miss (spec "Process to translate addresses of MSIs"). */
#ifndef FW_MSI_H
#define FW_MSI_H

#include <stdint.h>

#include "hal/fwif.h"
#include "riscv_iommu_bits.h"

/* Burst-buffer region of the MSI-PTE walk: one 16-byte PTE (after FW_BUF_MSI's beat). */
#define FW_BUF_MSIPTE 0x560u

/* msi_pte_check() result for a valid-looking MRIF-mode dw0 (not a cause) */
#define MSI_PTE_MRIF 0x10000u

/**
 * msi_pte_check() - judge the MSI PTE @dw0 (dw1 is checked by the caller in MRIF mode).
 * @ppn: the target PPN of a basic-translate (M=3) PTE, or the MRIF address >> 9 (M=1).
 *
 * Return: 0 (basic), MSI_PTE_MRIF (M=1, dw0 reserved bits clear),
 * RISCV_IOMMU_FQ_CAUSE_MSI_INVALID (262) when V=0, or RISCV_IOMMU_FQ_CAUSE_MSI_MISCONFIGURED
 * (263) for C=1, M=0/2, reserved bits.
 */
unsigned msi_pte_check(uint64_t dw0, uint64_t *ppn);

/**
 * msi_mrif_update() - set interrupt identity @id (1..2047) pending in the MRIF at @mrif
 * (512-aligned) with an exclusive read-modify-write of its pending doubleword (AXI4 exclusive
 * load/store, retried while another agent changes the doubleword in between; a plain RMW when the
 * memory has no exclusive monitor), and if @id is enabled there send the notice MSI of the MRIF
 * PTE doubleword @dw1 (4 bytes NID to NPPN<<12).
 *
 * Return: 0 or RISCV_IOMMU_FQ_CAUSE_MRIF_FAULT (264) on a bus error of the MRIF access or when
 * 16 exclusive stores in a row failed.
 */
unsigned msi_mrif_update(uint64_t mrif, uint32_t id, uint64_t dw1);

/**
 * msi_handle_miss() - MSI_MISS event: load the 16-byte PTE at the event's PTE address (one
 * burst), fill the MSI-PTE cache and retry, or fail the request (MISS_CMD 2) and write the
 * fault record (261/262/263; DTF=1 suppresses it).
 */
void msi_handle_miss(const struct fw_event *ev);

/**
 * msi_note_ctx() - the context miss path loaded @did's device context @dc: keep its
 * msi_addr_mask (when MSI translation is on), so that an MSI-PTE miss of that context finds it
 * in RAM instead of reading the device context again.
 */
void msi_note_ctx(uint32_t did, const struct riscv_iommu_dc *dc);

/** msi_masks_flush() - forget the kept masks (ddtp changed; mock reset). */
void msi_masks_flush(void);

/**
 * msi_pte_addr() - address of the MSI PTE for GPA page @gpn: @base (msiptp.PPN << 12) plus
 * 16 × I, I = extract(@gpn, @mask) (spec 2.3.3).
 */
uint64_t msi_pte_addr(uint64_t base, uint64_t gpn, uint64_t mask);

#endif /* FW_MSI_H */
