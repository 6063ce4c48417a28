// SPDX-License-Identifier: Apache-2.0
/* Host library: the init sequence of Linux riscv_iommu_init() (doc/linux-driver.md §3). */
#include "host_internal.h"

/* Poll budgets in microseconds (Linux: queue CSR 150 ms, ddtp busy 10 s). */
#define QCSR_TIMEOUT_US 150000u
#define DDTP_TIMEOUT_US 10000000u
#define POLL_STEP_US	10u

int iohost_poll32(struct iohost *h, uint32_t off, uint32_t mask, uint32_t want, uint32_t *last)
{
	unsigned budget = h->timeout_us ? h->timeout_us : QCSR_TIMEOUT_US;

	for (unsigned t = 0;; t += POLL_STEP_US) {
		uint32_t v = rd32(h, off);

		if (last)
			*last = v;
		if ((v & mask) == want)
			return 0;
		if (t >= budget)
			return IOHOST_ETIMEDOUT;
		h->ops.delay(h->ops.ctx, POLL_STEP_US);
	}
}

static int ddtp_wait(struct iohost *h, uint64_t *ddtp)
{
	for (unsigned t = 0;; t += POLL_STEP_US) {
		*ddtp = rd64(h, RISCV_IOMMU_REG_DDTP);
		if (!(*ddtp & RISCV_IOMMU_DDTP_BUSY))
			return 0;
		if (t >= DDTP_TIMEOUT_US)
			return IOHOST_ETIMEDOUT;
		h->ops.delay(h->ops.ctx, POLL_STEP_US);
	}
}

/* Step 1: ddtp must be idle in Off/Bare; compute and check icvec. */
static int init_check(struct iohost *h, const struct iohost_cfg *cfg)
{
	uint64_t ddtp = rd64(h, RISCV_IOMMU_REG_DDTP), icvec;
	unsigned n    = cfg && cfg->nr_irqs ? cfg->nr_irqs : 4;

	if (ddtp & RISCV_IOMMU_DDTP_BUSY)
		return IOHOST_EBUSY;
	if (fget(RISCV_IOMMU_DDTP_IOMMU_MODE, ddtp) > RISCV_IOMMU_DDTP_IOMMU_MODE_BARE)
		return IOHOST_EBUSY;
	/* little-endian host: fctl.BE must read 0 (we never flip it) */
	if (h->fctl & RISCV_IOMMU_FCTL_BE)
		return IOHOST_ENODEV;
	if (n > 4)
		n = 4;
	h->nr_irqs = n;
	/* CIV=0, FIV=1, PIV=2, PMIV=3, each modulo the vector count */
	h->icvec = fprep(RISCV_IOMMU_ICVEC_CIV, 0) | fprep(RISCV_IOMMU_ICVEC_FIV, 1 % n) |
		   fprep(RISCV_IOMMU_ICVEC_PIV, 2 % n) | fprep(RISCV_IOMMU_ICVEC_PMIV, 3 % n);
	wr64(h, RISCV_IOMMU_REG_ICVEC, h->icvec);
	icvec = rd64(h, RISCV_IOMMU_REG_ICVEC);
	if (fget(RISCV_IOMMU_ICVEC_CIV, icvec) >= n || fget(RISCV_IOMMU_ICVEC_FIV, icvec) >= n ||
	    fget(RISCV_IOMMU_ICVEC_PIV, icvec) >= n || fget(RISCV_IOMMU_ICVEC_PMIV, icvec) >= n)
		return IOHOST_ENODEV;
	h->icvec = icvec;
	return 0;
}

/* Step 2: probe for a hardware-fixed DDT root (PPN=0 write), else allocate one page. */
static int iodir_alloc(struct iohost *h)
{
	uint64_t ddtp;
	int rc = ddtp_wait(h, &ddtp);

	if (rc)
		return rc;
	if (fget(RISCV_IOMMU_DDTP_IOMMU_MODE, ddtp) <= RISCV_IOMMU_DDTP_IOMMU_MODE_BARE) {
		wr64(h, RISCV_IOMMU_REG_DDTP, ddtp & RISCV_IOMMU_DDTP_IOMMU_MODE);
		rc = ddtp_wait(h, &ddtp);
		if (rc)
			return rc;
		if (fget(RISCV_IOMMU_DDTP_PPN, ddtp)) {
			h->ddt_root = fget(RISCV_IOMMU_DDTP_PPN, ddtp) << 12;
			return 0;
		}
	}
	h->ddt_root = h->ops.alloc_pages(h->ops.ctx, 4096);
	return h->ddt_root ? 0 : IOHOST_ENOMEM;
}

/* Step 3: probe LOG2SZ (write 0x1f), size the queue, allocate, and check the exact read-back. */
static int queue_alloc(struct iohost *h, struct iohost_queue *q, uint32_t reg, unsigned want,
		       unsigned entry)
{
	uint64_t qb, hw, v;
	unsigned logsz;

	wr64(h, reg, RISCV_IOMMU_CQB_LOG2SZ_1);
	qb	 = rd64(h, reg);
	hw	 = fget(RISCV_IOMMU_CQB_LOG2SZ_1, qb) + 1;
	logsz	 = want < hw ? want : (unsigned)hw;
	q->entry = entry;
	q->prod = q->cons = 0;
	if (fget(RISCV_IOMMU_CQB_PPN, qb)) {
		q->base = fget(RISCV_IOMMU_CQB_PPN, qb) << 12;
	} else {
		uint64_t bytes;

		for (;; logsz--) {
			bytes = (uint64_t)entry << logsz;
			if (bytes < 4096)
				bytes = 4096;
			q->base = h->ops.alloc_pages(h->ops.ctx, bytes);
			if (q->base || logsz == 1)
				break;
		}
		if (!q->base)
			return IOHOST_ENOMEM;
	}
	q->log2sz = logsz;
	v = fprep(RISCV_IOMMU_CQB_PPN, q->base >> 12) | fprep(RISCV_IOMMU_CQB_LOG2SZ_1, logsz - 1);
	wr64(h, reg, v);
	if (rd64(h, reg) != v)
		return IOHOST_EIO;
	return 0;
}

/* Step 4: empty the queue, enable with the MF bit cleared, wait busy=0, check on, clear ipsr. */
static int queue_enable(struct iohost *h, bool fq)
{
	uint32_t csr_off = fq ? RISCV_IOMMU_REG_FQCSR : RISCV_IOMMU_REG_CQCSR;
	uint32_t on	 = fq ? RISCV_IOMMU_FQCSR_FQON : RISCV_IOMMU_CQCSR_CQON;
	uint32_t busy	 = fq ? RISCV_IOMMU_FQCSR_BUSY : RISCV_IOMMU_CQCSR_BUSY;
	uint32_t mf	 = fq ? RISCV_IOMMU_FQCSR_FQMF : RISCV_IOMMU_CQCSR_CQMF;
	uint32_t en	 = fq ? (RISCV_IOMMU_FQCSR_FQEN | RISCV_IOMMU_FQCSR_FIE)
			      : (RISCV_IOMMU_CQCSR_CQEN | RISCV_IOMMU_CQCSR_CIE);
	uint32_t csr;

	if (fq)
		wr32(h, RISCV_IOMMU_REG_FQH, 0);
	else
		wr32(h, RISCV_IOMMU_REG_CQT, 0);
	wr32(h, csr_off, en | mf);
	if (iohost_poll32(h, csr_off, busy, 0, &csr) || (csr & (on | busy | mf)) != on) {
		wr32(h, csr_off, 0);
		return IOHOST_EIO;
	}
	wr32(h, RISCV_IOMMU_REG_IPSR, fq ? RISCV_IOMMU_IPSR_FIP : RISCV_IOMMU_IPSR_CIP);
	return 0;
}

int iohost_set_mode(struct iohost *h, unsigned mode)
{
	uint64_t ddtp;
	unsigned cur;
	int rc = ddtp_wait(h, &ddtp);

	if (rc)
		return rc;
	cur = (unsigned)fget(RISCV_IOMMU_DDTP_IOMMU_MODE, ddtp);
	/* LVL -> LVL switches must go through Off/Bare */
	if (cur > RISCV_IOMMU_DDTP_IOMMU_MODE_BARE && mode > RISCV_IOMMU_DDTP_IOMMU_MODE_BARE &&
	    cur != mode)
		return IOHOST_EBUSY;
	for (;;) {
		uint64_t v = fprep(RISCV_IOMMU_DDTP_IOMMU_MODE, mode);

		if (mode > RISCV_IOMMU_DDTP_IOMMU_MODE_BARE)
			v |= fprep(RISCV_IOMMU_DDTP_PPN, h->ddt_root >> 12);
		wr64(h, RISCV_IOMMU_REG_DDTP, v);
		rc = ddtp_wait(h, &ddtp);
		if (rc)
			return rc;
		cur = (unsigned)fget(RISCV_IOMMU_DDTP_IOMMU_MODE, ddtp);
		if (cur == mode)
			break;
		/* the hardware kept Off/Bare: try one level less */
		if (cur <= RISCV_IOMMU_DDTP_IOMMU_MODE_BARE &&
		    mode > RISCV_IOMMU_DDTP_IOMMU_MODE_1LVL) {
			mode--;
			continue;
		}
		return IOHOST_EINVAL;
	}
	h->ddt_mode = mode;
	return 0;
}

int iohost_init(struct iohost *h, const struct iohost_cfg *cfg)
{
	unsigned max_mode = cfg && cfg->max_mode ? cfg->max_mode : RISCV_IOMMU_DDTP_IOMMU_MODE_3LVL;
	int rc;

	h->caps	      = rd64(h, RISCV_IOMMU_REG_CAPABILITIES);
	h->fctl	      = rd32(h, RISCV_IOMMU_REG_FCTL);
	h->next_pscid = h->next_pscid ? h->next_pscid : 1;
	h->next_gscid = h->next_gscid ? h->next_gscid : 1;
	/* interrupt kind (platform probe): MSI unless asked for WSI or the IOMMU only has WSI */
	{
		unsigned igs = (unsigned)fget(RISCV_IOMMU_CAPABILITIES_IGS, h->caps);
		bool wsi     = igs == 1 || (igs == 2 && cfg && cfg->use_wsi);

		if (igs == 3)
			return IOHOST_ENODEV;
		if (wsi != !!(h->fctl & RISCV_IOMMU_FCTL_WSI)) {
			h->fctl ^= RISCV_IOMMU_FCTL_WSI;
			wr32(h, RISCV_IOMMU_REG_FCTL, h->fctl);
		}
	}
	rc = init_check(h, cfg);
	if (!rc)
		rc = iodir_alloc(h);
	if (!rc)
		rc = queue_alloc(h, &h->cq, RISCV_IOMMU_REG_CQB,
				 cfg && cfg->cq_log2sz ? cfg->cq_log2sz : 13, 16);
	if (!rc)
		rc = queue_alloc(h, &h->fq, RISCV_IOMMU_REG_FQB,
				 cfg && cfg->fq_log2sz ? cfg->fq_log2sz : 12, 32);
	if (!rc)
		rc = queue_enable(h, false);
	if (!rc)
		rc = queue_enable(h, true);
	if (!rc)
		rc = iohost_set_mode(h, max_mode);
	if (!rc && h->ddt_mode > RISCV_IOMMU_DDTP_IOMMU_MODE_BARE) {
		/* forget anything cached across the Off -> LVL switch */
		rc = iohost_inval_ddt(h, true, 0);
		if (!rc)
			rc = iohost_inval_vma(h, -1, -1, UINT64_MAX);
		if (!rc)
			rc = iohost_cmd_sync(h);
	}
	if (rc)
		iohost_disable(h);
	return rc;
}

void iohost_disable(struct iohost *h)
{
	wr64(h, RISCV_IOMMU_REG_DDTP, RISCV_IOMMU_DDTP_IOMMU_MODE_BARE);
	wr32(h, RISCV_IOMMU_REG_CQCSR, 0);
	wr32(h, RISCV_IOMMU_REG_FQCSR, 0);
	h->ddt_mode = RISCV_IOMMU_DDTP_IOMMU_MODE_BARE;
}
