/* SPDX-License-Identifier: Apache-2.0 */
/*
 * System-memory model on the m_axi_* port (AXI4 slave, 64-bit data, 6-bit ID).
 * Sparse 64-bit address space (hash of 4 KiB pages, zero when untouched), latency L from the
 * address handshake to the first R beat / the B response, seeded ready back-pressure and valid
 * gaps, SLVERR ranges, several outstanding bursts, responses in order per ID (IDs may overtake
 * each other), exclusive accesses (one monitor per ID, tb.h) and a log of every transaction.
 * Optionally a W-first slave (mem_set_aw_wait_w()): AWREADY waits for WVALID of that burst.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intfile.h"
#include "tb_int.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1u << PAGE_SHIFT)
#define MAX_OUT	   16 /* outstanding reads, and writes, accepted at once */
#define MAX_ERR	   16
#define MAX_ID	   64 /* 6-bit AXI IDs: one exclusive monitor each */

struct page {
	uint64_t pn;
	uint8_t data[PAGE_SIZE];
};

/* One accepted burst. */
struct burst {
	uint64_t addr;
	unsigned id, len, size, type;
	unsigned beat;	  /* next beat to send (R) or receive (W) */
	uint64_t t_ready; /* first cycle a response may be presented */
	uint64_t t_wdone; /* cycle of the last W beat */
	bool err;
	bool excl; /* AxLOCK */
	bool exok; /* exclusive write: the monitor allowed it (decided at the first W beat) */
};

/* Exclusive monitor of one ID: [addr, addr + bytes) since the exclusive read sampled it. */
static struct {
	bool armed;
	uint64_t addr;
	unsigned size, len;
} mon[MAX_ID];
static unsigned excl_ok, excl_fail;

static struct page **pages;
static size_t page_cap, page_cnt;
static unsigned latency = 4, bp_percent;
static struct {
	uint64_t lo, hi;
} err_rng[MAX_ERR];
static unsigned err_cnt;

static struct burst rd[MAX_OUT], wr[MAX_OUT];
static unsigned rd_cnt, wr_cnt;
static int r_cur = -1; /* read burst being returned */
static int b_cur = -1; /* write whose B is presented */

static unsigned aw_wait_mask; /* sources (ID[5:4]) whose AW waits for its WVALID */
static bool aw_wseen;	      /* WVALID of the offered AW's burst seen */
static unsigned aw_waited;    /* AWs taken after waiting for their WVALID */

static struct mem_txn *log_buf;
static size_t log_cnt, log_cap;

/* Observer of stored W beats (intfile.h); additive, NULL when unused. */
static mem_write_hook_fn wr_hook;
static void *wr_hook_ctx;
static mem_read_hook_fn rd_hook;
static void *rd_hook_ctx;

void mem_set_read_hook(mem_read_hook_fn fn, void *ctx)
{
	rd_hook	    = fn;
	rd_hook_ctx = ctx;
}

void mem_excl_count(unsigned *ok, unsigned *fail)
{
	*ok   = excl_ok;
	*fail = excl_fail;
}

static uint64_t excl_bytes(unsigned size, unsigned len)
{
	return (uint64_t)(len + 1) << size;
}

/* Any write to [pa, pa + n) disarms every monitor that overlaps it. */
static void mon_clear(uint64_t pa, size_t n)
{
	for (unsigned i = 0; i < MAX_ID; i++) {
		uint64_t a = mon[i].addr, e = a + excl_bytes(mon[i].size, mon[i].len);

		if (mon[i].armed && pa < e && a < pa + n)
			mon[i].armed = false;
	}
}

void mem_set_write_hook(mem_write_hook_fn fn, void *ctx)
{
	wr_hook	    = fn;
	wr_hook_ctx = ctx;
}

/* ---- Sparse storage ---------------------------------------------------- */

static size_t page_hash(uint64_t pn)
{
	return (size_t)((pn * 0x9e3779b97f4a7c15ull) >> 20) & (page_cap - 1);
}

static struct page *page_get(uint64_t pn, bool create)
{
	size_t i;

	if (page_cap == 0 || (create && 2 * (page_cnt + 1) > page_cap)) {
		struct page **old = pages;
		size_t old_cap	  = page_cap;

		if (!create && page_cap == 0)
			return NULL;
		page_cap = old_cap ? 2 * old_cap : 1024;
		pages	 = calloc(page_cap, sizeof(*pages));
		if (!pages)
			abort();
		for (size_t j = 0; j < old_cap; j++) {
			if (!old[j])
				continue;
			for (i = page_hash(old[j]->pn); pages[i]; i = (i + 1) & (page_cap - 1))
				;
			pages[i] = old[j];
		}
		free(old);
	}
	for (i = page_hash(pn); pages[i]; i = (i + 1) & (page_cap - 1))
		if (pages[i]->pn == pn)
			return pages[i];
	if (!create)
		return NULL;
	pages[i] = calloc(1, sizeof(struct page));
	if (!pages[i])
		abort();
	pages[i]->pn = pn;
	page_cnt++;
	return pages[i];
}

size_t mem_page_slots(void)
{
	return page_cap;
}

const uint8_t *mem_page_at(size_t i, uint64_t *pn)
{
	if (i >= page_cap || !pages[i])
		return NULL;
	*pn = pages[i]->pn;
	return pages[i]->data;
}

bool mem_page_at_pn(uint64_t pn)
{
	return page_get(pn, false) != NULL;
}

void mem_wr(uint64_t pa, const void *buf, size_t n)
{
	const uint8_t *s = buf;

	mon_clear(pa, n);
	while (n) {
		size_t off = pa & (PAGE_SIZE - 1), k = PAGE_SIZE - off;

		if (k > n)
			k = n;
		memcpy(page_get(pa >> PAGE_SHIFT, true)->data + off, s, k);
		pa += k;
		s += k;
		n -= k;
	}
}

void mem_rd(uint64_t pa, void *buf, size_t n)
{
	uint8_t *d = buf;

	while (n) {
		size_t off = pa & (PAGE_SIZE - 1), k = PAGE_SIZE - off;
		struct page *p;

		if (k > n)
			k = n;
		p = page_get(pa >> PAGE_SHIFT, false);
		if (p)
			memcpy(d, p->data + off, k);
		else
			memset(d, 0, k);
		pa += k;
		d += k;
		n -= k;
	}
}

uint64_t mem_rd64(uint64_t pa)
{
	uint8_t b[8];
	uint64_t v = 0;

	mem_rd(pa, b, 8);
	for (int i = 7; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

void mem_wr64(uint64_t pa, uint64_t val)
{
	uint8_t b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t)(val >> (8 * i));
	mem_wr(pa, b, 8);
}

uint32_t mem_rd32(uint64_t pa)
{
	uint8_t b[4];

	mem_rd(pa, b, 4);
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

void mem_wr32(uint64_t pa, uint32_t val)
{
	uint8_t b[4];

	for (int i = 0; i < 4; i++)
		b[i] = (uint8_t)(val >> (8 * i));
	mem_wr(pa, b, 4);
}

/* ---- Configuration ------------------------------------------------------ */

void mem_set_latency(unsigned cycles)
{
	latency = cycles ? cycles : 1;
}

void mem_set_backpressure(unsigned percent)
{
	bp_percent = percent > 90 ? 90 : percent;
}

void mem_set_aw_wait_w(unsigned src_mask)
{
	aw_wait_mask = src_mask & 0xf;
}

unsigned mem_aw_waited(void)
{
	return aw_waited;
}

void mem_set_error(uint64_t lo, uint64_t hi, bool on)
{
	for (unsigned i = 0; i < err_cnt; i++) {
		if (err_rng[i].lo == lo && err_rng[i].hi == hi) {
			if (!on)
				err_rng[i] = err_rng[--err_cnt];
			return;
		}
	}
	if (on && err_cnt < MAX_ERR) {
		err_rng[err_cnt].lo   = lo;
		err_rng[err_cnt++].hi = hi;
	}
}

bool mem_is_error(uint64_t pa)
{
	for (unsigned i = 0; i < err_cnt; i++)
		if (pa >= err_rng[i].lo && pa < err_rng[i].hi)
			return true;
	return false;
}

uint64_t mem_bd_read64(uint64_t pa, bool *err)
{
	if (err)
		*err = mem_is_error(pa);
	return mem_rd64(pa);
}

size_t mem_log_count(void)
{
	return log_cnt;
}

const struct mem_txn *mem_log_get(size_t i)
{
	return i < log_cnt ? &log_buf[i] : NULL;
}

static void log_txn(const struct burst *b, bool write)
{
	if (log_cnt == log_cap) {
		log_cap = log_cap ? 2 * log_cap : 1024;
		log_buf = realloc(log_buf, log_cap * sizeof(*log_buf));
		if (!log_buf)
			abort();
	}
	log_buf[log_cnt++] = (struct mem_txn){.cycle = tb_cycle(),
					      .addr  = b->addr,
					      .id    = b->id,
					      .beats = b->len + 1,
					      .write = write};
	if (tb_verbose())
		tb_log("mem %s id=0x%02x addr=0x%llx beats=%u", write ? "AW" : "AR", b->id,
		       (unsigned long long)b->addr, b->len + 1);
}

/* ---- AXI ------------------------------------------------------------------ */

/* Byte address of beat @i of a burst (AXI4 FIXED / INCR / WRAP). */
static uint64_t beat_addr(const struct burst *b, unsigned i)
{
	uint64_t sz = 1ull << b->size, total = sz * (b->len + 1);
	uint64_t base;

	switch (b->type) {
	case 0:
		return b->addr;
	case 2:
		base = b->addr & ~(total - 1);
		return base + ((b->addr - base + i * sz) % total);
	default:
		return i ? (b->addr & ~(sz - 1)) + i * sz : b->addr;
	}
}

static bool burst_err(const struct burst *b)
{
	for (unsigned i = 0; i <= b->len; i++)
		if (mem_is_error(beat_addr(b, i)))
			return true;
	return false;
}

static void accept(struct burst *q, unsigned *cnt, uint64_t addr, unsigned id, unsigned len,
		   unsigned size, unsigned type, bool write, bool excl)
{
	struct burst *b = &q[(*cnt)++];

	*b = (struct burst){
		.addr = addr, .id = id, .len = len, .size = size, .type = type, .excl = excl};
	b->t_ready = tb_cycle() + latency;
	if (size > 3 || type == 3)
		tb_fail(__FILE__, __LINE__, "mem: bad %s burst size=%u burst=%u addr=0x%llx",
			write ? "AW" : "AR", size, type, (unsigned long long)addr);
	if (type == 2 && (len + 1) & len)
		tb_fail(__FILE__, __LINE__, "mem: WRAP burst of %u beats", len + 1);
	if (type == 1 && (addr >> 12) != (beat_addr(b, len) >> 12))
		tb_fail(__FILE__, __LINE__, "mem: burst at 0x%llx (%u beats) crosses 4 KiB",
			(unsigned long long)addr, len + 1);
	if (excl && (len > 15 || excl_bytes(size, len) > 128 ||
		     (excl_bytes(size, len) & (excl_bytes(size, len) - 1)) ||
		     (addr & (excl_bytes(size, len) - 1))))
		tb_fail(__FILE__, __LINE__,
			"mem: exclusive %s at 0x%llx size=%u beats=%u breaks the AXI rules",
			write ? "AW" : "AR", (unsigned long long)addr, size, len + 1);
	b->id  = id & (MAX_ID - 1);
	b->err = burst_err(b);
	log_txn(b, write);
}

static void pop(struct burst *q, unsigned *cnt, unsigned i)
{
	memmove(&q[i], &q[i + 1], (*cnt - i - 1) * sizeof(*q));
	(*cnt)--;
}

/* Oldest entry of @q with no older entry of the same ID that satisfies @ready. */
static int pick(struct burst *q, unsigned cnt, bool write)
{
	uint64_t next = tb_cycle() + 1;

	for (unsigned i = 0; i < cnt; i++) {
		bool older = false;

		for (unsigned j = 0; j < i; j++)
			older |= q[j].id == q[i].id;
		if (older)
			continue;
		if (write && q[i].beat <= q[i].len)
			continue;
		if (next < q[i].t_ready || (write && next <= q[i].t_wdone))
			continue;
		return (int)i;
	}
	return -1;
}

void mem_cycle(void)
{
	struct port_axi *p = &sim_ports.mem;
	bool w_open	   = false; /* an accepted burst still waits for W beats */
	bool aw_hs	   = p->awvalid && p->awready;

	for (unsigned i = 0; i < wr_cnt; i++)
		w_open |= wr[i].beat <= wr[i].len;

	/* Handshakes of this edge. */
	if (p->rvalid && p->rready) {
		struct burst *b = &rd[r_cur];

		if (++b->beat > b->len) {
			pop(rd, &rd_cnt, (unsigned)r_cur);
			r_cur = -1;
		}
		p->rvalid = 0;
	}
	if (p->bvalid && p->bready) {
		pop(wr, &wr_cnt, (unsigned)b_cur);
		b_cur	  = -1;
		p->bvalid = 0;
	}
	if (p->arvalid && p->arready)
		accept(rd, &rd_cnt, p->araddr, p->arid, p->arlen, p->arsize, p->arburst, false,
		       p->arlock);
	if (p->wvalid && p->wready) {
		struct burst *b = NULL;

		for (unsigned i = 0; i < wr_cnt && !b; i++)
			if (wr[i].beat <= wr[i].len)
				b = &wr[i];
		if (!b) {
			tb_fail(__FILE__, __LINE__, "mem: W beat with no write burst");
			return;
		}
		if (b->excl && b->beat == 0) {
			/* Decided when the data arrives: a write after the AW still wins. */
			b->exok = !b->err && mon[b->id].armed && mon[b->id].addr == b->addr &&
				  mon[b->id].size == b->size && mon[b->id].len == b->len;
			if (b->exok)
				excl_ok++;
			else
				excl_fail++;
		}
		if (!b->err && (!b->excl || b->exok)) {
			uint64_t a = beat_addr(b, b->beat) & ~7ull;
			uint64_t v = mem_rd64(a);

			for (int k = 0; k < 8; k++)
				if (p->wstrb >> k & 1) {
					v &= ~(0xffull << (8 * k));
					v |= p->wdata & (0xffull << (8 * k));
				}
			mem_wr64(a, v);
			canary_mem_write(a, b->id);
			if (wr_hook)
				wr_hook(wr_hook_ctx, a, p->wdata, (uint8_t)p->wstrb, b->id);
		}
		if (!!p->wlast != (b->beat == b->len))
			tb_fail(__FILE__, __LINE__, "mem: WLAST=%u on beat %u of %u (id 0x%x)",
				p->wlast, b->beat + 1, b->len + 1, b->id);
		b->beat++;
		b->t_wdone = tb_cycle();
	}
	if (aw_hs) {
		accept(wr, &wr_cnt, canary_redirect(p->awaddr, p->awid), p->awid, p->awlen,
		       p->awsize, p->awburst, true, p->awlock);
		aw_waited += aw_wseen && (aw_wait_mask >> (p->awid >> 4 & 3) & 1);
		aw_wseen = false;
	} else if (p->awvalid && p->wvalid && !w_open) {
		/* No accepted burst waits for data: this W is the offered AW's (AW order). */
		aw_wseen = true;
	}

	/* Inputs for the next cycle. */
	p->arready = rd_cnt < MAX_OUT && !tb_randp(bp_percent);
	p->awready = wr_cnt < MAX_OUT && !tb_randp(bp_percent);
	if (aw_wait_mask) {
		/* W-first (AXI4 A3.3.1 lets a slave wait for WVALID before AWREADY): ready only for
		 * an AW still offered, and for a waiting source only once its WVALID was seen; the W
		 * beats themselves are taken only after the AW (below). A master whose WVALID waits
		 * for AWREADY hangs here. */
		bool held  = p->awvalid && !aw_hs;
		bool waits = aw_wait_mask >> (p->awid >> 4 & 3) & 1;

		if (!held || (waits && !aw_wseen))
			p->awready = 0;
	}
	p->wready = 0;
	for (unsigned i = 0; i < wr_cnt; i++)
		if (wr[i].beat <= wr[i].len)
			p->wready = !tb_randp(bp_percent);
	if (!p->rvalid) {
		if (r_cur < 0)
			r_cur = pick(rd, rd_cnt, false);
		if (r_cur >= 0 && !tb_randp(bp_percent)) {
			struct burst *b = &rd[r_cur];

			uint64_t a = beat_addr(b, b->beat) & ~7ull;

			p->rvalid = 1;
			p->rid	  = (uint8_t)b->id;
			p->rresp  = b->err ? AXI_SLVERR : b->excl ? AXI_EXOKAY : AXI_OKAY;
			p->rdata  = b->err ? 0xbadbadbadbadbad0ull : mem_rd64(a);
			p->rlast  = b->beat == b->len;
			if (b->excl && !b->err && b->beat == 0) {
				mon[b->id].armed = true;
				mon[b->id].addr	 = b->addr;
				mon[b->id].size	 = b->size;
				mon[b->id].len	 = b->len;
			}
			if (rd_hook)
				rd_hook(rd_hook_ctx, a, b->id, b->excl);
		}
	}
	if (!p->bvalid && (b_cur = pick(wr, wr_cnt, true)) >= 0 && !tb_randp(bp_percent)) {
		p->bvalid = 1;
		p->bid	  = (uint8_t)wr[b_cur].id;
		p->bresp  = wr[b_cur].err    ? AXI_SLVERR
			    : wr[b_cur].excl ? (wr[b_cur].exok ? AXI_EXOKAY : AXI_OKAY)
					     : AXI_OKAY;
	}
}

void mem_reset(void)
{
	rd_cnt = wr_cnt = 0;
	r_cur = b_cur = -1;
	aw_wait_mask  = 0;
	aw_wseen      = false;
	aw_waited     = 0;
	log_cnt	      = 0;
	memset(mon, 0, sizeof(mon));
	excl_ok = excl_fail = 0;
	memset(&sim_ports.mem, 0, sizeof(sim_ports.mem));
}
