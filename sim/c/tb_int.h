/* SPDX-License-Identifier: Apache-2.0 */
/* Internal interface between the testbench models (not for tests). */
#ifndef TB_INT_H
#define TB_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "ports.h"
#include "tb.h"

/* Per-cycle hooks, called after the design settled and before the clock edge: observe the
 * handshakes of this edge, update model state and set the inputs for the next cycle. */
void mem_cycle(void);
void host_cycle(void);
void dma_cycle(void);
void sb_cycle(void);

/* Reset of model state (before reset is released). */
void mem_reset(void);
void host_reset(void);
void dma_reset(void);
void sb_reset(void);

/** mem_bd_read64() - backdoor 8-byte read, *err set when @pa is in an error range. */
uint64_t mem_bd_read64(uint64_t pa, bool *err);

/** tb_abort() - stop the run now: print the repro line, close the trace and exit(1). */
void tb_abort(const char *why) __attribute__((noreturn));
/** tb_verbose() - +verbose was given. */
bool tb_verbose(void);
/** tb_timeout() - the run's cycle limit (+timeout=). */
uint64_t tb_timeout(void);
/** tb_randp() - true with probability @percent (seeded). */
bool tb_randp(unsigned percent);

/* Scoreboard hooks. */
/** sb_host_read() - the host read @val from register @off (@size 4 or 8). */
void sb_host_read(uint32_t off, unsigned size, uint64_t val);
/** sb_host_write() - the host writes @val to register @off (@size 4 or 8). */
void sb_host_write(uint32_t off, unsigned size, uint64_t val);
/** sb_check() - check one finished DMA; @alone: no other DMA overlapped its window. */
void sb_check(const struct dma_op *op, bool alone);
/** dma_op_is_w32() - @op is the dma_write32() in flight (a 4-byte write). */
bool dma_op_is_w32(const struct dma_op *op);
/** sb_after_boot() - firmware booted: read capabilities and fctl. */
void sb_after_boot(void);
/**
 * sb_end() - end of test: fail for every record the firmware had to write that no queue read
 * matched (sb_fq_match()) and that the queue does not still hold.
 */
void sb_end(void);
/** dma_end() - end of test: fail for every DMA issued but never retired (checked). */
void dma_end(void);

/* Isolation canary (canary.h), called by the models. */
/** canary_on() - canary_begin() was called. */
bool canary_on(void);
/** canary_grant() - DMA write @op may store to the pages of [@pa, @pa + @bytes) until revoked. */
void canary_grant(const struct dma_op *op, uint64_t pa, uint64_t bytes);
/** canary_revoke() - @op got its response: its grant ends. */
void canary_revoke(const struct dma_op *op);
/** canary_mem_write() - the memory model stored a write beat at @pa (AXI ID @id). */
void canary_mem_write(uint64_t pa, unsigned id);
/** canary_set_fault() / canary_redirect() - +canary_fault=N: where the N-th DMA AW stores. */
void canary_set_fault(unsigned n);
uint64_t canary_redirect(uint64_t addr, unsigned id);
/** sb_grant() - a DMA was issued: grant its write the page(s) the golden model translates to. */
void sb_grant(const struct dma_op *op);

/* Memory model pages, for the canary's checksums. */
/** mem_page_slots() - slots of the page store; mem_page_at() - the page in slot @i or NULL. */
size_t mem_page_slots(void);
const uint8_t *mem_page_at(size_t i, uint64_t *pn);
/** mem_page_at_pn() - page number @pn is stored. */
bool mem_page_at_pn(uint64_t pn);

#endif /* TB_INT_H */
