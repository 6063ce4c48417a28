/* SPDX-License-Identifier: Apache-2.0 */
/* Tiny host unit-test framework: UNIT_TEST(name) { ... UT_CHECK(...); } */
#ifndef UNIT_H
#define UNIT_H

#include <stdint.h>
#include <stdio.h>

struct unit_test {
	const char *name;
	void (*fn)(void);
	struct unit_test *next;
};
void unit_register(struct unit_test *t);
void unit_fail(const char *file, int line, const char *expr);

#define UNIT_TEST(tname)                                                       \
	static void unit_fn_##tname(void);                                     \
	static struct unit_test unit_t_##tname = {#tname, unit_fn_##tname, 0}; \
	__attribute__((constructor)) static void unit_reg_##tname(void)        \
	{                                                                      \
		unit_register(&unit_t_##tname);                                \
	}                                                                      \
	static void unit_fn_##tname(void)

#define UT_CHECK(cond)                                        \
	do {                                                  \
		if (!(cond))                                  \
			unit_fail(__FILE__, __LINE__, #cond); \
	} while (0)
#define UT_EQ(a, b)                                                                              \
	do {                                                                                     \
		unsigned long long a_ = (unsigned long long)(a);                                 \
		unsigned long long b_ = (unsigned long long)(b);                                 \
		if (a_ != b_) {                                                                  \
			char m_[160];                                                            \
			snprintf(m_, sizeof(m_), "%s == %s (0x%llx != 0x%llx)", #a, #b, a_, b_); \
			unit_fail(__FILE__, __LINE__, m_);                                       \
		}                                                                                \
	} while (0)

#endif /* UNIT_H */
