// SPDX-License-Identifier: Apache-2.0
// MSI side of the context cache: msiptp mode/PPN, msi_addr_mask and msi_addr_pattern
// (CTX_W8..W14, architecture.md 5.2) per context entry.
//
// Loaded, invalidated and replaced in lockstep with iommu_ctx_cache (same load pulse and words,
// same key, same slot rule: same key, else the lowest free entry, else the round-robin victim;
// same invalidation ops), so it hits exactly when the context cache does. iommu_xlate still
// treats a miss here as a context miss (the firmware reloads both), so the two can never give
// a context without its MSI fields. Lookup is combinational.

`default_nettype none

module iommu_msi_ctx #(
  parameter int Entries = 8
) (
  input  logic             clk_i,
  input  logic             rst_i,
  input  logic             load_i,
  input  logic [16*32-1:0] w_i,
  input  logic             inv_i,
  input  logic [1:0]       inv_op_i,   // 0 did, 1 all, 2 did+pid
  input  logic [23:0]      inv_did_i,
  input  logic [19:0]      inv_pid_i,

  input  logic [23:0]      did_i,
  input  logic             pv_i,
  input  logic [19:0]      pid_i,
  output logic             hit_o,
  output logic [3:0]       mode_o,     // msiptp.MODE
  output logic [43:0]      ppn_o,      // msiptp.PPN
  output logic [51:0]      mask_o,
  output logic [51:0]      pattern_o
);

  localparam int IdxW = (Entries > 1) ? $clog2(Entries) : 1;

  logic             valid_q [Entries];
  logic [23:0]      did_q   [Entries];
  logic [19:0]      pid_q   [Entries];
  logic             pv_q    [Entries];
  logic             pdtv_q  [Entries];
  logic [3:0]       mode_q  [Entries];
  logic [43:0]      ppn_q   [Entries];
  logic [51:0]      mask_q  [Entries];
  logic [51:0]      pat_q   [Entries];
  logic [IdxW-1:0]  rr_q;

  logic [IdxW-1:0] hit_idx;
  always_comb begin
    hit_o   = 1'b0;
    hit_idx = '0;
    for (int i = 0; i < Entries; i++) begin
      if (valid_q[i] && (did_q[i] == did_i) &&
          (!pdtv_q[i] || ((pv_q[i] == pv_i) && (!pv_i || (pid_q[i] == pid_i))))) begin
        hit_o   = 1'b1;
        hit_idx = IdxW'(i);
      end
    end
  end

  assign mode_o    = mode_q[hit_idx];
  assign ppn_o     = ppn_q[hit_idx];
  assign mask_o    = mask_q[hit_idx];
  assign pattern_o = pat_q[hit_idx];

  logic [23:0]     new_did;
  logic [19:0]     new_pid;
  logic            new_pv, new_pdtv;
  logic [IdxW-1:0] slot;
  logic            found;
  assign new_did  = w_i[23:0];
  assign new_pid  = w_i[32+19:32];
  assign new_pv   = w_i[32+20];
  assign new_pdtv = w_i[32+21];

  always_comb begin
    slot  = rr_q;
    found = 1'b0;
    for (int i = Entries - 1; i >= 0; i--) begin
      if (!valid_q[i]) begin
        slot = IdxW'(i);
      end
    end
    for (int i = 0; i < Entries; i++) begin
      if (valid_q[i] && (did_q[i] == new_did) && (pid_q[i] == new_pid) &&
          (pv_q[i] == new_pv) && (pdtv_q[i] == new_pdtv) && !found) begin
        slot  = IdxW'(i);
        found = 1'b1;
      end
    end
  end

  logic inv_hit [Entries];
  always_comb begin
    for (int i = 0; i < Entries; i++) begin
      case (inv_op_i)
        2'd1:    inv_hit[i] = 1'b1;
        2'd2:    inv_hit[i] = (did_q[i] == inv_did_i) && pdtv_q[i] && (pid_q[i] == inv_pid_i);
        default: inv_hit[i] = (did_q[i] == inv_did_i);
      endcase
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rr_q <= '0;
      for (int i = 0; i < Entries; i++) begin
        valid_q[i] <= 1'b0;
      end
    end else begin
      for (int i = 0; i < Entries; i++) begin
        if (inv_i && inv_hit[i]) begin
          valid_q[i] <= 1'b0;
        end
      end
      if (load_i) begin
        valid_q[slot] <= 1'b1;
        rr_q          <= rr_q + IdxW'(1);
      end
    end
  end

  // W8 [31:28] mode; W9/W10 PPN; W11/W12 mask; W13/W14 pattern.
  always_ff @(posedge clk_i) begin
    if (load_i) begin
      did_q[slot]  <= new_did;
      pid_q[slot]  <= new_pid;
      pv_q[slot]   <= new_pv;
      pdtv_q[slot] <= new_pdtv;
      mode_q[slot] <= w_i[8*32+31:8*32+28];
      ppn_q[slot]  <= {w_i[10*32+11:10*32], w_i[9*32+31:9*32]};
      mask_q[slot] <= {w_i[12*32+19:12*32], w_i[11*32+31:11*32]};
      pat_q[slot]  <= {w_i[14*32+19:14*32], w_i[13*32+31:13*32]};
    end
  end

  logic unused_mctx;
  assign unused_mctx = ^{w_i[31:24], w_i[63:54], w_i[8*32-1:64], w_i[8*32+27:8*32],
                         w_i[10*32+31:10*32+12], w_i[12*32+31:12*32+20],
                         w_i[14*32+31:14*32+20], w_i[16*32-1:15*32]};

endmodule

`default_nettype wire
