// SPDX-License-Identifier: Apache-2.0
// Walk cache: first-stage non-leaf PTEs that point to a level-0 table (Sv39/Sv48/Sv57, G-stage
// Bare).
//
// An entry maps {mode, PSCID, IOVA[56:21]} to the PPN of the level-0 table, so a miss to a page
// whose last-level table is known reads one PTE (IOMMU spec "Caching in-memory data structures" and the IOTINVAL rules allow caching non-leaf
// PTEs tagged like the IOTLB). Sv39/Sv48 IOVAs are canonical when looked up (the walker checks
// that first), so IOVA[56:39] / [56:48] are the sign extension and the tag stays exact. Walks with the G-stage
// active neither look up nor fill (their table addresses are GPAs).
// Fill: by a walker whose level-1 PTE passed every check as a pointer, only if no flush was seen
// since that walk started (iommu_ptw). Replacement: same tag, else free, else round robin, so a
// tag is never held twice. Flush (flush_i): every entry, on any IOTINVAL.VMA/GVMA (over-
// invalidation is legal; NL is not implemented) and on any context-cache load or invalidation
// (a reloaded context may carry a different iosatp under the same PSCID); a flush wins over a
// fill and hides a hit in the same cycle.

`default_nettype none

module iommu_walk_cache #(
  parameter int Entries = 4   // power of two, >= 2
) (
  input  logic        clk_i,
  input  logic        rst_i,

  // ---- Lookup (combinational) ----
  input  logic [1:0]  lk_mode_i,    // 0 Sv39, 1 Sv48, 2 Sv57
  input  logic [19:0] lk_pscid_i,
  input  logic [35:0] lk_vpn_i,     // IOVA[56:21]
  output logic        lk_hit_o,
  output logic [43:0] lk_ppn_o,     // level-0 table PPN

  // ---- Fill ----
  input  logic        fill_i,
  input  logic [1:0]  fill_mode_i,
  input  logic [19:0] fill_pscid_i,
  input  logic [35:0] fill_vpn_i,
  input  logic [43:0] fill_ppn_i,

  input  logic        flush_i
);

  localparam int IdxW = $clog2(Entries);

  logic            valid_q [Entries];
  logic [1:0]      mode_q  [Entries];
  logic [19:0]     pscid_q [Entries];
  logic [35:0]     vpn_q   [Entries];
  logic [43:0]     ppn_q   [Entries];
  logic [IdxW-1:0] rr_q;

  // ---- Lookup: at most one entry matches (tags are unique) ----
  always_comb begin
    lk_hit_o = 1'b0;
    lk_ppn_o = '0;
    for (int i = 0; i < Entries; i++) begin
      if (valid_q[i] && (mode_q[i] == lk_mode_i) && (pscid_q[i] == lk_pscid_i) &&
          (vpn_q[i] == lk_vpn_i)) begin
        lk_hit_o = !flush_i;
        lk_ppn_o = lk_ppn_o | ppn_q[i];
      end
    end
  end

  // ---- Fill slot: same tag, else free, else round robin ----
  logic            same, free;
  logic [IdxW-1:0] same_idx, free_idx, fill_idx;
  always_comb begin
    same     = 1'b0;
    same_idx = '0;
    free     = 1'b0;
    free_idx = '0;
    for (int i = Entries - 1; i >= 0; i--) begin
      if (valid_q[i] && (mode_q[i] == fq_mode) && (pscid_q[i] == fq_pscid) &&
          (vpn_q[i] == fq_vpn)) begin
        same     = 1'b1;
        same_idx = IdxW'(i);
      end
      if (!valid_q[i]) begin
        free     = 1'b1;
        free_idx = IdxW'(i);
      end
    end
    fill_idx = same ? same_idx : (free ? free_idx : rr_q);
  end

  // A fill is written the cycle after the walker offers it (its tag match and slot choice then
  // start from registers, not from the walker's PTE checks); a flush in either cycle drops it.
  logic        fq_valid;
  logic [1:0]  fq_mode;
  logic [19:0] fq_pscid;
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
      fq_pscid <= fill_pscid_i;
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
    end else if (do_fill) begin
      valid_q[fill_idx] <= 1'b1;
      if (!same && !free) begin
        rr_q <= rr_q + IdxW'(1);
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (do_fill) begin
      mode_q[fill_idx]  <= fq_mode;
      pscid_q[fill_idx] <= fq_pscid;
      vpn_q[fill_idx]   <= fq_vpn;
      ppn_q[fill_idx]   <= fq_ppn;
    end
  end

endmodule
