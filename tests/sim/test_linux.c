// SPDX-License-Identifier: Apache-2.0
/*
 * Linux-driver replay suite: what the upstream riscv-iommu driver does to the IOMMU
 * (doc/linux-driver.md), replayed through the host library against the real firmware and RTL:
 *   - probe with 1 and with 4 wired interrupts (icvec computed, written, read back) and with
 *     MSIs (fctl.WSI cleared, msi_cfg_tbl programmed, a fault arrives as an MSI write);
 *   - attach, map, unmap with per-page flushes (< 2 MiB) and a per-PSCID flush (>= 2 MiB), the
 *     exact commands checked in the ring and the revocation checked by DMA;
 *   - the fault-handling thread's loop (IPSR.FIP first, FQT/FQH, FQCSR write-back);
 *   - shutdown (riscv_iommu_disable: DDTP=Bare, CQCSR=FQCSR=0) and probe again.
 * Every DMA is checked by the scoreboard against the golden model.
 */
#include <string.h>

#include "riscv_iommu_regs.h"
#include "tb.h"
#include "tb_host.h"

#define DID	 0x42u
#define BUF_PA	 0x60000000ull
#define MSI_ADDR 0x2f000000ull /* an IMSIC-like doorbell page of the host */

static struct iohost host;

static int probe(unsigned nr_irqs, bool wsi)
{
	struct iohost_cfg cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.nr_irqs   = nr_irqs;
	cfg.cq_log2sz = 8;
	cfg.fq_log2sz = 8;
	cfg.use_wsi   = wsi;
	tb_host_bind(&host);
	return iohost_init(&host, &cfg);
}

/* The probe's visible results: 3LVL, queues on, the three init commands completed. */
static void check_probed(void)
{
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_DDTP) & RISCV_IOMMU_DDTP_IOMMU_MODE,
		 RISCV_IOMMU_DDTP_IOMMU_MODE_3LVL);
	CHECK(host_read32(RISCV_IOMMU_REG_CQCSR) & RISCV_IOMMU_CQCSR_CQON);
	CHECK(host_read32(RISCV_IOMMU_REG_FQCSR) & RISCV_IOMMU_FQCSR_FQON);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQH), host_read32(RISCV_IOMMU_REG_CQT));
}

static struct dma_attr dev_attr(void)
{
	struct dma_attr a;

	memset(&a, 0, sizeof(a));
	a.did = DID;
	return a;
}

/* A read that faults (nothing mapped at IOVA 0x7770000 in any domain here). */
static void stray_read(void)
{
	struct dma_attr a = dev_attr();
	uint64_t d;

	CHECK_EQ(dma_read(&a, 0x7770000ull, &d, 1), AXI_SLVERR);
}

static void attach_paging(struct iohost_domain *dom)
{
	uint32_t did = DID;

	CHECK_EQ(iohost_domain_init(&host, dom, IOHOST_DOMAIN_PAGING, 8), IOHOST_OK);
	CHECK_EQ(iohost_probe_device(&host, did), IOHOST_OK);
	CHECK_EQ(iohost_attach(&host, dom, &did, 1), IOHOST_OK);
}

TB_TEST(linux_probe_wsi1)
{
	CHECK(tb_wait_fw_boot());
	CHECK_EQ(probe(1, true), IOHOST_OK);
	check_probed();
	CHECK(host_read32(RISCV_IOMMU_REG_FCTL) & RISCV_IOMMU_FCTL_WSI);
	/* n = 1: every cause on vector 0 (Linux computes icvec = 0). */
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_ICVEC), 0);
	/* probe: IODIR.INVAL_DDT all, IOTINVAL.VMA all, IOFENCE.C */
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQH), 3);
	CHECK_EQ(mem_rd64(host.cq.base + 0 * 16), 0x3);
	CHECK_EQ(mem_rd64(host.cq.base + 1 * 16), 0x1);
	CHECK_EQ(mem_rd64(host.cq.base + 2 * 16), 0x3002);
}

TB_TEST(linux_probe_wsi4)
{
	struct iohost_domain dom;

	CHECK(tb_wait_fw_boot());
	CHECK_EQ(probe(4, true), IOHOST_OK);
	check_probed();
	/* n = 4: CIV 0, FIV 1, PIV 2, PMIV 3 -> 0x2310, read back unchanged */
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_ICVEC), 0x2310);
	attach_paging(&dom);
	stray_read();
	tb_step(2000);
	/* the fault-queue interrupt is on wire 1 only, level until the driver clears ipsr.fip */
	CHECK_EQ(tb_wsi() & 0xf, 1u << 1);
	host_write32(RISCV_IOMMU_REG_IPSR, RISCV_IOMMU_IPSR_FIP);
	CHECK_EQ(tb_wsi() & 0xf, 0);
}

TB_TEST(linux_probe_msi)
{
	struct iohost_domain dom;
	bool ok = false;

	CHECK(tb_wait_fw_boot());
	mem_wr32(MSI_ADDR + 4, 0);
	/* platform probe with an MSI domain: program 4 vectors, clear fctl.WSI */
	CHECK_EQ(probe(4, false), IOHOST_OK);
	check_probed();
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FCTL) & RISCV_IOMMU_FCTL_WSI, 0);
	for (unsigned v = 0; v < 4; v++)
		CHECK_EQ(iohost_msi_cfg(&host, v, MSI_ADDR + 4 * v, 0x100 + v, false), IOHOST_OK);
	attach_paging(&dom);
	stray_read();
	/* FIV = 1: the fault interrupt is the 4-byte MSI write of vector 1's data */
	for (unsigned i = 0; i < 100 && !ok; i++) {
		tb_step(100);
		ok = mem_rd32(MSI_ADDR + 4) == 0x101;
	}
	CHECK(ok);
	CHECK_EQ(tb_wsi(), 0);
}

/* Commands the host queued in [from, to) of the ring, dword 0 each. */
static uint64_t cmd_dw0(uint32_t slot)
{
	return mem_rd64(host.cq.base + (uint64_t)(slot & ((1u << host.cq.log2sz) - 1)) * 16);
}

TB_TEST(linux_map_unmap_flush)
{
	struct iohost_domain dom;
	struct dma_attr a;
	uint64_t iova, iova2, d[2] = {0x1111, 0x2222};
	uint32_t p0;

	CHECK(tb_wait_fw_boot());
	CHECK_EQ(probe(1, true), IOHOST_OK);
	attach_paging(&dom);
	a = dev_attr();

	/* 8 KiB: unmap sends one IOTINVAL.VMA (AV, PSCV) per 4 KiB page, then IOFENCE.C */
	CHECK_EQ(iohost_dma_map(&host, &dom, BUF_PA, 0x2000, IOHOST_PROT_READ | IOHOST_PROT_WRITE,
				&iova),
		 IOHOST_OK);
	CHECK_EQ(dma_write(&a, iova, d, 2), AXI_OKAY);
	CHECK_EQ(dma_read(&a, iova + 0x1000, d, 1), AXI_OKAY);
	p0 = host.cq.prod;
	CHECK_EQ(iohost_dma_unmap(&host, &dom, iova, 0x2000), IOHOST_OK);
	CHECK_EQ(host.cq.prod - p0, 3);
	CHECK_EQ(cmd_dw0(p0), 0x1 | (1ull << 10) | ((uint64_t)dom.pscid << 12) | (1ull << 32));
	CHECK_EQ(cmd_dw0(p0 + 1), cmd_dw0(p0));
	CHECK_EQ(cmd_dw0(p0 + 2), 0x3002);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_CQH), host.cq.prod & ((1u << host.cq.log2sz) - 1));
	/* both pages were cached by the DMAs above; both are revoked */
	CHECK_EQ(dma_read(&a, iova, d, 1), AXI_SLVERR);
	CHECK_EQ(dma_read(&a, iova + 0x1000, d, 1), AXI_SLVERR);

	/* 4 MiB (2 MiB leaves): one IOTINVAL.VMA by PSCID (no AV), then IOFENCE.C */
	CHECK_EQ(iohost_dma_map(&host, &dom, 0x80000000ull, 0x400000,
				IOHOST_PROT_READ | IOHOST_PROT_WRITE, &iova2),
		 IOHOST_OK);
	CHECK_EQ(dma_read(&a, iova2 + 0x3ff000, d, 1), AXI_OKAY);
	p0 = host.cq.prod;
	CHECK_EQ(iohost_dma_unmap(&host, &dom, iova2, 0x400000), IOHOST_OK);
	CHECK_EQ(host.cq.prod - p0, 2);
	CHECK_EQ(cmd_dw0(p0), 0x1 | ((uint64_t)dom.pscid << 12) | (1ull << 32));
	CHECK_EQ(cmd_dw0(p0 + 1), 0x3002);
	CHECK_EQ(dma_read(&a, iova2 + 0x3ff000, d, 1), AXI_SLVERR);
}

/* The driver's fault thread, step by step (doc/linux-driver.md §8). */
TB_TEST(linux_fault_loop)
{
	struct iohost_domain dom;
	uint32_t mask, head, tail, csr;
	unsigned seen = 0;

	CHECK(tb_wait_fw_boot());
	CHECK_EQ(probe(1, true), IOHOST_OK);
	attach_paging(&dom);
	for (unsigned i = 0; i < 3; i++)
		stray_read();
	tb_step(3000);
	CHECK(host_read32(RISCV_IOMMU_REG_IPSR) & RISCV_IOMMU_IPSR_FIP);
	/* W32 IPSR = FIP first, then consume */
	host_write32(RISCV_IOMMU_REG_IPSR, RISCV_IOMMU_IPSR_FIP);
	mask = (1u << host.fq.log2sz) - 1;
	head = host_read32(RISCV_IOMMU_REG_FQH);
	tail = host_read32(RISCV_IOMMU_REG_FQT);
	CHECK_EQ(tail & ~mask, 0); /* never bits above the mask */
	while (head != tail) {
		uint64_t rec = host.fq.base + (uint64_t)head * 32;
		uint64_t hdr = mem_rd64(rec);

		CHECK_EQ(hdr & 0xfff, 13);		 /* read page fault */
		CHECK_EQ((hdr >> 40) & 0xffffff, DID);	 /* DID */
		CHECK_EQ(mem_rd64(rec + 16), 0x7770000); /* iotval */
		seen++;
		head = (head + 1) & mask;
		host_write32(RISCV_IOMMU_REG_FQH, head);
	}
	CHECK_EQ(seen, 3);
	csr = host_read32(RISCV_IOMMU_REG_FQCSR);
	CHECK_EQ(csr & (RISCV_IOMMU_FQCSR_FQMF | RISCV_IOMMU_FQCSR_FQOF), 0);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_IPSR) & RISCV_IOMMU_IPSR_FIP, 0);
}

TB_TEST(linux_shutdown_reprobe)
{
	struct iohost_domain dom;
	struct dma_attr a;
	uint64_t iova, d = 0x5a5a;
	bool ok;

	CHECK(tb_wait_fw_boot());
	CHECK_EQ(probe(1, true), IOHOST_OK);
	attach_paging(&dom);
	a = dev_attr();
	CHECK_EQ(iohost_dma_map(&host, &dom, BUF_PA, 0x1000, IOHOST_PROT_READ | IOHOST_PROT_WRITE,
				&iova),
		 IOHOST_OK);
	CHECK_EQ(dma_write(&a, iova, &d, 1), AXI_OKAY);

	/* shutdown hook: no waiting; DDTP = Bare, queues off */
	iohost_disable(&host);
	host_poll32(RISCV_IOMMU_REG_CQCSR, RISCV_IOMMU_CQCSR_BUSY | RISCV_IOMMU_CQCSR_CQON, 0,
		    10000, &ok);
	CHECK(ok);
	host_poll32(RISCV_IOMMU_REG_FQCSR, RISCV_IOMMU_FQCSR_BUSY | RISCV_IOMMU_FQCSR_FQON, 0,
		    10000, &ok);
	CHECK(ok);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_DDTP) & RISCV_IOMMU_DDTP_IOMMU_MODE,
		 RISCV_IOMMU_DDTP_IOMMU_MODE_BARE);
	/* Bare: the device's address is the physical address */
	CHECK_EQ(dma_read(&a, BUF_PA, &d, 1), AXI_OKAY);
	CHECK_EQ(d, 0x5a5a);

	/* the next kernel probes again from Bare */
	CHECK_EQ(probe(1, true), IOHOST_OK);
	check_probed();
	attach_paging(&dom);
	CHECK_EQ(iohost_dma_map(&host, &dom, BUF_PA, 0x1000, IOHOST_PROT_READ, &iova), IOHOST_OK);
	CHECK_EQ(dma_read(&a, iova, &d, 1), AXI_OKAY);
	CHECK_EQ(d, 0x5a5a);
}
