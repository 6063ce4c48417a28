// SPDX-License-Identifier: Apache-2.0
// Access select and write unit of the IOMMU register page (architecture.md §4).
//
// Part of iommu_regfile. The page has one access per cycle: the firmware port, else a host
// write, else a host read (iommu_regfile_axil holds the host channels to keep them apart). The
// access addresses one doubleword; its current value q_i comes back from the page's read mux
// and this unit merges it with the written data into one 64-bit value wv_o, which every
// register of the page takes under its own write enable:
//   firmware: raw write, set bits, clear bits (no host rules);
//   host: RW bits take the data, RW1C bits clear where it is 1, RW1S bits set where it is 1,
//   others keep q_i. WARL rules that depend on other registers apply to the host data first.

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

  output      logic [8:0]  dw_o,        // doubleword accessed (0x80+: firmware-private)
  output      logic        we_lo_o,     // write its low / high word
  output      logic        we_hi_o,
  output      logic        host_o,      // host write (host rules, doorbells)
  input  wire logic [63:0] q_i,         // current value of dw_o
  output      logic [63:0] wv_o
);

  // The page layout; most of its constants are not needed here.
  /* verilator lint_off UNUSEDPARAM */
  `include "iommu_regs.svh"
  /* verilator lint_on UNUSEDPARAM */

  localparam logic [1:0] FwOpRaw = 2'd0;
  localparam logic [1:0] FwOpSet = 2'd1;
  localparam logic [1:0] FwOpClr = 2'd2;

  localparam logic [8:0] DwCaps   = {2'd0, RISCV_IOMMU_REG_CAPABILITIES[9:3]};
  localparam logic [8:0] DwFctl   = {2'd0, RISCV_IOMMU_REG_FCTL[9:3]};
  localparam logic [8:0] DwCqb    = {2'd0, RISCV_IOMMU_REG_CQB[9:3]};
  localparam logic [8:0] DwCqh    = {2'd0, RISCV_IOMMU_REG_CQH[9:3]};    // cqh, cqt
  localparam logic [8:0] DwFqb    = {2'd0, RISCV_IOMMU_REG_FQB[9:3]};
  localparam logic [8:0] DwFqh    = {2'd0, RISCV_IOMMU_REG_FQH[9:3]};    // fqh, fqt
  localparam logic [8:0] DwCsr    = {2'd0, RISCV_IOMMU_REG_CQCSR[9:3]};  // cqcsr, fqcsr
  localparam logic [8:0] DwIpsr   = {2'd0, RISCV_IOMMU_REG_IPSR[9:3]};   // pqcsr, ipsr
  localparam logic [8:0] DwTrIova = {2'd0, RISCV_IOMMU_REG_TR_REQ_IOVA[9:3]};
  localparam logic [8:0] DwTrCtl  = {2'd0, RISCV_IOMMU_REG_TR_REQ_CTL[9:3]};
  localparam logic [8:0] DwTrRsp  = {2'd0, RISCV_IOMMU_REG_TR_RESPONSE[9:3]};
  localparam logic [8:0] DwIcvec  = {2'd0, RISCV_IOMMU_REG_ICVEC[9:3]};
  localparam logic [31:0] Log2Max = RISCV_IOMMU_CQ_LOG2SZ_1_MAX;

  // Host masks per doubleword ({high word, low word}): {RW1S, RW1C, RW}. ddtp takes the whole
  // value (it goes to FW_DDTP_REQ); the HPM and msi_cfg_tbl registers are RW.
  function automatic logic [191:0] host_masks(input logic [8:0] dw);
    case (dw)
      DwCaps:   host_masks = {64'd0, 64'd0, 64'd0};
      DwFctl:   host_masks = {64'd0, 64'd0, {32'd0, RISCV_IOMMU_FCTL_WMASK[31:0]}};
      DwCqb:    host_masks = {64'd0, 64'd0, RISCV_IOMMU_CQB_WMASK};
      DwFqb:    host_masks = {64'd0, 64'd0, RISCV_IOMMU_FQB_WMASK};
      DwCqh:    host_masks = {64'd0, 64'd0, RISCV_IOMMU_CQT_WMASK[31:0],
                              RISCV_IOMMU_CQH_WMASK[31:0]};
      DwFqh:    host_masks = {64'd0, 64'd0, RISCV_IOMMU_FQT_WMASK[31:0],
                              RISCV_IOMMU_FQH_WMASK[31:0]};
      DwCsr:    host_masks = {64'd0, RISCV_IOMMU_FQCSR_W1C[31:0], RISCV_IOMMU_CQCSR_W1C[31:0],
                              RISCV_IOMMU_FQCSR_WMASK[31:0], RISCV_IOMMU_CQCSR_WMASK[31:0]};
      DwIpsr:   host_masks = {64'd0, RISCV_IOMMU_IPSR_W1C[31:0], 32'd0,
                              RISCV_IOMMU_IPSR_WMASK[31:0], 32'd0};
      DwTrIova: host_masks = {64'd0, 64'd0, RISCV_IOMMU_TR_REQ_IOVA_WMASK};
      DwTrCtl:  host_masks = {RISCV_IOMMU_TR_REQ_CTL_W1S, 64'd0, RISCV_IOMMU_TR_REQ_CTL_WMASK};
      DwTrRsp:  host_masks = {64'd0, 64'd0, 64'd0};
      DwIcvec:  host_masks = {64'd0, 64'd0, {32'd0, RISCV_IOMMU_ICVEC_WMASK[31:0]}};
      default:  host_masks = {64'd0, 64'd0, {64{1'b1}}};
    endcase
  endfunction

  // Index bits of a queue of 2^(log2sz_1+1) entries (spec 6.8: only LOG2SZ-1:0 writable).
  function automatic logic [31:0] qmask(input logic [4:0] log2sz_1);
    qmask = ~(32'hFFFF_FFFE << log2sz_1);
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
  assign we_lo_o = fw_req_i ? (fw_we_i && !fw_addr_i[2]) : (h_wr && wr_lo_i);
  assign we_hi_o = fw_req_i ? (fw_we_i && fw_addr_i[2]) : (h_wr && wr_hi_i);

  logic [31:0]  hx_lo, hx_hi;
  logic [4:0]   lg;
  logic [63:0]  hx, hm, hc, ht, fd;
  logic [191:0] masks;
  assign lg    = clamp_log2(wr_data_i[4:0]);
  assign hx_lo = (dw_o == DwCqb || dw_o == DwFqb) ? {wr_data_i[31:5], lg} :
                 (dw_o == DwFqh) ? (wr_data_i[31:0] & qmask(fqb_log2_i)) : wr_data_i[31:0];
  assign hx_hi = (dw_o == DwCqh) ? (wr_data_i[63:32] & qmask(cqb_log2_i)) : wr_data_i[63:32];
  assign hx    = {hx_hi, hx_lo};
  assign masks = host_masks(dw_o);
  assign hm    = masks[63:0];
  assign hc    = masks[127:64];
  assign ht    = masks[191:128];
  assign fd    = {fw_wdata_i, fw_wdata_i};

  always_comb begin
    if (fw_req_i) begin
      case (fw_op_i)
        FwOpRaw: wv_o = fd;
        FwOpSet: wv_o = q_i | fd;
        FwOpClr: wv_o = q_i & ~fd;
        default: wv_o = q_i;
      endcase
    end else begin
      wv_o = ((q_i & ~hm) | (hx & (hm | ht))) & ~(hx & hc);
    end
  end

endmodule
