// SPDX-License-Identifier: Apache-2.0
// host_soc_top: a RISC-V host SoC around the IOMMU, for the full-system co-simulation.
//
// A 64-bit Rocket core (ExampleRocketSystem, LitexFullConfig: rv64imafdc, Sv39, CLINT, PLIC,
// from the pythondata-cpu-rocket package) boots Debian's OpenSBI and an S-mode driver payload
// (doc/host-soc.md). Around it:
//   - system memory (host_mem, the harness's C model) on Rocket's cached memory port;
//   - Rocket's MMIO port -> host_axi_to_req -> host_periph: boot ROM, UART (host_uart),
//     test finisher, DMA engine registers (host_dma), the IOMMU register page (soc_top);
//   - host_dma's AXI4 master -> soc_top's device port with device_id DmaDeviceId;
//   - soc_top's memory port (translated DMA, page walks, queues) -> Rocket's coherent
//     front-end port, so the IOMMU sees what the core's write-back cache holds;
//   - PLIC sources: 1 UART, 2-5 the IOMMU's wired interrupts wsi[3:0], 6 the DMA engine.
// The one reset input is synchronous and active high; soc_top synchronises its own copy.

`default_nettype none

module host_soc_top #(
  parameter              FwHexFile   = "",       // management-core firmware for soc_top
  parameter int          IotlbEntries = 16,
  parameter logic [23:0] DmaDeviceId = 24'd7
) (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic        trace_i,           // Rocket's instruction trace on (see PRINTF_COND in host.mk)

  output logic        uart_tx_valid_o,   // a byte written to the UART's THR
  output logic [7:0]  uart_tx_data_o,
  output logic        finish_valid_o,    // the test finisher was written (SBI shutdown/reset)
  output logic [31:0] finish_data_o,
  output logic        fw_console_valid_o, // the management core's console (soc_top)
  output logic [7:0]  fw_console_data_o
);

  ////////////////////////////
  // Rocket                 //
  ////////////////////////////

  // Memory port
  logic        mem_awready, mem_awvalid, mem_wready, mem_wvalid, mem_wlast, mem_bready;
  logic        mem_bvalid, mem_arready, mem_arvalid, mem_rready, mem_rvalid, mem_rlast;
  logic [3:0]  mem_awid, mem_bid, mem_arid, mem_rid;
  logic [31:0] mem_awaddr, mem_araddr;
  logic [7:0]  mem_awlen, mem_arlen, mem_wstrb;
  logic [2:0]  mem_awsize, mem_arsize;
  logic [63:0] mem_wdata, mem_rdata;
  logic [1:0]  mem_bresp, mem_rresp;
  // MMIO port
  logic        io_awready, io_awvalid, io_wready, io_wvalid, io_wlast, io_bready;
  logic        io_bvalid, io_arready, io_arvalid, io_rready, io_rvalid, io_rlast;
  logic [3:0]  io_awid, io_bid, io_arid, io_rid;
  logic [30:0] io_awaddr, io_araddr;
  logic [7:0]  io_awlen, io_arlen, io_wstrb;
  logic [2:0]  io_awsize, io_arsize;
  logic [63:0] io_wdata, io_rdata;
  logic [1:0]  io_bresp, io_rresp;
  // Front-end (coherent DMA) port, driven by the IOMMU's memory port
  logic        fe_awready, fe_wready, fe_bvalid, fe_arready, fe_rvalid, fe_rlast;
  logic [7:0]  fe_bid, fe_rid;
  logic [1:0]  fe_bresp, fe_rresp;
  logic [63:0] fe_rdata;
  // IOMMU memory port -> front-end port
  logic [5:0]  iom_awid, iom_arid;
  logic [63:0] iom_awaddr, iom_araddr, iom_wdata;
  logic [7:0]  iom_awlen, iom_arlen, iom_wstrb;
  logic [2:0]  iom_awsize, iom_arsize, iom_awprot, iom_arprot;
  logic [1:0]  iom_awburst, iom_arburst;
  logic        iom_awlock, iom_arlock, iom_awvalid, iom_arvalid, iom_wvalid, iom_wlast;
  logic        iom_bready, iom_rready;
  // Physical addresses at or above 4 GiB do not exist in this SoC (Rocket's ports are 32 bits
  // wide). Instead of aliasing into the low 4 GiB, such an access goes to Rocket's error device
  // (0x3000, "sifive,error0"), whose error response reaches the IOMMU like any bus error.
  logic [31:0] fe_awaddr, fe_araddr;
  assign fe_awaddr = (iom_awaddr[63:32] == 32'd0) ? iom_awaddr[31:0]
                                                  : {20'h00003, iom_awaddr[11:0]};
  assign fe_araddr = (iom_araddr[63:32] == 32'd0) ? iom_araddr[31:0]
                                                  : {20'h00003, iom_araddr[11:0]};
  // Attributes Rocket drives that this SoC does not use (single-beat INCR, no locks, cache hints)
  logic [1:0]  mem_awburst, mem_arburst, io_awburst, io_arburst;
  logic        mem_awlock, mem_arlock, io_awlock, io_arlock;
  logic [3:0]  mem_awcache, mem_arcache, io_awcache, io_arcache;
  logic [3:0]  mem_awqos, mem_arqos, io_awqos, io_arqos;
  logic [2:0]  mem_awprot, mem_arprot, io_awprot, io_arprot;
  logic        dbg_req_ready, dbg_resp_valid, dbg_ndreset, dbg_dmactive;
  logic [31:0] dbg_resp_data;
  logic [1:0]  dbg_resp_resp;
  logic [7:0]  plic_src;

  ExampleRocketSystem u_rocket (
    .clock                                  (clk_i),
    .reset                                  (rst_i),
    .mem_axi4_0_aw_ready                    (mem_awready),
    .mem_axi4_0_aw_valid                    (mem_awvalid),
    .mem_axi4_0_aw_bits_id                  (mem_awid),
    .mem_axi4_0_aw_bits_addr                (mem_awaddr),
    .mem_axi4_0_aw_bits_len                 (mem_awlen),
    .mem_axi4_0_aw_bits_size                (mem_awsize),
    .mem_axi4_0_aw_bits_burst               (mem_awburst),
    .mem_axi4_0_aw_bits_lock                (mem_awlock),
    .mem_axi4_0_aw_bits_cache               (mem_awcache),
    .mem_axi4_0_aw_bits_prot                (mem_awprot),
    .mem_axi4_0_aw_bits_qos                 (mem_awqos),
    .mem_axi4_0_w_ready                     (mem_wready),
    .mem_axi4_0_w_valid                     (mem_wvalid),
    .mem_axi4_0_w_bits_data                 (mem_wdata),
    .mem_axi4_0_w_bits_strb                 (mem_wstrb),
    .mem_axi4_0_w_bits_last                 (mem_wlast),
    .mem_axi4_0_b_ready                     (mem_bready),
    .mem_axi4_0_b_valid                     (mem_bvalid),
    .mem_axi4_0_b_bits_id                   (mem_bid),
    .mem_axi4_0_b_bits_resp                 (mem_bresp),
    .mem_axi4_0_ar_ready                    (mem_arready),
    .mem_axi4_0_ar_valid                    (mem_arvalid),
    .mem_axi4_0_ar_bits_id                  (mem_arid),
    .mem_axi4_0_ar_bits_addr                (mem_araddr),
    .mem_axi4_0_ar_bits_len                 (mem_arlen),
    .mem_axi4_0_ar_bits_size                (mem_arsize),
    .mem_axi4_0_ar_bits_burst               (mem_arburst),
    .mem_axi4_0_ar_bits_lock                (mem_arlock),
    .mem_axi4_0_ar_bits_cache               (mem_arcache),
    .mem_axi4_0_ar_bits_prot                (mem_arprot),
    .mem_axi4_0_ar_bits_qos                 (mem_arqos),
    .mem_axi4_0_r_ready                     (mem_rready),
    .mem_axi4_0_r_valid                     (mem_rvalid),
    .mem_axi4_0_r_bits_id                   (mem_rid),
    .mem_axi4_0_r_bits_data                 (mem_rdata),
    .mem_axi4_0_r_bits_resp                 (mem_rresp),
    .mem_axi4_0_r_bits_last                 (mem_rlast),
    .mmio_axi4_0_aw_ready                   (io_awready),
    .mmio_axi4_0_aw_valid                   (io_awvalid),
    .mmio_axi4_0_aw_bits_id                 (io_awid),
    .mmio_axi4_0_aw_bits_addr               (io_awaddr),
    .mmio_axi4_0_aw_bits_len                (io_awlen),
    .mmio_axi4_0_aw_bits_size               (io_awsize),
    .mmio_axi4_0_aw_bits_burst              (io_awburst),
    .mmio_axi4_0_aw_bits_lock               (io_awlock),
    .mmio_axi4_0_aw_bits_cache              (io_awcache),
    .mmio_axi4_0_aw_bits_prot               (io_awprot),
    .mmio_axi4_0_aw_bits_qos                (io_awqos),
    .mmio_axi4_0_w_ready                    (io_wready),
    .mmio_axi4_0_w_valid                    (io_wvalid),
    .mmio_axi4_0_w_bits_data                (io_wdata),
    .mmio_axi4_0_w_bits_strb                (io_wstrb),
    .mmio_axi4_0_w_bits_last                (io_wlast),
    .mmio_axi4_0_b_ready                    (io_bready),
    .mmio_axi4_0_b_valid                    (io_bvalid),
    .mmio_axi4_0_b_bits_id                  (io_bid),
    .mmio_axi4_0_b_bits_resp                (io_bresp),
    .mmio_axi4_0_ar_ready                   (io_arready),
    .mmio_axi4_0_ar_valid                   (io_arvalid),
    .mmio_axi4_0_ar_bits_id                 (io_arid),
    .mmio_axi4_0_ar_bits_addr               (io_araddr),
    .mmio_axi4_0_ar_bits_len                (io_arlen),
    .mmio_axi4_0_ar_bits_size               (io_arsize),
    .mmio_axi4_0_ar_bits_burst              (io_arburst),
    .mmio_axi4_0_ar_bits_lock               (io_arlock),
    .mmio_axi4_0_ar_bits_cache              (io_arcache),
    .mmio_axi4_0_ar_bits_prot               (io_arprot),
    .mmio_axi4_0_ar_bits_qos                (io_arqos),
    .mmio_axi4_0_r_ready                    (io_rready),
    .mmio_axi4_0_r_valid                    (io_rvalid),
    .mmio_axi4_0_r_bits_id                  (io_rid),
    .mmio_axi4_0_r_bits_data                (io_rdata),
    .mmio_axi4_0_r_bits_resp                (io_rresp),
    .mmio_axi4_0_r_bits_last                (io_rlast),
    .l2_frontend_bus_axi4_0_aw_ready        (fe_awready),
    .l2_frontend_bus_axi4_0_aw_valid        (iom_awvalid),
    .l2_frontend_bus_axi4_0_aw_bits_id      ({2'b00, iom_awid}),
    .l2_frontend_bus_axi4_0_aw_bits_addr    (fe_awaddr),
    .l2_frontend_bus_axi4_0_aw_bits_len     (iom_awlen),
    .l2_frontend_bus_axi4_0_aw_bits_size    (iom_awsize),
    .l2_frontend_bus_axi4_0_aw_bits_burst   (iom_awburst),
    .l2_frontend_bus_axi4_0_aw_bits_lock    (iom_awlock),
    .l2_frontend_bus_axi4_0_aw_bits_cache   (4'b0011),
    .l2_frontend_bus_axi4_0_aw_bits_prot    (iom_awprot),
    .l2_frontend_bus_axi4_0_aw_bits_qos     (4'd0),
    .l2_frontend_bus_axi4_0_w_ready         (fe_wready),
    .l2_frontend_bus_axi4_0_w_valid         (iom_wvalid),
    .l2_frontend_bus_axi4_0_w_bits_data     (iom_wdata),
    .l2_frontend_bus_axi4_0_w_bits_strb     (iom_wstrb),
    .l2_frontend_bus_axi4_0_w_bits_last     (iom_wlast),
    .l2_frontend_bus_axi4_0_b_ready         (iom_bready),
    .l2_frontend_bus_axi4_0_b_valid         (fe_bvalid),
    .l2_frontend_bus_axi4_0_b_bits_id       (fe_bid),
    .l2_frontend_bus_axi4_0_b_bits_resp     (fe_bresp),
    .l2_frontend_bus_axi4_0_ar_ready        (fe_arready),
    .l2_frontend_bus_axi4_0_ar_valid        (iom_arvalid),
    .l2_frontend_bus_axi4_0_ar_bits_id      ({2'b00, iom_arid}),
    .l2_frontend_bus_axi4_0_ar_bits_addr    (fe_araddr),
    .l2_frontend_bus_axi4_0_ar_bits_len     (iom_arlen),
    .l2_frontend_bus_axi4_0_ar_bits_size    (iom_arsize),
    .l2_frontend_bus_axi4_0_ar_bits_burst   (iom_arburst),
    .l2_frontend_bus_axi4_0_ar_bits_lock    (iom_arlock),
    .l2_frontend_bus_axi4_0_ar_bits_cache   (4'b0011),
    .l2_frontend_bus_axi4_0_ar_bits_prot    (iom_arprot),
    .l2_frontend_bus_axi4_0_ar_bits_qos     (4'd0),
    .l2_frontend_bus_axi4_0_r_ready         (iom_rready),
    .l2_frontend_bus_axi4_0_r_valid         (fe_rvalid),
    .l2_frontend_bus_axi4_0_r_bits_id       (fe_rid),
    .l2_frontend_bus_axi4_0_r_bits_data     (fe_rdata),
    .l2_frontend_bus_axi4_0_r_bits_resp     (fe_rresp),
    .l2_frontend_bus_axi4_0_r_bits_last     (fe_rlast),
    .resetctrl_hartIsInReset_0              (rst_i),
    .debug_clock                            (clk_i),
    .debug_reset                            (rst_i),
    .debug_clockeddmi_dmi_req_ready         (dbg_req_ready),
    .debug_clockeddmi_dmi_req_valid         (1'b0),
    .debug_clockeddmi_dmi_req_bits_addr     (7'd0),
    .debug_clockeddmi_dmi_req_bits_data     (32'd0),
    .debug_clockeddmi_dmi_req_bits_op       (2'd0),
    .debug_clockeddmi_dmi_resp_ready        (1'b1),
    .debug_clockeddmi_dmi_resp_valid        (dbg_resp_valid),
    .debug_clockeddmi_dmi_resp_bits_data    (dbg_resp_data),
    .debug_clockeddmi_dmi_resp_bits_resp    (dbg_resp_resp),
    .debug_clockeddmi_dmiClock              (clk_i),
    .debug_clockeddmi_dmiReset              (rst_i),
    .debug_ndreset                          (dbg_ndreset),
    .debug_dmactive                         (dbg_dmactive),
    .debug_dmactiveAck                      (dbg_dmactive),
    .interrupts                             (plic_src)
  );

  ////////////////////////////
  // System memory          //
  ////////////////////////////

  host_mem #(
    .AddrW (32),
    .IdW   (4)
  ) u_mem (
    .clk_i           (clk_i),
    .rst_i           (rst_i),
    .s_axi_awid_i    (mem_awid),
    .s_axi_awaddr_i  (mem_awaddr),
    .s_axi_awlen_i   (mem_awlen),
    .s_axi_awsize_i  (mem_awsize),
    .s_axi_awvalid_i (mem_awvalid),
    .s_axi_awready_o (mem_awready),
    .s_axi_wdata_i   (mem_wdata),
    .s_axi_wstrb_i   (mem_wstrb),
    .s_axi_wlast_i   (mem_wlast),
    .s_axi_wvalid_i  (mem_wvalid),
    .s_axi_wready_o  (mem_wready),
    .s_axi_bid_o     (mem_bid),
    .s_axi_bresp_o   (mem_bresp),
    .s_axi_bvalid_o  (mem_bvalid),
    .s_axi_bready_i  (mem_bready),
    .s_axi_arid_i    (mem_arid),
    .s_axi_araddr_i  (mem_araddr),
    .s_axi_arlen_i   (mem_arlen),
    .s_axi_arsize_i  (mem_arsize),
    .s_axi_arvalid_i (mem_arvalid),
    .s_axi_arready_o (mem_arready),
    .s_axi_rid_o     (mem_rid),
    .s_axi_rdata_o   (mem_rdata),
    .s_axi_rresp_o   (mem_rresp),
    .s_axi_rlast_o   (mem_rlast),
    .s_axi_rvalid_o  (mem_rvalid),
    .s_axi_rready_i  (mem_rready)
  );

  ////////////////////////////
  // MMIO window            //
  ////////////////////////////

  logic        req, req_we, rsp, rsp_err;
  logic [30:0] req_addr;
  logic [63:0] req_wdata, rsp_rdata;
  logic [7:0]  req_wstrb;
  logic        uart_req, uart_rsp, uart_irq, dma_req, dma_rsp, dma_irq;
  logic [63:0] uart_rdata, dma_rdata;

  host_axi_to_req #(
    .AddrW (31),
    .IdW   (4)
  ) u_mmio (
    .clk_i           (clk_i),
    .rst_i           (rst_i),
    .s_axi_awid_i    (io_awid),
    .s_axi_awaddr_i  (io_awaddr),
    .s_axi_awlen_i   (io_awlen),
    .s_axi_awsize_i  (io_awsize),
    .s_axi_awvalid_i (io_awvalid),
    .s_axi_awready_o (io_awready),
    .s_axi_wdata_i   (io_wdata),
    .s_axi_wstrb_i   (io_wstrb),
    .s_axi_wvalid_i  (io_wvalid),
    .s_axi_wready_o  (io_wready),
    .s_axi_bid_o     (io_bid),
    .s_axi_bresp_o   (io_bresp),
    .s_axi_bvalid_o  (io_bvalid),
    .s_axi_bready_i  (io_bready),
    .s_axi_arid_i    (io_arid),
    .s_axi_araddr_i  (io_araddr),
    .s_axi_arlen_i   (io_arlen),
    .s_axi_arsize_i  (io_arsize),
    .s_axi_arvalid_i (io_arvalid),
    .s_axi_arready_o (io_arready),
    .s_axi_rid_o     (io_rid),
    .s_axi_rdata_o   (io_rdata),
    .s_axi_rresp_o   (io_rresp),
    .s_axi_rlast_o   (io_rlast),
    .s_axi_rvalid_o  (io_rvalid),
    .s_axi_rready_i  (io_rready),
    .req_o           (req),
    .req_we_o        (req_we),
    .req_addr_o      (req_addr),
    .req_wdata_o     (req_wdata),
    .req_wstrb_o     (req_wstrb),
    .rsp_i           (rsp),
    .rsp_rdata_i     (rsp_rdata),
    .rsp_err_i       (rsp_err)
  );

  // IOMMU register page (AXI4-Lite)
  logic        rp_awvalid, rp_awready, rp_wvalid, rp_wready, rp_bvalid, rp_bready;
  logic        rp_arvalid, rp_arready, rp_rvalid, rp_rready;
  logic [11:0] rp_awaddr, rp_araddr;
  logic [63:0] rp_wdata, rp_rdata;
  logic [7:0]  rp_wstrb;
  logic [1:0]  rp_bresp, rp_rresp;

  host_periph u_periph (
    .clk_i            (clk_i),
    .rst_i            (rst_i),
    .req_i            (req),
    .req_we_i         (req_we),
    .req_addr_i       (req_addr),
    .req_wdata_i      (req_wdata),
    .req_wstrb_i      (req_wstrb),
    .rsp_o            (rsp),
    .rsp_rdata_o      (rsp_rdata),
    .rsp_err_o        (rsp_err),
    .uart_req_o       (uart_req),
    .uart_rsp_i       (uart_rsp),
    .uart_rdata_i     (uart_rdata),
    .dma_req_o        (dma_req),
    .dma_rsp_i        (dma_rsp),
    .dma_rdata_i      (dma_rdata),
    .m_axil_awaddr_o  (rp_awaddr),
    .m_axil_awvalid_o (rp_awvalid),
    .m_axil_awready_i (rp_awready),
    .m_axil_wdata_o   (rp_wdata),
    .m_axil_wstrb_o   (rp_wstrb),
    .m_axil_wvalid_o  (rp_wvalid),
    .m_axil_wready_i  (rp_wready),
    .m_axil_bresp_i   (rp_bresp),
    .m_axil_bvalid_i  (rp_bvalid),
    .m_axil_bready_o  (rp_bready),
    .m_axil_araddr_o  (rp_araddr),
    .m_axil_arvalid_o (rp_arvalid),
    .m_axil_arready_i (rp_arready),
    .m_axil_rdata_i   (rp_rdata),
    .m_axil_rresp_i   (rp_rresp),
    .m_axil_rvalid_i  (rp_rvalid),
    .m_axil_rready_o  (rp_rready),
    .finish_valid_o   (finish_valid_o),
    .finish_data_o    (finish_data_o)
  );

  host_uart u_uart (
    .clk_i       (clk_i),
    .rst_i       (rst_i),
    .req_i       (uart_req),
    .req_we_i    (req_we),
    .req_addr_i  (req_addr[2:0]),
    .req_wdata_i (req_wdata),
    .rsp_o       (uart_rsp),
    .rsp_rdata_o (uart_rdata),
    .tx_valid_o  (uart_tx_valid_o),
    .tx_data_o   (uart_tx_data_o),
    .irq_o       (uart_irq)
  );

  ////////////////////////////
  // DMA engine             //
  ////////////////////////////

  logic [63:0] dma_awaddr, dma_wdata, dma_araddr, dma_rdata_bus;
  logic        dma_awvalid, dma_awready, dma_wvalid, dma_wready, dma_bvalid, dma_bready;
  logic        dma_arvalid, dma_arready, dma_rvalid, dma_rready, dma_rlast;
  logic [1:0]  dma_bresp, dma_rresp;
  logic [3:0]  dma_bid, dma_rid;
  logic [23:0] dma_did;

  host_dma #(
    .DeviceId (DmaDeviceId)
  ) u_dma (
    .clk_i           (clk_i),
    .rst_i           (rst_i),
    .req_i           (dma_req),
    .req_we_i        (req_we),
    .req_addr_i      (req_addr[11:0]),
    .req_wdata_i     (req_wdata),
    .req_wstrb_i     (req_wstrb),
    .rsp_o           (dma_rsp),
    .rsp_rdata_o     (dma_rdata),
    .irq_o           (dma_irq),
    .m_axi_awaddr_o  (dma_awaddr),
    .m_axi_awvalid_o (dma_awvalid),
    .m_axi_awready_i (dma_awready),
    .m_axi_wdata_o   (dma_wdata),
    .m_axi_wvalid_o  (dma_wvalid),
    .m_axi_wready_i  (dma_wready),
    .m_axi_bresp_i   (dma_bresp),
    .m_axi_bvalid_i  (dma_bvalid),
    .m_axi_bready_o  (dma_bready),
    .m_axi_araddr_o  (dma_araddr),
    .m_axi_arvalid_o (dma_arvalid),
    .m_axi_arready_i (dma_arready),
    .m_axi_rdata_i   (dma_rdata_bus),
    .m_axi_rresp_i   (dma_rresp),
    .m_axi_rvalid_i  (dma_rvalid),
    .m_axi_rready_o  (dma_rready),
    .did_o           (dma_did)
  );

  ////////////////////////////
  // IOMMU + management core//
  ////////////////////////////

  logic [15:0] wsi;
  logic        simctrl_valid, tap_fault_valid;
  logic [31:0] simctrl_data;
  logic [255:0] tap_fault_rec;
  logic        brd_cyc, brd_stb, brd_we;
  logic [13:0] brd_adr;
  logic [31:0] brd_dat;
  logic [3:0]  brd_sel;

  soc_top #(
    .IotlbEntries (IotlbEntries),
    .FwHexFile    (FwHexFile),
    .BoardEn      (1'b0)
  ) u_iommu (
    .clk_i             (clk_i),
    .rst_i             (rst_i),
    .s_axil_awaddr_i   (rp_awaddr),
    .s_axil_awvalid_i  (rp_awvalid),
    .s_axil_awready_o  (rp_awready),
    .s_axil_wdata_i    (rp_wdata),
    .s_axil_wstrb_i    (rp_wstrb),
    .s_axil_wvalid_i   (rp_wvalid),
    .s_axil_wready_o   (rp_wready),
    .s_axil_bresp_o    (rp_bresp),
    .s_axil_bvalid_o   (rp_bvalid),
    .s_axil_bready_i   (rp_bready),
    .s_axil_araddr_i   (rp_araddr),
    .s_axil_arvalid_i  (rp_arvalid),
    .s_axil_arready_o  (rp_arready),
    .s_axil_rdata_o    (rp_rdata),
    .s_axil_rresp_o    (rp_rresp),
    .s_axil_rvalid_o   (rp_rvalid),
    .s_axil_rready_i   (rp_rready),
    .s_axi_awid_i      (4'd0),
    .s_axi_awaddr_i    (dma_awaddr),
    .s_axi_awlen_i     (8'd0),
    .s_axi_awsize_i    (3'd3),
    .s_axi_awburst_i   (2'b01),
    .s_axi_awprot_i    (3'b000),
    .s_axi_aw_did_i    (dma_did),
    .s_axi_aw_pid_i    (20'd0),
    .s_axi_aw_pv_i     (1'b0),
    .s_axi_awvalid_i   (dma_awvalid),
    .s_axi_awready_o   (dma_awready),
    .s_axi_wdata_i     (dma_wdata),
    .s_axi_wstrb_i     (8'hFF),
    .s_axi_wlast_i     (1'b1),
    .s_axi_wvalid_i    (dma_wvalid),
    .s_axi_wready_o    (dma_wready),
    .s_axi_bid_o       (dma_bid),
    .s_axi_bresp_o     (dma_bresp),
    .s_axi_bvalid_o    (dma_bvalid),
    .s_axi_bready_i    (dma_bready),
    .s_axi_arid_i      (4'd0),
    .s_axi_araddr_i    (dma_araddr),
    .s_axi_arlen_i     (8'd0),
    .s_axi_arsize_i    (3'd3),
    .s_axi_arburst_i   (2'b01),
    .s_axi_arprot_i    (3'b000),
    .s_axi_ar_did_i    (dma_did),
    .s_axi_ar_pid_i    (20'd0),
    .s_axi_ar_pv_i     (1'b0),
    .s_axi_arvalid_i   (dma_arvalid),
    .s_axi_arready_o   (dma_arready),
    .s_axi_rid_o       (dma_rid),
    .s_axi_rdata_o     (dma_rdata_bus),
    .s_axi_rresp_o     (dma_rresp),
    .s_axi_rlast_o     (dma_rlast),
    .s_axi_rvalid_o    (dma_rvalid),
    .s_axi_rready_i    (dma_rready),
    .m_axi_awid_o      (iom_awid),
    .m_axi_awaddr_o    (iom_awaddr),
    .m_axi_awlen_o     (iom_awlen),
    .m_axi_awsize_o    (iom_awsize),
    .m_axi_awburst_o   (iom_awburst),
    .m_axi_awprot_o    (iom_awprot),
    .m_axi_awlock_o    (iom_awlock),
    .m_axi_awvalid_o   (iom_awvalid),
    .m_axi_awready_i   (fe_awready),
    .m_axi_wdata_o     (iom_wdata),
    .m_axi_wstrb_o     (iom_wstrb),
    .m_axi_wlast_o     (iom_wlast),
    .m_axi_wvalid_o    (iom_wvalid),
    .m_axi_wready_i    (fe_wready),
    .m_axi_bid_i       (fe_bid[5:0]),
    .m_axi_bresp_i     (fe_bresp),
    .m_axi_bvalid_i    (fe_bvalid),
    .m_axi_bready_o    (iom_bready),
    .m_axi_arid_o      (iom_arid),
    .m_axi_araddr_o    (iom_araddr),
    .m_axi_arlen_o     (iom_arlen),
    .m_axi_arsize_o    (iom_arsize),
    .m_axi_arburst_o   (iom_arburst),
    .m_axi_arprot_o    (iom_arprot),
    .m_axi_arlock_o    (iom_arlock),
    .m_axi_arvalid_o   (iom_arvalid),
    .m_axi_arready_i   (fe_arready),
    .m_axi_rid_i       (fe_rid[5:0]),
    .m_axi_rdata_i     (fe_rdata),
    .m_axi_rresp_i     (fe_rresp),
    .m_axi_rlast_i     (fe_rlast),
    .m_axi_rvalid_i    (fe_rvalid),
    .m_axi_rready_o    (iom_rready),
    .wsi_o             (wsi),
    .console_valid_o   (fw_console_valid_o),
    .console_data_o    (fw_console_data_o),
    .simctrl_valid_o   (simctrl_valid),
    .simctrl_data_o    (simctrl_data),
    .tap_fault_valid_o (tap_fault_valid),
    .tap_fault_rec_o   (tap_fault_rec),
    .brd_wb_cyc_o      (brd_cyc),
    .brd_wb_stb_o      (brd_stb),
    .brd_wb_we_o       (brd_we),
    .brd_wb_adr_o      (brd_adr),
    .brd_wb_dat_o      (brd_dat),
    .brd_wb_sel_o      (brd_sel),
    .brd_wb_dat_i      (32'd0),
    .brd_wb_ack_i      (1'b0),
    .brd_wb_err_i      (1'b0)
  );

  ////////////////////////////
  // Interrupts             //
  ////////////////////////////

  // PLIC source n is interrupts[n-1].
  assign plic_src = {2'b00, dma_irq, wsi[3:0], uart_irq};

  // Status and attributes this SoC does not use.
  logic unused_host;
  assign unused_host = ^{fe_bid[7:6], fe_rid[7:6],
                         mem_awburst, mem_arburst, io_awburst, io_arburst, mem_awlock,
                         mem_arlock, io_awlock, io_arlock, mem_awcache, mem_arcache,
                         io_awcache, io_arcache, mem_awqos, mem_arqos, io_awqos, io_arqos,
                         mem_awprot, mem_arprot, io_awprot, io_arprot, io_wlast,
                         dbg_req_ready, dbg_resp_valid, dbg_resp_data, dbg_resp_resp,
                         dbg_ndreset, wsi[15:4], simctrl_valid, simctrl_data,
                         tap_fault_valid, tap_fault_rec, brd_cyc, brd_stb, brd_we, brd_adr,
                         brd_dat, brd_sel, dma_bid, dma_rid, dma_rlast};

endmodule
