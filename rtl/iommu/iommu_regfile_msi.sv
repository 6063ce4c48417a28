// SPDX-License-Identifier: Apache-2.0
// msi_cfg_tbl of the IOMMU register page (IOMMU spec 6.27, architecture.md §4): per vector
// msi_addr[55:2], msi_data and vec_ctl.M.
//
// Part of iommu_regfile: it passes the page access of this cycle (one doubleword, one value
// already merged by the page's write unit) and reads back the addressed doubleword (0 outside
// the table). The table is four distributed RAMs (msi_addr low / high word, msi_data, vec_ctl)
// with one write port and an asynchronous read port, all indexed by the accessed entry. RAMs
// have no reset: for 16 cycles after reset (init_o) the table clears one entry per cycle with
// wv_i = 0 (clr_i: no firmware access this cycle; the host port is held meanwhile).

`default_nettype none

module iommu_regfile_msi #(
  parameter int         NumVec = 16,   // table entries (at most 16)
  parameter logic [6:0] DwMsi  = '0    // doubleword index of msi_addr_0
) (
  input  wire logic        clk_i,
  input  wire logic        rst_i,

  input  wire logic [6:0]  dw_i,        // doubleword accessed this cycle
  input  wire logic        we_lo_i,     // write its low / high word with wv_i
  input  wire logic        we_hi_i,
  input  wire logic [63:0] wv_i,
  output      logic [63:0] rd_o,
  output      logic        init_o,      // clearing after reset
  input  wire logic        clr_i        // clear the next entry this cycle (wv_i is 0)
);

  // Entry e: doubleword DwMsi+2e = msi_addr, DwMsi+2e+1 = {vec_ctl, msi_data}.
  logic [6:0] off;
  logic [3:0] e, e_acc;
  logic [4:0] clr_q;   // next entry to clear; bit 4: done
  assign init_o = !clr_q[4];
  logic       odd, hit;
  assign off = dw_i - DwMsi;
  assign e_acc = off[4:1];
  assign e     = clr_i ? clr_q[3:0] : e_acc;
  assign odd = off[0];
  assign hit = (dw_i >= DwMsi) && ({25'd0, off} < 2 * NumVec);

  logic we_al, we_ah, we_d, we_c;
  assign we_al = clr_i || (hit && !odd && we_lo_i);
  assign we_ah = clr_i || (hit && !odd && we_hi_i);
  assign we_d  = clr_i || (hit && odd && we_lo_i);
  assign we_c  = clr_i || (hit && odd && we_hi_i);

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      clr_q <= '0;
    end else if (clr_i) begin
      clr_q <= clr_q + 5'd1;
    end
  end

  logic [29:0] al_mem [16];  // msi_addr[31:2]
  logic [23:0] ah_mem [16];  // msi_addr[55:32]
  logic [31:0] d_mem  [16];  // msi_data
  logic        c_mem  [16];  // vec_ctl.M

  logic [29:0] al_wd;
  logic [23:0] ah_wd;
  logic [31:0] d_wd;
  logic        c_wd;
  assign al_wd = wv_i[31:2];
  assign ah_wd = wv_i[55:32];
  assign d_wd  = wv_i[31:0];
  assign c_wd  = wv_i[32];

  always_ff @(posedge clk_i) begin
    if (we_al) al_mem[e] <= al_wd;
    if (we_ah) ah_mem[e] <= ah_wd;
    if (we_d)  d_mem[e]  <= d_wd;
    if (we_c)  c_mem[e]  <= c_wd;
  end

  logic [29:0] al_rd;
  logic [23:0] ah_rd;
  logic [31:0] d_rd;
  logic        c_rd;
  assign al_rd = al_mem[e];
  assign ah_rd = ah_mem[e];
  assign d_rd  = d_mem[e];
  assign c_rd  = c_mem[e];

  logic s_al, s_ah, s_d, s_c;
  assign s_al = hit && !odd;
  assign s_ah = hit && !odd;
  assign s_d  = hit && odd;
  assign s_c  = hit && odd;

  assign rd_o = {8'd0, ah_rd & {24{s_ah}}, 30'd0, 2'd0} |
                {31'd0, c_rd & s_c, d_rd & {32{s_d}}} |
                {32'd0, al_rd & {30{s_al}}, 2'd0};

  logic unused_bits;
  assign unused_bits = ^{off[6:5], wv_i[63:56], wv_i[1:0]};

endmodule
