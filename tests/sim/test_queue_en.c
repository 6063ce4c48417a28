/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Queue bring-up as the Linux driver does it (doc/linux-driver.md §3 steps 3 and 4): xqb = 0x1F
 * reads back the largest LOG2SZ-1 and PPN 0; xqb = PPN | logsz reads back exactly; xqcsr =
 * EN|IE|MF goes busy, then on with cqh / fqt zero; writing 0 turns it off again.
 */
#include "tb.h"
#include "tb_regs.h"

struct queue {
	const char *name;
	uint32_t qb, csr, own; /* own: the IOMMU-owned index (cqh / fqt) */
	uint32_t sw;	       /* the software-owned index (cqt / fqh) */
	unsigned entry;	       /* bytes per entry */
	unsigned want;	       /* Linux's default LOG2SZ-1 */
	uint64_t base;
};

static void bring_up(const struct queue *q)
{
	uint64_t r, max, logsz, ppn;
	uint32_t csr;
	bool ok;

	/* Step 3: discover the largest size (WARL). */
	host_write64(q->qb, TB_QB_LOG2SZ_MASK);
	r   = host_read64(q->qb);
	max = r & TB_QB_LOG2SZ_MASK;
	tb_log("%s: xqb=0x1F reads 0x%llx (max LOG2SZ-1 %llu)", q->name, (unsigned long long)r,
	       (unsigned long long)max);
	CHECK_EQ(r >> TB_QB_PPN_SHIFT, 0);
	CHECK(max >= 1);
	logsz = q->want < max ? q->want : max;
	/* Aligned to the queue size, at least 4 KiB (spec "cqb", "fqb"). */
	ppn = q->base >> 12;
	host_write64(q->qb, ppn << TB_QB_PPN_SHIFT | logsz);
	CHECK_EQ(host_read64(q->qb), ppn << TB_QB_PPN_SHIFT | logsz);

	/* Step 4: empty the queue, enable, wait for busy to drop, require ON only. */
	host_write32(q->sw, 0);
	host_write32(q->csr, TB_QCSR_EN | TB_QCSR_IE | TB_QCSR_MF);
	csr = host_read32(q->csr);
	if (!(csr & TB_QCSR_BUSY))
		tb_log("%s: busy not seen on the first read (0x%x)", q->name, csr);
	csr = host_poll32(q->csr, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	CHECK_EQ(csr & (TB_QCSR_ON | TB_QCSR_BUSY | TB_QCSR_MF), TB_QCSR_ON);
	CHECK_EQ(csr & (TB_QCSR_EN | TB_QCSR_IE), TB_QCSR_EN | TB_QCSR_IE);
	CHECK_EQ(host_read32(q->own), 0);
	CHECK_EQ(host_read64(q->qb), ppn << TB_QB_PPN_SHIFT | logsz);
}

static void shut_down(const struct queue *q)
{
	uint32_t csr;
	bool ok;

	host_write32(q->csr, 0);
	csr = host_poll32(q->csr, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	CHECK_EQ(csr & (TB_QCSR_ON | TB_QCSR_EN), 0);
}

TB_TEST(queue_en)
{
	const struct queue cq = {"cq",
				 RISCV_IOMMU_REG_CQB,
				 RISCV_IOMMU_REG_CQCSR,
				 RISCV_IOMMU_REG_CQH,
				 RISCV_IOMMU_REG_CQT,
				 16,
				 12,
				 0x81000000ull};
	const struct queue fq = {"fq",
				 RISCV_IOMMU_REG_FQB,
				 RISCV_IOMMU_REG_FQCSR,
				 RISCV_IOMMU_REG_FQT,
				 RISCV_IOMMU_REG_FQH,
				 32,
				 11,
				 0x82000000ull};

	CHECK(tb_wait_fw_boot());
	bring_up(&cq);
	bring_up(&fq);
	shut_down(&fq);
	shut_down(&cq);
	/* A second round, as after a driver unbind / rebind. */
	bring_up(&cq);
	bring_up(&fq);
	shut_down(&fq);
	shut_down(&cq);
}
