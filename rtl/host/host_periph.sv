// SPDX-License-Identifier: Apache-2.0
// host_periph: the host core's MMIO window: address decode, boot ROM, test finisher, and the
// AXI4-Lite master onto the IOMMU register page.
//
// Requests come from host_axi_to_req (one-cycle pulse, one beat). Map (host physical address,
// doc/host-soc.md §2; the device tree sim/host/host.dts says the same):
//   0x1000_0000  boot ROM (6 instructions): a0 = mhartid, a1 = 0x8200_0000 (the DTB), jump
//                to 0x8000_0000 (OpenSBI). Rocket's own ROM jumps here after reset.
//   0x1000_1000  UART (host_uart, "ns16550a")
//   0x1000_2000  test finisher ("sifive,test0"): a 16- or 32-bit write at offset 0 leaves on
//                finish_*_o (OpenSBI's driver writes the 16-bit code with writew)
//   0x1000_3000  DMA engine registers (host_dma)
//   0x1000_4000  IOMMU register page (soc_top's AXI4-Lite port, one access at a time)
// Anything else answers with an error (the core takes an access fault).

`default_nettype none

module host_periph (
  input  logic        clk_i,
  input  logic        rst_i,

  input  logic        req_i,
  input  logic        req_we_i,
  input  logic [30:0] req_addr_i,
  input  logic [63:0] req_wdata_i,
  input  logic [7:0]  req_wstrb_i,
  output logic        rsp_o,
  output logic [63:0] rsp_rdata_o,
  output logic        rsp_err_o,

  // UART and DMA engine: request pulses and responses
  output logic        uart_req_o,
  input  logic        uart_rsp_i,
  input  logic [63:0] uart_rdata_i,
  output logic        dma_req_o,
  input  logic        dma_rsp_i,
  input  logic [63:0] dma_rdata_i,

  // IOMMU register page (AXI4-Lite master)
  output logic [11:0] m_axil_awaddr_o,
  output logic        m_axil_awvalid_o,
  input  logic        m_axil_awready_i,
  output logic [63:0] m_axil_wdata_o,
  output logic [7:0]  m_axil_wstrb_o,
  output logic        m_axil_wvalid_o,
  input  logic        m_axil_wready_i,
  input  logic [1:0]  m_axil_bresp_i,
  input  logic        m_axil_bvalid_i,
  output logic        m_axil_bready_o,
  output logic [11:0] m_axil_araddr_o,
  output logic        m_axil_arvalid_o,
  input  logic        m_axil_arready_i,
  input  logic [63:0] m_axil_rdata_i,
  input  logic [1:0]  m_axil_rresp_i,
  input  logic        m_axil_rvalid_i,
  output logic        m_axil_rready_o,

  output logic        finish_valid_o,   // the finisher register was written
  output logic [31:0] finish_data_o     // [15:0] 0x5555 pass, 0x3333 fail, 0x7777 reset
);

  ////////////////////////////
  // Decode                 //
  ////////////////////////////

  localparam logic [18:0] PageRom    = 19'h10000;
  localparam logic [18:0] PageUart   = 19'h10001;
  localparam logic [18:0] PageFinish = 19'h10002;
  localparam logic [18:0] PageDma    = 19'h10003;
  localparam logic [18:0] PageIommu  = 19'h10004;

  logic [18:0] page;
  logic        sel_rom, sel_uart, sel_fin, sel_dma, sel_iommu, sel_none;

  assign page      = req_addr_i[30:12];
  assign sel_rom   = (page == PageRom);
  assign sel_uart  = (page == PageUart);
  assign sel_fin   = (page == PageFinish);
  assign sel_dma   = (page == PageDma);
  assign sel_iommu = (page == PageIommu);
  assign sel_none  = !(sel_rom || sel_uart || sel_fin || sel_dma || sel_iommu);

  assign uart_req_o = req_i && sel_uart;
  assign dma_req_o  = req_i && sel_dma;

  ////////////////////////////
  // Boot ROM, finisher     //
  ////////////////////////////

  // Two instructions per doubleword (the core fetches 64-bit beats).
  logic [63:0] rom_word;

  always_comb begin
    unique case (req_addr_i[5:3])
      3'd0:    rom_word = {32'h00100293,    // li   t0, 1
                           32'hf1402573};   // csrr a0, mhartid
      3'd1:    rom_word = {32'h020005b7,    // lui  a1, 0x2000
                           32'h01f29293};   // slli t0, t0, 31     (t0 = 0x8000_0000)
      3'd2:    rom_word = {32'h00028067,    // jr   t0
                           32'h005585b3};   // add  a1, a1, t0     (a1 = 0x8200_0000)
      default: rom_word = 64'd0;
    endcase
  end

  logic        local_rsp_q, local_err_q;
  logic [63:0] local_rdata_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      local_rsp_q    <= 1'b0;
      finish_valid_o <= 1'b0;
    end else begin
      local_rsp_q    <= req_i && (sel_rom || sel_fin || sel_none);
      finish_valid_o <= req_i && req_we_i && sel_fin && (req_wstrb_i[1:0] == 2'b11);
    end
  end

  always_ff @(posedge clk_i) begin
    if (req_i) begin
      local_rdata_q <= sel_rom ? rom_word : 64'd0;
      local_err_q   <= sel_none || (sel_rom && req_we_i);
      finish_data_o <= req_wdata_i[31:0];
    end
  end

  ////////////////////////////
  // IOMMU register page    //
  ////////////////////////////

  logic        aw_pend_q, w_pend_q, b_wait_q, ar_pend_q, r_wait_q;
  logic [11:0] axil_addr_q;
  logic [63:0] axil_wdata_q;
  logic [7:0]  axil_wstrb_q;
  logic        iommu_rsp_q, iommu_err_q;
  logic [63:0] iommu_rdata_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      aw_pend_q   <= 1'b0;
      w_pend_q    <= 1'b0;
      b_wait_q    <= 1'b0;
      ar_pend_q   <= 1'b0;
      r_wait_q    <= 1'b0;
      iommu_rsp_q <= 1'b0;
    end else begin
      iommu_rsp_q <= 1'b0;
      if (req_i && sel_iommu) begin
        aw_pend_q <= req_we_i;
        w_pend_q  <= req_we_i;
        b_wait_q  <= req_we_i;
        ar_pend_q <= !req_we_i;
        r_wait_q  <= !req_we_i;
      end else begin
        if (m_axil_awready_i) aw_pend_q <= 1'b0;
        if (m_axil_wready_i)  w_pend_q  <= 1'b0;
        if (m_axil_arready_i) ar_pend_q <= 1'b0;
        if (b_wait_q && m_axil_bvalid_i) begin
          b_wait_q    <= 1'b0;
          iommu_rsp_q <= 1'b1;
        end
        if (r_wait_q && m_axil_rvalid_i) begin
          r_wait_q    <= 1'b0;
          iommu_rsp_q <= 1'b1;
        end
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (req_i && sel_iommu) begin
      axil_addr_q  <= req_addr_i[11:0];
      axil_wdata_q <= req_wdata_i;
      axil_wstrb_q <= req_wstrb_i;
    end
    if (b_wait_q && m_axil_bvalid_i) begin
      iommu_err_q <= (m_axil_bresp_i != 2'b00);
    end
    if (r_wait_q && m_axil_rvalid_i) begin
      iommu_err_q   <= (m_axil_rresp_i != 2'b00);
      iommu_rdata_q <= m_axil_rdata_i;
    end
  end

  assign m_axil_awaddr_o  = axil_addr_q;
  assign m_axil_awvalid_o = aw_pend_q;
  assign m_axil_wdata_o   = axil_wdata_q;
  assign m_axil_wstrb_o   = axil_wstrb_q;
  assign m_axil_wvalid_o  = w_pend_q;
  assign m_axil_bready_o  = b_wait_q;
  assign m_axil_araddr_o  = axil_addr_q;
  assign m_axil_arvalid_o = ar_pend_q;
  assign m_axil_rready_o  = r_wait_q;

  ////////////////////////////
  // Response mux           //
  ////////////////////////////

  // At most one device answers in a cycle: the bridge has a single request in flight.
  always_comb begin
    rsp_o       = local_rsp_q || uart_rsp_i || dma_rsp_i || iommu_rsp_q;
    rsp_err_o   = local_rsp_q ? local_err_q : (iommu_rsp_q && iommu_err_q);
    rsp_rdata_o = local_rdata_q;
    if (uart_rsp_i) begin
      rsp_rdata_o = uart_rdata_i;
    end else if (dma_rsp_i) begin
      rsp_rdata_o = dma_rdata_i;
    end else if (iommu_rsp_q) begin
      rsp_rdata_o = iommu_rdata_q;
    end
  end

endmodule
