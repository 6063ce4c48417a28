// SPDX-License-Identifier: Apache-2.0
/* Host library: a small first-fit IOVA allocator (the iova layer under a DMA domain). */
#include "host_internal.h"

void iohost_iova_init(struct iohost_iova *a, uint64_t base, uint64_t limit)
{
	a->n	 = 1;
	a->lo[0] = base;
	a->hi[0] = limit;
}

static void remove_at(struct iohost_iova *a, unsigned i)
{
	for (unsigned j = i; j + 1 < a->n; j++) {
		a->lo[j] = a->lo[j + 1];
		a->hi[j] = a->hi[j + 1];
	}
	a->n--;
}

static bool insert_at(struct iohost_iova *a, unsigned i, uint64_t lo, uint64_t hi)
{
	if (a->n == IOHOST_IOVA_RANGES)
		return false;
	for (unsigned j = a->n; j > i; j--) {
		a->lo[j] = a->lo[j - 1];
		a->hi[j] = a->hi[j - 1];
	}
	a->lo[i] = lo;
	a->hi[i] = hi;
	a->n++;
	return true;
}

uint64_t iohost_iova_alloc(struct iohost_iova *a, uint64_t size, uint64_t align)
{
	if (!size || (align & (align - 1)))
		return 0;
	if (!align)
		align = 1;
	for (unsigned i = 0; i < a->n; i++) {
		uint64_t s = (a->lo[i] + align - 1) & ~(align - 1);

		if (s < a->lo[i] || s + size < s || s + size > a->hi[i])
			continue;
		/* split the free range around [s, s+size) */
		if (s + size < a->hi[i] && s > a->lo[i]) {
			if (!insert_at(a, i + 1, s + size, a->hi[i]))
				continue;
			a->hi[i] = s;
		} else if (s > a->lo[i]) {
			a->hi[i] = s;
		} else if (s + size < a->hi[i]) {
			a->lo[i] = s + size;
		} else {
			remove_at(a, i);
		}
		return s;
	}
	return 0;
}

void iohost_iova_free(struct iohost_iova *a, uint64_t iova, uint64_t size)
{
	unsigned i = 0;

	while (i < a->n && a->lo[i] < iova)
		i++;
	/* merge with the neighbours when they touch */
	if (i > 0 && a->hi[i - 1] == iova) {
		a->hi[i - 1] += size;
		if (i < a->n && a->lo[i] == a->hi[i - 1]) {
			a->hi[i - 1] = a->hi[i];
			remove_at(a, i);
		}
		return;
	}
	if (i < a->n && a->lo[i] == iova + size) {
		a->lo[i] = iova;
		return;
	}
	(void)insert_at(a, i, iova, iova + size); /* full list: the range is leaked */
}
