// SPDX-License-Identifier: Apache-2.0
/* Golden model: MSI address translation with a flat MSI page table (spec 2.3.3, AIA MSI PTEs). */
#include "gm_internal.h"

/* clang-format off */
#define MSIPTE_V          (1ull << 0)
#define MSIPTE_M(v)       ((unsigned)GM_GET(v, 2, 1))
#define MSIPTE_C          (1ull << 63)
#define MSIPTE_M_MRIF     1u
#define MSIPTE_M_BASIC    3u
/* basic mode: PPN [53:10]; reserved [9:3], [62:54] */
#define MSIPTE_BASIC_RSVD (GM_BITS(9, 3) | GM_BITS(62, 54))
/* MRIF mode dw0: MRIF address [55:9] in [53:7]; reserved [6:3], [62:54] */
#define MSIPTE_MRIF_RSVD  (GM_BITS(6, 3) | GM_BITS(62, 54))
/* MRIF mode dw1: N [9:0], NPPN [53:10], N10 [60]; reserved [59:54], [63:61] */
#define MSIPTE_MRIF_RSVD1 (GM_BITS(59, 54) | GM_BITS(63, 61))
/* clang-format on */

/* extract(x, mask): gather the bits of x selected by mask to the low end (spec 2.3.3). */
static uint64_t extract(uint64_t x, uint64_t mask)
{
	uint64_t r = 0;
	unsigned n = 0;

	for (unsigned i = 0; i < 64; i++) {
		if (mask & (1ull << i)) {
			r |= ((x >> i) & 1) << n;
			n++;
		}
	}
	return r;
}

/**
 * gm_msi() - spec 2.3.3 "Process to translate addresses of MSIs".
 * @c:   translation context (DC located; msiptp.MODE is Flat).
 * @gpa: the GPA produced by the first stage.
 * @hit: set when @gpa is the page of a virtual interrupt file.
 * @pa:  the translated address (basic mode) or the MRIF address (MRIF mode).
 *
 * Return: 0 or cause 261/262/263, or 1 for a read-for-execute.
 */
unsigned gm_msi(struct gm_ctx *c, uint64_t gpa, bool *hit, uint64_t *pa)
{
	uint64_t mask = c->dc[GM_DC_MSI_MASK] & GM_BITS(51, 0);
	uint64_t pat  = c->dc[GM_DC_MSI_PATTERN] & GM_BITS(51, 0);
	uint64_t a, pte0, pte1 = 0;
	bool err = false;

	*hit = false;
	if (GM_ATP_MODE(c->dc[GM_DC_MSIPTP]) != GM_MSIPTP_FLAT)
		return 0;
	if (((gpa >> 12) & ~mask) != (pat & ~mask))
		return 0;
	*hit = true;
	a    = (GM_ATP_PPN(c->dc[GM_DC_MSIPTP]) << 12) | (extract(gpa >> 12, mask) * 16u);
	pte0 = gm_rd(c, a, &err);
	if (err)
		return GM_CAUSE_MSI_LOAD;
	if (!(pte0 & MSIPTE_V))
		return GM_CAUSE_MSI_INVALID;
	/* C=1 is implementation-defined; this implementation defines no custom format */
	if (pte0 & MSIPTE_C)
		return GM_CAUSE_MSI_MISCONF;
	if (MSIPTE_M(pte0) == MSIPTE_M_BASIC) {
		if (pte0 & MSIPTE_BASIC_RSVD)
			return GM_CAUSE_MSI_MISCONF;
		*pa = (GM_GET(pte0, 53, 10) << 12) | (gpa & 0xfff);
	} else if (MSIPTE_M(pte0) == MSIPTE_M_MRIF) {
		if (!(c->caps & GM_CAP_MSI_MRIF))
			return GM_CAUSE_MSI_MISCONF;
		pte1 = gm_rd(c, a + 8, &err);
		if (err)
			return GM_CAUSE_MSI_LOAD;
		if ((pte0 & MSIPTE_MRIF_RSVD) || (pte1 & MSIPTE_MRIF_RSVD1))
			return GM_CAUSE_MSI_MISCONF;
		*pa = GM_GET(pte0, 53, 7) << 9;
		if (c->info) {
			c->info->mrif	     = true;
			c->info->notice_addr = GM_GET(pte1, 53, 10) << 12;
			c->info->notice_data =
				(uint32_t)(GM_GET(pte1, 9, 0) | (GM_GET(pte1, 60, 60) << 10));
		}
	} else {
		return GM_CAUSE_MSI_MISCONF; /* M=0 or M=2 */
	}
	/* permissions of a G-stage PTE with R=W=U=1, X=0 */
	if (c->ex)
		return GM_CAUSE_EXEC_ACCESS;
	c->page_size = 4096;
	return 0;
}
