// SPDX-License-Identifier: Apache-2.0
// host_dma: a register-programmed memory-to-memory copy engine, a DMA master behind the IOMMU.
//
// The host writes SRC, DST (device addresses: IOVAs when the IOMMU translates) and LEN, then
// CTRL.START. The engine copies LEN bytes as 8-byte beats: one single-beat read on the AXI4
// master port, then one single-beat write of the same data, until done or until a response is
// not OKAY; then STATUS shows DONE or ERROR (with the response and the failing address in
// ERR_ADDR). Every transaction carries the device_id DeviceId (the IOMMU's did sideband), no
// process_id. irq_o is high while (DONE or ERROR) and CTRL.IE.
//
// Register map (64-bit registers, byte offset in the 4 KiB page; 4- and 8-byte accesses):
//   0x00 SRC      source address (8-byte aligned)
//   0x08 DST      destination address (8-byte aligned)
//   0x10 LEN      [31:0] bytes, a multiple of 8
//   0x18 CTRL     [0] START (write 1 while idle; reads 0), [1] IE
//   0x20 STATUS   [0] BUSY, [1] DONE (W1C), [2] ERROR (W1C), [5:4] response of the failed beat
//   0x28 ERR_ADDR device address of the failed beat
//   0x30 ID       [23:0] DeviceId (read-only)

`default_nettype none

module host_dma #(
  parameter logic [23:0] DeviceId = 24'd1
) (
  input  logic        clk_i,
  input  logic        rst_i,

  input  logic        req_i,
  input  logic        req_we_i,
  input  logic [11:0] req_addr_i,
  input  logic [63:0] req_wdata_i,
  input  logic [7:0]  req_wstrb_i,
  output logic        rsp_o,
  output logic [63:0] rsp_rdata_o,
  output logic        irq_o,

  // AXI4 master (single beats, ID 0) with the IOMMU device-port sideband
  output logic [63:0] m_axi_awaddr_o,
  output logic        m_axi_awvalid_o,
  input  logic        m_axi_awready_i,
  output logic [63:0] m_axi_wdata_o,
  output logic        m_axi_wvalid_o,
  input  logic        m_axi_wready_i,
  input  logic [1:0]  m_axi_bresp_i,
  input  logic        m_axi_bvalid_i,
  output logic        m_axi_bready_o,
  output logic [63:0] m_axi_araddr_o,
  output logic        m_axi_arvalid_o,
  input  logic        m_axi_arready_i,
  input  logic [63:0] m_axi_rdata_i,
  input  logic [1:0]  m_axi_rresp_i,
  input  logic        m_axi_rvalid_i,
  output logic        m_axi_rready_o,
  output logic [23:0] did_o
);

  ////////////////////////////
  // Registers              //
  ////////////////////////////

  logic [63:0] src_q, dst_q, err_addr_q;
  logic [31:0] len_q;
  logic        ie_q, done_q, error_q;
  logic [1:0]  resp_q;
  logic        busy;
  logic [2:0]  reg_idx;
  logic [63:0] wmask;
  logic        start;

  // Registers are doublewords 0-6 of the page; the rest reads 0 and ignores writes (index 7).
  // The byte lanes come with the strobes, so address bits [2:0] carry nothing more.
  assign reg_idx = (req_addr_i[11:6] == 6'd0) ? req_addr_i[5:3] : 3'd7;

  logic unused_addr;
  assign unused_addr = ^req_addr_i[2:0];

  // Byte strobes -> bit mask for read-modify-write of a 64-bit register.
  always_comb begin
    for (int b = 0; b < 8; b++) begin
      wmask[8*b +: 8] = {8{req_wstrb_i[b]}};
    end
  end

  assign start = req_i && req_we_i && (reg_idx == 3'd3) && req_wstrb_i[0] && req_wdata_i[0] &&
                 !busy;

  always_ff @(posedge clk_i) begin
    if (req_i && req_we_i && !busy) begin
      unique case (reg_idx)
        3'd0:    src_q <= (src_q & ~wmask) | (req_wdata_i & wmask);
        3'd1:    dst_q <= (dst_q & ~wmask) | (req_wdata_i & wmask);
        3'd2:    len_q <= (len_q & ~wmask[31:0]) | (req_wdata_i[31:0] & wmask[31:0]);
        default: ;
      endcase
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ie_q <= 1'b0;
    end else if (req_i && req_we_i && (reg_idx == 3'd3) && req_wstrb_i[0]) begin
      ie_q <= req_wdata_i[1];
    end
  end

  always_comb begin
    rsp_rdata_o = 64'd0;
    unique case (reg_idx)
      3'd0:    rsp_rdata_o = src_q;
      3'd1:    rsp_rdata_o = dst_q;
      3'd2:    rsp_rdata_o = {32'd0, len_q};
      3'd3:    rsp_rdata_o = {62'd0, ie_q, 1'b0};
      3'd4:    rsp_rdata_o = {58'd0, resp_q, 1'b0, error_q, done_q, busy};
      3'd5:    rsp_rdata_o = err_addr_q;
      3'd6:    rsp_rdata_o = {40'd0, DeviceId};
      default: rsp_rdata_o = 64'd0;
    endcase
  end

  // Reads are combinational from the registers; the response follows one cycle after the pulse
  // (the read data is sampled by host_periph in that same pulse cycle).
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rsp_o <= 1'b0;
    end else begin
      rsp_o <= req_i;
    end
  end

  ////////////////////////////
  // Copy engine            //
  ////////////////////////////

  typedef enum logic [2:0] {StIdle, StAr, StR, StAw, StB} state_e;

  state_e      state_q, state_d;
  logic [31:0] off_q;          // bytes copied so far
  logic [63:0] data_q;
  logic        aw_done_q, w_done_q;
  logic        beat_fail;      // the current read/write answered with a non-OKAY response
  logic        last_beat;

  assign busy      = (state_q != StIdle);
  assign last_beat = (off_q + 32'd8 >= len_q);
  assign beat_fail = ((state_q == StR) && m_axi_rvalid_i && (m_axi_rresp_i != 2'b00)) ||
                     ((state_q == StB) && m_axi_bvalid_i && (m_axi_bresp_i != 2'b00));

  always_comb begin
    state_d = state_q;
    unique case (state_q)
      StIdle: if (start) state_d = (len_q == 32'd0) ? StIdle : StAr;
      StAr:   if (m_axi_arready_i) state_d = StR;
      StR:    if (m_axi_rvalid_i) state_d = (m_axi_rresp_i != 2'b00) ? StIdle : StAw;
      StAw:   if ((aw_done_q || m_axi_awready_i) && (w_done_q || m_axi_wready_i)) state_d = StB;
      StB:    if (m_axi_bvalid_i) begin
                state_d = ((m_axi_bresp_i != 2'b00) || last_beat) ? StIdle : StAr;
              end
      default: state_d = StIdle;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      state_q <= StIdle;
    end else begin
      state_q <= state_d;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      done_q    <= 1'b0;
      error_q   <= 1'b0;
      resp_q    <= 2'b00;
      aw_done_q <= 1'b0;
      w_done_q  <= 1'b0;
      off_q     <= 32'd0;
    end else begin
      if (start) begin
        off_q   <= 32'd0;
        done_q  <= (len_q == 32'd0);
        error_q <= 1'b0;
        resp_q  <= 2'b00;
      end else if (req_i && req_we_i && (reg_idx == 3'd4) && req_wstrb_i[0]) begin
        done_q  <= done_q & ~req_wdata_i[1];
        error_q <= error_q & ~req_wdata_i[2];
      end
      if (beat_fail) begin
        error_q    <= 1'b1;
        resp_q     <= (state_q == StR) ? m_axi_rresp_i : m_axi_bresp_i;
        err_addr_q <= (state_q == StR) ? src_q + 64'(off_q) : dst_q + 64'(off_q);
      end
      if ((state_q == StR) && m_axi_rvalid_i) begin
        data_q <= m_axi_rdata_i;
      end
      if (state_q == StAw) begin
        aw_done_q <= aw_done_q || m_axi_awready_i;
        w_done_q  <= w_done_q || m_axi_wready_i;
      end else begin
        aw_done_q <= 1'b0;
        w_done_q  <= 1'b0;
      end
      if ((state_q == StB) && m_axi_bvalid_i && (m_axi_bresp_i == 2'b00)) begin
        off_q  <= off_q + 32'd8;
        done_q <= last_beat;
      end
    end
  end

  assign m_axi_araddr_o  = src_q + 64'(off_q);
  assign m_axi_arvalid_o = (state_q == StAr);
  assign m_axi_rready_o  = (state_q == StR);
  assign m_axi_awaddr_o  = dst_q + 64'(off_q);
  assign m_axi_awvalid_o = (state_q == StAw) && !aw_done_q;
  assign m_axi_wdata_o   = data_q;
  assign m_axi_wvalid_o  = (state_q == StAw) && !w_done_q;
  assign m_axi_bready_o  = (state_q == StB);
  assign did_o           = DeviceId;

  assign irq_o = ie_q && (done_q || error_q);

endmodule
