# placeholder: filled in by the register-description area
TEST_TARGETS += check-generated
.PHONY: regs check-generated
regs check-generated:
	@true
