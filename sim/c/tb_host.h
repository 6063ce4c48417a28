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

/** Called by tb_fq_drain_quiet() for every record drained. */
typedef void (*tb_fq_record_fn)(void *ctx, const struct iohost_fault *f);

/**
 * tb_fq_drain_quiet() - drain the fault queue as Linux does until it is quiet. The firmware
 * stores a record every few hundred cycles and its event FIFO holds up to 128 events, so a
 * fixed wait is not enough after a fault storm: poll every TB_FQ_POLL cycles and stop after
 * TB_FQ_QUIET empty polls in a row once at least @want records were drained, or after
 * TB_FQ_QUIET_MAX empty polls in a row when fewer were (then records are missing).
 * @h:     host instance.
 * @want:  records the caller knows must come (e.g. the datapath's faults since the last drain).
 * @each:  called for every record (may be NULL), @ctx passed on.
 * @flags: out: OR of the fqcsr error bits (fqmf, fqof) seen.
 * Return: the number of records drained.
 */
unsigned tb_fq_drain_quiet(struct iohost *h, unsigned want, tb_fq_record_fn each, void *ctx,
			   uint32_t *flags);

/**
 * struct tb_fq_tally - one window of fault-queue accounting (tb_fq_account()).
 * @expected: records the scoreboard expected since the last window (tap and firmware).
 * @written:  records drained from the queue.
 * @dropped:  expected records not in the queue: legal only with @overflow.
 * @extra:    drained records nobody expected, or duplicates (each fails the test).
 * @overflow: fqof was seen: the queue dropped records.
 */
struct tb_fq_tally {
	unsigned expected, written, dropped, extra;
	bool overflow;
};

/**
 * tb_fq_account() - drain the fault queue (tb_fq_drain_quiet()) and account for every record
 * exactly: each drained record must match one expected record of the scoreboard (sb_fq_match();
 * an extra or a duplicate fails the test), and each expected record must be drained, unless
 * fqof shows the queue overflowed: then written + dropped must equal expected. fqmf fails.
 * @h:   host instance.
 * @out: filled with the window's figures (may be NULL).
 */
void tb_fq_account(struct iohost *h, struct tb_fq_tally *out);

#endif /* TB_HOST_H */
