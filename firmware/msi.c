// SPDX-License-Identifier: Apache-2.0
/*
 * MSI-PTE walk on an MSI_MISS event (IOMMU spec "Process to translate addresses of MSIs"):
 * basic mode (M=3) fills the MSI-PTE cache; MRIF mode (M=1) is done here, per MSI: the
 * datapath hands the write over (MISS_CMD absorb), firmware sets the pending bit in the MRIF
 * and sends the notice MSI, then answers the B.
 */
#include "msi.h"
#include "ddt.h"
#include "fq.h"

/* clang-format off */
/* basic translate (M=3): PPN [53:10]; reserved [9:3] and [62:54] */
#define MSIPTE_BASIC_RSVD (GENMASK_ULL(9, 3) | GENMASK_ULL(62, 54))
/* MRIF (M=1): MRIF address [55:9] in [53:7]; reserved [6:3], [62:54]; dw1 [59:54], [63:61] */
#define MSIPTE_MRIF_RSVD  (GENMASK_ULL(6, 3) | GENMASK_ULL(62, 54))
#define MSIPTE_MRIF_RSVD1 (GENMASK_ULL(59, 54) | GENMASK_ULL(63, 61))
#define MRIF_IDS          2048u /* AIA: an MRIF holds identities 1..2047 */
#define MRIF_EXCL_TRIES   16u   /* exclusive load/store pairs before giving up */
#define AXI_OKAY          0u
#define AXI_SLVERR        2u
/* clang-format on */

unsigned msi_pte_check(uint64_t dw0, uint64_t *ppn)
{
	unsigned m = (unsigned)FW_GET(RISCV_IOMMU_MSIPTE_DW0_M, dw0);

	if (!(dw0 & RISCV_IOMMU_MSIPTE_DW0_V))
		return RISCV_IOMMU_FQ_CAUSE_MSI_INVALID;
	/* C=1 is implementation-defined: this implementation defines no custom format. */
	if (dw0 & RISCV_IOMMU_MSIPTE_DW0_C)
		return RISCV_IOMMU_FQ_CAUSE_MSI_MISCONFIGURED;
	if (m == RISCV_IOMMU_MSIPTE_M_MRIF && !(dw0 & MSIPTE_MRIF_RSVD)) {
		*ppn = FW_GET(RISCV_IOMMU_MSIPTE_DW0_MRIF_ADDR, dw0); /* MRIF address >> 9 */
		return MSI_PTE_MRIF;
	}
	if (m != RISCV_IOMMU_MSIPTE_M_BASIC || (dw0 & MSIPTE_BASIC_RSVD))
		return RISCV_IOMMU_FQ_CAUSE_MSI_MISCONFIGURED;
	*ppn = FW_GET(RISCV_IOMMU_MSIPTE_DW0_PPN, dw0);
	return 0;
}

static uint64_t buf_read64(uint32_t off)
{
	return fw_buf_read32(off) | ((uint64_t)fw_buf_read32(off + 4) << 32);
}

/*
 * Set @bit in the pending doubleword at @dw without losing another agent's concurrent update
 * (datapath.md §7b): exclusive load, set the bit, exclusive store; an OKAY store (the doubleword
 * changed, or the monitor was lost) wrote nothing and the pair is retried, MRIF_EXCL_TRIES times
 * at most, then the MSI is reported as an MRIF access fault (never a silent loss). A bit that is
 * already set needs no store. A memory that answers the exclusive load OKAY has no monitor: the
 * bit is then set with a plain store, not atomic against another agent (the old path).
 */
static unsigned mrif_set_pending(uint64_t dw, uint64_t bit)
{
	for (unsigned i = 0; i < MRIF_EXCL_TRIES; i++) {
		int ld = fw_burst_excl(dw, FW_BUF_MSIPTE, false);
		int st;
		uint64_t pend;

		if (ld != FW_OK && ld != FW_EXFAIL)
			return RISCV_IOMMU_FQ_CAUSE_MRIF_FAULT;
		pend = buf_read64(FW_BUF_MSIPTE);
		if (pend & bit)
			return 0;
		pend |= bit;
		fw_buf_write32(FW_BUF_MSIPTE, (uint32_t)pend);
		fw_buf_write32(FW_BUF_MSIPTE + 4, (uint32_t)(pend >> 32));
		if (ld == FW_EXFAIL) /* no exclusive monitor in the memory */
			st = fw_burst(dw, FW_BUF_MSIPTE, 1, true);
		else
			st = fw_burst_excl(dw, FW_BUF_MSIPTE, true);
		if (st == FW_OK)
			return 0;
		if (st != FW_EXFAIL)
			return RISCV_IOMMU_FQ_CAUSE_MRIF_FAULT;
	}
	return RISCV_IOMMU_FQ_CAUSE_MRIF_FAULT;
}

unsigned msi_mrif_update(uint64_t mrif, uint32_t id, uint64_t dw1)
{
	uint64_t dw  = mrif + (id / 64u) * 16u; /* pending doubleword, enable doubleword after it */
	uint64_t bit = 1ull << (id % 64u);
	unsigned cause;

	cause = mrif_set_pending(dw, bit);
	if (cause)
		return cause;
	/* The enable doubleword, read after the pending bit is set. */
	if (fw_burst(dw + 8, FW_BUF_MSIPTE + 8, 1, false) != FW_OK)
		return RISCV_IOMMU_FQ_CAUSE_MRIF_FAULT;
	if (buf_read64(FW_BUF_MSIPTE + 8) & bit) {
		uint32_t nid = (uint32_t)(FW_GET(RISCV_IOMMU_MSIPTE_DW1_N, dw1) |
					  (FW_GET(RISCV_IOMMU_MSIPTE_DW1_N10, dw1) << 10));

		/* The notice MSI's own bus error has no cause (not an MRIF access): dropped. */
		(void)fw_store32(FW_GET(RISCV_IOMMU_MSIPTE_DW1_NPPN, dw1) << 12, nid);
	}
	return 0;
}

/*
 * An MRIF-mode PTE: a write is taken over (its B waits for MSI_WRESP); a valid MSI is one beat of
 * 4 bytes at page offset 0 (seteipnum_le) with an identity 1..2047; any other write is discarded
 * and answered OKAY (nothing to set). A read of an MRIF page is answered with an error, no record.
 */
static void msi_mrif(const struct fw_event *ev, uint64_t mrif, uint64_t dw1, uint64_t iova,
		     const struct fq_src *src)
{
	uint32_t st;
	unsigned cause = 0;

	if (!src->write) {
		fw_miss_fail(RISCV_IOMMU_FQ_CAUSE_MRIF_FAULT);
		return;
	}
	fwif_write32(FWIF_MISS_CMD, FWIF_MISS_CMD_ABSORB);
	do {
		st = fwif_read32(FWIF_MSI_WSTAT); /* the device's W beats follow their AW */
	} while (!(st & FWIF_MSI_WSTAT_VALID));
	if (!(st & FWIF_MSI_WSTAT_MULTI) && (iova & 0xfffu) == 0 &&
	    FW_GET(FWIF_MSI_WSTAT_STRB, st) == 0x0fu) {
		uint32_t id = fwif_read32(FWIF_MSI_WD0);

		if (id != 0 && id < MRIF_IDS)
			cause = msi_mrif_update(mrif, id, dw1);
	}
	fwif_write32(FWIF_MSI_WRESP, cause ? AXI_SLVERR : AXI_OKAY);
	if (cause && !(ev->w[1] & FWIF_EVT_MSI_MISS_W1_DTF))
		(void)fq_report(cause, src, iova, 0);
}

/*
 * I = extract(gpn, mask) (spec 2.3.3): the bits of @gpn selected by @mask, gathered to the low
 * end. One iteration per set mask bit, 32 bits at a time (RV32).
 */
static uint64_t msi_file_index(uint64_t gpn, uint64_t mask)
{
	uint64_t idx = 0;
	unsigned n   = 0;

	for (unsigned half = 0; half < 2; half++) {
		uint32_t m = (uint32_t)(mask >> (32 * half));
		uint32_t v = (uint32_t)(gpn >> (32 * half));

		while (m) {
			uint32_t low = m & (~m + 1);

			if (v & low)
				idx |= 1ull << n;
			n++;
			m &= m - 1;
		}
	}
	return idx;
}

uint64_t msi_pte_addr(uint64_t base, uint64_t gpn, uint64_t mask)
{
	return base + msi_file_index(gpn, mask & RISCV_IOMMU_DC_MSI_ADDR_MASK_MASK) * 16;
}

/*
 * msi_addr_mask of recently loaded device contexts, direct-mapped by DID. Every load of a
 * context into the context cache goes through ddt_handle_miss(), which records it here, and an
 * MSI_MISS comes only from a cached context: the slot, when it names the device and the same
 * MSI table base as the event, holds the mask of the context the datapath uses (or of a newer
 * read of the same DC, equally allowed when software changed it without IODIR.INVAL_DDT).
 */
#define MASK_SLOTS 8u

static struct {
	bool valid;
	uint32_t did;
	uint64_t base, mask;
} masks[MASK_SLOTS];

void msi_note_ctx(uint32_t did, const struct riscv_iommu_dc *dc)
{
	unsigned s = did % MASK_SLOTS;

	if (FW_GET(RISCV_IOMMU_DC_MSIPTP_MODE, dc->msiptp) == RISCV_IOMMU_MSIPTP_MODE_OFF) {
		if (masks[s].did == did)
			masks[s].valid = false;
		return;
	}
	masks[s].valid = true;
	masks[s].did   = did;
	masks[s].base  = FW_GET(RISCV_IOMMU_DC_MSIPTP_PPN, dc->msiptp) << 12;
	masks[s].mask  = dc->msi_addr_mask;
}

void msi_masks_flush(void)
{
	for (unsigned s = 0; s < MASK_SLOTS; s++)
		masks[s].valid = false;
}

/* The device's msi_addr_mask read from its device context (the kept one was not there). */
static __attribute__((noinline)) uint64_t msi_mask_from_dc(uint32_t did, unsigned *cause)
{
	const struct fw_cfg *cfg = fw_cfg_get();
	uint32_t st;

	/*
	 * The datapath's cached copy was loaded from it; if software changed it without
	 * IODIR.INVAL either value is allowed, and a context that no longer validates fails the
	 * request.
	 */
	*cause = ddt_locate(did, cfg->ddtp, cfg->caps, &st);
	if (*cause)
		return 0;
	return fwif_read32(FWIF_CTX_W0 + RISCV_IOMMU_DC_MSI_ADDR_MASK_OFFSET) |
	       ((uint64_t)fwif_read32(FWIF_CTX_W0 + RISCV_IOMMU_DC_MSI_ADDR_MASK_OFFSET + 4) << 32);
}

/* An MSI-PTE miss that does not fill the cache: MRIF, or a fault (@cause), PTE in the buffer. */
static __attribute__((noinline)) void msi_miss_other(const struct fw_event *ev, unsigned cause,
						     uint64_t ppn)
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
	uint64_t iova = (uint64_t)ev->w[2] | ((uint64_t)ev->w[3] << 32);

	if (cause == MSI_PTE_MRIF) {
		uint64_t dw1 = buf_read64(FW_BUF_MSIPTE + 8);

		if (!(fw_cfg_get()->caps & RISCV_IOMMU_CAPABILITIES_MSI_MRIF) ||
		    (dw1 & MSIPTE_MRIF_RSVD1)) {
			cause = RISCV_IOMMU_FQ_CAUSE_MSI_MISCONFIGURED;
		} else {
			/* never cached: every MSI to an MRIF comes here */
			msi_mrif(ev, ppn << 9, dw1, iova, &src);
			return;
		}
	}
	/* Answer first (DMA never waits for the record); these causes obey DTF. */
	fw_miss_fail(cause);
	if (!(w1 & FWIF_EVT_MSI_MISS_W1_DTF))
		(void)fq_report(cause, &src, iova, 0);
}

void msi_handle_miss(const struct fw_event *ev)
{
	uint32_t did = ev->w[0] & FWIF_EVT_CTX_MISS_W0_DID;
	/* W5/W6: the MSI page table's base (msiptp.PPN << 12) from the cached context */
	uint64_t base = (uint64_t)ev->w[5] | ((uint64_t)ev->w[6] << 32);
	/* GPA page: the first stage's output (= IOVA>>12 with a Bare first stage) */
	uint64_t gpn = (uint64_t)ev->w[7] |
		       ((uint64_t)FW_GET(FWIF_EVT_MSI_MISS_W4_GPN_HI, ev->w[4]) << 32);
	uint64_t ppn   = 0, mask;
	unsigned cause = 0, s = did % MASK_SLOTS;

	/* The index needs the device's msi_addr_mask: kept from the context load, else read. */
	if (masks[s].valid && masks[s].did == did && masks[s].base == base)
		mask = masks[s].mask;
	else
		mask = msi_mask_from_dc(did, &cause);
	if (!cause) {
		uint64_t pte = msi_pte_addr(base, gpn, mask);

		/* The whole 16-byte PTE in one burst (dw1 matters only to MRIF). */
		if (fw_burst(pte & ~15ull, FW_BUF_MSIPTE, 2, false) != FW_OK)
			cause = RISCV_IOMMU_FQ_CAUSE_MSI_LOAD_FAULT;
		else
			cause = msi_pte_check(buf_read64(FW_BUF_MSIPTE), &ppn);
	}
	if (!cause) {
		fwif_write32(FWIF_MSI_W0, ev->w[4] & FWIF_EVT_MSI_MISS_W4_GSCID);
		fwif_write32(FWIF_MSI_W1, (uint32_t)gpn);
		fwif_write32(FWIF_MSI_W2, (uint32_t)(gpn >> 32) & FWIF_MSI_W2_GPN_HI);
		fwif_write32(FWIF_MSI_W3, (uint32_t)ppn);
		fwif_write32(FWIF_MSI_W4, (uint32_t)(ppn >> 32) & FWIF_MSI_W4_PPN_HI);
		fwif_write32(FWIF_MSI_CMD, FWIF_MSI_CMD_LOAD);
		/* an exec request now hits and gets cause 1 from the datapath */
		fw_miss_retry();
		return;
	}
	msi_miss_other(ev, cause, ppn);
}
