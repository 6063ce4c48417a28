// SPDX-License-Identifier: Apache-2.0
// MSI-PTE cache (IOMMU spec "Process to translate addresses of MSIs", basic-translate PTEs,
// M=3): the target PPN of a guest interrupt-file page, per (GSCID, GPA page number).
//
// Key: the GSCID and the page number of the MSI GPA. Within one GSCID every context must use
// the same MSI page table (spec: MSI PTEs are cached per GSCID and flushed by IOTINVAL.GVMA), so
// the page number and the interrupt-file number I = extract(A>>12, mask) name the same PTE.
// Filled by firmware (MSI_CMD load) after it walked the MSI page table; flushed entirely by any
// IOTINVAL.GVMA. A load takes the lowest free entry, else the round-robin victim; it does not
// search for its key (a compare bank of 4 x 68 bits, 0.5 k LUT4). Firmware loads a key after a
// miss of it, so a key is held twice only when two misses of it were queued before the first
// load: both entries then hold what the MSI PTE held at each load, and each lookup port takes
// the matching entry with the highest index (a priority select, never an OR of two). Lookup is
// combinational.
//
// The stage's GSCID is never compared here: it comes from the context cache's registered data,
// late in the stage's cycle. Instead each MSI entry keeps one bit per context-cache entry, "the
// two GSCIDs are equal", updated when either side loads (an MSI load compares its GSCID with a
// copy of every context entry's; a context load compares its GSCID with every MSI entry's), and
// the stage's hit takes the bit of its context entry from the context cache's registered match
// vector. Context loads reach those bits a cycle late (below), so a context load's slot choice
// never runs into them in one cycle.

`default_nettype none

module iommu_msi_cache #(
  parameter int Entries    = 4,
  parameter int CtxEntries = 8
) (
  input  logic        clk_i,
  input  logic        rst_i,
  // First port: the stage's request. Its page-number compare is done a cycle ahead, for the key
  // the intake offers (the request entering the stage, or the stage's own in a relook:
  // iommu_xlate_intake), and registered; the stage adds valid and the GSCID.
  input  logic [51:0] nk_gpn_i,
  input  logic [CtxEntries-1:0] ctx_match_i,       // the stage's context entry (one-hot or 0)
  output logic        hit_o,
  output logic [43:0] ppn_o,
  // second lookup port: the miss queue's MSI walk results (first stage on)
  input  logic [15:0] gscid2_i,
  input  logic [51:0] gpn2_i,
  output logic        hit2_o,
  output logic [43:0] ppn2_o,
  input  logic        load_i,
  input  logic [15:0] load_gscid_i,
  input  logic [51:0] load_gpn_i,
  input  logic [43:0] load_ppn_i,
  input  logic        flush_i,
  // Context-cache loads: the entry written at this edge (one-hot or zero) and its GSCID.
  input  logic [CtxEntries-1:0] ctx_load_vec_i,
  input  logic [15:0] ctx_load_gscid_i
);

  localparam int IdxW = (Entries > 1) ? $clog2(Entries) : 1;

  logic            valid_q [Entries];
  logic [15:0]     gscid_q [Entries];
  logic [51:0]     gpn_q   [Entries];
  logic [43:0]     ppn_q   [Entries];
  logic [IdxW-1:0] rr_q;

  logic [Entries-1:0] gpn_hit_q;   // registered page-number match of port 1 (below)
  logic [CtxEntries-1:0] geq_q [Entries];   // GSCID equal, per (MSI entry, context entry)
  logic [15:0]     ctx_gscid_q [CtxEntries]; // copy of each context entry's GSCID

  logic [IdxW-1:0] hit_idx;
  always_comb begin
    hit_o   = 1'b0;
    hit_idx = '0;
    for (int i = 0; i < Entries; i++) begin
      if (valid_q[i] && gpn_hit_q[i] && |(geq_q[i] & ctx_match_i)) begin
        hit_o   = 1'b1;
        hit_idx = IdxW'(i);
      end
    end
  end
  assign ppn_o = ppn_q[hit_idx];

  logic [IdxW-1:0] hit2_idx;
  always_comb begin
    hit2_o   = 1'b0;
    hit2_idx = '0;
    for (int i = 0; i < Entries; i++) begin
      if (valid_q[i] && (gscid_q[i] == gscid2_i) && (gpn_q[i] == gpn2_i)) begin
        hit2_o   = 1'b1;
        hit2_idx = IdxW'(i);
      end
    end
  end
  assign ppn2_o = ppn_q[hit2_idx];

  logic [IdxW-1:0] slot;
  always_comb begin
    slot  = rr_q;
    for (int i = Entries - 1; i >= 0; i--) begin
      if (!valid_q[i]) begin
        slot = IdxW'(i);
      end
    end
  end

  // The offered key is compared with every entry; the entry loaded at this edge is compared with
  // its new page number (one compare of the load's key with the offered key, shared).
  logic [Entries-1:0] gpn_hit_d;
  logic               load_hit_nk;
  assign load_hit_nk = (load_gpn_i == nk_gpn_i);
  always_comb begin
    for (int i = 0; i < Entries; i++) begin
      if (load_i && !flush_i && (slot == IdxW'(i))) begin
        gpn_hit_d[i] = load_hit_nk;
      end else begin
        gpn_hit_d[i] = (gpn_q[i] == nk_gpn_i);
      end
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      gpn_hit_q <= '0;
    end else begin
      gpn_hit_q <= gpn_hit_d;
    end
  end


  // A flush in the same cycle as a load wins (the load belongs to the invalidated state).
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rr_q <= '0;
      for (int i = 0; i < Entries; i++) begin
        valid_q[i] <= 1'b0;
      end
    end else if (flush_i) begin
      for (int i = 0; i < Entries; i++) begin
        valid_q[i] <= 1'b0;
      end
    end else if (load_i) begin
      valid_q[slot] <= 1'b1;
      rr_q          <= rr_q + IdxW'(1);
    end
  end

  // Context loads, a cycle late: the context entry loaded at an edge is first compared with a
  // lookup key in the cycle after it and first seen by the stage (match_q) in the cycle after
  // that, the cycle its GSCID-equal bits are updated for here; until then the stage sees no
  // match of that entry (its old content is masked from the registered match in the cycle after
  // the load: iommu_ctx_cache). Before, the load's slot choice (the new key against every
  // context entry) ran into these bits in one cycle: the routed worst path (20.7 ns on the board).
  logic [CtxEntries-1:0] cl_vec_q;    // context entries loaded at the previous edge
  logic [15:0]           cl_gscid_q;  // and the GSCID they were loaded with
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      cl_vec_q <= '0;
    end else begin
      cl_vec_q <= ctx_load_vec_i;
    end
  end
  always_ff @(posedge clk_i) begin
    cl_gscid_q <= ctx_load_gscid_i;
  end

  // The GSCID-equal bits. Stale bits of invalid entries (either side) are never used: an MSI
  // entry hits only when valid, and the stage's match vector holds only a valid context entry.
  always_ff @(posedge clk_i) begin
    for (int j = 0; j < CtxEntries; j++) begin
      if (cl_vec_q[j]) begin
        ctx_gscid_q[j] <= cl_gscid_q;
      end
    end
    for (int i = 0; i < Entries; i++) begin
      for (int j = 0; j < CtxEntries; j++) begin
        if (load_i && (slot == IdxW'(i))) begin
          geq_q[i][j] <= (load_gscid_i == (cl_vec_q[j] ? cl_gscid_q : ctx_gscid_q[j]));
        end else if (cl_vec_q[j]) begin
          geq_q[i][j] <= (gscid_q[i] == cl_gscid_q);
        end
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (load_i) begin
      gscid_q[slot] <= load_gscid_i;
      gpn_q[slot]   <= load_gpn_i;
      ppn_q[slot]   <= load_ppn_i;
    end
  end

endmodule

`default_nettype wire
