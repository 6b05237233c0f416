#!/bin/bash
# healthcheck.sh [PORT]: the image's HEALTHCHECK (installed as
# /usr/local/bin/newsd-healthcheck). The slim image has no curl, and the check
# must not need anything the runtime stage does not already hold, so it speaks
# HTTP/1.0 over bash's /dev/tcp: GET /health, healthy on a 200 status line.
# The port is PORT, else NEWSD_PORT, else 8080; the address is NEWSD_BIND, with
# the wildcard addresses mapped to loopback. Exit 0 healthy, 1 not.
set -u
port=${1:-${NEWSD_PORT:-8080}}
host=${NEWSD_BIND:-127.0.0.1}
case $host in
0.0.0.0) host=127.0.0.1 ;;
:: | '[::]') host=::1 ;;
\[*\]) host=${host#[}; host=${host%]} ;;
esac

if ! { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null; then
    echo "unhealthy: cannot connect to $host port $port" >&2
    exit 1
fi
printf 'GET /health HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
status=
IFS= read -r -t 5 status <&3
exec 3<&-
case $status in
"HTTP/1."[01]" 200 "*) exit 0 ;;
esac
echo "unhealthy: GET /health answered '${status%$'\r'}'" >&2
exit 1
