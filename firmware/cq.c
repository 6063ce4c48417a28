// SPDX-License-Identifier: Apache-2.0
/* Command queue: fetch in bursts, decode, execute (IOMMU spec 4.1 "Command-Queue"). */
#include "cq.h"
#include "hal/console.h"
#include "riscv_iommu_bits.h"

/* clang-format off */
#define CMD_BYTES     RISCV_IOMMU_CMD_SIZE
#define BATCH_MAX     16u /* 32 beats: the burst-engine maximum */
#define CMDS_PER_PAGE (4096u / CMD_BYTES)
#define CQCSR_STOP    ((uint32_t)(RISCV_IOMMU_CQCSR_CQMF | RISCV_IOMMU_CQCSR_CMD_ILL))

/* Bits that no command of ours defines: dw0 per opcode, dw1 where it is reserved. */
#define IOTINVAL_DW0_RSVD (BIT_ULL(11) | GENMASK_ULL(43, 34) | GENMASK_ULL(63, 60))
#define IOTINVAL_DW1_RSVD (GENMASK_ULL(9, 0) | GENMASK_ULL(63, 62))
#define IOFENCE_DW0_RSVD  GENMASK_ULL(31, 14)
#define IOFENCE_DW1_RSVD  GENMASK_ULL(63, 62)
#define IODIR_DW0_RSVD    (GENMASK_ULL(11, 10) | BIT_ULL(32) | GENMASK_ULL(39, 34))
/* clang-format on */

#ifdef FW_DEBUG_CQ
static uint32_t cq_cycles[5];
#endif

static int decode_iotinval(uint64_t dw0, uint64_t dw1, unsigned func3, struct cq_op *op)
{
	bool gvma = func3 == RISCV_IOMMU_CMD_IOTINVAL_FUNC3_GVMA;
	bool pscv = (dw0 & RISCV_IOMMU_CMD_IOTINVAL_DW0_PSCV) != 0;

	if (func3 > RISCV_IOMMU_CMD_IOTINVAL_FUNC3_GVMA || (dw0 & IOTINVAL_DW0_RSVD) ||
	    (dw1 & IOTINVAL_DW1_RSVD) || (gvma && pscv))
		return CQ_EILL;
	op->kind      = CQ_IOTINVAL;
	op->av	      = (dw0 & RISCV_IOMMU_CMD_IOTINVAL_DW0_AV) != 0;
	op->inv.flags = (gvma ? FWIF_INV_W0_GVMA | FWIF_INV_W0_MSI : 0) |
			((dw0 & RISCV_IOMMU_CMD_IOTINVAL_DW0_GV) ? FWIF_INV_W0_GV : 0) |
			(op->av ? FWIF_INV_W0_AV : 0) | (pscv ? FWIF_INV_W0_PSCV : 0);
	op->inv.pscid = (uint32_t)FW_GET(RISCV_IOMMU_CMD_IOTINVAL_DW0_PSCID, dw0);
	op->inv.gscid = (uint32_t)FW_GET(RISCV_IOMMU_CMD_IOTINVAL_DW0_GSCID, dw0);
	op->inv.vpn   = FW_GET(RISCV_IOMMU_CMD_IOTINVAL_DW1_ADDR, dw1);
	return CQ_IOTINVAL;
}

int cq_decode(const uint32_t w[4], struct cq_op *op)
{
	uint64_t dw0   = w[0] | ((uint64_t)w[1] << 32);
	uint64_t dw1   = w[2] | ((uint64_t)w[3] << 32);
	unsigned func3 = (unsigned)FW_GET(RISCV_IOMMU_CMD_DW0_FUNC3, w[0]);

	switch (w[0] & RISCV_IOMMU_CMD_DW0_OPCODE) {
	case RISCV_IOMMU_CMD_OPCODE_IOTINVAL:
		return decode_iotinval(dw0, dw1, func3, op);
	case RISCV_IOMMU_CMD_OPCODE_IOFENCE:
		if (func3 != RISCV_IOMMU_CMD_IOFENCE_FUNC3_C || (dw0 & IOFENCE_DW0_RSVD) ||
		    (dw1 & IOFENCE_DW1_RSVD))
			return CQ_EILL;
		op->kind = CQ_IOFENCE;
		op->av	 = (dw0 & RISCV_IOMMU_CMD_IOFENCE_DW0_AV) != 0;
		op->wsi	 = (dw0 & RISCV_IOMMU_CMD_IOFENCE_DW0_WSI) != 0;
		op->drain =
			(dw0 & (RISCV_IOMMU_CMD_IOFENCE_DW0_PR | RISCV_IOMMU_CMD_IOFENCE_DW0_PW)) !=
			0;
		op->data = w[1];
		op->addr = FW_GET(RISCV_IOMMU_CMD_IOFENCE_DW1_ADDR, dw1) << 2;
		return CQ_IOFENCE;
	case RISCV_IOMMU_CMD_OPCODE_IODIR:
		if (func3 > RISCV_IOMMU_CMD_IODIR_FUNC3_INVAL_PDT || (dw0 & IODIR_DW0_RSVD) || dw1)
			return CQ_EILL;
		op->dv	= (dw0 & RISCV_IOMMU_CMD_IODIR_DW0_DV) != 0;
		op->did = (uint32_t)FW_GET(RISCV_IOMMU_CMD_IODIR_DW0_DID, dw0);
		op->pid = (uint32_t)FW_GET(RISCV_IOMMU_CMD_IODIR_DW0_PID, dw0);
		if (func3 == RISCV_IOMMU_CMD_IODIR_FUNC3_INVAL_DDT) {
			op->kind = CQ_INV_DDT;
			return CQ_INV_DDT;
		}
		/* INVAL_PDT names one process of one device. */
		if (!op->dv)
			return CQ_EILL;
		op->kind = CQ_INV_PDT;
		return CQ_INV_PDT;
	default:
		/* ATS.* (no ATS capability), reserved 0/5-63 and custom 64-127. */
		return CQ_EILL;
	}
}

/*
 * IOFENCE.C AV=1: a 4-byte store of DATA, one narrow burst-engine write (BURST_CTRL.SIZE32):
 * the other 4 bytes of the beat are never read or written. Only a build for an RTL without
 * SIZE32 (FWIF_HAVE_STORE32=0) falls back to a read-modify-write of the containing beat.
 */
static int fence_store(uint64_t addr, uint32_t data)
{
#if FWIF_HAVE_STORE32
	return fw_store32(addr, data) == FW_OK ? 0 : CQ_EMF;
#else
	uint64_t beat = addr & ~7ull;

	if (fw_burst(beat, FW_BUF_FENCE, 1, false) != FW_OK)
		return CQ_EMF;
	fw_buf_write32(FW_BUF_FENCE + (uint32_t)(addr & 4), data);
	if (fw_burst(beat, FW_BUF_FENCE, 1, true) != FW_OK)
		return CQ_EMF;
	return 0;
#endif
}

static fw_poll_fn cq_poll = fw_poll_events;

void cq_set_poll(fw_poll_fn poll)
{
	cq_poll = poll;
}

static int cq_exec(const struct cq_op *op)
{
	switch (op->kind) {
	case CQ_IOTINVAL:
		fw_iotlb_inval(&op->inv); /* returns once the datapath took it */
		return 0;
	case CQ_IOFENCE:
		/* Commands execute in order and each completes before the next: every earlier
		 * command is done here. PR/PW: a device request translated before it (one parked
		 * behind a walk keeps its old translation) may still be on its way to memory; the
		 * fence completes only once every request accepted so far has been answered. */
		if (op->drain)
			fw_dma_drain(cq_poll);
		if (op->av && fence_store(op->addr, op->data))
			return CQ_EMF;
		if (op->wsi && (fw_cfg_get()->fctl & RISCV_IOMMU_FCTL_WSI))
			page_set32(RISCV_IOMMU_REG_CQCSR, (uint32_t)RISCV_IOMMU_CQCSR_FENCE_W_IP);
		return 0;
	case CQ_INV_DDT:
		if (op->dv)
			fw_ctx_inval_did(op->did);
		else
			fw_ctx_inval_all();
		return 0;
	case CQ_INV_PDT:
		fw_ctx_inval_did_pid(op->did, op->pid);
		return 0;
	}
	return CQ_EILL;
}

/* Decode and run the command at buffer offset @off; 0 or a cq_err. */
static int cq_run_one(uint32_t off)
{
	uint32_t w[4];
	struct cq_op op;
	int r;
#ifdef FW_DEBUG_CQ
	uint32_t t0 = fw_cycle_lo();
#endif

	for (unsigned i = 0; i < 4; i++)
		w[i] = fw_buf_read32(off + 4 * i);
	r = cq_decode(w, &op);
	if (r > 0)
		r = cq_exec(&op);
#ifdef FW_DEBUG_CQ
	if (r == 0)
		cq_cycles[op.kind] = fw_cycle_lo() - t0;
#endif
	return r;
}

/*
 * Ring geometry and cqh in RAM: cqb changes only by a host write (a doorbell), cqh only by the
 * firmware (here, and zeroed by the cqcsr enable handshake, also a doorbell); main.c calls
 * cq_flush() after both. cq_process() runs only from those doorbells, after the flush; cqcsr
 * itself is read live (the host may disable the queue or clear cmd_ill at any time).
 */
static struct {
	bool valid;
	uint32_t mask, head;
	uint64_t base;
} cq;

void cq_flush(void)
{
	cq.valid = false;
}

void cq_process(void)
{
	uint32_t csr = page_read32(RISCV_IOMMU_REG_CQCSR);
	uint32_t mask, head;
	uint64_t base;

	if (!(csr & RISCV_IOMMU_CQCSR_CQON) || (csr & CQCSR_STOP))
		return;
	if (!cq.valid) {
		uint64_t cqb	= page_read64(RISCV_IOMMU_REG_CQB);
		unsigned log2sz = (unsigned)FW_GET(RISCV_IOMMU_CQB_LOG2SZ_1, cqb) + 1;

		cq.base	 = FW_GET(RISCV_IOMMU_CQB_PPN, cqb) << 12;
		cq.mask	 = log2sz >= 32 ? 0xFFFFFFFFu : (1u << log2sz) - 1;
		cq.head	 = page_read32(RISCV_IOMMU_REG_CQH) & cq.mask;
		cq.valid = true;
	}
	base = cq.base;
	mask = cq.mask;
	head = cq.head;

	for (;;) {
		uint32_t tail = page_read32(RISCV_IOMMU_REG_CQT) & mask;
		uint32_t n, page_left, st, i;
		bool refused;
		int r = 0;

		if (head == tail) {
			cq_stats_print();
			return;
		}
		/* Up to the tail or the ring end, one burst, never across a 4 KiB page. */
		n	  = tail > head ? tail - head : mask + 1 - head;
		page_left = CMDS_PER_PAGE - (head & (CMDS_PER_PAGE - 1));
		n	  = n < page_left ? n : page_left;
		n	  = n < BATCH_MAX ? n : BATCH_MAX;
		/* IOTINVAL, IODIR and the IOFENCE.C that need no waiting run in the RTL command
		 * engine, which stops before any other command; that one runs here (and cq_run_one()
		 * judges a command the engine refused). The engine starts on the batch as soon
		 * as it is loaded (one write, one poll); after a command run here, one buffer
		 * read picks the path, so other commands never pay an engine call. */
		st = fw_cqx_fetch(base + (uint64_t)head * CMD_BYTES, FW_BUF_CQ, n);
		if (st & FWIF_CQX_STATUS_LDERR) {
			page_set32(RISCV_IOMMU_REG_CQCSR, (uint32_t)RISCV_IOMMU_CQCSR_CQMF);
			return;
		}
		i    = (uint32_t)FW_GET(FWIF_CQX_STATUS_DONE, st);
		head = (head + i) & mask;
		if (st & FWIF_CQX_STATUS_ERR)
			r = CQ_EMF; /* a fence store failed: cqh stays on it */
		/* The command at i, if any, is one the engine stopped before: run it here. */
		refused = true;
		while (i < n && r == 0) {
			uint32_t off = FW_BUF_CQ + i * CMD_BYTES;
			uint32_t opc;

			if (!refused) {
				opc = fw_buf_read32(off) & RISCV_IOMMU_CMD_DW0_OPCODE;
				if (opc == RISCV_IOMMU_CMD_OPCODE_IOTINVAL ||
				    opc == RISCV_IOMMU_CMD_OPCODE_IOFENCE ||
				    opc == RISCV_IOMMU_CMD_OPCODE_IODIR) {
					uint32_t done;

					st   = fw_cqx_run(off, n - i);
					done = (uint32_t)FW_GET(FWIF_CQX_STATUS_DONE, st);
					i += done;
					head = (head + done) & mask;
					if (st & FWIF_CQX_STATUS_ERR)
						r = CQ_EMF; /* a fence store failed: cqh stays on it */
					refused = true;
					continue;
				}
			}
			refused = false;
			r	= cq_run_one(off);
			if (r == 0) {
				head = (head + 1) & mask;
				i++;
			}
		}
		/* cqh moves past completed commands only; on an error it stays on the bad one.
		 * The index is IOMMU-owned (RO to the host): a raw write. */
		cq.head = head;
		page_write32(RISCV_IOMMU_REG_CQH, head);
		if (r) {
			page_set32(RISCV_IOMMU_REG_CQCSR,
				   (uint32_t)(r == CQ_EMF ? RISCV_IOMMU_CQCSR_CQMF
							  : RISCV_IOMMU_CQCSR_CMD_ILL));
			return;
		}
		/* The host may have turned the queue off meanwhile. */
		if (!(page_read32(RISCV_IOMMU_REG_CQCSR) & RISCV_IOMMU_CQCSR_CQEN))
			return;
	}
}

void cq_stats_print(void)
{
#ifdef FW_DEBUG_CQ
	con_printf("cq cycles: iotinval %u fence %u inval_ddt %u inval_pdt %u\n",
		   (unsigned)cq_cycles[CQ_IOTINVAL], (unsigned)cq_cycles[CQ_IOFENCE],
		   (unsigned)cq_cycles[CQ_INV_DDT], (unsigned)cq_cycles[CQ_INV_PDT]);
#endif
}
