/* SPDX-License-Identifier: Apache-2.0 */
/*
 * MSI address translation, basic mode (spec "Process to translate addresses of MSIs", issue 5): a
 * G-stage context (Sv39x4, GSCID 5, first stage Bare) with msiptp Flat and an IMSIC-like layout
 * (guest interrupt files at GPA pages MSI_GPA + I, I = 0..3). Device writes to each interrupt-file
 * page arrive at the PTE's SPA page; an address outside the pattern goes through the G-stage; exec
 * to an MSI page is cause 1 (datapath); 261 (PTE bus error), 262 (V=0) and 263 (M=2, C=1) are
 * firmware-written records; after a PTE change + IOTINVAL.GVMA the new target is used. Every DMA
 * goes through the scoreboard.
 */
#include "golden.h"
#include "tb.h"
#include "tb_regs.h"

/* clang-format off */
#define DDT_ROOT   0x80100000ull
#define G_ROOT     0x80140000ull /* Sv39x4 root (16 KiB), L1 at +0x4000, L0 at +0x5000 */
#define MSI_PT     0x80150000ull /* flat MSI page table, 16-byte PTEs */
#define CQ_BASE    0x80160000ull
#define DATA_C     0x80202000ull
#define IF0_SPA    0x80400000ull /* "IMSIC" guest interrupt files (SPA) */
#define IF1_SPA    0x80401000ull
#define IF0_NEW    0x80402000ull
#define FQ_BASE    0x80300000ull
#define FQ_LOG2    6u
#define CQ_LOG2    4u
#define DATA_GPA   0x20000000ull
#define MSI_GPA    0x28000000ull /* interrupt file I at MSI_GPA + I * 4 KiB */
#define MSI_MASK   0x3ull        /* page-number bits of I */
#define GSCID      5ull

#define TC_V       1ull
#define SV39X4     (8ull << 60)
#define FLAT       (1ull << 60)
#define PTE_LEAF   0xd7ull /* V R W U A D */
#define MSIPTE(pa) ((((pa) >> 12) << 10) | (3ull << 1) | 1ull) /* basic, V */
/* clang-format on */

static uint32_t cq_tail;

static uint64_t gm_rd(void *ctx, uint64_t pa, bool *err)
{
	(void)ctx;
	*err = mem_is_error(pa);
	return mem_rd64(pa);
}

static uint64_t nl(uint64_t pa)
{
	return (pa >> 12) << 10 | 1;
}

static void setup(void)
{
	static const uint64_t zero[512];
	uint64_t dc[8] = {TC_V,
			  SV39X4 | GSCID << 44 | G_ROOT >> 12,
			  0,
			  0,
			  FLAT | MSI_PT >> 12,
			  MSI_MASK,
			  MSI_GPA >> 12,
			  0};
	bool ok;

	for (uint64_t a = G_ROOT; a < G_ROOT + 0x6000; a += 0x1000)
		mem_wr(a, zero, sizeof(zero));
	mem_wr(MSI_PT, zero, sizeof(zero));
	mem_wr(DDT_ROOT, zero, sizeof(zero));
	/* G-stage: DATA_GPA -> DATA_C (the MSI pages are not mapped: MSI translation only) */
	mem_wr64(G_ROOT + 8 * (DATA_GPA >> 30), nl(G_ROOT + 0x4000));
	mem_wr64(G_ROOT + 0x4000 + 8 * ((DATA_GPA >> 21) & 0x1ff), nl(G_ROOT + 0x5000));
	mem_wr64(G_ROOT + 0x5000 + 8 * ((DATA_GPA >> 12) & 0x1ff), (DATA_C >> 12) << 10 | PTE_LEAF);
	mem_wr64(MSI_PT + 16 * 0, MSIPTE(IF0_SPA));
	mem_wr64(MSI_PT + 16 * 1, MSIPTE(IF1_SPA));
	mem_wr64(MSI_PT + 16 * 2, MSIPTE(IF1_SPA) & ~1ull);			 /* V=0: 262 */
	mem_wr64(MSI_PT + 16 * 3, (MSIPTE(IF1_SPA) & ~(3ull << 1)) | 2ull << 1); /* M=2: 263 */
	mem_wr(DDT_ROOT + 64, dc, sizeof(dc));					 /* did 1 */

	host_write64(RISCV_IOMMU_REG_FQB, (FQ_BASE >> 12) << TB_QB_PPN_SHIFT | (FQ_LOG2 - 1));
	host_write32(RISCV_IOMMU_REG_FQH, 0);
	host_write32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_EN | TB_QCSR_IE);
	host_poll32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	cq_tail = 0;
	host_write64(RISCV_IOMMU_REG_CQB, (CQ_BASE >> 12) << TB_QB_PPN_SHIFT | (CQ_LOG2 - 1));
	host_write32(RISCV_IOMMU_REG_CQT, 0);
	host_write32(RISCV_IOMMU_REG_CQCSR, TB_QCSR_EN);
	host_poll32(RISCV_IOMMU_REG_CQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	host_write64(RISCV_IOMMU_REG_DDTP, (DDT_ROOT >> 12) << TB_DDTP_PPN_SHIFT | TB_DDTP_1LVL);
	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
}

/* One command through the CQ, waiting until cqh passes it. */
static void cq_cmd(uint64_t dw0, uint64_t dw1)
{
	bool ok;

	mem_wr64(CQ_BASE + 16ull * cq_tail, dw0);
	mem_wr64(CQ_BASE + 16ull * cq_tail + 8, dw1);
	cq_tail = (cq_tail + 1) & ((1u << CQ_LOG2) - 1);
	host_write32(RISCV_IOMMU_REG_CQT, cq_tail);
	host_poll32(RISCV_IOMMU_REG_CQH, 0xffffffffu, cq_tail, 200000, &ok);
	CHECK(ok);
}

/* A single-beat write must land at @spa (and nowhere else of the two interrupt files). */
static void msi_write(const struct dma_attr *a, uint64_t gpa, uint64_t spa, uint64_t val)
{
	uint64_t d[1] = {val};

	CHECK_EQ(dma_write(a, gpa, d, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(spa), val);
}

/* A fault the firmware reports: the golden model agrees on @cause, the record matches it. */
static void fw_fault(const struct dma_attr *a, bool write, uint64_t iova, unsigned cause)
{
	struct gm_env env = {.rd64 = gm_rd,
			     .ddtp = host_read64(RISCV_IOMMU_REG_DDTP),
			     .caps = host_read64(RISCV_IOMMU_REG_CAPABILITIES),
			     .fctl = host_read32(RISCV_IOMMU_REG_FCTL)};
	struct gm_req req = {
		.did = a->did, .exec = a->exec && !write, .write = write, .iova = iova, .beats = 1};
	uint32_t t0   = host_read32(RISCV_IOMMU_REG_FQT);
	uint64_t d[1] = {0x1234}, rec[4];
	struct gm_res res;
	bool ok;

	gm_translate(&env, &req, &res);
	CHECK(res.fault);
	CHECK_EQ(res.cause, cause);
	CHECK(res.report);
	if (write)
		CHECK_EQ(dma_write(a, iova, d, 1), AXI_SLVERR);
	else
		CHECK_EQ(dma_read(a, iova, d, 1), AXI_SLVERR);
	host_poll32(RISCV_IOMMU_REG_FQT, 0xffffffffu, (t0 + 1) & ((1u << FQ_LOG2) - 1), 400000,
		    &ok);
	CHECK(ok);
	mem_rd(FQ_BASE + 32ull * t0, rec, sizeof(rec));
	CHECK_EQ(rec[0] & 0xfff, res.cause);
	CHECK_EQ((rec[0] >> 34) & 0x3f, res.ttyp);
	CHECK_EQ(rec[0] >> 40, a->did);
	CHECK_EQ(rec[2], res.iotval);
	CHECK_EQ(rec[3], res.iotval2);
}

TB_TEST(msi_basic)
{
	struct dma_attr a = {.did = 1, .id = 4};
	uint64_t r[2] = {0, 0}, w[2] = {0x1111222233334444ull, 0x5555666677778888ull};
	unsigned nfault;

	CHECK(tb_wait_fw_boot());
	setup();
	/* seteipnum_le of each guest interrupt file: MSI miss, firmware fill, then hits */
	msi_write(&a, MSI_GPA, IF0_SPA, 7);
	msi_write(&a, MSI_GPA + 0x1000, IF1_SPA, 9);
	msi_write(&a, MSI_GPA + 0x1000, IF1_SPA, 10);
	msi_write(&a, MSI_GPA + 0x8, IF0_SPA + 0x8, 0x21);
	CHECK_EQ(mem_rd64(IF0_SPA), 7);
	/* outside the pattern: the G-stage */
	CHECK_EQ(dma_write(&a, DATA_GPA + 0x40, w, 2), AXI_OKAY);
	CHECK_EQ(dma_read(&a, DATA_GPA + 0x40, r, 2), AXI_OKAY);
	CHECK_EQ(r[0], w[0]);
	CHECK_EQ(r[1], w[1]);
	CHECK_EQ(mem_rd64(DATA_C + 0x40), w[0]);
	/* exec to an MSI page: cause 1 from the datapath (fault tap, scoreboard) */
	nfault = (unsigned)tb_fault_count();
	a.exec = true;
	CHECK_EQ(dma_read(&a, MSI_GPA + 0x1000, r, 1), AXI_SLVERR);
	a.exec = false;
	CHECK_EQ(tb_fault_count(), nfault + 1);
	if (tb_fault_count() > nfault)
		CHECK_EQ(tb_fault_get(nfault)->cause, 1);
	/* a read of an interrupt file page is translated too (R=W=1) */
	CHECK_EQ(dma_read(&a, MSI_GPA, r, 1), AXI_OKAY);
	CHECK_EQ(r[0], 7);
}

TB_TEST(msi_faults_inval)
{
	struct dma_attr a = {.did = 1, .id = 5};

	CHECK(tb_wait_fw_boot());
	setup();
	fw_fault(&a, true, MSI_GPA + 0x2000, 262); /* V=0 */
	fw_fault(&a, true, MSI_GPA + 0x3000, 263); /* M=2 */
	a.exec = true;
	fw_fault(&a, false, MSI_GPA + 0x2000, 262); /* the PTE is judged before X */
	a.exec = false;
	mem_wr64(MSI_PT + 16 * 3, MSIPTE(IF1_SPA) | 1ull << 63); /* C=1: 263 */
	fw_fault(&a, true, MSI_GPA + 0x3000, 263);
	/* a bus error on the MSI PTE read: 261 (file 1 is not cached yet in this test) */
	mem_set_error(MSI_PT + 16 * 1, MSI_PT + 16 * 2, true);
	fw_fault(&a, true, MSI_GPA + 0x1000, 261);
	mem_set_error(MSI_PT + 16 * 1, MSI_PT + 16 * 2, false);
	/* cached target, then a new PTE: still the old target until IOTINVAL.GVMA */
	msi_write(&a, MSI_GPA, IF0_SPA, 0x55);
	mem_wr64(MSI_PT, MSIPTE(IF0_NEW));
	cq_cmd(0x81 | 1ull << 33 | GSCID << 44, 0); /* IOTINVAL.GVMA GV=1 */
	msi_write(&a, MSI_GPA, IF0_NEW, 0x66);
	CHECK_EQ(mem_rd64(IF0_SPA), 0x55);
	/* IOTINVAL.GVMA without GV flushes as well */
	mem_wr64(MSI_PT, MSIPTE(IF0_SPA));
	cq_cmd(0x81, 0);
	msi_write(&a, MSI_GPA, IF0_SPA, 0x77);
	CHECK_EQ(mem_rd64(IF0_NEW), 0x66);
}

/*
 * MSI after a first-stage walk (spec "Process to translate an IOVA", MSI check on the GPA): did 2
 * has an Sv39 first stage (iosatp in the DC, no PDT) nested in the Sv39x4 G-stage of did 1 (GSCID
 * 5; msiptp Flat needs a G-stage). Its first-stage tables live at GPA S1_GPA (G-stage mapped onto
 * S1_ROOT). The first stage maps S1_IOVA onto the interrupt file 1 page, S1_IOVA + 4 KiB onto
 * DATA_GPA and S1_IOVA + 8 KiB onto interrupt file 2 (V=0). The walker's GPA is checked against the
 * pattern: a match is translated by the MSI-PTE cache (first a firmware MSI_MISS from the miss
 * queue), never by the G-stage.
 */
/* clang-format off */
#define MRIF_A     0x80410000ull /* 512-byte MRIF */
#define NOTICE     0x80411000ull /* notice MSI target page */
#define NID        0x405u        /* N10 = 1, N = 5 */
#define MRIFPTE(m) (((m) >> 9) << 7 | (1ull << 1) | 1ull)
#define MRIFDW1    ((NOTICE >> 12) << 10 | (NID & 0x3ffull) | (uint64_t)(NID >> 10) << 60)
/* clang-format on */

/* clang-format off */
#define S1_ROOT    0x80170000ull /* Sv39 root, L1 at +0x1000, L0 at +0x2000 (SPA) */
#define S1_GPA     0x30000000ull /* the same three pages as GPAs; G-stage L0 at S1_ROOT + 0x3000 */
#define S1_IOVA    0x40000000ull
#define SV39       (8ull << 60)
/* clang-format on */

TB_TEST(msi_first_stage)
{
	static const uint64_t zero[512];
	struct dma_attr a = {.did = 2, .id = 6};
	uint64_t dc[8]	  = {TC_V,
			     SV39X4 | GSCID << 44 | G_ROOT >> 12,
			     0,
			     SV39 | S1_GPA >> 12,
			     FLAT | MSI_PT >> 12,
			     MSI_MASK,
			     MSI_GPA >> 12,
			     0};
	uint64_t w[2] = {0xa5a5a5a5a5a5a5a5ull, 0x5a5a5a5a5a5a5a5aull}, r[2] = {0, 0};

	CHECK(tb_wait_fw_boot());
	setup();
	for (uint64_t p = S1_ROOT; p < S1_ROOT + 0x4000; p += 0x1000)
		mem_wr(p, zero, sizeof(zero));
	/* G-stage: S1_GPA + n * 4 KiB -> S1_ROOT + n * 4 KiB (n = 0..2) */
	mem_wr64(G_ROOT + 0x4000 + 8 * ((S1_GPA >> 21) & 0x1ff), nl(S1_ROOT + 0x3000));
	for (uint64_t n = 0; n < 3; n++)
		mem_wr64(S1_ROOT + 0x3000 + 8 * n, ((S1_ROOT >> 12) + n) << 10 | PTE_LEAF);
	mem_wr64(S1_ROOT + 8 * (S1_IOVA >> 30), nl(S1_GPA + 0x1000));
	mem_wr64(S1_ROOT + 0x1000 + 8 * ((S1_IOVA >> 21) & 0x1ff), nl(S1_GPA + 0x2000));
	mem_wr64(S1_ROOT + 0x2000, ((MSI_GPA + 0x1000) >> 12) << 10 | PTE_LEAF);
	mem_wr64(S1_ROOT + 0x2008, (DATA_GPA >> 12) << 10 | PTE_LEAF);
	mem_wr64(S1_ROOT + 0x2010, ((MSI_GPA + 0x2000) >> 12) << 10 | PTE_LEAF);
	mem_wr(DDT_ROOT + 128, dc, sizeof(dc)); /* did 2 */
	/* first MSI: walk, MSI_MISS from the miss queue, firmware fill, retry hits */
	msi_write(&a, S1_IOVA, IF1_SPA, 0x31);
	msi_write(&a, S1_IOVA + 0x10, IF1_SPA + 0x10, 0x32);
	CHECK_EQ(mem_rd64(IF1_SPA), 0x31);
	/* a read of the interrupt-file page through the first stage */
	CHECK_EQ(dma_read(&a, S1_IOVA, r, 1), AXI_OKAY);
	CHECK_EQ(r[0], 0x31);
	/* the neighbouring first-stage page is ordinary memory (through the G-stage) */
	CHECK_EQ(dma_write(&a, S1_IOVA + 0x1040, w, 2), AXI_OKAY);
	CHECK_EQ(dma_read(&a, S1_IOVA + 0x1040, r, 2), AXI_OKAY);
	CHECK_EQ(r[0], w[0]);
	CHECK_EQ(r[1], w[1]);
	CHECK_EQ(mem_rd64(DATA_C + 0x48), w[1]);
	/* MSI PTE V=0 behind the first stage: 262 by firmware, iotval = IOVA */
	fw_fault(&a, true, S1_IOVA + 0x2000, 262);
	/* after IOTINVAL.GVMA the MSI-PTE cache is refilled (miss queue path again) */
	mem_wr64(MSI_PT + 16 * 1, MSIPTE(IF0_NEW));
	cq_cmd(0x81, 0);
	msi_write(&a, S1_IOVA + 0x8, IF0_NEW + 0x8, 0x33);
	/* an MRIF-mode PTE behind the first stage: the miss-queue slot hands the write over */
	mem_wr(MRIF_A, zero, 512);
	mem_wr64(MSI_PT + 16 * 2, MRIFPTE(MRIF_A));
	mem_wr64(MSI_PT + 16 * 2 + 8, MRIFDW1);
	CHECK_EQ(dma_write32(&a, S1_IOVA + 0x2000, 65), AXI_OKAY);
	CHECK_EQ(mem_rd64(MRIF_A + 0x10), 2ull);
}

/*
 * MRIF mode (M=1, issue 5 item 3): interrupt file 3 becomes an MRIF-mode PTE. Firmware
 * takes each write (never cached): a 4-byte write of identity i sets pending bit i of the MRIF
 * (pending doubleword i/64 at +16*(i/64), enable doubleword after it); when i is enabled the
 * notice MSI (data NID) arrives at NPPN<<12. An 8-byte write is not an MSI: discarded, OKAY. An
 * MRIF bus error is 264 (firmware record), the device gets SLVERR.
 */

TB_TEST(msi_mrif)
{
	static const uint64_t zero[512];
	struct dma_attr a = {.did = 1, .id = 7};
	uint64_t iova = MSI_GPA + 0x3000, d[1] = {5}, rec[4];
	uint32_t t0;
	bool ok;

	CHECK(tb_wait_fw_boot());
	setup();
	mem_wr(MRIF_A, zero, 512);
	mem_wr(NOTICE, zero, 64);
	mem_wr64(MSI_PT + 16 * 3, MRIFPTE(MRIF_A));
	mem_wr64(MSI_PT + 16 * 3 + 8, MRIFDW1);
	mem_wr64(MRIF_A + 0x18, 1ull << 6); /* identity 70 enabled */
	/* identity 3, not enabled: pending, no notice */
	CHECK_EQ(dma_write32(&a, iova, 3), AXI_OKAY);
	CHECK_EQ(mem_rd64(MRIF_A), 1ull << 3);
	CHECK_EQ(mem_rd64(NOTICE), 0);
	/* identity 70, enabled: pending, notice NID at NPPN<<12 */
	CHECK_EQ(dma_write32(&a, iova, 70), AXI_OKAY);
	CHECK_EQ(mem_rd64(MRIF_A + 0x10), 1ull << 6);
	CHECK_EQ(mem_rd64(MRIF_A + 0x18), 1ull << 6);
	CHECK_EQ(mem_rd64(NOTICE), NID);
	mem_wr64(NOTICE, 0);
	/* identity 4, not enabled: the other bits of the doubleword stay */
	CHECK_EQ(dma_write32(&a, iova, 4), AXI_OKAY);
	CHECK_EQ(mem_rd64(MRIF_A), 3ull << 3);
	CHECK_EQ(mem_rd64(NOTICE), 0);
	/* an 8-byte write is not an MSI: discarded, OKAY */
	CHECK_EQ(dma_write(&a, iova, d, 1), AXI_OKAY);
	CHECK_EQ(mem_rd64(MRIF_A), 3ull << 3);
	/* the basic-mode interrupt files still work next to it */
	msi_write(&a, MSI_GPA, IF0_SPA, 0x99);
	/* MRIF access fault: 264 by firmware, SLVERR */
	t0 = host_read32(RISCV_IOMMU_REG_FQT);
	mem_set_error(MRIF_A, MRIF_A + 512, true);
	CHECK_EQ(dma_write32(&a, iova, 9), AXI_SLVERR);
	mem_set_error(MRIF_A, MRIF_A + 512, false);
	host_poll32(RISCV_IOMMU_REG_FQT, 0xffffffffu, (t0 + 1) & ((1u << FQ_LOG2) - 1), 400000,
		    &ok);
	CHECK(ok);
	mem_rd(FQ_BASE + 32ull * t0, rec, sizeof(rec));
	CHECK_EQ(rec[0] & 0xfff, 264);
	CHECK_EQ((rec[0] >> 34) & 0x3f, 3); /* untranslated write */
	CHECK_EQ(rec[0] >> 40, a.did);
	CHECK_EQ(rec[2], iova);
	CHECK_EQ(mem_rd64(MRIF_A), 3ull << 3);
	/* and MSIs work again afterwards */
	CHECK_EQ(dma_write32(&a, iova, 70), AXI_OKAY);
	CHECK_EQ(mem_rd64(NOTICE), NID);
}

/*
 * MRIF pending bit against a concurrent writer (issue 5 item 3, datapath.md §7b): another agent
 * (the read hook below) sets a different bit of the same pending doubleword right after the
 * firmware read it, before its store. The exclusive store then fails (OKAY, nothing written) and
 * firmware retries: both bits end up set. An agent that keeps winning makes the firmware give up
 * after 16 tries with cause 264 (record, SLVERR) instead of losing either update.
 */
struct mrif_race {
	uint64_t pa;	  /* pending doubleword watched */
	uint64_t bit;	  /* the other agent's bit */
	unsigned left;	  /* firmware reads still to race with */
	unsigned excl_rd; /* firmware exclusive reads seen */
};

static void mrif_race_hook(void *ctx, uint64_t pa, unsigned id, bool excl)
{
	struct mrif_race *r = ctx;

	if (pa != r->pa || id >> 4 != MEM_SRC_FW)
		return;
	r->excl_rd += excl;
	if (r->left) {
		r->left--;
		/* another agent's write: lands between this read and the firmware's store */
		mem_wr64(pa, mem_rd64(pa) | r->bit);
	}
}

TB_TEST(msi_mrif_race)
{
	static const uint64_t zero[512];
	struct dma_attr a     = {.did = 1, .id = 7};
	uint64_t iova	      = MSI_GPA + 0x3000, rec[4];
	struct mrif_race race = {.pa = MRIF_A + 0x20, .bit = 1ull << 9};
	unsigned ok0, fail0, ok1, fail1;
	uint32_t t0;
	bool ok;

	CHECK(tb_wait_fw_boot());
	setup();
	mem_wr(MRIF_A, zero, 512);
	mem_wr(NOTICE, zero, 64);
	mem_wr64(MSI_PT + 16 * 3, MRIFPTE(MRIF_A));
	mem_wr64(MSI_PT + 16 * 3 + 8, MRIFDW1);
	mem_wr64(MRIF_A + 0x28, 1ull << 2); /* identity 130 enabled */
	mem_set_read_hook(mrif_race_hook, &race);
	/* identity 130 while the agent sets identity 137 once: both pending, notice sent */
	race.left = 1;
	mem_excl_count(&ok0, &fail0);
	CHECK_EQ(dma_write32(&a, iova, 130), AXI_OKAY);
	mem_excl_count(&ok1, &fail1);
	CHECK_EQ(mem_rd64(MRIF_A + 0x20), (1ull << 2) | (1ull << 9));
	CHECK_EQ(mem_rd64(NOTICE), NID);
	CHECK_EQ(race.left, 0);
	CHECK_EQ(race.excl_rd, 2); /* the first pair failed, the second one stored */
	CHECK_EQ(fail1 - fail0, 1);
	CHECK_EQ(ok1 - ok0, 1);
	mem_wr64(NOTICE, 0);
	/* three races in a row (identity 131, agent bit 10): four tries, nothing lost */
	race.bit     = 1ull << 10;
	race.left    = 3;
	race.excl_rd = 0;
	CHECK_EQ(dma_write32(&a, iova, 131), AXI_OKAY);
	CHECK_EQ(mem_rd64(MRIF_A + 0x20), (1ull << 2) | (1ull << 3) | (1ull << 9) | (1ull << 10));
	CHECK_EQ(race.excl_rd, 4);
	CHECK_EQ(mem_rd64(NOTICE), 0); /* 131 not enabled */
	/* an agent that always wins (bit 11): 16 tries, then 264 and SLVERR; the agent's bit stays */
	race.bit     = 1ull << 11;
	race.left    = 1000;
	race.excl_rd = 0;
	t0	     = host_read32(RISCV_IOMMU_REG_FQT);
	sb_enable(false); /* the scoreboard's MRIF model knows no other agent */
	CHECK_EQ(dma_write32(&a, iova, 132), AXI_SLVERR);
	sb_enable(true);
	host_poll32(RISCV_IOMMU_REG_FQT, 0xffffffffu, (t0 + 1) & ((1u << FQ_LOG2) - 1), 400000,
		    &ok);
	CHECK(ok);
	mem_rd(FQ_BASE + 32ull * t0, rec, sizeof(rec));
	CHECK_EQ(rec[0] & 0xfff, 264);
	CHECK_EQ(rec[2], iova);
	CHECK_EQ(race.excl_rd, 16);
	CHECK_EQ(mem_rd64(MRIF_A + 0x20) >> 4, (1ull << 9 | 1ull << 10 | 1ull << 11) >> 4);
	CHECK_EQ(mem_rd64(MRIF_A + 0x20) & (1ull << 4), 0);
	mem_set_read_hook(NULL, NULL);
}
