/* SPDX-License-Identifier: Apache-2.0 */
/* Benchmark records for make bench (see bench.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "tb.h"
#include "tb_host.h"
#include "tb_regs.h"

/* Write @s as a JSON string (quotes, backslashes and control characters escaped). */
static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void json_record(FILE *f, const char *metric, const char *name, double value,
			const char *unit, int L, const char *entries)
{
	fputs("{\"metric\": ", f);
	json_str(f, metric);
	fputs(", \"name\": ", f);
	json_str(f, name);
	fprintf(f, ", \"value\": %.6g, \"unit\": ", value);
	json_str(f, unit);
	if (L < 0)
		fputs(", \"L\": null", f);
	else
		fprintf(f, ", \"L\": %d", L);
	if (entries && *entries)
		fprintf(f, ", \"iotlb_entries\": %ld", strtol(entries, NULL, 0));
	else
		fputs(", \"iotlb_entries\": null", f);
	fputs("}\n", f);
}

void tb_bench_record(const char *metric, const char *name, double value, const char *unit, int L)
{
	const char *path    = getenv("TB_BENCH_JSONL");
	const char *entries = getenv("TB_IOTLB_ENTRIES");

	fputs("bench: ", stdout);
	json_record(stdout, metric, name, value, unit, L, entries);
	fflush(stdout);
	if (path && *path) {
		FILE *f = fopen(path, "a");

		if (!f) {
			tb_fail(__FILE__, __LINE__, "bench: cannot append to %s", path);
			return;
		}
		json_record(f, metric, name, value, unit, L, entries);
		fclose(f);
	}
}

size_t bench_mem_find(size_t from, unsigned src, int write)
{
	size_t n = mem_log_count();

	for (size_t i = from; i < n; i++) {
		const struct mem_txn *t = mem_log_get(i);

		if (((t->id >> 4) & 3u) == src && (int)t->write == !!write)
			return i;
	}
	return SIZE_MAX;
}

double bench_now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void bench_bare(void)
{
	bool ok;

	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	host_write64(RISCV_IOMMU_REG_DDTP, TB_DDTP_BARE);
	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_DDTP) & TB_DDTP_MODE_MASK, TB_DDTP_BARE);
}

bool bench_paging(struct iohost *h, struct iohost_domain *d, const uint32_t *dids, unsigned n,
		  unsigned max_mode)
{
	if (tb_host_up(h, max_mode) != IOHOST_OK)
		return false;
	if (iohost_domain_init(h, d, IOHOST_DOMAIN_PAGING, 8) != IOHOST_OK) {
		tb_fail(__FILE__, __LINE__, "bench: Sv39 paging domain");
		return false;
	}
	if (n && iohost_attach(h, d, dids, n) != IOHOST_OK) {
		tb_fail(__FILE__, __LINE__, "bench: attach");
		return false;
	}
	return true;
}

void bench_map(struct iohost *h, struct iohost_pt *pt, uint64_t iova, uint64_t pa, unsigned pages)
{
	for (unsigned i = 0; i < pages; i++) {
		int rc = iohost_pt_map(h, pt, iova + ((uint64_t)i << 12), pa + ((uint64_t)i << 12),
				       IOHOST_SZ_4K, IOHOST_PROT_READ | IOHOST_PROT_WRITE);

		if (rc != IOHOST_OK)
			tb_fail(__FILE__, __LINE__, "bench: map 0x%llx: %d",
				(unsigned long long)iova, rc);
	}
}

bool bench_read1(const struct dma_attr *a, uint64_t iova, struct bench_lat *lat)
{
	static struct dma_op op;
	size_t n0 = mem_log_count(), i;

	op	 = (struct dma_op){0};
	op.attr	 = *a;
	op.iova	 = iova;
	op.beats = 1;
	dma_issue(&op);
	if (!dma_wait_all(BENCH_DMA_TIMEOUT) || !op.done) {
		tb_fail(__FILE__, __LINE__, "bench: read 0x%llx timed out",
			(unsigned long long)iova);
		return false;
	}
	lat->resp   = op.resp;
	lat->issue  = op.t_issue;
	lat->total  = op.t_first - op.t_issue;
	i	    = bench_mem_find(n0, MEM_SRC_DMA, 0);
	lat->mem_ar = i == SIZE_MAX ? 0 : mem_log_get(i)->cycle;
	lat->added  = i == SIZE_MAX ? 0 : mem_log_get(i)->cycle - op.t_issue;
	return true;
}

#define STREAM_MAX_OPS 8192u
#define STREAM_RETIRE  128u

uint64_t bench_stream(const struct dma_attr *a, uint64_t base, uint64_t bytes, unsigned beats,
		      unsigned inflight, unsigned nids)
{
	static struct dma_op ops[STREAM_MAX_OPS];
	uint64_t total = bytes / (8ull * beats), t0 = tb_cycle(), t1;
	unsigned issued = 0, oldest = 0, since = 0, busy = 0;

	if (total > STREAM_MAX_OPS || !inflight || !nids) {
		tb_fail(__FILE__, __LINE__, "bench_stream: %llu ops", (unsigned long long)total);
		return 0;
	}
	while (oldest < total) {
		while (busy < inflight && issued < total) {
			struct dma_op *op = &ops[issued];

			*op	    = (struct dma_op){0};
			op->attr    = *a;
			op->attr.id = (a->id + issued) % nids;
			op->iova    = base + 8ull * beats * issued;
			op->beats   = beats;
			dma_issue(op);
			issued++;
			since++;
			busy++;
		}
		if (tb_cycle() - t0 > BENCH_DMA_TIMEOUT * 8ull) {
			tb_fail(__FILE__, __LINE__, "bench_stream: timed out at op %u", oldest);
			break;
		}
		tb_step(1);
		busy = 0;
		for (unsigned i = oldest; i < issued; i++)
			busy += !ops[i].done;
		while (oldest < issued && ops[oldest].done) {
			if (ops[oldest].resp != AXI_OKAY)
				tb_fail(__FILE__, __LINE__, "bench_stream: op %u resp %d", oldest,
					ops[oldest].resp);
			oldest++;
		}
		/* dma_wait_all(0) hands the finished ops to the scoreboard without stepping
		 * (the DMA master keeps at most 256 ops until they are retired). */
		if (since >= STREAM_RETIRE) {
			(void)dma_wait_all(0);
			since = 0;
		}
	}
	t1 = tb_cycle();
	if (!dma_wait_all(BENCH_DMA_TIMEOUT))
		tb_fail(__FILE__, __LINE__, "bench_stream: DMAs did not finish");
	return t1 - t0;
}

void bench_breakdown(const char *metric, size_t from, uint64_t t_start, uint64_t t_end, unsigned L)
{
	uint64_t notice = t_end - t_start, memory = 0, between = 0, free_at = 0;
	unsigned reads = 0, bursts = 0;
	char m[32], name[200];

	for (size_t i = from; i < mem_log_count(); i++) {
		const struct mem_txn *t = mem_log_get(i);
		uint64_t done;

		if (((t->id >> 4) & 3u) != MEM_SRC_FW || t->cycle < t_start || t->cycle >= t_end)
			continue;
		if (bursts++ == 0)
			notice = t->cycle - t_start;
		else if (t->cycle > free_at)
			between += t->cycle - free_at;
		/* A read keeps the core waiting until its last beat; a store is posted. */
		done = t->write ? t->cycle + 1 : t->cycle + L + t->beats;
		if (!t->write) {
			reads++;
			memory += done - t->cycle;
		}
		if (done > free_at)
			free_at = done;
	}
	snprintf(m, sizeof(m), "%s-bd", metric);
	snprintf(name, sizeof(name), "%s breakdown: notice (event -> first firmware burst)",
		 metric);
	tb_bench_record(m, name, (double)notice, "cycles", (int)L);
	snprintf(name, sizeof(name), "%s breakdown: memory (%u firmware reads, L + beats each)",
		 metric, reads);
	tb_bench_record(m, name, (double)memory, "cycles", (int)L);
	snprintf(name, sizeof(name), "%s breakdown: between bursts (firmware checks, registers)",
		 metric);
	tb_bench_record(m, name, (double)between, "cycles", (int)L);
	snprintf(name, sizeof(name), "%s breakdown: tail (last burst -> end: checks, load, store)",
		 metric);
	tb_bench_record(m, name,
			bursts ? (double)(t_end - (free_at < t_end ? free_at : t_end)) : 0.0,
			"cycles", (int)L);
}
