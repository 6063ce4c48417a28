// SPDX-License-Identifier: Apache-2.0
// Formal properties of iommu_ptw, included inside the module under `ifdef FORMAL and proven with
// it as the top by formal/run.sh (doc/verification.md, "Formal").
//
// One level of a walk: the PTE that arrives in StRdWait (any 64-bit value, at any level, in
// either stage, for any access) is judged by a reference function written here from the Priv
// spec (12.3.2 steps 3-8, Svnapot, Svpbmt absent, the H extension's G-stage rules) and the
// IOMMU spec (a supervisor exec of a U page always faults; G-stage U checked as a user access;
// implicit G-stage accesses for first-stage PTE reads are reads, or writes when they are for
// that PTE's A/D update; A=0, or D=0 on a write, faults without the stage's ADE and is an A/D
// update with it), and the walker's step must be its verdict: fault with the page-fault or
// guest-page-fault cause of the original access type, a bus error with the access-fault cause
// (before any PTE check), a pointer to the next level, a leaf with its 4 KiB page number and
// size, or an A/D update step (no fault, no write before the exclusive read). A combinational
// property: its induction needs only the invariants below (the walk's flags in a PTE read).
// Environment: a request is never both exec and write (iommu_xlate_intake: exec only on reads).
// Levels 0..4 (level 4: the Sv57 / Sv57x4 root; a leaf there is a 256 TiB page).

  logic f_past_valid = 1'b0;
  logic f_on;

  always_ff @(posedge clk_i) begin
    f_past_valid <= 1'b1;
  end

  always_comb begin
    if (!f_past_valid) begin
      assume (rst_i);
    end
    assume (!(exec_i && write_i));
  end

  assign f_on = f_past_valid && !rst_i;

  ////////////////////////////////
  // Reference                  //
  ////////////////////////////////

  localparam logic [1:0] FNext = 2'd0, FLeaf = 2'd1, FFault = 2'd2, FUpd = 2'd3;

  // Verdict on PTE p read at level lvl (0 = 4 KiB leaves) of the first stage (g = 0) or the
  // G-stage (g = 1); imp: a G-stage walk of a first-stage PTE's address. RSW (9:8) and G (5) take
  // no part in the checks (G is ignored in G-stage PTEs, a hint in first-stage ones).
  // verilator lint_off UNUSEDSIGNAL
  function automatic logic [1:0] f_ref_level(input logic [63:0] p, input logic [2:0] lvl,
                                             input logic g, input logic imp, input logic impw,
                                             input logic exec, input logic write,
                                             input logic priv, input logic sum,
                                             input logic ad_en);
    logic        v, r, w, x, u, a, d, n, ld_x, ld_w, shape_ok, user_ok, rwx_ok, ad_ok;
    logic [1:0]  pbmt;
    logic [6:0]  rsvd;
    logic [43:0] ppn, sp;
    v    = p[0];
    r    = p[1];
    w    = p[2];
    x    = p[3];
    u    = p[4];
    a    = p[6];
    d    = p[7];
    ppn  = p[53:10];
    rsvd = p[60:54];
    pbmt = p[62:61];
    n    = p[63];
    // The access the leaf is checked for: a PTE access through the G-stage is a read, or a
    // write for the PTE's A/D update.
    ld_x = exec && !(g && imp);
    ld_w = (g && imp) ? impw : write;
    // PPN bits a superpage at this level must have zero (9 per level below it).
    case (lvl)
      3'd0:    sp = 44'd0;
      3'd1:    sp = {35'd0, {9{1'b1}}};
      3'd2:    sp = {26'd0, {18{1'b1}}};
      3'd3:    sp = {17'd0, {27{1'b1}}};
      default: sp = {8'd0, {36{1'b1}}};
    endcase
    if (!v || (w && !r) || (rsvd != 7'd0) || (pbmt != 2'd0)) begin
      // Step 3: invalid, W without R (xwr 010 and 110), reserved bits, PBMT without Svpbmt.
      f_ref_level = FFault;
    end else if (!r && !x) begin
      // Step 4: a pointer; none below level 0; D, A, U and N are reserved in pointers.
      f_ref_level = (lvl == 3'd0 || d || a || u || n) ? FFault : FNext;
    end else begin
      // Svnapot: only 64 KiB (PPN[3:0] = 1000) at level 0; else step 6: a superpage's low PPN
      // bits are zero.
      shape_ok = n ? ((lvl == 3'd0) && (ppn[3:0] == 4'b1000)) : ((ppn & sp) == 44'd0);
      // Step 5: U. G-stage accesses are user accesses; a supervisor reaches U pages only with
      // SUM and never executes them; a user request needs U.
      if (g) begin
        user_ok = u;
      end else if (priv) begin
        user_ok = !u || (sum && !ld_x);
      end else begin
        user_ok = u;
      end
      // X for exec, W for write, R for read (no MXR).
      rwx_ok = ld_x ? x : (ld_w ? w : r);
      // Step 7: A, and D for a write, must be set, or are set by the stage's A/D update.
      ad_ok = a && (!ld_w || d);
      f_ref_level = !(shape_ok && user_ok && rwx_ok) ? FFault :
                    (ad_ok ? FLeaf : (ad_en ? FUpd : FFault));
    end
  endfunction
  // verilator lint_on UNUSEDSIGNAL

  // Causes by the original access type (spec fault cause table).
  logic [11:0] f_pf, f_gpf, f_af;
  assign f_pf  = exec_q ? 12'd12 : (write_q ? 12'd15 : 12'd13);
  assign f_gpf = exec_q ? 12'd20 : (write_q ? 12'd23 : 12'd21);
  assign f_af  = exec_q ? 12'd1  : (write_q ? 12'd7  : 12'd5);

  // The leaf's 4 KiB page: superpage and NAPOT leaves pass the address's low page bits through.
  logic [1:0]  f_verdict;
  logic [43:0] f_va_pn, f_lo, f_ppn;
  logic [2:0]  f_size;

  assign f_verdict = f_ref_level(rd_data_i, lvl_q, in_g_q, implicit_q, impw_q, exec_q, write_q,
                                 priv_q, sum_q, in_g_q ? gade_q : sade_q);
  assign f_va_pn   = in_g_q ? gpa_q[55:12] : iova_i[55:12];
  always_comb begin
    if (rd_data_i[63]) begin
      f_lo   = 44'hF;
      f_size = 3'd1;
    end else begin
      case (lvl_q)
        3'd0:    f_lo = 44'd0;
        3'd1:    f_lo = 44'h1FF;
        3'd2:    f_lo = 44'h3FFFF;
        3'd3:    f_lo = 44'h7FFFFFF;
        default: f_lo = 44'hFFFFFFFFF;
      endcase
      f_size = (lvl_q == 3'd0) ? 3'd0 : 3'd1 + lvl_q;
    end
  end
  assign f_ppn = (rd_data_i[53:10] & ~f_lo) | (f_va_pn & f_lo);

  ////////////////////////////////
  // The walker's step          //
  ////////////////////////////////

  logic f_in_walk, f_step;
  assign f_in_walk = (state_q == StGStart) || (state_q == StRdReq) || (state_q == StRdWait) ||
                     (state_q == StUpd) || (state_q == StWrReq) || (state_q == StWrWait);
  assign f_step    = (state_q == StRdWait) && rd_rvalid_i;

  always_comb begin
    if (f_on) begin
      // Invariants (induction strengthening): no fault recorded during a walk, the implicit
      // flag only on G-stage reads and writes, a request's type one of exec/write/read.
      if (f_in_walk) begin
        assert (!fault_q && !gpf_q);
      end
      if ((state_q == StRdReq) || (state_q == StRdWait) || (state_q == StUpd) ||
          (state_q == StWrReq) || (state_q == StWrWait)) begin
        assert (!implicit_q || in_g_q);
      end
      if (state_q != StIdle || start_q) begin
        assert (!(exec_q && write_q));
      end
      // StUpd: a nested first-stage leaf goes through the G-stage as an implicit write first; a
      // leaf is written only right after its own exclusive read.
      if (state_q == StUpd) begin
        assert (!fault_d);
        if (state_d == StWrReq) begin
          assert (lock_q);
        end
        if (state_d == StGStart) begin
          assert (!in_g_q && s2_on_q && implicit_d && impw_d);
        end
      end
      if (f_step) begin
        if (rd_err_i) begin
          // A bus error on the PTE read: access fault, whatever the data.
          assert (state_d == StDone && fault_d && cause_d == f_af && !gpf_d);
        end else if (f_verdict == FFault) begin
          assert (state_d == StDone && fault_d && gpf_d == in_g_q);
          assert (cause_d == (in_g_q ? f_gpf : f_pf));
        end else if (f_verdict == FNext) begin
          assert (!fault_d && lvl_d == lvl_q - 3'd1);
          assert (state_d == (in_g_q || !s2_on_q ? StRdReq : StGStart));
          assert (in_g_d == in_g_q);
        end else if (f_verdict == FUpd) begin
          // The A/D update: no fault; the next step is chosen in StUpd.
          assert (!fault_d && state_d == StUpd);
        end else begin
          assert (!fault_d && leaf_ppn == f_ppn && leaf_size == f_size);
          assert (state_d != StRdWait && state_d != StWrReq);
        end
      end
    end
  end

  ////////////////////////////////
  // Not vacuous                //
  ////////////////////////////////

  always_ff @(posedge clk_i) begin
    if (f_on && !$past(rst_i)) begin
      cover (f_step && !rd_err_i && f_verdict == FFault && in_g_q && implicit_q);
      cover (f_step && !rd_err_i && f_verdict == FLeaf && !in_g_q && lvl_q == 3'd1);
      cover (f_step && !rd_err_i && f_verdict == FLeaf && !in_g_q && lvl_q == 3'd4);
      cover (f_step && !rd_err_i && f_verdict == FLeaf && in_g_q && rd_data_i[63]);
      cover (f_step && !rd_err_i && f_verdict == FNext && !in_g_q && s2_on_q);
      cover (done_o && fault_o && cause_o == 12'd23);
      cover (state_q == StUpd && !in_g_q && s2_on_q && !impw_q);
      cover (f_step && !rd_err_i && f_verdict == FUpd && in_g_q && implicit_q);
      cover (state_q == StWrWait && b_valid_i && b_resp_i == 2'b00);
    end
  end
