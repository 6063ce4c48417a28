/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Benchmark records (make bench, tools/bench.py): each measurement is one JSON line appended to
 * the file named by the environment variable TB_BENCH_JSONL, and printed to the test log.
 * Benchmarks measure; they never fail because a target is missed (doc/targets.md §2).
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** BENCH_NO_L - the L argument of tb_bench_record() when no memory latency applies. */
#define BENCH_NO_L (-1)

/**
 * tb_bench_record() - record one measurement.
 * @metric: doc/targets.md §1 metric ("M1", "M4w", ...; "M1-ref" for reference figures).
 * @name:   what was measured, with its conditions.
 * @value:  the figure.
 * @unit:   its unit ("cycles", "%", ...).
 * @L:      the memory latency in cycles, or BENCH_NO_L (JSON null).
 *
 * The record also carries iotlb_entries from the environment variable TB_IOTLB_ENTRIES (null
 * when unset).
 */
void tb_bench_record(const char *metric, const char *name, double value, const char *unit, int L);

/**
 * bench_mem_find() - index of the first memory-port transaction at or after log index @from
 * whose source is @src (MEM_SRC_*) and whose direction is @write; SIZE_MAX if none.
 */
size_t bench_mem_find(size_t from, unsigned src, int write);

/** bench_now_s() - wall-clock seconds (CLOCK_MONOTONIC). */
double bench_now_s(void);

/* ---- Helpers shared by tests/sim/bench_*.c ---------------------------------- */

struct iohost;
struct iohost_domain;
struct iohost_pt;
struct dma_attr;

/** BENCH_DMA_TIMEOUT - cycles a benchmark waits for its DMAs before it fails the run. */
#define BENCH_DMA_TIMEOUT 2000000u

/** bench_bare() - ddtp = Bare (as Linux writes it) and wait until it is not busy. */
void bench_bare(void);
/**
 * bench_paging() - tb_host_up(@max_mode), one Sv39 paging domain @d, @dids attached to it.
 * Return: false (after a recorded failure) when any step fails.
 */
bool bench_paging(struct iohost *h, struct iohost_domain *d, const uint32_t *dids, unsigned n,
		  unsigned max_mode);
/** bench_map() - map @pages 4 KiB pages from @iova to @pa, read/write. */
void bench_map(struct iohost *h, struct iohost_pt *pt, uint64_t iova, uint64_t pa, unsigned pages);

/** struct bench_lat - timing of one single-beat read. */
struct bench_lat {
	uint64_t issue;	 /* device AR handshake */
	uint64_t mem_ar; /* first DMA-source memory AR after it (0 if none) */
	uint64_t added;	 /* mem_ar - issue */
	uint64_t total;	 /* first R beat - issue */
	int resp;
};
/** bench_read1() - one single-beat read, alone, timed; false on timeout (a recorded failure). */
bool bench_read1(const struct dma_attr *a, uint64_t iova, struct bench_lat *lat);

/**
 * bench_stream() - read [@base, @base + @bytes) in bursts of @beats beats, at most @inflight
 * outstanding, AXI IDs (@a->id + n) % @nids; CHECKs every response is OKAY.
 * Return: cycles from the first issue until the last op finished (at most 8192 ops).
 */
uint64_t bench_stream(const struct dma_attr *a, uint64_t base, uint64_t bytes, unsigned beats,
		      unsigned inflight, unsigned nids);

/**
 * bench_breakdown() - where the cycles of a firmware path went, from the memory-port log: the
 * path ran from cycle @t_start (the event: a doorbell write, a device request) to @t_end (its
 * visible end: a store, the request's memory access), and the firmware's memory traffic is the
 * firmware-source transactions at log index @from and later, before @t_end. Records four
 * figures under metric "<@metric>-bd" at latency @L, in cycles:
 *   notice   @t_start to the first firmware burst (the main loop seeing the event, the
 *            register reads before the first burst; the whole path when there is none);
 *   memory   the reads' own time, L + beats each, summed (with their count);
 *   between  the firmware's cycles from each read's last beat to the next burst (checks on
 *            the data, register accesses);
 *   tail     from the last burst to @t_end (the last checks, loading the result, the store).
 * The four add up to @t_end - @t_start (less one cycle per posted store on the way).
 */
void bench_breakdown(const char *metric, size_t from, uint64_t t_start, uint64_t t_end, unsigned L);

#endif /* BENCH_H */
