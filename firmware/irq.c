// SPDX-License-Identifier: Apache-2.0
/* MSI generation: ipsr edges -> icvec vector -> msi_cfg_tbl write (IOMMU spec "msi_cfg_tbl"). */
#include <stddef.h>

#include "irq.h"
#include "fq.h"
#include "hal/console.h"
#include "hal/fwif.h"
#include "riscv_iommu_bits.h"

/* clang-format off */
#define RISE_BITS  ((uint32_t)RISCV_IOMMU_FW_IRQ_RISE_W1C)
#define VEC_BITS   4u /* icvec fields are 4 bits: 16 vectors */
#define MSI_ADDR_MASK GENMASK_ULL(55, 2)
/* clang-format on */

static uint32_t pending; /* bit v: vector v owes an MSI */
static bool warned;

uint32_t irq_pending(void)
{
	return pending;
}

void irq_reset(void)
{
	pending = 0;
	warned	= false;
}

/* Send vector @v's message; false when it must stay pending (masked or no 4-byte store). */
static bool msi_send(unsigned v)
{
	uint64_t addr;
	uint32_t data;
	int r;

	if (page_read32(RISCV_IOMMU_REG_MSI_VEC_CTL(v)) & RISCV_IOMMU_MSI_VEC_CTL_M)
		return false;
	addr = page_read64(RISCV_IOMMU_REG_MSI_ADDR(v)) & MSI_ADDR_MASK;
	data = page_read32(RISCV_IOMMU_REG_MSI_DATA(v));
	r    = fw_store32(addr, data);
	if (r == FW_ENOTSUP) {
		/* An 8-byte beat would also write the neighbouring register of the interrupt
		 * controller: hold the message until the burst engine can store 4 bytes. */
		if (!warned)
			con_printf("fw: MSI needs 4-byte burst stores (RTL SIZE32); held\n");
		warned = true;
		return false;
	}
	if (r != FW_OK)
		(void)fq_report(RISCV_IOMMU_FQ_CAUSE_MSI_WR_FAULT, NULL, addr, 0);
	return true;
}

void irq_flush(void)
{
	uint32_t todo = pending;

	for (unsigned v = 0; todo; v++, todo >>= 1)
		if ((todo & 1) && msi_send(v))
			pending &= ~(1u << v);
}

void irq_poll(void)
{
	uint32_t rise = page_read32(RISCV_IOMMU_REG_FW_IRQ_RISE) & RISE_BITS;
	uint32_t icvec;

	if (!rise)
		return;
	page_clear32(RISCV_IOMMU_REG_FW_IRQ_RISE, rise);
	if (fw_cfg_get()->fctl & RISCV_IOMMU_FCTL_WSI)
		return; /* wired: the regfile drives wsi_o from ipsr and icvec */
	icvec = page_read32(RISCV_IOMMU_REG_ICVEC);
	/* ipsr bit b (cip, fip, pmip, pip) uses the b-th 4-bit field of icvec. */
	for (unsigned b = 0; rise; b++, rise >>= 1)
		if (rise & 1)
			pending |= 1u << ((icvec >> (VEC_BITS * b)) & 0xFu);
	irq_flush();
}
