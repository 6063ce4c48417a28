/* SPDX-License-Identifier: Apache-2.0 */
/*
 * HPM counters with iohpmevt filters (spec 6.19-6.23): two devices (DID 5 and 6, 1LVL DDT,
 * Sv39, PSCID 0x11 and 0x22) share one set of page tables. Counters with a DID filter count
 * only device 5's untranslated requests (event 1) and IOTLB misses (event 4); an unfiltered, a
 * DMASK range, an IDT=1 PSCID and a never-matching PID filter check the other filter fields.
 * iohpmcycles counts only when not inhibited; a counter and iohpmcycles wrap: OF, iocountovf
 * and ipsr.pmip.
 */
#include "tb.h"
#include "tb_regs.h"

/* clang-format off */
#define DDT_ROOT  0x80100000ull
#define PT_ROOT   0x80110000ull
#define PT_L1     0x80111000ull
#define PT_L0     0x80112000ull
#define PAGES     0x80500000ull
#define IOVA      0x40000000ull    /* L2 1, L1 0, L0 0..7 -> PAGES + n * 4 KiB */
#define PTE_LEAF  0xd7ull          /* D A U W R V */
#define DID_A     5u
#define DID_B     6u
#define PSCID_A   0x11u
#define PSCID_B   0x22u
#define REG_CTR(n) (RISCV_IOMMU_REG_IOHPMCTR1 + 8u * ((n) - 1u))
#define REG_EVT(n) RISCV_IOMMU_REG_IOHPMEVT(n)
/* iohpmevt fields */
#define EV_ID(e)     ((uint64_t)(e))
#define EV_DMASK     (1ull << 15)
#define EV_PID(p)    ((uint64_t)(p) << 16)
#define EV_DID(d)    ((uint64_t)(d) << 36)
#define EV_PV_PSCV   (1ull << 60)
#define EV_DV_GSCV   (1ull << 61)
#define EV_IDT       (1ull << 62)
#define EV_OF        (1ull << 63)
/* clang-format on */

static void put_dc(uint32_t did, uint32_t pscid)
{
	uint64_t dc[8] = {1, 0, (uint64_t)pscid << 12, (8ull << 60) | (PT_ROOT >> 12), 0, 0, 0, 0};

	mem_wr(DDT_ROOT + 64 * did, dc, sizeof(dc));
}

static void setup(void)
{
	static const uint64_t zero[512];
	bool ok;

	mem_wr(DDT_ROOT, zero, sizeof(zero));
	mem_wr(PT_ROOT, zero, sizeof(zero));
	mem_wr(PT_L1, zero, sizeof(zero));
	mem_wr(PT_L0, zero, sizeof(zero));
	put_dc(DID_A, PSCID_A);
	put_dc(DID_B, PSCID_B);
	mem_wr64(PT_ROOT + 8 * 1, (PT_L1 >> 12) << 10 | 1);
	mem_wr64(PT_L1 + 8 * 0, (PT_L0 >> 12) << 10 | 1);
	for (unsigned i = 0; i < 8; i++)
		mem_wr64(PT_L0 + 8 * i, ((PAGES >> 12) + i) << 10 | PTE_LEAF);
	host_write64(RISCV_IOMMU_REG_DDTP, (DDT_ROOT >> 12) << TB_DDTP_PPN_SHIFT | TB_DDTP_1LVL);
	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
}

static void rd(uint32_t did, unsigned page)
{
	struct dma_attr a = {.did = did, .id = 1};
	uint64_t d;

	CHECK_EQ(dma_read(&a, IOVA + 4096ull * page, &d, 1), AXI_OKAY);
}

TB_TEST(hpm_filter)
{
	CHECK(tb_wait_fw_boot());
	setup();
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_CAPABILITIES) >> 30 & 1, 1); /* HPM */

	/* Program with everything inhibited, then start the counters. */
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0xff);
	host_write64(REG_EVT(1), EV_ID(1) | EV_DV_GSCV | EV_DID(DID_A));
	host_write64(REG_EVT(2), EV_ID(4) | EV_DV_GSCV | EV_DID(DID_A));
	host_write64(REG_EVT(3), EV_ID(1));
	host_write64(REG_EVT(4), EV_ID(1) | EV_DV_GSCV | EV_DMASK | EV_DID(5)); /* DIDs 4..7 */
	host_write64(REG_EVT(5), EV_ID(4) | EV_IDT | EV_PV_PSCV | EV_PID(PSCID_B));
	host_write64(REG_EVT(6), EV_ID(1) | EV_PV_PSCV | EV_PID(7)); /* needs a process_id */
	host_write64(REG_EVT(7), EV_ID(1) | EV_DV_GSCV | EV_DID(7)); /* another device */
	for (unsigned n = 1; n <= 7; n++)
		host_write64(REG_CTR(n), 0);
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0);

	/* Device A: 3 misses then 3 hits; device B: 2 misses, interleaved. */
	rd(DID_A, 0);
	rd(DID_B, 4);
	rd(DID_A, 1);
	rd(DID_A, 2);
	rd(DID_B, 5);
	rd(DID_A, 0);
	rd(DID_A, 1);
	rd(DID_A, 2);
	tb_step(50);

	CHECK_EQ(host_read64(REG_CTR(1)), 6); /* A's requests */
	CHECK_EQ(host_read64(REG_CTR(2)), 3); /* A's IOTLB misses */
	CHECK_EQ(host_read64(REG_CTR(3)), 8); /* everyone */
	CHECK_EQ(host_read64(REG_CTR(4)), 8); /* DMASK range 4..7 */
	CHECK_EQ(host_read64(REG_CTR(5)), 2); /* IDT=1: PSCID of B */
	CHECK_EQ(host_read64(REG_CTR(6)), 0); /* no request had a process_id */
	CHECK_EQ(host_read64(REG_CTR(7)), 0);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), 0);
}

TB_TEST(hpm_cycles_ovf)
{
	bool ok;

	CHECK(tb_wait_fw_boot());
	setup();

	/* iohpmcycles: frozen while inhibited, counting otherwise. */
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 1);
	host_write64(RISCV_IOMMU_REG_IOHPMCYCLES, 100);
	tb_step(100);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_IOHPMCYCLES), 100);
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0);
	tb_step(100);
	uint64_t c = host_read64(RISCV_IOMMU_REG_IOHPMCYCLES);
	CHECK(c > 200 && c < 1000);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR) & 4, 0);

	/* A filtered counter one below the wrap: one of A's requests overflows it, B's does not. */
	host_write64(REG_EVT(3), EV_ID(1) | EV_DV_GSCV | EV_DID(DID_A));
	host_write64(REG_CTR(3), ~0ull);
	rd(DID_B, 1);
	tb_step(20);
	CHECK_EQ(host_read64(REG_CTR(3)), ~0ull);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), 0);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR) & 4, 0);
	rd(DID_A, 1);
	tb_step(20);
	CHECK_EQ(host_read64(REG_CTR(3)), 0);
	CHECK_EQ(host_read64(REG_EVT(3)) >> 63, 1); /* OF */
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), 1u << 3);
	host_poll32(RISCV_IOMMU_REG_IPSR, 4, 4, 1000, &ok); /* pmip */
	CHECK(ok);

	/* iohpmcycles wraps: its OF (bit 63) and iocountovf.CY. */
	host_write64(RISCV_IOMMU_REG_IOHPMCYCLES, 0x7fffffffffffff00ull);
	tb_step(400);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_IOHPMCYCLES) >> 63, 1);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), (1u << 3) | 1u);

	/* Clearing the OF bits and then pmip: pmip stays clear. */
	host_write64(REG_EVT(3), EV_ID(1));
	host_write64(RISCV_IOMMU_REG_IOHPMCYCLES, 0);
	host_write32(RISCV_IOMMU_REG_IPSR, 4);
	tb_step(10);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), 0);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR) & 4, 0);
}
