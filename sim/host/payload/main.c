// SPDX-License-Identifier: Apache-2.0
/*
 * S-mode driver payload of the host SoC co-simulation (doc/host-soc.md §4). Started by OpenSBI
 * with the device tree in a1, it finds the IOMMU and the DMA engine in the tree, probes the
 * IOMMU with the project's host library (lib/, the Linux init sequence), attaches the DMA
 * engine's device_id to a paging domain, copies a buffer by DMA through IOVAs, unmaps the
 * destination, lets a second DMA fault, takes the fault interrupt through the PLIC into the
 * S-mode trap handler, drains the fault queue there, and ends with "payload: PASS" or
 * "payload: FAIL ..." and an SBI shutdown.
 */
#include "fdt.h"
#include "riscv_iommu_host.h"
#include "riscv_iommu_regs.h"
#include "sbi.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* clang-format off */
/* Memory the payload hands out (physical = virtual: satp stays Bare). */
#define HEAP_BASE        0x80400000ull
#define HEAP_END         0x80c00000ull
#define COPY_BYTES       4096u
/* DMA engine registers (rtl/host/host_dma.sv) */
#define DMA_SRC          0x00
#define DMA_DST          0x08
#define DMA_LEN          0x10
#define DMA_CTRL         0x18
#define DMA_STATUS       0x20
#define DMA_ERR_ADDR     0x28
#define DMA_ID           0x30
#define DMA_CTRL_START   0x1u
#define DMA_ST_BUSY      0x1u
#define DMA_ST_DONE      0x2u
#define DMA_ST_ERROR     0x4u
/* PLIC (the SiFive/RISC-V PLIC register layout) */
#define PLIC_PRIO(s)     (4u * (s))
#define PLIC_ENABLE(c)   (0x2000u + 0x80u * (c))
#define PLIC_THRESH(c)   (0x200000u + 0x1000u * (c))
#define PLIC_CLAIM(c)    (0x200004u + 0x1000u * (c))
/* CSR bits */
#define SSTATUS_SIE      (1ul << 1)
#define SIE_SEIE         (1ul << 9)
#define SCAUSE_INT       (1ul << 63)
#define IRQ_S_EXT        9
/* fault-record cause of a store/AMO page fault (IOMMU spec 4.2) */
#define CAUSE_WR_PAGE    15u
/* clang-format on */

/* ---- MMIO ------------------------------------------------------------------------------- */

static uint32_t mmio_rd32(uint64_t a)
{
	uint32_t v = *(volatile uint32_t *)a;

	__asm__ volatile("fence i,r" ::: "memory");
	return v;
}

static uint64_t mmio_rd64(uint64_t a)
{
	uint64_t v = *(volatile uint64_t *)a;

	__asm__ volatile("fence i,r" ::: "memory");
	return v;
}

static void mmio_wr32(uint64_t a, uint32_t v)
{
	__asm__ volatile("fence w,o" ::: "memory");
	*(volatile uint32_t *)a = v;
}

static void mmio_wr64(uint64_t a, uint64_t v)
{
	__asm__ volatile("fence w,o" ::: "memory");
	*(volatile uint64_t *)a = v;
}

/* ---- the platform ops of lib/ (struct iohost_ops) ----------------------------------------- */

struct platform {
	uint64_t iommu_base;
	uint64_t heap_next;
};

static uint32_t op_read32(void *ctx, uint32_t off)
{
	return mmio_rd32(((struct platform *)ctx)->iommu_base + off);
}

static uint64_t op_read64(void *ctx, uint32_t off)
{
	return mmio_rd64(((struct platform *)ctx)->iommu_base + off);
}

static void op_write32(void *ctx, uint32_t off, uint32_t val)
{
	mmio_wr32(((struct platform *)ctx)->iommu_base + off, val);
}

static void op_write64(void *ctx, uint32_t off, uint64_t val)
{
	mmio_wr64(((struct platform *)ctx)->iommu_base + off, val);
}

/* Bump allocator: naturally aligned, zeroed; the IOMMU reads it through the coherent port. */
static uint64_t op_alloc_pages(void *ctx, uint64_t bytes)
{
	struct platform *p = ctx;
	uint64_t pa	   = (p->heap_next + bytes - 1) & ~(bytes - 1);

	if (bytes < 4096 || (bytes & (bytes - 1)) || pa + bytes > HEAP_END)
		return 0;
	for (uint64_t a = pa; a < pa + bytes; a += 8)
		*(volatile uint64_t *)a = 0;
	p->heap_next = pa + bytes;
	return pa;
}

static uint64_t op_mem_read64(void *ctx, uint64_t pa)
{
	(void)ctx;
	return *(volatile uint64_t *)pa;
}

static void op_mem_write64(void *ctx, uint64_t pa, uint64_t val)
{
	(void)ctx;
	*(volatile uint64_t *)pa = val;
}

static void op_wmb(void *ctx)
{
	(void)ctx;
	__asm__ volatile("fence rw,rw" ::: "memory");
}

/* About @us microseconds at the tree's 100 MHz core clock (a loop iteration is ~4 cycles). */
static void op_delay(void *ctx, unsigned us)
{
	(void)ctx;
	for (volatile unsigned i = 0; i < us * 25u; i++)
		;
}

static struct platform plat = {.heap_next = HEAP_BASE};

static const struct iohost_ops plat_ops = {
	.read32	     = op_read32,
	.read64	     = op_read64,
	.write32     = op_write32,
	.write64     = op_write64,
	.alloc_pages = op_alloc_pages,
	.mem_read64  = op_mem_read64,
	.mem_write64 = op_mem_write64,
	.wmb	     = op_wmb,
	.delay	     = op_delay,
	.ctx	     = &plat,
};

/* ---- interrupts ------------------------------------------------------------------------- */

static struct iohost iommu;
static uint64_t plic_base;
static unsigned plic_ctx;	    /* the PLIC context wired to this hart's S-mode external irq */
static unsigned irq_fault, irq_cmd; /* PLIC sources of the fault and command-queue vectors */
static volatile unsigned faults_seen, irqs_taken, irq_last_src;
static struct iohost_fault fault_rec;
static volatile int unexpected_trap;

/**
 * trap_handler() - S-mode trap (start.S): the external interrupt claims every pending PLIC
 * source; the fault vector drains the fault queue like Linux's fault thread. Any other trap
 * ends the run with FAIL.
 */
void trap_handler(uint64_t scause, uint64_t sepc, uint64_t stval);

void trap_handler(uint64_t scause, uint64_t sepc, uint64_t stval)
{
	if (scause != (SCAUSE_INT | IRQ_S_EXT)) {
		pr("payload: FAIL unexpected trap scause 0x%lx sepc 0x%lx stval 0x%lx\n", scause,
		   sepc, stval);
		sbi_shutdown(1);
	}
	for (;;) {
		uint32_t src = mmio_rd32(plic_base + PLIC_CLAIM(plic_ctx));

		if (src == 0)
			break;
		irqs_taken++;
		irq_last_src = src;
		if (src == irq_fault) {
			/* The fault thread of Linux: drain the queue (clears ipsr.fip first). */
			struct iohost_fault rec[4];
			int n = iohost_fault_drain(&iommu, rec, 4, NULL);

			if (n > 0) {
				fault_rec = rec[0];
				faults_seen += (unsigned)n;
			}
		} else if (src == irq_cmd) {
			iommu.ops.write32(iommu.ops.ctx, RISCV_IOMMU_REG_IPSR,
					  RISCV_IOMMU_IPSR_CIP);
		} else {
			unexpected_trap = (int)src;
		}
		mmio_wr32(plic_base + PLIC_CLAIM(plic_ctx), src);
	}
}

/* ---- the DMA engine --------------------------------------------------------------------- */

static uint64_t dma_base;

/* Start a copy and wait for the engine to stop; returns the STATUS word (0 on a timeout). */
static uint32_t dma_copy(uint64_t src, uint64_t dst, uint32_t len)
{
	mmio_wr64(dma_base + DMA_SRC, src);
	mmio_wr64(dma_base + DMA_DST, dst);
	mmio_wr32(dma_base + DMA_LEN, len);
	mmio_wr32(dma_base + DMA_STATUS, DMA_ST_DONE | DMA_ST_ERROR);
	mmio_wr32(dma_base + DMA_CTRL, DMA_CTRL_START);
	for (unsigned i = 0; i < 1000000u; i++) {
		uint32_t st = mmio_rd32(dma_base + DMA_STATUS);

		if (!(st & DMA_ST_BUSY))
			return st;
	}
	return 0;
}

/* ---- device tree ------------------------------------------------------------------------ */

static int fail(const char *what)
{
	pr("payload: FAIL %s\n", what);
	return -1;
}

struct found {
	uint64_t iommu_base, dma_base;
	uint32_t dma_did;
	unsigned nr_wsi;
	uint32_t wsi_src[4];
};

static int parse_tree(const void *fdt, struct found *f)
{
	struct fdt_node iommu_node, dma_node, plic_node, ph_node;
	uint64_t size;
	uint32_t len;
	const void *val;

	if (fdt_check(fdt) != 0)
		return fail("no device tree in a1");
	pr("payload: device tree at 0x%lx, %u bytes\n", (uint64_t)fdt, fdt_totalsize(fdt));

	if (!fdt_find_compatible(fdt, "riscv,iommu", 0, &iommu_node) ||
	    fdt_reg(fdt, &iommu_node, 0, &f->iommu_base, &size) != 0)
		return fail("no riscv,iommu node with reg");
	val = fdt_prop(fdt, &iommu_node, "#iommu-cells", &len);
	if (!val || len != 4 || fdt_cell(val, 0) != 1)
		return fail("riscv,iommu: #iommu-cells is not <1>");
	val = fdt_prop(fdt, &iommu_node, "interrupts", &len);
	if (!val || len < 4 || len > 16)
		return fail("riscv,iommu: no wired interrupts");
	f->nr_wsi = len / 4;
	for (unsigned i = 0; i < f->nr_wsi; i++)
		f->wsi_src[i] = fdt_cell(val, i);
	pr("payload: found %s (riscv,iommu): registers 0x%lx, %u wired interrupts\n",
	   iommu_node.name, f->iommu_base, f->nr_wsi);

	/* The DMA engine is whichever node names this IOMMU in its "iommus". */
	val = fdt_prop(fdt, &iommu_node, "phandle", &len);
	if (!val || len != 4)
		return fail("riscv,iommu: no phandle");
	uint32_t iommu_ph = fdt_cell(val, 0);
	if (!fdt_find_compatible(fdt, "soft-iommu,copy-dma", 0, &dma_node) ||
	    fdt_reg(fdt, &dma_node, 0, &f->dma_base, &size) != 0)
		return fail("no DMA engine node");
	val = fdt_prop(fdt, &dma_node, "iommus", &len);
	if (!val || len != 8 || !fdt_find_phandle(fdt, fdt_cell(val, 0), &ph_node) ||
	    ph_node.off != iommu_node.off || fdt_cell(val, 0) != iommu_ph)
		return fail("DMA engine: iommus does not point at the IOMMU");
	f->dma_did = fdt_cell(val, 1);
	pr("payload: found %s: registers 0x%lx, iommus = <&%s %u>\n", dma_node.name, f->dma_base,
	   ph_node.name, f->dma_did);

	/* The PLIC and the context of this hart's S-mode external interrupt (cause 9). */
	if (!fdt_find_compatible(fdt, "riscv,plic0", 0, &plic_node) ||
	    fdt_reg(fdt, &plic_node, 0, &plic_base, &size) != 0)
		return fail("no riscv,plic0 node");
	val = fdt_prop(fdt, &plic_node, "interrupts-extended", &len);
	if (!val)
		return fail("PLIC: no interrupts-extended");
	plic_ctx = ~0u;
	for (unsigned i = 0; i + 1 < len / 4; i += 2) {
		if (fdt_cell(val, i + 1) == IRQ_S_EXT) {
			plic_ctx = i / 2;
			break;
		}
	}
	if (plic_ctx == ~0u)
		return fail("PLIC: no S-mode context");
	pr("payload: found %s: registers 0x%lx, S-mode context %u\n", plic_node.name, plic_base,
	   plic_ctx);
	return 0;
}

/* ---- the test --------------------------------------------------------------------------- */

static void fill(uint64_t pa, unsigned bytes, uint64_t seed)
{
	for (unsigned i = 0; i < bytes; i += 8)
		*(volatile uint64_t *)(pa + i) = seed ^ (0x9e3779b97f4a7c15ull * (i + 1));
}

static bool same(uint64_t a, uint64_t b, unsigned bytes)
{
	for (unsigned i = 0; i < bytes; i += 8) {
		if (*(volatile uint64_t *)(a + i) != *(volatile uint64_t *)(b + i))
			return false;
	}
	return true;
}

static int run(const void *fdt)
{
	struct found f;
	struct iohost_cfg cfg = {0};
	struct iohost_domain dom;
	uint64_t src, dst, iova_src, iova_dst, old;
	uint32_t st;
	int rc;

	if (parse_tree(fdt, &f) != 0)
		return -1;
	dma_base = f.dma_base;
	if ((uint32_t)mmio_rd64(dma_base + DMA_ID) != f.dma_did)
		return fail("DMA engine ID register disagrees with the device tree");

	/* Probe like Linux: wired interrupts, as many vectors as the tree gives. */
	plat.iommu_base = f.iommu_base;
	iommu.ops	= plat_ops;
	cfg.nr_irqs	= f.nr_wsi;
	cfg.use_wsi	= true;
	cfg.cq_log2sz	= 6;
	cfg.fq_log2sz	= 6;
	rc		= iohost_init(&iommu, &cfg);
	if (rc != 0) {
		pr("payload: FAIL iohost_init: %d\n", rc);
		return -1;
	}
	unsigned civ =
		(unsigned)((iommu.icvec & RISCV_IOMMU_ICVEC_CIV) >> RISCV_IOMMU_ICVEC_CIV_SHIFT);
	unsigned fiv =
		(unsigned)((iommu.icvec & RISCV_IOMMU_ICVEC_FIV) >> RISCV_IOMMU_ICVEC_FIV_SHIFT);
	irq_cmd				      = f.wsi_src[civ % f.nr_wsi];
	irq_fault			      = f.wsi_src[fiv % f.nr_wsi];
	static const char *const mode_names[] = {"Off", "Bare", "1LVL", "2LVL", "3LVL"};
	pr("payload: iommu probed (lib iohost_init): capabilities 0x%lx, ddtp %s, "
	   "cq %u / fq %u entries, wired: fault vector %u = PLIC source %u\n",
	   iommu.caps, iommu.ddt_mode < 5 ? mode_names[iommu.ddt_mode] : "?", 1u << iommu.cq.log2sz,
	   1u << iommu.fq.log2sz, fiv, irq_fault);

	/* Interrupt path: PLIC sources -> S-mode context, then sie.SEIE and sstatus.SIE. */
	for (unsigned i = 0; i < f.nr_wsi; i++)
		mmio_wr32(plic_base + PLIC_PRIO(f.wsi_src[i]), 1);
	uint32_t en = 0;
	for (unsigned i = 0; i < f.nr_wsi; i++)
		en |= 1u << f.wsi_src[i];
	mmio_wr32(plic_base + PLIC_ENABLE(plic_ctx), en);
	mmio_wr32(plic_base + PLIC_THRESH(plic_ctx), 0);
	__asm__ volatile("csrs sie, %0" ::"r"(SIE_SEIE));
	__asm__ volatile("csrs sstatus, %0" ::"r"(SSTATUS_SIE));

	/* A paging domain for the DMA engine's device_id. */
	rc = iohost_domain_init(&iommu, &dom, IOHOST_DOMAIN_PAGING, 8);
	if (rc == 0)
		rc = iohost_attach(&iommu, &dom, &f.dma_did, 1);
	if (rc != 0) {
		pr("payload: FAIL attach: %d\n", rc);
		return -1;
	}
	pr("payload: device %u attached to a paging domain (Sv39, PSCID %u)\n", f.dma_did,
	   dom.pscid);

	/* Copy a buffer through IOVAs. */
	src = op_alloc_pages(&plat, COPY_BYTES);
	dst = op_alloc_pages(&plat, COPY_BYTES);
	if (!src || !dst)
		return fail("out of memory for the buffers");
	fill(src, COPY_BYTES, 0x1234);
	rc = iohost_dma_map(&iommu, &dom, src, COPY_BYTES, IOHOST_PROT_READ, &iova_src);
	if (rc == 0)
		rc = iohost_dma_map(&iommu, &dom, dst, COPY_BYTES,
				    IOHOST_PROT_READ | IOHOST_PROT_WRITE, &iova_dst);
	if (rc != 0) {
		pr("payload: FAIL dma_map: %d\n", rc);
		return -1;
	}
	pr("payload: mapped src pa 0x%lx -> iova 0x%lx (read), dst pa 0x%lx -> iova 0x%lx "
	   "(read/write)\n",
	   src, iova_src, dst, iova_dst);
	st = dma_copy(iova_src, iova_dst, COPY_BYTES);
	if (st != DMA_ST_DONE) {
		pr("payload: FAIL DMA copy: status 0x%x, error at 0x%lx\n", st,
		   mmio_rd64(dma_base + DMA_ERR_ADDR));
		return -1;
	}
	if (!same(src, dst, COPY_BYTES))
		return fail("DMA copy: destination differs from the source");
	pr("payload: DMA copied %u bytes iova 0x%lx -> 0x%lx through the IOMMU: data matches\n",
	   COPY_BYTES, iova_src, iova_dst);
	if (faults_seen != 0 || irqs_taken != 0)
		return fail("an interrupt or fault before any fault was provoked");

	/* Unmap the destination (IOTLB invalidation + fence, like Linux), then DMA to it again. */
	rc = iohost_dma_unmap(&iommu, &dom, iova_dst, COPY_BYTES);
	if (rc != 0) {
		pr("payload: FAIL dma_unmap: %d\n", rc);
		return -1;
	}
	pr("payload: unmapped iova 0x%lx (IOTINVAL.VMA + IOFENCE.C)\n", iova_dst);
	fill(dst, COPY_BYTES, 0x5678);
	old		  = *(volatile uint64_t *)dst;
	st		  = dma_copy(iova_src, iova_dst, COPY_BYTES);
	uint64_t err_addr = mmio_rd64(dma_base + DMA_ERR_ADDR);
	if (!(st & DMA_ST_ERROR) || err_addr != iova_dst) {
		pr("payload: FAIL DMA to the unmapped iova: status 0x%x at 0x%lx\n", st, err_addr);
		return -1;
	}
	pr("payload: DMA to the unmapped iova stopped with bus error %u at iova 0x%lx\n",
	   (st >> 4) & 3u, err_addr);
	for (unsigned i = 0; i < 2000000u && faults_seen == 0; i++)
		;
	if (faults_seen == 0)
		return fail("no fault interrupt (PLIC -> S-mode) within the time bound");
	pr("payload: interrupt: PLIC source %u -> S-mode handler -> fault queue: cause %u, "
	   "device %u, iotval 0x%lx (%u record%s)\n",
	   irq_last_src, fault_rec.cause, fault_rec.did, fault_rec.iotval, faults_seen,
	   faults_seen == 1 ? "" : "s");
	if (fault_rec.cause != CAUSE_WR_PAGE || fault_rec.did != f.dma_did ||
	    fault_rec.iotval != iova_dst || irq_last_src != irq_fault)
		return fail("the fault record is not the expected store page fault");
	if (*(volatile uint64_t *)dst != old)
		return fail("the unmapped destination was written");

	/*
	 * A mapping to a physical address the SoC does not have (dst + 4 GiB: the same low 32 bits
	 * as dst). The translated DMA must end with a bus error and must not alias onto dst.
	 */
	uint64_t iova_hi, pa_hi = dst + (1ull << 32);
	rc = iohost_dma_map(&iommu, &dom, pa_hi, COPY_BYTES, IOHOST_PROT_READ | IOHOST_PROT_WRITE,
			    &iova_hi);
	if (rc != 0) {
		pr("payload: FAIL dma_map above 4 GiB: %d\n", rc);
		return -1;
	}
	st	 = dma_copy(iova_src, iova_hi, COPY_BYTES);
	err_addr = mmio_rd64(dma_base + DMA_ERR_ADDR);
	if (!(st & DMA_ST_ERROR) || err_addr != iova_hi || *(volatile uint64_t *)dst != old) {
		pr("payload: FAIL DMA to pa 0x%lx: status 0x%x at 0x%lx, dst %s\n", pa_hi, st,
		   err_addr, *(volatile uint64_t *)dst != old ? "overwritten" : "intact");
		return -1;
	}
	pr("payload: DMA to iova 0x%lx mapped at pa 0x%lx (no memory there) stopped with bus "
	   "error %u, nothing aliased\n",
	   iova_hi, pa_hi, (st >> 4) & 3u);
	rc = iohost_dma_unmap(&iommu, &dom, iova_hi, COPY_BYTES);
	if (rc != 0) {
		pr("payload: FAIL dma_unmap: %d\n", rc);
		return -1;
	}
	if (unexpected_trap)
		return fail("an interrupt from an unexpected PLIC source");
	return 0;
}

/** payload_main() - entry from start.S with OpenSBI's a0 (hart id) and a1 (device tree). */
void payload_main(unsigned long hartid, const void *fdt);

void payload_main(unsigned long hartid, const void *fdt)
{
	long impl, ver;

	sbi_impl(&impl, &ver);
	pr("payload: S-mode driver on hart %lu, SBI implementation %ld version 0x%lx\n", hartid,
	   impl, ver);
	if (run(fdt) == 0) {
		pr("payload: PASS\n");
		sbi_shutdown(0);
	}
	sbi_shutdown(1);
}
