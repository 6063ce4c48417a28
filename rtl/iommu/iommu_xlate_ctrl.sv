// SPDX-License-Identifier: Apache-2.0
// Translation stage of iommu_xlate: the ordered cause chain, the stage's disposition (issue,
// park in the miss queue, or stall) and the context-miss handshake; the issue port with its
// register slice and the fault record are iommu_xlate_issue.
//
// Requests come from iommu_xlate_intake (AW/AR/debug pick, skid and stage registers), which also
// offers the key of the next request so that the context cache, the IOTLB and the MSI cache are
// looked up a cycle ahead: the stage decides on registered lookups (IOMMU spec "Process to
// translate an IOVA", doc/datapath.md §5), in the cycles they are its own (st_act; after a
// cycle in which it held its request, a relook cycle refreshes them). A decided request enters the issue slice toward
// m_dma_* (or SLVERR + record), unless it must stay behind a parked request of its chain (then it
// parks as a follower). An IOTLB miss parks the request and starts a walker; only a context miss
// (firmware), a full miss queue or a full slice stalls the stage. The issue port serves the miss
// queue first (older requests), else the stage.

`default_nettype none

module iommu_xlate_ctrl #(
  parameter int IdWidth = 4
) (
  input  logic               clk_i,
  input  logic               rst_i,

  // ---- Device request channels ----
  input  logic [IdWidth-1:0] s_axi_awid_i,
  input  logic [63:0]        s_axi_awaddr_i,
  input  logic [7:0]         s_axi_awlen_i,
  input  logic [2:0]         s_axi_awsize_i,
  input  logic [1:0]         s_axi_awburst_i,
  input  logic [2:0]         s_axi_awprot_i,
  input  logic [23:0]        s_axi_aw_did_i,
  input  logic [19:0]        s_axi_aw_pid_i,
  input  logic               s_axi_aw_pv_i,
  input  logic               s_axi_awvalid_i,
  output logic               s_axi_awready_o,
  input  logic [IdWidth-1:0] s_axi_arid_i,
  input  logic [63:0]        s_axi_araddr_i,
  input  logic [7:0]         s_axi_arlen_i,
  input  logic [2:0]         s_axi_arsize_i,
  input  logic [1:0]         s_axi_arburst_i,
  input  logic [2:0]         s_axi_arprot_i,
  input  logic [23:0]        s_axi_ar_did_i,
  input  logic [19:0]        s_axi_ar_pid_i,
  input  logic               s_axi_ar_pv_i,
  input  logic               s_axi_arvalid_i,
  output logic               s_axi_arready_o,
  input  logic               dev_hold_i,      // fence drain: accept no AW/AR

  // ---- Debug translation request (tr_req_ctl Go; third intake source) ----
  input  logic               dbg_valid_i,   // level until dbg_ready_o
  output logic               dbg_ready_o,
  input  logic [63:0]        dbg_iova_i,
  input  logic [23:0]        dbg_did_i,
  input  logic [19:0]        dbg_pid_i,
  input  logic               dbg_pv_i,
  input  logic               dbg_priv_i,
  input  logic               dbg_exe_i,
  input  logic               dbg_nw_i,
  output logic               dbg_done_o,    // pulse: the debug request finished
  output logic               dbg_fault_o,
  output logic [43:0]        dbg_ppn_o,
  output logic [2:0]         dbg_size_o,    // 0 4K, 1 64K, 2 2M, 3 1G, 4 512G, 5 256T
  input  logic [2:0]         iss_wsize_i,   // leaf size of the issuing walk slot

  // ---- Stage register (to lookups and the miss queue) ----
  output logic               st_write_o,
  output logic [IdWidth-1:0] st_id_o,
  output logic [63:0]        st_addr_o,
  output logic [7:0]         st_len_o,
  output logic [2:0]         st_size_o,
  output logic [1:0]         st_burst_o,
  output logic [2:0]         st_prot_o,
  output logic [23:0]        st_did_o,
  output logic [19:0]        st_pid_o,
  output logic               st_pv_o,
  output logic               st_exec_o,
  output logic               st_priv_o,
  output logic               accept_o,    // a device request was accepted
  output logic               nk_rl_o,     // the lookups relook the stage's own key
  output logic [44:0]        nk_ka_o,     // its context key in parts (iommu_xlate_intake)
  output logic [44:0]        nk_kb_o,
  output logic               nk_sel_a_o,
  output logic               nk_skdbg_o,
  output logic               nk_sk_o,
  output logic [44:0]        nk_ksk_o,
  output logic [51:0]        nk_vpn_o,
  output logic               nk_exec_o,   // its access type (IOTLB permission pre-check)
  output logic               nk_write_o,
  output logic               nk_priv_o,
  output logic               st_dbg_o,    // the stage holds the debug request
  output logic               st_bad_o,    // the stage's request is unsupported (260)
  output logic               st_done_o,   // the stage's request left the stage this cycle
  output logic               st_act_o,    // the stage decides this cycle (its lookups are its own)

  // ---- Lookups ----
  input  logic [3:0]         ddtp_mode_i,
  input  logic               ctx_hit_i,
  input  logic               ctx_pdtv_i,
  input  logic               ctx_dtf_i,
  input  logic               ctx_ens_i,
  input  logic               s1_on_i,
  input  logic               s2_on_i,
  input  logic               tlb_hit_i,
  input  logic [43:0]        tlb_ppn_i,
  input  logic               tlb_perm_bad_i,  // the hit's stored permissions fail
  output logic               tlb_touch_o,
  output logic               tlb_kill_o,

  // ---- Context miss (firmware) ----
  output logic               miss_valid_o,
  input  logic               miss_retry_i,
  input  logic               miss_fail_i,
  input  logic               miss_absorb_i, // with miss_fail_i: firmware takes the write (MRIF)
  input  logic               miss_block_i,  // a miss-queue slot owns the miss interface
  output logic               cm_busy_o,     // the stage uses (or is about to use) it
  // MSI (spec "Process to translate addresses of MSIs"): the stage's GPA is an interrupt-file page of a Flat msiptp context
  input  logic               msi_wait_i,    // the MSI check is not yet the request's: relook
  input  logic               msi_sel_i,
  input  logic               msi_hit_i,     // MSI-PTE cache hit
  input  logic [43:0]        msi_ppn_i,
  output logic               miss_msi_o,    // the pending miss is an MSI-PTE miss (MSI_MISS)

  // ---- Miss queue ----
  input  logic               q_dep_i,
  input  logic               q_page_busy_i,
  input  logic               q_free_i,
  output logic               enq_o,
  output logic               enq_walk_o,
  output logic               enq_fault_o,
  output logic               enq_record_o,
  output logic [11:0]        enq_cause_o,
  output logic [63:0]        enq_daddr_o,
  input  logic               iss_valid_i,
  output logic               iss_take_o,
  input  logic               iss_write_i,
  input  logic [IdWidth-1:0] iss_id_i,
  input  logic [63:0]        iss_iova_i,
  input  logic [63:0]        iss_addr_i,
  input  logic [7:0]         iss_len_i,
  input  logic [2:0]         iss_size_i,
  input  logic [1:0]         iss_burst_i,
  input  logic [2:0]         iss_prot_i,
  input  logic [23:0]        iss_did_i,
  input  logic [19:0]        iss_pid_i,
  input  logic               iss_pv_i,
  input  logic               iss_fault_i,
  input  logic               iss_record_i,
  input  logic [11:0]        iss_cause_i,
  input  logic [63:0]        iss_iotval2_i,

  // ---- Issue port: memory requests and the response block ----
  output logic               is_write_o,
  output logic [IdWidth-1:0] is_id_o,
  output logic [63:0]        is_addr_o,
  output logic [7:0]         is_len_o,
  output logic [2:0]         is_size_o,
  output logic [1:0]         is_burst_o,
  output logic [2:0]         is_prot_o,
  output logic               is_pass_o,
  output logic               is_absorb_o, // fault marked CAUSE_ABSORB: W beats go to firmware
  output logic               is_done_o,   // the issue port's request left this cycle
  output logic               m_dma_arvalid_o,
  input  logic               m_dma_arready_i,
  output logic               m_dma_awvalid_o,
  input  logic               m_dma_awready_i,
  input  logic               rd_err_ready_i,
  input  logic               rd_err_busy_i,
  input  logic               wr_route_ready_i,
  input  logic               wr_err_busy_i,

  // ---- Fault record ----
  output logic               fault_valid_o,      // one-cycle pulse per record, never waits
  output logic [255:0]       fault_rec_o
);

  localparam logic [3:0]  DDTP_MODE_OFF         = 4'd0;
  localparam logic [3:0]  DDTP_MODE_BARE        = 4'd1;
  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  `include "iommu_xlate_defs.svh"
  // verilator lint_on UNUSEDPARAM


  ////////////
  // Intake //
  ////////////

  logic               st_valid_q, st_act, st_rl, st_write_q;
  logic               cm_wait_q;   // the stage waits on firmware (context or MSI miss)
  logic [IdWidth-1:0] st_id_q;
  logic [63:0]        st_addr_q;
  logic [7:0]         st_len_q;
  logic [2:0]         st_size_q, st_prot_q;
  logic [1:0]         st_burst_q;
  logic [23:0]        st_did_q;
  logic [19:0]        st_pid_q;
  logic               st_pv_q, st_dbg_q, st_bad_q, st_wide_q;
  logic               st_done;


  iommu_xlate_intake #(
    .IdWidth (IdWidth)
  ) u_intake (
    .clk_i           (clk_i),
    .rst_i           (rst_i),
    .s_axi_awid_i    (s_axi_awid_i),
    .s_axi_awaddr_i  (s_axi_awaddr_i),
    .s_axi_awlen_i   (s_axi_awlen_i),
    .s_axi_awsize_i  (s_axi_awsize_i),
    .s_axi_awburst_i (s_axi_awburst_i),
    .s_axi_awprot_i  (s_axi_awprot_i),
    .s_axi_aw_did_i  (s_axi_aw_did_i),
    .s_axi_aw_pid_i  (s_axi_aw_pid_i),
    .s_axi_aw_pv_i   (s_axi_aw_pv_i),
    .s_axi_awvalid_i (s_axi_awvalid_i),
    .s_axi_awready_o (s_axi_awready_o),
    .s_axi_arid_i    (s_axi_arid_i),
    .s_axi_araddr_i  (s_axi_araddr_i),
    .s_axi_arlen_i   (s_axi_arlen_i),
    .s_axi_arsize_i  (s_axi_arsize_i),
    .s_axi_arburst_i (s_axi_arburst_i),
    .s_axi_arprot_i  (s_axi_arprot_i),
    .s_axi_ar_did_i  (s_axi_ar_did_i),
    .s_axi_ar_pid_i  (s_axi_ar_pid_i),
    .s_axi_ar_pv_i   (s_axi_ar_pv_i),
    .s_axi_arvalid_i (s_axi_arvalid_i),
    .s_axi_arready_o (s_axi_arready_o),
    .dev_hold_i      (dev_hold_i),
    .dbg_valid_i     (dbg_valid_i),
    .dbg_ready_o     (dbg_ready_o),
    .dbg_iova_i      (dbg_iova_i),
    .dbg_did_i       (dbg_did_i),
    .dbg_pid_i       (dbg_pid_i),
    .dbg_pv_i        (dbg_pv_i),
    .dbg_priv_i      (dbg_priv_i),
    .dbg_exe_i       (dbg_exe_i),
    .dbg_nw_i        (dbg_nw_i),
    .st_done_i       (st_done),
    .st_own_i        (cm_wait_q),
    .accept_o        (accept_o),
    .nk_ka_o         (nk_ka_o),
    .nk_kb_o         (nk_kb_o),
    .nk_sel_a_o      (nk_sel_a_o),
    .nk_skdbg_o      (nk_skdbg_o),
    .nk_sk_o         (nk_sk_o),
    .nk_ksk_o        (nk_ksk_o),
    .nk_vpn_o        (nk_vpn_o),
    .nk_exec_o       (nk_exec_o),
    .nk_write_o      (nk_write_o),
    .nk_priv_o       (nk_priv_o),
    .nk_rl_o         (nk_rl_o),
    .st_rl_o         (st_rl),
    .st_valid_o      (st_valid_q),
    .st_act_o        (st_act),
    .st_write_o      (st_write_q),
    .st_id_o         (st_id_q),
    .st_addr_o       (st_addr_q),
    .st_len_o        (st_len_q),
    .st_size_o       (st_size_q),
    .st_burst_o      (st_burst_q),
    .st_prot_o       (st_prot_q),
    .st_did_o        (st_did_q),
    .st_pid_o        (st_pid_q),
    .st_pv_o         (st_pv_q),
    .st_dbg_o        (st_dbg_q),
    .st_bad_o        (st_bad_q),
    .st_wide_o       (st_wide_q)
  );

  logic st_exec, st_priv;
  logic [11:0] cause_af;   // access fault by access type: an untranslated address above PAS
  assign st_exec = st_prot_q[2] && !st_write_q;
  assign cause_af = st_exec    ? RISCV_IOMMU_FQ_CAUSE_INST_FAULT :
                    st_write_q ? RISCV_IOMMU_FQ_CAUSE_WR_FAULT : RISCV_IOMMU_FQ_CAUSE_RD_FAULT;
  // Privilege comes with a process_id only (PCIe semantics); without PV requests are user.
  assign st_priv = st_prot_q[0] && st_pv_q;

  assign st_write_o = st_write_q;
  assign st_id_o    = st_id_q;
  assign st_addr_o  = st_addr_q;
  assign st_len_o   = st_len_q;
  assign st_size_o  = st_size_q;
  assign st_burst_o = st_burst_q;
  assign st_prot_o  = st_prot_q;
  assign st_did_o   = st_did_q;
  assign st_pid_o   = st_pid_q;
  assign st_pv_o    = st_pv_q;
  assign st_exec_o  = st_exec;
  assign st_priv_o  = st_priv;
  assign st_dbg_o   = st_valid_q && st_dbg_q;
  assign st_bad_o   = st_bad_q;
  assign st_done_o  = st_done;
  assign st_act_o   = st_act;

  /////////////////////////////////////////
  // Decision: one ordered cause chain   //
  /////////////////////////////////////////

  // A hit is used only if both stages' stored permissions allow the access; otherwise the entry
  // is dropped and a walker re-derives the fault (with the GPA for iotval2) from memory.
  // (checked by the IOTLB for every entry a cycle ahead, iommu_ptw_perm rules)
  logic hit_perm_bad;
  assign hit_perm_bad = tlb_perm_bad_i;

  logic        cm_abs_q;
  logic        cm_fail_q, cm_msi_q, need_cm, need_walk, need_msi;
  logic [11:0] st_off;
  assign st_off   = st_addr_q[11:0];

  logic        dec_pass, dec_fault, dec_record;
  logic [11:0] dec_cause;
  logic [63:0] dec_addr;

  always_comb begin
    dec_pass    = 1'b0;
    dec_fault   = 1'b0;
    dec_record  = 1'b0;
    dec_cause   = 12'd0;
    need_cm     = 1'b0;
    need_walk   = 1'b0;
    need_msi    = 1'b0;
    tlb_touch_o = 1'b0;
    tlb_kill_o  = 1'b0;
    if (ddtp_mode_i == DDTP_MODE_OFF) begin
      dec_fault  = 1'b1;
      dec_record = 1'b1;          // no DC located: DTF treated as 0
      dec_cause  = RISCV_IOMMU_FQ_CAUSE_DMA_DISABLED;
    end else if (ddtp_mode_i == DDTP_MODE_BARE) begin
      // Untranslated: the device port's own rules (260) and the physical address width still
      // hold; there is no DC, so DTF is treated as 0.
      if (st_bad_q) begin
        dec_fault  = 1'b1;
        dec_record = 1'b1;
        dec_cause  = RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED;
      end else if (st_wide_q) begin
        dec_fault  = 1'b1;
        dec_record = 1'b1;
        dec_cause  = cause_af;
      end else begin
        dec_pass = 1'b1;
      end
    end else if (cm_fail_q) begin
      dec_fault = 1'b1;           // firmware answered the context miss with a fault it records
      if (cm_abs_q) begin
        dec_cause = XLATE_CAUSE_ABSORB; // or took the write (MRIF): W beats captured for firmware
      end
    end else if (!ctx_hit_i || cm_wait_q) begin
      need_cm = 1'b1;
    end else if ((st_pv_q && !ctx_pdtv_i) || st_bad_q || (st_priv && !ctx_ens_i)) begin
      dec_fault  = 1'b1;
      dec_record = !ctx_dtf_i;
      dec_cause  = RISCV_IOMMU_FQ_CAUSE_TTYP_BLOCKED;
    end else if (msi_wait_i) begin
      // no decision: the stage holds and relooks, and its MSI check is its own next time
    end else if (msi_sel_i && msi_hit_i && st_exec) begin
      dec_fault  = 1'b1;          // MSI PTE: G-stage permissions R=W=U=1, X=0
      dec_record = !ctx_dtf_i;
      dec_cause  = RISCV_IOMMU_FQ_CAUSE_INST_FAULT;
    end else if (msi_sel_i && msi_hit_i) begin
      dec_pass = 1'b1;            // basic translate: PPN<<12 | A[11:0]
    end else if (msi_sel_i) begin
      need_msi = 1'b1;            // firmware walks the MSI page table
    end else if (!s1_on_i && !s2_on_i && st_wide_q) begin
      dec_fault  = 1'b1;          // identity translation of an address above PAS
      dec_record = !ctx_dtf_i;
      dec_cause  = cause_af;
    end else if (!s1_on_i && !s2_on_i) begin
      dec_pass = 1'b1;
    end else if (tlb_hit_i && !hit_perm_bad && !st_dbg_q) begin
      dec_pass    = 1'b1;
      tlb_touch_o = st_act;
    end else begin
      need_walk  = 1'b1;
      tlb_kill_o = st_act && tlb_hit_i;
    end
  end

  // The memory address of a passing request, chosen apart from the cause chain: it is used only
  // when the chain passes (a fault carries no address: the response is an error, the debug answer
  // a fault), so its select needs only the branch a pass would take, not the IOTLB's hit and
  // permissions (which then stay off the issue slice's address inputs).
  always_comb begin
    if (ddtp_mode_i == DDTP_MODE_BARE) begin
      dec_addr = st_addr_q;
    end else if (msi_sel_i) begin
      dec_addr = {8'd0, msi_ppn_i, st_off};
    end else if (!s1_on_i && !s2_on_i) begin
      dec_addr = st_addr_q;
    end else begin
      dec_addr = {8'd0, tlb_ppn_i, st_off};
    end
  end

  //////////////////////////////////////////////
  // Disposition: issue, park, or stall       //
  //////////////////////////////////////////////

  logic park_walk, park_follow, direct;

  // A miss parks unless the same page is already being walked (its fill will hit next).
  assign park_walk   = st_act && need_walk && !q_page_busy_i && q_free_i;
  // A debug request never waits behind a chain: it does not reach memory.
  assign park_follow = st_act && (dec_pass || dec_fault) && q_dep_i && q_free_i && !st_dbg_q;
  assign direct      = st_act && (dec_pass || dec_fault) && (!q_dep_i || st_dbg_q);

  assign enq_o        = park_walk || park_follow;
  assign enq_walk_o   = park_walk;
  assign enq_fault_o  = dec_fault;
  assign enq_record_o = dec_record;
  assign enq_cause_o  = dec_cause;
  assign enq_daddr_o  = dec_addr;

  // Issue port, its register slice, the fault record (iommu_xlate_issue).
  logic direct_ok;
  iommu_xlate_issue #(
    .IdWidth (IdWidth)
  ) u_issue (
    .clk_i            (clk_i),
    .rst_i            (rst_i),
    .direct_i         (direct),
    .direct_ok_o      (direct_ok),
    .st_write_i       (st_write_q),
    .st_id_i          (st_id_q),
    .st_addr_i        (st_addr_q),
    .st_len_i         (st_len_q),
    .st_size_i        (st_size_q),
    .st_burst_i       (st_burst_q),
    .st_prot_i        (st_prot_q),
    .st_did_i         (st_did_q),
    .st_pid_i         (st_pid_q),
    .st_pv_i          (st_pv_q),
    .st_dbg_i         (st_dbg_q),
    .dec_addr_i       (dec_addr),
    .dec_fault_i      (dec_fault),
    .dec_record_i     (dec_record),
    .dec_cause_i      (dec_cause),
    .dbg_done_o       (dbg_done_o),
    .dbg_fault_o      (dbg_fault_o),
    .dbg_ppn_o        (dbg_ppn_o),
    .dbg_size_o       (dbg_size_o),
    .iss_wsize_i      (iss_wsize_i),
    .iss_valid_i      (iss_valid_i),
    .iss_take_o       (iss_take_o),
    .iss_write_i      (iss_write_i),
    .iss_id_i         (iss_id_i),
    .iss_iova_i       (iss_iova_i),
    .iss_addr_i       (iss_addr_i),
    .iss_len_i        (iss_len_i),
    .iss_size_i       (iss_size_i),
    .iss_burst_i      (iss_burst_i),
    .iss_prot_i       (iss_prot_i),
    .iss_did_i        (iss_did_i),
    .iss_pid_i        (iss_pid_i),
    .iss_pv_i         (iss_pv_i),
    .iss_fault_i      (iss_fault_i),
    .iss_record_i     (iss_record_i),
    .iss_cause_i      (iss_cause_i),
    .iss_iotval2_i    (iss_iotval2_i),
    .is_write_o       (is_write_o),
    .is_id_o          (is_id_o),
    .is_addr_o        (is_addr_o),
    .is_len_o         (is_len_o),
    .is_size_o        (is_size_o),
    .is_burst_o       (is_burst_o),
    .is_prot_o        (is_prot_o),
    .is_pass_o        (is_pass_o),
    .is_absorb_o      (is_absorb_o),
    .is_done_o        (is_done_o),
    .m_dma_arvalid_o  (m_dma_arvalid_o),
    .m_dma_arready_i  (m_dma_arready_i),
    .m_dma_awvalid_o  (m_dma_awvalid_o),
    .m_dma_awready_i  (m_dma_awready_i),
    .rd_err_ready_i   (rd_err_ready_i),
    .rd_err_busy_i    (rd_err_busy_i),
    .wr_route_ready_i (wr_route_ready_i),
    .wr_err_busy_i    (wr_err_busy_i),
    .fault_valid_o    (fault_valid_o),
    .fault_rec_o      (fault_rec_o)
  );
  assign st_done = direct_ok || enq_o;

  ///////////////////////////////////
  // Context miss (firmware loop)  //
  ///////////////////////////////////

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      cm_wait_q <= 1'b0;
      cm_fail_q <= 1'b0;
      cm_abs_q  <= 1'b0;
      cm_msi_q  <= 1'b0;
    end else if (st_done) begin
      cm_wait_q <= 1'b0;
      cm_fail_q <= 1'b0;
      cm_abs_q  <= 1'b0;
    end else if (cm_wait_q && miss_fail_i) begin
      cm_wait_q <= 1'b0;
      cm_fail_q <= 1'b1;
      cm_abs_q  <= miss_absorb_i;
    end else if (cm_wait_q && miss_retry_i) begin
      cm_wait_q <= 1'b0;
    end else if (!cm_wait_q && st_act && (need_cm || need_msi) && !miss_block_i) begin
      // The kind is set when the wait begins (while waiting, need_cm is forced: it would
      // turn an MSI miss into a context miss under the firmware's eyes).
      cm_wait_q <= 1'b1;
      cm_msi_q  <= need_msi;
    end
  end

  // The firmware takes the miss with context fields from the stage's registered lookup (MSI
  // table base, GSCID, DTF: iommu_xlate), which are the stage's own from the cycle after the
  // relook that follows the wait's first cycle (the key offered while waiting is the stage's).
  assign miss_valid_o = st_valid_q && cm_wait_q && !st_rl;
  assign cm_busy_o    = cm_wait_q || (st_act && (need_cm || need_msi));
  assign miss_msi_o   = cm_msi_q;

  logic unused_ctrl;
  assign unused_ctrl = ^{DDTP_MODE_BARE};

endmodule
