// SPDX-License-Identifier: Apache-2.0
// Leaf PTE permission check (Priv spec 12.3.2 step 6-8, IOMMU spec 2.3 and the process-context ENS/SUM rules).
//
// Used by the walker on leaves it finds and by the translation stage on IOTLB hits (the IOTLB
// stores the leaf bits with A=1 and W folded as W&D, so a hit re-runs exactly these rules). The
// walker passes A=D=1 and judges A/D itself (hardware A/D update under DC.tc.SADE/GADE).
// G-stage leaves are checked as user accesses and must have U=1; implicit G-stage accesses (reads
// of first-stage PTEs) are reads. MXR is not supported (no such field for the IOMMU).

`default_nettype none

module iommu_ptw_perm (
  input  logic g_stage_i,  // 1: G-stage leaf
  input  logic implicit_i, // G-stage leaf of an implicit access (first-stage PTE read)
  input  logic exec_i,
  input  logic write_i,
  input  logic priv_i,     // supervisor request (first stage only)
  input  logic sum_i,
  input  logic r_i,
  input  logic w_i,
  input  logic x_i,
  input  logic u_i,
  input  logic a_i,
  input  logic d_i,
  output logic fault_o
);

  logic eff_exec, eff_write, u_bad, rwx_bad, ad_bad;

  assign eff_exec  = exec_i && !implicit_i;
  assign eff_write = write_i && !implicit_i;

  // U: G-stage leaves must be user pages; first stage per privilege and SUM (exec of a U page by
  // supervisor always faults).
  assign u_bad = g_stage_i ? !u_i
               : (priv_i ? (u_i && (eff_exec || !sum_i)) : !u_i);
  assign rwx_bad = eff_exec ? !x_i : (eff_write ? !w_i : !r_i);
  // A=0, or D=0 on a write, is a page fault (the walker passes A=D=1 and decides between the
  // fault and the A/D update itself).
  assign ad_bad = !a_i || (eff_write && !d_i);

  assign fault_o = u_bad || rwx_bad || ad_bad;

endmodule
