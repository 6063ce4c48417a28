// SPDX-License-Identifier: Apache-2.0
// IOTLB: fully associative, tree-PLRU, one lookup per cycle (its address part a cycle ahead).
//
// An entry caches a complete translation IOVA -> SPA (first stage, G-stage, or both combined)
// with the outcome of the leaf permission checks of both stages (W already ANDed with D, A=1
// implied) for every request class, so a hit is checked exactly as a walk would check it (IOMMU
// spec "Caching in-memory data structures": tags PSCID, GSCID, IOVA).
// Lookup tag: {context-cache entry of the request's context, VPN, size}. An entry is made for one
// cached context (its context-cache index) and dropped when that context-cache entry is dropped
// or reloaded (ctx_flush_i), so a lookup compares a 3-bit index, computed a cycle ahead, instead of
// the context's IDs in the stage. The IDs {GV = iohgatp != Bare, GSCID if GV, S1 = iosatp != Bare,
// PSCID, G} are kept for invalidation.
// Sizes: 0 4 KiB, 1 64 KiB NAPOT, 2 2 MiB, 3 1 GiB, 4 512 GiB, 5 256 TiB.
// Invalidation (IOTINVAL.VMA/GVMA, spec 4.1 "Command-Queue") completes in the handshake cycle,
// so inv_ready_o is constant 1; a fill in that cycle is dropped (the walker also drops fills of walks that were in
// flight across an invalidation). GVMA with an address flushes combined GVA->SPA entries of the
// GSCID as a whole (the GPA is not kept), G-stage-only entries by their address.

`default_nettype none

module iommu_iotlb #(
  parameter int Entries    = 16,  // power of two, >= 2
  parameter int CtxEntries = 8    // context-cache entries (power of two, >= 2)
) (
  input  logic        clk_i,
  input  logic        rst_i,

  // ---- Context-cache entries ----
  // Context-cache match vector (one-hot or zero) of the offered key: the request entering the
  // stage, or the stage's own in a relook (iommu_xlate_intake)
  input  logic [CtxEntries-1:0] nk_ctx_hit_i,
  input  logic [CtxEntries-1:0] ctx_flush_i, // these context-cache entries ended at the last edge

  // ---- Lookup ----
  input  logic [51:0] vpn_i,      // the stage's request (superpage offset of the PPN)
  input  logic [51:0] nk_vpn_i,   // the offered key's VPN (its address match is registered)
  output logic        hit_o,
  output logic [$clog2(Entries)-1:0] hit_idx_o,
  output logic [43:0] ppn_o,      // SPA PPN of the looked-up 4 KiB page
  output logic        perm_bad_o, // the hit's stored permissions fail the request (re-walk)
  // Access type of the offered key, and the stage's context SUM: the permission check of every
  // entry is done a cycle ahead.
  input  logic        nk_exec_i,
  input  logic        nk_write_i,
  input  logic        nk_priv_i,
  input  logic        sum_i,
  input  logic        touch_i,    // the hit was used: update PLRU
  input  logic        kill_i,     // drop entry kill_idx_i (stale permission, re-walked)
  input  logic [$clog2(Entries)-1:0] kill_idx_i,

  // ---- Fill ----
  input  logic        fill_i,
  input  logic [$clog2(CtxEntries)-1:0] fill_ctx_i,  // context-cache entry of the walk's context
  input  logic        fill_gv_i,
  input  logic [15:0] fill_gscid_i,
  input  logic        fill_s1_i,
  input  logic [19:0] fill_pscid_i,
  input  logic        fill_g_i,
  input  logic [51:0] fill_vpn_i,
  input  logic [2:0]  fill_size_i,
  input  logic [43:0] fill_ppn_i,
  input  logic [3:0]  fill_perm1_i,
  input  logic [2:0]  fill_perm2_i,

  // ---- Invalidation ----
  input  logic        inv_valid_i,
  output logic        inv_ready_o,
  input  logic        inv_gvma_i,
  input  logic        inv_gv_i,
  input  logic        inv_av_i,
  input  logic        inv_pscv_i,
  input  logic [19:0] inv_pscid_i,
  input  logic [15:0] inv_gscid_i,
  input  logic [51:0] inv_vpn_i
);

  localparam int IdxW = $clog2(Entries);
  localparam int CtxW = $clog2(CtxEntries);
  // Stored page number: IOVA/GPA bits [58:12], enough for Sv57 (VA[56:12] and its sign) and
  // Sv57x4 (GPA[58:12]). The bits above are not stored: a request matches a first-stage entry
  // only if IOVA[63:57] is the sign extension of bit 56, a G-stage-only entry only if GPA[63:59]
  // is zero, so an address the walker would fault on (non-canonical IOVA, GPA beyond the G-stage
  // width) never hits an entry made from a legal one (an entry of a narrower mode holds its
  // sign or zero bits up to bit 58, which a request must then match too).
  localparam int VpnW = 47;

  logic            valid_q [Entries];
  logic            gv_q    [Entries];
  logic [15:0]     gscid_q [Entries];
  logic            s1_q    [Entries];
  logic [19:0]     pscid_q [Entries];
  logic            g_q     [Entries];
  logic [VpnW-1:0] vpn_q   [Entries];
  logic [2:0]      size_q  [Entries];
  logic [43:0]     ppn_q   [Entries];
  logic [Entries-1:1] plru_q;
  logic [CtxW-1:0] ctx_q   [Entries];

  function automatic logic [VpnW-1:0] size_mask(input logic [2:0] size);
    case (size)
      3'd1:    size_mask = VpnW'(36'hF);
      3'd2:    size_mask = VpnW'(36'h1FF);
      3'd3:    size_mask = VpnW'(36'h3FFFF);
      3'd4:    size_mask = VpnW'(36'h7FFFFFF);
      3'd5:    size_mask = VpnW'(36'hFFFFFFFFF);
      default: size_mask = '0;
    endcase
  endfunction

  // The upper address bits of a key: {IOVA[63:57] the sign extension of bit 56, GPA[63:59] zero}.
  function automatic logic [1:0] hi_ok(input logic [7:0] vpn_top);   // VPN[51:44]
    hi_ok = {vpn_top[7:1] == {7{vpn_top[0]}}, vpn_top[7:3] == 5'd0};
  endfunction

  logic [VpnW-1:0] mask [Entries];
  always_comb begin
    for (int i = 0; i < Entries; i++) begin
      mask[i] = size_mask(size_q[i]);
    end
  end

  ////////////
  // Lookup //
  ////////////

  // At most one entry should match (a walk fills only after its page missed, and a page being
  // walked stalls later misses to it), so no priority chain is needed. Two walks of different
  // 4 KiB pages of one superpage can still fill two entries that cover each other; such a double
  // match is not used (a miss: the request re-walks) and both entries are dropped in that cycle.
  logic [Entries-1:0] vpn_hit_q;   // registered address match (below)
  logic [Entries-1:0] ctx_hit_q;   // registered context-entry match (below)
  logic [Entries-1:0] match;
  always_comb begin
    for (int i = 0; i < Entries; i++) begin
      match[i] = valid_q[i] && vpn_hit_q[i] && ctx_hit_q[i];
    end
  end

  // The index is an OR of the matching indices; the data (only ever read one entry at a time)
  // comes by index from distributed RAM.
  always_comb begin
    hit_idx_o = '0;
    for (int i = 0; i < Entries; i++) begin
      hit_idx_o = hit_idx_o | (match[i] ? IdxW'(i) : '0);
    end
  end
  logic [VpnW-1:0] hit_mask;
  logic [43:0]     hit_mask_ppn;   // superpage offset bits (at most 36) as a PPN mask
  assign hit_mask     = mask[hit_idx_o];
  assign hit_mask_ppn = hit_mask[43:0];
  assign ppn_o        = (ppn_q[hit_idx_o] & ~hit_mask_ppn) | (vpn_i[43:0] & hit_mask_ppn);

  // Stored permissions (leaf bits of both stages, A=1, W as W&D), checked for every entry a cycle
  // ahead like the address. The checks themselves run once, at fill time, on the fill's bits:
  // an entry keeps one "denied" bit per request class {priv, SUM, type} (type 0 read, 1 write,
  // 2 exec; iommu_ptw_perm's rules for both stages folded together), and a lookup only selects
  // the bit of its class. The context's SUM is known in the stage only, so the lookup keeps the
  // SUM=0 and SUM=1 results; the stage ORs the result of the matching entry.
  function automatic logic [1:0] acc_type(input logic exec, input logic write);
    acc_type = exec ? 2'd2 : (write ? 2'd1 : 2'd0);   // iommu_ptw_perm: exec before write
  endfunction

  logic [15:0] deny_q [Entries];     // bit {priv, sum, type[1:0]}; type 3 unused
  logic [15:0] fill_deny;
  for (genvar c = 0; c < 16; c++) begin : gen_deny
    localparam bit Priv = c[3];
    localparam bit Sum  = c[2];
    localparam int Typ  = c % 4;
    if (Typ == 3) begin : gen_none
      assign fill_deny[c] = 1'b0;
    end else begin : gen_chk
      logic bad1, bad2;
      iommu_ptw_perm u_s1 (
        .g_stage_i (1'b0), .implicit_i (1'b0), .exec_i (Typ == 2), .write_i (Typ == 1),
        .priv_i (Priv), .sum_i (Sum), .r_i (fill_perm1_i[0]), .w_i (fill_perm1_i[1]),
        .x_i (fill_perm1_i[2]), .u_i (fill_perm1_i[3]), .a_i (1'b1), .d_i (1'b1),
        .fault_o (bad1)
      );
      iommu_ptw_perm u_s2 (
        .g_stage_i (1'b1), .implicit_i (1'b0), .exec_i (Typ == 2), .write_i (Typ == 1),
        .priv_i (1'b0), .sum_i (1'b0), .r_i (fill_perm2_i[0]), .w_i (fill_perm2_i[1]),
        .x_i (fill_perm2_i[2]), .u_i (1'b1), .a_i (1'b1), .d_i (1'b1), .fault_o (bad2)
      );
      assign fill_deny[c] = (fill_s1_i && bad1) || (fill_gv_i && bad2);
    end
  end

  logic [3:0] cls0_nk, cls1_nk;
  assign cls0_nk = {nk_priv_i, 1'b0, acc_type(nk_exec_i, nk_write_i)};
  assign cls1_nk = {nk_priv_i, 1'b1, acc_type(nk_exec_i, nk_write_i)};

  // The entry being filled gives the result for its new content.
  logic [Entries-1:0] pbad0_q, pbad1_q, pbad0_d, pbad1_d;
  for (genvar i = 0; i < Entries; i++) begin : gen_perm
    logic [15:0] deny;
    assign deny       = (do_fill && (slot == IdxW'(i))) ? fill_deny : deny_q[i];
    assign pbad0_d[i] = deny[cls0_nk];
    assign pbad1_d[i] = deny[cls1_nk];
  end
  always_ff @(posedge clk_i) begin
    pbad0_q <= pbad0_d;
    pbad1_q <= pbad1_d;
  end
  assign perm_bad_o = |(match & (sum_i ? pbad1_q : pbad0_q));

  logic match_any, match_multi;
  iommu_onehot_chk #(.N(Entries)) u_chk (.v_i(match), .any_o(match_any), .multi_o(match_multi));
  assign hit_o = match_any && !match_multi;

  //////////////////
  // Invalidation //
  //////////////////

  logic inv_hit [Entries];
  logic addr_m, vma_scope, vma_hit, gvma_hit;
  always_comb begin
    addr_m    = 1'b0;
    vma_scope = 1'b0;
    vma_hit   = 1'b0;
    gvma_hit  = 1'b0;
    for (int i = 0; i < Entries; i++) begin
      // Page bits [58:12] only: an address that differs above them invalidates more (allowed).
      addr_m = (((vpn_q[i] ^ inv_vpn_i[VpnW-1:0]) & ~mask[i]) == '0);
      // VMA: first-stage entries of the host (GV=0) or of one guest (GV=1, GSCID).
      vma_scope = s1_q[i] && (gv_q[i] == inv_gv_i) && (!inv_gv_i || (gscid_q[i] == inv_gscid_i));
      vma_hit   = vma_scope && (!inv_av_i || addr_m) &&
                  (!inv_pscv_i || (!g_q[i] && (pscid_q[i] == inv_pscid_i)));
      // GVMA: every entry built with the G-stage; with AV, combined entries go by GSCID.
      gvma_hit  = gv_q[i] && (!inv_gv_i || ((gscid_q[i] == inv_gscid_i) &&
                                            (!inv_av_i || s1_q[i] || addr_m)));
      inv_hit[i] = inv_gvma_i ? gvma_hit : vma_hit;
    end
  end

  assign inv_ready_o = 1'b1;

  //////////////////////////////
  // Fill slot and tree-PLRU  //
  //////////////////////////////

  // Tree node n (1..Entries-1) has children 2n and 2n+1; node n is at level l when n >> l == 1,
  // and the path to leaf idx passes it when idx >> (IdxW - l) == n - (1 << l). The loops unroll
  // to constant indices (no adders, no variable-index reads).
  // The fill slot (lowest free entry, else the PLRU victim) is chosen from the state of the
  // cycle before and registered, so a fill's write enables do not wait for a priority search;
  // a fill always lands in a legal victim (at worst it evicts an entry one cycle newer).
  logic [IdxW-1:0] victim, slot, slot_d, upd_idx;
  logic            have_free, do_fill;
  assign do_fill = fill_i && !inv_valid_i && !ctx_flush_i[fill_ctx_i];
  always_comb begin
    // Victim: follow the PLRU bits from the root (bit l of the victim picks the child).
    victim = '0;
    for (int l = 0; l < IdxW; l++) begin
      for (int n = 1; n < Entries; n++) begin
        if ((n >> l) == 1 && (victim >> (IdxW - l)) == IdxW'(n - (1 << l))) begin
          victim[IdxW-1-l] = plru_q[n];
        end
      end
    end
    // Not the slot being filled now: it is valid from the next edge on.
    have_free = 1'b0;
    slot_d    = (do_fill && (victim == slot)) ? (victim ^ IdxW'(1)) : victim;
    for (int i = Entries - 1; i >= 0; i--) begin
      if (!valid_q[i] && !(do_fill && (slot == IdxW'(i)))) begin
        have_free = 1'b1;
        slot_d    = IdxW'(i);
      end
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      slot <= '0;
    end else begin
      slot <= slot_d;
    end
  end

  assign upd_idx = do_fill ? slot : hit_idx_o;

  // The address part of the match (masked page compares, the widest logic) is computed one
  // cycle ahead for the offered key and registered; the stage adds the live valid bits and the
  // context's IDs, so an invalidation or a kill takes effect at once. The entry filled at this
  // edge is compared with its new tag (one compare of the fill's tag with the key, shared).
  logic [Entries-1:0] vpn_hit_d;
  logic [VpnW-1:0]    fill_mask;
  logic [1:0]         hi_nk;
  logic               fill_hit_nk;
  assign fill_mask   = size_mask(fill_size_i);
  assign hi_nk       = hi_ok(nk_vpn_i[51:44]);
  assign fill_hit_nk = (((fill_vpn_i[VpnW-1:0] ^ nk_vpn_i[VpnW-1:0]) & ~fill_mask) == '0) &&
                       (fill_s1_i ? hi_nk[1] : hi_nk[0]);
  always_comb begin
    for (int i = 0; i < Entries; i++) begin
      if (do_fill && (slot == IdxW'(i))) begin
        vpn_hit_d[i] = fill_hit_nk;
      end else begin
        vpn_hit_d[i] = (((vpn_q[i] ^ nk_vpn_i[VpnW-1:0]) & ~mask[i]) == '0) &&
                       (s1_q[i] ? hi_nk[1] : hi_nk[0]);
      end
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      vpn_hit_q <= '0;
    end else begin
      vpn_hit_q <= vpn_hit_d;
    end
  end

  // The context-entry part: the context cache's match vector bit of the entry's tag (a mux on
  // the stored tag, no index encoder and compare behind the context match: that chain was the
  // routed worst path). A context miss matches no entry.
  logic [Entries-1:0] ctx_hit_d;
  for (genvar i = 0; i < Entries; i++) begin : gen_ctx_hit
    logic [CtxW-1:0] e_ctx;
    assign e_ctx        = (do_fill && (slot == IdxW'(i))) ? fill_ctx_i : ctx_q[i];
    assign ctx_hit_d[i] = nk_ctx_hit_i[e_ctx];
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ctx_hit_q <= '0;
    end else begin
      ctx_hit_q <= ctx_hit_d;
    end
  end


  // Make every node on the path of upd_idx point away from it.
  logic [Entries-1:1] plru_d;
  always_comb begin
    plru_d = plru_q;
    for (int l = 0; l < IdxW; l++) begin
      for (int n = 1; n < Entries; n++) begin
        if ((n >> l) == 1 && (upd_idx >> (IdxW - l)) == IdxW'(n - (1 << l))) begin
          plru_d[n] = !upd_idx[IdxW-1-l];
        end
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      plru_q <= '0;
      for (int i = 0; i < Entries; i++) begin
        valid_q[i] <= 1'b0;
      end
    end else begin
      if (do_fill || (touch_i && hit_o)) begin
        plru_q <= plru_d;
      end
      for (int i = 0; i < Entries; i++) begin
        if ((inv_valid_i && inv_hit[i]) || (kill_i && (kill_idx_i == IdxW'(i))) ||
            (match_multi && match[i]) || ctx_flush_i[ctx_q[i]]) begin
          valid_q[i] <= 1'b0;
        end
      end
      if (do_fill) begin
        valid_q[slot] <= 1'b1;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (do_fill) begin
      ctx_q[slot]   <= fill_ctx_i;
      gv_q[slot]    <= fill_gv_i;
      gscid_q[slot] <= fill_gscid_i;
      s1_q[slot]    <= fill_s1_i;
      pscid_q[slot] <= fill_pscid_i;
      g_q[slot]     <= fill_g_i;
      vpn_q[slot]   <= fill_vpn_i[VpnW-1:0];
      size_q[slot]  <= fill_size_i;
      ppn_q[slot]   <= fill_ppn_i;
      deny_q[slot]  <= fill_deny;
    end
  end

  logic unused_iotlb;
  assign unused_iotlb = ^{have_free, vpn_i[51:44], fill_vpn_i[51:VpnW], inv_vpn_i[51:VpnW], hit_mask[VpnW-1:44]};

`ifdef FORMAL
  // Formal properties (formal/run.sh proves them with this module as the top).
  `include "iommu_iotlb_fv.svh"
`endif

endmodule
