/* SPDX-License-Identifier: Apache-2.0 */
/* Reset entry of the management core: gp, sp, trap vector, .bss clear, then main(). */

	.section .text.start, "ax"
	.globl	_start
_start:
	/* gp must be set without relaxation, or the assembler rewrites it relative to itself. */
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	la	sp, __stack_top
	la	t0, trap_entry
	csrw	mtvec, t0

	/* .data is part of the RAM image; only .bss needs clearing. */
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sw	zero, 0(t0)
	addi	t0, t0, 4
	j	1b
2:
	call	main
	/* main() never returns; if it does, that is a panic. */
	li	a0, 0xFFFF
	call	fw_panic
3:	j	3b

	/* Direct-mode mtvec: 4-byte aligned. Any trap is fatal in this firmware. */
	.balign	4
	.globl	trap_entry
trap_entry:
	csrr	a0, mcause
	csrr	a1, mepc
	csrr	a2, mtval
	call	trap_report
4:	j	4b
