/* SPDX-License-Identifier: Apache-2.0 */
/*
 * M13 MSI remap latency (make bench): a device's MSI, one single-beat write to a guest
 * interrupt-file GPA, remapped by a basic-translate MSI PTE (msiptp Flat, M=3) of a G-stage
 * context (Sv39x4, first stage Bare, no process_id). Measured as the memory port's AW cycle
 * minus the device AW handshake, with the device context cached: MSI-PTE cache hit, and miss
 * (after IOTINVAL.GVMA: the firmware reads the PTE and fills the cache), at L in {1, 10, 30,
 * 100}. Each figure is the mean of NSAMPLE writes. A benchmark fails only when the DUT
 * misbehaves (wrong response, wrong target, timeout), never on a missed target.
 */
#include "bench.h"
#include "tb.h"
#include "tb_host.h"
#include "tb_regs.h"

/* clang-format off */
#define DID       0x21u
#define GSCID     7ull
#define MSI_GPA   0x28000000ull /* interrupt file I at MSI_GPA + I * 4 KiB */
#define MSI_MASK  3ull
#define NSAMPLE   4u
#define FLAT      (1ull << 60)
/* clang-format on */

static const unsigned lat_set[4] = {1, 10, 30, 100};

/* When nonzero: the next msi1() records its breakdown at this latency (one miss per L). */
static unsigned bd_L;

/* One MSI write to file @i, timed; CHECKs it reached @spa. Returns memory AW - device AW. */
static uint64_t msi1(uint64_t spa, unsigned i, uint32_t id)
{
	static struct dma_op op;
	size_t n0 = mem_log_count(), k;

	op	   = (struct dma_op){0};
	op.attr	   = (struct dma_attr){.did = DID, .id = 2};
	op.iova	   = MSI_GPA + ((uint64_t)i << 12);
	op.beats   = 1;
	op.write   = true;
	op.data[0] = id;
	dma_issue(&op);
	if (!dma_wait_all(BENCH_DMA_TIMEOUT) || !op.done) {
		tb_fail(__FILE__, __LINE__, "bench: MSI to file %u timed out", i);
		return 0;
	}
	CHECK_EQ(op.resp, AXI_OKAY);
	CHECK_EQ(mem_rd32(spa + ((uint64_t)i << 12)), id);
	k = bench_mem_find(n0, MEM_SRC_DMA, 1);
	CHECK(k != SIZE_MAX);
	if (k == SIZE_MAX)
		return 0;
	CHECK_EQ(mem_log_get(k)->addr, spa + ((uint64_t)i << 12));
	if (bd_L)
		bench_breakdown("M13", n0, op.t_issue, mem_log_get(k)->cycle, bd_L);
	return mem_log_get(k)->cycle - op.t_issue;
}

static void gvma_all(struct iohost *h)
{
	CHECK_EQ(iohost_inval_gvma(h, -1, UINT64_MAX), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(h), IOHOST_OK);
}

TB_TEST(bench_msi)
{
	struct iohost h;
	struct iohost_pt g;
	struct iohost_dc dc;
	uint64_t tbl, spa;
	uint32_t id = 1;

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&h, 0) != IOHOST_OK)
		return;
	if (!(h.caps & RISCV_IOMMU_CAPABILITIES_MSI_FLAT)) {
		tb_log("bench: M13 skipped: capabilities lack MSI_FLAT");
		return;
	}
	CHECK_EQ(iohost_pt_init(&h, &g, 8, true), IOHOST_OK);
	tbl = tb_alloc_pages(4096);
	spa = tb_alloc_pages(4 * 4096);
	for (unsigned i = 0; i <= MSI_MASK; i++)
		iohost_msi_pte_basic(&h, tbl, i, spa + ((uint64_t)i << 12));
	dc = (struct iohost_dc){.tc		  = 1,
				.iohgatp	  = iohost_pt_atp(&g) | GSCID << 44,
				.msiptp		  = FLAT | tbl >> 12,
				.msi_addr_mask	  = MSI_MASK,
				.msi_addr_pattern = MSI_GPA >> 12};
	CHECK_EQ(iohost_probe_device(&h, DID), IOHOST_OK);
	CHECK_EQ(iohost_dc_write(&h, DID, &dc), IOHOST_OK);
	CHECK_EQ(iohost_inval_ddt(&h, false, DID), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(&h), IOHOST_OK);
	(void)msi1(spa, 0, id++); /* context cached */

	for (unsigned j = 0; j < 4; j++) {
		uint64_t hit = 0, miss = 0;

		mem_set_latency(lat_set[j]);
		for (unsigned s = 0; s < NSAMPLE; s++) {
			gvma_all(&h);
			bd_L = s == NSAMPLE - 1 ? lat_set[j] : 0;
			miss += msi1(spa, s % (MSI_MASK + 1), id++ % 63 + 1);
			bd_L = 0;
			hit += msi1(spa, s % (MSI_MASK + 1), id++ % 63 + 1);
		}
		tb_bench_record("M13",
				"MSI-PTE cache hit: basic MSI remap, 1-beat write, memory AW - "
				"device AW (mean of 4)",
				(double)hit / NSAMPLE, "cycles", (int)lat_set[j]);
		tb_bench_record("M13",
				"MSI-PTE cache miss (firmware PTE read, context cached): memory AW "
				"- device AW (mean of 4)",
				(double)miss / NSAMPLE, "cycles", (int)lat_set[j]);
	}
}
