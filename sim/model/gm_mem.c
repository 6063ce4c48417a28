// SPDX-License-Identifier: Apache-2.0
/* A sparse 64-bit memory (hash of 4 KiB pages) for tests of the golden model and host library. */
#include <stdlib.h>

#include "gm_mem.h"

#define GM_MEM_BUCKETS 1024u

struct gm_page {
	uint64_t pfn;
	uint64_t w[512];
	struct gm_page *next;
};

struct gm_mem {
	struct gm_page *bucket[GM_MEM_BUCKETS];
	uint64_t err_lo, err_hi;
	uint64_t next_free;
};

struct gm_mem *gm_mem_new(uint64_t base)
{
	struct gm_mem *m = calloc(1, sizeof(*m));

	if (m)
		m->next_free = base;
	return m;
}

void gm_mem_free(struct gm_mem *m)
{
	if (!m)
		return;
	for (unsigned i = 0; i < GM_MEM_BUCKETS; i++) {
		struct gm_page *p = m->bucket[i];

		while (p) {
			struct gm_page *n = p->next;

			free(p);
			p = n;
		}
	}
	free(m);
}

static struct gm_page *find(struct gm_mem *m, uint64_t pfn, bool create)
{
	unsigned h = (unsigned)((pfn ^ (pfn >> 10) ^ (pfn >> 20)) % GM_MEM_BUCKETS);
	struct gm_page *p;

	for (p = m->bucket[h]; p; p = p->next)
		if (p->pfn == pfn)
			return p;
	if (!create)
		return NULL;
	p = calloc(1, sizeof(*p));
	if (!p)
		abort();
	p->pfn	     = pfn;
	p->next	     = m->bucket[h];
	m->bucket[h] = p;
	return p;
}

uint64_t gm_mem_rd64(void *ctx, uint64_t pa, bool *err)
{
	struct gm_mem *m = ctx;
	struct gm_page *p;

	if (pa >= m->err_lo && pa < m->err_hi) {
		*err = true;
		return 0;
	}
	p = find(m, pa >> 12, false);
	return p ? p->w[(pa >> 3) & 511] : 0;
}

void gm_mem_wr64(struct gm_mem *m, uint64_t pa, uint64_t val)
{
	find(m, pa >> 12, true)->w[(pa >> 3) & 511] = val;
}

void gm_mem_set_error(struct gm_mem *m, uint64_t lo, uint64_t hi)
{
	m->err_lo = lo;
	m->err_hi = hi;
}

uint64_t gm_mem_alloc(struct gm_mem *m, uint64_t bytes)
{
	uint64_t a = (m->next_free + bytes - 1) & ~(bytes - 1);

	/* pages are created zeroed on first write; reads of untouched pages return 0 */
	m->next_free = a + bytes;
	return a;
}
