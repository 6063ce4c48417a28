/* SPDX-License-Identifier: Apache-2.0 */
/*
 * HPM counters with iohpmevt filters (spec 6.19-6.23): two devices (DID 5 and 6, 1LVL DDT,
 * Sv39, PSCID 0x11 and 0x22) share one set of page tables. The number of counters is found as
 * a driver finds it: write all-ones to iocountinh and count the bits that stick. Seven filter
 * settings are checked, as many at a time as there are counters: counters with a DID filter
 * count only device 5's untranslated requests (event 1) and IOTLB misses (event 4); an
 * unfiltered, a DMASK range, an IDT=1 PSCID and a never-matching PID filter check the other
 * filter fields. iohpmcycles counts only when not inhibited; a counter and iohpmcycles wrap: OF,
 * iocountovf and ipsr.pmip. An absent counter reads 0, ignores writes and never counts.
 */
#include "tb.h"
#include "tb_regs.h"

/* clang-format off */
#define DDT_ROOT  0x80100000ull
#define PT_ROOT   0x80110000ull
#define PT_L1     0x80111000ull
#define PT_L0     0x80112000ull
#define PAGES     0x80500000ull
#define IOVA      0x40000000ull    /* L2 1, L1 0, L0 0..NPAGES-1 -> PAGES + n * 4 KiB */
#define NPAGES    64u
#define PTE_LEAF  0xd7ull          /* D A U W R V */
#define DID_A     5u
#define DID_B     6u
#define PSCID_A   0x11u
#define PSCID_B   0x22u
#define REG_CTR(n) (RISCV_IOMMU_REG_IOHPMCTR1 + 8u * ((n) - 1u))
#define REG_EVT(n) RISCV_IOMMU_REG_IOHPMEVT(n)
/* iohpmevt fields */
#define EV_ID(e)     ((uint64_t)(e))
#define EV_DMASK     (1ull << 15)
#define EV_PID(p)    ((uint64_t)(p) << 16)
#define EV_DID(d)    ((uint64_t)(d) << 36)
#define EV_PV_PSCV   (1ull << 60)
#define EV_DV_GSCV   (1ull << 61)
#define EV_IDT       (1ull << 62)
#define EV_OF        (1ull << 63)
/* clang-format on */

static void put_dc(uint32_t did, uint32_t pscid)
{
	uint64_t dc[8] = {1, 0, (uint64_t)pscid << 12, (8ull << 60) | (PT_ROOT >> 12), 0, 0, 0, 0};

	mem_wr(DDT_ROOT + 64 * did, dc, sizeof(dc));
}

static void setup(void)
{
	static const uint64_t zero[512];
	bool ok;

	mem_wr(DDT_ROOT, zero, sizeof(zero));
	mem_wr(PT_ROOT, zero, sizeof(zero));
	mem_wr(PT_L1, zero, sizeof(zero));
	mem_wr(PT_L0, zero, sizeof(zero));
	put_dc(DID_A, PSCID_A);
	put_dc(DID_B, PSCID_B);
	mem_wr64(PT_ROOT + 8 * 1, (PT_L1 >> 12) << 10 | 1);
	mem_wr64(PT_L1 + 8 * 0, (PT_L0 >> 12) << 10 | 1);
	for (unsigned i = 0; i < NPAGES; i++)
		mem_wr64(PT_L0 + 8 * i, ((PAGES >> 12) + i) << 10 | PTE_LEAF);
	host_write64(RISCV_IOMMU_REG_DDTP, (DDT_ROOT >> 12) << TB_DDTP_PPN_SHIFT | TB_DDTP_1LVL);
	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
}

static void rd(uint32_t did, unsigned page)
{
	struct dma_attr a = {.did = did, .id = 1};
	uint64_t d;

	CHECK_EQ(dma_read(&a, IOVA + 4096ull * page, &d, 1), AXI_OKAY);
}

/*
 * Number of programmable counters: iocountinh bit N sticks for iohpmctrN (WARL, absent counters
 * read 0; spec 6.20). Leaves every counter inhibited. The implemented bits are contiguous.
 */
static unsigned hpm_count(void)
{
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0xffffffffu);
	uint32_t inh = host_read32(RISCV_IOMMU_REG_IOCOUNTINH);
	unsigned n   = 0;

	CHECK_EQ(inh & 1, 1); /* CY: iohpmcycles is always there */
	while (n < 31 && (inh >> (n + 1) & 1))
		n++;
	CHECK_EQ(inh, (uint32_t)((2ull << n) - 1)); /* no holes */
	CHECK(n >= 1);				    /* iohpmctr1 is mandatory with HPM */
	return n;
}

/* One filter setting and what it counts in the scenario of hpm_filter. */
struct hpm_case {
	uint64_t evt;
	uint64_t expect;
	const char *what;
};

/* Device A: 3 misses then 3 hits; device B: 2 misses, interleaved; pages base.. are cold. */
static void scenario(unsigned base)
{
	rd(DID_A, base + 0);
	rd(DID_B, base + 4);
	rd(DID_A, base + 1);
	rd(DID_A, base + 2);
	rd(DID_B, base + 5);
	rd(DID_A, base + 0);
	rd(DID_A, base + 1);
	rd(DID_A, base + 2);
	tb_step(50);
}

TB_TEST(hpm_filter)
{
	static const struct hpm_case cases[] = {
		{EV_ID(1) | EV_DV_GSCV | EV_DID(DID_A), 6, "A's requests"},
		{EV_ID(4) | EV_DV_GSCV | EV_DID(DID_A), 3, "A's IOTLB misses"},
		{EV_ID(1), 8, "everyone"},
		{EV_ID(1) | EV_DV_GSCV | EV_DMASK | EV_DID(5), 8, "DMASK range 4..7"},
		{EV_ID(4) | EV_IDT | EV_PV_PSCV | EV_PID(PSCID_B), 2, "IDT=1: PSCID of B"},
		{EV_ID(1) | EV_PV_PSCV | EV_PID(7), 0, "needs a process_id"},
		{EV_ID(1) | EV_DV_GSCV | EV_DID(7), 0, "another device"},
	};
	const unsigned ncase = sizeof(cases) / sizeof(cases[0]);

	CHECK(tb_wait_fw_boot());
	setup();
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_CAPABILITIES) >> 30 & 1, 1); /* HPM */
	unsigned nctr = hpm_count();
	tb_log("hpm: %u programmable counters", nctr);

	/* As many settings per round as there are counters; each round on pages not yet used. */
	for (unsigned first = 0, round = 0; first < ncase; first += nctr, round++) {
		unsigned k = ncase - first < nctr ? ncase - first : nctr;

		CHECK(8 * round + 8 <= NPAGES);
		/* Program with everything inhibited, then start the counters. */
		host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0xffffffffu);
		for (unsigned n = 1; n <= nctr; n++) {
			host_write64(REG_EVT(n), n <= k ? cases[first + n - 1].evt : EV_ID(0));
			host_write64(REG_CTR(n), 0);
		}
		host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0);

		scenario(8 * round);

		for (unsigned n = 1; n <= k; n++) {
			const struct hpm_case *c = &cases[first + n - 1];
			uint64_t v		 = host_read64(REG_CTR(n));
			if (v != c->expect)
				tb_fail(__FILE__, __LINE__, "iohpmctr%u (%s): %llu, expected %llu",
					n, c->what, (unsigned long long)v,
					(unsigned long long)c->expect);
		}
		CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), 0);
	}
}

TB_TEST(hpm_cycles_ovf)
{
	bool ok;

	CHECK(tb_wait_fw_boot());
	setup();
	const unsigned n = hpm_count(); /* the last counter overflows */

	/* iohpmcycles: frozen while inhibited, counting otherwise. */
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 1);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTINH), 1);
	host_write64(RISCV_IOMMU_REG_IOHPMCYCLES, 100);
	tb_step(100);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_IOHPMCYCLES), 100);
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0);
	tb_step(100);
	uint64_t c = host_read64(RISCV_IOMMU_REG_IOHPMCYCLES);
	CHECK(c > 200 && c < 1000);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR) & 4, 0);

	/* A filtered counter one below the wrap: one of A's requests overflows it, B's does not. */
	host_write64(REG_EVT(n), EV_ID(1) | EV_DV_GSCV | EV_DID(DID_A));
	host_write64(REG_CTR(n), ~0ull);
	rd(DID_B, 1);
	tb_step(20);
	CHECK_EQ(host_read64(REG_CTR(n)), ~0ull);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), 0);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR) & 4, 0);
	rd(DID_A, 1);
	tb_step(20);
	CHECK_EQ(host_read64(REG_CTR(n)), 0);
	CHECK_EQ(host_read64(REG_EVT(n)) >> 63, 1); /* OF */
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), 1u << n);
	host_poll32(RISCV_IOMMU_REG_IPSR, 4, 4, 1000, &ok); /* pmip */
	CHECK(ok);

	/* iohpmcycles wraps: its OF (bit 63) and iocountovf.CY. */
	host_write64(RISCV_IOMMU_REG_IOHPMCYCLES, 0x7fffffffffffff00ull);
	tb_step(400);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_IOHPMCYCLES) >> 63, 1);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), (1u << n) | 1u);

	/* Clearing the OF bits and then pmip: pmip stays clear. */
	host_write64(REG_EVT(n), EV_ID(1));
	host_write64(RISCV_IOMMU_REG_IOHPMCYCLES, 0);
	host_write32(RISCV_IOMMU_REG_IPSR, 4);
	tb_step(10);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), 0);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR) & 4, 0);
}

/* Counters past the implemented ones (spec 6.20-6.23): registers read 0, writes are ignored,
 * the iocountinh and iocountovf bits read 0, and nothing is counted. */
TB_TEST(hpm_absent)
{
	CHECK(tb_wait_fw_boot());
	setup();
	const unsigned n = hpm_count();
	if (n == 31) {
		tb_log("hpm: all 31 counters implemented, none absent");
		return;
	}
	const unsigned a = n + 1; /* first absent counter */

	/* Writes, whole and as halves, to the absent counter, its selector and the last ones. */
	const uint32_t regs[] = {REG_CTR(a), REG_EVT(a), REG_CTR(31), REG_EVT(31)};
	for (unsigned i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
		CHECK_EQ(host_read64(regs[i]), 0);
		host_write64(regs[i], ~0ull);
		CHECK_EQ(host_read64(regs[i]), 0);
		host_write64_split(regs[i], 0x8123456789abcdefull);
		CHECK_EQ(host_read64(regs[i]), 0);
		host_write32(regs[i] + 4, 0xffffffffu);
		CHECK_EQ(host_read32(regs[i] + 4), 0);
	}

	/* Count everyone's requests on counter 1 and, if it existed, on counter a; pre-load a
	 * value one below the wrap so that a count would also show as an OF bit. */
	host_write64(REG_EVT(1), EV_ID(1));
	host_write64(REG_CTR(1), 0);
	host_write64(REG_EVT(a), EV_ID(1));
	host_write64(REG_CTR(a), ~0ull);
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTINH), 0);
	rd(DID_A, 0);
	rd(DID_B, 1);
	tb_step(50);
	CHECK_EQ(host_read64(REG_CTR(1)), 2); /* the events happened */
	CHECK_EQ(host_read64(REG_CTR(a)), 0);
	CHECK_EQ(host_read64(REG_EVT(a)), 0);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), 0);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR) & 4, 0);

	/* Inhibit bits of absent counters do not stick, whatever else is written. */
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0xffffffffu << a);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTINH), 0);
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0xffffffffu);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTINH), (uint32_t)((2ull << n) - 1));
}
