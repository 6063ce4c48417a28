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

/*
 * The device-context checks are the RTL's (iommu_dc_check, block test tests/rtl/tb_dc_check.cpp):
 * the mock's BURST_STATUS plays their verdict.
 */
#define ST_PDTV FWIF_BURST_STATUS_DC_PDTV

/* The DC as the RTL leaves it in CTX_W0..15 after a BURST_CTRL.CTX load. */
static void ctx_put64(unsigned dw, uint64_t v)
{
	mock.fwif[FWIF_CTX_W0 / 4 + 2 * dw]	= (uint32_t)v;
	mock.fwif[FWIF_CTX_W0 / 4 + 2 * dw + 1] = (uint32_t)(v >> 32);
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
	uint32_t did = (3u << 15) | (5u << 6) | 7u, lo[4], ctrl[4], st = 0;
	uint64_t ddtp = RISCV_IOMMU_DDTP_IOMMU_MODE_3LVL | (0x80010ull << 10);

	mock_reset();
	/* The mock's burst engine leaves the buffer alone: pre-fill each level's slot. */
	buf_put64(FW_BUF_DDTE + 16, (0x80020ull << 10) | 1);
	buf_put64(FW_BUF_DDTE + 8, (0x80030ull << 10) | 1);
	mock.fwif[FWIF_BURST_STATUS / 4] = ST_PDTV;
	UT_EQ(ddt_locate(did, ddtp, CAPS, &st), 0);
	UT_EQ(st, ST_PDTV);
	UT_EQ(bursts(lo, ctrl), 3);
	UT_EQ(lo[0], 0x80010000u + 3 * 8);
	UT_EQ(lo[1], 0x80020000u + 5 * 8);
	UT_EQ(lo[2], 0x80030000u + 7 * 64);
	/* One beat per DDTE, eight for the DC: never word by word. */
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BEATS, ctrl[0]), 1);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BEATS, ctrl[2]), 8);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BUF_OFF, ctrl[2]), FW_BUF_DC);
	/* Only the DC's load goes to CTX_W (and is judged there). */
	UT_EQ(ctrl[0] & FWIF_BURST_CTRL_CTX, 0);
	UT_EQ(ctrl[1] & FWIF_BURST_CTRL_CTX, 0);
	UT_EQ(ctrl[2] & FWIF_BURST_CTRL_CTX, FWIF_BURST_CTRL_CTX);
	UT_EQ(ctrl[2] & FWIF_BURST_CTRL_STORE, 0);
}

UNIT_TEST(fw_ddt_walk_faults)
{
	uint32_t st;
	uint64_t l1 = RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL | (0x80010ull << 10);
	uint64_t l2 = RISCV_IOMMU_DDTP_IOMMU_MODE_2LVL | (0x80010ull << 10);

	mock_reset();
	UT_EQ(ddt_locate(63, l1, CAPS, &st), 0);
	UT_EQ(ddt_locate(64, l1, CAPS, &st), RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED);
	UT_EQ(ddt_locate(1u << 15, l2, CAPS, &st), RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED);
	/* Base format (no MSI_FLAT): 7 bits in 1LVL. */
	UT_EQ(ddt_locate(127, l1, CAPS & ~RISCV_IOMMU_CAPABILITIES_MSI_FLAT, &st), 0);
	UT_EQ(ddt_locate(128, l1, CAPS & ~RISCV_IOMMU_CAPABILITIES_MSI_FLAT, &st),
	      RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED);
	/* Non-leaf: V=0, reserved bit. */
	buf_put64(FW_BUF_DDTE + 8, 0);
	UT_EQ(ddt_locate(64, l2, CAPS, &st), RISCV_IOMMU_FQ_CAUSE_DDT_INVALID);
	buf_put64(FW_BUF_DDTE + 8, 3);
	UT_EQ(ddt_locate(64, l2, CAPS, &st), C259);
	buf_put64(FW_BUF_DDTE + 8, 1 | BIT_ULL(60));
	UT_EQ(ddt_locate(64, l2, CAPS, &st), C259);
	/* The RTL's verdict on the DC. */
	mock.fwif[FWIF_BURST_STATUS / 4] = FWIF_BURST_STATUS_DC_INVALID;
	UT_EQ(ddt_locate(0, l1, CAPS, &st), RISCV_IOMMU_FQ_CAUSE_DDT_INVALID);
	mock.fwif[FWIF_BURST_STATUS / 4] = FWIF_BURST_STATUS_DC_BAD;
	UT_EQ(ddt_locate(0, l1, CAPS, &st), C259);
	/* Bus error on the burst (the verdict on stale words does not count). */
	mock.fwif[FWIF_BURST_STATUS / 4] = FWIF_BURST_STATUS_ERR | FWIF_BURST_STATUS_DC_INVALID;
	UT_EQ(ddt_locate(0, l1, CAPS, &st), RISCV_IOMMU_FQ_CAUSE_DDT_LOAD_FAULT);
	/* The base format's DC is 4 beats. */
	mock.fwif[FWIF_BURST_STATUS / 4] = 0;
	UT_EQ(ddt_locate(5, l1, CAPS & ~RISCV_IOMMU_CAPABILITIES_MSI_FLAT, &st), 0);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BEATS, mock.fwif[FWIF_BURST_CTRL / 4]), 4);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x80010000u + 5 * 32);
}

/* A miss that faults: MISS_CMD fail with the cause, then the record in the FQ. */
UNIT_TEST(fw_ddt_miss_fault_record)
{
	int fail;

	mock_reset();
	mock_page_set64(RISCV_IOMMU_REG_CAPABILITIES, CAPS);
	mock_page_set64(RISCV_IOMMU_REG_DDTP,
			RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL | (0x80010ull << 10));
	mock_page_set64(RISCV_IOMMU_REG_FQB, (0x90000ull << 10) | 3);
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_FQCSR_FQON | RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FIE);
	/* W0 comes as the argument; the handler reads W1..W3 from the (head) event. */
	mock.fwif[FWIF_EVT_DATA1 / 4] = 0x12345 | FWIF_EVT_CTX_MISS_W1_PV |
					FWIF_EVT_CTX_MISS_W1_PRIV | FWIF_EVT_CTX_MISS_W1_WRITE;
	mock.fwif[FWIF_EVT_DATA2 / 4] = 0x89ABC000;
	mock.fwif[FWIF_EVT_DATA3 / 4] = 0x7;
	ddt_handle_miss(100); /* too wide for 1LVL */
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
	int did, ctrl;

	mock_reset();
	mock_page_set64(RISCV_IOMMU_REG_CAPABILITIES, CAPS);
	mock_page_set64(RISCV_IOMMU_REG_DDTP,
			RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL | (0x80010ull << 10));
	ctx_put64(0, V);
	ctx_put64(3, SV39 | 0x80100);
	ddt_handle_miss(5);
	did  = mock_find_write(FWIF_BASE + FWIF_CTX_CMD, 0);
	ctrl = mock_find_write(FWIF_BASE + FWIF_BURST_CTRL, 0);
	/*
	 * The device (CTX_CMD op 0), then the DC load with CTX_LOAD: the RTL loads the context and
	 * retries the miss. The firmware writes nothing after the load, and reads no event word
	 * beyond W0.
	 */
	UT_CHECK(did >= 0 && ctrl > did);
	UT_EQ(mock.log[did].val, 5u << FWIF_CTX_CMD_DID_SHIFT);
	UT_EQ(mock.log[ctrl].val & (FWIF_BURST_CTRL_CTX | FWIF_BURST_CTRL_CTX_LOAD),
	      FWIF_BURST_CTRL_CTX | FWIF_BURST_CTRL_CTX_LOAD);
	UT_EQ(mock.nlog, (unsigned)ctrl + 1);
}

/* A context miss of device 6 (DC tc, fsc) for event W1; returns the MISS_CMD value written. */
static uint32_t ctx_miss(uint64_t tc, uint64_t fsc, uint32_t w1)
{
	int cmd;

	mock_reset();
	mock_page_set64(RISCV_IOMMU_REG_CAPABILITIES, CAPS);
	mock_page_set64(RISCV_IOMMU_REG_DDTP,
			RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL | (0x80010ull << 10));
	mock_page_set64(RISCV_IOMMU_REG_FQB, (0x90000ull << 10) | 3);
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_FQCSR_FQON | RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FIE);
	ctx_put64(0, tc);
	ctx_put64(3, fsc);
	mock.fwif[FWIF_BURST_STATUS / 4] =
		(!(tc & V) ? FWIF_BURST_STATUS_DC_INVALID : 0) |
		((tc & RISCV_IOMMU_DC_TC_PDTV) ? FWIF_BURST_STATUS_DC_PDTV : 0) |
		((tc & RISCV_IOMMU_DC_TC_DTF) ? FWIF_BURST_STATUS_DC_DTF : 0);
	mock.fwif[FWIF_EVT_DATA1 / 4] = w1;
	mock.fwif[FWIF_EVT_DATA2 / 4] = 0x40000ff8u;
	ddt_handle_miss(6);
	cmd = mock_find_write(FWIF_BASE + FWIF_MISS_CMD, 0);
	/* No MISS_CMD: the RTL loaded and retried (BURST_CTRL.CTX_LOAD). */
	return cmd >= 0 ? mock.log[cmd].val : FWIF_MISS_CMD_RETRY;
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
	/* Without PDTV the context is loaded (by the RTL): the datapath itself answers 260. */
	UT_EQ(ctx_miss(V, SV39 | 0x80100, unsup), FWIF_MISS_CMD_RETRY);
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_MISS_CMD, 0), -1);
}
