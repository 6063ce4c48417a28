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

  logic f_past_valid = 1'b0;

  always_ff @(posedge clk_i) begin
    f_past_valid <= 1'b1;
  end

  always_ff @(posedge clk_i) begin
    if (f_past_valid && !rst_i && !$past(rst_i) && $past(valid_i && !ready_i)) begin
      if (Assume) begin
        assume (valid_i);
        assume (data_i == $past(data_i));
      end else begin
        assert (valid_i);
        assert (data_i == $past(data_i));
      end
    end
  end

endmodule

`default_nettype wire
