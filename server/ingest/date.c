/* date.c: recognises publication date lines of news pages ("Updated March 4, 2026,
 * 6:12 PM EST", "Published 12 Feb 2026", "2026-01-19") and writes them as ISO 8601.
 * Rule: a date with a time and a known zone becomes a date-time with its UTC offset
 * ("2026-03-04T18:12:00-05:00"); anything less becomes the date alone. US zone
 * names without a season (ET, CT, MT, PT) follow the US daylight-saving rule. */
#include "ingest_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const month_names[12][3] = {
    {"january", "jan", NULL}, {"february", "feb", NULL}, {"march", "mar", NULL},
    {"april", "apr", NULL},   {"may", NULL, NULL},       {"june", "jun", NULL},
    {"july", "jul", NULL},    {"august", "aug", NULL},   {"september", "sep", "sept"},
    {"october", "oct", NULL}, {"november", "nov", NULL}, {"december", "dec", NULL},
};

static const char *const weekday_names[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues",   "wed",     "thu",       "thur",     "thurs",  "fri",      "sat",    "sun",
};

/* Words a date line may hold besides the date itself. */
static const char *const filler_words[] = {
    "updated", "published", "posted", "last",       "first", "modified", "on", "at", "and",
    "date",    "time",      "edited", "originally", "am",    "pm",       "a",  "m",  "p",
};

/* Zones: name, offset in minutes, and -1 for "US zone: pick DST by date". */
static const struct {
    const char *name;
    int std;
    int us_dst; /* 1: ET/CT/MT/PT style, offset depends on the date */
} zones[] = {
    {"est", -300, 0}, {"edt", -240, 0}, {"cst", -360, 0}, {"cdt", -300, 0},  {"mst", -420, 0},
    {"mdt", -360, 0}, {"pst", -480, 0}, {"pdt", -420, 0}, {"et", -300, 1},   {"ct", -360, 1},
    {"mt", -420, 1},  {"pt", -480, 1},  {"gmt", 0, 0},    {"utc", 0, 0},     {"z", 0, 0},
    {"bst", 60, 0},   {"cet", 60, 0},   {"cest", 120, 0}, {"eet", 120, 0},   {"eest", 180, 0},
    {"jst", 540, 0},  {"kst", 540, 0},  {"aest", 600, 0}, {"aedt", 660, 0},  {"hkt", 480, 0},
    {"sgt", 480, 0},  {"wib", 420, 0},  {"msk", 180, 0},  {"akst", -540, 0}, {"akdt", -480, 0},
    {"hst", -600, 0}, {"ast", -240, 0}, {"nzst", 720, 0}, {"nzdt", 780, 0},  {"sast", 120, 0},
    {"wat", 60, 0},   {"eat", 180, 0},  {"ict", 420, 0},  {"pht", 480, 0},   {"wet", 0, 0},
    {"west", 60, 0},  {"cat", 120, 0},  {"brt", -180, 0}, {"art", -180, 0},  {"awst", 480, 0},
    {"acst", 570, 0}, {"acdt", 630, 0},
};

/* Day of week, 0 = Sunday (Sakamoto). */
static int day_of_week(int y, int m, int d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* Day of month of the nth Sunday of month m. */
static int nth_sunday(int y, int m, int nth)
{
    int first = day_of_week(y, m, 1);
    return 1 + (7 - first) % 7 + 7 * (nth - 1);
}

/* US daylight saving time (since 2007): second Sunday of March to the first Sunday
 * of November, switching at 2:00 local time. */
static bool us_dst(int y, int mo, int d, int h)
{
    if (mo < 3 || mo > 11)
        return false;
    if (mo > 3 && mo < 11)
        return true;
    if (mo == 3) {
        int s = nth_sunday(y, 3, 2);
        return d > s || (d == s && h >= 2);
    }
    int s = nth_sunday(y, 11, 1);
    return d < s || (d == s && h < 2);
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

/* A small token for this parser: a word, a number or one punctuation byte. */
struct dtok {
    const char *s;
    size_t n;
    int kind; /* 'w' word, 'n' number, 'p' punct */
};

#define DTOK_MAX 40

static size_t dtok_split(const char *s, size_t n, struct dtok *out)
{
    size_t k = 0, i = 0;
    while (i < n && k < DTOK_MAX) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            i++;
            continue;
        }
        size_t j = i;
        int kind;
        if (c >= '0' && c <= '9') {
            while (j < n && s[j] >= '0' && s[j] <= '9')
                j++;
            kind = 'n';
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
                j++;
            kind = 'w';
        } else {
            size_t t = i;
            (void)ingest_utf8_next(s, n, &t);
            j = t;
            kind = 'p';
        }
        out[k].s = s + i;
        out[k].n = j - i;
        out[k].kind = kind;
        k++;
        i = j;
    }
    if (i < n)
        return DTOK_MAX + 1; /* too long to be a date line */
    return k;
}

static int num_value(const struct dtok *t)
{
    if (t->kind != 'n' || t->n > 4)
        return -1;
    int v = 0;
    for (size_t i = 0; i < t->n; i++)
        v = v * 10 + (t->s[i] - '0');
    return v;
}

static int month_of(const struct dtok *t)
{
    if (t->kind != 'w')
        return 0;
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 3 && month_names[m][k]; k++)
            if (ingest_ascii_ieq(t->s, t->n, month_names[m][k]))
                return m + 1;
    return 0;
}

static bool is_in(const struct dtok *t, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ingest_ascii_ieq(t->s, t->n, list[i]))
            return true;
    return false;
}

static bool is_punct(const struct dtok *t, char c)
{
    return t->kind == 'p' && t->n == 1 && t->s[0] == c;
}

struct dparse {
    int y, mo, d, h, mi, sec;
    bool has_time, has_zone;
    int zone_min;
    bool zone_us_dst;
    int kind;
    size_t used; /* tokens consumed by the date */
};

/* Tries a time at tokens t[i..]: H:MM[:SS] [AM|PM|a.m.|p.m.] [zone]. Returns the
 * number of tokens used (0 when there is no time). */
static size_t parse_time(const struct dtok *t, size_t nt, size_t i, struct dparse *p)
{
    size_t j = i;
    int h = j < nt ? num_value(&t[j]) : -1;
    /* "07.00 BST": British papers put a full stop between hours and minutes;
     * taken only before a zone or am/pm, so "30.01.2026" stays a date */
    bool dot = j + 1 < nt && is_punct(&t[j + 1], '.');
    if (h < 0 || h > 23 || j + 2 >= nt + 0 || !(is_punct(&t[j + 1], ':') || dot))
        return 0;
    int mi = num_value(&t[j + 2]);
    if (mi < 0 || mi > 59 || t[j + 2].n != 2)
        return 0;
    j += 3;
    int sec = 0;
    if (j + 1 < nt && is_punct(&t[j], ':') && num_value(&t[j + 1]) >= 0 &&
        num_value(&t[j + 1]) < 60) {
        sec = num_value(&t[j + 1]);
        j += 2;
    }
    /* am/pm: "PM", "p.m.", "pm" */
    if (j < nt && t[j].kind == 'w') {
        int pm = -1;
        if (ingest_ascii_ieq(t[j].s, t[j].n, "pm"))
            pm = 1, j++;
        else if (ingest_ascii_ieq(t[j].s, t[j].n, "am"))
            pm = 0, j++;
        else if ((ingest_ascii_ieq(t[j].s, t[j].n, "p") || ingest_ascii_ieq(t[j].s, t[j].n, "a")) &&
                 j + 2 < nt && is_punct(&t[j + 1], '.') &&
                 ingest_ascii_ieq(t[j + 2].s, t[j + 2].n, "m")) {
            pm = (t[j].s[0] | 0x20) == 'p';
            j += 3;
            if (j < nt && is_punct(&t[j], '.'))
                j++;
        }
        if (pm >= 0) {
            if (h < 1 || h > 12)
                return 0;
            h = h % 12 + (pm ? 12 : 0);
            dot = false;
        }
    }
    if (dot) {
        bool zone = false;
        for (size_t z = 0; j < nt && t[j].kind == 'w' && z < sizeof zones / sizeof *zones; z++)
            zone = zone || ingest_ascii_ieq(t[j].s, t[j].n, zones[z].name);
        if (!zone)
            return 0;
    }
    p->h = h;
    p->mi = mi;
    p->sec = sec;
    p->has_time = true;
    /* zone: name, "+0100", "+01:00", "UTC+1", "GMT-5" */
    if (j < nt && t[j].kind == 'w') {
        for (size_t z = 0; z < sizeof zones / sizeof *zones; z++) {
            if (ingest_ascii_ieq(t[j].s, t[j].n, zones[z].name)) {
                p->has_zone = true;
                p->zone_min = zones[z].std;
                p->zone_us_dst = zones[z].us_dst;
                j++;
                break;
            }
        }
    }
    /* "08:12 IST": a zone this table lacks (or names twice over) is read and
     * dropped, so the date alone is kept */
    if (!p->has_zone && j < nt && t[j].kind == 'w' && t[j].n >= 2 && t[j].n <= 4) {
        bool caps = true;
        for (size_t c = 0; c < t[j].n; c++)
            caps = caps && t[j].s[c] >= 'A' && t[j].s[c] <= 'Z';
        if (caps)
            j++;
    }
    if (j + 1 < nt && (is_punct(&t[j], '+') || is_punct(&t[j], '-')) && t[j + 1].kind == 'n') {
        int sign = is_punct(&t[j], '-') ? -1 : 1;
        int hh = -1, mm = 0;
        size_t used = 0;
        if (t[j + 1].n == 4) {
            int v = num_value(&t[j + 1]);
            hh = v / 100;
            mm = v % 100;
            used = 2;
        } else if (t[j + 1].n <= 2) {
            hh = num_value(&t[j + 1]);
            used = 2;
            if (j + 3 < nt && is_punct(&t[j + 2], ':') && t[j + 3].n == 2) {
                mm = num_value(&t[j + 3]);
                used = 4;
            }
        }
        if (hh >= 0 && hh <= 14 && mm >= 0 && mm < 60) {
            p->has_zone = true;
            p->zone_us_dst = false;
            /* "UTC+1" adds to UTC; a bare +0100 is the offset itself */
            p->zone_min = p->zone_min + sign * (hh * 60 + mm);
            j += used;
        }
    }
    return j - i;
}

/* True when a zone of the Americas (EST, ET, PDT, ...) is among the few tokens
 * from i on: the page then writes dates month first. */
static bool american_zone_after(const struct dtok *t, size_t nt, size_t i)
{
    for (size_t k = i; k < nt && k < i + 8; k++) {
        if (t[k].kind != 'w')
            continue;
        for (size_t z = 0; z < sizeof zones / sizeof *zones; z++)
            if (zones[z].std < 0 && ingest_ascii_ieq(t[k].s, t[k].n, zones[z].name))
                return true;
    }
    return false;
}

/* "st", "nd", "rd", "th" after a day's number. */
static bool ordinal_suffix(const struct dtok *t)
{
    return t->kind == 'w' &&
           (ingest_ascii_ieq(t->s, t->n, "st") || ingest_ascii_ieq(t->s, t->n, "nd") ||
            ingest_ascii_ieq(t->s, t->n, "rd") || ingest_ascii_ieq(t->s, t->n, "th"));
}

/* Tries a date at t[i..]; fills p and returns tokens used, 0 when none. */
static size_t parse_date_at(const struct dtok *t, size_t nt, size_t i, struct dparse *p)
{
    size_t j = i;
    int y = -1, mo = 0, d = -1;
    char sep = (j + 1 < nt && t[j + 1].kind == 'p' && t[j + 1].n == 1) ? t[j + 1].s[0] : 0;
    bool num_sep = sep == '-' || sep == '/' || sep == '.';
    /* ISO: 2026-01-19[T10:05[:00][Z|+01:00]], also 2026/01/19 and 2026.01.19 */
    if (t[j].kind == 'n' && t[j].n == 4 && j + 4 < nt + 0 && num_sep && t[j + 2].kind == 'n' &&
        is_punct(&t[j + 3], sep) && t[j + 4].kind == 'n') {
        y = num_value(&t[j]);
        mo = num_value(&t[j + 2]);
        d = num_value(&t[j + 4]);
        j += 5;
        /* "T10" is split as word "T" + number, "T10:05" */
        if (j < nt && t[j].kind == 'w' && t[j].n == 1 && (t[j].s[0] | 0x20) == 't')
            j++;
    } else if ((mo = month_of(&t[j])) != 0) {
        /* Month[.] D[st|nd|rd|th][,] YYYY */
        j++;
        if (j < nt && is_punct(&t[j], '.'))
            j++;
        if (j >= nt || t[j].kind != 'n' || t[j].n > 2)
            return 0;
        d = num_value(&t[j++]);
        if (j < nt && ordinal_suffix(&t[j]))
            j++;
        if (j < nt && is_punct(&t[j], ','))
            j++;
        if (j >= nt || t[j].kind != 'n' || t[j].n != 4)
            return 0;
        y = num_value(&t[j++]);
    } else if (t[j].kind == 'n' && t[j].n <= 2 && j + 4 < nt && num_sep && t[j + 2].kind == 'n' &&
               t[j + 2].n <= 2 && is_punct(&t[j + 3], sep) && t[j + 4].kind == 'n' &&
               (t[j + 4].n == 4 ||
                /* "07/22/26 6:15 PM ET": a two-digit year only before a time */
                (t[j + 4].n == 2 && sep == '/' && j + 7 < nt && t[j + 5].kind == 'n' &&
                 is_punct(&t[j + 6], ':')))) {
        /* all numbers: 30.01.2026 and 30-01-2026 put the day first; with slashes
         * a number above 12 decides, else an American zone after it means
         * month first (01/30/2026 ET), and the day comes first everywhere else */
        int a = num_value(&t[j]), b = num_value(&t[j + 2]);
        y = num_value(&t[j + 4]);
        if (t[j + 4].n == 2)
            y += 2000;
        bool month_first = sep == '/' && a <= 12 && (b > 12 || american_zone_after(t, nt, j + 5));
        mo = month_first ? a : b;
        d = month_first ? b : a;
        j += 5;
    } else if (t[j].kind == 'n' && t[j].n <= 2 && j + 2 < nt + 0) {
        /* D[.] Month[.] YYYY, and "9th September 2023", "9th of September" */
        d = num_value(&t[j++]);
        if (j < nt && is_punct(&t[j], '.'))
            j++;
        else if (j + 1 < nt && ordinal_suffix(&t[j]))
            j += 1 + (t[j + 1].kind == 'w' && ingest_ascii_ieq(t[j + 1].s, t[j + 1].n, "of"));
        if (j >= nt || (mo = month_of(&t[j])) == 0)
            return 0;
        j++;
        if (j < nt && is_punct(&t[j], '.'))
            j++;
        if (j < nt && is_punct(&t[j], ','))
            j++;
        if (j >= nt || t[j].kind != 'n' || t[j].n != 4)
            return 0;
        y = num_value(&t[j++]);
    } else {
        return 0;
    }
    if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return 0;
    p->y = y;
    p->mo = mo;
    p->d = d;
    /* separators between date and time: "," "/" "|" "-" "at" "·" */
    size_t k = j;
    for (int steps = 0; steps < 3 && k < nt; steps++) {
        if (t[k].kind == 'p' && !is_punct(&t[k], '+'))
            k++;
        else if (t[k].kind == 'w' && ingest_ascii_ieq(t[k].s, t[k].n, "at"))
            k++;
        else
            break;
    }
    size_t tu = k < nt ? parse_time(t, nt, k, p) : 0;
    if (tu)
        j = k + tu;
    else if (j < nt && t[j].kind == 'w' && t[j].n == 1 && (t[j].s[0] | 0x20) == 'z')
        j++;
    return j - i;
}

static void iso_write(const struct dparse *p, char *iso, size_t cap)
{
    if (p->has_time && p->has_zone) {
        int off = p->zone_min;
        if (p->zone_us_dst && us_dst(p->y, p->mo, p->d, p->h))
            off += 60;
        char sign = off < 0 ? '-' : '+';
        int a = off < 0 ? -off : off;
        snprintf(iso, cap, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", p->y, p->mo, p->d, p->h,
                 p->mi, p->sec, sign, a / 60, a % 60);
    } else {
        snprintf(iso, cap, "%04d-%02d-%02d", p->y, p->mo, p->d);
    }
}

enum ingest_date_kind ingest_date_line_parse(const char *s, size_t n, char *iso, size_t cap)
{
    struct dtok t[DTOK_MAX];
    if (n > 160 || cap < 32)
        return INGEST_DATE_NONE;
    /* cheap rejections first: a date line has a digit and starts with a date,
     * a weekday or one of the filler words */
    if (!memchr(s, '0', n) && !memchr(s, '1', n) && !memchr(s, '2', n) && !memchr(s, '3', n) &&
        !memchr(s, '4', n) && !memchr(s, '5', n) && !memchr(s, '6', n) && !memchr(s, '7', n) &&
        !memchr(s, '8', n) && !memchr(s, '9', n))
        return INGEST_DATE_NONE;
    {
        size_t w = 0;
        while (w < n && ((s[w] >= 'a' && s[w] <= 'z') || (s[w] >= 'A' && s[w] <= 'Z')))
            w++;
        if (w > 0) {
            struct dtok f = {s, w, 'w'};
            if (!month_of(&f) &&
                !is_in(&f, weekday_names, sizeof weekday_names / sizeof *weekday_names) &&
                !is_in(&f, filler_words, sizeof filler_words / sizeof *filler_words))
                return INGEST_DATE_NONE;
        } else if (!(s[0] >= '0' && s[0] <= '9')) {
            return INGEST_DATE_NONE;
        }
    }
    size_t nt = dtok_split(s, n, t);
    if (nt == 0 || nt > DTOK_MAX)
        return INGEST_DATE_NONE;
    struct dparse p = {0}, tm = {0};
    int kind = INGEST_DATE_PLAIN;
    bool found = false;
    for (size_t i = 0; i < nt;) {
        if (!found) {
            struct dparse q = {0};
            size_t used = parse_date_at(t, nt, i, &q);
            if (used) {
                p = q;
                found = true;
                i += used;
                /* "Published 5:42 p.m. ET Oct. 28, 2016": the time came first */
                if (!p.has_time && tm.has_time) {
                    p.h = tm.h, p.mi = tm.mi, p.sec = tm.sec, p.has_time = true;
                    p.has_zone = tm.has_zone, p.zone_min = tm.zone_min;
                    p.zone_us_dst = tm.zone_us_dst;
                }
                continue;
            }
            if (!tm.has_time && t[i].kind == 'n' && (used = parse_time(t, nt, i, &tm))) {
                i += used;
                continue;
            }
        }
        const struct dtok *k = &t[i];
        if (k->kind == 'p') {
            i++;
            continue;
        }
        if (k->kind == 'w' &&
            (is_in(k, weekday_names, sizeof weekday_names / sizeof *weekday_names) ||
             is_in(k, filler_words, sizeof filler_words / sizeof *filler_words))) {
            if (!found && (ingest_ascii_ieq(k->s, k->n, "updated") ||
                           ingest_ascii_ieq(k->s, k->n, "modified")))
                kind = INGEST_DATE_UPDATED;
            if (!found && (ingest_ascii_ieq(k->s, k->n, "published") ||
                           ingest_ascii_ieq(k->s, k->n, "posted")))
                kind = INGEST_DATE_PUBLISHED;
            i++;
            continue;
        }
        /* a second date or time after the first ("Updated ... / Published ...") is
         * tolerated only as a time; anything else means this is not a date line */
        if (found && k->kind == 'n') {
            struct dparse q = p;
            size_t used = parse_time(t, nt, i, &q);
            if (used) {
                i += used;
                continue;
            }
            struct dparse r = {0};
            used = parse_date_at(t, nt, i, &r);
            if (used) {
                i += used;
                continue;
            }
        }
        return INGEST_DATE_NONE;
    }
    if (!found)
        return INGEST_DATE_NONE;
    iso_write(&p, iso, cap);
    return (enum ingest_date_kind)kind;
}
