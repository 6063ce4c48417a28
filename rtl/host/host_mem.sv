// SPDX-License-Identifier: Apache-2.0
// host_mem: system memory of the host SoC, an AXI4 slave whose storage is the harness's C model.
//
// The storage lives in the simulation harness (sim/host/host_mem.c) behind two DPI-C calls, so
// the harness loads OpenSBI, the device tree and the payload straight into it and no large
// Verilog array is evaluated every cycle. One transaction at a time (reads first), one beat per
// cycle, INCR bursts of any length and beat size <= 8 bytes; every response is OKAY (the C model
// counts accesses outside the memory it holds). Simulation only: not synthesisable.

`default_nettype none

module host_mem #(
  parameter int AddrW = 32,
  parameter int IdW   = 4
) (
  input  logic             clk_i,
  input  logic             rst_i,

  input  logic [IdW-1:0]   s_axi_awid_i,
  input  logic [AddrW-1:0] s_axi_awaddr_i,
  input  logic [7:0]       s_axi_awlen_i,
  input  logic [2:0]       s_axi_awsize_i,
  input  logic             s_axi_awvalid_i,
  output logic             s_axi_awready_o,
  input  logic [63:0]      s_axi_wdata_i,
  input  logic [7:0]       s_axi_wstrb_i,
  input  logic             s_axi_wlast_i,
  input  logic             s_axi_wvalid_i,
  output logic             s_axi_wready_o,
  output logic [IdW-1:0]   s_axi_bid_o,
  output logic [1:0]       s_axi_bresp_o,
  output logic             s_axi_bvalid_o,
  input  logic             s_axi_bready_i,
  input  logic [IdW-1:0]   s_axi_arid_i,
  input  logic [AddrW-1:0] s_axi_araddr_i,
  input  logic [7:0]       s_axi_arlen_i,
  input  logic [2:0]       s_axi_arsize_i,
  input  logic             s_axi_arvalid_i,
  output logic             s_axi_arready_o,
  output logic [IdW-1:0]   s_axi_rid_o,
  output logic [63:0]      s_axi_rdata_o,
  output logic [1:0]       s_axi_rresp_o,
  output logic             s_axi_rlast_o,
  output logic             s_axi_rvalid_o,
  input  logic             s_axi_rready_i
);

  // The C model: 8-byte aligned doubleword at byte address addr (wstrb selects the bytes).
  import "DPI-C" function longint unsigned host_mem_read64(input longint unsigned addr);
  import "DPI-C" function void host_mem_write64(input longint unsigned addr,
                                                input longint unsigned data,
                                                input byte unsigned strb);

  typedef enum logic [1:0] {StIdle, StRead, StWrite, StWrResp} state_e;

  state_e           state_q;
  logic [IdW-1:0]   id_q;
  logic [AddrW-1:0] addr_q;
  logic [7:0]       left_q;
  logic [2:0]       size_q;
  logic [63:0]      rdata_q;
  logic [AddrW-1:0] addr_next;

  assign addr_next = addr_q + (AddrW'(1) << size_q);

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      state_q <= StIdle;
    end else begin
      unique case (state_q)
        StIdle: begin
          if (s_axi_arvalid_i) begin
            state_q <= StRead;
          end else if (s_axi_awvalid_i) begin
            state_q <= StWrite;
          end
        end
        StRead:   if (s_axi_rready_i && (left_q == 8'd0)) state_q <= StIdle;
        StWrite:  if (s_axi_wvalid_i && s_axi_wlast_i) state_q <= StWrResp;
        StWrResp: if (s_axi_bready_i) state_q <= StIdle;
        default:  state_q <= StIdle;
      endcase
    end
  end

  always_ff @(posedge clk_i) begin
    unique case (state_q)
      StIdle: begin
        if (s_axi_arvalid_i) begin
          id_q    <= s_axi_arid_i;
          addr_q  <= s_axi_araddr_i;
          left_q  <= s_axi_arlen_i;
          size_q  <= s_axi_arsize_i;
          rdata_q <= host_mem_read64(64'(s_axi_araddr_i));
        end else if (s_axi_awvalid_i) begin
          id_q   <= s_axi_awid_i;
          addr_q <= s_axi_awaddr_i;
          size_q <= s_axi_awsize_i;
          left_q <= s_axi_awlen_i;
        end
      end
      StRead: begin
        if (s_axi_rready_i && (left_q != 8'd0)) begin
          addr_q  <= addr_next;
          left_q  <= left_q - 8'd1;
          rdata_q <= host_mem_read64(64'(addr_next));
        end
      end
      StWrite: begin
        if (s_axi_wvalid_i) begin
          host_mem_write64(64'(addr_q), s_axi_wdata_i, s_axi_wstrb_i);
          addr_q <= addr_next;
        end
      end
      default: ;
    endcase
  end

  assign s_axi_arready_o = (state_q == StIdle);
  assign s_axi_awready_o = (state_q == StIdle) && !s_axi_arvalid_i;
  assign s_axi_rvalid_o  = (state_q == StRead);
  assign s_axi_rid_o     = id_q;
  assign s_axi_rdata_o   = rdata_q;
  assign s_axi_rresp_o   = 2'b00;
  assign s_axi_rlast_o   = (left_q == 8'd0);
  assign s_axi_wready_o  = (state_q == StWrite);
  assign s_axi_bvalid_o  = (state_q == StWrResp);
  assign s_axi_bid_o     = id_q;
  assign s_axi_bresp_o   = 2'b00;

endmodule
