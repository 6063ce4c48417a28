// SPDX-License-Identifier: Apache-2.0
/*
 * System memory of the host SoC (rtl/host/host_mem.sv calls the two DPI-C functions below) and
 * the image loader of the harness. One flat array of HOST_MEM_SIZE bytes at HOST_MEM_BASE.
 */
#include "host_mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint8_t *mem;
static uint64_t out_of_range;
static uint64_t first_fetch_cycle;
static uint64_t watch_addr = UINT64_MAX;
static const uint64_t *cycle_src;

/* DPI-C imports of host_mem.sv (declared here: the C side does not include Verilator's header). */
uint64_t host_mem_read64(uint64_t addr);
void host_mem_write64(uint64_t addr, uint64_t data, uint8_t strb);

int host_mem_init(void)
{
	mem = calloc(1, HOST_MEM_SIZE);
	return mem ? 0 : -1;
}

void host_mem_watch(uint64_t addr, const uint64_t *cycle)
{
	watch_addr = addr & ~7ull;
	cycle_src  = cycle;
}

uint64_t host_mem_watch_hit(void)
{
	return first_fetch_cycle;
}

uint64_t host_mem_bad(void)
{
	return out_of_range;
}

static int in_range(uint64_t addr)
{
	return addr >= HOST_MEM_BASE && addr - HOST_MEM_BASE <= HOST_MEM_SIZE - 8;
}

uint64_t host_mem_read64(uint64_t addr)
{
	uint64_t v;

	addr &= ~7ull;
	if (!in_range(addr)) {
		out_of_range++;
		return 0;
	}
	if (addr == watch_addr && !first_fetch_cycle && cycle_src)
		first_fetch_cycle = *cycle_src;
	memcpy(&v, mem + (addr - HOST_MEM_BASE), 8);
	return v;
}

void host_mem_write64(uint64_t addr, uint64_t data, uint8_t strb)
{
	addr &= ~7ull;
	if (!in_range(addr)) {
		out_of_range++;
		return;
	}
	for (unsigned i = 0; i < 8; i++) {
		if (strb & (1u << i))
			mem[addr - HOST_MEM_BASE + i] = (uint8_t)(data >> (8 * i));
	}
}

long host_mem_load(const char *path, uint64_t addr)
{
	FILE *f = fopen(path, "rb");
	long n;

	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    !in_range(addr) || (uint64_t)n > HOST_MEM_SIZE - (addr - HOST_MEM_BASE) ||
	    fread(mem + (addr - HOST_MEM_BASE), 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return -1;
	}
	fclose(f);
	return n;
}
