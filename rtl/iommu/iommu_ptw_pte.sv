// SPDX-License-Identifier: Apache-2.0
// iommu_ptw_pte: the walker's verdict on the PTE of one R beat (Priv spec 12.3.2 steps 3-8,
// Svnapot, the H extension's G-stage rules).
//
// Part of iommu_ptw. Combinational: decodes the PTE on rd_data_i in the cycle it arrives,
// judges it at the walker's level and stage (reserved bits, pointer shape, NAPOT, superpage
// alignment, the leaf permissions through iommu_ptw_perm, A/D against the stage's ADE) and gives
// the leaf's 4 KiB page number and size and the leaf bits the IOTLB keeps. iommu_ptw passes the
// access the leaf is checked for (p_exec / p_write) and the stage's ADE; its FSM takes the step.

`default_nettype none

module iommu_ptw_pte (
  // ---- The PTE and where the walk is ----
  input  logic [63:0]  pte_i,        // the R beat's data
  input  logic [2:0]   lvl_i,        // 0..4 (level 4: Sv57 / Sv57x4 root)
  input  logic         in_g_i,       // a G-stage PTE
  input  logic [43:0]  gpa_pn_i,     // GPA[55:12] under G-stage translation
  input  logic [43:0]  iova_pn_i,    // IOVA[55:12]
  // ---- The access the leaf is checked for ----
  input  logic         exec_i,
  input  logic         write_i,
  input  logic         priv_i,
  input  logic         sum_i,
  input  logic         ade_i,        // the stage's A/D update enable (DC.tc.SADE / GADE)

  // ---- Verdict ----
  output logic [43:0]  pte_ppn_o,
  output logic         pte_leaf_o,
  output logic         pte_bad_o,    // malformed at this level (either kind of PTE)
  output logic         leaf_bad_o,   // a leaf that faults (alignment, permission, A/D)
  output logic         ad_need_o,    // A=0, or D=0 on a write
  output logic [43:0]  leaf_ppn_o,   // the leaf's 4 KiB page
  output logic [2:0]   leaf_size_o,
  output logic [3:0]   p1_o,         // first-stage leaf {U, X, W&D, R}
  output logic [2:0]   p2_o,         // G-stage leaf {X, W&D, R}
  output logic         g_o           // first-stage leaf G bit
);

  // ---- PTE decode (RSW 9:8 are software bits, ignored) ----
  logic [63:0] pte;
  logic [43:0] pte_ppn, lvl_mask, leaf_ppn;
  logic        pte_bad, pte_leaf, pte_napot, napot_ok, misaligned, perm_bad;
  logic        ad_need, leaf_bad;
  logic [43:0] cur_vpn;      // VPN bits that superpage/NAPOT leaves pass through
  logic [2:0]  leaf_size;

  assign pte       = pte_i;
  assign pte_ppn   = pte[53:10];
  assign pte_leaf  = pte[1] || pte[3];
  assign pte_napot = pte[63];
  assign cur_vpn   = in_g_i ? gpa_pn_i : iova_pn_i;
  // PPN bits a leaf at this level passes through from the address: a constant per level.
  always_comb begin
    case (lvl_i)
      3'd0:    lvl_mask = 44'h0;
      3'd1:    lvl_mask = 44'h1FF;
      3'd2:    lvl_mask = 44'h3FFFF;
      3'd3:    lvl_mask = 44'h7FFFFFF;
      default: lvl_mask = 44'hFFFFFFFFF;   // level 4: 256 TiB
    endcase
  end
  assign napot_ok  = (lvl_i == 3'd0) && (pte_ppn[3:0] == 4'b1000);
  // V=0, W without R (incl. xwr=010), reserved 62:54 (PBMT reserved: Svpbmt=0), non-leaf with
  // A/D/U/N set, non-leaf at level 0, NAPOT other than 64 KiB at level 0.
  assign pte_bad = !pte[0] || (pte[2] && !pte[1]) || (pte[62:54] != 9'd0) ||
                   (!pte_leaf && ((pte[7:6] != 2'd0) || pte[4] || pte_napot || lvl_i == 3'd0)) ||
                   (pte_leaf && pte_napot && !napot_ok);
  assign misaligned = pte_leaf && !pte_napot && ((pte_ppn & lvl_mask) != 44'd0);
  assign leaf_ppn   = pte_napot ? {pte_ppn[43:4], cur_vpn[3:0]}
                                : ((pte_ppn & ~lvl_mask) | (cur_vpn & lvl_mask));
  assign leaf_size  = pte_napot ? 3'd1 : (lvl_i == 3'd0 ? 3'd0 : lvl_i + 3'd1);

  iommu_ptw_perm u_perm (
    .g_stage_i  (in_g_i),
    .implicit_i (1'b0),
    .exec_i     (exec_i),
    .write_i    (write_i),
    .priv_i     (priv_i),
    .sum_i      (sum_i),
    .r_i        (pte[1]),
    .w_i        (pte[2]),
    .x_i        (pte[3]),
    .u_i        (pte[4]),
    .a_i        (1'b1),
    .d_i        (1'b1),
    .fault_o    (perm_bad)
  );

  // A/D: missing A, or D on a write, is a fault without the stage's ADE, else an update.
  assign ad_need  = !pte[6] || (write_i && !pte[7]);
  assign leaf_bad = pte_leaf && (misaligned || perm_bad || (ad_need && !ade_i));

  // RSW (9:8) is software-owned.
  logic unused_ptw;
  assign unused_ptw = ^pte[9:8];

  assign pte_ppn_o   = pte_ppn;
  assign pte_leaf_o  = pte_leaf;
  assign pte_bad_o   = pte_bad;
  assign leaf_bad_o  = leaf_bad;
  assign ad_need_o   = ad_need;
  assign leaf_ppn_o  = leaf_ppn;
  assign leaf_size_o = leaf_size;
  assign p1_o        = {pte[4], pte[3], pte[2] & pte[7], pte[1]};
  assign p2_o        = {pte[3], pte[2] & pte[7], pte[1]};
  assign g_o         = pte[5];

endmodule
