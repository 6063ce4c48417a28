// SPDX-License-Identifier: Apache-2.0
/* Device-directory walk and context-cache fill on a context miss (IOMMU spec 2.3.1). */
#include "ddt.h"
#include "fq.h"
#include "msi.h"
#include "pdt.h"
#include "hal/console.h"

/* clang-format off */
#define DDTE_RSVD     (~(RISCV_IOMMU_DDTE_V | RISCV_IOMMU_DDTE_PPN))
/* clang-format on */

static inline __attribute__((always_inline)) uint64_t buf_read64(uint32_t off)
{
	return fw_buf_read32(off) | ((uint64_t)fw_buf_read32(off + 4) << 32);
}

/*
 * The DC load: BURST_CTRL.CTX puts its beats into CTX_W0..15 too, where iommu_dc_check judges
 * them; the status that ends the wait carries the verdict. @flags may add CTX_LOAD. Inlined: no
 * call on the miss path, and no argument checks (a DC is 32- or 64-byte aligned, in one page).
 */
static inline __attribute__((always_inline)) uint32_t dc_load(uint64_t pa, uint32_t beats,
							      uint32_t flags)
{
	fwif_write32(FWIF_BURST_ADDR_LO, (uint32_t)pa);
	fwif_write32(FWIF_BURST_ADDR_HI, (uint32_t)(pa >> 32));
	fwif_write32(FWIF_BURST_CTRL, FWIF_BURST_CTRL_CTX | flags |
					      (beats << FWIF_BURST_CTRL_BEATS_SHIFT) |
					      (FW_BUF_DC << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
	return fw_burst_poll();
}

/*
 * The directory's geometry for the cached ddtp and capabilities (fw_cfg), derived when their
 * generation changes: the miss path computes no field of ddtp.
 */
struct ddt_geom {
	uint32_t gen;	  /* fw_cfg_shadow.gen it comes from (0: never derived) */
	uint32_t lim;	  /* device_ids below it are entries of a 1LVL root; 0 unless 1LVL */
	uint32_t width;	  /* device_id bits the directory has */
	uint32_t levels;  /* 1..3 */
	uint32_t lsb1;	  /* DDI split (spec 2.1): extended 6/9/9, base 7/9/8 bits */
	uint32_t shift;	  /* log2 of the DC size */
	uint32_t base_lo; /* the root table (4 KiB aligned: entry offsets never carry) */
	uint32_t base_hi;
	bool ext;
	bool lvl; /* ddtp is a LVL mode (else the datapath judges the request again) */
};

static struct ddt_geom dc1;

static void geom(struct ddt_geom *g, uint64_t ddtp, uint64_t caps)
{
	uint64_t root = FW_GET(RISCV_IOMMU_DDTP_PPN, ddtp) << 12;
	unsigned mode = (unsigned)FW_GET(RISCV_IOMMU_DDTP_IOMMU_MODE, ddtp);

	g->ext = (caps & RISCV_IOMMU_CAPABILITIES_MSI_FLAT) != 0;
	g->lvl = mode >= RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL &&
		 mode <= RISCV_IOMMU_DDTP_IOMMU_MODE_3LVL;
	g->levels  = mode - RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL + 1;
	g->shift   = g->ext ? 6u : 5u;
	g->lsb1	   = g->ext ? 6u : 7u;
	g->width   = g->levels == 3 ? 24u : g->levels == 2 ? g->lsb1 + 9 : g->lsb1;
	g->lim	   = mode == RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL ? 1u << g->lsb1 : 0u;
	g->base_lo = (uint32_t)root;
	g->base_hi = (uint32_t)(root >> 32);
}

/*
 * The non-leaf levels of a 2LVL/3LVL directory (@levels - 1 DDTEs, one 1-beat burst each) from
 * the root at @lo, @hi (4 KiB aligned): the leaf table's address there, or the cause. In 32-bit
 * halves (RV32): a table is 4 KiB aligned and an entry offset below 4 KiB, so no carry.
 */
static inline __attribute__((always_inline)) unsigned
walk(uint32_t did, unsigned levels, unsigned lsb1, uint32_t *lo, uint32_t *hi)
{
	for (unsigned l = levels - 1; l > 0; l--) {
		uint32_t idx = l == 2 ? did >> (lsb1 + 9) : (did >> lsb1) & 0x1FFu;
		uint32_t off = FW_BUF_DDTE + 8 * l;
		uint32_t st, dlo, dhi;

		/* One beat into the buffer (fw_burst() without its checks and calls). */
		fwif_write32(FWIF_BURST_ADDR_LO, *lo | (idx << 3));
		fwif_write32(FWIF_BURST_ADDR_HI, *hi);
		fwif_write32(FWIF_BURST_CTRL, (1u << FWIF_BURST_CTRL_BEATS_SHIFT) |
						      (off << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
		st = fw_burst_poll();
		if (st & FWIF_BURST_STATUS_ERR)
			return RISCV_IOMMU_FQ_CAUSE_DDT_LOAD_FAULT;
		dlo = fw_buf_read32(off);
		dhi = fw_buf_read32(off + 4);
		if (!(dlo & (uint32_t)RISCV_IOMMU_DDTE_V))
			return RISCV_IOMMU_FQ_CAUSE_DDT_INVALID;
		if ((dlo & (uint32_t)DDTE_RSVD) || (dhi & (uint32_t)(DDTE_RSVD >> 32)))
			return RISCV_IOMMU_FQ_CAUSE_DDT_MISCONFIGURED;
		/* The next table: PPN (bits 53:10) << 12, i.e. the DDTE's PPN bits shifted by 2. */
		*lo = (dlo & (uint32_t)RISCV_IOMMU_DDTE_PPN) << 2;
		*hi = (dhi << 2) | (dlo >> 30);
	}
	return 0;
}

/* The DC's address for @did in the directory @g, or the cause (260, or a DDTE's). */
static inline __attribute__((always_inline)) unsigned dc_addr(const struct ddt_geom *g,
							      uint32_t did, uint64_t *a)
{
	uint32_t lo = g->base_lo, hi = g->base_hi;
	unsigned cause;

	if (did >> g->width)
		return RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED;
	cause = walk(did, g->levels, g->lsb1, &lo, &hi);
	if (cause)
		return cause;
	*a = ((uint64_t)hi << 32) | (lo | ((did & ((1u << g->lsb1) - 1)) << g->shift));
	return 0;
}

/* The cause from the status that ended the DC load, or 0. */
static inline __attribute__((always_inline)) unsigned dc_cause(uint32_t st)
{
	if (st & FWIF_BURST_STATUS_ERR)
		return RISCV_IOMMU_FQ_CAUSE_DDT_LOAD_FAULT;
	if (st & FWIF_BURST_STATUS_DC_INVALID)
		return RISCV_IOMMU_FQ_CAUSE_DDT_INVALID;
	if (st & FWIF_BURST_STATUS_DC_BAD)
		return RISCV_IOMMU_FQ_CAUSE_DDT_MISCONFIGURED;
	return 0;
}

unsigned ddt_locate(uint32_t did, uint64_t ddtp, uint64_t caps, uint32_t *st)
{
	struct ddt_geom g;
	unsigned cause;
	uint64_t a;

	geom(&g, ddtp, caps);
	cause = dc_addr(&g, did, &a);
	if (cause)
		return cause;
	*st = dc_load(a, g.ext ? RISCV_IOMMU_DC_SIZE / 8 : RISCV_IOMMU_DC_BASE_SIZE / 8, 0);
	return dc_cause(*st);
}

static uint64_t ctx_read64(uint32_t i)
{
	return fwif_read32(FWIF_CTX_W0 + 8 * i) |
	       ((uint64_t)fwif_read32(FWIF_CTX_W0 + 8 * i + 4) << 32);
}

void ddt_dc_read(struct riscv_iommu_dc *dc)
{
	uint64_t *dw = &dc->tc;

	for (unsigned i = 0; i < 8; i++)
		dw[i] = ctx_read64(i);
}

/* A DC with MSI translation on: msi.c keeps its mask (msi_note_ctx() reads msiptp and mask). */
static __attribute__((noinline)) void ddt_note_msi(uint32_t did)
{
	struct riscv_iommu_dc dc;

	dc.msiptp	 = ctx_read64(RISCV_IOMMU_DC_MSIPTP_OFFSET / 8);
	dc.msi_addr_mask = ctx_read64(RISCV_IOMMU_DC_MSI_ADDR_MASK_OFFSET / 8);
	msi_note_ctx(did, &dc);
}

/*
 * The misses that are not a plain device context: a process context (PDTV=1), or a fault. Kept
 * out of ddt_handle_miss() so that the common path has a small stack frame (stores are dear
 * here). Reads the rest of the event, still the head of the FIFO.
 */
static __attribute__((noinline)) void ddt_miss_other(uint32_t did, uint32_t st, unsigned cause,
						     uint64_t caps)
{
	uint32_t w1	  = fwif_read32(FWIF_EVT_DATA1);
	struct fq_src src = {
		.did   = did,
		.pid   = w1 & FWIF_EVT_CTX_MISS_W1_PID,
		.pv    = (w1 & FWIF_EVT_CTX_MISS_W1_PV) != 0,
		.priv  = (w1 & FWIF_EVT_CTX_MISS_W1_PRIV) != 0,
		.exec  = (w1 & FWIF_EVT_CTX_MISS_W1_EXEC) != 0,
		.write = (w1 & FWIF_EVT_CTX_MISS_W1_WRITE) != 0,
	};
	uint64_t iova = fwif_read32(FWIF_EVT_DATA2) | ((uint64_t)fwif_read32(FWIF_EVT_DATA3) << 32);
	uint64_t iotval2 = 0;
	struct riscv_iommu_dc dc;

	if (!cause) {
		/*
		 * Spec "Process to translate an IOVA": the transaction-type check (step 4, 260)
		 * comes after the DDT walk (step 3) and before the PDT walk (step 6), so an
		 * unsupported request (flagged by the datapath, which needs a context to judge it
		 * itself) fails here without a PDT access. Else the process context (pdt.c). Both
		 * are translation faults: DTF applies.
		 */
		if (w1 & FWIF_EVT_CTX_MISS_W1_UNSUP) {
			cause = RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED;
		} else {
			ddt_dc_read(&dc);
			cause = pdt_ctx_fill(&dc, caps, &src, &iotval2);
		}
		if (!cause) {
			fw_ctx_load(did);
			fw_miss_retry();
			return;
		}
		fw_miss_fail(cause);
		if (!(st & FWIF_BURST_STATUS_DC_DTF))
			(void)fq_report(cause, &src, iova, iotval2);
		return;
	}
	/* Answer first (DMA never waits for the record), then report: no DC, so DTF=0. */
	fw_miss_fail(cause);
	(void)fq_report(cause, &src, iova, 0);
}

/* After a DC load that the RTL did not load: a fault, or PDTV=1. */
static __attribute__((noinline)) void ddt_miss_dc_other(uint32_t did, uint32_t st)
{
	unsigned cause = dc_cause(st);

	if (!cause && (st & FWIF_BURST_STATUS_DC_MSI))
		ddt_note_msi(did);
	ddt_miss_other(did, st, cause, fw_cfg_get()->caps);
}

/*
 * The DC load and what follows it, for a leaf table entry at @a (inlined twice below). With
 * BURST_CTRL.CTX_LOAD the RTL loads a DC without a fault and with PDTV=0 (device CTX_CMD.DID)
 * and retries the miss itself as soon as the last beat is in: the common case costs one
 * CTX_CMD write, the load and its status read. Everything else continues out of line (tail
 * calls: the common path saves no register).
 */
static inline __attribute__((always_inline)) void miss_dc(uint32_t did, uint64_t a, bool ext)
{
	uint32_t st;

	fwif_write32(FWIF_CTX_CMD, did << FWIF_CTX_CMD_DID_SHIFT); /* op 0: only the device */
	st = dc_load(a, ext ? RISCV_IOMMU_DC_SIZE / 8 : RISCV_IOMMU_DC_BASE_SIZE / 8,
		     FWIF_BURST_CTRL_CTX_LOAD);
	if (st & (FWIF_BURST_STATUS_ERR | FWIF_BURST_STATUS_DC_INVALID | FWIF_BURST_STATUS_DC_BAD |
		  FWIF_BURST_STATUS_DC_PDTV)) {
		ddt_miss_dc_other(did, st);
		return;
	}
	/* Loaded and retried by the RTL; an MSI-PTE miss of this device comes after this note. */
	if (st & FWIF_BURST_STATUS_DC_MSI)
		ddt_note_msi(did);
}

/* 2LVL / 3LVL, or a device_id too wide: the walk, then as the 1LVL path (tail calls only). */
static __attribute__((noinline)) void ddt_miss_deep(uint32_t did)
{
	uint64_t a     = 0;
	unsigned cause = dc_addr(&dc1, did, &a);

	if (cause) {
		ddt_miss_other(did, 0, cause, fw_cfg_get()->caps);
		return;
	}
	miss_dc(did, a, dc1.ext);
}

/* The configuration cache was flushed or reloaded: derive dc1 again, then the miss as usual. */
static __attribute__((noinline)) void ddt_miss_cfg(uint32_t w0)
{
	const struct fw_cfg *cfg = fw_cfg_get();

	geom(&dc1, cfg->ddtp, cfg->caps);
	dc1.gen = cfg->gen;
	ddt_handle_miss(w0);
}

void ddt_handle_miss(uint32_t w0)
{
	uint32_t did = w0 & FWIF_EVT_CTX_MISS_W0_DID;

	/* No call on the common path: it saves no register. */
	if (!fw_cfg_shadow.valid || dc1.gen != fw_cfg_shadow.gen) {
		ddt_miss_cfg(w0);
		return;
	}
	if (did >= dc1.lim) {
		if (dc1.lvl)
			ddt_miss_deep(did); /* 2LVL/3LVL, or 260 */
		else
			fw_miss_retry(); /* ddtp left the LVL modes: the datapath judges it again */
		return;
	}
	/* 1LVL: the DC is entry @did of the root table. */
	miss_dc(did, ((uint64_t)dc1.base_hi << 32) | (dc1.base_lo | (did << dc1.shift)), dc1.ext);
}
