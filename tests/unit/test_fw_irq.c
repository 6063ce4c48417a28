// SPDX-License-Identifier: Apache-2.0
/* Firmware MSI generation (firmware/irq.c) on the mock MMIO (which models SIZE32 stores). */
#include "hal/fwif.h"
#include "hal/mmio_mock.h"
#include "irq.h"
#include "riscv_iommu_bits.h"
#include "unit.h"

static void irq_setup(void)
{
	mock_reset();
	irq_reset();
	/* Linux's n=4 icvec: cip 0, fip 1, pmip 2, pip 3 -> here fip on vector 5. */
	mock_page_set64(RISCV_IOMMU_REG_ICVEC, 0x3250);
	for (unsigned v = 0; v < 16; v++) {
		mock_page_set64(RISCV_IOMMU_REG_MSI_ADDR(v), 0x28000000ull + 0x1000 * v + 4);
		mock.page[RISCV_IOMMU_REG_MSI_DATA(v) / 4] = 0x100 + v;
	}
}

UNIT_TEST(fw_irq_msi_on_rise)
{
	int st;

	irq_setup();
	mock.page[RISCV_IOMMU_REG_FW_IRQ_RISE / 4] = (uint32_t)RISCV_IOMMU_IPSR_FIP;
	irq_poll();
	UT_EQ(mock.page[RISCV_IOMMU_REG_FW_IRQ_RISE / 4], 0);
	UT_EQ(irq_pending(), 0);
	st = mock_find_write(FWIF_BASE + FWIF_BURST_CTRL, 0);
	UT_CHECK(st >= 0);
	UT_CHECK(mock.log[st].val & FWIF_BURST_CTRL_SIZE32);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x28005004u);
	UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_MSI + 4) / 4], 0x105);
}

UNIT_TEST(fw_irq_masked_stays_pending)
{
	irq_setup();
	mock.page[RISCV_IOMMU_REG_MSI_VEC_CTL(0) / 4] = (uint32_t)RISCV_IOMMU_MSI_VEC_CTL_M;
	mock.page[RISCV_IOMMU_REG_FW_IRQ_RISE / 4]    = (uint32_t)RISCV_IOMMU_IPSR_CIP;
	irq_poll();
	UT_EQ(irq_pending(), 1);
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_BURST_CTRL, 0), -1);
	/* Unmask (msi_cfg_tbl doorbell): sent now. */
	mock.page[RISCV_IOMMU_REG_MSI_VEC_CTL(0) / 4] = 0;
	irq_flush();
	UT_EQ(irq_pending(), 0);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x28000004u);
}

UNIT_TEST(fw_irq_wsi_mode_no_msi)
{
	irq_setup();
	mock.page[RISCV_IOMMU_REG_FCTL / 4]	   = (uint32_t)RISCV_IOMMU_FCTL_WSI;
	mock.page[RISCV_IOMMU_REG_FW_IRQ_RISE / 4] = 0xF;
	irq_poll();
	UT_EQ(mock.page[RISCV_IOMMU_REG_FW_IRQ_RISE / 4], 0);
	UT_EQ(irq_pending(), 0);
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_BURST_CTRL, 0), -1);
}

UNIT_TEST(fw_irq_write_fault_273)
{
	irq_setup();
	mock_page_set64(RISCV_IOMMU_REG_FQB, (0x82000ull << 10) | 2);
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FQON);
	mock.fwif[FWIF_BURST_STATUS / 4]	   = FWIF_BURST_STATUS_ERR;
	mock.page[RISCV_IOMMU_REG_FW_IRQ_RISE / 4] = (uint32_t)RISCV_IOMMU_IPSR_PMIP;
	irq_poll();
	UT_EQ(irq_pending(), 0); /* dropped, not retried */
	/* The record store also fails here (same mock status): fqmf, record dropped. The
	 * staged record still shows what was built. */
	UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_FQ) / 4], 273);
	UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_FQ) / 4 + 1], 0);
	UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_FQ) / 4 + 4], 0x28002004u);
}
