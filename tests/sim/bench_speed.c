/* SPDX-License-Identifier: Apache-2.0 */
/*
 * M17 simulation speed (doc/targets.md §1, make bench): the whole SoC (management core running
 * the firmware, IOMMU translating, memory and DMA models, scoreboard) with no trace, streaming
 * translated DMA over more pages than the IOTLB holds, for at least 1 M cycles; wall clock from
 * clock_gettime().
 */
#include "bench.h"
#include "tb.h"
#include "tb_host.h"

#define SPEED_IOVA  0x10000000ull
#define SPEED_PA    0x80000000ull
#define SPEED_BYTES (256ull << 10) /* 64 pages */

TB_TEST(bench_speed)
{
	struct iohost h;
	struct iohost_domain d;
	uint32_t did	  = 4;
	struct dma_attr a = {.did = did, .id = 0};
	uint64_t c0;
	double t0, dt;

	CHECK(tb_wait_fw_boot());
	if (!bench_paging(&h, &d, &did, 1, 0))
		return;
	bench_map(&h, &d.pt, SPEED_IOVA, SPEED_PA, (unsigned)(SPEED_BYTES >> 12));
	mem_set_latency(10);
	c0 = tb_cycle();
	t0 = bench_now_s();
	while (tb_cycle() - c0 < 1000000u)
		(void)bench_stream(&a, SPEED_IOVA, SPEED_BYTES, 16, 8, 8);
	dt = bench_now_s() - t0;
	tb_bench_record("M17",
			"whole SoC, firmware running, Sv39 DMA streaming (64 pages, 8 in flight), "
			"no trace, >= 1M cycles",
			dt > 0 ? (double)(tb_cycle() - c0) / dt / 1e6 : 0.0, "M cycles/s",
			BENCH_NO_L);
}
