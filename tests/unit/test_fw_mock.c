// SPDX-License-Identifier: Apache-2.0
/* Mock MMIO for firmware unit tests: the spec page (raw/set/clear aliases) and the fwif page. */
#include <string.h>

#include "cq.h"
#include "fq.h"
#include "msi.h"
#include "hal/fwif.h"
#include "hal/mmio_mock.h"

struct mock_mmio mock;

void mock_reset(void)
{
	memset(&mock, 0, sizeof(mock));
	/* The firmware's RAM copies of registers describe the previous test's registers. */
	fw_shadow_reset();
	cq_flush();
	fq_flush();
	msi_masks_flush();
}

void mock_page_set64(uint32_t off, uint64_t val)
{
	mock.page[off / 4]     = (uint32_t)val;
	mock.page[off / 4 + 1] = (uint32_t)(val >> 32);
}

uint64_t mock_page_get64(uint32_t off)
{
	return mock.page[off / 4] | ((uint64_t)mock.page[off / 4 + 1] << 32);
}

int mock_find_write(uint32_t addr, unsigned from)
{
	for (unsigned i = from; i < mock.nlog; i++)
		if (mock.log[i].addr == addr)
			return (int)i;
	return -1;
}

uint32_t mmio_read32(uintptr_t addr)
{
	uint32_t a = (uint32_t)addr;

	if (a >= FWIF_PAGE_RAW && a < FWIF_PAGE_CLR + 0x1000)
		return mock.page[(a & 0xFFF) / 4];
	if (a == FWIF_BASE + FWIF_DRAIN && mock.drain_reads &&
	    (mock.fwif[FWIF_DRAIN / 4] & FWIF_DRAIN_HOLD)) {
		mock.drain_reads--;
		return FWIF_DRAIN_HOLD;
	}
	if (a >= FWIF_BASE && a < FWIF_BASE + 0x1000)
		return mock.fwif[(a & 0xFFF) / 4];
	return 0xBADBAD00u;
}

void mmio_write32(uintptr_t addr, uint32_t val)
{
	uint32_t a = (uint32_t)addr;
	uint32_t *r;

	if (mock.nlog < MOCK_LOG_MAX)
		mock.log[mock.nlog++] = (struct mock_write){a, val};
	if (a >= FWIF_BASE && a < FWIF_BASE + 0x1000) {
		if (a == FWIF_BASE + FWIF_DRAIN && (val & FWIF_DRAIN_HOLD))
			val = FWIF_DRAIN_HOLD | FWIF_DRAIN_DRAINED;
		mock.fwif[(a & 0xFFF) / 4] = val;
		return;
	}
	if (a < FWIF_PAGE_RAW || a >= FWIF_PAGE_CLR + 0x1000)
		return;
	r = &mock.page[(a & 0xFFF) / 4];
	if (a < FWIF_PAGE_SET)
		*r = val;
	else if (a < FWIF_PAGE_CLR)
		*r |= val;
	else
		*r &= ~val;
}

/* The firmware's event service during a fence wait (main.c, not built here). */
void fw_poll_events(void)
{
}
