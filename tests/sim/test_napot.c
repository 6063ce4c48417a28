// SPDX-License-Identifier: Apache-2.0
/*
 * Svnapot 64 KiB leaves and IOTINVAL.VMA by address. A NAPOT leaf is 16 identical PTEs and the
 * IOMMU may cache the whole 64 KiB region from any one of them (privileged spec, Svnapot), so
 * software that changes the mapping rewrites all 16 PTEs and invalidates every page (ADDR, as
 * Linux does below 2 MiB). The test maps a region, translates through it (the first access fills
 * the IOTLB from one PTE, the others may hit that entry), remaps all 16 PTEs to another region,
 * invalidates per page and checks that every page now reaches the new region; then it makes all
 * 16 PTEs fault (V=0, then D=0 for writes) and checks the faults. Every DMA also goes through the
 * scoreboard (golden model, fault tap). Regression for `stress` seed 17, whose test corrupted one
 * PTE of such a region (doc/verification.md).
 */
#include "riscv_iommu_regs.h"
#include "tb.h"
#include "tb_host.h"

#define NAPOT_SZ  0x10000ull
#define NAPOT_PPN (1ull << 13) /* PTE bit 13 = PPN[3]: PPN[3:0] = 1000, a 64 KiB region */

static struct iohost host;
static struct iohost_domain dom;
static uint64_t pte0; /* address of the region's first PTE */

/* Point all 16 PTEs at @pa with @flags (V, R, W, A, D, ...), then IOTINVAL.VMA per page. */
static void rewrite(uint64_t iova, uint64_t pa, uint64_t flags)
{
	uint64_t pte = ((pa >> 12) << 10) | NAPOT_PPN | RISCV_IOMMU_PTE_N | flags;

	for (unsigned i = 0; i < 16; i++)
		mem_wr64(pte0 + 8ull * i, pte);
	for (unsigned i = 0; i < 16; i++)
		CHECK_EQ(iohost_inval_vma(&host, dom.pscid, -1, iova + 0x1000ull * i), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);
}

/* Page-table reads on the memory port so far. */
static unsigned ptw_reads(void)
{
	unsigned n = 0;

	for (size_t i = 0; i < mem_log_count(); i++)
		n += mem_log_get(i)->id >> 4 == MEM_SRC_PTW;
	return n;
}

/* Mark every page of the region at @pa with @tag in its first doubleword. */
static void mark(uint64_t pa, uint64_t tag)
{
	for (unsigned i = 0; i < 16; i++)
		mem_wr64(pa + 0x1000ull * i, tag | i);
}

/* Read page @i of the region (first doubleword): the response, the data in *@v. */
static int rd(const struct dma_attr *a, uint64_t iova, unsigned i, uint64_t *v)
{
	return dma_read(a, iova + 0x1000ull * i, v, 1);
}

TB_TEST(napot_inval)
{
	/* A page order that fills the IOTLB from a middle PTE, then uses the others. */
	static const unsigned order[16] = {7, 0, 15, 3, 8, 12, 1, 14, 2, 9, 4, 13, 5, 10, 6, 11};
	struct dma_attr a		= {.did = 0x15, .id = 3};
	uint64_t pa_a, pa_b, iova, v, flags, w;
	unsigned faults, walks;

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&host, 0) != IOHOST_OK)
		return;
	CHECK_EQ(iohost_domain_init(&host, &dom, IOHOST_DOMAIN_PAGING, 8), IOHOST_OK);
	CHECK_EQ(iohost_probe_device(&host, a.did), IOHOST_OK);
	CHECK_EQ(iohost_attach(&host, &dom, &a.did, 1), IOHOST_OK);
	pa_a = tb_alloc_pages(NAPOT_SZ);
	pa_b = tb_alloc_pages(NAPOT_SZ);
	iova = iohost_iova_alloc(&dom.iova, NAPOT_SZ, NAPOT_SZ);
	CHECK(iova != 0);
	mark(pa_a, 0xaaaa000000000000ull);
	mark(pa_b, 0xbbbb000000000000ull);
	CHECK_EQ(iohost_pt_map(&host, &dom.pt, iova, pa_a, NAPOT_SZ,
			       IOHOST_PROT_READ | IOHOST_PROT_WRITE),
		 0);
	/* The 16 PTEs sit in one leaf table, 16-aligned (Svnapot). */
	pte0 = 0;
	for (uint64_t t = dom.pt.root, lvl = 2;; lvl--) {
		uint64_t e = t + ((iova >> (12 + 9 * lvl)) & 0x1ff) * 8;

		if (lvl == 0) {
			pte0 = e;
			break;
		}
		t = ((mem_rd64(e) >> 10) & ((1ull << 44) - 1)) << 12;
	}
	CHECK_EQ(pte0 & 0x7f, 0);
	flags = mem_rd64(pte0) & 0x3ffull; /* V R W X U G A D and the RSW bits */
	CHECK(mem_rd64(pte0) & RISCV_IOMMU_PTE_N);
	CHECK(mem_rd64(pte0 + 8 * 15) & RISCV_IOMMU_PTE_N);

	/*
	 * 1. Translate through the region. One walk (of PTE 7) fills a 64 KiB IOTLB entry that the
	 * other 15 pages hit: fewer page-table reads than one walk per page would need.
	 */
	walks = ptw_reads();
	for (unsigned k = 0; k < 16; k++) {
		CHECK_EQ(rd(&a, iova, order[k], &v), AXI_OKAY);
		CHECK_EQ(v, 0xaaaa000000000000ull | order[k]);
	}
	walks = ptw_reads() - walks;
	tb_log("napot_inval: %u page-table reads for 16 pages", walks);
	CHECK(walks < 16);

	/* 2. Remap all 16 PTEs to region B, invalidate per page: every page reaches B. */
	rewrite(iova, pa_b, flags);
	for (unsigned k = 0; k < 16; k++) {
		CHECK_EQ(rd(&a, iova, order[k], &v), AXI_OKAY);
		CHECK_EQ(v, 0xbbbb000000000000ull | order[k]);
	}
	w = 0x5a5a5a5a00000000ull;
	CHECK_EQ(dma_write(&a, iova + 0x1000ull * 9 + 8, &w, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(pa_b + 0x1000ull * 9 + 8), w);
	CHECK_EQ(mem_rd64(pa_a + 0x1000ull * 9 + 8), 0);

	/* 3. All 16 invalid: every page faults (13 read, 15 write; the scoreboard checks the tap). */
	faults = (unsigned)tb_fault_count();
	rewrite(iova, pa_b, flags & ~(uint64_t)RISCV_IOMMU_PTE_V);
	for (unsigned k = 0; k < 16; k++)
		CHECK_EQ(rd(&a, iova, order[k], &v), AXI_SLVERR);
	CHECK_EQ(dma_write(&a, iova + 0x1000ull * 4, &w, 1), AXI_SLVERR);
	CHECK_EQ(tb_fault_count() - faults, 17);
	for (size_t i = faults; i < tb_fault_count(); i++)
		CHECK_EQ(tb_fault_get(i)->cause, i + 1 < tb_fault_count() ? 13 : 15);

	/* 4. Valid again but D=0 (read-only for the walker): reads pass, writes fault with 15. */
	rewrite(iova, pa_a, flags & ~(uint64_t)RISCV_IOMMU_PTE_D);
	CHECK_EQ(rd(&a, iova, 11, &v), AXI_OKAY);
	CHECK_EQ(v, 0xaaaa000000000000ull | 11);
	faults = (unsigned)tb_fault_count();
	for (unsigned k = 0; k < 16; k++)
		CHECK_EQ(dma_write(&a, iova + 0x1000ull * order[k] + 16, &w, 1), AXI_SLVERR);
	CHECK_EQ(tb_fault_count() - faults, 16);
	for (unsigned i = 0; i < 16; i++)
		CHECK_EQ(mem_rd64(pa_a + 0x1000ull * i + 16), 0);
}
