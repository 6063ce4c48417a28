/* SPDX-License-Identifier: Apache-2.0 */
/* Field helpers for the generated masks, static checks of the layouts (doc/design-rules.md §3). */
#ifndef RISCV_IOMMU_BITS_H
#define RISCV_IOMMU_BITS_H

#include <stdint.h>

#include "riscv_iommu_regs.h"

/** GENMASK_ULL() - 64-bit mask of bits @h down to @l (inclusive), as in Linux. */
#define GENMASK_ULL(h, l) ((~0ULL >> (63 - (h))) & ~((1ULL << (l)) - 1))

/** GENMASK() - 32-bit mask of bits @h down to @l. */
#define GENMASK(h, l) ((uint32_t)GENMASK_ULL(h, l))

/** BIT_ULL() - 64-bit mask of bit @n. */
#define BIT_ULL(n) (1ULL << (n))

/* Lowest set bit of a mask (its shift): the run-time fallback of RISCV_IOMMU_MASK_SHIFT(). */
static inline unsigned riscv_iommu_mask_shift(uint64_t mask)
{
	unsigned s = 0;

	while (mask && !(mask & 1)) {
		mask >>= 1;
		s++;
	}
	return s;
}

/*
 * RISCV_IOMMU_MASK_SHIFT() - shift of the field @mask (its lowest set bit; 0 for mask 0). For a
 * constant mask (every generated one) it is an integer constant expression, folded by the
 * compiler even at -O0, so FIELD_GET/FIELD_PREP compile to one AND and one constant shift;
 * only a run-time mask takes the loop (no __ctzdi2 libcall on rv32 without Zbb).
 */
#if defined(__GNUC__) || defined(__clang__)
#define RISCV_IOMMU_MASK_SHIFT(mask)                                                     \
	(__builtin_constant_p(mask)                                                      \
		 ? ((uint64_t)(mask) ? (unsigned)__builtin_ctzll((uint64_t)(mask)) : 0u) \
		 : riscv_iommu_mask_shift(mask))
#else
#define RISCV_IOMMU_MASK_SHIFT(mask) riscv_iommu_mask_shift(mask)
#endif

/** FIELD_GET() - extract the field @mask from @reg, shifted down to bit 0. */
#define FIELD_GET(mask, reg) (((uint64_t)(reg) & (uint64_t)(mask)) >> RISCV_IOMMU_MASK_SHIFT(mask))

/** FIELD_PREP() - place @val into the field @mask (bits outside the field are dropped). */
#define FIELD_PREP(mask, val) (((uint64_t)(val) << RISCV_IOMMU_MASK_SHIFT(mask)) & (uint64_t)(mask))

#if defined(__GNUC__) || defined(__clang__)
_Static_assert(FIELD_GET(GENMASK_ULL(63, 40), 0xABCDEF0000000000ull) == 0xABCDEF &&
		       FIELD_PREP(GENMASK_ULL(39, 34), 0x3F) == 0xFC00000000ull &&
		       RISCV_IOMMU_MASK_SHIFT(BIT_ULL(63)) == 63,
	       "FIELD_GET/FIELD_PREP fold to constant shifts for constant masks");
#endif

/* Structure sizes (spec 3.1.3 DC, 3.2.2 PC, 4.1 command, 4.2 fault record, AIA MSI PTE). */
_Static_assert(RISCV_IOMMU_DC_SIZE == 64, "extended device context is 64 bytes");
_Static_assert(RISCV_IOMMU_DC_BASE_SIZE == 32, "base device context is 32 bytes");
_Static_assert(RISCV_IOMMU_PC_SIZE == 16, "process context is 16 bytes");
_Static_assert(RISCV_IOMMU_CMD_SIZE == 16, "command is 16 bytes");
_Static_assert(RISCV_IOMMU_FQ_SIZE == 32, "fault record is 32 bytes");
_Static_assert(RISCV_IOMMU_MSIPTE_SIZE == 16, "MSI PTE is 16 bytes");
_Static_assert(RISCV_IOMMU_DDTE_SIZE == 8 && RISCV_IOMMU_PDTE_SIZE == 8 &&
		       RISCV_IOMMU_PTE_SIZE == 8,
	       "directory entries and PTEs are 8 bytes");
_Static_assert(RISCV_IOMMU_DC_RSVD_OFFSET + 8 == RISCV_IOMMU_DC_SIZE, "DC words fill 64 bytes");
_Static_assert(RISCV_IOMMU_FQ_IOTVAL2_OFFSET + 8 == RISCV_IOMMU_FQ_SIZE,
	       "record words fill 32 bytes");
_Static_assert(RISCV_IOMMU_REG_MSI_VEC_CTL_15 + 4 == RISCV_IOMMU_PAGE_HOST_SIZE,
	       "msi_cfg_tbl ends the host part of the page");
_Static_assert(RISCV_IOMMU_REG_IOHPMEVT(31) + 8 == RISCV_IOMMU_REG_TR_REQ_IOVA,
	       "HPM block ends at tr_req_iova");

/* In-memory structures as arrays of little-endian 64-bit words (no C bit-fields). */
/** struct riscv_iommu_dc - extended device context (spec 3.1.3). */
struct riscv_iommu_dc {
	uint64_t tc, iohgatp, ta, fsc, msiptp, msi_addr_mask, msi_addr_pattern, reserved;
};
/** struct riscv_iommu_pc - process context (spec 3.2.2). */
struct riscv_iommu_pc {
	uint64_t ta, fsc;
};
/** struct riscv_iommu_cmd - command queue entry (spec 4.1). */
struct riscv_iommu_cmd {
	uint64_t dw0, dw1;
};
/** struct riscv_iommu_fq_record - fault queue record (spec 4.2). */
struct riscv_iommu_fq_record {
	uint64_t hdr, custom, iotval, iotval2;
};
/** struct riscv_iommu_msipte - MSI page-table entry (AIA / spec 3.1.3.6). */
struct riscv_iommu_msipte {
	uint64_t pte, mrif_info;
};

_Static_assert(sizeof(struct riscv_iommu_dc) == RISCV_IOMMU_DC_SIZE, "DC layout");
_Static_assert(sizeof(struct riscv_iommu_pc) == RISCV_IOMMU_PC_SIZE, "PC layout");
_Static_assert(sizeof(struct riscv_iommu_cmd) == RISCV_IOMMU_CMD_SIZE, "command layout");
_Static_assert(sizeof(struct riscv_iommu_fq_record) == RISCV_IOMMU_FQ_SIZE, "fault record layout");
_Static_assert(sizeof(struct riscv_iommu_msipte) == RISCV_IOMMU_MSIPTE_SIZE, "MSI PTE layout");

#endif /* RISCV_IOMMU_BITS_H */
