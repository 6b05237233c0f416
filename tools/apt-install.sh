#!/bin/sh
# apt-install.sh PKG...: installs the Debian packages among PKG that are not
# installed yet (apt-get, through sudo when not root). The one install step of
# make deps and of the feature makefiles' *-deps targets.
missing=""
for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -n "$missing" ] || exit 0
echo "installing:$missing"
if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
# RUNLEVEL=1 keeps Debian from starting the services it installs (nginx).
$SUDO apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 $SUDO apt-get install -y -qq $missing
