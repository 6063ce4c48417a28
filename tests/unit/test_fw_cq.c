// SPDX-License-Identifier: Apache-2.0
/* Firmware command decode and queue engine (firmware/cq.c) on the mock MMIO. */
#include "cq.h"
#include "hal/fwif.h"
#include "hal/mmio_mock.h"
#include "riscv_iommu_bits.h"
#include "unit.h"

static int dec(uint64_t dw0, uint64_t dw1, struct cq_op *op)
{
	uint32_t w[4] = {(uint32_t)dw0, (uint32_t)(dw0 >> 32), (uint32_t)dw1,
			 (uint32_t)(dw1 >> 32)};

	return cq_decode(w, op);
}

UNIT_TEST(fw_cq_decode_linux_commands)
{
	struct cq_op op;

	/* doc/linux-driver.md §6 */
	UT_EQ(dec(0x3, 0, &op), CQ_INV_DDT);
	UT_EQ(op.dv, 0);
	UT_EQ(dec(0x3 | BIT_ULL(33) | (0x123456ull << 40), 0, &op), CQ_INV_DDT);
	UT_EQ(op.dv, 1);
	UT_EQ(op.did, 0x123456);
	UT_EQ(dec(0x1, 0, &op), CQ_IOTINVAL);
	UT_EQ(op.inv.flags, 0);
	UT_EQ(dec(0x1 | (0x54321ull << 12) | BIT_ULL(32) | BIT_ULL(10), 0xABCDEull << 10, &op),
	      CQ_IOTINVAL);
	UT_EQ(op.inv.flags, FWIF_INV_W0_PSCV | FWIF_INV_W0_AV);
	UT_EQ(op.inv.pscid, 0x54321);
	UT_EQ(op.inv.vpn, 0xABCDE);
	UT_EQ(dec(0x3002, 0, &op), CQ_IOFENCE);
	UT_EQ(op.av, 0);
	UT_EQ(op.wsi, 0);
}

UNIT_TEST(fw_cq_decode_gvma_fence_pdt)
{
	struct cq_op op;

	UT_EQ(dec(0x81 | BIT_ULL(33) | (0xBEEFull << 44) | BIT_ULL(10), 0x3FFFFFFFFFFFFC00ull, &op),
	      CQ_IOTINVAL);
	UT_EQ(op.inv.flags, FWIF_INV_W0_GVMA | FWIF_INV_W0_MSI | FWIF_INV_W0_GV | FWIF_INV_W0_AV);
	UT_EQ(op.inv.gscid, 0xBEEF);
	UT_EQ(op.inv.vpn, 0xFFFFFFFFFFFFFull);
	UT_EQ(dec(0x2 | BIT_ULL(10) | BIT_ULL(11) | (0xCAFEF00Dull << 32), 0x80001234ull >> 2, &op),
	      CQ_IOFENCE);
	UT_EQ(op.av, 1);
	UT_EQ(op.wsi, 1);
	UT_EQ(op.data, 0xCAFEF00D);
	UT_EQ(op.addr, 0x80001234ull);
	UT_EQ(dec(0x83 | BIT_ULL(33) | (7ull << 40) | (0xFFFFFull << 12), 0, &op), CQ_INV_PDT);
	UT_EQ(op.did, 7);
	UT_EQ(op.pid, 0xFFFFF);
}

UNIT_TEST(fw_cq_decode_illegal)
{
	static const uint64_t bad[][2] = {
		{0x0, 0},		 /* opcode 0 */
		{0x4, 0},		 /* ATS.INVAL without ATS */
		{0x84, 0},		 /* ATS.PRGR */
		{0x5, 0},		 /* reserved */
		{0x3F, 0},		 /* reserved */
		{0x40, 0},		 /* custom */
		{0x7F, 0},		 /* custom */
		{0x101, 0},		 /* IOTINVAL func3 2 */
		{0x81 | BIT_ULL(32), 0}, /* GVMA with PSCV */
		{0x1 | BIT_ULL(11), 0},	 /* reserved */
		{0x1 | BIT_ULL(34), 0},	 /* NL without the extension */
		{0x1 | BIT_ULL(63), 0},	 /* reserved */
		{0x1, BIT_ULL(9)},	 /* S without the extension */
		{0x1, BIT_ULL(62)},	 /* reserved */
		{0x82, 0},		 /* IOFENCE func3 1 */
		{0x2 | BIT_ULL(14), 0},	 /* reserved */
		{0x2, BIT_ULL(63)},	 /* reserved */
		{0x83, 0},		 /* INVAL_PDT with DV=0 */
		{0x103, 0},		 /* IODIR func3 2 */
		{0x3 | BIT_ULL(32), 0},	 /* reserved */
		{0x3 | BIT_ULL(10), 0},	 /* reserved */
		{0x3, 1},		 /* dw1 reserved */
	};
	struct cq_op op;

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (dec(bad[i][0], bad[i][1], &op) != CQ_EILL)
			printf("    case %u\n", i);
		UT_EQ(dec(bad[i][0], bad[i][1], &op), CQ_EILL);
	}
}

static void put_cmd(unsigned slot, uint64_t dw0, uint64_t dw1)
{
	uint32_t *b = &mock.fwif[(FWIF_BUF + FW_BUF_CQ) / 4 + 4 * slot];

	b[0] = (uint32_t)dw0;
	b[1] = (uint32_t)(dw0 >> 32);
	b[2] = (uint32_t)dw1;
	b[3] = (uint32_t)(dw1 >> 32);
}

static void cq_setup(uint32_t head, uint32_t tail)
{
	mock_reset();
	mock_page_set64(RISCV_IOMMU_REG_CQB, (0x81000ull << 10) | 5); /* 64 entries */
	mock.page[RISCV_IOMMU_REG_CQH / 4] = head;
	mock.page[RISCV_IOMMU_REG_CQT / 4] = tail;
	mock.page[RISCV_IOMMU_REG_CQCSR / 4] =
		(uint32_t)(RISCV_IOMMU_CQCSR_CQEN | RISCV_IOMMU_CQCSR_CQON);
}

UNIT_TEST(fw_cq_process_batch)
{
	int i1, i2;

	cq_setup(2, 5);
	put_cmd(0, 0x3, 0);
	put_cmd(1, 0x1 | BIT_ULL(32) | (9ull << 12), 0);
	put_cmd(2, 0x3002, 0);
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 5);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x81000000u + 2 * 16);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BEATS, mock.fwif[FWIF_BURST_CTRL / 4]), 6);
	i1 = mock_find_write(FWIF_BASE + FWIF_CTX_CMD, 0);
	UT_EQ(mock.log[i1].val, FWIF_CTX_CMD_INV_ALL);
	i2 = mock_find_write(FWIF_BASE + FWIF_INV_CMD, 0);
	UT_CHECK(i2 > i1);
	UT_EQ(mock.fwif[FWIF_INV_PSCID / 4], 9);
	UT_EQ(mock.fwif[FWIF_INV_W0 / 4], FWIF_INV_W0_PSCV);
}

UNIT_TEST(fw_cq_process_wrap)
{
	/* head 62, tail 1: the first burst stops at the ring end (2 commands). */
	cq_setup(62, 62);
	put_cmd(0, 0x3002, 0);
	put_cmd(1, 0x3002, 0);
	mock.page[RISCV_IOMMU_REG_CQT / 4] = 0;
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 0);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x81000000u + 62 * 16);
	UT_EQ(FIELD_GET(FWIF_BURST_CTRL_BEATS, mock.fwif[FWIF_BURST_CTRL / 4]), 4);
}

UNIT_TEST(fw_cq_process_illegal_stops)
{
	cq_setup(0, 4);
	put_cmd(0, 0x3, 0);
	put_cmd(1, 0x5, 0); /* illegal */
	put_cmd(2, 0x3, 0);
	put_cmd(3, 0x3, 0);
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 1);
	UT_CHECK(mock.page[RISCV_IOMMU_REG_CQCSR / 4] & RISCV_IOMMU_CQCSR_CMD_ILL);
	/* Stopped: another doorbell does nothing while cmd_ill is set. */
	mock.nlog = 0;
	cq_process();
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_BURST_CTRL, 0), -1);
	/* Software fixes the command and clears cmd_ill: resumes at cqh. */
	put_cmd(0, 0x3, 0);
	put_cmd(1, 0x3, 0);
	put_cmd(2, 0x3, 0);
	mock.page[RISCV_IOMMU_REG_CQCSR / 4] &= ~(uint32_t)RISCV_IOMMU_CQCSR_CMD_ILL;
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 4);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x81000000u + 16);
}

UNIT_TEST(fw_cq_fetch_error_cqmf)
{
	cq_setup(0, 1);
	mock.fwif[FWIF_CQX_STATUS / 4] = FWIF_CQX_STATUS_LDERR; /* the fetch's bus error */
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 0);
	UT_CHECK(mock.page[RISCV_IOMMU_REG_CQCSR / 4] & RISCV_IOMMU_CQCSR_CQMF);
}

UNIT_TEST(fw_cq_fence_av_wsi)
{
	int st;

	cq_setup(0, 1);
	mock.page[RISCV_IOMMU_REG_FCTL / 4] = (uint32_t)RISCV_IOMMU_FCTL_WSI;
	put_cmd(0, 0x2 | BIT_ULL(10) | BIT_ULL(11) | (0x5A5A5A5Aull << 32), 0x80002004ull >> 2);
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 1);
	UT_CHECK(mock.page[RISCV_IOMMU_REG_CQCSR / 4] & RISCV_IOMMU_CQCSR_FENCE_W_IP);
	/* A 4-byte (SIZE32) store at the exact address, the value in its half of the beat. */
	st = mock_find_write(FWIF_BASE + FWIF_BURST_CTRL, 0); /* the fetch */
	st = mock_find_write(FWIF_BASE + FWIF_BURST_CTRL, (unsigned)st + 1);
	UT_CHECK(st >= 0);
	UT_CHECK(mock.log[st].val & FWIF_BURST_CTRL_SIZE32);
	UT_EQ(mock.fwif[FWIF_BURST_ADDR_LO / 4], 0x80002004u);
	UT_EQ(mock.fwif[(FWIF_BUF + FW_BUF_MSI + 4) / 4], 0x5A5A5A5Au);
	/* WSI=1 without fctl.WSI: no fence_w_ip. */
	cq_setup(0, 1);
	put_cmd(0, 0x2 | BIT_ULL(11), 0);
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 1);
	UT_CHECK(!(mock.page[RISCV_IOMMU_REG_CQCSR / 4] & RISCV_IOMMU_CQCSR_FENCE_W_IP));
}

static unsigned poll_calls;

static void count_poll(void)
{
	poll_calls++;
}

UNIT_TEST(fw_cq_fence_pr_pw_drains_first)
{
	int hold, rel, st;

	/* PR|PW AV=1: hold the device port, wait for DRAINED (serving events), release, store. */
	cq_setup(0, 1);
	poll_calls	 = 0;
	mock.drain_reads = 3; /* in flight for three polls */
	cq_set_poll(count_poll);
	put_cmd(0, 0x2 | BIT_ULL(10) | BIT_ULL(12) | BIT_ULL(13) | (0x77ull << 32),
		0x80002000ull >> 2);
	cq_process();
	cq_set_poll(fw_poll_events);
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 1);
	UT_EQ(poll_calls, 3);
	hold = mock_find_write(FWIF_BASE + FWIF_DRAIN, 0);
	UT_CHECK(hold >= 0);
	UT_EQ(mock.log[hold].val, FWIF_DRAIN_HOLD);
	rel = mock_find_write(FWIF_BASE + FWIF_DRAIN, (unsigned)hold + 1);
	UT_CHECK(rel > hold);
	UT_EQ(mock.log[rel].val, 0);
	st = mock_find_write(FWIF_BASE + FWIF_BURST_CTRL, (unsigned)rel + 1);
	UT_CHECK(st > rel);
	/* Nothing in flight (IDLE): no hold. */
	cq_setup(0, 1);
	mock.fwif[FWIF_DRAIN / 4] = FWIF_DRAIN_IDLE;
	put_cmd(0, 0x2 | BIT_ULL(12) | BIT_ULL(13), 0);
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 1);
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_DRAIN, 0), -1);
	/* Neither PR nor PW: no drain. */
	cq_setup(0, 1);
	put_cmd(0, 0x2, 0);
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 1);
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_DRAIN, 0), -1);
}

UNIT_TEST(fw_cq_off_does_nothing)
{
	cq_setup(0, 3);
	mock.page[RISCV_IOMMU_REG_CQCSR / 4] = 0;
	cq_process();
	UT_EQ(mock.nlog, 0);
}

UNIT_TEST(fw_cq_engine_runs_iotinval)
{
	int c;

	/* The fetch started the RTL command engine (BURST_CTRL.CQX), which ran the two
	 * IOTINVALs and stopped before the IODIR: the firmware runs that one itself, without
	 * another engine call; no IOTINVAL goes through the INV_* registers from firmware. */
	cq_setup(4, 7);
	put_cmd(0, 0x1 | BIT_ULL(32) | (9ull << 12), 0);
	put_cmd(1, 0x1, 0);
	put_cmd(2, 0x3, 0);
	mock.fwif[FWIF_CQX_STATUS / 4] = 2u << FWIF_CQX_STATUS_DONE_SHIFT;
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 7);
	c = mock_find_write(FWIF_BASE + FWIF_BURST_CTRL, 0);
	UT_CHECK(c >= 0);
	UT_EQ(mock.log[c].val, FWIF_BURST_CTRL_CQX | (6u << FWIF_BURST_CTRL_BEATS_SHIFT) |
				       (FW_BUF_CQ << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_CQX_CTRL, 0), -1);
	UT_EQ(mock_find_write(FWIF_BASE + FWIF_INV_CMD, 0), -1);
	UT_CHECK(mock_find_write(FWIF_BASE + FWIF_CTX_CMD, (unsigned)c) > c);
	/* After a command run here, the next IOTINVAL goes to the engine again (CQX_CTRL). */
	cq_setup(0, 3);
	put_cmd(0, 0x3, 0);
	put_cmd(1, 0x1, 0);
	put_cmd(2, 0x3, 0);
	mock.fwif[FWIF_CQX_STATUS / 4] = 0;
	cq_process();
	UT_EQ(mock.page[RISCV_IOMMU_REG_CQH / 4], 3);
	c = mock_find_write(FWIF_BASE + FWIF_CQX_CTRL, 0);
	UT_CHECK(c >= 0);
	UT_EQ(mock.log[c].val, 2u | ((FW_BUF_CQ + 16) << FWIF_CQX_CTRL_BUF_OFF_SHIFT));
}
