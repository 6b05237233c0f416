/* watch.c: notices a commit to the database, by any process, without opening
 * a read transaction (see cache.h, cache_watch). It reads the WAL-index header
 * at the start of the database's -shm file; what SQLite keeps there is left to
 * SQLite, and the answers built from the database are left to cache.c. */
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "newsd/cache.h"
#include "newsd/util.h"

/* The WAL-index header (https://sqlite.org/walformat.html, "The WAL-Index
 * Header"): two 48-byte copies of {iVersion, unused, iChange, isInit,
 * bigEndCksum, szPage, mxFrame, nPage, aFrameCksum[2], aSalt[2], aCksum[2]}.
 * A commit appends frames and rewrites both copies (mxFrame and the frame
 * checksum move); a log restart after a checkpoint changes the salts. The
 * read marks and checkpoint state that follow at byte 96 move with every
 * reader, so they are left out. */
#define WATCH_HDR_BYTES 96
#define WATCH_IS_INIT 12 /* offset of isInit in a copy */

/* How much of the -shm file is mapped: its first page, which holds the
 * header. SQLite grows the file in 32 KiB regions, so one that is initialised
 * is never shorter. */
#define WATCH_MAP_BYTES 4096

struct cache_watch {
    char *path;              /* the database path + "-shm" */
    pthread_mutex_t open_lock;
    atomic_int fd;           /* -1 until the file could be opened */
    /* The file's first page, mapped shared and read-only once the file is at
     * least that long; NULL: read the header with pread. */
    _Atomic(void *) map;
    _Atomic uint64_t seen;   /* hash of the header last seen; 0: none yet */
};

struct cache_watch *cache_watch_new(const char *db_path)
{
    /* SQLite names the -shm file after the database's real path (symbolic
     * links resolved): a file beside the link could be a stale one that never
     * changes. No real path (":memory:", a URI, no file yet): no watch. */
    char *real = db_path ? realpath(db_path, NULL) : NULL;
    struct cache_watch *w = real ? calloc(1, sizeof *w) : NULL;
    struct buf p = {0};
    if (!w || !buf_printf(&p, "%s-shm", real)) {
        buf_clear(&p);
        free(real);
        free(w);
        return NULL;
    }
    free(real);
    w->path = buf_take(&p);
    pthread_mutex_init(&w->open_lock, NULL);
    atomic_init(&w->fd, -1);
    atomic_init(&w->map, NULL);
    atomic_init(&w->seen, 0);
    return w;
}

/* Closing any descriptor of a file drops every POSIX lock this process holds
 * on it, SQLite's -shm locks among them: so the descriptor stays open for the
 * watch's life, and the watch is freed after the connections (cache.h). */
void cache_watch_free(struct cache_watch *w)
{
    if (!w)
        return;
    void *map = atomic_load(&w->map);
    if (map)
        munmap(map, WATCH_MAP_BYTES);
    int fd = atomic_load(&w->fd);
    if (fd >= 0)
        close(fd);
    pthread_mutex_destroy(&w->open_lock);
    free(w->path);
    free(w);
}

/* Maps the first page of the -shm file open at fd, when it is that long: a
 * check then reads the header from memory, without the pread system call
 * (about a twentieth of a cache hit's CPU on a VM where system calls are
 * dear, docs/performance.md). Reading a mapping past the end of its file
 * raises SIGBUS, so this relies on the file not shrinking under it while the
 * server's own connections have it open. SQLite (os_unix.c,
 * unixLockSharedMemory) shrinks a -shm file only when no other process holds
 * a lock on its DMS byte, and each of our connections holds a shared one from
 * opening the file until it closes; the watch is opened once a read has
 * begun (http_route in daemon.c) and freed after the connections close
 * (cache.h). A connection that cannot open the file for writing takes no DMS
 * lock (SQLITE_READONLY_CANTINIT), so a file this process may not write is
 * never mapped: pread answers a short read where a mapping would fault.
 * (SQLite since 3.22 shrinks to 3 bytes, not 0, which would still leave the
 * first page mapped; the lock is the guarantee, not that.) */
static void cache_watch_map(struct cache_watch *w, int fd)
{
    struct stat st;
    if (faccessat(AT_FDCWD, w->path, W_OK, AT_EACCESS) != 0 || fstat(fd, &st) != 0 ||
        st.st_size < WATCH_MAP_BYTES)
        return;
    void *m = mmap(NULL, WATCH_MAP_BYTES, PROT_READ, MAP_SHARED, fd, 0);
    if (m != MAP_FAILED)
        atomic_store(&w->map, m);
}

/* The -shm file's descriptor, opened on first need: it only exists once a
 * connection has read the database in WAL mode. -1 when it cannot be opened. */
static int cache_watch_fd(struct cache_watch *w)
{
    int fd = atomic_load(&w->fd);
    if (fd >= 0)
        return fd;
    pthread_mutex_lock(&w->open_lock);
    fd = atomic_load(&w->fd);
    if (fd < 0) {
        fd = open(w->path, O_RDONLY | O_CLOEXEC);
        if (fd >= 0)
            cache_watch_map(w, fd);
        atomic_store(&w->fd, fd);
    }
    pthread_mutex_unlock(&w->open_lock);
    return fd;
}

/* Copies the header into hdr; false when it cannot be read whole. From the
 * mapping, word by word with acquire loads, as pread's system call ordered
 * it: the generation a caller reads next is read after the whole header.
 * (Not a plain copy and a fence: ThreadSanitizer does not model fences.) */
static bool cache_watch_read(struct cache_watch *w, int fd, unsigned char hdr[WATCH_HDR_BYTES])
{
    const void *map = atomic_load_explicit(&w->map, memory_order_acquire);
    if (map) {
        const _Atomic uint32_t *words = map; /* page-aligned; SQLite writes 32-bit words */
        uint32_t copy[WATCH_HDR_BYTES / sizeof(uint32_t)];
        for (size_t i = 0; i < sizeof copy / sizeof copy[0]; i++)
            copy[i] = atomic_load_explicit(&words[i], memory_order_acquire);
        memcpy(hdr, copy, sizeof copy);
        return true;
    }
    return pread(fd, hdr, WATCH_HDR_BYTES, 0) == (ssize_t)WATCH_HDR_BYTES;
}

enum cache_watch_rc cache_watch_check(struct cache_watch *w, struct cache *c)
{
    if (!w)
        return CACHE_WATCH_UNKNOWN;
    int fd = cache_watch_fd(w);
    unsigned char hdr[WATCH_HDR_BYTES];
    /* The mapping and pread both see what other processes store through
     * their shared mappings: all go through the same page cache. A short read
     * (a file not yet initialised) or an uninitialised header cannot be
     * trusted. */
    if (fd < 0 || !cache_watch_read(w, fd, hdr) ||
        hdr[WATCH_IS_INIT] != 1 || hdr[48 + WATCH_IS_INIT] != 1)
        return CACHE_WATCH_UNKNOWN;
    uint64_t h = util_fnv1a(hdr, sizeof hdr, UTIL_FNV_SEED);
    h = h ? h : 1;
    if (h == atomic_load(&w->seen))
        return CACHE_WATCH_SAME;
    /* The generation moves before the new header is published: a request that
     * finds the header equal to seen and then reads the generation is sure to
     * read one made after the commit. A half-written header (the two copies
     * differ) only costs one more move. */
    cache_bump(c);
    atomic_store(&w->seen, h);
    return CACHE_WATCH_MOVED;
}
