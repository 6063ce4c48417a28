// SPDX-License-Identifier: Apache-2.0
/* Fault queue writer (IOMMU spec 4.2 "Fault/Event-Queue"). */
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

/*
 * Only what cannot change behind the firmware's back lives in RAM: the ring geometry (fqb, which
 * the host may write only while the queue is off; a doorbell) and fqt (firmware-owned; zeroed by
 * the fqcsr enable handshake, also a doorbell). Both are reloaded after those doorbells
 * (fq_flush()). fqcsr is read per record: the host may clear fqof/fqmf, change fqie or disable
 * the queue just before a fault event arrives, ahead of the firmware taking that doorbell. fqh is
 * host-written: the copy is re-read only when the queue looks full (a stale fqh only hides room).
 */
static struct {
	bool valid;
	uint32_t csr; /* this record's fqcsr (read by fq_reserve()) */
	uint32_t mask, head, tail;
	uint64_t base;
} fq;

void fq_flush(void)
{
	fq.valid = false;
}

static void fq_load(void)
{
	uint64_t fqb	= page_read64(RISCV_IOMMU_REG_FQB);
	unsigned log2sz = (unsigned)FW_GET(RISCV_IOMMU_FQB_LOG2SZ_1, fqb) + 1;

	fq.base	 = FW_GET(RISCV_IOMMU_FQB_PPN, fqb) << 12;
	fq.mask	 = log2sz >= 32 ? 0xFFFFFFFFu : (1u << log2sz) - 1;
	fq.head	 = page_read32(RISCV_IOMMU_REG_FQH) & fq.mask;
	fq.tail	 = page_read32(RISCV_IOMMU_REG_FQT) & fq.mask;
	fq.valid = true;
}

/* FQ_OK when a record may go to slot fq.tail; else why it is dropped. Inlined: the fault path
 * (fq_write_evt) is the hot one, and a call costs its stack spills (each store ~7 cycles). */
static inline __attribute__((always_inline)) int fq_reserve(void)
{
	fq.csr = page_read32(RISCV_IOMMU_REG_FQCSR);
	if (!(fq.csr & FQCSR_ON))
		return FQ_EOFF;
	if (fq.csr & (FQCSR_MF | FQCSR_OF))
		return FQ_EDROP;
	if (!fq.valid)
		fq_load();
	if (((fq.tail + 1) & fq.mask) == fq.head) {
		/* Looks full: the host may have consumed records since fqh was read. */
		fq.head = page_read32(RISCV_IOMMU_REG_FQH) & fq.mask;
		if (((fq.tail + 1) & fq.mask) == fq.head) {
			/* Full: lost, and so is every later one until fqof is cleared. */
			page_set32(RISCV_IOMMU_REG_FQCSR, FQCSR_OF);
			return FQ_EFULL;
		}
	}
	return FQ_OK;
}

/* Store the record staged at FW_BUF_FQ to slot fq.tail and publish it. */
static int fq_commit(void)
{
	if (fw_burst(fq.base + (uint64_t)fq.tail * REC_WORDS * 4, FW_BUF_FQ, REC_BEATS, true) !=
	    FW_OK) {
		page_set32(RISCV_IOMMU_REG_FQCSR, FQCSR_MF);
		return FQ_EIO;
	}
	/* fqt is IOMMU-owned (RO to the host): a raw write. The record is in memory first. */
	fq.tail = (fq.tail + 1) & fq.mask;
	page_write32(RISCV_IOMMU_REG_FQT, fq.tail);
	if (fq.csr & FQCSR_FIE)
		page_set32(RISCV_IOMMU_REG_IPSR, (uint32_t)RISCV_IOMMU_IPSR_FIP);
	return FQ_OK;
}

int fq_write(const uint32_t rec[8])
{
	int r = fq_reserve();

	if (r != FQ_OK)
		return r;
	for (unsigned i = 0; i < REC_WORDS; i++)
		fw_buf_write32(FW_BUF_FQ + 4 * i, rec[i]);
	return fq_commit();
}

int fq_write_evt(void)
{
	int r = fq_reserve();

	if (r != FQ_OK) {
		fwif_write32(FWIF_EVT_POP, 1);
		return r;
	}
	/* The RTL copies the record from the head event to the staging buffer and pops it
	 * (BURST_CTRL.EVT): no payload word passes through the core. The FQ base is
	 * page-aligned and a slot is 32 bytes: no address checks needed. */
	fw_evt_store_go(fq.base + (uint64_t)fq.tail * REC_WORDS * 4, FW_BUF_FQ);
	if (fw_burst_wait() != FW_OK) {
		page_set32(RISCV_IOMMU_REG_FQCSR, FQCSR_MF);
		return FQ_EIO;
	}
	fq.tail = (fq.tail + 1) & fq.mask;
	page_write32(RISCV_IOMMU_REG_FQT, fq.tail);
	if (fq.csr & FQCSR_FIE)
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
