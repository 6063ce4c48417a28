/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `make demo`: the story an IOMMU exists for, narrated, on the real firmware, core and RTL.
 *   1. Boot and the Linux probe (iohost_init): capabilities, DDT mode, queues.
 *   2. Two devices, each in its own Sv39 paging domain, DMA through their own IOVAs.
 *   3. Device 0x22 strays outside its mapping: SLVERR, memory untouched, a fault record in the
 *      fault queue drained by the host, the wired interrupt raised and cleared.
 *   4. Revocation: iohost_dma_unmap (IOTINVAL.VMA + IOFENCE.C) and the same DMA now faults.
 *   5. Summary.
 *   6. Two guests, two passed-through devices (tests/sim/test_vm.c): G-stage per guest,
 *      guest-owned PDT and first-stage tables, MSIs remapped into each guest's interrupt files,
 *      device A kept out of guest B's memory and files, an MSI PTE change after IOTINVAL.GVMA.
 * Every step is CHECKed, so the demo is also a test (+test=demo).
 */
#include <stdio.h>
#include <string.h>

#include "tb.h"
#include "tb_host.h"
#include "tb_regs.h"

/* clang-format off */
#define DID_A      0x11u
#define DID_B      0x22u
#define BUF_BYTES  0x2000ull  /* device 0x11: two pages */
#define BUF_B      0x1000ull  /* device 0x22: one page */
#define BEATS      4u
#define IPSR_FIP   2u
#define QCSR_ON    (1u << 16)
/* clang-format on */

static unsigned n_dma, n_dma_fault;

/* tests/sim/test_vm.c: the two-guest scenario, narrated when @narrate. */
void vm_run(struct iohost *h, bool narrate);

static void banner(const char *title)
{
	printf("\n==== %s ====\n", title);
}

static const char *cause_name(unsigned cause)
{
	switch (cause) {
	case 1:
		return "instruction access fault";
	case 5:
		return "read access fault";
	case 7:
		return "write/AMO access fault";
	case 12:
		return "instruction page fault";
	case 13:
		return "read page fault";
	case 15:
		return "write/AMO page fault";
	case 256:
		return "all inbound transactions disallowed";
	case 257:
		return "DDT entry load access fault";
	case 258:
		return "DDT entry not valid";
	case 259:
		return "DDT entry misconfigured";
	case 260:
		return "transaction type disallowed";
	default:
		return "?";
	}
}

static const char *ttyp_name(unsigned ttyp)
{
	switch (ttyp) {
	case 1:
		return "untranslated read-for-execute";
	case 2:
		return "untranslated read";
	case 3:
		return "untranslated write/AMO";
	default:
		return "?";
	}
}

static const char *mode_name(unsigned mode)
{
	static const char *const n[] = {"Off", "Bare", "1LVL", "2LVL", "3LVL"};

	return mode < 5 ? n[mode] : "?";
}

static const char *resp_name(int resp)
{
	static const char *const n[] = {"OKAY", "EXOKAY", "SLVERR", "DECERR"};

	return resp >= 0 && resp < 4 ? n[resp] : "?";
}

static int dma_wr(uint32_t did, uint64_t iova, const uint64_t *d)
{
	struct dma_attr a = {.did = did, .id = 1};
	int r		  = dma_write(&a, iova, d, BEATS);

	n_dma++;
	n_dma_fault += r != AXI_OKAY;
	return r;
}

static int dma_rd(uint32_t did, uint64_t iova, uint64_t *d)
{
	struct dma_attr a = {.did = did, .id = 2};
	int r		  = dma_read(&a, iova, d, BEATS);

	n_dma++;
	n_dma_fault += r != AXI_OKAY;
	return r;
}

static void step_boot(struct iohost *h)
{
	uint64_t c = 0;
	uint32_t cqcsr, fqcsr;

	banner("1. Boot: firmware up, host probes the IOMMU like the Linux driver");
	CHECK(tb_wait_fw_boot());
	tb_log("firmware booted");
	if (tb_host_up(h, 0) != IOHOST_OK)
		return;
	c = h->caps;
	printf("  capabilities     0x%016llx\n", (unsigned long long)c);
	printf("    version        %u.%u\n", (unsigned)(c >> 4) & 0xf, (unsigned)c & 0xf);
	printf("    first stage    Sv39=%u Sv48=%u\n", (unsigned)(c >> 9) & 1,
	       (unsigned)(c >> 10) & 1);
	printf("    G-stage        Sv39x4=%u Sv48x4=%u\n", (unsigned)(c >> 17) & 1,
	       (unsigned)(c >> 18) & 1);
	printf("    MSI_FLAT=%u  IGS=%s  HPM=%u  DBG=%u  PAS=%u bits\n", (unsigned)(c >> 22) & 1,
	       ((c >> 28) & 3) == 0   ? "MSI"
	       : ((c >> 28) & 3) == 1 ? "WSI"
	       : ((c >> 28) & 3) == 2 ? "BOTH"
				      : "?",
	       (unsigned)(c >> 30) & 1, (unsigned)(c >> 31) & 1, (unsigned)(c >> 32) & 0x3f);
	cqcsr = host_read32(RISCV_IOMMU_REG_CQCSR);
	fqcsr = host_read32(RISCV_IOMMU_REG_FQCSR);
	printf("  fctl             WSI=%u (wired interrupts), icvec 0x%llx\n",
	       (unsigned)(h->fctl >> 1) & 1, (unsigned long long)h->icvec);
	printf("  DDT mode         %s (level probe from 3LVL), root PA 0x%llx\n",
	       mode_name(h->ddt_mode), (unsigned long long)h->ddt_root);
	printf("  command queue    %5u entries at 0x%llx  cqon=%u\n", 1u << h->cq.log2sz,
	       (unsigned long long)h->cq.base, (cqcsr & QCSR_ON) ? 1u : 0u);
	printf("  fault queue      %5u entries at 0x%llx  fqon=%u\n", 1u << h->fq.log2sz,
	       (unsigned long long)h->fq.base, (fqcsr & QCSR_ON) ? 1u : 0u);
	CHECK_EQ(c & 0xff, 0x10);
	CHECK(c & RISCV_IOMMU_CAPABILITIES_SV39);
	CHECK_EQ(h->ddt_mode, TB_DDTP_3LVL);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_DDTP) & TB_DDTP_MODE_MASK, TB_DDTP_3LVL);
	CHECK(cqcsr & QCSR_ON);
	CHECK(fqcsr & QCSR_ON);
	CHECK_EQ(h->fctl & 2, 2);
}

struct dev {
	uint32_t did;
	struct iohost_domain dom;
	uint64_t pa, len, iova;
};

static void step_attach(struct iohost *h, struct dev *dv)
{
	uint64_t w[BEATS], r[BEATS], m[BEATS];
	int rw, rr;

	CHECK_EQ(iohost_domain_init(h, &dv->dom, IOHOST_DOMAIN_PAGING, 8), IOHOST_OK);
	CHECK_EQ(iohost_probe_device(h, dv->did), IOHOST_OK);
	CHECK_EQ(iohost_attach(h, &dv->dom, &dv->did, 1), IOHOST_OK);
	dv->pa = tb_alloc_pages(dv->len);
	CHECK_EQ(iohost_dma_map(h, &dv->dom, dv->pa, dv->len, IOHOST_PROT_READ | IOHOST_PROT_WRITE,
				&dv->iova),
		 IOHOST_OK);
	CHECK_EQ(iohost_pt_lookup(h, &dv->dom.pt, dv->iova), dv->pa);
	printf("  device 0x%02x  domain Sv39 PSCID %u  IOVA 0x%08llx -> PA 0x%09llx  (%llu KiB, "
	       "RW)\n",
	       dv->did, dv->dom.pscid, (unsigned long long)dv->iova, (unsigned long long)dv->pa,
	       (unsigned long long)dv->len >> 10);
	for (unsigned i = 0; i < BEATS; i++)
		w[i] = (uint64_t)dv->did << 56 | 0xda7a00000000ull | i;
	rw = dma_wr(dv->did, dv->iova, w);
	rr = dma_rd(dv->did, dv->iova, r);
	mem_rd(dv->pa, m, sizeof(m));
	CHECK_EQ(rw, AXI_OKAY);
	CHECK_EQ(rr, AXI_OKAY);
	CHECK(memcmp(r, w, sizeof(w)) == 0);
	CHECK(memcmp(m, w, sizeof(w)) == 0);
	printf("  device 0x%02x  write %u beats %-6s  read back %-6s  data %s (0x%016llx..)\n",
	       dv->did, BEATS, resp_name(rw), resp_name(rr),
	       memcmp(r, w, sizeof(w)) == 0 && memcmp(m, w, sizeof(w)) == 0 ? "matches at PA"
									    : "MISMATCH",
	       (unsigned long long)r[0]);
}

/* Page-table walker memory reads since log index @from. */
static unsigned ptw_reads(size_t from)
{
	unsigned n = 0;

	for (size_t i = from; i < mem_log_count(); i++)
		n += (mem_log_get(i)->id >> 4) == MEM_SRC_PTW;
	return n;
}

static void print_fault(const struct iohost_fault *f)
{
	printf("  fault record     cause %u (%s)\n", f->cause, cause_name(f->cause));
	printf("                   TTYP %u (%s)  DID 0x%02x  iotval 0x%llx\n", f->ttyp,
	       ttyp_name(f->ttyp), f->did, (unsigned long long)f->iotval);
}

/* Wait for @n new fault records (fqt moves), then show ipsr/WSI, drain and show them cleared. */
static unsigned drain(struct iohost *h, struct iohost_fault *f, unsigned max, unsigned want)
{
	unsigned mask = (1u << h->fq.log2sz) - 1, vec = (unsigned)(h->icvec >> 4) & 0xf;
	uint32_t flags = 0;
	bool ok;
	int n;

	host_poll32(RISCV_IOMMU_REG_FQT, 0xffffffffu, (h->fq.cons + want) & mask, 200000, &ok);
	CHECK(ok);
	host_poll32(RISCV_IOMMU_REG_IPSR, IPSR_FIP, IPSR_FIP, 1000, &ok);
	CHECK(ok);
	tb_step(4);
	printf("  interrupt        ipsr.fip=%u  wired line %u (icvec.fiv) = %u\n",
	       (host_read32(RISCV_IOMMU_REG_IPSR) & IPSR_FIP) ? 1u : 0u, vec,
	       (tb_wsi() >> vec) & 1u);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & IPSR_FIP);
	CHECK((tb_wsi() >> vec) & 1u);
	n = iohost_fault_drain(h, f, max, &flags);
	tb_step(4);
	printf("  host drains      %d record(s); ipsr W1C -> fip=%u  wired line %u = %u\n", n,
	       (host_read32(RISCV_IOMMU_REG_IPSR) & IPSR_FIP) ? 1u : 0u, vec,
	       (tb_wsi() >> vec) & 1u);
	CHECK_EQ(n, want);
	CHECK_EQ(flags, 0);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR) & IPSR_FIP, 0);
	CHECK_EQ((tb_wsi() >> vec) & 1u, 0);
	return n > 0 ? (unsigned)n : 0;
}

static void step_stray(struct iohost *h, struct dev *a, struct dev *b, unsigned *faults)
{
	uint64_t stray = a->iova + BUF_B, r[BEATS] = {0}, w[BEATS], before[BEATS], after[BEATS];
	struct iohost_fault f[2];
	int rr, rw;

	banner("3. Device 0x22 strays outside its mapping");
	printf("  IOVA 0x%llx is device 0x11's second page; in 0x22's domain it is unmapped\n",
	       (unsigned long long)stray);
	CHECK_EQ(iohost_pt_lookup(h, &a->dom.pt, stray), a->pa + BUF_B);
	CHECK_EQ(iohost_pt_lookup(h, &b->dom.pt, stray), 0);
	mem_rd(a->pa + BUF_B, before, sizeof(before));
	for (unsigned i = 0; i < BEATS; i++)
		w[i] = 0xbad0bad0bad0bad0ull + i;
	rr = dma_rd(b->did, stray, r);
	rw = dma_wr(b->did, stray, w);
	mem_rd(a->pa + BUF_B, after, sizeof(after));
	printf("  device 0x22 read  0x%llx -> %-6s  (data returned 0x%llx)\n",
	       (unsigned long long)stray, resp_name(rr), (unsigned long long)r[0]);
	printf("  device 0x22 write 0x%llx -> %-6s  (PA 0x%llx %s)\n", (unsigned long long)stray,
	       resp_name(rw), (unsigned long long)(a->pa + BUF_B),
	       memcmp(before, after, sizeof(after)) == 0 ? "untouched" : "CHANGED");
	CHECK_EQ(rr, AXI_SLVERR);
	CHECK_EQ(rw, AXI_SLVERR);
	CHECK(memcmp(before, after, sizeof(after)) == 0);
	*faults += drain(h, f, 2, 2);
	for (unsigned i = 0; i < 2; i++) {
		print_fault(&f[i]);
		CHECK_EQ(f[i].cause, i ? 15 : 13);
		CHECK_EQ(f[i].ttyp, i ? 3 : 2);
		CHECK_EQ(f[i].did, DID_B);
		CHECK_EQ(f[i].iotval, stray);
	}
}

static void step_revoke(struct iohost *h, struct dev *a, unsigned *faults)
{
	uint64_t r[BEATS], iova = a->iova;
	uint32_t cqh0 = host_read32(RISCV_IOMMU_REG_CQH), cqh1;
	struct iohost_fault f[1];
	size_t log0;
	unsigned walk0, walk1;
	int rr, rc;

	banner("4. Revocation: the host unmaps device 0x11's buffer");
	log0  = mem_log_count();
	rr    = dma_rd(a->did, iova, r);
	walk0 = ptw_reads(log0);
	printf("  before: device 0x11 read 0x%llx -> %-6s  PTE reads %u (IOTLB hit)\n",
	       (unsigned long long)iova, resp_name(rr), walk0);
	CHECK_EQ(rr, AXI_OKAY);
	CHECK_EQ(walk0, 0);
	rc   = iohost_dma_unmap(h, &a->dom, iova, a->len);
	cqh1 = host_read32(RISCV_IOMMU_REG_CQH);
	printf("  iohost_dma_unmap -> %d: %u command(s) through the CQ "
	       "(IOTINVAL.VMA PSCID %u per page, IOFENCE.C)\n",
	       rc, (cqh1 - cqh0) & ((1u << h->cq.log2sz) - 1), a->dom.pscid);
	CHECK_EQ(rc, IOHOST_OK);
	CHECK_EQ((cqh1 - cqh0) & ((1u << h->cq.log2sz) - 1), a->len / 4096 + 1);
	CHECK_EQ(iohost_pt_lookup(h, &a->dom.pt, iova), 0);
	log0  = mem_log_count();
	rr    = dma_rd(a->did, iova, r);
	walk1 = ptw_reads(log0);
	printf("  after:  device 0x11 read 0x%llx -> %-6s  PTE reads %u (IOTLB entry gone: walk "
	       "finds V=0)\n",
	       (unsigned long long)iova, resp_name(rr), walk1);
	CHECK_EQ(rr, AXI_SLVERR);
	CHECK(walk1 > 0);
	*faults += drain(h, f, 1, 1);
	print_fault(&f[0]);
	CHECK_EQ(f[0].cause, 13);
	CHECK_EQ(f[0].ttyp, 2);
	CHECK_EQ(f[0].did, DID_A);
	CHECK_EQ(f[0].iotval, iova);
}

TB_TEST(demo)
{
	struct iohost h;
	static struct dev a, b;
	unsigned faults = 0;
	uint32_t cqh;

	printf("RISC-V IOMMU v1.0 demo: host CPU + 2 DMA devices, firmware on VexRiscv, RTL "
	       "datapath\n");
	step_boot(&h);

	banner("2. Two devices, two paging domains, DMA through their own IOVAs");
	a.did = DID_A;
	a.len = BUF_BYTES;
	b.did = DID_B;
	b.len = BUF_B;
	step_attach(&h, &a);
	step_attach(&h, &b);
	if (a.iova == b.iova)
		printf("  same IOVA 0x%llx, two domains: two different physical pages\n",
		       (unsigned long long)a.iova);
	CHECK(a.pa != b.pa);

	step_stray(&h, &a, &b, &faults);
	step_revoke(&h, &a, &faults);

	banner("5. Summary");
	cqh = host_read32(RISCV_IOMMU_REG_CQH);
	printf("  cycles simulated   %llu\n", (unsigned long long)tb_cycle());
	printf("  DMAs               %u (%u OKAY, %u SLVERR)\n", n_dma, n_dma - n_dma_fault,
	       n_dma_fault);
	printf("  faults recorded    %u drained by the host (%zu seen on the RTL fault tap)\n",
	       faults, tb_fault_count());
	printf("  commands processed %u (cqh = cqt)\n", cqh);
	CHECK_EQ(faults, 3);
	CHECK_EQ(n_dma_fault, 3);
	CHECK_EQ(tb_fault_count(), 3);
	CHECK_EQ(cqh, h.cq.prod);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQT), h.cq.prod);

	banner("6. Two guests, two passed-through devices");
	vm_run(&h, true);
}
