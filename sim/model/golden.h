/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Golden model: an independent C reading of the RISC-V IOMMU v1.0 "process to translate an
 * IOVA" (spec 2.3), used as the scoreboard for every DMA in co-simulation and by the unit tests.
 *
 * It deliberately does not include the generated register header: its constants are written
 * here from the spec text, so that it is a second, independent reading of the spec.
 */
#ifndef GOLDEN_H
#define GOLDEN_H

#include <stdbool.h>
#include <stdint.h>

/**
 * struct gm_env - what the model needs to know about the IOMMU and the memory.
 * @rd64: read 8 bytes of system memory at @pa; set *@err for a bus error (PMA/PMP fault).
 * @ctx:  passed back to @rd64.
 * @ddtp: the ddtp register (mode [3:0], PPN [53:10]).
 * @caps: the capabilities register. Only the features the model implements are honoured
 *        (GM_CAPS_MODEL); e.g. Sv32, ATS are always treated as absent.
 * @fctl: the fctl register (BE [0], WSI [1], GXL [2]).
 * @wr64: optional (NULL: not written): the hardware A/D updates (DC.tc.SADE/GADE with
 *        AMO_HWAD) are written through it, A (and D for a write) set in the leaf PTE at @pa.
 *        Either way they are counted in struct gm_info.ad_updates.
 */
struct gm_env {
	uint64_t (*rd64)(void *ctx, uint64_t pa, bool *err);
	void *ctx;
	uint64_t ddtp;
	uint64_t caps;
	uint32_t fctl;
	void (*wr64)(void *ctx, uint64_t pa, uint64_t val);
};

/**
 * struct gm_req - one untranslated DMA request, as the device port sees it.
 * @did:   device_id (24 bits).
 * @pid:   process_id (20 bits), meaningful when @pv.
 * @pv:    process_id valid.
 * @priv:  supervisor privilege (AxPROT[0]). Like PCIe, privilege travels with a process_id:
 *         a request with @pv=0 is treated as user (and reported with PRIV=0).
 * @exec:  read for execute (AxPROT[2]); ignored on writes.
 * @write: write (else read).
 * @iova:  start address.
 * @beats: burst length in 8-byte beats (0 is treated as 1).
 */
struct gm_req {
	uint32_t did, pid;
	bool pv, priv, exec, write;
	uint64_t iova;
	unsigned beats;
};

/**
 * struct gm_res - the outcome.
 * @fault:   the request must get an error response.
 * @cause:   fault-record CAUSE (spec table "Fault record CAUSE"), 0 when no fault.
 * @ttyp:    fault-record TTYP: 1 untranslated exec, 2 untranslated read, 3 untranslated write.
 * @pa:      translated address (no fault). For an MRIF-mode MSI, the MRIF address.
 * @iotval:  the IOVA.
 * @iotval2: guest-page faults: GPA[63:2] << 2, bit 0 = implicit first-stage/PDT access; else 0.
 * @report:  a fault record is written (false when DC.tc.DTF=1 suppresses the cause).
 */
struct gm_res {
	bool fault;
	unsigned cause;
	unsigned ttyp;
	uint64_t pa;
	uint64_t iotval, iotval2;
	bool report;
};

/**
 * struct gm_info - optional extra outputs of gm_translate_ex().
 * @msi:         the GPA matched the DC's MSI address pattern (MSI translation was used).
 * @mrif:        the MSI PTE was in MRIF mode (M=1); @pa of the result is the MRIF address.
 * @notice_addr: MRIF notice MSI address (NPPN << 12).
 * @notice_data: MRIF notice MSI data (11-bit NID).
 * @gpa:         the address after the first stage (the GPA; equals the IOVA when Bare).
 * @page_size:   size of the final mapping in bytes (smallest of the two stages; 0 if Bare).
 * @at:          where a fault arose (GM_AT_*), GM_AT_NONE without a fault: which agent of an
 *               implementation reports it may depend on it (the same cause, e.g. 260, arises
 *               at several steps).
 * @pdtv:        the device context has DC.tc.PDTV=1 (DDT modes, DC located).
 * @dtf:         the device context has DC.tc.DTF=1 (DDT modes, DC located).
 * @ad_updates:  leaf PTEs that lacked A (or D for a write) and were updated (ADE set); for a
 *               64 KiB Svnapot leaf only when none of its 16 PTEs had them. After the IOMMU
 *               has done the same access, this is 0 unless another agent cleared A/D.
 */
struct gm_info {
	bool msi, mrif;
	uint64_t notice_addr;
	uint32_t notice_data;
	uint64_t gpa;
	uint64_t page_size;
	unsigned at;
	bool pdtv, dtf;
	unsigned ad_updates;
};

/* clang-format off */
/* gm_info.at: the step of spec 2.3 at which the fault arose */
#define GM_AT_NONE      0u /* no fault */
#define GM_AT_OFF       1u /* ddtp Off (step 1) */
#define GM_AT_BARE      2u /* ddtp Bare: page-crossing burst or address wider than PAS */
#define GM_AT_DDT       3u /* device_id too wide, DDT walk, DC checks (steps 2-3) */
#define GM_AT_NO_PDT    4u /* process_id valid but DC.tc.PDTV=0 (260) */
#define GM_AT_PID_WIDTH 5u /* process_id wider than pdtp.MODE allows (260) */
#define GM_AT_CROSS     6u /* burst crossing a 4 KiB page: unsupported transaction (260) */
#define GM_AT_PDT       7u /* PDT walk and PC checks, its G-stage implicit reads included */
#define GM_AT_ENS       8u /* supervisor request with PC.ta.ENS=0 (260) */
#define GM_AT_WALK      9u /* first-stage and final G-stage translation */
#define GM_AT_MSI       10u /* MSI address translation (step 18) */
/* clang-format on */

/**
 * gm_translate() - translate one request, spec 2.3 step by step.
 * @env: IOMMU state and memory accessor.
 * @req: the request.
 * @res: filled with the outcome (always fully written).
 */
void gm_translate(const struct gm_env *env, const struct gm_req *req, struct gm_res *res);

/**
 * gm_translate_ex() - gm_translate() with extra outputs.
 * @env:  IOMMU state and memory accessor.
 * @req:  the request.
 * @res:  filled with the outcome.
 * @info: if not NULL, filled with MSI/MRIF details, the GPA and the page size.
 */
void gm_translate_ex(const struct gm_env *env, const struct gm_req *req, struct gm_res *res,
		     struct gm_info *info);

/**
 * gm_cause_dtf_suppressed() - whether DC.tc.DTF=1 suppresses the record for @cause.
 * @cause: fault cause.
 *
 * Return: true for the causes the spec's table marks "not reported if DTF is 1".
 */
bool gm_cause_dtf_suppressed(unsigned cause);

/* clang-format off */
/* capabilities (spec 5.3) */
#define GM_CAP_VERSION_MASK  0xffull
#define GM_CAP_SV32          (1ull << 8)
#define GM_CAP_SV39          (1ull << 9)
#define GM_CAP_SV48          (1ull << 10)
#define GM_CAP_SV57          (1ull << 11)
#define GM_CAP_SVPBMT        (1ull << 15)
#define GM_CAP_SV32X4        (1ull << 16)
#define GM_CAP_SV39X4        (1ull << 17)
#define GM_CAP_SV48X4        (1ull << 18)
#define GM_CAP_SV57X4        (1ull << 19)
#define GM_CAP_AMO_MRIF      (1ull << 21)
#define GM_CAP_MSI_FLAT      (1ull << 22)
#define GM_CAP_MSI_MRIF      (1ull << 23)
#define GM_CAP_AMO_HWAD      (1ull << 24)
#define GM_CAP_ATS           (1ull << 25)
#define GM_CAP_T2GPA         (1ull << 26)
#define GM_CAP_END           (1ull << 27)
#define GM_CAP_IGS_SHIFT     28
#define GM_CAP_IGS_BOTH      (2ull << 28)
#define GM_CAP_HPM           (1ull << 30)
#define GM_CAP_DBG           (1ull << 31)
#define GM_CAP_PAS_SHIFT     32
#define GM_CAP_PAS_MASK      (0x3full << 32)
#define GM_CAP_PD8           (1ull << 38)
#define GM_CAP_PD17          (1ull << 39)
#define GM_CAP_PD20          (1ull << 40)
#define GM_CAP_QOSID         (1ull << 41)

/* The features the model implements; other capability bits are ignored. */
#define GM_CAPS_MODEL (GM_CAP_VERSION_MASK | GM_CAP_SV39 | GM_CAP_SV48 | GM_CAP_SV57 |   \
		       GM_CAP_SV39X4 | GM_CAP_SV48X4 | GM_CAP_SV57X4 | GM_CAP_MSI_FLAT |    \
		       GM_CAP_MSI_MRIF | GM_CAP_AMO_HWAD | (3ull << 28) | GM_CAP_HPM |      \
		       GM_CAP_DBG |                                                         \
		       GM_CAP_PAS_MASK | GM_CAP_PD8 | GM_CAP_PD17 | GM_CAP_PD20)
/* This project's capabilities (doc/targets.md §4). */
#define GM_CAPS_PROJECT (0x10ull | GM_CAP_SV39 | GM_CAP_SV48 | GM_CAP_SV57 | GM_CAP_SV39X4 | \
			 GM_CAP_SV48X4 | GM_CAP_SV57X4 | GM_CAP_MSI_FLAT | GM_CAP_MSI_MRIF | \
			 GM_CAP_AMO_HWAD | GM_CAP_IGS_BOTH | GM_CAP_HPM | GM_CAP_DBG |   \
			 (56ull << GM_CAP_PAS_SHIFT) | GM_CAP_PD8 | GM_CAP_PD17 | GM_CAP_PD20)

/* fctl */
#define GM_FCTL_BE           (1u << 0)
#define GM_FCTL_WSI          (1u << 1)
#define GM_FCTL_GXL          (1u << 2)

/* ddtp.iommu_mode */
#define GM_DDTP_OFF          0u
#define GM_DDTP_BARE         1u
#define GM_DDTP_1LVL         2u
#define GM_DDTP_2LVL         3u
#define GM_DDTP_3LVL         4u

/* fault-record TTYP */
#define GM_TTYP_NONE         0u
#define GM_TTYP_UEXEC        1u
#define GM_TTYP_UREAD        2u
#define GM_TTYP_UWRITE       3u

/* fault-record CAUSE */
#define GM_CAUSE_EXEC_ACCESS     1u
#define GM_CAUSE_READ_ACCESS     5u
#define GM_CAUSE_WRITE_ACCESS    7u
#define GM_CAUSE_EXEC_PAGE       12u
#define GM_CAUSE_READ_PAGE       13u
#define GM_CAUSE_WRITE_PAGE      15u
#define GM_CAUSE_EXEC_GUEST      20u
#define GM_CAUSE_READ_GUEST      21u
#define GM_CAUSE_WRITE_GUEST     23u
#define GM_CAUSE_ALL_DISALLOWED  256u
#define GM_CAUSE_DDT_LOAD        257u
#define GM_CAUSE_DDT_INVALID     258u
#define GM_CAUSE_DDT_MISCONF     259u
#define GM_CAUSE_TTYP_DISALLOWED 260u
#define GM_CAUSE_MSI_LOAD        261u
#define GM_CAUSE_MSI_INVALID     262u
#define GM_CAUSE_MSI_MISCONF     263u
#define GM_CAUSE_MRIF_ACCESS     264u
#define GM_CAUSE_PDT_LOAD        265u
#define GM_CAUSE_PDT_INVALID     266u
#define GM_CAUSE_PDT_MISCONF     267u
#define GM_CAUSE_DDT_CORRUPT     268u
#define GM_CAUSE_PDT_CORRUPT     269u
#define GM_CAUSE_MSI_CORRUPT     270u
#define GM_CAUSE_MRIF_CORRUPT    271u
#define GM_CAUSE_INTERNAL        272u
#define GM_CAUSE_MSI_WRITE       273u
#define GM_CAUSE_PT_CORRUPT      274u
/* clang-format on */

#endif /* GOLDEN_H */
