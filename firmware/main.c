// SPDX-License-Identifier: Apache-2.0
/*
 * Management-core firmware main loop: boot, then poll the doorbells (FW_DB_PENDING) and the
 * event FIFO (EVT_STATUS) and dispatch each to its handler. Register doorbells come first: a
 * mode change must be visible before the next event is judged.
 */
#include <stdint.h>

#include "cq.h"
#include "ddt.h"
#include "ddtp.h"
#include "fq.h"
#include "hal/console.h"
#include "hal/fwif.h"
#include "irq.h"
#include "msi.h"
#include "queue.h"

/* clang-format off */
#define DB_DDTP  ((uint32_t)RISCV_IOMMU_FW_DB_PENDING_DDTP)
#define DB_CQCSR ((uint32_t)RISCV_IOMMU_FW_DB_PENDING_CQCSR)
#define DB_FQCSR ((uint32_t)RISCV_IOMMU_FW_DB_PENDING_FQCSR)
#define DB_CQ    ((uint32_t)(RISCV_IOMMU_FW_DB_PENDING_CQB | RISCV_IOMMU_FW_DB_PENDING_CQT | \
			     RISCV_IOMMU_FW_DB_PENDING_CQCSR))
#define DB_MSI   ((uint32_t)RISCV_IOMMU_FW_DB_PENDING_MSI_CFG)
#define DB_FCTL  ((uint32_t)RISCV_IOMMU_FW_DB_PENDING_FCTL)
#define DB_CQCFG ((uint32_t)(RISCV_IOMMU_FW_DB_PENDING_CQB | RISCV_IOMMU_FW_DB_PENDING_CQCSR))
#define DB_FQCFG ((uint32_t)(RISCV_IOMMU_FW_DB_PENDING_FQB | RISCV_IOMMU_FW_DB_PENDING_FQCSR))
#define DB_RISE  ((uint32_t)RISCV_IOMMU_FW_DB_PENDING_IRQ_RISE)
/* Summary bits of FW_DB_PENDING that are not doorbells. */
#define DB_EVTS  ((uint32_t)(FWIF_DB_EVT | FWIF_DB_EVT_DROPPED | FWIF_DB_EVT_TYPE | DB_RISE))
/* clang-format on */

static void handle_doorbells(uint32_t db)
{
	if (db & DB_DDTP)
		ddtp_handle();
	if (db & DB_CQCSR)
		(void)queue_csr_handle(&queue_cq);
	if (db & DB_FQCSR)
		(void)queue_csr_handle(&queue_fq);
	/*
	 * The RAM copies of registers the host just wrote, or that the enable handshakes above
	 * just reset (cqh, fqt := 0), are stale: dropped after those writes, reloaded on next use.
	 */
	if (db & (DB_DDTP | DB_FCTL))
		fw_cfg_flush();
	if (db & DB_DDTP)
		msi_masks_flush(); /* another directory: the kept MSI masks describe the old one */
	if (db & DB_CQCFG)
		cq_flush();
	if (db & DB_FQCFG)
		fq_flush();
	/* cqt: new commands; cqcsr: enabled, or cmd_ill/cqmf cleared (resume); cqb: new ring.
	 * fqh: fq.c re-reads it when the queue looks full; fqcsr: read per record. */
	if (db & DB_CQ)
		cq_process();
	if (db & DB_MSI)
		irq_flush(); /* a vector may have been unmasked */
}

/*
 * The head event (@db: FW_DB_PENDING with DB_EVT set, its type in DB_EVT_TYPE): a FAULT goes
 * from the FIFO to the FQ slot in the RTL; a CTX_MISS is handled from its word 0 (the handler
 * reads the others only when it needs them) and popped after; other events are copied and
 * popped first.
 */
static inline __attribute__((always_inline)) void handle_event(uint32_t db)
{
	uint32_t type = (db & FWIF_DB_EVT_TYPE) >> FWIF_DB_EVT_TYPE_SHIFT;

	if (type == FWIF_EVT_FAULT) {
		(void)fq_write_evt(); /* the record arrives ready-made */
	} else if (type == FWIF_EVT_CTX_MISS) {
		ddt_handle_miss(fwif_read32(FWIF_EVT_DATA0));
		fwif_write32(FWIF_EVT_POP, 1);
	} else {
		/* Copied and popped first; in this block only, so the other paths store nothing. */
		struct fw_event ev;

		ev.type = type;
		for (unsigned i = 0; i < 8; i++)
			ev.w[i] = fwif_read32(FWIF_EVT_DATA0 + 4 * i);
		fwif_write32(FWIF_EVT_POP, 1);
		if (ev.type == FWIF_EVT_MSI_MISS)
			msi_handle_miss(&ev);
		else
			con_printf("fw: unknown event type %u\n", (unsigned)ev.type);
	}
}

/* While an IOFENCE.C waits for earlier device requests: serve the misses they may wait on. */
void fw_poll_events(void)
{
	uint32_t db = page_read32(RISCV_IOMMU_REG_FW_DB_PENDING);

	if (db & FWIF_DB_EVT)
		handle_event(db);
}

int main(void)
{
	con_printf("riscv-iommu fw: boot, fwif id %x\n", (unsigned)fwif_read32(FWIF_ID));
	if (fwif_read32(FWIF_ID) != FWIF_ID_VALUE)
		fw_panic(0x0001);
	fw_simctrl(FWIF_SIMCTRL_BOOTED);

	for (;;) {
		/* One read: the doorbells, fwif's event summary (DB_EVT, DB_EVT_DROPPED) and
		 * whether FW_IRQ_RISE has bits (DB_RISE). */
		uint32_t db = fw_db_take();

		if (db & ~DB_EVTS)
			handle_doorbells(db);
		if (db & FWIF_DB_EVT_DROPPED) {
			/* The RTL dropped a fault record: the queue lost one, as if it were full.
			 * Reading EVT_STATUS clears the sticky flag. */
			(void)fwif_read32(FWIF_EVT_STATUS);
			fq_overflow();
		}
		if (db & FWIF_DB_EVT)
			handle_event(db);
#ifdef BOARD_SELFTEST
		irq_poll(); /* board_irq_poll(): also one step of the self-test, every pass */
#else
		if (db & DB_RISE)
			irq_poll();
#endif
	}
}
