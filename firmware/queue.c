// SPDX-License-Identifier: Apache-2.0
/* cqcsr / fqcsr enable handshakes (IOMMU spec "Command queue", "Fault queue"). */
#include "queue.h"
#include "hal/fwif.h"

const struct queue_desc queue_cq = {
	.csr_off = RISCV_IOMMU_REG_CQCSR,
	.ptr_off = RISCV_IOMMU_REG_CQH,
	.en	 = RISCV_IOMMU_CQCSR_CQEN,
	.on	 = RISCV_IOMMU_CQCSR_CQON,
	.busy	 = RISCV_IOMMU_CQCSR_BUSY,
	.errs	 = RISCV_IOMMU_CQCSR_CQMF | RISCV_IOMMU_CQCSR_CMD_TO | RISCV_IOMMU_CQCSR_CMD_ILL |
		RISCV_IOMMU_CQCSR_FENCE_W_IP,
};

const struct queue_desc queue_fq = {
	.csr_off = RISCV_IOMMU_REG_FQCSR,
	.ptr_off = RISCV_IOMMU_REG_FQT,
	.en	 = RISCV_IOMMU_FQCSR_FQEN,
	.on	 = RISCV_IOMMU_FQCSR_FQON,
	.busy	 = RISCV_IOMMU_FQCSR_BUSY,
	.errs	 = RISCV_IOMMU_FQCSR_FQMF | RISCV_IOMMU_FQCSR_FQOF,
};

enum queue_change queue_csr_handle(const struct queue_desc *q)
{
	uint32_t csr		 = page_read32(q->csr_off);
	enum queue_change change = QUEUE_NO_CHANGE;

	if ((csr & q->en) && !(csr & q->on)) {
		/* The index is IOMMU-owned (RO to the host): a raw write is safe. */
		page_write32(q->ptr_off, 0);
		page_clear32(q->csr_off, q->errs);
		page_set32(q->csr_off, q->on);
		change = QUEUE_ENABLED;
	} else if (!(csr & q->en) && (csr & q->on)) {
		page_clear32(q->csr_off, q->on);
		change = QUEUE_DISABLED;
	}
	page_clear32(q->csr_off, q->busy);
	return change;
}
