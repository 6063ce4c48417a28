// SPDX-License-Identifier: Apache-2.0
/* MSI-PTE walk and MSI-PTE cache fill on an MSI_MISS event (IOMMU spec 1.8, AIA basic mode). */
#include "msi.h"
#include "fq.h"

/* clang-format off */
/* basic translate (M=3): PPN [53:10]; reserved [9:3] and [62:54] */
#define MSIPTE_BASIC_RSVD (GENMASK_ULL(9, 3) | GENMASK_ULL(62, 54))
/* clang-format on */

unsigned msi_pte_check(uint64_t dw0, uint64_t *ppn)
{
	unsigned m = (unsigned)FW_GET(RISCV_IOMMU_MSIPTE_DW0_M, dw0);

	if (!(dw0 & RISCV_IOMMU_MSIPTE_DW0_V))
		return RISCV_IOMMU_FQ_CAUSE_MSI_INVALID;
	/* C=1 is implementation-defined: this implementation defines no custom format. */
	if (dw0 & RISCV_IOMMU_MSIPTE_DW0_C)
		return RISCV_IOMMU_FQ_CAUSE_MSI_MISCONFIGURED;
	if (m != RISCV_IOMMU_MSIPTE_M_BASIC || (dw0 & MSIPTE_BASIC_RSVD))
		return RISCV_IOMMU_FQ_CAUSE_MSI_MISCONFIGURED;
	*ppn = FW_GET(RISCV_IOMMU_MSIPTE_DW0_PPN, dw0);
	return 0;
}

static uint64_t buf_read64(uint32_t off)
{
	return fw_buf_read32(off) | ((uint64_t)fw_buf_read32(off + 4) << 32);
}

void msi_handle_miss(const struct fw_event *ev)
{
	uint32_t w1	  = ev->w[1];
	struct fq_src src = {
		.did   = ev->w[0] & FWIF_EVT_CTX_MISS_W0_DID,
		.pid   = w1 & FWIF_EVT_CTX_MISS_W1_PID,
		.pv    = (w1 & FWIF_EVT_CTX_MISS_W1_PV) != 0,
		.priv  = (w1 & FWIF_EVT_CTX_MISS_W1_PRIV) != 0,
		.exec  = (w1 & FWIF_EVT_CTX_MISS_W1_EXEC) != 0,
		.write = (w1 & FWIF_EVT_CTX_MISS_W1_WRITE) != 0,
	};
	uint64_t iova = (uint64_t)ev->w[2] | ((uint64_t)ev->w[3] << 32);
	uint64_t pte  = (uint64_t)ev->w[5] | ((uint64_t)ev->w[6] << 32);
	/* GPA page: the first stage's output (= IOVA>>12 with a Bare first stage) */
	uint64_t gpn = (uint64_t)ev->w[7] |
		       ((uint64_t)FW_GET(FWIF_EVT_MSI_MISS_W4_GPN_HI, ev->w[4]) << 32);
	uint64_t ppn = 0;
	unsigned cause;

	/* The whole 16-byte PTE in one burst (dw1 matters only to MRIF). */
	if (fw_burst(pte & ~15ull, FW_BUF_MSIPTE, 2, false) != FW_OK)
		cause = RISCV_IOMMU_FQ_CAUSE_MSI_LOAD_FAULT;
	else
		cause = msi_pte_check(buf_read64(FW_BUF_MSIPTE), &ppn);
	if (!cause) {
		fwif_write32(FWIF_MSI_W0, ev->w[4] & FWIF_EVT_MSI_MISS_W4_GSCID);
		fwif_write32(FWIF_MSI_W1, (uint32_t)gpn);
		fwif_write32(FWIF_MSI_W2, (uint32_t)(gpn >> 32) & FWIF_MSI_W2_GPN_HI);
		fwif_write32(FWIF_MSI_W3, (uint32_t)ppn);
		fwif_write32(FWIF_MSI_W4, (uint32_t)(ppn >> 32) & FWIF_MSI_W4_PPN_HI);
		fwif_write32(FWIF_MSI_CMD, FWIF_MSI_CMD_LOAD);
		/* an exec request now hits and gets cause 1 from the datapath */
		fw_miss_retry();
		return;
	}
	/* Answer first (DMA never waits for the record); these causes obey DTF. */
	fw_miss_fail(cause);
	if (!(w1 & FWIF_EVT_MSI_MISS_W1_DTF))
		(void)fq_report(cause, &src, iova, 0);
}
