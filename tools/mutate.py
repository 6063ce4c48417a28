#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""make mutate: do the tests catch small faults in the RTL and the firmware?

Copies the tracked files of the tree (as they are in the work tree, uncommitted edits included)
to $(BUILD)/mutate/tree, then for each mutant below: puts one single-line fault into the copy
(a literal replacement that must match exactly once, else the mutant is reported "not applied":
the line changed since the list was written), builds what the mutant's tests need and runs
them (a mutant that does not build is reported, not counted as caught). A mutant is caught
when at least one of its tests fails (or hangs past the timeout); otherwise it survived. The
copy's file is restored after each mutant; the real tree is never written. Not part of `make test` or CI (doc/verification.md, "Mutation testing").

Kinds:
  rtl  a fault in the iommu_xlate hierarchy: rebuilds the RTL block test (tests/rtl) in the copy
       and runs it once per named test (+test=<names>: the directed tests set up what they use;
       "sv39,inval" runs sv39 first for the DDTP mode the older tests expect);
  fw   a fault in the firmware: rebuilds the firmware image in the copy and runs the named
       co-simulation tests (name:seed) with the co-simulation binary of the real tree, whose
       soc_ram reads build/fw/fw.hex relative to the working directory (the copy's);
  sim  a fault in the RTL run against co-simulation tests (name:seed): rebuilds the copy's own
       co-simulation binary (a full Verilator build, a few minutes each), e.g. to see that the
       stress generators draw a shape.

Before the mutants the unmodified copy is built and every listed test must pass there
(otherwise a "caught" would mean nothing). Ends with "mutate: N caught, N survived, N not
applied or not built" and exits non-zero unless every mutant was caught.

  tools/mutate.py [--build build] [--only id,id] [--kind rtl|fw|sim] [--list]
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

# (id, kind, file, old, new, tests, what)
MUTANTS = [
    # ---- issue 11 item 7: faults that used to pass `make test` ----
    ("superpage_ppn_8_0", "rtl", "rtl/iommu/iommu_ptw_pte.sv",
     "((pte_ppn & lvl_mask) != 44'd0)",
     "((pte_ppn & lvl_mask & 44'h1FF) != 44'd0)",
     ["superpage_align", "sv39"],
     "superpage alignment checks only PPN[8:0]"),
    ("sv48_canon_bit48", "rtl", "rtl/iommu/iommu_ptw.sv",
     "((iova_q[63:47] != {17{1'b0}}) && (iova_q[63:47] != {17{1'b1}}))",
     "((iova_q[63:48] != {16{1'b0}}) && (iova_q[63:48] != {16{1'b1}}))",
     ["canonical", "sv39,sv48"],
     "Sv48 canonical check from bit 48 instead of 47"),
    ("sv39_canon_bit39", "rtl", "rtl/iommu/iommu_ptw.sv",
     "((iova_q[63:38] != {26{1'b0}}) && (iova_q[63:38] != {26{1'b1}}))",
     "((iova_q[63:39] != {25{1'b0}}) && (iova_q[63:39] != {25{1'b1}}))",
     ["canonical", "sv39"],
     "Sv39 canonical check from bit 39 instead of 38"),
    ("sv39x4_width_bit42", "rtl", "rtl/iommu/iommu_ptw.sv",
     "(gpa_q[63:41] != 23'd0)",
     "(gpa_q[63:42] != 22'd0)",
     ["canonical", "sv39,nested"],
     "Sv39x4 GPA width check from bit 42 instead of 41"),
    ("sv48x4_width_bit51", "rtl", "rtl/iommu/iommu_ptw.sv",
     "(gpa_q[63:50] != 14'd0)",
     "(gpa_q[63:51] != 13'd0)",
     ["canonical", "sv39,sv48x4"],
     "Sv48x4 GPA width check from bit 51 instead of 50"),
    ("msi_sel_pattern_unmasked", "rtl", "rtl/iommu/iommu_xlate.sv",
     "msi_cmp_q     <= ((nk_vpn & ~mctx_mask) == (mctx_pat & ~mctx_mask));",
     "msi_cmp_q     <= ((nk_vpn & ~mctx_mask) == mctx_pat);",
     ["msi_mask", "cause_ttyp_msi", "msi_alternate"],
     "MSI match (iosatp Bare) compares the unmasked pattern"),
    ("msi_walk_pattern_unmasked", "rtl", "rtl/iommu/iommu_ptw.sv",
     "== (msi_pat_q & ~msi_mask_q));",
     "== msi_pat_q);",
     ["msi_mask"],
     "MSI match on the first-stage GPA compares the unmasked pattern"),
    ("msi_gscid_ctx_load_kept", "rtl", "rtl/iommu/iommu_msi_cache.sv",
     "end else if (cl_vec_q[j]) begin",
     "end else if (1'b0) begin",
     ["msi_gscid"],
     "MSI cache: a context load leaves the GSCID-equal bits of its entry stale"),
    ("gvma_addr_skips_nested", "rtl", "rtl/iommu/iommu_iotlb.sv",
     "(!inv_av_i || s1_q[i] || addr_m)",
     "(!inv_av_i || addr_m)",
     ["gvma_nested", "sv39,inval"],
     "IOTINVAL.GVMA by address matches combined entries on their IOVA"),
    ("msi_before_ttyp", "rtl", "rtl/iommu/iommu_xlate_ctrl.sv",
     "end else if ((st_pv_q && !ctx_pdtv_i) || st_bad_q || (st_priv && !ctx_ens_i)) begin",
     "end else if (!(msi_sel_i && msi_hit_i) && ((st_pv_q && !ctx_pdtv_i) || st_bad_q || "
     "(st_priv && !ctx_ens_i))) begin",
     ["cause_ttyp_msi"],
     "an MSI hit is judged before the 260 (TTYP/PV/ENS) checks"),
    ("nonleaf_u_ok", "rtl", "rtl/iommu/iommu_ptw_pte.sv",
     "((pte[7:6] != 2'd0) || pte[4] || pte_napot",
     "((pte[7:6] != 2'd0) || pte_napot",
     ["nonleaf_bits", "sv39"],
     "a non-leaf PTE with U=1 does not fault"),
    ("nonleaf_d_ok", "rtl", "rtl/iommu/iommu_ptw_pte.sv",
     "((pte[7:6] != 2'd0) || pte[4] || pte_napot",
     "((pte[6] != 1'b0) || pte[4] || pte_napot",
     ["nonleaf_bits", "sv39"],
     "a non-leaf PTE with D=1 does not fault"),
    # ---- more ----
    ("pte_reserved_from_55", "rtl", "rtl/iommu/iommu_ptw_pte.sv",
     "(pte[62:54] != 9'd0)",
     "((pte[62:54] & 9'h1FE) != 9'd0)",
     ["pte_checks", "sv39"],
     "PTE bit 54 (reserved) ignored"),
    ("napot_ppn3_only", "rtl", "rtl/iommu/iommu_ptw_pte.sv",
     "(pte_ppn[3:0] == 4'b1000)",
     "(pte_ppn[3] == 1'b1)",
     ["pte_checks", "sv39"],
     "a reserved NAPOT encoding (PPN[3:0] = 1xxx other than 1000) taken as 64 KiB"),
    ("gstage_leaf_u_ok", "rtl", "rtl/iommu/iommu_ptw_perm.sv",
     "assign u_bad = g_stage_i ? !u_i",
     "assign u_bad = g_stage_i ? 1'b0",
     ["pte_checks", "sv39,nested,sv48x4"],
     "a G-stage leaf with U=0 does not fault"),
    ("vma_all_misses", "rtl", "rtl/iommu/iommu_iotlb.sv",
     "vma_hit   = vma_scope && (!inv_av_i || addr_m) &&",
     "vma_hit   = vma_scope && addr_m &&",
     ["sv39,inval"],
     "IOTINVAL.VMA without AV invalidates only the page of ADDR"),
    ("hit_ignores_perm", "rtl", "rtl/iommu/iommu_xlate_ctrl.sv",
     "assign hit_perm_bad = tlb_perm_bad_i;",
     "assign hit_perm_bad = tlb_perm_bad_i && 1'b0;",
     ["pte_checks", "sv39,random"],
     "an IOTLB hit is used without its stored permissions"),
    ("relook_decides_stale", "rtl", "rtl/iommu/iommu_xlate_intake.sv",
     "assign st_act_o   = st_valid_q && !rl_q;",
     "assign st_act_o   = st_valid_q;",
     ["sv39,random", "sv39,inval_race"],
     "a stage that held its request decides on the lookups of a request that did not enter"),
    ("intake_skid_overwritten", "rtl", "rtl/iommu/iommu_xlate_intake.sv",
     "ld_q[!h_d] <= !sk_valid_d;",
     "ld_q[!h_d] <= 1'b1;",
     ["sv39,random", "sv39,hold"],
     "the skid's buffer takes the offered request while it holds one"),
    ("intake_no_flip", "rtl", "rtl/iommu/iommu_xlate_intake.sv",
     "h_d        = h_q ^ (st_valid_q && st_done_i);",
     "h_d        = h_q ^ (st_valid_q && st_done_i && sk_valid_q);",
     ["sv39,random", "sv39,hold"],
     "the stage stays on its buffer when its request leaves with the skid empty"),
    ("dbg_no_relook", "rtl", "rtl/iommu/iommu_xlate_intake.sv",
     "(st_ready && (sk_valid_q || acc) && nx_dbg);",
     "(st_ready && (sk_valid_q || acc) && nx_dbg && 1'b0);",
     ["dbg"],
     "a debug request decides on the context lookup of the AR key (its own key is never compared)"),
    ("miss_in_relook", "rtl", "rtl/iommu/iommu_xlate_ctrl.sv",
     "assign miss_valid_o = st_valid_q && cm_wait_q && !st_rl;",
     "assign miss_valid_o = st_valid_q && cm_wait_q && (!st_rl || 1'b1);",
     ["msi_miss"],
     "a context/MSI miss is offered to firmware in the relook cycle, with another key's context"),
    ("msi_geq_no_ctx_update", "rtl", "rtl/iommu/iommu_msi_cache.sv",
     "        end else if (cl_vec_q[j]) begin",
     "        end else if (1'b0) begin",
     ["msi_gscid"],
     "a context load no longer updates the MSI cache's GSCID-equal bits of the entries it meets"),
    ("wc_double_match_hits", "rtl", "rtl/iommu/iommu_walk_cache.sv",
     "assign lk_hit_o = lk_any && !lk_multi && !flush_i;",
     "assign lk_hit_o = lk_any && !flush_i;",
     ["walk_cache_dup"],
     "a walk-cache lookup that matches two entries hits with the OR of their table addresses"),
    ("msi_dup_or_index", "rtl", "rtl/iommu/iommu_msi_cache.sv",
     "        hit_o   = 1'b1;\n        hit_idx = IdxW'(i);",
     "        hit_o   = 1'b1;\n        hit_idx = hit_idx | IdxW'(i);",
     ["msi_dup"],
     "the MSI cache's stage lookup ORs the indices of its matching entries (a key loaded twice)"),
    ("wc_any_ctx", "rtl", "rtl/iommu/iommu_walk_cache.sv",
     "(ctx_q[i] == lk_ctx_i)",
     "((ctx_q[i] == lk_ctx_i) || 1'b1)",
     ["walk_cache_ctx"],
     "a walk-cache entry hits for any context-cache entry (another device's level-0 table)"),
    ("missq_page_busy_any_ctx", "rtl", "rtl/iommu/iommu_xlate_missq.sv",
     "page_eq[i] && (ctx_q[i] == q_ctx_i)",
     "page_eq[i] && 1'b1",
     ["same_page_walk"],
     "a miss waits for any walk of its page, also one of another context-cache entry"),
    ("missq_page_busy_never", "rtl", "rtl/iommu/iommu_xlate_missq.sv",
     "if (valid_q[i] && walk_q[i] && page_eq[i]",
     "if (1'b0 && walk_q[i] && page_eq[i]",
     ["same_page_walk"],
     "a miss to a page being walked walks it again"),
    ("msi_sel_no_wait", "rtl", "rtl/iommu/iommu_xlate.sv",
     "assign msi_wait  = msi_on && !cmp_known && !own_known;",
     "assign msi_wait  = 1'b0 && !own_known;",
     ["msi_mask,msi_gscid"],
     "the stage decides on an MSI address check made for another context-cache entry"),
    # ---- Sv57 / Sv57x4 (issue 11 item 1): each caught by its directed block test ----
    ("sv57_canon_bit57", "rtl", "rtl/iommu/iommu_ptw.sv",
     "((iova_q[63:56] != {8{1'b0}}) && (iova_q[63:56] != {8{1'b1}}))",
     "((iova_q[63:57] != {7{1'b0}}) && (iova_q[63:57] != {7{1'b1}}))",
     ["sv57", "sv39,sv48"],
     "Sv57 canonical check from bit 57 instead of 56"),
    ("sv57x4_width_bit60", "rtl", "rtl/iommu/iommu_ptw.sv",
     "(gpa_q[63:59] != 5'd0)",
     "(gpa_q[63:60] != 4'd0)",
     ["sv57x4", "sv39,sv48x4"],
     "Sv57x4 GPA width check from bit 60 instead of 59"),
    ("superpage_256t_mask35", "rtl", "rtl/iommu/iommu_ptw_pte.sv",
     "default: lvl_mask = 44'hFFFFFFFFF;",
     "default: lvl_mask = 44'h7FFFFFFFF;",
     ["sv57_align", "superpage_align"],
     "a 256 TiB leaf's alignment check ignores PPN bit 35"),
    # ---- hardware A/D update (AMO_HWAD) ----
    ("hwad_stale_wdata", "rtl", "rtl/iommu/iommu_ptw.sv",
     "if ((state_q == StRdWait) && rd_rvalid_i) begin",
     "if ((state_q == StRdWait) && rd_rvalid_i && !lock_q) begin",
     ["hwad_race"],
     "A/D write data from the plain read, not the exclusive one (loses another agent's update)"),
    ("hwad_d_on_read", "rtl", "rtl/iommu/iommu_ptw.sv",
     "rd_data_i[7] | p_write, 1'b1",
     "1'b1, 1'b1",
     ["hwad_s1"],
     "the A/D update sets D on a read too"),
    ("hwad_implicit_write_as_read", "rtl", "rtl/iommu/iommu_ptw.sv",
     "assign p_write = implicit_q ? impw_q : write_q;",
     "assign p_write = implicit_q ? 1'b0 : write_q;",
     ["hwad_g"],
     "a first-stage PTE's A/D update is an implicit read for the G-stage (no W check, no D)"),
    ("fw_pdt_gade_ignored", "fw", "firmware/pdt.c",
     "bool gade	= (dc->tc & RISCV_IOMMU_DC_TC_GADE) != 0;",
     "bool gade	= false;",
     ["hwad_vm:1"],
     "firmware's G-stage walk of PDT addresses ignores DC.tc.GADE (A=0 faults)"),
    # (firmware/cq.c's IOTINVAL decode is no place for one: the RTL command engine runs every
    # legal IOTINVAL, the firmware decodes only commands the engine refused.)
    ("fw_pc_sum_dropped", "fw", "firmware/pdt.c",
     "((pc[0] & RISCV_IOMMU_PC_TA_SUM) ? FWIF_CTX_KEY_SUM : 0)",
     "(0 ? FWIF_CTX_KEY_SUM : 0)",
     ["pdt_walk:1", "stress_vm:1", "stress_vm:2"],
     "firmware loads a process context without its SUM bit"),
    ("fw_msi_index_wrong_bit", "fw", "firmware/msi.c",
     "if (v & low)",
     "if (v & (low << 1))",
     ["msi_basic:1", "stress_vm:1"],
     "firmware's MSI file index extract() reads the next bit"),
    # ---- the stress generators draw these shapes (co-simulation, full Verilator builds) ----
    ("msi_sel_pattern_unmasked_stress", "sim", "rtl/iommu/iommu_xlate.sv",
     "msi_cmp_q     <= ((nk_vpn & ~mctx_mask) == (mctx_pat & ~mctx_mask));",
     "msi_cmp_q     <= ((nk_vpn & ~mctx_mask) == mctx_pat);",
     ["stress_vm:1", "stress_vm:2", "stress_vm:3"],
     "MSI match (iosatp Bare) compares the unmasked pattern, against stress_vm"),
    # (gvma_addr_skips_nested against stress_vm seeds 1-5 survived: stress_vm draws GVMA by
    # address after a G-stage leaf change, but in those seeds no nested entry built on that leaf
    # was still cached and used again; the directed test gvma_nested catches it.)
]

# Timeout for one test run (a hang is a failure the tests see: caught).
TIMEOUT = 900


def run(cmd, cwd, log, timeout=None):
    with open(log, "a") as f:
        f.write("$ " + " ".join(cmd) + "\n")
        f.flush()
        try:
            return subprocess.run(cmd, cwd=cwd, stdout=f, stderr=subprocess.STDOUT,
                                  timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            f.write("TIMEOUT\n")
            return "timeout"


def copy_tree(root, dst):
    files = subprocess.run(["git", "ls-files", "-z"], cwd=root, check=True,
                           stdout=subprocess.PIPE).stdout.decode().split("\0")
    if os.path.isdir(dst):
        shutil.rmtree(dst)
    for f in files:
        if not f or not os.path.isfile(os.path.join(root, f)):
            continue
        os.makedirs(os.path.join(dst, os.path.dirname(f)), exist_ok=True)
        shutil.copy2(os.path.join(root, f), os.path.join(dst, f))
    # The tools are those of the real tree (make's install check is skipped in the copy).
    os.makedirs(os.path.join(dst, "build"), exist_ok=True)
    open(os.path.join(dst, "build", ".tools-ok"), "w").close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--only", default="", help="comma-separated mutant ids")
    ap.add_argument("--kind", default="", help="rtl, fw or sim: only mutants of that kind")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    muts = [m for m in MUTANTS if (not args.only or m[0] in args.only.split(",")) and
            (not args.kind or m[1] == args.kind)]
    if args.list:
        for m in MUTANTS:
            print(f"{m[0]:28s} {m[1]:3s} {m[2]:32s} {m[6]}")
        return 0
    root = os.getcwd()
    work = os.path.abspath(os.path.join(args.build, "mutate"))
    tree = os.path.join(work, "tree")
    log = os.path.join(work, "mutate.log")
    os.makedirs(work, exist_ok=True)
    open(log, "w").close()
    sim_bin = os.path.abspath(os.path.join(args.build, "sim", "Vsoc_top"))
    xbin = os.path.join(tree, "build", "rtl", "xlate", "Viommu_xlate")
    kinds = {m[1] for m in muts}
    if "fw" in kinds and not os.path.isfile(sim_bin):
        print(f"mutate: {sim_bin} missing: run make sim first")
        return 2
    t_all = time.time()
    print(f"mutate: copying the tree to {os.path.relpath(tree, root)}; log in "
          f"{os.path.relpath(log, root)}", flush=True)
    copy_tree(root, tree)

    def build(kind):
        target = {"rtl": "build/rtl/xlate/Viommu_xlate", "fw": "build/fw/fw.hex",
                  "sim": "sim"}[kind]
        return run(["make", "--no-print-directory", "BUILD=build", target], tree, log)

    def run_tests(kind, tests):
        """Names of the tests that failed."""
        bad = []
        for t in tests:
            if kind == "rtl":
                rc = run([xbin, "+test=" + t], tree, log, TIMEOUT)
            else:
                name, seed = t.split(":")
                binary = sim_bin if kind == "fw" else os.path.join(tree, "build", "sim",
                                                                   "Vsoc_top")
                rc = run([binary, "+test=" + name, "+seed=" + seed], tree, log, TIMEOUT)
            if rc != 0:
                bad.append(t + (" (timeout)" if rc == "timeout" else ""))
        return bad

    # Baseline: the unmodified copy passes every test the mutants use.
    for kind in sorted(kinds):
        if build(kind) != 0:
            print(f"mutate: baseline {kind} build failed (see the log)")
            return 2
        tests = sorted({t for m in muts if m[1] == kind for t in m[5]})
        bad = run_tests(kind, tests)
        if bad:
            print(f"mutate: baseline fails without any mutant: {', '.join(bad)}")
            return 2
        print(f"mutate: baseline {kind}: {len(tests)} tests pass", flush=True)

    caught = survived = skipped = 0
    for mid, kind, path, old, new, tests, what in muts:
        t0 = time.time()
        src = os.path.join(tree, path)
        orig = open(src).read()
        if orig.count(old) != 1:
            print(f"mutant {mid:28s} not applied ({path}: the line matches "
                  f"{orig.count(old)} times)", flush=True)
            skipped += 1
            continue
        try:
            open(src, "w").write(orig.replace(old, new))
            with open(log, "a") as f:
                f.write(f"\n==== mutant {mid}: {path}: {what}\n")
            if build(kind) != 0:
                # Not a behaviour a test sees (e.g. -Wall: a bit left unused): fix the mutant.
                res, detail = "BUILD-FAIL", "the mutant does not build (see the log)"
            else:
                bad = run_tests(kind, tests)
                res = "caught" if bad else "SURVIVED"
                detail = ("failing: " + ", ".join(bad)) if bad else \
                    "passing: " + ", ".join(tests)
        finally:
            open(src, "w").write(orig)
        if res == "caught":
            caught += 1
        elif res == "SURVIVED":
            survived += 1
        else:
            skipped += 1
        print(f"mutant {mid:28s} {res:8s} {time.time() - t0:5.0f} s  {what}; {detail}",
              flush=True)
    print(f"mutate: {caught} caught, {survived} survived, {skipped} not applied or not built "
          f"({time.time() - t_all:.0f} s)")
    return 0 if survived == 0 and skipped == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
