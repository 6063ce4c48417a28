// SPDX-License-Identifier: Apache-2.0
/* Fault queue writer (IOMMU spec 4.2 "Fault/Event-Queue", notes 1.9). */
#include "fq.h"
#include "hal/fwif.h"
#include "riscv_iommu_bits.h"

/* clang-format off */
#define FQCSR_ON   ((uint32_t)RISCV_IOMMU_FQCSR_FQON)
#define FQCSR_FIE  ((uint32_t)RISCV_IOMMU_FQCSR_FIE)
#define FQCSR_MF   ((uint32_t)RISCV_IOMMU_FQCSR_FQMF)
#define FQCSR_OF   ((uint32_t)RISCV_IOMMU_FQCSR_FQOF)
#define REC_WORDS  (RISCV_IOMMU_FQ_SIZE / 4)
#define REC_BEATS  (RISCV_IOMMU_FQ_SIZE / 8)
/* clang-format on */

unsigned fq_ttyp(const struct fq_src *src)
{
	if (src->exec)
		return RISCV_IOMMU_FQ_TTYP_UADDR_INST;
	return src->write ? RISCV_IOMMU_FQ_TTYP_UADDR_WR : RISCV_IOMMU_FQ_TTYP_UADDR_RD;
}

void fq_rec_build(uint32_t rec[8], unsigned cause, const struct fq_src *src, uint64_t iotval,
		  uint64_t iotval2)
{
	uint64_t hdr = FW_PREP(RISCV_IOMMU_FQ_DW0_CAUSE, cause);

	if (src) {
		hdr |= FW_PREP(RISCV_IOMMU_FQ_DW0_TTYP, fq_ttyp(src)) |
		       FW_PREP(RISCV_IOMMU_FQ_DW0_DID, src->did);
		/* Without a process_id the request is user and carries no PID (arch. §6). */
		if (src->pv)
			hdr |= FW_PREP(RISCV_IOMMU_FQ_DW0_PID, src->pid) | RISCV_IOMMU_FQ_DW0_PV |
			       (src->priv ? RISCV_IOMMU_FQ_DW0_PRIV : 0);
	}
	rec[0] = (uint32_t)hdr;
	rec[1] = (uint32_t)(hdr >> 32);
	rec[2] = 0; /* dw1: custom, none */
	rec[3] = 0;
	rec[4] = (uint32_t)iotval;
	rec[5] = (uint32_t)(iotval >> 32);
	rec[6] = (uint32_t)iotval2;
	rec[7] = (uint32_t)(iotval2 >> 32);
}

int fq_write(const uint32_t rec[8])
{
	uint32_t csr = page_read32(RISCV_IOMMU_REG_FQCSR);
	uint64_t fqb;
	uint32_t mask, head, tail;
	unsigned log2sz;

	if (!(csr & FQCSR_ON))
		return FQ_EOFF;
	if (csr & (FQCSR_MF | FQCSR_OF))
		return FQ_EDROP;
	fqb    = page_read64(RISCV_IOMMU_REG_FQB);
	log2sz = (unsigned)FW_GET(RISCV_IOMMU_FQB_LOG2SZ_1, fqb) + 1;
	mask   = log2sz >= 32 ? 0xFFFFFFFFu : (1u << log2sz) - 1;
	head   = page_read32(RISCV_IOMMU_REG_FQH) & mask;
	tail   = page_read32(RISCV_IOMMU_REG_FQT) & mask;
	if (((tail + 1) & mask) == head) {
		/* Full: this record is lost, and so is every later one until fqof is cleared. */
		page_set32(RISCV_IOMMU_REG_FQCSR, FQCSR_OF);
		return FQ_EFULL;
	}
	for (unsigned i = 0; i < REC_WORDS; i++)
		fw_buf_write32(FW_BUF_FQ + 4 * i, rec[i]);
	if (fw_burst((FW_GET(RISCV_IOMMU_FQB_PPN, fqb) << 12) + (uint64_t)tail * REC_WORDS * 4,
		     FW_BUF_FQ, REC_BEATS, true) != FW_OK) {
		page_set32(RISCV_IOMMU_REG_FQCSR, FQCSR_MF);
		return FQ_EIO;
	}
	/* fqt is IOMMU-owned (RO to the host): a raw write. The record is in memory first. */
	page_write32(RISCV_IOMMU_REG_FQT, (tail + 1) & mask);
	if (csr & FQCSR_FIE)
		page_set32(RISCV_IOMMU_REG_IPSR, (uint32_t)RISCV_IOMMU_IPSR_FIP);
	return FQ_OK;
}

int fq_report(unsigned cause, const struct fq_src *src, uint64_t iotval, uint64_t iotval2)
{
	uint32_t rec[REC_WORDS];

	fq_rec_build(rec, cause, src, iotval, iotval2);
	return fq_write(rec);
}

void fq_overflow(void)
{
	uint32_t csr = page_read32(RISCV_IOMMU_REG_FQCSR);

	if ((csr & FQCSR_ON) && !(csr & FQCSR_OF))
		page_set32(RISCV_IOMMU_REG_FQCSR, FQCSR_OF);
}
