/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Register offsets and the few field values the co-simulation tests use. Offsets come from the
 * generated include/riscv_iommu_regs.h when it is present; the fallbacks below are the spec's
 * register map (spec "Register layout") so that the tests build before it lands.
 */
#ifndef TB_REGS_H
#define TB_REGS_H

#if defined(__has_include)
#if __has_include("riscv_iommu_regs.h")
#include "riscv_iommu_regs.h"
#endif
#endif

#ifndef RISCV_IOMMU_REG_CAPABILITIES
#define RISCV_IOMMU_REG_CAPABILITIES 0x000u
#endif
#ifndef RISCV_IOMMU_REG_FCTL
#define RISCV_IOMMU_REG_FCTL 0x008u
#endif
#ifndef RISCV_IOMMU_REG_DDTP
#define RISCV_IOMMU_REG_DDTP 0x010u
#endif
#ifndef RISCV_IOMMU_REG_CQB
#define RISCV_IOMMU_REG_CQB 0x018u
#endif
#ifndef RISCV_IOMMU_REG_CQH
#define RISCV_IOMMU_REG_CQH 0x020u
#endif
#ifndef RISCV_IOMMU_REG_CQT
#define RISCV_IOMMU_REG_CQT 0x024u
#endif
#ifndef RISCV_IOMMU_REG_FQB
#define RISCV_IOMMU_REG_FQB 0x028u
#endif
#ifndef RISCV_IOMMU_REG_FQH
#define RISCV_IOMMU_REG_FQH 0x030u
#endif
#ifndef RISCV_IOMMU_REG_FQT
#define RISCV_IOMMU_REG_FQT 0x034u
#endif
#ifndef RISCV_IOMMU_REG_CQCSR
#define RISCV_IOMMU_REG_CQCSR 0x048u
#endif
#ifndef RISCV_IOMMU_REG_FQCSR
#define RISCV_IOMMU_REG_FQCSR 0x04cu
#endif
#ifndef RISCV_IOMMU_REG_IPSR
#define RISCV_IOMMU_REG_IPSR 0x054u
#endif

/* Field values (spec register sections), named for the tests only. */
#define TB_DDTP_MODE_MASK 0xfull
#define TB_DDTP_BUSY	  (1ull << 4)
#define TB_DDTP_PPN_SHIFT 10
#define TB_DDTP_OFF	  0u
#define TB_DDTP_BARE	  1u
#define TB_DDTP_1LVL	  2u
#define TB_DDTP_2LVL	  3u
#define TB_DDTP_3LVL	  4u
#define TB_QB_LOG2SZ_MASK 0x1full
#define TB_QB_PPN_SHIFT	  10
#define TB_QCSR_EN	  (1u << 0)
#define TB_QCSR_IE	  (1u << 1)
#define TB_QCSR_MF	  (1u << 8)
#define TB_QCSR_ON	  (1u << 16)
#define TB_QCSR_BUSY	  (1u << 17)

/* Linux's polling budgets are in microseconds; the testbench uses cycles. */
#define TB_POLL_CYCLES 2000000u

#endif /* TB_REGS_H */
