// SPDX-License-Identifier: Apache-2.0
// host_axi_to_req: AXI4 slave (the host core's MMIO port) -> one-beat request pulses.
//
// Serves one transaction at a time, reads before writes when both wait, in order. Each beat of
// a burst (INCR, any size up to 8 bytes) becomes one request: req_o is high for exactly one
// cycle with the beat's byte address, data and strobes, and the beat completes when rsp_i
// arrives (any later cycle). A request error answers SLVERR for that read beat, and SLVERR on
// B when any beat of a write failed. Data lanes are passed through unchanged (64-bit bus).

`default_nettype none

module host_axi_to_req #(
  parameter int AddrW = 31,
  parameter int IdW   = 4
) (
  input  logic             clk_i,
  input  logic             rst_i,

  input  logic [IdW-1:0]   s_axi_awid_i,
  input  logic [AddrW-1:0] s_axi_awaddr_i,
  input  logic [7:0]       s_axi_awlen_i,
  input  logic [2:0]       s_axi_awsize_i,
  input  logic             s_axi_awvalid_i,
  output      logic             s_axi_awready_o,
  input  logic [63:0]      s_axi_wdata_i,
  input  logic [7:0]       s_axi_wstrb_i,
  input  logic             s_axi_wvalid_i,
  output      logic             s_axi_wready_o,
  output      logic [IdW-1:0]   s_axi_bid_o,
  output      logic [1:0]       s_axi_bresp_o,
  output      logic             s_axi_bvalid_o,
  input  logic             s_axi_bready_i,
  input  logic [IdW-1:0]   s_axi_arid_i,
  input  logic [AddrW-1:0] s_axi_araddr_i,
  input  logic [7:0]       s_axi_arlen_i,
  input  logic [2:0]       s_axi_arsize_i,
  input  logic             s_axi_arvalid_i,
  output      logic             s_axi_arready_o,
  output      logic [IdW-1:0]   s_axi_rid_o,
  output      logic [63:0]      s_axi_rdata_o,
  output      logic [1:0]       s_axi_rresp_o,
  output      logic             s_axi_rlast_o,
  output      logic             s_axi_rvalid_o,
  input  logic             s_axi_rready_i,

  output      logic             req_o,        // one-cycle request pulse
  output      logic             req_we_o,
  output      logic [AddrW-1:0] req_addr_o,   // byte address of the beat
  output      logic [63:0]      req_wdata_o,
  output      logic [7:0]       req_wstrb_o,
  input  logic             rsp_i,        // the request is done (one cycle)
  input  logic [63:0]      rsp_rdata_i,
  input  logic             rsp_err_i
);

  typedef enum logic [2:0] {
    StIdle, StRdReq, StRdWait, StRdBeat, StWrData, StWrWait, StWrResp
  } state_e;

  state_e           state_q, state_d;
  logic [IdW-1:0]   id_q;
  logic [AddrW-1:0] addr_q;
  logic [7:0]       left_q;      // beats after the current one
  logic [2:0]       size_q;
  logic [63:0]      data_q;
  logic [7:0]       strb_q;
  logic             err_q;       // read: this beat failed; write: some beat failed

  always_comb begin
    state_d = state_q;
    unique case (state_q)
      StIdle:   if (s_axi_arvalid_i) state_d = StRdReq;
                else if (s_axi_awvalid_i) state_d = StWrData;
      StRdReq:  state_d = StRdWait;
      StRdWait: if (rsp_i) state_d = StRdBeat;
      StRdBeat: if (s_axi_rready_i) state_d = (left_q == 8'd0) ? StIdle : StRdReq;
      StWrData: if (s_axi_wvalid_i) state_d = StWrWait;
      StWrWait: if (rsp_i) state_d = (left_q == 8'd0) ? StWrResp : StWrData;
      StWrResp: if (s_axi_bready_i) state_d = StIdle;
      default:  state_d = StIdle;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      state_q <= StIdle;
    end else begin
      state_q <= state_d;
    end
  end

  // Address of the next beat: INCR by the beat size.
  logic [AddrW-1:0] addr_next;
  assign addr_next = addr_q + (AddrW'(1) << size_q);

  always_ff @(posedge clk_i) begin
    unique case (state_q)
      StIdle: begin
        if (s_axi_arvalid_i) begin
          id_q   <= s_axi_arid_i;
          addr_q <= s_axi_araddr_i;
          left_q <= s_axi_arlen_i;
          size_q <= s_axi_arsize_i;
          err_q  <= 1'b0;
        end else if (s_axi_awvalid_i) begin
          id_q   <= s_axi_awid_i;
          addr_q <= s_axi_awaddr_i;
          left_q <= s_axi_awlen_i;
          size_q <= s_axi_awsize_i;
          err_q  <= 1'b0;
        end
      end
      StRdWait: begin
        if (rsp_i) begin
          data_q <= rsp_rdata_i;
          err_q  <= rsp_err_i;
        end
      end
      StRdBeat: begin
        if (s_axi_rready_i) begin
          addr_q <= addr_next;
          left_q <= left_q - 8'd1;
        end
      end
      StWrData: begin
        if (s_axi_wvalid_i) begin
          data_q <= s_axi_wdata_i;
          strb_q <= s_axi_wstrb_i;
        end
      end
      StWrWait: begin
        if (rsp_i) begin
          err_q  <= err_q | rsp_err_i;
          addr_q <= addr_next;
          left_q <= left_q - 8'd1;
        end
      end
      default: ;
    endcase
  end

  assign s_axi_arready_o = (state_q == StIdle);
  assign s_axi_awready_o = (state_q == StIdle) && !s_axi_arvalid_i;
  assign s_axi_wready_o  = (state_q == StWrData);
  assign s_axi_rvalid_o  = (state_q == StRdBeat);
  assign s_axi_rid_o     = id_q;
  assign s_axi_rdata_o   = data_q;
  assign s_axi_rresp_o   = err_q ? 2'b10 : 2'b00;
  assign s_axi_rlast_o   = (left_q == 8'd0);
  assign s_axi_bvalid_o  = (state_q == StWrResp);
  assign s_axi_bid_o     = id_q;
  assign s_axi_bresp_o   = err_q ? 2'b10 : 2'b00;

  // A request leaves in the cycle after its address (read) or data beat (write) was taken.
  logic wr_req_q;
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      wr_req_q <= 1'b0;
    end else begin
      wr_req_q <= (state_q == StWrData) && s_axi_wvalid_i;
    end
  end

  assign req_o       = (state_q == StRdReq) || wr_req_q;
  assign req_we_o    = wr_req_q;
  assign req_addr_o  = addr_q;
  assign req_wdata_o = data_q;
  assign req_wstrb_o = strb_q;

endmodule
