/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Translation datapath benchmarks (doc/targets.md §1, make bench): M1 hit added latency, M2 hit
 * throughput, M4/M4w Sv39 miss penalty (and M4 for Sv57), M5 nested miss penalty, M6 hit under
 * miss, M7 walks in flight, M3 streaming overhead vs Bare. The device is attached to an Sv39
 * paging domain by the host library (Linux init sequence; bench_miss57: Sv57); memory latency L
 * is fixed per measurement. A benchmark
 * fails only when the DUT misbehaves (wrong response, timeout), never on a missed target.
 */
#include <stdio.h>

#include "bench.h"
#include "tb.h"
#include "tb_host.h"
#include "tb_regs.h"

/* clang-format off */
#define DATA_PA   0x80000000ull /* below the host page pool */
#define HOT_IOVA  0x00200000ull /* 4 warm pages */
#define COLD_IOVA 0x40000000ull /* fresh 2 MiB regions: page k at COLD_IOVA + k * 2 MiB */
#define COLD_PA   0x81000000ull /* their frames: 2 pages per region */
#define NREGIONS  32u
#define HOT_PAGES 4u
/* clang-format on */

static const unsigned lat_set[4] = {1, 10, 30, 100};

static uint64_t cold_iova(unsigned k)
{
	return COLD_IOVA + (uint64_t)k * IOHOST_SZ_2M;
}

/* Map the warm pages and every cold region (page + neighbour) before anything is measured. */
static void map_all(struct iohost *h, struct iohost_pt *pt)
{
	bench_map(h, pt, HOT_IOVA, DATA_PA, HOT_PAGES);
	for (unsigned k = 0; k < NREGIONS; k++)
		bench_map(h, pt, cold_iova(k), COLD_PA + 0x2000ull * k, 2);
}

static void warm(const struct dma_attr *a, uint64_t base, unsigned pages)
{
	struct bench_lat l;

	for (unsigned i = 0; i < pages; i++) {
		bench_read1(a, base + ((uint64_t)i << 12), &l);
		CHECK_EQ(l.resp, AXI_OKAY);
	}
}

/* M2: @n back-to-back single-beat reads over the warm pages, IDs 0..@nids-1. */
static double hit_rate(const struct dma_attr *a, uint64_t base, unsigned nids, unsigned n)
{
	static struct dma_op ops[128];
	uint64_t first = 0, last = 0;
	size_t n0 = mem_log_count(), i = n0;
	unsigned seen = 0;

	for (unsigned k = 0; k < n && k < 128; k++) {
		ops[k]	       = (struct dma_op){0};
		ops[k].attr    = *a;
		ops[k].attr.id = k % nids;
		ops[k].iova    = base + ((uint64_t)(k % HOT_PAGES) << 12) + 8ull * (k / HOT_PAGES);
		ops[k].beats   = 1;
		dma_issue(&ops[k]);
	}
	CHECK(dma_wait_all(BENCH_DMA_TIMEOUT));
	for (unsigned k = 0; k < n && k < 128; k++)
		CHECK_EQ(ops[k].resp, AXI_OKAY);
	while ((i = bench_mem_find(i, MEM_SRC_DMA, 0)) != SIZE_MAX) {
		if (!seen++)
			first = mem_log_get(i)->cycle;
		last = mem_log_get(i)->cycle;
		i++;
	}
	CHECK_EQ(seen, n);
	return last > first ? (double)(seen - 1) / (double)(last - first) : 0.0;
}

TB_TEST(bench_hit)
{
	struct iohost h;
	struct iohost_domain d;
	uint32_t did	  = 1;
	struct dma_attr a = {.did = did, .id = 1};
	struct bench_lat l;
	char name[160];

	CHECK(tb_wait_fw_boot());
	bench_bare();
	mem_set_latency(30);
	warm(&a, DATA_PA, HOT_PAGES);
	bench_read1(&a, DATA_PA, &l);
	tb_bench_record("M1-ref", "Bare: memory AR - device AR", (double)l.added, "cycles", 30);
	for (unsigned j = 0; j < 3; j++) {
		mem_set_latency(lat_set[j]);
		tb_bench_record(
			"M2-ref",
			"Bare: 128 single-beat reads, 8 AXI IDs, memory takes <= 16 reads at once",
			hit_rate(&a, DATA_PA, 8, 128), "reads/cycle", (int)lat_set[j]);
	}

	if (!bench_paging(&h, &d, &did, 1, 0))
		return;
	map_all(&h, &d.pt);
	for (unsigned j = 0; j < 4; j++) {
		mem_set_latency(lat_set[j]);
		warm(&a, HOT_IOVA, HOT_PAGES);
		bench_read1(&a, HOT_IOVA + 64, &l);
		CHECK_EQ(l.resp, AXI_OKAY);
		CHECK(l.mem_ar != 0); /* the hit reached memory: a latency was measured */
		tb_bench_record("M1", "Sv39 warm IOTLB hit: memory AR - device AR", (double)l.added,
				"cycles", (int)lat_set[j]);
	}
	/* The memory model accepts 16 reads at once: at most 16 / (L + 1) reads per cycle. */
	for (unsigned j = 0; j < 3; j++) {
		mem_set_latency(lat_set[j]);
		tb_bench_record("M2",
				"Sv39 hits: 128 single-beat reads, 4 warm pages, 8 AXI IDs, memory "
				"takes <= 16 "
				"reads at once",
				hit_rate(&a, HOT_IOVA, 8, 128), "reads/cycle", (int)lat_set[j]);
	}
	mem_set_latency(30);
	snprintf(name, sizeof(name), "Sv39 hits: 128 single-beat reads, 4 warm pages, 1 AXI ID");
	tb_bench_record("M2-ref", name, hit_rate(&a, HOT_IOVA, 1, 128), "reads/cycle", 30);
}

/*
 * M4 (and with @neighbour M4w) of the domain mapped in @pt, for each memory latency: a warm hit,
 * a miss on a cold page, then its neighbouring page; @mode names the paging mode in the records.
 */
static void m4_loop(struct iohost *h, struct iohost_pt *pt, const struct dma_attr *a,
		    const char *mode, bool neighbour)
{
	struct bench_lat hit, miss, nb;
	char name[96];

	map_all(h, pt);
	warm(a, HOT_IOVA, HOT_PAGES); /* context cached */
	for (unsigned j = 0; j < 4; j++) {
		mem_set_latency(lat_set[j]);
		bench_read1(a, HOT_IOVA, &hit);
		bench_read1(a, cold_iova(j), &miss);
		if (neighbour)
			bench_read1(a, cold_iova(j) + 0x1000, &nb);
		CHECK_EQ(hit.resp, AXI_OKAY);
		CHECK_EQ(miss.resp, AXI_OKAY);
		snprintf(name, sizeof(name),
			 "%s miss, 4 KiB leaf, ctx cached, cold IOTLB: miss - hit", mode);
		tb_bench_record("M4", name, (double)miss.total - (double)hit.total, "cycles",
				(int)lat_set[j]);
		if (!neighbour)
			continue;
		CHECK_EQ(nb.resp, AXI_OKAY);
		snprintf(name, sizeof(name), "%s neighbouring 4 KiB page after a walk: miss - hit",
			 mode);
		tb_bench_record("M4w", name, (double)nb.total - (double)hit.total, "cycles",
				(int)lat_set[j]);
	}
}

TB_TEST(bench_miss)
{
	struct iohost h;
	struct iohost_domain d;
	uint32_t did	  = 1;
	struct dma_attr a = {.did = did, .id = 1};

	CHECK(tb_wait_fw_boot());
	if (!bench_paging(&h, &d, &did, 1, 0))
		return;
	m4_loop(&h, &d.pt, &a, "Sv39", true);
}

/* M4 for Sv57: the same pages in an Sv57 domain, five PTE reads per miss. */
TB_TEST(bench_miss57)
{
	struct iohost h;
	struct iohost_domain d;
	uint32_t did	  = 1;
	struct dma_attr a = {.did = did, .id = 1};

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&h, 0) != IOHOST_OK)
		return;
	if (iohost_domain_init(&h, &d, IOHOST_DOMAIN_PAGING, 10) != IOHOST_OK ||
	    iohost_attach(&h, &d, &did, 1) != IOHOST_OK) {
		tb_log("bench: M4 Sv57 skipped: no Sv57 paging domain");
		return;
	}
	m4_loop(&h, &d.pt, &a, "Sv57", false);
}

/*
 * M5: Sv39 over Sv39x4, identity G-stage of every page used (first-stage tables and data) with
 * 4 KiB leaves, so every first-stage PTE read and the final GPA take a full G-stage walk.
 */
TB_TEST(bench_nested)
{
	struct iohost h;
	struct iohost_pt s1, g;
	struct iohost_dc dc = {0};
	uint32_t did	    = 2;
	struct dma_attr a   = {.did = did, .id = 1};
	struct bench_lat hit, miss;
	uint64_t lo, hi;

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&h, 0) != IOHOST_OK)
		return;
	if (!(h.caps & RISCV_IOMMU_CAPABILITIES_SV39X4) ||
	    !(h.caps & RISCV_IOMMU_CAPABILITIES_SV39)) {
		tb_log("bench: M5 skipped: capabilities lack Sv39x4 or Sv39");
		return;
	}
	lo = tb_alloc_pages(IOHOST_SZ_4K);
	CHECK_EQ(iohost_pt_init(&h, &s1, 8, false), IOHOST_OK);
	map_all(&h, &s1);
	hi = tb_alloc_pages(IOHOST_SZ_4K);
	CHECK_EQ(iohost_pt_init(&h, &g, 8, true), IOHOST_OK);
	bench_map(&h, &g, lo, lo, (unsigned)((hi - lo) >> 12) + 1);
	bench_map(&h, &g, DATA_PA, DATA_PA, HOT_PAGES);
	bench_map(&h, &g, COLD_PA, COLD_PA, 2 * NREGIONS);
	dc.tc	   = 1;				       /* V */
	dc.iohgatp = iohost_pt_atp(&g) | (7ull << 44); /* GSCID 7 */
	dc.fsc	   = iohost_pt_atp(&s1);
	dc.ta	   = 5ull << 12; /* PSCID 5 */
	CHECK(iohost_dc_addr(&h, did, true) != 0);
	CHECK_EQ(iohost_dc_write(&h, did, &dc), IOHOST_OK);
	CHECK_EQ(iohost_inval_ddt(&h, false, did), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(&h), IOHOST_OK);
	warm(&a, HOT_IOVA, HOT_PAGES);
	for (unsigned j = 0; j < 4; j++) {
		mem_set_latency(lat_set[j]);
		bench_read1(&a, HOT_IOVA, &hit);
		bench_read1(&a, cold_iova(j), &miss);
		CHECK_EQ(hit.resp, AXI_OKAY);
		CHECK_EQ(miss.resp, AXI_OKAY);
		tb_bench_record(
			"M5",
			"Sv39 over Sv39x4 miss, 4 KiB leaves both stages, ctx cached: miss - hit",
			(double)miss.total - (double)hit.total, "cycles", (int)lat_set[j]);
	}
}

TB_TEST(bench_hum)
{
	static struct dma_op ops[8];
	struct iohost h;
	struct iohost_domain d;
	uint32_t did	  = 1;
	struct dma_attr a = {.did = did, .id = 1};
	struct bench_lat lone;
	uint64_t c0    = 0;
	unsigned walks = 0, seen = 0;
	size_t n0, i;
	char name[160];

	CHECK(tb_wait_fw_boot());
	if (!bench_paging(&h, &d, &did, 1, 0))
		return;
	map_all(&h, &d.pt);
	mem_set_latency(30);
	warm(&a, HOT_IOVA, HOT_PAGES);

	/* M6: miss (ID 1) then a hit (ID 2) on the next cycle. */
	a.id = 2;
	bench_read1(&a, HOT_IOVA + 8, &lone);
	for (unsigned k = 0; k < 2; k++) {
		ops[k]	       = (struct dma_op){0};
		ops[k].attr    = a;
		ops[k].attr.id = 1 + k;
		ops[k].iova    = k ? HOT_IOVA + 16 : cold_iova(0);
		ops[k].beats   = 1;
		dma_issue(&ops[k]);
	}
	CHECK(dma_wait_all(BENCH_DMA_TIMEOUT));
	CHECK_EQ(ops[0].resp, AXI_OKAY);
	CHECK_EQ(ops[1].resp, AXI_OKAY);
	snprintf(name, sizeof(name),
		 "hit (ID 2) issued %llu cycle(s) after a miss (ID 1): device AR -> first R",
		 (unsigned long long)(ops[1].t_issue - ops[0].t_issue));
	tb_bench_record("M6", name, (double)(ops[1].t_first - ops[1].t_issue), "cycles", 30);
	tb_bench_record("M6-ref", "lone warm hit: device AR -> first R", (double)lone.total,
			"cycles", 30);
	snprintf(name, sizeof(name), "the miss itself, answered after the hit: %s",
		 ops[1].t_done < ops[0].t_first ? "yes" : "no");
	tb_bench_record("M6-ref", name, (double)(ops[0].t_first - ops[0].t_issue), "cycles", 30);

	/* M7: 8 misses to distinct fresh regions, distinct IDs. */
	n0 = mem_log_count();
	for (unsigned k = 0; k < 8; k++) {
		ops[k]	       = (struct dma_op){0};
		ops[k].attr    = a;
		ops[k].attr.id = 8 + k;
		ops[k].iova    = cold_iova(1 + k);
		ops[k].beats   = 1;
		dma_issue(&ops[k]);
	}
	CHECK(dma_wait_all(BENCH_DMA_TIMEOUT));
	for (unsigned k = 0; k < 8; k++)
		CHECK_EQ(ops[k].resp, AXI_OKAY);
	i = n0;
	while ((i = bench_mem_find(i, MEM_SRC_PTW, 0)) != SIZE_MAX) {
		if (!seen++)
			c0 = mem_log_get(i)->cycle;
		walks += mem_log_get(i)->cycle < c0 + 30;
		i++;
	}
	tb_bench_record("M7", "8 misses, 8 IDs: PTW reads issued before first PTW AR + L", walks,
			"walks", 30);
	{
		uint64_t end = 0;

		for (unsigned k = 0; k < 8; k++)
			end = ops[k].t_first > end ? ops[k].t_first : end;
		tb_bench_record("M7-ref", "8 misses, 8 IDs: first device AR -> last first R",
				(double)(end - ops[0].t_issue), "cycles", 30);
	}
}

TB_TEST(bench_stream)
{
	struct iohost h;
	struct iohost_domain d;
	uint32_t did	    = 3;
	struct dma_attr a   = {.did = did, .id = 0};
	const uint64_t iova = 0x10000000ull, bytes = 1ull << 20;
	uint64_t bare, xl;

	CHECK(tb_wait_fw_boot());
	mem_set_latency(30);
	bench_bare();
	bare = bench_stream(&a, DATA_PA, bytes, 16, 8, 8);
	if (!bench_paging(&h, &d, &did, 1, 0))
		return;
	bench_map(&h, &d.pt, iova, DATA_PA, (unsigned)(bytes >> 12));
	xl = bench_stream(&a, iova, bytes, 16, 8, 8);
	CHECK(bare > 0 && xl > 0); /* both streams ran: the overhead is a measurement */
	tb_bench_record("M3-ref", "Bare: 1 MiB as 128-byte reads, 8 in flight", (double)bare,
			"cycles", 30);
	tb_bench_record("M3-ref", "Sv39, 4 KiB pages, cold IOTLB: same stream", (double)xl,
			"cycles", 30);
	tb_bench_record("M3", "1 MiB, 128-byte reads, 8 in flight, 4 KiB pages: overhead vs Bare",
			((double)xl / (double)bare - 1.0) * 100.0, "%", 30);
}
