/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Control-plane benchmarks (doc/targets.md §1, make bench): M9 IOTINVAL.VMA + IOFENCE.C
 * latency, M10 command throughput from a full queue, M11 fault record latency, M14 context fetch
 * latency per DDT depth. The queues are the ones the host library set up (Linux init, CQ and FQ
 * of 256 entries); commands are written into the CQ directly so that one cqt write starts them.
 */
#include <stdio.h>

#include "bench.h"
#include "tb.h"
#include "tb_host.h"
#include "tb_regs.h"

/* clang-format off */
#define DATA_PA   0x80000000ull
#define IOVA      0x00200000ull
#define FENCE_PA  0x80100000ull
#define HOLE_IOVA 0x7fe00000ull /* never mapped */
#define FENCE_PR_PW (3ull << 12)
/* clang-format on */

static const unsigned lat_set[4] = {1, 10, 30, 100};

static uint32_t cq_mask(const struct iohost *h)
{
	return (1u << h->cq.log2sz) - 1;
}

/* Put one command at the host's CQ tail (memory only; no doorbell). */
static void cq_put(struct iohost *h, uint64_t dw0, uint64_t dw1)
{
	uint64_t at = h->cq.base + 16ull * h->cq.prod;

	mem_wr64(at, dw0);
	mem_wr64(at + 8, dw1);
	h->cq.prod = (h->cq.prod + 1) & cq_mask(h);
}

static uint64_t inval_vma(uint32_t pscid)
{
	return 0x1 | 1ull << 10 | (uint64_t)pscid << 12 | 1ull << 32; /* AV, PSCV */
}

/* Wait (stepping) for a firmware-source write touching [lo, hi) from log index @from. */
static const struct mem_txn *wait_fw_write(size_t from, uint64_t lo, uint64_t hi, uint64_t limit)
{
	uint64_t t0 = tb_cycle();
	size_t i    = from;

	for (;;) {
		for (; i < mem_log_count(); i++) {
			const struct mem_txn *t = mem_log_get(i);
			uint64_t end		= t->addr + 8ull * t->beats;

			if (((t->id >> 4) & 3u) == MEM_SRC_FW && t->write && t->addr < hi &&
			    end > lo)
				return t;
		}
		if (tb_cycle() - t0 > limit)
			return NULL;
		tb_step(1);
	}
}

static bool cq_drain(struct iohost *h)
{
	bool ok;

	host_poll32(RISCV_IOMMU_REG_CQH, 0xffffffffu, h->cq.prod, BENCH_DMA_TIMEOUT, &ok);
	if (!ok)
		tb_fail(__FILE__, __LINE__, "bench: cqh did not reach cqt %u", h->cq.prod);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQCSR) & 0x700u, 0); /* cqmf, cmd_to, cmd_ill */
	return ok;
}

TB_TEST(bench_cq)
{
	struct iohost h;
	struct iohost_domain d;
	uint32_t did	  = 1;
	struct dma_attr a = {.did = did, .id = 1};
	struct bench_lat l;

	CHECK(tb_wait_fw_boot());
	if (!bench_paging(&h, &d, &did, 1, 0))
		return;
	bench_map(&h, &d.pt, IOVA, DATA_PA, 1);
	bench_read1(&a, IOVA, &l);
	CHECK_EQ(l.resp, AXI_OKAY);

	/*
	 * M9: IOTINVAL.VMA (one page of the domain) + IOFENCE.C AV=1 PR=PW=1, one doorbell.
	 * Round 0 (L=10) is a warm-up and is recorded as M9-ref: the first commands after the
	 * attach find the firmware's caches cold.
	 */
	for (unsigned j = 0; j < 4; j++) {
		unsigned L     = j ? lat_set[j] : 10;
		uint32_t magic = 0x5eed0000u + L;
		const struct mem_txn *t;
		size_t n0;
		uint64_t t0;

		mem_set_latency(L);
		mem_wr64(FENCE_PA, 0);
		cq_put(&h, inval_vma(d.pscid), (IOVA >> 12) << 10);
		cq_put(&h, 0x2 | 1ull << 10 | FENCE_PR_PW | (uint64_t)magic << 32, FENCE_PA >> 2);
		n0 = mem_log_count();
		t0 = tb_cycle();
		host_write32(RISCV_IOMMU_REG_CQT, h.cq.prod);
		t = wait_fw_write(n0, FENCE_PA, FENCE_PA + 4, BENCH_DMA_TIMEOUT);
		if (!t) {
			tb_fail(__FILE__, __LINE__, "bench: no fence store at L=%u", L);
			return;
		}
		tb_bench_record(j ? "M9" : "M9-ref",
				j ? "IOTINVAL.VMA + IOFENCE.C(AV=1): host cqt write -> fence store "
				    "(firmware-source memory AW)"
				  : "same, first pair after the attach (warm-up)",
				(double)(t->cycle - t0), "cycles", (int)L);
		if (j)
			bench_breakdown("M9", n0, t0, t->cycle, L);
		if (!cq_drain(&h))
			return;
		CHECK_EQ(mem_rd32(FENCE_PA), magic);
	}

	/*
	 * M9-linux: what a Linux driver in strict mode waits for per dma_unmap: IOTINVAL.VMA of
	 * the page + IOFENCE.C as Linux sends it (PR=PW=1, no AV, no WSI), one cqt write, then
	 * it polls cqh until it passes the fence (each poll an AXI4-Lite read of the host port).
	 */
	for (unsigned j = 1; j < 4; j++) {
		unsigned L = lat_set[j];
		uint64_t t0;

		mem_set_latency(L);
		cq_put(&h, inval_vma(d.pscid), (IOVA >> 12) << 10);
		cq_put(&h, 0x2 | FENCE_PR_PW, 0);
		t0 = tb_cycle();
		host_write32(RISCV_IOMMU_REG_CQT, h.cq.prod);
		if (!cq_drain(&h))
			return;
		tb_bench_record(
			"M9-linux",
			"strict-mode unmap: IOTINVAL.VMA + IOFENCE.C(PR=PW=1, as Linux sends "
			"it): host cqt write -> host reads cqh past the fence (polling)",
			(double)(tb_cycle() - t0), "cycles", (int)L);
	}

	/* M10: 255 IOTINVAL.VMA in a full queue, one cqt write, until cqh == cqt (polled). */
	{
		unsigned n = cq_mask(&h);
		uint64_t t0;
		char name[160];

		mem_set_latency(30);
		for (unsigned k = 0; k < n; k++)
			cq_put(&h, inval_vma(d.pscid), ((IOVA >> 12) + k) << 10);
		t0 = tb_cycle();
		host_write32(RISCV_IOMMU_REG_CQT, h.cq.prod);
		if (!cq_drain(&h))
			return;
		snprintf(name, sizeof(name),
			 "%u IOTINVAL.VMA (full CQ), one cqt write -> cqh == cqt (host polling)",
			 n);
		tb_bench_record("M10", name, 1000.0 * n / (double)(tb_cycle() - t0),
				"cmds/1000 cycles", 30);
	}
}

TB_TEST(bench_fault)
{
	struct iohost h;
	struct iohost_domain d;
	uint32_t did	  = 1;
	struct dma_attr a = {.did = did, .id = 1};
	struct bench_lat l;

	CHECK(tb_wait_fw_boot());
	if (!bench_paging(&h, &d, &did, 1, 0))
		return;
	bench_map(&h, &d.pt, IOVA, DATA_PA, 1);
	bench_read1(&a, IOVA, &l);
	CHECK_EQ(l.resp, AXI_OKAY);
	/* Round 0 (L=30) is a warm-up, recorded as M11-ref: the first fault after boot. */
	for (unsigned j = 0; j < 5; j++) {
		unsigned L    = j ? lat_set[j - 1] : 30;
		uint32_t fqt  = host_read32(RISCV_IOMMU_REG_FQT);
		uint64_t slot = h.fq.base + 32ull * fqt;
		size_t n0     = mem_log_count();
		struct iohost_fault f;
		const struct mem_txn *t;
		static struct dma_op op;

		mem_set_latency(L);
		op	 = (struct dma_op){0};
		op.attr	 = a;
		op.iova	 = HOLE_IOVA + 8ull * j;
		op.beats = 1;
		dma_issue(&op);
		CHECK(dma_wait_all(BENCH_DMA_TIMEOUT));
		CHECK_EQ(op.resp, AXI_SLVERR);
		t = wait_fw_write(n0, slot, slot + 32, BENCH_DMA_TIMEOUT);
		if (!t) {
			tb_fail(__FILE__, __LINE__, "bench: no fault record at L=%u", L);
			return;
		}
		tb_bench_record(
			j ? "M11" : "M11-ref",
			j ? "read page fault (unmapped IOVA): SLVERR R beat -> record store "
			    "(firmware-source memory AW at the FQ slot)"
			  : "same, first fault after boot (warm-up)",
			(double)t->cycle - (double)op.t_first, "cycles", (int)L);
		if (j)
			bench_breakdown("M11", n0, op.t_first, t->cycle, L);
		tb_step(2000); /* let the firmware finish the record and fqt */
		CHECK_EQ(iohost_fault_drain(&h, &f, 1, NULL), 1);
		CHECK_EQ(f.cause, 13);
		CHECK_EQ(f.iotval, op.iova);
	}
}

/*
 * M14: context fetch. Device 0 warms the IOTLB for the page; each device k then reads it twice:
 * the first read misses the context cache (firmware DDT walk) and hits the IOTLB (same PSCID).
 */
static uint32_t ctx_did(unsigned mode, unsigned k)
{
	if (mode == TB_DDTP_1LVL)
		return k + 1;
	if (mode == TB_DDTP_2LVL)
		return (k + 1) << 6 | (k + 1);
	return (k + 1) << 15 | (k + 1) << 6 | (k + 1);
}

static void ctx_bench(unsigned mode, const char *mname)
{
	struct iohost h;
	struct iohost_domain d;
	uint32_t dids[5];
	struct bench_lat l1, l2;
	char name[160];

	CHECK(tb_wait_fw_boot());
	for (unsigned k = 0; k < 5; k++)
		dids[k] = ctx_did(mode, k);
	if (!bench_paging(&h, &d, dids, 5, mode))
		return;
	if (h.ddt_mode != mode) {
		tb_log("bench: M14 %s skipped: the IOMMU kept ddtp mode %u", mname, h.ddt_mode);
		return;
	}
	bench_map(&h, &d.pt, IOVA, DATA_PA, 1);
	{
		struct dma_attr a = {.did = dids[0], .id = 1};

		bench_read1(&a, IOVA, &l1);
		CHECK_EQ(l1.resp, AXI_OKAY);
	}
	for (unsigned j = 0; j < 4; j++) {
		struct dma_attr a = {.did = dids[1 + j], .id = 1};

		size_t n0;

		mem_set_latency(lat_set[j]);
		n0 = mem_log_count();
		bench_read1(&a, IOVA + 8, &l1);
		bench_read1(&a, IOVA + 8, &l2);
		CHECK_EQ(l1.resp, AXI_OKAY);
		CHECK_EQ(l2.resp, AXI_OKAY);
		snprintf(name, sizeof(name),
			 "context miss, ddtp %s, IOTLB hit: first DMA - same DMA cached", mname);
		tb_bench_record("M14", name, (double)l1.total - (double)l2.total, "cycles",
				(int)lat_set[j]);
		/* Device AR -> the DMA's memory AR: M14 + the hit's 2 added cycles. */
		snprintf(name, sizeof(name), "M14 %s", mname);
		if (l1.mem_ar)
			bench_breakdown(name, n0, l1.issue, l1.mem_ar, lat_set[j]);
	}
}

TB_TEST(bench_ctx_1lvl)
{
	ctx_bench(TB_DDTP_1LVL, "1LVL");
}

TB_TEST(bench_ctx_2lvl)
{
	ctx_bench(TB_DDTP_2LVL, "2LVL");
}

TB_TEST(bench_ctx_3lvl)
{
	ctx_bench(TB_DDTP_3LVL, "3LVL");
}

/*
 * Firmware cost per command type: 64 commands of one type in the queue, one cqt write, cycles
 * until cqh == cqt (host polling), at L=30. Each command's fields are legal and its effect real
 * (the invalidations reach the IOTLB / context cache, fences complete).
 */
TB_TEST(bench_cmd_types)
{
	struct iohost h;
	struct iohost_domain d;
	uint32_t did	  = 1;
	struct dma_attr a = {.did = did, .id = 1};
	struct bench_lat l;
	/* clang-format off */
	static const struct {
		const char *name;
		uint64_t dw0, dw1;
	} types[] = {
		{ "IOTINVAL.VMA, one page of a PSCID (AV, PSCV)", 0, 0 }, /* filled below */
		{ "IOTINVAL.VMA, everything",                      0x1, 0 },
		{ "IOTINVAL.GVMA, one GSCID (GV)",                 0x1 | 1ull << 7 | 1ull << 33 | 5ull << 44, 0 },
		{ "IODIR.INVAL_DDT, one device (DV)",              0x3 | 1ull << 33 | 1ull << 40, 0 },
		{ "IODIR.INVAL_PDT, one process (DV)",             0x3 | 1ull << 7 | 1ull << 33 | 7ull << 12 | 1ull << 40, 0 },
		{ "IOFENCE.C, PR+PW, no store",                    0x2 | FENCE_PR_PW, 0 },
		{ "IOFENCE.C, PR+PW, AV=1 store",                  0x2 | 1ull << 10 | FENCE_PR_PW, FENCE_PA >> 2 },
	};
	/* clang-format on */
	const unsigned n = 64;

	CHECK(tb_wait_fw_boot());
	if (!bench_paging(&h, &d, &did, 1, 0))
		return;
	bench_map(&h, &d.pt, IOVA, DATA_PA, 1);
	bench_read1(&a, IOVA, &l);
	CHECK_EQ(l.resp, AXI_OKAY);
	mem_set_latency(30);
	for (unsigned t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
		uint64_t t0;
		char name[160];

		for (unsigned k = 0; k < n; k++) {
			if (t == 0)
				cq_put(&h, inval_vma(d.pscid), ((IOVA >> 12) + k) << 10);
			else
				cq_put(&h, types[t].dw0, types[t].dw1);
		}
		t0 = tb_cycle();
		host_write32(RISCV_IOMMU_REG_CQT, h.cq.prod);
		if (!cq_drain(&h))
			return;
		snprintf(name, sizeof(name), "%s: %u queued, one cqt write -> cqh == cqt",
			 types[t].name, n);
		tb_bench_record("CMD", name, (double)(tb_cycle() - t0) / n, "cycles/command", 30);
	}
}
