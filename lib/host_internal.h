/* SPDX-License-Identifier: Apache-2.0 */
/* Host library internals: register/memory accessors and field helpers (not exported). */
#ifndef HOST_INTERNAL_H
#define HOST_INTERNAL_H

#include "riscv_iommu_host.h"
#include "riscv_iommu_regs.h"

/* Field helpers over the generated 64-bit masks (riscv_iommu_bits.h style). */
static inline uint64_t fget(uint64_t mask, uint64_t v)
{
	return (v & mask) >> __builtin_ctzll(mask);
}

static inline uint64_t fprep(uint64_t mask, uint64_t v)
{
	return (v << __builtin_ctzll(mask)) & mask;
}

static inline uint32_t rd32(struct iohost *h, uint32_t off)
{
	return h->ops.read32(h->ops.ctx, off);
}

static inline uint64_t rd64(struct iohost *h, uint32_t off)
{
	return h->ops.read64(h->ops.ctx, off);
}

static inline void wr32(struct iohost *h, uint32_t off, uint32_t v)
{
	h->ops.write32(h->ops.ctx, off, v);
}

static inline void wr64(struct iohost *h, uint32_t off, uint64_t v)
{
	h->ops.write64(h->ops.ctx, off, v);
}

static inline uint64_t mrd(struct iohost *h, uint64_t pa)
{
	return h->ops.mem_read64(h->ops.ctx, pa);
}

static inline void mwr(struct iohost *h, uint64_t pa, uint64_t v)
{
	h->ops.mem_write64(h->ops.ctx, pa, v);
}

static inline void wmb(struct iohost *h)
{
	if (h->ops.wmb)
		h->ops.wmb(h->ops.ctx);
}

/* PPN field [53:10] of DDTEs, PDTEs and PTEs, from/to a physical address. */
static inline uint64_t pa_to_pte(uint64_t pa)
{
	return (pa >> 12) << 10;
}

static inline uint64_t pte_to_pa(uint64_t pte)
{
	return fget(RISCV_IOMMU_PTE_PPN, pte) << 12;
}

/* Non-leaf directory level walk used by the DDT and the PDT: entry at @e, allocate if absent. */
uint64_t iohost_next_level(struct iohost *h, uint64_t e, bool alloc);
/* Poll a 32-bit register until (v & mask) == want; 0 or IOHOST_ETIMEDOUT. */
int iohost_poll32(struct iohost *h, uint32_t off, uint32_t mask, uint32_t want, uint32_t *last);

#endif /* HOST_INTERNAL_H */
