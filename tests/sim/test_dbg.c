/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Debug translation interface (spec 6.24-6.26: tr_req_iova, tr_req_ctl, tr_response) through
 * the real datapath: one device context in a 1LVL DDT (fixed tables, as test_ddt.c does),
 * first stage Sv39. A 4 KiB page, a 2 MiB superpage (S=1, NAPOT-encoded PPN) and an unmapped
 * page (fault=1). None of them may reach memory from the DMA source or write a fault record;
 * only the DDT read (firmware) and the page walk (PTW) touch memory.
 */
#include "tb.h"
#include "tb_regs.h"

/* clang-format off */
#define DDT_ROOT  0x80100000ull
#define PT_ROOT   0x80110000ull
#define PT_L1     0x80111000ull
#define PT_L0     0x80112000ull
#define FQ_BASE   0x80300000ull
#define FQ_LOG2   6u
#define PAGE_4K   0x80500000ull
#define PAGE_2M   0x80800000ull
#define DID       5u
#define PTE_LEAF  0xd7ull          /* D A U W R V */
#define IOVA_4K   0x40001000ull    /* L2 1, L1 0, L0 1 */
#define IOVA_2M   0x40234000ull    /* L2 1, L1 1: 2 MiB leaf */
#define IOVA_NONE 0x40003000ull    /* L0 3: V=0 */
#define TR_CTL_GO (1ull << 0)
#define TR_CTL_NW (1ull << 3)
/* clang-format on */

static void fq_on(void)
{
	bool ok;

	host_write64(RISCV_IOMMU_REG_FQB, (FQ_BASE >> 12) << TB_QB_PPN_SHIFT | (FQ_LOG2 - 1));
	host_write32(RISCV_IOMMU_REG_FQH, 0);
	host_write32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_EN | TB_QCSR_IE);
	host_poll32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
}

static void setup(void)
{
	static const uint64_t zero[512];
	uint64_t dc[8] = {1, 0, 0, (8ull << 60) | (PT_ROOT >> 12), 0, 0, 0, 0}; /* V, Sv39 */
	bool ok;

	mem_wr(DDT_ROOT, zero, sizeof(zero));
	mem_wr(PT_ROOT, zero, sizeof(zero));
	mem_wr(PT_L1, zero, sizeof(zero));
	mem_wr(PT_L0, zero, sizeof(zero));
	mem_wr(DDT_ROOT + 64 * DID, dc, sizeof(dc));
	mem_wr64(PT_ROOT + 8 * 1, (PT_L1 >> 12) << 10 | 1);
	mem_wr64(PT_L1 + 8 * 0, (PT_L0 >> 12) << 10 | 1);
	mem_wr64(PT_L0 + 8 * 1, (PAGE_4K >> 12) << 10 | PTE_LEAF);
	mem_wr64(PT_L1 + 8 * 1, (PAGE_2M >> 12) << 10 | PTE_LEAF);

	host_write64(RISCV_IOMMU_REG_DDTP, (DDT_ROOT >> 12) << TB_DDTP_PPN_SHIFT | TB_DDTP_1LVL);
	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
}

static uint64_t dbg_xlate(uint64_t iova, uint64_t flags)
{
	bool ok;

	host_write64(RISCV_IOMMU_REG_TR_REQ_IOVA, iova);
	host_write64(RISCV_IOMMU_REG_TR_REQ_CTL, (uint64_t)DID << 40 | flags | TR_CTL_GO);
	host_poll32(RISCV_IOMMU_REG_TR_REQ_CTL, 1, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	return host_read64(RISCV_IOMMU_REG_TR_RESPONSE);
}

static size_t dma_txns(void)
{
	size_t n = 0;

	for (size_t i = 0; i < mem_log_count(); i++)
		if ((mem_log_get(i)->id >> 4) == MEM_SRC_DMA)
			n++;
	return n;
}

TB_TEST(dbg)
{
	uint64_t r, w = 0x5a5a;
	struct dma_attr a = {.did = DID, .id = 3};

	CHECK(tb_wait_fw_boot());
	fq_on();
	setup();
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_CAPABILITIES) >> 31 & 1, 1); /* DBG */

	size_t faults0 = tb_fault_count(), dma0 = dma_txns();
	uint32_t fqt0 = host_read32(RISCV_IOMMU_REG_FQT);

	/* 4 KiB page: a context miss to firmware, then a walk. Busy while pending; tr_req_* are
	 * frozen (host writes ignored) until the answer. Then again (the IOTLB hit path). */
	bool ok;
	host_write64(RISCV_IOMMU_REG_TR_REQ_IOVA, IOVA_4K);
	host_write64(RISCV_IOMMU_REG_TR_REQ_CTL, (uint64_t)DID << 40 | TR_CTL_NW | TR_CTL_GO);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_TR_REQ_CTL) & 1, 1);
	host_write64(RISCV_IOMMU_REG_TR_REQ_IOVA, IOVA_NONE);
	host_poll32(RISCV_IOMMU_REG_TR_REQ_CTL, 1, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_TR_REQ_IOVA), IOVA_4K);
	r = host_read64(RISCV_IOMMU_REG_TR_RESPONSE);
	tb_log("dbg 4K: tr_response %016llx\n", (unsigned long long)r);
	CHECK_EQ(r, (PAGE_4K >> 12) << 10);
	r = dbg_xlate(IOVA_4K + 0x123, 0); /* NW=0: read/write; low bits ignored */
	CHECK_EQ(r, (PAGE_4K >> 12) << 10);

	/* 2 MiB superpage: S=1, PPN[8]=0, PPN[7:0]=1. */
	r = dbg_xlate(IOVA_2M, TR_CTL_NW);
	tb_log("dbg 2M: tr_response %016llx\n", (unsigned long long)r);
	CHECK_EQ(r, (((PAGE_2M >> 12) | 0xff) & ~0x100ull) << 10 | (1ull << 9));

	/* Unmapped page: fault, nothing else. */
	r = dbg_xlate(IOVA_NONE, TR_CTL_NW);
	CHECK_EQ(r, 1);

	/* Priv=1 without PV is a user request (PCIe semantics): the U=1 page still translates. */
	r = dbg_xlate(IOVA_2M, 1ull << 1);
	CHECK_EQ(r, (((PAGE_2M >> 12) | 0xff) & ~0x100ull) << 10 | (1ull << 9));

	tb_step(200);
	CHECK_EQ(dma_txns(), dma0);			  /* nothing from the DMA source */
	CHECK_EQ(tb_fault_count(), faults0);		  /* no RTL fault record */
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), fqt0); /* and none from firmware */

	/* The real DMA path translates the same page. */
	CHECK_EQ(dma_write(&a, IOVA_4K + 8, &w, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(PAGE_4K + 8), 0x5a5a);
	CHECK_EQ(dma_txns(), dma0 + 1);
}
