// SPDX-License-Identifier: Apache-2.0
// board_periph: FPGA board peripherals on soc_top's board port (core range 0xE000_0000).
//
// Lets the management core's self-test firmware (firmware/selftest.c) play every role around
// the IOMMU on a board that has no host CPU and no PCIe device:
//   - host window: an AXI4-Lite master on soc_top's s_axil_* (the host register port),
//     one 64-bit access per CTRL write;
//   - test DMA engine: an AXI4 master on soc_top's s_axi_* device port with the did/pid/pv
//     sideband, one burst of 1..8 beats per CTRL write from / into a 64-byte buffer;
//   - misc: LEDs, the UART FIFO level, an ID word.
// Wishbone classic slave, 32-bit, registered ACK (two cycles per access), never ERR.
//
// Register map (byte offset in the 64 KiB range; all 32-bit):
//   0x000 HW_ADDR   [11:0] spec-page register offset     0x014 HW_STATUS [0] busy [2:1] resp
//   0x004 HW_WDATA_LO  0x008 HW_WDATA_HI  0x00C HW_WSTRB  0x018 HW_RDATA_LO 0x01C HW_RDATA_HI
//   0x010 HW_CTRL   write 1: AXI-Lite write; 2: AXI-Lite read
//   0x100 DMA_ADDR_LO 0x104 DMA_ADDR_HI (IOVA, 8-aligned)  0x108 DMA_DID [23:0]
//   0x10C DMA_PID   [19:0] process_id, [31] pv
//   0x110 DMA_CTRL  write starts: [0] 1=write 0=read, [10:8] beats-1
//   0x114 DMA_STATUS [0] busy, [2:1] response (first non-OKAY of the burst, else OKAY)
//   0x200-0x23C DMA_BUF  8 beats x 64 bits (beat n = words 2n, 2n+1)
//   0x300 LED [7:0] (RW)  0x304 UART_LEVEL (RO)  0x308 ID 0x42524431 ("BRD1")

`default_nettype none

module board_periph (
  input  logic         clk_i,
  input  logic         rst_i,

  // Wishbone slave (word address inside the 64 KiB range)
  input  logic         wb_cyc_i,
  input  logic         wb_stb_i,
  input  logic         wb_we_i,
  input  logic [13:0]  wb_adr_i,
  input  logic [31:0]  wb_dat_i,
  output logic [31:0]  wb_dat_o,
  output logic         wb_ack_o,
  output logic         wb_err_o,

  // Host window: AXI4-Lite master
  output logic [11:0]  h_awaddr_o,
  output logic         h_awvalid_o,
  input  logic         h_awready_i,
  output logic [63:0]  h_wdata_o,
  output logic [7:0]   h_wstrb_o,
  output logic         h_wvalid_o,
  input  logic         h_wready_i,
  input  logic [1:0]   h_bresp_i,
  input  logic         h_bvalid_i,
  output logic         h_bready_o,
  output logic [11:0]  h_araddr_o,
  output logic         h_arvalid_o,
  input  logic         h_arready_i,
  input  logic [63:0]  h_rdata_i,
  input  logic [1:0]   h_rresp_i,
  input  logic         h_rvalid_i,
  output logic         h_rready_o,

  // Test DMA engine: AXI4 master + sideband (same did/pid/pv on AW and AR)
  output logic [3:0]   d_awid_o,
  output logic [63:0]  d_awaddr_o,
  output logic [7:0]   d_awlen_o,
  output logic [2:0]   d_awsize_o,
  output logic [1:0]   d_awburst_o,
  output logic [2:0]   d_awprot_o,
  output logic         d_awvalid_o,
  input  logic         d_awready_i,
  output logic [63:0]  d_wdata_o,
  output logic [7:0]   d_wstrb_o,
  output logic         d_wlast_o,
  output logic         d_wvalid_o,
  input  logic         d_wready_i,
  input  logic [1:0]   d_bresp_i,
  input  logic         d_bvalid_i,
  output logic         d_bready_o,
  output logic [3:0]   d_arid_o,
  output logic [63:0]  d_araddr_o,
  output logic [7:0]   d_arlen_o,
  output logic [2:0]   d_arsize_o,
  output logic [1:0]   d_arburst_o,
  output logic [2:0]   d_arprot_o,
  output logic         d_arvalid_o,
  input  logic         d_arready_i,
  input  logic [63:0]  d_rdata_i,
  input  logic [1:0]   d_rresp_i,
  input  logic         d_rlast_i,
  input  logic         d_rvalid_i,
  output logic         d_rready_o,
  output logic [23:0]  d_did_o,
  output logic [19:0]  d_pid_o,
  output logic         d_pv_o,

  output logic [7:0]   led_o,
  input  logic [15:0]  uart_level_i
);

  localparam logic [31:0] IdValue = 32'h4252_4431;

  // Word addresses (byte offset / 4).
  localparam logic [13:0] AHwAddr   = 14'h000;
  localparam logic [13:0] AHwWdLo   = 14'h001;
  localparam logic [13:0] AHwWdHi   = 14'h002;
  localparam logic [13:0] AHwWstrb  = 14'h003;
  localparam logic [13:0] AHwCtrl   = 14'h004;
  localparam logic [13:0] AHwStatus = 14'h005;
  localparam logic [13:0] AHwRdLo   = 14'h006;
  localparam logic [13:0] AHwRdHi   = 14'h007;
  localparam logic [13:0] ADmaAdLo  = 14'h040;
  localparam logic [13:0] ADmaAdHi  = 14'h041;
  localparam logic [13:0] ADmaDid   = 14'h042;
  localparam logic [13:0] ADmaPid   = 14'h043;
  localparam logic [13:0] ADmaCtrl  = 14'h044;
  localparam logic [13:0] ADmaStat  = 14'h045;
  localparam logic [13:0] ALed      = 14'h0C0;
  localparam logic [13:0] AUartLvl  = 14'h0C1;
  localparam logic [13:0] AId       = 14'h0C2;

  ////////////////////////
  // Wishbone access    //
  ////////////////////////

  logic ack_q, acc, wr;
  logic in_buf;
  logic [3:0] buf_widx;

  assign acc      = wb_cyc_i && wb_stb_i && !ack_q;
  assign wr       = acc && wb_we_i;
  assign wb_ack_o = ack_q && wb_cyc_i && wb_stb_i;
  assign wb_err_o = 1'b0;
  assign in_buf   = (wb_adr_i[13:4] == 10'h008);   // byte 0x200-0x23C
  assign buf_widx = wb_adr_i[3:0];

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ack_q <= 1'b0;
    end else begin
      ack_q <= acc;
    end
  end

  ////////////////////////
  // Host window        //
  ////////////////////////

  typedef enum logic [1:0] {HwIdle, HwWrite, HwRead} hw_state_e;

  hw_state_e   hw_state_q;
  logic [11:0] hw_addr_q;
  logic [63:0] hw_wdata_q, hw_rdata_q;
  logic [7:0]  hw_wstrb_q;
  logic [1:0]  hw_resp_q;
  logic        hw_aw_q, hw_w_q, hw_ar_q;
  logic        hw_start_wr, hw_start_rd;

  assign hw_start_wr = wr && (wb_adr_i == AHwCtrl) && (hw_state_q == HwIdle) && (wb_dat_i == 32'd1);
  assign hw_start_rd = wr && (wb_adr_i == AHwCtrl) && (hw_state_q == HwIdle) && (wb_dat_i == 32'd2);

  assign h_awaddr_o  = hw_addr_q;
  assign h_awvalid_o = hw_aw_q;
  assign h_wdata_o   = hw_wdata_q;
  assign h_wstrb_o   = hw_wstrb_q;
  assign h_wvalid_o  = hw_w_q;
  assign h_bready_o  = (hw_state_q == HwWrite) && !hw_aw_q && !hw_w_q;
  assign h_araddr_o  = hw_addr_q;
  assign h_arvalid_o = hw_ar_q;
  assign h_rready_o  = (hw_state_q == HwRead) && !hw_ar_q;

  // Fields of the written word and of the 64-bit registers, sliced outside the processes.
  logic [31:0] wdat;
  logic [11:0] wdat_addr;
  logic [7:0]  wdat_byte;
  logic [23:0] wdat_did;
  logic [19:0] wdat_pid;
  logic [2:0]  wdat_len;
  logic        wdat_pv, wdat_dir;
  logic [31:0] hw_wd_lo, hw_wd_hi, hw_rd_lo, hw_rd_hi;

  assign wdat      = wb_dat_i;
  assign wdat_addr = wb_dat_i[11:0];
  assign wdat_byte = wb_dat_i[7:0];
  assign wdat_did  = wb_dat_i[23:0];
  assign wdat_pid  = wb_dat_i[19:0];
  assign wdat_len  = wb_dat_i[10:8];
  assign wdat_pv   = wb_dat_i[31];
  assign wdat_dir  = wb_dat_i[0];
  assign hw_wd_lo  = hw_wdata_q[31:0];
  assign hw_wd_hi  = hw_wdata_q[63:32];
  assign hw_rd_lo  = hw_rdata_q[31:0];
  assign hw_rd_hi  = hw_rdata_q[63:32];

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      hw_state_q <= HwIdle;
      hw_addr_q  <= '0;
      hw_wdata_q <= '0;
      hw_rdata_q <= '0;
      hw_wstrb_q <= 8'hFF;
      hw_resp_q  <= '0;
      hw_aw_q    <= 1'b0;
      hw_w_q     <= 1'b0;
      hw_ar_q    <= 1'b0;
    end else begin
      if (wr && (hw_state_q == HwIdle)) begin
        case (wb_adr_i)
          AHwAddr:  hw_addr_q  <= wdat_addr;
          AHwWdLo:  hw_wdata_q <= {hw_wd_hi, wdat};
          AHwWdHi:  hw_wdata_q <= {wdat, hw_wd_lo};
          AHwWstrb: hw_wstrb_q <= wdat_byte;
          default: ;
        endcase
      end
      case (hw_state_q)
        HwIdle: begin
          if (hw_start_wr) begin
            hw_state_q <= HwWrite;
            hw_aw_q    <= 1'b1;
            hw_w_q     <= 1'b1;
          end else if (hw_start_rd) begin
            hw_state_q <= HwRead;
            hw_ar_q    <= 1'b1;
          end
        end
        HwWrite: begin
          if (h_awready_i) begin
            hw_aw_q <= 1'b0;
          end
          if (h_wready_i) begin
            hw_w_q <= 1'b0;
          end
          if (h_bready_o && h_bvalid_i) begin
            hw_resp_q  <= h_bresp_i;
            hw_state_q <= HwIdle;
          end
        end
        HwRead: begin
          if (h_arready_i) begin
            hw_ar_q <= 1'b0;
          end
          if (h_rready_o && h_rvalid_i) begin
            hw_rdata_q <= h_rdata_i;
            hw_resp_q  <= h_rresp_i;
            hw_state_q <= HwIdle;
          end
        end
        default: hw_state_q <= HwIdle;
      endcase
    end
  end

  ////////////////////////
  // Test DMA engine    //
  ////////////////////////

  typedef enum logic [2:0] {DmaIdle, DmaAw, DmaW, DmaB, DmaAr, DmaR} dma_state_e;

  dma_state_e  dma_state_q;
  logic [63:0] dma_addr_q;
  logic [23:0] dma_did_q;
  logic [19:0] dma_pid_q;
  logic        dma_pv_q;
  logic [2:0]  dma_len_q, dma_beat_q;
  logic [1:0]  dma_resp_q;
  logic [31:0] buf_q [16];
  logic        dma_start;
  logic [3:0]  beat_lo, beat_hi;
  logic [31:0] rdata_lo, rdata_hi;
  logic [31:0] dma_ad_lo, dma_ad_hi;

  assign dma_ad_lo = dma_addr_q[31:0];
  assign dma_ad_hi = dma_addr_q[63:32];

  assign dma_start = wr && (wb_adr_i == ADmaCtrl) && (dma_state_q == DmaIdle);
  assign beat_lo   = {dma_beat_q, 1'b0};
  assign beat_hi   = {dma_beat_q, 1'b1};
  assign rdata_lo  = d_rdata_i[31:0];
  assign rdata_hi  = d_rdata_i[63:32];

  assign d_awid_o    = 4'd0;
  assign d_awaddr_o  = dma_addr_q;
  assign d_awlen_o   = {5'd0, dma_len_q};
  assign d_awsize_o  = 3'd3;
  assign d_awburst_o = 2'b01;
  assign d_awprot_o  = 3'd0;
  assign d_awvalid_o = (dma_state_q == DmaAw);
  assign d_wdata_o   = {buf_q[beat_hi], buf_q[beat_lo]};
  assign d_wstrb_o   = 8'hFF;
  assign d_wlast_o   = (dma_beat_q == dma_len_q);
  assign d_wvalid_o  = (dma_state_q == DmaW);
  assign d_bready_o  = (dma_state_q == DmaB);
  assign d_arid_o    = 4'd0;
  assign d_araddr_o  = dma_addr_q;
  assign d_arlen_o   = {5'd0, dma_len_q};
  assign d_arsize_o  = 3'd3;
  assign d_arburst_o = 2'b01;
  assign d_arprot_o  = 3'd0;
  assign d_arvalid_o = (dma_state_q == DmaAr);
  assign d_rready_o  = (dma_state_q == DmaR);
  assign d_did_o     = dma_did_q;
  assign d_pid_o     = dma_pid_q;
  assign d_pv_o      = dma_pv_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      dma_state_q <= DmaIdle;
      dma_addr_q  <= '0;
      dma_did_q   <= '0;
      dma_pid_q   <= '0;
      dma_pv_q    <= 1'b0;
      dma_len_q   <= '0;
      dma_beat_q  <= '0;
      dma_resp_q  <= '0;
    end else begin
      if (wr && (dma_state_q == DmaIdle)) begin
        case (wb_adr_i)
          ADmaAdLo: dma_addr_q <= {dma_ad_hi, wdat};
          ADmaAdHi: dma_addr_q <= {wdat, dma_ad_lo};
          ADmaDid:  dma_did_q  <= wdat_did;
          ADmaPid: begin
            dma_pid_q <= wdat_pid;
            dma_pv_q  <= wdat_pv;
          end
          default: ;
        endcase
      end
      case (dma_state_q)
        DmaIdle: begin
          if (dma_start) begin
            dma_state_q <= wdat_dir ? DmaAw : DmaAr;
            dma_len_q   <= wdat_len;
            dma_beat_q  <= '0;
            dma_resp_q  <= '0;
          end
        end
        DmaAw: if (d_awready_i) dma_state_q <= DmaW;
        DmaW: begin
          if (d_wready_i) begin
            dma_beat_q <= dma_beat_q + 1'b1;
            if (d_wlast_o) begin
              dma_state_q <= DmaB;
            end
          end
        end
        DmaB: begin
          if (d_bvalid_i) begin
            dma_resp_q  <= d_bresp_i;
            dma_state_q <= DmaIdle;
          end
        end
        DmaAr: if (d_arready_i) dma_state_q <= DmaR;
        DmaR: begin
          if (d_rvalid_i) begin
            dma_beat_q <= dma_beat_q + 1'b1;
            if (dma_resp_q == 2'b00) begin
              dma_resp_q <= d_rresp_i;
            end
            if (d_rlast_i) begin
              dma_state_q <= DmaIdle;
            end
          end
        end
        default: dma_state_q <= DmaIdle;
      endcase
    end
  end

  // Buffer: written by the core while idle, by R beats while reading.
  always_ff @(posedge clk_i) begin
    if (wr && in_buf && (dma_state_q == DmaIdle)) begin
      buf_q[buf_widx] <= wdat;
    end else if ((dma_state_q == DmaR) && d_rvalid_i) begin
      buf_q[beat_lo] <= rdata_lo;
      buf_q[beat_hi] <= rdata_hi;
    end
  end

  ////////////////////////
  // Misc, read mux     //
  ////////////////////////

  logic [7:0] led_q;

  assign led_o = led_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      led_q <= '0;
    end else if (wr && (wb_adr_i == ALed)) begin
      led_q <= wdat_byte;
    end
  end

  logic [31:0] rdat;

  always_comb begin
    rdat = 32'd0;
    if (in_buf) begin
      rdat = buf_q[buf_widx];
    end else begin
      case (wb_adr_i)
        AHwAddr:   rdat = {20'd0, hw_addr_q};
        AHwWdLo:   rdat = hw_wd_lo;
        AHwWdHi:   rdat = hw_wd_hi;
        AHwWstrb:  rdat = {24'd0, hw_wstrb_q};
        AHwStatus: rdat = {29'd0, hw_resp_q, hw_state_q != HwIdle};
        AHwRdLo:   rdat = hw_rd_lo;
        AHwRdHi:   rdat = hw_rd_hi;
        ADmaAdLo:  rdat = dma_ad_lo;
        ADmaAdHi:  rdat = dma_ad_hi;
        ADmaDid:   rdat = {8'd0, dma_did_q};
        ADmaPid:   rdat = {dma_pv_q, 11'd0, dma_pid_q};
        ADmaStat:  rdat = {29'd0, dma_resp_q, dma_state_q != DmaIdle};
        ALed:      rdat = {24'd0, led_q};
        AUartLvl:  rdat = {16'd0, uart_level_i};
        AId:       rdat = IdValue;
        default:   rdat = 32'd0;
      endcase
    end
  end

  always_ff @(posedge clk_i) begin
    if (acc) begin
      wb_dat_o <= rdat;
    end
  end

endmodule

`default_nettype wire
