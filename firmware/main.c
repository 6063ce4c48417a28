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
/* clang-format on */

static void handle_doorbells(uint32_t db)
{
	if (db & DB_DDTP)
		ddtp_handle();
	if (db & DB_CQCSR)
		(void)queue_csr_handle(&queue_cq);
	if (db & DB_FQCSR)
		(void)queue_csr_handle(&queue_fq);
	/* cqt: new commands; cqcsr: enabled, or cmd_ill/cqmf cleared (resume); cqb: nothing
	 * to remember (read when needed). fqb/fqh need nothing: fq.c reads them per record. */
	if (db & DB_CQ)
		cq_process();
	if (db & DB_MSI)
		irq_flush(); /* a vector may have been unmasked */
}

static void handle_event(const struct fw_event *ev)
{
	switch (ev->type) {
	case FWIF_EVT_CTX_MISS:
		ddt_handle_miss(ev);
		break;
	case FWIF_EVT_MSI_MISS:
		msi_handle_miss(ev);
		break;
	case FWIF_EVT_FAULT:
		(void)fq_write(ev->w); /* the record arrives ready-made */
		break;
	default:
		con_printf("fw: unknown event type %u\n", (unsigned)ev->type);
		break;
	}
}

int main(void)
{
	struct fw_event ev;

	con_printf("riscv-iommu fw: boot, fwif id %x\n", (unsigned)fwif_read32(FWIF_ID));
	if (fwif_read32(FWIF_ID) != FWIF_ID_VALUE)
		fw_panic(0x0001);
	fw_simctrl(FWIF_SIMCTRL_BOOTED);

	for (;;) {
		uint32_t db = fw_db_take();

		if (db)
			handle_doorbells(db);
		bool got = fw_evt_get(&ev);

		/* The RTL dropped a fault record: the queue lost one, as if it were full. */
		if (ev.dropped)
			fq_overflow();
		if (got)
			handle_event(&ev);
		irq_poll();
	}
}
