// SPDX-License-Identifier: Apache-2.0
/* Golden model: ddtp modes, DDT walks (base/extended DC), DC checks, PDT walks, DTF. */
#include "golden.h"
#include "gm_mem.h"
#include "unit.h"

/* clang-format off */
#define TC_V     (1ull << 0)
#define TC_DTF   (1ull << 4)
#define TC_PDTV  (1ull << 5)
#define TC_DPE   (1ull << 9)
#define PTE_V    1ull
#define PTE_R    (1ull << 1)
#define PTE_W    (1ull << 2)
#define PTE_X    (1ull << 3)
#define PTE_U    (1ull << 4)
#define PTE_A    (1ull << 6)
#define PTE_D    (1ull << 7)
#define LEAF_RW  (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_U)
#define CAPS_BASE (GM_CAPS_PROJECT & ~GM_CAP_MSI_FLAT)
/* clang-format on */

static struct gm_mem *m;
static struct gm_env env;
static uint64_t root;

static void setup(uint64_t caps, unsigned mode)
{
	gm_mem_free(m);
	m    = gm_mem_new(0x80000000ull);
	root = gm_mem_alloc(m, 4096);
	env  = (struct gm_env){gm_mem_rd64, m, ((root >> 12) << 10) | mode, caps, 0, NULL};
}

static uint64_t nl(uint64_t pa)
{
	return ((pa >> 12) << 10) | 1;
}

/* Address of the DC of @did, creating the non-leaf levels (independent of lib/). */
static uint64_t dc_addr(uint32_t did)
{
	bool ext	= env.caps & GM_CAP_MSI_FLAT;
	unsigned lvls	= (unsigned)(env.ddtp & 0xf) - 1;
	unsigned sh[3]	= {0, ext ? 6u : 7u, ext ? 15u : 16u};
	unsigned wid[3] = {ext ? 6u : 7u, 9, ext ? 9u : 8u};
	uint64_t a	= root;

	for (unsigned i = lvls - 1; i > 0; i--) {
		uint64_t e = a + ((did >> sh[i]) & ((1u << wid[i]) - 1)) * 8;
		bool err   = false;
		uint64_t v = gm_mem_rd64(m, e, &err);

		if (!(v & 1)) {
			v = nl(gm_mem_alloc(m, 4096));
			gm_mem_wr64(m, e, v);
		}
		a = ((v >> 10) & ((1ull << 44) - 1)) << 12;
	}
	return a + (did & ((1u << wid[0]) - 1)) * (ext ? 64u : 32u);
}

static void put_dc(uint32_t did, uint64_t tc, uint64_t iohgatp, uint64_t ta, uint64_t fsc)
{
	uint64_t a = dc_addr(did);

	gm_mem_wr64(m, a, tc);
	gm_mem_wr64(m, a + 8, iohgatp);
	gm_mem_wr64(m, a + 16, ta);
	gm_mem_wr64(m, a + 24, fsc);
}

static struct gm_res xl(uint32_t did, uint64_t iova, bool write)
{
	struct gm_req r = {.did = did, .iova = iova, .write = write, .beats = 1};
	struct gm_res s;

	gm_translate(&env, &r, &s);
	return s;
}

UNIT_TEST(gm_ddtp_off_bare)
{
	struct gm_res r;
	struct gm_req q = {.did = 5, .iova = 0x1ff8, .beats = 2};

	setup(GM_CAPS_PROJECT, GM_DDTP_OFF);
	r = xl(1, 0x1234, false);
	UT_CHECK(r.fault && r.report);
	UT_EQ(r.cause, 256);
	UT_EQ(r.ttyp, GM_TTYP_UREAD);
	UT_EQ(r.iotval, 0x1234);
	setup(GM_CAPS_PROJECT, GM_DDTP_BARE);
	r = xl(0xffffff, 0xdead000, true);
	UT_CHECK(!r.fault);
	UT_EQ(r.pa, 0xdead000);
	/* burst crossing 4 KiB: transaction type disallowed */
	gm_translate(&env, &q, &r);
	UT_EQ(r.cause, 260);
	q.beats = 1;
	gm_translate(&env, &q, &r);
	UT_CHECK(!r.fault);
}

UNIT_TEST(gm_ddt_levels_base_and_ext)
{
	/* base format: 7/9/8 split */
	static const struct {
		uint64_t caps;
		unsigned mode;
		uint32_t ok_did, bad_did;
	} c[] = {
		{CAPS_BASE, GM_DDTP_1LVL, 0x7f, 0x80},
		{CAPS_BASE, GM_DDTP_2LVL, 0xffff, 0x10000},
		{CAPS_BASE, GM_DDTP_3LVL, 0xabcdef, 0x1000000},
		{GM_CAPS_PROJECT, GM_DDTP_1LVL, 0x3f, 0x40},
		{GM_CAPS_PROJECT, GM_DDTP_2LVL, 0x7fff, 0x8000},
		{GM_CAPS_PROJECT, GM_DDTP_3LVL, 0xfedcba, 0x1000000},
	};
	for (unsigned i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		struct gm_res r;

		setup(c[i].caps, c[i].mode);
		put_dc(c[i].ok_did, TC_V, 0, 0, 0);
		r = xl(c[i].ok_did, 0x5000, false);
		UT_CHECK(!r.fault);
		UT_EQ(r.pa, 0x5000);
		/* a neighbour with an invalid DC */
		r = xl(c[i].ok_did ^ 1, 0x5000, false);
		UT_EQ(r.cause, 258);
		r = xl(c[i].bad_did, 0x5000, false);
		UT_EQ(r.cause, 260);
		UT_CHECK(r.report);
	}
}

UNIT_TEST(gm_ddt_nonleaf_faults)
{
	struct gm_res r;
	uint32_t did = 0x123456;
	uint64_t l2e, dca;

	setup(GM_CAPS_PROJECT, GM_DDTP_3LVL);
	put_dc(did, TC_V, 0, 0, 0);
	dca = dc_addr(did);
	l2e = root + (did >> 15) * 8;
	/* V=0 in the root */
	r = xl(0x3456, 0, false);
	UT_EQ(r.cause, 258);
	/* reserved bits in a non-leaf entry */
	gm_mem_wr64(m, l2e, gm_mem_rd64(m, l2e, &(bool){0}) | (1ull << 5));
	UT_EQ(xl(did, 0, false).cause, 259);
	gm_mem_wr64(m, l2e, gm_mem_rd64(m, l2e, &(bool){0}) & ~(1ull << 5));
	gm_mem_wr64(m, l2e, gm_mem_rd64(m, l2e, &(bool){0}) | (1ull << 60));
	UT_EQ(xl(did, 0, false).cause, 259);
	gm_mem_wr64(m, l2e, gm_mem_rd64(m, l2e, &(bool){0}) & ~(1ull << 60));
	UT_CHECK(!xl(did, 0, false).fault);
	/* bus error on the root and on the DC */
	gm_mem_set_error(m, root, root + 4096);
	UT_EQ(xl(did, 0, false).cause, 257);
	gm_mem_set_error(m, dca, dca + 8);
	UT_EQ(xl(did, 0, true).cause, 257);
	gm_mem_set_error(m, 0, 0);
	UT_CHECK(!xl(did, 0, true).fault);
}

UNIT_TEST(gm_dc_misconfig)
{
	static const struct {
		unsigned dw;
		uint64_t v;
	} bad[] = {
		{0, TC_V | (1ull << 12)},	  /* tc reserved */
		{0, TC_V | (1ull << 40)},	  /* tc reserved high */
		{0, TC_V | (1ull << 1)},	  /* EN_ATS without ATS */
		{0, TC_V | (1ull << 2)},	  /* EN_PRI */
		{0, TC_V | (1ull << 3)},	  /* T2GPA */
		{0, TC_V | (1ull << 6)},	  /* PRPR */
		{0, TC_V | TC_DPE},		  /* DPE with PDTV=0 */
		{0, TC_V | (1ull << 10)},	  /* SBE != fctl.BE */
		{0, TC_V | (1ull << 11)},	  /* SXL without Sv32 */
		{1, 11ull << 60},		  /* reserved iohgatp mode 11 */
		{1, 1ull << 60},		  /* reserved iohgatp mode */
		{1, (8ull << 60) | 0x80001},	  /* G root not 16 KiB aligned */
		{2, 1ull},			  /* ta reserved */
		{2, 1ull << 40},		  /* RCID without QOSID */
		{3, 12ull << 60},		  /* reserved iosatp 12 */
		{3, 11ull << 60},		  /* reserved iosatp */
		{3, (8ull << 60) | (1ull << 50)}, /* fsc reserved */
		{4, 2ull << 60},		  /* msiptp reserved mode */
		{4, 1ull << 60},		  /* Flat with iohgatp Bare */
		{4, 1ull << 45},		  /* msiptp reserved */
		{5, 1ull << 47},		  /* mask above MGPAW-12 (59: Sv57x4) */
		{6, 1ull << 52},		  /* pattern reserved */
		{7, 1ull},			  /* reserved doubleword */
	};
	uint64_t base = 0;

	setup(GM_CAPS_PROJECT, GM_DDTP_1LVL);
	base = dc_addr(3);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		for (unsigned w = 0; w < 8; w++)
			gm_mem_wr64(m, base + w * 8, w == 0 ? TC_V : 0);
		UT_CHECK(!xl(3, 0x1000, false).fault);
		gm_mem_wr64(m, base + bad[i].dw * 8, bad[i].v);
		if (xl(3, 0x1000, false).cause != 259)
			printf("    misconfig row %u not detected\n", i);
		UT_EQ(xl(3, 0x1000, false).cause, 259);
	}
	/* GADE / SADE: allowed with AMO_HWAD (the project has it), reserved without it */
	gm_mem_wr64(m, base + 7 * 8, 0);
	put_dc(3, TC_V | (1ull << 7) | (1ull << 8), 0, 0, 0);
	UT_CHECK(!xl(3, 0x1000, false).fault);
	env.caps &= ~GM_CAP_AMO_HWAD;
	UT_EQ(xl(3, 0x1000, false).cause, 259);
	put_dc(3, TC_V | (1ull << 8), 0, 0, 0);
	UT_EQ(xl(3, 0x1000, false).cause, 259);
	env.caps |= GM_CAP_AMO_HWAD;
	/* PD20 without the capability; pdtp reserved mode */
	gm_mem_wr64(m, base + 7 * 8, 0);
	put_dc(3, TC_V | TC_PDTV, 0, 0, 3ull << 60);
	UT_CHECK(!xl(3, 0x1000, false).fault);
	env.caps &= ~GM_CAP_PD20;
	UT_EQ(xl(3, 0x1000, false).cause, 259);
	put_dc(3, TC_V | TC_PDTV, 0, 0, 4ull << 60);
	UT_EQ(xl(3, 0x1000, false).cause, 259);
	/* base format ignores the extended words */
	setup(CAPS_BASE, GM_DDTP_1LVL);
	put_dc(3, TC_V, 0, 0, 0);
	gm_mem_wr64(m, dc_addr(3) + 32, 2ull << 60);
	UT_CHECK(!xl(3, 0x1000, false).fault);
}

UNIT_TEST(gm_pv_and_dtf)
{
	struct gm_req q = {.did = 1, .pid = 7, .pv = true, .iova = 0x3000, .beats = 1};
	struct gm_res r;

	setup(GM_CAPS_PROJECT, GM_DDTP_1LVL);
	put_dc(1, TC_V, 0, 0, 0);
	gm_translate(&env, &q, &r);
	UT_EQ(r.cause, 260);
	UT_CHECK(r.report);
	put_dc(1, TC_V | TC_DTF, 0, 0, 0);
	gm_translate(&env, &q, &r);
	UT_EQ(r.cause, 260);
	UT_CHECK(!r.report);
	/* DDT faults are reported even with DTF=1 */
	put_dc(1, TC_V | TC_DTF | (1ull << 12), 0, 0, 0);
	gm_translate(&env, &q, &r);
	UT_EQ(r.cause, 259);
	UT_CHECK(r.report);
	UT_CHECK(gm_cause_dtf_suppressed(13) && !gm_cause_dtf_suppressed(258));
}

/* PDT with PD8/PD17/PD20, first stage Sv39 one 4 KiB page at 0x40000000 -> 0x9000_0000. */
static uint64_t build_pt(void)
{
	uint64_t l2 = gm_mem_alloc(m, 4096), l1 = gm_mem_alloc(m, 4096);
	uint64_t l0 = gm_mem_alloc(m, 4096);

	gm_mem_wr64(m, l2 + 1 * 8, nl(l1));
	gm_mem_wr64(m, l1 + 0 * 8, nl(l0));
	gm_mem_wr64(m, l0 + 0 * 8, ((0x90000000ull >> 12) << 10) | LEAF_RW);
	gm_mem_wr64(m, l0 + 1 * 8, ((0x90001000ull >> 12) << 10) | (LEAF_RW & ~PTE_U));
	return l2;
}

static uint64_t pc_addr(unsigned mode, uint32_t pid)
{
	uint64_t dc = dc_addr(1), pdtp = gm_mem_rd64(m, dc + 24, &(bool){0});
	uint64_t a     = ((pdtp & ((1ull << 44) - 1)) << 12);
	unsigned sh[3] = {0, 8, 17}, msk[3] = {0xff, 0x1ff, 0x7};

	for (unsigned i = mode - 1; i > 0; i--) {
		uint64_t e = a + ((pid >> sh[i]) & msk[i]) * 8;
		uint64_t v = gm_mem_rd64(m, e, &(bool){0});

		if (!(v & 1)) {
			v = nl(gm_mem_alloc(m, 4096));
			gm_mem_wr64(m, e, v);
		}
		a = ((v >> 10) & ((1ull << 44) - 1)) << 12;
	}
	return a + (pid & 0xff) * 16;
}

UNIT_TEST(gm_pdt_walks)
{
	static const uint32_t pids[4] = {0, 0xab, 0x1abcd, 0xfabcd};

	for (unsigned mode = 1; mode <= 3; mode++) {
		uint32_t pid	= pids[mode];
		uint32_t over	= mode == 1 ? 0x100 : mode == 2 ? 0x20000 : 0;
		struct gm_req q = {
			.did = 1, .pid = pid, .pv = true, .iova = 0x40000010, .beats = 1};
		struct gm_res r;
		uint64_t pt, pc;

		setup(GM_CAPS_PROJECT, GM_DDTP_2LVL);
		put_dc(1, TC_V | TC_PDTV, 0, 0,
		       ((uint64_t)mode << 60) | (gm_mem_alloc(m, 4096) >> 12));
		pt = build_pt();
		/* PC invalid (and the non-leaf levels exist) */
		pc = pc_addr(mode, pid);
		gm_translate(&env, &q, &r);
		UT_EQ(r.cause, 266);
		gm_mem_wr64(m, pc, 1 | (5ull << 12));
		gm_mem_wr64(m, pc + 8, (8ull << 60) | (pt >> 12));
		gm_translate(&env, &q, &r);
		UT_CHECK(!r.fault);
		UT_EQ(r.pa, 0x90000010);
		if (over) {
			q.pid = over;
			gm_translate(&env, &q, &r);
			UT_EQ(r.cause, 260);
			q.pid = pid;
		}
		/* supervisor request without ENS */
		q.priv = true;
		gm_translate(&env, &q, &r);
		UT_EQ(r.cause, 260);
		/* ENS, SUM=0: U page faults; S page works */
		gm_mem_wr64(m, pc, 1 | 2 | (5ull << 12));
		gm_translate(&env, &q, &r);
		UT_EQ(r.cause, 13);
		q.iova = 0x40001010;
		gm_translate(&env, &q, &r);
		UT_CHECK(!r.fault);
		UT_EQ(r.pa, 0x90001010);
		/* user request to an S page faults */
		q.priv = false;
		gm_translate(&env, &q, &r);
		UT_EQ(r.cause, 13);
		/* SUM=1: supervisor read of a U page ok, supervisor exec of it faults */
		gm_mem_wr64(m, pc, 1 | 2 | 4 | (5ull << 12));
		q.priv = true;
		q.iova = 0x40000010;
		gm_translate(&env, &q, &r);
		UT_CHECK(!r.fault);
		q.exec = true;
		gm_translate(&env, &q, &r);
		UT_EQ(r.cause, 12);
		UT_EQ(r.ttyp, GM_TTYP_UEXEC);
		q.exec = false;
		/* PC misconfigured: reserved bit, reserved mode 11 */
		gm_mem_wr64(m, pc, 1 | (1ull << 3));
		gm_translate(&env, &q, &r);
		UT_EQ(r.cause, 267);
		gm_mem_wr64(m, pc, 1 | 2);
		gm_mem_wr64(m, pc + 8, (11ull << 60) | (pt >> 12));
		gm_translate(&env, &q, &r);
		UT_EQ(r.cause, 267);
		/* PDT load fault */
		gm_mem_set_error(m, pc, pc + 16);
		gm_translate(&env, &q, &r);
		UT_EQ(r.cause, 265);
		gm_mem_set_error(m, 0, 0);
	}
}

UNIT_TEST(gm_pdt_nonleaf_and_dpe)
{
	struct gm_req q = {.did = 1, .pid = 0x12345, .pv = true, .iova = 0x40000000, .beats = 1};
	struct gm_res r;
	uint64_t pdt, pt, pc;

	setup(GM_CAPS_PROJECT, GM_DDTP_1LVL);
	pdt = gm_mem_alloc(m, 4096);
	put_dc(1, TC_V | TC_PDTV, 0, 0, (2ull << 60) | (pdt >> 12));
	gm_translate(&env, &q, &r);
	UT_EQ(r.cause, 266);
	gm_mem_wr64(m, pdt + 0x123 * 8, nl(gm_mem_alloc(m, 4096)) | (1ull << 3));
	gm_translate(&env, &q, &r);
	UT_EQ(r.cause, 267);
	/* no process_id, DPE=0: first stage Bare */
	q.pv = false;
	gm_translate(&env, &q, &r);
	UT_CHECK(!r.fault);
	UT_EQ(r.pa, 0x40000000);
	/* DPE=1: process_id 0 is used */
	put_dc(1, TC_V | TC_PDTV | TC_DPE, 0, 0, (2ull << 60) | (pdt >> 12));
	gm_mem_wr64(m, pdt, nl(gm_mem_alloc(m, 4096)));
	pt = build_pt();
	pc = pc_addr(2, 0);
	gm_mem_wr64(m, pc, 1);
	gm_mem_wr64(m, pc + 8, (8ull << 60) | (pt >> 12));
	gm_translate(&env, &q, &r);
	UT_CHECK(!r.fault);
	UT_EQ(r.pa, 0x90000000);
	/* pdtp Bare with a process_id: first stage Bare */
	put_dc(1, TC_V | TC_PDTV, 0, 0, 0);
	q.pv = true;
	gm_translate(&env, &q, &r);
	UT_CHECK(!r.fault);
	UT_EQ(r.pa, 0x40000000);
}
