// SPDX-License-Identifier: Apache-2.0
/* Golden model: Sv39/Sv48/Sv57 first stage, Sv39x4/Sv48x4/Sv57x4 G-stage, nested walks, MSI
 * translation. */
#include "golden.h"
#include "gm_mem.h"
#include "unit.h"

/* clang-format off */
#define V  1ull
#define R  (1ull << 1)
#define W  (1ull << 2)
#define X  (1ull << 3)
#define U  (1ull << 4)
#define A  (1ull << 6)
#define D  (1ull << 7)
#define N  (1ull << 63)
#define RWX_U (V | R | W | X | U | A | D)
/* clang-format on */

static struct gm_mem *m;
static struct gm_env env;
static uint64_t dc;

static uint64_t pte(uint64_t pa, uint64_t flags)
{
	return ((pa >> 12) << 10) | flags;
}

/* 1LVL extended-DC directory with device 2's DC at dc. */
static void setup(uint64_t iohgatp, uint64_t fsc)
{
	uint64_t root;

	gm_mem_free(m);
	m    = gm_mem_new(0x80000000ull);
	root = gm_mem_alloc(m, 4096);
	env  = (struct gm_env){gm_mem_rd64,	m, ((root >> 12) << 10) | GM_DDTP_1LVL,
			       GM_CAPS_PROJECT, 0, NULL};
	dc   = root + 2 * 64;
	gm_mem_wr64(m, dc, 1);
	gm_mem_wr64(m, dc + 8, iohgatp);
	gm_mem_wr64(m, dc + 16, 7ull << 12);
	gm_mem_wr64(m, dc + 24, fsc);
}

static struct gm_res go(uint64_t iova, char type)
{
	struct gm_req q = {
		.did = 2, .iova = iova, .beats = 1, .write = type == 'w', .exec = type == 'x'};
	struct gm_res r;

	gm_translate(&env, &q, &r);
	return r;
}

static uint64_t page(void)
{
	return gm_mem_alloc(m, 4096);
}

UNIT_TEST(gm_sv39_sizes)
{
	uint64_t l2, l1, l0;
	struct gm_res r;
	struct gm_info info;
	struct gm_req q = {.did = 2, .iova = 0x40203456, .beats = 1};

	setup(0, 0);
	l2 = page();
	l1 = page();
	l0 = page();
	gm_mem_wr64(m, dc + 24, (8ull << 60) | (l2 >> 12));
	gm_mem_wr64(m, l2 + 1 * 8, pte(l1, V));
	gm_mem_wr64(m, l1 + 1 * 8, pte(l0, V));
	/* 4 KiB: 0x4020_3000 -> 0x1_2345_6000 */
	gm_mem_wr64(m, l0 + 3 * 8, pte(0x123456000ull, RWX_U));
	r = go(0x40203456, 'r');
	UT_CHECK(!r.fault);
	UT_EQ(r.pa, 0x123456456ull);
	gm_translate_ex(&env, &q, &r, &info);
	UT_EQ(info.page_size, 4096);
	/* 2 MiB at level 1: 0x4040_0000 -> 0x2_0000_0000 */
	gm_mem_wr64(m, l1 + 2 * 8, pte(0x200000000ull, RWX_U));
	UT_EQ(go(0x405abcde, 'w').pa, 0x2001abcdeull);
	/* 1 GiB at level 2: 0x8000_0000 -> 0x40_0000_0000 */
	gm_mem_wr64(m, l2 + 2 * 8, pte(0x4000000000ull, RWX_U));
	UT_EQ(go(0xbffffff8, 'x').pa, 0x403ffffff8ull);
	q.iova = 0x80000000;
	gm_translate_ex(&env, &q, &r, &info);
	UT_EQ(info.page_size, 1ull << 30);
	/* Svnapot 64 KiB: 16 PTEs at l0[16..31], PPN[3:0]=1000 */
	for (unsigned i = 16; i < 32; i++)
		gm_mem_wr64(m, l0 + i * 8, pte(0x300000000ull | (8ull << 12), RWX_U | N));
	UT_EQ(go(0x40217ab8, 'r').pa, 0x300007ab8ull);
	UT_EQ(go(0x4021fff8, 'r').pa, 0x30000fff8ull);
	q.iova = 0x40212000;
	gm_translate_ex(&env, &q, &r, &info);
	UT_EQ(info.page_size, 65536);
	/* non-canonical IOVA: bits 63:39 must copy bit 38 */
	r = go(0x8000000000ull, 'w');
	UT_EQ(r.cause, 15);
	UT_EQ(r.iotval, 0x8000000000ull);
	UT_EQ(r.iotval2, 0);
	/* sign-extended high half walks l2[256+] (invalid) */
	UT_EQ(go(0xffffffc000000000ull, 'r').cause, 13);
	gm_mem_wr64(m, l2 + 256 * 8, pte(0x5000000000ull, RWX_U));
	UT_EQ(go(0xffffffc000000123ull, 'r').pa, 0x5000000123ull);
}

UNIT_TEST(gm_sv48_sizes)
{
	uint64_t l3, l2, l1, l0;

	setup(0, 0);
	l3 = page();
	l2 = page();
	l1 = page();
	l0 = page();
	gm_mem_wr64(m, dc + 24, (9ull << 60) | (l3 >> 12));
	gm_mem_wr64(m, l3 + 1 * 8, pte(l2, V));
	gm_mem_wr64(m, l2 + 0, pte(l1, V));
	gm_mem_wr64(m, l1 + 0, pte(l0, V));
	gm_mem_wr64(m, l0 + 5 * 8, pte(0xabc000, V | R | U | A));
	UT_EQ(go(0x8000005010ull, 'r').pa, 0xabc010);
	UT_EQ(go(0x8000005010ull, 'w').cause, 15);
	UT_EQ(go(0x8000005010ull, 'x').cause, 12);
	/* 512 GiB leaf at level 3 */
	gm_mem_wr64(m, l3 + 2 * 8, pte(0x10000000000ull, V | R | W | U | A | D));
	UT_EQ(go(0x10012345678ull, 'w').pa, 0x10012345678ull);
	/* misaligned 512 GiB superpage */
	gm_mem_wr64(m, l3 + 3 * 8, pte(0x10000200000ull, V | R | U | A));
	UT_EQ(go(0x18000000000ull, 'r').cause, 13);
	/* Sv48 canonical check at bit 47 */
	UT_EQ(go(0x800000000000ull, 'r').cause, 13);
}

UNIT_TEST(gm_sv57_sizes)
{
	uint64_t l4, l3, l2, l1, l0;

	setup(0, 0);
	l4 = page();
	l3 = page();
	l2 = page();
	l1 = page();
	l0 = page();
	gm_mem_wr64(m, dc + 24, (10ull << 60) | (l4 >> 12));
	/* 4 KiB through five levels: IOVA 0x0001_0080_4020_3010, root index 1 */
	gm_mem_wr64(m, l4 + 1 * 8, pte(l3, V));
	gm_mem_wr64(m, l3 + 1 * 8, pte(l2, V));
	gm_mem_wr64(m, l2 + 1 * 8, pte(l1, V));
	gm_mem_wr64(m, l1 + 1 * 8, pte(l0, V));
	gm_mem_wr64(m, l0 + 3 * 8, pte(0xabc000, V | R | W | U | A | D));
	UT_EQ(go(0x0001008040203010ull, 'w').pa, 0xabc010);
	/* 256 TiB leaf at level 4 (root index 2), and a misaligned one (PPN bit 35) */
	gm_mem_wr64(m, l4 + 2 * 8, pte(0x0003000000000000ull, V | R | U | A));
	UT_EQ(go(0x0002123456789abcull, 'r').pa, 0x0003123456789abcull);
	gm_mem_wr64(m, l4 + 3 * 8, pte(0x0000800000000000ull, V | R | U | A));
	UT_EQ(go(0x0003000000000000ull, 'r').cause, 13);
	/* canonical: bits 63:57 must equal bit 56 */
	gm_mem_wr64(m, l4 + 256 * 8, pte(0x0002000000000000ull, V | R | U | A));
	UT_EQ(go(0xff00000000001000ull, 'r').pa, 0x0002000000001000ull);
	UT_EQ(go(0x0100000000001000ull, 'r').cause, 13);
	UT_EQ(go(0xfe00000000001000ull, 'w').cause, 15);
	/* Sv57x4 G-stage only: root index GPA[58:48] (11 bits), GPA width 59 */
	gm_mem_wr64(m, dc + 24, 0);
	{
		uint64_t g4 = gm_mem_alloc(m, 16384);
		struct gm_res r;

		gm_mem_wr64(m, dc + 8, (10ull << 60) | (g4 >> 12));
		gm_mem_wr64(m, g4 + 1024 * 8, pte(0x0001000000000000ull, V | R | W | U | A | D));
		UT_EQ(go(0x0400fedcba987654ull, 'w').pa, 0x0001fedcba987654ull);
		r = go(0x0800000000000010ull, 'r');
		UT_EQ(r.cause, 21);
		UT_EQ(r.iotval2, 0x0800000000000010ull);
	}
}

UNIT_TEST(gm_pte_checks)
{
	static const struct {
		uint64_t leaf;
		char type;
		unsigned cause; /* 0 = translates */
	} c[] = {
		{V | R | U | A, 'r', 0},
		{R | U | A, 'r', 13},			 /* V=0 */
		{V | W | U | A | D, 'w', 15},		 /* W without R (xwr=010) */
		{V | W | X | U | A | D, 'x', 12},	 /* xwr=110 */
		{V | R | U | A | (1ull << 54), 'r', 13}, /* reserved 60:54 */
		{V | R | U | A | (1ull << 61), 'r', 13}, /* PBMT without Svpbmt */
		{V | R | U | A | N, 'r', 13},		 /* N with PPN[3:0] != 1000 */
		{V | R | A, 'r', 13},			 /* U=0, user request */
		{V | R | U, 'r', 13},			 /* A=0 */
		{V | R | W | U | A, 'w', 15},		 /* D=0 on write */
		{V | R | W | U | A, 'r', 0},		 /* D=0 on read is fine */
		{V | R | U | A | D, 'w', 15},		 /* read-only */
		{V | X | U | A, 'x', 0},		 /* execute-only */
		{V | X | U | A, 'r', 13},
		{V | R | U | A, 'x', 12},
		{V | R | U | A | (1ull << 5), 'r', 0}, /* G is fine */
	};
	uint64_t l2, l1, l0;

	setup(0, 0);
	l2 = page();
	l1 = page();
	l0 = page();
	gm_mem_wr64(m, dc + 24, (8ull << 60) | (l2 >> 12));
	gm_mem_wr64(m, l2, pte(l1, V));
	gm_mem_wr64(m, l1, pte(l0, V));
	for (unsigned i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		struct gm_res r;

		gm_mem_wr64(m, l0 + 8, pte(0x77000, c[i].leaf));
		r = go(0x1008, c[i].type);
		if (r.cause != c[i].cause)
			printf("    row %u\n", i);
		UT_EQ(r.cause, c[i].cause);
		UT_EQ(r.fault, c[i].cause != 0);
		if (!r.fault)
			UT_EQ(r.pa, 0x77008);
		UT_EQ(r.ttyp, c[i].type == 'w' ? 3 : c[i].type == 'x' ? 1 : 2);
	}
	/* non-leaf with A, D, U or N set; non-leaf at level 0 */
	gm_mem_wr64(m, l0 + 8, pte(0x77000, V | R | U | A));
	gm_mem_wr64(m, l1, pte(l0, V | A));
	UT_EQ(go(0x1008, 'r').cause, 13);
	gm_mem_wr64(m, l1, pte(l0, V | U));
	UT_EQ(go(0x1008, 'r').cause, 13);
	gm_mem_wr64(m, l1, pte(l0, V | N));
	UT_EQ(go(0x1008, 'r').cause, 13);
	gm_mem_wr64(m, l1, pte(l0, V));
	gm_mem_wr64(m, l0 + 8, pte(0x77000, V));
	UT_EQ(go(0x1008, 'w').cause, 15);
	/* misaligned 2 MiB superpage; Svnapot bit at level 1 */
	gm_mem_wr64(m, l1 + 8, pte(0x201000, V | R | U | A));
	UT_EQ(go(0x200000, 'r').cause, 13);
	gm_mem_wr64(m, l1 + 8, pte(0x200000 | (8 << 12), V | R | U | A | N));
	UT_EQ(go(0x200000, 'r').cause, 13);
	/* PTE read bus error: access fault by type */
	gm_mem_set_error(m, l1, l1 + 4096);
	UT_EQ(go(0x1008, 'r').cause, 5);
	UT_EQ(go(0x1008, 'w').cause, 7);
	UT_EQ(go(0x1008, 'x').cause, 1);
	UT_CHECK(go(0x1008, 'x').report);
	gm_mem_set_error(m, 0, 0);
}

/* G-stage only (Sv39x4): 16 KiB root. */
UNIT_TEST(gm_gstage_only)
{
	uint64_t g2, g1, g0;
	struct gm_res r;

	setup((8ull << 60) | (5ull << 44), 0);
	g2 = gm_mem_alloc(m, 16384);
	g1 = page();
	g0 = page();
	gm_mem_wr64(m, dc + 8, (8ull << 60) | (5ull << 44) | (g2 >> 12));
	/* GPA 0x1_0000_0000 .. uses root index 4 (of 2048) */
	gm_mem_wr64(m, g2 + 4 * 8, pte(g1, V));
	gm_mem_wr64(m, g1, pte(g0, V));
	gm_mem_wr64(m, g0 + 8, pte(0x55000, V | R | W | U | A | D));
	UT_EQ(go(0x100001010ull, 'w').pa, 0x55010);
	/* root index above 511: GPA bit 39/40 */
	gm_mem_wr64(m, g2 + 1536 * 8, pte(0x40000000ull, V | R | U | A));
	UT_EQ(go(0x18000000abcull, 'r').pa, 0x40000abcull);
	/* GPA wider than 41 bits: guest-page fault, iotval2 = GPA */
	r = go(0x20000000004ull, 'r');
	UT_EQ(r.cause, 21);
	UT_EQ(r.iotval2, 0x20000000004ull);
	/* G-stage leaf with U=0 */
	gm_mem_wr64(m, g0 + 8, pte(0x55000, V | R | W | A | D));
	r = go(0x100001016ull, 'w');
	UT_EQ(r.cause, 23);
	UT_EQ(r.iotval2, 0x100001014ull);
	UT_EQ(go(0x100001016ull, 'x').cause, 20);
	/* misaligned G root */
	gm_mem_wr64(m, dc + 8, (8ull << 60) | ((g2 >> 12) + 1));
	UT_EQ(go(0x100001016ull, 'r').cause, 259);
	/* Sv48x4: 4 levels, root index bits 49:39 */
	gm_mem_wr64(m, dc + 8, (9ull << 60) | (g2 >> 12));
	gm_mem_wr64(m, g2 + 1024 * 8, pte(g1, V));
	gm_mem_wr64(m, g1 + 8, pte(0x7fc0000000ull, V | R | U | A));
	r = go(0x2000040000123ull, 'r');
	UT_EQ(r.cause, 0);
	UT_EQ(r.pa, 0x7fc0000123ull);
	UT_EQ(go(0x4000000000000ull, 'r').cause, 21);
}

/* Nested: Sv39 first stage whose tables live in guest memory, over Sv39x4. */
UNIT_TEST(gm_nested)
{
	uint64_t g2, g1, g0, s2, s1, s0;
	struct gm_res r;
	struct gm_req q = {.did = 2, .iova = 0x1234, .beats = 1};
	struct gm_info info;

	setup(0, 0);
	g2 = gm_mem_alloc(m, 16384);
	g1 = page();
	g0 = page();
	s2 = page();
	s1 = page();
	s0 = page();
	/* guest RAM GPA 0..2 MiB -> SPA of g-pages: identity-map the three first-stage tables
	 * at GPAs 0x1000/0x2000/0x3000 and data at GPA 0x10000 -> SPA 0x9abc0000 */
	gm_mem_wr64(m, g2, pte(g1, V));
	gm_mem_wr64(m, g1, pte(g0, V));
	gm_mem_wr64(m, g0 + 1 * 8, pte(s2, V | R | U | A));
	gm_mem_wr64(m, g0 + 2 * 8, pte(s1, V | R | U | A));
	gm_mem_wr64(m, g0 + 3 * 8, pte(s0, V | R | U | A));
	gm_mem_wr64(m, g0 + 16 * 8, pte(0x9abc0000ull, V | R | W | U | A | D));
	gm_mem_wr64(m, s2, pte(0x2000, V));
	gm_mem_wr64(m, s1, pte(0x3000, V));
	gm_mem_wr64(m, s0 + 1 * 8, pte(0x10000, V | R | W | U | A | D));
	gm_mem_wr64(m, dc + 8, (8ull << 60) | (g2 >> 12));
	gm_mem_wr64(m, dc + 24, (8ull << 60) | 1);
	r = go(0x1234, 'w');
	UT_CHECK(!r.fault);
	UT_EQ(r.pa, 0x9abc0234ull);
	gm_translate_ex(&env, &q, &r, &info);
	UT_EQ(info.gpa, 0x10234);
	/* implicit access faults in the G-stage: guest-page fault, original type, bit 0 */
	gm_mem_wr64(m, g0 + 2 * 8, 0);
	r = go(0x1234, 'w');
	UT_EQ(r.cause, 23);
	UT_EQ(r.iotval, 0x1234);
	UT_EQ(r.iotval2, 0x2000 | 1);
	UT_EQ(go(0x1234, 'x').cause, 20);
	/* G-stage PTE with R=0 (X only) for an implicit access */
	gm_mem_wr64(m, g0 + 2 * 8, pte(s1, V | X | U | A));
	UT_EQ(go(0x1234, 'r').cause, 21);
	gm_mem_wr64(m, g0 + 2 * 8, pte(s1, V | R | U | A));
	/* final G-stage fault: bit 0 clear */
	gm_mem_wr64(m, g0 + 16 * 8, pte(0x9abc0000ull, V | R | U | A));
	r = go(0x1234, 'w');
	UT_EQ(r.cause, 23);
	UT_EQ(r.iotval2, 0x10234);
	/* G-stage PTE bus error during a first-stage walk: access fault of the type */
	gm_mem_set_error(m, g0, g0 + 4096);
	UT_EQ(go(0x1234, 'r').cause, 5);
	gm_mem_set_error(m, 0, 0);
	/* PDT in guest memory: guest fault on a PDT access reports bit 0, G access fault -> 265 */
	gm_mem_wr64(m, dc, 1 | (1ull << 5));
	gm_mem_wr64(m, dc + 24, (1ull << 60) | 0x40);
	q.pv	= true;
	q.pid	= 3;
	q.write = true;
	gm_translate(&env, &q, &r);
	UT_EQ(r.cause, 23);
	UT_EQ(r.iotval2, 0x40030 | 1);
	gm_mem_wr64(m, g0 + 0x40 * 8, pte(page(), V | R | U | A));
	gm_mem_set_error(m, g0, g0 + 4096);
	gm_translate(&env, &q, &r);
	UT_EQ(r.cause, 265);
	gm_mem_set_error(m, 0, 0);
	gm_translate(&env, &q, &r);
	UT_EQ(r.cause, 266);
}

static void mem_wr(void *ctx, uint64_t pa, uint64_t val)
{
	gm_mem_wr64(ctx, pa, val);
}

/* Hardware A/D update: SADE first stage, GADE G-stage, implicit read and write of a nested
 * first-stage PTE, nothing written on a faulting walk, fault without ADE. */
UNIT_TEST(gm_hwad)
{
	uint64_t g2, g1, g0, s2, s1, s0, v;
	struct gm_res r;
	struct gm_req q = {.did = 2, .iova = 0x1234, .beats = 1};
	struct gm_info info;

	setup(0, 0);
	env.wr64 = mem_wr;
	g2	 = gm_mem_alloc(m, 16384);
	g1	 = page();
	g0	 = page();
	s2	 = page();
	s1	 = page();
	s0	 = page();
	gm_mem_wr64(m, g2, pte(g1, V));
	gm_mem_wr64(m, g1, pte(g0, V));
	gm_mem_wr64(m, g0 + 1 * 8, pte(s2, V | R | W | U | A | D));
	gm_mem_wr64(m, g0 + 2 * 8, pte(s1, V | R | W | U | A | D));
	gm_mem_wr64(m, g0 + 3 * 8, pte(s0, V | R | W | U)); /* leaf table page: A=D=0 */
	gm_mem_wr64(m, g0 + 16 * 8, pte(0x9abc0000ull, V | R | W | U));
	gm_mem_wr64(m, s2, pte(0x2000, V));
	gm_mem_wr64(m, s1, pte(0x3000, V));
	gm_mem_wr64(m, s0 + 1 * 8, pte(0x10000, V | R | W | U));
	gm_mem_wr64(m, dc + 8, (8ull << 60) | (g2 >> 12));
	gm_mem_wr64(m, dc + 24, (8ull << 60) | 1);
	/* Without SADE/GADE: the G leaf of the PTE page (A=0) faults the implicit read. */
	r = go(0x1234, 'r');
	UT_EQ(r.cause, 21);
	UT_EQ(r.iotval2, 0x3008 | 1);
	/* SADE only: still the G-stage fault, nothing written. */
	gm_mem_wr64(m, dc, 1 | (1ull << 8));
	r = go(0x1234, 'r');
	UT_EQ(r.cause, 21);
	UT_EQ(gm_mem_rd64(m, s0 + 8, &(bool){false}), pte(0x10000, V | R | W | U));
	/* SADE + GADE: a read sets A in the G leaf of the PTE page (implicit read), A+D there
	 * (the first-stage update is an implicit write), A in the first-stage leaf, A in the final
	 * G leaf. */
	gm_mem_wr64(m, dc, 1 | (1ull << 7) | (1ull << 8));
	gm_translate_ex(&env, &q, &r, &info);
	UT_CHECK(!r.fault);
	UT_EQ(r.pa, 0x9abc0234ull);
	UT_EQ(info.ad_updates, 4);
	UT_EQ(gm_mem_rd64(m, g0 + 3 * 8, &(bool){false}), pte(s0, V | R | W | U | A | D));
	UT_EQ(gm_mem_rd64(m, s0 + 8, &(bool){false}), pte(0x10000, V | R | W | U | A));
	UT_EQ(gm_mem_rd64(m, g0 + 16 * 8, &(bool){false}), pte(0x9abc0000ull, V | R | W | U | A));
	/* Again: nothing left to update. A write then sets D in both leaves. */
	gm_translate_ex(&env, &q, &r, &info);
	UT_EQ(info.ad_updates, 0);
	q.write = true;
	gm_translate_ex(&env, &q, &r, &info);
	UT_CHECK(!r.fault);
	UT_EQ(info.ad_updates, 2);
	UT_EQ(gm_mem_rd64(m, s0 + 8, &(bool){false}), pte(0x10000, V | R | W | U | A | D));
	UT_EQ(gm_mem_rd64(m, g0 + 16 * 8, &(bool){false}),
	      pte(0x9abc0000ull, V | R | W | U | A | D));
	/* The implicit write needs W in the G leaf of the PTE page: fault 21, iotval2 bits 1:0 = 11,
	 * the first-stage PTE untouched. */
	gm_mem_wr64(m, g0 + 3 * 8, pte(s0, V | R | U | A | D));
	gm_mem_wr64(m, s0 + 8, pte(0x10000, V | R | W | U));
	r = go(0x1234, 'r');
	UT_EQ(r.cause, 21);
	UT_EQ(r.iotval2, 0x3008 | 3);
	UT_EQ(gm_mem_rd64(m, s0 + 8, &(bool){false}), pte(0x10000, V | R | W | U));
	/* A faulting leaf (write without W, A=0) writes nothing. */
	gm_mem_wr64(m, g0 + 3 * 8, pte(s0, V | R | W | U | A | D));
	v = pte(0x10000, V | R | U);
	gm_mem_wr64(m, s0 + 8, v);
	r = go(0x1234, 'w');
	UT_EQ(r.cause, 15);
	UT_EQ(gm_mem_rd64(m, s0 + 8, &(bool){false}), v);
}

UNIT_TEST(gm_msi)
{
	uint64_t g2, g1, g0, mt;
	struct gm_res r;
	struct gm_info info;
	struct gm_req q = {.did = 2, .iova = 0x28005000ull, .beats = 1, .write = true};

	setup(0, 0);
	g2 = gm_mem_alloc(m, 16384);
	g1 = page();
	g0 = page();
	mt = page();
	gm_mem_wr64(m, dc + 8, (8ull << 60) | (g2 >> 12));
	gm_mem_wr64(m, g2, pte(g1, V));
	gm_mem_wr64(m, g1, pte(g0, V));
	gm_mem_wr64(m, g0 + 8, pte(0x66000, V | R | W | U | A | D));
	/* interrupt files at GPA 0x2800_0000 + n*0x1000 (n < 8): mask 0x7, pattern 0x28000 */
	gm_mem_wr64(m, dc + 32, (1ull << 60) | (mt >> 12));
	gm_mem_wr64(m, dc + 40, 0x7);
	gm_mem_wr64(m, dc + 48, 0x28000);
	/* not an MSI page: normal G-stage */
	UT_EQ(go(0x1008, 'w').pa, 0x66008);
	/* file 5, PTE not valid */
	r = go(0x28005000ull, 'w');
	UT_EQ(r.cause, 262);
	/* basic translate mode M=3 */
	gm_mem_wr64(m, mt + 5 * 16, pte(0xc0de000ull, V | (3 << 1)));
	gm_translate_ex(&env, &q, &r, &info);
	UT_CHECK(!r.fault && info.msi && !info.mrif);
	UT_EQ(r.pa, 0xc0de000ull);
	UT_EQ(go(0x28005004ull, 'r').pa, 0xc0de004ull);
	UT_EQ(go(0x28005004ull, 'x').cause, 1);
	/* M=0, M=2, reserved bits, C=1 -> misconfigured */
	gm_mem_wr64(m, mt + 5 * 16, pte(0xc0de000ull, V));
	UT_EQ(go(0x28005000ull, 'w').cause, 263);
	gm_mem_wr64(m, mt + 5 * 16, pte(0xc0de000ull, V | (2 << 1)));
	UT_EQ(go(0x28005000ull, 'w').cause, 263);
	gm_mem_wr64(m, mt + 5 * 16, pte(0xc0de000ull, V | (3 << 1) | (1 << 4)));
	UT_EQ(go(0x28005000ull, 'w').cause, 263);
	gm_mem_wr64(m, mt + 5 * 16, pte(0xc0de000ull, V | (3 << 1) | N));
	UT_EQ(go(0x28005000ull, 'w').cause, 263);
	/* MRIF mode: MRIF at 0x8765_4200 (512-byte aligned), notice to 0xfee00000 data 0x5a5 */
	gm_mem_wr64(m, mt + 5 * 16, V | (1 << 1) | ((0x87654200ull >> 9) << 7));
	gm_mem_wr64(m, mt + 5 * 16 + 8, ((0xfee00000ull >> 12) << 10) | 0x1a5 | (1ull << 60));
	gm_translate_ex(&env, &q, &r, &info);
	UT_CHECK(!r.fault && info.mrif);
	UT_EQ(r.pa, 0x87654200ull);
	UT_EQ(info.notice_addr, 0xfee00000ull);
	UT_EQ(info.notice_data, 0x5a5);
	env.caps &= ~GM_CAP_MSI_MRIF;
	UT_EQ(go(0x28005000ull, 'w').cause, 263);
	env.caps |= GM_CAP_MSI_MRIF;
	/* MSI PTE load fault */
	gm_mem_set_error(m, mt, mt + 4096);
	r = go(0x28005000ull, 'w');
	UT_EQ(r.cause, 261);
	UT_CHECK(r.report);
	gm_mem_set_error(m, 0, 0);
	/* DTF suppresses MSI faults */
	gm_mem_wr64(m, dc, 1 | (1ull << 4));
	gm_mem_wr64(m, mt + 5 * 16, 0);
	r = go(0x28005000ull, 'w');
	UT_EQ(r.cause, 262);
	UT_CHECK(!r.report);
}
