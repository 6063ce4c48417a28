// SPDX-License-Identifier: Apache-2.0
/*
 * A VM owns a device (spec "Device-context fields", MSI translation; issue 5 item 5): two guests A
 * and B, each with its own G-stage (Sv39x4, own GSCID, iohgatp in its device's DC), its own process
 * directory and Sv39 first-stage tables built in guest memory (their addresses are GPAs mapped by
 * the guest's G-stage), MSI remapping (msiptp Flat, mask/pattern, basic PTEs M=3 onto the guest's
 * interrupt files, sim/c/intfile.h) and a passed-through device each (0x31 for A, 0x32 for B). Same
 * guest-physical layout in both guests: same GPAs, same IOVAs, same PSCID, different system memory
 * and interrupt files.
 *
 * The device's DMA carries process_id 1 (the guest's first stage, then the G-stage); its MSIs
 * carry no process_id (PCIe MSIs never do; DC.tc.DPE=0: first stage Bare, so the MSI address
 * is a GPA). vm_run() is shared with the demo (tests/sim/demo.c, section 6). Every DMA goes
 * through the scoreboard; fault records are compared with the golden model's outcome.
 */
#include <stdio.h>
#include <string.h>

#include "golden.h"
#include "intfile.h"
#include "tb.h"
#include "tb_host.h"
#include "tb_regs.h"

/* clang-format off */
#define DID_GA      0x31u
#define DID_GB      0x32u
#define IF_BASE     0xb0000000ull /* interrupt files: 2 harts x (S + 2 guests) */
#define RAM_SPA_A   0xc0000000ull /* each guest's 2 MiB of RAM in system memory */
#define RAM_SPA_B   0xc1000000ull
#define RAM_GPA     0x80000000ull /* ... at the same GPA in both guests */
#define RAM_SIZE    0x200000ull
#define PDT_GPA     0x80000000ull /* guest-owned: PD8, first-stage root, L1, L0 */
#define S1_ROOT     0x80001000ull
#define S1_L1       0x80002000ull
#define S1_L0       0x80003000ull
#define BUF_GPA     0x80010000ull
#define IMSIC_GPA   0x28000000ull /* guest interrupt file of vCPU I at IMSIC_GPA + I * 4 KiB */
#define IOVA_BUF    0x40000000ull /* guest IOVA of the buffer */
#define IOVA_STRAY  0x40001000ull /* guest IOVA onto a GPA the G-stage does not map */
#define IOVA_MSI    0x40002000ull /* guest IOVA onto its own interrupt-file GPA */
#define PASID       1u
#define PSCID       1u
#define BEATS       4u

#define TC_V        1ull
#define TC_PDTV     (1ull << 5)
#define PD8         (1ull << 60)
#define FLAT        (1ull << 60)
#define SV39        (8ull << 60)
#define PTE_LEAF    0xd7ull /* V R W U A D */
/* clang-format on */

struct guest {
	char name;
	unsigned slot; /* guest interrupt-file number on each hart */
	uint32_t did, gscid;
	uint64_t ram;	 /* SPA of RAM_GPA */
	uint64_t msi_pt; /* hypervisor-owned flat MSI table (SPA) */
	struct iohost_pt g;
};

void vm_run(struct iohost *h, bool narrate);

static struct guest ga = {'A', 1, DID_GA, 0xa, RAM_SPA_A, 0, {0}};
static struct guest gb = {'B', 2, DID_GB, 0xb, RAM_SPA_B, 0, {0}};
static bool say;

#define SAY(...)                             \
	do {                                 \
		if (say)                     \
			printf(__VA_ARGS__); \
	} while (0)

static uint64_t spa(const struct guest *gu, uint64_t gpa)
{
	return gu->ram + (gpa - RAM_GPA);
}

/* The guest writes its own memory (a GPA). */
static void gwr64(const struct guest *gu, uint64_t gpa, uint64_t v)
{
	mem_wr64(spa(gu, gpa), v);
}

/* The guest maps one 4 KiB IOVA page onto @gpa in its Sv39 table (one L1/L0 table). */
static void gmap(const struct guest *gu, uint64_t iova, uint64_t gpa)
{
	gwr64(gu, S1_ROOT + 8 * ((iova >> 30) & 0x1ff), (S1_L1 >> 12) << 10 | 1);
	gwr64(gu, S1_L1 + 8 * ((iova >> 21) & 0x1ff), (S1_L0 >> 12) << 10 | 1);
	gwr64(gu, S1_L0 + 8 * ((iova >> 12) & 0x1ff), (gpa >> 12) << 10 | PTE_LEAF);
}

static unsigned gfile(const struct guest *gu, unsigned hart)
{
	return intfile_id(hart, gu->slot);
}

/* Hypervisor: G-stage, MSI table, DC. Guest: PDT, first-stage tables. */
static void guest_up(struct iohost *h, struct guest *gu, uint64_t stray_gpa)
{
	static const uint64_t zero[512];
	struct iohost_dc dc;

	for (uint64_t a = PDT_GPA; a <= S1_L0; a += 0x1000)
		mem_wr(spa(gu, a), zero, sizeof(zero));
	CHECK_EQ(iohost_pt_init(h, &gu->g, 8, true), IOHOST_OK);
	CHECK_EQ(iohost_pt_map_range(h, &gu->g, RAM_GPA, gu->ram, RAM_SIZE,
				     IOHOST_PROT_READ | IOHOST_PROT_WRITE),
		 IOHOST_OK);
	gu->msi_pt = tb_alloc_pages(4096);
	iohost_msi_pte_basic(h, gu->msi_pt, 0, intfile_addr(gfile(gu, 0)));
	iohost_msi_pte_basic(h, gu->msi_pt, 1, intfile_addr(gfile(gu, 1)));
	/* the guest's own structures, at GPAs */
	gwr64(gu, PDT_GPA + 16 * PASID + 8, SV39 | S1_ROOT >> 12);
	gwr64(gu, PDT_GPA + 16 * PASID, 1 | (uint64_t)PSCID << 12);
	gmap(gu, IOVA_BUF, BUF_GPA);
	gmap(gu, IOVA_STRAY, stray_gpa);
	gmap(gu, IOVA_MSI, IMSIC_GPA);
	dc = (struct iohost_dc){.tc	       = TC_V | TC_PDTV,
				.iohgatp       = iohost_pt_atp(&gu->g) | (uint64_t)gu->gscid << 44,
				.fsc	       = PD8 | PDT_GPA >> 12,
				.msiptp	       = FLAT | gu->msi_pt >> 12,
				.msi_addr_mask = 1,
				.msi_addr_pattern = IMSIC_GPA >> 12};
	CHECK_EQ(iohost_probe_device(h, gu->did), IOHOST_OK);
	CHECK_EQ(iohost_dc_write(h, gu->did, &dc), IOHOST_OK);
	CHECK_EQ(iohost_inval_ddt(h, false, gu->did), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(h), IOHOST_OK);
	SAY("  guest %c  device 0x%x  GSCID %u  G-stage Sv39x4 GPA 0x%llx..+2M -> SPA 0x%llx\n",
	    gu->name, gu->did, gu->gscid, (unsigned long long)RAM_GPA, (unsigned long long)gu->ram);
	SAY("           guest PDT + Sv39 tables at GPA 0x%llx; MSI GPA 0x%llx -> files %u,%u\n",
	    (unsigned long long)PDT_GPA, (unsigned long long)IMSIC_GPA, gfile(gu, 0), gfile(gu, 1));
}

static uint64_t gm_rd(void *ctx, uint64_t pa, bool *err)
{
	(void)ctx;
	(void)err;
	return mem_rd64(pa);
}

/* The spec's outcome for a one-beat DMA (golden model). */
static void model(const struct dma_attr *a, bool write, uint64_t iova, struct gm_res *res,
		  struct gm_info *info)
{
	struct gm_env env = {.rd64 = gm_rd,
			     .ddtp = host_read64(RISCV_IOMMU_REG_DDTP),
			     .caps = host_read64(RISCV_IOMMU_REG_CAPABILITIES),
			     .fctl = host_read32(RISCV_IOMMU_REG_FCTL)};
	struct gm_req req = {.did   = a->did,
			     .pid   = a->pid,
			     .pv    = a->pv,
			     .write = write,
			     .iova  = iova,
			     .beats = 1};

	gm_translate_ex(&env, &req, res, info);
}

/* Wait for @n fault records and drain them into @f. */
static void drain(struct iohost *h, struct iohost_fault *f, unsigned n)
{
	unsigned mask = (1u << h->fq.log2sz) - 1;
	bool ok;

	host_poll32(RISCV_IOMMU_REG_FQT, 0xffffffffu, (h->fq.cons + n) & mask, 400000, &ok);
	CHECK(ok);
	CHECK_EQ(iohost_fault_drain(h, f, n, NULL), n);
}

static void dma_buf(struct guest *gu, uint64_t tag)
{
	struct dma_attr a = {.did = gu->did, .pid = PASID, .pv = true, .id = 3};
	uint64_t w[BEATS], r[BEATS] = {0}, m[BEATS];

	for (unsigned i = 0; i < BEATS; i++)
		w[i] = tag << 48 | 0xda7a0000ull | i;
	CHECK_EQ(dma_write(&a, IOVA_BUF + 0x40, w, BEATS), AXI_OKAY);
	CHECK_EQ(dma_read(&a, IOVA_BUF + 0x40, r, BEATS), AXI_OKAY);
	mem_rd(spa(gu, BUF_GPA) + 0x40, m, sizeof(m));
	CHECK(memcmp(r, w, sizeof(w)) == 0);
	CHECK(memcmp(m, w, sizeof(w)) == 0);
	SAY("  device 0x%x  pasid %u  IOVA 0x%llx -> GPA 0x%llx -> SPA 0x%llx  W+R %s\n", gu->did,
	    PASID, (unsigned long long)(IOVA_BUF + 0x40), (unsigned long long)(BUF_GPA + 0x40),
	    (unsigned long long)(spa(gu, BUF_GPA) + 0x40),
	    memcmp(m, w, sizeof(w)) == 0 ? "OKAY, data at SPA" : "MISMATCH");
}

/* A device's MSI (no process_id): identity @id written to GPA @gpa; returns the response. */
static int msi(const struct guest *gu, uint64_t gpa, uint32_t id)
{
	struct dma_attr a = {.did = gu->did, .id = 5};
	uint64_t d[1]	  = {id};

	return dma_write(&a, gpa, d, 1);
}

static void msi_ok(const struct guest *gu, unsigned hart, uint32_t id, unsigned file)
{
	const struct guest *other = gu == &ga ? &gb : &ga;
	unsigned n0 = intfile_count(gfile(other, 0)), n1 = intfile_count(gfile(other, 1));
	unsigned nf = intfile_count(file);
	int r	    = msi(gu, IMSIC_GPA + 0x1000ull * hart, id);

	CHECK_EQ(r, AXI_OKAY);
	CHECK(intfile_pending(file, id));
	CHECK_EQ(intfile_count(file), nf + 1);
	CHECK_EQ(intfile_count(gfile(other, 0)), n0);
	CHECK_EQ(intfile_count(gfile(other, 1)), n1);
	SAY("  device 0x%x  MSI %2u -> GPA 0x%llx  %-6s file %u (hart %u, guest %c) bit %u=%u  "
	    "guest %c: %u new\n",
	    gu->did, id, (unsigned long long)(IMSIC_GPA + 0x1000ull * hart), r ? "SLVERR" : "OKAY",
	    file, file / 3, gu->name, id, intfile_pending(file, id), other->name,
	    intfile_count(gfile(other, 0)) + intfile_count(gfile(other, 1)) - n0 - n1);
}

/* A's DMA that must not reach guest B: guest-page fault 21/23 with iotval2, as modelled. */
static void stray(struct iohost *h, const struct dma_attr *a, uint64_t iova, const char *what)
{
	unsigned nb = intfile_count(gfile(&gb, 0)) + intfile_count(gfile(&gb, 1));
	uint64_t before[BEATS], after[BEATS], d[1] = {9};
	struct iohost_fault f[1];
	struct gm_res res;
	struct gm_info info;
	int r;

	mem_rd(spa(&gb, BUF_GPA), before, sizeof(before));
	model(a, true, iova, &res, &info);
	CHECK(res.fault);
	CHECK_EQ(res.cause, GM_CAUSE_WRITE_GUEST);
	r = dma_write(a, iova, d, 1);
	CHECK_EQ(r, AXI_SLVERR);
	drain(h, f, 1);
	mem_rd(spa(&gb, BUF_GPA), after, sizeof(after));
	CHECK(memcmp(before, after, sizeof(after)) == 0);
	CHECK_EQ(intfile_count(gfile(&gb, 0)) + intfile_count(gfile(&gb, 1)), nb);
	CHECK_EQ(f[0].cause, res.cause);
	CHECK_EQ(f[0].did, a->did);
	CHECK_EQ(f[0].iotval, res.iotval);
	CHECK_EQ(f[0].iotval2, res.iotval2);
	SAY("  device 0x%x  %-32s -> %s  cause %u  iotval 0x%llx iotval2 0x%llx\n", a->did, what,
	    r == AXI_SLVERR ? "SLVERR" : "OKAY?!", f[0].cause, (unsigned long long)f[0].iotval,
	    (unsigned long long)f[0].iotval2);
}

void vm_run(struct iohost *h, bool narrate)
{
	struct dma_attr a = {.did = DID_GA, .pid = PASID, .pv = true, .id = 6};
	struct dma_attr m = {.did = DID_GA, .id = 6};
	struct gm_res res;
	struct gm_info info;
	unsigned fa0, fa1;

	say = narrate;
	intfile_init(IF_BASE, 2, 2);
	/* A's guest maps IOVA_STRAY onto B's buffer's system address, B's onto A's */
	guest_up(h, &ga, spa(&gb, BUF_GPA));
	guest_up(h, &gb, spa(&ga, BUF_GPA));

	SAY("  -- DMA through both stages: same IOVA, same GPA, two guests' memory\n");
	dma_buf(&ga, 0xaaaa);
	dma_buf(&gb, 0xbbbb);
	CHECK(mem_rd64(spa(&ga, BUF_GPA) + 0x40) != mem_rd64(spa(&gb, BUF_GPA) + 0x40));

	SAY("  -- MSIs remapped into each guest's own interrupt files\n");
	msi_ok(&ga, 0, 5, gfile(&ga, 0));
	msi_ok(&ga, 1, 6, gfile(&ga, 1));
	msi_ok(&gb, 0, 7, gfile(&gb, 0));
	msi_ok(&gb, 1, 3, gfile(&gb, 1));

	SAY("  -- device 0x%x tries to reach guest B\n", DID_GA);
	stray(h, &a, IOVA_STRAY, "IOVA onto B's RAM SPA");
	stray(h, &m, intfile_addr(gfile(&gb, 0)), "MSI to B's file SPA");
	/* B's MSI address (same GPA in both guests): A's own table, A's own file */
	model(&m, true, IMSIC_GPA, &res, &info);
	CHECK(!res.fault && info.msi);
	CHECK_EQ(res.pa, intfile_addr(gfile(&ga, 0)));
	SAY("  device 0x%x  B's MSI address is the same GPA: A's own MSI table, A's own file\n",
	    DID_GA);
	msi_ok(&ga, 0, 8, gfile(&ga, 0));

	SAY("  -- guest A's vCPU 0 moves to hart 1: new MSI PTE, IOTINVAL.GVMA GSCID %u\n",
	    ga.gscid);
	iohost_msi_pte_basic(h, ga.msi_pt, 0, intfile_addr(gfile(&ga, 1)));
	CHECK_EQ(iohost_inval_gvma(h, ga.gscid, UINT64_MAX), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(h), IOHOST_OK);
	fa0 = intfile_count(gfile(&ga, 0));
	fa1 = intfile_count(gfile(&ga, 1));
	msi_ok(&ga, 0, 11, gfile(&ga, 1));
	CHECK_EQ(intfile_count(gfile(&ga, 0)), fa0);
	CHECK_EQ(intfile_count(gfile(&ga, 1)), fa1 + 1);
	CHECK(!intfile_pending(gfile(&ga, 0), 11));
	msi_ok(&gb, 0, 12, gfile(&gb, 0));
}

TB_TEST(vm_two_guests)
{
	struct iohost h;

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&h, 0) != IOHOST_OK)
		return;
	vm_run(&h, false);
}

/*
 * Spec 2.3 step 18: the MSI check applies to the GPA the first stage produces. Guest A maps
 * IOVA_MSI onto its interrupt-file GPA; a DMA with process_id 1 (first stage Sv39) to it must be
 * remapped into A's file like the MSI without process_id.
 */
TB_TEST(vm_msi_first_stage)
{
	struct dma_attr a = {.did = DID_GA, .pid = PASID, .pv = true, .id = 7};
	uint64_t d[1]	  = {13};
	struct iohost h;
	struct gm_res res;
	struct gm_info info;

	CHECK(tb_wait_fw_boot());
	if (tb_host_up(&h, 0) != IOHOST_OK)
		return;
	intfile_init(IF_BASE, 2, 2);
	guest_up(&h, &ga, spa(&gb, BUF_GPA));
	model(&a, true, IOVA_MSI, &res, &info);
	CHECK(!res.fault && info.msi);
	CHECK_EQ(res.pa, intfile_addr(gfile(&ga, 0)));
	CHECK_EQ(dma_write(&a, IOVA_MSI, d, 1), AXI_OKAY);
	CHECK(intfile_pending(gfile(&ga, 0), 13));
}
