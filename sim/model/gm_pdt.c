// SPDX-License-Identifier: Apache-2.0
/* Golden model: process-directory walk and process-context checks (spec 2.3.2, 2.2.4). */
#include "gm_internal.h"

/* process_id index bits: PDI0 [7:0], PDI1 [16:8], PDI2 [19:17] */
static uint32_t pdi(uint32_t pid, unsigned lvl)
{
	return lvl == 0 ? (pid & 0xff) : lvl == 1 ? ((pid >> 8) & 0x1ff) : ((pid >> 17) & 0x7);
}

/*
 * Translate a PDT address through the G-stage (an implicit read for the first stage).
 * Guest-page faults keep the original access type; G-stage access faults become 265.
 */
static unsigned pdt_addr(struct gm_ctx *c, uint64_t gpa, uint64_t *spa)
{
	return gm_gstage(c, gpa, true, GM_CAUSE_PDT_LOAD, spa);
}

static bool pc_misconfigured(const struct gm_ctx *c, const uint64_t pc[2])
{
	unsigned mode = GM_ATP_MODE(pc[1]);

	if ((pc[0] & GM_PC_TA_RSVD) || (pc[1] & GM_ATP_MID_RSVD))
		return true;
	if (c->dc[GM_DC_TC] & GM_TC_SXL)
		return mode != GM_SATP_BARE; /* Sv32 is not modelled */
	if (mode == GM_SATP_BARE)
		return false;
	if (mode == GM_SATP_SV39)
		return !(c->caps & GM_CAP_SV39);
	if (mode == GM_SATP_SV48)
		return !(c->caps & GM_CAP_SV48);
	if (mode == GM_SATP_SV57)
		return !(c->caps & GM_CAP_SV57);
	return true;
}

/**
 * gm_locate_pc() - spec 2.3.2 "Process to locate the Process-context".
 * @c:   translation context with a located DC (PDTV=1, pdtp not Bare).
 * @pid: process_id (already checked against the pdtp mode's width).
 * @pc:  filled with PC.ta, PC.fsc.
 *
 * Return: 0, or 265/266/267, or a guest-page fault from the G-stage.
 */
unsigned gm_locate_pc(struct gm_ctx *c, uint32_t pid, uint64_t pc[2])
{
	uint64_t pdtp	= c->dc[GM_DC_FSC];
	unsigned levels = GM_ATP_MODE(pdtp); /* PD8 1, PD17 2, PD20 3 */
	uint64_t a	= GM_ATP_PPN(pdtp) << 12;
	bool err	= false;
	unsigned cause;

	for (unsigned i = levels - 1; i > 0; i--) {
		uint64_t spa, pdte;

		cause = pdt_addr(c, a + pdi(pid, i) * 8u, &spa);
		if (cause)
			return cause;
		pdte = gm_rd(c, spa, &err);
		if (err)
			return GM_CAUSE_PDT_LOAD;
		if (!(pdte & GM_NL_V))
			return GM_CAUSE_PDT_INVALID;
		if (pdte & GM_NL_RSVD)
			return GM_CAUSE_PDT_MISCONF;
		a = GM_GET(pdte, 53, 10) << 12;
	}
	a += pdi(pid, 0) * 16u;
	for (unsigned i = 0; i < 2; i++) {
		uint64_t spa;

		/* Both doublewords sit in one page; translate each (identical page) for clarity. */
		cause = pdt_addr(c, a + i * 8u, &spa);
		if (cause)
			return cause;
		pc[i] = gm_rd(c, spa, &err);
		if (err)
			return GM_CAUSE_PDT_LOAD;
	}
	if (!(pc[0] & GM_PC_V))
		return GM_CAUSE_PDT_INVALID;
	if (pc_misconfigured(c, pc))
		return GM_CAUSE_PDT_MISCONF;
	return 0;
}
