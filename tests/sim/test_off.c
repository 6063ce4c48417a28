/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reset state Off (spec "Reset behavior", architecture.md section 2): before anything is written,
 * every DMA gets SLVERR, memory is untouched, and each request leaves a record with cause 256
 * ("all inbound transactions disallowed"). The first requests go out before the firmware has
 * booted, since the reset state must hold from the first cycle; their records are not checked
 * (nobody drains the event FIFO yet, so the fwif drops their events, architecture.md 5.1).
 * After boot the DMAs go back to back and each must leave exactly one tap record.
 */
#include "tb.h"
#include "tb_regs.h"

#define BASE 0x80000000ull

TB_TEST(off)
{
	struct dma_attr a = {0};
	uint64_t buf[32], pat[32];
	size_t faults0 = tb_fault_count();
	unsigned n = 0, n_sb = 0;

	mem_set_latency(1 + tb_rand() % 8);
	mem_set_backpressure(tb_rand() % 40);
	for (unsigned i = 0; i < 32; i++)
		pat[i] = tb_rand64();
	mem_wr(BASE, pat, sizeof(pat));

	sb_enable(false);
	for (unsigned i = 0; i < 28; i++) {
		if (i == 4) {
			CHECK(tb_wait_fw_boot());
			sb_enable(true);
			faults0 = tb_fault_count();
		}
		/* Back-to-back, no spacing: the datapath's fault output pulses once per record
		 * and never waits, so every DMA leaves a tap record even while the firmware's
		 * event FIFO is full (iommu_fwif then drops the event, architecture.md 5.1). */
		unsigned beats = 1 + tb_rand() % 32;
		uint64_t iova  = BASE + 8ull * (tb_rand() % (32 - beats + 1));

		a.did  = tb_rand() & 0xffffff;
		a.pid  = tb_rand() & 0xfffff;
		a.pv   = tb_rand() & 1;
		a.priv = tb_rand() & 1;
		a.exec = (tb_rand() & 3) == 0;
		a.id   = tb_rand() & 0xf;
		for (unsigned b = 0; b < beats; b++)
			buf[b] = ~pat[b];
		if (i & 1)
			CHECK_EQ(dma_write(&a, iova, buf, beats), AXI_SLVERR);
		else
			CHECK_EQ(dma_read(&a, iova, buf, beats), AXI_SLVERR);
		n++;
		n_sb += i >= 4;
	}
	mem_rd(BASE, buf, sizeof(buf));
	for (unsigned i = 0; i < 32; i++)
		CHECK_EQ(buf[i], pat[i]);
	for (size_t i = 0; i < mem_log_count(); i++)
		CHECK(mem_log_get(i)->id >> 4 != MEM_SRC_DMA);
	/* One record per request (the scoreboard matched each one), none merged or lost. */
	CHECK_EQ(tb_fault_count() - faults0, n_sb);
	for (size_t i = faults0; i < tb_fault_count(); i++)
		CHECK_EQ(tb_fault_get(i)->cause, 256);
	tb_log("%u DMAs refused, %zu fault records", n, tb_fault_count() - faults0);
	/* The register view agrees: Off, not busy. */
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_DDTP) & (TB_DDTP_MODE_MASK | TB_DDTP_BUSY),
		 TB_DDTP_OFF);
}
