/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Interrupt-file model (IMSIC-like, AIA): per hart and per guest, one 4 KiB interrupt-file page
 * in system memory. A write of identity N to the page's seteipnum_le (offset 0x0, 4 bytes,
 * little-endian) sets pending bit N; seteipnum_be (offset 0x4) the same, big-endian. Identity
 * 0 and identities >= INTFILE_IDS are ignored, as an IMSIC does. The model observes the memory
 * port's write beats (mem_set_write_hook()), so any write that reaches memory counts: DMA
 * through the IOMMU, MSI remapped by it, or the IOMMU's own MSIs.
 */
#ifndef INTFILE_H
#define INTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* clang-format off */
#define INTFILE_IDS        64u /* interrupt identities per file (bits 1..63) */
#define INTFILE_MAX_HARTS  4u
#define INTFILE_MAX_GUESTS 8u  /* guest files per hart, guest 1..n (0 = the S-level file) */
/* clang-format on */

/** One arrival: a seteipnum write that reached an interrupt file. */
struct intfile_arrival {
	uint64_t cycle;
	unsigned file;	   /* intfile_id() of the page */
	uint32_t identity; /* as written (may be out of range: then no pending bit) */
	unsigned axi_id;   /* memory-port AXI ID of the write */
};

/**
 * intfile_init() - place @harts x (@guests + 1) interrupt files at @base (4 KiB aligned):
 * file (hart h, guest g) at @base + (h * (@guests + 1) + g) * 4 KiB, clear every pending bit and
 * the arrival log, and start observing memory writes.
 */
void intfile_init(uint64_t base, unsigned harts, unsigned guests);
/** intfile_id() - file number of (@hart, @guest); guest 0 is the hart's S-level file. */
unsigned intfile_id(unsigned hart, unsigned guest);
/** intfile_addr() - system physical address of file @file's page. */
uint64_t intfile_addr(unsigned file);
/** intfile_nfiles() - number of files placed by intfile_init(). */
unsigned intfile_nfiles(void);
/** intfile_pending() - pending bit @id of @file. */
bool intfile_pending(unsigned file, uint32_t id);
/** intfile_claim() - clear pending bit @id of @file (what the guest's claim does). */
void intfile_claim(unsigned file, uint32_t id);
/** intfile_count() - arrivals at @file since intfile_init(). */
unsigned intfile_count(unsigned file);
/** intfile_total() / intfile_get() - every arrival since intfile_init(), in order. */
size_t intfile_total(void);
const struct intfile_arrival *intfile_get(size_t i);

/**
 * mem_set_write_hook() - (sim/c/mem_model.c) call @fn for every W beat the memory model stores:
 * @pa the 8-byte aligned address, @data and @strb as on the bus, @id the burst's AXI ID.
 * One hook; NULL removes it.
 */
typedef void (*mem_write_hook_fn)(void *ctx, uint64_t pa, uint64_t data, uint8_t strb, unsigned id);
void mem_set_write_hook(mem_write_hook_fn fn, void *ctx);

#endif /* INTFILE_H */
