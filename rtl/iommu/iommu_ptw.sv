// SPDX-License-Identifier: Apache-2.0
// Page-table walker: first stage Sv39/Sv48/Sv57, G-stage Sv39x4/Sv48x4/Sv57x4, nested two-stage
// walks.
//
// Owns one walk at a time (Priv spec 12.3.2 / 18.5.1 two-stage translation, IOMMU spec 2.3
// steps 7-8).
// First-stage PTE addresses are GPAs when the G-stage is active and are translated through the
// G-stage as implicit reads before being read. Every PTE is one 8-byte read on m_ptw_*; the PTE is
// checked in the cycle its R beat arrives and the next read is issued the cycle after. An idle
// walker captures its inputs every cycle; the start (the miss cycle) only sets one flop, the
// first step is taken the cycle after and the first read leaves from a register the cycle after
// that, so the miss decision, the walk's first step and the read-port arbitration are never
// chained in one cycle. An Sv39 walk costs 3L+5 from miss to result-ready (M4, doc/targets.md
// §1); each further level costs L+1: Sv48 4L+6, Sv57 5L+7. Inputs other than start_i and iova_i
// (held by the caller for the whole walk) are sampled at start only; the result outputs hold
// until the next start.
// Faults (cause by original access type): page fault 12/13/15, guest-page fault 20/21/23 with
// iotval2 = GPA[63:2]<<2 | implicit-write<<1 | implicit, PTE read or write bus error 1/5/7.
// Success returns the SPA PPN of the accessed 4 KiB page plus the leaf bits of both stages for
// the IOTLB fill. The verdict on each PTE (decode, checks, the leaf's page) is iommu_ptw_pte.
// Hardware A/D update (AMO_HWAD, DC.tc.SADE first stage, DC.tc.GADE G-stage; doc/datapath.md
// "A/D update"): a leaf that passes every check but has A=0, or D=0 on a write, faults when its
// stage's ADE is 0. Otherwise it is read again as an AXI exclusive (ARLOCK), judged again from
// scratch, and if it still needs the update, written back with A (and D for a write) set by an
// exclusive write on the same ID (AWLOCK). EXOKAY: the PTE is read once more (plain) and the walk
// goes on with it; OKAY (the PTE changed since the exclusive read): back to the exclusive read.
// Nothing is written on a walk step that faults. In a nested walk, a first-stage leaf that needs
// the update first has its own address translated through the G-stage again, as an implicit
// write (G leaf W needed, its A and D set under GADE, iotval2 bit 1 on a guest-page fault).

`default_nettype none

module iommu_ptw (
  input  logic         clk_i,
  input  logic         rst_i,

  // ---- Walk request ----
  input  logic         start_i,
  input  logic [63:0]  iova_i,      // the walk's IOVA, held by the caller from start to done
  input  logic         exec_i,
  input  logic         write_i,
  input  logic         priv_i,
  input  logic         sum_i,
  input  logic         sade_i,      // DC.tc.SADE: set A/D in first-stage leaves
  input  logic         gade_i,      // DC.tc.GADE: set A/D in G-stage leaves
  input  logic [3:0]   s1_mode_i,   // iosatp mode: 0 Bare, 8 Sv39, 9 Sv48, 10 Sv57
  input  logic [43:0]  s1_ppn_i,
  input  logic [3:0]   s2_mode_i,   // iohgatp mode: 0 Bare, 8 Sv39x4, 9 Sv48x4, 10 Sv57x4
  input  logic [43:0]  s2_ppn_i,
  // MSI (spec "Process to translate an IOVA", MSI check on the GPA): a final GPA page
  // matching the context's pattern ends the walk.
  input  logic         msi_on_i,    // msiptp.MODE = Flat
  input  logic [51:0]  msi_mask_i,
  input  logic [51:0]  msi_pat_i,
  output logic         busy_o,
  // Walk cache (iommu_walk_cache, first stage with G-stage Bare only): a hit at start begins the
  // walk at level 0 in table wc_ppn_i; a level-1 pointer PTE read by a walk that saw no flush_i
  // since its start is offered as a fill (wc_fill_o, one cycle, key IOVA[56:21] and the mode;
  // the table is that R beat's PTE.PPN, which the caller takes from the shared R data).
  input  logic         wc_hit_i,
  input  logic [43:0]  wc_ppn_i,
  input  logic         wc_flush_i,
  output logic         wc_fill_o,
  output logic [1:0]   wc_mode_o,   // 0 Sv39, 1 Sv48, 2 Sv57
  output logic [35:0]  wc_vpn_o,

  // ---- Result (done_o is a one-cycle pulse) ----
  output logic         done_o,
  output logic         fault_o,
  output logic [11:0]  cause_o,
  output logic [63:0]  iotval2_o,
  output logic [43:0]  ppn_o,       // SPA PPN of the accessed 4 KiB page
  output logic [2:0]   size_o,      // 0 4K, 1 64K NAPOT, 2 2M, 3 1G, 4 512G, 5 256T (smaller of both)
  output logic [3:0]   perm1_o,     // first-stage leaf {U, X, W&D, R}
  output logic         g_o,         // first-stage leaf G bit
  output logic [2:0]   perm2_o,     // G-stage leaf {X, W&D, R}
  output logic         msi_o,       // final GPA is an MSI page: ppn_o = GPA page, no G-stage walk

  // ---- PTE reads, and the exclusive A/D writes (same address, rd_addr_o) ----
  output logic [63:0]  rd_addr_o,
  output logic         rd_valid_o,
  output logic         rd_lock_o,   // exclusive read (ARLOCK)
  input  logic         rd_ready_i,
  input  logic [63:0]  rd_data_i,
  input  logic         rd_err_i,
  input  logic         rd_rvalid_i,
  output logic         wr_valid_o,  // AW of the exclusive write (AWLOCK), address rd_addr_o
  input  logic         wr_ready_i,
  output logic         wd_valid_o,  // its single W beat (all strobes)
  input  logic         wd_ready_i,
  output logic [63:0]  wr_data_o,
  input  logic         b_valid_i,
  input  logic [1:0]   b_resp_i     // EXOKAY: written; OKAY: the exclusive failed; else error
);

  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  `include "iommu_xlate_defs.svh"
  // verilator lint_on UNUSEDPARAM

  typedef enum logic [2:0] {
    StIdle, StGStart, StRdReq, StRdWait, StDone, StUpd, StWrReq, StWrWait
  } state_e;


  state_e      state_q, state_d;
  logic [63:0] iova_q;                  // = iova_i (held by the miss-queue slot)
  logic        exec_q, write_q, priv_q, sum_q;
  logic        s2_on_q, s2_sv48_q, s2_sv57_q;
  logic [43:0] s2_root_q;
  logic        in_g_q, in_g_d;            // current read is a G-stage PTE
  logic        implicit_q, implicit_d;    // current G walk translates a first-stage PTE address
  logic [2:0]  lvl_q, lvl_d;              // 0..4 (level 4: Sv57 / Sv57x4 root)
  logic [2:0]  s1_lvl_q, s1_lvl_d;        // first-stage level of the pending first-stage PTE
  logic [63:0] addr_q, addr_d;            // next PTE read address (SPA)
  logic [63:0] gpa_q, gpa_d;              // GPA under G-stage translation
  logic [2:0]  s1_size_q, s1_size_d;
  logic [3:0]  perm1_q, perm1_d;
  logic        g_q, g_d;
  logic        fault_q, fault_d;
  logic [11:0] cause_q, cause_d;
  logic        gpf_q, gpf_d;              // guest-page fault: iotval2 from gpa_q, implicit_q
  logic [43:0] ppn_q, ppn_d;
  logic [2:0]  size_q, size_d;
  logic [2:0]  perm2_q, perm2_d;
  logic        msi_q, msi_d, msi_on_q;
  logic        sade_q, gade_q;            // the context's A/D update enables
  logic        lock_q, lock_d;            // the current read is exclusive (A/D update step)
  logic        impw_q, impw_d;            // the implicit G walk is for a first-stage PTE write
  logic        aw_done_q, w_done_q;       // exclusive write: AW / W accepted
  logic [63:0] wdata_q;                   // the PTE with A (and D) set, from the last read
  logic [51:0] msi_mask_q, msi_pat_q;
  logic        msi_match;             // the first-stage leaf's GPA page is an MSI page
  logic        wc_ok_q;               // no walk-cache flush since start (G-stage Bare)
  logic        s1_sv48_q, s1_sv57_q;
  logic        wc_use, wc_use_q;      // start from the walk cache (at start, captured)
  logic        start_q, capture;      // the miss cycle was this walker's start; inputs taken
  assign capture = (state_q == StIdle) && !start_q;
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      start_q <= 1'b0;
    end else begin
      start_q <= start_i && capture;
    end
  end
  logic        s1_on_q;
  assign iova_q = iova_i;
  logic [43:0] s1_ppn_q, wc_ppn_q;

  // ---- Cause codes by original access type ----
  logic [11:0] cause_pf, cause_gpf, cause_af;
  assign cause_pf  = exec_q  ? RISCV_IOMMU_FQ_CAUSE_INST_PAGE_FAULT :
                     write_q ? RISCV_IOMMU_FQ_CAUSE_WR_PAGE_FAULT : RISCV_IOMMU_FQ_CAUSE_RD_PAGE_FAULT;
  assign cause_gpf = exec_q  ? RISCV_IOMMU_FQ_CAUSE_INST_GUEST_PAGE_FAULT :
                     write_q ? RISCV_IOMMU_FQ_CAUSE_WR_GUEST_PAGE_FAULT :
                               RISCV_IOMMU_FQ_CAUSE_RD_GUEST_PAGE_FAULT;
  assign cause_af  = exec_q  ? RISCV_IOMMU_FQ_CAUSE_INST_FAULT :
                     write_q ? RISCV_IOMMU_FQ_CAUSE_WR_FAULT : RISCV_IOMMU_FQ_CAUSE_RD_FAULT;

  // ---- The PTE (iommu_ptw_pte: decode, checks, the leaf's page) ----
  logic [43:0] pte_ppn, leaf_ppn;
  logic        pte_bad, pte_leaf;
  logic        p_exec, p_write, ad_need, ade, leaf_bad;
  logic [2:0]  leaf_size;
  logic [3:0]  pte_p1;
  logic [2:0]  pte_p2;
  logic        pte_g;

  assign msi_match  = msi_on_q && msi_page_match({8'd0, leaf_ppn}, msi_mask_q, msi_pat_q);

  // The access the leaf is checked for: an implicit G-stage access (a first-stage PTE's address)
  // is a read, or a write when it is for that PTE's A/D update (impw_q); otherwise the request's.
  assign p_exec  = exec_q && !implicit_q;
  assign p_write = implicit_q ? impw_q : write_q;
  assign ade     = in_g_q ? gade_q : sade_q;

  iommu_ptw_pte u_pte (
    .pte_i       (rd_data_i),
    .lvl_i       (lvl_q),
    .in_g_i      (in_g_q),
    .gpa_pn_i    (gpa_q[55:12]),
    .iova_pn_i   (iova_q[55:12]),
    .exec_i      (p_exec),
    .write_i     (p_write),
    .priv_i      (priv_q),
    .sum_i       (sum_q),
    .ade_i       (ade),
    .pte_ppn_o   (pte_ppn),
    .pte_leaf_o  (pte_leaf),
    .pte_bad_o   (pte_bad),
    .leaf_bad_o  (leaf_bad),
    .ad_need_o   (ad_need),
    .leaf_ppn_o  (leaf_ppn),
    .leaf_size_o (leaf_size),
    .p1_o        (pte_p1),
    .p2_o        (pte_p2),
    .g_o         (pte_g)
  );

  // ---- Index helpers (shifts outside always_comb keep Icarus' sensitivity exact) ----
  // PTE address = table base + 8 * index, as an OR (no carry chain): a 9-bit index stays inside
  // its 4 KiB table, and the 11-bit index of the 16 KiB G-stage root lands in PPN bits 1:0, which
  // are 0 because the firmware loads only 16 KiB-aligned roots (cause 259 otherwise).
  function automatic logic [63:0] pte_addr(input logic [43:0] tbl, input logic [10:0] idx);
    pte_addr = {8'd0, tbl[43:2], tbl[1:0] | idx[10:9], idx[8:0], 3'd0};
  endfunction

  logic [2:0]  lvl_m1;
  logic [10:0] idx_s1_start, idx_s1_wc, idx_s1_next, idx_g_top, idx_g_next;
  logic [61:0] gpa_hi;
  logic [11:0] gpa_off, iova_off;
  assign lvl_m1       = lvl_q - 3'd1;
  // VPN[level] of an address below the root: a 4-way select, not a barrel shift (the next
  // level of a walk is at most 3; level 4 is only ever a root, indexed below).
  function automatic logic [8:0] vpn_at(input logic [47:12] a, input logic [1:0] lvl);
    case (lvl)
      2'd0:    vpn_at = a[20:12];
      2'd1:    vpn_at = a[29:21];
      2'd2:    vpn_at = a[38:30];
      default: vpn_at = a[47:39];
    endcase
  endfunction
  assign idx_s1_start = {2'd0, s1_sv57_q ? iova_q[56:48] :
                               (s1_sv48_q ? iova_q[47:39] : iova_q[38:30])};
  assign idx_s1_wc    = {2'd0, iova_q[20:12]};
  assign idx_s1_next  = {2'd0, vpn_at(iova_q[47:12], lvl_m1[1:0])};
  assign idx_g_next   = {2'd0, vpn_at(gpa_q[47:12], lvl_m1[1:0])};
  // G-stage root: 11 bits, GPA[40:30] (Sv39x4), GPA[49:39] (Sv48x4) or GPA[58:48] (Sv57x4).
  assign idx_g_top    = s2_sv57_q ? gpa_q[58:48] : (s2_sv48_q ? gpa_q[49:39] : gpa_q[40:30]);
  assign gpa_hi       = gpa_q[63:2];
  assign gpa_off      = gpa_q[11:0];
  assign iova_off     = iova_q[11:0];
  logic        gpa_wide, iova_noncanon;
  logic [2:0]  s2_top;
  assign s2_top        = s2_sv57_q ? 3'd4 : (s2_sv48_q ? 3'd3 : 3'd2);
  // GPA width: 41 (Sv39x4), 50 (Sv48x4), 59 (Sv57x4) bits.
  assign gpa_wide      = s2_sv57_q ? (gpa_q[63:59] != 5'd0) :
                         (s2_sv48_q ? (gpa_q[63:50] != 14'd0) : (gpa_q[63:41] != 23'd0));

  // Canonical IOVA: bits 63:VA-1 equal (VA = 39, 48, 57).
  assign iova_noncanon = s1_sv57_q
      ? ((iova_q[63:56] != {8{1'b0}}) && (iova_q[63:56] != {8{1'b1}}))
      : (s1_sv48_q
      ? ((iova_q[63:47] != {17{1'b0}}) && (iova_q[63:47] != {17{1'b1}}))
      : ((iova_q[63:38] != {26{1'b0}}) && (iova_q[63:38] != {26{1'b1}})));

  ///////////////
  // Walk FSM  //
  ///////////////

  always_comb begin
    state_d    = state_q;
    in_g_d     = in_g_q;
    implicit_d = implicit_q;
    lvl_d      = lvl_q;
    s1_lvl_d   = s1_lvl_q;
    addr_d     = addr_q;
    gpa_d      = gpa_q;
    s1_size_d  = s1_size_q;
    perm1_d    = perm1_q;
    g_d        = g_q;
    fault_d    = fault_q;
    cause_d    = cause_q;
    gpf_d      = gpf_q;
    ppn_d      = ppn_q;
    size_d     = size_q;
    perm2_d    = perm2_q;
    msi_d      = msi_q;
    lock_d     = lock_q;
    impw_d     = impw_q;
    case (state_q)
      StIdle: begin
        // An idle walker captures the stage's inputs every cycle, and the miss decision only
        // sets start_q (one flop): the first step is taken the cycle after the miss, from the
        // captured inputs, so the decision never fans out into a walker's state.
        if (start_q) begin
          fault_d   = 1'b0;
          msi_d     = 1'b0;
          gpf_d     = 1'b0;
          perm1_d   = 4'b1111;
          g_d       = 1'b0;
          s1_size_d = 3'd5;
          perm2_d   = 3'b111;
          lock_d    = 1'b0;
          impw_d    = 1'b0;
          // Not implicit unless set below: a stale 1 from an earlier nested walk would exempt
          // the first-stage leaf from the write/D and exec checks.
          implicit_d = 1'b0;
          if (s1_on_q) begin
            // Walk the first stage from the root; its PTE addresses are GPAs if G is on.
            lvl_d    = wc_use_q ? 3'd0 : (s1_sv57_q ? 3'd4 : (s1_sv48_q ? 3'd3 : 3'd2));
            s1_lvl_d = lvl_d;
            in_g_d   = 1'b0;
            addr_d   = wc_use_q ? pte_addr(wc_ppn_q, idx_s1_wc) : pte_addr(s1_ppn_q, idx_s1_start);
            gpa_d    = addr_d;
            if (iova_noncanon) begin
              fault_d = 1'b1;
              cause_d = cause_pf;
              state_d = StDone;
            end else if (s2_on_q) begin
              implicit_d = 1'b1;
              state_d    = StGStart;
            end else begin
              state_d = StRdReq;
            end
          end else begin
            gpa_d      = iova_q;
            implicit_d = 1'b0;
            state_d    = StGStart;
          end
        end
      end
      StGStart: begin
        in_g_d = 1'b1;
        lvl_d  = s2_top;
        addr_d = pte_addr(s2_root_q, idx_g_top);
        if (gpa_wide) begin
          fault_d   = 1'b1;
          cause_d   = cause_gpf;
          gpf_d     = 1'b1;
          state_d   = StDone;
        end else begin
          state_d = StRdReq;
        end
      end
      StRdReq: begin
        if (rd_ready_i) begin
          state_d = StRdWait;
        end
      end
      StRdWait: begin
        if (rd_rvalid_i) begin
          state_d = StRdReq;
          lock_d  = 1'b0;
          if (rd_err_i) begin
            fault_d = 1'b1;
            cause_d = cause_af;
            state_d = StDone;
          end else if (pte_bad || leaf_bad) begin
            fault_d = 1'b1;
            if (in_g_q) begin
              cause_d   = cause_gpf;
              gpf_d     = 1'b1;
            end else begin
              cause_d = cause_pf;
            end
            state_d = StDone;
          end else if (!pte_leaf) begin
            lvl_d  = lvl_m1;
            if (in_g_q) begin
              addr_d = pte_addr(pte_ppn, idx_g_next);
            end else begin
              s1_lvl_d = lvl_m1;
              addr_d   = pte_addr(pte_ppn, idx_s1_next);
              if (s2_on_q) begin
                gpa_d      = addr_d;
                implicit_d = 1'b1;
                state_d    = StGStart;
              end
            end
          end else if (ad_need) begin
            // A leaf that passed every check and needs its A/D update (its stage's ADE is 1):
            // the next step is chosen the cycle after, from registers only.
            lock_d  = lock_q;
            state_d = StUpd;
          end else if (in_g_q && implicit_q) begin
            // G-stage leaf for a first-stage PTE address: now read that PTE. The read that
            // follows is the first stage's own: its leaf is checked as the original access
            // (W, D, X, SUM rules), not as an implicit read. For an A/D update of that PTE
            // (impw_q) the read is the exclusive one.
            in_g_d     = 1'b0;
            implicit_d = 1'b0;
            lock_d     = impw_q;
            lvl_d  = s1_lvl_q;
            addr_d = {8'd0, leaf_ppn, gpa_off};
          end else if (in_g_q) begin
            // G-stage leaf for the final GPA.
            perm2_d = pte_p2;
            ppn_d   = leaf_ppn;
            size_d  = (leaf_size < s1_size_q) ? leaf_size : s1_size_q;
            state_d = StDone;
          end else begin
            // First-stage leaf.
            perm1_d   = pte_p1;
            g_d       = pte_g;
            s1_size_d = leaf_size;
            ppn_d     = leaf_ppn;
            size_d    = leaf_size;
            if (msi_match) begin
              // Spec 1.6 step 8: the GPA is an interrupt-file page; MSI translation replaces
              // the G-stage. ppn_o = GPA page; never an IOTLB entry (iommu_xlate_missq).
              msi_d   = 1'b1;
              size_d  = 3'd0;
              perm2_d = 3'b011;
              state_d = StDone;
            end else if (s2_on_q) begin
              gpa_d      = {8'd0, leaf_ppn, iova_off};
              implicit_d = 1'b0;
              state_d    = StGStart;
            end else begin
              state_d = StDone;
            end
          end
        end
      end
      StUpd: begin
        if (!in_g_q && s2_on_q && !impw_q) begin
          // Nested: the PTE write is an implicit write for the G-stage; translate the PTE's GPA
          // (still in gpa_q) again as one, then come back with an exclusive read.
          impw_d     = 1'b1;
          implicit_d = 1'b1;
          state_d    = StGStart;
        end else if (!lock_q) begin
          lock_d  = 1'b1;      // read the same PTE again, exclusively
          state_d = StRdReq;
        end else begin
          state_d = StWrReq;   // exclusive write of wdata_q
        end
      end
      StWrReq: begin
        if ((aw_done_q || wr_ready_i) && (w_done_q || wd_ready_i)) begin
          state_d = StWrWait;
        end
      end
      StWrWait: begin
        if (b_valid_i) begin
          // EXOKAY: read the PTE again (plain) and go on with what memory now holds. OKAY: the
          // PTE changed since the exclusive read: read it again exclusively and judge it anew.
          state_d = StRdReq;
          lock_d  = !b_resp_i[0];
          if (b_resp_i[1]) begin
            fault_d = 1'b1;
            cause_d = cause_af;
            state_d = StDone;
          end
        end
      end
      StDone: begin
        state_d = StIdle;
      end
      default: state_d = StIdle;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      state_q <= StIdle;
    end else begin
      state_q <= state_d;
    end
  end

  // A walk fills the walk cache only if no flush came since it started (spec 4.1 IOTINVAL
  // rules: no stale fill); a flush in the fill cycle also wins in iommu_walk_cache.
  always_ff @(posedge clk_i) begin
    if (capture) begin
      wc_ok_q <= !wc_flush_i && (s2_mode_i == 4'd0);
    end else if (wc_flush_i) begin
      wc_ok_q <= 1'b0;
    end
  end

  always_ff @(posedge clk_i) begin
    in_g_q     <= in_g_d;
    implicit_q <= implicit_d;
    lvl_q      <= lvl_d;
    s1_lvl_q   <= s1_lvl_d;
    addr_q     <= addr_d;
    gpa_q      <= gpa_d;
    s1_size_q  <= s1_size_d;
    perm1_q    <= perm1_d;
    g_q        <= g_d;
    fault_q    <= fault_d;
    cause_q    <= cause_d;
    gpf_q      <= gpf_d;
    ppn_q      <= ppn_d;
    size_q     <= size_d;
    perm2_q    <= perm2_d;
    msi_q      <= msi_d;
    lock_q     <= lock_d;
    impw_q     <= impw_d;
    // The write data: the last PTE read with A, and D for a write access, set (used only when
    // that read decided the write).
    if ((state_q == StRdWait) && rd_rvalid_i) begin
      wdata_q <= {rd_data_i[63:8], rd_data_i[7] | p_write, 1'b1, rd_data_i[5:0]};
    end
    aw_done_q <= (state_q == StWrReq) && (aw_done_q || wr_ready_i) &&
                 !(state_d == StWrWait);
    w_done_q  <= (state_q == StWrReq) && (w_done_q || wd_ready_i) &&
                 !(state_d == StWrWait);
    if (capture) begin
      sade_q     <= sade_i;
      gade_q     <= gade_i;
      s1_on_q    <= (s1_mode_i != 4'd0);
      s1_ppn_q   <= s1_ppn_i;
      wc_use_q   <= wc_use;
      wc_ppn_q   <= wc_ppn_i;
      msi_on_q   <= msi_on_i;
      msi_mask_q <= msi_mask_i;
      msi_pat_q  <= msi_pat_i;
      exec_q    <= exec_i;
      write_q   <= write_i;
      priv_q    <= priv_i;
      sum_q     <= sum_i;
      s2_on_q   <= (s2_mode_i != 4'd0);
      s1_sv48_q <= (s1_mode_i == 4'd9);
      s1_sv57_q <= (s1_mode_i == 4'd10);
      s2_sv48_q <= (s2_mode_i == 4'd9);
      s2_sv57_q <= (s2_mode_i == 4'd10);
      s2_root_q <= s2_ppn_i;
    end
  end

  assign busy_o     = (state_q != StIdle);
  assign done_o     = (state_q == StDone);
  assign fault_o    = fault_q;
  assign cause_o    = cause_q;
  // A guest-page fault keeps the faulting GPA and the implicit flag in gpa_q / implicit_q until
  // the next start, so iotval2 needs no register of its own.
  assign iotval2_o  = gpf_q ? {gpa_hi, implicit_q && impw_q, implicit_q} : 64'd0;
  assign ppn_o      = ppn_q;
  assign size_o     = size_q;
  assign perm1_o    = perm1_q;
  assign g_o        = g_q;
  assign perm2_o    = perm2_q;
  assign msi_o      = msi_q;
  assign wc_use     = wc_hit_i && (s2_mode_i == 4'd0);
  assign rd_addr_o  = addr_q;
  // Level-1 first-stage pointer that passed every check (not a faulting level).
  assign wc_fill_o  = (state_q == StRdWait) && rd_rvalid_i && !rd_err_i && !pte_bad &&
                      !pte_leaf && !in_g_q && !s2_on_q && (lvl_q == 3'd1) && wc_ok_q;
  assign wc_mode_o  = {s1_sv57_q, s1_sv48_q};
  assign wc_vpn_o   = iova_q[56:21];
  assign rd_valid_o = (state_q == StRdReq);
  assign rd_lock_o  = lock_q;
  assign wr_valid_o = (state_q == StWrReq) && !aw_done_q;
  assign wd_valid_o = (state_q == StWrReq) && !w_done_q;
  assign wr_data_o  = wdata_q;

`ifdef FORMAL
  // Formal properties (formal/run.sh proves them with this module as the top).
  `include "iommu_ptw_fv.svh"
`endif

endmodule
