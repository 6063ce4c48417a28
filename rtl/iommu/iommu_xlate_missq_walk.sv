// SPDX-License-Identifier: Apache-2.0
// iommu_xlate_missq_walk: the miss queue's page-table walkers, one per slot, and the walk cache
// they share.
//
// Part of iommu_xlate_missq. Walker i belongs to slot i: it starts on start_i[i] (the cycle the
// slot is enqueued to walk; an idle walker captures the stage's walk inputs every cycle) and
// reads the slot's IOVA, which the slot holds while its walk runs. The walkers share m_ptw_*
// through iommu_xlate_missq_port (ARID / AWID = slot index) and one iommu_walk_cache: one lookup
// (the starting walk's IOVA and context), one fill per cycle. Results come out per walker and
// hold until the walker's next start; multi-bit ones as vectors, walker i's field at i*W.

`default_nettype none

module iommu_xlate_missq_walk #(
  parameter int IdWidth   = 4,
  parameter int Slots     = 4,   // 2..(1 << IdWidth)
  parameter int WcEntries = 4,   // walk cache entries (power of two, >= 2)
  parameter int CtxW      = 3    // context-cache index width
) (
  input  logic               clk_i,
  input  logic               rst_i,

  // ---- The stage's request: a walker's inputs, the walk cache lookup ----
  input  logic               q_write_i,
  input  logic [35:0]        q_vpn_i,         // IOVA[56:21]: the walk cache lookup
  input  logic [CtxW-1:0]    q_ctx_i,         // the stage's context-cache entry
  input  logic               walk_exec_i,
  input  logic               walk_priv_i,
  input  logic               walk_sum_i,
  input  logic               walk_sade_i,
  input  logic               walk_gade_i,
  input  logic [3:0]         walk_s1_mode_i,
  input  logic [43:0]        walk_s1_ppn_i,
  input  logic [3:0]         walk_s2_mode_i,
  input  logic [43:0]        walk_s2_ppn_i,
  input  logic               walk_msi_on_i,   // msiptp Flat: check the first stage's GPA
  input  logic [51:0]        walk_msi_mask_i,
  input  logic [51:0]        walk_msi_pat_i,
  input  logic               wc_flush_i,      // walk cache flush (IOTINVAL, context load/inval)

  // ---- Per slot ----
  input  logic [Slots-1:0]    start_i,        // the slot's walk starts (its enqueue cycle)
  input  logic [Slots*64-1:0] iova_i,         // the slot's IOVA, held while its walk runs
  input  logic [Slots*CtxW-1:0] ctx_i,        // the slot's context-cache entry (fill tag)

  // ---- Per walker results (done_o: a one-cycle pulse; the rest hold until the next start) ----
  output logic [Slots-1:0]    busy_o,
  output logic [Slots-1:0]    done_o,
  output logic [Slots-1:0]    fault_o,
  output logic [Slots-1:0]    g_o,
  output logic [Slots-1:0]    msi_o,
  output logic [Slots*12-1:0] cause_o,
  output logic [Slots*64-1:0] iotval2_o,
  output logic [Slots*44-1:0] ppn_o,
  output logic [Slots*3-1:0]  size_o,
  output logic [Slots*4-1:0]  perm1_o,
  output logic [Slots*3-1:0]  perm2_o,

  // ---- Page-table reads ----
  output logic [IdWidth-1:0] m_ptw_arid_o,
  output logic [63:0]        m_ptw_araddr_o,
  output logic               m_ptw_arlock_o,
  output logic               m_ptw_arvalid_o,
  input  logic               m_ptw_arready_i,
  input  logic [IdWidth-1:0] m_ptw_rid_i,
  input  logic [63:0]        m_ptw_rdata_i,
  input  logic               m_ptw_rerr_i,
  input  logic               m_ptw_rvalid_i,
  // ---- A/D update writes (exclusive, one 8-byte beat) ----
  output logic [IdWidth-1:0] m_ptw_awid_o,
  output logic [63:0]        m_ptw_awaddr_o,
  output logic               m_ptw_awvalid_o,
  input  logic               m_ptw_awready_i,
  output logic [63:0]        m_ptw_wdata_o,
  output logic               m_ptw_wvalid_o,
  input  logic               m_ptw_wready_i,
  input  logic [1:0]         m_ptw_bresp_i,
  input  logic               m_ptw_bvalid_i
);

  // ---- Walkers (flattened per-slot outputs) ----
  logic [Slots-1:0]     w_rd_valid, w_rd_ready, w_rvalid, w_rd_lock, w_aw_valid, w_w_valid;
  logic [Slots-1:0]     w_aw_ready, w_w_ready, w_b_valid;
  logic [Slots*64-1:0]  w_rd_addr, w_wr_data;
  logic [Slots-1:0]     w_wc_fill;
  logic [Slots*2-1:0]   w_wc_mode;
  logic [Slots*36-1:0]  w_wc_vpn;

  /////////////////
  // Walker port //
  /////////////////

  iommu_xlate_missq_port #(
    .IdWidth (IdWidth),
    .Slots   (Slots)
  ) u_port (
    .clk_i           (clk_i),
    .rst_i           (rst_i),
    .rd_valid_i      (w_rd_valid),
    .rd_lock_i       (w_rd_lock),
    .rd_addr_i       (w_rd_addr),
    .rd_ready_o      (w_rd_ready),
    .rvalid_o        (w_rvalid),
    .aw_valid_i      (w_aw_valid),
    .w_valid_i       (w_w_valid),
    .wr_data_i       (w_wr_data),
    .aw_ready_o      (w_aw_ready),
    .w_ready_o       (w_w_ready),
    .b_valid_o       (w_b_valid),
    .m_ptw_arid_o    (m_ptw_arid_o),
    .m_ptw_araddr_o  (m_ptw_araddr_o),
    .m_ptw_arlock_o  (m_ptw_arlock_o),
    .m_ptw_arvalid_o (m_ptw_arvalid_o),
    .m_ptw_arready_i (m_ptw_arready_i),
    .m_ptw_rid_i     (m_ptw_rid_i),
    .m_ptw_rvalid_i  (m_ptw_rvalid_i),
    .m_ptw_awid_o    (m_ptw_awid_o),
    .m_ptw_awaddr_o  (m_ptw_awaddr_o),
    .m_ptw_awvalid_o (m_ptw_awvalid_o),
    .m_ptw_awready_i (m_ptw_awready_i),
    .m_ptw_wdata_o   (m_ptw_wdata_o),
    .m_ptw_wvalid_o  (m_ptw_wvalid_o),
    .m_ptw_wready_i  (m_ptw_wready_i),
    .m_ptw_bvalid_i  (m_ptw_bvalid_i)
  );

  ////////////////
  // Walk cache //
  ////////////////

  // One lookup (the starting walk's IOVA and context), one fill per cycle: R beats arrive one
  // per cycle, so at most one walker offers a fill (OR of the one-hot walker outputs), and the
  // table it offers is that beat's PTE.PPN, taken from the shared R data.
  logic        wc_hit, wc_fill;
  logic [1:0]  wc_fmode;
  logic [43:0] wc_ppn, wc_fppn;
  assign wc_fppn = m_ptw_rdata_i[53:10];
  logic [35:0] wc_fvpn;
  logic [CtxW-1:0] wc_fctx;
  always_comb begin
    wc_fill   = 1'b0;
    wc_fmode  = '0;
    wc_fvpn   = '0;
    wc_fctx   = '0;
    for (int i = 0; i < Slots; i++) begin
      if (w_wc_fill[i]) begin
        wc_fill   = 1'b1;
        wc_fmode  = wc_fmode | w_wc_mode[i*2 +: 2];
        wc_fvpn   = wc_fvpn | w_wc_vpn[i*36 +: 36];
        wc_fctx   = wc_fctx | ctx_i[i*CtxW +: CtxW];
      end
    end
  end

  iommu_walk_cache #(
    .Entries (WcEntries),
    .CtxW    (CtxW)
  ) u_wc (
    .clk_i        (clk_i),
    .rst_i        (rst_i),
    .lk_mode_i    ({walk_s1_mode_i == 4'd10, walk_s1_mode_i == 4'd9}),
    .lk_ctx_i     (q_ctx_i),
    .lk_vpn_i     (q_vpn_i),
    .lk_hit_o     (wc_hit),
    .lk_ppn_o     (wc_ppn),
    .fill_i       (wc_fill),
    .fill_mode_i  (wc_fmode),
    .fill_ctx_i   (wc_fctx),
    .fill_vpn_i   (wc_fvpn),
    .fill_ppn_i   (wc_fppn),
    .flush_i      (wc_flush_i)
  );

  /////////////
  // Walkers //
  /////////////

  for (genvar i = 0; i < Slots; i++) begin : gen_walker
    iommu_ptw u_ptw (
      .clk_i       (clk_i),
      .rst_i       (rst_i),
      .start_i     (start_i[i]),
      .iova_i      (iova_i[i*64 +: 64]),    // the slot holds it while its walk runs
      .exec_i      (walk_exec_i),
      .write_i     (q_write_i),
      .priv_i      (walk_priv_i),
      .sum_i       (walk_sum_i),
      .sade_i      (walk_sade_i),
      .gade_i      (walk_gade_i),
      .s1_mode_i   (walk_s1_mode_i),
      .s1_ppn_i    (walk_s1_ppn_i),
      .s2_mode_i   (walk_s2_mode_i),
      .s2_ppn_i    (walk_s2_ppn_i),
      .msi_on_i    (walk_msi_on_i),
      .msi_mask_i  (walk_msi_mask_i),
      .msi_pat_i   (walk_msi_pat_i),
      .wc_hit_i    (wc_hit),
      .wc_ppn_i    (wc_ppn),
      .wc_flush_i  (wc_flush_i),
      .wc_fill_o   (w_wc_fill[i]),
      .wc_mode_o   (w_wc_mode[i*2 +: 2]),
      .wc_vpn_o    (w_wc_vpn[i*36 +: 36]),
      .msi_o       (msi_o[i]),
      .busy_o      (busy_o[i]),
      .done_o      (done_o[i]),
      .fault_o     (fault_o[i]),
      .cause_o     (cause_o[i*12 +: 12]),
      .iotval2_o   (iotval2_o[i*64 +: 64]),
      .ppn_o       (ppn_o[i*44 +: 44]),
      .size_o      (size_o[i*3 +: 3]),
      .perm1_o     (perm1_o[i*4 +: 4]),
      .g_o         (g_o[i]),
      .perm2_o     (perm2_o[i*3 +: 3]),
      .rd_addr_o   (w_rd_addr[i*64 +: 64]),
      .rd_valid_o  (w_rd_valid[i]),
      .rd_ready_i  (w_rd_ready[i]),
      .rd_data_i   (m_ptw_rdata_i),
      .rd_err_i    (m_ptw_rerr_i),
      .rd_rvalid_i (w_rvalid[i]),
      .rd_lock_o   (w_rd_lock[i]),
      .wr_valid_o  (w_aw_valid[i]),
      .wr_ready_i  (w_aw_ready[i]),
      .wd_valid_o  (w_w_valid[i]),
      .wd_ready_i  (w_w_ready[i]),
      .wr_data_o   (w_wr_data[i*64 +: 64]),
      .b_valid_i   (w_b_valid[i]),
      .b_resp_i    (m_ptw_bresp_i)
    );
  end

endmodule
