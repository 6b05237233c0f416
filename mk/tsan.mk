# tsan.mk: a ThreadSanitizer build of the server (build/tsan/newsd), and the API
# tests run against it: the response cache, its watch and the metrics are shared
# by libmicrohttpd's pool threads, and a data race there is a wrong answer that
# no single-threaded test sees. Part of `make test` (TEST_EXTRA).
#
#   make tsan    build build/tsan/newsd and run build/api_tests against it;
#                any race report stops the server (halt_on_error), so the tests fail

TSAN_CFLAGS := -O1 -g -fsanitize=thread -fno-omit-frame-pointer
TSAN_LIB_OBJ := $(call objs,build/tsan,$(LIB_SRC) $(GEN_SRC:build/%=%))

build/tsan/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "CC (tsan) $<"
	@$(CC) $(BASE_CFLAGS) $(TSAN_CFLAGS) -c $< -o $@
build/tsan/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	@echo "CC (tsan) $<"
	@$(CC) $(BASE_CFLAGS) $(TSAN_CFLAGS) -c $< -o $@
build/tsan/newsd: build/tsan/obj/server/main.o $(TSAN_LIB_OBJ)
	$(CC) $(TSAN_CFLAGS) -o $@ $^ $(PKGLIBS)

.PHONY: tsan
tsan: build/tsan/newsd build/api_tests
	TSAN_OPTIONS="halt_on_error=1 exitcode=66" NEWSD_BIN=build/tsan/newsd build/api_tests

TEST_EXTRA += tsan
