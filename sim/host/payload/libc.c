// SPDX-License-Identifier: Apache-2.0
/* The two C library calls gcc may emit on its own in freestanding code (struct copies/zeroing). */
#include <stddef.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d       = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}
