#!/bin/sh
# build-stage.sh deps|build: the build stage of the Dockerfile, also run by
# chroot-check.sh inside its build chroot, so that the two cannot drift apart.
# Runs as root from the top folder of the source (/src in the image).
#
#   deps   installs make, then `make deps`: the packages are the Makefile's
#          DEPS_PKGS, the very list CI and developers install.
#   build  `make deps` again (a no-op unless a mk/*.mk feature file added
#          packages), builds build/newsd, then runs NEWSD_TEST_TARGETS.
#
# NEWSD_TEST_TARGETS defaults to "lint unit api": the lint, the unit tests and
# the API tests against the very release binary the image ships (they take
# seconds). Not `make test`: its `san` step builds everything a second time
# with ASan+UBSan, a binary the image does not ship, and its TEST_EXTRA targets
# (fuzzing, benchmarks, ...) have no time bound fit for an image build; CI runs
# all of that on every submission. `--build-arg NEWSD_TEST_TARGETS=test` runs
# the whole of CI's `make test` in the image; an empty value runs no test.
set -eu
export DEBIAN_FRONTEND=noninteractive
targets=${NEWSD_TEST_TARGETS-lint unit api}

case ${1:-} in
deps)
    if ! command -v make >/dev/null 2>&1; then
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends make >/dev/null
    fi
    # The Makefile lists server/*.c when it is read; before the sources are
    # copied in, an empty folder keeps its `find` quiet.
    mkdir -p server
    make deps
    ;;
build)
    make deps
    make -j"$(nproc)" build/newsd
    if [ -n "$targets" ]; then
        echo "build-stage: make $targets"
        # shellcheck disable=SC2086 # a list of targets
        make $targets
    fi
    ./build/newsd version
    ;;
*)
    echo "usage: build-stage.sh deps|build" >&2
    exit 2
    ;;
esac
