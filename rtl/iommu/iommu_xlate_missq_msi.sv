// SPDX-License-Identifier: Apache-2.0
// iommu_xlate_missq_msi: the miss queue's MSI resolver (spec "Process to translate an IOVA", MSI
// check on the GPA).
//
// Part of iommu_xlate_missq. A walk whose final GPA is an MSI page is translated with the
// MSI-PTE cache (second lookup port); a miss goes to firmware as an MSI_MISS on the stage's miss
// interface (one owner). Owns, per slot, whether the MSI walk result is resolved and how (the
// target PPN, a firmware fail, an absorbed MRIF write), read by the issue select at iss_idx_i,
// and the LUT RAM copy of the slot payload the resolver reads (written at free_idx_i like the
// issue copy in iommu_xlate_missq). Per-slot inputs are vectors (slot i at bit i, the walker's
// PPN at i*44).

`default_nettype none

module iommu_xlate_missq_msi #(
  parameter int Slots = 4
) (
  input  logic               clk_i,
  input  logic               rst_i,

  // ---- Slots and their walkers ----
  input  logic [Slots-1:0]    valid_i,
  input  logic [Slots-1:0]    walk_i,        // result comes from the slot's walker
  input  logic [Slots-1:0]    wdone_i,       // walker finished (registered)
  input  logic [Slots-1:0]    w_done_i,      // walker finishes this cycle
  input  logic [Slots-1:0]    w_msi_i,       // walk result is an MSI page
  input  logic [Slots*44-1:0] w_ppn_i,       // its GPA page

  // ---- Enqueue: the slot free_idx_i takes the stage's request ----
  input  logic                     enq_i,
  input  logic                     free_i,       // a slot is free
  input  logic [$clog2(Slots)-1:0] free_idx_i,
  input  logic               enq_exec_i,     // prot[2]
  input  logic               enq_priv_i,     // prot[0]
  input  logic               q_write_i,
  input  logic [23:0]        enq_did_i,
  input  logic [19:0]        enq_pid_i,
  input  logic               enq_pv_i,
  input  logic               enq_dtf_i,
  input  logic [43:0]        walk_msi_ptp_i,  // msiptp.PPN
  input  logic [15:0]        q_gscid_i,
  input  logic [63:0]        q_addr_i,

  // ---- The issue select's view ----
  input  logic [$clog2(Slots)-1:0] iss_idx_i,
  output logic [Slots-1:0]   mres_o,         // MSI walk result resolved (hit or firmware fail)
  output logic               iss_mabs_o,     // ... by taking the write itself (MRIF, cause marker)
  output logic               iss_mfail_o,    // firmware failed the MSI_MISS (it records)
  output logic [43:0]        iss_mppn_o,     // MSI target PPN

  // ---- MSI after a first-stage walk ----
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
  output logic               msi_dtf_o
);

  localparam int SW = $clog2(Slots);

  logic              mres_q   [Slots];   // MSI walk result resolved (hit or firmware fail)
  logic              mabs_q   [Slots];   // ... by taking the write itself (MRIF, cause marker)
  logic              mfail_q  [Slots];   // firmware failed the MSI_MISS (it records)

  // ---- Payload read by one index only: distributed RAM (iommu_xlate_missq) ----
  localparam int MsiW = 2 + 1 + 24 + 20 + 1 + 1 + 44 + 16 + 64;
  logic [MsiW-1:0]   msi_mem  [Slots];
  logic [MsiW-1:0]   msi_wd, msi_rd;
  logic [43:0]       mppn_mem [Slots];   // MSI target PPN (written when the lookup resolves)

  // The MSI resolver's slot's payload
  logic              m_exec, m_priv, m_write, m_pv, m_dtf;   // m_exec: prot[2]
  logic [23:0]       m_did;
  logic [19:0]       m_pid;
  logic [43:0]       m_ptp;                // msiptp.PPN of the slot's context
  logic [15:0]       m_gscid;
  logic [63:0]       m_iova;

  logic [43:0]       w_ppn [Slots];
  for (genvar i = 0; i < Slots; i++) begin : gen_slot
    assign w_ppn[i]  = w_ppn_i[i*44 +: 44];
    assign mres_o[i] = mres_q[i];
  end

  //////////////////////////////////////////
  // MSI after the first stage (resolver) //
  //////////////////////////////////////////

  // One slot at a time: the lowest finished MSI walk without a result looks up the MSI-PTE
  // cache; a hit resolves it, a miss hands it to firmware (MSI_MISS) when the stage is not using
  // the miss interface. MISS_CMD retry looks up again; fail resolves it as a fault.
  // The candidate is chosen a cycle ahead (a finished walk is a candidate from the cycle its
  // walker reports done) and registered, so the lookup starts from a register rather than from a
  // priority search over the slots; it is dropped in the cycle it is resolved.
  logic          mown_q, mcand, mcand_q, mnext;
  logic [SW-1:0] midx_q, mcand_idx, mnext_idx, mreq_idx;
  always_comb begin
    mnext     = 1'b0;
    mnext_idx = '0;
    for (int i = Slots - 1; i >= 0; i--) begin
      if (valid_i[i] && walk_i[i] && (wdone_i[i] || w_done_i[i]) && w_msi_i[i] && !mres_q[i]) begin
        mnext     = 1'b1;
        mnext_idx = SW'(i);
      end
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      mcand_q   <= 1'b0;
      mcand_idx <= '0;
    end else begin
      mcand_q   <= mnext;
      mcand_idx <= mnext_idx;
    end
  end
  assign mcand = mcand_q && !mres_q[mcand_idx];
  assign mreq_idx    = mown_q ? midx_q : mcand_idx;

  // The lookup's GSCID and page come from registers: the fields of the slot at mreq_idx (its
  // payload's LUT-RAM read, its walker's GPA page) are registered with that index, and a result
  // counts only when the registered read was of the candidate that is still resolving (lk_ok).
  // So the lookup starts from flops, not from the index -> LUT-RAM read (the board's routed worst
  // path at 3346162), and an MSI after a first-stage walk resolves a cycle later. A candidate's
  // fields are stable: its walk is done and it cannot leave unresolved. While a slot is with
  // firmware mreq_idx is midx_q, the slot just taken, so the registered fields serve MSI_MISS.
  logic [15:0]   lk_gscid_q;
  logic [51:0]   lk_gpn_q;
  logic [SW-1:0] lk_idx_q;
  logic          lk_v_q, lk_ok;
  always_ff @(posedge clk_i) begin
    lk_gscid_q <= m_gscid;
    lk_gpn_q   <= {8'd0, w_ppn[mreq_idx]};
    lk_idx_q   <= mreq_idx;
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      lk_v_q <= 1'b0;
    end else begin
      lk_v_q <= !mown_q && mcand;
    end
  end
  assign lk_ok       = lk_v_q && (lk_idx_q == mcand_idx);
  assign msi_gscid_o = lk_gscid_q;
  assign msi_gpn_o   = lk_gpn_q;

  logic mresolve, mtake;
  assign mresolve = !mown_q && mcand && lk_ok && msi_hit_i;
  assign mtake    = !mown_q && mcand && lk_ok && !msi_hit_i && msi_miss_ok_i;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      mown_q <= 1'b0;
      midx_q <= '0;
    end else if (mtake) begin
      mown_q <= 1'b1;
      midx_q <= mcand_idx;
    end else if (mown_q && (msi_retry_i || msi_fail_i)) begin
      mown_q <= 1'b0;
    end
  end

  always_ff @(posedge clk_i) begin
    for (int i = 0; i < Slots; i++) begin
      if (enq_i && (free_idx_i == SW'(i))) begin
        mres_q[i]  <= 1'b0;
        mfail_q[i] <= 1'b0;
        mabs_q[i]  <= 1'b0;
      end else if (mresolve && (mcand_idx == SW'(i))) begin
        mres_q[i]  <= 1'b1;
      end else if (mown_q && msi_fail_i && (midx_q == SW'(i))) begin
        mres_q[i]  <= 1'b1;
        mfail_q[i] <= 1'b1;
        mabs_q[i]  <= msi_absorb_i;
      end
    end
  end

  // The candidate is a valid slot (unresolved, it cannot leave), never the one enqueued.
  always_ff @(posedge clk_i) begin
    if (mresolve) begin
      mppn_mem[mcand_idx] <= msi_ppn_i;
    end
  end

  // The owned slot's fields: the reads at mreq_idx, which is midx_q while mown_q (the GPA page,
  // from which the firmware computes the MSI table index, and the GSCID are the lookup's).
  assign msi_miss_o   = mown_q;
  assign msi_did_o    = m_did;
  assign msi_pid_o    = m_pid;
  assign msi_pv_o     = m_pv;
  assign msi_priv_o   = m_priv;
  assign msi_exec_o   = m_exec && !m_write;
  assign msi_write_o  = m_write;
  assign msi_iova_o   = m_iova;
  assign msi_mgscid_o = msi_gscid_o;
  assign msi_pte_o    = {8'd0, m_ptp, 12'd0};  // MSI table base
  assign msi_mgpn_o   = msi_gpn_o;
  assign msi_dtf_o    = m_dtf;

  // The resolved slot's result, read by the issue select.
  assign iss_mabs_o  = mabs_q[iss_idx_i];
  assign iss_mfail_o = mfail_q[iss_idx_i];
  assign iss_mppn_o  = mppn_mem[iss_idx_i];

  // The resolver's payload copy: written at free_idx_i in every cycle a slot is free.
  assign msi_wd = {enq_exec_i, enq_priv_i, q_write_i, enq_did_i, enq_pid_i, enq_pv_i,
                   enq_dtf_i, walk_msi_ptp_i, q_gscid_i, q_addr_i};
  always_ff @(posedge clk_i) begin
    if (free_i) begin
      msi_mem[free_idx_i] <= msi_wd;
    end
  end
  assign msi_rd = msi_mem[mreq_idx];
  assign {m_exec, m_priv, m_write, m_did, m_pid, m_pv, m_dtf, m_ptp, m_gscid, m_iova} = msi_rd;

endmodule
