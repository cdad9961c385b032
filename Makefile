# The two commands of the README — `make test` and `make demo` — and the
# developer's shortcuts. Everything runs natively on a host with Qt >= 6.5,
# KF6 and libssh >= 0.10, otherwise inside the Debian 13 root of lab/devroot.
PRESET ?= ci
DEVROOT := lab/devroot/devroot
SETUP = $(shell lab/setup-host)
ENV = $(if $(filter native,$(SETUP)),,$(DEVROOT) run build --) env $(CCACHE_ENV)
# ccache keyed on paths relative to the clone, so a fresh clone (CI) reuses
# what an earlier one compiled.
CCACHE_ENV = CCACHE_BASEDIR=$(CURDIR) CCACHE_NOHASHDIR=1

.PHONY: test demo build configure shell format tidy clean

test:
	$(ENV) sh -c 'cmake --preset $(PRESET) && cmake --build --preset $(PRESET) && ctest --preset $(PRESET)'

# The console on a cluster of this machine (lab/demo/omdemo), built with the demo preset
# (release, without the kernel roots and tests).
# The build root does not see the user's files: the display's cookie goes in by the environment.
demo:
	$(ENV) sh -c 'cmake --preset demo && cmake --build --preset demo --target omagentd omtools omcollectord omview'
	$(ENV) OMDEMO_XAUTHORITY_DATA="$$(base64 -w0 "$${XAUTHORITY:-$$HOME/.Xauthority}" 2>/dev/null)" \
		lab/demo/omdemo --build build/demo

build:
	$(ENV) sh -c 'cmake --preset $(PRESET) && cmake --build --preset $(PRESET)'

shell:
	$(DEVROOT) shell build

format:
	$(ENV) sh -c 'git ls-files "*.c" "*.h" "*.cpp" | xargs clang-format -i'

tidy: build
	$(ENV) sh -c 'git ls-files "agent/*.cpp" "app/*.cpp" "collector/*.cpp" | xargs clang-tidy -p build/$(PRESET) --quiet'

clean:
	rm -rf build
