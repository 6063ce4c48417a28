// SPDX-License-Identifier: Apache-2.0
/*
 * The generated register table (include/riscv_iommu_regtable.h, from include/iommu_regs.def)
 * against the spec's register map typed independently in sim/model/gm_regs.h: same registers,
 * offsets, widths, reset values, RW and RW1C masks, and the same optional registers left out.
 * A wrong value in the .def reaches the RTL and the generated table alike; only this comparison
 * (and tests/sim/test_regs.c, which checks the RTL against gm_regs.h) catches it.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "gm_regs.h"
#include "riscv_iommu_regtable.h"
#include "unit.h"

#define GEN_COUNT (sizeof(riscv_iommu_regtable) / sizeof(riscv_iommu_regtable[0]))

static const struct gm_regdesc *spec_at(uint32_t offset)
{
	for (size_t i = 0; i < GM_REGS_COUNT; i++)
		if (gm_regs[i].offset == offset)
			return &gm_regs[i];
	return NULL;
}

static void field(const char *reg, const char *what, uint64_t gen, uint64_t spec)
{
	char m[160];

	if (gen == spec)
		return;
	snprintf(m, sizeof(m), "%s.%s: generated 0x%llx, spec 0x%llx", reg, what,
		 (unsigned long long)gen, (unsigned long long)spec);
	unit_fail(__FILE__, __LINE__, m);
}

UNIT_TEST(regs_generated_vs_spec)
{
	for (size_t i = 0; i < GEN_COUNT; i++) {
		const struct riscv_iommu_regdesc *g = &riscv_iommu_regtable[i];
		const struct gm_regdesc *s	    = spec_at(g->offset);
		bool g_absent			    = g->flags & RISCV_IOMMU_RT_ABSENT;

		if (!s) {
			field(g->name, "offset (not in the spec table)", g->offset, ~0ull);
			continue;
		}
		UT_CHECK(strcmp(g->name, s->name) == 0);
		field(g->name, "width", g->width, s->width);
		field(g->name, "absent", g_absent, (s->flags & GM_REG_ABSENT) != 0);
		field(g->name, "handshake", (g->flags & RISCV_IOMMU_RT_HANDSHAKE) != 0,
		      (s->flags & GM_REG_HANDSHAKE) != 0);
		field(g->name, "counter", (g->flags & RISCV_IOMMU_RT_COUNTER) != 0,
		      (s->flags & GM_REG_COUNTER) != 0);
		field(g->name, "reset", g->reset, s->reset);
		field(g->name, "rw mask", g->wmask, s->rw);
		field(g->name, "rw1c mask", g->w1c, s->w1c);
	}
	/* and nothing the spec table has is missing from the generated one */
	for (size_t i = 0; i < GM_REGS_COUNT; i++) {
		bool found = false;

		for (size_t j = 0; j < GEN_COUNT && !found; j++)
			found = riscv_iommu_regtable[j].offset == gm_regs[i].offset;
		if (!found)
			field(gm_regs[i].name, "offset (not generated)", ~0ull, gm_regs[i].offset);
	}
	UT_EQ(GEN_COUNT, GM_REGS_COUNT);
}
