// SPDX-License-Identifier: Apache-2.0
// Access select and write unit of the IOMMU register page (architecture.md §4).
//
// Part of iommu_regfile. The page has one access per cycle: the firmware port, else a host
// write, else a host read (iommu_regfile_axil holds the host channels to keep them apart). The
// access addresses one doubleword; this unit merges the written data into one value wv_o (a
// firmware word is replicated into both halves), which every register takes under its own
// write enable:
//   firmware: raw write; set bits, clear bits of the addressed word with its current value q_i,
//   for the words that take them (sc_ok_i, a small mux in iommu_regfile); no host rules;
//   host: the written data, after the WARL rules that depend on other registers (cqb / fqb
//   LOG2SZ-1 clamp, cqt / fqh index width). Registers with host RW1C / RW1S / read-only
//   fields apply those rules themselves (cqcsr, fqcsr, ipsr, tr_req_ctl.Go, cqh, fqt,
//   tr_response); every other stored field is host RW (IOMMU spec 6).

`default_nettype none

module iommu_regfile_wu (
  input  wire logic        fw_req_i,    // firmware access (read or write)
  input  wire logic        fw_we_i,
  input  wire logic [1:0]  fw_op_i,     // 0 raw write, 1 set bits, 2 clear bits
  input  wire logic [11:2] fw_addr_i,
  input  wire logic [31:0] fw_wdata_i,
  input  wire logic        wr_lo_i,     // host write of the low / high word of wr_dw_i
  input  wire logic        wr_hi_i,
  input  wire logic [8:0]  wr_dw_i,
  input  wire logic [63:0] wr_data_i,
  input  wire logic [8:0]  rd_dw_i,     // host read

  input  wire logic [4:0]  cqb_log2_i,  // cqb / fqb LOG2SZ-1 (cqt / fqh index width)
  input  wire logic [4:0]  fqb_log2_i,
  input  wire logic        zero_i,      // no firmware access: wv_o = 0 (msi_cfg_tbl clear)

  output      logic [8:0]  dw_o,        // doubleword accessed (0x80+: firmware-private)
  output      logic        we_lo_o,     // write its low / high word
  output      logic        we_hi_o,
  output      logic        host_o,      // host write (host rules, doorbells)
  input  wire logic        sc_ok_i,     // the firmware-addressed word takes set/clear ops
  input  wire logic [31:0] q_i,         // its current value (set/clear operand)
  output      logic [63:0] wv_o
);

  // The page layout; most of its constants are not needed here.
  /* verilator lint_off UNUSEDPARAM */
  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  // verilator lint_on UNUSEDPARAM
  /* verilator lint_on UNUSEDPARAM */

  localparam logic [1:0] FwOpRaw = 2'd0;
  localparam logic [1:0] FwOpSet = 2'd1;
  localparam logic [1:0] FwOpClr = 2'd2;

  localparam logic [8:0] DwCqb    = {2'd0, RISCV_IOMMU_REG_CQB[9:3]};
  localparam logic [8:0] DwCqh    = {2'd0, RISCV_IOMMU_REG_CQH[9:3]};    // cqh, cqt
  localparam logic [8:0] DwFqb    = {2'd0, RISCV_IOMMU_REG_FQB[9:3]};
  localparam logic [8:0] DwFqh    = {2'd0, RISCV_IOMMU_REG_FQH[9:3]};    // fqh, fqt
  localparam logic [31:0] Log2Max = RISCV_IOMMU_CQ_LOG2SZ_1_MAX;

  // Index bits of a queue of 2^(log2sz_1+1) entries (spec 6.8: only LOG2SZ-1:0 writable);
  // cqt / fqh hold 20 bits.
  function automatic logic [19:0] qmask(input logic [4:0] log2sz_1);
    for (int i = 0; i < 20; i++) begin
      qmask[i] = (i == 0) || (5'(i - 1) <= log2sz_1);
    end
  endfunction

  // cqb/fqb: LOG2SZ-1 clamps to the largest supported size.
  function automatic logic [4:0] clamp_log2(input logic [4:0] d);
    clamp_log2 = ({27'd0, d} > Log2Max) ? Log2Max[4:0] : d;
  endfunction

  // Host writes to the firmware-private part (0x400+) are dropped.
  logic h_any, h_wr;
  assign h_any   = wr_lo_i || wr_hi_i;
  assign h_wr    = h_any && (wr_dw_i[8:7] == 2'b00);
  assign host_o  = !fw_req_i && h_wr;
  assign dw_o    = fw_req_i ? fw_addr_i[11:3] : (h_any ? wr_dw_i : rd_dw_i);
  // A firmware set/clear op writes only the words that take it (sc_ok_i).
  logic fw_wr;
  assign fw_wr   = fw_we_i && ((fw_op_i == FwOpRaw) || sc_ok_i);
  assign we_lo_o = fw_req_i ? (fw_wr && !fw_addr_i[2]) : (h_wr && wr_lo_i);
  assign we_hi_o = fw_req_i ? (fw_wr && fw_addr_i[2]) : (h_wr && wr_hi_i);

  logic [31:0] hx_lo, hx_hi, fwv;
  logic [4:0]  lg;
  assign lg    = clamp_log2(wr_data_i[4:0]);
  assign hx_lo = (dw_o == DwCqb || dw_o == DwFqb) ? {wr_data_i[31:5], lg} :
                 (dw_o == DwFqh) ? {wr_data_i[31:20], wr_data_i[19:0] & qmask(fqb_log2_i)} :
                 wr_data_i[31:0];
  assign hx_hi = (dw_o == DwCqh) ? {wr_data_i[63:52], wr_data_i[51:32] & qmask(cqb_log2_i)} :
                 wr_data_i[63:32];

  // Firmware word for either half: raw, set bits, clear bits (the op never reads 3).
  always_comb begin
    case (fw_op_i)
      FwOpRaw: fwv = fw_wdata_i;
      FwOpSet: fwv = q_i | fw_wdata_i;
      FwOpClr: fwv = q_i & ~fw_wdata_i;
      default: fwv = q_i;
    endcase
  end

  assign wv_o = fw_req_i ? {fwv, fwv} : ({hx_hi, hx_lo} & {64{!zero_i}});

endmodule
