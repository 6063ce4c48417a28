// SPDX-License-Identifier: Apache-2.0
/*
 * Sv57 (iosatp MODE 10) and Sv57x4 (iohgatp MODE 10) end to end: host library, firmware, RTL.
 *
 * sv57_domain: a host paging domain in Sv57 (lib, mode 10) with 4 KiB and 1 GiB pages at IOVAs
 * that need the fifth level, 512 GiB and 256 TiB leaves written into the domain's table by hand,
 * the debug translation (tr_response) of the 256 TiB page, and non-canonical IOVAs (bits 63:57 not
 * the sign of bit 56), which fault 13/15.
 *
 * sv57_vm: a guest with an Sv57x4 G-stage whose RAM sits at a GPA above 2^55, so the firmware's
 * own G-stage walk of the guest's process directory (the PDT and the process context are at
 * GPAs) goes through all five levels; the guest's process context selects an Sv57 first stage
 * whose tables live in guest memory (nested Sv57 over Sv57x4). DMA without a process_id is
 * G-stage only (DPE=0) and reaches a GPA with bit 58 set; GPA bit 59 is too wide (21).
 *
 * Every DMA goes through the scoreboard (golden model); datapath faults are compared with its
 * records there, and checked here by cause.
 */
#include "riscv_iommu_regs.h"
#include "tb.h"
#include "tb_host.h"
#include "tb_regs.h"

/* clang-format off */
#define SV57        10u
#define PTE_LEAF    0xd7ull /* V R W U A D */
#define PTE_PTR     1ull
/* clang-format on */

static uint64_t pte(uint64_t pa, uint64_t flags)
{
	return (pa >> 12) << 10 | flags;
}

/* The next fault-tap record has @cause and iotval @iova. */
static void expect_fault(size_t *seen, unsigned cause, uint64_t iova)
{
	CHECK_EQ(tb_fault_count(), *seen + 1);
	if (tb_fault_count() > *seen) {
		CHECK_EQ(tb_fault_get(*seen)->cause, cause);
		CHECK_EQ(tb_fault_get(*seen)->iotval, iova);
	}
	*seen = tb_fault_count();
}

TB_TEST(sv57_domain)
{
	static struct iohost host;
	static struct iohost_domain dom;
	struct dma_attr a = {.did = 0x57, .id = 2};
	uint64_t pa, v, w, t3;
	size_t seen;
	/* IOVA bits 55:48 set: the root index (IOVA[56:48]) is not 0 */
	const uint64_t iova4k = 0x00abcdef12345000ull;
	const uint64_t iova1g = 0x0012000040000000ull, pa1g = 0x0040000040000000ull;
	const uint64_t iova256t = 0x00f0000000000000ull, pa256t = 0x0050000000000000ull;
	const uint64_t iova512g = 0x00f1028000000000ull, pa512g = 0x0060000000000000ull;

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&host, 0) != IOHOST_OK)
		return;
	CHECK(host.caps & RISCV_IOMMU_CAPABILITIES_SV57);
	CHECK(host.caps & RISCV_IOMMU_CAPABILITIES_SV57X4);
	CHECK_EQ(iohost_domain_init(&host, &dom, IOHOST_DOMAIN_PAGING, SV57), IOHOST_OK);
	CHECK_EQ(dom.pt.levels, 5);
	CHECK_EQ(iohost_probe_device(&host, a.did), IOHOST_OK);
	CHECK_EQ(iohost_attach(&host, &dom, &a.did, 1), IOHOST_OK);

	/* 1. A 4 KiB page through five levels: read and write. */
	pa = tb_alloc_pages(4096);
	CHECK_EQ(iohost_pt_map(&host, &dom.pt, iova4k, pa, IOHOST_SZ_4K,
			       IOHOST_PROT_READ | IOHOST_PROT_WRITE),
		 IOHOST_OK);
	mem_wr64(pa + 0x100, 0x5757000000000001ull);
	CHECK_EQ(dma_read(&a, iova4k + 0x100, &v, 1), AXI_OKAY);
	CHECK_EQ(v, 0x5757000000000001ull);
	w = 0x5757000000000002ull;
	CHECK_EQ(dma_write(&a, iova4k + 0x208, &w, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(pa + 0x208), w);

	/* 2. A 1 GiB leaf (lib) at a high IOVA onto a high physical address. */
	CHECK_EQ(iohost_pt_map(&host, &dom.pt, iova1g, pa1g, IOHOST_SZ_1G, IOHOST_PROT_READ),
		 IOHOST_OK);
	mem_wr64(pa1g + 0x123458, 0x5757000000000003ull);
	CHECK_EQ(dma_read(&a, iova1g + 0x123458, &v, 1), AXI_OKAY);
	CHECK_EQ(v, 0x5757000000000003ull);

	/* 3. A 256 TiB leaf in the root (index 0xf0) and a 512 GiB leaf under index 0xf1. */
	mem_wr64(dom.pt.root + 8 * 0xf0, pte(pa256t, PTE_LEAF));
	t3 = tb_alloc_pages(4096);
	mem_wr64(dom.pt.root + 8 * 0xf1, pte(t3, PTE_PTR));
	mem_wr64(t3 + 8 * 5, pte(pa512g, PTE_LEAF));
	mem_wr64(pa256t + 0x123456789ab0ull, 0x5757000000000004ull);
	CHECK_EQ(dma_read(&a, iova256t + 0x123456789ab0ull, &v, 1), AXI_OKAY);
	CHECK_EQ(v, 0x5757000000000004ull);
	w = 0x5757000000000005ull;
	CHECK_EQ(dma_write(&a, iova512g + 0x1234567890ull, &w, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(pa512g + 0x1234567890ull), w);
	/* the same pages again: IOTLB hits */
	CHECK_EQ(dma_read(&a, iova256t + 0xfedcba987650ull, &v, 1), AXI_OKAY);
	CHECK_EQ(dma_read(&a, iova512g + 0x1234567890ull, &v, 1), AXI_OKAY);
	CHECK_EQ(v, w);

	/* Debug translation of the 256 TiB page: S=1, PPN[35]=0, PPN[34:0]=1 (spec tr_response). */
	{
		bool ok;

		host_write64(RISCV_IOMMU_REG_TR_REQ_IOVA, iova256t + 0x5000);
		host_write64(RISCV_IOMMU_REG_TR_REQ_CTL, (uint64_t)a.did << 40 | 1ull << 3 | 1);
		host_poll32(RISCV_IOMMU_REG_TR_REQ_CTL, 1, 0, TB_POLL_CYCLES, &ok);
		CHECK(ok);
		CHECK_EQ(host_read64(RISCV_IOMMU_REG_TR_RESPONSE),
			 (((pa256t >> 12) | 0x7ffffffffull) & ~0x800000000ull) << 10 | 1ull << 9);
	}

	/* 4. Non-canonical: bit 56 set with 63:57 clear (root index 0x1ab, unmapped either way),
	 * and 63:57 set with bit 56 clear (its low bits are the mapped 4 KiB page). */
	seen = tb_fault_count();
	CHECK_EQ(dma_read(&a, iova4k | (1ull << 56), &v, 1), AXI_SLVERR);
	expect_fault(&seen, 13, iova4k | (1ull << 56));
	CHECK_EQ(dma_write(&a, iova4k | 0xfe00000000000000ull, &w, 1), AXI_SLVERR);
	expect_fault(&seen, 15, iova4k | 0xfe00000000000000ull);
	/* a canonical negative IOVA that is not mapped: a page fault from the walk */
	CHECK_EQ(dma_read(&a, 0xff00000000001000ull, &v, 1), AXI_SLVERR);
	expect_fault(&seen, 13, 0xff00000000001000ull);
	CHECK_EQ(mem_rd64(pa + 0x208), 0x5757000000000002ull);
}

/* ---- sv57_vm: nested Sv57 over Sv57x4, PDT at GPAs walked by the firmware ---- */

/* clang-format off */
#define VM_DID      0x58u
#define VM_GSCID    0x57u
#define RAM_SPA     0xd0000000ull         /* the guest's 2 MiB of RAM in system memory ... */
#define RAM_GPA     0x0080000080000000ull /* ... at a GPA with bit 55 set */
#define RAM_SIZE    0x200000ull
#define HI_SPA      0xd0200000ull         /* one 4 KiB page at GPA bit 58 (G-stage only) */
#define HI_GPA      0x0400000000003000ull
#define PDT_GPA     RAM_GPA               /* guest-owned: PD8 and five Sv57 tables */
#define S1_GPA(l)   (RAM_GPA + 0x1000ull * (5 - (l))) /* level l table, l = 4 (root) .. 0 */
#define BUF_GPA     (RAM_GPA + 0x10000ull)
#define IOVA_BUF    0x00fedcba98765000ull /* every level index non-zero */
#define PASID       1u
#define PSCID       0x57u
#define TC_V        1ull
#define TC_PDTV     (1ull << 5)
#define PD8         (1ull << 60)
/* clang-format on */

static uint64_t vm_spa(uint64_t gpa)
{
	return RAM_SPA + (gpa - RAM_GPA);
}

TB_TEST(sv57_vm)
{
	static struct iohost host;
	static struct iohost_pt g;
	struct iohost_dc dc;
	struct dma_attr a = {.did = VM_DID, .pid = PASID, .pv = true, .id = 4};
	struct dma_attr b = {.did = VM_DID, .id = 5}; /* no process_id: G-stage only */
	uint64_t v, w;
	size_t seen;

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&host, 0) != IOHOST_OK)
		return;
	for (uint64_t p = 0; p < 0x20000; p += 8)
		mem_wr64(RAM_SPA + p, 0);
	/* Hypervisor: the G-stage (Sv57x4, 16 KiB root) */
	CHECK_EQ(iohost_pt_init(&host, &g, SV57, true), IOHOST_OK);
	CHECK_EQ(g.levels, 5);
	CHECK_EQ(iohost_pt_map_range(&host, &g, RAM_GPA, RAM_SPA, RAM_SIZE,
				     IOHOST_PROT_READ | IOHOST_PROT_WRITE),
		 IOHOST_OK);
	CHECK_EQ(iohost_pt_map(&host, &g, HI_GPA, HI_SPA, IOHOST_SZ_4K,
			       IOHOST_PROT_READ | IOHOST_PROT_WRITE),
		 IOHOST_OK);
	/* Guest: PD8 entry of PASID 1 (Sv57, PSCID), the Sv57 tables, all at GPAs */
	mem_wr64(vm_spa(PDT_GPA + 16 * PASID + 8), (uint64_t)SV57 << 60 | S1_GPA(4) >> 12);
	mem_wr64(vm_spa(PDT_GPA + 16 * PASID), 1 | (uint64_t)PSCID << 12);
	for (unsigned l = 4; l > 0; l--)
		mem_wr64(vm_spa(S1_GPA(l) + 8 * ((IOVA_BUF >> (12 + 9 * l)) & 0x1ff)),
			 pte(S1_GPA(l - 1), PTE_PTR));
	mem_wr64(vm_spa(S1_GPA(0) + 8 * ((IOVA_BUF >> 12) & 0x1ff)), pte(BUF_GPA, PTE_LEAF));
	dc = (struct iohost_dc){.tc	 = TC_V | TC_PDTV,
				.iohgatp = iohost_pt_atp(&g) | (uint64_t)VM_GSCID << 44,
				.fsc	 = PD8 | PDT_GPA >> 12};
	CHECK_EQ(iohost_probe_device(&host, VM_DID), IOHOST_OK);
	CHECK_EQ(iohost_dc_write(&host, VM_DID, &dc), IOHOST_OK);
	CHECK_EQ(iohost_inval_ddt(&host, false, VM_DID), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);

	/* Nested: IOVA -> (Sv57 in guest memory) -> GPA -> (Sv57x4) -> SPA */
	mem_wr64(vm_spa(BUF_GPA + 0x40), 0x5757000000000011ull);
	CHECK_EQ(dma_read(&a, IOVA_BUF + 0x40, &v, 1), AXI_OKAY);
	CHECK_EQ(v, 0x5757000000000011ull);
	w = 0x5757000000000012ull;
	CHECK_EQ(dma_write(&a, IOVA_BUF + 0x48, &w, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(vm_spa(BUF_GPA + 0x48)), w);
	seen = tb_fault_count();
	/* a guest IOVA the guest did not map: first-stage page fault */
	CHECK_EQ(dma_read(&a, IOVA_BUF + 0x1000, &v, 1), AXI_SLVERR);
	expect_fault(&seen, 13, IOVA_BUF + 0x1000);

	/* G-stage only (no process_id, DPE=0): GPA bit 58 translates, bit 59 is too wide */
	mem_wr64(HI_SPA + 0x10, 0x5757000000000013ull);
	CHECK_EQ(dma_read(&b, HI_GPA + 0x10, &v, 1), AXI_OKAY);
	CHECK_EQ(v, 0x5757000000000013ull);
	CHECK_EQ(dma_write(&b, (1ull << 59) | 0x3010, &w, 1), AXI_SLVERR);
	expect_fault(&seen, 23, (1ull << 59) | 0x3010);
	if (tb_fault_count() > 0)
		CHECK_EQ(tb_fault_get(tb_fault_count() - 1)->iotval2, (1ull << 59) | 0x3010);
}
