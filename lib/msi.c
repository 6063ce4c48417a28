// SPDX-License-Identifier: Apache-2.0
/* Host library: msi_cfg_tbl (IOMMU interrupts) and MSI page-table entries (interrupt remapping). */
#include "host_internal.h"

int iohost_msi_cfg(struct iohost *h, unsigned vec, uint64_t addr, uint32_t data, bool masked)
{
	uint32_t stride = RISCV_IOMMU_REG_MSI_ADDR_1 - RISCV_IOMMU_REG_MSI_ADDR_0;

	if (vec >= 16 || (addr & ~RISCV_IOMMU_MSI_ADDR_ADDR))
		return IOHOST_EINVAL;
	/* mask while the entry is rewritten */
	wr32(h, RISCV_IOMMU_REG_MSI_VEC_CTL_0 + vec * stride, RISCV_IOMMU_MSI_VEC_CTL_M);
	wr64(h, RISCV_IOMMU_REG_MSI_ADDR_0 + vec * stride, addr);
	wr32(h, RISCV_IOMMU_REG_MSI_DATA_0 + vec * stride, data);
	wr32(h, RISCV_IOMMU_REG_MSI_VEC_CTL_0 + vec * stride,
	     masked ? RISCV_IOMMU_MSI_VEC_CTL_M : 0);
	return 0;
}

void iohost_msi_pte_basic(struct iohost *h, uint64_t tbl, uint64_t index, uint64_t pa)
{
	uint64_t a = tbl + index * 16u;

	mwr(h, a + 8, 0);
	wmb(h);
	mwr(h, a,
	    RISCV_IOMMU_MSIPTE_DW0_V | fprep(RISCV_IOMMU_MSIPTE_DW0_M, RISCV_IOMMU_MSIPTE_M_BASIC) |
		    fprep(RISCV_IOMMU_MSIPTE_DW0_PPN, pa >> 12));
}

void iohost_msi_pte_mrif(struct iohost *h, uint64_t tbl, uint64_t index, uint64_t mrif,
			 uint64_t npa, unsigned nid)
{
	uint64_t a = tbl + index * 16u;

	mwr(h, a + 8,
	    fprep(RISCV_IOMMU_MSIPTE_DW1_N, nid & 0x3ff) |
		    fprep(RISCV_IOMMU_MSIPTE_DW1_NPPN, npa >> 12) |
		    fprep(RISCV_IOMMU_MSIPTE_DW1_N10, (nid >> 10) & 1));
	wmb(h);
	mwr(h, a,
	    RISCV_IOMMU_MSIPTE_DW0_V | fprep(RISCV_IOMMU_MSIPTE_DW0_M, RISCV_IOMMU_MSIPTE_M_MRIF) |
		    fprep(RISCV_IOMMU_MSIPTE_DW0_MRIF_ADDR, mrif >> 9));
}
