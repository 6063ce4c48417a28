// SPDX-License-Identifier: Apache-2.0
/* SBI calls (SBI v1.0 calling convention: a7 = EID, a6 = FID, a0.. args) and a small printf. */
#include "sbi.h"

#include <stdbool.h>

/* clang-format off */
#define SBI_EID_LEGACY_PUTCHAR  0x01
#define SBI_EID_LEGACY_SHUTDOWN 0x08
#define SBI_EID_BASE            0x10
#define SBI_EID_SRST            0x53525354
#define SBI_BASE_IMPL_ID        1
#define SBI_BASE_IMPL_VERSION   2
#define SBI_SRST_SHUTDOWN       0
#define SBI_SRST_REASON_NONE    0
#define SBI_SRST_REASON_FAIL    1
/* clang-format on */

struct sbiret {
	long error, value;
};

static struct sbiret sbi_call(long eid, long fid, long a0, long a1)
{
	register long r_a0 __asm__("a0") = a0;
	register long r_a1 __asm__("a1") = a1;
	register long r_a6 __asm__("a6") = fid;
	register long r_a7 __asm__("a7") = eid;

	__asm__ volatile("ecall" : "+r"(r_a0), "+r"(r_a1) : "r"(r_a6), "r"(r_a7) : "memory");
	return (struct sbiret){r_a0, r_a1};
}

void sbi_putchar(char c)
{
	sbi_call(SBI_EID_LEGACY_PUTCHAR, 0, (unsigned char)c, 0);
}

void sbi_impl(long *id, long *version)
{
	*id	 = sbi_call(SBI_EID_BASE, SBI_BASE_IMPL_ID, 0, 0).value;
	*version = sbi_call(SBI_EID_BASE, SBI_BASE_IMPL_VERSION, 0, 0).value;
}

void sbi_shutdown(int fail)
{
	sbi_call(SBI_EID_SRST, 0, SBI_SRST_SHUTDOWN,
		 fail ? SBI_SRST_REASON_FAIL : SBI_SRST_REASON_NONE);
	sbi_call(SBI_EID_LEGACY_SHUTDOWN, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

static void put_str(const char *s)
{
	while (*s)
		sbi_putchar(*s++);
}

static void put_num(unsigned long long v, unsigned base, int width, bool zero, bool neg)
{
	char buf[24];
	int n = 0;

	do {
		unsigned d = (unsigned)(v % base);

		buf[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= base;
	} while (v);
	if (neg)
		buf[n++] = '-';
	for (; n < width; width--)
		sbi_putchar(zero ? '0' : ' ');
	while (n)
		sbi_putchar(buf[--n]);
}

void pr(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		int width = 0, lng = 0;
		bool zero = false;

		if (*fmt != '%') {
			sbi_putchar(*fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0') {
			zero = true;
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l') {
			lng++;
			fmt++;
		}
		switch (*fmt) {
		case 's':
			put_str(va_arg(ap, const char *));
			break;
		case 'c':
			sbi_putchar((char)va_arg(ap, int));
			break;
		case 'd': {
			long long v = lng ? va_arg(ap, long long) : va_arg(ap, int);

			put_num(v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, 10,
				width, zero, v < 0);
			break;
		}
		case 'u':
		case 'x': {
			unsigned long long v =
				lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);

			put_num(v, *fmt == 'u' ? 10 : 16, width, zero, false);
			break;
		}
		case '%':
			sbi_putchar('%');
			break;
		default:
			sbi_putchar('?');
			break;
		}
	}
	va_end(ap);
}
