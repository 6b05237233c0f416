# newsd container image: docker build -t newsd .
# docs/operations.md ("Container") tells how to run it; tools/container/ holds
# the scripts used here, and chroot-check.sh, which replays these two stages in
# Debian chroots on machines without a Docker engine.

# --- build stage: the same packages and make targets as CI -------------------
FROM debian:bookworm-slim AS build
WORKDIR /src
# The packages first, from the Makefile alone, so that this layer stays cached
# while the sources change: `make deps` installs the Makefile's DEPS_PKGS.
COPY Makefile ./
COPY tools/apt-install.sh tools/
COPY tools/container/build-stage.sh tools/container/
RUN sh tools/container/build-stage.sh deps
COPY . .
# Builds build/newsd, then runs NEWSD_TEST_TARGETS ("lint unit api" by default:
# the tests of the release binary shipped below; `test` runs CI's whole
# `make test`, sanitizer build included; empty runs none). Why not `make test`
# by default: see tools/container/build-stage.sh.
ARG NEWSD_TEST_TARGETS="lint unit api"
RUN NEWSD_TEST_TARGETS="$NEWSD_TEST_TARGETS" sh tools/container/build-stage.sh build

# --- runtime stage: the binary, its shared libraries, the samples ------------
FROM debian:bookworm-slim
COPY tools/container/runtime-stage.sh /tmp/
RUN sh /tmp/runtime-stage.sh && rm /tmp/runtime-stage.sh
COPY --from=build /src/build/newsd /usr/local/bin/newsd
COPY tools/container/entrypoint.sh /usr/local/bin/newsd-entrypoint
COPY tools/container/healthcheck.sh /usr/local/bin/newsd-healthcheck
COPY samples/ /usr/share/newsd/samples/
RUN chmod 0755 /usr/local/bin/newsd /usr/local/bin/newsd-entrypoint \
        /usr/local/bin/newsd-healthcheck \
    && chmod -R a+rX /usr/share/newsd

# Serve on every interface of the container (newsd's own default is loopback,
# which nothing outside the container could reach); keep the database on the
# volume. NEWSD_API_KEY (or NEWSD_API_KEY_FILE) enables POST /articles.
ENV NEWSD_DB=/data/newsd.db \
    NEWSD_BIND=0.0.0.0 \
    NEWSD_PORT=8080
VOLUME /data
EXPOSE 8080
USER newsd

# GET /health over bash's /dev/tcp (no curl in the slim image).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/newsd-healthcheck"]

# Loads the samples into an empty volume, then exec's `newsd serve` (PID 1).
ENTRYPOINT ["/usr/local/bin/newsd-entrypoint"]
CMD ["serve"]
