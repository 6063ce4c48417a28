// SPDX-License-Identifier: Apache-2.0
// board_soc: the FPGA board design without its pins: soc_top (with the board port enabled),
// board_periph (host window, test DMA engine, LEDs) and board_sysmem (64 KiB BRAM system
// memory at 0x8000_0000 on the memory port). fpga/ulx3s/ulx3s_top.sv adds the clock, the reset
// button, the UART and the LEDs; the board co-simulation (fpga/ulx3s/sim) runs this same design.
//
// Reset: rst_i (active high, asynchronous to nothing here) is registered twice for the board
// blocks, as soc_top does for its own.

`default_nettype none

module board_soc #(
  parameter     FwHexFile = "",         // firmware image ($readmemh); "" = none
  parameter int MemWords  = 13            // system memory: 2^MemWords 64-bit words
) (
  input  logic        clk_i,
  input  logic        rst_i,
  output logic        console_valid_o,
  output logic [7:0]  console_data_o,
  input  logic [15:0] uart_level_i,       // console FIFO fill level (0 without a UART)
  output logic        booted_o,           // the firmware reported SIMCTRL booted
  output logic [7:0]  led_o               // firmware LED register
);

  logic rst_meta_q, rst_q;

  always_ff @(posedge clk_i) begin
    rst_meta_q <= rst_i;
    rst_q      <= rst_meta_q;
  end

  logic [11:0] h_awaddr;
  logic h_awvalid;
  logic h_awready;
  logic [63:0] h_wdata;
  logic [7:0] h_wstrb;
  logic h_wvalid;
  logic h_wready;
  logic [1:0] h_bresp;
  logic h_bvalid;
  logic h_bready;
  logic [11:0] h_araddr;
  logic h_arvalid;
  logic h_arready;
  logic [63:0] h_rdata;
  logic [1:0] h_rresp;
  logic h_rvalid;
  logic h_rready;
  logic [3:0] d_awid;
  logic [63:0] d_awaddr;
  logic [7:0] d_awlen;
  logic [2:0] d_awsize;
  logic [1:0] d_awburst;
  logic [2:0] d_awprot;
  logic d_awvalid;
  logic d_awready;
  logic [63:0] d_wdata;
  logic [7:0] d_wstrb;
  logic d_wlast;
  logic d_wvalid;
  logic d_wready;
  logic [3:0] d_bid;
  logic [1:0] d_bresp;
  logic d_bvalid;
  logic d_bready;
  logic [3:0] d_arid;
  logic [63:0] d_araddr;
  logic [7:0] d_arlen;
  logic [2:0] d_arsize;
  logic [1:0] d_arburst;
  logic [2:0] d_arprot;
  logic d_arvalid;
  logic d_arready;
  logic [3:0] d_rid;
  logic [63:0] d_rdata;
  logic [1:0] d_rresp;
  logic d_rlast;
  logic d_rvalid;
  logic d_rready;
  logic [23:0] d_did;
  logic [19:0] d_pid;
  logic d_pv;
  logic [5:0] m_awid;
  logic [63:0] m_awaddr;
  logic [7:0] m_awlen;
  logic [2:0] m_awsize;
  logic [1:0] m_awburst;
  logic [2:0] m_awprot;
  logic       m_awlock;
  logic m_awvalid;
  logic m_awready;
  logic [63:0] m_wdata;
  logic [7:0] m_wstrb;
  logic m_wlast;
  logic m_wvalid;
  logic m_wready;
  logic [5:0] m_bid;
  logic [1:0] m_bresp;
  logic m_bvalid;
  logic m_bready;
  logic [5:0] m_arid;
  logic [63:0] m_araddr;
  logic [7:0] m_arlen;
  logic [2:0] m_arsize;
  logic [1:0] m_arburst;
  logic [2:0] m_arprot;
  logic       m_arlock;
  logic m_arvalid;
  logic m_arready;
  logic [5:0] m_rid;
  logic [63:0] m_rdata;
  logic [1:0] m_rresp;
  logic m_rlast;
  logic m_rvalid;
  logic m_rready;
  logic brd_cyc, brd_stb, brd_we, brd_ack, brd_err;
  logic [13:0] brd_adr;
  logic [31:0] brd_wdat, brd_rdat;
  logic [3:0] brd_sel;
  logic simctrl_valid;
  logic [31:0] simctrl_data;
  logic booted_q;
  // Outputs soc_top gives the testbench only.
  logic [15:0] unused_wsi;
  logic unused_tap_valid;
  logic [255:0] unused_tap_rec;
  logic [3:0] unused_sel;
  logic [5:0] unused_bid_hi;
  logic [9:0] unused_size_prot;

  soc_top #(
    .FwHexFile (FwHexFile),
    .BoardEn   (1'b1)
  ) u_soc (
    .clk_i (clk_i),
    .rst_i (rst_i),
    .s_axil_awaddr_i (h_awaddr),
    .s_axil_awvalid_i (h_awvalid),
    .s_axil_awready_o (h_awready),
    .s_axil_wdata_i (h_wdata),
    .s_axil_wstrb_i (h_wstrb),
    .s_axil_wvalid_i (h_wvalid),
    .s_axil_wready_o (h_wready),
    .s_axil_bresp_o (h_bresp),
    .s_axil_bvalid_o (h_bvalid),
    .s_axil_bready_i (h_bready),
    .s_axil_araddr_i (h_araddr),
    .s_axil_arvalid_i (h_arvalid),
    .s_axil_arready_o (h_arready),
    .s_axil_rdata_o (h_rdata),
    .s_axil_rresp_o (h_rresp),
    .s_axil_rvalid_o (h_rvalid),
    .s_axil_rready_i (h_rready),
    .s_axi_awid_i (d_awid),
    .s_axi_awaddr_i (d_awaddr),
    .s_axi_awlen_i (d_awlen),
    .s_axi_awsize_i (d_awsize),
    .s_axi_awburst_i (d_awburst),
    .s_axi_awprot_i (d_awprot),
    .s_axi_aw_did_i (d_did),
    .s_axi_aw_pid_i (d_pid),
    .s_axi_aw_pv_i (d_pv),
    .s_axi_awvalid_i (d_awvalid),
    .s_axi_awready_o (d_awready),
    .s_axi_wdata_i (d_wdata),
    .s_axi_wstrb_i (d_wstrb),
    .s_axi_wlast_i (d_wlast),
    .s_axi_wvalid_i (d_wvalid),
    .s_axi_wready_o (d_wready),
    .s_axi_bid_o (d_bid),
    .s_axi_bresp_o (d_bresp),
    .s_axi_bvalid_o (d_bvalid),
    .s_axi_bready_i (d_bready),
    .s_axi_arid_i (d_arid),
    .s_axi_araddr_i (d_araddr),
    .s_axi_arlen_i (d_arlen),
    .s_axi_arsize_i (d_arsize),
    .s_axi_arburst_i (d_arburst),
    .s_axi_arprot_i (d_arprot),
    .s_axi_ar_did_i (d_did),
    .s_axi_ar_pid_i (d_pid),
    .s_axi_ar_pv_i (d_pv),
    .s_axi_arvalid_i (d_arvalid),
    .s_axi_arready_o (d_arready),
    .s_axi_rid_o (d_rid),
    .s_axi_rdata_o (d_rdata),
    .s_axi_rresp_o (d_rresp),
    .s_axi_rlast_o (d_rlast),
    .s_axi_rvalid_o (d_rvalid),
    .s_axi_rready_i (d_rready),
    .m_axi_awid_o (m_awid),
    .m_axi_awaddr_o (m_awaddr),
    .m_axi_awlen_o (m_awlen),
    .m_axi_awsize_o (m_awsize),
    .m_axi_awburst_o (m_awburst),
    .m_axi_awprot_o (m_awprot),
    .m_axi_awlock_o (m_awlock),
    .m_axi_awvalid_o (m_awvalid),
    .m_axi_awready_i (m_awready),
    .m_axi_wdata_o (m_wdata),
    .m_axi_wstrb_o (m_wstrb),
    .m_axi_wlast_o (m_wlast),
    .m_axi_wvalid_o (m_wvalid),
    .m_axi_wready_i (m_wready),
    .m_axi_bid_i (m_bid),
    .m_axi_bresp_i (m_bresp),
    .m_axi_bvalid_i (m_bvalid),
    .m_axi_bready_o (m_bready),
    .m_axi_arid_o (m_arid),
    .m_axi_araddr_o (m_araddr),
    .m_axi_arlen_o (m_arlen),
    .m_axi_arsize_o (m_arsize),
    .m_axi_arburst_o (m_arburst),
    .m_axi_arprot_o (m_arprot),
    .m_axi_arlock_o (m_arlock),
    .m_axi_arvalid_o (m_arvalid),
    .m_axi_arready_i (m_arready),
    .m_axi_rid_i (m_rid),
    .m_axi_rdata_i (m_rdata),
    .m_axi_rresp_i (m_rresp),
    .m_axi_rlast_i (m_rlast),
    .m_axi_rvalid_i (m_rvalid),
    .m_axi_rready_o (m_rready),
    .wsi_o (unused_wsi),
    .console_valid_o (console_valid_o),
    .console_data_o (console_data_o),
    .simctrl_valid_o (simctrl_valid),
    .simctrl_data_o (simctrl_data),
    .tap_fault_valid_o (unused_tap_valid),
    .tap_fault_rec_o (unused_tap_rec),
    .brd_wb_cyc_o (brd_cyc),
    .brd_wb_stb_o (brd_stb),
    .brd_wb_we_o (brd_we),
    .brd_wb_adr_o (brd_adr),
    .brd_wb_dat_o (brd_wdat),
    .brd_wb_sel_o (brd_sel),
    .brd_wb_dat_i (brd_rdat),
    .brd_wb_ack_i (brd_ack),
    .brd_wb_err_i (brd_err)
  );

  // Writes are not byte-masked: the self-test firmware writes whole words only.
  assign unused_sel = brd_sel;
  // One DMA in flight at a time: the response IDs need no check.
  assign unused_bid_hi = {d_bid, 2'b00} ^ {d_rid, 2'b00};

  board_periph u_periph (
    .clk_i (clk_i),
    .rst_i (rst_q),
    .wb_cyc_i (brd_cyc),
    .wb_stb_i (brd_stb),
    .wb_we_i (brd_we),
    .wb_adr_i (brd_adr),
    .wb_dat_i (brd_wdat),
    .wb_dat_o (brd_rdat),
    .wb_ack_o (brd_ack),
    .wb_err_o (brd_err),
    .h_awaddr_o (h_awaddr),
    .h_awvalid_o (h_awvalid),
    .h_awready_i (h_awready),
    .h_wdata_o (h_wdata),
    .h_wstrb_o (h_wstrb),
    .h_wvalid_o (h_wvalid),
    .h_wready_i (h_wready),
    .h_bresp_i (h_bresp),
    .h_bvalid_i (h_bvalid),
    .h_bready_o (h_bready),
    .h_araddr_o (h_araddr),
    .h_arvalid_o (h_arvalid),
    .h_arready_i (h_arready),
    .h_rdata_i (h_rdata),
    .h_rresp_i (h_rresp),
    .h_rvalid_i (h_rvalid),
    .h_rready_o (h_rready),
    .d_awid_o (d_awid),
    .d_awaddr_o (d_awaddr),
    .d_awlen_o (d_awlen),
    .d_awsize_o (d_awsize),
    .d_awburst_o (d_awburst),
    .d_awprot_o (d_awprot),
    .d_awvalid_o (d_awvalid),
    .d_awready_i (d_awready),
    .d_wdata_o (d_wdata),
    .d_wstrb_o (d_wstrb),
    .d_wlast_o (d_wlast),
    .d_wvalid_o (d_wvalid),
    .d_wready_i (d_wready),
    .d_bresp_i (d_bresp),
    .d_bvalid_i (d_bvalid),
    .d_bready_o (d_bready),
    .d_arid_o (d_arid),
    .d_araddr_o (d_araddr),
    .d_arlen_o (d_arlen),
    .d_arsize_o (d_arsize),
    .d_arburst_o (d_arburst),
    .d_arprot_o (d_arprot),
    .d_arvalid_o (d_arvalid),
    .d_arready_i (d_arready),
    .d_rdata_i (d_rdata),
    .d_rresp_i (d_rresp),
    .d_rlast_i (d_rlast),
    .d_rvalid_i (d_rvalid),
    .d_rready_o (d_rready),
    .d_did_o (d_did),
    .d_pid_o (d_pid),
    .d_pv_o (d_pv),
    .led_o (led_o),
    .uart_level_i (uart_level_i)
  );

  // The IOMMU issues 8-byte beats only (awsize/arsize 3) and no protection-based access
  // control exists in this memory.
  assign unused_size_prot = {m_awsize, m_awprot, m_arsize[0], m_arprot} ^ {8'd0, m_arsize[2:1]};

  board_sysmem #(
    .AddrWidth (MemWords),
    .Base      (64'h0000_0000_8000_0000)
  ) u_mem (
    .clk_i (clk_i),
    .rst_i (rst_q),
    .s_awid_i (m_awid),
    .s_awaddr_i (m_awaddr),
    .s_awlen_i (m_awlen),
    .s_awburst_i (m_awburst),
    .s_awlock_i (m_awlock),
    .s_awvalid_i (m_awvalid),
    .s_awready_o (m_awready),
    .s_wdata_i (m_wdata),
    .s_wstrb_i (m_wstrb),
    .s_wlast_i (m_wlast),
    .s_wvalid_i (m_wvalid),
    .s_wready_o (m_wready),
    .s_bid_o (m_bid),
    .s_bresp_o (m_bresp),
    .s_bvalid_o (m_bvalid),
    .s_bready_i (m_bready),
    .s_arid_i (m_arid),
    .s_araddr_i (m_araddr),
    .s_arlen_i (m_arlen),
    .s_arburst_i (m_arburst),
    .s_arlock_i (m_arlock),
    .s_arvalid_i (m_arvalid),
    .s_arready_o (m_arready),
    .s_rid_o (m_rid),
    .s_rdata_o (m_rdata),
    .s_rresp_o (m_rresp),
    .s_rlast_o (m_rlast),
    .s_rvalid_o (m_rvalid),
    .s_rready_i (m_rready)
  );

  // LED 0 (booted): the firmware's SIMCTRL booted report (FWIF_SIMCTRL_BOOTED = 1).
  always_ff @(posedge clk_i) begin
    if (rst_q) begin
      booted_q <= 1'b0;
    end else if (simctrl_valid && (simctrl_data == 32'd1)) begin
      booted_q <= 1'b1;
    end
  end

  assign booted_o = booted_q;

endmodule

`default_nettype wire
