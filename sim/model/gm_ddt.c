// SPDX-License-Identifier: Apache-2.0
/* Golden model: device-directory walk and device-context checks (spec 2.3.1, 2.1.4). */
#include "gm_internal.h"

/* Level index bits of device_id: base DC 7/9/8, extended DC 6/9/9 (spec 2.1). */
static uint32_t ddi(uint32_t did, unsigned lvl, bool ext)
{
	if (ext)
		return lvl == 0	  ? (did & 0x3f)
		       : lvl == 1 ? ((did >> 6) & 0x1ff)
				  : ((did >> 15) & 0x1ff);
	return lvl == 0 ? (did & 0x7f) : lvl == 1 ? ((did >> 7) & 0x1ff) : ((did >> 16) & 0xff);
}

static bool satp_mode_ok(const struct gm_ctx *c, unsigned mode, bool sxl)
{
	if (sxl)
		return mode == GM_SATP_BARE; /* Sv32 is not modelled */
	switch (mode) {
	case GM_SATP_BARE:
		return true;
	case GM_SATP_SV39:
		return c->caps & GM_CAP_SV39;
	case GM_SATP_SV48:
		return c->caps & GM_CAP_SV48;
	case GM_SATP_SV57:
		return c->caps & GM_CAP_SV57;
	default:
		return false;
	}
}

/* Highest GPA bit + 1 of MSI mask/pattern (spec: MGPAW). */
static unsigned mgpaw(const struct gm_ctx *c)
{
	if (c->caps & GM_CAP_SV57X4)
		return 59;
	if (c->caps & GM_CAP_SV48X4)
		return 50;
	if (c->caps & GM_CAP_SV39X4)
		return 41;
	return (unsigned)GM_GET(c->caps, 37, 32);
}

/* The DC configuration checks of spec 2.1.4, in the spec's order; true = misconfigured. */
static bool dc_misconfigured(const struct gm_ctx *c, bool ext)
{
	const uint64_t *dc = c->dc;
	uint64_t tc	   = dc[GM_DC_TC];
	bool gxl	   = c->env->fctl & GM_FCTL_GXL;
	bool be		   = c->env->fctl & GM_FCTL_BE;
	unsigned gmode	   = GM_ATP_MODE(dc[GM_DC_IOHGATP]);
	unsigned fmode	   = GM_ATP_MODE(dc[GM_DC_FSC]);

	/* 1. reserved bits and encodings */
	if ((tc & GM_TC_RSVD) || (dc[GM_DC_TA] & GM_TA_RSVD) || (dc[GM_DC_FSC] & GM_ATP_MID_RSVD))
		return true;
	if (ext) {
		unsigned w	 = mgpaw(c);
		uint64_t mrsvd	 = w < 64 ? GM_BITS(63, w - 12) : GM_BITS(63, 52);
		unsigned msimode = GM_ATP_MODE(dc[GM_DC_MSIPTP]);

		if ((dc[GM_DC_MSIPTP] & GM_ATP_MID_RSVD) || (dc[GM_DC_MSI_MASK] & mrsvd) ||
		    (dc[GM_DC_MSI_PATTERN] & mrsvd) || dc[GM_DC_RSVD])
			return true;
		/* msiptp.MODE other than Off/Flat; Flat with the G-stage Bare (reserved setting) */
		if (msimode != GM_MSIPTP_OFF && msimode != GM_MSIPTP_FLAT)
			return true;
		if (msimode != GM_MSIPTP_OFF && gmode == 0)
			return true;
	}
	/* 2-7. ATS-related bits: no ATS, no T2GPA here */
	if (!(c->caps & GM_CAP_ATS) && (tc & (GM_TC_EN_ATS | GM_TC_EN_PRI | GM_TC_PRPR)))
		return true;
	if (!(tc & GM_TC_EN_ATS) && (tc & (GM_TC_T2GPA | GM_TC_EN_PRI)))
		return true;
	if (!(tc & GM_TC_EN_PRI) && (tc & GM_TC_PRPR))
		return true;
	if (!(c->caps & GM_CAP_T2GPA) && (tc & GM_TC_T2GPA))
		return true;
	if ((tc & GM_TC_T2GPA) && gmode == 0)
		return true;
	/* 8. pdtp mode */
	if (tc & GM_TC_PDTV) {
		static const uint64_t pdcap[4] = {0, GM_CAP_PD8, GM_CAP_PD17, GM_CAP_PD20};

		if (fmode > GM_PDTP_PD20 || (fmode != GM_PDTP_BARE && !(c->caps & pdcap[fmode])))
			return true;
	} else {
		/* 9-11. iosatp mode; 12. DPE needs PDTV */
		if (!satp_mode_ok(c, fmode, tc & GM_TC_SXL))
			return true;
		if (tc & GM_TC_DPE)
			return true;
	}
	/* 13-15. iohgatp mode for GXL (Sv32x4 is not modelled) */
	if (gmode != 0) {
		if (gxl)
			return true;
		if (!(gmode == GM_HGATP_SV39X4 && (c->caps & GM_CAP_SV39X4)) &&
		    !(gmode == GM_HGATP_SV48X4 && (c->caps & GM_CAP_SV48X4)) &&
		    !(gmode == GM_HGATP_SV57X4 && (c->caps & GM_CAP_SV57X4)))
			return true;
		/* 17. the 16 KiB G-stage root must be 16 KiB aligned */
		if (GM_ATP_PPN(dc[GM_DC_IOHGATP]) & 3)
			return true;
	}
	/* 18. A/D update without AMO_HWAD */
	if (!(c->caps & GM_CAP_AMO_HWAD) && (tc & (GM_TC_GADE | GM_TC_SADE)))
		return true;
	/* 19/21. SBE must equal fctl.BE without END */
	if (!(c->caps & GM_CAP_END) && (!!(tc & GM_TC_SBE) != be))
		return true;
	/* 20. SXL legal values: 1 if GXL=1; 0 if GXL is not writable (no Sv32/Sv32x4) */
	if (gxl && !(tc & GM_TC_SXL))
		return true;
	if (!gxl && (tc & GM_TC_SXL) && !(c->caps & (GM_CAP_SV32 | GM_CAP_SV32X4)))
		return true;
	return false;
}

/**
 * gm_locate_dc() - spec 2.3.1 "Process to locate the Device-context".
 * @c:   translation context; c->dc is filled.
 * @did: device_id.
 *
 * Return: 0, or cause 260 (device_id too wide), 257, 258 or 259.
 */
unsigned gm_locate_dc(struct gm_ctx *c, uint32_t did)
{
	bool ext	= c->caps & GM_CAP_MSI_FLAT;
	unsigned mode	= (unsigned)GM_GET(c->env->ddtp, 3, 0);
	unsigned levels = mode - GM_DDTP_1LVL + 1;
	uint64_t a	= GM_GET(c->env->ddtp, 53, 10) << 12;
	bool err	= false;

	/* device_id wider than the mode supports */
	if (did > 0xffffff || (levels < 3 && ddi(did, 2, ext)) || (levels < 2 && ddi(did, 1, ext)))
		return GM_CAUSE_TTYP_DISALLOWED;
	for (unsigned i = levels - 1; i > 0; i--) {
		uint64_t ddte = gm_rd(c, a + ddi(did, i, ext) * 8u, &err);

		if (err)
			return GM_CAUSE_DDT_LOAD;
		if (!(ddte & GM_NL_V))
			return GM_CAUSE_DDT_INVALID;
		if (ddte & GM_NL_RSVD)
			return GM_CAUSE_DDT_MISCONF;
		a = GM_GET(ddte, 53, 10) << 12;
	}
	a += ddi(did, 0, ext) * (ext ? 64u : 32u);
	for (unsigned i = 0; i < 8; i++) {
		c->dc[i] = 0;
		if (i < (ext ? 8u : 4u))
			c->dc[i] = gm_rd(c, a + i * 8u, &err);
		if (err)
			return GM_CAUSE_DDT_LOAD;
	}
	if (!(c->dc[GM_DC_TC] & GM_TC_V))
		return GM_CAUSE_DDT_INVALID;
	if (dc_misconfigured(c, ext))
		return GM_CAUSE_DDT_MISCONF;
	return 0;
}
