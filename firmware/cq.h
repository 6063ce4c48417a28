/* SPDX-License-Identifier: Apache-2.0 */
/* Command queue engine (IOMMU spec 4.1 "Command-Queue"). */
#ifndef FW_CQ_H
#define FW_CQ_H

#include <stdint.h>

#include "hal/fwif.h"

/** enum cq_kind - what a decoded command does. */
enum cq_kind {
	CQ_IOTINVAL = 1, /* IOTLB invalidation: op.inv */
	CQ_IOFENCE  = 2, /* IOFENCE.C: op.av/wsi/addr/data */
	CQ_INV_DDT  = 3, /* IODIR.INVAL_DDT: op.dv/did */
	CQ_INV_PDT  = 4, /* IODIR.INVAL_PDT: op.did/pid */
};

/** enum cq_err - decode or execution failure of one command. */
enum cq_err {
	CQ_EILL = -1, /* cmd_ill: reserved opcode/func3/bit, unsupported or illegal command */
	CQ_EMF	= -2, /* cqmf: bus error on the command fetch or the IOFENCE.C store */
};

/** struct cq_op - a decoded command. */
struct cq_op {
	enum cq_kind kind;
	struct fw_inval inv; /* CQ_IOTINVAL */
	uint64_t addr;	     /* CQ_IOFENCE: byte address (AV=1) */
	uint32_t data;	     /* CQ_IOFENCE: DATA */
	uint32_t did, pid;   /* IODIR */
	uint8_t av, wsi, dv;
	uint8_t drain; /* CQ_IOFENCE: PR or PW (earlier device requests must be answered) */
};

/**
 * cq_decode() - decode the 16-byte command @w (4 little-endian words) for our capabilities
 * (no ATS, no NL/S extensions). Returns the cq_kind (> 0) or CQ_EILL.
 */
int cq_decode(const uint32_t w[4], struct cq_op *op);

/**
 * cq_process() - cqt/cqcsr/cqb doorbell: while cqon and no cqmf/cmd_ill, fetch the commands
 * between cqh and cqt in bursts (at most 16 per burst, wrapping at the ring end), execute them
 * in order and advance cqh past completed ones. An illegal command sets cmd_ill with cqh on
 * it; a bus error sets cqmf. Processing resumes when software clears the bit (next doorbell).
 */
void cq_process(void);

/**
 * fw_poll_events() - what an IOFENCE.C PR/PW does while it waits for earlier device requests:
 * serve the context and MSI-PTE misses such a request may wait on (main.c; the unit tests'
 * mock defines an empty one).
 */
void fw_poll_events(void);

/** cq_set_poll() - replace fw_poll_events() in the fence wait (unit tests). */
void cq_set_poll(fw_poll_fn poll);

/** cq_flush() - forget the cached cqb / cqh: cqb and cqcsr doorbells, mock reset. */
void cq_flush(void);

/**
 * cq_stats_print() - with -DFW_DEBUG_CQ, print the firmware cycles of the last command of
 * each kind (FWIF_CYCLE_LO deltas); no-op otherwise.
 */
void cq_stats_print(void);

#endif /* FW_CQ_H */
