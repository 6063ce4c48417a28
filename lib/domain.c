// SPDX-License-Identifier: Apache-2.0
/*
 * Host library: identity / blocking / paging domains, attach and detach with the two-phase
 * DC update of Linux iodir_update(), and DMA map/unmap over the IOVA allocator.
 */
#include "host_internal.h"

int iohost_domain_init(struct iohost *h, struct iohost_domain *d, enum iohost_domain_type type,
		       unsigned mode)
{
	int rc;

	*d	= (struct iohost_domain){0};
	d->type = type;
	if (type != IOHOST_DOMAIN_PAGING)
		return 0;
	/* Sv57 only on request: the default stays Sv48 (Linux follows the CPU's satp mode) */
	if (!mode)
		mode = (h->caps & RISCV_IOMMU_CAPABILITIES_SV48) ? RISCV_IOMMU_IOSATP_MODE_SV48
								 : RISCV_IOMMU_IOSATP_MODE_SV39;
	if ((mode == RISCV_IOMMU_IOSATP_MODE_SV57 && !(h->caps & RISCV_IOMMU_CAPABILITIES_SV57)) ||
	    (mode == RISCV_IOMMU_IOSATP_MODE_SV48 && !(h->caps & RISCV_IOMMU_CAPABILITIES_SV48)) ||
	    (mode == RISCV_IOMMU_IOSATP_MODE_SV39 && !(h->caps & RISCV_IOMMU_CAPABILITIES_SV39)))
		return IOHOST_ENODEV;
	rc = iohost_pt_init(h, &d->pt, mode, false);
	if (rc)
		return rc;
	/* PSCIDs from 1 (an IDA in Linux); 20 bits */
	d->pscid = h->next_pscid++ & 0xfffff;
	/* like Linux, keep the aperture below VA_BITS-1 so IOVAs never need sign extension */
	iohost_iova_init(&d->iova, IOHOST_SZ_4K, 1ull << (12 + 9 * d->pt.levels - 1));
	return 0;
}

/* IOTINVAL.VMA for whatever the DC @dc may have cached: by PSCID, or everything. */
static int inval_for_dc(struct iohost *h, const struct iohost_dc *dc)
{
	bool paging = !(dc->tc & RISCV_IOMMU_DC_TC_PDTV) &&
		      fget(RISCV_IOMMU_DC_FSC_MODE, dc->fsc) != RISCV_IOMMU_IOSATP_MODE_BARE;

	return iohost_inval_vma(h, paging ? (int64_t)fget(RISCV_IOMMU_DC_TA_PSCID, dc->ta) : -1, -1,
				UINT64_MAX);
}

static int iodir_update(struct iohost *h, const uint32_t *dids, unsigned n, uint64_t tc,
			uint64_t fsc, uint64_t ta)
{
	bool sync = false;
	int rc	  = 0;

	if (h->ddt_mode < RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL)
		return IOHOST_EINVAL;
	/* phase 1: invalidate every valid DC, flush it from the IOMMU, fence */
	for (unsigned i = 0; i < n && !rc; i++) {
		struct iohost_dc dc;
		uint64_t a = iohost_dc_addr(h, dids[i], true);

		if (!a)
			return IOHOST_EINVAL;
		iohost_dc_read(h, dids[i], &dc);
		if (!(dc.tc & RISCV_IOMMU_DC_TC_V))
			continue;
		mwr(h, a + RISCV_IOMMU_DC_TC_OFFSET, dc.tc & ~RISCV_IOMMU_DC_TC_V);
		wmb(h);
		rc = iohost_inval_ddt(h, false, dids[i]);
		if (!rc)
			rc = inval_for_dc(h, &dc);
		sync = true;
	}
	if (!rc && sync)
		rc = iohost_cmd_sync(h);
	/* phase 2: write fsc and ta, then tc (V) last; flush; one final fence */
	for (unsigned i = 0; i < n && !rc; i++) {
		struct iohost_dc dc;

		iohost_dc_read(h, dids[i], &dc);
		dc.fsc = fsc;
		dc.ta  = ta & RISCV_IOMMU_DC_TA_PSCID;
		dc.tc  = (dc.tc & ~RISCV_IOMMU_DC_TC_V) | tc;
		rc     = iohost_dc_write(h, dids[i], &dc);
		if (!rc)
			rc = iohost_inval_ddt(h, false, dids[i]);
		if (!rc)
			rc = inval_for_dc(h, &dc);
	}
	if (!rc)
		rc = iohost_cmd_sync(h);
	return rc;
}

int iohost_attach(struct iohost *h, struct iohost_domain *d, const uint32_t *dids, unsigned n)
{
	switch (d->type) {
	case IOHOST_DOMAIN_IDENTITY:
		return iodir_update(h, dids, n, RISCV_IOMMU_DC_TC_V, 0, 0);
	case IOHOST_DOMAIN_PAGING:
		return iodir_update(h, dids, n, RISCV_IOMMU_DC_TC_V, iohost_pt_atp(&d->pt),
				    fprep(RISCV_IOMMU_DC_TA_PSCID, d->pscid));
	default:
		return iohost_detach(h, dids, n);
	}
}

int iohost_detach(struct iohost *h, const uint32_t *dids, unsigned n)
{
	return iodir_update(h, dids, n, 0, 0, 0);
}

/* Largest page size both @pa and a @len-byte mapping can use: the IOVA alignment to ask for. */
static uint64_t map_align(uint64_t pa, uint64_t len)
{
	static const uint64_t sizes[3] = {IOHOST_SZ_1G, IOHOST_SZ_2M, IOHOST_SZ_64K};

	for (unsigned i = 0; i < 3; i++)
		if (len >= sizes[i] && !(pa & (sizes[i] - 1)))
			return sizes[i];
	return IOHOST_SZ_4K;
}

int iohost_dma_map(struct iohost *h, struct iohost_domain *d, uint64_t pa, uint64_t len,
		   unsigned prot, uint64_t *iova)
{
	uint64_t off = pa & 0xfff, base = pa - off;
	uint64_t size = (off + len + 0xfff) & ~0xfffull, va;
	int rc;

	if (d->type != IOHOST_DOMAIN_PAGING || !len)
		return IOHOST_EINVAL;
	va = iohost_iova_alloc(&d->iova, size, map_align(base, size));
	if (!va)
		return IOHOST_ENOMEM;
	rc = iohost_pt_map_range(h, &d->pt, va, base, size, prot);
	if (rc) {
		for (uint64_t done = 0; done < size;) {
			int64_t s = iohost_pt_unmap(h, &d->pt, va + done);

			done += s > 0 ? (uint64_t)s : IOHOST_SZ_4K;
		}
		iohost_iova_free(&d->iova, va, size);
		return rc;
	}
	/* a new mapping replaces only invalid PTEs, which the IOMMU never caches */
	*iova = va + off;
	return 0;
}

int iohost_dma_unmap(struct iohost *h, struct iohost_domain *d, uint64_t iova, uint64_t len)
{
	uint64_t off = iova & 0xfff, va = iova - off;
	uint64_t size = (off + len + 0xfff) & ~0xfffull;
	int rc	      = 0;

	if (d->type != IOHOST_DOMAIN_PAGING || !len)
		return IOHOST_EINVAL;
	for (uint64_t done = 0; done < size;) {
		int64_t s = iohost_pt_unmap(h, &d->pt, va + done);

		if (s < 0)
			return (int)s;
		done += (uint64_t)s;
	}
	/* Linux: one IOTINVAL.VMA per 4 KiB page below 2 MiB, else the whole PSCID */
	if (size < IOHOST_SZ_2M) {
		for (uint64_t p = 0; p < size && !rc; p += IOHOST_SZ_4K)
			rc = iohost_inval_vma(h, d->pscid, -1, va + p);
	} else {
		rc = iohost_inval_vma(h, d->pscid, -1, UINT64_MAX);
	}
	if (!rc)
		rc = iohost_cmd_sync(h);
	iohost_iova_free(&d->iova, va, size);
	return rc;
}
