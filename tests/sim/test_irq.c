/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Interrupt generation (spec "ipsr", "icvec", "msi_cfg_tbl"). WSI: a new fault record sets
 * ipsr.fip, which drives the wire icvec.fiv. MSI (fctl.WSI=0): the fip edge sends msi_data to
 * msi_addr as one 4-byte write (burst engine SIZE32): the test checks the data, that the
 * neighbouring 4 bytes are never touched, that a masked vector is held until unmasked and then
 * written exactly once, and that a bus error on the MSI write is reported as cause 273 with
 * iotval = msi_addr.
 */
#include "tb.h"
#include "tb_regs.h"

/* clang-format off */
#define FQ_BASE  0x80300000ull
#define DATA     0x80200000ull
#define MSI_AT   0x80600000ull
/* clang-format on */

static void fq_on(void)
{
	bool ok;

	host_write64(RISCV_IOMMU_REG_FQB, (FQ_BASE >> 12) << TB_QB_PPN_SHIFT | 3);
	host_write32(RISCV_IOMMU_REG_FQH, 0);
	host_write32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_EN | TB_QCSR_IE);
	host_poll32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
}

static void fault(uint32_t did)
{
	struct dma_attr a = {.did = did, .id = 5};
	uint64_t r[1];

	CHECK_EQ(dma_read(&a, DATA, r, 1), AXI_SLVERR);
	tb_step(3000);
}

TB_TEST(irq_wsi)
{
	CHECK(tb_wait_fw_boot());
	host_write32(RISCV_IOMMU_REG_FCTL, 2);
	for (unsigned v = 1; v < 16; v += 7) {
		host_write64(RISCV_IOMMU_REG_ICVEC, (uint64_t)v << 4);
		fq_on();
		CHECK_EQ(tb_wsi(), 0);
		fault(v);
		CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & 2);
		CHECK_EQ(tb_wsi(), 1u << v);
		host_write32(RISCV_IOMMU_REG_FQH, host_read32(RISCV_IOMMU_REG_FQT));
		host_write32(RISCV_IOMMU_REG_IPSR, 2);
		tb_step(10);
		CHECK_EQ(tb_wsi(), 0);
	}
}

/* Firmware (burst-engine) transactions touching [lo, hi) since log index @from. */
static unsigned fw_txns(size_t from, uint64_t lo, uint64_t hi, bool write, uint64_t *addr)
{
	unsigned n = 0;

	for (size_t i = from; i < mem_log_count(); i++) {
		const struct mem_txn *t = mem_log_get(i);
		uint64_t end		= (t->addr & ~7ull) + 8ull * t->beats;

		if ((t->id >> 4) != MEM_SRC_FW || t->write != write || end <= lo || t->addr >= hi)
			continue;
		if (addr)
			*addr = t->addr;
		n++;
	}
	return n;
}

static void fq_drain(void)
{
	host_write32(RISCV_IOMMU_REG_FQH, host_read32(RISCV_IOMMU_REG_FQT));
	host_write32(RISCV_IOMMU_REG_IPSR, 2);
	tb_step(100);
}

TB_TEST(irq_msi)
{
	uint64_t before[4], after[4], at = 0;
	size_t log0;

	CHECK(tb_wait_fw_boot());
	host_write32(RISCV_IOMMU_REG_FCTL, 0);
	host_write64(RISCV_IOMMU_REG_ICVEC, 0x3 << 4); /* fiv = 3 */
	host_write64(RISCV_IOMMU_REG_MSI_ADDR(3), MSI_AT + 4);
	host_write32(RISCV_IOMMU_REG_MSI_DATA(3), 0x55);
	host_write32(RISCV_IOMMU_REG_MSI_VEC_CTL(3), 1); /* masked */
	for (unsigned i = 0; i < 4; i++)
		before[i] = 0xA5A5A5A5A5A5A5A5ull + i;
	mem_wr(MSI_AT - 8, before, sizeof(before));
	fq_on();
	log0 = mem_log_count();
	fault(0x33);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & 2);
	CHECK_EQ(tb_wsi(), 0);
	mem_rd(MSI_AT - 8, after, sizeof(after));
	for (unsigned i = 0; i < 4; i++)
		CHECK_EQ(after[i], before[i]); /* masked: nothing sent */
	CHECK_EQ(fw_txns(log0, MSI_AT - 8, MSI_AT + 24, true, NULL), 0);

	/* Unmask: the held message goes out once, as a 4-byte write to the high half. */
	host_write32(RISCV_IOMMU_REG_MSI_VEC_CTL(3), 0);
	tb_step(3000);
	mem_rd(MSI_AT - 8, after, sizeof(after));
	CHECK_EQ(after[0], before[0]);
	CHECK_EQ(after[2], before[2]);
	CHECK_EQ(after[3], before[3]);
	CHECK_EQ((uint32_t)after[1], (uint32_t)before[1]); /* neighbour untouched */
	CHECK_EQ((uint32_t)(after[1] >> 32), 0x55);
	CHECK_EQ(fw_txns(log0, MSI_AT - 8, MSI_AT + 24, true, &at), 1);
	CHECK_EQ(at, MSI_AT + 4);
	CHECK_EQ(fw_txns(log0, MSI_AT - 8, MSI_AT + 24, false, NULL), 0); /* no read-modify-write */
	tb_step(3000);
	CHECK_EQ(fw_txns(log0, MSI_AT - 8, MSI_AT + 24, true, NULL), 1); /* exactly one */

	/* A new record after fip is cleared: a second edge, now to the low half of a beat. */
	fq_drain();
	host_write64(RISCV_IOMMU_REG_MSI_ADDR(3), MSI_AT + 8);
	host_write32(RISCV_IOMMU_REG_MSI_DATA(3), 0x66);
	log0 = mem_log_count();
	fault(0x34);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & 2);
	mem_rd(MSI_AT - 8, after, sizeof(after));
	CHECK_EQ(after[0], before[0]);
	CHECK_EQ((uint32_t)(after[1] >> 32), 0x55);
	CHECK_EQ(after[2], (before[2] & ~0xFFFFFFFFull) | 0x66);
	CHECK_EQ(after[3], before[3]);
	CHECK_EQ(fw_txns(log0, MSI_AT - 8, MSI_AT + 24, true, &at), 1);
	CHECK_EQ(at, MSI_AT + 8);
}

TB_TEST(irq_msi_fault)
{
	uint64_t rec[4];

	CHECK(tb_wait_fw_boot());
	host_write32(RISCV_IOMMU_REG_FCTL, 0);
	host_write64(RISCV_IOMMU_REG_ICVEC, 0x5 << 4); /* fiv = 5 */
	host_write64(RISCV_IOMMU_REG_MSI_ADDR(5), MSI_AT + 4);
	host_write32(RISCV_IOMMU_REG_MSI_DATA(5), 0x77);
	host_write32(RISCV_IOMMU_REG_MSI_VEC_CTL(5), 0);
	mem_wr64(MSI_AT, 0x0123456789ABCDEFull);
	mem_set_error(MSI_AT, MSI_AT + 8, true);
	fq_on();
	fault(0x35);
	mem_set_error(MSI_AT, MSI_AT + 8, false);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & 2);
	CHECK_EQ(mem_rd64(MSI_AT), 0x0123456789ABCDEFull);
	/* Record 0: the DMA fault; record 1: the MSI write fault. */
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), 2);
	mem_rd(FQ_BASE + 32, rec, sizeof(rec));
	CHECK_EQ(rec[0] & 0xFFF, 273);
	CHECK_EQ((rec[0] >> 34) & 0x3F, 0); /* TTYP: none */
	CHECK_EQ(rec[2], MSI_AT + 4);	    /* iotval = msi_addr */
	CHECK_EQ(rec[3], 0);
}
