// SPDX-License-Identifier: Apache-2.0
/* Firmware MSI-PTE walk (firmware/msi.c) on the mock MMIO. */
#include "hal/fwif.h"
#include "hal/mmio_mock.h"
#include "msi.h"
#include "unit.h"

/*
 * firmware/msi.c is not in FW_UNIT_SRCS (firmware/fw.mk belongs to the firmware owner): it is
 * compiled into this test only, until fw.mk lists it (then drop this include).
 */
#include "../../firmware/msi.c"

/* clang-format off */
#define PTE_V      RISCV_IOMMU_MSIPTE_DW0_V
#define PTE_BASIC  ((uint64_t)RISCV_IOMMU_MSIPTE_M_BASIC << 1)
#define PTE_MRIF   ((uint64_t)RISCV_IOMMU_MSIPTE_M_MRIF << 1)
#define C262       RISCV_IOMMU_FQ_CAUSE_MSI_INVALID
#define C263       RISCV_IOMMU_FQ_CAUSE_MSI_MISCONFIGURED
/* clang-format on */

static void buf_put64(uint32_t off, uint64_t v)
{
	mock.fwif[(FWIF_BUF + off) / 4]	    = (uint32_t)v;
	mock.fwif[(FWIF_BUF + off) / 4 + 1] = (uint32_t)(v >> 32);
}

/* The last value written to fwif register @off, or ~0 when none. */
static uint32_t last_write(uint32_t off)
{
	uint32_t v = ~0u;

	for (unsigned i = 0; i < mock.nlog; i++)
		if (mock.log[i].addr == FWIF_BASE + off)
			v = mock.log[i].val;
	return v;
}

/*
 * The firmware re-reads the device context for msi_addr_mask: a 1LVL directory whose DC
 * (device 0x22, preloaded in the burst buffer's DC slot) uses G-stage Sv39x4, msiptp Flat and
 * @mask.
 */
static void ctx_put64(unsigned dw, uint64_t v)
{
	mock.fwif[FWIF_CTX_W0 / 4 + 2 * dw]	= (uint32_t)v;
	mock.fwif[FWIF_CTX_W0 / 4 + 2 * dw + 1] = (uint32_t)(v >> 32);
}

static void msi_dc_setup(uint64_t mask)
{
	mock_page_set64(RISCV_IOMMU_REG_CAPABILITIES, RISCV_IOMMU_CAPABILITIES_RESET);
	mock_page_set64(RISCV_IOMMU_REG_DDTP,
			RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL | (0x80010ull << 10));
	/* The DC as the RTL leaves it in CTX_W0..15 after the BURST_CTRL.CTX load. */
	ctx_put64(0, RISCV_IOMMU_DC_TC_V);
	ctx_put64(1, (8ull << 60) | (5ull << 44) | 0x80100); /* Sv39x4, 16 KiB root */
	ctx_put64(4, (1ull << 60) | 0x80001);		     /* msiptp Flat */
	ctx_put64(5, mask);
	ctx_put64(6, 0x2800000ull & ~mask);
	mock.fwif[FWIF_BURST_STATUS / 4] = FWIF_BURST_STATUS_DC_MSI;
}

static struct fw_event msi_event(uint64_t gpa, uint64_t base, bool dtf, bool exec)
{
	struct fw_event ev = {.type = FWIF_EVT_MSI_MISS};

	ev.w[0] = 0x22; /* fits a 1LVL directory of 64-byte contexts */
	ev.w[1] = (exec ? FWIF_EVT_CTX_MISS_W1_EXEC : FWIF_EVT_CTX_MISS_W1_WRITE) |
		  (dtf ? FWIF_EVT_MSI_MISS_W1_DTF : 0);
	ev.w[2] = (uint32_t)gpa;
	ev.w[3] = (uint32_t)(gpa >> 32);
	ev.w[4] = 0x77 | (uint32_t)((gpa >> 44) << 16); /* GSCID, GPA page [47:32] */
	ev.w[5] = (uint32_t)base;			/* MSI page-table base (msiptp.PPN << 12) */
	ev.w[6] = (uint32_t)(base >> 32);
	ev.w[7] = (uint32_t)(gpa >> 12); /* GPA page [31:0] (first stage Bare: = IOVA page) */
	return ev;
}

UNIT_TEST(fw_msi_pte_check)
{
	uint64_t ppn = 0;

	UT_EQ(msi_pte_check(PTE_V | PTE_BASIC | (0x12345ull << 10), &ppn), 0);
	UT_EQ(ppn, 0x12345);
	UT_EQ(msi_pte_check(PTE_BASIC | (0x12345ull << 10), &ppn), C262);
	UT_EQ(msi_pte_check(0, &ppn), C262);
	UT_EQ(msi_pte_check(PTE_V, &ppn), C263);			   /* M=0 */
	UT_EQ(msi_pte_check(PTE_V | (2ull << 1), &ppn), C263);		   /* M=2 */
	UT_EQ(msi_pte_check(PTE_V | PTE_BASIC | BIT_ULL(63), &ppn), C263); /* C=1 */
	UT_EQ(msi_pte_check(PTE_V | PTE_BASIC | BIT_ULL(3), &ppn), C263);  /* reserved */
	UT_EQ(msi_pte_check(PTE_V | PTE_BASIC | BIT_ULL(54), &ppn), C263); /* reserved */
	UT_EQ(msi_pte_check(PTE_V | PTE_MRIF | (0x2468ull << 7), &ppn), MSI_PTE_MRIF);
	UT_EQ(ppn, 0x2468);						  /* MRIF address >> 9 */
	UT_EQ(msi_pte_check(PTE_V | PTE_MRIF | BIT_ULL(3), &ppn), C263);  /* reserved */
	UT_EQ(msi_pte_check(PTE_V | PTE_MRIF | BIT_ULL(62), &ppn), C263); /* reserved */
}

/* I = extract(gpn, mask): the selected bits, gathered to the low end, across both halves. */
UNIT_TEST(fw_msi_pte_index)
{
	UT_EQ(msi_pte_addr(0x1000, 0x2800123, 0xff), 0x1000 + 0x23 * 16);
	UT_EQ(msi_pte_addr(0x1000, 0x2800123, 0), 0x1000);
	UT_EQ(msi_pte_addr(0, 0x5, 0x5), 3 * 16); /* bits 0 and 2 -> 0b11 */
	UT_EQ(msi_pte_addr(0, 0x4, 0x5), 2 * 16); /* bit 2 set, bit 0 clear -> 0b10 */
	UT_EQ(msi_pte_addr(0, 1ull << 40, 1ull << 40 | 1), 2 * 16);    /* across the halves */
	UT_EQ(msi_pte_addr(0, ~0ull, ~0ull), ((1ull << 52) - 1) * 16); /* mask is 52 bits */
}

UNIT_TEST(fw_msi_miss_load)
{
	uint64_t gpa = 0x2800123456ull;
	struct fw_event ev;

	mock_reset();
	msi_dc_setup(0xff); /* I = GPA page [7:0] = 0x23: PTE at base + 0x230 */
	buf_put64(FW_BUF_MSIPTE, PTE_V | PTE_BASIC | (0xABCDEF123ull << 10));
	ev = msi_event(gpa, 0x80001000ull, false, false);
	msi_handle_miss(&ev);
	/* one 2-beat load of the 16-aligned PTE into the walk region */
	UT_EQ(last_write(FWIF_BURST_ADDR_LO), 0x80001230u);
	UT_EQ(last_write(FWIF_BURST_CTRL),
	      (2u << FWIF_BURST_CTRL_BEATS_SHIFT) |
		      (FW_BUF_MSIPTE << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
	UT_EQ(last_write(FWIF_MSI_W0), 0x77);
	UT_EQ(last_write(FWIF_MSI_W1), (uint32_t)(gpa >> 12));
	UT_EQ(last_write(FWIF_MSI_W2), (uint32_t)(gpa >> 44));
	UT_EQ(last_write(FWIF_MSI_W3), 0xBCDEF123u);
	UT_EQ(last_write(FWIF_MSI_W4), 0xAu);
	UT_EQ(last_write(FWIF_MSI_CMD), FWIF_MSI_CMD_LOAD);
	UT_EQ(last_write(FWIF_MISS_CMD), FWIF_MISS_CMD_RETRY);
	/* the load precedes the retry */
	UT_CHECK(mock_find_write(FWIF_BASE + FWIF_MSI_CMD, 0) <
		 mock_find_write(FWIF_BASE + FWIF_MISS_CMD, 0));
}

UNIT_TEST(fw_msi_miss_fail)
{
	struct fw_event ev;

	/* V=0: fail with 262; no cache load */
	mock_reset();
	msi_dc_setup(0xff);
	buf_put64(FW_BUF_MSIPTE, PTE_BASIC);
	ev = msi_event(0x1000, 0x2000, false, true);
	msi_handle_miss(&ev);
	UT_EQ(last_write(FWIF_MISS_CMD), FWIF_MISS_CMD_FAIL | (C262 << 16));
	UT_EQ(last_write(FWIF_MSI_CMD), ~0u);

	/*
	 * Bus errors on every load (the mock cannot fail one burst only): the device-context
	 * re-read fails first, 257. (261 on the PTE load alone is checked in the co-simulation.)
	 */
	mock_reset();
	msi_dc_setup(0xff);
	mock.fwif[FWIF_BURST_STATUS / 4] = FWIF_BURST_STATUS_ERR;
	ev				 = msi_event(0x1000, 0x2000, true, false);
	msi_handle_miss(&ev);
	UT_EQ(last_write(FWIF_MISS_CMD),
	      FWIF_MISS_CMD_FAIL | (RISCV_IOMMU_FQ_CAUSE_DDT_LOAD_FAULT << 16));
	UT_EQ(last_write(FWIF_MSI_CMD), ~0u);
}

/* A record goes to the queue unless the context has DTF=1. */
UNIT_TEST(fw_msi_miss_record_dtf)
{
	struct fw_event ev;
	unsigned stores[2];

	for (unsigned dtf = 0; dtf < 2; dtf++) {
		mock_reset();
		mock.page[RISCV_IOMMU_REG_FQCSR / 4] = RISCV_IOMMU_FQCSR_FQON;
		mock_page_set64(RISCV_IOMMU_REG_FQB, 0x80000000ull >> 2);
		msi_dc_setup(0xff);
		buf_put64(FW_BUF_MSIPTE, PTE_V | (2ull << 1));
		ev = msi_event(0x1000, 0x2000, dtf, false);
		msi_handle_miss(&ev);
		UT_EQ(last_write(FWIF_MISS_CMD), FWIF_MISS_CMD_FAIL | (C263 << 16));
		stores[dtf] = 0;
		for (unsigned i = 0; i < mock.nlog; i++)
			stores[dtf] += mock.log[i].addr == FWIF_BASE + FWIF_BURST_CTRL &&
				       (mock.log[i].val & FWIF_BURST_CTRL_STORE);
	}
	UT_EQ(stores[0], 1);
	UT_EQ(stores[1], 0);
}
