// SPDX-License-Identifier: Apache-2.0
// Two-entry register slice (skid buffer) for a valid/ready channel.
//
// Both sides are registered: the output comes straight from flops, so a payload offered on a
// bus stays stable until its handshake, and in_ready_o is a flop (the upstream never sees the
// downstream's ready combinationally). Full throughput: one transfer per cycle while the
// downstream takes one per cycle; a stall parks one more entry in the skid register.

`default_nettype none

module iommu_skid #(
  parameter int W = 8
) (
  input  logic         clk_i,
  input  logic         rst_i,
  input  logic         in_valid_i,
  output logic         in_ready_o,
  input  logic [W-1:0] in_data_i,
  output logic         out_valid_o,
  input  logic         out_ready_i,
  output logic [W-1:0] out_data_o
);

  logic         out_valid_q, skid_valid_q;
  logic [W-1:0] out_data_q, skid_data_q;
  logic         push, load_out;

  assign in_ready_o  = !skid_valid_q;
  assign push        = in_valid_i && !skid_valid_q;
  // The output register takes a new payload when it is empty or its payload leaves.
  assign load_out    = !out_valid_q || out_ready_i;
  assign out_valid_o = out_valid_q;
  assign out_data_o  = out_data_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      out_valid_q  <= 1'b0;
      skid_valid_q <= 1'b0;
    end else if (load_out) begin
      out_valid_q  <= skid_valid_q || push;
      skid_valid_q <= 1'b0;
    end else if (push) begin
      skid_valid_q <= 1'b1;
    end
  end

  always_ff @(posedge clk_i) begin
    if (load_out) begin
      out_data_q <= skid_valid_q ? skid_data_q : in_data_i;
    end
    if (!load_out && push) begin
      skid_data_q <= in_data_i;
    end
  end

endmodule
