/* SPDX-License-Identifier: Apache-2.0 */
/* System memory model of the host SoC harness (host_mem.c). */
#ifndef HOST_MEM_H
#define HOST_MEM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* clang-format off */
#define HOST_MEM_BASE 0x80000000ull
#define HOST_MEM_SIZE 0x08000000ull /* 128 MiB, as the device tree's memory node says */
/* clang-format on */

/** host_mem_init() - allocate the zeroed memory. Return: 0, -1 without memory. */
int host_mem_init(void);
/** host_mem_load() - copy file @path to @addr. Return: its size, -1 on any error. */
long host_mem_load(const char *path, uint64_t addr);
/** host_mem_watch() - remember *@cycle at the first read of @addr (the payload's entry). */
void host_mem_watch(uint64_t addr, const uint64_t *cycle);
/** host_mem_watch_hit() - that cycle, 0 if @addr was never read. */
uint64_t host_mem_watch_hit(void);
/** host_mem_bad() - accesses outside the memory (reads return 0, writes are dropped). */
uint64_t host_mem_bad(void);

#ifdef __cplusplus
}
#endif

#endif /* HOST_MEM_H */
