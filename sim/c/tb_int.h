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
/** sb_check() - check one finished DMA; @alone: no other DMA overlapped its window. */
void sb_check(const struct dma_op *op, bool alone);
/** dma_op_is_w32() - @op is the dma_write32() in flight (a 4-byte write). */
bool dma_op_is_w32(const struct dma_op *op);
/** sb_after_boot() - firmware booted: read capabilities and fctl. */
void sb_after_boot(void);

#endif /* TB_INT_H */
