// SPDX-License-Identifier: Apache-2.0
/*
 * Randomized stress over the virtualization paths (issue 5 item 6), one seed per run: 2-3 guests,
 * each with its own G-stage (Sv39x4, Sv48x4 or Sv57x4, own GSCID, 4 KiB and 2 MiB leaves with
 * random permissions), two passed-through devices with a guest-owned process directory (PD8 and
 * PD17, several process_ids) whose process contexts point at random Sv39/Sv48/Sv57 first-stage
 * tables built in guest memory (GPAs), and MSI remapping (msiptp Flat, basic PTEs onto the guest's
 * interrupt files, sim/c/intfile.h). Interleaved with random DMA mixes (reads, writes, exec, with and
 * without process_id, privilege, bursts, MSI-pattern addresses, GPAs the G-stage does not map,
 * process_ids the directory does not hold) the test deliberately malforms and restores G-stage
 * leaves (then IOTINVAL.GVMA), first-stage leaves (then IOTINVAL.VMA GV=1 GSCID PSCID ADDR),
 * process contexts (then IODIR.INVAL_PDT), MSI PTEs (invalid, misconfigured, MRIF mode; then
 * IOTINVAL.GVMA) and device contexts (reserved tc bits, V=0, DTF, DPE, MSI translation off;
 * then IODIR.INVAL_DDT), and DMAs of device_ids the directory does not hold, under random memory
 * latency and back-pressure on both sides. Any mix may be drawn: the scoreboard knows which side
 * reports each fault in every configuration.
 *
 * Every DMA is checked by the scoreboard against the golden model; the scoreboard knows which
 * side (datapath or firmware) writes each record. The fault queue is drained as Linux does and
 * every record in it must be one the scoreboard expects, each exactly once (tb_fq_account()).
 * Tables change only together with the invalidation the spec requires, so the golden model
 * (which reads memory) and the IOMMU (which caches) must agree on every outcome.
 *
 * make stress SEEDS=N runs it over N seeds (once named stress_vm); a failing seed prints its
 * repro line.
 */
#include <stdlib.h>
#include <string.h>

#include "canary.h"
#include "golden.h"
#include "intfile.h"
#include "riscv_iommu_regs.h"
#include "tb.h"
#include "tb_host.h"

/* clang-format off */
#define MAXG       3
#define NDATA      10            /* G-stage data slots per guest */
#define NSPACE     3             /* first-stage address spaces per guest */
#define NS1        8             /* first-stage slots per space */
#define NPID       3             /* process_ids per device */
#define NOPS       320           /* DMAs and table changes per run */
#define IF_BASE    0xb0000000ull /* interrupt files: 4 harts x (S + 3 guests) */
#define SYS_GPA    0x80000000ull /* guest-owned PDTs and first-stage tables */
#define SYS_SIZE   0x40000ull
#define DATA_GPA   0x100000000ull /* data slot i at DATA_GPA + i * 2 MiB */
#define HOLE_GPA   0x180000000ull /* never mapped by any G-stage */
#define IMSIC_GPA  0x28000000ull  /* guest interrupt file of vCPU I at IMSIC_GPA + I * 4 KiB */
#define MSI_MASK   3ull
#define S1_IOVA    0x40000000ull  /* first-stage slot k at S1_IOVA + k * 2 MiB */
#define HOLE_IOVA  0x7f000000ull  /* never mapped by any first stage */

#define TC_V       1ull
#define TC_PDTV    (1ull << 5)
#define FLAT       (1ull << 60)
#define PC_V       1ull
#define PC_ENS     2ull
#define PC_SUM     4ull
#define PTE_V      1ull
#define PTE_W      4ull
#define PTE_U      (1ull << 4)
#define PTE_A      (1ull << 6)
#define PTE_D      (1ull << 7)
/* clang-format on */

struct dslot { /* one G-stage leaf: GPA page -> system memory */
	uint64_t gpa, spa, size;
	uint64_t pte_a, pte; /* leaf address (SPA) and its good value */
	bool bad;
};

struct s1slot { /* one first-stage leaf: IOVA -> GPA */
	uint64_t iova, gpa, size;
	uint64_t pte_a, pte; /* leaf address (GPA) and its good value */
	bool bad;
};

struct space {
	struct iohost_pt pt; /* root and tables at GPAs */
	uint32_t pscid;
	struct s1slot s[NS1];
	unsigned n;
};

struct pdev {
	uint32_t did;
	unsigned pdmode; /* 1 PD8, 2 PD17 */
	uint64_t pdtp;	 /* PPN is a GPA */
	uint32_t pid[NPID];
	unsigned sp[NPID]; /* space of each process_id */
	uint64_t ta[NPID], fsc[NPID];
	bool bad[NPID];
	struct iohost_dc dc; /* the good device context */
	bool dc_bad;
};

struct guest {
	unsigned idx;
	uint32_t gscid;
	struct iohost_pt g;
	uint64_t sys_spa, sys_next;
	struct iohost gh; /* the guest's own view: allocations and accesses at GPAs */
	struct dslot d[NDATA];
	unsigned nd;
	struct space sp[NSPACE];
	struct pdev dev[2];
	uint64_t msi_pt;
	uint64_t mrif; /* an MRIF (512 B) for MRIF-mode MSI PTEs */
};

static struct iohost host;
static struct guest guests[MAXG];
static unsigned ng;
static struct gm_env env;
static unsigned tap_seen, fq_seen, overflows, nmsi, nchange, nexp_total;
static unsigned dropped; /* expected records the fqof windows dropped */

static uint32_t rnd(uint32_t n)
{
	return tb_rand() % n;
}

static uint64_t gpa2spa(const struct guest *gu, uint64_t gpa)
{
	CHECK(gpa >= SYS_GPA && gpa < SYS_GPA + SYS_SIZE);
	return gu->sys_spa + (gpa - SYS_GPA);
}

/* ---- The guest's memory, for the host library's table code ----------------------- */

static uint64_t g_alloc(void *ctx, uint64_t bytes)
{
	struct guest *gu = ctx;
	uint64_t a	 = (gu->sys_next + bytes - 1) & ~(bytes - 1);

	if (a + bytes > SYS_GPA + SYS_SIZE)
		return 0;
	gu->sys_next = a + bytes;
	return a;
}

static uint64_t g_rd64(void *ctx, uint64_t gpa)
{
	return mem_rd64(gpa2spa(ctx, gpa));
}

static void g_wr64(void *ctx, uint64_t gpa, uint64_t v)
{
	mem_wr64(gpa2spa(ctx, gpa), v);
}

/* Address of the leaf PTE that maps @va (software walk; GPAs when @gu), or 0. */
static uint64_t leaf_addr(const struct iohost_pt *pt, const struct guest *gu, uint64_t va)
{
	uint64_t table = pt->root;

	for (int lvl = (int)pt->levels - 1; lvl >= 0; lvl--) {
		unsigned bits = (pt->gstage && lvl == (int)pt->levels - 1) ? 11 : 9;
		uint64_t a    = table + ((va >> (12 + 9 * lvl)) & ((1u << bits) - 1)) * 8;
		uint64_t pte  = gu ? mem_rd64(gpa2spa(gu, a)) : mem_rd64(a);

		if (!(pte & PTE_V))
			return 0;
		if (pte & 0xe)
			return a;
		table = ((pte >> 10) & ((1ull << 44) - 1)) << 12;
	}
	return 0;
}

/* A malformed version of a good leaf @pte: each one must fault (spec 2.3, 2.3.1). */
static uint64_t malform(uint64_t pte, uint64_t size, bool gstage)
{
	switch (rnd(gstage ? 7 : 6)) {
	case 0:
		return pte & ~PTE_V;
	case 1:
		return (pte & ~0xeull) | PTE_W; /* W without R */
	case 2:
		return pte | 1ull << (54 + rnd(7)); /* reserved bits 60:54 */
	case 3:
		return pte & ~PTE_A;
	case 4:
		return pte & ~PTE_D; /* writes fault */
	case 5:
		if (size > IOHOST_SZ_4K) /* misaligned superpage: one of PPN[8:0], no extra draw */
			return pte | 1ull << (10 + ((pte >> 19) + (pte >> 10)) % 9);
		return pte & ~PTE_V;
	default:
		return pte & ~PTE_U; /* G-stage leaves must be U=1 */
	}
}

/* ---- Set-up ------------------------------------------------------------------- */

/*
 * A paging mode: 8 (Sv39 / Sv39x4), else 9 or 10 (Sv48 / Sv57 and their x4) by the next bit of
 * the same draw. One draw, as the earlier "rnd(2) ? 9 : 8": a seed keeps its random sequence and
 * its Sv39 choices; about half of what was Sv48 is now Sv57.
 */
static unsigned draw_mode(void)
{
	uint32_t r = tb_rand();

	return (r % 2) ? ((r & 2) ? 10 : 9) : 8;
}

static void setup_gstage(struct guest *gu)
{
	static const unsigned prots[] = {IOHOST_PROT_READ, IOHOST_PROT_READ | IOHOST_PROT_WRITE,
					 IOHOST_PROT_READ | IOHOST_PROT_WRITE,
					 IOHOST_PROT_READ | IOHOST_PROT_WRITE | IOHOST_PROT_EXEC};

	CHECK_EQ(iohost_pt_init(&host, &gu->g, draw_mode(), true), IOHOST_OK);
	gu->sys_spa  = tb_alloc_pages(SYS_SIZE);
	gu->sys_next = SYS_GPA;
	CHECK_EQ(iohost_pt_map_range(&host, &gu->g, SYS_GPA, gu->sys_spa, SYS_SIZE,
				     IOHOST_PROT_READ | IOHOST_PROT_WRITE),
		 IOHOST_OK);
	for (unsigned i = 0; i < NDATA; i++) {
		struct dslot *d = &gu->d[gu->nd];

		d->size = rnd(3) ? IOHOST_SZ_4K : IOHOST_SZ_2M;
		d->gpa	= DATA_GPA + (uint64_t)i * IOHOST_SZ_2M;
		d->spa	= tb_alloc_pages(d->size);
		if (iohost_pt_map(&host, &gu->g, d->gpa, d->spa, d->size, prots[rnd(4)]))
			continue;
		d->pte_a = leaf_addr(&gu->g, NULL, d->gpa);
		CHECK(d->pte_a != 0);
		d->pte = mem_rd64(d->pte_a);
		gu->nd++;
	}
}

/* A first-stage target GPA: a data slot (maybe past its 4 KiB leaf), an MSI page, a hole. */
static uint64_t s1_target(const struct guest *gu, uint64_t size)
{
	unsigned r = rnd(10);

	if (r == 0)
		return HOLE_GPA + ((uint64_t)rnd(8) << 21);
	if (r == 1)
		return size == IOHOST_SZ_4K ? IMSIC_GPA + ((uint64_t)rnd(5) << 12) : IMSIC_GPA;
	return gu->d[rnd(gu->nd)].gpa;
}

static void setup_spaces(struct guest *gu)
{
	static const unsigned prots[] = {IOHOST_PROT_READ, IOHOST_PROT_READ | IOHOST_PROT_WRITE,
					 IOHOST_PROT_READ | IOHOST_PROT_WRITE,
					 IOHOST_PROT_READ | IOHOST_PROT_EXEC,
					 IOHOST_PROT_READ | IOHOST_PROT_WRITE | IOHOST_PROT_EXEC};

	for (unsigned k = 0; k < NSPACE; k++) {
		struct space *sp = &gu->sp[k];

		sp->pscid = 1 + k + 4 * rnd(4); /* the same PSCIDs recur in every guest */
		CHECK_EQ(iohost_pt_init(&gu->gh, &sp->pt, draw_mode(), false), IOHOST_OK);
		for (unsigned i = 0; i < NS1; i++) {
			struct s1slot *s = &sp->s[sp->n];

			s->size = rnd(4) ? IOHOST_SZ_4K : IOHOST_SZ_2M;
			s->iova = S1_IOVA + (uint64_t)i * IOHOST_SZ_2M;
			s->gpa	= s1_target(gu, s->size);
			if (iohost_pt_map(&gu->gh, &sp->pt, s->iova, s->gpa, s->size,
					  prots[rnd(5)]))
				continue;
			s->pte_a = leaf_addr(&sp->pt, gu, s->iova);
			CHECK(s->pte_a != 0);
			/* some supervisor pages (U=0); not yet used: no invalidation needed */
			if (rnd(5) == 0)
				g_wr64(gu, s->pte_a, g_rd64(gu, s->pte_a) & ~PTE_U);
			s->pte = g_rd64(gu, s->pte_a);
			sp->n++;
		}
	}
}

static uint64_t pc_addr(struct guest *gu, const struct pdev *dv, uint32_t pid)
{
	uint64_t a = (dv->pdtp & ((1ull << 44) - 1)) << 12;

	if (dv->pdmode == 2)
		a = ((g_rd64(gu, a + 8ull * ((pid >> 8) & 0x1ff)) >> 10) & ((1ull << 44) - 1))
		    << 12;
	return a + 16ull * (pid & 0xff);
}

static void setup_devices(struct guest *gu)
{
	for (unsigned k = 0; k < 2; k++) {
		struct pdev *dv = &gu->dev[k];
		struct iohost_dc dc;

		dv->did	   = 0x40u + 0x10u * gu->idx + k + ((uint32_t)rnd(4) << 8);
		dv->pdmode = k + 1;
		dv->pdtp   = iohost_pdt_init(&gu->gh, dv->pdmode);
		CHECK(dv->pdtp != 0);
		for (unsigned p = 0; p < NPID; p++) {
			struct space *sp;
			uint32_t pid;
			bool dup;

			do { /* distinct process_ids */
				pid = dv->pdmode == 1 ? rnd(256) : rnd(1u << 17);
				dup = false;
				for (unsigned q = 0; q < p; q++)
					dup |= dv->pid[q] == pid;
			} while (dup);
			dv->pid[p] = pid;
			dv->sp[p]  = rnd(NSPACE);
			sp	   = &gu->sp[dv->sp[p]];
			dv->ta[p]  = PC_V | (rnd(2) ? PC_ENS : 0) | (rnd(2) ? PC_SUM : 0) |
				    (uint64_t)sp->pscid << 12;
			dv->fsc[p] = iohost_pt_atp(&sp->pt);
			CHECK_EQ(iohost_pdt_set_pc(&gu->gh, dv->pdtp, pid, dv->ta[p], dv->fsc[p]),
				 IOHOST_OK);
		}
		/* The pattern has bits set under the mask too (the match masks both sides). */
		dc     = (struct iohost_dc){.tc	     = TC_V | TC_PDTV,
					    .iohgatp = iohost_pt_atp(&gu->g) | (uint64_t)gu->gscid
										       << 44,
					    .fsc	      = dv->pdtp,
					    .msiptp	      = FLAT | gu->msi_pt >> 12,
					    .msi_addr_mask    = MSI_MASK,
					    .msi_addr_pattern = IMSIC_GPA >> 12 | (dv->did & MSI_MASK)};
		dv->dc = dc;
		CHECK_EQ(iohost_probe_device(&host, dv->did), IOHOST_OK);
		CHECK_EQ(iohost_dc_write(&host, dv->did, &dc), IOHOST_OK);
		CHECK_EQ(iohost_inval_ddt(&host, false, dv->did), IOHOST_OK);
	}
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);
}

static void setup_guest(struct guest *gu, unsigned idx)
{
	gu->idx	   = idx;
	gu->gscid  = 0x21 + idx;
	gu->gh.ops = (struct iohost_ops){
		.alloc_pages = g_alloc, .mem_read64 = g_rd64, .mem_write64 = g_wr64, .ctx = gu};
	setup_gstage(gu);
	gu->msi_pt = tb_alloc_pages(4096);
	gu->mrif   = tb_alloc_pages(4096);
	for (unsigned i = 0; i <= MSI_MASK; i++)
		iohost_msi_pte_basic(&host, gu->msi_pt, i, intfile_addr(intfile_id(i, idx + 1)));
	setup_spaces(gu);
	setup_devices(gu);
}

/* ---- Table changes, each with the invalidation the spec requires ------------------ */

static void sync(void)
{
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);
}

static unsigned gvma_changes;

static void change_gstage(struct guest *gu)
{
	struct dslot *d = &gu->d[rnd(gu->nd)];

	d->bad = !d->bad;
	mem_wr64(d->pte_a, d->bad ? malform(d->pte, d->size, true) : d->pte);
	/* Every other change by address (GV=1 AV=1): it must also drop the nested entries whose
	 * G-stage leaf is this one (first-stage slots point into data slots). No extra draw. */
	CHECK_EQ(iohost_inval_gvma(&host, gu->gscid, (gvma_changes++ & 1) ? d->gpa : UINT64_MAX),
		 IOHOST_OK);
	sync();
}

static void change_first_stage(struct guest *gu)
{
	struct space *sp = &gu->sp[rnd(NSPACE)];
	struct s1slot *s;
	uint64_t fresh_pa;

	if (!sp->n)
		return;
	s	 = &sp->s[rnd(sp->n)];
	fresh_pa = s1_target(gu, s->size);
	if (!s->bad && rnd(3) == 0 && s->size == IOHOST_SZ_4K) {
		/* a valid change: the leaf now points at another GPA */
		s->pte = (s->pte & ~(((1ull << 44) - 1) << 10)) | (fresh_pa >> 12) << 10;
		s->gpa = fresh_pa;
		g_wr64(gu, s->pte_a, s->pte);
	} else {
		s->bad = !s->bad;
		g_wr64(gu, s->pte_a, s->bad ? malform(s->pte, s->size, false) : s->pte);
	}
	CHECK_EQ(iohost_inval_vma(&host, sp->pscid, gu->gscid, s->iova), IOHOST_OK);
	sync();
}

static void change_pc(struct guest *gu)
{
	struct pdev *dv = &gu->dev[rnd(2)];
	unsigned p	= rnd(NPID);
	uint64_t a	= pc_addr(gu, dv, dv->pid[p]);
	uint64_t ta = dv->ta[p], fsc = dv->fsc[p];

	if (!dv->bad[p]) {
		dv->bad[p] = true;
		switch (rnd(4)) {
		case 0:
			ta &= ~PC_V;
			break;
		case 1:
			ta |= 1ull << (3 + rnd(9)); /* reserved ta bits 11:3 */
			break;
		case 2:
			fsc = (fsc & ~(0xfull << 60)) | (uint64_t)(1 + rnd(7)) << 60; /* bad MODE */
			break;
		default: /* a valid change: ENS flips */
			dv->ta[p] ^= PC_ENS;
			ta	   = dv->ta[p];
			dv->bad[p] = false;
			break;
		}
	} else {
		dv->bad[p] = false;
	}
	g_wr64(gu, a + 8, fsc);
	g_wr64(gu, a, ta);
	CHECK_EQ(iohost_inval_pdt(&host, dv->did, dv->pid[p]), IOHOST_OK);
	sync();
}

static void change_msi(struct guest *gu)
{
	unsigned i = rnd(MSI_MASK + 1);
	uint64_t a = gu->msi_pt + 16ull * i;

	switch (rnd(7)) {
	case 0:
		mem_wr64(a, mem_rd64(a) & ~1ull); /* V=0: 262 */
		break;
	case 1:
		mem_wr64(a, (mem_rd64(a) & ~6ull) | 2ull << 1); /* M=2: 263 */
		break;
	case 4:
		mem_wr64(a, mem_rd64(a) | 1ull << 63); /* C=1: 263 (no custom format) */
		break;
	case 5:
		mem_wr64(a, mem_rd64(a) | 1ull << (3 + rnd(7))); /* reserved bits 9:3: 263 */
		break;
	case 6: /* MRIF mode (263 if MSI_MRIF is not supported) */
		iohost_msi_pte_mrif(&host, gu->msi_pt, i, gu->mrif + 512ull * rnd(8),
				    intfile_addr(intfile_id(i, gu->idx + 1)), 1 + rnd(100));
		break;
	case 2: /* the vCPU moves to another hart */
		iohost_msi_pte_basic(&host, gu->msi_pt, i,
				     intfile_addr(intfile_id(rnd(MSI_MASK + 1), gu->idx + 1)));
		break;
	default:
		iohost_msi_pte_basic(&host, gu->msi_pt, i,
				     intfile_addr(intfile_id(i, gu->idx + 1)));
		break;
	}
	CHECK_EQ(iohost_inval_gvma(&host, gu->gscid, UINT64_MAX), IOHOST_OK);
	sync();
}

/*
 * A device context change: a bad one (a reserved tc bit: 259; V=0: 258) is restored next time;
 * a valid one changes the good context (DTF suppresses most records, DPE makes requests without
 * process_id use process_id 0, msiptp Off turns MSI translation off).
 */
static void change_dc(struct guest *gu)
{
	struct pdev *dv	   = &gu->dev[rnd(2)];
	struct iohost_dc c = dv->dc;

	if (dv->dc_bad) {
		dv->dc_bad = false;
	} else {
		switch (rnd(5)) {
		case 0:
			c.tc |= 1ull << (12 + rnd(12)); /* reserved tc bits 23:12 */
			dv->dc_bad = true;
			break;
		case 1:
			c.tc &= ~TC_V;
			dv->dc_bad = true;
			break;
		case 2:
			dv->dc.tc ^= 1ull << 4; /* DTF */
			break;
		case 3:
			dv->dc.tc ^= 1ull << 9; /* DPE */
			break;
		default:
			dv->dc.msiptp ^= FLAT; /* MSI translation Off <-> Flat */
			break;
		}
		if (!dv->dc_bad)
			c = dv->dc;
	}
	CHECK_EQ(iohost_dc_write(&host, dv->did, &c), IOHOST_OK);
	CHECK_EQ(iohost_inval_ddt(&host, false, dv->did), IOHOST_OK);
	sync();
}

/* ---- Traffic -------------------------------------------------------------------- */

/* Keep most bursts inside their 4 KiB page; a few cross it. */
static uint64_t place(uint64_t base, uint64_t size, unsigned beats)
{
	uint64_t off = (tb_rand64() % size) & ~7ull;

	if ((off & 0xfff) + beats * 8 > 0x1000 && rnd(8))
		off &= ~0xfffull;
	return base + off;
}

static uint64_t pick_gpa(const struct guest *gu, unsigned beats)
{
	const struct dslot *d = &gu->d[rnd(gu->nd)];

	switch (rnd(12)) {
	case 0:
	case 1:
	case 2:
		return IMSIC_GPA + ((uint64_t)rnd(MSI_MASK + 1) << 12) + 8ull * rnd(4);
	case 3:
		return IMSIC_GPA + ((MSI_MASK + 1 + rnd(4)) << 12); /* next to the pattern */
	case 4:
		return HOLE_GPA + ((uint64_t)rnd(64) << 12);
	default:
		return place(d->gpa, d->size, beats);
	}
}

static uint64_t pick_iova(const struct space *sp, unsigned beats)
{
	const struct s1slot *s = &sp->s[rnd(sp->n)];

	switch (rnd(16)) {
	case 0:
		return HOLE_IOVA + ((uint64_t)rnd(64) << 12);
	case 1:
		return 0xfeff000000000000ull | (tb_rand64() & 0xfffffff8ull); /* non-canonical */
	default:
		break;
	}
	if (s->gpa >= IMSIC_GPA && s->gpa < IMSIC_GPA + IOHOST_SZ_2M && rnd(2))
		return s->iova + ((uint64_t)rnd(MSI_MASK + 1) << 12) % s->size;
	return place(s->iova, s->size, beats);
}

static void one_dma(void)
{
	struct guest *gu = &guests[rnd(ng)];
	struct pdev *dv	 = &gu->dev[rnd(2)];
	unsigned beats	 = rnd(3) ? 1 : 1 + rnd(8);
	unsigned p	 = rnd(NPID);
	struct dma_attr a;
	struct gm_req req;
	struct gm_res res;
	struct gm_info info;
	uint64_t data[8], iova;
	bool write = rnd(2);

	memset(&a, 0, sizeof(a));
	a.did = dv->did;
	if (rnd(40) == 0) /* a device_id the directory does not hold, or too wide for it */
		a.did = rnd(2) ? 0x800000u | rnd(1u << 23) : 0x30u + rnd(8);
	a.id = rnd(16);
	a.pv = rnd(4) != 0;
	if (a.pv) {
		a.pid = dv->pid[p];
		if (rnd(10) == 0) /* not in the directory, or wider than it */
			a.pid = rnd(2) ? rnd(dv->pdmode == 1 ? 512 : 1u << 18) : rnd(1u << 20);
		a.priv = rnd(3) == 0;
		iova   = pick_iova(&gu->sp[dv->sp[p]], beats);
	} else {
		iova = pick_gpa(gu, beats);
	}
	a.exec = !write && rnd(8) == 0;
	for (unsigned i = 0; i < beats; i++)
		data[i] = rnd(2) ? rnd(INTFILE_IDS + 2) : tb_rand64();

	req = (struct gm_req){.did   = a.did,
			      .pid   = a.pid,
			      .pv    = a.pv,
			      .priv  = a.priv,
			      .exec  = a.exec,
			      .write = write,
			      .iova  = iova,
			      .beats = beats};
	gm_translate_ex(&env, &req, &res, &info);
	nmsi += info.msi && !res.fault;
	if (write && beats == 1 && (iova & 0xfff) < 8 && rnd(2)) /* an MSI (a 4-byte identity) */
		dma_write32(&a, iova & ~0xfffull, (uint32_t)data[0]);
	else if (write)
		dma_write(&a, iova, data, beats);
	else
		dma_read(&a, iova, data, beats);
}

static uint64_t gm_rd(void *ctx, uint64_t pa, bool *err)
{
	(void)ctx;
	(void)err;
	return mem_rd64(pa);
}

/* Drain the fault queue like Linux, until quiet, and account for every record (tb_fq_account()). */
static void drain_and_count(void)
{
	struct tb_fq_tally t;

	tb_fq_account(&host, &t);
	canary_check();
	overflows += t.overflow;
	dropped += t.dropped;
	fq_seen += t.written;
	nexp_total += t.expected;
	tap_seen = (unsigned)tb_fault_count();
}

/*
 * This test found a walker bug (the first-stage leaf of a nested walk was judged as an
 * implicit read, so W, D and X were ignored); it now guards the fix.
 */
TB_TEST(stress_vm)
{
	unsigned lat = 1 + rnd(40), nops = tb_ops(NOPS);
	uint64_t need = RISCV_IOMMU_CAPABILITIES_MSI_FLAT | RISCV_IOMMU_CAPABILITIES_PD8 |
			RISCV_IOMMU_CAPABILITIES_PD17 | GM_CAP_SV39X4 | GM_CAP_SV48X4 |
			GM_CAP_SV57X4 | GM_CAP_SV39 | GM_CAP_SV48 | GM_CAP_SV57;

	CHECK(tb_wait_fw_boot());
	mem_set_latency(lat);
	mem_set_backpressure(rnd(30));
	dma_set_backpressure(rnd(30));
	if (tb_host_up(&host, 0) != IOHOST_OK)
		return;
	if ((host.caps & need) != need) {
		tb_fail(__FILE__, __LINE__, "capabilities 0x%llx lack 0x%llx",
			(unsigned long long)host.caps, (unsigned long long)(need & ~host.caps));
		return;
	}
	ng = 2 + rnd(2);
	intfile_init(IF_BASE, MSI_MASK + 1, MAXG);
	for (unsigned g = 0; g < ng; g++)
		setup_guest(&guests[g], g);
	env = (struct gm_env){.rd64 = gm_rd,
			      .ddtp = host_read64(RISCV_IOMMU_REG_DDTP),
			      .caps = host_read64(RISCV_IOMMU_REG_CAPABILITIES),
			      .fctl = host_read32(RISCV_IOMMU_REG_FCTL)};
	tb_log("stress_vm: %u guests, memory latency %u", ng, lat);
	canary_begin();
	canary_guard();
	for (unsigned op = 0; op < nops; op++) {
		struct guest *gu = &guests[rnd(ng)];
		unsigned r	 = rnd(100);

		if (r < 3)
			change_gstage(gu);
		else if (r < 6)
			change_first_stage(gu);
		else if (r < 8)
			change_pc(gu);
		else if (r < 10)
			change_msi(gu);
		else if (r < 12)
			change_dc(gu);
		else
			one_dma();
		nchange += r < 12;
		if (op % 50 == 49)
			drain_and_count();
	}
	drain_and_count();
	tb_log("stress_vm: %u ops (%u table changes), %u MSIs remapped, %u records expected in "
	       "the queue, %u records drained, %u dropped, %u datapath faults, %u window(s) with "
	       "fqof, %u MSIs arrived",
	       nops, nchange, nmsi, nexp_total, fq_seen, dropped, tap_seen, overflows,
	       (unsigned)intfile_total());
	tb_log("stress_vm: canary: %u guard pages, %u stray writes", canary_guard_pages(),
	       canary_strays());
	tb_soak_note(fq_seen, dropped);
	CHECK(tap_seen > 0);
}
