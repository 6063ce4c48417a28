/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Firmware DDT walk on a context miss (spec 2.3.1): 1/2/3LVL directories with
 * extended DCs, a DMA that hits each, then one case per fault: 257 (bus error on the DDT
 * read), 258 (V=0), 259 (several misconfigurations), 260 (device_id too wide). Each fault
 * gives SLVERR and a record in the fault queue with every field checked.
 */
#include "tb.h"
#include "tb_regs.h"

/* clang-format off */
#define DDT_ROOT  0x80100000ull
#define DDT_MID   0x80101000ull
#define DDT_LEAF  0x80102000ull
#define DATA      0x80200000ull
#define FQ_BASE   0x80300000ull
#define FQ_LOG2   6u
/* clang-format on */

static void fq_on(void)
{
	bool ok;

	host_write64(RISCV_IOMMU_REG_FQB, (FQ_BASE >> 12) << TB_QB_PPN_SHIFT | (FQ_LOG2 - 1));
	host_write32(RISCV_IOMMU_REG_FQH, 0);
	host_write32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_EN | TB_QCSR_IE);
	host_poll32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
}

static void set_ddtp(unsigned mode, uint64_t root)
{
	bool ok;

	host_write64(RISCV_IOMMU_REG_DDTP, TB_DDTP_OFF);
	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	host_write64(RISCV_IOMMU_REG_DDTP, (root >> 12) << TB_DDTP_PPN_SHIFT | mode);
	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_DDTP) & TB_DDTP_MODE_MASK, mode);
}

/* Write the 64-byte DC of @did (extended format) under a 3LVL, 2LVL or 1LVL directory. */
static uint64_t dc_addr(unsigned mode, uint32_t did)
{
	uint64_t leaf = DDT_LEAF;

	if (mode == TB_DDTP_3LVL) {
		mem_wr64(DDT_ROOT + 8 * ((did >> 15) & 0x1ff), (DDT_MID >> 12) << 10 | 1);
		mem_wr64(DDT_MID + 8 * ((did >> 6) & 0x1ff), (DDT_LEAF >> 12) << 10 | 1);
	} else if (mode == TB_DDTP_2LVL) {
		mem_wr64(DDT_ROOT + 8 * ((did >> 6) & 0x1ff), (DDT_LEAF >> 12) << 10 | 1);
	} else {
		leaf = DDT_ROOT;
	}
	return leaf + 64 * (did & 0x3f);
}

static void put_dc(uint64_t at, uint64_t tc, uint64_t iohgatp, uint64_t fsc, uint64_t msiptp)
{
	uint64_t dc[8] = {tc, iohgatp, 0, fsc, msiptp, 0, 0, 0};

	mem_wr(at, dc, sizeof(dc));
}

static void clear_tables(void)
{
	static const uint64_t zero[512];

	mem_wr(DDT_ROOT, zero, sizeof(zero));
	mem_wr(DDT_MID, zero, sizeof(zero));
	mem_wr(DDT_LEAF, zero, sizeof(zero));
}

/* Expect SLVERR and the record (cause, did, ttyp, iova) at the next FQ slot. */
static void expect_fault(const struct dma_attr *a, bool write, uint64_t iova, unsigned cause)
{
	uint32_t t0   = host_read32(RISCV_IOMMU_REG_FQT);
	uint64_t d[1] = {0x1234}, rec[4];
	unsigned ttyp = a->exec ? 1 : write ? 3 : 2;
	bool ok;

	/* The scoreboard expects the firmware's record; it must be the one read here. */
	if (write)
		CHECK_EQ(dma_write(a, iova, d, 1), AXI_SLVERR);
	else
		CHECK_EQ(dma_read(a, iova, d, 1), AXI_SLVERR);
	host_poll32(RISCV_IOMMU_REG_FQT, 0xffffffffu, (t0 + 1) & ((1u << FQ_LOG2) - 1), 200000,
		    &ok);
	CHECK(ok);
	mem_rd(FQ_BASE + 32ull * t0, rec, sizeof(rec));
	CHECK_EQ(rec[0] & 0xfff, cause);
	CHECK_EQ((rec[0] >> 12) & 0xfffff, a->pv ? a->pid : 0);
	CHECK_EQ((rec[0] >> 32) & 1, a->pv);
	CHECK_EQ((rec[0] >> 33) & 1, a->pv && a->priv);
	CHECK_EQ((rec[0] >> 34) & 0x3f, ttyp);
	CHECK_EQ(rec[0] >> 40, a->did);
	CHECK_EQ(rec[1], 0);
	CHECK_EQ(rec[2], iova);
	CHECK_EQ(rec[3], 0);
	CHECK(sb_fq_match_raw(rec));
	/* fip is set just after fqt moves (a handler that sees fip must find the record). */
	host_poll32(RISCV_IOMMU_REG_IPSR, 2, 2, 1000, &ok);
	CHECK(ok);
	host_write32(RISCV_IOMMU_REG_FQH, (t0 + 1) & ((1u << FQ_LOG2) - 1));
	host_write32(RISCV_IOMMU_REG_IPSR, 2);
}

static void hit(unsigned mode, uint32_t did)
{
	struct dma_attr a = {.did = did, .id = 1};
	uint64_t w[4]	  = {1, 2, 3, 4}, r[4];

	clear_tables();
	put_dc(dc_addr(mode, did), 1, 0, 0, 0); /* V, first stage Bare */
	set_ddtp(mode, DDT_ROOT);
	CHECK_EQ(dma_write(&a, DATA + 64, w, 4), AXI_OKAY);
	CHECK_EQ(dma_read(&a, DATA + 64, r, 4), AXI_OKAY);
	CHECK_EQ(r[3], 4);
	CHECK_EQ(mem_rd64(DATA + 64 + 24), 4);
}

TB_TEST(ddt_levels)
{
	CHECK(tb_wait_fw_boot());
	fq_on();
	hit(TB_DDTP_1LVL, 0x2a);
	hit(TB_DDTP_2LVL, (0x1a5u << 6) | 3);
	hit(TB_DDTP_3LVL, (0x1ffu << 15) | (0x10u << 6) | 0x3f);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), 0);
}

TB_TEST(ddt_faults)
{
	struct dma_attr a = {.did = (2u << 15) | (3u << 6) | 4, .id = 2};
	uint64_t dc;

	CHECK(tb_wait_fw_boot());
	fq_on();
	clear_tables();
	dc = dc_addr(TB_DDTP_3LVL, a.did);
	set_ddtp(TB_DDTP_3LVL, DDT_ROOT);

	/* 258: DC V=0; then a non-leaf V=0 (another device under root entry 5). */
	expect_fault(&a, false, DATA, 258);
	a.pv   = true;
	a.pid  = 0x4321;
	a.priv = true;
	{
		struct dma_attr b = a;

		b.did = 5u << 15;
		expect_fault(&b, true, DATA + 8, 258);
	}
	a.pv = false;
	/* 259: misconfigurations (each DC invalidated by the IODIR-less path: a new did). */
	put_dc(dc, 1 | (1ull << 12), 0, 0, 0); /* reserved tc bit */
	expect_fault(&a, false, DATA, 259);
	a.did++;
	put_dc(dc + 64, 1, 8ull << 60 | 0x80401, 0, 0); /* Sv39x4 root not 16 KiB aligned */
	expect_fault(&a, false, DATA, 259);
	a.did++;
	put_dc(dc + 128, 1, 0, 0, 1ull << 60); /* msiptp Flat with iohgatp Bare */
	expect_fault(&a, false, DATA, 259);
	a.did++;
	put_dc(dc + 192, 1 | (1ull << 9), 0, 0, 0); /* DPE without PDTV */
	expect_fault(&a, false, DATA, 259);
	a.did++;
	put_dc(dc + 256, 1, 0, 11ull << 60, 0); /* reserved iosatp mode 11 */
	a.exec = true;
	expect_fault(&a, false, DATA, 259);
	a.exec = false;
	a.did++;
	put_dc(dc + 320, 1 | (1ull << 1), 0, 0, 0); /* EN_ATS without ATS */
	expect_fault(&a, true, DATA, 259);
	/* 257: bus error on the DC read. */
	a.did++;
	put_dc(dc + 384, 1, 0, 0, 0);
	mem_set_error(dc + 384, dc + 448, true);
	expect_fault(&a, false, DATA + 16, 257);
	mem_set_error(dc + 384, dc + 448, false);
	/* 260: device_id too wide for 1LVL (6 bits with extended DCs). */
	clear_tables();
	set_ddtp(TB_DDTP_1LVL, DDT_ROOT);
	a.did = 64;
	expect_fault(&a, false, DATA, 260);
	a.did = 63;
	put_dc(dc_addr(TB_DDTP_1LVL, 63), 1, 0, 0, 0);
	{
		uint64_t r[1];

		CHECK_EQ(dma_read(&a, DATA, r, 1), AXI_OKAY);
	}
}

/*
 * A device whose context translates nothing (iosatp and iohgatp Bare) and an address with a
 * bit at or above capabilities.PAS: an access fault by access type (5/7/1), recorded unless
 * DTF; nothing reaches memory. The same address below PAS passes.
 */
TB_TEST(ddt_pas)
{
	struct dma_attr a = {.did = 0x21, .id = 4};
	uint64_t w[1] = {0x77}, r[1], wide = DATA | 1ull << 58;
	uint32_t t0;

	CHECK(tb_wait_fw_boot());
	/* Read as a driver does; the scoreboard's model takes PAS from it. */
	CHECK_EQ((host_read64(RISCV_IOMMU_REG_CAPABILITIES) & RISCV_IOMMU_CAPABILITIES_PAS) >>
			 RISCV_IOMMU_CAPABILITIES_PAS_SHIFT,
		 56);
	fq_on();
	clear_tables();
	put_dc(dc_addr(TB_DDTP_1LVL, a.did), 1, 0, 0, 0);		  /* V, both stages Bare */
	put_dc(dc_addr(TB_DDTP_1LVL, a.did + 1), 1 | 1ull << 4, 0, 0, 0); /* ... and DTF */
	set_ddtp(TB_DDTP_1LVL, DDT_ROOT);

	CHECK_EQ(dma_write(&a, DATA, w, 1), AXI_OKAY);
	CHECK_EQ(dma_read(&a, DATA, r, 1), AXI_OKAY);
	CHECK_EQ(r[0], 0x77);
	expect_fault(&a, false, wide, 5);
	expect_fault(&a, true, wide, 7);
	a.exec = true;
	expect_fault(&a, false, wide, 1);
	a.exec = false;
	CHECK_EQ(mem_rd64(wide), 0);
	CHECK_EQ(mem_rd64(DATA), 0x77);

	/* DTF=1: the same SLVERR, no record. */
	a.did++;
	t0 = host_read32(RISCV_IOMMU_REG_FQT);
	CHECK_EQ(dma_write(&a, wide, w, 1), AXI_SLVERR);
	CHECK_EQ(dma_read(&a, wide, r, 1), AXI_SLVERR);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), t0);
	CHECK_EQ(mem_rd64(wide), 0);
}
