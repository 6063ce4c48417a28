# placeholder: filled in by the simulation area
TEST_TARGETS += simtest
.PHONY: simtest
simtest:
	@true
