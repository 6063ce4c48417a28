// SPDX-License-Identifier: Apache-2.0
/* Host library: device-directory construction (spec 2.1), 1/2/3LVL, base or extended DCs. */
#include "host_internal.h"

uint64_t iohost_next_level(struct iohost *h, uint64_t e, bool alloc)
{
	uint64_t v = mrd(h, e);

	if (!(v & RISCV_IOMMU_DDTE_V)) {
		uint64_t page;

		if (!alloc)
			return 0;
		page = h->ops.alloc_pages(h->ops.ctx, 4096);
		if (!page)
			return 0;
		v = pa_to_pte(page) | RISCV_IOMMU_DDTE_V;
		/* the new (zeroed) page must be visible before the pointer to it */
		wmb(h);
		mwr(h, e, v);
	}
	return pte_to_pa(v);
}

static bool dc_ext(const struct iohost *h)
{
	return h->caps & RISCV_IOMMU_CAPABILITIES_MSI_FLAT;
}

uint64_t iohost_dc_addr(struct iohost *h, uint32_t did, bool alloc)
{
	bool ext       = dc_ext(h);
	unsigned bits0 = ext ? 6 : 7;
	unsigned levels;
	uint64_t a = h->ddt_root;

	if (h->ddt_mode < RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL ||
	    h->ddt_mode > RISCV_IOMMU_DDTP_IOMMU_MODE_3LVL)
		return 0;
	levels = h->ddt_mode - RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL + 1;
	/* device_id bits each mode can index: 1LVL bits0, 2LVL bits0+9, 3LVL 24 */
	if (did >> (levels == 3 ? 24 : bits0 + 9 * (levels - 1)))
		return 0;
	for (unsigned i = levels - 1; i > 0; i--) {
		unsigned sh = bits0 + 9 * (i - 1);

		a = iohost_next_level(h, a + ((did >> sh) & 0x1ff) * 8u, alloc);
		if (!a)
			return 0;
	}
	return a + (did & ((1u << bits0) - 1)) * (ext ? 64u : 32u);
}

int iohost_dc_read(struct iohost *h, uint32_t did, struct iohost_dc *dc)
{
	uint64_t a = iohost_dc_addr(h, did, false);

	*dc = (struct iohost_dc){0};
	if (!a)
		return IOHOST_ENOENT;
	dc->tc	    = mrd(h, a + RISCV_IOMMU_DC_TC_OFFSET);
	dc->iohgatp = mrd(h, a + RISCV_IOMMU_DC_IOHGATP_OFFSET);
	dc->ta	    = mrd(h, a + RISCV_IOMMU_DC_TA_OFFSET);
	dc->fsc	    = mrd(h, a + RISCV_IOMMU_DC_FSC_OFFSET);
	if (dc_ext(h)) {
		dc->msiptp	     = mrd(h, a + RISCV_IOMMU_DC_MSIPTP_OFFSET);
		dc->msi_addr_mask    = mrd(h, a + RISCV_IOMMU_DC_MSI_ADDR_MASK_OFFSET);
		dc->msi_addr_pattern = mrd(h, a + RISCV_IOMMU_DC_MSI_ADDR_PATTERN_OFFSET);
	}
	return 0;
}

int iohost_dc_write(struct iohost *h, uint32_t did, const struct iohost_dc *dc)
{
	uint64_t a = iohost_dc_addr(h, did, true);

	if (!a)
		return IOHOST_EINVAL;
	mwr(h, a + RISCV_IOMMU_DC_IOHGATP_OFFSET, dc->iohgatp);
	mwr(h, a + RISCV_IOMMU_DC_TA_OFFSET, dc->ta);
	mwr(h, a + RISCV_IOMMU_DC_FSC_OFFSET, dc->fsc);
	if (dc_ext(h)) {
		mwr(h, a + RISCV_IOMMU_DC_MSIPTP_OFFSET, dc->msiptp);
		mwr(h, a + RISCV_IOMMU_DC_MSI_ADDR_MASK_OFFSET, dc->msi_addr_mask);
		mwr(h, a + RISCV_IOMMU_DC_MSI_ADDR_PATTERN_OFFSET, dc->msi_addr_pattern);
	}
	/* write DC.tc (and so V) last */
	wmb(h);
	mwr(h, a + RISCV_IOMMU_DC_TC_OFFSET, dc->tc);
	return 0;
}

int iohost_probe_device(struct iohost *h, uint32_t did)
{
	uint64_t a = iohost_dc_addr(h, did, true);

	if (!a)
		return IOHOST_EINVAL;
	mwr(h, a + RISCV_IOMMU_DC_TC_OFFSET, 0);
	return 0;
}
