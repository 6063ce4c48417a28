/* SPDX-License-Identifier: Apache-2.0 */
/* Queue enable/disable handshakes for cqcsr and fqcsr (IOMMU spec "Command queue", "Fault queue"). */
#ifndef FW_QUEUE_H
#define FW_QUEUE_H

#include <stdint.h>

/** enum queue_change - what a csr doorbell did to the queue. */
enum queue_change {
	QUEUE_NO_CHANGE = 0,
	QUEUE_ENABLED	= 1, /* en 0->1: pointer and error bits zeroed, on set */
	QUEUE_DISABLED	= 2, /* en 1->0: on cleared */
};

/** struct queue_desc - the registers of one queue, so CQ and FQ share one handshake. */
struct queue_desc {
	uint32_t csr_off; /* RISCV_IOMMU_REG_CQCSR / FQCSR */
	uint32_t ptr_off; /* IOMMU-owned index: cqh / fqt */
	uint32_t en;	  /* cqen / fqen */
	uint32_t on;	  /* cqon / fqon */
	uint32_t busy;
	uint32_t errs; /* RW1C error bits zeroed by enabling */
};

extern const struct queue_desc queue_cq;
extern const struct queue_desc queue_fq;

/**
 * queue_csr_handle() - act on a host write to the queue's csr: en 0->1 zeroes the IOMMU-owned
 * index and the error bits and sets on; en 1->0 clears on. busy is cleared last, after on has
 * its final value (Linux polls busy, then checks on). Returns the change, so the queue engine
 * (cq.c / fq.c) can reset its own state.
 */
enum queue_change queue_csr_handle(const struct queue_desc *q);

#endif /* FW_QUEUE_H */
