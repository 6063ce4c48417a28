// SPDX-License-Identifier: Apache-2.0
// IOMMU spec register page: storage, reset values and host access rules (architecture.md §4).
//
// Owns every register of the 4 KiB page (IOMMU spec 6, include/iommu_regs.def). Each register is
// an explicit flop set holding only its implemented fields; offsets and the store / host-RW /
// RW1C / RW1S masks come from the generated rtl/iommu_regs.svh. The HPM registers live in
// iommu_regfile_hpm, the msi_cfg_tbl in iommu_regfile_msi. Rules beyond the masks: ddtp and
// queue-enable handshakes with firmware, WARL legalisation of cqb/fqb/cqt/fqh, the ipsr sources
// (spec 6.18), wired interrupts (spec 6.28) and the debug translation result (spec 6.24-26).
// Firmware reaches the whole page, including its private words at 0x400+, through the fw port
// (raw / set / clear), which bypasses the host rules. Per word, a firmware write applies first,
// then a same-cycle host write, then the hardware updates. Firmware writes never ring doorbells.

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

  localparam logic [1:0] FwOpRaw = 2'd0;
  localparam logic [1:0] FwOpSet = 2'd1;
  localparam logic [1:0] FwOpClr = 2'd2;

  // Word indices (byte offset / 4) of the registers stored here.
  localparam int WFctl   = {20'd0, RISCV_IOMMU_REG_FCTL} >> 2;
  localparam int WDdtp   = {20'd0, RISCV_IOMMU_REG_DDTP} >> 2;
  localparam int WCqb    = {20'd0, RISCV_IOMMU_REG_CQB} >> 2;
  localparam int WCqh    = {20'd0, RISCV_IOMMU_REG_CQH} >> 2;
  localparam int WCqt    = {20'd0, RISCV_IOMMU_REG_CQT} >> 2;
  localparam int WFqb    = {20'd0, RISCV_IOMMU_REG_FQB} >> 2;
  localparam int WFqh    = {20'd0, RISCV_IOMMU_REG_FQH} >> 2;
  localparam int WFqt    = {20'd0, RISCV_IOMMU_REG_FQT} >> 2;
  localparam int WCqcsr  = {20'd0, RISCV_IOMMU_REG_CQCSR} >> 2;
  localparam int WFqcsr  = {20'd0, RISCV_IOMMU_REG_FQCSR} >> 2;
  localparam int WIpsr   = {20'd0, RISCV_IOMMU_REG_IPSR} >> 2;
  localparam int WInh    = {20'd0, RISCV_IOMMU_REG_IOCOUNTINH} >> 2;
  localparam int WCycles = {20'd0, RISCV_IOMMU_REG_IOHPMCYCLES} >> 2;
  localparam int WTrIova = {20'd0, RISCV_IOMMU_REG_TR_REQ_IOVA} >> 2;
  localparam int WTrCtl  = {20'd0, RISCV_IOMMU_REG_TR_REQ_CTL} >> 2;
  localparam int WTrRsp  = {20'd0, RISCV_IOMMU_REG_TR_RESPONSE} >> 2;
  localparam int WIcvec  = {20'd0, RISCV_IOMMU_REG_ICVEC} >> 2;
  localparam int WMsi    = {20'd0, RISCV_IOMMU_REG_MSI_ADDR_0} >> 2;
  // Firmware-private words (fw_addr_i is a word address).
  localparam logic [9:0] FaDb      = RISCV_IOMMU_REG_FW_DB_PENDING[11:2];
  localparam logic [9:0] FaDdtpReq = RISCV_IOMMU_REG_FW_DDTP_REQ[11:2];
  localparam logic [9:0] FaRise    = RISCV_IOMMU_REG_FW_IRQ_RISE[11:2];
  localparam logic [31:0] Log2Max  = RISCV_IOMMU_CQ_LOG2SZ_1_MAX;
  localparam logic [31:0] DbMask   = RISCV_IOMMU_FW_DB_PENDING_STORE[31:0];

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

  // Host writes that hit the page (0x400+ is firmware-private): word wr_dw*2 / wr_dw*2+1.
  logic        hlo, hhi;
  logic [6:0]  hdw;
  logic [31:0] hd_lo, hd_hi;
  assign hlo   = wr_lo && (wr_dw[8:7] == 2'b00);
  assign hhi   = wr_hi && (wr_dw[8:7] == 2'b00);
  assign hdw   = wr_dw[6:0];
  assign hd_lo = wr_data[31:0];
  assign hd_hi = wr_data[63:32];

  // Firmware port writes to the page.
  logic       fw_wr, fw_page, fw_pw;
  logic [7:0] fw_w;
  assign fw_wr   = fw_req_i && fw_we_i;
  assign fw_page = (fw_addr_i[11:10] == 2'b00);
  assign fw_pw   = fw_wr && fw_page;
  assign fw_w    = fw_addr_i[9:2];

  // Host write of page word w this cycle.
  function automatic logic hhit(input logic lo, input logic hi, input logic [6:0] dw, input int w);
    hhit = ({25'd0, dw} == (w >> 1)) && (w[0] ? hi : lo);
  endfunction

  // Firmware write of page word w this cycle.
  function automatic logic fhit(input logic en, input logic [7:0] fw, input int w);
    fhit = en && ({24'd0, fw} == w);
  endfunction

  // One word: firmware write (raw / set / clear of the stored bits), then host write (RW / RW1S /
  // RW1C). Hardware updates are applied by the caller.
  function automatic logic [31:0] wr_word(input logic [31:0] q, input logic fw_en,
                                          input logic [1:0] op, input logic [31:0] fd,
                                          input logic host_en, input logic [31:0] hd,
                                          input logic [63:0] store, input logic [63:0] wm,
                                          input logic [63:0] w1c, input logic [63:0] w1s,
                                          input logic hi);
    logic [31:0] d, s, m, c, t;
    s = hi ? store[63:32] : store[31:0];
    m = hi ? wm[63:32] : wm[31:0];
    c = hi ? w1c[63:32] : w1c[31:0];
    t = hi ? w1s[63:32] : w1s[31:0];
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
      d = ((d & ~m) | (hd & m) | (hd & t)) & ~(hd & c);
    end
    wr_word = d & s;
  endfunction

  // Index bits of a queue of 2^(log2sz_1+1) entries (spec 6.8: only LOG2SZ-1:0 writable).
  function automatic logic [31:0] qmask(input logic [4:0] log2sz_1);
    qmask = ~(32'hFFFF_FFFE << log2sz_1);
  endfunction

  // cqb/fqb: LOG2SZ-1 clamps to the largest supported size.
  function automatic logic [31:0] clamp_log2(input logic [31:0] d);
    clamp_log2 = ({27'd0, d[4:0]} > Log2Max) ? {d[31:5], Log2Max[4:0]} : d;
  endfunction

  ///////////////
  // Registers //
  ///////////////

  // Stored fields.
  logic        fctl_wsi_q, fctl_wsi_d;
  logic [3:0]  ddtp_mode_q, ddtp_mode_d;
  logic        ddtp_busy_q, ddtp_busy_d;
  logic [43:0] ddtp_ppn_q, ddtp_ppn_d;
  logic [4:0]  cqb_log2_q, cqb_log2_d, fqb_log2_q, fqb_log2_d;
  logic [43:0] cqb_ppn_q, cqb_ppn_d, fqb_ppn_q, fqb_ppn_d;
  logic [19:0] cqh_q, cqh_d, cqt_q, cqt_d, fqh_q, fqh_d, fqt_q, fqt_d;
  logic [7:0]  cqcsr_q, cqcsr_d;    // {busy, on, fence_w_ip, cmd_ill, cmd_to, cqmf, cie, cqen}
  logic [5:0]  fqcsr_q, fqcsr_d;    // {busy, on, fqof, fqmf, fie, fqen}
  logic [2:0]  ipsr_q, ipsr_d;      // {pmip, fip, cip}
  logic [15:0] icvec_q, icvec_d;
  logic [51:0] triova_q, triova_d;  // tr_req_iova[63:12]
  logic [3:0]  trctl_a_q, trctl_a_d;   // nw, exe, priv, go/busy
  logic [19:0] trctl_pid_q, trctl_pid_d;
  logic        trctl_pv_q, trctl_pv_d;
  logic [23:0] trctl_did_q, trctl_did_d;
  logic        trrsp_f_q, trrsp_f_d;   // tr_response.fault
  logic [46:0] trrsp_q, trrsp_d;       // tr_response[53:7]
  logic [12:0] db_q, db_d;             // FW_DB_PENDING
  logic [63:0] ddtp_req_q, ddtp_req_d; // FW_DDTP_REQ
  logic [3:0]  rise_q, rise_d;         // FW_IRQ_RISE

  // Register views in page layout.
  logic [31:0] fctl_v, cqh_v, cqt_v, fqh_v, fqt_v, cqcsr_v, fqcsr_v, ipsr_v, icvec_v;
  logic [63:0] ddtp_v, cqb_v, fqb_v, triova_v, trctl_v, trrsp_v;
  assign fctl_v   = {30'd0, fctl_wsi_q, 1'b0};
  assign ddtp_v   = {10'd0, ddtp_ppn_q, 5'd0, ddtp_busy_q, ddtp_mode_q};
  assign cqb_v    = {10'd0, cqb_ppn_q, 5'd0, cqb_log2_q};
  assign fqb_v    = {10'd0, fqb_ppn_q, 5'd0, fqb_log2_q};
  assign cqh_v    = {12'd0, cqh_q};
  assign cqt_v    = {12'd0, cqt_q};
  assign fqh_v    = {12'd0, fqh_q};
  assign fqt_v    = {12'd0, fqt_q};
  assign cqcsr_v  = {14'd0, cqcsr_q[7:6], 4'd0, cqcsr_q[5:2], 6'd0, cqcsr_q[1:0]};
  assign fqcsr_v  = {14'd0, fqcsr_q[5:4], 6'd0, fqcsr_q[3:2], 6'd0, fqcsr_q[1:0]};
  assign ipsr_v   = {29'd0, ipsr_q};
  assign icvec_v  = {16'd0, icvec_q};
  assign triova_v = {triova_q, 12'd0};
  assign trctl_v  = {trctl_did_q, 7'd0, trctl_pv_q, trctl_pid_q, 8'd0, trctl_a_q};
  assign trrsp_v  = {10'd0, trrsp_q, 6'd0, trrsp_f_q};

  // Next values after the firmware and host writes.
  logic [31:0] fctl_n, cqh_n, cqt_n, fqh_n, fqt_n, cqcsr_n, fqcsr_n, ipsr_n, icvec_n;
  logic [63:0] ddtp_n, cqb_n, fqb_n, triova_n, trctl_n, trrsp_n;
  logic        tr_go;   // tr_req_* are frozen while Go/Busy
  assign tr_go = trctl_a_q[0];

  assign fctl_n = wr_word(fctl_v, fhit(fw_pw, fw_w, WFctl), fw_op_i, fw_wdata_i,
                          hhit(hlo, hhi, hdw, WFctl), hd_lo, RISCV_IOMMU_FCTL_STORE,
                          RISCV_IOMMU_FCTL_WMASK, RISCV_IOMMU_FCTL_W1C, RISCV_IOMMU_FCTL_W1S, 1'b0);
  // ddtp: the host value goes to FW_DDTP_REQ instead (below).
  assign ddtp_n[31:0]  = wr_word(ddtp_v[31:0], fhit(fw_pw, fw_w, WDdtp), fw_op_i, fw_wdata_i,
                                 1'b0, hd_lo, RISCV_IOMMU_DDTP_STORE, RISCV_IOMMU_DDTP_WMASK,
                                 RISCV_IOMMU_DDTP_W1C, RISCV_IOMMU_DDTP_W1S, 1'b0);
  assign ddtp_n[63:32] = wr_word(ddtp_v[63:32], fhit(fw_pw, fw_w, WDdtp + 1), fw_op_i, fw_wdata_i,
                                 1'b0, hd_hi, RISCV_IOMMU_DDTP_STORE, RISCV_IOMMU_DDTP_WMASK,
                                 RISCV_IOMMU_DDTP_W1C, RISCV_IOMMU_DDTP_W1S, 1'b1);
  assign cqb_n[31:0]   = wr_word(cqb_v[31:0], fhit(fw_pw, fw_w, WCqb), fw_op_i, fw_wdata_i,
                                 hhit(hlo, hhi, hdw, WCqb), clamp_log2(hd_lo),
                                 RISCV_IOMMU_CQB_STORE, RISCV_IOMMU_CQB_WMASK,
                                 RISCV_IOMMU_CQB_W1C, RISCV_IOMMU_CQB_W1S, 1'b0);
  assign cqb_n[63:32]  = wr_word(cqb_v[63:32], fhit(fw_pw, fw_w, WCqb + 1), fw_op_i, fw_wdata_i,
                                 hhit(hlo, hhi, hdw, WCqb + 1), hd_hi,
                                 RISCV_IOMMU_CQB_STORE, RISCV_IOMMU_CQB_WMASK,
                                 RISCV_IOMMU_CQB_W1C, RISCV_IOMMU_CQB_W1S, 1'b1);
  assign fqb_n[31:0]   = wr_word(fqb_v[31:0], fhit(fw_pw, fw_w, WFqb), fw_op_i, fw_wdata_i,
                                 hhit(hlo, hhi, hdw, WFqb), clamp_log2(hd_lo),
                                 RISCV_IOMMU_FQB_STORE, RISCV_IOMMU_FQB_WMASK,
                                 RISCV_IOMMU_FQB_W1C, RISCV_IOMMU_FQB_W1S, 1'b0);
  assign fqb_n[63:32]  = wr_word(fqb_v[63:32], fhit(fw_pw, fw_w, WFqb + 1), fw_op_i, fw_wdata_i,
                                 hhit(hlo, hhi, hdw, WFqb + 1), hd_hi,
                                 RISCV_IOMMU_FQB_STORE, RISCV_IOMMU_FQB_WMASK,
                                 RISCV_IOMMU_FQB_W1C, RISCV_IOMMU_FQB_W1S, 1'b1);
  assign cqh_n = wr_word(cqh_v, fhit(fw_pw, fw_w, WCqh), fw_op_i, fw_wdata_i,
                         hhit(hlo, hhi, hdw, WCqh), hd_lo, RISCV_IOMMU_CQH_STORE,
                         RISCV_IOMMU_CQH_WMASK, RISCV_IOMMU_CQH_W1C, RISCV_IOMMU_CQH_W1S, 1'b0);
  assign cqt_n = wr_word(cqt_v, fhit(fw_pw, fw_w, WCqt), fw_op_i, fw_wdata_i,
                         hhit(hlo, hhi, hdw, WCqt), hd_hi & qmask(cqb_log2_q),
                         RISCV_IOMMU_CQT_STORE, RISCV_IOMMU_CQT_WMASK, RISCV_IOMMU_CQT_W1C,
                         RISCV_IOMMU_CQT_W1S, 1'b0);
  assign fqh_n = wr_word(fqh_v, fhit(fw_pw, fw_w, WFqh), fw_op_i, fw_wdata_i,
                         hhit(hlo, hhi, hdw, WFqh), hd_lo & qmask(fqb_log2_q),
                         RISCV_IOMMU_FQH_STORE, RISCV_IOMMU_FQH_WMASK, RISCV_IOMMU_FQH_W1C,
                         RISCV_IOMMU_FQH_W1S, 1'b0);
  assign fqt_n = wr_word(fqt_v, fhit(fw_pw, fw_w, WFqt), fw_op_i, fw_wdata_i,
                         hhit(hlo, hhi, hdw, WFqt), hd_hi, RISCV_IOMMU_FQT_STORE,
                         RISCV_IOMMU_FQT_WMASK, RISCV_IOMMU_FQT_W1C, RISCV_IOMMU_FQT_W1S, 1'b0);
  assign cqcsr_n = wr_word(cqcsr_v, fhit(fw_pw, fw_w, WCqcsr), fw_op_i, fw_wdata_i,
                           hhit(hlo, hhi, hdw, WCqcsr), hd_lo, RISCV_IOMMU_CQCSR_STORE,
                           RISCV_IOMMU_CQCSR_WMASK, RISCV_IOMMU_CQCSR_W1C,
                           RISCV_IOMMU_CQCSR_W1S, 1'b0);
  assign fqcsr_n = wr_word(fqcsr_v, fhit(fw_pw, fw_w, WFqcsr), fw_op_i, fw_wdata_i,
                           hhit(hlo, hhi, hdw, WFqcsr), hd_hi, RISCV_IOMMU_FQCSR_STORE,
                           RISCV_IOMMU_FQCSR_WMASK, RISCV_IOMMU_FQCSR_W1C,
                           RISCV_IOMMU_FQCSR_W1S, 1'b0);
  assign ipsr_n = wr_word(ipsr_v, fhit(fw_pw, fw_w, WIpsr), fw_op_i, fw_wdata_i,
                          hhit(hlo, hhi, hdw, WIpsr), hd_hi, RISCV_IOMMU_IPSR_STORE,
                          RISCV_IOMMU_IPSR_WMASK, RISCV_IOMMU_IPSR_W1C, RISCV_IOMMU_IPSR_W1S, 1'b0);
  assign icvec_n = wr_word(icvec_v, fhit(fw_pw, fw_w, WIcvec), fw_op_i, fw_wdata_i,
                           hhit(hlo, hhi, hdw, WIcvec), hd_lo, RISCV_IOMMU_ICVEC_STORE,
                           RISCV_IOMMU_ICVEC_WMASK, RISCV_IOMMU_ICVEC_W1C,
                           RISCV_IOMMU_ICVEC_W1S, 1'b0);
  assign triova_n[31:0]  = wr_word(triova_v[31:0], fhit(fw_pw, fw_w, WTrIova), fw_op_i,
                                   fw_wdata_i, !tr_go && hhit(hlo, hhi, hdw, WTrIova), hd_lo,
                                   RISCV_IOMMU_TR_REQ_IOVA_STORE, RISCV_IOMMU_TR_REQ_IOVA_WMASK,
                                   RISCV_IOMMU_TR_REQ_IOVA_W1C, RISCV_IOMMU_TR_REQ_IOVA_W1S, 1'b0);
  assign triova_n[63:32] = wr_word(triova_v[63:32], fhit(fw_pw, fw_w, WTrIova + 1), fw_op_i,
                                   fw_wdata_i, !tr_go && hhit(hlo, hhi, hdw, WTrIova + 1), hd_hi,
                                   RISCV_IOMMU_TR_REQ_IOVA_STORE, RISCV_IOMMU_TR_REQ_IOVA_WMASK,
                                   RISCV_IOMMU_TR_REQ_IOVA_W1C, RISCV_IOMMU_TR_REQ_IOVA_W1S, 1'b1);
  assign trctl_n[31:0]   = wr_word(trctl_v[31:0], fhit(fw_pw, fw_w, WTrCtl), fw_op_i,
                                   fw_wdata_i, !tr_go && hhit(hlo, hhi, hdw, WTrCtl), hd_lo,
                                   RISCV_IOMMU_TR_REQ_CTL_STORE, RISCV_IOMMU_TR_REQ_CTL_WMASK,
                                   RISCV_IOMMU_TR_REQ_CTL_W1C, RISCV_IOMMU_TR_REQ_CTL_W1S, 1'b0);
  assign trctl_n[63:32]  = wr_word(trctl_v[63:32], fhit(fw_pw, fw_w, WTrCtl + 1), fw_op_i,
                                   fw_wdata_i, !tr_go && hhit(hlo, hhi, hdw, WTrCtl + 1), hd_hi,
                                   RISCV_IOMMU_TR_REQ_CTL_STORE, RISCV_IOMMU_TR_REQ_CTL_WMASK,
                                   RISCV_IOMMU_TR_REQ_CTL_W1C, RISCV_IOMMU_TR_REQ_CTL_W1S, 1'b1);
  assign trrsp_n[31:0]   = wr_word(trrsp_v[31:0], fhit(fw_pw, fw_w, WTrRsp), fw_op_i,
                                   fw_wdata_i, hhit(hlo, hhi, hdw, WTrRsp), hd_lo,
                                   RISCV_IOMMU_TR_RESPONSE_STORE, RISCV_IOMMU_TR_RESPONSE_WMASK,
                                   RISCV_IOMMU_TR_RESPONSE_W1C, RISCV_IOMMU_TR_RESPONSE_W1S, 1'b0);
  assign trrsp_n[63:32]  = wr_word(trrsp_v[63:32], fhit(fw_pw, fw_w, WTrRsp + 1), fw_op_i,
                                   fw_wdata_i, hhit(hlo, hhi, hdw, WTrRsp + 1), hd_hi,
                                   RISCV_IOMMU_TR_RESPONSE_STORE, RISCV_IOMMU_TR_RESPONSE_WMASK,
                                   RISCV_IOMMU_TR_RESPONSE_W1C, RISCV_IOMMU_TR_RESPONSE_W1S, 1'b1);

  /////////////////////////////////////////////
  // Hardware-owned behaviour and doorbells //
  /////////////////////////////////////////////

  // ddtp: a host write while not busy latches FW_DDTP_REQ, sets busy and rings DB bit 0.
  logic ddtp_lo_wr, ddtp_hi_wr, cqcsr_wr, fqcsr_wr, pmip;
  assign ddtp_lo_wr = !ddtp_busy_q && hhit(hlo, hhi, hdw, WDdtp);
  assign ddtp_hi_wr = !ddtp_busy_q && hhit(hlo, hhi, hdw, WDdtp + 1);
  assign cqcsr_wr   = hhit(hlo, hhi, hdw, WCqcsr);
  assign fqcsr_wr   = hhit(hlo, hhi, hdw, WFqcsr);

  assign fctl_wsi_d  = fctl_n[1];
  assign ddtp_mode_d = ddtp_n[3:0];
  assign ddtp_busy_d = ddtp_n[4] | ddtp_lo_wr;
  assign ddtp_ppn_d  = ddtp_n[53:10];
  assign cqb_log2_d  = cqb_n[4:0];
  assign cqb_ppn_d   = cqb_n[53:10];
  assign fqb_log2_d  = fqb_n[4:0];
  assign fqb_ppn_d   = fqb_n[53:10];
  assign cqh_d       = cqh_n[19:0];
  assign cqt_d       = cqt_n[19:0];
  assign fqh_d       = fqh_n[19:0];
  assign fqt_d       = fqt_n[19:0];
  // cqcsr/fqcsr: busy when the host changes en (firmware turns the queue on/off).
  assign cqcsr_d = {cqcsr_n[17] | (cqcsr_wr && (hd_lo[0] != cqcsr_q[0])), cqcsr_n[16],
                    cqcsr_n[11:8], cqcsr_n[1:0]};
  assign fqcsr_d = {fqcsr_n[17] | (fqcsr_wr && (hd_hi[0] != fqcsr_q[0])), fqcsr_n[16],
                    fqcsr_n[9:8], fqcsr_n[1:0]};
  // ipsr sources (spec 6.18); they re-set the bit while the cause persists.
  assign ipsr_d = ipsr_n[2:0] | {pmip, fqcsr_q[1] && (|fqcsr_q[3:2]),
                                 cqcsr_q[1] && (|cqcsr_q[5:2])};
  assign icvec_d     = icvec_n[15:0];
  assign triova_d    = triova_n[63:12];
  // Debug translation: the result lands in tr_response and clears Go/Busy in the same cycle.
  assign trctl_a_d   = trctl_n[3:0] & ~{3'd0, tr_resp_valid_i};
  assign trctl_pid_d = trctl_n[31:12];
  assign trctl_pv_d  = trctl_n[32];
  assign trctl_did_d = trctl_n[63:40];
  assign trrsp_f_d   = tr_resp_valid_i ? tr_resp_i[0] : trrsp_n[0];
  assign trrsp_d     = tr_resp_valid_i ? tr_resp_i[53:7] : trrsp_n[53:7];

  // Doorbells: 8-byte registers ring when their low half lands.
  logic [12:0] db_set;
  assign db_set[0]  = ddtp_lo_wr;
  assign db_set[1]  = hhit(hlo, hhi, hdw, WCqb);
  assign db_set[2]  = hhit(hlo, hhi, hdw, WCqt);
  assign db_set[3]  = cqcsr_wr;
  assign db_set[4]  = hhit(hlo, hhi, hdw, WFqb);
  assign db_set[5]  = hhit(hlo, hhi, hdw, WFqh);
  assign db_set[6]  = fqcsr_wr;
  assign db_set[7]  = hhit(hlo, hhi, hdw, WFctl);
  // msi_cfg_tbl: vec_ctl is the high word of each entry's second doubleword.
  assign db_set[8]  = hhi && ({25'd0, hdw} >= (WMsi >> 1)) && hdw[0];
  assign db_set[9]  = hhit(hlo, hhi, hdw, WTrCtl) && hd_lo[0];
  // iocountinh, iohpmcycles, iohpmctr*, iohpmevt* (up to tr_req_iova)
  assign db_set[10] = hhit(hlo, hhi, hdw, WInh) ||
                      (hlo && {25'd0, hdw} >= (WCycles >> 1) && {25'd0, hdw} < (WTrIova >> 1));
  assign db_set[11] = hhit(hlo, hhi, hdw, WIcvec);
  assign db_set[12] = hhit(hlo, hhi, hdw, WIpsr);

  // Firmware-private words; hardware sets win over a same-cycle firmware clear.
  logic [31:0] db_fw, rise_fw, dreq_lo, dreq_hi;
  assign db_fw   = wr_word({19'd0, db_q}, fw_wr && fw_addr_i == FaDb, fw_op_i, fw_wdata_i,
                           1'b0, 32'd0, {32'd0, DbMask}, 64'd0, 64'd0, 64'd0, 1'b0);
  assign rise_fw = wr_word({28'd0, rise_q}, fw_wr && fw_addr_i == FaRise, fw_op_i, fw_wdata_i,
                           1'b0, 32'd0, 64'hF, 64'd0, 64'd0, 64'd0, 1'b0);
  assign dreq_lo = wr_word(ddtp_req_q[31:0], fw_wr && fw_addr_i == FaDdtpReq, fw_op_i,
                           fw_wdata_i, 1'b0, 32'd0, '1, 64'd0, 64'd0, 64'd0, 1'b0);
  assign dreq_hi = wr_word(ddtp_req_q[63:32], fw_wr && fw_addr_i == FaDdtpReq + 10'd1, fw_op_i,
                           fw_wdata_i, 1'b0, 32'd0, '1, 64'd0, 64'd0, 64'd0, 1'b0);
  assign db_d    = db_fw[12:0] | db_set;
  // A 0->1 edge of an ipsr bit (spec 6.18, MSI delivery) is remembered for firmware.
  assign rise_d  = rise_fw[3:0] | ({1'b0, ipsr_d} & ~{1'b0, ipsr_q});
  assign ddtp_req_d = {ddtp_hi_wr ? hd_hi : dreq_hi, ddtp_lo_wr ? hd_lo : dreq_lo};

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      fctl_wsi_q  <= 1'b0;
      ddtp_mode_q <= '0;
      ddtp_busy_q <= 1'b0;
      ddtp_ppn_q  <= '0;
      cqb_log2_q  <= '0;
      cqb_ppn_q   <= '0;
      fqb_log2_q  <= '0;
      fqb_ppn_q   <= '0;
      cqh_q       <= '0;
      cqt_q       <= '0;
      fqh_q       <= '0;
      fqt_q       <= '0;
      cqcsr_q     <= '0;
      fqcsr_q     <= '0;
      ipsr_q      <= '0;
      icvec_q     <= '0;
      triova_q    <= '0;
      trctl_a_q   <= '0;
      trctl_pid_q <= '0;
      trctl_pv_q  <= 1'b0;
      trctl_did_q <= '0;
      trrsp_f_q   <= 1'b0;
      trrsp_q     <= '0;
      db_q        <= '0;
      ddtp_req_q  <= '0;
      rise_q      <= '0;
    end else begin
      fctl_wsi_q  <= fctl_wsi_d;
      ddtp_mode_q <= ddtp_mode_d;
      ddtp_busy_q <= ddtp_busy_d;
      ddtp_ppn_q  <= ddtp_ppn_d;
      cqb_log2_q  <= cqb_log2_d;
      cqb_ppn_q   <= cqb_ppn_d;
      fqb_log2_q  <= fqb_log2_d;
      fqb_ppn_q   <= fqb_ppn_d;
      cqh_q       <= cqh_d;
      cqt_q       <= cqt_d;
      fqh_q       <= fqh_d;
      fqt_q       <= fqt_d;
      cqcsr_q     <= cqcsr_d;
      fqcsr_q     <= fqcsr_d;
      ipsr_q      <= ipsr_d;
      icvec_q     <= icvec_d;
      triova_q    <= triova_d;
      trctl_a_q   <= trctl_a_d;
      trctl_pid_q <= trctl_pid_d;
      trctl_pv_q  <= trctl_pv_d;
      trctl_did_q <= trctl_did_d;
      trrsp_f_q   <= trrsp_f_d;
      trrsp_q     <= trrsp_d;
      db_q        <= db_d;
      ddtp_req_q  <= ddtp_req_d;
      rise_q      <= rise_d;
    end
  end

  //////////////////////////
  // HPM and msi_cfg_tbl //
  //////////////////////////

  // Read ports: 0 host, 1 firmware (doubleword index within the host part of the page).
  logic [13:0]  rp_dw;   // {port 1, port 0}
  logic [127:0] rp_core, rp_hpm, rp_msi;
  assign rp_dw = {fw_w[7:1], rd_dw[6:0]};

  iommu_regfile_hpm #(
    .NumCtr   (RISCV_IOMMU_IOHPMCTR_IMPLEMENTED),
    .WInh     (WInh),
    .WCycles  (WCycles),
    .WCtr1    ({20'd0, RISCV_IOMMU_REG_IOHPMCTR1} >> 2),
    .WEvt1    ({20'd0, RISCV_IOMMU_REG_IOHPMEVT1} >> 2),
    .InhStore (RISCV_IOMMU_IOCOUNTINH_STORE[31:0]),
    .InhWmask (RISCV_IOMMU_IOCOUNTINH_WMASK[31:0]),
    .InhReset (RISCV_IOMMU_IOCOUNTINH_RESET[31:0]),
    .CycStore (RISCV_IOMMU_IOHPMCYCLES_STORE),
    .CycWmask (RISCV_IOMMU_IOHPMCYCLES_WMASK),
    .CtrStore (RISCV_IOMMU_IOHPMCTR_STORE),
    .CtrWmask (RISCV_IOMMU_IOHPMCTR_WMASK),
    .EvtStore (RISCV_IOMMU_IOHPMEVT_STORE),
    .EvtWmask (RISCV_IOMMU_IOHPMEVT_WMASK)
  ) u_hpm (
    .clk_i,
    .rst_i,
    .fw_we_i    (fw_pw),
    .fw_w_i     (fw_w),
    .fw_op_i,
    .fw_wdata_i,
    .h_lo_i     (hlo),
    .h_hi_i     (hhi),
    .h_dw_i     (hdw),
    .h_data_i   (wr_data),
    .rd0_dw_i   (rp_dw[6:0]),
    .rd0_o      (rp_hpm[63:0]),
    .rd1_dw_i   (rp_dw[13:7]),
    .rd1_o      (rp_hpm[127:64]),
    .pmip_o     (pmip),
    .hpm_evt_i,
    .hpm_did_i,
    .hpm_pid_i,
    .hpm_pv_i,
    .hpm_gscid_i,
    .hpm_gscv_i,
    .hpm_pscid_i,
    .hpm_pscv_i
  );

  iommu_regfile_msi #(
    .NumVec (RISCV_IOMMU_MSI_ADDR_IMPLEMENTED),
    .WMsi   (WMsi),
    .WStep  ({20'd0, RISCV_IOMMU_REG_MSI_ADDR_1 - RISCV_IOMMU_REG_MSI_ADDR_0} >> 2),
    .WData  ({20'd0, RISCV_IOMMU_REG_MSI_DATA_0 - RISCV_IOMMU_REG_MSI_ADDR_0} >> 2),
    .WCtl   ({20'd0, RISCV_IOMMU_REG_MSI_VEC_CTL_0 - RISCV_IOMMU_REG_MSI_ADDR_0} >> 2),
    .AddrS  (RISCV_IOMMU_MSI_ADDR_STORE),
    .AddrM  (RISCV_IOMMU_MSI_ADDR_WMASK),
    .DataS  (RISCV_IOMMU_MSI_DATA_STORE[31:0]),
    .DataM  (RISCV_IOMMU_MSI_DATA_WMASK[31:0]),
    .CtlS   (RISCV_IOMMU_MSI_VEC_CTL_STORE[31:0]),
    .CtlM   (RISCV_IOMMU_MSI_VEC_CTL_WMASK[31:0])
  ) u_msi (
    .clk_i,
    .rst_i,
    .fw_we_i    (fw_pw),
    .fw_w_i     (fw_w),
    .fw_op_i,
    .fw_wdata_i,
    .h_lo_i     (hlo),
    .h_hi_i     (hhi),
    .h_dw_i     (hdw),
    .h_data_i   (wr_data),
    .rd0_dw_i   (rp_dw[6:0]),
    .rd0_o      (rp_msi[63:0]),
    .rd1_dw_i   (rp_dw[13:7]),
    .rd1_o      (rp_msi[127:64])
  );

  ///////////
  // Reads //
  ///////////

  localparam logic [6:0] DwCaps  = RISCV_IOMMU_REG_CAPABILITIES[9:3];
  localparam logic [6:0] DwFctl  = RISCV_IOMMU_REG_FCTL[9:3];
  localparam logic [6:0] DwDdtp  = RISCV_IOMMU_REG_DDTP[9:3];
  localparam logic [6:0] DwCqb   = RISCV_IOMMU_REG_CQB[9:3];
  localparam logic [6:0] DwCqh   = RISCV_IOMMU_REG_CQH[9:3];   // cqh, cqt
  localparam logic [6:0] DwFqb   = RISCV_IOMMU_REG_FQB[9:3];
  localparam logic [6:0] DwFqh   = RISCV_IOMMU_REG_FQH[9:3];   // fqh, fqt
  localparam logic [6:0] DwCqcsr = RISCV_IOMMU_REG_CQCSR[9:3]; // cqcsr, fqcsr
  localparam logic [6:0] DwIpsr  = RISCV_IOMMU_REG_IPSR[9:3];  // pqcsr, ipsr
  localparam logic [6:0] DwTrIova = RISCV_IOMMU_REG_TR_REQ_IOVA[9:3];
  localparam logic [6:0] DwTrCtl = RISCV_IOMMU_REG_TR_REQ_CTL[9:3];
  localparam logic [6:0] DwTrRsp = RISCV_IOMMU_REG_TR_RESPONSE[9:3];
  localparam logic [6:0] DwIcvec = RISCV_IOMMU_REG_ICVEC[9:3];

  // Registers of this module in page layout, per doubleword.
  logic [63:0] dw_fctl, dw_cq, dw_fq, dw_csr, dw_ipsr, dw_icvec;
  assign dw_fctl  = {32'd0, fctl_v};
  assign dw_cq    = {cqt_v, cqh_v};
  assign dw_fq    = {fqt_v, fqh_v};
  assign dw_csr   = {fqcsr_v, cqcsr_v};
  assign dw_ipsr  = {ipsr_v, 32'd0};
  assign dw_icvec = {32'd0, icvec_v};

  for (genvar p = 0; p < 2; p++) begin : gen_rd
    logic [6:0]  dw;
    logic [63:0] v;
    assign dw = rp_dw[p*7 +: 7];
    always_comb begin
      case (dw)
        DwCaps:   v = RISCV_IOMMU_CAPABILITIES_RESET;
        DwFctl:   v = dw_fctl;
        DwDdtp:   v = ddtp_v;
        DwCqb:    v = cqb_v;
        DwCqh:    v = dw_cq;
        DwFqb:    v = fqb_v;
        DwFqh:    v = dw_fq;
        DwCqcsr:  v = dw_csr;
        DwIpsr:   v = dw_ipsr;
        DwTrIova: v = triova_v;
        DwTrCtl:  v = trctl_v;
        DwTrRsp:  v = trrsp_v;
        DwIcvec:  v = dw_icvec;
        default:  v = 64'd0;
      endcase
    end
    assign rp_core[p*64 +: 64] = v | rp_hpm[p*64 +: 64] | rp_msi[p*64 +: 64];
  end

  // Host: the firmware-private part reads 0.
  assign rd_data = (rd_dw[8:7] == 2'b00) ? rp_core[63:0] : 64'h0;

  logic [63:0] fw_dw;
  logic [31:0] fw_page_rd, dreq_q_lo, dreq_q_hi;
  assign dreq_q_lo  = ddtp_req_q[31:0];
  assign dreq_q_hi  = ddtp_req_q[63:32];
  assign fw_dw      = rp_core[127:64];
  assign fw_page_rd = fw_w[0] ? fw_dw[63:32] : fw_dw[31:0];

  always_comb begin
    if (fw_page) begin
      fw_rdata_o = fw_page_rd;
    end else if (fw_addr_i == FaDb) begin
      fw_rdata_o = {19'd0, db_q};
    end else if (fw_addr_i == FaDdtpReq) begin
      fw_rdata_o = dreq_q_lo;
    end else if (fw_addr_i == FaDdtpReq + 10'd1) begin
      fw_rdata_o = dreq_q_hi;
    end else if (fw_addr_i == FaRise) begin
      fw_rdata_o = {28'd0, rise_q};
    end else begin
      fw_rdata_o = 32'h0;
    end
  end

  /////////////
  // Outputs //
  /////////////

  assign ddtp_mode_o   = ddtp_mode_q;
  assign ddtp_ppn_o    = ddtp_ppn_q;
  assign fctl_wsi_o    = fctl_wsi_q;
  assign fctl_gxl_o    = |(fctl_v & RISCV_IOMMU_FCTL_GXL[31:0]);
  assign caps_o        = RISCV_IOMMU_CAPABILITIES_RESET;
  assign tr_req_iova_o = triova_v;
  assign tr_req_ctl_o  = trctl_v;

  // Wired interrupts: ipsr bit i drives vector icvec[4i+3:4i] while fctl.WSI=1.
  for (genvar v = 0; v < 16; v++) begin : gen_wsi
    assign wsi_o[v] = fctl_wsi_q && ((ipsr_q[0] && {28'd0, icvec_q[3:0]} == v) ||
                                     (ipsr_q[1] && {28'd0, icvec_q[7:4]} == v) ||
                                     (ipsr_q[2] && {28'd0, icvec_q[11:8]} == v));
  end

  // Bits of the write results and views that hold no stored field.
  logic unused_bits;
  assign unused_bits = ^{fctl_n[31:2], fctl_n[0], ddtp_n[63:54], ddtp_n[9:5], cqb_n[63:54],
                         cqb_n[9:5], fqb_n[63:54], fqb_n[9:5], cqh_n[31:20], cqt_n[31:20],
                         fqh_n[31:20], fqt_n[31:20], cqcsr_n[31:18], cqcsr_n[15:12],
                         cqcsr_n[7:2], fqcsr_n[31:18], fqcsr_n[15:10], fqcsr_n[7:2],
                         ipsr_n[31:3], icvec_n[31:16], triova_n[11:0], trctl_n[11:4],
                         trctl_n[39:33], trrsp_n[63:54], trrsp_n[6:1], db_fw[31:13],
                         rise_fw[31:4], icvec_q[15:12], tr_resp_i[63:54], tr_resp_i[6:1]};

endmodule
