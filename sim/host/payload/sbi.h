/* SPDX-License-Identifier: Apache-2.0 */
/* SBI calls and console output of the S-mode payload (sbi.c). */
#ifndef PAYLOAD_SBI_H
#define PAYLOAD_SBI_H

#include <stdarg.h>
#include <stdint.h>

/** sbi_putchar() - one console byte (legacy SBI console_putchar, EID 0x01). */
void sbi_putchar(char c);
/**
 * sbi_shutdown() - end the run: SRST system reset (shutdown; @fail selects the reason "system
 * failure"), falling back to the legacy shutdown call. Does not return.
 */
void sbi_shutdown(int fail) __attribute__((noreturn));
/** sbi_impl() - implementation id and version (base extension), for the log. */
void sbi_impl(long *id, long *version);

/**
 * pr() - formatted console output: %s %c %d %u %x with an optional l/ll size and a 0-padded
 * width (%016lx).
 */
void pr(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* PAYLOAD_SBI_H */
