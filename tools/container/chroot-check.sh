#!/usr/bin/env bash
# chroot-check.sh: replays the Dockerfile on a machine without a Docker engine,
# in Debian bookworm chroots made by debootstrap, and checks the result.
#
#   1. a minimal bookworm root (debootstrap --variant=minbase, the closest thing
#      to debian:bookworm-slim), made once and kept as a tarball in the cache;
#   2. build stage: a fresh copy of that root, the sources copied to /src as
#      `docker build` sees them, then tools/container/build-stage.sh deps and
#      build, as root (the Dockerfile's RUN lines run these same scripts);
#   3. runtime stage: a second fresh copy, tools/container/runtime-stage.sh,
#      then what the Dockerfile's COPY lines put there (binary, entrypoint,
#      healthcheck, samples);
#   4. runs the entrypoint there as the user newsd, as the image's ENTRYPOINT
#      and CMD do, with the Dockerfile's environment except that it binds
#      127.0.0.1 on a free port (this host allows loopback traffic only); reads
#      the "newsd listening on" line; from outside the chroot GETs /health,
#      /ready and /articles?limit=1 and checks that every sample was loaded;
#      runs the image's HEALTHCHECK command; stops the server with SIGTERM (it
#      must exit 0); starts it again on the now existing database (the samples
#      must not load twice) and stops it again;
#   5. prints a summary with the time of each step.
#
# Usage (as root, from anywhere):
#   tools/container/chroot-check.sh [--head] [--keep] [--refresh] [--tests TARGETS]
#     --head       build the committed HEAD (git archive) instead of the work tree
#     --keep       keep the work folder (both roots and the logs) afterwards
#     --refresh    debootstrap the base root again instead of reusing the cache
#     --tests T    NEWSD_TEST_TARGETS of the build stage (default "lint unit api",
#                  as in the Dockerfile; "test" runs all of `make test`, "" none)
#   Environment:
#     NEWSD_CHROOT_CACHE  cache and work folder (default /var/tmp/newsd-chroot):
#                         the base tarball and apt's .deb files, reused by later runs
#     NEWSD_MIRROR        Debian mirror (default: the one this machine's apt uses
#                         for bookworm); NEWSD_SECURITY_MIRROR likewise
# Exit status: 0 passed, 1 a step or check failed, 2 usage, not root or a
# missing host tool, 3 the Debian mirror cannot be reached.
#
# Every step is bounded in time: debootstrap 20 min, build deps 20 min, build
# and tests 30 min, runtime packages 10 min, each server start 60 s, each
# request 5 s, each stop 30 s. All mounts (the tmpfs that holds both roots,
# their /proc and /dev/shm, apt's .deb cache) are made in a mount namespace of
# this script's own: the exit trap unmounts them, and they vanish with the
# namespace whatever happens. The last run's logs stay in $cache/last-logs/.
set -euo pipefail

script=$(readlink -f "${BASH_SOURCE[0]}")
repo=$(cd "$(dirname "$script")/../.." && pwd)
cache=${NEWSD_CHROOT_CACHE:-/var/tmp/newsd-chroot}
suite=bookworm
use_head=no keep=no refresh=no
tests="lint unit api"
newsd_uid=10001
runtime_pkgs="libmicrohttpd12 libjansson4 libsqlite3-0 libdeflate0 liblz4-1"
chroot_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

usage() {
    sed -n '/^# Usage/,/^# Exit status/p' "$script" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2
}
args=("$@")
while [ $# -gt 0 ]; do
    case $1 in
    --head) use_head=yes ;;
    --keep) keep=yes ;;
    --refresh) refresh=yes ;;
    --tests)
        [ $# -ge 2 ] || usage
        tests=$2
        shift
        ;;
    --tests=*) tests=${1#--tests=} ;;
    *) usage ;;
    esac
    shift
done

say() { printf 'chroot-check: %s\n' "$*"; }
die() {
    say "FAILED: $*" >&2
    exit 1
}

[ "$(id -u)" = 0 ] || { say "run as root (debootstrap, chroot and mount need it)" >&2; exit 2; }
for tool in unshare chroot mount umount tar curl mkfifo timeout awk; do
    command -v "$tool" >/dev/null 2>&1 || { say "missing host tool: $tool" >&2; exit 2; }
done

# A private mount namespace: nothing mounted below reaches the host's mount
# table, and all of it goes away with this script's last process, even on
# SIGKILL. The network namespace stays the host's: the server is reached on
# loopback from outside the chroot.
if [ "${NEWSD_CHROOT_CHECK_NS:-}" != 1 ]; then
    exec env NEWSD_CHROOT_CHECK_NS=1 unshare --mount --propagation private -- \
        bash "$script" ${args[@]+"${args[@]}"}
fi

t_start=$SECONDS
exec 8>&1 9>&2
timings=()
step_t=0
step_name=
step() { # step NAME: starts timing a step
    step_name=$1
    step_t=$SECONDS
    say "-- $step_name"
}
step_done() { # step_done [NOTE]
    local d=$((SECONDS - step_t))
    timings+=("$(printf '%-34s %4ds  %s' "$step_name" "$d" "${1:-}")")
}

# --- cleanup -------------------------------------------------------------------
work=
mounts=()
server_pid=
drain_pid=

# bounded SECONDS CMD...: runs CMD under timeout(1), in the background so that
# a SIGINT or SIGTERM of this script runs the exit trap at once (bash runs traps
# only between commands, but does interrupt `wait`); the trap then stops it.
step_pid=
bounded() {
    local bound=$1 rc=0
    shift
    timeout --kill-after=10 "$bound" "$@" </dev/null &
    step_pid=$!
    wait "$step_pid" || rc=$?
    step_pid=
    [ "$rc" != 124 ] || say "timed out after ${bound} s: $*" >&2
    return "$rc"
}

stop_rc=
stop_pid() { # stop_pid PID SECONDS: SIGTERM, SIGKILL after SECONDS; sets stop_rc
    local pid=$1 bound=$2
    stop_rc=0
    kill -TERM "$pid" 2>/dev/null || true
    # Returns as soon as PID ends (tail checks it every 0.1 s), at the latest
    # after SECONDS; then `wait` collects the exit status.
    timeout "$bound" tail --pid="$pid" -s 0.1 -f /dev/null 2>/dev/null || true
    if kill -0 "$pid" 2>/dev/null; then
        say "PID $pid ignored SIGTERM for ${bound} s: SIGKILL" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || stop_rc=$?
}

mounted_under() { # prints the mount points under $1
    awk -v w="$1" '$5 == w || index($5, w "/") == 1 { print $5 }' /proc/self/mountinfo
}

cleanup() {
    local rc=$? m i
    trap - EXIT INT TERM
    exec 1>&8 2>&9 # a signal may land inside a step whose output goes to a log
    if [ -n "$step_pid" ] && kill -0 "$step_pid" 2>/dev/null; then
        say "stopping the running step" >&2
        stop_pid "$step_pid" 20 # timeout(1) passes the signal on to its command
    fi
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        stop_pid "$server_pid" 10
    fi
    if [ -n "$drain_pid" ]; then
        kill "$drain_pid" 2>/dev/null || true
        wait "$drain_pid" 2>/dev/null || true
    fi
    if [ -n "$work" ] && [ -d "$work/logs" ] && [ "$keep" = no ]; then
        rm -rf "$cache/last-logs"
        cp -R "$work/logs" "$cache/last-logs" 2>/dev/null || true
    fi
    local t_umount=$SECONDS
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        m=${mounts[i]}
        umount -R "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || say "could not unmount $m" >&2
    done
    [ $((SECONDS - t_umount)) -lt 2 ] || say "unmounted in $((SECONDS - t_umount)) s"
    if [ -n "$work" ] && [ -d "$work" ]; then
        if [ "$keep" = yes ]; then
            say "kept $work (roots: build/ runtime/, logs: logs/); remove it with rm -rf --one-file-system"
        elif [ -n "$(mounted_under "$work")" ]; then
            say "left $work in place: something is still mounted under it" >&2
        else
            rm -rf --one-file-system "$work"
        fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints the last lines of a log after a failed step.
show_log() {
    local where=$1
    [ "$keep" = yes ] || where="$cache/last-logs/${1##*/}"
    say "last lines of $where:" >&2
    tail -n 40 "$1" | sed 's/^/    /' >&2
}

# --- the mirror ------------------------------------------------------------------
# The first URI this machine's apt configuration uses for suite $1 (one-line
# .list files, then deb822 .sources files; disabled entries skipped).
apt_uri_for() {
    local s=$1 f
    {
        for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
            [ -f "$f" ] || continue
            awk -v s="$s" '$1 == "deb" {
                i = 2
                if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                if ($(i + 1) == s) print $i
            }' "$f"
        done
        for f in /etc/apt/sources.list.d/*.sources; do
            [ -f "$f" ] || continue
            awk -v s="$s" 'BEGIN { RS = ""; FS = "\n" }
            {
                uris = ""; suites = ""; types = ""; enabled = "yes"
                for (j = 1; j <= NF; j++) {
                    line = $j
                    if (line ~ /^[ \t]*#/ || index(line, ":") == 0) continue
                    key = tolower(substr(line, 1, index(line, ":") - 1))
                    val = substr(line, index(line, ":") + 1)
                    gsub(/^[ \t]+|[ \t]+$/, "", val)
                    if (key == "uris") uris = val
                    else if (key == "suites") suites = val
                    else if (key == "types") types = val
                    else if (key == "enabled") enabled = tolower(val)
                }
                if (enabled == "no" || types !~ /(^| )deb( |$)/) next
                n = split(suites, ss, /[ \t]+/)
                for (k = 1; k <= n; k++)
                    if (ss[k] == s) { split(uris, us, /[ \t]+/); print us[1] }
            }' "$f"
        done
    } | awk 'NR == 1'
}

mirror=${NEWSD_MIRROR:-$(apt_uri_for "$suite")}
mirror=${mirror:-http://deb.debian.org/debian}
mirror=${mirror%/}
security=${NEWSD_SECURITY_MIRROR:-$(apt_uri_for "$suite-security")}
security=${security%/}
# A proxy in apt's configuration is used by debootstrap and the chroots too.
proxy=$(apt-config dump 2>/dev/null | awk -F'"' '/^Acquire::http::Proxy /{ print $2; exit }' || true)
[ -z "$proxy" ] || export http_proxy=$proxy

mkdir -p "$cache/apt-archives"
work=$(mktemp -d "$cache/work.XXXXXX")
# Both roots live on a tmpfs (unless --keep): quick to fill, no disk I/O, and
# gone in one unmount; the logs are copied to $cache/last-logs at the end.
if [ "$keep" = no ]; then
    mount -t tmpfs -o "size=${NEWSD_CHROOT_TMPFS:-6g},mode=0700" newsd-chroot "$work"
    mounts+=("$work")
fi
logs=$work/logs
mkdir -p "$logs"

step "mirror $mirror"
if ! curl -fsS --max-time 20 -o /dev/null "$mirror/dists/$suite/Release" 2>"$logs/mirror.log"; then
    show_log "$logs/mirror.log"
    say "NO MIRROR: $mirror/dists/$suite/Release cannot be fetched; set NEWSD_MIRROR to a reachable Debian mirror" >&2
    exit 3
fi
step_done "reachable"

# --- 1. the base root ----------------------------------------------------------
base=$cache/base-$suite.tar
if [ "$refresh" = yes ] || [ ! -s "$base" ]; then
    step "debootstrap $suite (minbase)"
    if ! command -v debootstrap >/dev/null 2>&1; then
        say "installing debootstrap"
        bounded 300 apt-get install -y -qq debootstrap >"$logs/debootstrap-install.log" 2>&1 ||
            { show_log "$logs/debootstrap-install.log"; die "cannot install debootstrap"; }
    fi
    tmp=$work/base
    if ! bounded 1200 debootstrap --variant=minbase --cache-dir="$cache/apt-archives" \
        "$suite" "$tmp" "$mirror" >"$logs/debootstrap.log" 2>&1; then
        show_log "$logs/debootstrap.log"
        die "debootstrap failed (log above)"
    fi
    rm -f "$tmp"/var/cache/apt/archives/*.deb # the slim image keeps no .deb either
    tar --numeric-owner -C "$tmp" -cf "$base.tmp" . && mv -f "$base.tmp" "$base"
    echo "$mirror" >"$cache/base-$suite.mirror"
    rm -rf --one-file-system "$tmp"
    step_done "made, cached in $base"
else
    step "base root"
    step_done "reused $base"
fi

# prep_root DIR: a fresh root from the base, set up as the debian:bookworm-slim
# image is (apt sources for bookworm, -updates and -security; policy-rc.d), with
# /proc, a tmpfs /dev/shm and apt's shared .deb cache mounted.
prep_root() {
    local r=$1
    mkdir -p "$r"
    tar --numeric-owner -C "$r" -xf "$base"
    rm -f "$r/etc/apt/sources.list"
    {
        printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\n' "$mirror" "$suite" "$suite"
        printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
        if [ -n "$security" ]; then
            printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\n' "$security" "$suite"
            printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
        fi
    } >"$r/etc/apt/sources.list.d/debian.sources"
    [ -z "$proxy" ] || printf 'Acquire::http::Proxy "%s";\n' "$proxy" >"$r/etc/apt/apt.conf.d/01proxy"
    # As in Debian's container images: dpkg skips its fsync()s, apt fetches no
    # translations, and no service starts.
    echo force-unsafe-io >"$r/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
    echo 'Acquire::Languages "none";' >"$r/etc/apt/apt.conf.d/docker-no-languages"
    printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
    chmod 0755 "$r/usr/sbin/policy-rc.d"
    cp -L /etc/resolv.conf "$r/etc/resolv.conf"
    printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$r/etc/hosts"
    mount -t proc proc "$r/proc"
    mounts+=("$r/proc")
    if [ ! -c "$r/dev/null" ]; then # debootstrap made the device nodes; if not, the host's
        mount --rbind /dev "$r/dev"
        mounts+=("$r/dev")
    fi
    mkdir -p "$r/dev/shm"
    mount -t tmpfs -o mode=1777,nosuid,nodev shm "$r/dev/shm"
    mounts+=("$r/dev/shm")
    mkdir -p "$r/var/cache/apt/archives"
    mount --bind "$cache/apt-archives" "$r/var/cache/apt/archives"
    mounts+=("$r/var/cache/apt/archives")
}
in_root() { # in_root DIR SECONDS CMD...: runs CMD in DIR as root, bounded
    local r=$1 bound=$2
    shift 2
    bounded "$bound" env -i PATH="$chroot_path" HOME=/root LANG=C.UTF-8 \
        chroot "$r" "$@"
}

# --- 2. build stage ---------------------------------------------------------------
step "build root"
broot=$work/build
prep_root "$broot"
mkdir -p "$broot/src"
if [ "$use_head" = yes ]; then
    git -C "$repo" archive --format=tar HEAD | tar -C "$broot/src" -xf -
    source_desc="HEAD $(git -C "$repo" rev-parse --short HEAD) (git archive)"
elif git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # What `docker build` sends: the work tree, committed or not, less what
    # .gitignore (and so .dockerignore) leaves out: build/, databases, objects.
    (cd "$repo" && git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do
            if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi
        done | tar --null -T - -cf -) | tar -C "$broot/src" -xf -
    source_desc="work tree of $repo ($(git -C "$repo" rev-parse --short HEAD) + uncommitted changes)"
else
    tar -C "$repo" --exclude=./.git --exclude=./build --exclude='*.db' -cf - . | tar -C "$broot/src" -xf -
    source_desc="folder $repo"
fi
src=$broot/src
step_done "$source_desc"

# The steps below mirror the Dockerfile line by line; fail loudly if it moved.
for fact in 'FROM debian:bookworm-slim AS build' 'build-stage.sh deps' 'build-stage.sh build' \
    'ARG NEWSD_TEST_TARGETS="lint unit api"' 'runtime-stage.sh' \
    'COPY --from=build /src/build/newsd /usr/local/bin/newsd' \
    'COPY tools/container/entrypoint.sh /usr/local/bin/newsd-entrypoint' \
    'COPY tools/container/healthcheck.sh /usr/local/bin/newsd-healthcheck' \
    'COPY samples/ /usr/share/newsd/samples/' 'NEWSD_DB=/data/newsd.db' 'NEWSD_BIND=0.0.0.0' \
    'VOLUME /data' 'EXPOSE 8080' 'USER newsd' 'CMD ["/usr/local/bin/newsd-healthcheck"]' \
    'ENTRYPOINT ["/usr/local/bin/newsd-entrypoint"]' 'CMD ["serve"]'; do
    grep -qF -- "$fact" "$src/Dockerfile" ||
        die "the Dockerfile no longer has '$fact': update tools/container/chroot-check.sh with it"
done
grep -q "$runtime_pkgs" "$src/tools/container/runtime-stage.sh" ||
    die "runtime-stage.sh no longer installs '$runtime_pkgs': update chroot-check.sh with it"

step "build stage: deps"
if ! in_root "$broot" 1200 sh -c 'cd /src && sh tools/container/build-stage.sh deps' \
    >"$logs/build-deps.log" 2>&1; then
    show_log "$logs/build-deps.log"
    die "build stage (deps) failed"
fi
step_done "make deps: $(grep -m1 '^installing:' "$logs/build-deps.log" | wc -w | awk '{print $1 - 1}') packages + their dependencies"

step "build stage: build + tests"
if ! in_root "$broot" 1800 env NEWSD_TEST_TARGETS="$tests" \
    sh -c 'cd /src && sh tools/container/build-stage.sh build' >"$logs/build.log" 2>&1; then
    show_log "$logs/build.log"
    die "build stage (build/newsd, make ${tests:-<no tests>}) failed"
fi
version=$(tail -n 1 "$logs/build.log")
test_lines=$(grep -E 'Synthesis|^lint: ok' "$logs/build.log" |
    sed -e 's/^\[====\] Synthesis: //' -e 's/ *$//' | paste -sd ';' - | sed 's/;/; /g' || true)
step_done "make build/newsd, make ${tests:-<no tests>}: ${test_lines:-no test run}"

# --- 3. runtime stage -------------------------------------------------------------
step "runtime root"
rroot=$work/runtime
prep_root "$rroot"
cp "$src/tools/container/runtime-stage.sh" "$rroot/tmp/"
if ! in_root "$rroot" 600 sh -c 'sh /tmp/runtime-stage.sh && rm /tmp/runtime-stage.sh' \
    >"$logs/runtime.log" 2>&1; then
    show_log "$logs/runtime.log"
    die "runtime stage (runtime-stage.sh) failed"
fi
# The Dockerfile's COPY lines and its chmod.
install -m 0755 "$src/build/newsd" "$rroot/usr/local/bin/newsd"
install -m 0755 "$src/tools/container/entrypoint.sh" "$rroot/usr/local/bin/newsd-entrypoint"
install -m 0755 "$src/tools/container/healthcheck.sh" "$rroot/usr/local/bin/newsd-healthcheck"
mkdir -p "$rroot/usr/share/newsd/samples"
cp -R "$src/samples/." "$rroot/usr/share/newsd/samples/"
chmod -R a+rX "$rroot/usr/share/newsd"
# Only the runtime: every library resolves, and no compiler came along.
in_root "$rroot" 30 ldd /usr/local/bin/newsd >"$logs/ldd.log" 2>&1 || { show_log "$logs/ldd.log"; die "ldd failed"; }
if grep -q 'not found' "$logs/ldd.log"; then
    show_log "$logs/ldd.log"
    die "the runtime root lacks a library of build/newsd"
fi
for tool in cc gcc make curl; do
    if in_root "$rroot" 10 sh -c "command -v $tool" >/dev/null 2>&1; then
        die "the runtime root holds $tool: only the runtime belongs there"
    fi
done
[ "$(in_root "$rroot" 10 id -u newsd)" = "$newsd_uid" ] || die "user newsd is not uid $newsd_uid"
[ "$(stat -c %u "$rroot/data")" = "$newsd_uid" ] || die "/data is not owned by newsd"
rsize=$(du -sxm --exclude="$rroot/var/cache/apt/archives" "$rroot" | awk '{print $1}')
step_done "$runtime_pkgs; ${rsize} MB; ldd ok; no cc/make/curl"

# --- 4. run it ---------------------------------------------------------------------
# Samples the entrypoint should load: one article per .txt or .json file, one
# per non-blank line of a .jsonl file.
expected=$(( $(find "$src/samples" -type f \( -name '*.txt' -o -name '*.json' \) | wc -l) +
    $(find "$src/samples" -type f -name '*.jsonl' -exec cat {} + | grep -c '[^[:space:]]' || true) ))

port=
ingest_line=
# start_server LABEL: the image's ENTRYPOINT + CMD as user newsd; sets
# server_pid, port, ingest_line; the server's stdout ends in
# logs/LABEL.out, its stderr (log lines, the entrypoint's notes) in LABEL.err.
start_server() {
    local label=$1 fifo=$work/stdout.fifo line deadline left
    port='' ingest_line=''
    rm -f "$fifo"
    mkfifo "$fifo"
    env -i PATH="$chroot_path" HOME=/data NEWSD_DB=/data/newsd.db NEWSD_BIND=127.0.0.1 NEWSD_PORT=0 \
        chroot "$rroot" setpriv --reuid=newsd --regid=newsd --init-groups -- \
        /usr/local/bin/newsd-entrypoint serve </dev/null >"$fifo" 2>"$logs/$label.err" &
    server_pid=$!
    exec 3<"$fifo"
    : >"$logs/$label.out"
    deadline=$((SECONDS + 60))
    while [ -z "$port" ]; do
        left=$((deadline - SECONDS))
        [ "$left" -gt 0 ] || { show_log "$logs/$label.err"; die "$label: no 'newsd listening on' line within 60 s"; }
        if ! IFS= read -r -t "$left" line <&3; then
            show_log "$logs/$label.err"
            die "$label: the server ended or said nothing before listening"
        fi
        printf '%s\n' "$line" >>"$logs/$label.out"
        case $line in
        "newsd listening on http://"*) port=${line##*:} ;;
        *" ingested, "*) ingest_line=$line ;;
        esac
    done
    cat <&3 >>"$logs/$label.out" &
    drain_pid=$!
    exec 3<&-
}
stop_server() { # stop_server LABEL: SIGTERM; it must exit 0 within 30 s
    stop_pid "$server_pid" 30
    server_pid=
    wait "$drain_pid" 2>/dev/null || true
    drain_pid=
    [ "$stop_rc" = 0 ] || { show_log "$logs/$1.err"; die "$1: newsd exited $stop_rc on SIGTERM, not 0"; }
}
get() { # get PATH: body to $work/body, prints the status code
    curl -sS --max-time 5 -o "$work/body" -w '%{http_code}' "http://127.0.0.1:$port$1" 2>>"$logs/curl.log" || echo 000
}
total_of() { sed -n 's/.*"total": *\([0-9][0-9]*\).*/\1/p' "$work/body" | head -n 1; }
healthcheck() { # the image's HEALTHCHECK command, inside the runtime root as newsd
    env -i PATH="$chroot_path" NEWSD_BIND=127.0.0.1 NEWSD_PORT="$1" timeout 10 \
        chroot "$rroot" setpriv --reuid=newsd --regid=newsd --init-groups -- \
        /usr/local/bin/newsd-healthcheck >>"$logs/healthcheck.log" 2>&1
}

step "first start (empty /data)"
start_server first
grep -q 'loading the samples' "$logs/first.err" || { show_log "$logs/first.err"; die "the entrypoint did not load the samples"; }
case $ingest_line in
"$expected ingested, 0 duplicates, 0 failed"*) ;;
*) show_log "$logs/first.err"; die "samples: expected '$expected ingested, 0 duplicates, 0 failed', got '$ingest_line'" ;;
esac
comm=$(cat "/proc/$server_pid/comm")
uid=$(awk '/^Uid:/ { print $2 }' "/proc/$server_pid/status")
[ "$comm" = newsd ] || die "PID $server_pid is '$comm', not newsd: the entrypoint did not exec it"
[ "$uid" = "$newsd_uid" ] || die "newsd runs as uid $uid, not $newsd_uid (newsd)"
{ [ -f "$rroot/data/newsd.db" ] && [ ! -e "$rroot/data/newsd.db.seeding" ]; } ||
    die "/data/newsd.db missing, or the seed file left over"
step_done "\"$ingest_line\"; pid $server_pid uid $uid; port $port"

step "requests"
code=$(get /health)
health_body=$(cat "$work/body")
{ [ "$code" = 200 ] && grep -q '"ok"' "$work/body"; } || die "GET /health: $code $health_body"
code=$(get /ready)
[ "$code" = 200 ] || die "GET /ready: $code $(cat "$work/body")"
code=$(get '/articles?limit=1')
[ "$code" = 200 ] || die "GET /articles?limit=1: $code $(cat "$work/body")"
total=$(total_of)
[ "$total" = "$expected" ] || die "GET /articles?limit=1: meta.total is '$total', want $expected"
title=$(sed -n 's/.*"title": *"\([^"]*\)".*/\1/p' "$work/body" | head -n 1)
[ -n "$title" ] || die "GET /articles?limit=1: no article title in $(head -c 300 "$work/body")"
healthcheck "$port" || { show_log "$logs/healthcheck.log"; die "newsd-healthcheck failed against a running server"; }
step_done "/health 200 $health_body; /ready 200; /articles total $total; healthcheck 0"

step "stop (SIGTERM)"
stop_server first
if healthcheck "$port"; then die "newsd-healthcheck passed with the server stopped"; fi
step_done "exit 0; healthcheck then fails as it should"

step "second start (existing /data)"
start_server second
! grep -q 'loading the samples' "$logs/second.err" || die "the samples were loaded again into an existing database"
[ -z "$ingest_line" ] || die "the second start ingested: $ingest_line"
code=$(get '/articles?limit=1')
{ [ "$code" = 200 ] && [ "$(total_of)" = "$expected" ]; } ||
    die "after restart: $code total=$(total_of), want $expected"
stop_server second
step_done "no reload; total still $expected; exit 0"

# --- 5. summary --------------------------------------------------------------------
say "PASSED in $((SECONDS - t_start)) s"
printf '  source:   %s\n' "$source_desc"
printf '  mirror:   %s%s\n' "$mirror" "${security:+ (+ $security)}"
printf '  binary:   %s\n' "$version"
printf '  first article: "%s"\n' "$title"
printf '  %s\n' "${timings[@]}"
