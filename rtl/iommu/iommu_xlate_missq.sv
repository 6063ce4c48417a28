// SPDX-License-Identifier: Apache-2.0
// Miss queue of the translation datapath: Slots parked requests, one page-table walker per slot.
//
// A request leaves the translation stage into a slot when it misses the IOTLB (free slots and
// idle walkers capture the stage's request every cycle, the fields read only at issue or by the
// MSI resolver in LUT RAM at the lowest free slot; the miss only marks the slot valid and starts
// its walker the cycle after) or when it must stay behind an older parked request: reads
// behind a parked read of the same AXI ID, writes behind any parked write (W beats follow AW
// order, AXI4 A5.3). Such a follower carries the stage's decision (pass address or fault) and
// never walks. Every slot knows
// its predecessor in its chain and becomes ready only once the predecessor has left, so per-ID
// order (reads) and AW order (writes) hold while other requests hit under the misses.
// Walkers share m_ptw_* with ARID = slot index (fixed priority, grant held while AR stalls);
// R beats return by RID. A/D-update writes (exclusive, single beat) go out on the AW/W channels
// with AWID = slot index, one walker at a time (the write token, held from its AW/W offer to its
// B response). A finished walk fills the IOTLB (through a register, a cycle after its request
// leaves) unless an IOTLB invalidation arrived since the walk started (IOMMU spec 4.1 IOTINVAL
// rules: no stale fill).
// Owns the slots (chain and page queries, slot state, the issue payload in LUT RAM), the issue
// select and the IOTLB fill. Its parts: the walkers (iommu_ptw per slot) and the walk cache in
// iommu_xlate_missq_walk, whose m_ptw_* arbitration is iommu_xlate_missq_port; the MSI resolver
// (its per-slot result, its payload copy, the MSI_MISS handshake) in iommu_xlate_missq_msi.

`default_nettype none

module iommu_xlate_missq #(
  parameter int IdWidth = 4,
  parameter int Slots   = 4,   // 2..(1 << IdWidth)
  parameter int WcEntries = 4, // walk cache entries (power of two, >= 2)
  parameter int CtxW    = 3    // context-cache index width
) (
  input  logic               clk_i,
  input  logic               rst_i,

  // ---- Query from the stage (the stage's own request) ----
  input  logic [IdWidth-1:0] q_id_i,
  input  logic               q_write_i,
  input  logic [63:0]        q_addr_i,
  input  logic               q_gv_i,
  input  logic [15:0]        q_gscid_i,
  input  logic               q_s1_i,
  input  logic [19:0]        q_pscid_i,
  input  logic [CtxW-1:0]    q_ctx_i,      // context-cache entry of the stage's context
  output logic               dep_o,        // must park behind an older slot
  output logic               page_busy_o,  // a walk of this 4 KiB page and context entry is on
  output logic               free_o,       // a slot is free

  // ---- Park the stage's request ----
  input  logic               enq_i,
  input  logic               enq_walk_i,   // 1: start the slot's walker; 0: decided follower
  input  logic [7:0]         enq_len_i,
  input  logic [2:0]         enq_size_i,
  input  logic [1:0]         enq_burst_i,
  input  logic [2:0]         enq_prot_i,
  input  logic [23:0]        enq_did_i,
  input  logic [19:0]        enq_pid_i,
  input  logic               enq_pv_i,
  input  logic               enq_dtf_i,
  input  logic               enq_fault_i,  // follower: decided fault
  input  logic               enq_record_i,
  input  logic [11:0]        enq_cause_i,
  input  logic [63:0]        enq_daddr_i,  // follower: decided memory address
  input  logic               walk_exec_i,
  input  logic               walk_priv_i,
  input  logic               walk_sum_i,
  input  logic               walk_sade_i,
  input  logic               walk_gade_i,
  input  logic [3:0]         walk_s1_mode_i,
  input  logic [43:0]        walk_s1_ppn_i,
  input  logic [3:0]         walk_s2_mode_i,
  input  logic [43:0]        walk_s2_ppn_i,
  input  logic               walk_msi_on_i,   // msiptp Flat: check the first stage's GPA
  input  logic [51:0]        walk_msi_mask_i,
  input  logic [51:0]        walk_msi_pat_i,
  input  logic [43:0]        walk_msi_ptp_i,  // msiptp.PPN
  input  logic               inv_i,        // IOTLB invalidation this cycle
  input  logic               wc_flush_i,   // walk cache flush (IOTINVAL, context load/inval)

  // ---- Oldest ready slot, offered to the issue port ----
  output logic               iss_valid_o,
  input  logic               iss_take_i,
  output logic               iss_write_o,
  output logic [IdWidth-1:0] iss_id_o,
  output logic [63:0]        iss_iova_o,
  output logic [63:0]        iss_addr_o,
  output logic [7:0]         iss_len_o,
  output logic [2:0]         iss_size_o,
  output logic [1:0]         iss_burst_o,
  output logic [2:0]         iss_prot_o,
  output logic [23:0]        iss_did_o,
  output logic [19:0]        iss_pid_o,
  output logic               iss_pv_o,
  output logic               iss_fault_o,
  output logic               iss_record_o,
  output logic [11:0]        iss_cause_o,
  output logic [63:0]        iss_iotval2_o,
  output logic [2:0]         iss_wsize_o,    // the walk's leaf size (debug translation answer)

  // ---- IOTLB fill (with the leaving walk) ----
  output logic               fill_o,
  output logic [CtxW-1:0]    fill_ctx_o,
  output logic               fill_gv_o,
  output logic [15:0]        fill_gscid_o,
  output logic               fill_s1_o,
  output logic [19:0]        fill_pscid_o,
  output logic               fill_g_o,
  output logic [51:0]        fill_vpn_o,
  output logic [2:0]         fill_size_o,
  output logic [43:0]        fill_ppn_o,
  output logic [3:0]         fill_perm1_o,
  output logic [2:0]         fill_perm2_o,
  output logic               walk_active_o, // any walker busy (for tests / power)

  // ---- MSI after a first-stage walk (spec "Process to translate an IOVA", MSI check on the GPA) ----
  // A walk whose final GPA is an MSI page is translated with the MSI-PTE cache (second lookup
  // port); a miss goes to firmware as an MSI_MISS on the stage's miss interface (one owner).
  output logic [15:0]        msi_gscid_o,     // lookup of the resolving slot
  output logic [51:0]        msi_gpn_o,
  input  logic               msi_hit_i,
  input  logic [43:0]        msi_ppn_i,
  input  logic               msi_miss_ok_i,   // the stage does not use the miss interface
  output logic               msi_miss_o,      // level: a slot's MSI_MISS is with firmware
  input  logic               msi_retry_i,
  input  logic               msi_fail_i,
  input  logic               msi_absorb_i,    // with msi_fail_i: firmware takes the write (MRIF)
  output logic [23:0]        msi_did_o,
  output logic [19:0]        msi_pid_o,
  output logic               msi_pv_o,
  output logic               msi_priv_o,
  output logic               msi_exec_o,
  output logic               msi_write_o,
  output logic [63:0]        msi_iova_o,
  output logic [15:0]        msi_mgscid_o,
  output logic [63:0]        msi_pte_o,       // msiptp.PPN<<12 | I*16
  output logic [51:0]        msi_mgpn_o,      // GPA page number
  output logic               msi_dtf_o,

  // ---- Page-table reads ----
  output logic [IdWidth-1:0] m_ptw_arid_o,
  output logic [63:0]        m_ptw_araddr_o,
  output logic               m_ptw_arlock_o,
  output logic               m_ptw_arvalid_o,
  input  logic               m_ptw_arready_i,
  input  logic [IdWidth-1:0] m_ptw_rid_i,
  input  logic [63:0]        m_ptw_rdata_i,
  input  logic               m_ptw_rerr_i,
  input  logic               m_ptw_rvalid_i,
  // ---- A/D update writes (exclusive, one 8-byte beat) ----
  output logic [IdWidth-1:0] m_ptw_awid_o,
  output logic [63:0]        m_ptw_awaddr_o,
  output logic               m_ptw_awvalid_o,
  input  logic               m_ptw_awready_i,
  output logic [63:0]        m_ptw_wdata_o,
  output logic               m_ptw_wvalid_o,
  input  logic               m_ptw_wready_i,
  input  logic [1:0]         m_ptw_bresp_i,
  input  logic               m_ptw_bvalid_i
);

  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  `include "iommu_xlate_defs.svh"
  // verilator lint_on UNUSEDPARAM

  localparam int SW = $clog2(Slots);

  ////////////////
  // Slot state //
  ////////////////

  logic              valid_q  [Slots];
  logic              walk_q   [Slots];   // result comes from the slot's walker
  logic              wdone_q  [Slots];   // walker finished
  logic              nofill_q [Slots];   // invalidation seen since the walk started
  logic              tail_q   [Slots];   // youngest of its chain
  logic              pred_v_q [Slots];
  logic [SW-1:0]     pred_q   [Slots];
  logic              write_q  [Slots];
  logic [IdWidth-1:0] id_q    [Slots];
  logic [63:0]       iova_q   [Slots];
  logic              gv_q     [Slots];
  logic [15:0]       gscid_q  [Slots];
  logic              s1_q     [Slots];
  logic [19:0]       pscid_q  [Slots];
  logic [CtxW-1:0]   ctx_q    [Slots];   // context-cache entry it was parked from

  // ---- Payload read by one index only: distributed RAM ----
  // Fields that no per-slot logic looks at are read only at the issuing slot (iss_idx) or at
  // the MSI resolver's slot (mreq_idx, its copy in iommu_xlate_missq_msi), so they live in LUT
  // RAM (one synchronous write port, asynchronous read), one copy per read index, instead of
  // Slots registers and a read mux per bit. The IOVA and the GSCID, which per-slot logic does
  // look at, keep their registers; the copies replace their read muxes. A copy is written at
  // free_idx, the slot enq_i fills, in every cycle a slot is free: a slot keeps what its enqueue
  // cycle wrote, as the registers do. A free slot's word may be stale, but only valid slots are
  // read where it matters (iss_* are used with iss_valid_o, the lookup's hit with mcand, the
  // other msi_* with msi_miss_o; fill_d needs a leaving slot).
  localparam int IssW = 8 + 3 + 2 + 3 + 24 + 20 + 1 + 1 + 1 + 1 + 12 + 64 + 64;
  logic [IssW-1:0]   iss_mem  [Slots];
  logic [IssW-1:0]   iss_wd, iss_rd;

  // The issuing slot's payload
  logic [7:0]        r_len;
  logic [2:0]        r_size, r_prot;
  logic [1:0]        r_burst;
  logic [23:0]       r_did;
  logic [19:0]       r_pid;
  logic              r_pv, r_dtf, r_fault, r_rec;
  logic [11:0]       r_cause;
  logic [63:0]       r_addr, r_iova;

  // ---- Walkers (iommu_xlate_missq_walk; flattened per-slot outputs) ----
  logic [Slots-1:0]     w_start, w_busy, w_done, w_fault, w_g, w_msi;
  logic [Slots*12-1:0]  w_cause_v;
  logic [Slots*64-1:0]  w_iotval2_v;
  logic [Slots*44-1:0]  w_ppn_v;
  logic [Slots*3-1:0]   w_size_v, w_perm2_v;
  logic [Slots*4-1:0]   w_perm1_v;
  // Per-walker outputs as unpacked arrays: a read by a slot index is a small mux tree (a
  // variable part-select of a flattened vector, stride 44 or 12, became a barrel shifter).
  logic [11:0]          w_cause   [Slots];
  logic [63:0]          w_iotval2 [Slots];
  logic [43:0]          w_ppn     [Slots];
  logic [2:0]           w_size    [Slots];
  logic [2:0]           w_perm2   [Slots];
  logic [3:0]           w_perm1   [Slots];

  // ---- MSI resolver (iommu_xlate_missq_msi): its per-slot state, read by the issue select ----
  logic [Slots-1:0]     mres;      // MSI walk result resolved (hit or firmware fail)
  logic                 iss_mabs;  // ... by taking the write itself (MRIF, cause marker)
  logic                 iss_mfail; // firmware failed the MSI_MISS (it records)
  logic [43:0]          iss_mppn;  // MSI target PPN

  ///////////////////////////
  // Query: chain and page //
  ///////////////////////////

  logic          dep;
  logic [SW-1:0] dep_idx, free_idx, iss_idx;
  logic          leave;
  logic [Slots-1:0] page_eq;   // same 4 KiB page as the stage's request
  logic          fill_busy;    // the registered fill (below) is of the stage's page and entry

  // A walk in flight (or a pending fill) is of the stage's context when it was parked from the
  // same context-cache entry: the IOTLB tags its entries by that index, so only a walk of the
  // same entry can fill what the stage would look up. The index is a register in the stage's
  // cycle; comparing the translation tags {GV, GSCID, S1, PSCID} instead put the context
  // cache's LUT-RAM read in front of the stage's stall (the routed worst path). An entry that
  // ends while the walk runs stops its fill (inv_i); a reload into the same index only makes
  // the stage wait for that walk to leave.

  for (genvar i = 0; i < Slots; i++) begin : gen_page_eq
    logic [51:0] slot_vpn;
    assign slot_vpn   = iova_q[i][63:12];
    assign page_eq[i] = (slot_vpn == q_addr_i[63:12]);
  end

  always_comb begin
    dep         = 1'b0;
    dep_idx     = '0;
    page_busy_o = fill_busy;
    free_o      = 1'b0;
    free_idx    = '0;
    for (int i = Slots - 1; i >= 0; i--) begin
      if (!valid_q[i]) begin
        free_o   = 1'b1;
        free_idx = SW'(i);
      end
    end
    for (int i = 0; i < Slots; i++) begin
      if (valid_q[i] && tail_q[i] && (write_q[i] == q_write_i) &&
          (q_write_i || (id_q[i] == q_id_i))) begin
        dep     = 1'b1;
        dep_idx = SW'(i);
      end
      if (valid_q[i] && walk_q[i] && page_eq[i] && (ctx_q[i] == q_ctx_i)) begin
        page_busy_o = 1'b1;
      end
    end
  end
  assign dep_o = dep;

  //////////////////////////
  // Issue: lowest ready //
  //////////////////////////

  // A slot offered but not taken stays selected (AXI: payload stable while valid); a ready slot
  // stays ready until it leaves.
  logic          ready [Slots];
  logic          hold_q;
  logic [SW-1:0] hold_idx_q;
  always_comb begin
    iss_valid_o = 1'b0;
    iss_idx     = '0;
    for (int i = Slots - 1; i >= 0; i--) begin
      ready[i] = valid_q[i] && !pred_v_q[i] &&
                 (!walk_q[i] || ((wdone_q[i] || w_done[i]) && (!w_msi[i] || mres[i])));
      if (ready[i]) begin
        iss_valid_o = 1'b1;
        iss_idx     = SW'(i);
      end
    end
    if (hold_q) begin
      iss_valid_o = 1'b1;
      iss_idx     = hold_idx_q;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      hold_q     <= 1'b0;
      hold_idx_q <= '0;
    end else begin
      hold_q     <= iss_valid_o && !iss_take_i;
      hold_idx_q <= iss_idx;
    end
  end
  assign leave = iss_valid_o && iss_take_i;

  logic        sel_walk, sel_wfault, sel_msi, sel_mexec;
  logic [43:0] sel_wppn;
  logic [63:0] sel_iova;
  assign sel_walk   = walk_q[iss_idx];
  assign sel_msi    = w_msi[iss_idx];
  // MSI PTE: G-stage permissions R=W=U=1, X=0 (cause 1 as in the stage); a firmware fail has
  // its cause recorded by firmware: no record here.
  assign sel_mexec  = sel_msi && !iss_mfail && r_prot[2] && !write_q[iss_idx];
  assign sel_wfault = sel_msi ? (iss_mfail || sel_mexec) : w_fault[iss_idx];
  assign sel_wppn   = sel_msi ? iss_mppn : w_ppn[iss_idx];
  assign sel_iova   = r_iova;

  assign iss_write_o   = write_q[iss_idx];
  assign iss_id_o      = id_q[iss_idx];
  assign iss_iova_o    = sel_iova;
  assign iss_addr_o    = sel_walk ? {8'd0, sel_wppn, sel_iova[11:0]} : r_addr;
  assign iss_len_o     = r_len;
  assign iss_size_o    = r_size;
  assign iss_burst_o   = r_burst;
  assign iss_prot_o    = r_prot;
  assign iss_did_o     = r_did;
  assign iss_pid_o     = r_pid;
  assign iss_pv_o      = r_pv;
  assign iss_fault_o   = sel_walk ? sel_wfault : r_fault;
  assign iss_record_o  = sel_walk ? (sel_msi ? sel_mexec && !r_dtf
                                              : (sel_wfault && !r_dtf)) : r_rec;
  // An MSI write the firmware absorbs (MRIF) carries the internal marker, never recorded.
  assign iss_cause_o   = sel_walk ? (sel_msi ? (iss_mabs ? XLATE_CAUSE_ABSORB
                                                                : RISCV_IOMMU_FQ_CAUSE_INST_FAULT)
                                             : w_cause[iss_idx])
                                  : r_cause;
  assign iss_iotval2_o = (sel_walk && !sel_msi) ? w_iotval2[iss_idx] : 64'd0;
  assign iss_wsize_o   = w_size[iss_idx];

  // The fill is taken with the leaving request (one per cycle; walker outputs hold until then)
  // and registered: it lands in the IOTLB at the next edge but one, off the chain walk done ->
  // result select -> IOTLB write enables (the routed worst path when it was combinational).
  // Until it lands, page_busy_o keeps the stage's request of the same page and context entry
  // waiting, so it neither walks the page again nor misses the entry being written; an
  // invalidation or the end of the entry's context in the landing cycle makes the IOTLB drop it.
  // An MSI translation is never an IOTLB entry (its invalidation is IOTINVAL.GVMA of the
  // MSI-PTE cache; a first-stage-only entry would survive it).
  logic fill_d;
  assign fill_d = leave && sel_walk && !sel_msi && !sel_wfault && !nofill_q[iss_idx] && !inv_i;

  logic fill_q;
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      fill_q <= 1'b0;
    end else begin
      fill_q <= fill_d;
    end
  end
  always_ff @(posedge clk_i) begin
    if (fill_d) begin
      fill_ctx_o   <= ctx_q[iss_idx];
      fill_gv_o    <= gv_q[iss_idx];
      fill_gscid_o <= gscid_q[iss_idx];
      fill_s1_o    <= s1_q[iss_idx];
      fill_pscid_o <= pscid_q[iss_idx];
      fill_g_o     <= w_g[iss_idx];
      fill_vpn_o   <= sel_iova[63:12];
      fill_size_o  <= w_size[iss_idx];
      fill_ppn_o   <= sel_wppn;
      fill_perm1_o <= w_perm1[iss_idx];
      fill_perm2_o <= w_perm2[iss_idx];
    end
  end
  assign fill_o = fill_q;

  assign fill_busy = fill_q && (fill_vpn_o == q_addr_i[63:12]) && (fill_ctx_o == q_ctx_i);

  assign walk_active_o = |w_busy;

  //////////////////////////////////////////
  // MSI after the first stage (resolver) //
  //////////////////////////////////////////

  logic [Slots-1:0] valid_v, walk_v, wdone_v;
  for (genvar i = 0; i < Slots; i++) begin : gen_slot_v
    assign valid_v[i] = valid_q[i];
    assign walk_v[i]  = walk_q[i];
    assign wdone_v[i] = wdone_q[i];
  end

  iommu_xlate_missq_msi #(
    .Slots (Slots)
  ) u_msi (
    .clk_i          (clk_i),
    .rst_i          (rst_i),
    .valid_i        (valid_v),
    .walk_i         (walk_v),
    .wdone_i        (wdone_v),
    .w_done_i       (w_done),
    .w_msi_i        (w_msi),
    .w_ppn_i        (w_ppn_v),
    .enq_i          (enq_i),
    .free_i         (free_o),
    .free_idx_i     (free_idx),
    .enq_exec_i     (enq_prot_i[2]),
    .enq_priv_i     (enq_prot_i[0]),
    .q_write_i      (q_write_i),
    .enq_did_i      (enq_did_i),
    .enq_pid_i      (enq_pid_i),
    .enq_pv_i       (enq_pv_i),
    .enq_dtf_i      (enq_dtf_i),
    .walk_msi_ptp_i (walk_msi_ptp_i),
    .q_gscid_i      (q_gscid_i),
    .q_addr_i       (q_addr_i),
    .iss_idx_i      (iss_idx),
    .mres_o         (mres),
    .iss_mabs_o     (iss_mabs),
    .iss_mfail_o    (iss_mfail),
    .iss_mppn_o     (iss_mppn),
    .msi_gscid_o    (msi_gscid_o),
    .msi_gpn_o      (msi_gpn_o),
    .msi_hit_i      (msi_hit_i),
    .msi_ppn_i      (msi_ppn_i),
    .msi_miss_ok_i  (msi_miss_ok_i),
    .msi_miss_o     (msi_miss_o),
    .msi_retry_i    (msi_retry_i),
    .msi_fail_i     (msi_fail_i),
    .msi_absorb_i   (msi_absorb_i),
    .msi_did_o      (msi_did_o),
    .msi_pid_o      (msi_pid_o),
    .msi_pv_o       (msi_pv_o),
    .msi_priv_o     (msi_priv_o),
    .msi_exec_o     (msi_exec_o),
    .msi_write_o    (msi_write_o),
    .msi_iova_o     (msi_iova_o),
    .msi_mgscid_o   (msi_mgscid_o),
    .msi_pte_o      (msi_pte_o),
    .msi_mgpn_o     (msi_mgpn_o),
    .msi_dtf_o      (msi_dtf_o)
  );

  /////////////////
  // Slot update //
  /////////////////

  logic pred_v_new;
  // A predecessor that leaves in the enqueue cycle no longer orders anything.
  assign pred_v_new = dep && !(leave && (iss_idx == dep_idx));

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      for (int i = 0; i < Slots; i++) begin
        valid_q[i]  <= 1'b0;
        pred_v_q[i] <= 1'b0;
        tail_q[i]   <= 1'b0;
        wdone_q[i]  <= 1'b0;
        nofill_q[i] <= 1'b0;
      end
    end else begin
      for (int i = 0; i < Slots; i++) begin
        if (w_done[i]) begin
          wdone_q[i] <= 1'b1;
        end
        if (inv_i) begin
          nofill_q[i] <= 1'b1;
        end
        if (leave && pred_v_q[i] && (pred_q[i] == iss_idx)) begin
          pred_v_q[i] <= 1'b0;
        end
      end
      if (leave) begin
        valid_q[iss_idx] <= 1'b0;
        tail_q[iss_idx]  <= 1'b0;
      end
      if (enq_i) begin
        if (dep) begin
          tail_q[dep_idx] <= 1'b0;
        end
        valid_q[free_idx]  <= 1'b1;
        tail_q[free_idx]   <= 1'b1;
        pred_v_q[free_idx] <= pred_v_new;
        wdone_q[free_idx]  <= 1'b0;
        nofill_q[free_idx] <= inv_i;
      end
    end
  end

  // A free slot takes the stage's request every cycle (the enable is the slot's own valid bit,
  // not the stage's decision); enq_i only sets valid_q of the slot that keeps it. The RAM
  // copies take it at free_idx, the slot enq_i would keep.
  always_ff @(posedge clk_i) begin
    for (int i = 0; i < Slots; i++) begin
      if (!valid_q[i]) begin
        walk_q[i]   <= enq_walk_i;
        pred_q[i]   <= dep_idx;
        write_q[i]  <= q_write_i;
        id_q[i]     <= q_id_i;
        iova_q[i]   <= q_addr_i;
        gv_q[i]     <= q_gv_i;
        gscid_q[i]  <= q_gscid_i;
        s1_q[i]     <= q_s1_i;
        pscid_q[i]  <= q_pscid_i;
        ctx_q[i]    <= q_ctx_i;
      end
    end
  end

  assign iss_wd = {enq_len_i, enq_size_i, enq_burst_i, enq_prot_i, enq_did_i, enq_pid_i, enq_pv_i,
                   enq_dtf_i, enq_fault_i, enq_record_i, enq_cause_i, enq_daddr_i,
                   q_addr_i};
  always_ff @(posedge clk_i) begin
    if (free_o) begin
      iss_mem[free_idx] <= iss_wd;
    end
  end
  assign iss_rd = iss_mem[iss_idx];
  assign {r_len, r_size, r_burst, r_prot, r_did, r_pid, r_pv, r_dtf, r_fault, r_rec, r_cause,
          r_addr, r_iova} = iss_rd;

  /////////////
  // Walkers //
  /////////////

  logic [Slots*64-1:0] slot_iova;
  logic [Slots*CtxW-1:0] slot_ctx;
  for (genvar i = 0; i < Slots; i++) begin : gen_walker
    assign w_start[i] = enq_i && enq_walk_i && (free_idx == SW'(i));
    assign slot_iova[i*64 +: 64]  = iova_q[i];    // the slot holds it while its walk runs
    assign slot_ctx[i*CtxW +: CtxW] = ctx_q[i];
    assign w_cause[i]   = w_cause_v[i*12 +: 12];
    assign w_iotval2[i] = w_iotval2_v[i*64 +: 64];
    assign w_ppn[i]     = w_ppn_v[i*44 +: 44];
    assign w_size[i]    = w_size_v[i*3 +: 3];
    assign w_perm1[i]   = w_perm1_v[i*4 +: 4];
    assign w_perm2[i]   = w_perm2_v[i*3 +: 3];
  end

  iommu_xlate_missq_walk #(
    .IdWidth   (IdWidth),
    .Slots     (Slots),
    .WcEntries (WcEntries),
    .CtxW      (CtxW)
  ) u_walk (
    .clk_i           (clk_i),
    .rst_i           (rst_i),
    .q_write_i       (q_write_i),
    .q_vpn_i         (q_addr_i[56:21]),
    .q_ctx_i         (q_ctx_i),
    .walk_exec_i     (walk_exec_i),
    .walk_priv_i     (walk_priv_i),
    .walk_sum_i      (walk_sum_i),
    .walk_sade_i     (walk_sade_i),
    .walk_gade_i     (walk_gade_i),
    .walk_s1_mode_i  (walk_s1_mode_i),
    .walk_s1_ppn_i   (walk_s1_ppn_i),
    .walk_s2_mode_i  (walk_s2_mode_i),
    .walk_s2_ppn_i   (walk_s2_ppn_i),
    .walk_msi_on_i   (walk_msi_on_i),
    .walk_msi_mask_i (walk_msi_mask_i),
    .walk_msi_pat_i  (walk_msi_pat_i),
    .wc_flush_i      (wc_flush_i),
    .start_i         (w_start),
    .iova_i          (slot_iova),
    .ctx_i           (slot_ctx),
    .busy_o          (w_busy),
    .done_o          (w_done),
    .fault_o         (w_fault),
    .g_o             (w_g),
    .msi_o           (w_msi),
    .cause_o         (w_cause_v),
    .iotval2_o       (w_iotval2_v),
    .ppn_o           (w_ppn_v),
    .size_o          (w_size_v),
    .perm1_o         (w_perm1_v),
    .perm2_o         (w_perm2_v),
    .m_ptw_arid_o    (m_ptw_arid_o),
    .m_ptw_araddr_o  (m_ptw_araddr_o),
    .m_ptw_arlock_o  (m_ptw_arlock_o),
    .m_ptw_arvalid_o (m_ptw_arvalid_o),
    .m_ptw_arready_i (m_ptw_arready_i),
    .m_ptw_rid_i     (m_ptw_rid_i),
    .m_ptw_rdata_i   (m_ptw_rdata_i),
    .m_ptw_rerr_i    (m_ptw_rerr_i),
    .m_ptw_rvalid_i  (m_ptw_rvalid_i),
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

endmodule
