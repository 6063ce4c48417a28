// SPDX-License-Identifier: Apache-2.0
/*
 * Host library: first-stage (Sv39/Sv48/Sv57) and G-stage (Sv39x4/Sv48x4/Sv57x4) page tables in the
 * Privileged-spec format, with 4 KiB, 64 KiB (Svnapot), 2 MiB and 1 GiB leaves.
 */
#include "host_internal.h"

#define PTE_LEAF_MASK (RISCV_IOMMU_PTE_R | RISCV_IOMMU_PTE_W | RISCV_IOMMU_PTE_X)

static unsigned idx_bits(const struct iohost_pt *pt, unsigned lvl)
{
	return (pt->gstage && lvl == pt->levels - 1) ? 11 : 9;
}

static uint64_t pte_addr(const struct iohost_pt *pt, uint64_t table, uint64_t va, unsigned lvl)
{
	return table + ((va >> (12 + 9 * lvl)) & ((1ull << idx_bits(pt, lvl)) - 1)) * 8u;
}

/* The address must be canonical (first stage) or fit the widened GPA (G-stage). */
static bool va_ok(const struct iohost_pt *pt, uint64_t va)
{
	unsigned bits = 12 + 9 * pt->levels + (pt->gstage ? 2 : 0);
	uint64_t top;

	if (pt->gstage)
		return !(va >> bits);
	top = va >> (bits - 1);
	return top == 0 || top == (~0ull >> (bits - 1));
}

int iohost_pt_init(struct iohost *h, struct iohost_pt *pt, unsigned mode, bool gstage)
{
	if (mode != RISCV_IOMMU_IOSATP_MODE_SV39 && mode != RISCV_IOMMU_IOSATP_MODE_SV48 &&
	    mode != RISCV_IOMMU_IOSATP_MODE_SV57)
		return IOHOST_EINVAL;
	pt->mode   = mode;
	pt->levels = mode - RISCV_IOMMU_IOSATP_MODE_SV39 + 3; /* 3, 4, 5 */
	pt->gstage = gstage;
	/* the G-stage root is 2^11 entries: 16 KiB, 16 KiB aligned */
	pt->root = h->ops.alloc_pages(h->ops.ctx, gstage ? 16384 : 4096);
	return pt->root ? 0 : IOHOST_ENOMEM;
}

uint64_t iohost_pt_atp(const struct iohost_pt *pt)
{
	return ((uint64_t)pt->mode << 60) | (pt->root >> 12);
}

static uint64_t leaf_flags(unsigned prot)
{
	/* Linux: V|A|U|R, +W|D when writable, +X when executable; A and D clear for
	 * IOHOST_PROT_CLEAN (hardware A/D update) */
	uint64_t f = RISCV_IOMMU_PTE_V | RISCV_IOMMU_PTE_U | RISCV_IOMMU_PTE_R;

	if (!(prot & IOHOST_PROT_CLEAN))
		f |= RISCV_IOMMU_PTE_A;
	if (prot & IOHOST_PROT_WRITE)
		f |= RISCV_IOMMU_PTE_W | ((prot & IOHOST_PROT_CLEAN) ? 0 : RISCV_IOMMU_PTE_D);
	if (prot & IOHOST_PROT_EXEC)
		f |= RISCV_IOMMU_PTE_X;
	return f;
}

int iohost_pt_map(struct iohost *h, struct iohost_pt *pt, uint64_t iova, uint64_t pa, uint64_t size,
		  unsigned prot)
{
	unsigned target = size == IOHOST_SZ_1G ? 2 : size == IOHOST_SZ_2M ? 1 : 0;
	uint64_t table = pt->root, e, flags = leaf_flags(prot);

	if (size != IOHOST_SZ_4K && size != IOHOST_SZ_64K && size != IOHOST_SZ_2M &&
	    size != IOHOST_SZ_1G)
		return IOHOST_EINVAL;
	if ((iova | pa) & (size - 1) || !va_ok(pt, iova) || (pa >> 56) || !(prot & 7))
		return IOHOST_EINVAL;
	for (unsigned lvl = pt->levels - 1; lvl > target; lvl--) {
		e = mrd(h, pte_addr(pt, table, iova, lvl));
		if ((e & RISCV_IOMMU_PTE_V) && (e & PTE_LEAF_MASK))
			return IOHOST_EBUSY;
		table = iohost_next_level(h, pte_addr(pt, table, iova, lvl), true);
		if (!table)
			return IOHOST_ENOMEM;
	}
	if (size == IOHOST_SZ_64K) {
		/* Svnapot: 16 identical PTEs with PPN[3:0] = 1000 and N set */
		uint64_t first = pte_addr(pt, table, iova, 0);

		for (unsigned i = 0; i < 16; i++)
			if (mrd(h, first + i * 8u) & RISCV_IOMMU_PTE_V)
				return IOHOST_EBUSY;
		for (unsigned i = 0; i < 16; i++)
			mwr(h, first + i * 8u, pa_to_pte(pa | 0x8000) | flags | RISCV_IOMMU_PTE_N);
		return 0;
	}
	e = pte_addr(pt, table, iova, target);
	if (mrd(h, e) & RISCV_IOMMU_PTE_V)
		return IOHOST_EBUSY;
	mwr(h, e, pa_to_pte(pa) | flags);
	return 0;
}

int iohost_pt_map_range(struct iohost *h, struct iohost_pt *pt, uint64_t iova, uint64_t pa,
			uint64_t len, unsigned prot)
{
	static const uint64_t sizes[4] = {IOHOST_SZ_1G, IOHOST_SZ_2M, IOHOST_SZ_64K, IOHOST_SZ_4K};

	if ((iova | pa | len) & 0xfff)
		return IOHOST_EINVAL;
	while (len) {
		uint64_t sz = IOHOST_SZ_4K;
		int rc;

		for (unsigned i = 0; i < 4; i++) {
			if (!((iova | pa) & (sizes[i] - 1)) && len >= sizes[i]) {
				sz = sizes[i];
				break;
			}
		}
		rc = iohost_pt_map(h, pt, iova, pa, sz, prot);
		if (rc)
			return rc;
		iova += sz;
		pa += sz;
		len -= sz;
	}
	return 0;
}

/* Find the leaf for @iova: its PTE address and level; 0 when unmapped. */
static uint64_t find_leaf(struct iohost *h, const struct iohost_pt *pt, uint64_t iova,
			  unsigned *lvl_out, uint64_t *pte_out)
{
	uint64_t table = pt->root;

	if (!va_ok(pt, iova))
		return 0;
	for (int lvl = (int)pt->levels - 1; lvl >= 0; lvl--) {
		uint64_t a = pte_addr(pt, table, iova, (unsigned)lvl), e = mrd(h, a);

		if (!(e & RISCV_IOMMU_PTE_V))
			return 0;
		if (e & PTE_LEAF_MASK) {
			*lvl_out = (unsigned)lvl;
			*pte_out = e;
			return a;
		}
		table = pte_to_pa(e);
	}
	return 0;
}

int64_t iohost_pt_unmap(struct iohost *h, struct iohost_pt *pt, uint64_t iova)
{
	unsigned lvl;
	uint64_t e, a = find_leaf(h, pt, iova, &lvl, &e);

	if (!a)
		return IOHOST_ENOENT;
	if (e & RISCV_IOMMU_PTE_N) {
		uint64_t first = a & ~(uint64_t)(16 * 8 - 1);

		for (unsigned i = 0; i < 16; i++)
			mwr(h, first + i * 8u, 0);
		return (int64_t)IOHOST_SZ_64K;
	}
	mwr(h, a, 0);
	return (int64_t)(1ull << (12 + 9 * lvl));
}

uint64_t iohost_pt_lookup(struct iohost *h, const struct iohost_pt *pt, uint64_t iova)
{
	unsigned lvl;
	uint64_t e, sz;

	if (!find_leaf(h, pt, iova, &lvl, &e))
		return 0;
	sz = (e & RISCV_IOMMU_PTE_N) ? IOHOST_SZ_64K : 1ull << (12 + 9 * lvl);
	return (pte_to_pa(e) & ~(sz - 1)) | (iova & (sz - 1));
}
