// SPDX-License-Identifier: Apache-2.0
// HPM registers of the IOMMU register page (IOMMU spec 6.19-6.23, architecture.md §4):
// iocountovf, iocountinh, iohpmcycles, iohpmctr1..N and iohpmevt1..N, with the event filters.
//
// Part of iommu_regfile: it passes the decoded page writes (firmware first, then host, per word)
// and reads two doublewords (host, firmware); a read outside these registers returns 0. A counter
// does not count in a cycle in which either half of it is written.

`default_nettype none

module iommu_regfile_hpm #(
  // Layout and masks, set by iommu_regfile from rtl/iommu_regs.svh.
  parameter int          NumCtr    = 1,   // iohpmctr / iohpmevt implemented
  parameter int          WInh      = 0,   // word index of iocountinh (iocountovf is WInh-1)
  parameter int          WCycles   = 0,   // word index of iohpmcycles
  parameter int          WCtr1     = 0,   // word index of iohpmctr1
  parameter int          WEvt1     = 0,   // word index of iohpmevt1
  parameter logic [31:0] InhStore  = '0,
  parameter logic [31:0] InhWmask  = '0,
  parameter logic [31:0] InhReset  = '0,
  parameter logic [63:0] CycStore  = '0,
  parameter logic [63:0] CycWmask  = '0,
  parameter logic [63:0] CtrStore  = '0,
  parameter logic [63:0] CtrWmask  = '0,
  parameter logic [63:0] EvtStore  = '0,
  parameter logic [63:0] EvtWmask  = '0
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
  output      logic [63:0] rd1_o,

  output      logic        pmip_o,      // some OF bit is set (ipsr.pmip source)

  input  wire logic [8:0]  hpm_evt_i,   // bit n pulses for standard HPM event n (bit 0 unused)
  input  wire logic [23:0] hpm_did_i,
  input  wire logic [19:0] hpm_pid_i,
  input  wire logic        hpm_pv_i,
  input  wire logic [15:0] hpm_gscid_i,
  input  wire logic        hpm_gscv_i,
  input  wire logic [19:0] hpm_pscid_i,
  input  wire logic        hpm_pscv_i
);

  localparam logic [1:0] FwOpRaw = 2'd0;
  localparam logic [1:0] FwOpSet = 2'd1;
  localparam logic [1:0] FwOpClr = 2'd2;

  localparam logic [6:0] DwOvf    = 7'(WInh >> 1);  // iocountovf, iocountinh
  localparam logic [6:0] DwCycles = 7'(WCycles >> 1);
  localparam logic [6:0] DwCtr1   = 7'(WCtr1 >> 1);
  localparam logic [6:0] DwEvt1   = 7'(WEvt1 >> 1);

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

  //////////////////////////
  // iocountinh, overflow //
  //////////////////////////

  logic [7:0]  inh_q, inh_d, ovf_q, ovf;
  logic [31:0] inh_n;
  assign inh_n = wr_word({24'd0, inh_q}, fhit(fw_we_i, fw_w_i, WInh), fw_op_i, fw_wdata_i,
                         hhit(h_lo_i, h_hi_i, h_dw_i, WInh), hd_hi,
                         InhStore, InhWmask);
  assign inh_d = inh_n[7:0];

  // iocountovf mirrors the OF bits one cycle later; writes to it have no effect.
  logic [NumCtr-1:0] evt_of;
  logic [63:0]       cyc_q;
  assign ovf = {evt_of, cyc_q[63]};  // CY, HPM[NumCtr:1] (NumCtr = 7)
  assign pmip_o  = |ovf;

  /////////////////
  // iohpmcycles //
  /////////////////

  // Counter[62:0] + OF[63], sticky on wrap; a write in the same cycle wins.
  logic [63:0] cyc_n, cyc_d, cyc_inc;
  logic        cyc_hit;
  assign cyc_hit = fhit(fw_we_i, fw_w_i, WCycles) || fhit(fw_we_i, fw_w_i, WCycles + 1) ||
                   hhit(h_lo_i, h_hi_i, h_dw_i, WCycles) ||
                   hhit(h_lo_i, h_hi_i, h_dw_i, WCycles + 1);
  assign cyc_n[31:0]  = wr_word(cyc_q[31:0], fhit(fw_we_i, fw_w_i, WCycles), fw_op_i, fw_wdata_i,
                                hhit(h_lo_i, h_hi_i, h_dw_i, WCycles), hd_lo, CycStore[31:0],
                                CycWmask[31:0]);
  assign cyc_n[63:32] = wr_word(cyc_q[63:32], fhit(fw_we_i, fw_w_i, WCycles + 1), fw_op_i,
                                fw_wdata_i, hhit(h_lo_i, h_hi_i, h_dw_i, WCycles + 1), hd_hi,
                                CycStore[63:32], CycWmask[63:32]);
  assign cyc_inc = {cyc_q[63] | (&cyc_q[62:0]), cyc_q[62:0] + 63'd1};
  assign cyc_d   = (!inh_q[0] && !cyc_hit) ? cyc_inc : cyc_n;

  ///////////////////////////////
  // iohpmctrN and iohpmevtN //
  ///////////////////////////////

  logic [63:0] ctr_q [NumCtr];
  logic [63:0] ctr_d [NumCtr];
  logic [63:0] evt_q [NumCtr];
  logic [63:0] evt_d [NumCtr];

  for (genvar n = 0; n < NumCtr; n++) begin : gen_ctr
    localparam int WC = WCtr1 + 2 * n;
    localparam int WE = WEvt1 + 2 * n;
    logic [63:0] k, ev, k_n, ev_n;
    logic        hit, tick, cnt;
    assign k  = ctr_q[n];
    assign ev = evt_q[n];
    assign k_n[31:0]   = wr_word(k[31:0], fhit(fw_we_i, fw_w_i, WC), fw_op_i, fw_wdata_i,
                                 hhit(h_lo_i, h_hi_i, h_dw_i, WC), hd_lo, CtrStore[31:0],
                                 CtrWmask[31:0]);
    assign k_n[63:32]  = wr_word(k[63:32], fhit(fw_we_i, fw_w_i, WC + 1), fw_op_i, fw_wdata_i,
                                 hhit(h_lo_i, h_hi_i, h_dw_i, WC + 1), hd_hi, CtrStore[63:32],
                                 CtrWmask[63:32]);
    assign ev_n[31:0]  = wr_word(ev[31:0], fhit(fw_we_i, fw_w_i, WE), fw_op_i, fw_wdata_i,
                                 hhit(h_lo_i, h_hi_i, h_dw_i, WE), hd_lo, EvtStore[31:0],
                                 EvtWmask[31:0]);
    assign ev_n[63:32] = wr_word(ev[63:32], fhit(fw_we_i, fw_w_i, WE + 1), fw_op_i, fw_wdata_i,
                                 hhit(h_lo_i, h_hi_i, h_dw_i, WE + 1), hd_hi, EvtStore[63:32],
                                 EvtWmask[63:32]);
    assign hit = fhit(fw_we_i, fw_w_i, WC) || fhit(fw_we_i, fw_w_i, WC + 1) ||
                 hhit(h_lo_i, h_hi_i, h_dw_i, WC) || hhit(h_lo_i, h_hi_i, h_dw_i, WC + 1);

    // iohpmevtN filter (spec 6.23). IDT=0: DID_GSCID is a device_id, PID_PSCID a process_id;
    // IDT=1: GSCID and PSCID of the request's context (valid only when that stage is active).
    // DV_GSCV=1 applies the DID_GSCID filter, with DMASK=1 ignoring the bits of DID_GSCID up to
    // and including its lowest 0 bit (a naturally aligned range); PV_PSCV=1 applies PID_PSCID
    // (exact; a request without a process_id / PSCID never matches).
    logic [23:0] fid, fmask, rid;
    logic [19:0] rpid;
    logic [14:0] eid;
    logic        rid_v, rpid_v, id_ok, pid_ok;
    assign eid    = ev[14:0];
    assign fid    = ev[59:36];
    assign fmask  = ev[15] ? (fid ^ (fid + 24'd1)) : 24'd0;
    assign rid    = ev[62] ? {8'd0, hpm_gscid_i} : hpm_did_i;
    assign rid_v  = ev[62] ? hpm_gscv_i : 1'b1;
    assign rpid   = ev[62] ? hpm_pscid_i : hpm_pid_i;
    assign rpid_v = ev[62] ? hpm_pscv_i : hpm_pv_i;
    assign id_ok  = !ev[61] || (rid_v && (((rid ^ fid) & ~fmask) == 24'd0));
    assign pid_ok = !ev[60] || (rpid_v && (rpid == ev[35:16]));

    // Counts event eventID of requests that pass the filter; a wrap sets OF.
    assign tick = eid >= 15'd1 && eid <= 15'd8 && hpm_evt_i[eid[3:0]] && id_ok && pid_ok;
    assign cnt  = tick && !inh_q[n+1] && !hit;
    assign ctr_d[n]  = cnt ? k + 64'd1 : k_n;
    assign evt_d[n]  = {ev_n[63] | (cnt && (&k)), ev_n[62:0]};
    assign evt_of[n] = ev[63];
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      inh_q <= InhReset[7:0];
      ovf_q <= '0;
      cyc_q <= '0;
      for (int n = 0; n < NumCtr; n++) begin
        ctr_q[n] <= '0;
        evt_q[n] <= '0;
      end
    end else begin
      inh_q <= inh_d;
      ovf_q <= ovf;
      cyc_q <= cyc_d;
      for (int n = 0; n < NumCtr; n++) begin
        ctr_q[n] <= ctr_d[n];
        evt_q[n] <= evt_d[n];
      end
    end
  end

  ///////////
  // Reads //
  ///////////

  logic [13:0]  rdw;   // {port 1, port 0}
  logic [127:0] rdv;
  assign rdw   = {rd1_dw_i, rd0_dw_i};
  assign rd0_o = rdv[63:0];
  assign rd1_o = rdv[127:64];

  for (genvar p = 0; p < 2; p++) begin : gen_rd
    logic [6:0]  dw, ci, ei;
    logic [2:0]  cs, es;
    logic [63:0] v;
    assign dw = rdw[p*7 +: 7];
    assign ci = dw - DwCtr1;
    assign ei = dw - DwEvt1;
    assign cs = ci[2:0];
    assign es = ei[2:0];
    always_comb begin
      v = 64'd0;
      if (dw == DwOvf) begin
        v = {24'd0, inh_q, 24'd0, ovf_q};
      end else if (dw == DwCycles) begin
        v = cyc_q;
      end else if (dw >= DwCtr1 && {25'd0, ci} < NumCtr) begin
        v = ctr_q[cs];
      end else if (dw >= DwEvt1 && {25'd0, ei} < NumCtr) begin
        v = evt_q[es];
      end
    end
    assign rdv[p*64 +: 64] = v;
  end

  logic unused_bits;
  assign unused_bits = ^{inh_n[31:8]};

endmodule
