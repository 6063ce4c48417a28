// SPDX-License-Identifier: Apache-2.0
// msi_cfg_tbl of the IOMMU register page (IOMMU spec 6.27, architecture.md §4): per vector
// msi_addr[55:2], msi_data and vec_ctl.M.
//
// Part of iommu_regfile: it passes the decoded page writes (firmware first, then host, per word)
// and reads two doublewords (host, firmware); a read outside the table returns 0.

`default_nettype none

module iommu_regfile_msi #(
  // Layout and masks, set by iommu_regfile from rtl/iommu_regs.svh.
  parameter int          NumVec    = 1,   // table entries
  parameter int          WMsi      = 0,   // word index of msi_addr_0
  parameter int          WStep     = 4,   // words per entry
  parameter int          WData     = 2,   // word of msi_data within an entry
  parameter int          WCtl      = 3,   // word of vec_ctl within an entry
  parameter logic [63:0] AddrS     = '0,  // store / host-RW masks
  parameter logic [63:0] AddrM     = '0,
  parameter logic [31:0] DataS     = '0,
  parameter logic [31:0] DataM     = '0,
  parameter logic [31:0] CtlS      = '0,
  parameter logic [31:0] CtlM      = '0
) (
  input  wire logic        clk_i,
  input  wire logic        rst_i,

  input  wire logic        fw_we_i,     // firmware write of page word fw_w_i
  input  wire logic [7:0]  fw_w_i,
  input  wire logic [1:0]  fw_op_i,     // 0 raw write, 1 set bits, 2 clear bits
  input  wire logic [31:0] fw_wdata_i,
  input  wire logic        h_lo_i,      // host write of the low / high word of doubleword h_dw_i
  input  wire logic        h_hi_i,
  input  wire logic [6:0]  h_dw_i,
  input  wire logic [63:0] h_data_i,

  input  wire logic [6:0]  rd0_dw_i,
  output      logic [63:0] rd0_o,
  input  wire logic [6:0]  rd1_dw_i,
  output      logic [63:0] rd1_o
);

  localparam logic [1:0] FwOpRaw = 2'd0;
  localparam logic [1:0] FwOpSet = 2'd1;
  localparam logic [1:0] FwOpClr = 2'd2;

  localparam logic [6:0] DwMsi = 7'(WMsi >> 1);

  function automatic logic hhit(input logic lo, input logic hi, input logic [6:0] dw, input int w);
    hhit = ({25'd0, dw} == (w >> 1)) && (w[0] ? hi : lo);
  endfunction

  function automatic logic fhit(input logic en, input logic [7:0] fw, input int w);
    fhit = en && ({24'd0, fw} == w);
  endfunction

  // One word: firmware write of the stored bits s, then host write of the bits m.
  function automatic logic [31:0] wr_word(input logic [31:0] q, input logic fw_en,
                                          input logic [1:0] op, input logic [31:0] fd,
                                          input logic host_en, input logic [31:0] hd,
                                          input logic [31:0] s, input logic [31:0] m);
    logic [31:0] d;
    d = q;
    if (fw_en) begin
      case (op)
        FwOpRaw: d = (d & ~s) | (fd & s);
        FwOpSet: d = d | (fd & s);
        FwOpClr: d = d & ~(fd & s);
        default: ;
      endcase
    end
    if (host_en) begin
      d = (d & ~m) | (hd & m);
    end
    wr_word = d & s;
  endfunction

  logic [31:0] hd_lo, hd_hi;
  assign hd_lo = h_data_i[31:0];
  assign hd_hi = h_data_i[63:32];

  logic [53:0] addr_q [NumVec];  // msi_addr[55:2]
  logic [53:0] addr_d [NumVec];
  logic [31:0] data_q [NumVec];
  logic [31:0] data_d [NumVec];
  logic        ctl_q  [NumVec];  // vec_ctl.M
  logic        ctl_d  [NumVec];

  for (genvar i = 0; i < NumVec; i++) begin : gen_vec
    localparam int WA = WMsi + WStep * i;
    logic [63:0] a_v, a_n;
    logic [31:0] d_n, c_n;
    assign a_v = {8'd0, addr_q[i], 2'd0};
    assign a_n[31:0]  = wr_word(a_v[31:0], fhit(fw_we_i, fw_w_i, WA), fw_op_i, fw_wdata_i,
                                hhit(h_lo_i, h_hi_i, h_dw_i, WA), hd_lo, AddrS[31:0],
                                AddrM[31:0]);
    assign a_n[63:32] = wr_word(a_v[63:32], fhit(fw_we_i, fw_w_i, WA + 1), fw_op_i, fw_wdata_i,
                                hhit(h_lo_i, h_hi_i, h_dw_i, WA + 1), hd_hi, AddrS[63:32],
                                AddrM[63:32]);
    assign d_n = wr_word(data_q[i], fhit(fw_we_i, fw_w_i, WA + WData), fw_op_i, fw_wdata_i,
                         hhit(h_lo_i, h_hi_i, h_dw_i, WA + WData), hd_lo, DataS, DataM);
    assign c_n = wr_word({31'd0, ctl_q[i]}, fhit(fw_we_i, fw_w_i, WA + WCtl), fw_op_i,
                         fw_wdata_i, hhit(h_lo_i, h_hi_i, h_dw_i, WA + WCtl), hd_hi, CtlS, CtlM);
    assign addr_d[i] = a_n[55:2];
    assign data_d[i] = d_n;
    assign ctl_d[i]  = c_n[0];

    logic unused_n;
    assign unused_n = ^{a_n[63:56], a_n[1:0], c_n[31:1]};
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      for (int i = 0; i < NumVec; i++) begin
        addr_q[i] <= '0;
        data_q[i] <= '0;
        ctl_q[i]  <= 1'b0;
      end
    end else begin
      for (int i = 0; i < NumVec; i++) begin
        addr_q[i] <= addr_d[i];
        data_q[i] <= data_d[i];
        ctl_q[i]  <= ctl_d[i];
      end
    end
  end

  ///////////
  // Reads //
  ///////////

  // Entry i: doubleword DwMsi+2i = msi_addr, DwMsi+2i+1 = {vec_ctl, msi_data}.
  logic [13:0]  rdw;   // {port 1, port 0}
  logic [127:0] rdv;
  assign rdw   = {rd1_dw_i, rd0_dw_i};
  assign rd0_o = rdv[63:0];
  assign rd1_o = rdv[127:64];

  for (genvar p = 0; p < 2; p++) begin : gen_rd
    logic [6:0] dw, off;
    logic [3:0] e;
    logic       odd;
    assign dw  = rdw[p*7 +: 7];
    assign off = dw - DwMsi;
    assign e   = off[4:1];
    assign odd = off[0];
    assign rdv[p*64 +: 64] = (dw < DwMsi) ? 64'd0 :
                    odd ? {31'd0, ctl_q[e], data_q[e]} : {8'd0, addr_q[e], 2'd0};
    logic unused_off;
    assign unused_off = ^off[6:5];
  end

endmodule
