#!/bin/sh
# runtime-stage.sh: the runtime stage's one RUN in the Dockerfile, also run by
# chroot-check.sh inside its runtime root. Installs only the shared libraries
# build/newsd links (apt brings their own dependencies), creates the unprivileged
# user newsd (uid and gid 10001, fixed so that a bind-mounted host folder can be
# chown'ed to it ahead of time) and the /data folder it owns.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    libmicrohttpd12 libjansson4 libsqlite3-0 libdeflate0 liblz4-1 >/dev/null
rm -rf /var/lib/apt/lists/*
groupadd --system --gid 10001 newsd
useradd --system --uid 10001 --gid newsd --home-dir /data --no-create-home \
    --shell /usr/sbin/nologin newsd
install -d -o newsd -g newsd -m 0750 /data
install -d -m 0755 /usr/share/newsd
