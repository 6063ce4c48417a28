// SPDX-License-Identifier: Apache-2.0
// iommu_top: the IOMMU without the management core (architecture.md §1, §6).
//
// Instantiates and wires iommu_regfile (spec register page), iommu_xlate (translation
// datapath), iommu_fwif (firmware interface: events, commands, burst engine) and iommu_mem_arb
// (DMA, page walks and firmware bursts onto one memory port), and iommu_fence_track (device
// requests in flight, for IOFENCE.C PR/PW). The management core reaches
// this block through the 16 KiB Wishbone window s_wb_* (0xF000_0000 in the core's map).

`default_nettype none

module iommu_top #(
  parameter int IotlbEntries = 16,
  // Programmable HPM counters besides iohpmcycles, 1..31 (spec 6.21; software finds the count
  // by writing all-ones to iocountinh). include/iommu_regs.def describes this default.
  parameter int HpmCounters  = 2
) (
  input  logic          clk_i,
  input  logic          rst_i,

  // Host register port (AXI4-Lite, 64-bit data)
  input  logic [11:0]   s_axil_awaddr_i,
  input  logic          s_axil_awvalid_i,
  output logic          s_axil_awready_o,
  input  logic [63:0]   s_axil_wdata_i,
  input  logic [7:0]    s_axil_wstrb_i,
  input  logic          s_axil_wvalid_i,
  output logic          s_axil_wready_o,
  output logic [1:0]    s_axil_bresp_o,
  output logic          s_axil_bvalid_o,
  input  logic          s_axil_bready_i,
  input  logic [11:0]   s_axil_araddr_i,
  input  logic          s_axil_arvalid_i,
  output logic          s_axil_arready_o,
  output logic [63:0]   s_axil_rdata_o,
  output logic [1:0]    s_axil_rresp_o,
  output logic          s_axil_rvalid_o,
  input  logic          s_axil_rready_i,

  // Device port (AXI4 + sideband)
  input  logic [3:0]    s_axi_awid_i,
  input  logic [63:0]   s_axi_awaddr_i,
  input  logic [7:0]    s_axi_awlen_i,
  input  logic [2:0]    s_axi_awsize_i,
  input  logic [1:0]    s_axi_awburst_i,
  input  logic [2:0]    s_axi_awprot_i,
  input  logic [23:0]   s_axi_aw_did_i,
  input  logic [19:0]   s_axi_aw_pid_i,
  input  logic          s_axi_aw_pv_i,
  input  logic          s_axi_awvalid_i,
  output logic          s_axi_awready_o,
  input  logic [63:0]   s_axi_wdata_i,
  input  logic [7:0]    s_axi_wstrb_i,
  input  logic          s_axi_wlast_i,
  input  logic          s_axi_wvalid_i,
  output logic          s_axi_wready_o,
  output logic [3:0]    s_axi_bid_o,
  output logic [1:0]    s_axi_bresp_o,
  output logic          s_axi_bvalid_o,
  input  logic          s_axi_bready_i,
  input  logic [3:0]    s_axi_arid_i,
  input  logic [63:0]   s_axi_araddr_i,
  input  logic [7:0]    s_axi_arlen_i,
  input  logic [2:0]    s_axi_arsize_i,
  input  logic [1:0]    s_axi_arburst_i,
  input  logic [2:0]    s_axi_arprot_i,
  input  logic [23:0]   s_axi_ar_did_i,
  input  logic [19:0]   s_axi_ar_pid_i,
  input  logic          s_axi_ar_pv_i,
  input  logic          s_axi_arvalid_i,
  output logic          s_axi_arready_o,
  output logic [3:0]    s_axi_rid_o,
  output logic [63:0]   s_axi_rdata_o,
  output logic [1:0]    s_axi_rresp_o,
  output logic          s_axi_rlast_o,
  output logic          s_axi_rvalid_o,
  input  logic          s_axi_rready_i,

  // Memory port (AXI4, ID = {source, id})
  output logic [5:0]    m_axi_awid_o,
  output logic [63:0]   m_axi_awaddr_o,
  output logic [7:0]    m_axi_awlen_o,
  output logic [2:0]    m_axi_awsize_o,
  output logic [1:0]    m_axi_awburst_o,
  output logic [2:0]    m_axi_awprot_o,
  output logic          m_axi_awlock_o,
  output logic          m_axi_awvalid_o,
  input  logic          m_axi_awready_i,
  output logic [63:0]   m_axi_wdata_o,
  output logic [7:0]    m_axi_wstrb_o,
  output logic          m_axi_wlast_o,
  output logic          m_axi_wvalid_o,
  input  logic          m_axi_wready_i,
  input  logic [5:0]    m_axi_bid_i,
  input  logic [1:0]    m_axi_bresp_i,
  input  logic          m_axi_bvalid_i,
  output logic          m_axi_bready_o,
  output logic [5:0]    m_axi_arid_o,
  output logic [63:0]   m_axi_araddr_o,
  output logic [7:0]    m_axi_arlen_o,
  output logic [2:0]    m_axi_arsize_o,
  output logic [1:0]    m_axi_arburst_o,
  output logic [2:0]    m_axi_arprot_o,
  output logic          m_axi_arlock_o,
  output logic          m_axi_arvalid_o,
  input  logic          m_axi_arready_i,
  input  logic [5:0]    m_axi_rid_i,
  input  logic [63:0]   m_axi_rdata_i,
  input  logic [1:0]    m_axi_rresp_i,
  input  logic          m_axi_rlast_i,
  input  logic          m_axi_rvalid_i,
  output logic          m_axi_rready_o,

  // Management-core window (Wishbone classic, word address)
  input  logic          s_wb_cyc_i,
  input  logic          s_wb_stb_i,
  input  logic          s_wb_we_i,
  input  logic [11:0]   s_wb_adr_i,
  input  logic [31:0]   s_wb_dat_i,
  input  logic [3:0]    s_wb_sel_i,
  output logic [31:0]   s_wb_dat_o,
  output logic          s_wb_ack_o,
  output logic          s_wb_err_o,

  output logic [15:0]   wsi_o,
  output logic          console_valid_o,
  output logic [7:0]    console_data_o,
  output logic          simctrl_valid_o,
  output logic [31:0]   simctrl_data_o,
  output logic          tap_fault_valid_o,  // copy of iommu_xlate's fault output (scoreboard)
  output logic [255:0]  tap_fault_rec_o
);

  ////////////////////////////
  // Internal nets          //
  ////////////////////////////

  logic [3:0]    dma_awid;
  logic [63:0]   dma_awaddr;
  logic [7:0]    dma_awlen;
  logic [2:0]    dma_awsize;
  logic [1:0]    dma_awburst;
  logic [2:0]    dma_awprot;
  logic          dma_awvalid;
  logic          dma_awready;
  logic [63:0]   dma_wdata;
  logic [7:0]    dma_wstrb;
  logic          dma_wlast;
  logic          dma_wvalid;
  logic          dma_wready;
  logic [3:0]    dma_bid;
  logic [1:0]    dma_bresp;
  logic          dma_bvalid;
  logic          dma_bready;
  logic [3:0]    dma_arid;
  logic [63:0]   dma_araddr;
  logic [7:0]    dma_arlen;
  logic [2:0]    dma_arsize;
  logic [1:0]    dma_arburst;
  logic [2:0]    dma_arprot;
  logic          dma_arvalid;
  logic          dma_arready;
  logic [3:0]    dma_rid;
  logic [63:0]   dma_rdata;
  logic [1:0]    dma_rresp;
  logic          dma_rlast;
  logic          dma_rvalid;
  logic          dma_rready;

  logic [3:0]    ptw_arid;
  logic [63:0]   ptw_araddr;
  logic [7:0]    ptw_arlen;
  logic [2:0]    ptw_arsize;
  logic [1:0]    ptw_arburst;
  logic [2:0]    ptw_arprot;
  logic          ptw_arvalid;
  logic          ptw_arready;
  logic [3:0]    ptw_rid;
  logic [63:0]   ptw_rdata;
  logic [1:0]    ptw_rresp;
  logic          ptw_rlast;
  logic          ptw_rvalid;
  logic          ptw_rready;
  logic          ptw_arlock, ptw_awlock, ptw_awvalid, ptw_awready, ptw_wlast, ptw_wvalid;
  logic          ptw_wready, ptw_bvalid, ptw_bready;
  logic [3:0]    ptw_awid, ptw_bid;
  logic [63:0]   ptw_awaddr, ptw_wdata;
  logic [7:0]    ptw_awlen, ptw_wstrb;
  logic [2:0]    ptw_awsize, ptw_awprot;
  logic [1:0]    ptw_awburst, ptw_bresp;

  logic [3:0]    burst_awid;
  logic [63:0]   burst_awaddr;
  logic [7:0]    burst_awlen;
  logic [2:0]    burst_awsize;
  logic [1:0]    burst_awburst;
  logic [2:0]    burst_awprot;
  logic          burst_awlock;
  logic          burst_awvalid;
  logic          burst_awready;
  logic [63:0]   burst_wdata;
  logic [7:0]    burst_wstrb;
  logic          burst_wlast;
  logic          burst_wvalid;
  logic          burst_wready;
  logic [3:0]    burst_bid;
  logic [1:0]    burst_bresp;
  logic          burst_bvalid;
  logic          burst_bready;
  logic [3:0]    burst_arid;
  logic [63:0]   burst_araddr;
  logic [7:0]    burst_arlen;
  logic [2:0]    burst_arsize;
  logic [1:0]    burst_arburst;
  logic [2:0]    burst_arprot;
  logic          burst_arlock;
  logic          burst_arvalid;
  logic          burst_arready;
  logic [3:0]    burst_rid;
  logic [63:0]   burst_rdata;
  logic [1:0]    burst_rresp;
  logic          burst_rlast;
  logic          burst_rvalid;
  logic          burst_rready;

  logic [3:0]   ddtp_mode;
  logic [43:0]  ddtp_ppn;
  logic         fctl_wsi, fctl_gxl;
  logic [63:0]  caps, tr_req_iova, tr_req_ctl;
  logic [8:0]   hpm_evt;
  logic         fw_req, fw_we;
  logic [1:0]   fw_op;
  logic [11:2]  fw_addr;
  logic [31:0]  fw_wdata, fw_rdata;
  logic         ctx_load, ctx_inv;
  logic [511:0] ctx_w;
  logic [1:0]   ctx_inv_op;
  logic [23:0]  ctx_inv_did, miss_did;
  logic [19:0]  ctx_inv_pid, miss_pid, inv_pscid;
  logic         miss_valid, miss_pv, miss_priv, miss_exec, miss_write, miss_retry, miss_fail;
  logic         miss_unsup;
  logic [63:0]  miss_iova;
  logic         miss_msi, miss_dtf, msi_load;
  logic [15:0]  miss_gscid, msi_load_gscid;
  logic [63:0]  miss_pte;
  logic [51:0]  miss_fidx, msi_load_gpn;
  logic [43:0]  msi_load_ppn;
  logic         miss_absorb, mrif_valid, mrif_multi, mrif_done;
  logic [63:0]  mrif_data;
  logic [7:0]   mrif_strb;
  logic [1:0]   mrif_resp;
  logic         inv_valid, inv_ready, inv_gvma, inv_gv, inv_av, inv_pscv;
  logic [15:0]  inv_gscid;
  logic [51:0]  inv_vpn;
  logic         fault_valid;
  logic [255:0] fault_rec;

  // The datapath needs only the mode and GXL (fwif's DC checks also the capabilities); the rest
  // is read by software through the page.
  logic unused_cfg;
  assign unused_cfg = ^{ddtp_ppn, fctl_wsi};

  logic [23:0]  hpm_did;
  logic [19:0]  hpm_pid, hpm_pscid;
  logic [15:0]  hpm_gscid;
  logic         hpm_pv, hpm_gscv, hpm_pscv;

  ////////////////////////////////////////////////////
  // Debug translation (tr_req_ctl Go, datapath)    //
  ////////////////////////////////////////////////////

  logic         dbg_valid, dbg_ready, dbg_pv, dbg_priv, dbg_exe, dbg_nw;
  logic         dbg_done, dbg_fault, tr_resp_valid;
  logic [63:0]  dbg_iova, tr_resp;
  logic [23:0]  dbg_did;
  logic [19:0]  dbg_pid;
  logic [43:0]  dbg_ppn;
  logic [2:0]   dbg_size;

  iommu_dbg u_dbg (
    .clk_i         (clk_i),
    .rst_i         (rst_i),
    .tr_req_iova_i (tr_req_iova),
    .tr_req_ctl_i  (tr_req_ctl),
    .req_valid_o   (dbg_valid),
    .req_ready_i   (dbg_ready),
    .req_iova_o    (dbg_iova),
    .req_did_o     (dbg_did),
    .req_pid_o     (dbg_pid),
    .req_pv_o      (dbg_pv),
    .req_priv_o    (dbg_priv),
    .req_exe_o     (dbg_exe),
    .req_nw_o      (dbg_nw),
    .done_i        (dbg_done),
    .fault_i       (dbg_fault),
    .ppn_i         (dbg_ppn),
    .size_i        (dbg_size),
    .resp_valid_o  (tr_resp_valid),
    .resp_o        (tr_resp)
  );

  ////////////////////////////
  // Register page          //
  ////////////////////////////

  iommu_regfile #(
    .HpmCounters (HpmCounters)
  ) u_regfile (
    .clk_i          (clk_i),
    .rst_i          (rst_i),
    .s_axil_awaddr_i      (s_axil_awaddr_i),
    .s_axil_awvalid_i     (s_axil_awvalid_i),
    .s_axil_awready_o     (s_axil_awready_o),
    .s_axil_wdata_i       (s_axil_wdata_i),
    .s_axil_wstrb_i       (s_axil_wstrb_i),
    .s_axil_wvalid_i      (s_axil_wvalid_i),
    .s_axil_wready_o      (s_axil_wready_o),
    .s_axil_bresp_o       (s_axil_bresp_o),
    .s_axil_bvalid_o      (s_axil_bvalid_o),
    .s_axil_bready_i      (s_axil_bready_i),
    .s_axil_araddr_i      (s_axil_araddr_i),
    .s_axil_arvalid_i     (s_axil_arvalid_i),
    .s_axil_arready_o     (s_axil_arready_o),
    .s_axil_rdata_o       (s_axil_rdata_o),
    .s_axil_rresp_o       (s_axil_rresp_o),
    .s_axil_rvalid_o      (s_axil_rvalid_o),
    .s_axil_rready_i      (s_axil_rready_i),
    .fw_req_i        (fw_req),
    .fw_we_i         (fw_we),
    .fw_op_i         (fw_op),
    .fw_addr_i       (fw_addr),
    .fw_wdata_i      (fw_wdata),
    .fw_rdata_o      (fw_rdata),
    .ddtp_mode_o     (ddtp_mode),
    .ddtp_ppn_o      (ddtp_ppn),
    .fctl_wsi_o      (fctl_wsi),
    .fctl_gxl_o      (fctl_gxl),
    .caps_o          (caps),
    .tr_req_iova_o   (tr_req_iova),
    .tr_req_ctl_o    (tr_req_ctl),
    .wsi_o           (wsi_o),
    .tr_resp_valid_i (tr_resp_valid),
    .tr_resp_i       (tr_resp),
    .hpm_evt_i       (hpm_evt),
    .hpm_did_i       (hpm_did),
    .hpm_pid_i       (hpm_pid),
    .hpm_pv_i        (hpm_pv),
    .hpm_gscid_i     (hpm_gscid),
    .hpm_gscv_i      (hpm_gscv),
    .hpm_pscid_i     (hpm_pscid),
    .hpm_pscv_i      (hpm_pscv)
  );

  ////////////////////////////////////////////////////
  // Fence drain (IOFENCE.C PR/PW, fwif DRAIN)      //
  ////////////////////////////////////////////////////

  // While the firmware holds the device port, the datapath accepts no new AR/AW (its intake
  // masks the handshake, not the request pick: dev_hold_i).
  logic drain_hold, drain_done, drain_idle;

  iommu_fence_track u_fence_track (
    .clk_i     (clk_i),
    .rst_i     (rst_i),
    .hold_i    (drain_hold),
    .ar_acc_i  (s_axi_arvalid_i && s_axi_arready_o),
    .aw_acc_i  (s_axi_awvalid_i && s_axi_awready_o),
    .r_last_i  (s_axi_rvalid_o && s_axi_rready_i && s_axi_rlast_o),
    .b_done_i  (s_axi_bvalid_o && s_axi_bready_i),
    .drained_o (drain_done),
    .idle_o    (drain_idle)
  );

  ////////////////////////////
  // Translation datapath   //
  ////////////////////////////

  iommu_xlate #(
    .IdWidth      (4),
    .IotlbEntries (IotlbEntries)
  ) u_xlate (
    .clk_i          (clk_i),
    .rst_i          (rst_i),
    .s_axi_awid_i         (s_axi_awid_i),
    .s_axi_awaddr_i       (s_axi_awaddr_i),
    .s_axi_awlen_i        (s_axi_awlen_i),
    .s_axi_awsize_i       (s_axi_awsize_i),
    .s_axi_awburst_i      (s_axi_awburst_i),
    .s_axi_awprot_i       (s_axi_awprot_i),
    .s_axi_aw_did_i       (s_axi_aw_did_i),
    .s_axi_aw_pid_i       (s_axi_aw_pid_i),
    .s_axi_aw_pv_i        (s_axi_aw_pv_i),
    .s_axi_awvalid_i      (s_axi_awvalid_i),
    .s_axi_awready_o      (s_axi_awready_o),
    .s_axi_wdata_i        (s_axi_wdata_i),
    .s_axi_wstrb_i        (s_axi_wstrb_i),
    .s_axi_wlast_i        (s_axi_wlast_i),
    .s_axi_wvalid_i       (s_axi_wvalid_i),
    .s_axi_wready_o       (s_axi_wready_o),
    .s_axi_bid_o          (s_axi_bid_o),
    .s_axi_bresp_o        (s_axi_bresp_o),
    .s_axi_bvalid_o       (s_axi_bvalid_o),
    .s_axi_bready_i       (s_axi_bready_i),
    .s_axi_arid_i         (s_axi_arid_i),
    .s_axi_araddr_i       (s_axi_araddr_i),
    .s_axi_arlen_i        (s_axi_arlen_i),
    .s_axi_arsize_i       (s_axi_arsize_i),
    .s_axi_arburst_i      (s_axi_arburst_i),
    .s_axi_arprot_i       (s_axi_arprot_i),
    .s_axi_ar_did_i       (s_axi_ar_did_i),
    .s_axi_ar_pid_i       (s_axi_ar_pid_i),
    .s_axi_ar_pv_i        (s_axi_ar_pv_i),
    .s_axi_arvalid_i      (s_axi_arvalid_i),
    .s_axi_arready_o      (s_axi_arready_o),
    .dev_hold_i           (drain_hold),
    .s_axi_rid_o          (s_axi_rid_o),
    .s_axi_rdata_o        (s_axi_rdata_o),
    .s_axi_rresp_o        (s_axi_rresp_o),
    .s_axi_rlast_o        (s_axi_rlast_o),
    .s_axi_rvalid_o       (s_axi_rvalid_o),
    .s_axi_rready_i       (s_axi_rready_i),
    .m_dma_awid_o         (dma_awid),
    .m_dma_awaddr_o       (dma_awaddr),
    .m_dma_awlen_o        (dma_awlen),
    .m_dma_awsize_o       (dma_awsize),
    .m_dma_awburst_o      (dma_awburst),
    .m_dma_awprot_o       (dma_awprot),
    .m_dma_awvalid_o      (dma_awvalid),
    .m_dma_awready_i      (dma_awready),
    .m_dma_wdata_o        (dma_wdata),
    .m_dma_wstrb_o        (dma_wstrb),
    .m_dma_wlast_o        (dma_wlast),
    .m_dma_wvalid_o       (dma_wvalid),
    .m_dma_wready_i       (dma_wready),
    .m_dma_bid_i          (dma_bid),
    .m_dma_bresp_i        (dma_bresp),
    .m_dma_bvalid_i       (dma_bvalid),
    .m_dma_bready_o       (dma_bready),
    .m_dma_arid_o         (dma_arid),
    .m_dma_araddr_o       (dma_araddr),
    .m_dma_arlen_o        (dma_arlen),
    .m_dma_arsize_o       (dma_arsize),
    .m_dma_arburst_o      (dma_arburst),
    .m_dma_arprot_o       (dma_arprot),
    .m_dma_arvalid_o      (dma_arvalid),
    .m_dma_arready_i      (dma_arready),
    .m_dma_rid_i          (dma_rid),
    .m_dma_rdata_i        (dma_rdata),
    .m_dma_rresp_i        (dma_rresp),
    .m_dma_rlast_i        (dma_rlast),
    .m_dma_rvalid_i       (dma_rvalid),
    .m_dma_rready_o       (dma_rready),
    .m_ptw_arid_o         (ptw_arid),
    .m_ptw_araddr_o       (ptw_araddr),
    .m_ptw_arlen_o        (ptw_arlen),
    .m_ptw_arsize_o       (ptw_arsize),
    .m_ptw_arburst_o      (ptw_arburst),
    .m_ptw_arprot_o       (ptw_arprot),
    .m_ptw_arvalid_o      (ptw_arvalid),
    .m_ptw_arready_i      (ptw_arready),
    .m_ptw_rid_i          (ptw_rid),
    .m_ptw_rdata_i        (ptw_rdata),
    .m_ptw_rresp_i        (ptw_rresp),
    .m_ptw_rlast_i        (ptw_rlast),
    .m_ptw_rvalid_i       (ptw_rvalid),
    .m_ptw_rready_o       (ptw_rready),
    .m_ptw_arlock_o       (ptw_arlock),
    .m_ptw_awid_o         (ptw_awid),
    .m_ptw_awaddr_o       (ptw_awaddr),
    .m_ptw_awlen_o        (ptw_awlen),
    .m_ptw_awsize_o       (ptw_awsize),
    .m_ptw_awburst_o      (ptw_awburst),
    .m_ptw_awprot_o       (ptw_awprot),
    .m_ptw_awlock_o       (ptw_awlock),
    .m_ptw_awvalid_o      (ptw_awvalid),
    .m_ptw_awready_i      (ptw_awready),
    .m_ptw_wdata_o        (ptw_wdata),
    .m_ptw_wstrb_o        (ptw_wstrb),
    .m_ptw_wlast_o        (ptw_wlast),
    .m_ptw_wvalid_o       (ptw_wvalid),
    .m_ptw_wready_i       (ptw_wready),
    .m_ptw_bid_i          (ptw_bid),
    .m_ptw_bresp_i        (ptw_bresp),
    .m_ptw_bvalid_i       (ptw_bvalid),
    .m_ptw_bready_o       (ptw_bready),
    .ddtp_mode_i     (ddtp_mode),
    .fctl_gxl_i      (fctl_gxl),
    .ctx_load_i      (ctx_load),
    .ctx_w_i         (ctx_w),
    .ctx_inv_i       (ctx_inv),
    .ctx_inv_op_i    (ctx_inv_op),
    .ctx_inv_did_i   (ctx_inv_did),
    .ctx_inv_pid_i   (ctx_inv_pid),
    .miss_valid_o    (miss_valid),
    .miss_did_o      (miss_did),
    .miss_pid_o      (miss_pid),
    .miss_pv_o       (miss_pv),
    .miss_priv_o     (miss_priv),
    .miss_exec_o     (miss_exec),
    .miss_write_o    (miss_write),
    .miss_iova_o     (miss_iova),
    .miss_unsup_o    (miss_unsup),
    .miss_retry_i    (miss_retry),
    .miss_fail_i     (miss_fail),
    .miss_absorb_i   (miss_absorb),
    .mrif_valid_o    (mrif_valid),
    .mrif_data_o     (mrif_data),
    .mrif_strb_o     (mrif_strb),
    .mrif_multi_o    (mrif_multi),
    .mrif_done_i     (mrif_done),
    .mrif_resp_i     (mrif_resp),
    .miss_msi_o       (miss_msi),
    .miss_gscid_o     (miss_gscid),
    .miss_pte_o       (miss_pte),
    .miss_fidx_o      (miss_fidx),
    .miss_dtf_o       (miss_dtf),
    .msi_load_i       (msi_load),
    .msi_load_gscid_i (msi_load_gscid),
    .msi_load_gpn_i   (msi_load_gpn),
    .msi_load_ppn_i   (msi_load_ppn),
    .inv_valid_i     (inv_valid),
    .inv_ready_o     (inv_ready),
    .inv_gvma_i      (inv_gvma),
    .inv_gv_i        (inv_gv),
    .inv_av_i        (inv_av),
    .inv_pscv_i      (inv_pscv),
    .inv_pscid_i     (inv_pscid),
    .inv_gscid_i     (inv_gscid),
    .inv_vpn_i       (inv_vpn),
    .fault_valid_o   (fault_valid),
    .fault_rec_o     (fault_rec),
    .dbg_valid_i     (dbg_valid),
    .dbg_ready_o     (dbg_ready),
    .dbg_iova_i      (dbg_iova),
    .dbg_did_i       (dbg_did),
    .dbg_pid_i       (dbg_pid),
    .dbg_pv_i        (dbg_pv),
    .dbg_priv_i      (dbg_priv),
    .dbg_exe_i       (dbg_exe),
    .dbg_nw_i        (dbg_nw),
    .dbg_done_o      (dbg_done),
    .dbg_fault_o     (dbg_fault),
    .dbg_ppn_o       (dbg_ppn),
    .dbg_size_o      (dbg_size),
    .hpm_evt_o       (hpm_evt),
    .hpm_did_o       (hpm_did),
    .hpm_pid_o       (hpm_pid),
    .hpm_pv_o        (hpm_pv),
    .hpm_gscid_o     (hpm_gscid),
    .hpm_gscv_o      (hpm_gscv),
    .hpm_pscid_o     (hpm_pscid),
    .hpm_pscv_o      (hpm_pscv)
  );

  assign tap_fault_valid_o = fault_valid;
  assign tap_fault_rec_o   = fault_rec;

  ////////////////////////////
  // Firmware interface     //
  ////////////////////////////

  iommu_fwif u_fwif (
    .clk_i          (clk_i),
    .rst_i          (rst_i),
    .s_wb_cyc_i (s_wb_cyc_i),
    .s_wb_stb_i (s_wb_stb_i),
    .s_wb_we_i (s_wb_we_i),
    .s_wb_adr_i (s_wb_adr_i),
    .s_wb_dat_i (s_wb_dat_i),
    .s_wb_sel_i (s_wb_sel_i),
    .s_wb_dat_o (s_wb_dat_o),
    .s_wb_ack_o (s_wb_ack_o),
    .s_wb_err_o (s_wb_err_o),
    .fw_req_o        (fw_req),
    .fw_we_o         (fw_we),
    .fw_op_o         (fw_op),
    .fw_addr_o       (fw_addr),
    .fw_wdata_o      (fw_wdata),
    .fw_rdata_i      (fw_rdata),
    .caps_i          (caps),
    .fctl_gxl_i      (fctl_gxl),
    .ctx_load_o      (ctx_load),
    .ctx_w_o         (ctx_w),
    .ctx_inv_o       (ctx_inv),
    .ctx_inv_op_o    (ctx_inv_op),
    .ctx_inv_did_o   (ctx_inv_did),
    .ctx_inv_pid_o   (ctx_inv_pid),
    .miss_valid_i    (miss_valid),
    .miss_did_i      (miss_did),
    .miss_pid_i      (miss_pid),
    .miss_pv_i       (miss_pv),
    .miss_priv_i     (miss_priv),
    .miss_exec_i     (miss_exec),
    .miss_write_i    (miss_write),
    .miss_iova_i     (miss_iova),
    .miss_unsup_i    (miss_unsup),
    .miss_retry_o    (miss_retry),
    .miss_fail_o     (miss_fail),
    .miss_absorb_o   (miss_absorb),
    .mrif_valid_i    (mrif_valid),
    .mrif_data_i     (mrif_data),
    .mrif_strb_i     (mrif_strb),
    .mrif_multi_i    (mrif_multi),
    .mrif_done_o     (mrif_done),
    .mrif_resp_o     (mrif_resp),
    .miss_msi_i       (miss_msi),
    .miss_gscid_i     (miss_gscid),
    .miss_pte_i       (miss_pte),
    .miss_fidx_i      (miss_fidx),
    .miss_dtf_i       (miss_dtf),
    .msi_load_o       (msi_load),
    .msi_load_gscid_o (msi_load_gscid),
    .msi_load_gpn_o   (msi_load_gpn),
    .msi_load_ppn_o   (msi_load_ppn),
    .inv_valid_o     (inv_valid),
    .inv_ready_i     (inv_ready),
    .inv_gvma_o      (inv_gvma),
    .inv_gv_o        (inv_gv),
    .inv_av_o        (inv_av),
    .inv_pscv_o      (inv_pscv),
    .inv_pscid_o     (inv_pscid),
    .inv_gscid_o     (inv_gscid),
    .inv_vpn_o       (inv_vpn),
    .drain_hold_o    (drain_hold),
    .drain_done_i    (drain_done),
    .drain_idle_i    (drain_idle),
    .fault_valid_i   (fault_valid),
    .fault_rec_i     (fault_rec),
    .console_valid_o (console_valid_o),
    .console_data_o  (console_data_o),
    .simctrl_valid_o (simctrl_valid_o),
    .simctrl_data_o  (simctrl_data_o),
    .m_burst_awid_o       (burst_awid),
    .m_burst_awaddr_o     (burst_awaddr),
    .m_burst_awlen_o      (burst_awlen),
    .m_burst_awsize_o     (burst_awsize),
    .m_burst_awburst_o    (burst_awburst),
    .m_burst_awprot_o     (burst_awprot),
    .m_burst_awlock_o     (burst_awlock),
    .m_burst_awvalid_o    (burst_awvalid),
    .m_burst_awready_i    (burst_awready),
    .m_burst_wdata_o      (burst_wdata),
    .m_burst_wstrb_o      (burst_wstrb),
    .m_burst_wlast_o      (burst_wlast),
    .m_burst_wvalid_o     (burst_wvalid),
    .m_burst_wready_i     (burst_wready),
    .m_burst_bid_i        (burst_bid),
    .m_burst_bresp_i      (burst_bresp),
    .m_burst_bvalid_i     (burst_bvalid),
    .m_burst_bready_o     (burst_bready),
    .m_burst_arid_o       (burst_arid),
    .m_burst_araddr_o     (burst_araddr),
    .m_burst_arlen_o      (burst_arlen),
    .m_burst_arsize_o     (burst_arsize),
    .m_burst_arburst_o    (burst_arburst),
    .m_burst_arprot_o     (burst_arprot),
    .m_burst_arlock_o     (burst_arlock),
    .m_burst_arvalid_o    (burst_arvalid),
    .m_burst_arready_i    (burst_arready),
    .m_burst_rid_i        (burst_rid),
    .m_burst_rdata_i      (burst_rdata),
    .m_burst_rresp_i      (burst_rresp),
    .m_burst_rlast_i      (burst_rlast),
    .m_burst_rvalid_i     (burst_rvalid),
    .m_burst_rready_o     (burst_rready)
  );

  ////////////////////////////
  // Memory arbiter         //
  ////////////////////////////

  iommu_mem_arb u_mem_arb (
    .clk_i          (clk_i),
    .rst_i          (rst_i),
    .s0_awid_i            (dma_awid),
    .s0_awaddr_i          (dma_awaddr),
    .s0_awlen_i           (dma_awlen),
    .s0_awsize_i          (dma_awsize),
    .s0_awburst_i         (dma_awburst),
    .s0_awprot_i          (dma_awprot),
    .s0_awvalid_i         (dma_awvalid),
    .s0_awready_o         (dma_awready),
    .s0_wdata_i           (dma_wdata),
    .s0_wstrb_i           (dma_wstrb),
    .s0_wlast_i           (dma_wlast),
    .s0_wvalid_i          (dma_wvalid),
    .s0_wready_o          (dma_wready),
    .s0_bid_o             (dma_bid),
    .s0_bresp_o           (dma_bresp),
    .s0_bvalid_o          (dma_bvalid),
    .s0_bready_i          (dma_bready),
    .s0_arid_i            (dma_arid),
    .s0_araddr_i          (dma_araddr),
    .s0_arlen_i           (dma_arlen),
    .s0_arsize_i          (dma_arsize),
    .s0_arburst_i         (dma_arburst),
    .s0_arprot_i          (dma_arprot),
    .s0_arvalid_i         (dma_arvalid),
    .s0_arready_o         (dma_arready),
    .s0_rid_o             (dma_rid),
    .s0_rdata_o           (dma_rdata),
    .s0_rresp_o           (dma_rresp),
    .s0_rlast_o           (dma_rlast),
    .s0_rvalid_o          (dma_rvalid),
    .s0_rready_i          (dma_rready),
    .s1_arid_i            (ptw_arid),
    .s1_araddr_i          (ptw_araddr),
    .s1_arlen_i           (ptw_arlen),
    .s1_arsize_i          (ptw_arsize),
    .s1_arburst_i         (ptw_arburst),
    .s1_arprot_i          (ptw_arprot),
    .s1_arvalid_i         (ptw_arvalid),
    .s1_arready_o         (ptw_arready),
    .s1_rid_o             (ptw_rid),
    .s1_rdata_o           (ptw_rdata),
    .s1_rresp_o           (ptw_rresp),
    .s1_rlast_o           (ptw_rlast),
    .s1_rvalid_o          (ptw_rvalid),
    .s1_rready_i          (ptw_rready),
    .s1_arlock_i          (ptw_arlock),
    .s1_awid_i            (ptw_awid),
    .s1_awaddr_i          (ptw_awaddr),
    .s1_awlen_i           (ptw_awlen),
    .s1_awsize_i          (ptw_awsize),
    .s1_awburst_i         (ptw_awburst),
    .s1_awprot_i          (ptw_awprot),
    .s1_awlock_i          (ptw_awlock),
    .s1_awvalid_i         (ptw_awvalid),
    .s1_awready_o         (ptw_awready),
    .s1_wdata_i           (ptw_wdata),
    .s1_wstrb_i           (ptw_wstrb),
    .s1_wlast_i           (ptw_wlast),
    .s1_wvalid_i          (ptw_wvalid),
    .s1_wready_o          (ptw_wready),
    .s1_bid_o             (ptw_bid),
    .s1_bresp_o           (ptw_bresp),
    .s1_bvalid_o          (ptw_bvalid),
    .s1_bready_i          (ptw_bready),
    .s2_awid_i            (burst_awid),
    .s2_awaddr_i          (burst_awaddr),
    .s2_awlen_i           (burst_awlen),
    .s2_awsize_i          (burst_awsize),
    .s2_awburst_i         (burst_awburst),
    .s2_awprot_i          (burst_awprot),
    .s2_awlock_i          (burst_awlock),
    .s2_awvalid_i         (burst_awvalid),
    .s2_awready_o         (burst_awready),
    .s2_wdata_i           (burst_wdata),
    .s2_wstrb_i           (burst_wstrb),
    .s2_wlast_i           (burst_wlast),
    .s2_wvalid_i          (burst_wvalid),
    .s2_wready_o          (burst_wready),
    .s2_bid_o             (burst_bid),
    .s2_bresp_o           (burst_bresp),
    .s2_bvalid_o          (burst_bvalid),
    .s2_bready_i          (burst_bready),
    .s2_arid_i            (burst_arid),
    .s2_araddr_i          (burst_araddr),
    .s2_arlen_i           (burst_arlen),
    .s2_arsize_i          (burst_arsize),
    .s2_arburst_i         (burst_arburst),
    .s2_arprot_i          (burst_arprot),
    .s2_arlock_i          (burst_arlock),
    .s2_arvalid_i         (burst_arvalid),
    .s2_arready_o         (burst_arready),
    .s2_rid_o             (burst_rid),
    .s2_rdata_o           (burst_rdata),
    .s2_rresp_o           (burst_rresp),
    .s2_rlast_o           (burst_rlast),
    .s2_rvalid_o          (burst_rvalid),
    .s2_rready_i          (burst_rready),
    .m_axi_awid_o         (m_axi_awid_o),
    .m_axi_awaddr_o       (m_axi_awaddr_o),
    .m_axi_awlen_o        (m_axi_awlen_o),
    .m_axi_awsize_o       (m_axi_awsize_o),
    .m_axi_awburst_o      (m_axi_awburst_o),
    .m_axi_awprot_o       (m_axi_awprot_o),
    .m_axi_awlock_o       (m_axi_awlock_o),
    .m_axi_awvalid_o      (m_axi_awvalid_o),
    .m_axi_awready_i      (m_axi_awready_i),
    .m_axi_wdata_o        (m_axi_wdata_o),
    .m_axi_wstrb_o        (m_axi_wstrb_o),
    .m_axi_wlast_o        (m_axi_wlast_o),
    .m_axi_wvalid_o       (m_axi_wvalid_o),
    .m_axi_wready_i       (m_axi_wready_i),
    .m_axi_bid_i          (m_axi_bid_i),
    .m_axi_bresp_i        (m_axi_bresp_i),
    .m_axi_bvalid_i       (m_axi_bvalid_i),
    .m_axi_bready_o       (m_axi_bready_o),
    .m_axi_arid_o         (m_axi_arid_o),
    .m_axi_araddr_o       (m_axi_araddr_o),
    .m_axi_arlen_o        (m_axi_arlen_o),
    .m_axi_arsize_o       (m_axi_arsize_o),
    .m_axi_arburst_o      (m_axi_arburst_o),
    .m_axi_arprot_o       (m_axi_arprot_o),
    .m_axi_arlock_o       (m_axi_arlock_o),
    .m_axi_arvalid_o      (m_axi_arvalid_o),
    .m_axi_arready_i      (m_axi_arready_i),
    .m_axi_rid_i          (m_axi_rid_i),
    .m_axi_rdata_i        (m_axi_rdata_i),
    .m_axi_rresp_i        (m_axi_rresp_i),
    .m_axi_rlast_i        (m_axi_rlast_i),
    .m_axi_rvalid_i       (m_axi_rvalid_i),
    .m_axi_rready_o       (m_axi_rready_o)
  );

endmodule

`default_nettype wire
