// SPDX-License-Identifier: Apache-2.0
// Device/process context cache: the translation-relevant part of DC (+ PC) per (did, pv, pid).
//
// Fully associative, Entries entries, loaded by firmware (architecture.md 5.2 layout) after it
// has walked the DDT/PDT, invalidated by IODIR.INVAL_DDT/PDT on the firmware's behalf (IOMMU spec
// 1.10: the DDT and PDT caches). Lookup key: did, and for entries with pdtv=1 also (pv, pid)
// (pid compared only when pv=1). A load replaces an entry with the same key, else a free entry,
// else the round-robin victim. Lookup is combinational.

`default_nettype none

module iommu_ctx_cache #(
  parameter int Entries = 8
) (
  input  logic              clk_i,
  input  logic              rst_i,
  input  logic              load_i,
  input  logic [16*32-1:0]  w_i,
  input  logic              inv_i,
  input  logic [1:0]        inv_op_i,   // 0 did, 1 all, 2 did+pid
  input  logic [23:0]       inv_did_i,
  input  logic [19:0]       inv_pid_i,

  // Lookup, one cycle ahead: the key of the request that enters the stage at this edge (take_i)
  // or, while the stage holds its request, that request's own key; the outputs below belong to
  // the stage's request (registered match, live valid bits and data).
  input  logic              take_i,
  input  logic [23:0]       nk_did_i,
  input  logic              nk_pv_i,
  input  logic [19:0]       nk_pid_i,
  input  logic [23:0]       did_i,
  input  logic              pv_i,
  input  logic [19:0]       pid_i,
  output logic              hit_o,
  output logic              pdtv_o,
  output logic              dtf_o,
  output logic              ens_o,
  output logic              sum_o,
  output logic [19:0]       pscid_o,
  output logic [3:0]        s1_mode_o,
  output logic [43:0]       s1_ppn_o,
  output logic [15:0]       gscid_o,
  output logic [3:0]        s2_mode_o,
  output logic [43:0]       s2_ppn_o,
  output logic [3:0]        msi_mode_o,   // msiptp.MODE
  output logic [43:0]       msi_ppn_o,    // msiptp.PPN
  output logic [51:0]       msi_mask_o,   // msi_addr_mask
  output logic [51:0]       msi_pat_o     // msi_addr_pattern
);

  localparam int IdxW = (Entries > 1) ? $clog2(Entries) : 1;

  // Stored entry: the key fields apart, W1..W7 of the load, and the MSI fields of W8..W14.
  logic            valid_q [Entries];
  logic [23:0]     did_q   [Entries];
  logic [19:0]     pid_q   [Entries];
  logic            pv_q    [Entries];
  logic            pdtv_q  [Entries];
  logic [7*32-1:0] ent_q   [Entries];
  logic [3:0]      mmode_q [Entries];
  logic [43:0]     mppn_q  [Entries];
  logic [51:0]     mmask_q [Entries];
  logic [51:0]     mpat_q  [Entries];
  logic [IdxW-1:0] rr_q;
  logic [Entries-1:0] valid_vec;
  always_comb begin
    for (int i = 0; i < Entries; i++) begin
      valid_vec[i] = valid_q[i];
    end
  end

  // ---- Lookup: registered one-hot match, data by index from distributed RAM ----
  // Keys are unique: a load replaces the entry of its key and drops every entry of the same did
  // that a lookup could also match (a pdtv=0 entry matches any pid), so at most one entry
  // matches. The match vector is computed for the next stage request and registered; the stage
  // ANDs it with the live valid bits (an invalidation or a load's drop takes effect at once) and
  // reads the data by the OR-encoded index. An entry loaded at this edge is matched against its
  // new key, so a load never leaves a stale match behind.
  logic [Entries-1:0] match_q, match_d, match_nk, match_st;
  logic [IdxW-1:0]    hit_idx;

  function automatic logic key_hit(input logic [23:0] e_did, input logic e_pdtv, input logic e_pv,
                                   input logic [19:0] e_pid, input logic [23:0] did,
                                   input logic pv, input logic [19:0] pid);
    key_hit = (e_did == did) && (!e_pdtv || ((e_pv == pv) && (!pv || (e_pid == pid))));
  endfunction

  // Both keys are compared in parallel; take_i (the stage's decision) only picks the result.
  always_comb begin
    for (int i = 0; i < Entries; i++) begin
      if (load_i && (slot == IdxW'(i))) begin
        match_nk[i] = key_hit(new_did, new_pdtv, new_pv, new_pid, nk_did_i, nk_pv_i, nk_pid_i);
        match_st[i] = key_hit(new_did, new_pdtv, new_pv, new_pid, did_i, pv_i, pid_i);
      end else begin
        match_nk[i] = key_hit(did_q[i], pdtv_q[i], pv_q[i], pid_q[i], nk_did_i, nk_pv_i, nk_pid_i);
        match_st[i] = key_hit(did_q[i], pdtv_q[i], pv_q[i], pid_q[i], did_i, pv_i, pid_i);
      end
    end
  end
  assign match_d = take_i ? match_nk : match_st;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      match_q <= '0;
    end else begin
      match_q <= match_d;
    end
  end

  logic [Entries-1:0] match;
  always_comb begin
    match   = match_q & valid_vec;
    hit_idx = '0;
    for (int i = 0; i < Entries; i++) begin
      hit_idx = hit_idx | (match[i] ? IdxW'(i) : '0);   // stale bits of dropped entries masked
    end
  end
  assign hit_o = |match;

  logic [7*32-1:0] sel;   // W1..W7 of the hit entry
  assign sel        = ent_q[hit_idx];
  assign pdtv_o     = pdtv_q[hit_idx];
  assign msi_mode_o = mmode_q[hit_idx];
  assign msi_ppn_o  = mppn_q[hit_idx];
  assign msi_mask_o = mmask_q[hit_idx];
  assign msi_pat_o  = mpat_q[hit_idx];

  assign dtf_o     = sel[22];
  assign ens_o     = sel[23];
  assign sum_o     = sel[24];
  assign pscid_o   = sel[32+19:32];
  assign s1_mode_o = sel[32+31:32+28];
  assign s1_ppn_o  = {sel[96+11:96], sel[64+31:64]};
  assign gscid_o   = sel[128+15:128];
  assign s2_mode_o = sel[128+31:128+28];
  assign s2_ppn_o  = {sel[192+11:192], sel[160+31:160]};

  // ---- Load slot: same key, else free, else round robin ----
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

  // ---- Invalidation (IODIR.INVAL_DDT: did or all; IODIR.INVAL_PDT: did+pid) ----
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
        if ((inv_i && inv_hit[i]) ||
            (load_i && (did_q[i] == new_did) && (!new_pdtv || !pdtv_q[i]))) begin
          valid_q[i] <= 1'b0;
        end
      end
      if (load_i) begin
        valid_q[slot] <= 1'b1;
        rr_q          <= rr_q + IdxW'(1);
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (load_i) begin
      did_q[slot]  <= new_did;
      pid_q[slot]  <= new_pid;
      pv_q[slot]   <= new_pv;
      pdtv_q[slot] <= new_pdtv;
      ent_q[slot]  <= w_i[8*32-1:32];
      mmode_q[slot] <= w_i[8*32+31:8*32+28];
      mppn_q[slot]  <= {w_i[10*32+11:10*32], w_i[9*32+31:9*32]};
      mmask_q[slot] <= {w_i[12*32+19:12*32], w_i[11*32+31:11*32]};
      mpat_q[slot]  <= {w_i[14*32+19:14*32], w_i[13*32+31:13*32]};
    end
  end

  // W0[31:24], W1 key/unused bits, W2[27:20], W5[27:16], the reserved bits of W8..W14 and W15
  // are not used.
  logic unused_ctx;
  assign unused_ctx = ^{w_i[16*32-1:15*32], w_i[14*32+31:14*32+20], w_i[12*32+31:12*32+20],
                        w_i[10*32+31:10*32+12], w_i[8*32+27:8*32], w_i[31:24], sel[21:0],
                        sel[31:25], sel[32+27:32+20],
                        sel[96+31:96+12], sel[128+27:128+16], sel[192+31:192+12]};

endmodule
