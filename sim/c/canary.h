/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Isolation canary (issue 11 item 4): counts stray writes, i.e. memory the IOMMU changed although
 * no live mapping let it.
 *
 *  (a) Checksums: every page of system memory outside the ranges the test placed (tables,
 *      queues, the pages it maps for devices: canary_place(); tb_alloc_pages() places its pages
 *      by itself) is hashed by canary_guard() and again by every canary_check(); a page that
 *      changed, or appeared (memory untouched until then), is a stray write. canary_guard() first
 *      fills a few guard pages with a pattern at both edges of every gap between placed ranges,
 *      so that the memory next to each mapping, table and queue holds something to lose.
 *  (b) Grants: every write beat the memory model stores is checked when it lands. A DMA write
 *      (AXI ID source 0) must fall inside the page(s) the golden model translated that DMA to
 *      when it was issued, from the tables live at that moment (the DMA's grant, held until the
 *      device got its response); an implicit write (page-table walker, firmware: fault
 *      records, MRIF bits) must fall inside a placed range.
 *
 * Both count into canary_strays() and fail the run (tb_fail()). Off until canary_begin().
 * +canary_fault=N makes the memory model store the N-th DMA write burst 64 GiB away from where
 * the IOMMU sent it: a deliberate stray write, to show that the canary fails (doc/verification.md).
 */
#ifndef CANARY_H
#define CANARY_H

#include <stdbool.h>
#include <stdint.h>

/** canary_place() - [@pa, @pa + @bytes) is the test's: tables, queues, pages mapped for devices. */
void canary_place(uint64_t pa, uint64_t bytes);
/** canary_begin() - turn the checks on (after the tables are built). */
void canary_begin(void);
/** canary_guard() - fill guard pages at the edges of the gaps and take the checksums (a). */
void canary_guard(void);
/** canary_check() - compare the checksums (a) with the last ones; returns the new stray pages. */
unsigned canary_check(void);
/** canary_strays() - stray writes found so far, by (a) and (b). */
unsigned canary_strays(void);
/** canary_guard_pages() - guard pages canary_guard() filled. */
unsigned canary_guard_pages(void);

#endif /* CANARY_H */
