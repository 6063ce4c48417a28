// SPDX-License-Identifier: Apache-2.0
// IOMMU spec register page: storage, reset values and host access rules (architecture.md §4).
//
// Owns every register of the 4 KiB page (IOMMU spec 6, include/iommu_regs.def). Each register is
// an explicit flop set holding only its implemented fields; offsets and the store / host-RW /
// RW1C / RW1S masks come from the generated rtl/iommu/iommu_regs.svh. Rules beyond the masks: ddtp
// and queue-enable handshakes with firmware, WARL legalisation of cqb/fqb/cqt/fqh, the ipsr sources
// (spec 6.18), wired interrupts (spec 6.28) and the debug translation result (spec 6.24-26).
// Firmware reaches the whole page, including its private words at 0x400+, through the fw port
// (raw / set / clear), which bypasses the host rules. Firmware writes never ring doorbells.
//
// One access per cycle: a firmware access holds the host channels for that cycle, and a host
// write holds the host read (iommu_regfile_axil). The access reads its doubleword through the
// one read mux; one 64-bit write unit merges it with the host or firmware data, and each
// register takes the merged value under its own enable, then the hardware updates apply.
// The debug translation registers live in iommu_regfile_tr, the HPM registers in
// iommu_regfile_hpm, the msi_cfg_tbl (distributed RAM) in iommu_regfile_msi.

`default_nettype none

module iommu_regfile #(
  // Programmable HPM counters (iohpmctr/iohpmevt 1..HpmCounters, 1..31); the rest read 0.
  parameter int HpmCounters = 2
) (
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

  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  // verilator lint_on UNUSEDPARAM

  // Doubleword indices (byte offset [11:3]); 32-bit registers sit in the half of theirs.
  localparam logic [8:0] DwCaps   = {2'd0, RISCV_IOMMU_REG_CAPABILITIES[9:3]};
  localparam logic [8:0] DwFctl   = {2'd0, RISCV_IOMMU_REG_FCTL[9:3]};
  localparam logic [8:0] DwDdtp   = {2'd0, RISCV_IOMMU_REG_DDTP[9:3]};
  localparam logic [8:0] DwCqb    = {2'd0, RISCV_IOMMU_REG_CQB[9:3]};
  localparam logic [8:0] DwCqh    = {2'd0, RISCV_IOMMU_REG_CQH[9:3]};    // cqh, cqt
  localparam logic [8:0] DwFqb    = {2'd0, RISCV_IOMMU_REG_FQB[9:3]};
  localparam logic [8:0] DwFqh    = {2'd0, RISCV_IOMMU_REG_FQH[9:3]};    // fqh, fqt
  localparam logic [8:0] DwCsr    = {2'd0, RISCV_IOMMU_REG_CQCSR[9:3]};  // cqcsr, fqcsr
  localparam logic [8:0] DwIpsr   = {2'd0, RISCV_IOMMU_REG_IPSR[9:3]};   // pqcsr, ipsr
  localparam logic [8:0] DwInh    = {2'd0, RISCV_IOMMU_REG_IOCOUNTINH[9:3]};
  localparam logic [8:0] DwCycles = {2'd0, RISCV_IOMMU_REG_IOHPMCYCLES[9:3]};
  localparam logic [8:0] DwTrIova = {2'd0, RISCV_IOMMU_REG_TR_REQ_IOVA[9:3]};
  localparam logic [8:0] DwTrCtl  = {2'd0, RISCV_IOMMU_REG_TR_REQ_CTL[9:3]};
  localparam logic [8:0] DwIcvec  = {2'd0, RISCV_IOMMU_REG_ICVEC[9:3]};
  localparam logic [8:0] DwMsi    = {2'd0, RISCV_IOMMU_REG_MSI_ADDR_0[9:3]};
  // Firmware-private words (0x400+): FW_DB_PENDING (low), FW_DDTP_REQ, FW_IRQ_RISE (low).
  localparam logic [8:0] DwDb     = RISCV_IOMMU_REG_FW_DB_PENDING[11:3];
  localparam logic [8:0] DwDreq   = RISCV_IOMMU_REG_FW_DDTP_REQ[11:3];
  localparam logic [8:0] DwRise   = RISCV_IOMMU_REG_FW_IRQ_RISE[11:3];

  ///////////////////////////////////////
  // Host port, access and write unit //
  ///////////////////////////////////////

  logic        wr_lo, wr_hi, a_lo, a_hi, host, pmip, msi_init;
  logic [8:0]  wr_dw, rd_dw, a_dw;
  logic [63:0] wr_data, q, wv;
  logic [4:0]  cqb_log2_q, fqb_log2_q;

  iommu_regfile_axil u_axil (
    .clk_i, .rst_i,
    .s_axil_awvalid_i, .s_axil_awready_o, .s_axil_awaddr_i,
    .s_axil_wvalid_i, .s_axil_wready_o, .s_axil_wdata_i, .s_axil_wstrb_i,
    .s_axil_bvalid_o, .s_axil_bready_i, .s_axil_bresp_o,
    .s_axil_arvalid_i, .s_axil_arready_o, .s_axil_araddr_i,
    .s_axil_rvalid_o, .s_axil_rready_i, .s_axil_rdata_o, .s_axil_rresp_o,
    .wr_lo_o   (wr_lo),
    .wr_hi_o   (wr_hi),
    .wr_dw_o   (wr_dw),
    .wr_data_o (wr_data),
    .rd_dw_o   (rd_dw),
    .rd_data_i (q),         // host reads of 0x400+ see 0 (the read mux below)
    .stall_i   (fw_req_i || msi_init)
  );

  logic [31:0] sc_q;
  logic        sc_ok;
  iommu_regfile_wu u_wu (
    .fw_req_i, .fw_we_i, .fw_op_i, .fw_addr_i, .fw_wdata_i,
    .wr_lo_i    (wr_lo),
    .wr_hi_i    (wr_hi),
    .wr_dw_i    (wr_dw),
    .wr_data_i  (wr_data),
    .rd_dw_i    (rd_dw),
    .cqb_log2_i (cqb_log2_q),
    .fqb_log2_i (fqb_log2_q),
    .zero_i     (msi_init),
    .dw_o       (a_dw),
    .we_lo_o    (a_lo),
    .we_hi_o    (a_hi),
    .host_o     (host),
    .sc_ok_i    (sc_ok),
    .q_i        (sc_q),
    .wv_o       (wv)
  );

  function automatic logic en(input logic half_en, input logic [8:0] adw, input logic [8:0] dw);
    en = half_en && (adw == dw);
  endfunction

  ///////////////
  // Registers //
  ///////////////

  logic        fctl_wsi_q, ddtp_busy_q;
  logic [3:0]  ddtp_mode_q;
  logic [21:0] ddtp_pl_q, ddtp_ph_q, cqb_pl_q, cqb_ph_q, fqb_pl_q, fqb_ph_q;  // PPN halves
  logic [19:0] cqh_q, cqt_q, fqh_q, fqt_q;
  logic [7:0]  cqcsr_q, cqcsr_d;    // {busy, on, fence_w_ip, cmd_ill, cmd_to, cqmf, cie, cqen}
  logic [5:0]  fqcsr_q, fqcsr_d;    // {busy, on, fqof, fqmf, fie, fqen}
  logic [2:0]  ipsr_q, ipsr_d;      // {pmip, fip, cip}
  logic [15:0] icvec_q;
  logic [12:0] db_q, db_d, db_set;  // FW_DB_PENDING
  logic [31:0] dreq_lq, dreq_hq;    // FW_DDTP_REQ
  logic [3:0]  rise_q, rise_d;      // FW_IRQ_RISE

  logic [31:0] fctl_v, cqcsr_v, fqcsr_v;
  logic [63:0] ddtp_v, cqb_v, fqb_v;
  assign fctl_v  = {30'd0, fctl_wsi_q, 1'b0};
  assign ddtp_v  = {10'd0, ddtp_ph_q, ddtp_pl_q, 5'd0, ddtp_busy_q, ddtp_mode_q};
  assign cqb_v   = {10'd0, cqb_ph_q, cqb_pl_q, 5'd0, cqb_log2_q};
  assign fqb_v   = {10'd0, fqb_ph_q, fqb_pl_q, 5'd0, fqb_log2_q};
  assign cqcsr_v = {14'd0, cqcsr_q[7:6], 4'd0, cqcsr_q[5:2], 6'd0, cqcsr_q[1:0]};
  assign fqcsr_v = {14'd0, fqcsr_q[5:4], 6'd0, fqcsr_q[3:2], 6'd0, fqcsr_q[1:0]};

  // Write enables; ddtp itself is written by firmware only.
  logic e_fctl, e_ddl, e_ddh, e_cqbl, e_cqbh, e_fqbl, e_fqbh, e_cqh, e_cqt, e_fqh, e_fqt;
  logic e_cqcsr, e_fqcsr, e_ipsr, e_icvec, e_db, e_rise, e_drl, e_drh, ddtp_lo_wr, ddtp_hi_wr;
  assign e_fctl  = en(a_lo, a_dw, DwFctl);
  assign e_ddl   = !host && en(a_lo, a_dw, DwDdtp);
  assign e_ddh   = !host && en(a_hi, a_dw, DwDdtp);
  assign e_cqbl  = en(a_lo, a_dw, DwCqb);
  assign e_cqbh  = en(a_hi, a_dw, DwCqb);
  assign e_fqbl  = en(a_lo, a_dw, DwFqb);
  assign e_fqbh  = en(a_hi, a_dw, DwFqb);
  assign e_cqh   = !host && en(a_lo, a_dw, DwCqh);    // host: read-only
  assign e_cqt   = en(a_hi, a_dw, DwCqh);
  assign e_fqh   = en(a_lo, a_dw, DwFqh);
  assign e_fqt   = !host && en(a_hi, a_dw, DwFqh);
  assign e_cqcsr = en(a_lo, a_dw, DwCsr);
  assign e_fqcsr = en(a_hi, a_dw, DwCsr);
  assign e_ipsr  = en(a_hi, a_dw, DwIpsr);
  assign e_icvec = en(a_lo, a_dw, DwIcvec);
  assign e_db    = en(a_lo, a_dw, DwDb);
  assign e_rise  = en(a_lo, a_dw, DwRise);
  // ddtp: a host write while not busy latches its raw value in FW_DDTP_REQ (the write unit
  // passes it whole), sets busy and rings DB bit 0.
  assign ddtp_lo_wr = host && !ddtp_busy_q && en(a_lo, a_dw, DwDdtp);
  assign ddtp_hi_wr = host && !ddtp_busy_q && en(a_hi, a_dw, DwDdtp);
  assign e_drl   = en(a_lo, a_dw, DwDreq) || ddtp_lo_wr;
  assign e_drh   = en(a_hi, a_dw, DwDreq) || ddtp_hi_wr;

  // cqcsr/fqcsr: busy when the host changes en (firmware turns the queue on/off).
  // Host: en / ie RW, error bits RW1C, busy / on read-only.
  logic [31:0] cq_n, fq_n, cq_h, fq_h, hd_l, hd_h;
  logic        cq_chg, fq_chg;
  assign hd_l    = wr_data[31:0];
  assign hd_h    = wr_data[63:32];
  assign cq_h    = ((cqcsr_v & ~RISCV_IOMMU_CQCSR_WMASK[31:0]) |
                    (hd_l & RISCV_IOMMU_CQCSR_WMASK[31:0])) & ~(hd_l & RISCV_IOMMU_CQCSR_W1C[31:0]);
  assign fq_h    = ((fqcsr_v & ~RISCV_IOMMU_FQCSR_WMASK[31:0]) |
                    (hd_h & RISCV_IOMMU_FQCSR_WMASK[31:0])) & ~(hd_h & RISCV_IOMMU_FQCSR_W1C[31:0]);
  assign cq_n    = !e_cqcsr ? cqcsr_v : (host ? cq_h : wv[31:0]);
  assign fq_n    = !e_fqcsr ? fqcsr_v : (host ? fq_h : wv[63:32]);
  assign cq_chg  = host && e_cqcsr && (hd_l[0] != cqcsr_q[0]);
  assign fq_chg  = host && e_fqcsr && (hd_h[0] != fqcsr_q[0]);
  assign cqcsr_d = {cq_n[17] | cq_chg, cq_n[16], cq_n[11:8], cq_n[1:0]};
  assign fqcsr_d = {fq_n[17] | fq_chg, fq_n[16], fq_n[9:8], fq_n[1:0]};

  // ipsr sources (spec 6.18); they re-set the bit while the cause persists.
  // Host: RW1C.
  logic [2:0] ipsr_w;
  assign ipsr_w = !e_ipsr ? ipsr_q :
                  (host ? (ipsr_q & ~(hd_h[2:0] & RISCV_IOMMU_IPSR_W1C[2:0])) : wv[34:32]);
  assign ipsr_d = ipsr_w |
                  {pmip, fqcsr_q[1] && (|fqcsr_q[3:2]), cqcsr_q[1] && (|cqcsr_q[5:2])};
  // Firmware-private words; hardware sets win over a same-cycle firmware write.
  assign db_d   = (e_db ? wv[12:0] : db_q) | db_set;
  // A 0->1 edge of an ipsr bit (spec 6.18, MSI delivery) is remembered for firmware.
  assign rise_d = (e_rise ? wv[3:0] : rise_q) | ({1'b0, ipsr_d} & ~{1'b0, ipsr_q});

  // Field slices of the merged value.
  logic [21:0] w_pl, w_ph;
  logic [19:0] w_il, w_ih;
  logic [4:0]  w_lg;
  logic [31:0] w_l, w_h;
  assign w_pl = wv[31:10];
  assign w_ph = wv[53:32];
  assign w_il = wv[19:0];
  assign w_ih = wv[51:32];
  assign w_lg = wv[4:0];
  assign w_l  = wv[31:0];
  assign w_h  = wv[63:32];

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      fctl_wsi_q <= 1'b0;
      ddtp_mode_q <= '0;
      ddtp_busy_q <= 1'b0;
      {ddtp_pl_q, ddtp_ph_q, cqb_pl_q, cqb_ph_q, fqb_pl_q, fqb_ph_q} <= '0;
      {cqb_log2_q, fqb_log2_q, cqh_q, cqt_q, fqh_q, fqt_q} <= '0;
      {cqcsr_q, fqcsr_q, ipsr_q, icvec_q, db_q, dreq_lq, dreq_hq, rise_q} <= '0;
    end else begin
      if (e_fctl) fctl_wsi_q <= wv[1];
      if (e_ddl) ddtp_mode_q <= wv[3:0];
      if (e_ddl || ddtp_lo_wr) ddtp_busy_q <= ddtp_lo_wr || wv[4];
      if (e_ddl) ddtp_pl_q <= w_pl;
      if (e_ddh) ddtp_ph_q <= w_ph;
      if (e_cqbl) cqb_log2_q <= w_lg;
      if (e_cqbl) cqb_pl_q <= w_pl;
      if (e_cqbh) cqb_ph_q <= w_ph;
      if (e_fqbl) fqb_log2_q <= w_lg;
      if (e_fqbl) fqb_pl_q <= w_pl;
      if (e_fqbh) fqb_ph_q <= w_ph;
      if (e_cqh) cqh_q <= w_il;
      if (e_cqt) cqt_q <= w_ih;
      if (e_fqh) fqh_q <= w_il;
      if (e_fqt) fqt_q <= w_ih;
      cqcsr_q <= cqcsr_d;
      fqcsr_q <= fqcsr_d;
      ipsr_q  <= ipsr_d;
      if (e_icvec) icvec_q <= w_l[15:0];
      db_q    <= db_d;
      if (e_drl) dreq_lq <= w_l;
      if (e_drh) dreq_hq <= w_h;
      rise_q  <= rise_d;
    end
  end

  // The word a firmware set/clear op modifies: only the registers firmware shares with the host
  // or the hardware take set/clear (cqcsr, fqcsr, ipsr, FW_DB_PENDING, FW_IRQ_RISE; the firmware
  // uses no other), so the read-modify-write reads this small mux, not the page's read mux and
  // the msi_cfg_tbl RAM (that chain, firmware address -> RAM read -> merge -> RAM write, was the
  // routed worst path). A set/clear op on any other word writes nothing.
  always_comb begin
    sc_ok = 1'b1;
    sc_q  = '0;
    case ({fw_addr_i[11:3], fw_addr_i[2]})
      {DwCsr, 1'b0}:  sc_q = cqcsr_v;
      {DwCsr, 1'b1}:  sc_q = fqcsr_v;
      {DwIpsr, 1'b1}: sc_q = {29'd0, ipsr_q};
      {DwDb, 1'b0}:   sc_q = {19'd0, db_q};
      {DwRise, 1'b0}: sc_q = {28'd0, rise_q};
      default:        sc_ok = 1'b0;
    endcase
  end

  // Doorbells (host writes; 8-byte registers ring when their low half lands).
  logic hlo, hhi;
  assign hlo = host && a_lo;
  assign hhi = host && a_hi;
  assign db_set[0]  = ddtp_lo_wr;
  assign db_set[1]  = en(hlo, a_dw, DwCqb);
  assign db_set[2]  = en(hhi, a_dw, DwCqh);   // cqt
  assign db_set[3]  = en(hlo, a_dw, DwCsr);   // cqcsr
  assign db_set[4]  = en(hlo, a_dw, DwFqb);
  assign db_set[5]  = en(hlo, a_dw, DwFqh);   // fqh
  assign db_set[6]  = en(hhi, a_dw, DwCsr);   // fqcsr
  assign db_set[7]  = en(hlo, a_dw, DwFctl);
  // msi_cfg_tbl: vec_ctl is the high word of each entry's second doubleword.
  assign db_set[8]  = hhi && (a_dw >= DwMsi) && a_dw[0];
  assign db_set[9]  = en(hlo, a_dw, DwTrCtl) && hd_l[0];
  // iocountinh, iohpmcycles, iohpmctr*, iohpmevt* (up to tr_req_iova)
  assign db_set[10] = en(hhi, a_dw, DwInh) || (hlo && a_dw >= DwCycles && a_dw < DwTrIova);
  assign db_set[11] = en(hlo, a_dw, DwIcvec);
  assign db_set[12] = en(hhi, a_dw, DwIpsr);

  ///////////////////////////////////////////////
  // Debug translation, HPM and msi_cfg_tbl //
  ///////////////////////////////////////////////

  // Submodules see the page only: a firmware-private access shows them doubleword 0 (caps).
  logic [6:0]  s_dw;
  logic        s_lo, s_hi;
  logic [63:0] rd_tr, rd_hpm, rd_msi;
  assign s_dw = (a_dw[8:7] == 2'b00) ? a_dw[6:0] : 7'd0;
  assign s_lo = a_lo && (a_dw[8:7] == 2'b00);
  assign s_hi = a_hi && (a_dw[8:7] == 2'b00);

  iommu_regfile_tr #(
    .DwIova (RISCV_IOMMU_REG_TR_REQ_IOVA[9:3]),
    .DwCtl  (RISCV_IOMMU_REG_TR_REQ_CTL[9:3]),
    .DwRsp  (RISCV_IOMMU_REG_TR_RESPONSE[9:3])
  ) u_tr (
    .clk_i, .rst_i,
    .dw_i    (s_dw),
    .we_lo_i (s_lo),
    .we_hi_i (s_hi),
    .host_i  (host),
    .wv_i    (wv),
    .rd_o    (rd_tr),
    .tr_req_iova_o, .tr_req_ctl_o, .tr_resp_valid_i, .tr_resp_i
  );

  iommu_regfile_hpm #(
    .HpmCounters (HpmCounters),
    .WInh        ({20'd0, RISCV_IOMMU_REG_IOCOUNTINH} >> 2),
    .WCycles     ({20'd0, RISCV_IOMMU_REG_IOHPMCYCLES} >> 2),
    .WCtr1       ({20'd0, RISCV_IOMMU_REG_IOHPMCTR1} >> 2),
    .WEvt1       ({20'd0, RISCV_IOMMU_REG_IOHPMEVT1} >> 2)
  ) u_hpm (
    .clk_i, .rst_i,
    .dw_i    (s_dw),
    .we_lo_i (s_lo),
    .we_hi_i (s_hi),
    .wv_i    (wv),
    .rd_o    (rd_hpm),
    .pmip_o  (pmip),
    .hpm_evt_i, .hpm_did_i, .hpm_pid_i, .hpm_pv_i,
    .hpm_gscid_i, .hpm_gscv_i, .hpm_pscid_i, .hpm_pscv_i
  );

  iommu_regfile_msi #(
    .NumVec (RISCV_IOMMU_MSI_ADDR_IMPLEMENTED),
    .DwMsi  (RISCV_IOMMU_REG_MSI_ADDR_0[9:3])
  ) u_msi (
    .clk_i, .rst_i,
    .dw_i    (s_dw),
    .we_lo_i (s_lo),
    .we_hi_i (s_hi),
    .wv_i    (wv),
    .rd_o    (rd_msi),
    .init_o  (msi_init),
    .clr_i   (msi_init && !fw_req_i)
  );

  // Read mux.
  function automatic logic [63:0] sel(input logic [8:0] adw, input logic [8:0] dw);
    sel = {64{adw == dw}};
  endfunction

  // One mux for the access of the cycle, an AND-OR of the doubleword selects; the
  // firmware-private words only for firmware.
  logic [63:0] rd_core;
  logic [8:0]  p_dw;
  assign p_dw    = fw_req_i ? a_dw : 9'h0;
  assign rd_core = (RISCV_IOMMU_CAPABILITIES_RESET & sel(a_dw, DwCaps)) |
                   ({32'd0, fctl_v} & sel(a_dw, DwFctl)) | (ddtp_v & sel(a_dw, DwDdtp)) |
                   (cqb_v & sel(a_dw, DwCqb)) | (fqb_v & sel(a_dw, DwFqb)) |
                   ({12'd0, cqt_q, 12'd0, cqh_q} & sel(a_dw, DwCqh)) |
                   ({12'd0, fqt_q, 12'd0, fqh_q} & sel(a_dw, DwFqh)) |
                   ({fqcsr_v, cqcsr_v} & sel(a_dw, DwCsr)) |
                   ({29'd0, ipsr_q, 32'd0} & sel(a_dw, DwIpsr)) |
                   ({48'd0, icvec_q} & sel(a_dw, DwIcvec)) |
                   // FW_DB_PENDING[25]: FW_IRQ_RISE is not zero (one read per idle pass).
                   ({38'd0, |rise_q, 12'd0, db_q} & sel(p_dw, DwDb)) |
                   ({dreq_hq, dreq_lq} & sel(p_dw, DwDreq)) |
                   ({60'd0, rise_q} & sel(p_dw, DwRise));
  assign q          = rd_core | rd_tr | rd_hpm | rd_msi;
  assign fw_rdata_o = fw_addr_i[2] ? q[63:32] : q[31:0];

  // Outputs.
  assign ddtp_mode_o = ddtp_mode_q;
  assign ddtp_ppn_o  = {ddtp_ph_q, ddtp_pl_q};
  assign fctl_wsi_o  = fctl_wsi_q;
  assign fctl_gxl_o  = |(fctl_v & RISCV_IOMMU_FCTL_GXL[31:0]);
  assign caps_o      = RISCV_IOMMU_CAPABILITIES_RESET;

  // Wired interrupts: ipsr bit i drives vector icvec[4i+3:4i] while fctl.WSI=1.
  for (genvar v = 0; v < 16; v++) begin : gen_wsi
    assign wsi_o[v] = fctl_wsi_q && ((ipsr_q[0] && {28'd0, icvec_q[3:0]} == v) ||
                                     (ipsr_q[1] && {28'd0, icvec_q[7:4]} == v) ||
                                     (ipsr_q[2] && {28'd0, icvec_q[11:8]} == v));
  end

  logic unused_bits;
  assign unused_bits = ^{cq_n[31:18], cq_n[15:12], cq_n[7:2], fq_n[31:18], fq_n[15:10],
                         fq_n[7:2], w_l[31:16], wv[9:5], wv[31:20], wv[63:54], icvec_q[15:12]};

endmodule
