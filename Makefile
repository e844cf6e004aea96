# The two commands of the README:
#   make run    install what is missing, build, and run Vecinos from the build tree
#   make test   install what is missing, build, and run every test; then the
#               model, layout and chart tests and the fuzz corpus replays
#               again under AddressSanitizer and UBSan (in build-asan/)
# And one more, not part of the tests:
#   make fuzz   fuzz each target of tests/fuzz/ for FUZZ_SECONDS (clang)
BUILDDIR ?= build
ASANDIR ?= build-asan
FUZZDIR ?= build-fuzz
FUZZ_SECONDS ?= 600
ARGS ?=

# The suites run again under the sanitizers: no GUI there (no Xvfb needed)
ASAN_SUITES = --suite model --suite layout --suite chart --suite fuzz
# UBSan stops at its first report; LeakSanitizer ignores fontconfig's
# lifelong caches (tests/lsan.supp) and nothing else
SANITIZER_ENV = UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	ASAN_OPTIONS=detect_leaks=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0

.PHONY: run test build asan-build fuzz deps clean

run: build
	$(BUILDDIR)/src/vecinos $(ARGS)

test: build asan-build
	@status=0; \
	rm -f $(BUILDDIR)/meson-logs/testlog.json $(ASANDIR)/meson-logs/testlog.json; \
	xvfb-run -a -s "-screen 0 1280x800x24" meson test -C $(BUILDDIR) --print-errorlogs || status=$$?; \
	$(SANITIZER_ENV) meson test -C $(ASANDIR) --print-errorlogs $(ASAN_SUITES) || status=$$?; \
	python3 tools/test-summary.py $(BUILDDIR)/meson-logs/testlog.json \
		$(ASANDIR)/meson-logs/testlog.json || status=1; \
	exit $$status

build: deps
	@if [ ! -f $(BUILDDIR)/build.ninja ]; then meson setup $(BUILDDIR); fi
	meson compile -C $(BUILDDIR)

# The same sources built with gcc's AddressSanitizer and UBSan
asan-build: deps
	@if [ ! -f $(ASANDIR)/build.ninja ]; then \
		meson setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false; fi
	$(SANITIZER_ENV) meson compile -C $(ASANDIR)

# libFuzzer with clang: each fuzz target for FUZZ_SECONDS on a copy of its
# corpus (new inputs stay in $(FUZZDIR)/corpus-*; the seeds are copied
# over them each time, so that seeds remade in a new dataset format
# replace the old ones), one process at a time,
# going on after a finding; crashers, hangs and leaks are saved to
# tests/fuzz/crashers/. See the README, "Fuzzing".
fuzz: deps
	@./tools/install-deps.sh --fuzz
	@if [ ! -f $(FUZZDIR)/build.ninja ]; then \
		CC=clang meson setup $(FUZZDIR) -Dwerror=false -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false; fi
	$(SANITIZER_ENV) meson compile -C $(FUZZDIR)
	@mkdir -p tests/fuzz/crashers; status=0; \
	for target in scale dataset timelinejs; do \
		mkdir -p $(FUZZDIR)/corpus-$$target; \
		cp tests/fuzz/corpus-$$target/* $(FUZZDIR)/corpus-$$target/; \
		if [ $$target = dataset ]; then cp $(FUZZDIR)/tests/test.sqlite $(FUZZDIR)/corpus-dataset/mini.sqlite; fi; \
		echo "Fuzzing $$target for $(FUZZ_SECONDS) s"; \
		if [ $$target = dataset ]; then max_len=1048576; else max_len=4096; fi; \
		$(SANITIZER_ENV) nice $(FUZZDIR)/tests/fuzz/fuzz-$$target \
			-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=$$max_len \
			-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
			-artifact_prefix=tests/fuzz/crashers/$$target- \
			$(FUZZDIR)/corpus-$$target || status=1; \
	done; \
	exit $$status

deps:
	@./tools/install-deps.sh

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(FUZZDIR)
