// SPDX-License-Identifier: Apache-2.0
// Debug translation interface (IOMMU spec 6.24-6.26: tr_req_iova, tr_req_ctl, tr_response).
//
// When the host sets tr_req_ctl.Go/Busy, one request is handed to iommu_xlate as a third intake
// source (next to AR/AW). It takes the real translation path (context lookup with the usual
// firmware context miss, IOTLB lookup, page walk) but never reaches memory and never writes a
// fault record. The result is registered and encoded for tr_response here, and written by the
// register file a cycle after the stage answered (the answer comes at the end of the stage's
// decision, and tr_response is 64 enabled flops away), which also clears Go/Busy in the same
// cycle. Host writes to tr_req_* are ignored while busy.

`default_nettype none

module iommu_dbg (
  input  logic        clk_i,
  input  logic        rst_i,

  // From the register file
  input  logic [63:0] tr_req_iova_i,
  input  logic [63:0] tr_req_ctl_i,

  // To / from iommu_xlate
  output logic        req_valid_o,
  input  logic        req_ready_i,
  output logic [63:0] req_iova_o,
  output logic [23:0] req_did_o,
  output logic [19:0] req_pid_o,
  output logic        req_pv_o,
  output logic        req_priv_o,
  output logic        req_exe_o,
  output logic        req_nw_o,
  input  logic        done_i,
  input  logic        fault_i,
  input  logic [43:0] ppn_i,
  input  logic [2:0]  size_i,     // 0 4K, 1 64K, 2 2M, 3 1G, 4 512G, 5 256T

  // To the register file: write tr_response, clear Go/Busy
  output logic        resp_valid_o,
  output logic [63:0] resp_o
);

  typedef enum logic [1:0] {
    StIdle  = 2'd0,   // waiting for Go
    StReq   = 2'd1,   // offered to the translation stage
    StWait  = 2'd2,   // in the datapath (context miss, walk)
    StClear = 2'd3    // answered; wait until Go reads 0 again
  } state_e;

  state_e state_q, state_d;
  logic   go;

  assign go = tr_req_ctl_i[0];

  always_comb begin
    state_d = state_q;
    case (state_q)
      StIdle:  if (go) state_d = StReq;
      StReq:   if (req_ready_i) state_d = StWait;
      StWait:  if (done_i) state_d = StClear;
      StClear: if (!go) state_d = StIdle;
      default: state_d = StIdle;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      state_q <= StIdle;
    end else begin
      state_q <= state_d;
    end
  end

  // The request fields come straight from the register file (stable while busy).
  assign req_valid_o = (state_q == StReq);
  assign req_iova_o  = {tr_req_iova_i[63:12], 12'd0};
  assign req_priv_o  = tr_req_ctl_i[1];
  assign req_exe_o   = tr_req_ctl_i[2];
  assign req_nw_o    = tr_req_ctl_i[3];
  assign req_pid_o   = tr_req_ctl_i[31:12];
  assign req_pv_o    = tr_req_ctl_i[32];
  assign req_did_o   = tr_req_ctl_i[63:40];

  // The stage's answer, registered every cycle (no enable: the answer is on the stage's longest
  // path); resp_valid_o marks the cycle after the answer.
  logic        done_q, fault_q;
  logic [43:0] ppn_q;
  logic [2:0]  size_q;
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      done_q <= 1'b0;
    end else begin
      done_q <= (state_q == StWait) && done_i;
    end
  end
  always_ff @(posedge clk_i) begin
    fault_q <= fault_i;
    ppn_q   <= ppn_i;
    size_q  <= size_i;
  end

  // tr_response: fault[0], PBMT[8:7] (0, Svpbmt not supported), S[9], PPN[53:10]. For a page
  // larger than 4 KiB (2^(12+n) bytes) S=1 and the PPN is NAPOT-encoded: PPN[n-1]=0 and
  // PPN[n-2:0]=1 (spec 6.26), e.g. 2 MiB: PPN[8]=0, PPN[7:0]=0xFF.
  logic [43:0] napot_ones, napot_zero, ppn_enc;
  always_comb begin
    case (size_q)
      3'd1:    begin napot_ones = 44'h7;       napot_zero = 44'h8;       end  // 64 KiB
      3'd2:    begin napot_ones = 44'hFF;      napot_zero = 44'h100;     end  // 2 MiB
      3'd3:    begin napot_ones = 44'h1FFFF;   napot_zero = 44'h20000;   end  // 1 GiB
      3'd4:    begin napot_ones = 44'h3FFFFFF; napot_zero = 44'h4000000; end  // 512 GiB
      3'd5:    begin napot_ones = 44'h7FFFFFFFF; napot_zero = 44'h800000000; end  // 256 TiB
      default: begin napot_ones = 44'h0;       napot_zero = 44'h0;       end  // 4 KiB
    endcase
  end
  assign ppn_enc = (ppn_q | napot_ones) & ~napot_zero;

  assign resp_valid_o = done_q;
  assign resp_o       = fault_q ? 64'd1 : {10'd0, ppn_enc, (size_q != 3'd0), 9'd0};

  logic unused_dbg;
  assign unused_dbg = ^{tr_req_iova_i[11:0], tr_req_ctl_i[39:33], tr_req_ctl_i[11:4]};

endmodule

`default_nettype wire
