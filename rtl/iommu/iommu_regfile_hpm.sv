// SPDX-License-Identifier: Apache-2.0
// HPM registers of the IOMMU register page (IOMMU spec 6.19-6.23, architecture.md §4):
// iocountovf, iocountinh, iohpmcycles, iohpmctr1..N and iohpmevt1..N, with the event filters.
//
// Part of iommu_regfile: it passes the page access of this cycle (one doubleword, one value
// already merged by the page's write unit) and reads back the addressed doubleword (0 outside
// these registers). A counter does not count in a cycle in which either half of it is written.
//
// HpmCounters (1..31) programmable counters exist. The others are absent: iohpmctrN and
// iohpmevtN of an absent counter read 0 and ignore writes (as an absent optional register does,
// spec 6; iohpmctr is WARL), and its iocountinh bit (WARL) and iocountovf bit read 0. Software
// finds the count by writing all-ones to iocountinh and reading back which bits stuck.

`default_nettype none

module iommu_regfile_hpm #(
  // Layout and masks, set by iommu_regfile from rtl/iommu/iommu_regs.svh.
  parameter int          HpmCounters = 2,  // iohpmctr / iohpmevt implemented: 1..31 (the
                                           // spec needs iohpmctr1 and has room for 31)
  parameter int          WInh        = 0,  // word index of iocountinh (iocountovf is WInh-1)
  parameter int          WCycles     = 0,  // word index of iohpmcycles
  parameter int          WCtr1       = 0,  // word index of iohpmctr1
  parameter int          WEvt1       = 0   // word index of iohpmevt1
) (
  input  wire logic        clk_i,
  input  wire logic        rst_i,

  input  wire logic [6:0]  dw_i,        // doubleword accessed this cycle
  input  wire logic        we_lo_i,     // write its low / high word with wv_i
  input  wire logic        we_hi_i,
  input  wire logic [63:0] wv_i,
  output      logic [63:0] rd_o,

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

  localparam logic [6:0] DwOvf    = 7'(WInh >> 1);  // iocountovf, iocountinh
  localparam logic [6:0] DwCycles = 7'(WCycles >> 1);
  localparam logic [6:0] DwCtr1   = 7'(WCtr1 >> 1);
  localparam logic [6:0] DwEvt1   = 7'(WEvt1 >> 1);
  localparam int         NumCtr   = HpmCounters;
  localparam int         NumBits  = NumCtr + 1;     // CY and HPM[NumCtr:1] of iocountinh/ovf

  // DID_GSCID bits a DMASK=1 filter ignores: up to and including the lowest 0 bit.
  function automatic logic [23:0] low_ones(input logic [23:0] id);
    low_ones[0] = 1'b1;
    for (int i = 1; i < 24; i++) begin
      low_ones[i] = low_ones[i-1] && id[i-1];
    end
  endfunction

  //////////////////////////
  // iocountinh, overflow //
  //////////////////////////

  // iocountinh resets with every implemented counter inhibited (nothing counts until software
  // asks); the bits of absent counters do not exist and read 0.
  logic [NumBits-1:0] inh_q, inh_d, ovf_q, ovf;
  logic               inh_we;
  assign inh_we = we_hi_i && (dw_i == DwOvf);
  assign inh_d  = wv_i[32 +: NumBits];

  // iocountovf mirrors the OF bits one cycle later; writes to it have no effect.
  logic [NumCtr-1:0] evt_of;
  logic [63:0]       cyc_q;
  assign ovf    = {evt_of, cyc_q[63]};  // CY, HPM[NumCtr:1]
  assign pmip_o = |ovf;

  /////////////////
  // iohpmcycles //
  /////////////////

  // Counter[62:0] + OF[63], sticky on wrap; a write in the same cycle wins.
  logic [63:0] cyc_d, cyc_inc;
  logic        cyc_lo, cyc_hi, cyc_cnt, cyc_en_lo, cyc_en_hi;
  assign cyc_lo    = we_lo_i && (dw_i == DwCycles);
  assign cyc_hi    = we_hi_i && (dw_i == DwCycles);
  assign cyc_cnt   = !inh_q[0] && !cyc_lo && !cyc_hi;
  logic        cyc_wrap;
  assign {cyc_wrap, cyc_inc[62:0]} = {1'b0, cyc_q[62:0]} + 64'd1;  // carry out = wrap
  assign cyc_inc[63] = cyc_q[63] | cyc_wrap;
  assign cyc_d     = (cyc_lo || cyc_hi) ? wv_i : cyc_inc;  // the enables keep the other half
  assign cyc_en_lo = cyc_cnt || cyc_lo;
  assign cyc_en_hi = cyc_cnt || cyc_hi;

  ///////////////////////////////
  // iohpmctrN and iohpmevtN //
  ///////////////////////////////

  logic [63:0] ctr_q [NumCtr];
  logic [63:0] evt_q [NumCtr];
  logic [63:0] rd_ctr, rd_evt;

  always_comb begin
    rd_ctr = 64'd0;
    rd_evt = 64'd0;
    for (int n = 0; n < NumCtr; n++) begin
      if (dw_i == DwCtr1 + 7'(n)) rd_ctr = rd_ctr | ctr_q[n];
      if (dw_i == DwEvt1 + 7'(n)) rd_evt = rd_evt | evt_q[n];
    end
  end

  for (genvar n = 0; n < NumCtr; n++) begin : gen_ctr
    logic [63:0] k, ev;
    logic        c_lo, c_hi, e_lo, e_hi, tick, cnt;
    assign k    = ctr_q[n];
    assign ev   = evt_q[n];
    assign c_lo = we_lo_i && (dw_i == DwCtr1 + 7'(n));
    assign c_hi = we_hi_i && (dw_i == DwCtr1 + 7'(n));
    assign e_lo = we_lo_i && (dw_i == DwEvt1 + 7'(n));
    assign e_hi = we_hi_i && (dw_i == DwEvt1 + 7'(n));
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
    assign fmask  = ev[15] ? low_ones(fid) : 24'd0;
    assign rid    = ev[62] ? {8'd0, hpm_gscid_i} : hpm_did_i;
    assign rid_v  = ev[62] ? hpm_gscv_i : 1'b1;
    assign rpid   = ev[62] ? hpm_pscid_i : hpm_pid_i;
    assign rpid_v = ev[62] ? hpm_pscv_i : hpm_pv_i;
    assign id_ok  = !ev[61] || (rid_v && (((rid ^ fid) & ~fmask) == 24'd0));
    assign pid_ok = !ev[60] || (rpid_v && (rpid == ev[35:16]));

    // Counts event eventID of requests that pass the filter; a wrap sets OF.
    // eventID 1..8 (bit 0 of hpm_evt_i is unused).
    logic       ev_hit;
    logic [3:0] eidx;
    assign eidx   = {1'b0, eid[2:0]};
    assign ev_hit = (eid[14:4] == 11'd0) && (eid[3] ? (eid[2:0] == 3'd0) && hpm_evt_i[8] :
                                                      (eid[2:0] != 3'd0) && hpm_evt_i[eidx]);
    assign tick   = ev_hit && id_ok && pid_ok;
    assign cnt  = tick && !inh_q[n+1] && !c_lo && !c_hi;

    // Halves with their own enables; the OF bit is set on a wrap (after a same-cycle write).
    logic [31:0] kl_q, kh_q, el_q, kl_d, kh_d, el_d;
    logic [30:0] eh_q, eh_d;
    logic        of_q, of_d, kl_en, kh_en, of_en, wrap;
    logic [63:0] k_inc;
    logic        k_co;
    assign {k_co, k_inc} = {1'b0, k} + 65'd1;  // carry out: the counter wraps
    assign wrap  = cnt && k_co;
    assign kl_en = cnt || c_lo;
    assign kh_en = cnt || c_hi;
    // A write excludes counting, so the data select needs only the write decode.
    assign kl_d  = (c_lo || c_hi) ? wv_i[31:0] : k_inc[31:0];
    assign kh_d  = (c_lo || c_hi) ? wv_i[63:32] : k_inc[63:32];
    assign el_d  = wv_i[31:0];
    assign eh_d  = wv_i[62:32];
    assign of_en = e_hi || wrap;
    assign of_d  = (e_hi ? wv_i[63] : of_q) | wrap;

    always_ff @(posedge clk_i) begin
      if (rst_i) begin
        kl_q <= '0;
        kh_q <= '0;
        el_q <= '0;
        eh_q <= '0;
        of_q <= 1'b0;
      end else begin
        if (kl_en) kl_q <= kl_d;
        if (kh_en) kh_q <= kh_d;
        if (e_lo)  el_q <= el_d;
        if (e_hi)  eh_q <= eh_d;
        if (of_en) of_q <= of_d;
      end
    end

    assign ctr_q[n]  = {kh_q, kl_q};
    assign evt_q[n]  = {of_q, eh_q, el_q};
    assign evt_of[n] = of_q;

    logic unused_of;
    assign unused_of = ev[63];
  end

  logic [31:0] cl_d, ch_d;
  assign cl_d = cyc_d[31:0];
  assign ch_d = cyc_d[63:32];
  logic [31:0] cl_q, ch_q;
  assign cyc_q = {ch_q, cl_q};

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      inh_q <= '1;
      ovf_q <= '0;
      cl_q  <= '0;
      ch_q  <= '0;
    end else begin
      if (inh_we)    inh_q <= inh_d;
      ovf_q <= ovf;
      if (cyc_en_lo) cl_q  <= cl_d;
      if (cyc_en_hi) ch_q  <= ch_d;
    end
  end

  ///////////
  // Reads //
  ///////////

  // AND-OR of the doubleword selects (they are disjoint).
  logic [31:0] inh_rd, ovf_rd;
  assign inh_rd = 32'(inh_q);
  assign ovf_rd = 32'(ovf_q);
  assign rd_o = rd_ctr | rd_evt | ({inh_rd, ovf_rd} & {64{dw_i == DwOvf}}) |
                (cyc_q & {64{dw_i == DwCycles}});

endmodule
