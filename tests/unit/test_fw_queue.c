// SPDX-License-Identifier: Apache-2.0
/* Firmware cqcsr/fqcsr handshakes (firmware/queue.c) and HAL helpers on the mock MMIO. */
#include "hal/fwif.h"
#include "hal/mmio_mock.h"
#include "queue.h"
#include "unit.h"

#define CQ_ERRS                                                                                    \
	(uint32_t)(RISCV_IOMMU_CQCSR_CQMF | RISCV_IOMMU_CQCSR_CMD_TO | RISCV_IOMMU_CQCSR_CMD_ILL | \
		   RISCV_IOMMU_CQCSR_FENCE_W_IP)

static uint32_t reg(uint32_t off)
{
	return mock.page[off / 4];
}

UNIT_TEST(fw_queue_cq_enable)
{
	mock_reset();
	mock.page[RISCV_IOMMU_REG_CQH / 4] = 5;
	mock.page[RISCV_IOMMU_REG_CQT / 4] = 7;
	mock.page[RISCV_IOMMU_REG_CQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_CQCSR_CQEN | RISCV_IOMMU_CQCSR_CIE |
			   RISCV_IOMMU_CQCSR_BUSY) |
		CQ_ERRS;
	UT_EQ(queue_csr_handle(&queue_cq), QUEUE_ENABLED);
	UT_EQ(reg(RISCV_IOMMU_REG_CQH), 0);
	UT_EQ(reg(RISCV_IOMMU_REG_CQT), 7); /* host-owned: untouched */
	UT_EQ(reg(RISCV_IOMMU_REG_CQCSR),
	      RISCV_IOMMU_CQCSR_CQEN | RISCV_IOMMU_CQCSR_CIE | RISCV_IOMMU_CQCSR_CQON);
}

UNIT_TEST(fw_queue_on_before_busy_clear)
{
	int on, busy;

	mock_reset();
	mock.page[RISCV_IOMMU_REG_CQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_CQCSR_CQEN | RISCV_IOMMU_CQCSR_BUSY);
	queue_csr_handle(&queue_cq);
	/* Linux polls busy, then requires on: on must be set by the time busy drops. */
	on   = mock_find_write(FWIF_PAGE_SET + RISCV_IOMMU_REG_CQCSR, 0);
	busy = mock_find_write(FWIF_PAGE_CLR + RISCV_IOMMU_REG_CQCSR, 0);
	while (busy >= 0 && mock.log[busy].val != (uint32_t)RISCV_IOMMU_CQCSR_BUSY)
		busy = mock_find_write(FWIF_PAGE_CLR + RISCV_IOMMU_REG_CQCSR, (unsigned)busy + 1);
	UT_CHECK(on >= 0 && busy > on);
}

UNIT_TEST(fw_queue_cq_disable)
{
	mock_reset();
	mock.page[RISCV_IOMMU_REG_CQH / 4] = 3;
	mock.page[RISCV_IOMMU_REG_CQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_CQCSR_CQON | RISCV_IOMMU_CQCSR_BUSY |
			   RISCV_IOMMU_CQCSR_CMD_ILL);
	UT_EQ(queue_csr_handle(&queue_cq), QUEUE_DISABLED);
	/* Disabling keeps cqh and the error bits; only on and busy drop. */
	UT_EQ(reg(RISCV_IOMMU_REG_CQH), 3);
	UT_EQ(reg(RISCV_IOMMU_REG_CQCSR), RISCV_IOMMU_CQCSR_CMD_ILL);
}

UNIT_TEST(fw_queue_no_change_clears_busy)
{
	mock_reset();
	mock.page[RISCV_IOMMU_REG_FQT / 4] = 9;
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FQON |
			   RISCV_IOMMU_FQCSR_BUSY | RISCV_IOMMU_FQCSR_FQOF);
	UT_EQ(queue_csr_handle(&queue_fq), QUEUE_NO_CHANGE);
	UT_EQ(reg(RISCV_IOMMU_REG_FQT), 9);
	UT_EQ(reg(RISCV_IOMMU_REG_FQCSR),
	      RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FQON | RISCV_IOMMU_FQCSR_FQOF);
}

UNIT_TEST(fw_queue_fq_enable)
{
	mock_reset();
	mock.page[RISCV_IOMMU_REG_FQT / 4] = 4;
	mock.page[RISCV_IOMMU_REG_FQH / 4] = 4;
	mock.page[RISCV_IOMMU_REG_FQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_BUSY |
			   RISCV_IOMMU_FQCSR_FQMF | RISCV_IOMMU_FQCSR_FQOF);
	UT_EQ(queue_csr_handle(&queue_fq), QUEUE_ENABLED);
	UT_EQ(reg(RISCV_IOMMU_REG_FQT), 0);
	UT_EQ(reg(RISCV_IOMMU_REG_FQH), 4); /* host-owned */
	UT_EQ(reg(RISCV_IOMMU_REG_FQCSR), RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FQON);
}

UNIT_TEST(fw_hal_db_take_acks)
{
	mock_reset();
	mock.page[RISCV_IOMMU_REG_FW_DB_PENDING / 4] = 0x49;
	UT_EQ(fw_db_take(), 0x49);
	UT_EQ(reg(RISCV_IOMMU_REG_FW_DB_PENDING), 0);
	UT_EQ(fw_db_take(), 0);
	/* fwif's event summary bits come back but are not doorbells: never acknowledged. */
	mock.page[RISCV_IOMMU_REG_FW_DB_PENDING / 4] = FWIF_DB_EVT | FWIF_DB_EVT_DROPPED | 0x4;
	UT_EQ(fw_db_take(), FWIF_DB_EVT | FWIF_DB_EVT_DROPPED | 0x4);
	UT_EQ(reg(RISCV_IOMMU_REG_FW_DB_PENDING), FWIF_DB_EVT | FWIF_DB_EVT_DROPPED);
}

UNIT_TEST(fw_hal_evt_get)
{
	struct fw_event ev;

	mock_reset();
	UT_CHECK(!fw_evt_get(&ev));
	mock.fwif[FWIF_EVT_STATUS / 4] = FWIF_EVT_STATUS_AVAIL | (1u << 8);
	mock.fwif[FWIF_EVT_TYPE / 4]   = FWIF_EVT_CTX_MISS;
	for (unsigned i = 0; i < 8; i++)
		mock.fwif[FWIF_EVT_DATA0 / 4 + i] = 0x100 + i;
	UT_CHECK(fw_evt_get(&ev));
	UT_EQ(ev.type, FWIF_EVT_CTX_MISS);
	UT_EQ(ev.w[0], 0x100);
	UT_EQ(ev.w[7], 0x107);
	UT_CHECK(mock_find_write(FWIF_BASE + FWIF_EVT_POP, 0) >= 0);
}

UNIT_TEST(fw_hal_burst_args)
{
	mock_reset();
	UT_EQ(fw_burst(0x80000000u, 0, 0, false), FW_EINVAL);
	UT_EQ(fw_burst(0x80000000u, 0, 33, false), FW_EINVAL);
	UT_EQ(fw_burst(0x80000004u, 0, 1, false), FW_EINVAL);
	UT_EQ(fw_burst(0x80000000u, 0x7F8, 2, false), FW_EINVAL);
	UT_EQ(fw_burst(0x1234567800ull, 0x40, 4, true), FW_OK);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x34567800u);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_HI / 4], 0x12u);
	UT_EQ(mock.fwif[FWIF_BURST_CTRL / 4], 1u | (4u << 8) | (0x40u << 16));
}
