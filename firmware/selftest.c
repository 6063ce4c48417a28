// SPDX-License-Identifier: Apache-2.0
/*
 * Board self-test (board build only: make fw-board, -DBOARD_SELFTEST). On the FPGA board there
 * is no host CPU and no device, so the management core plays them too, through the board
 * peripherals at 0xE000_0000 (fpga/ulx3s/board_periph.sv): a host window (AXI4-Lite master on the
 * IOMMU's register port) and a test DMA engine (AXI4 master on the device port). System memory
 * is the 64 KiB BRAM at 0x8000_0000 (fpga/ulx3s/board_sysmem.sv); the "host" writes its tables there
 * with the firmware burst engine.
 *
 * The normal firmware main loop (main.c, unchanged) keeps running the IOMMU: the board build
 * compiles main.c with -Dirq_poll=board_irq_poll, so every loop iteration also steps the
 * self-test below. The self-test is a protothread (a switch on the line number): it returns
 * to the loop whenever it waits for something the firmware does (ddtp, queue enables,
 * commands, context misses and fault records behind a DMA).
 *
 * Steps: Bare DMA round trip; CQ + FQ on; 1LVL DDT with one device (Sv39 first stage, one
 * 4 KiB page mapped); IODIR.INVAL_DDT + IOFENCE.C; translated DMA write and read with the data
 * checked in memory at the mapped PA; DMA write to an unmapped IOVA: SLVERR and a fault record
 * (cause 15, the device, the IOVA) in the FQ; exclusive accesses to the BRAM (board_sysmem's
 * monitor: a plain store between the exclusive load and store makes it fail). Final line: "selftest: PASS" or "selftest: FAIL".
 */
#ifdef BOARD_SELFTEST

#include <stdbool.h>
#include <stdint.h>

#include "hal/console.h"
#include "hal/fwif.h"
#include "irq.h"

void board_irq_poll(void);

/* clang-format off */
#define BRD               0xe0000000u
#define BRD_HW_ADDR       (BRD + 0x000u)
#define BRD_HW_WDATA_LO   (BRD + 0x004u)
#define BRD_HW_WDATA_HI   (BRD + 0x008u)
#define BRD_HW_WSTRB      (BRD + 0x00cu)
#define BRD_HW_CTRL       (BRD + 0x010u)
#define BRD_HW_STATUS     (BRD + 0x014u)
#define BRD_HW_RDATA_LO   (BRD + 0x018u)
#define BRD_HW_RDATA_HI   (BRD + 0x01cu)
#define BRD_DMA_ADDR_LO   (BRD + 0x100u)
#define BRD_DMA_ADDR_HI   (BRD + 0x104u)
#define BRD_DMA_DID       (BRD + 0x108u)
#define BRD_DMA_PID       (BRD + 0x10cu)
#define BRD_DMA_CTRL      (BRD + 0x110u)
#define BRD_DMA_STATUS    (BRD + 0x114u)
#define BRD_DMA_BUF       (BRD + 0x200u)
#define BRD_LED           (BRD + 0x300u)
#define BRD_UART_LEVEL    (BRD + 0x304u)
#define BRD_ID            (BRD + 0x308u)
#define BRD_ID_VALUE      0x42524431u
#define LED_BOOTED        0x01u
#define LED_PASS          0x02u
#define LED_FAIL          0x04u

#define MEM               0x80000000ull /* board_sysmem, 64 KiB */
#define DDT               (MEM + 0x0000u)
#define S1_ROOT           (MEM + 0x1000u)
#define S1_L1             (MEM + 0x2000u)
#define S1_L0             (MEM + 0x3000u)
#define CQ                (MEM + 0x4000u) /* 64 commands, 1 KiB */
#define FQ                (MEM + 0x5000u) /* 64 records, 2 KiB */
#define BARE_BUF          (MEM + 0x8000u)
#define PAGE_PA           (MEM + 0x9000u)
#define EXCL_DW           (MEM + 0xa000u) /* exclusive-access step */
#define IOVA_MAPPED       0x12345000ull
#define IOVA_UNMAPPED     0x12346000ull
#define DID               0x01u
#define PSCID             0x7u
#define BEATS             4u
#define LOG2SZ_64         5u /* log2(entries) - 1 */

#define DDTP_MODE_BARE    1ull
#define DDTP_MODE_1LVL    2ull
#define SV39              (8ull << 60)
#define PTE_LEAF          0xd7ull /* V R W U A D */
#define CAUSE_ST_PAGE     15u
#define RESP_SLVERR       2u

#define SBUF              0x600u /* burst-buffer bytes no firmware path uses (fwif.h) */
#define TIMEOUT           25000000u /* cycles: 1 s at 25 MHz */
/* clang-format on */

/* ---- Board peripherals ---- */

static void brd_wr(uint32_t a, uint32_t v)
{
	mmio_write32(a, v);
}

static uint32_t brd_rd(uint32_t a)
{
	return mmio_read32(a);
}

/* The host window: one AXI4-Lite access at a time; the regfile answers without firmware. */
static uint64_t host_access(uint32_t off, bool write, uint64_t val, uint32_t strb)
{
	brd_wr(BRD_HW_ADDR, off);
	if (write) {
		brd_wr(BRD_HW_WDATA_LO, (uint32_t)val);
		brd_wr(BRD_HW_WDATA_HI, (uint32_t)(val >> 32));
		brd_wr(BRD_HW_WSTRB, strb);
	}
	brd_wr(BRD_HW_CTRL, write ? 1u : 2u);
	while (brd_rd(BRD_HW_STATUS) & 1u)
		;
	return brd_rd(BRD_HW_RDATA_LO) | (uint64_t)brd_rd(BRD_HW_RDATA_HI) << 32;
}

static uint64_t host_rd64(uint32_t off)
{
	return host_access(off, false, 0, 0);
}

static uint32_t host_rd32(uint32_t off)
{
	return (uint32_t)(host_rd64(off) >> (off & 4u ? 32 : 0));
}

static void host_wr64(uint32_t off, uint64_t v)
{
	(void)host_access(off, true, v, 0xffu);
}

static void host_wr32(uint32_t off, uint32_t v)
{
	(void)host_access(off, true, (uint64_t)v << (off & 4u ? 32 : 0), off & 4u ? 0xf0u : 0x0fu);
}

/* The test DMA engine: start one burst of @beats from / into its buffer. */
static void dma_start(uint64_t iova, bool write, uint32_t beats)
{
	brd_wr(BRD_DMA_ADDR_LO, (uint32_t)iova);
	brd_wr(BRD_DMA_ADDR_HI, (uint32_t)(iova >> 32));
	brd_wr(BRD_DMA_DID, DID);
	brd_wr(BRD_DMA_PID, 0);
	brd_wr(BRD_DMA_CTRL, (write ? 1u : 0u) | (beats - 1u) << 8);
}

static bool dma_busy(void)
{
	return brd_rd(BRD_DMA_STATUS) & 1u;
}

static uint32_t dma_resp(void)
{
	return (brd_rd(BRD_DMA_STATUS) >> 1) & 3u;
}

/* Test pattern word @i of pattern @seed. */
static uint32_t pat(uint32_t seed, uint32_t i)
{
	return seed ^ (i * 0x9e3779b9u);
}

static void dma_fill(uint32_t seed)
{
	for (uint32_t i = 0; i < 2 * BEATS; i++)
		brd_wr(BRD_DMA_BUF + 4 * i, pat(seed, i));
}

static bool dma_check(uint32_t seed)
{
	for (uint32_t i = 0; i < 2 * BEATS; i++)
		if (brd_rd(BRD_DMA_BUF + 4 * i) != pat(seed, i))
			return false;
	return true;
}

/* ---- System memory, through the firmware burst engine ---- */

static bool mem_load(uint64_t pa, uint32_t beats)
{
	(void)fw_burst_wait(); /* a fault-record store may still be running */
	return fw_burst(pa, SBUF, beats, false) == FW_OK;
}

static bool mem_store(uint64_t pa, uint32_t beats)
{
	(void)fw_burst_wait();
	return fw_burst(pa, SBUF, beats, true) == FW_OK;
}

static uint64_t sbuf64(uint32_t i)
{
	return fw_buf_read32(SBUF + 8 * i) | (uint64_t)fw_buf_read32(SBUF + 8 * i + 4) << 32;
}

static void sbuf_set64(uint32_t i, uint64_t v)
{
	fw_buf_write32(SBUF + 8 * i, (uint32_t)v);
	fw_buf_write32(SBUF + 8 * i + 4, (uint32_t)(v >> 32));
}

static bool mem_wr64(uint64_t pa, uint64_t v)
{
	sbuf_set64(0, v);
	return mem_store(pa, 1);
}

/* Zero [pa, pa + bytes) in 256-byte bursts. */
static bool mem_zero(uint64_t pa, uint32_t bytes)
{
	for (uint32_t i = 0; i < 32; i++)
		sbuf_set64(i, 0);
	for (uint32_t off = 0; off < bytes; off += 256)
		if (!mem_store(pa + off, 32))
			return false;
	return true;
}

static bool mem_check(uint64_t pa, uint32_t seed)
{
	if (!mem_load(pa, BEATS))
		return false;
	for (uint32_t i = 0; i < BEATS; i++) {
		uint64_t want = pat(seed, 2 * i) | (uint64_t)pat(seed, 2 * i + 1) << 32;

		if (sbuf64(i) != want) {
			con_printf("  PA %llx: %llx, want %llx\n", (unsigned long long)(pa + 8 * i),
				   (unsigned long long)sbuf64(i), (unsigned long long)want);
			return false;
		}
	}
	return true;
}

/* ---- The self-test thread ---- */

static unsigned pt_line;
static uint32_t pt_t0;
static bool st_done;
static const char *st_step = "start";

/* Print no faster than the UART drains (the console has no back-pressure). */
static bool uart_room(void)
{
	return brd_rd(BRD_UART_LEVEL) < 1024u;
}

static void st_fail(const char *why)
{
	con_printf("selftest: step '%s' failed: %s\n", st_step, why);
	con_printf("selftest: FAIL\n");
	brd_wr(BRD_LED, LED_BOOTED | LED_FAIL);
	st_done = true;
}

static bool timed_out(void)
{
	return (uint32_t)(fw_cycle_lo() - pt_t0) > TIMEOUT;
}

/* clang-format off */
#define PT_BEGIN() switch (pt_line) { case 0:
#define PT_END()   } st_done = true
/* Wait for @cond, returning to the firmware loop meanwhile; fail after TIMEOUT cycles. */
#define PT_WAIT(cond)                                           \
	do {                                                    \
		pt_t0	= fw_cycle_lo();                        \
		pt_line = __LINE__;                             \
		__attribute__((fallthrough));                   \
	case __LINE__:                                          \
		if (!(cond)) {                                  \
			if (timed_out())                        \
				st_fail("timeout: " #cond);     \
			return;                                 \
		}                                               \
	} while (0)
#define CHECK(cond, why)              \
	do {                          \
		if (!(cond)) {        \
			st_fail(why); \
			return;       \
		}                     \
	} while (0)
#define STEP(name)                                         \
	do {                                               \
		st_step = (name);                          \
		PT_WAIT(uart_room());                      \
		con_printf("selftest: %s\n", st_step);     \
	} while (0)
/* clang-format on */

static void st_thread(void)
{
	static uint64_t caps, dc_tc_off, rec[4];
	static uint32_t dcsz, fqt, cqt;

	PT_BEGIN();
	STEP("board");
	CHECK(brd_rd(BRD_ID) == BRD_ID_VALUE, "board peripherals ID");
	brd_wr(BRD_LED, LED_BOOTED);
	caps = host_rd64(RISCV_IOMMU_REG_CAPABILITIES);
	con_printf("  capabilities %llx (host window)\n", (unsigned long long)caps);
	CHECK((caps & 0xffu) == 0x10u, "capabilities.version != 1.0");
	CHECK(mem_zero(MEM, 0x6000u), "zero the tables (burst engine)");

	STEP("ddtp Bare");
	host_wr64(RISCV_IOMMU_REG_DDTP, DDTP_MODE_BARE);
	PT_WAIT(!(host_rd64(RISCV_IOMMU_REG_DDTP) & RISCV_IOMMU_DDTP_BUSY));
	CHECK((host_rd64(RISCV_IOMMU_REG_DDTP) & 0xfu) == DDTP_MODE_BARE, "ddtp.mode != Bare");

	STEP("Bare DMA write + read");
	dma_fill(0x1111u);
	dma_start(BARE_BUF, true, BEATS);
	PT_WAIT(!dma_busy());
	CHECK(dma_resp() == 0, "Bare DMA write response");
	CHECK(mem_check(BARE_BUF, 0x1111u), "Bare DMA write data in memory");
	dma_fill(0);
	dma_start(BARE_BUF, false, BEATS);
	PT_WAIT(!dma_busy());
	CHECK(dma_resp() == 0, "Bare DMA read response");
	CHECK(dma_check(0x1111u), "Bare DMA read data");
	con_printf("  %u beats at PA %llx: ok\n", BEATS, (unsigned long long)BARE_BUF);

	STEP("command and fault queues on");
	host_wr64(RISCV_IOMMU_REG_CQB, (CQ >> 12) << 10 | LOG2SZ_64);
	host_wr32(RISCV_IOMMU_REG_CQT, 0);
	host_wr32(RISCV_IOMMU_REG_CQCSR, RISCV_IOMMU_CQCSR_CQEN);
	PT_WAIT(host_rd32(RISCV_IOMMU_REG_CQCSR) & RISCV_IOMMU_CQCSR_CQON);
	host_wr64(RISCV_IOMMU_REG_FQB, (FQ >> 12) << 10 | LOG2SZ_64);
	host_wr32(RISCV_IOMMU_REG_FQH, 0);
	host_wr32(RISCV_IOMMU_REG_FQCSR, RISCV_IOMMU_FQCSR_FQEN);
	PT_WAIT(host_rd32(RISCV_IOMMU_REG_FQCSR) & RISCV_IOMMU_FQCSR_FQON);

	STEP("1LVL DDT + Sv39 page table");
	/* Extended device contexts (64 bytes) when MSI translation is there, else base (32). */
	dcsz	  = (caps & RISCV_IOMMU_CAPABILITIES_MSI_FLAT) ? 64u : 32u;
	dc_tc_off = DDT + (uint64_t)DID * dcsz;
	CHECK(mem_wr64(dc_tc_off + 24, SV39 | S1_ROOT >> 12), "DC.fsc");
	CHECK(mem_wr64(dc_tc_off + 16, (uint64_t)PSCID << 12), "DC.ta");
	CHECK(mem_wr64(dc_tc_off, 1), "DC.tc");
	CHECK(mem_wr64(S1_ROOT + 8 * ((IOVA_MAPPED >> 30) & 0x1ff), (S1_L1 >> 12) << 10 | 1),
	      "root PTE");
	CHECK(mem_wr64(S1_L1 + 8 * ((IOVA_MAPPED >> 21) & 0x1ff), (S1_L0 >> 12) << 10 | 1),
	      "L1 PTE");
	CHECK(mem_wr64(S1_L0 + 8 * ((IOVA_MAPPED >> 12) & 0x1ff), (PAGE_PA >> 12) << 10 | PTE_LEAF),
	      "leaf PTE");
	con_printf("  device %u: IOVA %llx -> PA %llx, IOVA %llx unmapped\n", DID,
		   (unsigned long long)IOVA_MAPPED, (unsigned long long)PAGE_PA,
		   (unsigned long long)IOVA_UNMAPPED);
	host_wr64(RISCV_IOMMU_REG_DDTP, DDTP_MODE_1LVL | (DDT >> 12) << 10);
	PT_WAIT(!(host_rd64(RISCV_IOMMU_REG_DDTP) & RISCV_IOMMU_DDTP_BUSY));
	CHECK((host_rd64(RISCV_IOMMU_REG_DDTP) & 0xfu) == DDTP_MODE_1LVL, "ddtp.mode != 1LVL");

	STEP("IODIR.INVAL_DDT + IOFENCE.C");
	sbuf_set64(0, 3); /* IODIR, func3 INVAL_DDT, DV=0: all devices */
	sbuf_set64(1, 0);
	sbuf_set64(2, 2); /* IOFENCE, func3 C */
	sbuf_set64(3, 0);
	CHECK(mem_store(CQ, 4), "commands to the CQ");
	cqt = 2;
	host_wr32(RISCV_IOMMU_REG_CQT, cqt);
	PT_WAIT(host_rd32(RISCV_IOMMU_REG_CQH) == cqt);
	CHECK(!(host_rd32(RISCV_IOMMU_REG_CQCSR) & 0xf00u), "cqcsr error bits");

	STEP("translated DMA write + read");
	dma_fill(0x2222u);
	dma_start(IOVA_MAPPED, true, BEATS);
	PT_WAIT(!dma_busy());
	CHECK(dma_resp() == 0, "translated DMA write response");
	CHECK(mem_check(PAGE_PA, 0x2222u), "data at the mapped PA");
	dma_fill(0);
	dma_start(IOVA_MAPPED, false, BEATS);
	PT_WAIT(!dma_busy());
	CHECK(dma_resp() == 0, "translated DMA read response");
	CHECK(dma_check(0x2222u), "translated DMA read data");
	con_printf("  %u beats through IOVA %llx: ok\n", BEATS, (unsigned long long)IOVA_MAPPED);

	STEP("DMA to an unmapped IOVA");
	fqt = host_rd32(RISCV_IOMMU_REG_FQT);
	dma_fill(0x3333u);
	dma_start(IOVA_UNMAPPED, true, 1);
	PT_WAIT(!dma_busy());
	CHECK(dma_resp() == RESP_SLVERR, "response is not SLVERR");
	PT_WAIT(host_rd32(RISCV_IOMMU_REG_FQT) != fqt);
	CHECK(mem_load(FQ + 32u * fqt, 4), "read the fault record");
	for (uint32_t i = 0; i < 4; i++)
		rec[i] = sbuf64(i);
	con_printf("  SLVERR; fault record %llx %llx %llx %llx\n", (unsigned long long)rec[0],
		   (unsigned long long)rec[1], (unsigned long long)rec[2],
		   (unsigned long long)rec[3]);
	CHECK((rec[0] & 0xfffu) == CAUSE_ST_PAGE, "record cause != 15 (store page fault)");
	CHECK((rec[0] >> 40) == DID, "record device_id");
	CHECK(rec[2] == IOVA_UNMAPPED, "record iotval != IOVA");
	host_wr32(RISCV_IOMMU_REG_FQH, (fqt + 1) & 63u);

	STEP("exclusive load/store (MRIF update)");
	CHECK(mem_wr64(EXCL_DW, 0x10), "plain store");
	CHECK(fw_burst_excl(EXCL_DW, SBUF, false) == FW_OK, "exclusive load not EXOKAY");
	CHECK(sbuf64(0) == 0x10, "exclusive load data");
	CHECK(mem_wr64(EXCL_DW, 0x30), "another store in between");
	sbuf_set64(0, 0x11);
	CHECK(fw_burst_excl(EXCL_DW, SBUF, true) == FW_EXFAIL, "exclusive store not failed");
	CHECK(fw_burst_excl(EXCL_DW, SBUF, false) == FW_OK && sbuf64(0) == 0x30,
	      "exclusive load after the failure");
	sbuf_set64(0, 0x31);
	CHECK(fw_burst_excl(EXCL_DW, SBUF, true) == FW_OK, "exclusive store not EXOKAY");
	CHECK(mem_load(EXCL_DW, 1) && sbuf64(0) == 0x31, "exclusive store data");
	con_printf("  failed store wrote nothing, retry stored: ok\n");

	st_step = "done";
	PT_WAIT(uart_room());
	con_printf("selftest: PASS\n");
	brd_wr(BRD_LED, LED_BOOTED | LED_PASS);
	PT_END();
}

/* Called by main.c's loop in place of irq_poll() (board build: -Dirq_poll=board_irq_poll). */
void board_irq_poll(void)
{
	irq_poll();
	if (!st_done)
		st_thread();
}

#endif /* BOARD_SELFTEST */
