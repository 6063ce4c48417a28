// SPDX-License-Identifier: Apache-2.0
// Formal properties of iommu_iotlb, included inside the module under `ifdef FORMAL and proven
// with it as the top by formal/run.sh (doc/verification.md, "Formal").
//
// One victim translation, chosen freely at reset (the fill inputs sampled in the reset cycle) and
// then constant, stands for every translation: its tag {context-cache entry, GV, GSCID, S1,
// PSCID, G, page (VPN above the page size), size} and its PPN. A fill "with it" is a fill port
// cycle carrying exactly that tag and PPN.
// Environment: fill sizes are 0..5 (4 KiB .. 256 TiB), nothing else: lookups, kills, fills, invalidations and context flushes come in any
// order, in any cycle, together.
// Proven: once an invalidation that must remove the victim has completed (its handshake cycle:
// inv_ready_o is 1), no lookup hits an entry holding the victim's translation until a later fill
// with it (and, after reset, none before its first fill). "Must remove", from the spec's IOTINVAL
// tables (an implementation may remove more, never less):
//  - IOTINVAL.VMA: first-stage entries (S1) of the host (GV=0) or of the GSCID (GV=1); with AV
//    only the entries whose page holds ADDR (a canonical IOVA); with PSCV only non-global
//    entries of the PSCID;
//  - IOTINVAL.GVMA: entries built with the G-stage (GV); with GV=1 those of the GSCID; with AV
//    the G-stage-only entries whose page holds the GPA ADDR and every combined (first stage and
//    G-stage) entry of the GSCID, whose G-stage GPA is not kept and may be ADDR;
//  - the end (flush or reload) of the victim's context-cache entry (ctx_flush_i).
// Induction strengthening: while the victim is stale, no valid entry holds it (the hit property
// follows from this one).

  logic f_past_valid = 1'b0;
  logic f_on;

  always_ff @(posedge clk_i) begin
    f_past_valid <= 1'b1;
  end

  always_comb begin
    if (!f_past_valid) begin
      assume (rst_i);
    end
    // Page sizes the walker produces: 4 KiB, 64 KiB NAPOT, 2 MiB, 1 GiB, 512 GiB, 256 TiB.
    assume (fill_size_i <= 3'd5);
  end

  assign f_on = f_past_valid && !rst_i;

  ////////////////////////////////
  // The victim                 //
  ////////////////////////////////

  logic [CtxW-1:0] f_v_ctx;
  logic            f_v_gv, f_v_s1, f_v_g;
  logic [15:0]     f_v_gscid;
  logic [19:0]     f_v_pscid;
  logic [VpnW-1:0] f_v_vpn;             // the page-number bits an entry keeps (IOVA/GPA[49:12])
  logic [2:0]      f_v_size;
  logic [43:0]     f_v_ppn;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      f_v_ctx   <= fill_ctx_i;
      f_v_gv    <= fill_gv_i;
      f_v_gscid <= fill_gscid_i;
      f_v_s1    <= fill_s1_i;
      f_v_pscid <= fill_pscid_i;
      f_v_g     <= fill_g_i;
      f_v_vpn   <= fill_vpn_i[VpnW-1:0];
      f_v_size  <= fill_size_i;
      f_v_ppn   <= fill_ppn_i;
    end
  end

  // Page-number bits inside a page of each size (the spec's page sizes; 64 KiB is Svnapot's).
  function automatic logic [VpnW-1:0] f_in_page(input logic [2:0] size);
    case (size)
      3'd0:    f_in_page = '0;                          // 4 KiB
      3'd1:    f_in_page = {{(VpnW - 4){1'b0}}, 4'hF};  // 64 KiB = 16 pages
      3'd2:    f_in_page = {{(VpnW - 9){1'b0}}, 9'h1FF};   // 2 MiB
      3'd3:    f_in_page = {{(VpnW - 18){1'b0}}, 18'h3FFFF};  // 1 GiB
      3'd4:    f_in_page = {{(VpnW - 27){1'b0}}, 27'h7FFFFFF};  // 512 GiB
      default: f_in_page = {{(VpnW - 36){1'b0}}, 36'hFFFFFFFFF};  // 256 TiB
    endcase
  endfunction

  logic [VpnW-1:0] f_v_off;                 // page-number bits inside the victim's page
  assign f_v_off = f_in_page(f_v_size);

  // A fill with the victim, and the entries that hold it.
  logic               f_fill_v;
  logic [Entries-1:0] f_held;

  assign f_fill_v = fill_i && (fill_ctx_i == f_v_ctx) && (fill_gv_i == f_v_gv) &&
                    (fill_gscid_i == f_v_gscid) && (fill_s1_i == f_v_s1) &&
                    (fill_pscid_i == f_v_pscid) && (fill_g_i == f_v_g) &&
                    (fill_size_i == f_v_size) && (fill_ppn_i == f_v_ppn) &&
                    (((fill_vpn_i[VpnW-1:0] ^ f_v_vpn) & ~f_v_off) == '0);

  always_comb begin
    for (int i = 0; i < Entries; i++) begin
      f_held[i] = valid_q[i] && (ctx_q[i] == f_v_ctx) && (gv_q[i] == f_v_gv) &&
                  (gscid_q[i] == f_v_gscid) && (s1_q[i] == f_v_s1) &&
                  (pscid_q[i] == f_v_pscid) && (g_q[i] == f_v_g) && (size_q[i] == f_v_size) &&
                  (ppn_q[i] == f_v_ppn) && (((vpn_q[i] ^ f_v_vpn) & ~f_v_off) == '0);
    end
  end

  ////////////////////////////////
  // Invalidations that must    //
  // remove the victim          //
  ////////////////////////////////

  logic f_inv_done, f_page_va, f_page_gpa, f_vma_must, f_gvma_must, f_kill;

  assign f_inv_done = inv_valid_i && inv_ready_o;
  // ADDR in the victim's page: a first-stage IOVA is canonical (the bits above those an entry
  // keeps copy its top one), a GPA has nothing above them (Sv48x4: GPA[63:50] zero).
  localparam int FHi = 52 - VpnW;
  logic f_in_v_page;
  assign f_in_v_page = (((inv_vpn_i[VpnW-1:0] ^ f_v_vpn) & ~f_v_off) == '0);
  assign f_page_va   = f_in_v_page && (inv_vpn_i[51:VpnW] == {FHi{inv_vpn_i[VpnW-1]}});
  assign f_page_gpa  = f_in_v_page && (inv_vpn_i[51:VpnW] == '0);
  assign f_vma_must = f_v_s1 && (inv_gv_i == f_v_gv) && (!inv_gv_i || inv_gscid_i == f_v_gscid) &&
                      (!inv_av_i || f_page_va) &&
                      (!inv_pscv_i || (!f_v_g && inv_pscid_i == f_v_pscid));
  assign f_gvma_must = f_v_gv && (!inv_gv_i || (inv_gscid_i == f_v_gscid &&
                                                (!inv_av_i || f_v_s1 || f_page_gpa)));
  assign f_kill = (f_inv_done && (inv_gvma_i ? f_gvma_must : f_vma_must)) || ctx_flush_i[f_v_ctx];

  // Stale: removed by an invalidation (or not yet filled since reset), no fill with it since.
  // A fill in the invalidation's own cycle is not after it.
  logic f_stale;

  always_ff @(posedge clk_i) begin
    if (rst_i || f_kill) begin
      f_stale <= 1'b1;
    end else if (f_fill_v) begin
      f_stale <= 1'b0;
    end
  end

  always_comb begin
    if (f_on) begin
      assert (f_v_size <= 3'd5);        // chosen from a fill (induction strengthening)
    end
    if (f_on && f_stale) begin
      // No lookup hits an entry holding the stale victim ...
      if (hit_o) begin
        assert (!f_held[hit_idx_o]);
      end
      // ... because no entry holds it (induction strengthening).
      assert (f_held == '0);
    end
  end

  ////////////////////////////////
  // Not vacuous                //
  ////////////////////////////////

  // Each kind of invalidation removes a victim an entry held; the victim is then filled again
  // and hit.
  logic f_removed;                      // a held victim was removed at least once

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      f_removed <= 1'b0;
    end else if (f_kill && f_held != '0) begin
      f_removed <= 1'b1;
    end
  end

  logic f_held_any, f_held_hit;
  assign f_held_any = (f_held != '0);
  assign f_held_hit = hit_o && f_held[hit_idx_o];

  always_ff @(posedge clk_i) begin
    if (f_on && !$past(rst_i)) begin
      cover (f_held_hit);
      cover (f_removed && f_held_hit);
      cover ($past(f_held_any && f_inv_done && !inv_gvma_i && inv_av_i && inv_pscv_i &&
                   f_vma_must && !inv_gv_i) && !f_held_any);
      cover ($past(f_held_any && f_inv_done && !inv_gvma_i && inv_gv_i && !inv_av_i &&
                   !inv_pscv_i && f_vma_must) && !f_held_any);
      cover ($past(f_held_any && f_inv_done && inv_gvma_i && inv_gv_i && inv_av_i && !f_v_s1 &&
                   f_gvma_must) && !f_held_any);
      cover ($past(f_held_any && f_inv_done && inv_gvma_i && inv_gv_i && inv_av_i && f_v_s1 &&
                   f_gvma_must) && !f_held_any);
      cover ($past(f_held_any && ctx_flush_i[f_v_ctx] && !f_inv_done) && !f_held_any);
      // A superpage victim hit at another 4 KiB page than the one it was filled for.
      cover (f_held_hit && f_v_size == 3'd2 && vpn_i[8:0] != f_v_vpn[8:0]);
    end
  end
