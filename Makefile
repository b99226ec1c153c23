# Builds and installs candor: `make` builds a release binary, `make install PREFIX=... [DESTDIR=...]`
# installs it with its man page and bash, zsh and fish completions, `make uninstall` removes them.
PREFIX ?= /usr/local
DESTDIR ?=
SCRATCH ?= .build-static
COMMIT := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
# Linux links the Swift runtime and Foundation in, so the binary runs where no Swift is installed.
STATIC := $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib,)
BUILD_FLAGS := -c release $(STATIC) --scratch-path $(SCRATCH) -Xcc -DCANDOR_COMMIT=$(COMMIT)
BINARY := $(SCRATCH)/release/candor

BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
GENERATED := $(SCRATCH)/share

.PHONY: all build install uninstall clean

all: build

# The rules are embedded first, so the binary carries the rule files as they are now.
build:
	bash Scripts/embed-rulesets.sh
	swift build $(BUILD_FLAGS)

# The man page comes from swift-argument-parser's manual generator (its own small build, so the
# release binary above is left as built), run on the binary itself; completions from the binary.
$(GENERATED)/candor.1: build
	mkdir -p $(GENERATED)
	swift build --product generate-manual --scratch-path $(SCRATCH)-tools
	$(SCRATCH)-tools/debug/generate-manual "$(abspath $(BINARY))" --output-directory $(GENERATED)

install: build $(GENERATED)/candor.1
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(BINARY) $(BINDIR)/candor
	install -m 0644 $(GENERATED)/candor.1 $(MANDIR)/candor.1
	$(BINARY) --generate-completion-script bash > $(BASHDIR)/candor
	$(BINARY) --generate-completion-script zsh > $(ZSHDIR)/_candor
	$(BINARY) --generate-completion-script fish > $(FISHDIR)/candor.fish

uninstall:
	rm -f $(BINDIR)/candor $(MANDIR)/candor.1 $(BASHDIR)/candor $(ZSHDIR)/_candor $(FISHDIR)/candor.fish

clean:
	rm -rf $(SCRATCH) $(SCRATCH)-tools
