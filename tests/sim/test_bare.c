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

/* clang-format off */
#define PAS_FQ	    0x80300000ull
#define PAS_FQ_LOG2 4u
/* clang-format on */

/*
 * One DMA expected to fault in the datapath: SLVERR, the record (cause, ttyp, did, iotval) at
 * the next fault-queue slot, nothing written at the address or at its alias below PAS. The
 * scoreboard stays on: the golden model must give the same outcome.
 */
static void pas_fault(const struct dma_attr *a, bool write, uint64_t iova, unsigned beats,
		      unsigned cause)
{
	uint32_t t0    = host_read32(RISCV_IOMMU_REG_FQT);
	uint64_t d[2]  = {0x5a5a5a5a5a5a5a5aull, 0xa5a5a5a5a5a5a5a5ull}, rec[4];
	uint64_t alias = iova & ((1ull << 56) - 1);
	unsigned ttyp  = a->exec ? 1 : write ? 3 : 2;
	bool ok;

	if (write)
		CHECK_EQ(dma_write(a, iova, d, beats), AXI_SLVERR);
	else
		CHECK_EQ(dma_read(a, iova, d, beats), AXI_SLVERR);
	host_poll32(RISCV_IOMMU_REG_FQT, 0xffffffffu, (t0 + 1) & ((1u << PAS_FQ_LOG2) - 1), 200000,
		    &ok);
	CHECK(ok);
	mem_rd(PAS_FQ + 32ull * t0, rec, sizeof(rec));
	CHECK_EQ(rec[0] & 0xfff, cause);
	CHECK_EQ((rec[0] >> 34) & 0x3f, ttyp);
	CHECK_EQ(rec[0] >> 40, a->did);
	CHECK_EQ(rec[2], iova);
	CHECK_EQ(rec[3], 0);
	for (unsigned b = 0; b < beats; b++) {
		CHECK_EQ(mem_rd64(iova + 8ull * b), 0);
		CHECK_EQ(mem_rd64(alias + 8ull * b), 0);
	}
	host_write32(RISCV_IOMMU_REG_FQH, (t0 + 1) & ((1u << PAS_FQ_LOG2) - 1));
}

/*
 * Bare mode and the physical address width: an address with a bit at or above
 * capabilities.PAS (56) is an access fault (read 5, write 7, exec 1, recorded: no DC, so no
 * DTF), never sent to memory; the highest address below PAS passes; a burst that crosses
 * 4 KiB is an unsupported transaction (260) here as well.
 */
TB_TEST(bare_pas)
{
	struct dma_attr a = {.did = 0x1234, .id = 3};
	uint64_t caps, w[2] = {0x1111, 0x2222}, r[2];
	uint64_t top = (1ull << 56) - 0x1000; /* last page below PAS */
	bool ok;

	CHECK(tb_wait_fw_boot());
	caps = host_read64(RISCV_IOMMU_REG_CAPABILITIES); /* the scoreboard learns PAS here */
	CHECK_EQ((caps & RISCV_IOMMU_CAPABILITIES_PAS) >> RISCV_IOMMU_CAPABILITIES_PAS_SHIFT, 56);
	host_write64(RISCV_IOMMU_REG_FQB, (PAS_FQ >> 12) << TB_QB_PPN_SHIFT | (PAS_FQ_LOG2 - 1));
	host_write32(RISCV_IOMMU_REG_FQH, 0);
	host_write32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_EN);
	host_poll32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	host_write64(RISCV_IOMMU_REG_DDTP, TB_DDTP_BARE);
	host_poll32(RISCV_IOMMU_REG_DDTP, TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);

	CHECK_EQ(dma_write(&a, top + 0xff0, w, 2), AXI_OKAY);
	CHECK_EQ(dma_read(&a, top + 0xff0, r, 2), AXI_OKAY);
	CHECK_EQ(r[1], 0x2222);

	pas_fault(&a, false, BASE | 1ull << 56, 1, 5);
	pas_fault(&a, true, BASE | 1ull << 63, 2, 7);
	a.exec = true;
	pas_fault(&a, false, top + 0x1000, 1, 1);
	a.exec = false;
	/* 260 before the width: a crossing burst above PAS is an unsupported transaction. */
	pas_fault(&a, true, (BASE | 1ull << 60) + 0xff8, 2, 260);
	pas_fault(&a, false, BASE + 0xff8, 2, 260);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQCSR) &
			 (RISCV_IOMMU_FQCSR_FQMF | RISCV_IOMMU_FQCSR_FQOF),
		 0);
}
