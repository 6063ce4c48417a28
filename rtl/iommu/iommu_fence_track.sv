// SPDX-License-Identifier: Apache-2.0
// iommu_fence_track: device requests in flight, for IOFENCE.C PR/PW (IOMMU spec 4.1.3).
//
// Counts the device-port requests the IOMMU has accepted (AR and AW handshakes) and not yet
// answered (the last R beat, the B handshake), at iommu_top's boundary: a request answered at
// the device port has been accepted by memory (read data returned) or completed there (B), or
// was never sent (an error response). While the firmware holds the port (fwif DRAIN.HOLD),
// iommu_top takes no new request; drained_o then says that every request accepted before the
// hold has been answered. The firmware waits for it before it completes a fence with PR or PW,
// so a request translated before the fence's invalidations (parked behind a walk, say) can no
// longer reach memory after the fence. The condition is a superset (reads and writes alike,
// every device, requests translated after the invalidations too): its cost is the drain time.
//
// idle_o (no hold needed) says nothing was in flight a cycle ago and nothing was accepted in
// that cycle: the firmware reads it first and holds the port only when requests are in flight.
// A request accepted after that cycle was accepted after every command before the fence had
// completed (the invalidations were taken), so it needs no ordering.
//
// drained_o is registered from registered inputs. hold_i is a flop that rises with the write
// that sets it; the handshakes of the cycle before it are in cnt_q one cycle later, so
// drained_o is valid from the second cycle of the hold, before the core's next read can land.

`default_nettype none

module iommu_fence_track #(
  parameter int CntW = 10       // up to 2^CntW - 1 requests in flight
) (
  input  logic clk_i,
  input  logic rst_i,
  input  logic hold_i,          // fwif DRAIN.HOLD: iommu_top takes no new device request
  input  logic ar_acc_i,        // device-port AR handshake
  input  logic aw_acc_i,        // device-port AW handshake
  input  logic r_last_i,        // device-port R handshake of a last beat
  input  logic b_done_i,        // device-port B handshake
  output logic drained_o,       // held, and nothing accepted before is unanswered
  output logic idle_o           // nothing unanswered (one cycle late: see the header)
);

  logic [CntW-1:0] cnt_q;
  logic            drained_q, idle_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      cnt_q     <= '0;
      drained_q <= 1'b0;
      idle_q    <= 1'b1;
    end else begin
      cnt_q     <= cnt_q + CntW'(ar_acc_i) + CntW'(aw_acc_i)
                         - CntW'(r_last_i) - CntW'(b_done_i);
      drained_q <= hold_i && (cnt_q == '0);
      idle_q    <= (cnt_q == '0) && !ar_acc_i && !aw_acc_i;
    end
  end

  assign drained_o = drained_q;
  assign idle_o    = idle_q;

`ifndef SYNTHESIS
  // One answer per accepted request: the count never wraps either way.
  always @(posedge clk_i) begin
    if (!rst_i && (ar_acc_i || aw_acc_i) && (&cnt_q)) begin
      $error("iommu_fence_track: more than %0d device requests in flight", (1 << CntW) - 1);
    end
    if (!rst_i && (cnt_q == '0) && (r_last_i || b_done_i) && !ar_acc_i && !aw_acc_i) begin
      $error("iommu_fence_track: a device response with no request in flight");
    end
  end
`endif

`ifdef FORMAL
  ////////////////////
  // Formal         //
  ////////////////////
  // formal/run.sh proves these with this module as the top (doc/verification.md, "Formal").
  // The environment: an answer only for a request accepted before or in the same cycle (reads
  // and writes counted apart), at most 2^CntW - 1 in flight, no request accepted under the hold.

  localparam int FW = CntW + 1;
  logic          f_past_valid = 1'b0;
  logic [FW-1:0] f_rd, f_wr;            // reads and writes accepted and not yet answered
  logic [FW-1:0] f_inflight;

  assign f_inflight = f_rd + f_wr;

  always_ff @(posedge clk_i) begin
    f_past_valid <= 1'b1;
    if (rst_i) begin
      f_rd <= '0;
      f_wr <= '0;
    end else begin
      f_rd <= f_rd + FW'(ar_acc_i) - FW'(r_last_i);
      f_wr <= f_wr + FW'(aw_acc_i) - FW'(b_done_i);
    end
  end

  always_comb begin
    if (!f_past_valid) begin
      assume (rst_i);
    end
    if (!rst_i) begin
      assume (!r_last_i || f_rd != '0 || ar_acc_i);
      assume (!b_done_i || f_wr != '0 || aw_acc_i);
      assume (!hold_i || (!ar_acc_i && !aw_acc_i));
    end
    assume (f_inflight <= FW'((1 << CntW) - 1));
  end

  always_comb begin
    if (f_past_valid && !rst_i) begin
      // The count is exact: accepted minus answered, no wrap either way.
      assert (FW'(cnt_q) == f_inflight);
      // drained_o and idle_o promise that nothing accepted is unanswered.
      if (drained_o || idle_o) begin
        assert (f_inflight == '0);
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (f_past_valid && !rst_i && !$past(rst_i)) begin
      // drained_o is exact one cycle later: held, and nothing in flight (the second hold cycle).
      assert (drained_o == ($past(hold_i) && $past(f_inflight) == '0));
      assert (idle_o == ($past(f_inflight) == '0 && !$past(ar_acc_i) && !$past(aw_acc_i)));
    end
  end

  // Not vacuous: the count reaches its limit, a hold drains requests that were in flight.
  always_ff @(posedge clk_i) begin
    if (f_past_valid && !rst_i && !$past(rst_i)) begin
      cover (f_inflight == FW'((1 << CntW) - 1));
      cover (drained_o && $past(f_inflight != '0, 2));
      cover (ar_acc_i && aw_acc_i && r_last_i && b_done_i);
    end
  end
`endif

endmodule

`default_nettype wire
