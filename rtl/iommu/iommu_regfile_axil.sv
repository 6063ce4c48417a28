// SPDX-License-Identifier: Apache-2.0
// AXI4-Lite slave front end of the IOMMU register page (architecture.md §4).
//
// Turns the 64-bit AXI4-Lite port into one-cycle write and read strobes for iommu_regfile.
// Accepted writes: 4-byte aligned address with wstrb 0x0F (low word of the doubleword), 0xF0
// (high word) or 0xFF (whole doubleword, 8-byte aligned address); anything else is dropped.
// Reads return the whole addressed doubleword (the host picks its lane); a misaligned read
// returns 0. Every response is OKAY. One transaction per channel in flight (IOMMU spec 6.1).
// The page has one access port: a firmware access (stall_i) holds both channels for the cycle,
// and a write that lands holds the read channel, so at most one access reaches it per cycle.

`default_nettype none

module iommu_regfile_axil (
  input  wire logic        clk_i,
  input  wire logic        rst_i,

  input  wire logic        s_axil_awvalid_i,
  output      logic        s_axil_awready_o,
  input  wire logic [11:0] s_axil_awaddr_i,
  input  wire logic        s_axil_wvalid_i,
  output      logic        s_axil_wready_o,
  input  wire logic [63:0] s_axil_wdata_i,
  input  wire logic [7:0]  s_axil_wstrb_i,
  output      logic        s_axil_bvalid_o,
  input  wire logic        s_axil_bready_i,
  output      logic [1:0]  s_axil_bresp_o,
  input  wire logic        s_axil_arvalid_i,
  output      logic        s_axil_arready_o,
  input  wire logic [11:0] s_axil_araddr_i,
  output      logic        s_axil_rvalid_o,
  input  wire logic        s_axil_rready_i,
  output      logic [63:0] s_axil_rdata_o,
  output      logic [1:0]  s_axil_rresp_o,

  output      logic        wr_lo_o,     // write the low word of doubleword wr_dw_o this cycle
  output      logic        wr_hi_o,     // write the high word
  output      logic [8:0]  wr_dw_o,     // doubleword index (byte address [11:3])
  output      logic [63:0] wr_data_o,
  output      logic [8:0]  rd_dw_o,     // doubleword being read (combinational lookup)
  input  wire logic [63:0] rd_data_i,
  input  wire logic        stall_i      // the firmware port owns the register page this cycle
);

  ////////////////
  // Write path //
  ////////////////

  logic bvalid_q;
  logic aw_fire;

  // AW and W are taken together; ready depends on valid, which AXI allows.
  assign aw_fire          = s_axil_awvalid_i && s_axil_wvalid_i && !bvalid_q && !stall_i;
  assign s_axil_awready_o = aw_fire;
  assign s_axil_wready_o  = aw_fire;

  // Word-aligned writes only; 0xFF writes the whole doubleword from an 8-byte aligned address.
  logic aw_ok, aw_a2;
  assign aw_ok   = aw_fire && (s_axil_awaddr_i[1:0] == 2'b00);
  assign aw_a2   = s_axil_awaddr_i[2];
  assign wr_lo_o = aw_ok && ((s_axil_wstrb_i == 8'h0F) || (s_axil_wstrb_i == 8'hFF && !aw_a2));
  assign wr_hi_o = aw_ok && ((s_axil_wstrb_i == 8'hF0) || (s_axil_wstrb_i == 8'hFF && !aw_a2));

  assign wr_dw_o   = s_axil_awaddr_i[11:3];
  assign wr_data_o = s_axil_wdata_i;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      bvalid_q <= 1'b0;
    end else if (aw_fire) begin
      bvalid_q <= 1'b1;
    end else if (s_axil_bready_i) begin
      bvalid_q <= 1'b0;
    end
  end

  assign s_axil_bvalid_o = bvalid_q;
  assign s_axil_bresp_o  = 2'b00;

  ///////////////
  // Read path //
  ///////////////

  logic        rvalid_q;
  logic [63:0] rdata_q;
  logic        ar_fire;
  logic        ar_aligned;  // a misaligned read returns 0
  assign ar_aligned = (s_axil_araddr_i[1:0] == 2'b00);

  logic ar_ok;
  assign ar_ok            = !rvalid_q && !stall_i && !wr_lo_o && !wr_hi_o;
  assign ar_fire          = s_axil_arvalid_i && ar_ok;
  assign s_axil_arready_o = ar_ok;
  // A misaligned read looks up a doubleword that reads 0 (firmware-private, 0 for the host).
  assign rd_dw_o          = ar_aligned ? s_axil_araddr_i[11:3] : 9'h1FF;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rvalid_q <= 1'b0;
    end else if (ar_fire) begin
      rvalid_q <= 1'b1;
    end else if (s_axil_rready_i) begin
      rvalid_q <= 1'b0;
    end
  end

  // Data flop: no reset needed, it is only looked at while rvalid_q is set.
  always_ff @(posedge clk_i) begin
    if (ar_fire) begin
      rdata_q <= rd_data_i;
    end
  end

  assign s_axil_rvalid_o = rvalid_q;
  assign s_axil_rdata_o  = rdata_q;
  assign s_axil_rresp_o  = 2'b00;

  // Reads return the whole doubleword, so the word-select address bit is not needed.
  logic unused_araddr;
  assign unused_araddr = s_axil_araddr_i[2];

endmodule
