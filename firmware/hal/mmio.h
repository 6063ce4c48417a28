/* SPDX-License-Identifier: Apache-2.0 */
/* MMIO accessors (doc/design-rules.md §4): every firmware register access goes through these. */
#ifndef HAL_MMIO_H
#define HAL_MMIO_H

#include <stdint.h>

#ifdef MOCK_MMIO

/* Host unit tests supply these (a fake register file, see tests/unit/test_fw_mock.c). */
uint32_t mmio_read32(uintptr_t addr);
void mmio_write32(uintptr_t addr, uint32_t val);

#else

/** mmio_read32() - one 32-bit uncached load. */
static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

/** mmio_write32() - one 32-bit uncached store. */
static inline void mmio_write32(uintptr_t addr, uint32_t val)
{
	*(volatile uint32_t *)addr = val;
}

#endif /* MOCK_MMIO */

/** mmio_read64() - an 8-byte register on the 32-bit core: low word, then high word. */
static inline uint64_t mmio_read64(uintptr_t addr)
{
	uint64_t lo = mmio_read32(addr);
	uint64_t hi = mmio_read32(addr + 4);

	return lo | (hi << 32);
}

/**
 * mmio_write64() - an 8-byte register as two halves, high then low, so the register takes
 * its final value when the low half lands (architecture.md §4).
 */
static inline void mmio_write64(uintptr_t addr, uint64_t val)
{
	mmio_write32(addr + 4, (uint32_t)(val >> 32));
	mmio_write32(addr, (uint32_t)val);
}

#endif /* HAL_MMIO_H */
