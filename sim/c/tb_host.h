/* SPDX-License-Identifier: Apache-2.0 */
/* The host driver library (lib/) bound to the testbench: the host CPU of the co-simulation. */
#ifndef TB_HOST_H
#define TB_HOST_H

#include <stdint.h>

#include "riscv_iommu_host.h"

/** First physical address handed out by tb_alloc_pages(); below it, tests place their data. */
#define TB_HOST_POOL_BASE 0x100000000ull

/**
 * tb_host_bind() - fill @h->ops with the testbench's host port, backdoor memory and a page
 * allocator (zeroed, naturally aligned pages from TB_HOST_POOL_BASE up). Call before iohost_init().
 */
void tb_host_bind(struct iohost *h);

/** tb_alloc_pages() - @bytes of zeroed, naturally aligned system memory (power of two ≥ 4 KiB). */
uint64_t tb_alloc_pages(uint64_t bytes);

/**
 * tb_host_up() - bind and run the Linux init sequence (iohost_init) with one wired interrupt
 * and the given DDT mode limit; CHECKs that it succeeded. Returns iohost_init()'s result.
 */
int tb_host_up(struct iohost *h, unsigned max_mode);

#endif /* TB_HOST_H */
