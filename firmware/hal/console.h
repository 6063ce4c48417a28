/* SPDX-License-Identifier: Apache-2.0 */
/* Console output through FWIF_CONSOLE (testbench prints it; on the board: the UART). */
#ifndef HAL_CONSOLE_H
#define HAL_CONSOLE_H

/** con_putc() - one byte to the console. */
void con_putc(char c);
/** con_puts() - a string, no newline added. */
void con_puts(const char *s);
/** con_printf() - tiny printf: %s %c %d %u %x %lx %llx %% (with an optional 0-pad width). */
void con_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* HAL_CONSOLE_H */
