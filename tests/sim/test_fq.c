/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fault queue in firmware (spec 4.2): with ddtp Off every DMA faults (cause 256,
 * RTL record via a FAULT event). A 4-entry queue takes 3 records in order, then fqof is set and
 * later records are dropped, while every DMA still gets its SLVERR at once (DMA never stalls
 * on the queue). A store bus error sets fqmf and drops records until software clears it.
 */
#include "tb.h"
#include "tb_regs.h"

/* clang-format off */
#define FQ_BASE  0x80300000ull
#define DATA     0x80200000ull
#define FQOF     (1u << 9)
#define FQMF     (1u << 8)
/* clang-format on */

static void fq_on(unsigned log2)
{
	bool ok;

	host_write32(RISCV_IOMMU_REG_FQCSR, 0);
	host_poll32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	host_write64(RISCV_IOMMU_REG_FQB, (FQ_BASE >> 12) << TB_QB_PPN_SHIFT | (log2 - 1));
	host_write32(RISCV_IOMMU_REG_FQH, 0);
	host_write32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_EN | TB_QCSR_IE | TB_QCSR_MF | FQOF);
	host_poll32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
}

/* One faulting read; returns its duration in cycles. */
static uint64_t fault_dma(uint32_t did)
{
	struct dma_attr a = {.did = did, .id = 4};
	uint64_t t0	  = tb_cycle(), r[1];

	CHECK_EQ(dma_read(&a, DATA, r, 1), AXI_SLVERR);
	return tb_cycle() - t0;
}

TB_TEST(fq_overflow)
{
	uint64_t worst = 0, rec[4];

	CHECK(tb_wait_fw_boot());
	fq_on(2); /* 4 entries, 3 usable */
	for (unsigned i = 0; i < 6; i++) {
		uint64_t d = fault_dma(0x100 + i);

		worst = d > worst ? d : worst;
		tb_step(3000);
	}
	tb_log("worst faulting DMA: %llu cycles", (unsigned long long)worst);
	CHECK(worst < 200);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), 3);
	CHECK(host_read32(RISCV_IOMMU_REG_FQCSR) & FQOF);
	for (unsigned i = 0; i < 3; i++) {
		mem_rd(FQ_BASE + 32 * i, rec, sizeof(rec));
		CHECK_EQ(rec[0] & 0xfff, 256);
		CHECK_EQ(rec[0] >> 40, 0x100 + i);
		CHECK_EQ((rec[0] >> 34) & 0x3f, 2);
		CHECK_EQ(rec[2], DATA);
	}
	/* Drained but fqof still set: dropped. Cleared: recorded again. */
	host_write32(RISCV_IOMMU_REG_FQH, 3);
	fault_dma(0x200);
	tb_step(3000);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), 3);
	host_write32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_EN | TB_QCSR_IE | FQOF);
	fault_dma(0x201);
	tb_step(3000);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), 0);
	mem_rd(FQ_BASE + 32 * 3, rec, sizeof(rec));
	CHECK_EQ(rec[0] >> 40, 0x201);
}

TB_TEST(fq_fqmf)
{
	CHECK(tb_wait_fw_boot());
	fq_on(4);
	mem_set_error(FQ_BASE, FQ_BASE + 4096, true);
	fault_dma(0x300);
	tb_step(3000);
	CHECK(host_read32(RISCV_IOMMU_REG_FQCSR) & FQMF);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), 0);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & 2);
	mem_set_error(FQ_BASE, FQ_BASE + 4096, false);
	fault_dma(0x301);
	tb_step(3000);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), 0); /* still dropped while fqmf */
	host_write32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_EN | TB_QCSR_IE | FQMF);
	fault_dma(0x302);
	tb_step(3000);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), 1);
	CHECK_EQ(mem_rd64(FQ_BASE) >> 40, 0x302);
}
