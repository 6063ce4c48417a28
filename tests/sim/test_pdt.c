/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Firmware PDT walk on a context miss (spec 2.3.2): PD8 and PD17 tables, two
 * process_ids of one device with different first-stage tables, DPE / no-PASID rules, ENS=0
 * supervisor (260 from the datapath), a G-stage (Sv39x4) for the PDT, and each PDT fault
 * (265/266/267, 260 process_id too wide, guest-page fault on the implicit PDT read). Every
 * translated DMA goes through the scoreboard; a firmware-written record (not on the fault tap)
 * is compared field by field with the golden model's outcome.
 */
#include "golden.h"
#include "tb.h"
#include "tb_regs.h"

/* clang-format off */
#define DDT_ROOT   0x80100000ull
#define PDT8       0x80110000ull
#define PDT17_ROOT 0x80111000ull
#define PDT17_LEAF 0x80112000ull
#define PDT_G      0x80113000ull /* PD8 of the G-stage device (GPA PDT_GPA) */
#define PT_A       0x80120000ull /* Sv39: root, +0x1000 L1, +0x2000 L0 */
#define PT_B       0x80130000ull
#define G_ROOT     0x80140000ull /* Sv39x4 root (16 KiB), L1 at +0x4000, L0s at +0x5000/+0x6000 */
#define DATA_A     0x80200000ull
#define DATA_B     0x80201000ull
#define DATA_C     0x80202000ull
#define FQ_BASE    0x80300000ull
#define FQ_LOG2    6u
#define IOVA       0x40000000ull
#define PDT_GPA    0x10000000ull
#define DATA_GPA   0x20000000ull
#define BAD_GPA    0x30000000ull

#define TC_V       1ull
#define TC_DTF     (1ull << 4)
#define TC_PDTV    (1ull << 5)
#define TC_DPE     (1ull << 9)
#define PD8        (1ull << 60)
#define PD17       (2ull << 60)
#define SV39       (8ull << 60)
#define SATP_RSVD  (11ull << 60) /* a reserved iosatp mode */
#define SV39X4     (8ull << 60)
#define PC_V       1ull
#define PC_ENS     2ull
#define PTE_LEAF   0xd7ull /* V R W U A D */
/* clang-format on */

static uint64_t err_lo, err_hi; /* the golden model's view of mem_set_error() */

static uint64_t gm_rd(void *ctx, uint64_t pa, bool *err)
{
	(void)ctx;
	if (pa >= err_lo && pa < err_hi)
		*err = true;
	return mem_rd64(pa);
}

static void set_error(uint64_t lo, uint64_t hi, bool on)
{
	mem_set_error(lo, hi, on);
	err_lo = on ? lo : 0;
	err_hi = on ? hi : 0;
}

static void setup(void)
{
	static const uint64_t zero[512];
	static const uint64_t tables[] = {DDT_ROOT,
					  PDT8,
					  PDT17_ROOT,
					  PDT17_LEAF,
					  PDT_G,
					  PT_A,
					  PT_A + 0x1000,
					  PT_A + 0x2000,
					  PT_B,
					  PT_B + 0x1000,
					  PT_B + 0x2000,
					  G_ROOT,
					  G_ROOT + 0x1000,
					  G_ROOT + 0x2000,
					  G_ROOT + 0x3000,
					  G_ROOT + 0x4000,
					  G_ROOT + 0x5000,
					  G_ROOT + 0x6000};
	bool ok;

	for (unsigned i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		mem_wr(tables[i], zero, sizeof(zero));
	host_write64(RISCV_IOMMU_REG_FQB, (FQ_BASE >> 12) << TB_QB_PPN_SHIFT | (FQ_LOG2 - 1));
	host_write32(RISCV_IOMMU_REG_FQH, 0);
	host_write32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_EN | TB_QCSR_IE);
	host_poll32(RISCV_IOMMU_REG_FQCSR, TB_QCSR_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	host_write64(RISCV_IOMMU_REG_DDTP, (DDT_ROOT >> 12) << TB_DDTP_PPN_SHIFT | TB_DDTP_1LVL);
	host_poll32(RISCV_IOMMU_REG_DDTP, (uint32_t)TB_DDTP_BUSY, 0, TB_POLL_CYCLES, &ok);
	CHECK(ok);
	CHECK_EQ(host_read64(RISCV_IOMMU_REG_DDTP) & TB_DDTP_MODE_MASK, TB_DDTP_1LVL);
}

static void put_dc(uint32_t did, uint64_t tc, uint64_t iohgatp, uint64_t fsc)
{
	uint64_t dc[8] = {tc, iohgatp, 0, fsc, 0, 0, 0, 0};

	mem_wr(DDT_ROOT + 64ull * did, dc, sizeof(dc));
}

static void put_pc(uint64_t at, uint64_t ta, uint64_t fsc)
{
	mem_wr64(at, ta);
	mem_wr64(at + 8, fsc);
}

static uint64_t nl(uint64_t pa)
{
	return (pa >> 12) << 10 | 1;
}

/* Sv39 (root, +4K, +8K) or Sv39x4 (root 16K, l1/l0 given): map one 4 KiB page. */
static void map(uint64_t root, uint64_t l1, uint64_t l0, uint64_t va, uint64_t pa, bool x4)
{
	uint64_t i2 = (va >> 30) & (x4 ? 0x7ff : 0x1ff);

	mem_wr64(root + 8 * i2, nl(l1));
	mem_wr64(l1 + 8 * ((va >> 21) & 0x1ff), nl(l0));
	mem_wr64(l0 + 8 * ((va >> 12) & 0x1ff), (pa >> 12) << 10 | PTE_LEAF);
}

static void rw(const struct dma_attr *a, uint64_t iova, uint64_t val)
{
	uint64_t r[2] = {0, 0}, w[2] = {val, ~val};

	CHECK_EQ(dma_write(a, iova, w, 2), AXI_OKAY);
	CHECK_EQ(dma_read(a, iova, r, 2), AXI_OKAY);
	CHECK_EQ(r[0], val);
	CHECK_EQ(r[1], ~val);
}

/*
 * A fault the firmware reports (the fault tap does not see it): the golden model must agree on
 * @cause; the DMA gets SLVERR and the FQ record matches the model's field by field.
 */
static void fw_fault_n(const struct dma_attr *a, bool write, uint64_t iova, unsigned beats,
		       unsigned cause)
{
	struct gm_env env = {.rd64 = gm_rd,
			     .ddtp = host_read64(RISCV_IOMMU_REG_DDTP),
			     .caps = host_read64(RISCV_IOMMU_REG_CAPABILITIES),
			     .fctl = host_read32(RISCV_IOMMU_REG_FCTL)};
	struct gm_req req = {.did   = a->did,
			     .pid   = a->pid,
			     .pv    = a->pv,
			     .priv  = a->priv,
			     .exec  = a->exec && !write,
			     .write = write,
			     .iova  = iova,
			     .beats = beats};
	uint32_t t0	  = host_read32(RISCV_IOMMU_REG_FQT);
	uint64_t d[2]	  = {0x1234, 0x5678}, rec[4];
	struct gm_res res;
	bool ok;

	gm_translate(&env, &req, &res);
	CHECK(res.fault);
	CHECK_EQ(res.cause, cause);
	CHECK(res.report);
	CHECK(beats >= 1 && beats <= 2);
	if (write)
		CHECK_EQ(dma_write(a, iova, d, beats), AXI_SLVERR);
	else
		CHECK_EQ(dma_read(a, iova, d, beats), AXI_SLVERR);
	host_poll32(RISCV_IOMMU_REG_FQT, 0xffffffffu, (t0 + 1) & ((1u << FQ_LOG2) - 1), 400000,
		    &ok);
	CHECK(ok);
	mem_rd(FQ_BASE + 32ull * t0, rec, sizeof(rec));
	CHECK_EQ(rec[0] & 0xfff, res.cause);
	CHECK_EQ((rec[0] >> 12) & 0xfffff, a->pv ? a->pid : 0);
	CHECK_EQ((rec[0] >> 32) & 1, a->pv);
	CHECK_EQ((rec[0] >> 33) & 1, a->pv && a->priv);
	CHECK_EQ((rec[0] >> 34) & 0x3f, res.ttyp);
	CHECK_EQ(rec[0] >> 40, a->did);
	CHECK_EQ(rec[1], 0);
	CHECK_EQ(rec[2], res.iotval);
	CHECK_EQ(rec[3], res.iotval2);
	CHECK(sb_fq_match_raw(rec)); /* the record the scoreboard expects from the firmware */
	host_write32(RISCV_IOMMU_REG_FQH, (t0 + 1) & ((1u << FQ_LOG2) - 1));
	host_write32(RISCV_IOMMU_REG_IPSR, 2);
}

static void fw_fault(const struct dma_attr *a, bool write, uint64_t iova, unsigned cause)
{
	fw_fault_n(a, write, iova, 1, cause);
}

/* did 1 PD8, did 2 PD17, did 3 PD8+DPE, did 4 PD8 without DPE, did 5 PD8 under Sv39x4. */
static void build(void)
{
	uint64_t gl1 = G_ROOT + 0x4000;

	map(PT_A, PT_A + 0x1000, PT_A + 0x2000, IOVA, DATA_A, false);
	map(PT_B, PT_B + 0x1000, PT_B + 0x2000, IOVA, DATA_B, false);
	put_dc(1, TC_V | TC_PDTV, 0, PD8 | PDT8 >> 12);
	put_pc(PDT8 + 16 * 5, PC_V | PC_ENS | 0x55ull << 12, SV39 | PT_A >> 12);
	put_pc(PDT8 + 16 * 9, PC_V | 0x99ull << 12, SV39 | PT_B >> 12); /* ENS=0 */
	put_pc(PDT8 + 16 * 0, PC_V | 0x33ull << 12, SV39 | PT_B >> 12);
	put_dc(2, TC_V | TC_PDTV, 0, PD17 | PDT17_ROOT >> 12);
	mem_wr64(PDT17_ROOT + 8 * 0x102, nl(PDT17_LEAF));
	put_pc(PDT17_LEAF + 16 * 0x34, PC_V | PC_ENS | 0x77ull << 12, SV39 | PT_A >> 12);
	put_dc(3, TC_V | TC_PDTV | TC_DPE, 0, PD8 | PDT8 >> 12);
	put_dc(4, TC_V | TC_PDTV, 0, PD8 | PDT8 >> 12);
	/* G-stage: GPA PDT_GPA -> PDT_G, DATA_GPA -> DATA_C; BAD_GPA unmapped. */
	map(G_ROOT, gl1, G_ROOT + 0x5000, PDT_GPA, PDT_G, true);
	map(G_ROOT, gl1, G_ROOT + 0x6000, DATA_GPA, DATA_C, true);
	put_dc(5, TC_V | TC_PDTV, SV39X4 | 1ull << 44 | G_ROOT >> 12, PD8 | PDT_GPA >> 12);
	put_pc(PDT_G + 16 * 3, PC_V | PC_ENS | 0x11ull << 12, 0); /* first stage Bare */
	put_dc(6, TC_V | TC_PDTV, SV39X4 | 2ull << 44 | G_ROOT >> 12, PD8 | BAD_GPA >> 12);
}

TB_TEST(pdt_walk)
{
	struct dma_attr a = {.did = 1, .pid = 5, .pv = true, .id = 1};
	struct dma_attr s;
	uint64_t r[1];

	CHECK(tb_wait_fw_boot());
	setup();
	build();
	/* PD8: two process_ids of one device, two first-stage tables. */
	rw(&a, IOVA + 0x40, 0xA5A5000011110000ull);
	a.pid = 9;
	rw(&a, IOVA + 0x40, 0xB6B6000022220000ull);
	CHECK_EQ(mem_rd64(DATA_A + 0x40), 0xA5A5000011110000ull);
	CHECK_EQ(mem_rd64(DATA_B + 0x40), 0xB6B6000022220000ull);
	/* Supervisor with ENS=0: 260 from the datapath (on the tap: scoreboard). */
	s      = a;
	s.priv = true;
	CHECK_EQ(dma_read(&s, IOVA, r, 1), AXI_SLVERR);
	/* ENS=1, SUM=0, U page: read page fault (datapath). */
	s.pid = 5;
	CHECK_EQ(dma_read(&s, IOVA, r, 1), AXI_SLVERR);
	/* PD17: PDI1 0x102, PDI0 0x34. */
	a.did = 2;
	a.pid = 0x10234;
	rw(&a, IOVA + 0x80, 0xC7C7000033330000ull);
	CHECK_EQ(mem_rd64(DATA_A + 0x80), 0xC7C7000033330000ull);
	/* DPE=1: no PASID uses process_id 0 (PT_B). */
	a.did = 3;
	a.pv  = false;
	a.pid = 0;
	rw(&a, IOVA + 0xC0, 0xD8D8000044440000ull);
	CHECK_EQ(mem_rd64(DATA_B + 0xC0), 0xD8D8000044440000ull);
	/* DPE=0: no PASID means first stage Bare. */
	a.did = 4;
	rw(&a, DATA_C + 0x100, 0xE9E9000055550000ull);
	/* G-stage for the PDT: PC at GPA, first stage Bare, data through the G-stage. */
	a.did = 5;
	a.pv  = true;
	a.pid = 3;
	rw(&a, DATA_GPA + 0x140, 0xFAFA000066660000ull);
	CHECK_EQ(mem_rd64(DATA_C + 0x140), 0xFAFA000066660000ull);
	/* Only the two datapath faults (260, 13) were recorded. */
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), 2);
}

TB_TEST(pdt_faults)
{
	struct dma_attr a = {.did = 1, .pv = true, .id = 2};

	CHECK(tb_wait_fw_boot());
	setup();
	build();
	/* 266: PC V=0; PD17 non-leaf V=0. */
	a.pid = 7;
	fw_fault(&a, false, IOVA, 266);
	a.did = 2;
	a.pid = 0x500;
	fw_fault(&a, true, IOVA, 266);
	/* 267: PD17 non-leaf reserved bit; PC.ta reserved bit; reserved iosatp mode. */
	mem_wr64(PDT17_ROOT + 8 * 6, nl(PDT17_LEAF) | 2);
	a.pid = 0x600;
	fw_fault(&a, false, IOVA, 267);
	a.did = 1;
	a.pid = 10;
	put_pc(PDT8 + 16 * 10, PC_V | PC_ENS | 8, SV39 | PT_A >> 12);
	fw_fault(&a, false, IOVA, 267);
	a.pid = 11;
	put_pc(PDT8 + 16 * 11, PC_V, SATP_RSVD | PT_A >> 12);
	a.exec = true;
	fw_fault(&a, false, IOVA, 267);
	a.exec = false;
	/* 265: bus error on the PC read. */
	a.pid = 12;
	put_pc(PDT8 + 16 * 12, PC_V | PC_ENS, SV39 | PT_A >> 12);
	set_error(PDT8 + 16 * 12, PDT8 + 16 * 13, true);
	a.priv = true;
	fw_fault(&a, true, IOVA, 265);
	set_error(0, 0, false);
	a.priv = false;
	/* 260: process_id wider than PD8 allows. */
	a.pid = 0x100;
	fw_fault(&a, false, IOVA, 260);
	/* G-stage: unmapped PDT GPA = guest-page fault of the original type, iotval2 = GPA|1. */
	a.did = 6;
	a.pid = 4;
	fw_fault(&a, true, IOVA, 23);
	fw_fault(&a, false, IOVA, 21);
	/* G-stage PTE bus error on the implicit PDT read: 265. */
	a.did = 5;
	a.pid = 6;
	set_error(G_ROOT + 0x5000, G_ROOT + 0x6000, true);
	fw_fault(&a, false, IOVA, 265);
	set_error(0, 0, false);
	/* The device still works afterwards (entries of other process_ids were never loaded). */
	a.did = 1;
	a.pid = 5;
	rw(&a, IOVA + 0x180, 0x0102030405060708ull);
}

/*
 * An unsupported transaction (an INCR burst crossing 4 KiB: cause 260) on a device with a
 * process directory. The spec's "Process to translate an IOVA" orders the checks: the DDT walk
 * (step 3: 257/258/259) first, then 260 for an unsupported transaction type (step 4), then the
 * PDT walk (step 6: 265/266/267, guest page faults on the PDT). On a context miss the datapath
 * cannot judge the request without the context; it flags it in the CTX_MISS event and the
 * firmware answers 260 before any PDT access. With the context cached the datapath answers 260
 * itself. Regression for `stress_vm` seeds 18 and 79 (the PDT fault was reported instead).
 */
TB_TEST(pdt_unsup)
{
	const uint64_t x  = IOVA + 0xff8; /* two beats: the second lies in the next page */
	struct dma_attr a = {.did = 1, .pv = true, .id = 4};
	uint32_t pdt_reads, fqt;
	uint64_t r[2];

	CHECK(tb_wait_fw_boot());
	setup();
	build();
	/* PC V=0 (266 when supported): 260, and no PDT read at all. */
	a.pid	  = 7;
	pdt_reads = 0;
	for (size_t i = 0; i < mem_log_count(); i++)
		pdt_reads += mem_log_get(i)->addr >> 12 == PDT8 >> 12;
	fw_fault_n(&a, false, x, 2, 260);
	for (size_t i = 0; i < mem_log_count(); i++)
		pdt_reads -= mem_log_get(i)->addr >> 12 == PDT8 >> 12;
	CHECK_EQ(pdt_reads, 0);
	fw_fault(&a, false, IOVA, 266); /* the same process_id, supported */
	/* PC misconfigured (267 when supported), a write: 260. */
	a.pid = 10;
	put_pc(PDT8 + 16 * 10, PC_V | PC_ENS | 8, SV39 | PT_A >> 12);
	fw_fault_n(&a, true, x, 2, 260);
	/* PD17 non-leaf invalid (266), supervisor: 260. */
	a.did  = 2;
	a.pid  = 0x500;
	a.priv = true;
	fw_fault_n(&a, false, x, 2, 260);
	a.priv = false;
	/* The PDT's GPA unmapped in the G-stage (23 when supported): 260, iotval2 0. */
	a.did = 6;
	a.pid = 4;
	fw_fault_n(&a, true, x, 2, 260);
	/* The DDT comes first: a device without a valid DC faults 258 even when unsupported. */
	a.did = 9;
	fw_fault_n(&a, false, x, 2, 258);
	/* A good process context, not cached: the firmware answers 260 without loading it. */
	a.did = 1;
	a.pid = 5;
	fw_fault_n(&a, false, x, 2, 260);
	/* Once the context is cached (a supported request), the datapath answers 260 itself. */
	rw(&a, IOVA + 0x40, 0x1122334455667788ull);
	fqt = host_read32(RISCV_IOMMU_REG_FQT);
	CHECK_EQ(dma_read(&a, x, r, 2), AXI_SLVERR); /* the scoreboard wants the tap record */
	tb_step(4000);
	CHECK_EQ(host_read32(RISCV_IOMMU_REG_FQT), (fqt + 1) & ((1u << FQ_LOG2) - 1));
}
