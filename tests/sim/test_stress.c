// SPDX-License-Identifier: Apache-2.0
/*
 * Randomized stress, one seed per run: several devices with their own Sv39/Sv48/Sv57 domains,
 * random mappings (4 KiB, 64 KiB Svnapot, 2 MiB) with random permissions, page-table entries
 * deliberately malformed, device contexts deliberately misconfigured, random DMA mixes
 * (reads, writes, exec, privilege, bursts, page-crossing bursts, non-canonical IOVAs, process
 * IDs on contexts without a PDT), invalidations interleaved with the traffic, random memory
 * latency and back-pressure on both sides. Every DMA is checked by the scoreboard against the
 * golden model; the fault queue is drained as the Linux driver does and every record in it must
 * be one the scoreboard expects (from the datapath or the firmware), each exactly once.
 *
 * Tables are changed only followed by the invalidation the spec requires, so the golden model
 * (which reads memory) and the IOMMU (which caches) must agree on every outcome.
 *
 * The odd-numbered devices have DC.tc.SADE (hardware A/D update, AMO_HWAD) and clean mappings
 * (A=D=0, IOHOST_PROT_CLEAN): their first accesses set A/D, the A=0 / D=0 corruptions below are
 * updated instead of faulting, and the scoreboard checks that no update is left undone. Fixed
 * by the device index, not drawn: a seed keeps its random sequence.
 *
 * make stress SEEDS=N runs it over N seeds; a failing seed prints its repro line.
 */
#include <string.h>

#include "canary.h"
#include "riscv_iommu_regs.h"
#include "tb.h"
#include "tb_host.h"

#define NDEV	  4
#define NSLOT	  24		/* mappings tried per device */
#define NOPS	  400		/* DMAs per run */
#define DATA_BASE 0x40000000ull /* physical pages the mappings point at */

struct slot {
	uint64_t iova, pa, size;
	unsigned prot;
	bool mapped;
};

struct sdev {
	uint32_t did;
	struct iohost_domain dom;
	struct slot slot[NSLOT];
	unsigned nslot;
};

static struct iohost host;
static struct sdev devs[NDEV];
static uint64_t next_pa = DATA_BASE;
static unsigned tap_seen;  /* fault-tap records so far */
static unsigned fq_seen;   /* records drained from the fault queue */
static unsigned overflows; /* drains that found fqof: a fault storm outran the firmware */
static unsigned dropped;   /* records those drains missed: at least this many were dropped */

static uint32_t rnd(uint32_t n)
{
	return tb_rand() % n;
}

/*
 * A paging mode: 8 (Sv39 / Sv39x4), else 9 or 10 (Sv48 / Sv57 and their x4) by the next bit of
 * the same draw. One draw, as the earlier "rnd(2) ? 9 : 8": a seed keeps its random sequence and
 * its Sv39 choices; about half of what was Sv48 is now Sv57.
 */
static unsigned draw_mode(void)
{
	uint32_t r = tb_rand();

	return (r % 2) ? ((r & 2) ? 10 : 9) : 8;
}

static uint64_t alloc_pa(uint64_t size)
{
	uint64_t pa = (next_pa + size - 1) & ~(size - 1);

	next_pa = pa + size;
	canary_place(pa, size);
	return pa;
}

/* PTE address of the leaf that maps @iova (software walk), or 0. */
static uint64_t leaf_pte_addr(const struct iohost_pt *pt, uint64_t iova)
{
	uint64_t table = pt->root;

	for (int lvl = (int)pt->levels - 1; lvl >= 0; lvl--) {
		uint64_t a   = table + ((iova >> (12 + 9 * lvl)) & 0x1ff) * 8;
		uint64_t pte = mem_rd64(a);

		if (!(pte & 1))
			return 0;
		if (pte & 0xe) /* R, W or X: a leaf */
			return a;
		table = ((pte >> 10) & ((1ull << 44) - 1)) << 12;
	}
	return 0;
}

static void setup_devices(void)
{
	for (unsigned d = 0; d < NDEV; d++) {
		struct sdev *dv = &devs[d];
		unsigned mode	= draw_mode();

		/* Device IDs spread over every level of the 3-level directory. */
		dv->did = (d + 1) * 0x010203u + (tb_rand() & 0x3f);
		CHECK_EQ(iohost_domain_init(&host, &dv->dom, IOHOST_DOMAIN_PAGING, mode),
			 IOHOST_OK);
		CHECK_EQ(iohost_probe_device(&host, dv->did), IOHOST_OK);
		CHECK_EQ(iohost_attach(&host, &dv->dom, &dv->did, 1), IOHOST_OK);
		if (d & 1) {
			struct iohost_dc dc;

			CHECK_EQ(iohost_dc_read(&host, dv->did, &dc), IOHOST_OK);
			dc.tc |= RISCV_IOMMU_DC_TC_SADE;
			CHECK_EQ(iohost_dc_write(&host, dv->did, &dc), IOHOST_OK);
			CHECK_EQ(iohost_inval_ddt(&host, false, dv->did), IOHOST_OK);
			CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);
		}
		for (unsigned s = 0; s < NSLOT; s++) {
			static const uint64_t sizes[] = {IOHOST_SZ_4K, IOHOST_SZ_4K, IOHOST_SZ_4K,
							 IOHOST_SZ_64K, IOHOST_SZ_2M};
			static const unsigned prots[] = {
				IOHOST_PROT_READ, IOHOST_PROT_READ | IOHOST_PROT_WRITE,
				IOHOST_PROT_READ | IOHOST_PROT_EXEC,
				IOHOST_PROT_READ | IOHOST_PROT_WRITE | IOHOST_PROT_EXEC};
			struct slot *sl = &dv->slot[dv->nslot];

			sl->size = sizes[rnd(5)];
			sl->prot = prots[rnd(4)] | ((d & 1) ? IOHOST_PROT_CLEAN : 0);
			sl->pa	 = alloc_pa(sl->size);
			sl->iova = iohost_iova_alloc(&dv->dom.iova, sl->size, sl->size);
			if (!sl->iova)
				continue;
			if (iohost_pt_map(&host, &dv->dom.pt, sl->iova, sl->pa, sl->size, sl->prot))
				continue;
			sl->mapped = true;
			dv->nslot++;
		}
	}
}

/*
 * Corrupt one leaf in a way the spec says must fault, then invalidate its pages. A 64 KiB
 * Svnapot leaf is 16 PTEs, and the IOMMU may cache the whole region from any one of them (the
 * Svnapot rule: software keeps the 16 identical), so all 16 are corrupted the same way and each
 * page is invalidated; corrupting one alone would leave the outcome unspecified.
 */
static void corrupt_leaf(struct sdev *dv)
{
	struct slot *sl = &dv->slot[rnd(dv->nslot)];
	uint64_t a	= leaf_pte_addr(&dv->dom.pt, sl->iova);
	uint64_t pte, first = a;
	unsigned n = 1, kind, bit;

	if (!sl->mapped || !a)
		return;
	kind = rnd(6); /* drawn in the order of earlier versions: a seed keeps its scenario */
	bit  = kind == 2 ? rnd(7) : 0;
	if (mem_rd64(a) & RISCV_IOMMU_PTE_N) {
		first = a & ~(uint64_t)(16 * 8 - 1);
		n     = 16;
	}
	for (unsigned i = 0; i < n; i++) {
		pte = mem_rd64(first + 8ull * i);
		switch (kind) {
		case 0:
			pte &= ~1ull;
			break; /* V=0 */
		case 1:
			pte = (pte & ~0xeull) | 0x4;
			break; /* W without R */
		case 2:
			pte |= 1ull << (54 + bit);
			break; /* reserved bits 60:54 */
		case 3:
			pte &= ~(1ull << 6);
			break; /* A=0 */
		case 4:
			pte &= ~(1ull << 7);
			break; /* D=0: writes fault */
		default:
			/* misaligns a superpage (a reserved NAPOT encoding for 64 KiB): a 2 MiB
			 * leaf gets one of PPN[8:0] (from its PA, no extra draw), others PPN[0] */
			pte |= 1ull << (10 + (sl->size == IOHOST_SZ_2M ? (sl->pa >> 21) % 9 : 0));
			break;
		}
		mem_wr64(first + 8ull * i, pte);
	}
	/* PPN[0] on a 4 KiB leaf is no malformation but a valid remap to the next page: the test's
	 * own mapping, so that page is the test's too (isolation canary). */
	if (kind == 5 && sl->size == IOHOST_SZ_4K)
		canary_place(sl->pa | 0x1000, 0x1000);
	for (unsigned i = 0; i < n; i++) {
		uint64_t page = n == 1 ? sl->iova : (sl->iova & ~0xffffull) + 0x1000ull * i;

		CHECK_EQ(iohost_inval_vma(&host, dv->dom.pscid, -1, page), IOHOST_OK);
	}
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);
}

/* Unmap one mapping (Linux order: table, IOTINVAL per page, fence). */
static void unmap_one(struct sdev *dv)
{
	struct slot *sl = &dv->slot[rnd(dv->nslot)];

	if (!sl->mapped)
		return;
	if (iohost_dma_unmap(&host, &dv->dom, sl->iova, sl->size) == IOHOST_OK)
		sl->mapped = false;
}

/*
 * Misconfigure a device context (a reserved tc bit: cause 259) or restore it; or flip DTF (then
 * most faults of the device are not recorded), or V (258).
 */
static void toggle_dc(struct sdev *dv)
{
	static const uint64_t bit[] = {1ull << 20, 1ull << 20, 1ull << 4, 1ull << 0};
	struct iohost_dc dc;

	CHECK_EQ(iohost_dc_read(&host, dv->did, &dc), IOHOST_OK);
	dc.tc ^= bit[rnd(4)];
	CHECK_EQ(iohost_dc_write(&host, dv->did, &dc), IOHOST_OK);
	CHECK_EQ(iohost_inval_ddt(&host, false, dv->did), IOHOST_OK);
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);
}

static uint64_t pick_iova(const struct sdev *dv, unsigned beats)
{
	const struct slot *sl = &dv->slot[rnd(dv->nslot)];
	uint64_t off;

	switch (rnd(16)) {
	case 0:
		return 0xfeff000000000000ull | (tb_rand64() & 0xfffffff8ull); /* non-canonical */
	case 1:
		return (sl->iova + sl->size - 8) & ~7ull; /* may cross 4 KiB */
	case 2:
		return 0x7f0000000ull + (rnd(64) << 12); /* never mapped */
	default:
		break;
	}
	off = (tb_rand64() % sl->size) & ~7ull;
	/* Keep most bursts inside their 4 KiB page. */
	if ((off & 0xfff) + beats * 8 > 0x1000)
		off &= ~0xfffull;
	return sl->iova + off;
}

static void one_dma(void)
{
	struct sdev *dv = &devs[rnd(NDEV)];
	struct dma_attr a;
	uint64_t data[8];
	unsigned beats = 1 + rnd(8);
	uint64_t iova  = pick_iova(dv, beats);

	memset(&a, 0, sizeof(a));
	a.did = dv->did;
	if (rnd(40) == 0) /* a device_id the directory does not hold: 258 (or 260 if too wide) */
		a.did = rnd(1u << 24);
	a.id   = rnd(16);
	a.pv   = rnd(16) == 0; /* a process_id on a context without a PDT: 260 */
	a.pid  = a.pv ? rnd(1u << 20) : 0;
	a.priv = a.pv && rnd(2);
	if (rnd(2)) {
		for (unsigned i = 0; i < beats; i++)
			data[i] = tb_rand64();
		dma_write(&a, iova, data, beats);
	} else {
		a.exec = rnd(8) == 0;
		dma_read(&a, iova, data, beats);
	}
}

/*
 * Drain the fault queue the way Linux does, until it is quiet, and account for every record
 * exactly (tb_fq_account()): each record the scoreboard expects since the last drain (the
 * datapath's from the tap, the firmware's own: DDT walk faults) is drained once, nothing else
 * is; in a window with fqof (a fault storm outran the firmware, which stores about one record
 * per few hundred cycles) written + dropped must equal expected.
 */
static void drain_and_count(void)
{
	struct tb_fq_tally t;

	tb_fq_account(&host, &t);
	canary_check();
	overflows += t.overflow;
	dropped += t.dropped;
	fq_seen += t.written;
	tap_seen = (unsigned)tb_fault_count();
}

/* ---- Soak only (+soak): errors on implicit accesses, bad commands, a full fault queue ---- */

#define CQCSR_CMD_ILL (1u << 10)
#define CQCSR_CQMF    (1u << 8)
#define IOFENCE_C     0x3002ull /* IOFENCE.C PR PW */

static uint64_t err_lo, err_hi; /* the bus-error range in force, if any */
static unsigned nchaos[5];

/*
 * A bus error on an implicit access: a device's leaf PTE (all 16 of a Svnapot leaf), or its
 * device context, answers SLVERR until the next such event clears it. The IOMMU's copies are
 * invalidated first so that it must read the entry again; it may not cache what faulted, so
 * clearing the error needs no invalidation.
 */
static void bus_error(bool ddt)
{
	struct sdev *dv = &devs[rnd(NDEV)];
	struct slot *sl = &dv->slot[rnd(dv->nslot)];
	uint64_t a;
	unsigned n = 1;

	if (err_hi) {
		mem_set_error(err_lo, err_hi, false);
		err_lo = err_hi = 0;
		return;
	}
	if (ddt) {
		a = iohost_dc_addr(&host, dv->did, false);
		if (!a)
			return;
		err_lo = a;
		err_hi = a + 64;
		mem_set_error(err_lo, err_hi, true);
		CHECK_EQ(iohost_inval_ddt(&host, false, dv->did), IOHOST_OK);
		CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);
		return;
	}
	a = sl->mapped ? leaf_pte_addr(&dv->dom.pt, sl->iova) : 0;
	if (!a)
		return;
	if (mem_rd64(a) & RISCV_IOMMU_PTE_N) {
		a &= ~(uint64_t)(16 * 8 - 1);
		n = 16;
	}
	err_lo = a;
	err_hi = a + 8ull * n;
	mem_set_error(err_lo, err_hi, true);
	for (unsigned i = 0; i < n; i++) {
		uint64_t page = n == 1 ? sl->iova : (sl->iova & ~0xffffull) + 0x1000ull * i;

		CHECK_EQ(iohost_inval_vma(&host, dv->dom.pscid, -1, page), IOHOST_OK);
	}
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);
}

/* The command queue stops on @flag with cqh on the bad command; software fixes it and resumes. */
static void cq_stop_and_resume(uint32_t flag, uint32_t at)
{
	uint32_t csr;
	bool ok;

	csr = host_poll32(RISCV_IOMMU_REG_CQCSR, flag, flag, 200000, &ok);
	CHECK(ok);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQH), at);
	if (flag == CQCSR_CMD_ILL) {
		mem_wr64(host.cq.base + 16ull * at, IOFENCE_C);
		mem_wr64(host.cq.base + 16ull * at + 8, 0);
	}
	host_write32(RISCV_IOMMU_REG_CQCSR, csr); /* write 1 to clear the error */
	host_write32(RISCV_IOMMU_REG_IPSR, 1);	  /* cip */
	CHECK_EQ(iohost_cmd_sync(&host), IOHOST_OK);
}

/* An illegal command (reserved opcode, custom opcode, DV=0 INVAL_PDT, reserved bit, func3). */
static void illegal_cmd(void)
{
	static const uint64_t bad[] = {0x5, 0x40, 0x83, 0x1 | 1ull << 11, 0x102};
	uint32_t at		    = host.cq.prod;

	CHECK_EQ(iohost_cmd_send(&host, bad[rnd(5)], 0), IOHOST_OK);
	cq_stop_and_resume(CQCSR_CMD_ILL, at);
}

/* The command queue's memory answers SLVERR: cqmf. */
static void cq_mem_fault(void)
{
	uint32_t at = host.cq.prod;
	uint64_t lo = host.cq.base, hi = lo + (16ull << host.cq.log2sz);

	mem_set_error(lo, hi, true);
	CHECK_EQ(iohost_cmd_send(&host, IOFENCE_C, 0), IOHOST_OK);
	tb_step(2000);
	mem_set_error(lo, hi, false);
	cq_stop_and_resume(CQCSR_CQMF, at);
}

/* More faulting DMAs than the fault queue holds (256 entries), before one drain: fqof. */
static void fq_storm(void)
{
	struct dma_attr a;
	uint64_t d = 0;

	drain_and_count();
	memset(&a, 0, sizeof(a));
	for (unsigned i = 0; i < 320; i++) {
		a.did = devs[rnd(NDEV)].did;
		a.id  = rnd(16);
		dma_write(&a, 0x7f0000000ull + ((uint64_t)rnd(64) << 12), &d, 1);
	}
	drain_and_count();
}

/* One soak event: bus errors and queue errors often, a fault storm (320 DMAs) seldom. */
static void chaos(void)
{
	unsigned k = rnd(20);

	k = k < 5 ? 0 : k < 10 ? 1 : k < 14 ? 2 : k < 19 ? 3 : 4;
	nchaos[k]++;
	switch (k) {
	case 0:
	case 1:
		bus_error(k == 1);
		break;
	case 2:
		illegal_cmd();
		break;
	case 3:
		cq_mem_fault();
		break;
	default:
		fq_storm();
		break;
	}
}

TB_TEST(stress)
{
	unsigned lat = 1 + rnd(40), nops = tb_ops(NOPS);

	CHECK(tb_wait_fw_boot());
	mem_set_latency(lat);
	mem_set_backpressure(rnd(30));
	dma_set_backpressure(rnd(30));
	tb_log("stress: memory latency %u", lat);
	if (tb_host_up(&host, 0) != IOHOST_OK)
		return;
	setup_devices();
	canary_begin();
	canary_guard();
	for (unsigned op = 0; op < nops; op++) {
		unsigned r;

		if (tb_soak() && rnd(100) == 0)
			chaos();
		r = rnd(100);

		if (r < 3)
			corrupt_leaf(&devs[rnd(NDEV)]);
		else if (r < 5)
			unmap_one(&devs[rnd(NDEV)]);
		else if (r < 6)
			toggle_dc(&devs[rnd(NDEV)]);
		else
			one_dma();
		if (op % 50 == 49)
			drain_and_count();
	}
	if (err_hi)
		mem_set_error(err_lo, err_hi, false);
	drain_and_count();
	tb_log("stress: %u ops, %u fault records drained, %u datapath faults, %u window(s) with "
	       "fqof",
	       nops, fq_seen, tap_seen, overflows);
	{
		unsigned xok, xfail;

		mem_excl_count(&xok, &xfail);
		tb_log("stress: %u exclusive writes done (A/D updates), %u failed", xok, xfail);
	}
	if (tb_soak())
		tb_log("stress: soak: %u bus-error toggles on PTEs, %u on device contexts, %u "
		       "illegal "
		       "commands, %u cqmf, %u fault storms; %u records dropped; canary: %u guard "
		       "pages, %u stray writes",
		       nchaos[0], nchaos[1], nchaos[2], nchaos[3], nchaos[4], dropped,
		       canary_guard_pages(), canary_strays());
	tb_soak_note(fq_seen, dropped);
	CHECK(tap_seen > 0); /* the run did exercise the fault path */
}
