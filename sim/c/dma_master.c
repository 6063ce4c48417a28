/* SPDX-License-Identifier: Apache-2.0 */
/*
 * DMA master on the device port s_axi_* with the sideband of doc/architecture.md §6
 * (device_id, process_id, pv on AR/AW; AxPROT[0] privileged, AxPROT[2] instruction).
 * Several operations may be outstanding; AR and AW issue in call order, W beats follow AW
 * order, responses are matched per AXI ID in order. Every finished operation goes to the
 * scoreboard.
 */
#include <string.h>

#include "tb_int.h"

#define MAX_SLOTS 256
#define DMA_LIMIT 200000 /* cycles a blocking DMA may take before the run is aborted */

struct slot {
	struct dma_op *op;
	bool addr_sent; /* AR/AW handshook */
	bool aw_shown;	/* AW presented: its W beats may stream */
	unsigned wbeat, rbeat;
	bool overlapped; /* another op was in flight during this one */
};

static struct slot slots[MAX_SLOTS];
static unsigned ndone;		    /* DMAs finished and checked since reset */
static const struct dma_op *w32_op; /* the dma_write32() in flight: AWSIZE 2, one lane */
static unsigned nslots;
static unsigned bp_percent;

void dma_set_backpressure(unsigned percent)
{
	bp_percent = percent > 90 ? 90 : percent;
}

void dma_reset(void)
{
	nslots	      = 0;
	sim_ports.dev = (struct port_axi){0};
}

void dma_issue(struct dma_op *op)
{
	struct slot *s;

	if (nslots == MAX_SLOTS)
		tb_abort("too many outstanding DMA operations");
	if (op->beats < 1 || op->beats > 32) {
		tb_fail(__FILE__, __LINE__, "dma_issue: %u beats (1..32)", op->beats);
		op->beats = 1;
	}
	op->done    = false;
	op->resp    = AXI_OKAY;
	op->t_issue = op->t_first = op->t_done = 0;
	for (unsigned i = 0; i < nslots; i++) {
		if (!slots[i].op->done) {
			slots[i].overlapped = true;
		}
	}
	if (op->write && canary_on())
		sb_grant(op);
	s  = &slots[nslots];
	*s = (struct slot){.op = op};
	for (unsigned i = 0; i < nslots; i++)
		s->overlapped |= !slots[i].op->done;
	nslots++;
}

/* First slot (in issue order) matching a predicate, or NULL. */
static struct slot *first_ar(bool write)
{
	for (unsigned i = 0; i < nslots; i++)
		if (slots[i].op->write == write && !slots[i].addr_sent)
			return &slots[i];
	return NULL;
}

static struct slot *first_w(void)
{
	for (unsigned i = 0; i < nslots; i++)
		if (slots[i].op->write && slots[i].wbeat < slots[i].op->beats)
			return slots[i].aw_shown ? &slots[i] : NULL;
	return NULL;
}

static struct slot *resp_slot(bool write, unsigned id)
{
	for (unsigned i = 0; i < nslots; i++) {
		struct slot *s = &slots[i];

		if (s->op->write == write && s->op->attr.id == id && s->addr_sent && !s->op->done)
			return s;
	}
	return NULL;
}

static void finish(struct dma_op *op)
{
	op->done   = true;
	op->t_done = tb_cycle();
	if (tb_verbose())
		tb_log("dma %s did=0x%x iova=0x%llx beats=%u resp=%d", op->write ? "W" : "R",
		       op->attr.did, (unsigned long long)op->iova, op->beats, op->resp);
}

void dma_cycle(void)
{
	struct port_axi *p = &sim_ports.dev;
	struct slot *s;

	/* Handshakes of this edge. */
	if (p->arvalid && p->arready) {
		s	       = first_ar(false);
		s->addr_sent   = true;
		s->op->t_issue = tb_cycle();
		p->arvalid     = 0;
	}
	if (p->awvalid && p->awready) {
		s	       = first_ar(true);
		s->addr_sent   = true;
		s->op->t_issue = tb_cycle();
		p->awvalid     = 0;
	}
	if (p->wvalid && p->wready) {
		first_w()->wbeat++;
		p->wvalid = 0;
	}
	if (p->rvalid && p->rready) {
		s = resp_slot(false, p->rid);
		if (!s) {
			tb_fail(__FILE__, __LINE__, "dma: R beat with unexpected RID %u", p->rid);
		} else {
			if (s->rbeat == 0)
				s->op->t_first = tb_cycle();
			if (s->rbeat < s->op->beats)
				s->op->data[s->rbeat] = p->rdata;
			if (p->rresp > s->op->resp)
				s->op->resp = p->rresp;
			s->rbeat++;
			if (!!p->rlast != (s->rbeat == s->op->beats))
				tb_fail(__FILE__, __LINE__, "dma: RLAST=%u on beat %u of %u",
					p->rlast, s->rbeat, s->op->beats);
			if (p->rlast)
				finish(s->op);
		}
	}
	if (p->bvalid && p->bready) {
		s = resp_slot(true, p->bid);
		if (!s) {
			tb_fail(__FILE__, __LINE__, "dma: B with unexpected BID %u", p->bid);
		} else {
			if (s->wbeat != s->op->beats)
				tb_fail(__FILE__, __LINE__, "dma: B before the last W beat");
			s->op->t_first = tb_cycle();
			s->op->resp    = p->bresp;
			finish(s->op);
		}
	}

	/* Inputs for the next cycle. AR/AW/W keep their values until accepted. */
	if (!p->arvalid && (s = first_ar(false))) {
		const struct dma_op *op = s->op;

		p->arvalid = 1;
		p->arid	   = (uint8_t)(op->attr.id & 0xf);
		p->araddr  = op->iova;
		p->arlen   = (uint8_t)(op->beats - 1);
		p->arsize  = 3;
		p->arburst = 1;
		p->arprot  = (uint8_t)((op->attr.priv ? 1 : 0) | (op->attr.exec ? 4 : 0));
		p->ar_did  = op->attr.did & 0xffffff;
		p->ar_pid  = op->attr.pid & 0xfffff;
		p->ar_pv   = op->attr.pv;
	}
	if (!p->awvalid && (s = first_ar(true))) {
		const struct dma_op *op = s->op;

		p->awvalid  = 1;
		p->awid	    = (uint8_t)(op->attr.id & 0xf);
		p->awaddr   = op->iova;
		p->awlen    = (uint8_t)(op->beats - 1);
		p->awsize   = op == w32_op ? 2 : 3;
		p->awburst  = 1;
		p->awprot   = op->attr.priv ? 1 : 0;
		p->aw_did   = op->attr.did & 0xffffff;
		p->aw_pid   = op->attr.pid & 0xfffff;
		p->aw_pv    = op->attr.pv;
		s->aw_shown = true;
	}
	if (!p->wvalid && (s = first_w())) {
		p->wvalid = 1;
		p->wdata  = s->op->data[s->wbeat];
		p->wstrb  = s->op == w32_op ? (uint8_t)(0x0fu << (s->op->iova & 4)) : 0xff;
		p->wlast  = s->wbeat + 1 == s->op->beats;
	}
	p->rready = !tb_randp(bp_percent);
	p->bready = !tb_randp(bp_percent);
}

/* Check and forget every finished slot of @op (or all when NULL). */
static void retire(const struct dma_op *only)
{
	unsigned j = 0;

	for (unsigned i = 0; i < nslots; i++) {
		struct slot *s = &slots[i];

		if (s->op->done && (!only || s->op == only)) {
			canary_revoke(s->op);
			ndone++;
			sb_check(s->op, !s->overlapped);
		} else {
			slots[j++] = *s;
		}
	}
	nslots = j;
}

void dma_end(void)
{
	for (unsigned i = 0; i < nslots; i++)
		tb_fail(__FILE__, __LINE__,
			"end of test: DMA %s iova 0x%llx did 0x%x never retired (%s)",
			slots[i].op->write ? "W" : "R", (unsigned long long)slots[i].op->iova,
			slots[i].op->attr.did,
			slots[i].op->done ? "no dma_wait_all()" : "no response");
	nslots = 0;
}

unsigned dma_count(void)
{
	return ndone;
}

bool dma_wait_all(uint64_t timeout)
{
	uint64_t t0 = tb_cycle();

	for (;;) {
		bool busy = false;

		for (unsigned i = 0; i < nslots; i++)
			busy |= !slots[i].op->done;
		if (!busy)
			break;
		if (tb_cycle() - t0 >= timeout) {
			tb_log("dma_wait_all: timeout after %llu cycles",
			       (unsigned long long)timeout);
			retire(NULL);
			return false;
		}
		tb_step(1);
	}
	retire(NULL);
	return true;
}

static int dma_blocking(struct dma_op *op)
{
	uint64_t t0 = tb_cycle();

	dma_issue(op);
	while (!op->done) {
		if (tb_cycle() - t0 > DMA_LIMIT) {
			tb_log("dma %s iova=0x%llx did=0x%x: no response", op->write ? "W" : "R",
			       (unsigned long long)op->iova, op->attr.did);
			tb_abort("DMA hung");
		}
		tb_step(1);
	}
	retire(op);
	return op->resp;
}

int dma_read(const struct dma_attr *a, uint64_t iova, uint64_t *data, unsigned beats)
{
	struct dma_op op = {.attr = *a, .iova = iova, .beats = beats, .write = false};
	int r		 = dma_blocking(&op);

	if (data)
		memcpy(data, op.data, (beats > 32 ? 32 : beats) * sizeof(uint64_t));
	return r;
}

bool dma_op_is_w32(const struct dma_op *op)
{
	return op == w32_op;
}

int dma_write32(const struct dma_attr *a, uint64_t iova, uint32_t val)
{
	struct dma_op op = {.attr = *a, .iova = iova, .beats = 1, .write = true};
	int resp;

	op.data[0] = (uint64_t)val << (8 * (iova & 4));
	w32_op	   = &op;
	resp	   = dma_blocking(&op);
	w32_op	   = NULL;
	return resp;
}

int dma_write(const struct dma_attr *a, uint64_t iova, const uint64_t *data, unsigned beats)
{
	struct dma_op op = {.attr = *a, .iova = iova, .beats = beats, .write = true};

	if (data)
		memcpy(op.data, data, (beats > 32 ? 32 : beats) * sizeof(uint64_t));
	return dma_blocking(&op);
}
