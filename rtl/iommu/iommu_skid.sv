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

  // The skid register takes the input in every cycle it is empty: its enable is its own valid
  // bit, not in_valid_i (which can come late, e.g. from the translation stage's decision, and
  // would fan out to every data bit); it only counts once skid_valid_q is set.
  always_ff @(posedge clk_i) begin
    if (load_out) begin
      out_data_q <= skid_valid_q ? skid_data_q : in_data_i;
    end
    if (!skid_valid_q) begin
      skid_data_q <= in_data_i;
    end
  end

`ifdef FORMAL
  ////////////////////
  // Formal         //
  ////////////////////
  // formal/run.sh proves these with this module as the top (doc/verification.md, "Formal").
  // A reference queue of the accepted payloads: every accepted payload leaves once, in order,
  // and nothing else leaves. No assumption on the upstream (it may drop valid or change data).

  logic         f_past_valid = 1'b0;
  logic [1:0]   f_cnt;
  logic [W-1:0] f_ref0, f_ref1;          // oldest first
  logic         f_in_hs, f_out_hs;

  assign f_in_hs  = in_valid_i && in_ready_o;
  assign f_out_hs = out_valid_o && out_ready_i;

  always_ff @(posedge clk_i) begin
    f_past_valid <= 1'b1;
  end

  always_comb begin
    if (!f_past_valid) begin
      assume (rst_i);
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      f_cnt <= 2'd0;
    end else begin
      unique case ({f_in_hs, f_out_hs})
        2'b10: begin
          f_cnt <= f_cnt + 2'd1;
          if (f_cnt == 2'd0) begin
            f_ref0 <= in_data_i;
          end else begin
            f_ref1 <= in_data_i;
          end
        end
        2'b01: begin
          f_cnt  <= f_cnt - 2'd1;
          f_ref0 <= f_ref1;
        end
        2'b11: begin
          if (f_cnt == 2'd1) begin
            f_ref0 <= in_data_i;
          end else begin
            f_ref0 <= f_ref1;
            f_ref1 <= in_data_i;
          end
        end
        default: ;
      endcase
    end
  end

  always_comb begin
    if (f_past_valid && !rst_i) begin
      // The register slice is the reference queue: same count, same head, same order.
      assert (f_cnt <= 2'd2);
      assert (out_valid_o == (f_cnt != 2'd0));
      assert (in_ready_o == (f_cnt != 2'd2));
      if (out_valid_o) begin
        assert (out_data_o == f_ref0);
      end
      if (f_cnt == 2'd2) begin
        assert (skid_data_q == f_ref1);
      end
    end
  end

  // The port rule downstream: a raised valid stays up, its payload unchanged, until taken.
  always_ff @(posedge clk_i) begin
    if (f_past_valid && !rst_i && !$past(rst_i) && $past(out_valid_o && !out_ready_i)) begin
      assert (out_valid_o);
      assert (out_data_o == $past(out_data_o));
    end
  end

  // Not vacuous: the skid register fills, a payload passes while one waits, full throughput.
  always_ff @(posedge clk_i) begin
    if (f_past_valid && !rst_i) begin
      cover (f_cnt == 2'd2);
      cover (f_in_hs && f_out_hs && f_cnt == 2'd1);
      cover (!$past(rst_i) && f_out_hs && $past(f_out_hs) && $past(f_out_hs, 2));
    end
  end
`endif

endmodule
