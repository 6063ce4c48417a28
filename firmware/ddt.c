// SPDX-License-Identifier: Apache-2.0
/* Device-directory walk, device-context checks and context-cache fill (IOMMU spec 2.3.1, 2.1.4). */
#include "ddt.h"
#include "fq.h"
#include "msi.h"
#include "pdt.h"
#include "hal/console.h"

/* clang-format off */
/* tc bits other than V..SXL (11:0) and custom (31:24) are reserved. */
#define TC_RSVD       (GENMASK_ULL(23, 12) | GENMASK_ULL(63, 32))
#define TA_RSVD       (GENMASK_ULL(11, 0) | GENMASK_ULL(39, 32))
/* The bits between PPN and MODE of iohgatp-style pointers (fsc, msiptp). */
#define ATP_MID_RSVD  GENMASK_ULL(59, 44)
#define DDTE_RSVD     (~(RISCV_IOMMU_DDTE_V | RISCV_IOMMU_DDTE_PPN))
#define TC_ATS_BITS   (RISCV_IOMMU_DC_TC_EN_ATS | RISCV_IOMMU_DC_TC_EN_PRI | RISCV_IOMMU_DC_TC_PRPR)
/* clang-format on */

static bool cap(uint64_t caps, uint64_t bit)
{
	return (caps & bit) != 0;
}

/* iosatp MODE legal for SXL (Sv32 is the only SXL=1 scheme; we never have it). */
static bool iosatp_mode_ok(unsigned mode, bool sxl, uint64_t caps)
{
	if (mode == RISCV_IOMMU_IOSATP_MODE_BARE)
		return true;
	if (sxl)
		return mode == RISCV_IOMMU_IOSATP_MODE_SV32 &&
		       cap(caps, RISCV_IOMMU_CAPABILITIES_SV32);
	return (mode == RISCV_IOMMU_IOSATP_MODE_SV39 && cap(caps, RISCV_IOMMU_CAPABILITIES_SV39)) ||
	       (mode == RISCV_IOMMU_IOSATP_MODE_SV48 && cap(caps, RISCV_IOMMU_CAPABILITIES_SV48)) ||
	       (mode == RISCV_IOMMU_IOSATP_MODE_SV57 && cap(caps, RISCV_IOMMU_CAPABILITIES_SV57));
}

static bool iohgatp_mode_ok(unsigned mode, bool gxl, uint64_t caps)
{
	if (mode == RISCV_IOMMU_IOHGATP_MODE_BARE)
		return true;
	if (gxl)
		return mode == RISCV_IOMMU_IOHGATP_MODE_SV32X4 &&
		       cap(caps, RISCV_IOMMU_CAPABILITIES_SV32X4);
	return (mode == RISCV_IOMMU_IOHGATP_MODE_SV39X4 &&
		cap(caps, RISCV_IOMMU_CAPABILITIES_SV39X4)) ||
	       (mode == RISCV_IOMMU_IOHGATP_MODE_SV48X4 &&
		cap(caps, RISCV_IOMMU_CAPABILITIES_SV48X4)) ||
	       (mode == RISCV_IOMMU_IOHGATP_MODE_SV57X4 &&
		cap(caps, RISCV_IOMMU_CAPABILITIES_SV57X4));
}

static bool pdtp_mode_ok(unsigned mode, uint64_t caps)
{
	switch (mode) {
	case RISCV_IOMMU_PDTP_MODE_BARE:
		return true;
	case RISCV_IOMMU_PDTP_MODE_PD8:
		return cap(caps, RISCV_IOMMU_CAPABILITIES_PD8);
	case RISCV_IOMMU_PDTP_MODE_PD17:
		return cap(caps, RISCV_IOMMU_CAPABILITIES_PD17);
	case RISCV_IOMMU_PDTP_MODE_PD20:
		return cap(caps, RISCV_IOMMU_CAPABILITIES_PD20);
	default:
		return false;
	}
}

/* Width of the MSI GPA (MGPAW): the widest G-stage scheme, else PAS. */
static unsigned mgpaw(uint64_t caps)
{
	if (cap(caps, RISCV_IOMMU_CAPABILITIES_SV57X4))
		return 59;
	if (cap(caps, RISCV_IOMMU_CAPABILITIES_SV48X4))
		return 50;
	if (cap(caps, RISCV_IOMMU_CAPABILITIES_SV39X4))
		return 41;
	return (unsigned)FW_GET(RISCV_IOMMU_CAPABILITIES_PAS, caps);
}

/* The MSI fields of the extended DC: reserved bits, msiptp mode, Flat needs a G-stage. */
static bool dc_msi_misconfigured(const struct riscv_iommu_dc *dc, uint64_t caps, unsigned gmode)
{
	unsigned w	 = mgpaw(caps);
	uint64_t mrsvd	 = w >= 64 ? 0 : GENMASK_ULL(63, w - 12);
	unsigned msimode = (unsigned)FW_GET(RISCV_IOMMU_DC_MSIPTP_MODE, dc->msiptp);

	if ((dc->msiptp & ATP_MID_RSVD) || (dc->msi_addr_mask & mrsvd) ||
	    (dc->msi_addr_pattern & mrsvd) || dc->reserved)
		return true;
	if (msimode == RISCV_IOMMU_MSIPTP_MODE_OFF)
		return false;
	/*
	 * Flat only, with MSI_FLAT; and Off is required when iohgatp is Bare (spec "Device-context
	 * configuration checks").
	 */
	return msimode != RISCV_IOMMU_MSIPTP_MODE_FLAT ||
	       !cap(caps, RISCV_IOMMU_CAPABILITIES_MSI_FLAT) ||
	       gmode == RISCV_IOMMU_IOHGATP_MODE_BARE;
}

unsigned ddt_dc_check(const struct riscv_iommu_dc *dc, uint64_t caps, uint32_t fctl, bool ext)
{
	uint64_t tc	 = dc->tc;
	bool gxl	 = (fctl & RISCV_IOMMU_FCTL_GXL) != 0;
	bool sxl	 = (tc & RISCV_IOMMU_DC_TC_SXL) != 0;
	unsigned gmode	 = (unsigned)FW_GET(RISCV_IOMMU_DC_IOHGATP_MODE, dc->iohgatp);
	unsigned fmode	 = (unsigned)FW_GET(RISCV_IOMMU_DC_FSC_MODE, dc->fsc);
	uint64_t ta_rsvd = TA_RSVD;

	if (!(tc & RISCV_IOMMU_DC_TC_V))
		return RISCV_IOMMU_FQ_CAUSE_DDT_INVALID;
	if (!cap(caps, RISCV_IOMMU_CAPABILITIES_QOSID))
		ta_rsvd |= RISCV_IOMMU_DC_TA_RCID | RISCV_IOMMU_DC_TA_MCID;
	/* Reserved bits and encodings. */
	if ((tc & TC_RSVD) || (dc->ta & ta_rsvd) || (dc->fsc & ATP_MID_RSVD))
		goto bad;
	if (ext && dc_msi_misconfigured(dc, caps, gmode))
		goto bad;
	/* ATS-dependent bits without their prerequisites. */
	if (!cap(caps, RISCV_IOMMU_CAPABILITIES_ATS) && (tc & TC_ATS_BITS))
		goto bad;
	if (!(tc & RISCV_IOMMU_DC_TC_EN_ATS) &&
	    (tc & (RISCV_IOMMU_DC_TC_T2GPA | RISCV_IOMMU_DC_TC_EN_PRI)))
		goto bad;
	if (!(tc & RISCV_IOMMU_DC_TC_EN_PRI) && (tc & RISCV_IOMMU_DC_TC_PRPR))
		goto bad;
	if ((tc & RISCV_IOMMU_DC_TC_T2GPA) &&
	    (!cap(caps, RISCV_IOMMU_CAPABILITIES_T2GPA) || gmode == RISCV_IOMMU_IOHGATP_MODE_BARE))
		goto bad;
	/* fsc: pdtp with PDTV=1, iosatp otherwise; DPE needs PDTV. */
	if (tc & RISCV_IOMMU_DC_TC_PDTV) {
		if (!pdtp_mode_ok(fmode, caps))
			goto bad;
	} else if (!iosatp_mode_ok(fmode, sxl, caps) || (tc & RISCV_IOMMU_DC_TC_DPE)) {
		goto bad;
	}
	/* iohgatp: supported mode for GXL; the 16 KiB root must be 16 KiB aligned. */
	if (!iohgatp_mode_ok(gmode, gxl, caps))
		goto bad;
	if (gmode != RISCV_IOMMU_IOHGATP_MODE_BARE &&
	    (FW_GET(RISCV_IOMMU_DC_IOHGATP_PPN, dc->iohgatp) & 3))
		goto bad;
	/* Hardware A/D updates need AMO_HWAD. */
	if (!cap(caps, RISCV_IOMMU_CAPABILITIES_AMO_HWAD) &&
	    (tc & (RISCV_IOMMU_DC_TC_GADE | RISCV_IOMMU_DC_TC_SADE)))
		goto bad;
	/* Endianness: without END, SBE must equal fctl.BE. */
	if (!cap(caps, RISCV_IOMMU_CAPABILITIES_END) &&
	    !!(tc & RISCV_IOMMU_DC_TC_SBE) != !!(fctl & RISCV_IOMMU_FCTL_BE))
		goto bad;
	/* SXL: must be 1 when GXL=1; 1 needs an Sv32 scheme. */
	if (gxl ? !sxl
		: (sxl &&
		   !cap(caps, RISCV_IOMMU_CAPABILITIES_SV32 | RISCV_IOMMU_CAPABILITIES_SV32X4)))
		goto bad;
	return 0;
bad:
	return RISCV_IOMMU_FQ_CAUSE_DDT_MISCONFIGURED;
}

/* Load one 8-byte word at @pa into the buffer at @off; false on a bus error. */
static bool load_beats(uint64_t pa, uint32_t off, uint32_t beats)
{
	return fw_burst(pa, off, beats, false) == FW_OK;
}

static uint64_t buf_read64(uint32_t off)
{
	return fw_buf_read32(off) | ((uint64_t)fw_buf_read32(off + 4) << 32);
}

unsigned ddt_locate(uint32_t did, uint64_t ddtp, uint64_t caps, uint32_t fctl,
		    struct riscv_iommu_dc *dc)
{
	bool ext	= cap(caps, RISCV_IOMMU_CAPABILITIES_MSI_FLAT);
	unsigned mode	= (unsigned)FW_GET(RISCV_IOMMU_DDTP_IOMMU_MODE, ddtp);
	unsigned levels = mode - RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL + 1;
	/* DDI split (spec 2.1): extended 6/9/9, base 7/9/8 bits. */
	unsigned lsb[3] = {0, ext ? 6u : 7u, ext ? 15u : 16u};
	unsigned width	= levels == 3 ? 24 : lsb[levels];
	unsigned dcsz	= ext ? RISCV_IOMMU_DC_SIZE : RISCV_IOMMU_DC_BASE_SIZE;
	uint64_t a	= FW_GET(RISCV_IOMMU_DDTP_PPN, ddtp) << 12;
	uint64_t *dw	= &dc->tc;

	if (did >> width)
		return RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED;
	for (unsigned l = levels - 1; l > 0; l--) {
		uint32_t idx = (did >> lsb[l]) & ((1u << (l == 2 ? width - lsb[2] : 9)) - 1);
		uint32_t off = FW_BUF_DDTE + 8 * l;
		uint64_t ddte;

		if (!load_beats(a + idx * 8u, off, 1))
			return RISCV_IOMMU_FQ_CAUSE_DDT_LOAD_FAULT;
		ddte = buf_read64(off);
		if (!(ddte & RISCV_IOMMU_DDTE_V))
			return RISCV_IOMMU_FQ_CAUSE_DDT_INVALID;
		if (ddte & DDTE_RSVD)
			return RISCV_IOMMU_FQ_CAUSE_DDT_MISCONFIGURED;
		a = FW_GET(RISCV_IOMMU_DDTE_PPN, ddte) << 12;
	}
	a += (did & ((1u << lsb[1]) - 1)) * dcsz;
	if (!load_beats(a, FW_BUF_DC, dcsz / 8))
		return RISCV_IOMMU_FQ_CAUSE_DDT_LOAD_FAULT;
	for (unsigned i = 0; i < 8; i++)
		dw[i] = i < dcsz / 8 ? buf_read64(FW_BUF_DC + 8 * i) : 0;
	return ddt_dc_check(dc, caps, fctl, ext);
}

/*
 * The context-cache entry of a checked DC, word by word: into @w, or (@mmio) straight into the
 * CTX_W registers. Inlined with a constant @mmio: the miss path writes no copy to the stack
 * (each store costs ~7 cycles on this core, and the copy was read back word by word).
 */
#define CTX_PUT(i, v)                                              \
	do {                                                       \
		if (mmio)                                          \
			fwif_write32(FWIF_CTX_W0 + 4u * (i), (v)); \
		else                                               \
			w[i] = (v);                                \
	} while (0)

static inline __attribute__((always_inline)) void ctx_fill(const struct riscv_iommu_dc *dc,
							   uint32_t did, uint32_t *w, bool mmio)
{
	uint64_t tc    = dc->tc;
	uint64_t fppn  = FW_GET(RISCV_IOMMU_DC_FSC_PPN, dc->fsc);
	uint64_t gppn  = FW_GET(RISCV_IOMMU_DC_IOHGATP_PPN, dc->iohgatp);
	uint64_t mppn  = FW_GET(RISCV_IOMMU_DC_MSIPTP_PPN, dc->msiptp);
	uint32_t pscid = 0;

	/* ta.PSCID is used only when PDTV=0 (the PC supplies it otherwise). */
	if (!(tc & RISCV_IOMMU_DC_TC_PDTV))
		pscid = (uint32_t)FW_GET(RISCV_IOMMU_DC_TA_PSCID, dc->ta);
	CTX_PUT(0, did & FWIF_CTX_W0_DID);
	CTX_PUT(1, ((tc & RISCV_IOMMU_DC_TC_PDTV) ? FWIF_CTX_W1_PDTV : 0) |
			   ((tc & RISCV_IOMMU_DC_TC_DTF) ? FWIF_CTX_W1_DTF : 0) |
			   ((tc & RISCV_IOMMU_DC_TC_DPE) ? FWIF_CTX_W1_DPE : 0));
	CTX_PUT(2, (pscid & FWIF_CTX_W2_PSCID) | ((uint32_t)FW_GET(RISCV_IOMMU_DC_FSC_MODE, dc->fsc)
						  << FWIF_CTX_W2_IOSATP_MODE_SHIFT));
	CTX_PUT(3, (uint32_t)fppn);
	CTX_PUT(4, (uint32_t)(fppn >> 32) & FWIF_CTX_W4_IOSATP_PPN_HI);
	CTX_PUT(5, (uint32_t)FW_GET(RISCV_IOMMU_DC_IOHGATP_GSCID, dc->iohgatp) |
			   ((uint32_t)FW_GET(RISCV_IOMMU_DC_IOHGATP_MODE, dc->iohgatp)
			    << FWIF_CTX_W5_IOHGATP_MODE_SHIFT));
	CTX_PUT(6, (uint32_t)gppn);
	CTX_PUT(7, (uint32_t)(gppn >> 32) & FWIF_CTX_W7_IOHGATP_PPN_HI);
	CTX_PUT(8, (uint32_t)FW_GET(RISCV_IOMMU_DC_MSIPTP_MODE, dc->msiptp)
			   << FWIF_CTX_W8_MSIPTP_MODE_SHIFT);
	CTX_PUT(9, (uint32_t)mppn);
	CTX_PUT(10, (uint32_t)(mppn >> 32) & FWIF_CTX_W10_MSIPTP_PPN_HI);
	CTX_PUT(11, (uint32_t)dc->msi_addr_mask);
	CTX_PUT(12, (uint32_t)(dc->msi_addr_mask >> 32) & FWIF_CTX_W12_MSI_ADDR_MASK_HI);
	CTX_PUT(13, (uint32_t)dc->msi_addr_pattern);
	CTX_PUT(14, (uint32_t)(dc->msi_addr_pattern >> 32) & FWIF_CTX_W14_MSI_ADDR_PATTERN_HI);
	CTX_PUT(15, 0);
}

void ddt_ctx_build(const struct riscv_iommu_dc *dc, uint32_t did, uint32_t w[16])
{
	ctx_fill(dc, did, w, false);
}

void ddt_ctx_load(const struct riscv_iommu_dc *dc, uint32_t did)
{
	ctx_fill(dc, did, (uint32_t *)0, true);
	fwif_write32(FWIF_CTX_CMD, FWIF_CTX_CMD_LOAD);
}

/*
 * The misses that are not a plain device context: a process context (PDTV) or a fault. Kept out
 * of ddt_handle_miss() so that the common path has a small stack frame (stores are dear here).
 */
static __attribute__((noinline)) void ddt_miss_other(const struct fw_event *ev,
						     const struct riscv_iommu_dc *dc,
						     unsigned cause, uint64_t caps)
{
	uint32_t w1	  = ev->w[1];
	struct fq_src src = {
		.did   = ev->w[0] & FWIF_EVT_CTX_MISS_W0_DID,
		.pid   = w1 & FWIF_EVT_CTX_MISS_W1_PID,
		.pv    = (w1 & FWIF_EVT_CTX_MISS_W1_PV) != 0,
		.priv  = (w1 & FWIF_EVT_CTX_MISS_W1_PRIV) != 0,
		.exec  = (w1 & FWIF_EVT_CTX_MISS_W1_EXEC) != 0,
		.write = (w1 & FWIF_EVT_CTX_MISS_W1_WRITE) != 0,
	};
	uint64_t iova	 = (uint64_t)ev->w[2] | ((uint64_t)ev->w[3] << 32);
	uint64_t iotval2 = 0;
	uint32_t ctx[16];

	if (!cause) {
		/*
		 * Spec "Process to translate an IOVA": the transaction-type check (step 4, 260)
		 * comes after the DDT walk (step 3) and before the PDT walk (step 6), so an
		 * unsupported request (flagged by the datapath, which needs a context to judge it
		 * itself) fails here without a PDT access. Else the process context (pdt.c). Both
		 * are translation faults: DTF applies.
		 */
		if (w1 & FWIF_EVT_CTX_MISS_W1_UNSUP)
			cause = RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED;
		else
			cause = pdt_ctx_build(dc, caps, &src, ctx, &iotval2);
		if (!cause) {
			fw_ctx_load(ctx);
			fw_miss_retry();
			return;
		}
		fw_miss_fail(cause);
		if (!(dc->tc & RISCV_IOMMU_DC_TC_DTF))
			(void)fq_report(cause, &src, iova, iotval2);
		return;
	}
	/* Answer first (DMA never waits for the record), then report: no DC, so DTF=0. */
	fw_miss_fail(cause);
	(void)fq_report(cause, &src, iova, 0);
}

void ddt_handle_miss(const struct fw_event *ev)
{
	const struct fw_cfg *cfg = fw_cfg_get();
	uint64_t ddtp		 = cfg->ddtp;
	unsigned mode		 = (unsigned)FW_GET(RISCV_IOMMU_DDTP_IOMMU_MODE, ddtp);
	uint32_t did		 = ev->w[0] & FWIF_EVT_CTX_MISS_W0_DID;
	struct riscv_iommu_dc dc;
	unsigned cause;

	if (mode < RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL || mode > RISCV_IOMMU_DDTP_IOMMU_MODE_3LVL) {
		/* ddtp left the LVL modes meanwhile: the datapath judges the request again. */
		fw_miss_retry();
		return;
	}
	cause = ddt_locate(did, ddtp, cfg->caps, cfg->fctl, &dc);
	if (!cause && (dc.msiptp & RISCV_IOMMU_DC_MSIPTP_MODE))
		msi_note_ctx(did, &dc);
	if (!cause && !(dc.tc & RISCV_IOMMU_DC_TC_PDTV)) {
		ddt_ctx_load(&dc, did);
		fw_miss_retry();
		return;
	}
	ddt_miss_other(ev, &dc, cause, cfg->caps);
}
