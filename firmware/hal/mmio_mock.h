/* SPDX-License-Identifier: Apache-2.0 */
/* Host unit tests only (-DMOCK_MMIO): a fake spec page and fwif page behind mmio_read/write32. */
#ifndef HAL_MMIO_MOCK_H
#define HAL_MMIO_MOCK_H

#include <stdint.h>

/** struct mock_write - one logged MMIO write (address as the core sees it). */
struct mock_write {
	uint32_t addr;
	uint32_t val;
};

#define MOCK_LOG_MAX 256

/** struct mock_mmio - the fake hardware state; spec page aliases act as raw / set / clear. */
struct mock_mmio {
	uint32_t page[1024]; /* spec register page (incl. firmware-private 0x400-) */
	uint32_t fwif[1024]; /* iommu_fwif page: plain storage */
	/* DRAIN: a write of HOLD reads back HOLD | DRAINED (nothing in flight), after this many
	 * reads that answer HOLD only (requests still in flight). */
	unsigned drain_reads;
	struct mock_write log[MOCK_LOG_MAX];
	unsigned nlog;
};

extern struct mock_mmio mock;

/** mock_reset() - zero every register and the write log. */
void mock_reset(void);
/** mock_page_set64() - backdoor write of an 8-byte spec-page register. */
void mock_page_set64(uint32_t off, uint64_t val);
/** mock_page_get64() - backdoor read of an 8-byte spec-page register. */
uint64_t mock_page_get64(uint32_t off);
/** mock_find_write() - index of the first logged write to @addr at or after @from, or -1. */
int mock_find_write(uint32_t addr, unsigned from);

#endif /* HAL_MMIO_MOCK_H */
