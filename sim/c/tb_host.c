// SPDX-License-Identifier: Apache-2.0
/* The host driver library (lib/) bound to the testbench host port and backdoor memory. */
#include <string.h>

#include "canary.h"
#include "riscv_iommu_regs.h"
#include "tb.h"
#include "tb_host.h"

/* clang-format off */
#define TB_FQ_POLL      1000u /* cycles between two drains */
#define TB_FQ_QUIET     3u    /* empty drains in a row that end a complete drain */
#define TB_FQ_QUIET_MAX 40u   /* ... that end one still short of @want */
/* clang-format on */

static uint64_t pool_next = TB_HOST_POOL_BASE;

static uint32_t op_read32(void *ctx, uint32_t off)
{
	(void)ctx;
	return host_read32(off);
}

static uint64_t op_read64(void *ctx, uint32_t off)
{
	(void)ctx;
	return host_read64(off);
}

static void op_write32(void *ctx, uint32_t off, uint32_t val)
{
	(void)ctx;
	host_write32(off, val);
}

static void op_write64(void *ctx, uint32_t off, uint64_t val)
{
	(void)ctx;
	host_write64(off, val);
}

uint64_t tb_alloc_pages(uint64_t bytes)
{
	uint64_t align = 4096, pa;
	uint8_t zero[4096];

	while (align < bytes)
		align <<= 1;
	pa	  = (pool_next + align - 1) & ~(align - 1);
	pool_next = pa + align;
	canary_place(pa, align);
	memset(zero, 0, sizeof(zero));
	for (uint64_t off = 0; off < align; off += sizeof(zero))
		mem_wr(pa + off, zero, sizeof(zero));
	return pa;
}

static uint64_t op_alloc(void *ctx, uint64_t bytes)
{
	(void)ctx;
	return tb_alloc_pages(bytes);
}

static uint64_t op_mem_read64(void *ctx, uint64_t pa)
{
	(void)ctx;
	return mem_rd64(pa);
}

static void op_mem_write64(void *ctx, uint64_t pa, uint64_t val)
{
	(void)ctx;
	mem_wr64(pa, val);
}

/* Backdoor memory writes are visible at once: no barrier is needed. */
static void op_wmb(void *ctx)
{
	(void)ctx;
}

/* One microsecond of the host is taken as 10 clock cycles of the IOMMU. */
static void op_delay(void *ctx, unsigned us)
{
	(void)ctx;
	tb_step(us * 10u);
}

void tb_host_bind(struct iohost *h)
{
	memset(h, 0, sizeof(*h));
	h->ops.read32	   = op_read32;
	h->ops.read64	   = op_read64;
	h->ops.write32	   = op_write32;
	h->ops.write64	   = op_write64;
	h->ops.alloc_pages = op_alloc;
	h->ops.mem_read64  = op_mem_read64;
	h->ops.mem_write64 = op_mem_write64;
	h->ops.wmb	   = op_wmb;
	h->ops.delay	   = op_delay;
	h->ops.ctx	   = NULL;
}

int tb_host_up(struct iohost *h, unsigned max_mode)
{
	struct iohost_cfg cfg;
	int rc;

	memset(&cfg, 0, sizeof(cfg));
	cfg.nr_irqs   = 1;
	cfg.cq_log2sz = 8;
	cfg.fq_log2sz = 8;
	cfg.max_mode  = max_mode;
	cfg.use_wsi   = true;
	tb_host_bind(h);
	rc = iohost_init(h, &cfg);
	if (rc != IOHOST_OK)
		tb_fail(__FILE__, __LINE__, "iohost_init failed: %d", rc);
	return rc;
}

unsigned tb_fq_drain_quiet(struct iohost *h, unsigned want, tb_fq_record_fn each, void *ctx,
			   uint32_t *flags)
{
	/* A queue of 2^LOG2SZ entries holds at most 2^LOG2SZ - 1 records: one drain fits. */
	static struct iohost_fault f[1u << 12];
	unsigned got = 0, quiet = 0, max = 1u << h->fq.log2sz;
	uint32_t fl;
	int n;

	if (max > sizeof(f) / sizeof(f[0])) {
		tb_fail(__FILE__, __LINE__, "fault queue of %u entries: drain buffer too small",
			max);
		max = sizeof(f) / sizeof(f[0]);
	}
	*flags = 0;
	while (quiet < (got >= want ? TB_FQ_QUIET : TB_FQ_QUIET_MAX)) {
		tb_step(TB_FQ_POLL);
		fl = 0;
		n  = iohost_fault_drain(h, f, max, &fl);
		*flags |= fl;
		if (n < 0) {
			tb_fail(__FILE__, __LINE__, "fault queue drain: %d", n);
			break;
		}
		quiet = n ? 0 : quiet + 1;
		for (int i = 0; each && i < n && (unsigned)i < max; i++)
			each(ctx, &f[i]);
		got += (unsigned)n;
	}
	return got;
}

static void account_one(void *ctx, const struct iohost_fault *f)
{
	struct tb_fault r = {.cause   = f->cause,
			     .ttyp    = f->ttyp,
			     .did     = f->did,
			     .pid     = f->pid,
			     .pv      = f->pv,
			     .priv    = f->priv,
			     .iotval  = f->iotval,
			     .iotval2 = f->iotval2};

	if (sb_fq_match(&r))
		return;
	(*(unsigned *)ctx)++;
	tb_fail(__FILE__, __LINE__,
		"fault queue: record nobody expected (extra or duplicate): cause %u ttyp %u did "
		"0x%x pid 0x%x pv %d priv %d iotval 0x%llx iotval2 0x%llx",
		f->cause, f->ttyp, f->did, f->pid, f->pv, f->priv, (unsigned long long)f->iotval,
		(unsigned long long)f->iotval2);
}

void tb_fq_account(struct iohost *h, struct tb_fq_tally *out)
{
	struct tb_fq_tally t = {0};
	uint32_t fl;

	t.written = tb_fq_drain_quiet(h, sb_fq_pending(), account_one, &t.extra, &fl);
	if (fl & RISCV_IOMMU_FQCSR_FQMF)
		tb_fail(__FILE__, __LINE__, "fault queue: fqmf");
	t.overflow = fl & RISCV_IOMMU_FQCSR_FQOF;
	t.expected = sb_fq_settle(t.overflow, &t.dropped);
	if (t.written - t.extra + t.dropped != t.expected)
		tb_fail(__FILE__, __LINE__,
			"fault queue: %u written (%u unexpected) + %u dropped != %u expected",
			t.written, t.extra, t.dropped, t.expected);
	if (out)
		*out = t;
}
