/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Scoreboard: checks every finished DMA against the golden model (sim/model/golden.h) when it
 * is linked (TB_HAVE_GOLDEN), else against a built-in reading of the Off and Bare modes only.
 * It keeps a shadow of ddtp (the last value the host read back with busy=0; Off at reset),
 * capabilities and fctl, and collects the records of the fault tap (tap_fault_*): the tap is a
 * one-cycle pulse per record (architecture.md section 6), so every valid cycle is one record,
 * also when two consecutive records are identical (back-to-back faulting DMAs).
 *
 * Records the firmware writes (a context miss answered by MISS_CMD fail: DDT/PDT walk faults)
 * go to the fault queue, never to the tap. For the causes only the firmware can find (the
 * datapath never walks the DDT or PDT: 257-259, 265-267) the scoreboard expects no tap record
 * by itself; for a cause both sides report (256, 260, a guest page fault on the PDT walk) the
 * test says which side will report it with sb_fw_reports() (tb.h), or, when that depends on
 * the context cache (an unsupported request of a PDTV device: the firmware reports 260 on a
 * context miss, the datapath on a hit), that either side may, with sb_fw_may_report(). Either
 * way the response and the absence of a memory access are still checked; the test checks the
 * queue.
 */
#include <stdint.h>
#include <stdlib.h>

#include "tb_int.h"
#ifdef TB_HAVE_GOLDEN
#include "golden.h"
#else
/* The golden model's API, so that the scoreboard compiles the same way without it. */
struct gm_env {
	uint64_t (*rd64)(void *ctx, uint64_t pa, bool *err);
	void *ctx;
	uint64_t ddtp;
	uint64_t caps;
	uint32_t fctl;
};
struct gm_req {
	uint32_t did, pid;
	bool pv, priv, exec, write;
	uint64_t iova;
	unsigned beats;
};
struct gm_res {
	bool fault;
	unsigned cause;
	unsigned ttyp;
	uint64_t pa;
	uint64_t iotval, iotval2;
	bool report;
};
#endif

#define REG_CAPS  0x000u
#define REG_FCTL  0x008u
#define REG_DDTP  0x010u
#define DDTP_BUSY (1ull << 4)
#define REC_SLACK 64 /* cycles after the response a fault record may still appear */

static bool enabled = true;
static bool fw_reports;	     /* sb_fw_reports(): faults of the next DMAs are firmware-written */
static bool fw_may;	     /* sb_fw_may_report(): ... written by either side */
static bool ad_check = true; /* sb_ad_check(): A/D set in the leaves after a good DMA */
static unsigned ad_left;     /* the last expect(): A/D updates the model still found needed */
static uint64_t sh_ddtp, sh_caps;
static uint32_t sh_fctl;
static struct tb_fault *faults;
static bool *fault_taken; /* the record was matched to a DMA */
static size_t nfaults, fault_cap;

void sb_enable(bool on)
{
	enabled = on;
}

void sb_fw_reports(bool on)
{
	fw_reports = on;
}

void sb_fw_may_report(bool on)
{
	fw_may = on;
}

void sb_ad_check(bool on)
{
	ad_check = on;
}

/* Causes only the firmware's DDT / PDT walk finds (spec table "Fault record CAUSE"). */
static bool fw_only_cause(unsigned cause)
{
	return (cause >= 257 && cause <= 259) || (cause >= 265 && cause <= 267);
}

void sb_reset(void)
{
	sh_ddtp	   = 0; /* architecture.md section 2: ddtp resets to Off */
	fw_reports = false;
	fw_may	   = false;
	ad_check   = true;
	nfaults	   = 0;
}

void sb_host_read(uint32_t off, unsigned size, uint64_t val)
{
	if (off == REG_DDTP && size == 8 && !(val & DDTP_BUSY))
		sh_ddtp = val;
	else if (off == REG_DDTP && size == 4 && !(val & DDTP_BUSY))
		sh_ddtp = (sh_ddtp & ~0xffffffffull) | val;
	else if (off == REG_DDTP + 4 && size == 4)
		sh_ddtp = (sh_ddtp & 0xffffffffull) | val << 32;
	else if (off == REG_CAPS && size == 8)
		sh_caps = val;
	else if (off == REG_FCTL && size == 4)
		sh_fctl = (uint32_t)val;
}

void sb_after_boot(void)
{
	(void)host_read64(REG_CAPS);
	(void)host_read32(REG_FCTL);
	(void)host_read64(REG_DDTP);
}

/* ---- Fault tap --------------------------------------------------------------- */

size_t tb_fault_count(void)
{
	return nfaults;
}

const struct tb_fault *tb_fault_get(size_t i)
{
	return i < nfaults ? &faults[i] : NULL;
}

void sb_cycle(void)
{
	const uint32_t *r = sim_ports.tap_fault_rec;
	struct tb_fault *f;

	if (!sim_ports.tap_fault_valid)
		return;
	if (nfaults == fault_cap) {
		fault_cap   = fault_cap ? 2 * fault_cap : 256;
		faults	    = realloc(faults, fault_cap * sizeof(*faults));
		fault_taken = realloc(fault_taken, fault_cap * sizeof(*fault_taken));
		if (!faults || !fault_taken)
			abort();
	}
	fault_taken[nfaults] = false;
	f		     = &faults[nfaults++];
	for (int i = 0; i < 4; i++)
		f->dw[i] = (uint64_t)r[2 * i + 1] << 32 | r[2 * i];
	/* Fault record (spec 4.2): CAUSE[11:0], PID[31:12], PV[32], PRIV[33], TTYP[39:34], DID[63:40]. */
	f->cycle   = tb_cycle();
	f->cause   = f->dw[0] & 0xfff;
	f->pid	   = (f->dw[0] >> 12) & 0xfffff;
	f->pv	   = (f->dw[0] >> 32) & 1;
	f->priv	   = (f->dw[0] >> 33) & 1;
	f->ttyp	   = (f->dw[0] >> 34) & 0x3f;
	f->did	   = (uint32_t)(f->dw[0] >> 40);
	f->iotval  = f->dw[2];
	f->iotval2 = f->dw[3];
	if (tb_verbose())
		tb_log("fault tap: cause %u ttyp %u did 0x%x pid 0x%x pv %d priv %d iotval 0x%llx",
		       f->cause, f->ttyp, f->did, f->pid, f->pv, f->priv,
		       (unsigned long long)f->iotval);
}

/* ---- Expected outcome ---------------------------------------------------------- */

static uint64_t env_rd64(void *ctx, uint64_t pa, bool *err)
{
	(void)ctx;
	return mem_bd_read64(pa, err);
}

/* Returns false when the outcome is not known (no golden model, translating mode). */
static bool expect(const struct dma_op *op, struct gm_res *res, bool *mrif)
{
	struct gm_env env = {.rd64 = env_rd64, .ddtp = sh_ddtp, .caps = sh_caps, .fctl = sh_fctl};
	struct gm_req req = {.did   = op->attr.did & 0xffffff,
			     .pid   = op->attr.pid & 0xfffff,
			     .pv    = op->attr.pv,
			     .priv  = op->attr.priv,
			     .exec  = op->attr.exec && !op->write,
			     .write = op->write,
			     .iova  = op->iova,
			     .beats = op->beats};

	*mrif = false;
#ifdef TB_HAVE_GOLDEN
	struct gm_info info = {0};

	gm_translate_ex(&env, &req, res, &info);
	*mrif	= info.mrif && !res->fault;
	ad_left = info.ad_updates;
	return true;
#else
	/* Spec 2.3 steps 1-2 only: Off faults every request with cause 256, Bare passes. */
	*res = (struct gm_res){0};
	switch (env.ddtp & 0xf) {
	case 0:
		res->fault  = true;
		res->cause  = 256;
		res->ttyp   = req.write ? 3 : req.exec ? 1 : 2;
		res->iotval = req.iova;
		res->report = true;
		return true;
	case 1:
		res->pa = req.iova;
		return true;
	default:
		return false;
	}
#endif
}

/* ---- Checks ---------------------------------------------------------------------- */

static bool in_window(const struct dma_op *op, uint64_t c)
{
	return c >= op->t_issue && c <= op->t_done;
}

static bool record_matches(const struct tb_fault *f, const struct dma_op *op,
			   const struct gm_res *res)
{
	/* golden.h: privilege travels with a process_id; PV=0 reports PID=0 and PRIV=0. */
	uint32_t pid = op->attr.pv ? op->attr.pid & 0xfffff : 0;
	bool priv    = op->attr.pv && op->attr.priv;

	return f->cause == res->cause && f->ttyp == res->ttyp &&
	       f->did == (op->attr.did & 0xffffff) && f->pid == pid && f->pv == op->attr.pv &&
	       f->priv == priv && f->iotval == res->iotval && f->iotval2 == res->iotval2;
}

/*
 * Take the tap record of a faulting DMA, waiting up to REC_SLACK cycles after its response;
 * when @required, its absence fails the test. Returns whether it was found.
 */
static bool take_record(const struct dma_op *op, const struct gm_res *res, bool required)
{
	uint64_t last = op->t_done + REC_SLACK;
	size_t near   = SIZE_MAX; /* index: faults[] may move while stepping */

	for (;;) {
		for (size_t i = 0; i < nfaults; i++) {
			if (fault_taken[i] || faults[i].cycle < op->t_issue)
				continue;
			if (record_matches(&faults[i], op, res)) {
				fault_taken[i] = true;
				return true;
			}
			if (near == SIZE_MAX)
				near = i;
		}
		if (tb_cycle() >= last)
			break;
		tb_step(1);
	}
	if (!required)
		return false;
	tb_fail(__FILE__, __LINE__,
		"DMA %s iova 0x%llx did 0x%x pid 0x%x pv %d priv %d: no fault record with cause %u "
		"ttyp %u iotval 0x%llx iotval2 0x%llx",
		op->write ? "W" : "R", (unsigned long long)op->iova, op->attr.did, op->attr.pid,
		op->attr.pv, op->attr.priv, res->cause, res->ttyp, (unsigned long long)res->iotval,
		(unsigned long long)res->iotval2);
	if (near != SIZE_MAX)
		tb_log("  nearest record: cause %u ttyp %u did 0x%x pid 0x%x pv %d priv %d iotval "
		       "0x%llx iotval2 0x%llx",
		       faults[near].cause, faults[near].ttyp, faults[near].did, faults[near].pid,
		       faults[near].pv, faults[near].priv, (unsigned long long)faults[near].iotval,
		       (unsigned long long)faults[near].iotval2);
	return false;
}

/* A record in the DMA's window that nobody asked for (e.g. DTF should have suppressed it). */
static void check_no_record(const struct dma_op *op)
{
	for (size_t i = 0; i < nfaults; i++)
		if (!fault_taken[i] && in_window(op, faults[i].cycle)) {
			tb_fail(__FILE__, __LINE__,
				"DMA iova 0x%llx: unexpected fault record cause %u",
				(unsigned long long)op->iova, faults[i].cause);
			fault_taken[i] = true;
		}
}

/*
 * An MRIF-mode MSI PTE (firmware, datapath.md 7b): the device write never reaches memory. A
 * 4-byte single-beat write at page offset 0 with identity 1..2047 sets the identity's pending
 * bit in the MRIF (@res->pa), SLVERR when that MRIF doubleword pair is a bus error (firmware
 * records 264); any other write is discarded with OKAY; a read gets SLVERR (no record).
 */
static void check_mrif(const struct dma_op *op, const struct gm_res *res, bool alone)
{
	uint32_t id = (uint32_t)op->data[0];
	bool msi    = op->write && dma_op_is_w32(op) && op->beats == 1 && (op->iova & 0xfff) == 0 &&
		   id != 0 && id < 2048;
	uint64_t dw = res->pa + (id / 64u) * 16u;
	bool err    = false;
	int want    = op->write ? AXI_OKAY : AXI_SLVERR;
	size_t n    = mem_log_count();

	if (msi) {
		(void)mem_bd_read64(dw, &err);
		(void)mem_bd_read64(dw + 8, &err);
		if (err)
			want = AXI_SLVERR;
	}
	if (op->resp != want)
		tb_fail(__FILE__, __LINE__, "MRIF MSI iova 0x%llx id %u: resp %d, want %d",
			(unsigned long long)op->iova, id, op->resp, want);
	if (msi && !err && !((mem_rd64(dw) >> (id % 64u)) & 1))
		tb_fail(__FILE__, __LINE__,
			"MRIF MSI iova 0x%llx id %u: pending bit clear at 0x%llx",
			(unsigned long long)op->iova, id, (unsigned long long)dw);
	for (size_t i = 0; alone && i < n; i++) {
		const struct mem_txn *t = mem_log_get(i);

		if (t->id >> 4 == MEM_SRC_DMA && in_window(op, t->cycle))
			tb_fail(__FILE__, __LINE__, "MRIF MSI iova 0x%llx reached memory at 0x%llx",
				(unsigned long long)op->iova, (unsigned long long)t->addr);
	}
	if (alone && !fw_reports)
		check_no_record(op);
}

void sb_grant(const struct dma_op *op)
{
	struct gm_res res;
	bool mrif;

	if (!op->write)
		return;
	/* Only a write the tables live now translate (not an MRIF MSI: the firmware stores it);
	 * anywhere when the outcome is not known (no golden model). */
	if (!expect(op, &res, &mrif))
		canary_grant(op, 0, 1ull << 62);
	else if (!res.fault && !mrif)
		canary_grant(op, res.pa, 8ull * op->beats);
}

void sb_check(const struct dma_op *op, bool alone)
{
	struct gm_res res;
	bool mrif;
	const char *kind = op->write ? "write" : "read";
	size_t n	 = mem_log_count();
	bool found	 = false;

	if (!enabled || !expect(op, &res, &mrif))
		return;
	if (mrif) {
		check_mrif(op, &res, alone);
		return;
	}
	if (res.fault) {
		if (op->resp != AXI_SLVERR)
			tb_fail(__FILE__, __LINE__,
				"DMA %s iova 0x%llx did 0x%x: resp %d, want SLVERR (cause %u)",
				kind, (unsigned long long)op->iova, op->attr.did, op->resp,
				res.cause);
		for (size_t i = 0; alone && i < n; i++) {
			const struct mem_txn *t = mem_log_get(i);

			if (t->id >> 4 == MEM_SRC_DMA && in_window(op, t->cycle))
				tb_fail(__FILE__, __LINE__,
					"faulting DMA %s iova 0x%llx reached memory at 0x%llx",
					kind, (unsigned long long)op->iova,
					(unsigned long long)t->addr);
		}
		if (res.report && !fw_reports && !fw_may && !fw_only_cause(res.cause)) {
			(void)take_record(op, &res, true);
		} else if (res.report && fw_may && !fw_reports && !fw_only_cause(res.cause)) {
			(void)take_record(op, &res, false); /* the datapath's, if it reported */
			if (alone)
				check_no_record(op);
		} else if (alone) {
			check_no_record(op);
		}
		return;
	}
	if (op->resp != AXI_OKAY) {
		tb_fail(__FILE__, __LINE__, "DMA %s iova 0x%llx did 0x%x: resp %d, want OKAY", kind,
			(unsigned long long)op->iova, op->attr.did, op->resp);
		return;
	}
	for (size_t i = n; i-- > 0 && !found;) {
		const struct mem_txn *t = mem_log_get(i);

		found = t->id >> 4 == MEM_SRC_DMA && in_window(op, t->cycle) && t->addr == res.pa &&
			t->write == op->write && t->beats == op->beats;
	}
	if (alone)
		check_no_record(op);
	/* The model runs after the DMA: with DC.tc.SADE/GADE the IOMMU has set A (and D for a
	 * write) in every leaf it used, so the model finds nothing left to update. */
	if (ad_check && ad_left)
		tb_fail(__FILE__, __LINE__,
			"DMA %s iova 0x%llx did 0x%x: %u leaf PTE(s) still lack A/D after it", kind,
			(unsigned long long)op->iova, op->attr.did, ad_left);
	if (!found)
		tb_fail(__FILE__, __LINE__,
			"DMA %s iova 0x%llx did 0x%x: no %u-beat memory %s at pa 0x%llx", kind,
			(unsigned long long)op->iova, op->attr.did, op->beats, kind,
			(unsigned long long)res.pa);
	for (unsigned b = 0; b < op->beats; b++) {
		uint64_t m = mem_rd64(res.pa + 8ull * b);

		if (m != op->data[b]) {
			tb_fail(__FILE__, __LINE__,
				"DMA %s iova 0x%llx beat %u: data 0x%016llx, memory at 0x%llx "
				"holds "
				"0x%016llx",
				kind, (unsigned long long)op->iova, b,
				(unsigned long long)op->data[b],
				(unsigned long long)(res.pa + 8ull * b), (unsigned long long)m);
			break;
		}
	}
}
