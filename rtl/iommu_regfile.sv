// SPDX-License-Identifier: Apache-2.0
// IOMMU spec register page: storage, reset values and host access rules (architecture.md §4).
//
// Owns every register of the 4 KiB page (IOMMU spec 6, include/iommu_regs.def). The host part
// (0x000-0x3FF) is one vector of 32-bit words whose storage, host-RW, RW1C, RW1S and reset masks
// come from the generated rtl/iommu_regs.svh; the rules that are not plain masks sit on top:
// ddtp and queue-enable handshakes with firmware, WARL legalisation of cqb/fqb/cqt/fqh, the
// ipsr sources (spec 6.18) and wired interrupts (spec 6.28), and the HPM counters (spec 6.19-23).
// Firmware reaches the whole page, including its private words at 0x400+, through the fw port
// (raw / set / clear), which bypasses the host rules. Firmware writes never ring doorbells.

`default_nettype none

module iommu_regfile (
  input  wire logic        clk_i,
  input  wire logic        rst_i,

  // Host port: AXI4-Lite slave, 64-bit data
  input  wire logic        s_axil_awvalid_i,
  output      logic        s_axil_awready_o,
  input  wire logic [11:0] s_axil_awaddr_i,
  input  wire logic        s_axil_wvalid_i,
  output      logic        s_axil_wready_o,
  input  wire logic [63:0] s_axil_wdata_i,
  input  wire logic [7:0]  s_axil_wstrb_i,
  output      logic        s_axil_bvalid_o,
  input  wire logic        s_axil_bready_i,
  output      logic [1:0]  s_axil_bresp_o,
  input  wire logic        s_axil_arvalid_i,
  output      logic        s_axil_arready_o,
  input  wire logic [11:0] s_axil_araddr_i,
  output      logic        s_axil_rvalid_o,
  input  wire logic        s_axil_rready_i,
  output      logic [63:0] s_axil_rdata_o,
  output      logic [1:0]  s_axil_rresp_o,

  // Firmware port (from iommu_fwif; one 32-bit word per access)
  input  wire logic        fw_req_i,
  input  wire logic        fw_we_i,
  input  wire logic [1:0]  fw_op_i,      // 0 raw write, 1 set bits, 2 clear bits
  input  wire logic [11:2] fw_addr_i,
  input  wire logic [31:0] fw_wdata_i,
  output      logic [31:0] fw_rdata_o,   // combinational read of the addressed word

  // To the datapath
  output      logic [3:0]  ddtp_mode_o,
  output      logic [43:0] ddtp_ppn_o,
  output      logic        fctl_wsi_o,
  output      logic        fctl_gxl_o,
  output      logic [63:0] caps_o,
  output      logic [63:0] tr_req_iova_o, // debug translation request (spec 6.24), served by
  output      logic [63:0] tr_req_ctl_o,  // iommu_dbg through the datapath
  output      logic [15:0] wsi_o,         // wired interrupt per vector (spec 6.28)
  input  wire logic        tr_resp_valid_i, // debug result: write tr_response, clear Go/Busy
  input  wire logic [63:0] tr_resp_i,

  input  wire logic [8:0]  hpm_evt_i,     // bit n pulses for standard HPM event n (bit 0 unused)
  // IDs of the request this cycle's events belong to (iohpmevt filters, spec 6.23)
  input  wire logic [23:0] hpm_did_i,
  input  wire logic [19:0] hpm_pid_i,
  input  wire logic        hpm_pv_i,
  input  wire logic [15:0] hpm_gscid_i,
  input  wire logic        hpm_gscv_i,
  input  wire logic [19:0] hpm_pscid_i,
  input  wire logic        hpm_pscv_i
);

  `include "iommu_regs.svh"

  localparam int NumW = RISCV_IOMMU_PAGE_WORDS;
  localparam logic [1:0]  FwOpRaw = 2'd0;
  localparam logic [1:0]  FwOpSet = 2'd1;
  localparam logic [1:0]  FwOpClr = 2'd2;

  // Word indices of the registers with behaviour beyond the masks.
  localparam int WFctl   = {20'd0, RISCV_IOMMU_REG_FCTL} >> 2;
  localparam int WDdtp   = {20'd0, RISCV_IOMMU_REG_DDTP} >> 2;
  localparam int WCqb    = {20'd0, RISCV_IOMMU_REG_CQB} >> 2;
  localparam int WCqt    = {20'd0, RISCV_IOMMU_REG_CQT} >> 2;
  localparam int WFqb    = {20'd0, RISCV_IOMMU_REG_FQB} >> 2;
  localparam int WFqh    = {20'd0, RISCV_IOMMU_REG_FQH} >> 2;
  localparam int WCqcsr  = {20'd0, RISCV_IOMMU_REG_CQCSR} >> 2;
  localparam int WFqcsr  = {20'd0, RISCV_IOMMU_REG_FQCSR} >> 2;
  localparam int WIpsr   = {20'd0, RISCV_IOMMU_REG_IPSR} >> 2;
  localparam int WOvf    = {20'd0, RISCV_IOMMU_REG_IOCOUNTOVF} >> 2;
  localparam int WInh    = {20'd0, RISCV_IOMMU_REG_IOCOUNTINH} >> 2;
  localparam int WCycles = {20'd0, RISCV_IOMMU_REG_IOHPMCYCLES} >> 2;
  localparam int WCtr1   = {20'd0, RISCV_IOMMU_REG_IOHPMCTR1} >> 2;
  localparam int WEvt1   = {20'd0, RISCV_IOMMU_REG_IOHPMEVT1} >> 2;
  localparam int WTrIova = {20'd0, RISCV_IOMMU_REG_TR_REQ_IOVA} >> 2;
  localparam int WTrCtl  = {20'd0, RISCV_IOMMU_REG_TR_REQ_CTL} >> 2;
  localparam int WTrRsp  = {20'd0, RISCV_IOMMU_REG_TR_RESPONSE} >> 2;
  localparam int WIcvec  = {20'd0, RISCV_IOMMU_REG_ICVEC} >> 2;
  localparam int WMsi    = {20'd0, RISCV_IOMMU_REG_MSI_ADDR_0} >> 2;
  localparam int NumCtr  = RISCV_IOMMU_IOHPMCTR_IMPLEMENTED;
  localparam logic [31:0] Log2Max = RISCV_IOMMU_CQ_LOG2SZ_1_MAX;

  ///////////////////
  // Host bus port //
  ///////////////////

  logic        wr_lo, wr_hi;
  logic [8:0]  wr_dw, rd_dw;
  logic [63:0] wr_data, rd_data;

  iommu_regfile_axil u_axil (
    .clk_i,
    .rst_i,
    .s_axil_awvalid_i,
    .s_axil_awready_o,
    .s_axil_awaddr_i,
    .s_axil_wvalid_i,
    .s_axil_wready_o,
    .s_axil_wdata_i,
    .s_axil_wstrb_i,
    .s_axil_bvalid_o,
    .s_axil_bready_i,
    .s_axil_bresp_o,
    .s_axil_arvalid_i,
    .s_axil_arready_o,
    .s_axil_araddr_i,
    .s_axil_rvalid_o,
    .s_axil_rready_i,
    .s_axil_rdata_o,
    .s_axil_rresp_o,
    .wr_lo_o   (wr_lo),
    .wr_hi_o   (wr_hi),
    .wr_dw_o   (wr_dw),
    .wr_data_o (wr_data),
    .rd_dw_o   (rd_dw),
    .rd_data_i (rd_data)
  );

  logic [NumW*32-1:0] page_q, page_d;
  logic [31:0] db_q, db_d;          // FW_DB_PENDING
  logic [63:0] ddtp_req_q, ddtp_req_d; // FW_DDTP_REQ
  logic [3:0]  rise_q, rise_d;      // FW_IRQ_RISE

  // Current value of the registers whose fields the rules below look at.
  logic [31:0] q_fctl, q_cqb, q_fqb, q_cqcsr, q_fqcsr, q_ipsr, q_inh, q_icvec;
  logic [63:0] q_ddtp, q_cycles, q_triova, q_trctl;
  assign q_fctl   = page_q[WFctl*32 +: 32];
  assign q_cqb    = page_q[WCqb*32 +: 32];
  assign q_fqb    = page_q[WFqb*32 +: 32];
  assign q_cqcsr  = page_q[WCqcsr*32 +: 32];
  assign q_fqcsr  = page_q[WFqcsr*32 +: 32];
  assign q_ipsr   = page_q[WIpsr*32 +: 32];
  assign q_inh    = page_q[WInh*32 +: 32];
  assign q_icvec  = page_q[WIcvec*32 +: 32];
  assign q_ddtp   = page_q[WDdtp*32 +: 64];
  assign q_cycles = page_q[WCycles*32 +: 64];
  assign q_triova = page_q[WTrIova*32 +: 64];
  assign q_trctl  = page_q[WTrCtl*32 +: 64];

  // Host writes that hit the page: word index of each half (0x400+ is firmware-private).
  logic       host_page;
  logic [7:0] lo_w, hi_w;
  assign host_page = (wr_dw[8:7] == 2'b00);
  assign lo_w      = {wr_dw[6:0], 1'b0};
  assign hi_w      = {wr_dw[6:0], 1'b1};

  function automatic logic host_hits(input logic [7:0] lw, input logic l, input int w);
    host_hits = l && ({24'd0, lw} == w);
  endfunction

  logic hlo, hhi;  // host write of the low / high half of the page, this cycle
  assign hlo = wr_lo && host_page;
  assign hhi = wr_hi && host_page;

  // Firmware port writes (architecture.md §3: raw / set / clear aliases).
  logic       fw_wr;
  logic       fw_page;
  logic [7:0] fw_w;
  assign fw_wr   = fw_req_i && fw_we_i;
  assign fw_page = (fw_addr_i[11:10] == 2'b00);
  assign fw_w    = fw_addr_i[9:2];

  function automatic logic [31:0] fw_apply(input logic [31:0] q, input logic [31:0] m);
    unique case (fw_op_i)
      FwOpRaw: fw_apply = (q & ~m) | (fw_wdata_i & m);
      FwOpSet: fw_apply = q | (fw_wdata_i & m);
      FwOpClr: fw_apply = q & ~(fw_wdata_i & m);
      default: fw_apply = q;
    endcase
  endfunction

  ///////////////////////
  // WARL legalisation //
  ///////////////////////

  // Index bits of a queue of 2^(log2sz_1+1) entries (spec 6.8: only LOG2SZ-1:0 writable).
  function automatic logic [31:0] qmask(input logic [4:0] log2sz_1);
    qmask = ~(32'hFFFF_FFFE << log2sz_1);
  endfunction

  logic [63:0] hdata;
  always_comb begin
    hdata = wr_data;
    // cqb/fqb: LOG2SZ-1 clamps to the largest supported size.
    if ((({23'd0, wr_dw} << 1) == WCqb || ({23'd0, wr_dw} << 1) == WFqb) &&
        {27'd0, wr_data[4:0]} > Log2Max) begin
      hdata[4:0] = Log2Max[4:0];
    end
    if (({24'd0, hi_w}) == WCqt) begin
      hdata[63:32] = wr_data[63:32] & qmask(q_cqb[4:0]);
    end
    if (({24'd0, lo_w}) == WFqh) begin
      hdata[31:0] = wr_data[31:0] & qmask(q_fqb[4:0]);
    end
  end

  ///////////////////////////////////////////
  // Hardware-owned behaviour and doorbells //
  ///////////////////////////////////////////

  logic [NumW*32-1:0] hw_set, hw_clr;   // applied after the host and firmware writes
  logic [NumW-1:0]    host_blk;         // words the generic host write must not touch
  logic [NumW-1:0]    fw_hit, host_hit; // word written this cycle (suppresses counting)
  logic [31:0]        db_set;
  logic               ddtp_busy;
  logic [31:0]        inh;
  logic [7:0]         ovf;
  logic [63:0]        cyc_new;   // iohpmcycles + 1: counter[62:0], OF[63] sticky on wrap
  logic [63:0]        k_old;     // loop temporaries of the iohpmctr update
  logic [14:0]        evt;
  logic               tick;

  assign cyc_new = {q_cycles[63] | (&q_cycles[62:0]), q_cycles[62:0] + 63'd1};

  assign ddtp_busy = q_ddtp[4];
  assign inh       = q_inh;

  always_comb begin
    hw_set     = '0;
    hw_clr     = '0;
    host_blk   = '0;
    db_set     = '0;
    ddtp_req_d = ddtp_req_q;
    if (fw_wr && fw_addr_i == 10'h102) begin
      ddtp_req_d[31:0] = fw_apply(ddtp_req_q[31:0], 32'hFFFF_FFFF);
    end
    if (fw_wr && fw_addr_i == 10'h103) begin
      ddtp_req_d[63:32] = fw_apply(ddtp_req_q[63:32], 32'hFFFF_FFFF);
    end

    // ddtp: the host value goes to FW_DDTP_REQ; busy until firmware applies it.
    host_blk[WDdtp]   = 1'b1;
    host_blk[WDdtp+1] = 1'b1;
    if (!ddtp_busy && host_hits(hi_w, hhi, WDdtp + 1)) begin
      ddtp_req_d[63:32] = wr_data[63:32];
    end
    if (!ddtp_busy && host_hits(lo_w, hlo, WDdtp)) begin
      ddtp_req_d[31:0]       = wr_data[31:0];
      hw_set[WDdtp*32 + 4]   = 1'b1;
      db_set[0]              = 1'b1;
    end

    // Doorbells: 8-byte registers ring when their low half lands.
    db_set[1]  = host_hits(lo_w, hlo, WCqb);
    db_set[2]  = host_hits(hi_w, hhi, WCqt);
    db_set[3]  = host_hits(lo_w, hlo, WCqcsr);
    db_set[4]  = host_hits(lo_w, hlo, WFqb);
    db_set[5]  = host_hits(lo_w, hlo, WFqh);
    db_set[6]  = host_hits(hi_w, hhi, WFqcsr);
    db_set[7]  = host_hits(lo_w, hlo, WFctl);
    db_set[9]  = host_hits(lo_w, hlo, WTrCtl) && wr_data[0];
    db_set[11] = host_hits(lo_w, hlo, WIcvec);
    db_set[12] = host_hits(hi_w, hhi, WIpsr);
    // msi_cfg_tbl: vec_ctl is the high word of each entry's second doubleword.
    db_set[8]  = hhi && ({24'd0, hi_w} >= WMsi) && hi_w[1:0] == 2'b11;
    // iocountinh, iohpmcycles, iohpmctr*, iohpmevt* (0x05C..0x257)
    db_set[10] = (hhi && {24'd0, hi_w} == WInh) ||
                 (hlo && {24'd0, lo_w} >= WCycles && {24'd0, lo_w} < WTrIova);

    // Debug translation: tr_req_* are frozen while Go/Busy; the result lands in tr_response and
    // clears Go/Busy in the same cycle.
    if (q_trctl[0]) begin
      host_blk[WTrIova]  = 1'b1;
      host_blk[WTrIova+1] = 1'b1;
      host_blk[WTrCtl]   = 1'b1;
      host_blk[WTrCtl+1] = 1'b1;
    end
    if (tr_resp_valid_i) begin
      hw_set[WTrRsp*32 +: 64] = tr_resp_i;
      hw_clr[WTrRsp*32 +: 64] = ~tr_resp_i;
      hw_clr[WTrCtl*32]       = 1'b1;
    end

    // cqcsr/fqcsr: busy when the host changes en (firmware turns the queue on/off).
    if (host_hits(lo_w, hlo, WCqcsr) && wr_data[0] != q_cqcsr[0]) begin
      hw_set[WCqcsr*32 + 17] = 1'b1;
    end
    if (host_hits(hi_w, hhi, WFqcsr) && wr_data[32] != q_fqcsr[0]) begin
      hw_set[WFqcsr*32 + 17] = 1'b1;
    end

    // ipsr sources (spec 6.18); they re-set the bit while the cause persists.
    hw_set[WIpsr*32 + 0] = q_cqcsr[1] && (|q_cqcsr[11:8]);
    hw_set[WIpsr*32 + 1] = q_fqcsr[1] && (|q_fqcsr[9:8]);
    hw_set[WIpsr*32 + 2] = |ovf;

    // iocountovf mirrors the OF bits.
    hw_set[WOvf*32 +: 8] = ovf;
    hw_clr[WOvf*32 +: 8] = ~ovf;

    // iohpmcycles: counter[62:0] + OF[63].
    if (!inh[0] && !fw_hit[WCycles] && !fw_hit[WCycles+1] && !host_hit[WCycles] &&
        !host_hit[WCycles+1]) begin
      hw_set[WCycles*32 +: 64] = cyc_new & ~q_cycles;
      hw_clr[WCycles*32 +: 64] = q_cycles & ~cyc_new;
    end

    // iohpmctrN counts event evtN.eventID of requests that pass evtN's filter (hpm_match). A wrap
    // sets evtN.OF.
    for (int n = 0; n < NumCtr; n++) begin
      k_old = page_q[(WCtr1+2*n)*32 +: 64];
      evt   = page_q[(WEvt1+2*n)*32 +: 15];
      tick  = evt >= 15'd1 && evt <= 15'd8 && hpm_evt_i[evt[3:0]] && hpm_match[n];
      if (tick && !inh[n+1] && !fw_hit[WCtr1+2*n] && !fw_hit[WCtr1+2*n+1] &&
          !host_hit[WCtr1+2*n] && !host_hit[WCtr1+2*n+1]) begin
        hw_set[(WCtr1+2*n)*32 +: 64] = (k_old + 64'd1) & ~k_old;
        hw_clr[(WCtr1+2*n)*32 +: 64] = k_old & ~(k_old + 64'd1);
        if (&k_old) begin
          hw_set[(WEvt1+2*n)*32 + 63] = 1'b1;
        end
      end
    end
  end

  // iohpmevtN filters (spec 6.23). IDT=0: DID_GSCID is a device_id, PID_PSCID a process_id;
  // IDT=1: GSCID and PSCID of the request's context (valid only when that stage is active).
  // DV_GSCV=1 applies the DID_GSCID filter, with DMASK=1 ignoring the bits of DID_GSCID up to
  // and including its lowest 0 bit (a naturally aligned range); PV_PSCV=1 applies PID_PSCID
  // (exact; a request without a process_id / PSCID never matches).
  logic [NumCtr-1:0] hpm_match;
  for (genvar n = 0; n < NumCtr; n++) begin : gen_hpm_filter
    logic [63:0] ev;
    logic [23:0] fid, fmask, rid;
    logic [19:0] rpid;
    logic        rid_v, rpid_v, id_ok, pid_ok;
    assign ev     = page_q[(WEvt1+2*n)*32 +: 64];
    assign fid    = ev[59:36];
    assign fmask  = ev[15] ? (fid ^ (fid + 24'd1)) : 24'd0;
    assign rid    = ev[62] ? {8'd0, hpm_gscid_i} : hpm_did_i;
    assign rid_v  = ev[62] ? hpm_gscv_i : 1'b1;
    assign rpid   = ev[62] ? hpm_pscid_i : hpm_pid_i;
    assign rpid_v = ev[62] ? hpm_pscv_i : hpm_pv_i;
    assign id_ok  = !ev[61] || (rid_v && (((rid ^ fid) & ~fmask) == 24'd0));
    assign pid_ok = !ev[60] || (rpid_v && (rpid == ev[35:16]));
    assign hpm_match[n] = id_ok && pid_ok;
    logic unused_ev;
    assign unused_ev = ^{ev[63], ev[14:0]};
  end

  always_comb begin
    ovf[0] = q_cycles[63];
    for (int n = 0; n < 7; n++) begin
      ovf[n+1] = (n < NumCtr) ? page_q[(WEvt1+2*n)*32 + 63] : 1'b0;
    end
  end

  /////////////////////////
  // Page word next state //
  /////////////////////////


  // One word: firmware write, then host write (RW / RW1S / RW1C), then hardware set/clear.
  function automatic logic [31:0] word_next(input logic [31:0] q, input logic fw_en,
                                            input logic host_en, input logic [31:0] hd,
                                            input logic [31:0] hs, input logic [31:0] hc,
                                            input logic [31:0] store, input logic [31:0] wm,
                                            input logic [31:0] w1c, input logic [31:0] w1s);
    logic [31:0] d;
    d = q;
    if (fw_en) begin
      d = fw_apply(d, store);
    end
    if (host_en) begin
      d = ((d & ~wm) | (hd & wm) | (hd & w1s)) & ~(hd & w1c);
    end
    word_next = ((d | hs) & ~hc) & store;
  endfunction

  for (genvar w = 0; w < NumW; w++) begin : gen_word
    assign fw_hit[w]   = fw_wr && fw_page && ({24'd0, fw_w} == w);
    assign host_hit[w] = !host_blk[w] && (host_hits(lo_w, hlo, w) || host_hits(hi_w, hhi, w));
    assign page_d[w*32 +: 32] = word_next(page_q[w*32 +: 32], fw_hit[w], host_hit[w],
                                          w[0] ? hdata[63:32] : hdata[31:0],
                                          hw_set[w*32 +: 32], hw_clr[w*32 +: 32],
                                          RISCV_IOMMU_PAGE_STORE[w*32 +: 32],
                                          RISCV_IOMMU_PAGE_WMASK[w*32 +: 32],
                                          RISCV_IOMMU_PAGE_W1C[w*32 +: 32],
                                          RISCV_IOMMU_PAGE_W1S[w*32 +: 32]);
  end

  // Firmware-private words; hardware sets win over a same-cycle firmware clear.
  logic [31:0] rise_fw;
  always_comb begin
    db_d    = db_q;
    rise_d  = rise_q;
    rise_fw = '0;
    if (fw_wr && fw_addr_i == 10'h100) begin
      db_d = fw_apply(db_q, RISCV_IOMMU_FW_DB_PENDING_W1C[31:0]);
    end
    if (fw_wr && fw_addr_i == 10'h104) begin
      rise_fw = fw_apply({28'd0, rise_q}, 32'hF);
      rise_d  = rise_fw[3:0];
    end
    db_d   = db_d | db_set;
    // A 0->1 edge of an ipsr bit (spec 6.18, MSI delivery) is remembered for firmware.
    rise_d = rise_d | (page_d[WIpsr*32 +: 4] & ~q_ipsr[3:0]);
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      page_q     <= RISCV_IOMMU_PAGE_RESET;
      db_q       <= '0;
      ddtp_req_q <= '0;
      rise_q     <= '0;
    end else begin
      page_q     <= page_d;
      db_q       <= db_d;
      ddtp_req_q <= ddtp_req_d;
      rise_q     <= rise_d;
    end
  end

  ///////////
  // Reads //
  ///////////

  logic [NumW*32-1:0] page_rd;
  assign page_rd = page_q | RISCV_IOMMU_PAGE_CONST;

  // Host: the firmware-private part reads 0.
  assign rd_data = (rd_dw[8:7] == 2'b00) ? page_rd[{rd_dw[6:0], 6'd0} +: 64] : 64'h0;

  always_comb begin
    fw_rdata_o = 32'h0;
    if (fw_page) begin
      fw_rdata_o = page_rd[{fw_w, 5'd0} +: 32];
    end else begin
      unique case (fw_addr_i)
        10'h100: fw_rdata_o = db_q;
        10'h102: fw_rdata_o = ddtp_req_q[31:0];
        10'h103: fw_rdata_o = ddtp_req_q[63:32];
        10'h104: fw_rdata_o = {28'd0, rise_q};
        default: fw_rdata_o = 32'h0;
      endcase
    end
  end

  /////////////
  // Outputs //
  /////////////

  assign ddtp_mode_o   = q_ddtp[3:0];
  assign ddtp_ppn_o    = q_ddtp[53:10];
  assign fctl_wsi_o    = q_fctl[1];
  assign fctl_gxl_o    = q_fctl[2];
  assign caps_o        = RISCV_IOMMU_CAPABILITIES_RESET;
  assign tr_req_iova_o = q_triova;
  assign tr_req_ctl_o  = q_trctl;

  // Wired interrupts: ipsr bit i drives vector icvec[4i+3:4i] while fctl.WSI=1.
  always_comb begin
    wsi_o = '0;
    for (int i = 0; i < 4; i++) begin
      if (fctl_wsi_o && q_ipsr[i]) begin
        wsi_o[q_icvec[4*i +: 4]] = 1'b1;
      end
    end
  end

  // Bits of the registers above that no rule here looks at.
  logic unused_bits;
  assign unused_bits = ^{q_ddtp[63:54], q_ddtp[9:5], q_ipsr[31:4], q_icvec[31:16], q_fctl[31:3],
                        q_fctl[0], q_cqb[31:5], q_fqb[31:5], q_cqcsr[31:12], q_cqcsr[7:2],
                        q_fqcsr[31:10], q_fqcsr[7:2], q_inh[31:8], rise_fw[31:4]};

endmodule
