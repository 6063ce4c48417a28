/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The memory port against a W-first memory (AXI4 A3.3.1: a slave may wait for WVALID before it
 * raises AWREADY, a master must not wait for AWREADY before WVALID). The burst engine's writes
 * (fault records, IOFENCE.C AV stores) meet a memory that holds AWREADY until it has seen their
 * W data, while DMA writes pass through iommu_mem_arb to the same memory: an arbiter whose
 * WVALID waits for AWREADY hangs here (the records and stores never land), one that mixes up
 * the W order fails the memory model's beat checks or the data checks. The DMA source itself is
 * not made to wait: iommu_xlate offers a write's W beats only after its AW handshake
 * (doc/verification.md, "Findings").
 */
#include "tb.h"
#include "tb_regs.h"

/* clang-format off */
#define FQ_BASE  0x80300000ull
#define CQ_BASE  0x80400000ull
#define FENCE_AT 0x80500000ull
#define DATA     0x80200000ull
#define CQ_LOG2  4u
#define NFAULT   3u
#define NFENCE   4u
#define NDMA     8u
/* clang-format on */

static void queue_on(uint32_t csr, uint32_t base_reg, uint64_t base, unsigned log2)
{
	bool ok;

	host_write32(csr, 0);
	host_poll32(csr, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	host_write64(base_reg, (base >> 12) << TB_QB_PPN_SHIFT | (log2 - 1));
	host_write32(csr, TB_QCSR_EN | TB_QCSR_IE | TB_QCSR_MF);
	host_poll32(csr, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	CHECK(host_read32(csr) & TB_QCSR_ON);
}

TB_TEST(memport_wfirst)
{
	static struct dma_op op[NDMA];
	struct dma_attr a = {.did = 0x40, .id = 5};
	uint64_t r[1], rec[4];
	bool ok;

	mem_set_aw_wait_w(1u << MEM_SRC_FW);
	mem_set_backpressure(tb_rand() % 30);
	CHECK(tb_wait_fw_boot());

	/* ddtp Off: every DMA faults (256) and the firmware's burst engine stores a 32-byte record. */
	queue_on(RISCV_IOMMU_REG_FQCSR, RISCV_IOMMU_REG_FQB, FQ_BASE, 3);
	host_write32(RISCV_IOMMU_REG_FQH, 0);
	for (unsigned i = 0; i < NFAULT; i++) {
		a.did = 0x40 + i;
		CHECK_EQ(dma_read(&a, DATA, r, 1), AXI_SLVERR);
	}
	host_poll32(RISCV_IOMMU_REG_FQT, 0xffffffffu, NFAULT, 200000, &ok);
	CHECK(ok);
	if (!ok)
		return; /* the records hang: the port is stuck, the rest would only wait */
	for (unsigned i = 0; i < NFAULT; i++) {
		mem_rd(FQ_BASE + 32 * i, rec, sizeof(rec));
		CHECK_EQ(rec[0] & 0xfff, 256);
		CHECK_EQ(rec[0] >> 40, 0x40 + i);
		CHECK_EQ(rec[2], DATA);
	}

	/* Bare: DMA writes (memory takes their AW without W) while the command queue's
	 * IOFENCE.C AV=1 stores wait for their W. */
	host_write64(RISCV_IOMMU_REG_DDTP, TB_DDTP_BARE);
	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	queue_on(RISCV_IOMMU_REG_CQCSR, RISCV_IOMMU_REG_CQB, CQ_BASE, CQ_LOG2);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQH), 0);
	for (unsigned i = 0; i < NFENCE; i++) {
		mem_wr64(FENCE_AT + 8 * i, 0);
		mem_wr64(CQ_BASE + 16 * i, 0x2 | 1ull << 10 | (uint64_t)(0xF00D0000u + i) << 32);
		mem_wr64(CQ_BASE + 16 * i + 8, (FENCE_AT + 8 * i) >> 2);
	}
	for (unsigned i = 0; i < NDMA; i++) {
		op[i] = (struct dma_op){.attr  = {.did = 1, .id = i & 3},
					.iova  = DATA + 0x100 * i,
					.beats = 1 + i % 4,
					.write = true};
		for (unsigned k = 0; k < op[i].beats; k++)
			op[i].data[k] = 0x5eed000000000000ull | i << 8 | k;
	}
	host_write32(RISCV_IOMMU_REG_CQT, NFENCE);
	for (unsigned i = 0; i < NDMA; i++)
		dma_issue(&op[i]);
	CHECK(dma_wait_all(200000));
	host_poll32(RISCV_IOMMU_REG_CQH, 0xffffffffu, NFENCE, 200000, &ok);
	CHECK(ok);
	for (unsigned i = 0; i < NFENCE; i++)
		CHECK_EQ(mem_rd64(FENCE_AT + 8 * i), 0xF00D0000u + i);
	for (unsigned i = 0; i < NDMA; i++) {
		CHECK_EQ(op[i].resp, AXI_OKAY);
		for (unsigned k = 0; k < op[i].beats; k++)
			CHECK_EQ(mem_rd64(op[i].iova + 8 * k), op[i].data[k]);
	}
	tb_log("memport: %u firmware AWs waited for their W", mem_aw_waited());
	CHECK(mem_aw_waited() >= NFAULT + NFENCE);
}
