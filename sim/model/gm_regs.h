/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The register page as the spec describes it (IOMMU spec chapter 5, "Memory-mapped register
 * interface"), with this implementation's choices for what the spec leaves open (doc/targets.md
 * §4: the capabilities below, 16 interrupt vectors, two HPM counters, no ATS, no QoS IDs, one
 * endianness). Like golden.h it does NOT include the generated headers: it is typed from the
 * spec's register tables, so that a wrong reset value or mask in include/iommu_regs.def fails
 * the unit test that compares the generated table with it (tests/unit/test_regs_spec.c) and the
 * co-simulation test that checks the RTL against it (tests/sim/test_regs.c).
 *
 * Per register: reset value, RW mask (bits a host write sets and clears) and RW1C mask. Read-only
 * bits, reserved bits, absent registers and the RW1S Go bit of tr_req_ctl are in neither mask.
 */
#ifndef GM_REGS_H
#define GM_REGS_H

#include <stdint.h>

/* clang-format off */
#define GM_REG_HANDSHAKE 0x1u /* the host's write is a request to the firmware: not poked */
#define GM_REG_COUNTER   0x2u /* an HPM counter: counts unless inhibited */
#define GM_REG_ABSENT    0x4u /* an optional register this implementation leaves out */

#define GM_B(n)          (1ull << (n))
#define GM_F(hi, lo)     ((~0ull >> (63 - (hi))) & (~0ull << (lo)))

/* capabilities (spec 5.3): version 1.0, Sv39/48/57, Sv39x4/48x4/57x4, MSI_FLAT, MSI_MRIF,
 * AMO_HWAD (bit 24), IGS=BOTH, HPM, DBG, PAS=56, PD8/PD17/PD20. No Sv32, Svpbmt, AMO_MRIF, ATS,
 * T2GPA, END, QOSID. */
#define GM_REGS_CAPS     (0x10ull | GM_B(9) | GM_B(10) | GM_B(11) | GM_B(17) | GM_B(18) |      \
			  GM_B(19) | GM_B(22) | GM_B(23) | GM_B(24) | (2ull << 28) | GM_B(30) | \
			  GM_B(31) | (56ull << 32) | GM_B(38) | GM_B(39) | GM_B(40))
/* ddtp: iommu_mode[3:0], PPN[53:10]; busy[4] RO */
#define GM_REGS_ATP      (GM_F(3, 0) | GM_F(53, 10))
/* cqb / fqb: LOG2SZ-1[4:0], PPN[53:10] */
#define GM_REGS_QB       (GM_F(4, 0) | GM_F(53, 10))
/* a queue index: up to 2^20 entries (LOG2SZ-1 up to 19) */
#define GM_REGS_QIDX     GM_F(19, 0)
/* tr_req_ctl: Priv[1], Exe[2], NW[3], PID[31:12], PV[32], DID[63:40]; Go/Busy[0] is RW1S */
#define GM_REGS_TRCTL    (GM_F(3, 1) | GM_F(31, 12) | GM_B(32) | GM_F(63, 40))
/* clang-format on */

/** struct gm_regdesc - one register of the page, from the spec. */
struct gm_regdesc {
	const char *name;
	uint32_t offset, width, flags;
	uint64_t reset, rw, w1c;
};

/* clang-format off */
#define GM_HPMCTR(n) {"iohpmctr" #n, 0x68 + 8 * ((n) - 1), 8, GM_REG_ABSENT, 0, 0, 0}
#define GM_HPMEVT(n) {"iohpmevt" #n, 0x160 + 8 * ((n) - 1), 8, GM_REG_ABSENT, 0, 0, 0}
#define GM_MSICFG(n)                                                   \
	{"msi_addr_" #n, 0x300 + 16 * (n), 8, 0, 0, GM_F(55, 2), 0},   \
	{"msi_data_" #n, 0x308 + 16 * (n), 4, 0, 0, GM_F(31, 0), 0},   \
	{"msi_vec_ctl_" #n, 0x30c + 16 * (n), 4, 0, 0, GM_B(0), 0}

static const struct gm_regdesc gm_regs[] __attribute__((unused)) = {
	/* 5.3-5.4: capabilities RO; fctl: WSI RW (IGS=BOTH), BE and GXL RO 0 (no END, no Sv32x4) */
	{"capabilities", 0x000, 8, 0, GM_REGS_CAPS, 0, 0},
	{"fctl",         0x008, 4, 0, 0, GM_B(1), 0},
	/* 5.5-5.13: ddtp resets to Off; queue registers are requests the firmware carries out */
	{"ddtp",  0x010, 8, GM_REG_HANDSHAKE, 0, GM_REGS_ATP, 0},
	{"cqb",   0x018, 8, GM_REG_HANDSHAKE, 0, GM_REGS_QB, 0},
	{"cqh",   0x020, 4, GM_REG_HANDSHAKE, 0, 0, 0},
	{"cqt",   0x024, 4, GM_REG_HANDSHAKE, 0, GM_REGS_QIDX, 0},
	{"fqb",   0x028, 8, GM_REG_HANDSHAKE, 0, GM_REGS_QB, 0},
	{"fqh",   0x030, 4, GM_REG_HANDSHAKE, 0, GM_REGS_QIDX, 0},
	{"fqt",   0x034, 4, GM_REG_HANDSHAKE, 0, 0, 0},
	/* no ATS: no page-request queue */
	{"pqb",   0x038, 8, GM_REG_ABSENT, 0, 0, 0},
	{"pqh",   0x040, 4, GM_REG_ABSENT, 0, 0, 0},
	{"pqt",   0x044, 4, GM_REG_ABSENT, 0, 0, 0},
	/* 5.14-5.16: cqen[0] cie[1] RW, cqmf[8] cmd_to[9] cmd_ill[10] fence_w_ip[11] RW1C;
	 * fqen[0] fie[1] RW, fqmf[8] fqof[9] RW1C; on/busy RO */
	{"cqcsr", 0x048, 4, GM_REG_HANDSHAKE, 0, GM_F(1, 0), GM_F(11, 8)},
	{"fqcsr", 0x04c, 4, GM_REG_HANDSHAKE, 0, GM_F(1, 0), GM_F(9, 8)},
	{"pqcsr", 0x050, 4, GM_REG_ABSENT, 0, 0, 0},
	/* 5.17: cip[0] fip[1] pmip[2] RW1C; pip[3] RO 0 (no PQ) */
	{"ipsr",  0x054, 4, 0, 0, 0, GM_F(2, 0)},
	/* 5.18-5.22: HPM with iohpmcycles and two counters (ctr1, ctr2); inhibited at reset */
	{"iocountovf",  0x058, 4, 0, 0, 0, 0},
	{"iocountinh",  0x05c, 4, 0, GM_F(2, 0), GM_F(2, 0), 0},
	{"iohpmcycles", 0x060, 8, GM_REG_COUNTER, 0, GM_F(63, 0), 0},
	{"iohpmctr1",   0x068, 8, GM_REG_COUNTER, 0, GM_F(63, 0), 0},
	{"iohpmctr2",   0x070, 8, GM_REG_COUNTER, 0, GM_F(63, 0), 0},
	GM_HPMCTR(3),  GM_HPMCTR(4),  GM_HPMCTR(5),  GM_HPMCTR(6),  GM_HPMCTR(7),
	GM_HPMCTR(8),  GM_HPMCTR(9),  GM_HPMCTR(10), GM_HPMCTR(11), GM_HPMCTR(12),
	GM_HPMCTR(13), GM_HPMCTR(14), GM_HPMCTR(15), GM_HPMCTR(16), GM_HPMCTR(17),
	GM_HPMCTR(18), GM_HPMCTR(19), GM_HPMCTR(20), GM_HPMCTR(21), GM_HPMCTR(22),
	GM_HPMCTR(23), GM_HPMCTR(24), GM_HPMCTR(25), GM_HPMCTR(26), GM_HPMCTR(27),
	GM_HPMCTR(28), GM_HPMCTR(29), GM_HPMCTR(30), GM_HPMCTR(31),
	/* eventID[14:0] DMASK[15] PID_PSCID[35:16] DID_GSCID[59:36] PV_PSCV[60] DV_GSCV[61]
	 * IDT[62] OF[63]: every bit RW */
	{"iohpmevt1", 0x160, 8, 0, 0, GM_F(63, 0), 0},
	{"iohpmevt2", 0x168, 8, 0, 0, GM_F(63, 0), 0},
	GM_HPMEVT(3),  GM_HPMEVT(4),  GM_HPMEVT(5),  GM_HPMEVT(6),  GM_HPMEVT(7),
	GM_HPMEVT(8),  GM_HPMEVT(9),  GM_HPMEVT(10), GM_HPMEVT(11), GM_HPMEVT(12),
	GM_HPMEVT(13), GM_HPMEVT(14), GM_HPMEVT(15), GM_HPMEVT(16), GM_HPMEVT(17),
	GM_HPMEVT(18), GM_HPMEVT(19), GM_HPMEVT(20), GM_HPMEVT(21), GM_HPMEVT(22),
	GM_HPMEVT(23), GM_HPMEVT(24), GM_HPMEVT(25), GM_HPMEVT(26), GM_HPMEVT(27),
	GM_HPMEVT(28), GM_HPMEVT(29), GM_HPMEVT(30), GM_HPMEVT(31),
	/* 5.23-5.25: debug translation (DBG=1): tr_req_iova vpn[63:12]; tr_response RO */
	{"tr_req_iova", 0x258, 8, 0, 0, GM_F(63, 12), 0},
	{"tr_req_ctl",  0x260, 8, GM_REG_HANDSHAKE, 0, GM_REGS_TRCTL, 0},
	{"tr_response", 0x268, 8, 0, 0, 0, 0},
	{"iommu_qosid", 0x270, 4, GM_REG_ABSENT, 0, 0, 0},
	/* 5.26: civ[3:0] fiv[7:4] pmiv[11:8] piv[15:12], 16 vectors */
	{"icvec", 0x2f8, 8, 0, 0, GM_F(15, 0), 0},
	/* 5.27: msi_cfg_tbl, 16 entries (IGS=BOTH): ADDR[55:2], data[31:0], vector control M[0] */
	GM_MSICFG(0),  GM_MSICFG(1),  GM_MSICFG(2),  GM_MSICFG(3),
	GM_MSICFG(4),  GM_MSICFG(5),  GM_MSICFG(6),  GM_MSICFG(7),
	GM_MSICFG(8),  GM_MSICFG(9),  GM_MSICFG(10), GM_MSICFG(11),
	GM_MSICFG(12), GM_MSICFG(13), GM_MSICFG(14), GM_MSICFG(15),
};
/* clang-format on */

#define GM_REGS_COUNT (sizeof(gm_regs) / sizeof(gm_regs[0]))

#endif /* GM_REGS_H */
