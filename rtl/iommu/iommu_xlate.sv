// SPDX-License-Identifier: Apache-2.0
// Translation datapath: device AXI4 port in, translated AXI4 to memory out.
//
// Wiring of the translation blocks (IOMMU spec "Process to translate an IOVA", 4.2 fault record):
// iommu_xlate_ctrl (intake, one translation stage, cause chain, issue port, fault record),
// iommu_ctx_cache and iommu_iotlb (looked up in the stage), iommu_xlate_missq (parked misses and
// their walkers, hit under miss, several walks in flight on m_ptw_*), iommu_xlate_rsp (R/B
// pass-through, W routing in AW order, injected SLVERR in per-ID order).

`default_nettype none

module iommu_xlate #(
  parameter int IdWidth      = 4,
  parameter int IotlbEntries = 16,
  parameter int MissSlots    = 4     // walks in flight (2..16)
) (
  input  logic               clk_i,
  input  logic               rst_i,

  // ---- Device port (AXI4 slave + sideband) ----
  input  logic [IdWidth-1:0] s_axi_awid_i,
  input  logic [63:0]        s_axi_awaddr_i,
  input  logic [7:0]         s_axi_awlen_i,
  input  logic [2:0]         s_axi_awsize_i,
  input  logic [1:0]         s_axi_awburst_i,
  input  logic [2:0]         s_axi_awprot_i,   // [0] privileged, [2] instruction
  input  logic [23:0]        s_axi_aw_did_i,
  input  logic [19:0]        s_axi_aw_pid_i,
  input  logic               s_axi_aw_pv_i,
  input  logic               s_axi_awvalid_i,
  output logic               s_axi_awready_o,
  input  logic [63:0]        s_axi_wdata_i,
  input  logic [7:0]         s_axi_wstrb_i,
  input  logic               s_axi_wlast_i,
  input  logic               s_axi_wvalid_i,
  output logic               s_axi_wready_o,
  output logic [IdWidth-1:0] s_axi_bid_o,
  output logic [1:0]         s_axi_bresp_o,
  output logic               s_axi_bvalid_o,
  input  logic               s_axi_bready_i,
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
  output logic [IdWidth-1:0] s_axi_rid_o,
  output logic [63:0]        s_axi_rdata_o,
  output logic [1:0]         s_axi_rresp_o,
  output logic               s_axi_rlast_o,
  output logic               s_axi_rvalid_o,
  input  logic               s_axi_rready_i,

  // ---- Translated DMA to memory (AXI4 master, arbiter source 0) ----
  output logic [IdWidth-1:0] m_dma_awid_o,
  output logic [63:0]        m_dma_awaddr_o,
  output logic [7:0]         m_dma_awlen_o,
  output logic [2:0]         m_dma_awsize_o,
  output logic [1:0]         m_dma_awburst_o,
  output logic [2:0]         m_dma_awprot_o,
  output logic               m_dma_awvalid_o,
  input  logic               m_dma_awready_i,
  output logic [63:0]        m_dma_wdata_o,
  output logic [7:0]         m_dma_wstrb_o,
  output logic               m_dma_wlast_o,
  output logic               m_dma_wvalid_o,
  input  logic               m_dma_wready_i,
  input  logic [IdWidth-1:0] m_dma_bid_i,
  input  logic [1:0]         m_dma_bresp_i,
  input  logic               m_dma_bvalid_i,
  output logic               m_dma_bready_o,
  output logic [IdWidth-1:0] m_dma_arid_o,
  output logic [63:0]        m_dma_araddr_o,
  output logic [7:0]         m_dma_arlen_o,
  output logic [2:0]         m_dma_arsize_o,
  output logic [1:0]         m_dma_arburst_o,
  output logic [2:0]         m_dma_arprot_o,
  output logic               m_dma_arvalid_o,
  input  logic               m_dma_arready_i,
  input  logic [IdWidth-1:0] m_dma_rid_i,
  input  logic [63:0]        m_dma_rdata_i,
  input  logic [1:0]         m_dma_rresp_i,
  input  logic               m_dma_rlast_i,
  input  logic               m_dma_rvalid_i,
  output logic               m_dma_rready_o,

  // ---- Page-table walker (AXI4 master, arbiter source 1): PTE reads, exclusive A/D writes ----
  output logic [IdWidth-1:0] m_ptw_arid_o,
  output logic [63:0]        m_ptw_araddr_o,
  output logic [7:0]         m_ptw_arlen_o,
  output logic [2:0]         m_ptw_arsize_o,
  output logic [1:0]         m_ptw_arburst_o,
  output logic [2:0]         m_ptw_arprot_o,
  output logic               m_ptw_arlock_o,
  output logic               m_ptw_arvalid_o,
  input  logic               m_ptw_arready_i,
  input  logic [IdWidth-1:0] m_ptw_rid_i,
  input  logic [63:0]        m_ptw_rdata_i,
  input  logic [1:0]         m_ptw_rresp_i,
  input  logic               m_ptw_rlast_i,
  input  logic               m_ptw_rvalid_i,
  output logic               m_ptw_rready_o,
  output logic [IdWidth-1:0] m_ptw_awid_o,
  output logic [63:0]        m_ptw_awaddr_o,
  output logic [7:0]         m_ptw_awlen_o,
  output logic [2:0]         m_ptw_awsize_o,
  output logic [1:0]         m_ptw_awburst_o,
  output logic [2:0]         m_ptw_awprot_o,
  output logic               m_ptw_awlock_o,
  output logic               m_ptw_awvalid_o,
  input  logic               m_ptw_awready_i,
  output logic [63:0]        m_ptw_wdata_o,
  output logic [7:0]         m_ptw_wstrb_o,
  output logic               m_ptw_wlast_o,
  output logic               m_ptw_wvalid_o,
  input  logic               m_ptw_wready_i,
  input  logic [IdWidth-1:0] m_ptw_bid_i,
  input  logic [1:0]         m_ptw_bresp_i,
  input  logic               m_ptw_bvalid_i,
  output logic               m_ptw_bready_o,

  // ---- Configuration from the register file ----
  input  logic [3:0]         ddtp_mode_i,
  input  logic               fctl_gxl_i,

  // ---- Context cache control (firmware) ----
  input  logic               ctx_load_i,
  input  logic [16*32-1:0]   ctx_w_i,
  input  logic               ctx_inv_i,
  input  logic [1:0]         ctx_inv_op_i,     // 0 did, 1 all, 2 did+pid
  input  logic [23:0]        ctx_inv_did_i,
  input  logic [19:0]        ctx_inv_pid_i,

  // ---- Context miss (to firmware; one outstanding) ----
  output logic               miss_valid_o,
  output logic [23:0]        miss_did_o,
  output logic [19:0]        miss_pid_o,
  output logic               miss_pv_o,
  output logic               miss_priv_o,
  output logic               miss_exec_o,
  output logic               miss_write_o,
  output logic [63:0]        miss_iova_o,
  output logic               miss_unsup_o,     // unsupported transaction: 260 before any PDT walk
  input  logic               miss_retry_i,
  input  logic               miss_fail_i,
  input  logic               miss_absorb_i,   // with miss_fail_i: firmware takes the write (MRIF)
  // Absorbed write (MRIF MSI): its first W beat for firmware, and firmware's B answer
  output logic               mrif_valid_o,
  output logic [63:0]        mrif_data_o,
  output logic [7:0]         mrif_strb_o,
  output logic               mrif_multi_o,
  input  logic               mrif_done_i,
  input  logic [1:0]         mrif_resp_i,
  // MSI-PTE miss (same handshake: MISS_CMD retry/fail answers it; event MSI_MISS)
  output logic               miss_msi_o,
  output logic [15:0]        miss_gscid_o,
  output logic [63:0]        miss_pte_o,       // msiptp.PPN<<12 | I*16
  output logic [51:0]        miss_fidx_o,      // the MSI GPA page number (event W7, W4[31:16])
  output logic               miss_dtf_o,       // the context's DTF (firmware records)
  input  logic               msi_load_i,       // MSI-PTE cache fill (firmware)
  input  logic [15:0]        msi_load_gscid_i,
  input  logic [51:0]        msi_load_gpn_i,
  input  logic [43:0]        msi_load_ppn_i,

  // ---- IOTLB invalidation (IOTINVAL.VMA / GVMA) ----
  input  logic               inv_valid_i,
  output logic               inv_ready_o,
  input  logic               inv_gvma_i,
  input  logic               inv_gv_i,
  input  logic               inv_av_i,
  input  logic               inv_pscv_i,
  input  logic [19:0]        inv_pscid_i,
  input  logic [15:0]        inv_gscid_i,
  input  logic [51:0]        inv_vpn_i,

  // ---- Fault records ----
  output logic               fault_valid_o,      // one-cycle pulse per record, never waits
  output logic [255:0]       fault_rec_o,

  // ---- Debug translation (tr_req_ctl / tr_response) ----
  input  logic               dbg_valid_i,
  output logic               dbg_ready_o,
  input  logic [63:0]        dbg_iova_i,
  input  logic [23:0]        dbg_did_i,
  input  logic [19:0]        dbg_pid_i,
  input  logic               dbg_pv_i,
  input  logic               dbg_priv_i,
  input  logic               dbg_exe_i,
  input  logic               dbg_nw_i,
  output logic               dbg_done_o,
  output logic               dbg_fault_o,
  output logic [43:0]        dbg_ppn_o,
  output logic [2:0]         dbg_size_o,

  // ---- Performance events ----
  output logic [8:0]         hpm_evt_o,  // bit n = HPM event n (1, 4, 7, 8)
  // IDs of the request the events of this cycle belong to (iohpmevt filters)
  output logic [23:0]        hpm_did_o,
  output logic [19:0]        hpm_pid_o,
  output logic               hpm_pv_o,
  output logic [15:0]        hpm_gscid_o,
  output logic               hpm_gscv_o,
  output logic [19:0]        hpm_pscid_o,
  output logic               hpm_pscv_o
);

  // verilator lint_off UNUSEDPARAM
  `include "iommu_xlate_defs.svh"
  // verilator lint_on UNUSEDPARAM

  ////////////////////////////
  // Stage and issue port   //
  ////////////////////////////

  logic               st_write, st_pv, st_exec, st_priv, accept, st_dbg, st_done, st_act, nk_rl;
  logic               st_bad;
  logic [44:0]        nk_ka, nk_kb, nk_ksk;
  logic               nk_sel_a, nk_skdbg, nk_sk;
  logic [51:0]        nk_vpn;
  logic               nk_exec, nk_write, nk_priv;
  logic [IdWidth-1:0] st_id;
  logic [63:0]        st_addr;
  logic [7:0]         st_len;
  logic [2:0]         st_size, st_prot;
  logic [1:0]         st_burst;
  logic [23:0]        st_did;
  logic [19:0]        st_pid;

  logic        ctx_hit, ctx_pdtv, ctx_dtf, ctx_ens, ctx_sum, s1_on, s2_on, ctx_sade, ctx_gade;
  logic [19:0] ctx_pscid;
  logic [3:0]  ctx_s1_mode, ctx_s2_mode;
  logic [43:0] ctx_s1_ppn, ctx_s2_ppn;
  logic [15:0] ctx_gscid;

  // MSI (spec "Process to translate addresses of MSIs"): side table of the context's msiptp/mask/pattern, and the MSI-PTE cache.
  logic        msi_sel, msi_hit;
  logic [3:0]  mctx_mode;
  logic [43:0] mctx_ppn, msi_ppn;
  // MSI after a first-stage walk: resolved in the miss queue (second MSI-PTE cache port)
  logic        mq_miss, mq_hit, mq_cm_busy, mq_pv, mq_priv, mq_exec, mq_write, mq_dtf;
  logic        ctrl_miss_valid, ctrl_miss_msi;
  logic [15:0] mq_gscid, mq_mgscid;
  logic [51:0] mq_gpn, mq_mgpn;
  logic [43:0] mq_ppn;
  logic [23:0] mq_did;
  logic [19:0] mq_pid;
  logic [63:0] mq_iova, mq_pte;
  logic [51:0] mctx_mask, mctx_pat;

  localparam int TlbIdxW    = $clog2(IotlbEntries);
  localparam int CtxEntries = 8;                     // context-cache entries
  localparam int MsiEntries = 4;                     // MSI-PTE cache entries
  localparam int CtxW       = $clog2(CtxEntries);
  logic [CtxW-1:0]       ctx_idx;
  logic [CtxEntries-1:0] ctx_nk_match;
  logic [CtxEntries-1:0] ctx_flush;
  logic [CtxEntries-1:0] ctx_match_q, ctx_load_vec;   // for the MSI cache's GSCID match
  logic [15:0]           ctx_load_gscid;
  logic               tlb_hit, tlb_touch, tlb_kill;
  logic [TlbIdxW-1:0] tlb_idx;
  logic [43:0]        tlb_ppn;
  logic               tlb_perm_bad;

  logic               q_dep, q_page_busy, q_free, enq, enq_walk, enq_fault, enq_record;
  logic [11:0]        enq_cause;
  logic [63:0]        enq_daddr;
  logic               iss_valid, iss_take, iss_write, iss_pv, iss_fault, iss_record;
  logic [IdWidth-1:0] iss_id;
  logic [63:0]        iss_iova, iss_addr, iss_iotval2;
  logic [7:0]         iss_len;
  logic [2:0]         iss_size, iss_prot;
  logic [1:0]         iss_burst;
  logic [23:0]        iss_did;
  logic [19:0]        iss_pid;
  logic [11:0]        iss_cause;

  logic               is_write, is_pass, is_done, is_absorb;
  logic [IdWidth-1:0] is_id;
  logic [63:0]        is_addr;
  logic [7:0]         is_len;
  logic [2:0]         is_size, is_prot;
  logic [1:0]         is_burst;
  logic               rd_err_ready, rd_err_busy, wr_route_ready, wr_err_busy;

  logic [2:0]         fill_size, iss_wsize;

  assign s1_on = (ctx_s1_mode != 4'd0);
  assign s2_on = (ctx_s2_mode != 4'd0);

  iommu_xlate_ctrl #(
    .IdWidth (IdWidth)
  ) u_ctrl (
    .clk_i            (clk_i),
    .rst_i            (rst_i),
    .s_axi_awid_i     (s_axi_awid_i),
    .s_axi_awaddr_i   (s_axi_awaddr_i),
    .s_axi_awlen_i    (s_axi_awlen_i),
    .s_axi_awsize_i   (s_axi_awsize_i),
    .s_axi_awburst_i  (s_axi_awburst_i),
    .s_axi_awprot_i   (s_axi_awprot_i),
    .s_axi_aw_did_i   (s_axi_aw_did_i),
    .s_axi_aw_pid_i   (s_axi_aw_pid_i),
    .s_axi_aw_pv_i    (s_axi_aw_pv_i),
    .s_axi_awvalid_i  (s_axi_awvalid_i),
    .s_axi_awready_o  (s_axi_awready_o),
    .s_axi_arid_i     (s_axi_arid_i),
    .s_axi_araddr_i   (s_axi_araddr_i),
    .s_axi_arlen_i    (s_axi_arlen_i),
    .s_axi_arsize_i   (s_axi_arsize_i),
    .s_axi_arburst_i  (s_axi_arburst_i),
    .s_axi_arprot_i   (s_axi_arprot_i),
    .s_axi_ar_did_i   (s_axi_ar_did_i),
    .s_axi_ar_pid_i   (s_axi_ar_pid_i),
    .s_axi_ar_pv_i    (s_axi_ar_pv_i),
    .s_axi_arvalid_i  (s_axi_arvalid_i),
    .s_axi_arready_o  (s_axi_arready_o),
    .dev_hold_i       (dev_hold_i),
    .dbg_valid_i      (dbg_valid_i),
    .dbg_ready_o      (dbg_ready_o),
    .dbg_iova_i       (dbg_iova_i),
    .dbg_did_i        (dbg_did_i),
    .dbg_pid_i        (dbg_pid_i),
    .dbg_pv_i         (dbg_pv_i),
    .dbg_priv_i       (dbg_priv_i),
    .dbg_exe_i        (dbg_exe_i),
    .dbg_nw_i         (dbg_nw_i),
    .dbg_done_o       (dbg_done_o),
    .dbg_fault_o      (dbg_fault_o),
    .dbg_ppn_o        (dbg_ppn_o),
    .dbg_size_o       (dbg_size_o),
    .iss_wsize_i      (iss_wsize),
    .st_write_o       (st_write),
    .st_id_o          (st_id),
    .st_addr_o        (st_addr),
    .st_len_o         (st_len),
    .st_size_o        (st_size),
    .st_burst_o       (st_burst),
    .st_prot_o        (st_prot),
    .st_did_o         (st_did),
    .st_pid_o         (st_pid),
    .st_pv_o          (st_pv),
    .st_exec_o        (st_exec),
    .st_priv_o        (st_priv),
    .accept_o         (accept),
    .nk_rl_o          (nk_rl),
    .nk_ka_o          (nk_ka),
    .nk_kb_o          (nk_kb),
    .nk_sel_a_o       (nk_sel_a),
    .nk_skdbg_o       (nk_skdbg),
    .nk_sk_o          (nk_sk),
    .nk_ksk_o         (nk_ksk),
    .nk_vpn_o         (nk_vpn),
    .nk_exec_o        (nk_exec),
    .nk_write_o       (nk_write),
    .nk_priv_o        (nk_priv),
    .st_dbg_o         (st_dbg),
    .st_bad_o         (st_bad),
    .st_done_o        (st_done),
    .st_act_o         (st_act),
    .ddtp_mode_i      (ddtp_mode_i),
    .ctx_hit_i        (ctx_hit),
    .ctx_pdtv_i       (ctx_pdtv),
    .ctx_dtf_i        (ctx_dtf),
    .ctx_ens_i        (ctx_ens),
    .s1_on_i          (s1_on),
    .s2_on_i          (s2_on),
    .tlb_hit_i        (tlb_hit),
    .tlb_ppn_i        (tlb_ppn),
    .tlb_perm_bad_i   (tlb_perm_bad),
    .tlb_touch_o      (tlb_touch),
    .tlb_kill_o       (tlb_kill),
    .miss_valid_o     (ctrl_miss_valid),
    .miss_retry_i     (miss_retry_i && !mq_miss),
    .miss_fail_i      (miss_fail_i && !mq_miss),
    .miss_absorb_i    (miss_absorb_i),
    .miss_block_i     (mq_miss),
    .cm_busy_o        (mq_cm_busy),
    .msi_wait_i       (msi_wait),
    .msi_sel_i        (msi_sel),
    .msi_hit_i        (msi_hit),
    .msi_ppn_i        (msi_ppn),
    .miss_msi_o       (ctrl_miss_msi),
    .q_dep_i          (q_dep),
    .q_page_busy_i    (q_page_busy),
    .q_free_i         (q_free),
    .enq_o            (enq),
    .enq_walk_o       (enq_walk),
    .enq_fault_o      (enq_fault),
    .enq_record_o     (enq_record),
    .enq_cause_o      (enq_cause),
    .enq_daddr_o      (enq_daddr),
    .iss_valid_i      (iss_valid),
    .iss_take_o       (iss_take),
    .iss_write_i      (iss_write),
    .iss_id_i         (iss_id),
    .iss_iova_i       (iss_iova),
    .iss_addr_i       (iss_addr),
    .iss_len_i        (iss_len),
    .iss_size_i       (iss_size),
    .iss_burst_i      (iss_burst),
    .iss_prot_i       (iss_prot),
    .iss_did_i        (iss_did),
    .iss_pid_i        (iss_pid),
    .iss_pv_i         (iss_pv),
    .iss_fault_i      (iss_fault),
    .iss_record_i     (iss_record),
    .iss_cause_i      (iss_cause),
    .iss_iotval2_i    (iss_iotval2),
    .is_write_o       (is_write),
    .is_id_o          (is_id),
    .is_addr_o        (is_addr),
    .is_len_o         (is_len),
    .is_size_o        (is_size),
    .is_burst_o       (is_burst),
    .is_prot_o        (is_prot),
    .is_pass_o        (is_pass),
    .is_absorb_o      (is_absorb),
    .is_done_o        (is_done),
    .m_dma_arvalid_o  (m_dma_arvalid_o),
    .m_dma_arready_i  (m_dma_arready_i),
    .m_dma_awvalid_o  (m_dma_awvalid_o),
    .m_dma_awready_i  (m_dma_awready_i),
    .rd_err_ready_i   (rd_err_ready),
    .rd_err_busy_i    (rd_err_busy),
    .wr_route_ready_i (wr_route_ready),
    .wr_err_busy_i    (wr_err_busy),
    .fault_valid_o    (fault_valid_o),
    .fault_rec_o      (fault_rec_o)
  );

  // The miss interface has one owner: the stage (context miss, MSI miss with a Bare first
  // stage) or a miss-queue slot (MSI miss after a first-stage walk); see iommu_xlate_missq.
  assign miss_valid_o = ctrl_miss_valid || mq_miss;
  assign miss_msi_o   = mq_miss || ctrl_miss_msi;
  assign miss_did_o   = mq_miss ? mq_did   : st_did;
  assign miss_pid_o   = mq_miss ? mq_pid   : st_pid;
  assign miss_pv_o    = mq_miss ? mq_pv    : st_pv;
  assign miss_priv_o  = mq_miss ? mq_priv  : st_prot[0];
  assign miss_exec_o  = mq_miss ? mq_exec  : st_exec;
  assign miss_write_o = mq_miss ? mq_write : st_write;
  assign miss_iova_o  = mq_miss ? mq_iova  : st_addr;
  // A parked request passed the stage's 260 checks; only the stage's own miss can be unsupported.
  assign miss_unsup_o = !mq_miss && st_bad;

  assign m_dma_arid_o    = is_id;
  assign m_dma_araddr_o  = is_addr;
  assign m_dma_arlen_o   = is_len;
  assign m_dma_arsize_o  = is_size;
  assign m_dma_arburst_o = is_burst;
  assign m_dma_arprot_o  = is_prot;
  assign m_dma_awid_o    = is_id;
  assign m_dma_awaddr_o  = is_addr;
  assign m_dma_awlen_o   = is_len;
  assign m_dma_awsize_o  = is_size;
  assign m_dma_awburst_o = is_burst;
  assign m_dma_awprot_o  = is_prot;

  //////////////////////////////
  // Context cache and IOTLB  //
  //////////////////////////////

  iommu_ctx_cache #(
    .Entries (CtxEntries)
  ) u_ctx (
    .clk_i     (clk_i),
    .rst_i     (rst_i),
    .load_i    (ctx_load_i),
    .w_i       (ctx_w_i),
    .inv_i     (ctx_inv_i),
    .inv_op_i  (ctx_inv_op_i),
    .inv_did_i (ctx_inv_did_i),
    .inv_pid_i (ctx_inv_pid_i),
    .nk_rl_i   (nk_rl),
    .nk_ka_i   (nk_ka),
    .nk_kb_i   (nk_kb),
    .nk_sel_a_i (nk_sel_a),
    .nk_skdbg_i (nk_skdbg),
    .nk_sk_i   (nk_sk),
    .nk_ksk_i  (nk_ksk),
    .did_i     (st_did),
    .pv_i      (st_pv),
    .pid_i     (st_pid),
    .hit_o     (ctx_hit),
    .pdtv_o    (ctx_pdtv),
    .dtf_o     (ctx_dtf),
    .ens_o     (ctx_ens),
    .sum_o     (ctx_sum),
    .sade_o    (ctx_sade),
    .gade_o    (ctx_gade),
    .pscid_o   (ctx_pscid),
    .s1_mode_o (ctx_s1_mode),
    .s1_ppn_o  (ctx_s1_ppn),
    .gscid_o   (ctx_gscid),
    .s2_mode_o (ctx_s2_mode),
    .s2_ppn_o  (ctx_s2_ppn),
    .msi_mode_o (mctx_mode),
    .msi_ppn_o  (mctx_ppn),
    .msi_mask_o (mctx_mask),
    .msi_pat_o  (mctx_pat),
    .nk_match_o (ctx_nk_match),
    .idx_o      (ctx_idx),
    .match_q_o  (ctx_match_q),
    .load_vec_o (ctx_load_vec),
    .load_gscid_o (ctx_load_gscid),
    .flush_o    (ctx_flush)
  );

  // An MSI is a GPA page with (A>>12) & ~mask == pattern & ~mask, msiptp Flat. With a Bare
  // first stage (GPA = IOVA) the stage checks it; otherwise the walker checks the first stage's
  // GPA and the miss queue translates it (spec "Process to translate an IOVA", MSI check on the GPA).
  // The 52-bit compare is made a cycle ahead, like the other lookups: the offered page (nk_vpn)
  // against the mask and pattern of the context the stage has now (its registered context
  // data), registered with that context-cache entry (cmp). Next cycle it is the stage's own
  // check when the stage's context is that entry and was a hit then (an entry that ends or is
  // reloaded drops the hit, so its data cannot change in between): back-to-back requests of one
  // device. After a change of context the stage holds (msi_wait; only in a context where the
  // check matters: msiptp Flat, first stage Bare) and registers the check of its own address
  // against its own context (own), kept through the relook that follows; a reload of that entry
  // drops it. (The compare of the stage's own address sat in front of the stage's decision and
  // its registers' enables: the routed worst path out of context at 3346162.)
  logic                  msi_on, msi_wait, cmp_known, own_known;
  logic                  msi_cmp_q, msi_cmp_v_q, msi_own_q, msi_own_v_q;
  logic [CtxW-1:0]       msi_cmp_idx_q, msi_own_idx_q;
  always_ff @(posedge clk_i) begin
    msi_cmp_q     <= msi_page_match(nk_vpn, mctx_mask, mctx_pat);
    msi_cmp_idx_q <= ctx_idx;
    if (st_act) begin
      msi_own_q     <= msi_page_match(st_addr[63:12], mctx_mask, mctx_pat);
      msi_own_idx_q <= ctx_idx;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      msi_cmp_v_q <= 1'b0;
      msi_own_v_q <= 1'b0;
    end else begin
      msi_cmp_v_q <= ctx_hit;
      if (st_act) begin
        msi_own_v_q <= ctx_hit && !st_done;
      end else if (ctx_flush[msi_own_idx_q]) begin
        msi_own_v_q <= 1'b0;
      end
    end
  end
  assign msi_on    = (mctx_mode == 4'd1) && !s1_on;
  assign cmp_known = msi_cmp_v_q && (msi_cmp_idx_q == ctx_idx);
  assign own_known = msi_own_v_q && (msi_own_idx_q == ctx_idx);
  assign msi_wait  = msi_on && !cmp_known && !own_known;
  assign msi_sel   = msi_on && (cmp_known ? msi_cmp_q : msi_own_q);

  // The MSI page-table index I = extract(A>>12, mask) is computed by the firmware on an MSI
  // miss (a 52-bit bit-gather costs ~16 k LUT4 as logic; the miss path is firmware-bound anyway):
  // the event carries the table base and the GPA page.

  iommu_msi_cache #(
    .Entries    (MsiEntries),
    .CtxEntries (CtxEntries)
  ) u_msi_cache (
    .clk_i        (clk_i),
    .rst_i        (rst_i),
    .nk_gpn_i     (nk_vpn),
    .ctx_match_i  (ctx_match_q),
    .gscid2_i     (mq_gscid),
    .gpn2_i       (mq_gpn),
    .hit2_o       (mq_hit),
    .ppn2_o       (mq_ppn),
    .hit_o        (msi_hit),
    .ppn_o        (msi_ppn),
    .load_i       (msi_load_i),
    .load_gscid_i (msi_load_gscid_i),
    .load_gpn_i   (msi_load_gpn_i),
    .load_ppn_i   (msi_load_ppn_i),
    .flush_i      (inv_valid_i && inv_gvma_i),  // IOTINVAL.GVMA, any variant
    .ctx_load_vec_i   (ctx_load_vec),
    .ctx_load_gscid_i (ctx_load_gscid)
  );

  assign miss_gscid_o = mq_miss ? mq_mgscid : ctx_gscid;
  assign miss_fidx_o  = mq_miss ? mq_mgpn   : st_addr[63:12];
  assign miss_dtf_o   = mq_miss ? mq_dtf    : ctx_dtf;
  assign miss_pte_o   = mq_miss ? mq_pte    : {8'd0, mctx_ppn, 12'd0};  // MSI table base

  logic        fill, fill_gv, fill_s1, fill_g;
  logic [CtxW-1:0] fill_ctx;
  logic [15:0] fill_gscid;
  logic [19:0] fill_pscid;
  logic [51:0] fill_vpn;
  logic [2:0]  fill_perm2;
  logic [43:0] fill_ppn;
  logic [3:0]  fill_perm1;

  iommu_iotlb #(
    .Entries    (IotlbEntries),
    .CtxEntries (CtxEntries)
  ) u_tlb (
    .clk_i        (clk_i),
    .rst_i        (rst_i),
    .nk_ctx_hit_i (ctx_nk_match),
    .ctx_flush_i  (ctx_flush),
    .vpn_i        (st_addr[63:12]),
    .nk_vpn_i     (nk_vpn),
    .hit_o        (tlb_hit),
    .hit_idx_o    (tlb_idx),
    .ppn_o        (tlb_ppn),
    .perm_bad_o   (tlb_perm_bad),
    .nk_exec_i    (nk_exec),
    .nk_write_i   (nk_write),
    .nk_priv_i    (nk_priv),
    .sum_i        (ctx_sum),
    .touch_i      (tlb_touch),
    .kill_i       (tlb_kill),
    .kill_idx_i   (tlb_idx),
    .fill_i       (fill),
    .fill_ctx_i   (fill_ctx),
    .fill_gv_i    (fill_gv),
    .fill_gscid_i (fill_gscid),
    .fill_s1_i    (fill_s1),
    .fill_pscid_i (fill_pscid),
    .fill_g_i     (fill_g),
    .fill_vpn_i   (fill_vpn),
    .fill_size_i  (fill_size),
    .fill_ppn_i   (fill_ppn),
    .fill_perm1_i (fill_perm1),
    .fill_perm2_i (fill_perm2),
    .inv_valid_i  (inv_valid_i),
    .inv_ready_o  (inv_ready_o),
    .inv_gvma_i   (inv_gvma_i),
    .inv_gv_i     (inv_gv_i),
    .inv_av_i     (inv_av_i),
    .inv_pscv_i   (inv_pscv_i),
    .inv_pscid_i  (inv_pscid_i),
    .inv_gscid_i  (inv_gscid_i),
    .inv_vpn_i    (inv_vpn_i)
  );

  ////////////////////////////////
  // Miss queue and walkers     //
  ////////////////////////////////

  logic walk_active;

  iommu_xlate_missq #(
    .IdWidth (IdWidth),
    .Slots   (MissSlots),
    .CtxW    (CtxW)
  ) u_missq (
    .clk_i           (clk_i),
    .rst_i           (rst_i),
    .q_id_i          (st_id),
    .q_write_i       (st_write),
    .q_addr_i        (st_addr),
    .q_gv_i          (s2_on),
    .q_gscid_i       (ctx_gscid),
    .q_s1_i          (s1_on),
    .q_pscid_i       (ctx_pscid),
    .q_ctx_i         (ctx_idx),
    .dep_o           (q_dep),
    .page_busy_o     (q_page_busy),
    .free_o          (q_free),
    .enq_i           (enq),
    .enq_walk_i      (enq_walk),
    .enq_len_i       (st_len),
    .enq_size_i      (st_size),
    .enq_burst_i     (st_burst),
    .enq_prot_i      (st_prot),
    .enq_did_i       (st_did),
    .enq_pid_i       (st_pid),
    .enq_pv_i        (st_pv),
    .enq_dtf_i       (ctx_dtf),
    .enq_fault_i     (enq_fault),
    .enq_record_i    (enq_record),
    .enq_cause_i     (enq_cause),
    .enq_daddr_i     (enq_daddr),
    .walk_exec_i     (st_exec),
    .walk_priv_i     (st_priv),
    .walk_sum_i      (ctx_sum),
    .walk_sade_i     (ctx_sade),
    .walk_gade_i     (ctx_gade),
    .walk_s1_mode_i  (ctx_s1_mode),
    .walk_s1_ppn_i   (ctx_s1_ppn),
    .walk_msi_on_i   (mctx_mode == 4'd1),
    .walk_msi_mask_i (mctx_mask),
    .walk_msi_pat_i  (mctx_pat),
    .walk_msi_ptp_i  (mctx_ppn),
    .walk_s2_mode_i  (ctx_s2_mode),
    .walk_s2_ppn_i   (ctx_s2_ppn),
    // A walk in flight across an IOTLB invalidation, or across the end of any context-cache
    // entry (its fill would be tagged with an entry that may now hold another context), does
    // not fill the IOTLB.
    .inv_i           (inv_valid_i || (|ctx_flush)),
    .wc_flush_i      (inv_valid_i || ctx_inv_i || ctx_load_i),
    .iss_valid_o     (iss_valid),
    .iss_take_i      (iss_take),
    .iss_write_o     (iss_write),
    .iss_id_o        (iss_id),
    .iss_iova_o      (iss_iova),
    .iss_addr_o      (iss_addr),
    .iss_len_o       (iss_len),
    .iss_size_o      (iss_size),
    .iss_burst_o     (iss_burst),
    .iss_prot_o      (iss_prot),
    .iss_did_o       (iss_did),
    .iss_pid_o       (iss_pid),
    .iss_pv_o        (iss_pv),
    .iss_fault_o     (iss_fault),
    .iss_record_o    (iss_record),
    .iss_cause_o     (iss_cause),
    .iss_iotval2_o   (iss_iotval2),
    .iss_wsize_o     (iss_wsize),
    .fill_o          (fill),
    .fill_ctx_o      (fill_ctx),
    .fill_gv_o       (fill_gv),
    .fill_gscid_o    (fill_gscid),
    .fill_s1_o       (fill_s1),
    .fill_pscid_o    (fill_pscid),
    .fill_g_o        (fill_g),
    .fill_vpn_o      (fill_vpn),
    .fill_size_o     (fill_size),
    .fill_ppn_o      (fill_ppn),
    .fill_perm1_o    (fill_perm1),
    .msi_gscid_o     (mq_gscid),
    .msi_gpn_o       (mq_gpn),
    .msi_hit_i       (mq_hit),
    .msi_ppn_i       (mq_ppn),
    .msi_miss_ok_i   (!mq_cm_busy),
    .msi_miss_o      (mq_miss),
    .msi_retry_i     (miss_retry_i && mq_miss),
    .msi_fail_i      (miss_fail_i && mq_miss),
    .msi_absorb_i    (miss_absorb_i),
    .msi_did_o       (mq_did),
    .msi_pid_o       (mq_pid),
    .msi_pv_o        (mq_pv),
    .msi_priv_o      (mq_priv),
    .msi_exec_o      (mq_exec),
    .msi_write_o     (mq_write),
    .msi_iova_o      (mq_iova),
    .msi_mgscid_o    (mq_mgscid),
    .msi_pte_o       (mq_pte),
    .msi_mgpn_o      (mq_mgpn),
    .msi_dtf_o       (mq_dtf),
    .fill_perm2_o    (fill_perm2),
    .walk_active_o   (walk_active),
    .m_ptw_arid_o    (m_ptw_arid_o),
    .m_ptw_araddr_o  (m_ptw_araddr_o),
    .m_ptw_arvalid_o (m_ptw_arvalid_o),
    .m_ptw_arready_i (m_ptw_arready_i),
    .m_ptw_rid_i     (m_ptw_rid_i),
    .m_ptw_rdata_i   (m_ptw_rdata_i),
    .m_ptw_rerr_i    (m_ptw_rresp_i[1]),
    .m_ptw_rvalid_i  (m_ptw_rvalid_i),
    .m_ptw_arlock_o  (m_ptw_arlock_o),
    .m_ptw_awid_o    (m_ptw_awid_o),
    .m_ptw_awaddr_o  (m_ptw_awaddr_o),
    .m_ptw_awvalid_o (m_ptw_awvalid_o),
    .m_ptw_awready_i (m_ptw_awready_i),
    .m_ptw_wdata_o   (m_ptw_wdata_o),
    .m_ptw_wvalid_o  (m_ptw_wvalid_o),
    .m_ptw_wready_i  (m_ptw_wready_i),
    .m_ptw_bresp_i   (m_ptw_bresp_i),
    .m_ptw_bvalid_i  (m_ptw_bvalid_i)
  );

  // 8-byte single-beat PTE reads, privileged data (AxPROT 0b001).
  assign m_ptw_arlen_o   = 8'd0;
  assign m_ptw_arsize_o  = 3'd3;
  assign m_ptw_arburst_o = 2'b01;
  assign m_ptw_arprot_o  = 3'b001;
  assign m_ptw_rready_o  = 1'b1;
  // A/D updates: one exclusive 8-byte beat, same attributes and ID as the exclusive read.
  assign m_ptw_awlen_o   = 8'd0;
  assign m_ptw_awsize_o  = 3'd3;
  assign m_ptw_awburst_o = 2'b01;
  assign m_ptw_awprot_o  = 3'b001;
  assign m_ptw_awlock_o  = 1'b1;
  assign m_ptw_wstrb_o   = 8'hFF;
  assign m_ptw_wlast_o   = 1'b1;
  assign m_ptw_bready_o  = 1'b1;

  //////////////////////
  // Response block   //
  //////////////////////

  iommu_xlate_rsp #(
    .IdWidth (IdWidth)
  ) u_rsp (
    .clk_i            (clk_i),
    .rst_i            (rst_i),
    .rd_issue_i       (m_dma_arvalid_o && m_dma_arready_i),
    .rd_issue_id_i    (is_id),
    .rd_err_valid_i   (is_done && !is_write && !is_pass),
    .rd_err_id_i      (is_id),
    .rd_err_len_i     (is_len),
    .rd_err_ready_o   (rd_err_ready),
    .rd_err_busy_o    (rd_err_busy),
    .wr_issue_i       (m_dma_awvalid_o && m_dma_awready_i),
    .wr_issue_id_i    (is_id),
    .wr_route_valid_i (is_done && is_write),
    .wr_route_drop_i  (!is_pass),
    .wr_route_absorb_i (is_absorb),
    .wr_route_id_i    (is_id),
    .wr_route_ready_o (wr_route_ready),
    .wr_err_busy_o    (wr_err_busy),
    .cap_valid_o      (mrif_valid_o),
    .cap_data_o       (mrif_data_o),
    .cap_strb_o       (mrif_strb_o),
    .cap_multi_o      (mrif_multi_o),
    .cap_done_i       (mrif_done_i),
    .cap_resp_i       (mrif_resp_i),
    .s_axi_wdata_i    (s_axi_wdata_i),
    .s_axi_wstrb_i    (s_axi_wstrb_i),
    .s_axi_wlast_i    (s_axi_wlast_i),
    .s_axi_wvalid_i   (s_axi_wvalid_i),
    .s_axi_wready_o   (s_axi_wready_o),
    .s_axi_bid_o      (s_axi_bid_o),
    .s_axi_bresp_o    (s_axi_bresp_o),
    .s_axi_bvalid_o   (s_axi_bvalid_o),
    .s_axi_bready_i   (s_axi_bready_i),
    .s_axi_rid_o      (s_axi_rid_o),
    .s_axi_rdata_o    (s_axi_rdata_o),
    .s_axi_rresp_o    (s_axi_rresp_o),
    .s_axi_rlast_o    (s_axi_rlast_o),
    .s_axi_rvalid_o   (s_axi_rvalid_o),
    .s_axi_rready_i   (s_axi_rready_i),
    .m_dma_wdata_o    (m_dma_wdata_o),
    .m_dma_wstrb_o    (m_dma_wstrb_o),
    .m_dma_wlast_o    (m_dma_wlast_o),
    .m_dma_wvalid_o   (m_dma_wvalid_o),
    .m_dma_wready_i   (m_dma_wready_i),
    .m_dma_bid_i      (m_dma_bid_i),
    .m_dma_bresp_i    (m_dma_bresp_i),
    .m_dma_bvalid_i   (m_dma_bvalid_i),
    .m_dma_bready_o   (m_dma_bready_o),
    .m_dma_rid_i      (m_dma_rid_i),
    .m_dma_rdata_i    (m_dma_rdata_i),
    .m_dma_rresp_i    (m_dma_rresp_i),
    .m_dma_rlast_i    (m_dma_rlast_i),
    .m_dma_rvalid_i   (m_dma_rvalid_i),
    .m_dma_rready_o   (m_dma_rready_o)
  );

  ///////////
  // HPM   //
  ///////////

  // Bit n = standard event n (spec 5.23): 1 untranslated request (every device request, when it
  // leaves the stage, so that its context is known; not the debug request), 4 IOTLB miss (walk
  // start, debug walks included), 7 first-stage walk, 8 G-stage walk. Bit 0 is unused.
  // Every event of a cycle belongs to the stage's request: one set of IDs for the filters.
  // Registered (counted one cycle later): the event and filter logic of the register page
  // never hangs off the stage's decision.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      hpm_evt_o <= '0;
    end else begin
      hpm_evt_o <= {enq_walk && enq && s2_on,   // 8 G-stage walk
                    enq_walk && enq && s1_on,   // 7 first-stage walk
                    2'b00,
                    enq_walk && enq,            // 4 IOTLB miss
                    2'b00,
                    st_done && !st_dbg,         // 1 untranslated request
                    1'b0};
    end
  end
  always_ff @(posedge clk_i) begin
    hpm_did_o   <= st_did;
    hpm_pid_o   <= st_pid;
    hpm_pv_o    <= st_pv;
    hpm_gscid_o <= ctx_gscid;
    hpm_gscv_o  <= (ddtp_mode_i > 4'd1) && ctx_hit && s2_on;
    hpm_pscid_o <= ctx_pscid;
    hpm_pscv_o  <= (ddtp_mode_i > 4'd1) && ctx_hit && s1_on;
  end

`ifndef SYNTHESIS
  // The context cache lets a lookup in the cycle of a load miss the loaded key, so the
  // firmware's miss-retry must come in a later cycle than its context load (iommu_ctx_cache).
  // (Checked once a reset has been seen: before it, the firmware interface's flops are random.)
  logic chk_armed_q = 1'b0;
  always @(posedge clk_i) begin
    if (rst_i) begin
      chk_armed_q <= 1'b1;
    end else if (chk_armed_q && ctx_load_i && miss_retry_i) begin
      $error("iommu_xlate: context load and miss retry in the same cycle");
    end
  end

  // Whenever the stage decides in a context whose MSI check matters, the check registered a cycle
  // ahead is the one its own address gives against its own context's mask and pattern.
  always @(posedge clk_i) begin
    if (chk_armed_q && !rst_i && st_act && ctx_hit && msi_on && !msi_wait &&
        (msi_sel != msi_page_match(st_addr[63:12], mctx_mask, mctx_pat))) begin
      $error("iommu_xlate: MSI address check %0d (%s), the stage's own address gives %0d",
             msi_sel, cmp_known ? "ahead" : "own", !msi_sel);
    end
  end

  // Whenever the stage has its context, the MSI cache's hit from the GSCID-equal bits is the one
  // a compare of each entry's GSCID with the context's gives (the bits follow context loads a
  // cycle late: iommu_msi_cache).
  logic chk_msi_ref;
  always_comb begin
    chk_msi_ref = 1'b0;
    for (int i = 0; i < MsiEntries; i++) begin
      if (u_msi_cache.valid_q[i] && u_msi_cache.gpn_hit_q[i] &&
          (u_msi_cache.gscid_q[i] == ctx_gscid)) begin
        chk_msi_ref = 1'b1;
      end
    end
  end
  always @(posedge clk_i) begin
    if (chk_armed_q && !rst_i && ctx_hit && (msi_hit != chk_msi_ref)) begin
      $error("iommu_xlate: MSI cache hit %0d, a GSCID compare gives %0d", msi_hit, chk_msi_ref);
    end
  end
`endif

  logic unused_xlate;
  assign unused_xlate = ^{accept, m_ptw_rid_i, m_ptw_rresp_i[0], m_ptw_rlast_i, fctl_gxl_i, ctx_w_i[0],
                          m_ptw_bid_i,
                          walk_active};

endmodule
