/* SPDX-License-Identifier: Apache-2.0 */
/*
 * AXI protocol checker of the co-simulation: watches every channel of soc_top's three ports
 * (m_axi memory port, s_axi device port, s_axil host register port) once per clock edge and
 * fails the running test on a violation of
 *   - VALID held until READY with a stable payload (AXI4 A3.2.1), on every channel, whichever
 *     side drives it (the IOMMU or a testbench model);
 *   - responses only for outstanding requests: an R beat needs an accepted AR of its ID, a B needs
 *     an accepted AW of its ID whose W beats all arrived (AXI4 A3.3.1); AXI4-Lite the same
 *     without IDs;
 *   - burst length: the W beats of a write (W follows AW order) and the R beats of a read number
 *     LEN+1, with WLAST / RLAST on the last beat only.
 */
#ifndef TB_AXI_CHECK_H
#define TB_AXI_CHECK_H

/** axi_check_reset() - forget every outstanding transaction (before reset is released). */
void axi_check_reset(void);

/**
 * axi_check_cycle() - check the handshakes of this clock edge. Call once per cycle after the
 * design settled and before any model changes its inputs (sim_ports then holds exactly what the
 * edge samples).
 */
void axi_check_cycle(void);

/** axi_check_violations() - violations seen since the last reset. */
unsigned axi_check_violations(void);

/** axi_check_report() - one line: handshakes checked per port, violations. */
void axi_check_report(void);

#endif /* TB_AXI_CHECK_H */
