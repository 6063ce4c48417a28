/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Scoreboard: checks every finished DMA against the golden model (sim/model/golden.h) when it
 * is linked (TB_HAVE_GOLDEN), else against a built-in reading of the Off and Bare modes only.
 * It keeps a shadow of ddtp (the last value the host read back with busy=0; Off at reset),
 * capabilities and fctl, and collects the records of the fault tap (tap_fault_*): the tap is a
 * one-cycle pulse per record (architecture.md section 6), so every valid cycle is one record,
 * also when two consecutive records are identical (back-to-back faulting DMAs).
 *
 * Fault records reach the fault queue from two sides. The datapath's go through the tap; the
 * firmware writes its own (a context or MSI-PTE miss answered by MISS_CMD fail) straight to the
 * queue. Which side reports a cause depends on the step it arose at (gm_info.at) and, for a
 * page-crossing burst of a PDTV device, on the context cache (see reporter()); the scoreboard
 * decides that itself and expects the record from that side: from the tap (required), or from
 * the queue (kept in a list of expected queue records), or from either (the tap if it shows
 * it, else the queue). Every tap record is an expected queue record too; a test that reads the
 * queue hands each record to sb_fq_match() (tb_fq_account() does it for a whole drain), and
 * sb_end() fails the test for firmware records never matched.
 */
#include <stdint.h>
#include <stdlib.h>

#include "riscv_iommu_regs.h"
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
struct gm_info {
	bool mrif;
	unsigned at;
	bool pdtv, dtf;
};
#define GM_AT_OFF  1u
#define GM_AT_BARE 2u
#endif

#define REG_CAPS    0x000u
#define REG_FCTL    0x008u
#define REG_DDTP    0x010u
#define DDTP_BUSY   (1ull << 4)
#define REC_SLACK   64	  /* cycles after the response a fault record may still appear */
#define SB_END_WAIT 20000 /* cycles the end-of-test check waits for firmware records */

static bool enabled  = true;
static bool ad_check = true; /* sb_ad_check(): A/D set in the leaves after a good DMA */
static unsigned ad_left;     /* the last expect(): A/D updates the model still found needed */
static uint64_t sh_ddtp, sh_caps;
static uint32_t sh_fctl;
static bool sh_fqen; /* the host last wrote fqcsr.fqen=1: firmware records are kept */
static struct tb_fault *faults;
static bool *fault_taken; /* the record was matched to a DMA */
static size_t nfaults, fault_cap;

/* A record the fault queue must receive: every tap record, and the firmware's own. */
struct qrec {
	struct tb_fault f;
	bool fw;      /* expected from the firmware (no tap record) */
	bool matched; /* sb_fq_match() found it in the queue */
	bool settled; /* accounted for by sb_fq_settle() (matched, dropped or reported) */
};
static struct qrec *qexp;
static size_t nq, qcap;

/* Who writes the record of a faulting DMA. */
enum side { SIDE_NONE, SIDE_DATAPATH, SIDE_FIRMWARE, SIDE_EITHER };

void sb_enable(bool on)
{
	enabled = on;
}

static void qexp_add(const struct tb_fault *f, bool fw)
{
	if (fw && !sh_fqen)
		return; /* the firmware drops it: the queue is off */
	if (nq == qcap) {
		qcap = qcap ? 2 * qcap : 256;
		qexp = realloc(qexp, qcap * sizeof(*qexp));
		if (!qexp)
			abort();
	}
	qexp[nq++] = (struct qrec){.f = *f, .fw = fw};
}

/*
 * The side that reports a fault, following the firmware (firmware/ddt.c, pdt.c, msi.c) and the
 * datapath (doc/datapath.md): the firmware walks the DDT (device_id width 260, 257-259: every
 * miss of a device goes to it) and the PDT (process_id width 260, 265-267 and the guest-page
 * faults of the PDT's implicit G-stage reads) and checks MSI PTEs (261-263; an MSI PTE is cached
 * only when valid); a context it loads is then judged by the datapath, which reports everything
 * else (Off, Bare, a process_id without PDT, ENS, the walks, an exec of a basic MSI page). A
 * burst crossing 4 KiB of a PDTV device is 260 from the firmware on a context miss (before the
 * PDT walk, spec order) and from the datapath on a hit. An exec of an MRIF page gets an error
 * without a record (firmware/msi.c msi_mrif(): reads of an MRIF page are not recorded).
 */
static enum side reporter(const struct gm_res *res, const struct gm_info *info)
{
	if (!res->fault || !res->report)
		return SIDE_NONE;
#ifdef TB_HAVE_GOLDEN
	switch (info->at) {
	case GM_AT_DDT:
	case GM_AT_PID_WIDTH:
	case GM_AT_PDT:
		return SIDE_FIRMWARE;
	case GM_AT_CROSS:
		return info->pdtv ? SIDE_EITHER : SIDE_DATAPATH;
	case GM_AT_MSI:
		if (info->mrif)
			return SIDE_NONE;
		return res->cause == GM_CAUSE_EXEC_ACCESS ? SIDE_DATAPATH : SIDE_FIRMWARE;
	default:
		return SIDE_DATAPATH;
	}
#else
	(void)info;
	return SIDE_DATAPATH;
#endif
}

void sb_ad_check(bool on)
{
	ad_check = on;
}

void sb_reset(void)
{
	sh_ddtp	 = 0; /* architecture.md section 2: ddtp resets to Off */
	nfaults	 = 0;
	nq	 = 0;
	sh_fqen	 = false;
	ad_check = true;
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

void sb_host_write(uint32_t off, unsigned size, uint64_t val)
{
	/* fqcsr.fqen: while 0 the queue is off and every record is dropped (spec 4.2). */
	if (off == RISCV_IOMMU_REG_FQCSR && size == 4)
		sh_fqen = val & RISCV_IOMMU_FQCSR_FQEN;
	else if (off == RISCV_IOMMU_REG_FQCSR - 4 && size == 8)
		sh_fqen = (val >> 32) & RISCV_IOMMU_FQCSR_FQEN;
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

/* Fault record (spec 4.2): CAUSE[11:0], PID[31:12], PV[32], PRIV[33], TTYP[39:34], DID[63:40]. */
static void decode_record(struct tb_fault *f)
{
	f->cycle   = tb_cycle();
	f->cause   = f->dw[0] & 0xfff;
	f->pid	   = (f->dw[0] >> 12) & 0xfffff;
	f->pv	   = (f->dw[0] >> 32) & 1;
	f->priv	   = (f->dw[0] >> 33) & 1;
	f->ttyp	   = (f->dw[0] >> 34) & 0x3f;
	f->did	   = (uint32_t)(f->dw[0] >> 40);
	f->iotval  = f->dw[2];
	f->iotval2 = f->dw[3];
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
	decode_record(f);
	qexp_add(f, false);
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
static bool expect(const struct dma_op *op, struct gm_res *res, struct gm_info *info)
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

#ifdef TB_HAVE_GOLDEN
	gm_translate_ex(&env, &req, res, info);
	ad_left = info->ad_updates;
	return true;
#else
	*info = (struct gm_info){.at = (env.ddtp & 0xf) ? GM_AT_BARE : GM_AT_OFF};
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

/* The record the spec gives the fault of @op (4.2). */
static struct tb_fault op_record(const struct dma_op *op, const struct gm_res *res)
{
	/* golden.h: privilege travels with a process_id; PV=0 reports PID=0 and PRIV=0. */
	return (struct tb_fault){.cycle	  = op->t_done,
				 .cause	  = res->cause,
				 .ttyp	  = res->ttyp,
				 .did	  = op->attr.did & 0xffffff,
				 .pid	  = op->attr.pv ? op->attr.pid & 0xfffff : 0,
				 .pv	  = op->attr.pv,
				 .priv	  = op->attr.pv && op->attr.priv,
				 .iotval  = res->iotval,
				 .iotval2 = res->iotval2};
}

static bool same_record(const struct tb_fault *a, const struct tb_fault *b)
{
	return a->cause == b->cause && a->ttyp == b->ttyp && a->did == b->did && a->pid == b->pid &&
	       a->pv == b->pv && a->priv == b->priv && a->iotval == b->iotval &&
	       a->iotval2 == b->iotval2;
}

static bool record_matches(const struct tb_fault *f, const struct dma_op *op,
			   const struct gm_res *res)
{
	struct tb_fault want = op_record(op, res);

	return same_record(f, &want);
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
 * bit in the MRIF (@res->pa), SLVERR when that MRIF doubleword pair is a bus error (the firmware
 * records 264 unless DTF); any other write is discarded with OKAY; a read gets SLVERR (no record).
 */
static void check_mrif(const struct dma_op *op, const struct gm_res *res,
		       const struct gm_info *info, bool alone)
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
	if (msi && err && !info->dtf) {
		struct gm_res r264  = {.fault	= true,
				       .cause	= 264,
				       .ttyp	= res->ttyp,
				       .iotval	= res->iotval,
				       .iotval2 = 0};
		struct tb_fault rec = op_record(op, &r264);

		qexp_add(&rec, true);
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
	if (alone)
		check_no_record(op);
}

void sb_grant(const struct dma_op *op)
{
	struct gm_res res;
	struct gm_info info;

	if (!op->write)
		return;
	/* Only a write the tables live now translate (not an MRIF MSI: the firmware stores it);
	 * anywhere when the outcome is not known (no golden model). */
	if (!expect(op, &res, &info))
		canary_grant(op, 0, 1ull << 62);
	else if (!res.fault && !info.mrif)
		canary_grant(op, res.pa, 8ull * op->beats);
}

void sb_check(const struct dma_op *op, bool alone)
{
	struct gm_res res;
	struct gm_info info;
	const char *kind = op->write ? "write" : "read";
	size_t n	 = mem_log_count();
	bool found	 = false;
	struct tb_fault rec;

	if (!enabled || !expect(op, &res, &info))
		return;
	if (info.mrif && !res.fault) {
		check_mrif(op, &res, &info, alone);
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
		rec = op_record(op, &res);
		switch (reporter(&res, &info)) {
		case SIDE_DATAPATH:
			(void)take_record(op, &res, true);
			break;
		case SIDE_EITHER:
			/* the datapath's, if it reported; else the firmware writes it */
			if (!take_record(op, &res, false))
				qexp_add(&rec, true);
			break;
		case SIDE_FIRMWARE:
			qexp_add(&rec, true);
			break;
		default:
			break;
		}
		if (alone)
			check_no_record(op);
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
		/* a 4-byte write (dma_write32()) stores one lane; the other keeps what it held */
		uint64_t lane = dma_op_is_w32(op) ? 0xffffffffull << (8 * (op->iova & 4)) : ~0ull;

		if ((m & lane) != (op->data[b] & lane)) {
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

/* ---- Fault-queue accounting ----------------------------------------------------- */

bool sb_fq_match(const struct tb_fault *f)
{
	for (size_t i = 0; i < nq; i++)
		if (!qexp[i].matched && !qexp[i].settled && same_record(&qexp[i].f, f)) {
			qexp[i].matched = true;
			return true;
		}
	return false;
}

bool sb_fq_match_raw(const uint64_t dw[4])
{
	struct tb_fault f;

	for (unsigned i = 0; i < 4; i++)
		f.dw[i] = dw[i];
	decode_record(&f);
	return sb_fq_match(&f);
}

unsigned sb_fq_pending(void)
{
	unsigned n = 0;

	for (size_t i = 0; i < nq; i++)
		n += !qexp[i].matched && !qexp[i].settled;
	return n;
}

static void report_missing(const struct qrec *q, const char *why)
{
	tb_fail(__FILE__, __LINE__,
		"%s: no %s fault record cause %u ttyp %u did 0x%x pid 0x%x pv %d priv %d iotval "
		"0x%llx iotval2 0x%llx",
		why, q->fw ? "firmware" : "datapath (tap)", q->f.cause, q->f.ttyp, q->f.did,
		q->f.pid, q->f.pv, q->f.priv, (unsigned long long)q->f.iotval,
		(unsigned long long)q->f.iotval2);
}

unsigned sb_fq_settle(bool dropped_ok, unsigned *missing)
{
	unsigned n = 0;

	*missing = 0;
	for (size_t i = 0; i < nq; i++) {
		if (qexp[i].settled)
			continue;
		qexp[i].settled = true;
		n++;
		if (qexp[i].matched)
			continue;
		(*missing)++;
		if (!dropped_ok)
			report_missing(&qexp[i], "fault queue");
	}
	return n;
}

/* Firmware records still expected and neither matched nor settled. */
static unsigned fw_pending(void)
{
	unsigned n = 0;

	for (size_t i = 0; i < nq; i++)
		n += qexp[i].fw && !qexp[i].matched && !qexp[i].settled;
	return n;
}

/*
 * Match the records the queue still holds (fqh..fqt, not consumed: the test may not have read
 * them) against the expected firmware records.
 */
static void match_queue_tail(void)
{
	uint64_t fqb  = host_read64(RISCV_IOMMU_REG_FQB);
	uint32_t mask = (2u << (fqb & RISCV_IOMMU_FQB_LOG2SZ_1)) - 1;
	uint64_t base = ((fqb & RISCV_IOMMU_FQB_PPN) >> RISCV_IOMMU_FQB_PPN_SHIFT) << 12;
	uint32_t h    = host_read32(RISCV_IOMMU_REG_FQH) & mask;
	uint32_t t    = host_read32(RISCV_IOMMU_REG_FQT) & mask;

	for (; h != t; h = (h + 1) & mask) {
		struct tb_fault f;

		for (unsigned i = 0; i < 4; i++)
			f.dw[i] = mem_rd64(base + 32ull * h + 8u * i);
		decode_record(&f);
		for (size_t i = 0; i < nq; i++)
			if (qexp[i].fw && !qexp[i].matched && !qexp[i].settled &&
			    same_record(&qexp[i].f, &f)) {
				qexp[i].matched = true;
				break;
			}
	}
}

void sb_end(void)
{
	uint64_t t0 = tb_cycle();

	/* Records the firmware is still writing (it answers the DMA first, then reports). */
	while (fw_pending()) {
		if (host_read32(RISCV_IOMMU_REG_FQCSR) & RISCV_IOMMU_FQCSR_FQON)
			match_queue_tail();
		if (!fw_pending() || tb_cycle() - t0 > SB_END_WAIT)
			break;
		tb_step(500);
	}
	for (size_t i = 0; i < nq; i++)
		if (qexp[i].fw && !qexp[i].matched && !qexp[i].settled) {
			qexp[i].settled = true;
			report_missing(&qexp[i], "end of test");
		}
}
