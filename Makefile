# The two commands of the README:
#   make run    install what is missing, build, and run Vecinos from the build tree
#   make test   install what is missing, build, and run every test
BUILDDIR ?= build
ARGS ?=

.PHONY: run test build deps clean

run: build
	$(BUILDDIR)/src/vecinos $(ARGS)

test: build
	@status=0; \
	xvfb-run -a -s "-screen 0 1280x800x24" meson test -C $(BUILDDIR) --print-errorlogs || status=$$?; \
	python3 tools/test-summary.py $(BUILDDIR)/meson-logs/testlog.json || status=1; \
	exit $$status

build: deps
	@if [ ! -f $(BUILDDIR)/build.ninja ]; then meson setup $(BUILDDIR); fi
	meson compile -C $(BUILDDIR)

deps:
	@./tools/install-deps.sh

clean:
	rm -rf $(BUILDDIR)
