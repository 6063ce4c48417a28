// SPDX-License-Identifier: Apache-2.0
// soc_ram: management-core local RAM (64 KiB by default), two Wishbone classic ports.
//
// Owns the firmware image: code, data and stack of the management core (architecture.md §3).
// Port A serves the instruction bus, port B the data bus; both are full read/write ports so the
// module does not care which bus sits where. The image is loaded with $readmemh from InitFile
// (one 32-bit word per line, word 0 at address 0).
//
// Each port is Wishbone classic with registered acknowledge. A single access takes two cycles.
// Incrementing bursts (CTI=3'b010, as issued by the VexRiscv cache refills) are acknowledged on
// every cycle: while acking beat n with CTI=010 the port already reads beat n+1. Writes are
// always single beats (the VexRiscv data cache is write-through with single-word writes).

`default_nettype none

module soc_ram #(
  parameter int AddrWidth = 14,   // word address bits (14 = 64 KiB)
  parameter     InitFile  = ""    // $readmemh image (soc_top passes build/fw/fw.hex); "" = none
) (
  input  logic                 clk_i,
  input  logic                 rst_i,

  input  logic                 a_cyc_i,
  input  logic                 a_stb_i,
  input  logic                 a_we_i,
  input  logic [AddrWidth-1:0] a_adr_i,                  // word address
  input  logic [31:0]          a_dat_i,
  input  logic [3:0]           a_sel_i,
  input  logic [2:0]           a_cti_i,
  output logic [31:0]          a_dat_o,
  output logic                 a_ack_o,

  input  logic                 b_cyc_i,
  input  logic                 b_stb_i,
  input  logic                 b_we_i,
  input  logic [AddrWidth-1:0] b_adr_i,
  input  logic [31:0]          b_dat_i,
  input  logic [3:0]           b_sel_i,
  input  logic [2:0]           b_cti_i,
  output logic [31:0]          b_dat_o,
  output logic                 b_ack_o
);

  localparam int Words = 1 << AddrWidth;
  localparam logic [2:0] CtiIncr = 3'b010;

  logic [31:0] mem_q [Words];

  initial begin
    if (InitFile != "") begin
      $readmemh(InitFile, mem_q);
    end
  end

  ////////////////////
  // Port control  //
  ////////////////////

  // An ack is presented only while the master still strobes, so a speculative burst read that
  // the master abandons is never seen.
  logic a_ack_q, b_ack_q;
  logic a_en, b_en, a_wr, b_wr;
  logic [AddrWidth-1:0] a_addr, b_addr;

  assign a_ack_o = a_ack_q & a_cyc_i & a_stb_i;
  assign b_ack_o = b_ack_q & b_cyc_i & b_stb_i;

  // New access when no ack is showing; the next burst beat when acking a CTI=010 read beat.
  assign a_en   = a_cyc_i & a_stb_i & (!a_ack_o | (!a_we_i & (a_cti_i == CtiIncr)));
  assign b_en   = b_cyc_i & b_stb_i & (!b_ack_o | (!b_we_i & (b_cti_i == CtiIncr)));
  assign a_wr   = a_en & a_we_i;
  assign b_wr   = b_en & b_we_i;
  assign a_addr = a_ack_o ? a_adr_i + 1'b1 : a_adr_i;
  assign b_addr = b_ack_o ? b_adr_i + 1'b1 : b_adr_i;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      a_ack_q <= 1'b0;
      b_ack_q <= 1'b0;
    end else begin
      a_ack_q <= a_en;
      b_ack_q <= b_en;
    end
  end

  ////////////////
  // Storage   //
  ////////////////

  always_ff @(posedge clk_i) begin
    if (a_en) begin
      a_dat_o <= mem_q[a_addr];
    end
    for (int i = 0; i < 4; i++) begin
      if (a_wr && a_sel_i[i]) begin
        mem_q[a_addr][8*i +: 8] <= a_dat_i[8*i +: 8];
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (b_en) begin
      b_dat_o <= mem_q[b_addr];
    end
    for (int i = 0; i < 4; i++) begin
      if (b_wr && b_sel_i[i]) begin
        mem_q[b_addr][8*i +: 8] <= b_dat_i[8*i +: 8];
      end
    end
  end

endmodule

`default_nettype wire
