/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Entry of the S-mode payload (OpenSBI fw_jump starts it at 0x8020_0000 in S-mode with
 * a0 = hart id, a1 = device tree) and its trap vector.
 */
	.section .text.entry, "ax"
	.globl	_start
_start:
	/* No FPU use, no virtual memory: satp stays Bare, physical addresses throughout. */
	csrw	sie, zero
	la	sp, __stack_top
	mv	s0, a0
	mv	s1, a1
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	la	t0, trap_entry
	csrw	stvec, t0
	mv	a0, s0
	mv	a1, s1
	call	payload_main
3:	wfi
	j	3b

	/*
	 * S-mode trap vector (direct mode): save the caller-saved registers, call
	 * trap_handler(scause, sepc, stval) in C, restore, sret. The payload takes interrupts
	 * only while it waits in C code, so the callee-saved registers need no saving here.
	 */
	.align	4
	.globl	trap_entry
trap_entry:
	addi	sp, sp, -128
	sd	ra, 0(sp)
	sd	t0, 8(sp)
	sd	t1, 16(sp)
	sd	t2, 24(sp)
	sd	a0, 32(sp)
	sd	a1, 40(sp)
	sd	a2, 48(sp)
	sd	a3, 56(sp)
	sd	a4, 64(sp)
	sd	a5, 72(sp)
	sd	a6, 80(sp)
	sd	a7, 88(sp)
	sd	t3, 96(sp)
	sd	t4, 104(sp)
	sd	t5, 112(sp)
	sd	t6, 120(sp)
	csrr	a0, scause
	csrr	a1, sepc
	csrr	a2, stval
	call	trap_handler
	ld	ra, 0(sp)
	ld	t0, 8(sp)
	ld	t1, 16(sp)
	ld	t2, 24(sp)
	ld	a0, 32(sp)
	ld	a1, 40(sp)
	ld	a2, 48(sp)
	ld	a3, 56(sp)
	ld	a4, 64(sp)
	ld	a5, 72(sp)
	ld	a6, 80(sp)
	ld	a7, 88(sp)
	ld	t3, 96(sp)
	ld	t4, 104(sp)
	ld	t5, 112(sp)
	ld	t6, 120(sp)
	addi	sp, sp, 128
	sret
