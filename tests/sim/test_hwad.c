// SPDX-License-Identifier: Apache-2.0
/*
 * Hardware A/D update (capabilities.AMO_HWAD, DC.tc.SADE / GADE) end to end: host library,
 * firmware, RTL walker, memory model with exclusive monitors, golden model.
 *
 * hwad_s1: a host paging domain (Sv39) whose device has SADE. Leaves are built clean
 * (IOHOST_PROT_CLEAN: A=D=0): a read sets A, a write A and D, a write to a page cached clean
 * walks again and sets D, a faulting walk (write to a read-only page) writes nothing. Another
 * agent writes the PTE between the walker's exclusive read and its write: the exclusive write
 * fails, the walker reads again and keeps the other agent's bit (no lost update). Then DMAs run
 * while the host clears A/D behind them: nothing but A and D ever changes in a leaf, and after
 * the host's clear + IOTINVAL.VMA the next access sets them again.
 *
 * hwad_vm: a guest (Sv39x4, GADE) whose process directory and Sv39 tables (SADE) live in guest
 * memory mapped by 4 KiB G-stage leaves that are all clean. The firmware's G-stage walk of the
 * PDT address sets A (an implicit read) in the PDT page's G leaf; the walker sets A in the G
 * leaves of the first-stage table pages, A and D in the one holding the leaf PTE it updates (an
 * implicit write), A in the first-stage leaf, and A in the final G leaf; a write sets D in both
 * leaves.
 *
 * The scoreboard checks every DMA against the golden model and, after each, that the model finds
 * no A/D update left to do (sb_ad_check(), off while the host clears A/D concurrently).
 */
#include "riscv_iommu_regs.h"
#include "tb.h"
#include "tb_host.h"
#include "tb_regs.h"

/* clang-format off */
#define SV39        8u
#define PTE_V       1ull
#define PTE_R       (1ull << 1)
#define PTE_W       (1ull << 2)
#define PTE_X       (1ull << 3)
#define PTE_A       (1ull << 6)
#define PTE_D       (1ull << 7)
#define PTE_RSW0    (1ull << 8)
#define TC_V        1ull
#define TC_PDTV     (1ull << 5)
#define TC_GADE     (1ull << 7)
#define TC_SADE     (1ull << 8)
#define PD8         (1ull << 60)
#define RW_CLEAN    (IOHOST_PROT_READ | IOHOST_PROT_WRITE | IOHOST_PROT_CLEAN)
/* clang-format on */

/* The leaf PTE's address for @va in the table at @root (0 if none). */
static uint64_t leaf_of(uint64_t root, uint64_t va, unsigned levels, bool gstage)
{
	uint64_t t = root;

	for (unsigned i = levels; i-- > 0;) {
		unsigned bits = (gstage && i == levels - 1) ? 11 : 9;
		uint64_t a    = t + 8 * ((va >> (12 + 9 * i)) & ((1ull << bits) - 1));
		uint64_t e    = mem_rd64(a);

		if (!(e & PTE_V))
			return 0;
		if (e & (PTE_R | PTE_X))
			return a;
		t = (e >> 10) << 12;
	}
	return 0;
}

/* Read hook: the first exclusive walker read of @addr gets a backdoor write of @val. */
struct race {
	uint64_t addr, val;
	bool armed, hit;
};

static void race_hook(void *ctx, uint64_t pa, unsigned id, bool excl)
{
	struct race *r = ctx;

	if (r->armed && excl && pa == r->addr && id >> 4 == MEM_SRC_PTW) {
		r->armed = false;
		r->hit	 = true;
		mem_wr64(pa, r->val);
	}
}

TB_TEST(hwad_s1)
{
	static struct iohost host;
	static struct iohost_domain dom;
	struct dma_attr a = {.did = 0x4a, .id = 3};
	struct iohost_dc dc;
	const uint64_t iova = 0x40000000ull;
	uint64_t pa, v, w, p[8], ppn_bits[8];
	unsigned ok0, fail0, ok1, fail1;
	static struct race race;
	size_t seen;

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&host, 0) != IOHOST_OK)
		return;
	CHECK(host.caps & RISCV_IOMMU_CAPABILITIES_AMO_HWAD);
	CHECK_EQ(iohost_domain_init(&host, &dom, IOHOST_DOMAIN_PAGING, SV39), IOHOST_OK);
	CHECK_EQ(iohost_probe_device(&host, a.did), IOHOST_OK);
	CHECK_EQ(iohost_attach(&host, &dom, &a.did, 1), IOHOST_OK);
	CHECK_EQ(iohost_dc_read(&host, a.did, &dc), IOHOST_OK);
	dc.tc |= TC_SADE;
	CHECK_EQ(iohost_dc_write(&host, a.did, &dc), IOHOST_OK);
	CHECK_EQ(iohost_inval_ddt(&host, false, a.did), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);

	pa = tb_alloc_pages(8 * 4096);
	for (unsigned i = 0; i < 8; i++) {
		unsigned prot = i == 3 ? (IOHOST_PROT_READ | IOHOST_PROT_CLEAN) : RW_CLEAN;

		CHECK_EQ(iohost_pt_map(&host, &dom.pt, iova + 0x1000ull * i, pa + 0x1000ull * i,
				       IOHOST_SZ_4K, prot),
			 IOHOST_OK);
		p[i]	    = leaf_of(dom.pt.root, iova + 0x1000ull * i, dom.pt.levels, false);
		ppn_bits[i] = mem_rd64(p[i]);
		CHECK(p[i] != 0 && !(ppn_bits[i] & (PTE_A | PTE_D)));
	}

	/* 1. A read sets A only; a write sets A and D. */
	mem_wr64(pa + 0x10, 0x4a00000000000001ull);
	CHECK_EQ(dma_read(&a, iova + 0x10, &v, 1), AXI_OKAY);
	CHECK_EQ(v, 0x4a00000000000001ull);
	CHECK_EQ(mem_rd64(p[0]), ppn_bits[0] | PTE_A);
	w = 0x4a00000000000002ull;
	CHECK_EQ(dma_write(&a, iova + 0x1018, &w, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(pa + 0x1018), w);
	CHECK_EQ(mem_rd64(p[1]), ppn_bits[1] | PTE_A | PTE_D);

	/* 2. Read (cached clean), then write: the IOTLB entry does not allow the write, the walk
	 * sets D. */
	CHECK_EQ(dma_read(&a, iova + 0x2000, &v, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(p[2]), ppn_bits[2] | PTE_A);
	CHECK_EQ(dma_write(&a, iova + 0x2008, &w, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(p[2]), ppn_bits[2] | PTE_A | PTE_D);

	/* 3. A write to a read-only clean page faults (15) and writes nothing. */
	seen = tb_fault_count();
	CHECK_EQ(dma_write(&a, iova + 0x3000, &w, 1), AXI_SLVERR);
	CHECK_EQ(tb_fault_count(), seen + 1);
	if (tb_fault_count() > seen)
		CHECK_EQ(tb_fault_get(seen)->cause, 15);
	CHECK_EQ(mem_rd64(p[3]), ppn_bits[3]);
	/* ... and a read of it sets A. */
	CHECK_EQ(dma_read(&a, iova + 0x3000, &v, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(p[3]), ppn_bits[3] | PTE_A);

	/* 4. Another agent sets a software bit between the exclusive read and the write. */
	mem_excl_count(&ok0, &fail0);
	race = (struct race){.addr = p[4], .val = ppn_bits[4] | PTE_RSW0, .armed = true};
	mem_set_read_hook(race_hook, &race);
	CHECK_EQ(dma_write(&a, iova + 0x4000, &w, 1), AXI_OKAY);
	mem_set_read_hook(NULL, NULL);
	mem_excl_count(&ok1, &fail1);
	CHECK(race.hit);
	CHECK_EQ(fail1 - fail0, 1);
	CHECK(ok1 - ok0 >= 1);
	CHECK_EQ(mem_rd64(p[4]), ppn_bits[4] | PTE_RSW0 | PTE_A | PTE_D);
	ppn_bits[4] |= PTE_RSW0;

	/* 5. DMAs in flight while the host clears A/D behind them (no invalidation). */
	sb_ad_check(false);
	for (unsigned round = 0; round < 6; round++) {
		static struct dma_op ops[8];

		for (unsigned i = 0; i < 8; i++) {
			if (i == 3)
				continue; /* read-only */
			ops[i] = (struct dma_op){.attr	= a,
						 .iova	= iova + 0x1000ull * i + 8 * round,
						 .beats = 1,
						 .write = ((i + round) & 1) != 0,
						 .data	= {0x4a00000000000100ull + round}};
			dma_issue(&ops[i]);
		}
		for (unsigned k = 0; k < 8; k++) {
			tb_step(7 + 3 * round);
			mem_wr64(p[(k + round) % 8],
				 mem_rd64(p[(k + round) % 8]) & ~(PTE_A | PTE_D));
		}
		CHECK(dma_wait_all(200000));
		for (unsigned i = 0; i < 8; i++)
			if (i != 3)
				CHECK_EQ(ops[i].resp, AXI_OKAY);
	}
	sb_ad_check(true);
	/* Only A and D ever changed; after the host's clear and IOTINVAL.VMA the next access
	 * sets them again. */
	for (unsigned i = 0; i < 8; i++) {
		CHECK_EQ(mem_rd64(p[i]) & ~(PTE_A | PTE_D), ppn_bits[i]);
		mem_wr64(p[i], ppn_bits[i]);
	}
	CHECK_EQ(iohost_inval_vma(&host, dom.pscid, -1, UINT64_MAX), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);
	for (unsigned i = 0; i < 8; i++) {
		bool wr = i != 3;

		if (wr)
			CHECK_EQ(dma_write(&a, iova + 0x1000ull * i + 0x100, &w, 1), AXI_OKAY);
		else
			CHECK_EQ(dma_read(&a, iova + 0x1000ull * i + 0x100, &v, 1), AXI_OKAY);
		CHECK_EQ(mem_rd64(p[i]), ppn_bits[i] | PTE_A | (wr ? PTE_D : 0));
	}
}

/* ---- hwad_vm: GADE + SADE with the guest's PDT and tables in clean guest memory ---- */

/* clang-format off */
#define VM_DID      0x4bu
#define VM_GSCID    0x4bu
#define RAM_SPA     0xd4000000ull /* the guest's RAM (16 pages) in system memory ... */
#define RAM_GPA     0x80000000ull /* ... at this GPA, one clean 4 KiB G leaf per page */
#define RAM_PAGES   16u
#define PDT_GPA     RAM_GPA
#define S1_GPA(l)   (RAM_GPA + 0x1000ull * (3 - (l))) /* level l table, l = 2 (root) .. 0 */
#define BUF_GPA     (RAM_GPA + 0x8000ull)
#define IOVA_BUF    0x12345000ull
#define PASID       2u
#define PSCID       0x4bu
/* clang-format on */

static uint64_t vm_spa(uint64_t gpa)
{
	return RAM_SPA + (gpa - RAM_GPA);
}

static uint64_t pte(uint64_t pa, uint64_t flags)
{
	return (pa >> 12) << 10 | flags;
}

TB_TEST(hwad_vm)
{
	static struct iohost host;
	static struct iohost_pt g;
	struct iohost_dc dc;
	struct dma_attr a = {.did = VM_DID, .pid = PASID, .pv = true, .id = 4};
	uint64_t v, w, gl[RAM_PAGES], g0[RAM_PAGES], s1leaf;
	const uint64_t CLEAN_LEAF = PTE_V | PTE_R | PTE_W | (1ull << 4); /* V R W U */

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&host, 0) != IOHOST_OK)
		return;
	for (uint64_t o = 0; o < RAM_PAGES * 0x1000ull; o += 8)
		mem_wr64(RAM_SPA + o, 0);
	/* Hypervisor: Sv39x4, every guest page its own clean 4 KiB leaf */
	CHECK_EQ(iohost_pt_init(&host, &g, SV39, true), IOHOST_OK);
	for (unsigned i = 0; i < RAM_PAGES; i++) {
		CHECK_EQ(iohost_pt_map(&host, &g, RAM_GPA + 0x1000ull * i, RAM_SPA + 0x1000ull * i,
				       IOHOST_SZ_4K, RW_CLEAN),
			 IOHOST_OK);
		gl[i] = leaf_of(g.root, RAM_GPA + 0x1000ull * i, g.levels, true);
		g0[i] = mem_rd64(gl[i]);
		CHECK(gl[i] != 0 && !(g0[i] & (PTE_A | PTE_D)));
	}
	/* Guest: PD8 entry of PASID 2 (Sv39, PSCID), the Sv39 tables, a clean leaf */
	mem_wr64(vm_spa(PDT_GPA + 16 * PASID + 8), (uint64_t)SV39 << 60 | S1_GPA(2) >> 12);
	mem_wr64(vm_spa(PDT_GPA + 16 * PASID), 1 | (uint64_t)PSCID << 12);
	for (unsigned l = 2; l > 0; l--)
		mem_wr64(vm_spa(S1_GPA(l) + 8 * ((IOVA_BUF >> (12 + 9 * l)) & 0x1ff)),
			 pte(S1_GPA(l - 1), PTE_V));
	s1leaf = vm_spa(S1_GPA(0) + 8 * ((IOVA_BUF >> 12) & 0x1ff));
	mem_wr64(s1leaf, pte(BUF_GPA, CLEAN_LEAF));
	dc = (struct iohost_dc){.tc	 = TC_V | TC_PDTV | TC_GADE | TC_SADE,
				.iohgatp = iohost_pt_atp(&g) | (uint64_t)VM_GSCID << 44,
				.fsc	 = PD8 | PDT_GPA >> 12};
	CHECK_EQ(iohost_probe_device(&host, VM_DID), IOHOST_OK);
	CHECK_EQ(iohost_dc_write(&host, VM_DID, &dc), IOHOST_OK);
	CHECK_EQ(iohost_inval_ddt(&host, false, VM_DID), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);

	/* A read: the firmware's PDT walk, then the walker's nested walk. */
	mem_wr64(vm_spa(BUF_GPA + 0x40), 0x4b00000000000011ull);
	CHECK_EQ(dma_read(&a, IOVA_BUF + 0x40, &v, 1), AXI_OKAY);
	CHECK_EQ(v, 0x4b00000000000011ull);
	CHECK_EQ(mem_rd64(gl[0]), g0[0] | PTE_A);	  /* PDT page: implicit read (fw) */
	CHECK_EQ(mem_rd64(gl[1]), g0[1] | PTE_A);	  /* S1 root: implicit read */
	CHECK_EQ(mem_rd64(gl[2]), g0[2] | PTE_A);	  /* S1 level 1 */
	CHECK_EQ(mem_rd64(gl[3]), g0[3] | PTE_A | PTE_D); /* S1 level 0: implicit write */
	CHECK_EQ(mem_rd64(s1leaf), pte(BUF_GPA, CLEAN_LEAF | PTE_A)); /* first-stage leaf */
	CHECK_EQ(mem_rd64(gl[8]), g0[8] | PTE_A);		      /* the data page */
	for (unsigned i = 4; i < RAM_PAGES; i++)
		if (i != 8)
			CHECK_EQ(mem_rd64(gl[i]), g0[i]);
	/* A write: D in the first-stage leaf and in the data page's G leaf. */
	w = 0x4b00000000000012ull;
	CHECK_EQ(dma_write(&a, IOVA_BUF + 0x48, &w, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(vm_spa(BUF_GPA + 0x48)), w);
	CHECK_EQ(mem_rd64(s1leaf), pte(BUF_GPA, CLEAN_LEAF | PTE_A | PTE_D));
	CHECK_EQ(mem_rd64(gl[8]), g0[8] | PTE_A | PTE_D);
	CHECK_EQ(mem_rd64(gl[0]), g0[0] | PTE_A);
}
