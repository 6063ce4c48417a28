// SPDX-License-Identifier: Apache-2.0
/* Trap reporting: any trap is a firmware bug; print it and panic through SIMCTRL. */
#include <stdint.h>

#include "hal/console.h"
#include "hal/fwif.h"

void trap_report(uint32_t mcause, uint32_t mepc, uint32_t mtval);

/** trap_report() - called from trap_entry (start.S) with the trap CSRs. */
void trap_report(uint32_t mcause, uint32_t mepc, uint32_t mtval)
{
	con_printf("\nTRAP mcause=%x mepc=%x mtval=%x\n", (unsigned)mcause, (unsigned)mepc,
		   (unsigned)mtval);
	fw_panic(0xE000u | (mcause & 0xFFFu));
}
