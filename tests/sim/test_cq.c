/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Command queue in firmware (spec 4.1 "Command-Queue"): every legal command completes and cqh
 * passes it; IODIR.INVAL_DDT really drops a cached context; IOFENCE.C AV=1 stores DATA;
 * IOFENCE.C WSI=1 sets fence_w_ip and drives the icvec.civ wire; each illegal command stops
 * the queue with cmd_ill and cqh on it, and clearing cmd_ill resumes; a fetch bus error sets
 * cqmf.
 */
#include "tb.h"
#include "tb_regs.h"

/* clang-format off */
#define CQ_BASE   0x80400000ull
#define CQ_LOG2   6u
#define CQ_MASK   ((1u << CQ_LOG2) - 1)
#define DDT_ROOT  0x80100000ull
#define DATA      0x80200000ull
#define FENCE_AT  0x80500000ull
#define CMD_ILL   (1u << 10)
#define CQMF      (1u << 8)
#define FENCE_W_IP (1u << 11)
/* clang-format on */

static uint32_t tail;

static void cq_on(uint64_t base)
{
	bool ok;

	tail = 0;
	host_write32(RISCV_IOMMU_REG_CQCSR, 0);
	host_poll32(RISCV_IOMMU_REG_CQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	host_write64(RISCV_IOMMU_REG_CQB, (base >> 12) << TB_QB_PPN_SHIFT | (CQ_LOG2 - 1));
	host_write32(RISCV_IOMMU_REG_CQT, 0);
	host_write32(RISCV_IOMMU_REG_CQCSR, TB_QCSR_EN | TB_QCSR_IE | TB_QCSR_MF | CMD_ILL);
	host_poll32(RISCV_IOMMU_REG_CQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQH), 0);
}

static void push(uint64_t dw0, uint64_t dw1)
{
	mem_wr64(CQ_BASE + 16ull * tail, dw0);
	mem_wr64(CQ_BASE + 16ull * tail + 8, dw1);
	tail = (tail + 1) & CQ_MASK;
}

/* Ring the doorbell and wait until cqh reaches the tail (or an error stops the queue). */
static bool sync_cq(void)
{
	uint64_t t0 = tb_cycle();
	bool ok;

	host_write32(RISCV_IOMMU_REG_CQT, tail);
	host_poll32(RISCV_IOMMU_REG_CQH, 0xffffffffu, tail, 200000, &ok);
	tb_log("cq: %u commands done in %llu cycles", tail, (unsigned long long)(tb_cycle() - t0));
	return ok;
}

TB_TEST(cq_cmds)
{
	struct dma_attr a = {.did = 7, .id = 3};
	uint64_t r[1], beat;
	size_t log0;
	unsigned fence_w = 0;
	bool ok;

	CHECK(tb_wait_fw_boot());
	cq_on(CQ_BASE);
	/* IOTINVAL.VMA: (GV, AV, PSCV) all variants; GVMA: GV=0, GV=1, GV=1 AV=1. */
	push(0x1, 0);
	push(0x1 | 5ull << 12 | 1ull << 32, 0);
	push(0x1 | 1ull << 10, 0x80000ull << 10);
	push(0x1 | 1ull << 10 | 5ull << 12 | 1ull << 32, 0x80000ull << 10);
	push(0x1 | 1ull << 33 | 9ull << 44, 0);
	push(0x1 | 1ull << 33 | 1ull << 10 | 9ull << 44 | 1ull << 32, 0x80000ull << 10);
	push(0x81, 0);
	push(0x81 | 1ull << 33 | 9ull << 44, 0);
	push(0x81 | 1ull << 33 | 1ull << 10 | 9ull << 44, 0x80000ull << 10);
	/* IODIR: all, one device, one process. IOFENCE.C as Linux sends it. */
	push(0x3, 0);
	push(0x3 | 1ull << 33 | 7ull << 40, 0);
	push(0x83 | 1ull << 33 | 7ull << 40 | 3ull << 12, 0);
	push(0x3002, 0);
	/* IOFENCE.C AV=1 to the high half of a beat, then to the low half of the next: each is
	 * one 4-byte firmware write (no read-modify-write), the neighbouring 4 bytes survive. */
	mem_wr64(FENCE_AT, 0x1111111122222222ull);
	mem_wr64(FENCE_AT + 8, 0x3333333344444444ull);
	log0 = mem_log_count();
	push(0x2 | 1ull << 10 | 0xCAFEF00Dull << 32, (FENCE_AT + 4) >> 2);
	push(0x2 | 1ull << 10 | 0xBEEF0001ull << 32, (FENCE_AT + 8) >> 2);
	CHECK(sync_cq());
	beat = mem_rd64(FENCE_AT);
	CHECK_EQ(beat, 0xCAFEF00D22222222ull);
	CHECK_EQ(mem_rd64(FENCE_AT + 8), 0x33333333BEEF0001ull);
	for (size_t i = log0; i < mem_log_count(); i++) {
		const struct mem_txn *t = mem_log_get(i);

		if ((t->id >> 4) != MEM_SRC_FW || t->addr < FENCE_AT || t->addr >= FENCE_AT + 16)
			continue;
		CHECK(t->write);
		CHECK_EQ(t->beats, 1);
		CHECK(t->addr == FENCE_AT + 4 || t->addr == FENCE_AT + 8);
		fence_w++;
	}
	CHECK_EQ(fence_w, 2);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQCSR) & (CQMF | CMD_ILL), 0);

	/* IODIR.INVAL_DDT DV=1 really drops the cached DC: cached hit, V=0, inval, fault. */
	mem_wr64(DDT_ROOT + 64 * 7, 1);
	host_write64(RISCV_IOMMU_REG_DDTP, (DDT_ROOT >> 12) << TB_DDTP_PPN_SHIFT | TB_DDTP_1LVL);
	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK_EQ(dma_read(&a, DATA, r, 1), AXI_OKAY);
	mem_wr64(DDT_ROOT + 64 * 7, 0);
	push(0x3 | 1ull << 33 | 7ull << 40, 0);
	push(0x3002, 0);
	CHECK(sync_cq());
	/* The 258 record is firmware-written: the scoreboard expects it in the queue. */
	CHECK_EQ(dma_read(&a, DATA, r, 1), AXI_SLVERR);
}

TB_TEST(cq_illegal)
{
	static const uint64_t bad[][2] = {
		{0x5, 0},		/* reserved opcode */
		{0x4, 0},		/* ATS.INVAL: no ATS */
		{0x40, 0},		/* custom opcode */
		{0x81 | 1ull << 32, 0}, /* GVMA with PSCV */
		{0x83, 0},		/* INVAL_PDT with DV=0 */
		{0x1 | 1ull << 11, 0},	/* reserved bit */
		{0x2 | 1ull << 20, 0},	/* reserved bit */
		{0x3, 1},		/* reserved dw1 */
		{0x102, 0},		/* IOFENCE func3 2 */
	};
	bool ok;

	CHECK(tb_wait_fw_boot());
	cq_on(CQ_BASE);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint32_t bad_at, csr;

		push(0x3002, 0);
		bad_at = tail;
		push(bad[i][0], bad[i][1]);
		push(0x3002, 0);
		host_write32(RISCV_IOMMU_REG_CQT, tail);
		csr = host_poll32(RISCV_IOMMU_REG_CQCSR, CMD_ILL, CMD_ILL, 200000, &ok);
		CHECK(ok);
		CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQH), bad_at);
		CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & 1);
		/* Stays stopped, then resumes once software fixes it and clears cmd_ill. */
		tb_step(2000);
		CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQH), bad_at);
		mem_wr64(CQ_BASE + 16ull * bad_at, 0x3002);
		mem_wr64(CQ_BASE + 16ull * bad_at + 8, 0);
		host_write32(RISCV_IOMMU_REG_CQCSR, csr);
		host_write32(RISCV_IOMMU_REG_IPSR, 1);
		host_poll32(RISCV_IOMMU_REG_CQH, 0xffffffffu, tail, 200000, &ok);
		CHECK(ok);
		CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQCSR) & CMD_ILL, 0);
	}
}

TB_TEST(cq_cqmf)
{
	uint32_t csr;
	bool ok;

	CHECK(tb_wait_fw_boot());
	cq_on(CQ_BASE);
	mem_set_error(CQ_BASE, CQ_BASE + 4096, true);
	push(0x3002, 0);
	host_write32(RISCV_IOMMU_REG_CQT, tail);
	csr = host_poll32(RISCV_IOMMU_REG_CQCSR, CQMF, CQMF, 200000, &ok);
	CHECK(ok);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQH), 0);
	mem_set_error(CQ_BASE, CQ_BASE + 4096, false);
	/* IOFENCE.C AV=1 to a faulting address: cqmf, cqh stays on the fence. */
	host_write32(RISCV_IOMMU_REG_CQCSR, csr);
	host_poll32(RISCV_IOMMU_REG_CQH, 0xffffffffu, tail, 200000, &ok);
	CHECK(ok);
	mem_set_error(FENCE_AT, FENCE_AT + 8, true);
	push(0x2 | 1ull << 10 | 7ull << 32, FENCE_AT >> 2);
	host_write32(RISCV_IOMMU_REG_CQT, tail);
	host_poll32(RISCV_IOMMU_REG_CQCSR, CQMF, CQMF, 200000, &ok);
	CHECK(ok);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQH), 1);
	mem_set_error(FENCE_AT, FENCE_AT + 8, false);
}

TB_TEST(cq_fence_wsi)
{
	bool ok;

	CHECK(tb_wait_fw_boot());
	host_write32(RISCV_IOMMU_REG_FCTL, 2);	     /* WSI */
	host_write64(RISCV_IOMMU_REG_ICVEC, 0x3215); /* civ = 5 */
	cq_on(CQ_BASE);
	CHECK_EQ(tb_wsi(), 0);
	push(0x2 | 1ull << 11, 0);
	CHECK(sync_cq());
	host_poll32(RISCV_IOMMU_REG_CQCSR, FENCE_W_IP, FENCE_W_IP, 2000, &ok);
	CHECK(ok);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & 1);
	CHECK_EQ(tb_wsi(), 1u << 5);
	/* Clear the cause, then ipsr: the wire drops. */
	host_write32(RISCV_IOMMU_REG_CQCSR, TB_QCSR_EN | TB_QCSR_IE | FENCE_W_IP);
	host_write32(RISCV_IOMMU_REG_IPSR, 1);
	tb_step(10);
	CHECK_EQ(tb_wsi(), 0);
}
