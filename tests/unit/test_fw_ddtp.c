// SPDX-License-Identifier: Apache-2.0
/* Firmware ddtp handling (firmware/ddtp.c) on the mock MMIO. */
#include "ddtp.h"
#include "hal/fwif.h"
#include "hal/mmio_mock.h"
#include "unit.h"

/* clang-format off */
#define OFF   RISCV_IOMMU_DDTP_IOMMU_MODE_OFF
#define BARE  RISCV_IOMMU_DDTP_IOMMU_MODE_BARE
#define L1    RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL
#define L2    RISCV_IOMMU_DDTP_IOMMU_MODE_2LVL
#define L3    RISCV_IOMMU_DDTP_IOMMU_MODE_3LVL
#define BUSY  RISCV_IOMMU_DDTP_BUSY
#define PPN(p) ((uint64_t)(p) << RISCV_IOMMU_DDTP_PPN_SHIFT)
/* clang-format on */

UNIT_TEST(fw_ddtp_off_bare_always)
{
	UT_EQ(ddtp_next(OFF, BARE), BARE);
	UT_EQ(ddtp_next(L3 | PPN(0x1234), OFF), OFF);
	UT_EQ(ddtp_next(L2 | PPN(0x1234), BARE), BARE);
	/* A PPN written with Off/Bare reads back 0 (Linux iodir_alloc probe). */
	UT_EQ(ddtp_next(OFF, BARE | PPN(0x5678)), BARE);
	UT_EQ(ddtp_next(BARE | BUSY, OFF | PPN(0x1)), OFF);
}

UNIT_TEST(fw_ddtp_lvl_from_off_or_bare)
{
	UT_EQ(ddtp_next(OFF, L3 | PPN(0x80001)), L3 | PPN(0x80001));
	UT_EQ(ddtp_next(BARE, L2 | PPN(0x80002)), L2 | PPN(0x80002));
	UT_EQ(ddtp_next(OFF | BUSY, L1 | PPN(0xFFFFFFFFFFFull)), L1 | PPN(0xFFFFFFFFFFFull));
}

UNIT_TEST(fw_ddtp_lvl_to_lvl_refused)
{
	UT_EQ(ddtp_next(L3 | PPN(0x10), L2 | PPN(0x20)), L3 | PPN(0x10));
	UT_EQ(ddtp_next(L1 | PPN(0x10), L3 | PPN(0x20)), L1 | PPN(0x10));
	UT_EQ(ddtp_next(L2 | PPN(0x10) | BUSY, L2 | PPN(0x30)), L2 | PPN(0x10));
}

UNIT_TEST(fw_ddtp_reserved_modes_keep_old)
{
	for (uint64_t m = 5; m < 16; m++) {
		UT_EQ(ddtp_next(OFF, m | PPN(0x40)), OFF);
		UT_EQ(ddtp_next(L3 | PPN(0x10), m), L3 | PPN(0x10));
	}
	/* Bits outside mode/PPN (busy, reserved) never come through from the request. */
	UT_EQ(ddtp_next(OFF, L3 | BUSY | 0x3E0 | PPN(1)), L3 | PPN(1));
}

static void run_handle(uint64_t cur, uint64_t req)
{
	mock_reset();
	mock_page_set64(RISCV_IOMMU_REG_DDTP, cur | BUSY);
	mock_page_set64(RISCV_IOMMU_REG_FW_DDTP_REQ, req);
	ddtp_handle();
}

UNIT_TEST(fw_ddtp_handle_enable_3lvl)
{
	int hi, lo, inv;

	run_handle(OFF, L3 | PPN(0x80123));
	UT_EQ(mock_page_get64(RISCV_IOMMU_REG_DDTP), L3 | PPN(0x80123));
	/* The context cache is invalidated, before the final (busy-clearing) low-half write. */
	inv = mock_find_write(FWIF_BASE + FWIF_CTX_CMD, 0);
	hi  = mock_find_write(FWIF_PAGE_RAW + RISCV_IOMMU_REG_DDTP + 4, 0);
	lo  = mock_find_write(FWIF_PAGE_RAW + RISCV_IOMMU_REG_DDTP, 0);
	UT_CHECK(inv >= 0);
	UT_EQ(mock.log[inv].val, FWIF_CTX_CMD_INV_ALL);
	UT_CHECK(hi >= 0 && lo > hi && lo > inv);
}

UNIT_TEST(fw_ddtp_handle_no_change_no_inval)
{
	run_handle(BARE, BARE);
	UT_EQ(mock_page_get64(RISCV_IOMMU_REG_DDTP), BARE);
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_CTX_CMD, 0), -1);
}

UNIT_TEST(fw_ddtp_handle_refused_clears_busy)
{
	run_handle(L3 | PPN(7), L1 | PPN(9));
	UT_EQ(mock_page_get64(RISCV_IOMMU_REG_DDTP), L3 | PPN(7));
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_CTX_CMD, 0), -1);
}

/* Linux probe: W Off/PPN 0, then 3LVL (accepted), then back to Off on remove. */
UNIT_TEST(fw_ddtp_linux_probe_sequence)
{
	run_handle(OFF, OFF);
	UT_EQ(mock_page_get64(RISCV_IOMMU_REG_DDTP), OFF);
	run_handle(OFF, L3 | PPN(0x8765));
	UT_EQ(mock_page_get64(RISCV_IOMMU_REG_DDTP), L3 | PPN(0x8765));
	run_handle(L3 | PPN(0x8765), OFF);
	UT_EQ(mock_page_get64(RISCV_IOMMU_REG_DDTP), OFF);
	UT_EQ(mock.log[mock_find_write(FWIF_BASE + FWIF_CTX_CMD, 0)].val, FWIF_CTX_CMD_INV_ALL);
}
