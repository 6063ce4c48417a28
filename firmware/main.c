// SPDX-License-Identifier: Apache-2.0
/*
 * Management-core firmware main loop: boot, then poll the doorbells (FW_DB_PENDING) and the
 * event FIFO (EVT_STATUS) and dispatch each to its handler. Register doorbells come first: a
 * mode change must be visible before the next event is judged.
 */
#include <stdint.h>

#include "ddtp.h"
#include "hal/console.h"
#include "hal/fwif.h"
#include "queue.h"

/* clang-format off */
#define DB_DDTP  ((uint32_t)RISCV_IOMMU_FW_DB_PENDING_DDTP)
#define DB_CQCSR ((uint32_t)RISCV_IOMMU_FW_DB_PENDING_CQCSR)
#define DB_FQCSR ((uint32_t)RISCV_IOMMU_FW_DB_PENDING_FQCSR)
/* clang-format on */

/* Cause reported with a failed context miss until the DDT walk exists (DDT entry not valid). */
#define MISS_CAUSE_NO_DDT 258u

static void handle_doorbells(uint32_t db)
{
	if (db & DB_DDTP)
		ddtp_handle();
	if (db & DB_CQCSR)
		(void)queue_csr_handle(&queue_cq);
	if (db & DB_FQCSR)
		(void)queue_csr_handle(&queue_fq);
	/* TODO(#cq): cqb/cqt doorbells start command processing (cq.c). */
	/* TODO(#fq): fqb/fqh doorbells (fq.c). */
}

static void handle_event(const struct fw_event *ev)
{
	switch (ev->type) {
	case FWIF_EVT_CTX_MISS:
		/* TODO(#ddt): walk the DDT, load the context and retry (ddt.c). */
		fw_miss_fail(MISS_CAUSE_NO_DDT);
		break;
	case FWIF_EVT_FAULT:
		/* TODO(#fq): write the record to the fault queue (fq.c). */
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
		if (fw_evt_get(&ev))
			handle_event(&ev);
	}
}
