// SPDX-License-Identifier: Apache-2.0
// fv_handshake: the valid/ready port rule as a formal checker, written once for every proof.
//
// A raised valid stays up, with its payload unchanged, until the cycle of its handshake
// (doc/design-rules.md §2, AXI4 A3.2.1). Assume = 1 makes the rule an assumption on a port the
// block under proof receives (the environment keeps it); Assume = 0 asserts it on a port the
// block drives. Read only by the formal flow (formal/run.sh), never by synthesis or simulation.

`default_nettype none

module fv_handshake #(
  parameter int W      = 1,
  parameter bit Assume = 1'b0
) (
  input logic         clk_i,
  input logic         rst_i,
  input logic         valid_i,
  input logic         ready_i,
  input logic [W-1:0] data_i
);

  // Registered by hand rather than with $past in a clocked block: Yosys checks a clocked
  // immediate assumption at the next clock edge, so it would not yet hold in the last cycle of a
  // trace, where an assertion on the same cycle could then see an input that breaks the rule.
  logic         held_q;                 // valid and not ready in the previous cycle
  logic [W-1:0] data_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      held_q <= 1'b0;
    end else begin
      held_q <= valid_i && !ready_i;
    end
    data_q <= data_i;
  end

  always_comb begin
    if (!rst_i && held_q) begin
      if (Assume) begin
        assume (valid_i);
        assume (data_i == data_q);
      end else begin
        assert (valid_i);
        assert (data_i == data_q);
      end
    end
  end

endmodule

`default_nettype wire
