/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Interrupt generation (spec notes 1.13). WSI: a new fault record sets ipsr.fip, which drives
 * the wire icvec.fiv. MSI (fctl.WSI=0): the fip edge must send msi_data to msi_addr as a 4-byte
 * write; the burst engine has no 4-byte stores yet, so the firmware holds the message rather
 * than write 8 bytes: the test checks that nothing around msi_addr is ever clobbered, and that
 * a masked vector is not written. Delivery is checked once the RTL has SIZE32 stores.
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

TB_TEST(irq_msi)
{
	uint64_t before[4], after[4];

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
	fault(0x33);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & 2);
	CHECK_EQ(tb_wsi(), 0);
	mem_rd(MSI_AT - 8, after, sizeof(after));
	for (unsigned i = 0; i < 4; i++)
		CHECK_EQ(after[i], before[i]); /* masked: nothing sent */
	host_write32(RISCV_IOMMU_REG_MSI_VEC_CTL(3), 0);
	tb_step(3000);
	mem_rd(MSI_AT - 8, after, sizeof(after));
	CHECK_EQ(after[0], before[0]);
	CHECK_EQ(after[2], before[2]);
	CHECK_EQ((uint32_t)after[1], (uint32_t)before[1]); /* never an 8-byte write */
	if ((uint32_t)(after[1] >> 32) == 0x55)
		tb_log("MSI delivered as a 4-byte write");
	else
		tb_log("MSI held: the burst engine has no 4-byte stores (RTL SIZE32)");
}
