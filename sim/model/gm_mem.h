/* SPDX-License-Identifier: Apache-2.0 */
/* A sparse 64-bit memory for the golden model's users (unit tests, host-library tests). */
#ifndef GM_MEM_H
#define GM_MEM_H

#include <stdbool.h>
#include <stdint.h>

struct gm_mem;

/** gm_mem_new() - an empty memory (reads 0 everywhere); pages are allocated from @base up. */
struct gm_mem *gm_mem_new(uint64_t base);
/** gm_mem_free() - release @m. */
void gm_mem_free(struct gm_mem *m);
/** gm_mem_rd64() - struct gm_env rd64 callback (@ctx is the gm_mem); 8-byte aligned @pa. */
uint64_t gm_mem_rd64(void *ctx, uint64_t pa, bool *err);
/** gm_mem_wr64() - write 8 bytes at @pa (8-byte aligned). */
void gm_mem_wr64(struct gm_mem *m, uint64_t pa, uint64_t val);
/** gm_mem_set_error() - reads in [@lo, @hi) report a bus error (one range; @lo=@hi clears). */
void gm_mem_set_error(struct gm_mem *m, uint64_t lo, uint64_t hi);
/** gm_mem_alloc() - zeroed, naturally aligned block of @bytes (a power of two >= 4 KiB). */
uint64_t gm_mem_alloc(struct gm_mem *m, uint64_t bytes);

#endif /* GM_MEM_H */
