// SPDX-License-Identifier: Apache-2.0
/* Firmware fault-queue writer (firmware/fq.c) on the mock MMIO. */
#include "fq.h"
#include "hal/fwif.h"
#include "hal/mmio_mock.h"
#include "riscv_iommu_bits.h"
#include "unit.h"

/* clang-format off */
#define ON   ((uint32_t)(RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FQON))
#define FIE  ((uint32_t)RISCV_IOMMU_FQCSR_FIE)
#define OF   ((uint32_t)RISCV_IOMMU_FQCSR_FQOF)
#define MF   ((uint32_t)RISCV_IOMMU_FQCSR_FQMF)
/* clang-format on */

static const uint32_t rec[8] = {1, 2, 3, 4, 5, 6, 7, 8};

static void fq_setup(uint32_t csr, uint32_t head, uint32_t tail)
{
	mock_reset();
	mock_page_set64(RISCV_IOMMU_REG_FQB, (0x82000ull << 10) | 2); /* 8 entries */
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] = csr;
	mock.page[RISCV_IOMMU_REG_FQH / 4]   = head;
	mock.page[RISCV_IOMMU_REG_FQT / 4]   = tail;
}

UNIT_TEST(fw_fq_write_ok)
{
	fq_setup(ON | FIE, 1, 7);
	UT_EQ(fq_write(rec), FQ_OK);
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQT / 4], 0); /* wrapped */
	UT_EQ(mock.page[RISCV_IOMMU_REG_IPSR / 4], RISCV_IOMMU_IPSR_FIP);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x82000000u + 7 * 32);
	UT_EQ(mock.fwif[FWIF_BURST_CTRL / 4],
	      FWIF_BURST_CTRL_STORE | (4u << 8) | (FW_BUF_FQ << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
	for (unsigned i = 0; i < 8; i++)
		UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_FQ) / 4 + i], i + 1);
	/* fie=0: the record is written, fip stays 0. */
	fq_setup(ON, 0, 0);
	UT_EQ(fq_write(rec), FQ_OK);
	UT_EQ(mock.page[RISCV_IOMMU_REG_IPSR / 4], 0);
}

UNIT_TEST(fw_fq_write_evt_in_rtl)
{
	uint32_t ctrl = FWIF_BURST_CTRL_STORE | FWIF_BURST_CTRL_EVT | (4u << 8) |
			(FW_BUF_FQ << FWIF_BURST_CTRL_BUF_OFF_SHIFT);

	/* The FAULT event goes from the FIFO to the slot in the RTL (BURST_CTRL.EVT, which pops):
	 * the firmware neither reads the payload nor pops. */
	fq_setup(ON | FIE, 1, 3);
	UT_EQ(fq_write_evt(), FQ_OK);
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQT / 4], 4);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x82000000u + 3 * 32);
	UT_EQ(mock.fwif[FWIF_BURST_CTRL / 4], ctrl);
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_EVT_POP, 0), -1);
	UT_EQ(mock.page[RISCV_IOMMU_REG_IPSR / 4], RISCV_IOMMU_IPSR_FIP);
	/* Dropped (queue off): the firmware pops it. */
	fq_setup(0, 0, 0);
	UT_EQ(fq_write_evt(), FQ_EOFF);
	UT_CHECK(mock_find_write(FWIF_BASE + FWIF_EVT_POP, 0) >= 0);
}

UNIT_TEST(fw_fq_full_sets_of)
{
	fq_setup(ON | FIE, 3, 2);
	UT_EQ(fq_write(rec), FQ_EFULL);
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQT / 4], 2);
	UT_CHECK(mock.page[RISCV_IOMMU_REG_FQCSR / 4] & OF);
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_BURST_CTRL, 0), -1);
	/* Dropped while fqof, even with room again. */
	mock.page[RISCV_IOMMU_REG_FQH / 4] = 2;
	UT_EQ(fq_write(rec), FQ_EDROP);
}

UNIT_TEST(fw_fq_bus_error_sets_mf)
{
	fq_setup(ON, 0, 0);
	mock.fwif[FWIF_BURST_STATUS / 4] = FWIF_BURST_STATUS_ERR;
	UT_EQ(fq_write(rec), FQ_EIO);
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQT / 4], 0);
	UT_CHECK(mock.page[RISCV_IOMMU_REG_FQCSR / 4] & MF);
	mock.fwif[FWIF_BURST_STATUS / 4] = 0;
	UT_EQ(fq_write(rec), FQ_EDROP);
}

UNIT_TEST(fw_fq_off_and_overflow)
{
	fq_setup(0, 0, 0);
	UT_EQ(fq_write(rec), FQ_EOFF);
	fq_overflow();
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQCSR / 4], 0);
	fq_setup(ON, 0, 0);
	fq_overflow();
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQCSR / 4], ON | OF);
}

/*
 * fq.c keeps fqb/fqt/fqh in RAM; fqcsr is host state and is read per record: a fault event may
 * be handled before the doorbell of the host's fqcsr write is taken.
 */
UNIT_TEST(fw_fq_cache_not_stale)
{
	fq_setup(ON, 0, 2);
	UT_EQ(fq_write(rec), FQ_OK); /* cache loaded: tail 3 */
	/* fqof set, then cleared by the host (no doorbell taken yet): recorded again. */
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] = ON | OF;
	UT_EQ(fq_write(rec), FQ_EDROP);
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] = ON | FIE;
	UT_EQ(fq_write(rec), FQ_OK);
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQT / 4], 4);
	UT_EQ(mock.page[RISCV_IOMMU_REG_IPSR / 4], RISCV_IOMMU_IPSR_FIP); /* fie seen at once */
	/* Disabled: nothing written, whatever the cache holds. */
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] = 0;
	UT_EQ(fq_write(rec), FQ_EOFF);
	/* New ring, re-enabled (the handshake zeroes fqt; main.c flushes after it). */
	mock_page_set64(RISCV_IOMMU_REG_FQB, (0x83000ull << 10) | 1); /* 4 entries */
	mock.page[RISCV_IOMMU_REG_FQH / 4]   = 0;
	mock.page[RISCV_IOMMU_REG_FQT / 4]   = 0;
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] = ON;
	fq_flush();
	UT_EQ(fq_write(rec), FQ_OK);
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQT / 4], 1);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x83000000u);
	/* fqh moved by the host: re-read only when the ring looks full. */
	UT_EQ(fq_write(rec), FQ_OK);
	UT_EQ(fq_write(rec), FQ_OK);
	UT_EQ(fq_write(rec), FQ_EFULL);
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] = ON;
	mock.page[RISCV_IOMMU_REG_FQH / 4]   = 2;
	UT_EQ(fq_write(rec), FQ_OK);
	UT_EQ(mock.page[RISCV_IOMMU_REG_FQT / 4], 0);
}

UNIT_TEST(fw_fq_rec_build)
{
	uint32_t r[8];
	struct fq_src s = {.did = 0xABCDEF, .pid = 0xFFFFF, .pv = true, .priv = true, .exec = true};

	fq_rec_build(r, 258, &s, 0x123456789ull, 0);
	UT_EQ(r[0], 258u | (0xFFFFFu << 12));
	UT_EQ(r[1], 1u | 2u | (1u << 2) | (0xABCDEFu << 8));
	UT_EQ(r[4], 0x23456789u);
	UT_EQ(r[5], 1);
	/* No process_id: no PID, PV or PRIV; read -> TTYP 2. */
	s = (struct fq_src){.did = 3, .pid = 7, .priv = true};
	fq_rec_build(r, 259, &s, 0, 0);
	UT_EQ(r[0], 259);
	UT_EQ(r[1], (2u << 2) | (3u << 8));
	s.write = true;
	fq_rec_build(r, 259, &s, 0, 0);
	UT_EQ(r[1], (3u << 2) | (3u << 8));
	/* TTYP 0 (cause 273): everything but cause and iotval is 0. */
	fq_rec_build(r, 273, NULL, 0x28000000ull, 0);
	UT_EQ(r[0], 273);
	UT_EQ(r[1], 0);
	UT_EQ(r[4], 0x28000000u);
}
