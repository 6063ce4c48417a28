// SPDX-License-Identifier: Apache-2.0
/* Runner for host unit tests: runs every registered UNIT_TEST, or those named on the command line. */
#include <stdio.h>
#include <string.h>

#include "unit.h"

static struct unit_test *tests;
static int cur_failed;

void unit_register(struct unit_test *t)
{
	t->next = tests;
	tests	= t;
}

void unit_fail(const char *file, int line, const char *expr)
{
	printf("    %s:%d: check failed: %s\n", file, line, expr);
	cur_failed = 1;
}

static int selected(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;

	/* Registration order is reversed; restore file order for readable logs. */
	struct unit_test *rev = NULL;
	while (tests) {
		struct unit_test *n = tests->next;
		tests->next	    = rev;
		rev		    = tests;
		tests		    = n;
	}
	for (struct unit_test *t = rev; t; t = t->next) {
		if (!selected(t->name, argc, argv))
			continue;
		cur_failed = 0;
		t->fn();
		printf("%s %s\n", cur_failed ? "FAIL" : "ok  ", t->name);
		if (cur_failed)
			failed++;
		else
			passed++;
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
