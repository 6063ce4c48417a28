// SPDX-License-Identifier: Apache-2.0
/* Tiny console printf over FWIF_CONSOLE: no libc, no 64-bit division. */
#include <stdarg.h>
#include <stdint.h>

#include "hal/console.h"
#include "hal/fwif.h"

void con_putc(char c)
{
	fwif_write32(FWIF_CONSOLE, (uint8_t)c);
}

void con_puts(const char *s)
{
	while (*s)
		con_putc(*s++);
}

static void put_hex(uint64_t v, int width)
{
	char buf[16];
	int n = 0;

	do {
		buf[n++] = "0123456789abcdef"[v & 0xF];
		v >>= 4;
	} while (v && n < 16);
	while (n < width && n < 16)
		buf[n++] = '0';
	while (n)
		con_putc(buf[--n]);
}

static void put_dec(uint32_t v, int width)
{
	char buf[10];
	int n = 0;

	do {
		buf[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < width && n < 10)
		buf[n++] = '0';
	while (n)
		con_putc(buf[--n]);
}

void con_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		int width = 0, lng = 0;

		if (*fmt != '%') {
			con_putc(*fmt);
			continue;
		}
		fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l') {
			lng++;
			fmt++;
		}
		switch (*fmt) {
		case 's':
			con_puts(va_arg(ap, const char *));
			break;
		case 'c':
			con_putc((char)va_arg(ap, int));
			break;
		case 'd': {
			int32_t v = lng ? (int32_t)va_arg(ap, long) : va_arg(ap, int);

			if (v < 0) {
				con_putc('-');
				put_dec(0u - (uint32_t)v, width);
			} else {
				put_dec((uint32_t)v, width);
			}
			break;
		}
		case 'u':
			put_dec(lng ? (uint32_t)va_arg(ap, unsigned long)
				    : va_arg(ap, unsigned int),
				width);
			break;
		case 'x':
			if (lng >= 2)
				put_hex(va_arg(ap, unsigned long long), width);
			else if (lng)
				put_hex(va_arg(ap, unsigned long), width);
			else
				put_hex(va_arg(ap, unsigned int), width);
			break;
		case '%':
			con_putc('%');
			break;
		case '\0':
			fmt--; /* lone '%' at the end */
			break;
		default:
			con_putc('%');
			con_putc(*fmt);
			break;
		}
	}
	va_end(ap);
}
