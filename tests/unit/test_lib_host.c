// SPDX-License-Identifier: Apache-2.0
/*
 * Host library tests on a fake register page + fake memory. Every mapping the library builds is
 * translated by the golden model: two independent readings of the spec check each other.
 */
#include <string.h>

#include "golden.h"
#include "gm_mem.h"
#include "riscv_iommu_host.h"
#include "riscv_iommu_regs.h"
#include "unit.h"

/* ---- fake IOMMU register page: queues processed at once ---------------------- */

struct fake {
	struct gm_mem *mem;
	uint64_t caps, ddtp, cqb, fqb, icvec;
	uint32_t fctl, cqh, cqt, fqh, fqt, cqcsr, fqcsr, ipsr;
	unsigned max_mode;
	uint64_t cmds[64][2];
	unsigned ncmds;
	uint64_t msi_addr[16];
	uint32_t msi_data[16], msi_ctl[16];
};

static struct fake fk;

static uint64_t fk_rd64(void *ctx, uint32_t off)
{
	(void)ctx;
	switch (off) {
	case RISCV_IOMMU_REG_CAPABILITIES:
		return fk.caps;
	case RISCV_IOMMU_REG_DDTP:
		return fk.ddtp;
	case RISCV_IOMMU_REG_CQB:
		return fk.cqb;
	case RISCV_IOMMU_REG_FQB:
		return fk.fqb;
	case RISCV_IOMMU_REG_ICVEC:
		return fk.icvec;
	default:
		if (off >= RISCV_IOMMU_REG_MSI_ADDR_0 && off < 0x400 && !(off & 15))
			return fk.msi_addr[(off - RISCV_IOMMU_REG_MSI_ADDR_0) / 16];
		return 0;
	}
}

static uint32_t fk_rd32(void *ctx, uint32_t off)
{
	switch (off) {
	case RISCV_IOMMU_REG_FCTL:
		return fk.fctl;
	case RISCV_IOMMU_REG_CQH:
		return fk.cqh;
	case RISCV_IOMMU_REG_CQT:
		return fk.cqt;
	case RISCV_IOMMU_REG_FQH:
		return fk.fqh;
	case RISCV_IOMMU_REG_FQT:
		return fk.fqt;
	case RISCV_IOMMU_REG_CQCSR:
		return fk.cqcsr;
	case RISCV_IOMMU_REG_FQCSR:
		return fk.fqcsr;
	case RISCV_IOMMU_REG_IPSR:
		return fk.ipsr;
	default:
		return (uint32_t)fk_rd64(ctx, off);
	}
}

static void fk_run_cq(void)
{
	uint32_t mask = (1u << ((fk.cqb & 0x1f) + 1)) - 1;
	uint64_t base = ((fk.cqb >> 10) & ((1ull << 44) - 1)) << 12;

	while ((fk.cqcsr & 1) && fk.cqh != fk.cqt) {
		bool err     = false;
		uint64_t dw0 = gm_mem_rd64(fk.mem, base + fk.cqh * 16, &err);
		uint64_t dw1 = gm_mem_rd64(fk.mem, base + fk.cqh * 16 + 8, &err);
		unsigned op  = dw0 & 0x7f;

		if (op < 1 || op > 3) {
			fk.cqcsr |= RISCV_IOMMU_CQCSR_CMD_ILL;
			return;
		}
		if (fk.ncmds < 64) {
			fk.cmds[fk.ncmds][0] = dw0;
			fk.cmds[fk.ncmds][1] = dw1;
			fk.ncmds++;
		}
		fk.cqh = (fk.cqh + 1) & mask;
	}
}

static void fk_wr64(void *ctx, uint32_t off, uint64_t v)
{
	(void)ctx;
	switch (off) {
	case RISCV_IOMMU_REG_DDTP: {
		unsigned mode = v & 0xf;

		if (mode > 4 || (mode >= 2 && mode > fk.max_mode))
			return; /* unsupported: keep the old value (Linux compat) */
		fk.ddtp = v & (RISCV_IOMMU_DDTP_PPN | 0xf);
		return;
	}
	case RISCV_IOMMU_REG_CQB:
	case RISCV_IOMMU_REG_FQB: {
		uint64_t l = v & 0x1f, max = off == RISCV_IOMMU_REG_CQB ? 0x13 : 0x12;

		v = (v & RISCV_IOMMU_CQB_PPN) | (l > max ? max : l);
		if (off == RISCV_IOMMU_REG_CQB)
			fk.cqb = v;
		else
			fk.fqb = v;
		return;
	}
	case RISCV_IOMMU_REG_ICVEC:
		fk.icvec = v & 0xffff;
		return;
	default:
		if (off >= RISCV_IOMMU_REG_MSI_ADDR_0 && off < 0x400 && !(off & 15))
			fk.msi_addr[(off - RISCV_IOMMU_REG_MSI_ADDR_0) / 16] = v;
	}
}

static void fk_wr32(void *ctx, uint32_t off, uint32_t v)
{
	(void)ctx;
	switch (off) {
	case RISCV_IOMMU_REG_FCTL:
		fk.fctl = v & 2;
		break;
	case RISCV_IOMMU_REG_CQT:
		fk.cqt = v;
		fk_run_cq();
		break;
	case RISCV_IOMMU_REG_FQH:
		fk.fqh = v;
		break;
	case RISCV_IOMMU_REG_CQCSR:
		fk.cqcsr &= ~(v & 0xf00);
		fk.cqcsr = (fk.cqcsr & ~3u) | (v & 3);
		if (v & 1) {
			if (!(fk.cqcsr & RISCV_IOMMU_CQCSR_CQON))
				fk.cqh = 0;
			fk.cqcsr |= RISCV_IOMMU_CQCSR_CQON;
		} else {
			fk.cqcsr &= ~(uint32_t)RISCV_IOMMU_CQCSR_CQON;
		}
		break;
	case RISCV_IOMMU_REG_FQCSR:
		fk.fqcsr &= ~(v & 0x300);
		fk.fqcsr = (fk.fqcsr & ~3u) | (v & 3);
		if (v & 1) {
			if (!(fk.fqcsr & RISCV_IOMMU_FQCSR_FQON))
				fk.fqt = 0;
			fk.fqcsr |= RISCV_IOMMU_FQCSR_FQON;
		} else {
			fk.fqcsr &= ~(uint32_t)RISCV_IOMMU_FQCSR_FQON;
		}
		break;
	case RISCV_IOMMU_REG_IPSR:
		fk.ipsr &= ~v;
		break;
	default:
		if (off >= RISCV_IOMMU_REG_MSI_ADDR_0 && off < 0x400) {
			unsigned vec = (off - RISCV_IOMMU_REG_MSI_ADDR_0) / 16;

			if ((off & 15) == 8)
				fk.msi_data[vec] = v;
			else if ((off & 15) == 12)
				fk.msi_ctl[vec] = v;
		}
	}
}

static uint64_t fk_alloc(void *ctx, uint64_t bytes)
{
	(void)ctx;
	return gm_mem_alloc(fk.mem, bytes);
}

static uint64_t fk_mrd(void *ctx, uint64_t pa)
{
	bool err = false;

	(void)ctx;
	return gm_mem_rd64(fk.mem, pa, &err);
}

static void fk_mwr(void *ctx, uint64_t pa, uint64_t v)
{
	(void)ctx;
	gm_mem_wr64(fk.mem, pa, v);
}

static void fk_delay(void *ctx, unsigned us)
{
	(void)ctx;
	(void)us;
}

static struct iohost h;

static void fk_setup(uint64_t caps, unsigned max_mode)
{
	gm_mem_free(fk.mem);
	memset(&fk, 0, sizeof(fk));
	fk.mem	    = gm_mem_new(0x80000000ull);
	fk.caps	    = caps;
	fk.max_mode = max_mode;
	memset(&h, 0, sizeof(h));
	h.ops = (struct iohost_ops){fk_rd32, fk_rd64, fk_wr32, fk_wr64,	 fk_alloc,
				    fk_mrd,  fk_mwr,  NULL,    fk_delay, NULL};
}

static struct gm_res gm(uint32_t did, uint64_t iova, char type)
{
	struct gm_env env = {gm_mem_rd64, fk.mem, fk.ddtp, fk.caps, fk.fctl, NULL};
	struct gm_req q	  = {
		  .did = did, .iova = iova, .beats = 1, .write = type == 'w', .exec = type == 'x'};
	struct gm_res r;

	gm_translate(&env, &q, &r);
	return r;
}

/* ---- tests ------------------------------------------------------------------ */

UNIT_TEST(lib_init_sequence)
{
	fk_setup(GM_CAPS_PROJECT, 4);
	UT_EQ(iohost_init(&h, NULL), 0);
	UT_EQ(fk.ddtp & 0xf, 4);
	UT_EQ(fk.ddtp >> 10 << 12, h.ddt_root);
	UT_EQ(fk.icvec, 0x2310);
	UT_EQ(fk.cqb & 0x1f, 12); /* 8192 entries */
	UT_EQ(fk.fqb & 0x1f, 11); /* 4096 entries */
	UT_CHECK(fk.cqcsr & RISCV_IOMMU_CQCSR_CQON);
	UT_CHECK(fk.fqcsr & RISCV_IOMMU_FQCSR_FQON);
	UT_EQ(fk.fctl & 2, 0); /* MSI interrupts by default */
	UT_EQ(fk.ncmds, 3);
	UT_EQ(fk.cmds[0][0], 0x3);    /* IODIR.INVAL_DDT all */
	UT_EQ(fk.cmds[1][0], 0x1);    /* IOTINVAL.VMA global */
	UT_EQ(fk.cmds[2][0], 0x3002); /* IOFENCE.C PR|PW */
	UT_EQ(fk.cqh, 3);

	/* no 3LVL: top-down discovery lands in 2LVL; WSI chosen; 1 vector */
	fk_setup(GM_CAPS_PROJECT, 3);
	UT_EQ(iohost_init(&h, &(struct iohost_cfg){.nr_irqs = 1, .use_wsi = true}), 0);
	UT_EQ(fk.ddtp & 0xf, 3);
	UT_EQ(fk.icvec, 0);
	UT_EQ(fk.fctl & 2, 2);

	/* ddtp already in a DDT mode: refuse */
	fk_setup(GM_CAPS_PROJECT, 4);
	fk.ddtp = 2;
	UT_EQ(iohost_init(&h, NULL), IOHOST_EBUSY);
}

UNIT_TEST(lib_ddt_levels_found_by_model)
{
	static const uint32_t dids[] = {0, 1, 0x3f, 0x40, 0x7f, 0x80, 0x7fff, 0x8000, 0xabcdef};

	for (unsigned ext = 0; ext < 2; ext++) {
		for (unsigned mode = 2; mode <= 4; mode++) {
			uint64_t caps =
				ext ? GM_CAPS_PROJECT : (GM_CAPS_PROJECT & ~GM_CAP_MSI_FLAT);
			struct iohost_domain id, blk;

			fk_setup(caps, mode);
			UT_EQ(iohost_init(&h, NULL), 0);
			UT_EQ(h.ddt_mode, mode);
			iohost_domain_init(&h, &id, IOHOST_DOMAIN_IDENTITY, 0);
			iohost_domain_init(&h, &blk, IOHOST_DOMAIN_BLOCKED, 0);
			for (unsigned i = 0; i < sizeof(dids) / sizeof(dids[0]); i++) {
				uint32_t did = dids[i];
				bool fits    = iohost_dc_addr(&h, did, true) != 0;
				struct gm_res r;

				r = gm(did, 0x1234000, 'r');
				UT_EQ(r.cause, fits ? 258u : 260u);
				if (!fits) {
					UT_EQ(iohost_attach(&h, &id, &did, 1), IOHOST_EINVAL);
					continue;
				}
				UT_EQ(iohost_attach(&h, &id, &did, 1), 0);
				r = gm(did, 0x1234008, 'w');
				UT_CHECK(!r.fault);
				UT_EQ(r.pa, 0x1234008);
				UT_EQ(iohost_detach(&h, &did, 1), 0);
				UT_EQ(gm(did, 0x1234000, 'r').cause, 258);
				UT_EQ(iohost_attach(&h, &blk, &did, 1), 0);
				UT_EQ(gm(did, 0x1234000, 'r').cause, 258);
			}
		}
	}
}

/* Map one page of every size with the library; the model must find the right PA and rights. */
UNIT_TEST(lib_map_every_size_checked_by_model)
{
	static const struct {
		uint64_t iova, pa, size;
		unsigned prot;
	} m[] = {
		{0x10000000, 0x90000000, IOHOST_SZ_4K, IOHOST_PROT_READ},
		{0x10001000, 0x90003000, IOHOST_SZ_4K, IOHOST_PROT_READ | IOHOST_PROT_WRITE},
		{0x10010000, 0x91230000, IOHOST_SZ_64K, IOHOST_PROT_READ | IOHOST_PROT_WRITE},
		{0x10200000, 0xa0000000, IOHOST_SZ_2M, IOHOST_PROT_READ | IOHOST_PROT_EXEC},
		{0x40000000, 0x1c0000000, IOHOST_SZ_1G, IOHOST_PROT_READ | IOHOST_PROT_WRITE},
	};
	for (unsigned mode = 8; mode <= 10; mode++) {
		struct iohost_domain d;
		uint32_t did = 0x1234;

		fk_setup(GM_CAPS_PROJECT, 4);
		UT_EQ(iohost_init(&h, NULL), 0);
		UT_EQ(iohost_domain_init(&h, &d, IOHOST_DOMAIN_PAGING, mode), 0);
		UT_EQ(d.pscid, 1);
		UT_EQ(iohost_attach(&h, &d, &did, 1), 0);
		for (unsigned i = 0; i < sizeof(m) / sizeof(m[0]); i++)
			UT_EQ(iohost_pt_map(&h, &d.pt, m[i].iova, m[i].pa, m[i].size, m[i].prot),
			      0);
		/* double map is refused */
		UT_EQ(iohost_pt_map(&h, &d.pt, m[0].iova, m[0].pa, IOHOST_SZ_4K, 1), IOHOST_EBUSY);
		for (unsigned i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
			uint64_t offs[3] = {0, 8, m[i].size - 8};

			for (unsigned k = 0; k < 3; k++) {
				uint64_t va	= m[i].iova + offs[k];
				struct gm_res r = gm(did, va, 'r');

				UT_CHECK(!r.fault);
				UT_EQ(r.pa, m[i].pa + offs[k]);
				UT_EQ(iohost_pt_lookup(&h, &d.pt, va), m[i].pa + offs[k]);
				r = gm(did, va, 'w');
				UT_EQ(r.cause, (m[i].prot & IOHOST_PROT_WRITE) ? 0u : 15u);
				r = gm(did, va, 'x');
				UT_EQ(r.cause, (m[i].prot & IOHOST_PROT_EXEC) ? 0u : 12u);
			}
		}
		/* unmap: the model now faults, and only there */
		for (unsigned i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
			UT_EQ(iohost_pt_unmap(&h, &d.pt, m[i].iova + 8), (int64_t)m[i].size);
			UT_EQ(gm(did, m[i].iova, 'r').cause, 13);
			UT_EQ(gm(did, m[i].iova + m[i].size - 8, 'w').cause, 15);
			UT_EQ(iohost_pt_unmap(&h, &d.pt, m[i].iova), IOHOST_ENOENT);
		}
	}
}

UNIT_TEST(lib_dma_map_unmap)
{
	struct iohost_domain d;
	uint32_t dids[2] = {5, 0x777};
	uint64_t iova[4];
	static const uint64_t pa[4]  = {0x90000123, 0x92000000, 0x80000000, 0x93010000};
	static const uint64_t len[4] = {0x100, 0x400000, 0x40000000, 0x20000};
	unsigned before;

	fk_setup(GM_CAPS_PROJECT, 4);
	UT_EQ(iohost_init(&h, NULL), 0);
	UT_EQ(iohost_domain_init(&h, &d, IOHOST_DOMAIN_PAGING, 0), 0);
	UT_EQ(d.pt.mode, 9); /* Sv48 is the largest offered */
	UT_EQ(iohost_attach(&h, &d, dids, 2), 0);
	for (unsigned i = 0; i < 4; i++) {
		UT_EQ(iohost_dma_map(&h, &d, pa[i], len[i], IOHOST_PROT_READ | IOHOST_PROT_WRITE,
				     &iova[i]),
		      0);
		for (unsigned k = 0; k < 2; k++) {
			struct gm_res r = gm(dids[k], iova[i], 'w');

			UT_CHECK(!r.fault);
			UT_EQ(r.pa, pa[i]);
			r = gm(dids[k], (iova[i] + len[i] - 8) & ~7ull, 'r');
			UT_EQ(r.pa, (pa[i] + len[i] - 8) & ~7ull);
		}
	}
	/* the 1 GiB buffer got a 1 GiB-aligned IOVA (one leaf) */
	UT_EQ(iova[2] & (IOHOST_SZ_1G - 1), 0);
	before = fk.ncmds;
	UT_EQ(iohost_dma_unmap(&h, &d, iova[0], len[0]), 0);
	/* below 2 MiB: IOTINVAL.VMA PSCV|AV for the page, then IOFENCE.C */
	UT_EQ(fk.ncmds - before, 2);
	UT_EQ(fk.cmds[before][0], 0x1 | (1ull << 10) | (1ull << 12) | (1ull << 32));
	UT_EQ(fk.cmds[before][1], (iova[0] >> 12) << 10);
	UT_EQ(gm(5, iova[0], 'r').cause, 13);
	before = fk.ncmds;
	UT_EQ(iohost_dma_unmap(&h, &d, iova[2], len[2]), 0);
	UT_EQ(fk.cmds[before][0], 0x1 | (1ull << 12) | (1ull << 32)); /* by PSCID */
	UT_EQ(gm(0x777, iova[2] + 0x1000, 'r').cause, 13);
	UT_CHECK(!gm(0x777, iova[1], 'r').fault);
	/* the freed IOVA range is reused */
	UT_EQ(iohost_dma_map(&h, &d, 0x95000000, 0x1000, IOHOST_PROT_READ, &iova[0]), 0);
	UT_EQ(gm(5, iova[0], 'r').pa, 0x95000000);
	/* attach's two phases: the re-attach of valid DCs fences between the phases */
	before = fk.ncmds;
	UT_EQ(iohost_attach(&h, &d, dids, 1), 0);
	UT_EQ(fk.ncmds - before, 6); /* INVAL_DDT, VMA, FENCE, INVAL_DDT, VMA, FENCE */
	UT_EQ(fk.cmds[before][0], 0x3 | (1ull << 33) | (5ull << 40));
	UT_EQ(fk.cmds[before + 2][0], 0x3002);
	UT_EQ(fk.cmds[before + 5][0], 0x3002);
}

UNIT_TEST(lib_fault_drain)
{
	struct iohost_fault f[4];
	uint32_t flags = 0;
	uint64_t rec;

	fk_setup(GM_CAPS_PROJECT, 4);
	UT_EQ(iohost_init(&h, &(struct iohost_cfg){.fq_log2sz = 2}), 0);
	UT_EQ(h.fq.log2sz, 2);
	/* the IOMMU wrote records 0..2 and overflowed */
	for (unsigned i = 0; i < 3; i++) {
		rec = h.fq.base + i * 32;
		gm_mem_wr64(fk.mem, rec,
			    (13 + i) | (7ull << 12) | (1ull << 32) | (2ull << 34) |
				    ((uint64_t)(0x100 + i) << 40));
		gm_mem_wr64(fk.mem, rec + 16, 0x1000 * i);
		gm_mem_wr64(fk.mem, rec + 24, 0x5);
	}
	fk.fqt = 3;
	fk.fqcsr |= RISCV_IOMMU_FQCSR_FQOF;
	fk.ipsr = 2;
	UT_EQ(iohost_fault_drain(&h, f, 4, &flags), 3);
	UT_EQ(f[1].cause, 14);
	UT_EQ(f[1].did, 0x101);
	UT_EQ(f[1].pid, 7);
	UT_CHECK(f[1].pv && !f[1].priv);
	UT_EQ(f[1].ttyp, 2);
	UT_EQ(f[2].iotval, 0x2000);
	UT_EQ(f[2].iotval2, 5);
	UT_EQ(fk.fqh, 3);
	UT_EQ(fk.ipsr, 0);
	UT_EQ(flags, RISCV_IOMMU_FQCSR_FQOF);
	UT_EQ(fk.fqcsr & RISCV_IOMMU_FQCSR_FQOF, 0);
	UT_CHECK(fk.fqcsr & RISCV_IOMMU_FQCSR_FQON);
	/* wrap around */
	fk.fqt = 1;
	UT_EQ(iohost_fault_drain(&h, NULL, 0, NULL), 2);
	UT_EQ(fk.fqh, 1);
}

UNIT_TEST(lib_cmd_error_aborts)
{
	fk_setup(GM_CAPS_PROJECT, 4);
	UT_EQ(iohost_init(&h, NULL), 0);
	UT_EQ(iohost_cmd_send(&h, 0x7f, 0), 0); /* illegal: the fake stops at it */
	UT_EQ(iohost_cmd_sync(&h), IOHOST_EIO);
}

/* G-stage tables, MSI page table and the MSI vector table, checked by the model. */
UNIT_TEST(lib_gstage_msi)
{
	struct iohost_pt g;
	struct iohost_dc dc = {0};
	uint64_t mt;

	fk_setup(GM_CAPS_PROJECT, 4);
	UT_EQ(iohost_init(&h, NULL), 0);
	UT_EQ(iohost_msi_cfg(&h, 1, 0x28000000, 0x42, false), 0);
	UT_EQ(fk.msi_addr[1], 0x28000000);
	UT_EQ(fk.msi_data[1], 0x42);
	UT_EQ(fk.msi_ctl[1], 0);
	UT_EQ(iohost_msi_cfg(&h, 16, 0, 0, false), IOHOST_EINVAL);
	for (unsigned mode = 8; mode <= 10; mode++) {
		UT_EQ(iohost_pt_init(&h, &g, mode, true), 0);
		UT_EQ(g.root & 0x3fff, 0);
		/* GPA above 2^39 (needs the 11-bit root index) */
		UT_EQ(iohost_pt_map(&h, &g, 0x18000000000ull, 0x100000000ull, IOHOST_SZ_1G, 3), 0);
		UT_EQ(iohost_pt_map(&h, &g, 0x2000, 0xa1000000, IOHOST_SZ_4K, 3), 0);
		mt		    = gm_mem_alloc(fk.mem, 4096);
		dc.tc		    = RISCV_IOMMU_DC_TC_V;
		dc.iohgatp	    = iohost_pt_atp(&g) | (3ull << 44);
		dc.msiptp	    = (1ull << 60) | (mt >> 12);
		dc.msi_addr_mask    = 0x3;
		dc.msi_addr_pattern = 0x28000;
		UT_EQ(iohost_dc_write(&h, 9, &dc), 0);
		UT_EQ(gm(9, 0x18000000ab8ull, 'r').pa, 0x100000ab8ull);
		UT_EQ(gm(9, 0x2008, 'w').pa, 0xa1000008);
		UT_EQ(gm(9, 0x3008, 'w').cause, 23);
		iohost_msi_pte_basic(&h, mt, 2, 0xfee02000);
		UT_EQ(gm(9, 0x28002000, 'w').pa, 0xfee02000);
		UT_EQ(gm(9, 0x28001000, 'w').cause, 262);
		iohost_msi_pte_mrif(&h, mt, 1, 0x87654200, 0xfee00000, 0x5a5);
		{
			struct gm_env env = {gm_mem_rd64, fk.mem, fk.ddtp, fk.caps, 0, NULL};
			struct gm_req q = {.did = 9, .iova = 0x28001000, .beats = 1, .write = true};
			struct gm_res r;
			struct gm_info info;

			gm_translate_ex(&env, &q, &r, &info);
			UT_CHECK(!r.fault && info.mrif);
			UT_EQ(r.pa, 0x87654200);
			UT_EQ(info.notice_addr, 0xfee00000);
			UT_EQ(info.notice_data, 0x5a5);
		}
	}
}

UNIT_TEST(lib_pdt_checked_by_model)
{
	struct iohost_pt s;
	struct iohost_dc dc = {0};
	struct gm_env env;
	struct gm_res r;

	fk_setup(GM_CAPS_PROJECT, 4);
	UT_EQ(iohost_init(&h, NULL), 0);
	UT_EQ(iohost_pt_init(&h, &s, 8, false), 0);
	UT_EQ(iohost_pt_map(&h, &s, 0x7000, 0xb0000000, IOHOST_SZ_4K, 3), 0);
	for (unsigned mode = 1; mode <= 3; mode++) {
		uint32_t pid	= mode == 1 ? 0xfe : mode == 2 ? 0x1fffe : 0xabcde;
		struct gm_req q = {.did = 4, .pid = pid, .pv = true, .iova = 0x7010, .beats = 1};

		dc.tc  = RISCV_IOMMU_DC_TC_V | RISCV_IOMMU_DC_TC_PDTV;
		dc.fsc = iohost_pdt_init(&h, mode);
		UT_CHECK(dc.fsc != 0);
		UT_EQ(iohost_pdt_set_pc(&h, dc.fsc, pid, 1 | (9ull << 12), iohost_pt_atp(&s)), 0);
		UT_EQ(iohost_pdt_set_pc(&h, dc.fsc, 0x100000, 1, 0), IOHOST_EINVAL);
		UT_EQ(iohost_dc_write(&h, 4, &dc), 0);
		env = (struct gm_env){gm_mem_rd64, fk.mem, fk.ddtp, fk.caps, 0, NULL};
		gm_translate(&env, &q, &r);
		UT_CHECK(!r.fault);
		UT_EQ(r.pa, 0xb0000010);
		q.pid ^= 1;
		gm_translate(&env, &q, &r);
		UT_EQ(r.cause, 266);
	}
}

UNIT_TEST(lib_iova_allocator)
{
	struct iohost_iova a;
	uint64_t x, y, z;

	iohost_iova_init(&a, 0x1000, 0x100000);
	x = iohost_iova_alloc(&a, 0x1000, 0x1000);
	y = iohost_iova_alloc(&a, 0x10000, 0x10000);
	z = iohost_iova_alloc(&a, 0x1000, 0x1000);
	UT_EQ(x, 0x1000);
	UT_EQ(y, 0x10000);
	UT_EQ(z, 0x2000);
	UT_EQ(iohost_iova_alloc(&a, 0x200000, 0x1000), 0);
	iohost_iova_free(&a, y, 0x10000);
	iohost_iova_free(&a, x, 0x1000);
	iohost_iova_free(&a, z, 0x1000);
	UT_EQ(a.n, 1);
	UT_EQ(iohost_iova_alloc(&a, 0xff000, 0x1000), 0x1000);
}
