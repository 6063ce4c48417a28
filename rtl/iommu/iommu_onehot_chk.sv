// SPDX-License-Identifier: Apache-2.0
// Match-vector check of a fully associative lookup: any entry matches, more than one matches.
//
// The caches look up by AND-OR over a match vector that should be one-hot (no priority chain);
// a double match must not be used. A reduction tree gives both in log2(N) levels, no adder.

`default_nettype none

module iommu_onehot_chk #(
  parameter int N = 16   // >= 1
) (
  input  logic [N-1:0] v_i,
  output logic         any_o,
  output logic         multi_o
);

  // Node n of the tree covers its children 2n and 2n+1; leaves are N..2N-1. Computed in one
  // always_comb on a local array (a self-referencing net vector is a false loop to Verilator).
  always_comb begin
    logic [1:0] am [2*N];   // {multi, any}
    for (int i = 0; i < N; i++) begin
      am[N + i] = {1'b0, v_i[i]};
    end
    for (int n = N - 1; n >= 1; n--) begin
      am[n] = {am[2*n][1] | am[2*n+1][1] | (am[2*n][0] & am[2*n+1][0]), am[2*n][0] | am[2*n+1][0]};
    end
    {multi_o, any_o} = am[1];   // with N = 1 the root is the leaf
  end

endmodule
