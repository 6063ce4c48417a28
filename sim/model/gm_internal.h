/* SPDX-License-Identifier: Apache-2.0 */
/* Golden model internals shared by its files (not part of the model's API). */
#ifndef GM_INTERNAL_H
#define GM_INTERNAL_H

#include "golden.h"

/* clang-format off */
#define GM_BITS(hi, lo)      ((~0ull >> (63 - (hi))) & (~0ull << (lo)))
#define GM_GET(v, hi, lo)    (((v) & GM_BITS(hi, lo)) >> (lo))

/* DC.tc (spec 3.1.3.1) */
#define GM_TC_V              (1ull << 0)
#define GM_TC_EN_ATS         (1ull << 1)
#define GM_TC_EN_PRI         (1ull << 2)
#define GM_TC_T2GPA          (1ull << 3)
#define GM_TC_DTF            (1ull << 4)
#define GM_TC_PDTV           (1ull << 5)
#define GM_TC_PRPR           (1ull << 6)
#define GM_TC_GADE           (1ull << 7)
#define GM_TC_SADE           (1ull << 8)
#define GM_TC_DPE            (1ull << 9)
#define GM_TC_SBE            (1ull << 10)
#define GM_TC_SXL            (1ull << 11)
#define GM_TC_RSVD           (GM_BITS(23, 12) | GM_BITS(63, 32))

/* DC doubleword indexes */
#define GM_DC_TC             0
#define GM_DC_IOHGATP        1
#define GM_DC_TA             2
#define GM_DC_FSC            3
#define GM_DC_MSIPTP         4
#define GM_DC_MSI_MASK       5
#define GM_DC_MSI_PATTERN    6
#define GM_DC_RSVD           7

/* iohgatp / iosatp / pdtp / msiptp: PPN [43:0], MODE [63:60] */
#define GM_ATP_PPN(v)        GM_GET(v, 43, 0)
#define GM_ATP_MODE(v)       ((unsigned)GM_GET(v, 63, 60))
#define GM_ATP_MID_RSVD      GM_BITS(59, 44)
#define GM_TA_RSVD           (GM_BITS(11, 0) | GM_BITS(63, 32))
#define GM_TA_PSCID(v)       ((uint32_t)GM_GET(v, 31, 12))

/* Non-leaf DDTE / PDTE: V [0], PPN [53:10] */
#define GM_NL_V              1ull
#define GM_NL_RSVD           (GM_BITS(9, 1) | GM_BITS(63, 54))

/* PC.ta */
#define GM_PC_V              (1ull << 0)
#define GM_PC_ENS            (1ull << 1)
#define GM_PC_SUM            (1ull << 2)
#define GM_PC_TA_RSVD        (GM_BITS(11, 3) | GM_BITS(63, 32))

/* Modes */
#define GM_SATP_BARE         0u
#define GM_SATP_SV39         8u
#define GM_SATP_SV48         9u
#define GM_SATP_SV57         10u
#define GM_HGATP_SV39X4      8u
#define GM_HGATP_SV48X4      9u
#define GM_HGATP_SV57X4      10u
#define GM_PDTP_BARE         0u
#define GM_PDTP_PD8          1u
#define GM_PDTP_PD17         2u
#define GM_PDTP_PD20         3u
#define GM_MSIPTP_OFF        0u
#define GM_MSIPTP_FLAT       1u

/* Priv-spec PTE */
#define GM_PTE_V             (1ull << 0)
#define GM_PTE_R             (1ull << 1)
#define GM_PTE_W             (1ull << 2)
#define GM_PTE_X             (1ull << 3)
#define GM_PTE_U             (1ull << 4)
#define GM_PTE_G             (1ull << 5)
#define GM_PTE_A             (1ull << 6)
#define GM_PTE_D             (1ull << 7)
#define GM_PTE_N             (1ull << 63)
#define GM_PTE_PPN(v)        GM_GET(v, 53, 10)
/* 62:61 PBMT (no Svpbmt) and 60:54 (no Svrsw60t59b) are reserved */
#define GM_PTE_RSVD          GM_BITS(62, 54)
/* clang-format on */

/**
 * struct gm_ctx - one translation in progress.
 * Access type: @wr write, @ex exec (read for execute), neither = read.
 */
struct gm_ctx {
	const struct gm_env *env;
	uint64_t caps;
	bool wr, ex, priv, sum;
	uint64_t dc[8];
	unsigned s_mode;
	uint64_t s_ppn;
	unsigned g_mode;
	uint64_t g_ppn;
	uint64_t iotval2;
	uint64_t page_size;
	unsigned at; /* GM_AT_*: where the fault arose */
	struct gm_info *info;
};

/* The three fault causes of the original access type (spec: "corresponding to the original access type"). */
unsigned gm_cause_access(const struct gm_ctx *c);
unsigned gm_cause_page(const struct gm_ctx *c);
unsigned gm_cause_guest(const struct gm_ctx *c);

uint64_t gm_rd(const struct gm_ctx *c, uint64_t pa, bool *err);
/* A hardware A/D update of the leaf PTE at @pa to @val (written if env->wr64; counted in
 * gm_info.ad_updates if @count). */
void gm_ad_update(const struct gm_ctx *c, uint64_t pa, uint64_t val, bool count);

/* gm_ddt.c: locate and check the DC; 0 or a cause. */
unsigned gm_locate_dc(struct gm_ctx *c, uint32_t did);
/* gm_pdt.c: locate the PC of @pid; 0 or a cause. */
unsigned gm_locate_pc(struct gm_ctx *c, uint32_t pid, uint64_t pc[2]);
/* gm_walk.c */
unsigned gm_gstage(struct gm_ctx *c, uint64_t gpa, bool implicit, unsigned acc_cause,
		   uint64_t *spa);
unsigned gm_fstage(struct gm_ctx *c, uint64_t iova, uint64_t *gpa);
/* gm_msi.c: *@hit says whether @gpa is a virtual interrupt file. */
unsigned gm_msi(struct gm_ctx *c, uint64_t gpa, bool *hit, uint64_t *pa);

#endif /* GM_INTERNAL_H */
