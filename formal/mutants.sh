#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The proofs can fail: each mutant below breaks one promise of a block's RTL (a copy of it, in
# OUTDIR) and its proof must then FAIL. One line per mutant, then "mutants: N caught, N missed";
# exits non-zero if a mutant survives or a substitution no longer applies.
#
#   formal/mutants.sh [-o OUTDIR] [proof ...]   (default: every mutant, build/formal-mutants;
#                                               `make formal-mutants`; proofs: only theirs)
set -uo pipefail

OUT=build/formal-mutants
if [ "${1:-}" = "-o" ]; then
	OUT=$2
	shift 2
fi
want=("$@")

# proof | file under rtl/iommu | sed substitution | what it breaks
MUTANTS=(
	"skid|iommu_skid.sv|s/out_data_q <= skid_valid_q ? skid_data_q : in_data_i;/out_data_q <= in_data_i;/|the parked payload is lost"
	"fence_track|iommu_fence_track.sv|s/(cnt_q == '0) \&\& !ar_acc_i \&\& !aw_acc_i;/(cnt_q == '0) \&\& !ar_acc_i;/|idle_o misses a write accepted in the same cycle"
	"mem_arb|iommu_mem_arb.sv|s/assign w_src   = wq_empty ? aw_src : wq_q\[wq_rd_q\];/assign w_src   = aw_src;/|W follows the AW grant, not AW order"
	"mem_arb|iommu_mem_arb.sv|s/(m_axi_awvalid_o \&\& !w_ahead_q);/aw_hs;/|WVALID waits for AWREADY (the old arbiter)"
	"mem_arb|iommu_mem_arb.sv|s/(m_axi_awvalid_o \&\& !w_ahead_q)/m_axi_awvalid_o/|an AW whose burst went ahead gets a second one"
	"mem_arb|iommu_mem_arb.sv|s/SrcPtw:  m_axi_rready_o = s1_rready_i;/SrcPtw:  m_axi_rready_o = s0_rready_i;/|a walker response waits on the DMA's ready"
	"mem_arb|iommu_mem_arb.sv|s/ar_last_q <= ar_src;/ar_last_q <= SrcFw;/|fixed AR priority: the burst engine starves"
	"burst|iommu_burst.sv|s/assign w_word          = eng_rd_q ? ram_rdata_q : eng_hold_q;/assign w_word          = ram_rdata_q;/|a stalled W beat changes under a core read"
	"burst|iommu_burst.sv|s/      eng_idx = boff_q + rd_cnt_q;/      eng_idx = boff_q + wr_cnt_q;/|a store reads the word of the beat it holds, not the next"
	"burst|iommu_burst.sv|s/assign m_axi_wlast_o   = (wr_cnt_q == len_q);/assign m_axi_wlast_o   = (wr_cnt_q == len_q - 8'd1);/|WLAST one beat early"
	"xlate_rsp|iommu_xlate_rsp.sv|s/assign berr_go = berr_valid_q \&\& !berr_hold_q \&\& (wr_cnt_q == '0);/assign berr_go = berr_valid_q \&\& !berr_hold_q;/|an injected B overtakes an older write"
	"xlate_rsp|iommu_xlate_rsp.sv|s/rd_cnt_q <= rd_cnt_q + CntW'(rd_issue_i) - CntW'(r_done);/rd_cnt_q <= rd_cnt_q - CntW'(r_done);/|a read handed to memory is not counted: an injected error overtakes it"
	"iotlb_inval|iommu_iotlb.sv|s/(!inv_av_i \(..\) s1_q\[i\] .. addr_m)/(!inv_av_i \1 addr_m)/|GVMA by address keeps combined GVA->SPA entries"
	"iotlb_inval|iommu_iotlb.sv|s/addr_m = (((vpn_q\[i\] ^ inv_vpn_i\[VpnW-1:0\]) \& ~mask\[i\])/addr_m = (((vpn_q[i] ^ inv_vpn_i[VpnW-1:0]))/|by address: a superpage only at its filled 4 KiB page"
	"iotlb_inval|iommu_iotlb.sv|s/ .. ctx_flush_i\[ctx_q\[i\]\]) begin/) begin/|entries outlive their context-cache entry"
	"iotlb_inval|iommu_iotlb.sv|s/assign do_fill = fill_i \&\& !inv_valid_i \&\& /assign do_fill = fill_i \&\& /|a fill in the invalidation's cycle lands"
	"ptw_level|iommu_ptw_perm.sv|s/(u_i \&\& (eff_exec \(..\) !sum_i))/(u_i \&\& (eff_exec \1 sum_i))/|SUM inverted for supervisor access to U pages"
	"ptw_level|iommu_ptw_perm.sv|s/assign u_bad = g_stage_i ? !u_i/assign u_bad = g_stage_i ? 1'b0/|G-stage leaves need not be U"
	"ptw_level|iommu_ptw_pte.sv|s/assign ad_need  = !pte\[6\] .. (write_i \&\& !pte\[7\]);/assign ad_need  = !pte[6];/|a write to a page with D=0 passes"
	"ptw_level|iommu_ptw.sv|s/assign p_write = implicit_q ? impw_q : write_q;/assign p_write = write_q;/|an implicit PTE read checked as the write"
	"ptw_level|iommu_ptw.sv|s/end else if (!lock_q) begin/end else if (1'b0) begin/|an A/D write without the exclusive re-read"
	"ptw_level|iommu_ptw_pte.sv|s/(pte\[62:54\] != 9'd0)/(pte[60:54] != 7'd0)/|PBMT bits accepted without Svpbmt"
	"ptw_level|iommu_ptw_pte.sv|s/assign napot_ok  = (lvl_i == 3'd0) \&\& /assign napot_ok  = /|a NAPOT leaf above level 0 accepted"
	"ptw_level|iommu_ptw_pte.sv|s/(pte_ppn \& lvl_mask) != 44'd0)/(pte_ppn \& lvl_mask \& 44'h1FF) != 44'd0)/|a misaligned 1 GiB superpage accepted"
	"ptw_level|iommu_ptw.sv|s/write_q ? RISCV_IOMMU_FQ_CAUSE_WR_GUEST_PAGE_FAULT :/write_q ? RISCV_IOMMU_FQ_CAUSE_WR_PAGE_FAULT :/|a G-stage write fault reported as a page fault (15)"
)

caught=0
missed=0
n=0
for m in "${MUTANTS[@]}"; do
	IFS='|' read -r proof file subst what <<<"$m"
	n=$((n + 1))
	if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " == *" $proof "* ]]; then
		continue
	fi
	dir=$OUT/m$n
	rm -rf "$dir"
	mkdir -p "$dir/rtl"
	cp -r rtl/iommu "$dir/rtl/"
	cp -r formal "$dir/"
	cp rtl/lint.vlt "$dir/rtl/"
	sed -i "$subst" "$dir/rtl/iommu/$file"
	if cmp -s "rtl/iommu/$file" "$dir/rtl/iommu/$file"; then
		printf "mutant %-2s %-12s %-56s STALE (the substitution no longer applies)\n" "$n" "$proof" "$what"
		missed=$((missed + 1))
		continue
	fi
	res=$(cd "$dir" && bash formal/run.sh -o out "$proof" 2>&1 | grep '^formal-proof')
	if echo "$res" | grep -q ' FAIL '; then
		step=$(echo "$res" | sed -n 's/.*FAIL.*(\([a-z]*\):.*/\1/p')
		printf "mutant %-2s %-12s %-56s caught (%s)\n" "$n" "$proof" "$what" "$step"
		caught=$((caught + 1))
	else
		printf "mutant %-2s %-12s %-56s MISSED\n" "$n" "$proof" "$what"
		missed=$((missed + 1))
	fi
done
echo "mutants: $caught caught, $missed missed"
[ $missed -eq 0 ]
