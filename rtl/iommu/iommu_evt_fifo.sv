// SPDX-License-Identifier: Apache-2.0
// iommu_evt_fifo: synchronous FIFO with a visible head, for RTL-to-firmware events.
//
// Holds Depth entries of Width bits in a simple dual-port RAM with a registered read port (no
// reset, no byte enables: Yosys maps it to block RAM, DP16KD on the ECP5), wrapped into a
// first-word-fall-through FIFO: the RAM reads the next head every cycle, so the head entry is
// readable without popping (the firmware reads the event type and payload words, then pops).
// A push that writes the very entry the read port reads in the same cycle (the FIFO is empty,
// or becomes empty by a pop in that cycle) returns old data: the head is then hidden for one
// cycle (empty_o) until the RAM has read the new entry. Push into a full FIFO and pop from an
// empty one are ignored; the caller decides whether a refused push is a drop or a wait.

`default_nettype none

module iommu_evt_fifo #(
  parameter int Width = 260,
  parameter int Depth = 128    // power of two
) (
  input  logic                       clk_i,
  input  logic                       rst_i,
  input  logic                       push_i,
  input  logic [Width-1:0]           data_i,
  input  logic                       pop_i,
  output logic [Width-1:0]           head_o,
  output logic                       empty_o,
  output logic                       full_o,
  output logic [$clog2(Depth):0]     count_o
);

  localparam int PtrW = $clog2(Depth);

  (* ram_style = "block", no_rw_check *) logic [Width-1:0] mem_q [Depth];
  logic [Width-1:0] head_q;
  logic [PtrW-1:0]  wr_ptr_q, rd_ptr_q, rd_addr;
  logic [PtrW:0]    count_q;
  logic             stale_q;            // head_q does not hold entry rd_ptr_q yet
  logic             do_push, do_pop;

  assign empty_o = (count_q == '0) || stale_q;
  assign full_o  = (count_q == Depth[PtrW:0]);
  assign count_o = count_q;
  assign head_o  = head_q;
  assign do_push = push_i && !full_o;
  assign do_pop  = pop_i && !empty_o;
  assign rd_addr = do_pop ? rd_ptr_q + 1'b1 : rd_ptr_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      wr_ptr_q <= '0;
      rd_ptr_q <= '0;
      count_q  <= '0;
      stale_q  <= 1'b0;
    end else begin
      stale_q <= do_push && (wr_ptr_q == rd_addr);
      if (do_push) begin
        wr_ptr_q <= wr_ptr_q + 1'b1;
      end
      if (do_pop) begin
        rd_ptr_q <= rd_addr;
      end
      if (do_push && !do_pop) begin
        count_q <= count_q + 1'b1;
      end else if (do_pop && !do_push) begin
        count_q <= count_q - 1'b1;
      end
    end
  end

  // Payload storage: no reset (datapath). Write and read in separate processes: what a read
  // of the entry written in the same cycle returns is left open (stale_q hides it), so the
  // synthesis needs no bypass logic around the block RAM.
  always_ff @(posedge clk_i) begin
    if (do_push) begin
      mem_q[wr_ptr_q] <= data_i;
    end
  end

  always_ff @(posedge clk_i) begin
    head_q <= mem_q[rd_addr];
  end

endmodule

`default_nettype wire
