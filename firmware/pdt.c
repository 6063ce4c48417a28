// SPDX-License-Identifier: Apache-2.0
/* Process-directory walk, process-context checks and PDTV=1 context fill (IOMMU spec 2.3.2). */
#include "pdt.h"
#include "ddt.h"

/* clang-format off */
#define PDTE_RSVD    (~(RISCV_IOMMU_PDTE_V | RISCV_IOMMU_PDTE_PPN))
#define PC_TA_RSVD   (GENMASK_ULL(11, 3) | GENMASK_ULL(63, 32))
#define PC_FSC_RSVD  GENMASK_ULL(59, 44)
/* Page-table entry bits (Privileged spec); 62:54 are reserved here (no Svpbmt, no Svrsw60t59b). */
#define PTE_V        BIT_ULL(0)
#define PTE_R        BIT_ULL(1)
#define PTE_W        BIT_ULL(2)
#define PTE_X        BIT_ULL(3)
#define PTE_U        BIT_ULL(4)
#define PTE_A        BIT_ULL(6)
#define PTE_D        BIT_ULL(7)
#define PTE_N        BIT_ULL(63)
#define PTE_RSVD     GENMASK_ULL(62, 54)
#define PTE_PPN      GENMASK_ULL(53, 10)
#define PTE_PPN_SHIFT 10
/* clang-format on */

static uint64_t buf_rd64(uint32_t off)
{
	return fw_buf_read32(off) | ((uint64_t)fw_buf_read32(off + 4) << 32);
}

static bool load(uint64_t pa, uint32_t off, uint32_t beats)
{
	return fw_burst(pa, off, beats, false) == FW_OK;
}

unsigned pdt_pc_check(const uint64_t pc[2], uint64_t tc, uint64_t caps)
{
	unsigned mode = (unsigned)FW_GET(RISCV_IOMMU_PC_FSC_MODE, pc[1]);
	bool ok;

	if (!(pc[0] & RISCV_IOMMU_PC_TA_V))
		return RISCV_IOMMU_FQ_CAUSE_PDT_INVALID;
	if ((pc[0] & PC_TA_RSVD) || (pc[1] & PC_FSC_RSVD))
		return RISCV_IOMMU_FQ_CAUSE_PDT_MISCONFIGURED;
	if (mode == RISCV_IOMMU_IOSATP_MODE_BARE)
		ok = true;
	else if (tc & RISCV_IOMMU_DC_TC_SXL)
		ok = mode == RISCV_IOMMU_IOSATP_MODE_SV32 && (caps & RISCV_IOMMU_CAPABILITIES_SV32);
	else
		ok = (mode == RISCV_IOMMU_IOSATP_MODE_SV39 &&
		      (caps & RISCV_IOMMU_CAPABILITIES_SV39)) ||
		     (mode == RISCV_IOMMU_IOSATP_MODE_SV48 &&
		      (caps & RISCV_IOMMU_CAPABILITIES_SV48)) ||
		     (mode == RISCV_IOMMU_IOSATP_MODE_SV57 &&
		      (caps & RISCV_IOMMU_CAPABILITIES_SV57));
	return ok ? 0 : RISCV_IOMMU_FQ_CAUSE_PDT_MISCONFIGURED;
}

static unsigned guest_cause(const struct fq_src *src)
{
	if (src->write)
		return RISCV_IOMMU_FQ_CAUSE_WR_GUEST_PAGE_FAULT;
	return src->exec ? RISCV_IOMMU_FQ_CAUSE_INST_GUEST_PAGE_FAULT
			 : RISCV_IOMMU_FQ_CAUSE_RD_GUEST_PAGE_FAULT;
}

/* Exclusive load/store pairs for one A update before it is reported as 265. */
#define GADE_TRIES 16u

/*
 * One G-stage walk for an implicit read: 0, 265, or 1 for a guest-page fault. A leaf that passes
 * every check but has A=0 is a guest-page fault without @gade (DC.tc.GADE); with it, A is set
 * the way the walker does it (datapath.md "A/D update"): the leaf is loaded again exclusively,
 * judged again from scratch, and stored with A by an exclusive store; a failed store (the PTE
 * changed) goes back to the exclusive load, GADE_TRIES times at most. A memory without an
 * exclusive monitor (exclusive load answered OKAY) gets a plain store.
 */
static unsigned gwalk(uint64_t iohgatp, uint64_t gpa, bool gade, uint64_t *spa)
{
	unsigned mode	= (unsigned)FW_GET(RISCV_IOMMU_DC_IOHGATP_MODE, iohgatp);
	unsigned levels = mode == RISCV_IOMMU_IOHGATP_MODE_SV57X4   ? 5
			  : mode == RISCV_IOMMU_IOHGATP_MODE_SV48X4 ? 4
								    : 3;
	uint64_t a	= FW_GET(RISCV_IOMMU_DC_IOHGATP_PPN, iohgatp) << 12;

	/* Sv39x4: 41-bit GPA, Sv48x4: 50-bit, Sv57x4: 59-bit (the root index has 2 extra bits). */
	if (gpa >> (12 + 9 * levels + 2))
		return 1;
	for (unsigned i = levels; i-- > 0;) {
		unsigned bits = i == levels - 1 ? 11 : 9;
		uint64_t idx  = (gpa >> (12 + 9 * i)) & ((1u << bits) - 1);
		uint32_t off  = FW_BUF_GPTE + 8 * i;
		uint64_t pte, ppn, sz;
		unsigned tries = 0;
		bool excl      = false; /* the PTE in the buffer came from an exclusive load */
		int ld	       = FW_OK;

	reread:
		if (!excl) {
			if (!load(a + idx * 8, off, 1))
				return RISCV_IOMMU_FQ_CAUSE_PDT_LOAD_FAULT;
		} else {
			ld = fw_burst_excl(a + idx * 8, off, false);
			if (ld != FW_OK && ld != FW_EXFAIL)
				return RISCV_IOMMU_FQ_CAUSE_PDT_LOAD_FAULT;
		}
		pte = buf_rd64(off);
		if (!(pte & PTE_V) || ((pte & (PTE_R | PTE_W)) == PTE_W) || (pte & PTE_RSVD))
			return 1;
		ppn = FW_GET(PTE_PPN, pte);
		if (!(pte & (PTE_R | PTE_X))) {
			if (pte & (PTE_D | PTE_A | PTE_U | PTE_N))
				return 1;
			a = ppn << 12;
			continue;
		}
		/* Leaf: Svnapot 64 KiB at level 0 only; implicit read needs R, U (user), A. */
		if ((pte & PTE_N) && (i != 0 || (ppn & 0xf) != 0x8))
			return 1;
		if ((pte & (PTE_R | PTE_U)) != (PTE_R | PTE_U))
			return 1;
		if (i > 0 && (ppn & ((1ull << (9 * i)) - 1)))
			return 1;
		if (!(pte & PTE_A)) {
			int st;

			if (!gade)
				return 1;
			if (!excl) {
				/* judge the exclusively loaded PTE before storing */
				excl = true;
				goto reread;
			}
			pte |= PTE_A;
			fw_buf_write32(off, (uint32_t)pte);
			fw_buf_write32(off + 4, (uint32_t)(pte >> 32));
			if (ld == FW_EXFAIL) /* no exclusive monitor in the memory */
				st = fw_burst(a + idx * 8, off, 1, true);
			else
				st = fw_burst_excl(a + idx * 8, off, true);
			if (st == FW_EXFAIL && ++tries < GADE_TRIES)
				goto reread; /* the PTE changed: load it again exclusively */
			if (st != FW_OK)
				return RISCV_IOMMU_FQ_CAUSE_PDT_LOAD_FAULT;
		}
		sz   = (pte & PTE_N) ? 0x10000ull : 1ull << (12 + 9 * i);
		*spa = ((ppn << 12) & ~(sz - 1)) | (gpa & (sz - 1));
		return 0;
	}
	return 1;
}

unsigned pdt_gstage(uint64_t iohgatp, uint64_t gpa, bool gade, const struct fq_src *src,
		    uint64_t *spa, uint64_t *iotval2)
{
	unsigned r;

	if (FW_GET(RISCV_IOMMU_DC_IOHGATP_MODE, iohgatp) == RISCV_IOMMU_IOHGATP_MODE_BARE) {
		*spa = gpa;
		return 0;
	}
	r = gwalk(iohgatp, gpa, gade, spa);
	if (r != 1)
		return r;
	*iotval2 = (gpa & ~3ull) | 1;
	return guest_cause(src);
}

/* process_id index of level @lvl: PDI0 [7:0], PDI1 [16:8], PDI2 [19:17]. */
static uint32_t pdi(uint32_t pid, unsigned lvl)
{
	static const uint8_t sh[3]  = {0, 8, 17};
	static const uint16_t mk[3] = {0xff, 0x1ff, 0x7};

	return (pid >> sh[lvl]) & mk[lvl];
}

unsigned pdt_locate(const struct riscv_iommu_dc *dc, uint64_t caps, uint32_t pid,
		    const struct fq_src *src, uint64_t pc[2], uint64_t *iotval2)
{
	unsigned levels = (unsigned)FW_GET(RISCV_IOMMU_DC_FSC_MODE, dc->fsc); /* PD8 1 .. PD20 3 */
	uint64_t a	= FW_GET(RISCV_IOMMU_DC_FSC_PPN, dc->fsc) << 12;
	bool gade	= (dc->tc & RISCV_IOMMU_DC_TC_GADE) != 0;
	uint64_t spa;
	unsigned cause;

	for (unsigned l = levels - 1; l > 0; l--) {
		uint32_t off = FW_BUF_PDTE + 8 * l;
		uint64_t pdte;

		cause = pdt_gstage(dc->iohgatp, a + pdi(pid, l) * 8u, gade, src, &spa, iotval2);
		if (cause)
			return cause;
		if (!load(spa, off, 1))
			return RISCV_IOMMU_FQ_CAUSE_PDT_LOAD_FAULT;
		pdte = buf_rd64(off);
		if (!(pdte & RISCV_IOMMU_PDTE_V))
			return RISCV_IOMMU_FQ_CAUSE_PDT_INVALID;
		if (pdte & PDTE_RSVD)
			return RISCV_IOMMU_FQ_CAUSE_PDT_MISCONFIGURED;
		a = FW_GET(RISCV_IOMMU_PDTE_PPN, pdte) << 12;
	}
	/* The 16-byte PC never crosses a page: one translation, one 2-beat burst. */
	cause = pdt_gstage(dc->iohgatp, a + pdi(pid, 0) * 16u, gade, src, &spa, iotval2);
	if (cause)
		return cause;
	if (!load(spa, FW_BUF_PC, 2))
		return RISCV_IOMMU_FQ_CAUSE_PDT_LOAD_FAULT;
	pc[0] = buf_rd64(FW_BUF_PC);
	pc[1] = buf_rd64(FW_BUF_PC + 8);
	return pdt_pc_check(pc, dc->tc, caps);
}

unsigned pdt_ctx_fill(const struct riscv_iommu_dc *dc, uint64_t caps, const struct fq_src *src,
		      uint64_t *iotval2)
{
	static const uint32_t pid_max[4] = {0xfffff, 0xff, 0x1ffff, 0xfffff};
	unsigned pdtp			 = (unsigned)FW_GET(RISCV_IOMMU_DC_FSC_MODE, dc->fsc);
	bool pv				 = src->pv;
	uint32_t pid			 = pv ? src->pid : 0;
	uint64_t pc[2]			 = {RISCV_IOMMU_PC_TA_ENS, 0}; /* first stage Bare */
	unsigned cause;

	if (pv && pid > pid_max[pdtp & 3])
		return RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED;
	/*
	 * pv=0: DPE=1 uses process_id 0 (keyed pv=0, so it stays user); DPE=0 means first stage
	 * Bare. pdtp Bare: first stage Bare too, before any ENS check (ENS=1 here).
	 */
	if ((pv || (dc->tc & RISCV_IOMMU_DC_TC_DPE)) && pdtp != RISCV_IOMMU_PDTP_MODE_BARE) {
		cause = pdt_locate(dc, caps, pid, src, pc, iotval2);
		if (cause)
			return cause;
	}
	/*
	 * CTX_W0..15 hold the DC (ddt_locate()): the entry takes the PC's PSCID in place of ta's and
	 * the PC's fsc (an iosatp) in place of the DC's pdtp; the key and ENS/SUM from CTX_KEY.
	 */
	fwif_write32(
		FWIF_CTX_W0 + RISCV_IOMMU_DC_TA_OFFSET,
		(uint32_t)FW_PREP(RISCV_IOMMU_DC_TA_PSCID, FW_GET(RISCV_IOMMU_PC_TA_PSCID, pc[0])));
	fwif_write32(FWIF_CTX_W0 + RISCV_IOMMU_DC_FSC_OFFSET, (uint32_t)pc[1]);
	fwif_write32(FWIF_CTX_W0 + RISCV_IOMMU_DC_FSC_OFFSET + 4, (uint32_t)(pc[1] >> 32));
	fwif_write32(FWIF_CTX_KEY,
		     (pid & FWIF_CTX_KEY_PID) | (pv ? FWIF_CTX_KEY_PV : 0) |
			     ((pc[0] & RISCV_IOMMU_PC_TA_ENS) ? FWIF_CTX_KEY_ENS : 0) |
			     ((pc[0] & RISCV_IOMMU_PC_TA_SUM) ? FWIF_CTX_KEY_SUM : 0));
	return 0;
}
