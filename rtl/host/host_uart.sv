// SPDX-License-Identifier: Apache-2.0
// host_uart: the transmit side of a 16550-compatible UART, for a simulated console.
//
// Register file of the 16550 (byte registers, reg-shift 0): RBR/THR, IER, IIR/FCR, LCR, MCR,
// LSR, MSR, SCR, and DLL/DLM behind LCR.DLAB, so a stock "ns16550a" driver (OpenSBI's
// uart8250) configures it and prints. A THR write leaves at once on tx_valid_o/tx_data_o (no
// serial line: the harness prints the byte), so LSR always shows THRE|TEMT. There is no
// receiver: LSR.DR stays 0 and RBR reads 0. irq_o follows IER.ETBEI (THR is always empty).
// Requests come from host_axi_to_req: one-cycle pulse in, rsp_o the next cycle; a read
// returns the register byte in every byte lane, so any lane the core reads holds it.

`default_nettype none

module host_uart (
  input  logic        clk_i,
  input  logic        rst_i,

  input  logic        req_i,          // request pulse for this device
  input  logic        req_we_i,
  input  logic [2:0]  req_addr_i,     // register index (byte offset)
  input  logic [63:0] req_wdata_i,    // the byte is in lane req_addr_i
  output logic        rsp_o,
  output logic [63:0] rsp_rdata_o,

  output logic        tx_valid_o,     // one byte written to THR
  output logic [7:0]  tx_data_o,
  output logic        irq_o
);

  localparam logic [2:0] RegRbrThr = 3'd0;
  localparam logic [2:0] RegIer    = 3'd1;
  localparam logic [2:0] RegIirFcr = 3'd2;
  localparam logic [2:0] RegLcr    = 3'd3;
  localparam logic [2:0] RegMcr    = 3'd4;
  localparam logic [2:0] RegLsr    = 3'd5;
  localparam logic [2:0] RegMsr    = 3'd6;
  localparam logic [2:0] RegScr    = 3'd7;

  logic [7:0] ier_q, lcr_q, mcr_q, scr_q, dll_q, dlm_q;
  logic [7:0] wbyte;
  logic       dlab;

  assign wbyte = req_wdata_i[8*req_addr_i +: 8];
  assign dlab  = lcr_q[7];

  ////////////////////////////
  // Register writes        //
  ////////////////////////////

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ier_q <= 8'h00;
      lcr_q <= 8'h03;
      mcr_q <= 8'h00;
      scr_q <= 8'h00;
      dll_q <= 8'h01;
      dlm_q <= 8'h00;
    end else if (req_i && req_we_i) begin
      unique case (req_addr_i)
        RegRbrThr: if (dlab) dll_q <= wbyte;
        RegIer:    if (dlab) dlm_q <= wbyte; else ier_q <= {4'h0, wbyte[3:0]};
        RegLcr:    lcr_q <= wbyte;
        RegMcr:    mcr_q <= {3'h0, wbyte[4:0]};
        RegScr:    scr_q <= wbyte;
        default:   ;   // FCR: the FIFO is always empty; LSR/MSR are read-only
      endcase
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      tx_valid_o <= 1'b0;
    end else begin
      tx_valid_o <= req_i && req_we_i && (req_addr_i == RegRbrThr) && !dlab;
    end
  end

  always_ff @(posedge clk_i) begin
    if (req_i) begin
      tx_data_o <= wbyte;
    end
  end

  ////////////////////////////
  // Register reads         //
  ////////////////////////////

  logic [7:0] rbyte;

  always_comb begin
    rbyte = 8'h00;
    unique case (req_addr_i)
      RegRbrThr: rbyte = dlab ? dll_q : 8'h00;
      RegIer:    rbyte = dlab ? dlm_q : ier_q;
      RegIirFcr: rbyte = ier_q[1] ? 8'hC2 : 8'hC1;   // FIFOs on; THR-empty pending or none
      RegLcr:    rbyte = lcr_q;
      RegMcr:    rbyte = mcr_q;
      RegLsr:    rbyte = 8'h60;                      // THRE | TEMT, no receive data
      RegMsr:    rbyte = 8'hB0;                      // DCD, DSR, CTS
      RegScr:    rbyte = scr_q;
      default:   rbyte = 8'h00;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rsp_o <= 1'b0;
    end else begin
      rsp_o <= req_i;
    end
  end

  always_ff @(posedge clk_i) begin
    if (req_i) begin
      rsp_rdata_o <= {8{rbyte}};
    end
  end

  assign irq_o = ier_q[1];

endmodule
