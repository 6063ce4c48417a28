/* SPDX-License-Identifier: Apache-2.0 */
/* Isolation canary (canary.h): checksums outside the placed ranges, grants for DMA writes. */
#include "canary.h"

#include <stdlib.h>
#include <string.h>

#include "tb_int.h"

#define PAGE	   4096ull
#define GUARD_EDGE 2u  /* guard pages at each edge of a gap */
#define MAX_GRANT  64u /* live DMA-write grants (outstanding DMA writes) */
#define MAX_REPORT 8u  /* stray writes reported one by one */

struct range {
	uint64_t lo, hi; /* [lo, hi) */
};

struct sum {
	uint64_t pn, h;
};

static struct range *placed;
static size_t nplaced, placed_cap;
static bool placed_sorted = true;

static struct {
	const struct dma_op *op;
	uint64_t lo, hi;
} grant[MAX_GRANT];
static unsigned ngrant;

static struct sum *snap;
static size_t nsnap;
static bool active, snapped;
static unsigned strays, guards;
static unsigned fault_at, dma_aw; /* +canary_fault=N: the N-th DMA write burst goes astray */

/* ---- Placed ranges -------------------------------------------------------------- */

void canary_place(uint64_t pa, uint64_t bytes)
{
	if (!bytes)
		return;
	if (nplaced == placed_cap) {
		placed_cap = placed_cap ? 2 * placed_cap : 256;
		placed	   = realloc(placed, placed_cap * sizeof(*placed));
		if (!placed)
			abort();
	}
	placed[nplaced++] = (struct range){pa, pa + bytes};
	placed_sorted	  = false;
}

static int range_cmp(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Sort and merge the placed ranges (overlapping or touching ranges become one). */
static void placed_merge(void)
{
	size_t j = 0;

	if (placed_sorted)
		return;
	qsort(placed, nplaced, sizeof(*placed), range_cmp);
	for (size_t i = 0; i < nplaced; i++) {
		if (j && placed[i].lo <= placed[j - 1].hi) {
			if (placed[i].hi > placed[j - 1].hi)
				placed[j - 1].hi = placed[i].hi;
		} else {
			placed[j++] = placed[i];
		}
	}
	nplaced	      = j;
	placed_sorted = true;
}

/* [lo, hi) overlaps a placed range. */
static bool is_placed(uint64_t lo, uint64_t hi)
{
	size_t a = 0, b;

	placed_merge();
	b = nplaced;
	while (a < b) { /* first range with hi > lo */
		size_t m = (a + b) / 2;

		if (placed[m].hi <= lo)
			a = m + 1;
		else
			b = m;
	}
	return a < nplaced && placed[a].lo < hi;
}

/* ---- (a) Checksums --------------------------------------------------------------- */

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h;
}

static uint64_t page_hash(uint64_t pn, const uint8_t *d)
{
	uint64_t h = mix(pn + 0x9e3779b97f4a7c15ull), w;

	for (size_t i = 0; i < PAGE; i += 8) {
		memcpy(&w, d + i, 8);
		h = (h ^ w) * 0x100000001b3ull;
		h ^= h >> 29;
	}
	return mix(h);
}

static int sum_cmp(const void *a, const void *b)
{
	const struct sum *x = a, *y = b;

	return x->pn < y->pn ? -1 : x->pn > y->pn;
}

/* Checksums of every stored page outside the placed ranges, sorted by page number. */
static struct sum *take(size_t *n)
{
	size_t slots = mem_page_slots(), k = 0;
	struct sum *s = malloc((slots ? slots : 1) * sizeof(*s));

	if (!s)
		abort();
	for (size_t i = 0; i < slots; i++) {
		uint64_t pn;
		const uint8_t *d = mem_page_at(i, &pn);

		if (d && !is_placed(pn * PAGE, pn * PAGE + PAGE))
			s[k++] = (struct sum){pn, page_hash(pn, d)};
	}
	qsort(s, k, sizeof(*s), sum_cmp);
	*n = k;
	return s;
}

static void stray(uint64_t pa, const char *what)
{
	static const char *kinds[4]; /* the first stray of each kind is always shown in full */
	bool first = false;

	for (unsigned i = 0; i < 4 && !first; i++) {
		if (kinds[i] == what)
			break;
		if (!kinds[i]) {
			kinds[i] = what;
			first	 = true;
		}
	}
	strays++;
	if (strays <= MAX_REPORT || first)
		tb_fail(__FILE__, __LINE__, "canary: stray write: %s at 0x%llx", what,
			(unsigned long long)pa);
	else
		tb_fail(__FILE__, __LINE__, "canary: stray write");
}

/* Pattern of a guard page: a function of the page number only. */
static void guard_fill(uint64_t pn)
{
	uint64_t buf[PAGE / 8];

	if (mem_page_at_pn(pn) || is_placed(pn * PAGE, pn * PAGE + PAGE))
		return;
	for (size_t i = 0; i < PAGE / 8; i++)
		buf[i] = mix(pn * 512 + i + 1) | 1;
	mem_wr(pn * PAGE, buf, PAGE);
	guards++;
}

void canary_guard(void)
{
	placed_merge();
	for (size_t i = 0; i < nplaced; i++) {
		uint64_t lo = placed[i].lo / PAGE, hi = (placed[i].hi + PAGE - 1) / PAGE;

		for (unsigned g = 1; g <= GUARD_EDGE; g++) {
			if (lo >= g)
				guard_fill(lo - g);
			guard_fill(hi - 1 + g);
		}
	}
	free(snap);
	snap	= take(&nsnap);
	snapped = true;
}

unsigned canary_check(void)
{
	size_t n, i = 0, j = 0;
	struct sum *now;
	unsigned before = strays;

	if (!snapped)
		return 0;
	now = take(&n);
	/* Pages are never freed: every page of the last checksums is still stored, unless a
	 * later allocation placed it (then it is not ours any more). */
	while (j < n) {
		while (i < nsnap && snap[i].pn < now[j].pn)
			i++;
		if (i == nsnap || snap[i].pn != now[j].pn)
			stray(now[j].pn * PAGE, "page written outside every placed range");
		else if (snap[i].h != now[j].h)
			stray(now[j].pn * PAGE, "unmapped page changed");
		j++;
	}
	free(snap);
	snap  = now;
	nsnap = n;
	return strays - before;
}

unsigned canary_strays(void)
{
	return strays;
}

unsigned canary_guard_pages(void)
{
	return guards;
}

void canary_begin(void)
{
	active = true;
}

bool canary_on(void)
{
	return active;
}

/* ---- (b) Grants ------------------------------------------------------------------ */

void canary_grant(const struct dma_op *op, uint64_t pa, uint64_t bytes)
{
	if (!active)
		return;
	if (ngrant == MAX_GRANT) {
		tb_fail(__FILE__, __LINE__, "canary: more than %u DMA writes in flight", MAX_GRANT);
		return;
	}
	grant[ngrant].op   = op;
	grant[ngrant].lo   = pa & ~(PAGE - 1);
	grant[ngrant++].hi = (pa + bytes + PAGE - 1) & ~(PAGE - 1);
}

void canary_revoke(const struct dma_op *op)
{
	unsigned j = 0;

	for (unsigned i = 0; i < ngrant; i++)
		if (grant[i].op != op)
			grant[j++] = grant[i];
	ngrant = j;
}

void canary_mem_write(uint64_t pa, unsigned id)
{
	if (!active)
		return;
	if (id >> 4 == MEM_SRC_DMA) {
		for (unsigned i = 0; i < ngrant; i++)
			if (pa >= grant[i].lo && pa < grant[i].hi)
				return;
		stray(pa, "DMA write outside every live mapping of the DMAs in flight");
	} else if (!is_placed(pa, pa + 8)) {
		stray(pa, id >> 4 == MEM_SRC_PTW ? "walker write outside the tables"
						 : "firmware write outside the tables and queues");
	}
}

void canary_set_fault(unsigned n)
{
	fault_at = n;
}

uint64_t canary_redirect(uint64_t addr, unsigned id)
{
	if (!fault_at || id >> 4 != MEM_SRC_DMA || ++dma_aw != fault_at)
		return addr;
	tb_log("canary: +canary_fault=%u: DMA write burst at 0x%llx stored at 0x%llx instead",
	       fault_at, (unsigned long long)addr, (unsigned long long)(addr ^ 1ull << 36));
	return addr ^ 1ull << 36;
}
