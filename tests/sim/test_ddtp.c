/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ddtp as the Linux driver probes it (doc/linux-driver.md §3 steps 2 and 5): Off/Bare with PPN 0
 * read back PPN 0; 1LVL/2LVL/3LVL are accepted from Off; an xLVL -> xLVL change and reserved
 * modes are refused (the old value stays); busy is set by the write and cleared by firmware,
 * and a write while busy is ignored. Each step runs with 8-byte and with split writes.
 */
#include "tb.h"
#include "tb_regs.h"

static bool split;

static void ddtp_write(uint64_t v)
{
	if (split)
		host_write64_split(RISCV_IOMMU_REG_DDTP, v);
	else
		host_write64(RISCV_IOMMU_REG_DDTP, v);
}

/* Write @v, check the busy handshake, return the settled value. */
static uint64_t ddtp_set(uint64_t v)
{
	uint64_t r;
	bool ok;

	ddtp_write(v);
	host_poll32(RISCV_IOMMU_REG_DDTP, TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	r = host_read64(RISCV_IOMMU_REG_DDTP);
	CHECK_EQ(r & TB_DDTP_BUSY, 0);
	return r;
}

static uint64_t ddtp_of(unsigned mode, uint64_t ppn)
{
	return (ppn << TB_DDTP_PPN_SHIFT) | mode;
}

static void probe(void)
{
	static const unsigned lvl[]	 = {TB_DDTP_3LVL, TB_DDTP_2LVL, TB_DDTP_1LVL};
	static const unsigned reserved[] = {5, 6, 9, 13, 15};
	uint64_t root = 0x80000 + (tb_rand() & 0xfff); /* a 4 KiB-aligned root page */
	uint64_t r;

	tb_log("ddtp probe with %s writes", split ? "split" : "8-byte");
	/* Step 2: same mode with PPN 0 reads PPN 0 (no hardware-fixed root). */
	CHECK_EQ(ddtp_set(ddtp_of(TB_DDTP_OFF, 0)), ddtp_of(TB_DDTP_OFF, 0));
	CHECK_EQ(ddtp_set(ddtp_of(TB_DDTP_BARE, 0)), ddtp_of(TB_DDTP_BARE, 0));
	CHECK_EQ(ddtp_set(ddtp_of(TB_DDTP_OFF, 0)), ddtp_of(TB_DDTP_OFF, 0));

	/* Step 5: every level is accepted from Off; LVL -> LVL is refused. */
	for (unsigned i = 0; i < 3; i++) {
		r = ddtp_set(ddtp_of(lvl[i], root));
		CHECK_EQ(r, ddtp_of(lvl[i], root));
		r = ddtp_set(ddtp_of(lvl[(i + 1) % 3], root + 1));
		CHECK_EQ(r, ddtp_of(lvl[i], root));
		CHECK_EQ(ddtp_set(ddtp_of(TB_DDTP_OFF, 0)), ddtp_of(TB_DDTP_OFF, 0));
	}
	/* Reserved modes keep the old value, from Off and from Bare. */
	for (unsigned i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
		CHECK_EQ(ddtp_set(ddtp_of(reserved[i], root)), ddtp_of(TB_DDTP_OFF, 0));
		CHECK_EQ(ddtp_set(ddtp_of(TB_DDTP_BARE, 0)), ddtp_of(TB_DDTP_BARE, 0));
		CHECK_EQ(ddtp_set(ddtp_of(reserved[i], root)), ddtp_of(TB_DDTP_BARE, 0));
		CHECK_EQ(ddtp_set(ddtp_of(TB_DDTP_OFF, 0)), ddtp_of(TB_DDTP_OFF, 0));
	}

	/* Busy: set by the write itself; a second write while busy is ignored. */
	ddtp_write(ddtp_of(TB_DDTP_2LVL, root));
	r = host_read64(RISCV_IOMMU_REG_DDTP);
	CHECK(r & TB_DDTP_BUSY);
	ddtp_write(ddtp_of(TB_DDTP_BARE, 0));
	CHECK_EQ(ddtp_set(ddtp_of(TB_DDTP_1LVL, root + 2)), ddtp_of(TB_DDTP_2LVL, root));
	CHECK_EQ(ddtp_set(ddtp_of(TB_DDTP_OFF, 0)), ddtp_of(TB_DDTP_OFF, 0));
}

TB_TEST(ddtp)
{
	uint64_t r;

	CHECK(tb_wait_fw_boot());
	/* Step 1 (init_check): out of reset, Off and not busy. */
	r = host_read64(RISCV_IOMMU_REG_DDTP);
	CHECK_EQ(r & (TB_DDTP_MODE_MASK | TB_DDTP_BUSY), TB_DDTP_OFF);
	split = tb_rand() & 1;
	probe();
	split = !split;
	probe();
}
