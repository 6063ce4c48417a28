// SPDX-License-Identifier: Apache-2.0
/* Firmware interface helpers (architecture.md §5): events, commands, burst engine. */
#include "hal/fwif.h"

/* Spec-page values that change only on a doorbell the firmware sees (or by its own writes). */
struct fw_cfg fw_cfg_shadow;

void fw_shadow_reset(void)
{
	fw_cfg_shadow.valid = false;
}

void fw_cfg_flush(void)
{
	fw_cfg_shadow.valid = false;
}

const struct fw_cfg *fw_cfg_load(void)
{
	fw_cfg_shadow.ddtp  = page_read64(RISCV_IOMMU_REG_DDTP);
	fw_cfg_shadow.caps  = page_read64(RISCV_IOMMU_REG_CAPABILITIES);
	fw_cfg_shadow.fctl  = page_read32(RISCV_IOMMU_REG_FCTL);
	fw_cfg_shadow.valid = true;
	fw_cfg_shadow.gen++;
	return &fw_cfg_shadow;
}

/*
 * Stores are cheap for the core (posted), loads are not: the firmware saves register reads,
 * never register writes (a compare-and-skip costs more than the store).
 */
static inline void burst_addr(uint64_t pa)
{
	fwif_write32(FWIF_BURST_ADDR_LO, (uint32_t)pa);
	fwif_write32(FWIF_BURST_ADDR_HI, (uint32_t)(pa >> 32));
}

bool fw_evt_get(struct fw_event *ev)
{
	uint32_t st = fwif_read32(FWIF_EVT_STATUS);

	ev->dropped = (st & FWIF_EVT_STATUS_DROPPED) != 0;
	if (!(st & FWIF_EVT_STATUS_AVAIL))
		return false;
	ev->type = fwif_read32(FWIF_EVT_TYPE);
	for (unsigned i = 0; i < 8; i++)
		ev->w[i] = fwif_read32(FWIF_EVT_DATA0 + 4 * i);
	fwif_write32(FWIF_EVT_POP, 1);
	return true;
}

void fw_ctx_inval_all(void)
{
	fwif_write32(FWIF_CTX_CMD, FWIF_CTX_CMD_INV_ALL);
}

void fw_ctx_inval_did(uint32_t did)
{
	fwif_write32(FWIF_CTX_CMD, FWIF_CTX_CMD_INV_DID | (did << FWIF_CTX_CMD_DID_SHIFT));
}

void fw_ctx_inval_did_pid(uint32_t did, uint32_t pid)
{
	fwif_write32(FWIF_CTX_KEY, pid & FWIF_CTX_KEY_PID);
	fwif_write32(FWIF_CTX_CMD, FWIF_CTX_CMD_INV_DID_PID | (did << FWIF_CTX_CMD_DID_SHIFT));
}

void fw_miss_retry(void)
{
	fwif_write32(FWIF_MISS_CMD, FWIF_MISS_CMD_RETRY);
}

void fw_miss_fail(uint32_t cause)
{
	fwif_write32(FWIF_MISS_CMD, FWIF_MISS_CMD_FAIL | ((cause & 0xFFFu) << 16));
}

void fw_iotlb_inval(const struct fw_inval *inv)
{
	fwif_write32(FWIF_INV_W0, inv->flags);
	fwif_write32(FWIF_INV_PSCID, inv->pscid);
	fwif_write32(FWIF_INV_GSCID, inv->gscid);
	fwif_write32(FWIF_INV_ADDR_LO, (uint32_t)inv->vpn);
	fwif_write32(FWIF_INV_ADDR_HI, (uint32_t)(inv->vpn >> 32));
	fwif_write32(FWIF_INV_CMD, 1);
	while (fwif_read32(FWIF_INV_STATUS) & FWIF_INV_STATUS_BUSY)
		;
}

void fw_dma_drain(fw_poll_fn poll)
{
	if (fwif_read32(FWIF_DRAIN) & FWIF_DRAIN_IDLE)
		return; /* nothing in flight */
	fwif_write32(FWIF_DRAIN, FWIF_DRAIN_HOLD);
	while (!(fwif_read32(FWIF_DRAIN) & FWIF_DRAIN_DRAINED)) {
		if (poll)
			poll();
	}
	fwif_write32(FWIF_DRAIN, 0);
}

int fw_burst_start(uint64_t pa, uint32_t buf_off, uint32_t beats, bool store)
{
	if (beats == 0 || beats > 32 || (pa & 7) || (buf_off & 7) ||
	    buf_off + 8 * beats > FWIF_BUF_SIZE)
		return FW_EINVAL;
	burst_addr(pa);
	fwif_write32(FWIF_BURST_CTRL, (store ? FWIF_BURST_CTRL_STORE : 0) |
					      (beats << FWIF_BURST_CTRL_BEATS_SHIFT) |
					      (buf_off << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
	return FW_OK;
}

uint32_t fw_cqx_run(uint32_t buf_off, uint32_t n)
{
	uint32_t st;

	fwif_write32(FWIF_CQX_CTRL, n | (buf_off << FWIF_CQX_CTRL_BUF_OFF_SHIFT));
	do {
		st = fwif_read32(FWIF_CQX_STATUS);
	} while (st & FWIF_CQX_STATUS_BUSY);
	return st;
}

uint32_t fw_cqx_fetch(uint64_t pa, uint32_t buf_off, uint32_t n)
{
	uint32_t st;

	burst_addr(pa);
	fwif_write32(FWIF_BURST_CTRL, FWIF_BURST_CTRL_CQX |
					      ((2 * n) << FWIF_BURST_CTRL_BEATS_SHIFT) |
					      (buf_off << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
	do {
		st = fwif_read32(FWIF_CQX_STATUS);
	} while (st & FWIF_CQX_STATUS_BUSY);
	return st;
}

int fw_evt_store_start(uint64_t pa, uint32_t buf_off)
{
	if ((pa & 7) || (pa & 0xFFFu) > 0x1000u - 32u || (buf_off & 7) ||
	    buf_off + 32u > FWIF_BUF_SIZE)
		return FW_EINVAL;
	burst_addr(pa);
	fwif_write32(FWIF_BURST_CTRL, FWIF_BURST_CTRL_STORE | FWIF_BURST_CTRL_EVT |
					      (4u << FWIF_BURST_CTRL_BEATS_SHIFT) |
					      (buf_off << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
	return FW_OK;
}

int fw_burst_wait(void)
{
	uint32_t st;

	st = fw_burst_poll();
	return (st & FWIF_BURST_STATUS_ERR) ? FW_EIO : FW_OK;
}

int fw_burst(uint64_t pa, uint32_t buf_off, uint32_t beats, bool store)
{
	int r = fw_burst_start(pa, buf_off, beats, store);

	return r == FW_OK ? fw_burst_wait() : r;
}

int fw_burst_excl(uint64_t pa, uint32_t buf_off, bool store)
{
	uint32_t st;

	if ((pa & 7) || (buf_off & 7) || buf_off + 8u > FWIF_BUF_SIZE)
		return FW_EINVAL;
	burst_addr(pa);
	fwif_write32(FWIF_BURST_CTRL, (store ? FWIF_BURST_CTRL_STORE : 0) |
					      (FWIF_HAVE_EXCL ? FWIF_BURST_CTRL_EXCL : 0) |
					      (1u << FWIF_BURST_CTRL_BEATS_SHIFT) |
					      (buf_off << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
	st = fw_burst_poll();
	if (st & FWIF_BURST_STATUS_ERR)
		return FW_EIO;
	return (st & FWIF_BURST_STATUS_EXOK) ? FW_OK : FW_EXFAIL;
}

int fw_store32(uint64_t pa, uint32_t val)
{
	uint32_t st;

	if (!FWIF_HAVE_STORE32)
		return FW_ENOTSUP;
	if (pa & 3)
		return FW_EINVAL;
	/* The value goes in the byte lanes of its half of the beat (AXI narrow write): only
	 * that half (WSTRB = ADDR[2] ? 0xF0 : 0x0F) is ever driven. */
	fw_buf_write32(FW_BUF_MSI + ((uint32_t)pa & 4), val);
	burst_addr(pa);
	fwif_write32(FWIF_BURST_CTRL, FWIF_BURST_CTRL_STORE | FWIF_BURST_CTRL_SIZE32 |
					      (1u << FWIF_BURST_CTRL_BEATS_SHIFT) |
					      (FW_BUF_MSI << FWIF_BURST_CTRL_BUF_OFF_SHIFT));
	st = fw_burst_poll();
	return (st & FWIF_BURST_STATUS_ERR) ? FW_EIO : FW_OK;
}

uint64_t fw_cycles(void)
{
	uint64_t lo = fwif_read32(FWIF_CYCLE_LO);
	uint64_t hi = fwif_read32(FWIF_CYCLE_HI);

	return lo | (hi << 32);
}

void fw_simctrl(uint32_t val)
{
	fwif_write32(FWIF_SIMCTRL, val);
}

void fw_panic(uint32_t code)
{
	fw_simctrl(FWIF_SIMCTRL_PANIC | (code & 0xFFFFu));
#ifdef MOCK_MMIO
	/* Host tests: a panic is a test failure, never a hang. */
	__builtin_trap();
#else
	for (;;)
		;
#endif
}
