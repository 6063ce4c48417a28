// SPDX-License-Identifier: Apache-2.0
/*
 * Register page tests (doc/design-rules.md §3): reset values, RO/WARL/RW1C masks and split 8-byte
 * writes. The expected values come from sim/model/gm_regs.h, the register map typed from the
 * spec, not from the generated table: a wrong value in include/iommu_regs.def reaches the RTL
 * and the generated headers alike, and would pass a test that takes both from it.
 */
#include <stdbool.h>
#include <stdint.h>

#include "gm_regs.h"
#include "riscv_iommu_bits.h"
#include "riscv_iommu_regs.h"
#include "tb.h"

static uint64_t reg_read(const struct gm_regdesc *r)
{
	return r->width == 8 ? host_read64(r->offset) : host_read32(r->offset);
}

static void reg_write(const struct gm_regdesc *r, uint64_t v)
{
	if (r->width == 8)
		host_write64(r->offset, v);
	else
		host_write32(r->offset, (uint32_t)v);
}

/*
 * ipsr, fctl and iocountinh get their own checks below (fctl.WSI stays 1 meanwhile, so the
 * HPM OF bits poked here raise a wire, not an MSI); handshake registers have their own tests.
 */
static bool pokeable(const struct gm_regdesc *r)
{
	if (r->flags & GM_REG_HANDSHAKE)
		return false;
	return r->offset != RISCV_IOMMU_REG_IPSR && r->offset != RISCV_IOMMU_REG_IOCOUNTINH &&
	       r->offset != RISCV_IOMMU_REG_FCTL;
}

static void check_reset(void)
{
	for (unsigned i = 0; i < GM_REGS_COUNT; i++) {
		const struct gm_regdesc *r = &gm_regs[i];
		uint64_t v		   = reg_read(r);
		if (v != r->reset)
			tb_fail(__FILE__, __LINE__, "%s: reset 0x%llx, expected 0x%llx", r->name,
				(unsigned long long)v, (unsigned long long)r->reset);
		/* 32-bit reads of both halves of an 8-byte register */
		if (r->width == 8) {
			CHECK_EQ(host_read32(r->offset), (uint32_t)r->reset);
			CHECK_EQ(host_read32(r->offset + 4), (uint32_t)(r->reset >> 32));
		}
	}
	/* The firmware-private part of the page reads 0 from the host. */
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FW_DB_PENDING), 0);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_FW_DDTP_REQ), 0);
}

/* Write all-ones then all-zeros; only the RW bits follow, RW1C bits read back cleared. */
static void check_masks(void)
{
	/* fctl: only WSI is writable (BE and GXL are RO 0). */
	host_write32(RISCV_IOMMU_REG_FCTL, 0xFFFFFFFFu);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FCTL), RISCV_IOMMU_FCTL_WSI);
	/* Inhibit every counter so that the HPM registers hold still while poked. */
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, 0xFFFFFFFFu);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTINH), 0x7u); /* CY, HPM[2:1] */

	for (unsigned i = 0; i < GM_REGS_COUNT; i++) {
		const struct gm_regdesc *r = &gm_regs[i];
		uint64_t all		   = r->width == 8 ? ~0ULL : 0xFFFFFFFFULL;
		if (!pokeable(r))
			continue;
		uint64_t before = reg_read(r);
		reg_write(r, all);
		uint64_t v1 = reg_read(r);
		uint64_t e1 = ((before & ~r->rw) | r->rw) & ~r->w1c;
		if (v1 != e1)
			tb_fail(__FILE__, __LINE__, "%s: wrote ones, read 0x%llx, expected 0x%llx",
				r->name, (unsigned long long)v1, (unsigned long long)e1);
		reg_write(r, 0);
		uint64_t v0 = reg_read(r);
		uint64_t e0 = e1 & ~r->rw;
		if (v0 != e0)
			tb_fail(__FILE__, __LINE__, "%s: wrote zeros, read 0x%llx, expected 0x%llx",
				r->name, (unsigned long long)v0, (unsigned long long)e0);
		reg_write(r, r->reset);
	}
}

/* ipsr is RW1C, set by its sources while they persist (spec 6.18). An HPM OF bit drives pmip. */
static void check_ipsr(void)
{
	const uint32_t vec = 5;

	/* pmip may be pending from the OF bits poked above (now clear again). */
	host_write32(RISCV_IOMMU_REG_IPSR, 0xFFFFFFFFu);
	tb_step(4);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR), 0);

	/* Route pmip to a wire so that firmware sends no MSI. */
	host_write64(RISCV_IOMMU_REG_ICVEC, FIELD_PREP(RISCV_IOMMU_ICVEC_PMIV, vec));
	host_write32(RISCV_IOMMU_REG_FCTL, (uint32_t)RISCV_IOMMU_FCTL_WSI);
	host_write64(RISCV_IOMMU_REG_IOHPMCYCLES, RISCV_IOMMU_IOHPMCYCLES_OF);
	tb_step(4);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IOCOUNTOVF), RISCV_IOMMU_IOCOUNTOVF_CY);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & RISCV_IOMMU_IPSR_PMIP);
	CHECK(tb_wsi() & (1u << vec));

	/* The cause persists: W1C does not stick. */
	host_write32(RISCV_IOMMU_REG_IPSR, (uint32_t)RISCV_IOMMU_IPSR_PMIP);
	tb_step(4);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & RISCV_IOMMU_IPSR_PMIP);

	/* Cause gone: W1C clears it; a 0 write does not. */
	host_write64(RISCV_IOMMU_REG_IOHPMCYCLES, 0);
	tb_step(4);
	host_write32(RISCV_IOMMU_REG_IPSR, 0);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & RISCV_IOMMU_IPSR_PMIP);
	host_write32(RISCV_IOMMU_REG_IPSR, (uint32_t)RISCV_IOMMU_IPSR_PMIP);
	tb_step(4);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR), 0);
	CHECK_EQ(tb_wsi() & (1u << vec), 0);

	host_write32(RISCV_IOMMU_REG_FCTL, 0);
	host_write64(RISCV_IOMMU_REG_ICVEC, 0);
	host_write32(RISCV_IOMMU_REG_IOCOUNTINH, (uint32_t)GM_F(2, 0)); /* its reset value */
}

TB_TEST(regs_reset_rw)
{
	CHECK(tb_wait_fw_boot());
	check_reset();
	check_masks();
	check_ipsr();
	/* cqb/fqb LOG2SZ-1 is WARL: writing 31 reads back the largest size (Linux probes this). */
	host_write64(RISCV_IOMMU_REG_CQB, 0x1F);
	CHECK_EQ(FIELD_GET(RISCV_IOMMU_CQB_LOG2SZ_1, host_read64(RISCV_IOMMU_REG_CQB)),
		 RISCV_IOMMU_CQ_LOG2SZ_1_MAX);
	host_write64(RISCV_IOMMU_REG_CQB, 0);
}

TB_TEST(regs_split_write)
{
	static const uint32_t offs[] = {RISCV_IOMMU_REG_TR_REQ_IOVA, RISCV_IOMMU_REG_ICVEC,
					RISCV_IOMMU_REG_MSI_ADDR_0, RISCV_IOMMU_REG_MSI_ADDR_15,
					RISCV_IOMMU_REG_IOHPMEVT1};
	CHECK(tb_wait_fw_boot());
	for (unsigned i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		uint64_t v = tb_rand64();
		host_write64(offs[i], v);
		uint64_t one = host_read64(offs[i]);
		host_write64(offs[i], 0);
		host_write64_split(offs[i], v);
		uint64_t two = host_read64(offs[i]);
		CHECK_EQ(one, two);
		host_write64(offs[i], 0);
	}
}
