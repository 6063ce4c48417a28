// SPDX-License-Identifier: Apache-2.0
/* Host library: PASID process-directory tables (spec 2.2): PD8, PD17, PD20. */
#include "host_internal.h"

uint64_t iohost_pdt_init(struct iohost *h, unsigned mode)
{
	uint64_t root;

	if (mode < RISCV_IOMMU_PDTP_MODE_PD8 || mode > RISCV_IOMMU_PDTP_MODE_PD20)
		return 0;
	root = h->ops.alloc_pages(h->ops.ctx, 4096);
	if (!root)
		return 0;
	return ((uint64_t)mode << 60) | (root >> 12);
}

int iohost_pdt_set_pc(struct iohost *h, uint64_t pdtp, uint32_t pid, uint64_t ta, uint64_t fsc)
{
	unsigned levels		       = (unsigned)(pdtp >> 60);
	uint64_t a		       = (pdtp & ((1ull << 44) - 1)) << 12;
	static const unsigned shift[3] = {0, 8, 17}, width[3] = {8, 9, 3};

	if (levels < 1 || levels > 3 || (pid >> (levels == 3 ? 20 : levels == 2 ? 17 : 8)))
		return IOHOST_EINVAL;
	for (unsigned i = levels - 1; i > 0; i--) {
		a = iohost_next_level(h, a + ((pid >> shift[i]) & ((1u << width[i]) - 1)) * 8u,
				      true);
		if (!a)
			return IOHOST_ENOMEM;
	}
	a += (pid & 0xff) * 16u;
	mwr(h, a + RISCV_IOMMU_PC_FSC_OFFSET, fsc);
	/* PC.ta holds V: write it last */
	wmb(h);
	mwr(h, a + RISCV_IOMMU_PC_TA_OFFSET, ta);
	return 0;
}
