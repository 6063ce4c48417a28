/* SPDX-License-Identifier: Apache-2.0 */
/*
 * IOFENCE.C PW orders earlier DMA (IOMMU spec 4.1.3): a device write translated before an
 * unmap's IOTINVAL, parked behind a slow walk of an earlier write with the same AXI ID, must
 * reach memory before the fence that follows the IOTINVAL completes. Linux frees the page once
 * the fence is done; a write landing after it would land in memory the driver gave back.
 *
 * At L=100 with an Sv48 domain, write A misses the IOTLB (a four-level walk, ~4L); write B, same
 * ID, hits the IOTLB and waits behind A. The host has already cleared B's PTE and rung the CQ
 * with IOTINVAL.VMA(B's page) + IOFENCE.C(PW=1, AV=1); A and B are issued shortly after, so B is
 * translated before the invalidation (its OKAY response and its data in the old page prove it)
 * but cannot reach memory before A's walk ends, well after a fence that completes at once would
 * have been stored.
 */
#include "tb.h"
#include "tb_host.h"
#include "tb_regs.h"

/* clang-format off */
#define IOVA_A    0x0000008000000000ull /* another level-3 entry: a walk of four reads */
#define IOVA_B    0x0000000000200000ull
#define PA_A      0x80600000ull
#define PA_B      0x80601000ull
#define FENCE_PA  0x80602000ull
#define FENCE_PW  (1ull << 13)
#define FENCE_AV  (1ull << 10)
#define MAGIC     0xF0CEF0CEu
#define LAT       100u
#define DMA_DELAY 50u /* cycles from the cqt write to the DMAs: well before the IOTINVAL */
/* clang-format on */

static void cq_put(struct iohost *h, uint64_t dw0, uint64_t dw1)
{
	uint64_t at = h->cq.base + 16ull * h->cq.prod;

	mem_wr64(at, dw0);
	mem_wr64(at + 8, dw1);
	h->cq.prod = (h->cq.prod + 1) & ((1u << h->cq.log2sz) - 1);
}

/* Cycle of the first memory-port write of source @src touching [lo, lo + 8) from log index
 * @from, or 0. */
static uint64_t mem_write_at(size_t from, unsigned src, uint64_t lo)
{
	for (size_t i = from; i < mem_log_count(); i++) {
		const struct mem_txn *t = mem_log_get(i);

		if (((t->id >> 4) & 3u) == src && t->write && t->addr <= lo &&
		    t->addr + 8ull * t->beats > lo)
			return t->cycle;
	}
	return 0;
}

TB_TEST(fence_orders_parked_write)
{
	struct iohost h;
	struct iohost_domain d;
	uint32_t did	  = 1;
	struct dma_attr a = {.did = did, .id = 5};
	static struct dma_op op_a, op_b;
	uint64_t warm = 0x1111, t0, t_b_mem, t_fence;
	size_t n0;
	bool ok;

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&h, 0) != IOHOST_OK)
		return;
	if (iohost_domain_init(&h, &d, IOHOST_DOMAIN_PAGING, 9) != IOHOST_OK) {
		tb_fail(__FILE__, __LINE__, "Sv48 paging domain");
		return;
	}
	CHECK_EQ(iohost_attach(&h, &d, &did, 1), IOHOST_OK);
	CHECK_EQ(iohost_pt_map(&h, &d.pt, IOVA_A, PA_A, IOHOST_SZ_4K,
			       IOHOST_PROT_READ | IOHOST_PROT_WRITE),
		 IOHOST_OK);
	CHECK_EQ(iohost_pt_map(&h, &d.pt, IOVA_B, PA_B, IOHOST_SZ_4K,
			       IOHOST_PROT_READ | IOHOST_PROT_WRITE),
		 IOHOST_OK);
	/* B's translation (with write permission) in the IOTLB; the context cached. */
	CHECK_EQ(dma_write(&a, IOVA_B, &warm, 1), AXI_OKAY);

	/* From here the golden model cannot follow: B uses a translation the tables no longer
	 * hold (legal until the fence completes). */
	sb_enable(false);
	mem_set_latency(LAT);
	mem_wr64(FENCE_PA, 0);
	mem_wr64(PA_B, 0);
	CHECK(iohost_pt_unmap(&h, &d.pt, IOVA_B) > 0);

	/* The same pair once on an idle device port: the firmware's command path warm, as it is
	 * for a driver that unmaps often. */
	cq_put(&h, 0x1 | 1ull << 10 | (uint64_t)d.pscid << 12 | 1ull << 32, (IOVA_A >> 12) << 10);
	cq_put(&h, 0x2 | FENCE_AV | FENCE_PW | (uint64_t)(MAGIC - 1) << 32, FENCE_PA >> 2);
	host_write32(RISCV_IOMMU_REG_CQT, h.cq.prod);
	host_poll32(RISCV_IOMMU_REG_CQH, 0xffffffffu, h.cq.prod, 200000, &ok);
	CHECK(ok);
	CHECK_EQ(mem_rd32(FENCE_PA), MAGIC - 1);

	cq_put(&h, 0x1 | 1ull << 10 | (uint64_t)d.pscid << 12 | 1ull << 32, (IOVA_B >> 12) << 10);
	cq_put(&h, 0x2 | FENCE_AV | FENCE_PW | (uint64_t)MAGIC << 32, FENCE_PA >> 2);
	n0 = mem_log_count();
	host_write32(RISCV_IOMMU_REG_CQT, h.cq.prod);
	t0 = tb_cycle();
	tb_step(DMA_DELAY);
	op_a	     = (struct dma_op){.attr = a, .iova = IOVA_A, .beats = 1, .write = true};
	op_a.data[0] = 0xAAAA;
	op_b	     = (struct dma_op){.attr = a, .iova = IOVA_B, .beats = 1, .write = true};
	op_b.data[0] = 0xBBBB;
	dma_issue(&op_a);
	dma_issue(&op_b);
	CHECK(dma_wait_all(200000));
	host_poll32(RISCV_IOMMU_REG_CQH, 0xffffffffu, h.cq.prod, 200000, &ok);
	CHECK(ok);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQCSR) & 0x700u, 0);
	CHECK_EQ(mem_rd32(FENCE_PA), MAGIC);

	/* B was translated before the invalidation: it wrote the old page. */
	CHECK_EQ(op_a.resp, AXI_OKAY);
	CHECK_EQ(op_b.resp, AXI_OKAY);
	CHECK_EQ(mem_rd64(PA_B), 0xBBBB);

	t_b_mem = mem_write_at(n0, MEM_SRC_DMA, PA_B);
	t_fence = mem_write_at(n0, MEM_SRC_FW, FENCE_PA);
	CHECK(t_b_mem != 0);
	CHECK(t_fence != 0);
	tb_log("cqt write %llu, B issued +%llu, B at memory +%llu, B answered +%llu, fence store "
	       "+%llu",
	       (unsigned long long)t0, (unsigned long long)(op_b.t_issue - t0),
	       (unsigned long long)(t_b_mem - t0), (unsigned long long)(op_b.t_done - t0),
	       (unsigned long long)(t_fence - t0));
	/* The fence completes only after B has completed (its B response returned). */
	CHECK(t_b_mem < t_fence);
	CHECK(op_b.t_done < t_fence);
	mem_set_latency(1);
	sb_enable(true);
}
