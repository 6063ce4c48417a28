// SPDX-License-Identifier: Apache-2.0
/*
 * Golden model: first-stage (Sv39/Sv48/Sv57) and G-stage (Sv39x4/Sv48x4/Sv57x4) page walks,
 * following the Privileged spec "Virtual Address Translation Process" and "Two-Stage Address
 * Translation", with Svnapot (64 KiB), without Svpbmt, and with the hardware A/D update of
 * AMO_HWAD under DC.tc.SADE (first stage) / GADE (G-stage): a leaf that passes every check but
 * lacks A, or D for a write, faults without its stage's ADE and is updated with it. The update
 * of a first-stage PTE under an active G-stage is an implicit write to the PTE's GPA: that GPA is
 * translated again as a write (G leaf needs W, gets A and D; iotval2 bit 1 on a guest-page
 * fault). Implicit reads (PTE and PDT addresses) set A only.
 */
#include "gm_internal.h"

/* One walk's shape. */
struct walk {
	unsigned levels;
	unsigned va_bits; /* 39/48/57 first stage; 41/50/59 G-stage */
	bool gstage;
	uint64_t root; /* root table address (a GPA for a nested first stage) */
};

/* Requested permission of the access being checked; @impw: the implicit access is a write. */
struct perm {
	bool wr, ex, implicit, impw;
};

static unsigned gstage(struct gm_ctx *c, uint64_t gpa, bool implicit, bool impw, unsigned acc_cause,
		       uint64_t *spa);

static uint64_t vpn(const struct walk *w, uint64_t va, unsigned i)
{
	unsigned bits = (w->gstage && i == w->levels - 1) ? 11 : 9;

	return (va >> (12 + 9 * i)) & ((1ull << bits) - 1);
}

/* Leaf permission and U checks (A/D apart); true = fault. */
static bool leaf_denied(const struct gm_ctx *c, const struct walk *w, const struct perm *p,
			uint64_t pte)
{
	if (p->implicit) {
		if (!(pte & (p->impw ? GM_PTE_W : GM_PTE_R)))
			return true;
	} else if (p->ex) {
		if (!(pte & GM_PTE_X))
			return true;
	} else if (p->wr) {
		if (!(pte & GM_PTE_W))
			return true;
	} else if (!(pte & GM_PTE_R)) {
		return true;
	}
	if (w->gstage) {
		/* G-stage U is checked as if the access were from user mode */
		if (!(pte & GM_PTE_U))
			return true;
	} else if (pte & GM_PTE_U) {
		/* supervisor: U pages need SUM, and are never executable */
		if (c->priv && (!c->sum || p->ex))
			return true;
	} else if (!c->priv) {
		return true;
	}
	return false;
}

/*
 * Walk one stage. Faults: @pf_cause for page faults; PTE read errors give @acc_cause.
 * For a first stage under an active G-stage, each PTE address is translated (implicit access).
 */
static unsigned walk(struct gm_ctx *c, const struct walk *w, const struct perm *p, uint64_t va,
		     unsigned pf_cause, unsigned acc_cause, uint64_t *out)
{
	uint64_t a = w->root;

	for (int i = (int)w->levels - 1; i >= 0; i--) {
		uint64_t pa	 = a + vpn(w, va, (unsigned)i) * 8u, pte, ppn;
		uint64_t pte_gpa = pa;
		bool err	 = false;

		if (!w->gstage) {
			unsigned cause = gm_gstage(c, pa, true, gm_cause_access(c), &pa);

			if (cause)
				return cause;
		}
		pte = gm_rd(c, pa, &err);
		if (err)
			return acc_cause;
		if (!(pte & GM_PTE_V) || (!(pte & GM_PTE_R) && (pte & GM_PTE_W)) ||
		    (pte & GM_PTE_RSVD))
			return pf_cause;
		ppn = GM_PTE_PPN(pte);
		if (!(pte & (GM_PTE_R | GM_PTE_X))) {
			/* non-leaf: D, A, U and N are reserved */
			if (pte & (GM_PTE_D | GM_PTE_A | GM_PTE_U | GM_PTE_N))
				return pf_cause;
			a = ppn << 12;
			continue;
		}
		if (pte & GM_PTE_N) {
			/* Svnapot: only the 64 KiB size (ppn[3:0]=1000) at level 0 is defined */
			if (i != 0 || (ppn & 0xf) != 0x8)
				return pf_cause;
		}
		if (leaf_denied(c, w, p, pte))
			return pf_cause;
		/* misaligned superpage */
		if (i > 0 && (ppn & ((1ull << (9 * i)) - 1)))
			return pf_cause;
		{
			/* A/D, after every other check: fault without ADE, else update. */
			bool wr	 = p->implicit ? p->impw : p->wr;
			bool ade = (c->dc[GM_DC_TC] & (w->gstage ? GM_TC_GADE : GM_TC_SADE)) != 0;

			if (!(pte & GM_PTE_A) || (wr && !(pte & GM_PTE_D))) {
				if (!ade || !(c->caps & GM_CAP_AMO_HWAD))
					return pf_cause;
				if (!w->gstage) {
					/* the PTE write: an implicit write through the G-stage */
					unsigned cause = gstage(c, pte_gpa, true, true,
								gm_cause_access(c), &pa);

					if (cause)
						return cause;
				}
				{
					/* A 64 KiB Svnapot region's A/D may sit in any of its
					 * 16 PTEs (the IOMMU updates the one it walked): counted
					 * only when none of them has them. */
					uint64_t have = pte;
					bool e	      = false;

					for (unsigned k = 0; (pte & GM_PTE_N) && k < 16; k++)
						have |= gm_rd(c, (pa & ~0x7full) + 8u * k, &e);
					pte |= GM_PTE_A | (wr ? GM_PTE_D : 0);
					gm_ad_update(c, pa, pte,
						     !(have & GM_PTE_A) ||
							     (wr && !(have & GM_PTE_D)));
				}
			}
		}
		{
			unsigned sh = (pte & GM_PTE_N) ? 16 : 12 + 9 * (unsigned)i;
			uint64_t sz = 1ull << sh;

			*out = ((ppn << 12) & ~(sz - 1)) | (va & (sz - 1));
			if (!p->implicit && (c->page_size == 0 || sz < c->page_size))
				c->page_size = sz;
		}
		return 0;
	}
	return pf_cause; /* non-leaf at level 0 */
}

/**
 * gm_gstage() - translate a GPA to an SPA with DC.iohgatp (identity when Bare).
 * @c:         translation context.
 * @gpa:       guest physical address.
 * @implicit:  an implicit read for the first stage or the PDT (iotval2 bit 0).
 * @acc_cause: cause for a G-stage PTE read error.
 * @spa:       result.
 *
 * Return: 0 or a cause; guest-page faults set c->iotval2.
 */
unsigned gm_gstage(struct gm_ctx *c, uint64_t gpa, bool implicit, unsigned acc_cause, uint64_t *spa)
{
	return gstage(c, gpa, implicit, false, acc_cause, spa);
}

/* gm_gstage(); @impw: the implicit access is a write (a first-stage PTE's A/D update). */
static unsigned gstage(struct gm_ctx *c, uint64_t gpa, bool implicit, bool impw, unsigned acc_cause,
		       uint64_t *spa)
{
	struct walk w;
	struct perm p = {c->wr, c->ex, implicit, implicit && impw};
	unsigned cause;

	if (c->g_mode == 0) {
		*spa = gpa;
		return 0;
	}
	w.levels  = c->g_mode == GM_HGATP_SV57X4 ? 5 : c->g_mode == GM_HGATP_SV48X4 ? 4 : 3;
	w.va_bits = 9 * w.levels + 14; /* 41, 50, 59: two more root index bits */
	w.gstage  = true;
	w.root	  = c->g_ppn << 12;
	if (gpa >> w.va_bits)
		cause = gm_cause_guest(c);
	else
		cause = walk(c, &w, &p, gpa, gm_cause_guest(c), acc_cause, spa);
	if (cause == gm_cause_guest(c))
		c->iotval2 = (gpa & ~3ull) | (implicit ? 1 : 0) | (implicit && impw ? 2 : 0);
	return cause;
}

/**
 * gm_fstage() - translate an IOVA with the selected iosatp (identity when Bare).
 * @c:    translation context.
 * @iova: the request's address.
 * @gpa:  result (a GPA, or an SPA when the G-stage is Bare).
 *
 * Return: 0 or a cause.
 */
unsigned gm_fstage(struct gm_ctx *c, uint64_t iova, uint64_t *gpa)
{
	struct walk w;
	struct perm p = {c->wr, c->ex, false, false};
	uint64_t top;

	if (c->s_mode == GM_SATP_BARE) {
		*gpa = iova;
		return 0;
	}
	w.levels  = c->s_mode == GM_SATP_SV57 ? 5 : c->s_mode == GM_SATP_SV48 ? 4 : 3;
	w.va_bits = 9 * w.levels + 12; /* 39, 48, 57 */
	w.gstage  = false;
	w.root	  = c->s_ppn << 12;
	/* the IOVA must be sign-extended from bit va_bits-1 */
	top = iova >> (w.va_bits - 1);
	if (top != 0 && top != (~0ull >> (w.va_bits - 1)))
		return gm_cause_page(c);
	return walk(c, &w, &p, iova, gm_cause_page(c), gm_cause_access(c), gpa);
}
