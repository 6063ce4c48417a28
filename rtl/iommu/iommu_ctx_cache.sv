// SPDX-License-Identifier: Apache-2.0
// Device/process context cache: the translation-relevant part of DC (+ PC) per (did, pv, pid).
//
// Fully associative, Entries entries, loaded by firmware (architecture.md 5.2 layout) after it
// has walked the DDT/PDT, invalidated by IODIR.INVAL_DDT/PDT on the firmware's behalf (the
// spec's DDT and PDT caches). Lookup key: did, and for entries with pdtv=1 also (pv, pid)
// (pid compared only when pv=1). A load replaces an entry with the same key, else a free entry,
// else the round-robin victim. The lookup is done a cycle ahead (below): the stage reads its
// context from registers.

`default_nettype none

module iommu_ctx_cache #(
  parameter int Entries = 8   // >= 2
) (
  input  logic              clk_i,
  input  logic              rst_i,
  input  logic              load_i,
  input  logic [16*32-1:0]  w_i,
  input  logic              inv_i,
  input  logic [1:0]        inv_op_i,   // 0 did, 1 all, 2 did+pid
  input  logic [23:0]       inv_did_i,
  input  logic [19:0]       inv_pid_i,

  // Lookup, one cycle ahead: the key the intake offers, of the request that enters the stage at
  // this edge or, in a relook (rl: the stage held its request, iommu_xlate_intake), the stage's
  // own key (did_i, pv_i, pid_i); the outputs below belong to the stage's request when it
  // decides (registered match and data, live valid bits). The entering request's
  // key {did, pv, pid} comes in parts (iommu_xlate_intake): the AW key (ka) and the AR key (kb)
  // are both compared and the pick (sel_a) chooses a match vector; while the intake's skid
  // register holds a request (sk), the match kept for it since it was taken is used. A debug
  // request's key is not offered: it enters the stage for a relook (its match here is unused;
  // skdbg: the skid register holds it).
  input  logic              nk_rl_i,
  input  logic [44:0]       nk_ka_i,
  input  logic [44:0]       nk_kb_i,
  input  logic              nk_sel_a_i,
  input  logic              nk_skdbg_i,
  input  logic              nk_sk_i,
  input  logic [44:0]       nk_ksk_i,
  input  logic [23:0]       did_i,
  input  logic              pv_i,
  input  logic [19:0]       pid_i,
  output logic              hit_o,
  output logic              pdtv_o,
  output logic              dtf_o,
  output logic              ens_o,
  output logic              sum_o,
  output logic              sade_o,       // DC.tc.SADE / GADE (A/D update), with the roots
  output logic              gade_o,
  output logic [19:0]       pscid_o,
  output logic [3:0]        s1_mode_o,
  output logic [43:0]       s1_ppn_o,
  output logic [15:0]       gscid_o,
  output logic [3:0]        s2_mode_o,
  output logic [43:0]       s2_ppn_o,
  output logic [3:0]        msi_mode_o,   // msiptp.MODE
  output logic [43:0]       msi_ppn_o,    // msiptp.PPN
  output logic [51:0]       msi_mask_o,   // msi_addr_mask
  output logic [51:0]       msi_pat_o,    // msi_addr_pattern
  // For the IOTLB's tags: the match vector (one-hot or zero) of the offered key, and the entry
  // index of the stage's registered match (with hit_o). flush_o marks every entry whose content ended at the previous edge (dropped, or
  // loaded with a new context).
  output logic [Entries-1:0] nk_match_o,
  output logic [$clog2(Entries)-1:0] idx_o,
  // For the MSI cache's GSCID match (iommu_msi_cache): the stage's registered match vector, and
  // the entry a load writes at this edge (one-hot or zero) with the GSCID it writes.
  output logic [Entries-1:0] match_q_o,
  output logic [Entries-1:0] load_vec_o,
  output logic [15:0]       load_gscid_o,
  output logic [Entries-1:0] flush_o
);

  localparam int IdxW = $clog2(Entries);

  // Stored per entry: the key apart (compared in parallel), the fields the stage decides on in
  // one vector read a cycle ahead and registered (distributed RAM): {pdtv,
  // dtf, ens, sum, s1 mode, gscid, s2 mode, msiptp mode, msi_addr_mask, msi_addr_pattern}; and
  // the table roots the miss queue and the walkers take with a miss (pscid, s1/s2/msiptp PPN) in
  // a third vector, read by the registered index in the stage's cycle (see idx_q below).
  localparam int DataW = 1 + 3 + 4 + 16 + 4 + 4 + 52 + 52;
  localparam int RootW = 2 + 20 + 44 + 44 + 44;
  logic               valid_q [Entries];
  logic [23:0]        did_q   [Entries];
  logic [19:0]        pid_q   [Entries];
  logic               pv_q    [Entries];
  logic               pdtv_q  [Entries];
  logic [DataW-1:0]   data_q  [Entries];
  logic [RootW-1:0]   root_q  [Entries];
  logic [IdxW-1:0]    rr_q;
  logic [Entries-1:0] valid_vec, keep_vec, drop_vec;

  // ---- Load: the new key and data (layout in architecture.md 5.2) ----
  logic [23:0]      new_did;
  logic [19:0]      new_pid;
  logic             new_pv, new_pdtv;
  logic [DataW-1:0] new_data;
  logic [RootW-1:0] new_root;
  logic [IdxW-1:0]  slot;
  logic             found;
  assign new_did  = w_i[23:0];
  assign new_pid  = w_i[32+19:32];
  assign new_pv   = w_i[32+20];
  assign new_pdtv = w_i[32+21];
  assign new_data = {new_pdtv,
                     w_i[32+22], w_i[32+23], w_i[32+24],              // dtf, ens, sum (W1)
                     w_i[64+31:64+28],                                // s1 mode (W2)
                     w_i[160+15:160], w_i[160+31:160+28],             // gscid, s2 mode (W5)
                     w_i[8*32+31:8*32+28],                            // msiptp mode (W8)
                     w_i[12*32+19:12*32], w_i[11*32+31:11*32],        // msi_addr_mask
                     w_i[14*32+19:14*32], w_i[13*32+31:13*32]};       // msi_addr_pattern
  assign new_root = {w_i[32+26], w_i[32+25],                          // sade, gade (W1)
                     w_i[64+19:64],                                   // pscid (W2)
                     w_i[128+11:128], w_i[96+31:96],                  // s1 ppn (W4:W3)
                     w_i[224+11:224], w_i[192+31:192],                // s2 ppn (W7:W6)
                     w_i[10*32+11:10*32], w_i[9*32+31:9*32]};         // msiptp ppn

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
  // An entry is dropped by an invalidation, or by a load of its did that a lookup could match
  // together with it (a pdtv=0 entry matches any pid); keys stay unique.
  always_comb begin
    for (int i = 0; i < Entries; i++) begin
      valid_vec[i] = valid_q[i];
      case (inv_op_i)
        2'd1:    drop_vec[i] = inv_i;
        2'd2:    drop_vec[i] = inv_i && (did_q[i] == inv_did_i) && pdtv_q[i] &&
                               (pid_q[i] == inv_pid_i);
        default: drop_vec[i] = inv_i && (did_q[i] == inv_did_i);
      endcase
      drop_vec[i] = drop_vec[i] ||
                    (load_i && (did_q[i] == new_did) && (!new_pdtv || !pdtv_q[i]));
      // Valid after this edge: kept, or loaded now.
      keep_vec[i] = (valid_q[i] && !drop_vec[i]) || (load_i && (slot == IdxW'(i)));
    end
  end

  ////////////////////////////////////////////
  // Lookup, a cycle ahead of the stage     //
  ////////////////////////////////////////////

  // The entering keys and the stage's own are compared in parallel and the picked match reads
  // the data; the pick depends on the intake's registers and the device ports, never on the
  // stage's decision (whose fan-out to these registers was the routed worst path). The compares see the entries as they are
  // (valid_q), not what a load or an invalidation of this cycle makes of them: the load's slot
  // choice and drop compares (its new key against every entry) and the invalidation's compares
  // stay off the way to the RAM read (from the firmware interface's registers through them to
  // the registered data was the routed worst path, 22.8 ns). Instead, an entry whose content
  // ends at this edge (dropped, or loaded with another context: flush_q) is masked out of the
  // registered match in the next cycle, so the stage sees a context miss for it, exactly as if
  // the lookup had missed; its registered data and the roots are then unused, as on any miss.
  // A lookup in the cycle of a load misses the new key (it is not stored yet): the firmware
  // raises its miss-retry in a later cycle than the load (separate register writes; asserted in
  // iommu_xlate), so the request it retries looks up the loaded entry; a request entering in the
  // load cycle itself (none does in practice: the stage holds the missing request until the
  // retry) takes one more context miss, which the firmware answers by loading the same context
  // again. The stage ANDs the registered match with the live valid bits, so an invalidation
  // after the lookup still takes effect at once.
  function automatic logic key_hit(input logic [23:0] e_did, input logic e_pdtv, input logic e_pv,
                                   input logic [19:0] e_pid, input logic [23:0] did,
                                   input logic pv, input logic [19:0] pid);
    key_hit = (e_did == did) && (!e_pdtv || ((e_pv == pv) && (!pv || (e_pid == pid))));
  endfunction

  logic [Entries-1:0] match_q, match_nk, match_st, stay_vec, flush_q;
  logic [Entries-1:0] match_a, match_b, match_in, sk_match_q, sk_match_d, load_vec;
  logic [IdxW-1:0]    idx_nk, idx_q;
  logic [DataW-1:0]   data_nk, data_out_q;
  logic [44:0]        k_in;
  logic               load_in, load_sk;
  always_comb begin
    idx_nk = '0;
    for (int i = 0; i < Entries; i++) begin
      stay_vec[i] = valid_q[i] && !drop_vec[i] && !(load_i && (slot == IdxW'(i)));
      load_vec[i] = load_i && (slot == IdxW'(i));
      match_a[i]  = valid_q[i] && key_hit(did_q[i], pdtv_q[i], pv_q[i], pid_q[i],
                                          nk_ka_i[44:21], nk_ka_i[20], nk_ka_i[19:0]);
      match_b[i]  = valid_q[i] && key_hit(did_q[i], pdtv_q[i], pv_q[i], pid_q[i],
                                          nk_kb_i[44:21], nk_kb_i[20], nk_kb_i[19:0]);
      match_st[i] = valid_q[i] &&
                    key_hit(did_q[i], pdtv_q[i], pv_q[i], pid_q[i], did_i, pv_i, pid_i);
    end
    match_in = nk_sel_a_i ? match_a : match_b;
    match_nk = nk_rl_i ? match_st : (nk_sk_i ? sk_match_q : match_in);
    for (int i = 0; i < Entries; i++) begin
      idx_nk = idx_nk | (match_nk[i] ? IdxW'(i) : '0);
    end
  end

  // The skid register's match, kept from the cycle it took its request (the intake's skid takes
  // the offered request whenever it is empty, !nk_sk_i), then kept exact: entries dropped or
  // reloaded since leave it, an entry loaded with its key joins it (as a fresh compare of the
  // stored keys would find them one cycle after the load). So the skid's key is never compared
  // against the entries on the way to the context-data read.
  assign k_in    = nk_sel_a_i ? nk_ka_i : nk_kb_i;
  assign load_in = key_hit(new_did, new_pdtv, new_pv, new_pid, k_in[44:21], k_in[20], k_in[19:0]);
  assign load_sk = key_hit(new_did, new_pdtv, new_pv, new_pid, nk_ksk_i[44:21], nk_ksk_i[20],
                           nk_ksk_i[19:0]);
  assign sk_match_d = nk_sk_i ? ((sk_match_q & stay_vec) | (load_sk ? load_vec : '0)) :
                                ((match_in & stay_vec) | (load_in ? load_vec : '0));
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      sk_match_q <= '0;
    end else begin
      sk_match_q <= sk_match_d;
    end
  end

`ifndef SYNTHESIS
  // The kept match is what a compare of the skid's key with the stored keys gives.
  logic [Entries-1:0] chk_sk;
  logic               chk_armed_q = 1'b0;
  always_comb begin
    for (int i = 0; i < Entries; i++) begin
      chk_sk[i] = stay_vec[i] && key_hit(did_q[i], pdtv_q[i], pv_q[i], pid_q[i],
                                         nk_ksk_i[44:21], nk_ksk_i[20], nk_ksk_i[19:0]);
    end
  end
  always @(posedge clk_i) begin
    if (rst_i) begin
      chk_armed_q <= 1'b1;
    end else if (chk_armed_q && nk_sk_i && !nk_skdbg_i &&
                 ((sk_match_q & stay_vec) != chk_sk)) begin
      $error("iommu_ctx_cache: the skid register's kept match differs from its key's compare");
    end
  end
`endif
  assign data_nk = data_q[idx_nk];

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      match_q <= '0;
      idx_q   <= '0;
    end else begin
      match_q <= match_nk;
      idx_q   <= idx_nk;
    end
  end
  always_ff @(posedge clk_i) begin
    data_out_q <= data_nk;
  end

  assign hit_o    = |(match_q & valid_vec & ~flush_q);
  assign idx_o    = idx_q;
  assign nk_match_o = match_nk;
  assign match_q_o  = match_q;
  assign load_vec_o = load_vec;
  assign load_gscid_o = w_i[160+15:160];
  // flush_o is registered: it follows the load or drop by one cycle. No lookup matched those
  // entries in the load/drop cycle (stay_vec), so an IOTLB entry of the old context can be used
  // by no request before it is cleared, and the slot choice of a load (a compare of the new key
  // with every entry) does not reach the IOTLB's fill and PLRU logic in the same cycle.
  always_ff @(posedge clk_i) begin
    for (int i = 0; i < Entries; i++) begin
      if (rst_i) begin
        flush_q[i] <= 1'b0;
      end else begin
        flush_q[i] <= (valid_q[i] && drop_vec[i]) || (load_i && (slot == IdxW'(i)));
      end
    end
  end
  assign flush_o = flush_q;
  assign {pdtv_o, dtf_o, ens_o, sum_o, s1_mode_o, gscid_o, s2_mode_o, msi_mode_o, msi_mask_o,
          msi_pat_o} = data_out_q;
  // The roots are read by the registered index: an entry keeps its content from the lookup that
  // matched it until it is reloaded, and a reload masks the match registered at that edge
  // (flush_q), so whenever the stage sees a hit, root_q[idx_q] is the matched context's. (On a
  // miss the roots are unused, as the registered data are.) The miss queue and the walkers take
  // them off the stage's decision, so they need no 152 registers of their own.
  assign {sade_o, gade_o, pscid_o, s1_ppn_o, s2_ppn_o, msi_ppn_o} = root_q[idx_q];

  ///////////
  // State //
  ///////////

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rr_q <= '0;
      for (int i = 0; i < Entries; i++) begin
        valid_q[i] <= 1'b0;
      end
    end else begin
      for (int i = 0; i < Entries; i++) begin
        valid_q[i] <= keep_vec[i];
      end
      if (load_i) begin
        rr_q <= rr_q + IdxW'(1);
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (load_i) begin
      did_q[slot]  <= new_did;
      pid_q[slot]  <= new_pid;
      pv_q[slot]   <= new_pv;
      pdtv_q[slot] <= new_pdtv;
      data_q[slot]  <= new_data;
      root_q[slot]  <= new_root;
    end
  end

  // W0[31:24], W1[31:27] and W1[19:0] (the key), W2[27:20], W3/W6[31:12], W4[31:12]... : the
  // fields the datapath does not use (reserved bits, or checked by the firmware only).
  logic unused_ctx;
  assign unused_ctx = ^{w_i[16*32-1:15*32], w_i[14*32+31:14*32+20], w_i[12*32+31:12*32+20],
                        w_i[10*32+31:10*32+12], w_i[8*32+27:8*32], w_i[31:24], w_i[63:59],
                        w_i[64+27:64+20], w_i[128+31:128+12], w_i[160+27:160+16],
                        w_i[224+31:224+12]};

endmodule
