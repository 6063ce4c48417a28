/* SPDX-License-Identifier: Apache-2.0 */
/*
 * AXI protocol checker (axi_check.h). Reads sim_ports only: at the call point (after the
 * settle, before the models) the struct holds what the clock edge samples, so a handshake is
 * VALID && READY there. Every channel is described by a table of its fields (offset and size in
 * struct port_axi / port_axil); the transaction rules keep per-ID queues of accepted requests.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "axi_check.h"
#include "tb_int.h"

#define MAX_FIELDS 9
#define MAX_IDS	   64	/* m_axi IDs are 6 bits ({source, id}), s_axi IDs 4 */
#define MAX_OUT	   512	/* outstanding requests per ID (the DMA model allows 256 in all) */
#define SEQ_RING   1024 /* AWs (and W bursts ahead of their AW) remembered by sequence number */

struct field {
	const char *name;
	size_t off;
	unsigned size;
};

/* clang-format off */
/* Field @m of struct port_axi (FA) or struct port_axil (FL). */
#define FIELD(type, m)	{#m, offsetof(type, m), sizeof(((type *)0)->m)}
#define FA(m)		FIELD(struct port_axi, m)
#define FL(m)		FIELD(struct port_axil, m)

/* One channel: VALID/READY and the payload that must stay stable while VALID && !READY. */
struct chan {
	const char *port, *name, *driver;
	const void *base;
	struct field valid, ready;
	struct field f[MAX_FIELDS];
};

static const struct chan chans[] = {
	/* Memory port: the IOMMU is the master (DMA, walker and firmware burst engine merged). */
	{"mem", "AR", "IOMMU", &sim_ports.mem, FA(arvalid), FA(arready),
	 {FA(arid), FA(araddr), FA(arlen), FA(arsize), FA(arburst), FA(arprot), FA(arlock)}},
	{"mem", "AW", "IOMMU", &sim_ports.mem, FA(awvalid), FA(awready),
	 {FA(awid), FA(awaddr), FA(awlen), FA(awsize), FA(awburst), FA(awprot), FA(awlock)}},
	{"mem", "W", "IOMMU", &sim_ports.mem, FA(wvalid), FA(wready),
	 {FA(wdata), FA(wstrb), FA(wlast)}},
	{"mem", "R", "memory model", &sim_ports.mem, FA(rvalid), FA(rready),
	 {FA(rid), FA(rdata), FA(rresp), FA(rlast)}},
	{"mem", "B", "memory model", &sim_ports.mem, FA(bvalid), FA(bready),
	 {FA(bid), FA(bresp)}},
	/* Device port: the DMA masters drive AR/AW/W (with the sideband), the IOMMU R/B. */
	{"dev", "AR", "DMA master", &sim_ports.dev, FA(arvalid), FA(arready),
	 {FA(arid), FA(araddr), FA(arlen), FA(arsize), FA(arburst), FA(arprot),
	  FA(ar_did), FA(ar_pid), FA(ar_pv)}},
	{"dev", "AW", "DMA master", &sim_ports.dev, FA(awvalid), FA(awready),
	 {FA(awid), FA(awaddr), FA(awlen), FA(awsize), FA(awburst), FA(awprot),
	  FA(aw_did), FA(aw_pid), FA(aw_pv)}},
	{"dev", "W", "DMA master", &sim_ports.dev, FA(wvalid), FA(wready),
	 {FA(wdata), FA(wstrb), FA(wlast)}},
	{"dev", "R", "IOMMU", &sim_ports.dev, FA(rvalid), FA(rready),
	 {FA(rid), FA(rdata), FA(rresp), FA(rlast)}},
	{"dev", "B", "IOMMU", &sim_ports.dev, FA(bvalid), FA(bready),
	 {FA(bid), FA(bresp)}},
	/* Host register port (AXI4-Lite): the host model drives AR/AW/W, the IOMMU R/B. */
	{"axil", "AR", "host model", &sim_ports.axil, FL(arvalid), FL(arready),
	 {FL(araddr)}},
	{"axil", "AW", "host model", &sim_ports.axil, FL(awvalid), FL(awready),
	 {FL(awaddr)}},
	{"axil", "W", "host model", &sim_ports.axil, FL(wvalid), FL(wready),
	 {FL(wdata), FL(wstrb)}},
	{"axil", "R", "IOMMU", &sim_ports.axil, FL(rvalid), FL(rready),
	 {FL(rdata), FL(rresp)}},
	{"axil", "B", "IOMMU", &sim_ports.axil, FL(bvalid), FL(bready),
	 {FL(bresp)}},
};
/* clang-format on */

#define NCHANS (sizeof(chans) / sizeof(chans[0]))

/* Per channel: VALID && !READY at the previous edge, the payload then, handshakes counted. */
static struct {
	bool pend;
	uint64_t old[MAX_FIELDS];
	unsigned long long hs;
} cst[NCHANS];

/* Outstanding reads of one ID, oldest first: their LEN, and the beats of the oldest so far. */
struct rd_q {
	uint8_t len[MAX_OUT];
	unsigned head, cnt, beat;
};

/* Writes of one ID waiting for B: their AW sequence numbers, oldest first. */
struct wr_q {
	uint32_t seq[MAX_OUT];
	unsigned head, cnt;
};

/* Transaction state of one AXI4 port. W bursts are numbered like the AWs (W follows AW order):
 * W burst n belongs to AW n; it may arrive ahead of its AW. */
struct axi_state {
	const char *port;
	struct rd_q r[MAX_IDS];
	struct wr_q b[MAX_IDS];
	uint8_t aw_len[SEQ_RING];
	unsigned w_early[SEQ_RING]; /* beats of W bursts that completed before their AW */
	uint32_t aw_seq;	    /* AWs accepted */
	uint32_t wl_seq;	    /* W bursts completed (WLAST, or LEN+1 beats) */
	unsigned w_beats;	    /* beats of the current W burst */
};

static struct axi_state st_mem = {.port = "mem"}, st_dev = {.port = "dev"};
static struct {
	unsigned ar, aw, w; /* accepted and not yet answered */
} st_axil;
static unsigned violations;

static uint64_t get(const void *base, const struct field *f)
{
	const uint8_t *p = (const uint8_t *)base + f->off;
	uint8_t v8;
	uint16_t v16;
	uint32_t v32;
	uint64_t v64;

	switch (f->size) {
	case 1:
		memcpy(&v8, p, 1);
		return v8;
	case 2:
		memcpy(&v16, p, 2);
		return v16;
	case 4:
		memcpy(&v32, p, 4);
		return v32;
	default:
		memcpy(&v64, p, 8);
		return v64;
	}
}

static void fmt_payload(char *buf, size_t n, const struct chan *c, const uint64_t *v)
{
	size_t k = 0;

	buf[0] = 0;
	for (unsigned i = 0; i < MAX_FIELDS && c->f[i].name && k < n; i++)
		k += (size_t)snprintf(buf + k, n - k, "%s%s=0x%llx", i ? " " : "", c->f[i].name,
				      (unsigned long long)v[i]);
}

#define VIOLATION(...)                                            \
	do {                                                      \
		violations++;                                     \
		tb_fail(__FILE__, __LINE__, "axi: " __VA_ARGS__); \
	} while (0)

/* ---- VALID held until READY, payload stable --------------------------------- */

static void check_stable(size_t ci)
{
	const struct chan *c = &chans[ci];
	bool v = get(c->base, &c->valid) != 0, r = get(c->base, &c->ready) != 0;
	uint64_t now[MAX_FIELDS] = {0};
	char a[256], b[256];

	for (unsigned i = 0; i < MAX_FIELDS && c->f[i].name; i++)
		now[i] = get(c->base, &c->f[i]);
	if (cst[ci].pend && !v) {
		fmt_payload(a, sizeof(a), c, cst[ci].old);
		VIOLATION("%s %s (driven by %s): VALID fell while READY was low (no handshake); "
			  "offered: %s",
			  c->port, c->name, c->driver, a);
	} else if (cst[ci].pend && memcmp(now, cst[ci].old, sizeof(now)) != 0) {
		fmt_payload(a, sizeof(a), c, cst[ci].old);
		fmt_payload(b, sizeof(b), c, now);
		VIOLATION("%s %s (driven by %s): payload changed while VALID && !READY; old: %s -> "
			  "new: %s",
			  c->port, c->name, c->driver, a, b);
	}
	cst[ci].pend = v && !r;
	cst[ci].hs += v && r;
	memcpy(cst[ci].old, now, sizeof(now));
}

/* ---- AXI4 transactions ---------------------------------------------------------- */

static void rd_accept(struct axi_state *s, unsigned id, unsigned len)
{
	struct rd_q *q = &s->r[id % MAX_IDS];

	if (q->cnt == MAX_OUT) {
		VIOLATION("%s AR: more than %u reads of ID %u outstanding (checker limit)", s->port,
			  MAX_OUT, id);
		return;
	}
	q->len[(q->head + q->cnt++) % MAX_OUT] = (uint8_t)len;
}

static void rd_beat(struct axi_state *s, unsigned id, bool last)
{
	struct rd_q *q = &s->r[id % MAX_IDS];
	unsigned len;

	if (q->cnt == 0) {
		VIOLATION("%s R: beat with RID %u but no read of that ID outstanding", s->port, id);
		return;
	}
	len = q->len[q->head];
	q->beat++;
	if (last && q->beat != len + 1u)
		VIOLATION("%s R: RLAST on beat %u of a %u-beat read (RID %u)", s->port, q->beat,
			  len + 1u, id);
	else if (!last && q->beat == len + 1u)
		VIOLATION("%s R: no RLAST on the last beat (%u) of a read (RID %u)", s->port,
			  q->beat, id);
	if (last || q->beat == len + 1u) {
		q->head = (q->head + 1) % MAX_OUT;
		q->cnt--;
		q->beat = 0;
	}
}

static void wr_accept(struct axi_state *s, unsigned id, unsigned len)
{
	struct wr_q *q = &s->b[id % MAX_IDS];
	uint32_t n     = s->aw_seq++;

	s->aw_len[n % SEQ_RING] = (uint8_t)len;
	if (q->cnt == MAX_OUT)
		VIOLATION("%s AW: more than %u writes of ID %u outstanding (checker limit)",
			  s->port, MAX_OUT, id);
	else
		q->seq[(q->head + q->cnt++) % MAX_OUT] = n;
	/* Its W burst may have arrived (completely or in part) ahead of it. */
	if (n < s->wl_seq && s->w_early[n % SEQ_RING] != len + 1u)
		VIOLATION("%s W: the write of AWID %u has %u W beats, AWLEN+1 = %u", s->port, id,
			  s->w_early[n % SEQ_RING], len + 1u);
	else if (n == s->wl_seq && s->w_beats >= len + 1u) {
		VIOLATION("%s W: %u W beats without WLAST for a %u-beat write (AWID %u)", s->port,
			  s->w_beats, len + 1u, id);
		s->wl_seq++;
		s->w_beats = 0;
	}
}

static void wr_beat(struct axi_state *s, bool last)
{
	uint32_t n    = s->wl_seq;
	bool known    = n < s->aw_seq;
	unsigned want = known ? s->aw_len[n % SEQ_RING] + 1u : 0;

	s->w_beats++;
	if (known && last && s->w_beats != want)
		VIOLATION("%s W: WLAST on beat %u of a %u-beat write", s->port, s->w_beats, want);
	else if (known && !last && s->w_beats == want)
		VIOLATION("%s W: no WLAST on the last beat (%u) of a write", s->port, want);
	if (last || (known && s->w_beats == want)) {
		if (!known)
			s->w_early[n % SEQ_RING] = s->w_beats;
		s->wl_seq++;
		s->w_beats = 0;
	}
}

static void wr_resp(struct axi_state *s, unsigned id)
{
	struct wr_q *q = &s->b[id % MAX_IDS];
	uint32_t n;

	if (q->cnt == 0) {
		VIOLATION("%s B: response with BID %u but no write of that ID outstanding", s->port,
			  id);
		return;
	}
	n	= q->seq[q->head];
	q->head = (q->head + 1) % MAX_OUT;
	q->cnt--;
	if (n >= s->wl_seq)
		VIOLATION("%s B: response for BID %u before the last W beat of its write", s->port,
			  id);
}

static void check_axi(struct axi_state *s, const struct port_axi *p)
{
	/* Responses first: they must answer requests accepted at earlier edges. */
	if (p->bvalid && p->bready)
		wr_resp(s, p->bid);
	if (p->rvalid && p->rready)
		rd_beat(s, p->rid, p->rlast);
	if (p->arvalid && p->arready)
		rd_accept(s, p->arid, p->arlen);
	if (p->awvalid && p->awready)
		wr_accept(s, p->awid, p->awlen);
	if (p->wvalid && p->wready)
		wr_beat(s, p->wlast);
}

/* ---- AXI4-Lite transactions ------------------------------------------------------ */

static void check_axil(const struct port_axil *p)
{
	if (p->bvalid && p->bready) {
		if (st_axil.aw == 0 || st_axil.w == 0) {
			VIOLATION("axil B: response without an accepted AW and W (%u AW, %u W "
				  "outstanding)",
				  st_axil.aw, st_axil.w);
		} else {
			st_axil.aw--;
			st_axil.w--;
		}
	}
	if (p->rvalid && p->rready) {
		if (st_axil.ar == 0)
			VIOLATION("axil R: response without an accepted AR");
		else
			st_axil.ar--;
	}
	st_axil.ar += p->arvalid && p->arready;
	st_axil.aw += p->awvalid && p->awready;
	st_axil.w += p->wvalid && p->wready;
}

/* ---- Interface ----------------------------------------------------------------------- */

void axi_check_reset(void)
{
	memset(cst, 0, sizeof(cst));
	memset(&st_mem, 0, sizeof(st_mem));
	memset(&st_dev, 0, sizeof(st_dev));
	memset(&st_axil, 0, sizeof(st_axil));
	st_mem.port = "mem";
	st_dev.port = "dev";
	violations  = 0;
}

void axi_check_cycle(void)
{
	for (size_t i = 0; i < NCHANS; i++)
		check_stable(i);
	check_axi(&st_mem, &sim_ports.mem);
	check_axi(&st_dev, &sim_ports.dev);
	check_axil(&sim_ports.axil);
}

unsigned axi_check_violations(void)
{
	return violations;
}

void axi_check_report(void)
{
	const char *port = "";

	printf("axi_check: handshakes");
	for (size_t i = 0; i < NCHANS; i++) {
		if (strcmp(port, chans[i].port) != 0) {
			port = chans[i].port;
			printf("%s %s", i ? ";" : "", port);
		}
		printf(" %s %llu", chans[i].name, cst[i].hs);
	}
	printf("; %u violation%s\n", violations, violations == 1 ? "" : "s");
}
