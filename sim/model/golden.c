// SPDX-License-Identifier: Apache-2.0
/*
 * Golden model: the top of spec 2.3 "Process to translate an IOVA", step by step.
 * The DDT walk is in gm_ddt.c, the PDT walk in gm_pdt.c, page walks in gm_walk.c, MSI in gm_msi.c.
 */
#include <stddef.h>

#include "gm_internal.h"

unsigned gm_cause_access(const struct gm_ctx *c)
{
	return c->wr ? GM_CAUSE_WRITE_ACCESS : c->ex ? GM_CAUSE_EXEC_ACCESS : GM_CAUSE_READ_ACCESS;
}

unsigned gm_cause_page(const struct gm_ctx *c)
{
	return c->wr ? GM_CAUSE_WRITE_PAGE : c->ex ? GM_CAUSE_EXEC_PAGE : GM_CAUSE_READ_PAGE;
}

unsigned gm_cause_guest(const struct gm_ctx *c)
{
	return c->wr ? GM_CAUSE_WRITE_GUEST : c->ex ? GM_CAUSE_EXEC_GUEST : GM_CAUSE_READ_GUEST;
}

uint64_t gm_rd(const struct gm_ctx *c, uint64_t pa, bool *err)
{
	bool e	   = false;
	uint64_t v = c->env->rd64(c->env->ctx, pa, &e);

	if (e)
		*err = true;
	return v;
}

void gm_ad_update(const struct gm_ctx *c, uint64_t pa, uint64_t val, bool count)
{
	if (c->info && count)
		c->info->ad_updates++;
	if (c->env->wr64)
		c->env->wr64(c->env->ctx, pa, val);
}

bool gm_cause_dtf_suppressed(unsigned cause)
{
	switch (cause) {
	case GM_CAUSE_ALL_DISALLOWED:
	case GM_CAUSE_DDT_LOAD:
	case GM_CAUSE_DDT_INVALID:
	case GM_CAUSE_DDT_MISCONF:
	case GM_CAUSE_DDT_CORRUPT:
	case GM_CAUSE_INTERNAL:
	case GM_CAUSE_MSI_WRITE:
		return false;
	default:
		return true;
	}
}

/* A burst must stay inside one 4 KiB page (doc/architecture.md §6), else cause 260. */
static bool crosses_page(const struct gm_req *req)
{
	uint64_t len = (uint64_t)(req->beats ? req->beats : 1) * 8u;

	return (req->iova & 0xfff) + len > 0x1000;
}

/* Steps 7-16: pick the first-stage context; 0 or a cause. */
static unsigned select_context(struct gm_ctx *c, const struct gm_req *req)
{
	uint64_t tc    = c->dc[GM_DC_TC];
	uint64_t fsc   = c->dc[GM_DC_FSC];
	unsigned pdtp  = GM_ATP_MODE(fsc);
	bool pv	       = req->pv;
	uint32_t pid   = req->pid;
	uint64_t pc[2] = {0, 0};
	unsigned cause;

	/* step 7: transaction type disallowed */
	c->at = GM_AT_NO_PDT;
	if (pv && !(tc & GM_TC_PDTV))
		return GM_CAUSE_TTYP_DISALLOWED;
	c->at = GM_AT_PID_WIDTH;
	if (pv && (tc & GM_TC_PDTV) &&
	    ((pdtp == GM_PDTP_PD8 && pid > 0xff) || (pdtp == GM_PDTP_PD17 && pid > 0x1ffff) ||
	     pid > 0xfffff))
		return GM_CAUSE_TTYP_DISALLOWED;
	c->at = GM_AT_CROSS;
	if (crosses_page(req))
		return GM_CAUSE_TTYP_DISALLOWED;
	/* step 10: no PDT: iosatp from the DC */
	if (!(tc & GM_TC_PDTV)) {
		c->s_mode = GM_ATP_MODE(fsc);
		c->s_ppn  = GM_ATP_PPN(fsc);
		return 0;
	}
	/* step 11: default process_id 0 (and user privilege) */
	if (!pv && (tc & GM_TC_DPE)) {
		pv	= true;
		pid	= 0;
		c->priv = false;
	}
	/* steps 12-13: first stage Bare */
	if (!pv || pdtp == GM_PDTP_BARE) {
		c->s_mode = GM_SATP_BARE;
		return 0;
	}
	/* step 14-15 */
	c->at = GM_AT_PDT;
	cause = gm_locate_pc(c, pid, pc);
	if (cause)
		return cause;
	c->at = GM_AT_ENS;
	if (c->priv && !(pc[0] & GM_PC_ENS))
		return GM_CAUSE_TTYP_DISALLOWED;
	c->sum	  = pc[0] & GM_PC_SUM;
	c->s_mode = GM_ATP_MODE(pc[1]);
	c->s_ppn  = GM_ATP_PPN(pc[1]);
	return 0;
}

/*
 * An untranslated address (Bare mode, or a context with both stages Bare) must fit the physical
 * address width, capabilities.PAS; the project faults a wider one as an access fault. PAS = 0
 * means the caller has not given the capabilities (no width known): no check.
 */
static unsigned check_pas(const struct gm_ctx *c, uint64_t pa)
{
	unsigned pas = (unsigned)((c->env->caps & GM_CAP_PAS_MASK) >> GM_CAP_PAS_SHIFT);

	return (pas != 0 && pas < 64 && (pa >> pas)) ? gm_cause_access(c) : 0;
}

/* Steps 3-19 for the DDT modes; 0 or a cause, *pa on success. */
static unsigned translate_ddt(struct gm_ctx *c, const struct gm_req *req, bool *dtf, uint64_t *pa)
{
	uint64_t gpa;
	unsigned cause;
	bool hit = false;

	c->at = GM_AT_DDT;
	cause = gm_locate_dc(c, req->did);
	if (cause)
		return cause;
	if (c->info)
		c->info->pdtv = c->dc[GM_DC_TC] & GM_TC_PDTV;
	if (c->info)
		c->info->dtf = c->dc[GM_DC_TC] & GM_TC_DTF;
	*dtf	  = c->dc[GM_DC_TC] & GM_TC_DTF;
	c->g_mode = GM_ATP_MODE(c->dc[GM_DC_IOHGATP]);
	c->g_ppn  = GM_ATP_PPN(c->dc[GM_DC_IOHGATP]);
	cause	  = select_context(c, req);
	if (cause)
		return cause;
	/* step 17: first stage */
	c->at = GM_AT_WALK;
	cause = gm_fstage(c, req->iova, &gpa);
	if (cause)
		return cause;
	if (c->info)
		c->info->gpa = gpa;
	/* step 18: MSI address translation (extended DC only) */
	if (c->caps & GM_CAP_MSI_FLAT) {
		cause = gm_msi(c, gpa, &hit, pa);
		if (c->info)
			c->info->msi = hit;
		if (hit) {
			c->at = GM_AT_MSI;
			return cause;
		}
	}
	/* step 19: G-stage; a first-stage or G-stage result fits PAS by construction */
	cause = gm_gstage(c, gpa, false, gm_cause_access(c), pa);
	if (!cause && c->s_mode == GM_SATP_BARE && c->g_mode == 0)
		cause = check_pas(c, *pa);
	return cause;
}

void gm_translate_ex(const struct gm_env *env, const struct gm_req *req, struct gm_res *res,
		     struct gm_info *info)
{
	struct gm_ctx c = {0};
	unsigned mode	= (unsigned)(env->ddtp & 0xf);
	unsigned cause	= 0;
	bool dtf	= false;
	uint64_t pa	= 0;

	c.env  = env;
	c.caps = env->caps & GM_CAPS_MODEL;
	c.wr   = req->write;
	c.ex   = req->exec && !req->write;
	c.priv = req->pv && req->priv;
	c.info = info;
	if (info) {
		*info = (struct gm_info){0};
	}
	*res	    = (struct gm_res){0};
	res->ttyp   = c.wr ? GM_TTYP_UWRITE : c.ex ? GM_TTYP_UEXEC : GM_TTYP_UREAD;
	res->iotval = req->iova;

	if (mode == GM_DDTP_BARE) {
		/* step 2: untranslated requests pass through */
		c.at = GM_AT_BARE;
		if (crosses_page(req))
			cause = GM_CAUSE_TTYP_DISALLOWED;
		else
			cause = check_pas(&c, req->iova);
		pa = req->iova;
		if (info)
			info->gpa = pa;
	} else if (mode >= GM_DDTP_1LVL && mode <= GM_DDTP_3LVL) {
		cause = translate_ddt(&c, req, &dtf, &pa);
	} else {
		/* step 1: Off (and the reserved modes, which ddtp never holds) */
		c.at  = GM_AT_OFF;
		cause = GM_CAUSE_ALL_DISALLOWED;
	}
	if (cause) {
		if (info)
			info->at = c.at;
		res->fault   = true;
		res->cause   = cause;
		res->iotval2 = (cause == GM_CAUSE_EXEC_GUEST || cause == GM_CAUSE_READ_GUEST ||
				cause == GM_CAUSE_WRITE_GUEST)
				       ? c.iotval2
				       : 0;
		res->report  = !(dtf && gm_cause_dtf_suppressed(cause));
		return;
	}
	res->pa = pa;
	if (info)
		info->page_size = c.page_size;
}

void gm_translate(const struct gm_env *env, const struct gm_req *req, struct gm_res *res)
{
	gm_translate_ex(env, req, res, NULL);
}
