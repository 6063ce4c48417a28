// SPDX-License-Identifier: Apache-2.0
// Debug translation registers of the IOMMU register page (IOMMU spec 6.24-6.26,
// architecture.md §4): tr_req_iova, tr_req_ctl and tr_response.
//
// Part of iommu_regfile: it passes the page access of this cycle (one doubleword, one value
// already merged by the page's write unit) and reads back the addressed doubleword (0 outside
// these registers). Host writes to tr_req_* are ignored while Go/Busy is set; the result from
// iommu_dbg lands in tr_response and clears Go/Busy in the same cycle.

`default_nettype none

module iommu_regfile_tr #(
  parameter logic [6:0] DwIova = '0,   // doubleword indices in the page
  parameter logic [6:0] DwCtl  = '0,
  parameter logic [6:0] DwRsp  = '0
) (
  input  wire logic        clk_i,
  input  wire logic        rst_i,

  input  wire logic [6:0]  dw_i,        // doubleword accessed this cycle
  input  wire logic        we_lo_i,     // write its low / high word with wv_i
  input  wire logic        we_hi_i,
  input  wire logic        host_i,      // the access comes from the host port
  input  wire logic [63:0] wv_i,
  output      logic [63:0] rd_o,

  output      logic [63:0] tr_req_iova_o,
  output      logic [63:0] tr_req_ctl_o,
  input  wire logic        tr_resp_valid_i,
  input  wire logic [63:0] tr_resp_i
);

  logic [19:0] iova_lq;   // tr_req_iova[31:12]
  logic [31:0] iova_hq;   // tr_req_iova[63:32]
  logic [3:0]  a_q, a_d;  // nw, exe, priv, go/busy
  logic [19:0] pid_q, pid_d;
  logic        pv_q, pv_d;
  logic [23:0] did_q, did_d;
  logic        f_q, f_d;  // tr_response.fault
  logic [24:0] rsp_lq, rsp_ld;  // tr_response[31:7]
  logic [21:0] rsp_hq, rsp_hd;  // tr_response[53:32]
  logic [19:0] iova_ld;
  logic [31:0] iova_hd;

  logic [63:0] iova_v, ctl_v, rsp_v;
  assign iova_v = {iova_hq, iova_lq, 12'd0};
  assign ctl_v  = {did_q, 7'd0, pv_q, pid_q, 8'd0, a_q};
  assign rsp_v  = {10'd0, rsp_hq, rsp_lq, 6'd0, f_q};

  // tr_req_* are frozen for the host while Go/Busy.
  logic req_ok, iova_lo, iova_hi, ctl_lo, ctl_hi, rsp_lo, rsp_hi, a_en, f_en, rl_en, rh_en;
  assign req_ok  = !(host_i && a_q[0]);
  assign iova_lo = we_lo_i && req_ok && (dw_i == DwIova);
  assign iova_hi = we_hi_i && req_ok && (dw_i == DwIova);
  assign ctl_lo  = we_lo_i && req_ok && (dw_i == DwCtl);
  assign ctl_hi  = we_hi_i && req_ok && (dw_i == DwCtl);
  assign rsp_lo  = we_lo_i && !host_i && (dw_i == DwRsp);  // host: read-only
  assign rsp_hi  = we_hi_i && !host_i && (dw_i == DwRsp);

  assign iova_ld = wv_i[31:12];
  assign iova_hd = wv_i[63:32];
  assign a_en    = ctl_lo || tr_resp_valid_i;
  assign a_d     = (ctl_lo ? {wv_i[3:1], wv_i[0] | (host_i && a_q[0])} : a_q) &
                   ~{3'd0, tr_resp_valid_i};  // host: Go is RW1S
  assign pid_d   = wv_i[31:12];
  assign pv_d    = wv_i[32];
  assign did_d   = wv_i[63:40];
  assign f_en    = rsp_lo || tr_resp_valid_i;
  assign rl_en   = rsp_lo || tr_resp_valid_i;
  assign rh_en   = rsp_hi || tr_resp_valid_i;
  assign f_d     = tr_resp_valid_i ? tr_resp_i[0] : wv_i[0];
  assign rsp_ld  = tr_resp_valid_i ? tr_resp_i[31:7] : wv_i[31:7];
  assign rsp_hd  = tr_resp_valid_i ? tr_resp_i[53:32] : wv_i[53:32];

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      iova_lq <= '0;
      iova_hq <= '0;
      a_q     <= '0;
      pid_q   <= '0;
      pv_q    <= 1'b0;
      did_q   <= '0;
      f_q     <= 1'b0;
      rsp_lq  <= '0;
      rsp_hq  <= '0;
    end else begin
      if (iova_lo) iova_lq <= iova_ld;
      if (iova_hi) iova_hq <= iova_hd;
      if (a_en)    a_q     <= a_d;
      if (ctl_lo)  pid_q   <= pid_d;
      if (ctl_hi)  pv_q    <= pv_d;
      if (ctl_hi)  did_q   <= did_d;
      if (f_en)    f_q     <= f_d;
      if (rl_en)   rsp_lq  <= rsp_ld;
      if (rh_en)   rsp_hq  <= rsp_hd;
    end
  end

  // AND-OR of the doubleword selects (they are disjoint).
  assign rd_o = (iova_v & {64{dw_i == DwIova}}) | (ctl_v & {64{dw_i == DwCtl}}) |
                (rsp_v & {64{dw_i == DwRsp}});

  assign tr_req_iova_o = iova_v;
  assign tr_req_ctl_o  = ctl_v;

  logic unused_bits;
  assign unused_bits = ^{tr_resp_i[63:54], tr_resp_i[6:1], wv_i[11:4], wv_i[39:33]};

endmodule
