// SPDX-License-Identifier: Apache-2.0
/* Host library: fault-queue draining (spec 4.2, Linux riscv_iommu_fltq_process()). */
#include "host_internal.h"

static void decode(struct iohost *h, uint64_t rec, struct iohost_fault *f)
{
	uint64_t dw0 = mrd(h, rec + RISCV_IOMMU_FQ_DW0_OFFSET);

	f->cause   = (unsigned)fget(RISCV_IOMMU_FQ_DW0_CAUSE, dw0);
	f->pid	   = (uint32_t)fget(RISCV_IOMMU_FQ_DW0_PID, dw0);
	f->pv	   = dw0 & RISCV_IOMMU_FQ_DW0_PV;
	f->priv	   = dw0 & RISCV_IOMMU_FQ_DW0_PRIV;
	f->ttyp	   = (unsigned)fget(RISCV_IOMMU_FQ_DW0_TTYP, dw0);
	f->did	   = (uint32_t)fget(RISCV_IOMMU_FQ_DW0_DID, dw0);
	f->iotval  = mrd(h, rec + RISCV_IOMMU_FQ_IOTVAL_OFFSET);
	f->iotval2 = mrd(h, rec + RISCV_IOMMU_FQ_IOTVAL2_OFFSET);
}

int iohost_fault_drain(struct iohost *h, struct iohost_fault *out, unsigned max, uint32_t *flags)
{
	uint32_t mask = (1u << h->fq.log2sz) - 1, fqt, csr;
	int n	      = 0;

	/* acknowledge first, so a record arriving while we drain raises fip again */
	wr32(h, RISCV_IOMMU_REG_IPSR, RISCV_IOMMU_IPSR_FIP);
	fqt = rd32(h, RISCV_IOMMU_REG_FQT);
	if (fqt & ~mask)
		return IOHOST_ETIMEDOUT;
	while (h->fq.cons != fqt) {
		if (out && (unsigned)n < max)
			decode(h, h->fq.base + (uint64_t)h->fq.cons * 32u, &out[n]);
		n++;
		h->fq.cons = (h->fq.cons + 1) & mask;
	}
	wr32(h, RISCV_IOMMU_REG_FQH, h->fq.cons);
	csr = rd32(h, RISCV_IOMMU_REG_FQCSR);
	csr &= RISCV_IOMMU_FQCSR_FQMF | RISCV_IOMMU_FQCSR_FQOF;
	if (csr)
		wr32(h, RISCV_IOMMU_REG_FQCSR,
		     csr | RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FIE); /* W1C, stay on */
	if (flags)
		*flags = csr;
	return n;
}
