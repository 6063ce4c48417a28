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

  /////////////////////////////
  // Decision in the stage   //
  /////////////////////////////

  logic        dec_pass, dec_fault, dec_record;
  logic [11:0] dec_cause;
  logic [63:0] dec_addr;

  always_comb begin
    dec_pass   = 1'b0;
    dec_fault  = 1'b0;
    dec_record = 1'b0;
    dec_cause  = 12'd0;
    dec_addr   = st_addr_q;
    if (ddtp_mode_i == DDTP_MODE_BARE) begin
      dec_pass = 1'b1;
    end else begin
      // Off, and (until the translation path exists) every directory mode: cause 256.
      dec_fault  = 1'b1;
      dec_record = 1'b1;
      dec_cause  = CAUSE_ALL_OFF;
    end
  end

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
      fault_rec_q <= {64'd0,                       // dw3 iotval2
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

  always_comb begin
    hpm_evt_o    = 8'd0;
    hpm_evt_o[1] = st_done;   // every device request is untranslated
  end

  assign m_ptw_arid_o    = '0;
  assign m_ptw_araddr_o  = 64'd0;
  assign m_ptw_arlen_o   = 8'd0;
  assign m_ptw_arsize_o  = 3'd3;
  assign m_ptw_arburst_o = 2'b01;
  assign m_ptw_arprot_o  = 3'b001;
  assign m_ptw_arvalid_o = 1'b0;
  assign m_ptw_rready_o  = 1'b1;

  assign miss_valid_o = 1'b0;
  assign miss_did_o   = 24'd0;
  assign miss_pid_o   = 20'd0;
  assign miss_pv_o    = 1'b0;
  assign miss_priv_o  = 1'b0;
  assign miss_exec_o  = 1'b0;
  assign miss_write_o = 1'b0;
  assign miss_iova_o  = 64'd0;
  assign inv_ready_o  = 1'b1;

  // Inputs not used by the Off/Bare datapath yet.
  logic unused_inputs;
  assign unused_inputs = ^{m_ptw_arready_i, m_ptw_rid_i, m_ptw_rdata_i, m_ptw_rresp_i,
                           m_ptw_rlast_i, m_ptw_rvalid_i, fctl_gxl_i, ctx_load_i, ctx_w_i,
                           ctx_inv_i, ctx_inv_op_i, ctx_inv_did_i, ctx_inv_pid_i, miss_retry_i,
                           miss_fail_i, inv_valid_i, inv_gvma_i, inv_gv_i, inv_av_i, inv_pscv_i,
                           inv_pscid_i, inv_gscid_i, inv_vpn_i, DDTP_MODE_OFF,
                           IotlbEntries[0]};

endmodule
