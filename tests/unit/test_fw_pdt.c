// SPDX-License-Identifier: Apache-2.0
/* Firmware PDT walk, PC checks and PDTV=1 context fill (firmware/pdt.c) on the mock MMIO. */
#include "hal/fwif.h"
#include "hal/mmio_mock.h"
#include "pdt.h"
#include "unit.h"

/* clang-format off */
#define CAPS   RISCV_IOMMU_CAPABILITIES_RESET
#define TC     (RISCV_IOMMU_DC_TC_V | RISCV_IOMMU_DC_TC_PDTV)
#define PCV    RISCV_IOMMU_PC_TA_V
#define ENS    RISCV_IOMMU_PC_TA_ENS
#define SUM    RISCV_IOMMU_PC_TA_SUM
#define SV39   ((uint64_t)RISCV_IOMMU_IOSATP_MODE_SV39 << 60)
#define SV48   ((uint64_t)RISCV_IOMMU_IOSATP_MODE_SV48 << 60)
#define SV57   ((uint64_t)RISCV_IOMMU_IOSATP_MODE_SV57 << 60)
#define SV39X4 ((uint64_t)RISCV_IOMMU_IOHGATP_MODE_SV39X4 << 60)
#define PD8    (1ull << 60)
#define PD17   (2ull << 60)
#define PD20   (3ull << 60)
#define C260   RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED
#define C265   RISCV_IOMMU_FQ_CAUSE_PDT_LOAD_FAULT
#define C266   RISCV_IOMMU_FQ_CAUSE_PDT_INVALID
#define C267   RISCV_IOMMU_FQ_CAUSE_PDT_MISCONFIGURED
/* clang-format on */

/* CTX_W words the fill writes (ta low, fsc) and CTX_KEY, dirtied first to see them written. */
#define CTX_TA	  ((FWIF_CTX_W0 + RISCV_IOMMU_DC_TA_OFFSET) / 4)
#define CTX_FSC	  ((FWIF_CTX_W0 + RISCV_IOMMU_DC_FSC_OFFSET) / 4)
#define CTX_KEY_W (FWIF_CTX_KEY / 4)

static void ctx_dirty(void)
{
	mock.fwif[CTX_TA]      = ~0u;
	mock.fwif[CTX_FSC]     = ~0u;
	mock.fwif[CTX_FSC + 1] = ~0u;
	mock.fwif[CTX_KEY_W]   = ~0u;
}

static void put64(uint32_t off, uint64_t v)
{
	mock.fwif[(FWIF_BUF + off) / 4]	    = (uint32_t)v;
	mock.fwif[(FWIF_BUF + off) / 4 + 1] = (uint32_t)(v >> 32);
}

/* Address and control word of the @n-th burst (ADDR_LO written just before BURST_CTRL). */
static bool burst(unsigned n, uint32_t *lo, uint32_t *ctrl)
{
	uint32_t last_lo = 0;

	for (unsigned i = 0; i < mock.nlog; i++) {
		if (mock.log[i].addr == FWIF_BASE + FWIF_BURST_ADDR_LO)
			last_lo = mock.log[i].val;
		if (mock.log[i].addr == FWIF_BASE + FWIF_BURST_CTRL && n-- == 0) {
			*lo   = last_lo;
			*ctrl = mock.log[i].val;
			return true;
		}
	}
	return false;
}

static unsigned nbursts(void)
{
	unsigned n = 0;

	for (unsigned i = 0; i < mock.nlog; i++)
		n += mock.log[i].addr == FWIF_BASE + FWIF_BURST_CTRL;
	return n;
}

UNIT_TEST(fw_pdt_pc_check)
{
	uint64_t good[][2] = {{PCV, 0},
			      {PCV | ENS | SUM | (0xFFFFFull << 12), SV39 | 0x123},
			      {PCV, SV48 | GENMASK_ULL(43, 0)},
			      {PCV, SV57 | 0x456}};
	uint64_t bad[][2]  = {{PCV | BIT_ULL(3), 0},  {PCV | BIT_ULL(11), 0},
			      {PCV | BIT_ULL(32), 0}, {PCV, BIT_ULL(44)},
			      {PCV, BIT_ULL(59)},     {PCV, 11ull << 60}, /* reserved mode */
			      {PCV, 1ull << 60},      {PCV, 15ull << 60}};
	uint64_t inval[2]  = {ENS | BIT_ULL(3), 10ull << 60}; /* V=0 wins */

	for (unsigned i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		UT_EQ(pdt_pc_check(good[i], TC, CAPS), 0);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		UT_EQ(pdt_pc_check(bad[i], TC, CAPS), C267);
	UT_EQ(pdt_pc_check(inval, TC, CAPS), C266);
	/* Sv48 / Sv57 missing from the capabilities; SXL=1 has no Sv32 here. */
	UT_EQ(pdt_pc_check(good[2], TC, CAPS & ~RISCV_IOMMU_CAPABILITIES_SV48), C267);
	UT_EQ(pdt_pc_check(good[3], TC, CAPS & ~RISCV_IOMMU_CAPABILITIES_SV57), C267);
	UT_EQ(pdt_pc_check(good[1], TC | RISCV_IOMMU_DC_TC_SXL, CAPS), C267);
	UT_EQ(pdt_pc_check(good[0], TC | RISCV_IOMMU_DC_TC_SXL, CAPS), 0);
}

UNIT_TEST(fw_pdt_pd17_ctx)
{
	struct riscv_iommu_dc dc = {.tc	     = TC | RISCV_IOMMU_DC_TC_DTF,
				    .iohgatp = SV39X4 | (0x42ull << 44) | 0x80040,
				    .fsc     = PD17 | 0x80010};
	struct fq_src src	 = {.did = 0x1234, .pid = 0x1ABCD, .pv = true};
	uint64_t iotval2	 = 0;
	uint32_t lo, ctrl;

	mock_reset();
	dc.iohgatp = 0; /* G-stage Bare: the PDT addresses are SPAs */
	put64(FW_BUF_PDTE + 8, (0x80020ull << 10) | 1);
	put64(FW_BUF_PC, PCV | ENS | SUM | (0xABCDEull << 12));
	put64(FW_BUF_PC + 8, SV48 | 0xFED12345678ull);
	ctx_dirty();
	UT_EQ(pdt_ctx_fill(&dc, CAPS, &src, &iotval2), 0);
	UT_EQ(nbursts(), 2);
	UT_CHECK(burst(0, &lo, &ctrl));
	UT_EQ(lo, 0x80010000u + 0x1AB * 8);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BEATS, ctrl), 1);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BUF_OFF, ctrl), FW_BUF_PDTE + 8);
	UT_CHECK(burst(1, &lo, &ctrl));
	UT_EQ(lo, 0x80020000u + 0xCD * 16);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BEATS, ctrl), 2);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BUF_OFF, ctrl), FW_BUF_PC);
	UT_EQ(mock.fwif[CTX_KEY_W],
	      0x1ABCDu | FWIF_CTX_KEY_PV | FWIF_CTX_KEY_ENS | FWIF_CTX_KEY_SUM);
	UT_EQ(mock.fwif[CTX_TA], 0xABCDEu << 12);
	UT_EQ(mock.fwif[CTX_FSC], 0x12345678u);
	UT_EQ(mock.fwif[CTX_FSC + 1], 0x90000FEDu);
}

UNIT_TEST(fw_pdt_pv_dpe_rules)
{
	struct riscv_iommu_dc dc = {.tc = TC, .fsc = PD8 | 0x80010};
	struct fq_src src	 = {.did = 7, .pid = 0x55, .pv = false};
	uint64_t iotval2	 = 0;
	uint32_t lo, ctrl;

	/* pv=0, DPE=0: first stage Bare, key (did, pv=0, pid 0), no PDT read. */
	mock_reset();
	ctx_dirty();
	UT_EQ(pdt_ctx_fill(&dc, CAPS, &src, &iotval2), 0);
	UT_EQ(nbursts(), 0);
	UT_EQ(mock.fwif[CTX_KEY_W], FWIF_CTX_KEY_ENS);
	UT_EQ(mock.fwif[CTX_TA], 0);
	UT_EQ(mock.fwif[CTX_FSC], 0);
	UT_EQ(mock.fwif[CTX_FSC + 1], 0);
	/* pv=0, DPE=1: process_id 0's PC, still keyed pv=0. */
	dc.tc |= RISCV_IOMMU_DC_TC_DPE;
	put64(FW_BUF_PC, PCV | (0x33ull << 12));
	put64(FW_BUF_PC + 8, SV39 | 0x80099);
	UT_EQ(pdt_ctx_fill(&dc, CAPS, &src, &iotval2), 0);
	UT_CHECK(burst(0, &lo, &ctrl));
	UT_EQ(lo, 0x80010000u);
	UT_EQ(mock.fwif[CTX_KEY_W], 0);
	UT_EQ(mock.fwif[CTX_TA], 0x33u << 12);
	UT_EQ(mock.fwif[CTX_FSC], 0x80099u);
	UT_EQ(mock.fwif[CTX_FSC + 1], 0x80000000u);
	/* process_id width: PD8 8 bits, PD17 17 bits, PD20 20 bits. */
	src.pv	= true;
	src.pid = 0x100;
	UT_EQ(pdt_ctx_fill(&dc, CAPS, &src, &iotval2), C260);
	dc.fsc	= PD17 | 0x80010;
	src.pid = 0x20000;
	UT_EQ(pdt_ctx_fill(&dc, CAPS, &src, &iotval2), C260);
	/* pdtp Bare: first stage Bare for any process_id. */
	dc.fsc = 0;
	mock_reset();
	UT_EQ(pdt_ctx_fill(&dc, CAPS, &src, &iotval2), 0);
	UT_EQ(nbursts(), 0);
	UT_EQ(mock.fwif[CTX_KEY_W], 0x20000u | FWIF_CTX_KEY_PV | FWIF_CTX_KEY_ENS);
}

UNIT_TEST(fw_pdt_walk_faults)
{
	struct riscv_iommu_dc dc = {.tc = TC, .fsc = PD20 | 0x80010};
	struct fq_src src	 = {.did = 1, .pid = 0xFFFFF, .pv = true};
	uint64_t pc[2], iotval2 = 0;
	uint32_t lo, ctrl;

	mock_reset();
	put64(FW_BUF_PDTE + 16, (0x80020ull << 10) | 1);
	put64(FW_BUF_PDTE + 8, (0x80030ull << 10) | 1);
	put64(FW_BUF_PC, PCV);
	put64(FW_BUF_PC + 8, 0);
	UT_EQ(pdt_locate(&dc, CAPS, src.pid, &src, pc, &iotval2), 0);
	UT_EQ(nbursts(), 3);
	UT_CHECK(burst(0, &lo, &ctrl));
	UT_EQ(lo, 0x80010000u + 7 * 8);
	UT_CHECK(burst(1, &lo, &ctrl));
	UT_EQ(lo, 0x80020000u + 0x1FF * 8);
	UT_CHECK(burst(2, &lo, &ctrl));
	UT_EQ(lo, 0x80030000u + 0xFF * 16);
	/* Non-leaf: V=0 (266), reserved bits (267); the PC: V=0 (266). */
	put64(FW_BUF_PDTE + 8, (0x80030ull << 10));
	UT_EQ(pdt_locate(&dc, CAPS, src.pid, &src, pc, &iotval2), C266);
	put64(FW_BUF_PDTE + 8, (0x80030ull << 10) | 1 | BIT_ULL(9));
	UT_EQ(pdt_locate(&dc, CAPS, src.pid, &src, pc, &iotval2), C267);
	put64(FW_BUF_PDTE + 8, (0x80030ull << 10) | 1 | BIT_ULL(54));
	UT_EQ(pdt_locate(&dc, CAPS, src.pid, &src, pc, &iotval2), C267);
	put64(FW_BUF_PDTE + 8, (0x80030ull << 10) | 1);
	put64(FW_BUF_PC, ENS);
	UT_EQ(pdt_locate(&dc, CAPS, src.pid, &src, pc, &iotval2), C266);
	/* Bus error on a burst: 265. */
	mock.fwif[FWIF_BURST_STATUS / 4] = FWIF_BURST_STATUS_ERR;
	UT_EQ(pdt_locate(&dc, CAPS, src.pid, &src, pc, &iotval2), C265);
	UT_EQ(iotval2, 0);
}

UNIT_TEST(fw_pdt_gstage)
{
	uint64_t iohgatp = SV39X4 | 0x80040; /* root 0x80040000 */
	uint64_t gpa	 = (0x5ull << 30) | (0x12ull << 21) | (0x34ull << 12) | 0x560;
	struct fq_src rd = {.pv = true}, wr = {.pv = true, .write = true};
	struct fq_src ex = {.pv = true, .exec = true};
	uint64_t spa = 0, iotval2 = 0;
	uint32_t lo, ctrl;

	mock_reset();
	put64(FW_BUF_GPTE + 16, (0x80050ull << 10) | 1);
	put64(FW_BUF_GPTE + 8, (0x80060ull << 10) | 1);
	put64(FW_BUF_GPTE + 0, (0x90000ull << 10) | 0x53); /* V R U A */
	UT_EQ(pdt_gstage(iohgatp, gpa, false, &rd, &spa, &iotval2), 0);
	UT_EQ(spa, 0x90000560ull);
	UT_CHECK(burst(0, &lo, &ctrl));
	UT_EQ(lo, 0x80040000u + 5 * 8);
	UT_CHECK(burst(1, &lo, &ctrl));
	UT_EQ(lo, 0x80050000u + 0x12 * 8);
	UT_CHECK(burst(2, &lo, &ctrl));
	UT_EQ(lo, 0x80060000u + 0x34 * 8);
	/* Implicit read: a write request needs no W/D on the G-stage leaf. */
	UT_EQ(pdt_gstage(iohgatp, gpa, false, &wr, &spa, &iotval2), 0);
	/* Bare: identity, no burst. */
	mock_reset();
	UT_EQ(pdt_gstage(0, gpa, false, &rd, &spa, &iotval2), 0);
	UT_EQ(spa, gpa);
	UT_EQ(nbursts(), 0);
	/* 2 MiB superpage at level 1. */
	put64(FW_BUF_GPTE + 16, (0x80050ull << 10) | 1);
	put64(FW_BUF_GPTE + 8, (0x90200ull << 10) | 0x53);
	UT_EQ(pdt_gstage(iohgatp, gpa, false, &rd, &spa, &iotval2), 0);
	UT_EQ(spa, 0x90200000ull | (0x34ull << 12) | 0x560);
	/* Misaligned superpage, no U, no A, V=0, W without R: guest-page fault by type. */
	put64(FW_BUF_GPTE + 8, (0x90201ull << 10) | 0x53);
	UT_EQ(pdt_gstage(iohgatp, gpa, false, &rd, &spa, &iotval2),
	      RISCV_IOMMU_FQ_CAUSE_RD_GUEST_PAGE_FAULT);
	UT_EQ(iotval2, gpa | 1);
	put64(FW_BUF_GPTE + 8, (0x90200ull << 10) | 0x43);
	UT_EQ(pdt_gstage(iohgatp, gpa, false, &wr, &spa, &iotval2),
	      RISCV_IOMMU_FQ_CAUSE_WR_GUEST_PAGE_FAULT);
	put64(FW_BUF_GPTE + 8, (0x90200ull << 10) | 0x13);
	UT_EQ(pdt_gstage(iohgatp, gpa, false, &ex, &spa, &iotval2),
	      RISCV_IOMMU_FQ_CAUSE_INST_GUEST_PAGE_FAULT);
	put64(FW_BUF_GPTE + 8, (0x90200ull << 10) | 0x55);
	UT_EQ(pdt_gstage(iohgatp, gpa, false, &rd, &spa, &iotval2),
	      RISCV_IOMMU_FQ_CAUSE_RD_GUEST_PAGE_FAULT);
	/* GPA wider than 41 bits for Sv39x4. */
	UT_EQ(pdt_gstage(iohgatp, 1ull << 41, false, &rd, &spa, &iotval2),
	      RISCV_IOMMU_FQ_CAUSE_RD_GUEST_PAGE_FAULT);
	UT_EQ(iotval2, (1ull << 41) | 1);
	/* Bus error on a G-stage PTE: 265. */
	mock.fwif[FWIF_BURST_STATUS / 4] = FWIF_BURST_STATUS_ERR;
	UT_EQ(pdt_gstage(iohgatp, gpa, false, &rd, &spa, &iotval2), C265);
}
