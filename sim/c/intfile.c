// SPDX-License-Identifier: Apache-2.0
/* Interrupt-file model (see intfile.h): observes memory-port writes to the file pages. */
#include "intfile.h"

#include <stdlib.h>
#include <string.h>

#include "canary.h"
#include "tb.h"

#define NFILES_MAX (INTFILE_MAX_HARTS * (INTFILE_MAX_GUESTS + 1))

static uint64_t if_base;
static unsigned if_guests, if_nfiles;
static uint64_t if_pend[NFILES_MAX];
static unsigned if_cnt[NFILES_MAX];
static struct intfile_arrival *if_log;
static size_t if_log_cnt, if_log_cap;

static void arrive(unsigned file, uint32_t identity, unsigned axi_id)
{
	if (if_log_cnt == if_log_cap) {
		if_log_cap = if_log_cap ? 2 * if_log_cap : 64;
		if_log	   = realloc(if_log, if_log_cap * sizeof(*if_log));
		if (!if_log)
			abort();
	}
	if_log[if_log_cnt++] = (struct intfile_arrival){
		.cycle = tb_cycle(), .file = file, .identity = identity, .axi_id = axi_id};
	if_cnt[file]++;
	if (identity > 0 && identity < INTFILE_IDS)
		if_pend[file] |= 1ull << identity;
}

static void on_write(void *ctx, uint64_t pa, uint64_t data, uint8_t strb, unsigned id)
{
	unsigned file;
	uint32_t v;

	(void)ctx;
	if (pa < if_base || pa >= if_base + 4096ull * if_nfiles || (pa & 0xfff) != 0)
		return;
	file = (unsigned)((pa - if_base) >> 12);
	/* seteipnum_le: bytes 0..3 (a 4-byte write) */
	if ((strb & 0x0f) == 0x0f)
		arrive(file, (uint32_t)data, id);
	/* seteipnum_be: bytes 4..7; an 8-byte beat carrying only a 4-byte MSI has zeros here */
	if ((strb & 0xf0) == 0xf0 && (uint32_t)(data >> 32) != 0) {
		v = (uint32_t)(data >> 32);
		arrive(file, __builtin_bswap32(v), id);
	}
}

void intfile_init(uint64_t base, unsigned harts, unsigned guests)
{
	if (harts > INTFILE_MAX_HARTS)
		harts = INTFILE_MAX_HARTS;
	if (guests > INTFILE_MAX_GUESTS)
		guests = INTFILE_MAX_GUESTS;
	if_base	   = base & ~0xfffull;
	if_guests  = guests;
	if_nfiles  = harts * (guests + 1);
	if_log_cnt = 0;
	memset(if_pend, 0, sizeof(if_pend));
	memset(if_cnt, 0, sizeof(if_cnt));
	mem_set_write_hook(on_write, NULL);
	canary_place(if_base, 4096ull * if_nfiles); /* MSIs land here */
}

unsigned intfile_id(unsigned hart, unsigned guest)
{
	return hart * (if_guests + 1) + guest;
}

uint64_t intfile_addr(unsigned file)
{
	return if_base + 4096ull * file;
}

unsigned intfile_nfiles(void)
{
	return if_nfiles;
}

bool intfile_pending(unsigned file, uint32_t id)
{
	return file < if_nfiles && id < INTFILE_IDS && (if_pend[file] >> id & 1);
}

void intfile_claim(unsigned file, uint32_t id)
{
	if (file < if_nfiles && id < INTFILE_IDS)
		if_pend[file] &= ~(1ull << id);
}

unsigned intfile_count(unsigned file)
{
	return file < if_nfiles ? if_cnt[file] : 0;
}

size_t intfile_total(void)
{
	return if_log_cnt;
}

const struct intfile_arrival *intfile_get(size_t i)
{
	return i < if_log_cnt ? &if_log[i] : NULL;
}
