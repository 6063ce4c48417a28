/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Firmware view of the IOMMU (architecture.md §3-§5): the spec register page through its raw /
 * set / clear aliases, the event FIFO, context-cache and IOTLB commands, the burst engine.
 */
#ifndef HAL_FWIF_H
#define HAL_FWIF_H

#include <stdbool.h>
#include <stdint.h>

#include "riscv_iommu_regs.h"
#include "hal/mmio.h"

/** enum fw_err - negative error codes of the firmware (OpenSBI style). */
enum fw_err {
	FW_OK	    = 0,
	FW_EINVAL   = -1, /* bad argument */
	FW_EIO	    = -2, /* bus error on a burst */
	FW_ETIMEOUT = -3,
	FW_ENOTSUP  = -4, /* the RTL lacks the feature */
	FW_EXFAIL   = -5, /* exclusive access answered OKAY (fw_burst_excl()) */
};

/* ---- Spec register page (firmware port: bypasses host access rules) ---- */

/** page_read32() - read a spec-page register (any alias returns the register). */
static inline uint32_t page_read32(uint32_t off)
{
	return mmio_read32(FWIF_PAGE_RAW + off);
}

/** page_read64() - read an 8-byte spec-page register (low word first). */
static inline uint64_t page_read64(uint32_t off)
{
	return mmio_read64(FWIF_PAGE_RAW + off);
}

/** page_write32() - raw write: only for fields that the host cannot write concurrently. */
static inline void page_write32(uint32_t off, uint32_t val)
{
	mmio_write32(FWIF_PAGE_RAW + off, val);
}

/** page_write64() - raw 8-byte write, high half then low half. */
static inline void page_write64(uint32_t off, uint64_t val)
{
	mmio_write64(FWIF_PAGE_RAW + off, val);
}

/** page_set32() - OR @bits into a register (fields shared with the host). */
static inline void page_set32(uint32_t off, uint32_t bits)
{
	mmio_write32(FWIF_PAGE_SET + off, bits);
}

/** page_clear32() - clear @bits of a register (fields shared with the host). */
static inline void page_clear32(uint32_t off, uint32_t bits)
{
	mmio_write32(FWIF_PAGE_CLR + off, bits);
}

/* ---- fwif registers ---- */

static inline uint32_t fwif_read32(uint32_t off)
{
	return mmio_read32(FWIF_BASE + off);
}

static inline void fwif_write32(uint32_t off, uint32_t val)
{
	mmio_write32(FWIF_BASE + off, val);
}

/** fw_burst_poll() - wait for the burst engine to go idle; returns the final BURST_STATUS. */
static inline __attribute__((always_inline)) uint32_t fw_burst_poll(void)
{
	uint32_t st;

	do {
		st = fwif_read32(FWIF_BURST_STATUS);
	} while (st & FWIF_BURST_STATUS_BUSY);
	return st;
}

/** fw_shadow_reset() - forget the config cache (host tests: mock reset). */
void fw_shadow_reset(void);

/** struct fw_cfg - spec-page values cached in RAM; see fw_cfg_flush(). */
struct fw_cfg {
	bool valid;
	uint32_t gen;  /* counts the loads: what is derived from these values tells it is stale */
	uint64_t ddtp; /* changes only by ddtp_handle() (DB_DDTP) */
	uint64_t caps; /* constant */
	uint32_t fctl; /* host writes ring DB_FCTL */
};

/* The cache behind fw_cfg_get(); fw_cfg_load() fills it from the page. */
extern struct fw_cfg fw_cfg_shadow;
const struct fw_cfg *fw_cfg_load(void);

/**
 * fw_cfg_get() - the cached ddtp / capabilities / fctl (read from the page when flushed).
 * Inline: the context-miss path makes no call before its DC load.
 */
static inline __attribute__((always_inline)) const struct fw_cfg *fw_cfg_get(void)
{
	return fw_cfg_shadow.valid ? &fw_cfg_shadow : fw_cfg_load();
}
/** fw_cfg_flush() - drop the cache: on DB_DDTP (after ddtp_handle()) and DB_FCTL. */
void fw_cfg_flush(void);

/**
 * fw_db_take() - read the pending doorbells and acknowledge them (clear alias). Inline: the main
 * loop's idle pass is this read and a few tests, with no call.
 */
static inline __attribute__((always_inline)) uint32_t fw_db_take(void)
{
	uint32_t db   = page_read32(RISCV_IOMMU_REG_FW_DB_PENDING);
	uint32_t regs = db & ~(uint32_t)(FWIF_DB_EVT | FWIF_DB_EVT_DROPPED | FWIF_DB_EVT_TYPE |
					 RISCV_IOMMU_FW_DB_PENDING_IRQ_RISE);

	/* Acknowledge before handling, so a doorbell that rings meanwhile stays pending. The
	 * event bits are fwif's summary of the event FIFO and IRQ_RISE the regfile's summary of
	 * FW_IRQ_RISE, not doorbells. */
	if (regs)
		page_clear32(RISCV_IOMMU_REG_FW_DB_PENDING, regs);
	return db;
}

/** struct fw_event - one RTL-to-firmware event (architecture.md §5.1). */
struct fw_event {
	uint32_t type; /* FWIF_EVT_CTX_MISS, FWIF_EVT_FAULT, ... */
	uint32_t w[8]; /* payload words EVT_DATA0..7 */
	bool dropped;  /* a FAULT was dropped since the last status read */
};

/** fw_evt_get() - copy and pop the head event; false when the FIFO is empty. */
bool fw_evt_get(struct fw_event *ev);

/**
 * fw_ctx_load() - load the context of device @did into the context cache (CTX_CMD 1): the DC in
 * CTX_W0..15 (BURST_CTRL.CTX), with CTX_KEY's process key and ENS/SUM when its PDTV=1.
 */
static inline void fw_ctx_load(uint32_t did)
{
	fwif_write32(FWIF_CTX_CMD, FWIF_CTX_CMD_LOAD | (did << FWIF_CTX_CMD_DID_SHIFT));
}
/** fw_ctx_inval_all() - drop every context-cache entry (CTX_CMD 3). */
void fw_ctx_inval_all(void);
/** fw_ctx_inval_did() - drop every entry of @did (CTX_CMD 2). */
void fw_ctx_inval_did(uint32_t did);
/** fw_ctx_inval_did_pid() - drop the entry of (@did, @pid) (CTX_CMD 4). */
void fw_ctx_inval_did_pid(uint32_t did, uint32_t pid);
/** fw_miss_retry() - the pending context miss looks the cache up again. */
void fw_miss_retry(void);
/** fw_miss_fail() - the pending context miss gets an error response (@cause for debug). */
void fw_miss_fail(uint32_t cause);

/** struct fw_inval - one IOTLB invalidation (IOTINVAL.VMA/GVMA operands). */
struct fw_inval {
	uint32_t flags; /* FWIF_INV_W0_* */
	uint32_t pscid;
	uint32_t gscid;
	uint64_t vpn; /* ADDR[63:12] */
};

/** fw_iotlb_inval() - start an IOTLB invalidation and wait until the datapath took it. */
void fw_iotlb_inval(const struct fw_inval *inv);

/**
 * fw_cqx_run() - the RTL command engine (CQX_CTRL) runs up to @n commands (1..128) from the burst
 * buffer at byte offset @buf_off (16-aligned), in order: legal IOTINVAL.VMA/GVMA (each taken by
 * the datapath before the next), legal IODIR.INVAL_DDT/PDT and legal IOFENCE.C with WSI=0 that have nothing to wait for
 * (PR=PW=0, or no device request in flight), with their AV store. It stops before any other
 * command, and after a fence store with a bus error. Returns CQX_STATUS: DONE = how many it ran,
 * ERR = the next command is a fence whose store failed.
 */
uint32_t fw_cqx_run(uint32_t buf_off, uint32_t n);

/**
 * fw_cqx_fetch() - load @n commands (1..16) from @pa into the burst buffer at @buf_off and, once
 * loaded, let the command engine run them as fw_cqx_run() would (BURST_CTRL.CQX): one register
 * write and one status poll. Returns CQX_STATUS; LDERR = the load got a bus error (nothing ran).
 */
uint32_t fw_cqx_fetch(uint64_t pa, uint32_t buf_off, uint32_t n);

/** typedef fw_poll_fn - work a wait loop does meanwhile (the events the datapath waits on). */
typedef void (*fw_poll_fn)(void);

/**
 * fw_dma_drain() - IOFENCE.C PR/PW: nothing to do when no device request is in flight
 * (DRAIN.IDLE); else hold the device port (DRAIN.HOLD), wait until every device
 * request accepted before has been answered at the device port (DRAIN.DRAINED), release it.
 * @poll (may be NULL) runs while waiting: a request parked behind a context or MSI-PTE miss
 * answers only after the firmware has served that miss.
 */
void fw_dma_drain(fw_poll_fn poll);

/**
 * fw_burst() - move @beats (1..32) 8-byte words between system memory at @pa and the burst
 * buffer at byte offset @buf_off; @store: buffer to memory. Blocks until done. The range must
 * not cross a 4 KiB boundary. Returns FW_OK, FW_EINVAL or FW_EIO (bus error).
 */
int fw_burst(uint64_t pa, uint32_t buf_off, uint32_t beats, bool store);

/** fw_burst_start() / fw_burst_wait() - fw_burst() in two halves, to overlap other work. */
int fw_burst_start(uint64_t pa, uint32_t buf_off, uint32_t beats, bool store);
int fw_burst_wait(void);

/**
 * fw_evt_store_start() - BURST_CTRL.EVT: the RTL copies the head event's 32 payload bytes to the
 * buffer at @buf_off, pops the event and stores the 4 beats at @pa (8-aligned, within a page);
 * finish with fw_burst_wait(). No payload word passes through the core.
 */
int fw_evt_store_start(uint64_t pa, uint32_t buf_off);

/**
 * fw_evt_store_go() - fw_evt_store_start() without its checks, inlined, for the fault path: the
 * caller guarantees @pa 8-aligned with the 32 bytes inside one page, and @buf_off in range.
 */
static inline void fw_evt_store_go(uint64_t pa, uint32_t buf_off)
{
	fwif_write32(FWIF_BURST_ADDR_LO, (uint32_t)pa);
	fwif_write32(FWIF_BURST_ADDR_HI, (uint32_t)(pa >> 32));
	fwif_write32(FWIF_BURST_CTRL, FWIF_BURST_CTRL_STORE | FWIF_BURST_CTRL_EVT |
					      (4u << FWIF_BURST_CTRL_BEATS_SHIFT) |
					      (buf_off << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
}

/** fw_buf_read32() / fw_buf_write32() - a word of the burst buffer. */
static inline uint32_t fw_buf_read32(uint32_t off)
{
	return fwif_read32(FWIF_BUF + off);
}

static inline void fw_buf_write32(uint32_t off, uint32_t val)
{
	fwif_write32(FWIF_BUF + off, val);
}

/** fw_cycles() - 64-bit cycle counter (LO read latches HI). */
uint64_t fw_cycles(void);

/** fw_simctrl() - status word to the testbench (FWIF_SIMCTRL_BOOTED, panic codes). */
void fw_simctrl(uint32_t val);

/** fw_panic() - report @code (low 16 bits) as 0xDEAD_xxxx and stop. */
void fw_panic(uint32_t code) __attribute__((noreturn));

/*
 * FW_GET() / FW_PREP() - FIELD_GET/FIELD_PREP with the generated <mask>_SHIFT constant:
 * riscv_iommu_mask_shift() is a run-time loop at -Os on rv32 (tens of cycles per use).
 */
#define FW_GET(mask, v)	 (((uint64_t)(v) & (uint64_t)(mask)) >> mask##_SHIFT)
#define FW_PREP(mask, v) (((uint64_t)(v) << mask##_SHIFT) & (uint64_t)(mask))

/* ---- Burst-buffer map: each engine owns a region, so a walk never clobbers a command batch ---- */
/* clang-format off */
#define FW_BUF_CQ       0x000u /* command batch, up to 32 beats (16 commands) */
#define FW_BUF_DDTE     0x400u /* non-leaf DDTE of level n at +8*n */
#define FW_BUF_DC       0x440u /* device context, 64 bytes */
#define FW_BUF_PDTE     0x480u /* non-leaf PDTE of level n at +8*n */
#define FW_BUF_PC       0x4A0u /* process context, 16 bytes */
#define FW_BUF_FQ       0x500u /* fault record staging, 32 bytes */
#define FW_BUF_FENCE    0x540u /* IOFENCE.C read-modify-write beat */
#define FW_BUF_MSI      0x548u /* MSI write beat */
/* clang-format on */

/*
 * 4-byte stores through the burst engine (MSI writes, IOFENCE.C AV=1): BURST_CTRL.SIZE32 with
 * STORE and beats=1 issues AWSIZE=2, AWLEN=0 at BURST_ADDR (4-aligned) with
 * WSTRB = ADDR[2] ? 0xF0 : 0x0F. FWIF_HAVE_STORE32=0 (a build for an older bitstream) makes
 * fw_store32() refuse with FW_ENOTSUP.
 */
#ifndef FWIF_HAVE_STORE32
#define FWIF_HAVE_STORE32 1
#endif

/**
 * fw_store32() - store the 4 bytes @val at @pa (4-aligned) without touching the other half of
 * the 8-byte beat. Returns FW_OK, FW_EIO (bus error) or FW_ENOTSUP (no SIZE32 in the RTL).
 */
int fw_store32(uint64_t pa, uint32_t val);

/*
 * Exclusive accesses through the burst engine (BURST_CTRL.EXCL, BEATS=1): one 8-byte AXI4
 * exclusive load (ARLOCK=1) or store (AWLOCK=1); BURST_STATUS.EXOK reports an EXOKAY answer.
 * FWIF_HAVE_EXCL=0 (a build for an older bitstream) makes fw_burst_excl() issue plain accesses
 * and answer FW_EXFAIL, as a memory without an exclusive monitor does.
 */
#ifndef FWIF_HAVE_EXCL
#define FWIF_HAVE_EXCL 1
#endif

/**
 * fw_burst_excl() - one exclusive 8-byte access at @pa (8-aligned) from (@store=false) or to the
 * burst buffer at @buf_off. Returns FW_OK (EXOKAY: the load armed the memory's monitor, the store
 * was done), FW_EXFAIL (OKAY: a failed store wrote nothing; a load's data is valid but the memory
 * has no monitor, so an exclusive store cannot be told from a plain one), FW_EIO or FW_EINVAL.
 */
int fw_burst_excl(uint64_t pa, uint32_t buf_off, bool store);

/** fw_cycle_lo() - low 32 bits of the cycle counter, for short intervals. */
static inline uint32_t fw_cycle_lo(void)
{
	return fwif_read32(FWIF_CYCLE_LO);
}

#endif /* HAL_FWIF_H */
