/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Bare mode: ddtp written as Linux does (W64, then poll busy, doc/linux-driver.md §3 step 2);
 * afterwards every DMA passes through untranslated (spec 2.3 step 2) for any device_id,
 * process_id and privilege, over several burst sizes, blocking and overlapped.
 */
#include "tb.h"
#include "tb_regs.h"

#define BASE 0x80000000ull
#define SPAN 0x00100000ull /* 1 MiB test window */

static uint64_t rand_iova(unsigned beats)
{
	/* 8-aligned, inside one 4 KiB page (a burst must not cross it, doc/architecture.md §6). */
	uint64_t page = BASE + (tb_rand64() % (SPAN >> 12) << 12);

	return page + 8ull * (tb_rand() % (512 - beats + 1));
}

static void rand_attr(struct dma_attr *a)
{
	a->did	= tb_rand() & 0xffffff;
	a->pid	= tb_rand() & 0xfffff;
	a->pv	= tb_rand() & 1;
	a->priv = tb_rand() & 1;
	a->exec = (tb_rand() & 7) == 0;
	a->id	= tb_rand() & 0xf;
}

TB_TEST(bare)
{
	struct dma_attr a;
	uint64_t wbuf[32], rbuf[32];
	static struct dma_op ops[16];
	bool ok;
	uint64_t v;

	CHECK(tb_wait_fw_boot());
	mem_set_latency(1 + tb_rand() % 12);
	mem_set_backpressure(tb_rand() % 30);
	dma_set_backpressure(tb_rand() % 20);

	host_poll32(RISCV_IOMMU_REG_DDTP, TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	host_write64(RISCV_IOMMU_REG_DDTP, TB_DDTP_BARE);
	host_poll32(RISCV_IOMMU_REG_DDTP, TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	v = host_read64(RISCV_IOMMU_REG_DDTP);
	CHECK_EQ(v & TB_DDTP_MODE_MASK, TB_DDTP_BARE);
	CHECK_EQ(v >> TB_DDTP_PPN_SHIFT, 0);

	/* Blocking: write then read back, same address, independent devices. */
	for (unsigned i = 0; i < 40; i++) {
		unsigned beats = i < 4 ? 1u << (i * 2 > 5 ? 5 : i * 2) : 1 + tb_rand() % 32;
		uint64_t iova  = rand_iova(beats);

		for (unsigned b = 0; b < beats; b++)
			wbuf[b] = tb_rand64();
		rand_attr(&a);
		CHECK_EQ(dma_write(&a, iova, wbuf, beats), AXI_OKAY);
		for (unsigned b = 0; b < beats; b++)
			CHECK_EQ(mem_rd64(iova + 8ull * b), wbuf[b]);
		rand_attr(&a);
		CHECK_EQ(dma_read(&a, iova, rbuf, beats), AXI_OKAY);
		for (unsigned b = 0; b < beats; b++)
			CHECK_EQ(rbuf[b], wbuf[b]);
	}

	/* Overlapped: several reads and writes in flight, disjoint pages. */
	for (unsigned i = 0; i < 16; i++) {
		struct dma_op *op = &ops[i];

		*op = (struct dma_op){0};
		rand_attr(&op->attr);
		op->beats = 1 + tb_rand() % 32;
		op->iova =
			BASE + SPAN + ((uint64_t)i << 12) + 8ull * (tb_rand() % (33 - op->beats));
		op->write = tb_rand() & 1;
		for (unsigned b = 0; b < op->beats; b++)
			op->data[b] = tb_rand64();
		if (!op->write)
			mem_wr(op->iova, op->data, 8ull * op->beats);
		dma_issue(op);
	}
	CHECK(dma_wait_all(200000));
	for (unsigned i = 0; i < 16; i++) {
		CHECK(ops[i].done);
		CHECK_EQ(ops[i].resp, AXI_OKAY);
		for (unsigned b = 0; b < ops[i].beats; b++)
			CHECK_EQ(mem_rd64(ops[i].iova + 8ull * b), ops[i].data[b]);
	}
}
