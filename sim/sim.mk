# placeholder: filled in by the owning area
.PHONY: simtest
simtest:
	@true
