/* SPDX-License-Identifier: Apache-2.0 */
/* Interrupt generation by MSI through msi_cfg_tbl (IOMMU spec "ipsr", "icvec", "msi_cfg_tbl"). */
#ifndef FW_IRQ_H
#define FW_IRQ_H

#include <stdint.h>

/**
 * irq_poll() - take the ipsr 0->1 edges of FW_IRQ_RISE (clearing them) and, when fctl.WSI=0,
 * mark their vectors (icvec) pending and send the MSIs of the unmasked ones. With fctl.WSI=1
 * the wires are RTL and the edges are only acknowledged. Cheap when nothing rose.
 */
void irq_poll(void);

/**
 * irq_flush() - send the MSI of every pending, unmasked vector (msi_cfg_tbl doorbell: a vector
 * that was masked when its cause rose is sent when it is unmasked). A write error reports
 * cause 273 (TTYP=0, iotval = msi_addr) and drops that message.
 */
void irq_flush(void);

/** irq_pending() - bitmap of vectors waiting for their MSI (tests, debug). */
uint32_t irq_pending(void);

/** irq_reset() - forget pending vectors (unit tests; fctl.WSI changes). */
void irq_reset(void);

#endif /* FW_IRQ_H */
