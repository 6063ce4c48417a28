/* SPDX-License-Identifier: Apache-2.0 */
/* Fault queue: record writing, overflow and memory-fault rules (IOMMU spec "Fault queue"). */
#ifndef FW_FQ_H
#define FW_FQ_H

#include <stdbool.h>
#include <stdint.h>

/** enum fq_err - why a record was not written (it is then dropped, as the spec requires). */
enum fq_err {
	FQ_OK	 = 0,
	FQ_EOFF	 = -1, /* fqon = 0 */
	FQ_EDROP = -2, /* fqof or fqmf already set: every record is dropped */
	FQ_EFULL = -3, /* queue full: fqof set now */
	FQ_EIO	 = -4, /* bus error on the store: fqmf set now */
};

/** struct fq_src - the request a firmware-detected fault belongs to. */
struct fq_src {
	uint32_t did;
	uint32_t pid;
	bool pv;
	bool priv;
	bool exec;
	bool write;
};

/**
 * fq_ttyp() - TTYP of an untranslated request (spec 4.2): 1 exec, 3 write, else 2 read.
 */
unsigned fq_ttyp(const struct fq_src *src);

/**
 * fq_rec_build() - fill the 32-byte record @rec (8 little-endian words, spec 4.2 layout).
 * @src: the request, or NULL for TTYP=0 (DID/PID/PV/PRIV are then 0, e.g. cause 273).
 * PID and PV are reported only when @src->pv; PRIV only with pv (architecture.md §6).
 */
void fq_rec_build(uint32_t rec[8], unsigned cause, const struct fq_src *src, uint64_t iotval,
		  uint64_t iotval2);

/**
 * fq_write() - append @rec at fqt (spec 4.2): dropped while fqon=0 or fqof/fqmf is set; a
 * full queue (fqt+1 == fqh) sets fqof; a store bus error sets fqmf. On success fqt advances
 * and ipsr.fip is set when fqcsr.fie=1. One 4-beat burst; returns FQ_OK or an fq_err.
 */
int fq_write(const uint32_t rec[8]);

/**
 * fq_write_evt() - fq_write() of the FAULT event at the head of the event FIFO (EVT_TYPE read
 * already): the payload goes from EVT_DATA to the burst buffer directly. Pops the event.
 */
int fq_write_evt(void);

/** fq_flush() - forget the cached fqb / fqt / fqh: fqb and fqcsr doorbells, mock reset. */
void fq_flush(void);

/** fq_report() - build and write the record of a firmware-detected fault. */
int fq_report(unsigned cause, const struct fq_src *src, uint64_t iotval, uint64_t iotval2);

/**
 * fq_overflow() - the RTL event FIFO dropped a FAULT record (EVT_STATUS.dropped): records were
 * lost, so set fqof (when the queue is on), as if the queue had been full.
 */
void fq_overflow(void);

#endif /* FW_FQ_H */
