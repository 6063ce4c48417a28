// SPDX-License-Identifier: Apache-2.0
/* Host library: command queue submission and the invalidation commands (spec 4.1). */
#include "host_internal.h"

#define CMD_TIMEOUT_US 90000000u
#define CQ_ERRORS      (RISCV_IOMMU_CQCSR_CQMF | RISCV_IOMMU_CQCSR_CMD_TO | RISCV_IOMMU_CQCSR_CMD_ILL)

static uint64_t cmd_op(unsigned opcode, unsigned func3)
{
	return fprep(RISCV_IOMMU_CMD_DW0_OPCODE, opcode) | fprep(RISCV_IOMMU_CMD_DW0_FUNC3, func3);
}

/* Read cqh; false while it shows bits outside the index mask (not ready, as Linux treats it). */
static bool read_cqh(struct iohost *h, uint32_t *cqh)
{
	uint32_t mask = (1u << h->cq.log2sz) - 1;

	*cqh = rd32(h, RISCV_IOMMU_REG_CQH);
	return !(*cqh & ~mask);
}

static int cq_error(struct iohost *h)
{
	return (rd32(h, RISCV_IOMMU_REG_CQCSR) & CQ_ERRORS) ? IOHOST_EIO : 0;
}

int iohost_cmd_send(struct iohost *h, uint64_t dw0, uint64_t dw1)
{
	uint32_t mask = (1u << h->cq.log2sz) - 1;
	uint32_t next = (h->cq.prod + 1) & mask;
	uint64_t slot = h->cq.base + (uint64_t)h->cq.prod * 16u;

	/* full when the tail would reach the head */
	for (unsigned t = 0;; t += 10) {
		uint32_t cqh;

		if (read_cqh(h, &cqh) && cqh != next)
			break;
		if (cq_error(h))
			return IOHOST_EIO;
		if (t >= CMD_TIMEOUT_US)
			return IOHOST_ETIMEDOUT;
		h->ops.delay(h->ops.ctx, 10);
	}
	mwr(h, slot, dw0);
	mwr(h, slot + 8, dw1);
	wmb(h);
	h->cq.prod = next;
	wr32(h, RISCV_IOMMU_REG_CQT, next);
	return 0;
}

int iohost_cmd_sync(struct iohost *h)
{
	uint32_t mask = (1u << h->cq.log2sz) - 1;
	uint32_t fence;
	int rc;

	rc = iohost_cmd_send(
		h,
		cmd_op(RISCV_IOMMU_CMD_OPCODE_IOFENCE, RISCV_IOMMU_CMD_IOFENCE_FUNC3_C) |
			RISCV_IOMMU_CMD_IOFENCE_DW0_PR | RISCV_IOMMU_CMD_IOFENCE_DW0_PW,
		0);
	if (rc)
		return rc;
	fence = (h->cq.prod - 1) & mask;
	/* done when cqh has moved past the fence: fewer commands pending than were after it */
	for (unsigned t = 0;; t += 10) {
		uint32_t cqh;

		if (read_cqh(h, &cqh) &&
		    ((h->cq.prod - cqh) & mask) < ((h->cq.prod - fence) & mask))
			return 0;
		if (cq_error(h))
			return IOHOST_EIO;
		if (t >= CMD_TIMEOUT_US)
			return IOHOST_ETIMEDOUT;
		h->ops.delay(h->ops.ctx, 10);
	}
}

int iohost_inval_ddt(struct iohost *h, bool all, uint32_t did)
{
	uint64_t dw0 = cmd_op(RISCV_IOMMU_CMD_OPCODE_IODIR, RISCV_IOMMU_CMD_IODIR_FUNC3_INVAL_DDT);

	if (!all)
		dw0 |= RISCV_IOMMU_CMD_IODIR_DW0_DV | fprep(RISCV_IOMMU_CMD_IODIR_DW0_DID, did);
	return iohost_cmd_send(h, dw0, 0);
}

int iohost_inval_pdt(struct iohost *h, uint32_t did, uint32_t pid)
{
	uint64_t dw0 = cmd_op(RISCV_IOMMU_CMD_OPCODE_IODIR, RISCV_IOMMU_CMD_IODIR_FUNC3_INVAL_PDT) |
		       RISCV_IOMMU_CMD_IODIR_DW0_DV | fprep(RISCV_IOMMU_CMD_IODIR_DW0_DID, did) |
		       fprep(RISCV_IOMMU_CMD_IODIR_DW0_PID, pid);

	return iohost_cmd_send(h, dw0, 0);
}

int iohost_inval_vma(struct iohost *h, int64_t pscid, int64_t gscid, uint64_t iova)
{
	uint64_t dw0 = cmd_op(RISCV_IOMMU_CMD_OPCODE_IOTINVAL, RISCV_IOMMU_CMD_IOTINVAL_FUNC3_VMA);
	uint64_t dw1 = 0;

	if (pscid >= 0)
		dw0 |= RISCV_IOMMU_CMD_IOTINVAL_DW0_PSCV |
		       fprep(RISCV_IOMMU_CMD_IOTINVAL_DW0_PSCID, (uint64_t)pscid);
	if (gscid >= 0)
		dw0 |= RISCV_IOMMU_CMD_IOTINVAL_DW0_GV |
		       fprep(RISCV_IOMMU_CMD_IOTINVAL_DW0_GSCID, (uint64_t)gscid);
	if (iova != UINT64_MAX) {
		dw0 |= RISCV_IOMMU_CMD_IOTINVAL_DW0_AV;
		dw1 = fprep(RISCV_IOMMU_CMD_IOTINVAL_DW1_ADDR, iova >> 12);
	}
	return iohost_cmd_send(h, dw0, dw1);
}

int iohost_inval_gvma(struct iohost *h, int64_t gscid, uint64_t gpa)
{
	uint64_t dw0 = cmd_op(RISCV_IOMMU_CMD_OPCODE_IOTINVAL, RISCV_IOMMU_CMD_IOTINVAL_FUNC3_GVMA);
	uint64_t dw1 = 0;

	if (gscid >= 0) {
		dw0 |= RISCV_IOMMU_CMD_IOTINVAL_DW0_GV |
		       fprep(RISCV_IOMMU_CMD_IOTINVAL_DW0_GSCID, (uint64_t)gscid);
		if (gpa != UINT64_MAX) {
			dw0 |= RISCV_IOMMU_CMD_IOTINVAL_DW0_AV;
			dw1 = fprep(RISCV_IOMMU_CMD_IOTINVAL_DW1_ADDR, gpa >> 12);
		}
	}
	return iohost_cmd_send(h, dw0, dw1);
}
