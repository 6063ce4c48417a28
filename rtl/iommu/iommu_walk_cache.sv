// SPDX-License-Identifier: Apache-2.0
// Walk cache: first-stage non-leaf PTEs that point to a level-0 table (Sv39/Sv48/Sv57, G-stage
// Bare).
//
// An entry maps {mode, context-cache entry, IOVA[56:21]} to the PPN of the level-0 table, so a
// miss to a page whose last-level table is known reads one PTE (IOMMU spec "Caching in-memory
// data structures" and the IOTINVAL rules allow caching non-leaf PTEs). The context-cache entry
// (3 bits) stands for the PSCID and iosatp of its context, as in the IOTLB: every context-cache
// load or invalidation flushes the walk cache, so an entry never outlives its context. Sv39/Sv48 IOVAs are canonical when looked up (the walker checks
// that first), so IOVA[56:39] / [56:48] are the sign extension and the tag stays exact. Walks with the G-stage
// active neither look up nor fill (their table addresses are GPAs).
// Fill: by a walker whose level-1 PTE passed every check as a pointer, only if no flush was seen
// since that walk started (iommu_ptw). Replacement: free, else round robin. A fill does not search
// for its tag (that was a second compare bank, 0.45 k LUT4): two walks under one level-0 table
// that both missed can each fill it. A lookup that matches more than one entry is a miss, and
// those entries are dropped at the next edge, so a hit is always one entry's PPN, never an OR
// of two. Flush (flush_i): every entry, on any IOTINVAL.VMA/GVMA (over-invalidation is legal;
// NL is not implemented) and on any context-cache load or invalidation (the entry index may then
// name another context); a flush wins over a fill and hides a hit in the same cycle.

`default_nettype none

module iommu_walk_cache #(
  parameter int Entries = 4,  // power of two, >= 2
  parameter int CtxW    = 3   // context-cache index width
) (
  input  logic        clk_i,
  input  logic        rst_i,

  // ---- Lookup (combinational) ----
  input  logic [1:0]  lk_mode_i,    // 0 Sv39, 1 Sv48, 2 Sv57
  input  logic [CtxW-1:0] lk_ctx_i,
  input  logic [35:0] lk_vpn_i,     // IOVA[56:21]
  output logic        lk_hit_o,
  output logic [43:0] lk_ppn_o,     // level-0 table PPN

  // ---- Fill ----
  input  logic        fill_i,
  input  logic [1:0]  fill_mode_i,
  input  logic [CtxW-1:0] fill_ctx_i,
  input  logic [35:0] fill_vpn_i,
  input  logic [43:0] fill_ppn_i,

  input  logic        flush_i
);

  localparam int IdxW = $clog2(Entries);

  logic            valid_q [Entries];
  logic [1:0]      mode_q  [Entries];
  logic [CtxW-1:0] ctx_q   [Entries];
  logic [35:0]     vpn_q   [Entries];
  logic [43:0]     ppn_q   [Entries];
  logic [IdxW-1:0] rr_q;

  // ---- Lookup: one entry's PPN by AND-OR; a double match is a miss ----
  logic [Entries-1:0] lk_match;
  logic               lk_any, lk_multi;
  always_comb begin
    lk_ppn_o = '0;
    for (int i = 0; i < Entries; i++) begin
      lk_match[i] = valid_q[i] && (mode_q[i] == lk_mode_i) && (ctx_q[i] == lk_ctx_i) &&
                    (vpn_q[i] == lk_vpn_i);
      lk_ppn_o    = lk_ppn_o | (lk_match[i] ? ppn_q[i] : '0);
    end
  end
  iommu_onehot_chk #(.N(Entries)) u_chk (.v_i(lk_match), .any_o(lk_any), .multi_o(lk_multi));
  assign lk_hit_o = lk_any && !lk_multi && !flush_i;

  // ---- Fill slot: free, else round robin ----
  logic            free;
  logic [IdxW-1:0] free_idx, fill_idx;
  always_comb begin
    free     = 1'b0;
    free_idx = '0;
    for (int i = Entries - 1; i >= 0; i--) begin
      if (!valid_q[i]) begin
        free     = 1'b1;
        free_idx = IdxW'(i);
      end
    end
    fill_idx = free ? free_idx : rr_q;
  end

  // A fill is written the cycle after the walker offers it (its tag match and slot choice then
  // start from registers, not from the walker's PTE checks); a flush in either cycle drops it.
  logic        fq_valid;
  logic [1:0]  fq_mode;
  logic [CtxW-1:0] fq_ctx;
  logic [35:0] fq_vpn;
  logic [43:0] fq_ppn;
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      fq_valid <= 1'b0;
    end else begin
      fq_valid <= fill_i && !flush_i;
    end
  end
  always_ff @(posedge clk_i) begin
    if (fill_i) begin
      fq_mode  <= fill_mode_i;
      fq_ctx   <= fill_ctx_i;
      fq_vpn   <= fill_vpn_i;
      fq_ppn   <= fill_ppn_i;
    end
  end

  logic do_fill;
  assign do_fill = fq_valid && !flush_i;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      for (int i = 0; i < Entries; i++) begin
        valid_q[i] <= 1'b0;
      end
      rr_q <= '0;
    end else if (flush_i) begin
      for (int i = 0; i < Entries; i++) begin
        valid_q[i] <= 1'b0;
      end
    end else begin
      if (lk_multi) begin
        for (int i = 0; i < Entries; i++) begin
          if (lk_match[i]) begin
            valid_q[i] <= 1'b0;
          end
        end
      end
      if (do_fill) begin
        valid_q[fill_idx] <= 1'b1;
        if (!free) begin
          rr_q <= rr_q + IdxW'(1);
        end
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (do_fill) begin
      mode_q[fill_idx]  <= fq_mode;
      ctx_q[fill_idx]   <= fq_ctx;
      vpn_q[fill_idx]   <= fq_vpn;
      ppn_q[fill_idx]   <= fq_ppn;
    end
  end

endmodule
