// SPDX-License-Identifier: Apache-2.0
// soc_top: the IOMMU with its management core, as the testbench and the FPGA board see it.
//
// iommu_top + soc_cpu_wrap (VexRiscv) + soc_ram (64 KiB firmware RAM) + soc_wb_decode
// (architecture.md §3 core address map). Owns the one reset synchroniser of the design: the
// external rst_i is registered twice and every block sees the synchronised rst.

`default_nettype none

module soc_top #(
  parameter int IotlbEntries = 16,
  parameter     FwHexFile    = "",          // firmware image for soc_ram ($readmemh); "" = none
  parameter bit BoardEn      = 1'b0          // 1: core range 0xE000_0000-0xE000_FFFF -> brd_wb_*
) (
  input  logic          clk_i,
  input  logic          rst_i,              // external reset, synchronised here

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
  output logic          m_axi_awlock_o,    // exclusive write (firmware burst engine only)
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
  output logic          m_axi_arlock_o,    // exclusive read
  output logic          m_axi_arvalid_o,
  input  logic          m_axi_arready_i,
  input  logic [5:0]    m_axi_rid_i,
  input  logic [63:0]   m_axi_rdata_i,
  input  logic [1:0]    m_axi_rresp_i,
  input  logic          m_axi_rlast_i,
  input  logic          m_axi_rvalid_i,
  output logic          m_axi_rready_o,

  output logic [15:0]   wsi_o,
  output logic          console_valid_o,
  output logic [7:0]    console_data_o,
  output logic          simctrl_valid_o,
  output logic [31:0]   simctrl_data_o,
  output logic          tap_fault_valid_o,  // copy of the fault-record output (scoreboard)
  output logic [255:0]  tap_fault_rec_o,

  // Optional board peripheral port (Wishbone classic, core data bus pass-through): the core
  // range 0xE000_0000-0xE000_FFFF when BoardEn=1 (FPGA board design); unused (range errs,
  // inputs ignored) with BoardEn=0. adr is the word address inside the 64 KiB range.
  output logic          brd_wb_cyc_o,
  output logic          brd_wb_stb_o,
  output logic          brd_wb_we_o,
  output logic [13:0]   brd_wb_adr_o,
  output logic [31:0]   brd_wb_dat_o,
  output logic [3:0]    brd_wb_sel_o,
  input  logic [31:0]   brd_wb_dat_i,
  input  logic          brd_wb_ack_i,
  input  logic          brd_wb_err_i
);

  ////////////////////////////
  // Reset synchroniser     //
  ////////////////////////////

  // Both flops power up asserted (FPGA: their configuration value), so the blocks are in reset
  // from the first clock edge, not after two edges of whatever state they started in.
  logic rst_meta_q = 1'b1;
  logic rst_q      = 1'b1;

  always_ff @(posedge clk_i) begin
    rst_meta_q <= rst_i;
    rst_q      <= rst_meta_q;
  end

  ////////////////////////////
  // Management core        //
  ////////////////////////////

  logic        ibus_cyc, ibus_stb, ibus_ack, ibus_err;
  logic [29:0] ibus_adr;
  logic [2:0]  ibus_cti;
  logic [31:0] ibus_dat;
  logic        dbus_cyc, dbus_stb, dbus_we, dbus_ack, dbus_err;
  logic [29:0] dbus_adr;
  logic [31:0] dbus_wdat, dbus_rdat;
  logic [3:0]  dbus_sel;
  logic [2:0]  dbus_cti;
  logic        ram_cyc, ram_stb, ram_ack;
  logic [31:0] ram_rdat;
  logic        io_cyc, io_stb, io_ack, io_err;
  logic [31:0] io_rdat;

  soc_cpu_wrap u_cpu (
    .clk_i      (clk_i),
    .rst_i      (rst_q),
    .irq_i      (32'd0),
    .ibus_cyc_o (ibus_cyc),
    .ibus_stb_o (ibus_stb),
    .ibus_adr_o (ibus_adr),
    .ibus_cti_o (ibus_cti),
    .ibus_dat_i (ibus_dat),
    .ibus_ack_i (ibus_ack),
    .ibus_err_i (ibus_err),
    .dbus_cyc_o (dbus_cyc),
    .dbus_stb_o (dbus_stb),
    .dbus_we_o  (dbus_we),
    .dbus_adr_o (dbus_adr),
    .dbus_dat_o (dbus_wdat),
    .dbus_sel_o (dbus_sel),
    .dbus_cti_o (dbus_cti),
    .dbus_dat_i (dbus_rdat),
    .dbus_ack_i (dbus_ack),
    .dbus_err_i (dbus_err)
  );

  // Instruction fetches outside the RAM get an error (the core raises an access fault).
  logic ibus_err_q;
  logic ibus_in_ram;

  assign ibus_in_ram = (ibus_adr[29:14] == 16'h0000);

  always_ff @(posedge clk_i) begin
    if (rst_q) begin
      ibus_err_q <= 1'b0;
    end else begin
      ibus_err_q <= ibus_cyc && ibus_stb && !ibus_in_ram && !ibus_err_q;
    end
  end

  assign ibus_err = ibus_err_q && ibus_cyc && ibus_stb;

  assign brd_wb_we_o  = dbus_we;
  assign brd_wb_adr_o = dbus_adr[13:0];
  assign brd_wb_dat_o = dbus_wdat;
  assign brd_wb_sel_o = dbus_sel;

  soc_wb_decode #(
    .BoardEn (BoardEn)
  ) u_decode (
    .clk_i     (clk_i),
    .rst_i     (rst_q),
    .m_cyc_i   (dbus_cyc),
    .m_stb_i   (dbus_stb),
    .m_adr_i   (dbus_adr),
    .m_dat_o   (dbus_rdat),
    .m_ack_o   (dbus_ack),
    .m_err_o   (dbus_err),
    .ram_cyc_o (ram_cyc),
    .ram_stb_o (ram_stb),
    .ram_dat_i (ram_rdat),
    .ram_ack_i (ram_ack),
    .io_cyc_o  (io_cyc),
    .io_stb_o  (io_stb),
    .io_dat_i  (io_rdat),
    .io_ack_i  (io_ack),
    .io_err_i  (io_err),
    .brd_cyc_o (brd_wb_cyc_o),
    .brd_stb_o (brd_wb_stb_o),
    .brd_dat_i (brd_wb_dat_i),
    .brd_ack_i (brd_wb_ack_i),
    .brd_err_i (brd_wb_err_i)
  );

  soc_ram #(
    .AddrWidth (14),
    .InitFile  (FwHexFile)
  ) u_ram (
    .clk_i   (clk_i),
    .rst_i   (rst_q),
    .a_cyc_i (ibus_cyc && ibus_in_ram),
    .a_stb_i (ibus_stb && ibus_in_ram),
    .a_we_i  (1'b0),
    .a_adr_i (ibus_adr[13:0]),
    .a_dat_i (32'd0),
    .a_sel_i (4'hF),
    .a_cti_i (ibus_cti),
    .a_dat_o (ibus_dat),
    .a_ack_o (ibus_ack),
    .b_cyc_i (ram_cyc),
    .b_stb_i (ram_stb),
    .b_we_i  (dbus_we),
    .b_adr_i (dbus_adr[13:0]),
    .b_dat_i (dbus_wdat),
    .b_sel_i (dbus_sel),
    .b_cti_i (dbus_cti),
    .b_dat_o (ram_rdat),
    .b_ack_o (ram_ack)
  );

  ////////////////////////////
  // IOMMU                  //
  ////////////////////////////

  iommu_top #(
    .IotlbEntries (IotlbEntries)
  ) u_iommu (
    .clk_i             (clk_i),
    .rst_i             (rst_q),
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
    .s_axi_rid_o          (s_axi_rid_o),
    .s_axi_rdata_o        (s_axi_rdata_o),
    .s_axi_rresp_o        (s_axi_rresp_o),
    .s_axi_rlast_o        (s_axi_rlast_o),
    .s_axi_rvalid_o       (s_axi_rvalid_o),
    .s_axi_rready_i       (s_axi_rready_i),
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
    .m_axi_rready_o       (m_axi_rready_o),
    .s_wb_cyc_i          (io_cyc),
    .s_wb_stb_i          (io_stb),
    .s_wb_we_i           (dbus_we),
    .s_wb_adr_i          (dbus_adr[11:0]),
    .s_wb_dat_i          (dbus_wdat),
    .s_wb_sel_i          (dbus_sel),
    .s_wb_dat_o          (io_rdat),
    .s_wb_ack_o          (io_ack),
    .s_wb_err_o          (io_err),
    .wsi_o               (wsi_o),
    .console_valid_o     (console_valid_o),
    .console_data_o      (console_data_o),
    .simctrl_valid_o     (simctrl_valid_o),
    .simctrl_data_o      (simctrl_data_o),
    .tap_fault_valid_o   (tap_fault_valid_o),
    .tap_fault_rec_o     (tap_fault_rec_o)
  );

endmodule

`default_nettype wire
