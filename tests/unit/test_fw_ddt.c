// SPDX-License-Identifier: Apache-2.0
/* Firmware DDT walk and device-context checks (firmware/ddt.c) on the mock MMIO. */
#include "ddt.h"
#include "hal/fwif.h"
#include "hal/mmio_mock.h"
#include "unit.h"

/* clang-format off */
#define CAPS     RISCV_IOMMU_CAPABILITIES_RESET
#define V        RISCV_IOMMU_DC_TC_V
#define C259     RISCV_IOMMU_FQ_CAUSE_DDT_MISCONFIGURED
#define SV39     ((uint64_t)RISCV_IOMMU_IOSATP_MODE_SV39 << 60)
#define SV48X4   ((uint64_t)RISCV_IOMMU_IOHGATP_MODE_SV48X4 << 60)
#define SV39X4   ((uint64_t)RISCV_IOMMU_IOHGATP_MODE_SV39X4 << 60)
#define FLAT     ((uint64_t)RISCV_IOMMU_MSIPTP_MODE_FLAT << 60)
#define PD8      ((1ull << 60) | 0x80200) /* pdtp PD8 */
#define C258     RISCV_IOMMU_FQ_CAUSE_DDT_INVALID
#define C266     RISCV_IOMMU_FQ_CAUSE_PDT_INVALID
/* clang-format on */

static unsigned check(struct riscv_iommu_dc dc)
{
	return ddt_dc_check(&dc, CAPS, 0, true);
}

UNIT_TEST(fw_ddt_dc_good)
{
	struct riscv_iommu_dc a = {.tc = V};
	struct riscv_iommu_dc b = {.tc = V, .fsc = SV39 | 0x1234, .ta = 5 << 12};
	struct riscv_iommu_dc c = {.tc		     = V | RISCV_IOMMU_DC_TC_DTF | (0xFFull << 24),
				   .iohgatp	     = SV48X4 | (7ull << 44) | 0x80004,
				   .msiptp	     = FLAT | 0x999,
				   .msi_addr_mask    = 0x3F,
				   .msi_addr_pattern = GENMASK_ULL(37, 0)};
	struct riscv_iommu_dc d = {.tc	= V | RISCV_IOMMU_DC_TC_PDTV | RISCV_IOMMU_DC_TC_DPE,
				   .fsc = 3ull << 60};

	UT_EQ(check(a), 0);
	UT_EQ(check(b), 0);
	UT_EQ(check(c), 0);
	UT_EQ(check(d), 0);
}

UNIT_TEST(fw_ddt_dc_invalid)
{
	UT_EQ(check((struct riscv_iommu_dc){.tc = 0}), RISCV_IOMMU_FQ_CAUSE_DDT_INVALID);
	/* V=0 wins over any misconfiguration. */
	UT_EQ(check((struct riscv_iommu_dc){.tc = BIT_ULL(40)}), RISCV_IOMMU_FQ_CAUSE_DDT_INVALID);
}

/*
 * The cause-259 list (spec "Device-context configuration checks") for our capabilities, one
 * setting at a time.
 */
UNIT_TEST(fw_ddt_dc_misconfigured)
{
	static const struct riscv_iommu_dc bad[] = {
		{.tc = V | BIT_ULL(12)},				/* tc reserved */
		{.tc = V | BIT_ULL(32)},				/* tc reserved high */
		{.tc = V | RISCV_IOMMU_DC_TC_EN_ATS},			/* no ATS */
		{.tc = V | RISCV_IOMMU_DC_TC_EN_PRI},			/* no ATS / EN_ATS */
		{.tc = V | RISCV_IOMMU_DC_TC_PRPR},			/* no EN_PRI */
		{.tc = V | RISCV_IOMMU_DC_TC_T2GPA, .iohgatp = SV39X4}, /* no T2GPA */
		{.tc = V | RISCV_IOMMU_DC_TC_GADE},			/* no AMO_HWAD */
		{.tc = V | RISCV_IOMMU_DC_TC_SADE},			/* no AMO_HWAD */
		{.tc = V | RISCV_IOMMU_DC_TC_SBE},			/* SBE != fctl.BE */
		{.tc = V | RISCV_IOMMU_DC_TC_SXL},			/* no Sv32 */
		{.tc = V | RISCV_IOMMU_DC_TC_DPE},			/* DPE needs PDTV */
		{.tc = V, .ta = 1},					/* ta reserved */
		{.tc = V, .ta = BIT_ULL(40)},				/* RCID without QOSID */
		{.tc = V, .ta = BIT_ULL(60)},				/* MCID without QOSID */
		{.tc = V, .fsc = 10ull << 60},				/* Sv57 unsupported */
		{.tc = V, .fsc = 1ull << 60},				/* reserved iosatp mode */
		{.tc = V, .fsc = BIT_ULL(44)},				/* fsc reserved */
		{.tc = V | RISCV_IOMMU_DC_TC_PDTV, .fsc = 4ull << 60},	/* reserved pdtp mode */
		{.tc = V, .iohgatp = 10ull << 60},			/* Sv57x4 unsupported */
		{.tc = V, .iohgatp = 1ull << 60},			/* reserved iohgatp mode */
		{.tc = V, .iohgatp = SV39X4 | 0x80001},		    /* root not 16 KiB aligned */
		{.tc = V, .iohgatp = SV48X4 | 0x80002},		    /* root not 16 KiB aligned */
		{.tc = V, .msiptp = FLAT},			    /* Flat with iohgatp Bare */
		{.tc = V, .iohgatp = SV39X4, .msiptp = 2ull << 60}, /* reserved msiptp mode */
		{.tc = V, .msiptp = BIT_ULL(50)},		    /* msiptp reserved */
		{.tc = V, .msi_addr_mask = BIT_ULL(38)},	    /* above MGPAW-12 */
		{.tc = V, .msi_addr_pattern = BIT_ULL(63)},	    /* above MGPAW-12 */
		{.tc = V, .reserved = 1},			    /* reserved doubleword */
	};
	struct riscv_iommu_dc dc;

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (check(bad[i]) != C259)
			printf("    case %u\n", i);
		UT_EQ(check(bad[i]), C259);
	}
	/* GXL=1 needs SXL=1 (and we have no Sv32x4 either). */
	dc = (struct riscv_iommu_dc){.tc = V};
	UT_EQ(ddt_dc_check(&dc, CAPS, RISCV_IOMMU_FCTL_GXL, true), C259);
	/* Base format: the MSI words are not judged. */
	dc.reserved = 1;
	UT_EQ(ddt_dc_check(&dc, CAPS, 0, false), 0);
	/* PD8 missing from the capabilities. */
	dc = (struct riscv_iommu_dc){.tc = V | RISCV_IOMMU_DC_TC_PDTV, .fsc = 1ull << 60};
	UT_EQ(ddt_dc_check(&dc, CAPS & ~RISCV_IOMMU_CAPABILITIES_PD8, 0, true), C259);
}

static void buf_put64(uint32_t off, uint64_t v)
{
	mock.fwif[(FWIF_BUF + off) / 4]	    = (uint32_t)v;
	mock.fwif[(FWIF_BUF + off) / 4 + 1] = (uint32_t)(v >> 32);
}

/* Burst addresses logged for BURST_CTRL writes: the ADDR_LO written just before. */
static unsigned bursts(uint32_t lo[4], uint32_t ctrl[4])
{
	unsigned n = 0;

	for (unsigned i = 0; i < mock.nlog && n < 4; i++)
		if (mock.log[i].addr == FWIF_BASE + FWIF_BURST_CTRL) {
			lo[n]	= mock.fwif[FWIF_BURST_ADDR_LO / 4];
			ctrl[n] = mock.log[i].val;
			for (unsigned j = i; j-- > 0;)
				if (mock.log[j].addr == FWIF_BASE + FWIF_BURST_ADDR_LO) {
					lo[n] = mock.log[j].val;
					break;
				}
			n++;
		}
	return n;
}

UNIT_TEST(fw_ddt_walk_3lvl)
{
	struct riscv_iommu_dc dc;
	uint32_t did  = (3u << 15) | (5u << 6) | 7u, lo[4], ctrl[4];
	uint64_t ddtp = RISCV_IOMMU_DDTP_IOMMU_MODE_3LVL | (0x80010ull << 10);

	mock_reset();
	/* The mock's burst engine leaves the buffer alone: pre-fill each level's slot. */
	buf_put64(FW_BUF_DDTE + 16, (0x80020ull << 10) | 1);
	buf_put64(FW_BUF_DDTE + 8, (0x80030ull << 10) | 1);
	buf_put64(FW_BUF_DC, V);
	buf_put64(FW_BUF_DC + 24, SV39 | 0x777);
	UT_EQ(ddt_locate(did, ddtp, CAPS, 0, &dc), 0);
	UT_EQ(dc.fsc, SV39 | 0x777);
	UT_EQ(bursts(lo, ctrl), 3);
	UT_EQ(lo[0], 0x80010000u + 3 * 8);
	UT_EQ(lo[1], 0x80020000u + 5 * 8);
	UT_EQ(lo[2], 0x80030000u + 7 * 64);
	/* One beat per DDTE, eight for the DC: never word by word. */
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BEATS, ctrl[0]), 1);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BEATS, ctrl[2]), 8);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BUF_OFF, ctrl[2]), FW_BUF_DC);
}

UNIT_TEST(fw_ddt_walk_faults)
{
	struct riscv_iommu_dc dc;
	uint64_t l1 = RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL | (0x80010ull << 10);
	uint64_t l2 = RISCV_IOMMU_DDTP_IOMMU_MODE_2LVL | (0x80010ull << 10);

	mock_reset();
	buf_put64(FW_BUF_DC, V);
	UT_EQ(ddt_locate(63, l1, CAPS, 0, &dc), 0);
	UT_EQ(ddt_locate(64, l1, CAPS, 0, &dc), RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED);
	UT_EQ(ddt_locate(1u << 15, l2, CAPS, 0, &dc), RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED);
	/* Base format (no MSI_FLAT): 7 bits in 1LVL. */
	UT_EQ(ddt_locate(127, l1, CAPS & ~RISCV_IOMMU_CAPABILITIES_MSI_FLAT, 0, &dc), 0);
	UT_EQ(ddt_locate(128, l1, CAPS & ~RISCV_IOMMU_CAPABILITIES_MSI_FLAT, 0, &dc),
	      RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED);
	/* Non-leaf: V=0, reserved bit. */
	buf_put64(FW_BUF_DDTE + 8, 0);
	UT_EQ(ddt_locate(64, l2, CAPS, 0, &dc), RISCV_IOMMU_FQ_CAUSE_DDT_INVALID);
	buf_put64(FW_BUF_DDTE + 8, 3);
	UT_EQ(ddt_locate(64, l2, CAPS, 0, &dc), C259);
	buf_put64(FW_BUF_DDTE + 8, 1 | BIT_ULL(60));
	UT_EQ(ddt_locate(64, l2, CAPS, 0, &dc), C259);
	/* Bus error on the burst. */
	mock.fwif[FWIF_BURST_STATUS / 4] = FWIF_BURST_STATUS_ERR;
	UT_EQ(ddt_locate(0, l1, CAPS, 0, &dc), RISCV_IOMMU_FQ_CAUSE_DDT_LOAD_FAULT);
}

UNIT_TEST(fw_ddt_ctx_build)
{
	struct riscv_iommu_dc dc = {
		.tc		  = V | RISCV_IOMMU_DC_TC_DTF,
		.iohgatp	  = SV48X4 | (0xBEEFull << 44) | 0x123456789ABull,
		.ta		  = 0xABCDEull << 12,
		.fsc		  = SV39 | 0xFEDCBA98765ull,
		.msiptp		  = FLAT | 0x11122233344ull,
		.msi_addr_mask	  = 0xFFFFF12345678ull,
		.msi_addr_pattern = 0x0000087654321ull,
	};
	uint32_t w[16];

	ddt_ctx_build(&dc, 0xC0FFEE, w);
	UT_EQ(w[0], 0xC0FFEE);
	UT_EQ(w[1], FWIF_CTX_W1_DTF);
	UT_EQ(w[2], 0xABCDEu | (8u << 28));
	UT_EQ(w[3], 0xCBA98765u);
	UT_EQ(w[4], 0xFEDu);
	UT_EQ(w[5], 0xBEEFu | (9u << 28));
	UT_EQ(w[6], 0x456789ABu);
	UT_EQ(w[7], 0x123u);
	UT_EQ(w[8], 1u << 28);
	UT_EQ(w[9], 0x22233344u);
	UT_EQ(w[10], 0x111u);
	UT_EQ(w[11], 0x12345678u);
	UT_EQ(w[12], 0xFFFFFu);
	UT_EQ(w[13], 0x87654321u);
	UT_EQ(w[14], 0);
}

/* A miss that faults: MISS_CMD fail with the cause, then the record in the FQ. */
UNIT_TEST(fw_ddt_miss_fault_record)
{
	struct fw_event ev = {.type = FWIF_EVT_CTX_MISS};
	int fail;

	mock_reset();
	mock_page_set64(RISCV_IOMMU_REG_CAPABILITIES, CAPS);
	mock_page_set64(RISCV_IOMMU_REG_DDTP,
			RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL | (0x80010ull << 10));
	mock_page_set64(RISCV_IOMMU_REG_FQB, (0x90000ull << 10) | 3);
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_FQCSR_FQON | RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FIE);
	ev.w[0] = 100; /* too wide for 1LVL */
	ev.w[1] = 0x12345 | FWIF_EVT_CTX_MISS_W1_PV | FWIF_EVT_CTX_MISS_W1_PRIV |
		  FWIF_EVT_CTX_MISS_W1_WRITE;
	ev.w[2] = 0x89ABC000;
	ev.w[3] = 0x7;
	ddt_handle_miss(&ev);
	fail = mock_find_write(FWIF_BASE + FWIF_MISS_CMD, 0);
	UT_CHECK(fail >= 0);
	UT_EQ(mock.log[fail].val, FWIF_MISS_CMD_FAIL | (260u << 16));
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQT / 4], 1);
	UT_EQ(mock.page[RISCV_IOMMU_REG_IPSR / 4], RISCV_IOMMU_IPSR_FIP);
	UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_FQ) / 4], 260u | (0x12345u << 12));
	UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_FQ) / 4 + 1], 1u | 2u | (3u << 2) | (100u << 8));
	UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_FQ) / 4 + 4], 0x89ABC000u);
	UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_FQ) / 4 + 5], 7);
	/* Burst store of 4 beats at fqb + fqt*32. */
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x90000000u);
	UT_EQ(mock.fwif[FWIF_BURST_CTRL / 4] & 0xFFFF, FWIF_BURST_CTRL_STORE | (4u << 8));
}

UNIT_TEST(fw_ddt_miss_success_loads)
{
	struct fw_event ev = {.type = FWIF_EVT_CTX_MISS};
	int load, retry;

	mock_reset();
	mock_page_set64(RISCV_IOMMU_REG_CAPABILITIES, CAPS);
	mock_page_set64(RISCV_IOMMU_REG_DDTP,
			RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL | (0x80010ull << 10));
	buf_put64(FW_BUF_DC, V);
	buf_put64(FW_BUF_DC + 16, 9ull << 12);
	buf_put64(FW_BUF_DC + 24, SV39 | 0x80100);
	ev.w[0] = 5;
	ddt_handle_miss(&ev);
	load  = mock_find_write(FWIF_BASE + FWIF_CTX_CMD, 0);
	retry = mock_find_write(FWIF_BASE + FWIF_MISS_CMD, 0);
	UT_CHECK(load >= 0 && retry > load);
	UT_EQ(mock.log[load].val, FWIF_CTX_CMD_LOAD);
	UT_EQ(mock.log[retry].val, FWIF_MISS_CMD_RETRY);
	UT_EQ(mock.fwif[FWIF_CTX_W0 / 4], 5);
	UT_EQ(mock.fwif[FWIF_CTX_W2 / 4], 9u | (8u << 28));
	UT_EQ(mock.fwif[FWIF_CTX_W3 / 4], 0x80100u);
}

/* A context miss of device 6 (DC tc, fsc) for event W1; returns the MISS_CMD value written. */
static uint32_t ctx_miss(uint64_t tc, uint64_t fsc, uint32_t w1)
{
	struct fw_event ev = {.type = FWIF_EVT_CTX_MISS};
	int cmd;

	mock_reset();
	mock_page_set64(RISCV_IOMMU_REG_CAPABILITIES, CAPS);
	mock_page_set64(RISCV_IOMMU_REG_DDTP,
			RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL | (0x80010ull << 10));
	mock_page_set64(RISCV_IOMMU_REG_FQB, (0x90000ull << 10) | 3);
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_FQCSR_FQON | RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FIE);
	buf_put64(FW_BUF_DC, tc);
	buf_put64(FW_BUF_DC + 24, fsc);
	ev.w[0] = 6;
	ev.w[1] = w1;
	ev.w[2] = 0x40000ff8u;
	ddt_handle_miss(&ev);
	cmd = mock_find_write(FWIF_BASE + FWIF_MISS_CMD, 0);
	UT_CHECK(cmd >= 0);
	return cmd >= 0 ? mock.log[cmd].val : 0;
}

/*
 * Spec "Process to translate an IOVA": DDT faults (step 3), then 260 for an unsupported
 * transaction (step 4, the datapath's UNSUP flag), then the PDT walk (step 6).
 */
UNIT_TEST(fw_ddt_miss_unsup_order)
{
	uint32_t w1    = 0xf9 | FWIF_EVT_CTX_MISS_W1_PV, lo[4], ctrl[4];
	uint32_t unsup = w1 | FWIF_EVT_CTX_MISS_W1_UNSUP;
	uint32_t f260  = FWIF_MISS_CMD_FAIL | (260u << 16);
	uint64_t pdtv  = V | RISCV_IOMMU_DC_TC_PDTV;

	/* Unsupported: 260 after the DC load, no PC read (the PC slot would hold V=0: 266). */
	UT_EQ(ctx_miss(pdtv, PD8, unsup), f260);
	UT_EQ(bursts(lo, ctrl), 2); /* the DC, then the record's store */
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BEATS, ctrl[0]), 8);
	UT_CHECK(ctrl[1] & FWIF_BURST_CTRL_STORE);
	UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_FQ) / 4], 260u | (0xf9u << 12));
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQT / 4], 1);
	/* The same request when supported: the PDT walk finds PC V=0. */
	UT_EQ(ctx_miss(pdtv, PD8, w1), FWIF_MISS_CMD_FAIL | (C266 << 16));
	/* DTF=1: 260 is a translation fault, no record. */
	UT_EQ(ctx_miss(pdtv | RISCV_IOMMU_DC_TC_DTF, PD8, unsup), f260);
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQT / 4], 0);
	/* A DDT fault comes first: DC V=0 gives 258 even for an unsupported request. */
	UT_EQ(ctx_miss(0, PD8, unsup), FWIF_MISS_CMD_FAIL | (C258 << 16));
	/* Without PDTV the context is loaded: the datapath itself answers 260. */
	UT_EQ(ctx_miss(V, SV39 | 0x80100, unsup), FWIF_MISS_CMD_RETRY);
}
