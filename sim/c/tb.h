/* SPDX-License-Identifier: Apache-2.0 */
/* Testbench API: what a co-simulation test (tests/sim/test_*.c) may call. */
#ifndef TB_H
#define TB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Time --------------------------------------------------------------- */

/** tb_cycle() - clock cycles since reset was released. */
uint64_t tb_cycle(void);
/** tb_step() - advance the simulation by @n clock cycles. */
void tb_step(unsigned n);
/** tb_seed() - the run's seed (+seed=); tb_rand() draws from it. */
uint32_t tb_seed(void);
uint32_t tb_rand(void);
uint64_t tb_rand64(void);

/* ---- Firmware ----------------------------------------------------------- */

/** tb_wait_fw_boot() - run until the firmware reports booted; false on timeout. */
bool tb_wait_fw_boot(void);
/** tb_wsi() - current wired-interrupt outputs (bit v = vector v). */
uint32_t tb_wsi(void);

/* ---- Host register port (AXI4-Lite) -------------------------------------- */

uint32_t host_read32(uint32_t off);
uint64_t host_read64(uint32_t off);
void host_write32(uint32_t off, uint32_t val);
/** host_write64() - one 8-byte access (wstrb 0xFF). */
void host_write64(uint32_t off, uint64_t val);
/** host_write64_split() - two 4-byte writes, high half then low half. */
void host_write64_split(uint32_t off, uint64_t val);
/**
 * host_poll32() - read @off until (value & @mask) == @want or @timeout cycles pass.
 * Returns the last value read; *@ok tells whether the condition was met.
 */
uint32_t host_poll32(uint32_t off, uint32_t mask, uint32_t want, uint64_t timeout, bool *ok);

/* ---- System memory (backdoor; no simulated time passes) ------------------ */

void mem_wr(uint64_t pa, const void *buf, size_t n);
void mem_rd(uint64_t pa, void *buf, size_t n);
uint64_t mem_rd64(uint64_t pa);
void mem_wr64(uint64_t pa, uint64_t val);
uint32_t mem_rd32(uint64_t pa);
void mem_wr32(uint64_t pa, uint32_t val);
/** mem_set_latency() - cycles from address handshake to first data / B (L). */
void mem_set_latency(unsigned cycles);
/** mem_set_backpressure() - percent of cycles with ready low / valid gaps (seeded). */
void mem_set_backpressure(unsigned percent);
/**
 * mem_set_aw_wait_w() - make memory a W-first slave for the sources in @src_mask (bit n: ID[5:4]
 * = n, MEM_SRC_*): it raises AWREADY for such an AW only after it has seen WVALID of that
 * AW's burst, and takes W beats only after the AW, as AXI4 A3.3.1 allows. 0 (the default after
 * reset): AW is taken without waiting for W. mem_aw_waited() counts the AWs that waited.
 */
void mem_set_aw_wait_w(unsigned src_mask);
unsigned mem_aw_waited(void);
/** mem_set_error() - accesses to [lo, hi) get SLVERR (on) until cleared (on=false). */
void mem_set_error(uint64_t lo, uint64_t hi, bool on);
/** mem_is_error() - @pa lies in an active error range (what the model answers with SLVERR). */
bool mem_is_error(uint64_t pa);

/*
 * Exclusive accesses (AXI4 A7.2): one monitor per AXI ID. An ARLOCK read arms the monitor of its
 * ID for its byte range when its first beat's data is sampled (EXOKAY on every beat); any write
 * to that range afterwards, by anyone (W beats, and the backdoor mem_wr*()), disarms it. An
 * AWLOCK write with the monitor of its ID armed for the same address, size and length is done
 * and answered EXOKAY (and disarms it); otherwise it writes nothing and is answered OKAY. An
 * exclusive access that breaks the AXI rules (total size a power of two up to 128 bytes, aligned
 * to it, at most 16 beats) fails the test.
 */
/**
 * mem_set_read_hook() - call @fn for every R beat, right after the model sampled its data at
 * @pa (8-aligned) and armed the monitor of an exclusive read: a backdoor write from the hook
 * is another agent's write between that read and any later write. NULL removes the hook.
 */
typedef void (*mem_read_hook_fn)(void *ctx, uint64_t pa, unsigned id, bool excl);
void mem_set_read_hook(mem_read_hook_fn fn, void *ctx);
/** mem_excl_count() - exclusive writes since reset answered EXOKAY (*ok) and OKAY (*fail). */
void mem_excl_count(unsigned *ok, unsigned *fail);

/** One memory-port transaction, as seen by the memory model. */
struct mem_txn {
	uint64_t cycle; /* address handshake */
	uint64_t addr;
	unsigned id; /* 6 bits: [5:4] source 0 DMA, 1 PTW, 2 firmware */
	unsigned beats;
	bool write;
};
/** mem_log_count() / mem_log_get() - every transaction since reset, in order. */
size_t mem_log_count(void);
const struct mem_txn *mem_log_get(size_t i);

#define MEM_SRC_DMA 0u
#define MEM_SRC_PTW 1u
#define MEM_SRC_FW  2u

/* ---- DMA master (device port) -------------------------------------------- */

/** Who issues a DMA: the device-port sideband of doc/architecture.md §6. */
struct dma_attr {
	uint32_t did; /* device_id, 24 bits */
	uint32_t pid; /* process_id, 20 bits */
	bool pv;      /* process_id valid */
	bool priv;    /* AxPROT[0] */
	bool exec;    /* AxPROT[2] (reads only) */
	unsigned id;  /* AXI ID, 4 bits */
};

/* AXI response codes. */
#define AXI_OKAY   0
#define AXI_EXOKAY 1
#define AXI_SLVERR 2
#define AXI_DECERR 3

/**
 * dma_read() / dma_write() - one burst of @beats 8-byte beats at @iova (8-aligned), blocking.
 * Return the worst AXI response of the burst. Every call is checked by the scoreboard
 * against the golden model (unless scoreboard checking is off, see sb_enable()).
 */
int dma_read(const struct dma_attr *a, uint64_t iova, uint64_t *data, unsigned beats);
int dma_write(const struct dma_attr *a, uint64_t iova, const uint64_t *data, unsigned beats);
/**
 * dma_write32() - one 4-byte write (AWSIZE 2, AWLEN 0, WSTRB 0x0F << @iova[2]) of @val at
 * @iova (4-aligned): an MSI. Blocking, checked by the scoreboard.
 */
int dma_write32(const struct dma_attr *a, uint64_t iova, uint32_t val);

/** A non-blocking DMA, for throughput tests: issue many, then wait. */
struct dma_op {
	struct dma_attr attr;
	uint64_t iova;
	unsigned beats;
	bool write;
	uint64_t data[32];
	/* filled in on completion */
	bool done;
	int resp;
	uint64_t t_issue; /* cycle AR/AW handshook */
	uint64_t t_first; /* cycle first R beat / B arrived */
	uint64_t t_done;
};
void dma_issue(struct dma_op *op);
/** dma_wait_all() - run until every issued op is done; false on timeout. */
bool dma_wait_all(uint64_t timeout);

/* ---- Checks -------------------------------------------------------------- */

/** tb_fail() - record a failure of the running test (does not return early). */
void tb_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tb_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define CHECK(cond)                                                      \
	do {                                                             \
		if (!(cond))                                             \
			tb_fail(__FILE__, __LINE__, "CHECK(%s)", #cond); \
	} while (0)
#define CHECK_EQ(a, b)                                                                    \
	do {                                                                              \
		uint64_t a_ = (uint64_t)(a), b_ = (uint64_t)(b);                          \
		if (a_ != b_)                                                             \
			tb_fail(__FILE__, __LINE__, "%s == %s: 0x%llx != 0x%llx", #a, #b, \
				(unsigned long long)a_, (unsigned long long)b_);          \
	} while (0)

/* ---- Registry ------------------------------------------------------------ */

struct tb_test {
	const char *name;
	void (*fn)(void);
	struct tb_test *next;
};
void tb_register(struct tb_test *t);

/** TB_TEST(name) { body } - define and register test "name" (run with +test=name). */
#define TB_TEST(tname)                                                           \
	static void tb_test_fn_##tname(void);                                    \
	static struct tb_test tb_test_##tname = {#tname, tb_test_fn_##tname, 0}; \
	__attribute__((constructor)) static void tb_test_reg_##tname(void)       \
	{                                                                        \
		tb_register(&tb_test_##tname);                                   \
	}                                                                        \
	static void tb_test_fn_##tname(void)

/* ---- Additions (testbench area) ------------------------------------------ */

/** sb_enable() - turn scoreboard checking of DMAs on (default) or off, for tests that
 * deliberately make the IOMMU's caches stale (spec section "Caching"). */
void sb_enable(bool on);
/**
 * sb_ad_check() - while on (default, and after reset), a DMA that translated without a fault
 * must leave no hardware A/D update undone: the golden model, run after the DMA, must find A
 * (and D for a write) set in every leaf it uses under DC.tc.SADE/GADE. Off for tests where
 * another agent clears A/D concurrently.
 */
void sb_ad_check(bool on);
/** dma_set_backpressure() - percent of cycles the DMA master holds rready/bready low. */
void dma_set_backpressure(unsigned percent);

/** One record seen on the fault tap (tap_fault_rec_o, spec notes section 1.9 layout). */
struct tb_fault {
	uint64_t cycle;
	unsigned cause, ttyp;
	uint32_t did, pid;
	bool pv, priv;
	uint64_t iotval, iotval2;
	uint64_t dw[4]; /* the raw record */
};
/** tb_fault_count() / tb_fault_get() - every fault-tap record since reset, in order. */
size_t tb_fault_count(void);
const struct tb_fault *tb_fault_get(size_t i);

/**
 * sb_fq_match() - the test read @f from the fault queue: match it with one expected record not
 * matched before (a tap record, or one the scoreboard expects the firmware to write, see
 * scoreboard.c). Return: false for a record nobody expected (an extra, or a duplicate).
 */
bool sb_fq_match(const struct tb_fault *f);
/** sb_fq_match_raw() - sb_fq_match() of a record read from memory as four doublewords. */
bool sb_fq_match_raw(const uint64_t dw[4]);
/** sb_fq_pending() - expected queue records neither matched nor settled yet. */
unsigned sb_fq_pending(void);
/**
 * sb_fq_settle() - close the window: every expected record not matched is reported missing
 * (failing the test), or when @dropped_ok (the queue overflowed) counted as dropped.
 * @missing: out: the number of records not matched.
 * Return: the number of records expected in the window (matched or not).
 */
unsigned sb_fq_settle(bool dropped_ok, unsigned *missing);

/* ---- Soak (tools/soak.py, doc/verification.md "Soak") ------------------------ */

/** tb_soak() - +soak was given: the stress tests add their soak-only events. */
bool tb_soak(void);
/** tb_ops() - +ops=N when given (operations per run of a stress test), else @dflt. */
unsigned tb_ops(unsigned dflt);
/**
 * tb_soak_note() - the run's fault figures for its closing "SOAK" line: @recorded fault records
 * drained from the queue, at least @dropped records lost to overflow (fqof windows).
 */
void tb_soak_note(unsigned recorded, unsigned dropped);
/** dma_count() - DMAs finished (and checked by the scoreboard) since reset. */
unsigned dma_count(void);

#endif /* TB_H */
