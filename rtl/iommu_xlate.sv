// SPDX-License-Identifier: Apache-2.0
// Translation datapath: device AXI4 port in, translated AXI4 to memory out.
//
// One translation stage shared by AR and AW (one translation per cycle). A request is registered
// into the stage when it is accepted (the one added cycle); in the stage the decision for
// ddtp.iommu_mode Off/Bare is taken combinationally and the request leaves to m_dma_* in the same
// cycle, or is answered with SLVERR (W beats consumed) plus a fault record (IOMMU spec 1.6 step 1,
// fault record spec 1.9). Responses and W routing live in iommu_xlate_rsp.

`default_nettype none

module iommu_xlate #(
  parameter int IdWidth      = 4,
  parameter int IotlbEntries = 16
) (
  input  logic               clk_i,
  input  logic               rst_i,

  // ---- Device port (AXI4 slave + sideband) ----
  input  logic [IdWidth-1:0] s_axi_awid_i,
  input  logic [63:0]        s_axi_awaddr_i,
  input  logic [7:0]         s_axi_awlen_i,
  input  logic [2:0]         s_axi_awsize_i,
  input  logic [1:0]         s_axi_awburst_i,
  input  logic [2:0]         s_axi_awprot_i,   // [0] privileged, [2] instruction
  input  logic [23:0]        s_axi_aw_did_i,
  input  logic [19:0]        s_axi_aw_pid_i,
  input  logic               s_axi_aw_pv_i,
  input  logic               s_axi_awvalid_i,
  output logic               s_axi_awready_o,
  input  logic [63:0]        s_axi_wdata_i,
  input  logic [7:0]         s_axi_wstrb_i,
  input  logic               s_axi_wlast_i,
  input  logic               s_axi_wvalid_i,
  output logic               s_axi_wready_o,
  output logic [IdWidth-1:0] s_axi_bid_o,
  output logic [1:0]         s_axi_bresp_o,
  output logic               s_axi_bvalid_o,
  input  logic               s_axi_bready_i,
  input  logic [IdWidth-1:0] s_axi_arid_i,
  input  logic [63:0]        s_axi_araddr_i,
  input  logic [7:0]         s_axi_arlen_i,
  input  logic [2:0]         s_axi_arsize_i,
  input  logic [1:0]         s_axi_arburst_i,
  input  logic [2:0]         s_axi_arprot_i,
  input  logic [23:0]        s_axi_ar_did_i,
  input  logic [19:0]        s_axi_ar_pid_i,
  input  logic               s_axi_ar_pv_i,
  input  logic               s_axi_arvalid_i,
  output logic               s_axi_arready_o,
  output logic [IdWidth-1:0] s_axi_rid_o,
  output logic [63:0]        s_axi_rdata_o,
  output logic [1:0]         s_axi_rresp_o,
  output logic               s_axi_rlast_o,
  output logic               s_axi_rvalid_o,
  input  logic               s_axi_rready_i,

  // ---- Translated DMA to memory (AXI4 master, arbiter source 0) ----
  output logic [IdWidth-1:0] m_dma_awid_o,
  output logic [63:0]        m_dma_awaddr_o,
  output logic [7:0]         m_dma_awlen_o,
  output logic [2:0]         m_dma_awsize_o,
  output logic [1:0]         m_dma_awburst_o,
  output logic [2:0]         m_dma_awprot_o,
  output logic               m_dma_awvalid_o,
  input  logic               m_dma_awready_i,
  output logic [63:0]        m_dma_wdata_o,
  output logic [7:0]         m_dma_wstrb_o,
  output logic               m_dma_wlast_o,
  output logic               m_dma_wvalid_o,
  input  logic               m_dma_wready_i,
  input  logic [IdWidth-1:0] m_dma_bid_i,
  input  logic [1:0]         m_dma_bresp_i,
  input  logic               m_dma_bvalid_i,
  output logic               m_dma_bready_o,
  output logic [IdWidth-1:0] m_dma_arid_o,
  output logic [63:0]        m_dma_araddr_o,
  output logic [7:0]         m_dma_arlen_o,
  output logic [2:0]         m_dma_arsize_o,
  output logic [1:0]         m_dma_arburst_o,
  output logic [2:0]         m_dma_arprot_o,
  output logic               m_dma_arvalid_o,
  input  logic               m_dma_arready_i,
  input  logic [IdWidth-1:0] m_dma_rid_i,
  input  logic [63:0]        m_dma_rdata_i,
  input  logic [1:0]         m_dma_rresp_i,
  input  logic               m_dma_rlast_i,
  input  logic               m_dma_rvalid_i,
  output logic               m_dma_rready_o,

  // ---- Page-table walker reads (AXI4 master, read only, arbiter source 1) ----
  output logic [IdWidth-1:0] m_ptw_arid_o,
  output logic [63:0]        m_ptw_araddr_o,
  output logic [7:0]         m_ptw_arlen_o,
  output logic [2:0]         m_ptw_arsize_o,
  output logic [1:0]         m_ptw_arburst_o,
  output logic [2:0]         m_ptw_arprot_o,
  output logic               m_ptw_arvalid_o,
  input  logic               m_ptw_arready_i,
  input  logic [IdWidth-1:0] m_ptw_rid_i,
  input  logic [63:0]        m_ptw_rdata_i,
  input  logic [1:0]         m_ptw_rresp_i,
  input  logic               m_ptw_rlast_i,
  input  logic               m_ptw_rvalid_i,
  output logic               m_ptw_rready_o,

  // ---- Configuration from the register file ----
  input  logic [3:0]         ddtp_mode_i,
  input  logic               fctl_gxl_i,

  // ---- Context cache control (firmware) ----
  input  logic               ctx_load_i,
  input  logic [16*32-1:0]   ctx_w_i,
  input  logic               ctx_inv_i,
  input  logic [1:0]         ctx_inv_op_i,     // 0 did, 1 all, 2 did+pid
  input  logic [23:0]        ctx_inv_did_i,
  input  logic [19:0]        ctx_inv_pid_i,

  // ---- Context miss (to firmware; one outstanding) ----
  output logic               miss_valid_o,
  output logic [23:0]        miss_did_o,
  output logic [19:0]        miss_pid_o,
  output logic               miss_pv_o,
  output logic               miss_priv_o,
  output logic               miss_exec_o,
  output logic               miss_write_o,
  output logic [63:0]        miss_iova_o,
  input  logic               miss_retry_i,
  input  logic               miss_fail_i,

  // ---- IOTLB invalidation (IOTINVAL.VMA / GVMA) ----
  input  logic               inv_valid_i,
  output logic               inv_ready_o,
  input  logic               inv_gvma_i,
  input  logic               inv_gv_i,
  input  logic               inv_av_i,
  input  logic               inv_pscv_i,
  input  logic [19:0]        inv_pscid_i,
  input  logic [15:0]        inv_gscid_i,
  input  logic [51:0]        inv_vpn_i,

  // ---- Fault records ----
  output logic               fault_valid_o,
  input  logic               fault_ready_i,
  output logic [255:0]       fault_rec_o,

  // ---- Performance events ----
  output logic [7:0]         hpm_evt_o
);

  localparam logic [3:0]  DDTP_MODE_OFF  = 4'd0;
  localparam logic [3:0]  DDTP_MODE_BARE = 4'd1;
  localparam logic [11:0] CAUSE_ALL_OFF  = 12'd256;

  ////////////////////////////////////
  // Request intake (AR/AW arbiter) //
  ////////////////////////////////////

  logic               st_valid_q, st_write_q;
  logic [IdWidth-1:0] st_id_q;
  logic [63:0]        st_addr_q;
  logic [7:0]         st_len_q;
  logic [2:0]         st_size_q, st_prot_q;
  logic [1:0]         st_burst_q;
  logic [23:0]        st_did_q;
  logic [19:0]        st_pid_q;
  logic               st_pv_q;
  logic               st_done, st_ready, take_ar, take_aw, rr_aw_q;

  assign st_ready = !st_valid_q || st_done;
  // Round robin between the two channels when both are waiting.
  assign take_aw  = st_ready && s_axi_awvalid_i && (!s_axi_arvalid_i || rr_aw_q);
  assign take_ar  = st_ready && s_axi_arvalid_i && !take_aw;
  assign s_axi_awready_o = take_aw;
  assign s_axi_arready_o = take_ar;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      st_valid_q <= 1'b0;
      rr_aw_q    <= 1'b0;
    end else begin
      if (st_ready) begin
        st_valid_q <= take_ar || take_aw;
      end
      if (take_ar || take_aw) begin
        rr_aw_q <= take_ar;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (take_aw) begin
      st_write_q <= 1'b1;
      st_id_q    <= s_axi_awid_i;
      st_addr_q  <= s_axi_awaddr_i;
      st_len_q   <= s_axi_awlen_i;
      st_size_q  <= s_axi_awsize_i;
      st_burst_q <= s_axi_awburst_i;
      st_prot_q  <= s_axi_awprot_i;
      st_did_q   <= s_axi_aw_did_i;
      st_pid_q   <= s_axi_aw_pid_i;
      st_pv_q    <= s_axi_aw_pv_i;
    end else if (take_ar) begin
      st_write_q <= 1'b0;
      st_id_q    <= s_axi_arid_i;
      st_addr_q  <= s_axi_araddr_i;
      st_len_q   <= s_axi_arlen_i;
      st_size_q  <= s_axi_arsize_i;
      st_burst_q <= s_axi_arburst_i;
      st_prot_q  <= s_axi_arprot_i;
      st_did_q   <= s_axi_ar_did_i;
      st_pid_q   <= s_axi_ar_pid_i;
      st_pv_q    <= s_axi_ar_pv_i;
    end
  end

  //////////////////////////////////////
  // Context cache, IOTLB and walker  //
  //////////////////////////////////////

  logic        ctx_hit, ctx_pdtv, ctx_dtf, ctx_ens, ctx_sum;
  logic [19:0] ctx_pscid;
  logic [3:0]  ctx_s1_mode, ctx_s2_mode;
  logic [43:0] ctx_s1_ppn, ctx_s2_ppn;
  logic [15:0] ctx_gscid;

  iommu_ctx_cache #(
    .Entries (8)
  ) u_ctx (
    .clk_i     (clk_i),
    .rst_i     (rst_i),
    .load_i    (ctx_load_i),
    .w_i       (ctx_w_i),
    .inv_i     (ctx_inv_i),
    .inv_op_i  (ctx_inv_op_i),
    .inv_did_i (ctx_inv_did_i),
    .inv_pid_i (ctx_inv_pid_i),
    .did_i     (st_did_q),
    .pv_i      (st_pv_q),
    .pid_i     (st_pid_q),
    .hit_o     (ctx_hit),
    .pdtv_o    (ctx_pdtv),
    .dtf_o     (ctx_dtf),
    .ens_o     (ctx_ens),
    .sum_o     (ctx_sum),
    .pscid_o   (ctx_pscid),
    .s1_mode_o (ctx_s1_mode),
    .s1_ppn_o  (ctx_s1_ppn),
    .gscid_o   (ctx_gscid),
    .s2_mode_o (ctx_s2_mode),
    .s2_ppn_o  (ctx_s2_ppn)
  );

  localparam int TlbIdxW = $clog2(IotlbEntries);

  logic               st_exec, st_priv, s1_on, s2_on;
  logic               tlb_hit, tlb_touch, tlb_kill, tlb_fill, hit_perm_bad;
  logic [TlbIdxW-1:0] tlb_idx;
  logic [43:0]        tlb_ppn;
  logic [3:0]         tlb_perm1;
  logic [2:0]         tlb_perm2;
  logic               ptw_start, ptw_busy, ptw_done, ptw_fault, ptw_g;
  logic [11:0]        ptw_cause;
  logic [63:0]        ptw_iotval2;
  logic [43:0]        ptw_ppn;
  logic [2:0]         ptw_size, ptw_perm2;
  logic [3:0]         ptw_perm1;

  assign st_exec = st_prot_q[2] && !st_write_q;
  // Privilege comes with a process_id only (PCIe semantics); without PV requests are user.
  assign st_priv = st_prot_q[0] && st_pv_q;
  assign s1_on   = (ctx_s1_mode != 4'd0);
  assign s2_on   = (ctx_s2_mode != 4'd0);

  iommu_iotlb #(
    .Entries (IotlbEntries)
  ) u_tlb (
    .clk_i        (clk_i),
    .rst_i        (rst_i),
    .gv_i         (s2_on),
    .gscid_i      (ctx_gscid),
    .s1_i         (s1_on),
    .pscid_i      (ctx_pscid),
    .vpn_i        (st_addr_q[63:12]),
    .hit_o        (tlb_hit),
    .hit_idx_o    (tlb_idx),
    .ppn_o        (tlb_ppn),
    .perm1_o      (tlb_perm1),
    .perm2_o      (tlb_perm2),
    .touch_i      (tlb_touch),
    .kill_i       (tlb_kill),
    .kill_idx_i   (tlb_idx),
    .fill_i       (tlb_fill),
    .fill_gv_i    (s2_on),
    .fill_gscid_i (ctx_gscid),
    .fill_s1_i    (s1_on),
    .fill_pscid_i (ctx_pscid),
    .fill_g_i     (ptw_g),
    .fill_vpn_i   (st_addr_q[63:12]),
    .fill_size_i  (ptw_size),
    .fill_ppn_i   (ptw_ppn),
    .fill_perm1_i (ptw_perm1),
    .fill_perm2_i (ptw_perm2),
    .inv_valid_i  (inv_valid_i),
    .inv_ready_o  (inv_ready_o),
    .inv_gvma_i   (inv_gvma_i),
    .inv_gv_i     (inv_gv_i),
    .inv_av_i     (inv_av_i),
    .inv_pscv_i   (inv_pscv_i),
    .inv_pscid_i  (inv_pscid_i),
    .inv_gscid_i  (inv_gscid_i),
    .inv_vpn_i    (inv_vpn_i)
  );

  // A hit is used only if both stages' stored permissions allow the access; otherwise the entry
  // is dropped and the walker re-derives the fault (with the GPA for iotval2) from memory.
  logic p1_bad, p2_bad;
  iommu_ptw_perm u_hit_perm1 (
    .g_stage_i  (1'b0),
    .implicit_i (1'b0),
    .exec_i     (st_exec),
    .write_i    (st_write_q),
    .priv_i     (st_priv),
    .sum_i      (ctx_sum),
    .r_i        (tlb_perm1[0]),
    .w_i        (tlb_perm1[1]),
    .x_i        (tlb_perm1[2]),
    .u_i        (tlb_perm1[3]),
    .a_i        (1'b1),
    .d_i        (1'b1),
    .fault_o    (p1_bad)
  );
  iommu_ptw_perm u_hit_perm2 (
    .g_stage_i  (1'b1),
    .implicit_i (1'b0),
    .exec_i     (st_exec),
    .write_i    (st_write_q),
    .priv_i     (1'b0),
    .sum_i      (1'b0),
    .r_i        (tlb_perm2[0]),
    .w_i        (tlb_perm2[1]),
    .x_i        (tlb_perm2[2]),
    .u_i        (1'b1),
    .a_i        (1'b1),
    .d_i        (1'b1),
    .fault_o    (p2_bad)
  );
  assign hit_perm_bad = (s1_on && p1_bad) || (s2_on && p2_bad);

  logic [63:0] ptw_rd_addr;
  logic        ptw_rd_valid;

  iommu_ptw u_ptw (
    .clk_i       (clk_i),
    .rst_i       (rst_i),
    .start_i     (ptw_start),
    .iova_i      (st_addr_q),
    .exec_i      (st_exec),
    .write_i     (st_write_q),
    .priv_i      (st_priv),
    .sum_i       (ctx_sum),
    .s1_mode_i   (ctx_s1_mode),
    .s1_ppn_i    (ctx_s1_ppn),
    .s2_mode_i   (ctx_s2_mode),
    .s2_ppn_i    (ctx_s2_ppn),
    .busy_o      (ptw_busy),
    .done_o      (ptw_done),
    .fault_o     (ptw_fault),
    .cause_o     (ptw_cause),
    .iotval2_o   (ptw_iotval2),
    .ppn_o       (ptw_ppn),
    .size_o      (ptw_size),
    .perm1_o     (ptw_perm1),
    .g_o         (ptw_g),
    .perm2_o     (ptw_perm2),
    .rd_addr_o   (ptw_rd_addr),
    .rd_valid_o  (ptw_rd_valid),
    .rd_ready_i  (m_ptw_arready_i),
    .rd_data_i   (m_ptw_rdata_i),
    .rd_err_i    (m_ptw_rresp_i[1]),
    .rd_rvalid_i (m_ptw_rvalid_i)
  );

  assign m_ptw_arid_o    = '0;
  assign m_ptw_araddr_o  = ptw_rd_addr;
  assign m_ptw_arlen_o   = 8'd0;
  assign m_ptw_arsize_o  = 3'd3;
  assign m_ptw_arburst_o = 2'b01;
  assign m_ptw_arprot_o  = 3'b001;
  assign m_ptw_arvalid_o = ptw_rd_valid;
  assign m_ptw_rready_o  = 1'b1;

  //////////////////////////////////////////////
  // Decision: one ordered cause chain        //
  //////////////////////////////////////////////

  localparam logic [11:0] CAUSE_TTYP_DISALLOWED = 12'd260;

  logic        cm_wait_q, cm_fail_q, walk_q, nofill_q, wres_q, wres_fault_q;
  logic [11:0] wres_cause_q;
  logic [63:0] wres_iotval2_q;
  logic [43:0] wres_ppn_q;
  logic        cross_4k, need_cm, need_walk;
  logic [63:0] st_last;
  logic [11:0] st_off;

  assign st_off = st_addr_q[11:0];

  // INCR bursts must stay inside one 4 KiB page (FIXED/WRAP cannot cross it).
  assign st_last  = st_addr_q + ((64'd1 + {56'd0, st_len_q}) << st_size_q) - 64'd1;
  assign cross_4k = (st_burst_q == 2'b01) && (st_last[63:12] != st_addr_q[63:12]);

  logic        dec_pass, dec_fault, dec_record;
  logic [11:0] dec_cause;
  logic [63:0] dec_addr, dec_iotval2;

  always_comb begin
    dec_pass    = 1'b0;
    dec_fault   = 1'b0;
    dec_record  = 1'b0;
    dec_cause   = 12'd0;
    dec_iotval2 = 64'd0;
    dec_addr    = st_addr_q;
    need_cm     = 1'b0;
    need_walk   = 1'b0;
    tlb_touch   = 1'b0;
    tlb_kill    = 1'b0;
    if (ddtp_mode_i == DDTP_MODE_OFF) begin
      dec_fault  = 1'b1;
      dec_record = 1'b1;          // no DC located: DTF treated as 0
      dec_cause  = CAUSE_ALL_OFF;
    end else if (ddtp_mode_i == DDTP_MODE_BARE) begin
      dec_pass = 1'b1;
    end else if (cm_fail_q) begin
      dec_fault = 1'b1;           // firmware answered the context miss with a fault it records
    end else if (!ctx_hit || cm_wait_q) begin
      need_cm = 1'b1;
    end else if ((st_pv_q && !ctx_pdtv) || cross_4k || (st_priv && !ctx_ens)) begin
      dec_fault  = 1'b1;
      dec_record = !ctx_dtf;
      dec_cause  = CAUSE_TTYP_DISALLOWED;
    end else if (!s1_on && !s2_on) begin
      dec_pass = 1'b1;
    end else if (wres_q) begin
      dec_pass    = !wres_fault_q;
      dec_fault   = wres_fault_q;
      dec_record  = wres_fault_q && !ctx_dtf;
      dec_cause   = wres_cause_q;
      dec_iotval2 = wres_iotval2_q;
      dec_addr    = {8'd0, wres_ppn_q, st_off};
    end else if (tlb_hit && !hit_perm_bad && !walk_q) begin
      dec_pass  = 1'b1;
      dec_addr  = {8'd0, tlb_ppn, st_off};
      tlb_touch = 1'b1;
    end else begin
      need_walk = 1'b1;
      tlb_kill  = tlb_hit && !walk_q;
    end
  end

  assign ptw_start = st_valid_q && need_walk && !walk_q && !ptw_busy;
  assign tlb_fill  = ptw_done && !ptw_fault && !nofill_q && !inv_valid_i;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      cm_wait_q <= 1'b0;
      cm_fail_q <= 1'b0;
      walk_q    <= 1'b0;
      nofill_q  <= 1'b0;
      wres_q    <= 1'b0;
    end else begin
      // Context miss: hold the request until firmware retries (look up again) or fails it.
      if (st_done) begin
        cm_wait_q <= 1'b0;
        cm_fail_q <= 1'b0;
      end else if (cm_wait_q && miss_fail_i) begin
        cm_wait_q <= 1'b0;
        cm_fail_q <= 1'b1;
      end else if (cm_wait_q && miss_retry_i) begin
        cm_wait_q <= 1'b0;
      end else if (st_valid_q && need_cm) begin
        cm_wait_q <= 1'b1;
      end
      // Walk: the result answers this request directly (no replay through the IOTLB).
      if (ptw_start) begin
        walk_q   <= 1'b1;
        nofill_q <= 1'b0;
      end else if (ptw_done) begin
        walk_q <= 1'b0;
      end
      if (inv_valid_i && walk_q) begin
        nofill_q <= 1'b1;
      end
      if (ptw_done) begin
        wres_q <= 1'b1;
      end else if (st_done) begin
        wres_q <= 1'b0;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (ptw_done) begin
      wres_fault_q   <= ptw_fault;
      wres_cause_q   <= ptw_cause;
      wres_iotval2_q <= ptw_iotval2;
      wres_ppn_q     <= ptw_ppn;
    end
  end

  assign miss_valid_o = st_valid_q && cm_wait_q;
  assign miss_did_o   = st_did_q;
  assign miss_pid_o   = st_pid_q;
  assign miss_pv_o    = st_pv_q;
  assign miss_priv_o  = st_prot_q[0];
  assign miss_exec_o  = st_exec;
  assign miss_write_o = st_write_q;
  assign miss_iova_o  = st_addr_q;

  ////////////////////////////////
  // Leaving the stage          //
  ////////////////////////////////

  logic rd_err_ready, rd_err_busy, wr_route_ready, wr_err_busy;
  logic rd_leave_ok, wr_leave_ok;

  // Passing requests wait while an injected error of their channel is pending (per-ID order).
  assign rd_leave_ok = dec_pass ? (!rd_err_busy && m_dma_arready_i) : rd_err_ready;
  assign wr_leave_ok = wr_route_ready && (dec_pass ? (!wr_err_busy && m_dma_awready_i) : 1'b1);
  assign st_done = st_valid_q && (dec_pass || dec_fault) &&
                   (st_write_q ? wr_leave_ok : rd_leave_ok);

  assign m_dma_arid_o    = st_id_q;
  assign m_dma_araddr_o  = dec_addr;
  assign m_dma_arlen_o   = st_len_q;
  assign m_dma_arsize_o  = st_size_q;
  assign m_dma_arburst_o = st_burst_q;
  assign m_dma_arprot_o  = st_prot_q;
  assign m_dma_arvalid_o = st_valid_q && !st_write_q && dec_pass && !rd_err_busy;
  assign m_dma_awid_o    = st_id_q;
  assign m_dma_awaddr_o  = dec_addr;
  assign m_dma_awlen_o   = st_len_q;
  assign m_dma_awsize_o  = st_size_q;
  assign m_dma_awburst_o = st_burst_q;
  assign m_dma_awprot_o  = st_prot_q;
  assign m_dma_awvalid_o = st_valid_q && st_write_q && dec_pass && !wr_err_busy && wr_route_ready;

  iommu_xlate_rsp #(
    .IdWidth (IdWidth)
  ) u_rsp (
    .clk_i            (clk_i),
    .rst_i            (rst_i),
    .rd_issue_i       (m_dma_arvalid_o && m_dma_arready_i),
    .rd_issue_id_i    (st_id_q),
    .rd_err_valid_i   (st_done && !st_write_q && dec_fault),
    .rd_err_id_i      (st_id_q),
    .rd_err_len_i     (st_len_q),
    .rd_err_ready_o   (rd_err_ready),
    .rd_err_busy_o    (rd_err_busy),
    .wr_issue_i       (m_dma_awvalid_o && m_dma_awready_i),
    .wr_issue_id_i    (st_id_q),
    .wr_route_valid_i (st_done && st_write_q),
    .wr_route_drop_i  (dec_fault),
    .wr_route_id_i    (st_id_q),
    .wr_route_ready_o (wr_route_ready),
    .wr_err_busy_o    (wr_err_busy),
    .s_axi_wdata_i    (s_axi_wdata_i),
    .s_axi_wstrb_i    (s_axi_wstrb_i),
    .s_axi_wlast_i    (s_axi_wlast_i),
    .s_axi_wvalid_i   (s_axi_wvalid_i),
    .s_axi_wready_o   (s_axi_wready_o),
    .s_axi_bid_o      (s_axi_bid_o),
    .s_axi_bresp_o    (s_axi_bresp_o),
    .s_axi_bvalid_o   (s_axi_bvalid_o),
    .s_axi_bready_i   (s_axi_bready_i),
    .s_axi_rid_o      (s_axi_rid_o),
    .s_axi_rdata_o    (s_axi_rdata_o),
    .s_axi_rresp_o    (s_axi_rresp_o),
    .s_axi_rlast_o    (s_axi_rlast_o),
    .s_axi_rvalid_o   (s_axi_rvalid_o),
    .s_axi_rready_i   (s_axi_rready_i),
    .m_dma_wdata_o    (m_dma_wdata_o),
    .m_dma_wstrb_o    (m_dma_wstrb_o),
    .m_dma_wlast_o    (m_dma_wlast_o),
    .m_dma_wvalid_o   (m_dma_wvalid_o),
    .m_dma_wready_i   (m_dma_wready_i),
    .m_dma_bid_i      (m_dma_bid_i),
    .m_dma_bresp_i    (m_dma_bresp_i),
    .m_dma_bvalid_i   (m_dma_bvalid_i),
    .m_dma_bready_o   (m_dma_bready_o),
    .m_dma_rid_i      (m_dma_rid_i),
    .m_dma_rdata_i    (m_dma_rdata_i),
    .m_dma_rresp_i    (m_dma_rresp_i),
    .m_dma_rlast_i    (m_dma_rlast_i),
    .m_dma_rvalid_i   (m_dma_rvalid_i),
    .m_dma_rready_o   (m_dma_rready_o)
  );

  //////////////////
  // Fault record //
  //////////////////

  // TTYP (spec 1.9): 1 untranslated exec, 2 untranslated read, 3 untranslated write.
  logic [5:0]   st_ttyp;
  logic         fault_valid_q;
  logic [255:0] fault_rec_q;

  assign st_ttyp = st_write_q ? 6'd3 : (st_prot_q[2] ? 6'd1 : 6'd2);

  // A record waits for fault_ready_i; a newer one arriving meanwhile is dropped (DMA never stalls).
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      fault_valid_q <= 1'b0;
    end else if (fault_valid_q && !fault_ready_i) begin
      fault_valid_q <= 1'b1;
    end else begin
      fault_valid_q <= st_done && dec_record;
    end
  end

  always_ff @(posedge clk_i) begin
    if ((!fault_valid_q || fault_ready_i) && st_done && dec_record) begin
      fault_rec_q <= {dec_iotval2,                 // dw3 iotval2
                      st_addr_q,                   // dw2 iotval
                      64'd0,                       // dw1
                      st_did_q, st_ttyp, st_prot_q[0] & st_pv_q, st_pv_q,
                      st_pv_q ? st_pid_q : 20'd0, dec_cause};
    end
  end

  assign fault_valid_o = fault_valid_q;
  assign fault_rec_o   = fault_rec_q;

  //////////////////////////////
  // Events and tied-off ports //
  //////////////////////////////

  // Bit n = standard event n. Event 8 (G-stage walk) has no bit in the 8-bit port of
  // architecture.md 6; it is reported on bit 0 (event ID 0 is unused by the spec).
  assign hpm_evt_o = {ptw_start && s1_on,    // 7 first-stage walk
                      2'b00,
                      ptw_start,             // 4 IOTLB miss
                      2'b00,
                      st_done,               // 1 untranslated request (all device requests)
                      ptw_start && s2_on};   // 8 G-stage walk (see above)

  logic unused_xlate;
  assign unused_xlate = ^{m_ptw_rid_i, m_ptw_rresp_i[0], m_ptw_rlast_i, fctl_gxl_i, st_last[11:0],
                          ctx_w_i[0], DDTP_MODE_BARE};

endmodule
