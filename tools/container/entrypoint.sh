#!/bin/sh
# entrypoint.sh: the container's ENTRYPOINT (installed as
# /usr/local/bin/newsd-entrypoint). Arguments are a newsd command line without
# the program name (a leading `newsd` is dropped); the image's CMD is `serve`.
#
# On `serve` with a database file that does not exist yet (a fresh volume), it
# first loads the samples bundled in the image, so a new container answers with
# articles. The load goes to a side file that is renamed into place only once
# `ingest` has finished: a container stopped half-way through loads them again
# next time instead of serving half of them forever. An existing database is
# never touched. NEWSD_SAMPLES= (empty) turns the load off.
#
# Then it exec's newsd, which so runs as PID 1 and receives `docker stop`'s
# SIGTERM itself: in-flight requests finish and it exits 0.
set -eu

newsd=${NEWSD_EXE:-/usr/local/bin/newsd}
samples=${NEWSD_SAMPLES-/usr/share/newsd/samples}

[ "$#" -gt 0 ] || set -- serve
# `docker run newsd newsd version` works as well as `docker run newsd version`.
[ "$1" != newsd ] || shift
[ "$#" -gt 0 ] || set -- serve

if [ "$1" = serve ] && [ -n "$samples" ]; then
    # The database serve will open: a --db flag wins over NEWSD_DB, as in newsd.
    db=${NEWSD_DB:-./newsd.db}
    read_only=no
    prev=
    for arg in "$@"; do
        [ "$prev" = --db ] && db=$arg
        [ "$arg" = --read-only ] && read_only=yes
        prev=$arg
    done
    if [ "$read_only" = no ] && [ ! -e "$db" ] && [ -d "$samples" ]; then
        seed="$db.seeding"
        rm -f "$seed" "$seed-wal" "$seed-shm" "$seed-journal"
        echo "newsd-entrypoint: $db does not exist: loading the samples from $samples" >&2
        if ! "$newsd" ingest --db "$seed" "$samples"; then
            # ingest names each failure on stderr; what it stored is whole.
            echo "newsd-entrypoint: some samples failed to load (see above); serving the rest" >&2
        fi
        if [ -e "$seed" ]; then
            # newsd closes cleanly, so no WAL should remain; if one does, it
            # moves along with the database (before it: the database file's
            # appearance is what marks the load as done).
            [ ! -e "$seed-wal" ] || mv -f "$seed-wal" "$db-wal"
            rm -f "$seed-shm"
            mv -f "$seed" "$db"
        fi
    fi
fi

exec "$newsd" "$@"
