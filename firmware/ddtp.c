// SPDX-License-Identifier: Apache-2.0
/* ddtp mode changes (IOMMU spec "Device-directory-table pointer"). */
#include "ddtp.h"
#include "hal/fwif.h"

static bool mode_is_lvl(uint32_t mode)
{
	return mode == RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL ||
	       mode == RISCV_IOMMU_DDTP_IOMMU_MODE_2LVL || mode == RISCV_IOMMU_DDTP_IOMMU_MODE_3LVL;
}

uint64_t ddtp_next(uint64_t cur, uint64_t req)
{
	uint32_t cur_mode = (uint32_t)(cur & RISCV_IOMMU_DDTP_IOMMU_MODE);
	uint32_t new_mode = (uint32_t)(req & RISCV_IOMMU_DDTP_IOMMU_MODE);

	cur &= ~RISCV_IOMMU_DDTP_BUSY;
	if (new_mode == RISCV_IOMMU_DDTP_IOMMU_MODE_OFF ||
	    new_mode == RISCV_IOMMU_DDTP_IOMMU_MODE_BARE)
		return new_mode; /* PPN is only kept for the LVL modes (reads 0, Linux probe) */
	if (!mode_is_lvl(new_mode))
		return cur; /* reserved or custom mode: WARL keeps the old value */
	if (mode_is_lvl(cur_mode))
		return cur; /* LVL to LVL must go through Off/Bare: refused */
	return new_mode | (req & RISCV_IOMMU_DDTP_PPN);
}

void ddtp_handle(void)
{
	uint64_t req  = page_read64(RISCV_IOMMU_REG_FW_DDTP_REQ);
	uint64_t cur  = page_read64(RISCV_IOMMU_REG_DDTP);
	uint64_t next = ddtp_next(cur, req);

	/* Cached device contexts belong to the old directory: drop them on any change. */
	if (next != (cur & ~RISCV_IOMMU_DDTP_BUSY))
		fw_ctx_inval_all();
	/* High half first; the low half carries busy=0 and completes the operation. */
	page_write64(RISCV_IOMMU_REG_DDTP, next);
}
