// SPDX-License-Identifier: Apache-2.0
// Request intake of the translation datapath: AW/AR/debug pick, a skid register, the stage
// register.
//
// The debug request (tr_req_ctl Go, one at a time) goes first, then AR/AW round robin. The
// device port's ready comes from a register (no skid entry held), so it never depends on the
// stage's decision: a request the stage cannot take in its cycle waits in the skid register and
// enters the stage next (one transfer per cycle as long as the stage moves). The key of the
// request that enters the stage next (nk_*) is offered one cycle ahead, so the context cache, the
// IOTLB and the MSI cache are looked up while the request enters and the stage starts from a
// registered lookup.
// The lookups never wait for the stage's decision: they always look up the offered key, which
// is the next request's while the stage is expected to move. When the stage holds its request
// instead, its registered lookups belong to a request that did not enter, so the next cycle is
// a relook (rl): the stage's own key is offered and the stage does not decide (st_act_o low);
// it decides again on the fresh lookup the cycle after. A stage that holds decides every other
// cycle; a stream that moves loses nothing. (Had the lookups chosen between the next key and
// the held key by the decision, its fan-out to every lookup register was the routed worst path.)
// A device request with the reserved burst type 2'b11, or an INCR burst that leaves its 4 KiB
// page, is flagged (bad_o: unsupported transaction, cause 260) and stored as INCR; 2'b11 then
// marks the debug request alone through the miss queue. A request whose address has a bit set
// at or above capabilities.PAS is flagged too (wide_o): untranslated, it is an access fault.

`default_nettype none

module iommu_xlate_intake #(
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
  input  logic               dev_hold_i,   // no AW/AR accepted (fence drain); debug still is

  // ---- Debug translation request (level until ready) ----
  input  logic               dbg_valid_i,
  output logic               dbg_ready_o,
  input  logic [63:0]        dbg_iova_i,
  input  logic [23:0]        dbg_did_i,
  input  logic [19:0]        dbg_pid_i,
  input  logic               dbg_pv_i,
  input  logic               dbg_priv_i,
  input  logic               dbg_exe_i,
  input  logic               dbg_nw_i,

  // ---- Stage ----
  input  logic               st_done_i,    // the stage's request leaves this cycle
  input  logic               st_own_i,     // the stage waits on firmware: offer its own key
  output logic               accept_o,     // a device request was accepted this cycle
  // Context key {did, pv, pid} of the request the stage takes next, for the context cache's
  // lookup ahead, given in parts so that the cache compares before it selects: the AW key (ka),
  // the AR key (kb) and which of them the pick takes (sel_a), or, while the skid register holds
  // a request (sk), that request's key (ksk; the cache keeps its match). The debug request's key
  // is never offered here: it always enters the stage for a relook (below). skdbg marks a debug
  // request in the skid register (whose kept match is then unused).
  output logic [44:0]        nk_ka_o,
  output logic [44:0]        nk_kb_o,
  output logic               nk_sel_a_o,
  output logic               nk_skdbg_o,
  output logic               nk_sk_o,
  output logic [44:0]        nk_ksk_o,
  output logic [51:0]        nk_vpn_o,
  output logic               nk_exec_o,    // exec: AxPROT[2] on a read
  output logic               nk_write_o,
  output logic               nk_priv_o,    // supervisor: AxPROT[0] with a process_id
  output logic               nk_rl_o,      // the offered key is the stage's own
  output logic               st_rl_o,      // this is a relook cycle (the stage's lookups are stale)
  output logic               st_valid_o,
  output logic               st_act_o,     // the stage's lookups are its own: it decides
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
  output logic               st_dbg_o,
  output logic               st_bad_o,     // unsupported transaction (260)
  output logic               st_wide_o     // address bits at or above PAS set
);

  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  `include "iommu_xlate_defs.svh"
  // verilator lint_on UNUSEDPARAM

  // One request: {write, id, addr, len, size, burst, prot, did, pid, pv, dbg, bad, wide}.
  localparam int ReqW = 1 + IdWidth + 64 + 8 + 3 + 2 + 3 + 24 + 20 + 1 + 1 + 1 + 1;
  // Physical address width: capabilities.PAS, from the register description.
  localparam logic [63:0] Pas = (RISCV_IOMMU_CAPABILITIES_RESET & RISCV_IOMMU_CAPABILITIES_PAS) >>
                                RISCV_IOMMU_CAPABILITIES_PAS_SHIFT;

  function automatic logic wide(input logic [63:0] addr);
    wide = (addr >> Pas) != 64'd0;
  endfunction

  // Unsupported transaction: the reserved burst type, or an INCR burst whose last byte lies in
  // another 4 KiB page, i.e. offset + bytes - 1 carries out of bit 11 (a short add).
  function automatic logic bad_txn(input logic [11:0] off, input logic [7:0] len,
                                   input logic [2:0] size, input logic [1:0] burst);
    logic [5:0] pages;   // pages stepped over by the last byte: (offset + bytes - 1) >> 12
    pages   = 6'(({6'd0, off} + (({10'd0, len} + 18'd1) << size) - 18'd1) >> 12);
    bad_txn = (burst == XLATE_BURST_DBG) || ((burst == 2'b01) && (pages != 6'd0));
  endfunction

  // ---- Pick (independent of the stage) ----
  logic            rr_aw_q, pick_aw, pick_ar, in_valid, acc, sk_valid_q;
  logic [ReqW-1:0] req_aw, req_ar, req_dbg, in_req, sk_req_q, st_req_q;

  // The hold (fence drain) gates the handshake only, not the pick: it comes from the firmware
  // interface, and in the pick it sat in front of the request mux, the context key compare and
  // the context-data read of the intake cycle (the routed worst path, 22.7 ns). A held request
  // may be picked and looked up; it is not accepted, so nothing comes of it.
  logic dev_ok;
  assign dev_ok   = !sk_valid_q && !dev_hold_i;
  assign pick_aw  = !dbg_valid_i && s_axi_awvalid_i && (!s_axi_arvalid_i || rr_aw_q);
  assign pick_ar  = !dbg_valid_i && s_axi_arvalid_i && !pick_aw;
  assign in_valid = dbg_valid_i || ((s_axi_awvalid_i || s_axi_arvalid_i) && !dev_hold_i);
  assign acc      = in_valid && !sk_valid_q;

  assign s_axi_awready_o = pick_aw && dev_ok;
  assign s_axi_arready_o = pick_ar && dev_ok;
  assign dbg_ready_o     = dbg_valid_i && !sk_valid_q;
  assign accept_o        = (pick_aw || pick_ar) && dev_ok;

  // A debug request is a single-beat read (NW=1) or write (NW=0); Exe checks X only.
  assign req_dbg = {!dbg_nw_i && !dbg_exe_i, IdWidth'(0), dbg_iova_i, 8'd0, 3'd3, XLATE_BURST_DBG,
                    dbg_exe_i, 1'b0, dbg_priv_i, dbg_did_i, dbg_pid_i, dbg_pv_i, 1'b1, 1'b0,
                    wide(dbg_iova_i)};
  assign req_aw  = {1'b1, s_axi_awid_i, s_axi_awaddr_i, s_axi_awlen_i, s_axi_awsize_i,
                    (s_axi_awburst_i == XLATE_BURST_DBG) ? 2'b01 : s_axi_awburst_i, s_axi_awprot_i,
                    s_axi_aw_did_i, s_axi_aw_pid_i, s_axi_aw_pv_i, 1'b0,
                    bad_txn(s_axi_awaddr_i[11:0], s_axi_awlen_i, s_axi_awsize_i,
                            s_axi_awburst_i), wide(s_axi_awaddr_i)};
  assign req_ar  = {1'b0, s_axi_arid_i, s_axi_araddr_i, s_axi_arlen_i, s_axi_arsize_i,
                    (s_axi_arburst_i == XLATE_BURST_DBG) ? 2'b01 : s_axi_arburst_i, s_axi_arprot_i,
                    s_axi_ar_did_i, s_axi_ar_pid_i, s_axi_ar_pv_i, 1'b0,
                    bad_txn(s_axi_araddr_i[11:0], s_axi_arlen_i, s_axi_arsize_i,
                            s_axi_arburst_i), wide(s_axi_araddr_i)};
  assign in_req  = dbg_valid_i ? req_dbg : (pick_aw ? req_aw : req_ar);

  // ---- Two request buffers: the stage and the skid ----
  // The stage and the skid register are two buffers and a pointer: buffer h_q is the stage's,
  // the other the skid's. A buffer loads the offered request in every cycle it is free (ld_q, a
  // register), so no request register waits for the stage's decision: when the stage's request
  // leaves, the decision flips the pointer and clears a valid bit (a handful of flops), and the
  // skid's request is the stage's from the next edge without being copied. (The stage register's
  // ~130 enables behind the decision were the routed worst path: IOTLB match -> decision -> miss
  // queue enqueue -> stage moves -> enables.)
  logic            st_valid_q, st_ready, rl_q, h_q;
  logic [1:0]      ld_q;
  logic [ReqW-1:0] buf_q [2];
  logic [ReqW-1:0] nxt_req;
  assign st_ready = !st_valid_q || st_done_i;
  assign st_req_q = buf_q[h_q];
  assign sk_req_q = buf_q[!h_q];
  assign nxt_req  = sk_valid_q ? sk_req_q : in_req;

  // Next state: the stage's and the skid's valid bits as a single stage register and a skid
  // would have them; the stage moves to the other buffer when its request leaves.
  logic       st_valid_d, sk_valid_d, h_d;
  always_comb begin
    h_d        = h_q ^ (st_valid_q && st_done_i);
    st_valid_d = st_valid_q;
    sk_valid_d = sk_valid_q;
    if (st_ready) begin
      st_valid_d = sk_valid_q || acc;
      sk_valid_d = 1'b0;
    end else if (acc) begin
      sk_valid_d = 1'b1;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      st_valid_q <= 1'b0;
      sk_valid_q <= 1'b0;
      h_q        <= 1'b0;
      ld_q       <= 2'b11;
      rr_aw_q    <= 1'b0;
      rl_q       <= 1'b0;
    end else begin
      // A deciding stage that holds its request relooks next (st_done_i is low in a relook), and
      // so does a debug request entering the stage (rare: one cycle more for it, and no compare
      // of its key in front of the context-data read). While the stage waits on firmware
      // (st_own_i) its own key is offered in every cycle, so its lookups stay its own.
      rl_q <= (st_valid_q && !rl_q && !st_own_i && !st_done_i) ||
              (st_ready && (sk_valid_q || acc) && nx_dbg);
      st_valid_q <= st_valid_d;
      sk_valid_q <= sk_valid_d;
      h_q        <= h_d;
      // Buffer h_d holds the stage's request when st_valid_d, the other the skid's.
      ld_q[h_d]  <= !st_valid_d;
      ld_q[!h_d] <= !sk_valid_d;
      if (accept_o) begin
        rr_aw_q <= pick_ar;
      end
    end
  end

  // A free buffer takes the offered request; which of them holds what is the pointer's business.
  always_ff @(posedge clk_i) begin
    for (int k = 0; k < 2; k++) begin
      if (ld_q[k]) begin
        buf_q[k] <= in_req;
      end
    end
  end

`ifndef SYNTHESIS
  // The load enables are the buffers' free bits, kept as registers of their own.
  always @(posedge clk_i) begin
    if (!rst_i && ((ld_q[h_q] != !st_valid_q) || (ld_q[!h_q] != !sk_valid_q))) begin
      $error("iommu_xlate_intake: a buffer's load enable differs from its free bit");
    end
  end
`endif

  // The next request's fields, unpacked with the same layout as the stage register.
  logic               nx_write, nx_pv, nx_dbg, nx_bad, nx_wide;
  logic [IdWidth-1:0] nx_id;
  logic [63:0]        nx_addr;
  logic [7:0]         nx_len;
  logic [2:0]         nx_size, nx_prot;
  logic [1:0]         nx_burst;
  logic [23:0]        nx_did;
  logic [19:0]        nx_pid;
  assign {nx_write, nx_id, nx_addr, nx_len, nx_size, nx_burst, nx_prot, nx_did, nx_pid, nx_pv,
          nx_dbg, nx_bad, nx_wide} = nxt_req;
  // Two keys, no debug key: the debug request's valid once selected the key in front of the
  // context cache's compare (its fan-out to 45 select inputs opened the routed worst path,
  // 22.9 ns: debug valid -> key select -> compare -> index -> context-data read), and a compare
  // bank of its own cost ~500 LUT4. The debug request relooks instead (rl_q above).
  assign nk_ka_o    = {s_axi_aw_did_i, s_axi_aw_pv_i, s_axi_aw_pid_i};
  assign nk_kb_o    = {s_axi_ar_did_i, s_axi_ar_pv_i, s_axi_ar_pid_i};
  assign nk_sel_a_o = pick_aw;
  assign nk_skdbg_o = sk_req_q[2];   // the dbg bit (layout above: ..., pv, dbg, bad, wide)
  assign nk_sk_o    = sk_valid_q;
  assign nk_ksk_o   = {sk_did, sk_pv, sk_pid};
  // The page and access type offered to the IOTLB and MSI cache: the stage's own in a relook.
  logic own;
  assign own        = rl_q || st_own_i;
  assign nk_rl_o    = own;
  assign nk_vpn_o   = own ? st_addr_o[63:12] : nx_addr[63:12];
  assign nk_write_o = own ? st_write_o : nx_write;
  assign nk_exec_o  = own ? (st_prot_o[2] && !st_write_o) : (nx_prot[2] && !nx_write);
  assign nk_priv_o  = own ? (st_prot_o[0] && st_pv_o) : (nx_prot[0] && nx_pv);
  logic unused_nx;
  assign unused_nx = ^{nx_id, nx_addr[11:0], nx_len, nx_size, nx_burst, nx_prot[1], nx_bad,
                      nx_wide, nx_did, nx_pid};

  // The skid register's key (same layout).
  logic [23:0] sk_did;
  logic [19:0] sk_pid;
  logic        sk_pv;
  assign {sk_did, sk_pid, sk_pv} = sk_req_q[ReqW-1-(1+IdWidth+64+8+3+2+3) -: 45];

  assign st_valid_o = st_valid_q;
  assign st_act_o   = st_valid_q && !rl_q;
  assign st_rl_o    = rl_q;
  assign {st_write_o, st_id_o, st_addr_o, st_len_o, st_size_o, st_burst_o, st_prot_o, st_did_o,
          st_pid_o, st_pv_o, st_dbg_o, st_bad_o, st_wide_o} = st_req_q;

endmodule
