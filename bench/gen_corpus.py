#!/usr/bin/env python3
"""gen_corpus.py: a deterministic synthetic news corpus for newsd's benchmarks.

Writes N articles in the raw scraped format of samples/*.txt (boilerplate lines,
an outlet name, a section, headline, subtitle, a date line, an optional top
byline, a dateline paragraph, body paragraphs with quotes of every kind, a
closing byline or footer). Everything is generated here from word lists and
templates: the people, organisations, towns and outlets are invented; real
countries appear only as the setting of a dateline.

The same seed gives the same bytes. Article i depends only on the seed and i
(the pools of speakers, organisations and places come from the seed alone), so
the first 1,000 articles of a 100,000-article corpus are the 1,000-article
corpus. Speakers, organisations and places are drawn from pools of a few
thousand with a skewed distribution, so entities repeat across articles.

    bench/gen_corpus.py --n 20000 --seed 6 --out build/bench/corpus
        -> build/bench/corpus/part-0000.jsonl ... one {"text": ...} a line,
           --shard articles per file (default 1000)
    bench/gen_corpus.py --n 50 --format txt --out /tmp/c   -> 00000.txt ...
"""

import argparse
import json
import os
import random
import sys

# --- word material (all invented) ---------------------------------------------

SYL_FIRST = ["ka", "lo", "mi", "ra", "te", "su", "no", "ve", "di", "an", "el", "ma", "ri",
             "sa", "to", "le", "na", "jo", "be", "ha", "ul", "or", "ya", "fe", "ki", "da",
             "mo", "ti", "ze", "ar", "in", "is", "ol", "ne", "pa", "go", "li", "wa", "ro"]
SYL_LAST = ["berg", "ston", "ova", "enko", "ardi", "mann", "sen", "ez", "ani", "ura", "ek",
            "idis", "oglu", "ström", "vale", "worth", "ski", "aro", "elli", "ney", "dottir",
            "baum", "ache", "ito", "uwa", "ola", "ier", "hart", "quist", "ade", "oni", "sky"]
SYL_MID = ["ber", "lan", "dor", "mar", "vel", "tas", "kor", "ren", "sil", "gar", "hol",
           "min", "pes", "tar", "wen", "fal", "bro", "cal", "dun", "ess", "rim", "sol"]
TOWN_END = ["ford", "haven", "by", "stad", "ville", "mouth", "field", "holm", "burg", "port",
            "dale", "wick", "vik", "ton", "bridge", "minde", "akra", "pur", "abad", "ora"]
COUNTRIES = ["Norway", "Kenya", "Brazil", "Japan", "Ghana", "Canada", "Chile", "Vietnam",
             "Poland", "Portugal", "India", "Australia", "Peru", "Morocco", "Finland",
             "Indonesia", "Ireland", "Mexico", "Tanzania", "New Zealand", "Colombia",
             "Greece", "Senegal", "Malaysia", "Scotland", "Argentina", "Estonia", "Fiji"]
ORG_KINDS = ["Port Authority", "Water Board", "Transit Company", "Farmers' Union",
             "Chamber of Commerce", "Fisheries Council", "Health Trust", "Energy Cooperative",
             "Teachers' Association", "Housing Agency", "Rail Company", "Planning Office",
             "Hospital", "University", "Shipping Line", "Mining Company", "Grain Exchange",
             "Tenants' Federation", "Coastal Guard", "Statistics Bureau", "Pension Fund"]
MINISTRY_TOPICS = ["Transport", "Health", "Finance", "Agriculture", "Energy", "Housing",
                   "Education", "Fisheries", "Water", "Labour", "Trade", "Environment"]
CORP_SUFFIX = ["Holdings", "Logistics", "Foods", "Materials", "Systems", "Freight",
               "Textiles", "Power", "Engineering", "Minerals", "Pharma", "Capital"]
ROLES = ["a spokesman for", "a spokeswoman for", "the chief executive of", "the director of",
         "a senior engineer at", "the chair of", "an economist at", "a researcher at",
         "the head of operations at", "a board member of", "the finance director of",
         "a manager at", "the president of", "a legal adviser to", "a union organiser at"]
LOCAL_ROLES = ["a fisherman", "a shopkeeper", "a retired teacher", "a nurse", "a bus driver",
               "a farmer", "a student", "a dock worker", "a café owner", "a pensioner",
               "a taxi driver", "a baker", "a parent of two", "a mechanic", "a midwife"]
TITLES = ["Mayor", "Minister", "Dr.", "Professor", "Senator", "Governor", "Judge",
          "Councillor", "Captain", "Commissioner"]
SECTIONS = ["Local", "Business", "Global Trade", "Climate", "Health", "Politics",
            "Technology", "Culture", "Sport", "Science", "Europe", "Markets", "Cities",
            "Transport", "Environment", "Education", "Agriculture", "Energy"]
OUTLET_A = ["The Harbour", "Northern", "Coastal", "The Valley", "Eastern", "The River",
            "Western", "The Plains", "Island", "Mountain", "The Delta", "Southern"]
OUTLET_B = ["Ledger", "Review", "Courier", "Dispatch", "Gazette", "Observer", "Chronicle",
            "Herald", "Tribune", "Post", "Record", "Bulletin"]
BOILER_TOP = ["Skip to main content", "Skip to navigation", "Menu", "Search",
              "You are using an outdated browser. Please upgrade your browser to improve "
              "your experience.", "Sign in", "Subscribe", "Advertisement", "Home"]
BOILER_MID = ["Share this article", "Listen to this article {n} min", "Advertisement",
              "Read more", "{n} min read", "Save", "Print this page"]
BOILER_END = ["Sign up for our newsletters", "Related stories", "Most read",
              "Comments are closed.", "Advertisement", "Follow us", "Back to top"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Topics: nouns for subjects and search, verbs for headlines.
TOPICS = {
    "port": ["harbour", "pier", "terminal", "cargo", "container", "dredging", "quay",
             "crane", "shipment", "warehouse", "berth", "freight"],
    "rail": ["railway", "station", "timetable", "carriage", "signal", "tracks", "commuters",
             "tunnel", "depot", "fares", "line", "platform"],
    "health": ["hospital", "clinic", "vaccine", "outbreak", "nurses", "patients", "ward",
               "doctors", "ambulance", "pharmacy", "surgery", "waiting list"],
    "farming": ["harvest", "cattle", "subsidy", "drought", "irrigation", "fertiliser",
                "orchards", "grain", "dairy", "tractor", "cooperative", "pasture"],
    "energy": ["turbine", "grid", "pipeline", "reactor", "solar panels", "tariff",
               "substation", "battery", "refinery", "blackout", "generator", "wind farm"],
    "housing": ["rents", "tenants", "landlords", "mortgage", "apartments", "eviction",
                "construction", "zoning", "estate", "developers", "social housing", "leases"],
    "fishing": ["trawler", "quota", "catch", "nets", "cod", "krill", "fleet", "processing",
                "moorings", "spawning", "salmon", "hatchery"],
    "schools": ["teachers", "classrooms", "curriculum", "exams", "pupils", "tuition",
                "campus", "lecturers", "enrolment", "scholarship", "textbooks", "strike"],
    "water": ["reservoir", "flooding", "sewage", "wells", "drainage", "rainfall", "dam",
              "levee", "river", "treatment plant", "pumps", "shortage"],
    "trade": ["tariffs", "exports", "customs", "imports", "shipping", "prices", "suppliers",
              "inflation", "markets", "currency", "contracts", "factories"],
}
HEAD_VERBS = ["delays", "backs", "rejects", "doubles", "cuts", "halts", "revives", "expands",
              "questions", "funds", "reopens", "closes", "tightens", "eases", "reviews"]
ADJ = ["long-awaited", "disputed", "costly", "temporary", "regional", "emergency",
       "overdue", "ambitious", "modest", "controversial", "first", "second", "new"]
CLAUSES = [
    "we have waited {n} years for this and we cannot wait another winter",
    "the {noun} was never designed for the loads it carries today",
    "nobody in this town asked for the {noun} to be closed",
    "the numbers do not add up, and everyone in the room knew it",
    "if we wait for the {noun} to fail, we will pay twice",
    "this is about the people who depend on the {noun} every day",
    "we were told the work would be finished by {month}",
    "there is money for the {noun}, but there is no plan",
    "I have seen this happen before, and it ended badly",
    "the {noun} is the only reason young families still live here",
    "we are not against change, we are against being ignored",
    "the cost has risen by {n} percent since the first estimate",
    "it is a good start, but it is only a start",
    "the council has made promises about the {noun} for a decade",
    "people are tired, and they are angry, and they have every right to be",
    "we will publish the full figures on the {noun} next month",
    "the {noun} lost money in every one of the last {n} years",
    "I do not think anyone expected the {noun} to go this quickly",
    "our members will not accept a deal that leaves the {noun} behind",
    "the decision on the {noun} was taken without a single public meeting",
    "every week of delay costs us around {n} thousand",
    "we have the engineers, we have the plans, we only need a decision",
    "the {noun} works, it just does not work for the people who need it most",
    "we expect the {noun} to be running again within {n} weeks",
    "nobody will remember the budget, they will remember the {noun}",
    "the review found serious problems with the {noun}",
]
PARTIALS = ["a matter of weeks", "deeply unfair", "on schedule", "fully prepared",
            "a plan B", "not acceptable", "a temporary measure", "the last resort",
            "a serious mistake", "under review", "adequate for calm weather",
            "structurally unsustainable", "a turning point", "too little, too late",
            "an insult to the region", "broadly positive", "a significant risk"]
NARRATIVE = [
    "The {noun} has been at the centre of a dispute between {org} and local residents since {year}.",
    "Officials said about {n} people were affected, a figure that could rise in the coming weeks.",
    "The {adj} plan would cost an estimated {n} million, according to figures published in {month}.",
    "{org} did not respond to a request for comment on the {noun}.",
    "Work on the {noun} is expected to begin in {month} and to last at least {n} months.",
    "Residents of {town} have held weekly meetings about the {noun} since the start of the year.",
    "The {noun} was built in {year} and last renovated more than {n} years ago.",
    "A report commissioned by {org} found that the {noun} handled {n} percent more traffic than planned.",
    "The debate has divided the council, which is due to vote on the {noun} in {month}.",
    "Similar disputes over the {noun} have arisen in {town2} and other towns along the coast.",
    "The {adj} {noun} project was first proposed in {year} and shelved twice since then.",
    "Traders in {town} say business has fallen by about {n} percent since the {noun} was closed.",
    "The regional government has set aside {n} million for the {noun} in next year's budget.",
    "An inspection in {month} found corrosion in parts of the {noun}, according to documents seen by this newspaper.",
    "Several hundred people gathered outside the offices of {org} on {weekday} to protest.",
    "Engineers from {org} visited the {noun} on {weekday} and promised a decision within {n} days.",
]
ANON = ["one official, who asked not to be named because the talks were private",
        "a senior manager, speaking on condition of anonymity",
        "a person familiar with the negotiations",
        "one council member, who declined to be identified",
        "an engineer involved in the project, who was not authorised to speak publicly"]
CUES = ["said", "told reporters", "added", "warned", "explained", "argued", "insisted",
        "said in a statement", "told this newspaper", "wrote in a letter"]


def cap(s):
    return s[:1].upper() + s[1:]


def make_word(rng, parts, ends, lo=1, hi=2):
    w = "".join(rng.choice(parts) for _ in range(rng.randint(lo, hi))) + rng.choice(ends)
    return cap(w)


class Pools:
    """Invented people, organisations, towns and outlets, from the seed alone."""

    def __init__(self, seed, n_people=3000, n_orgs=800, n_towns=600):
        rng = random.Random(seed * 7919 + 1)
        self.towns = sorted({make_word(rng, SYL_MID, TOWN_END) for _ in range(n_towns * 2)})
        rng.shuffle(self.towns)
        self.towns = self.towns[:n_towns]
        self.town_country = {t: rng.choice(COUNTRIES) for t in self.towns}
        firsts = sorted({make_word(rng, SYL_FIRST, SYL_FIRST + ["a", "o", "e"], 1, 2)
                         for _ in range(900)})
        lasts = sorted({make_word(rng, SYL_MID + SYL_FIRST, SYL_LAST, 1, 2)
                        for _ in range(2500)})
        orgs = set()
        while len(orgs) < n_orgs:
            k = rng.random()
            if k < 0.45:
                orgs.add("%s %s" % (rng.choice(self.towns), rng.choice(ORG_KINDS)))
            elif k < 0.6:
                orgs.add("Ministry of %s" % rng.choice(MINISTRY_TOPICS) +
                         ("" if rng.random() < 0.5 else " and %s" % rng.choice(MINISTRY_TOPICS)))
            else:
                orgs.add("%s %s" % (make_word(rng, SYL_MID, SYL_LAST, 1, 1),
                                    rng.choice(CORP_SUFFIX)))
        self.orgs = sorted(orgs)
        rng.shuffle(self.orgs)
        people, seen = [], set()
        while len(people) < n_people:
            name = "%s %s" % (rng.choice(firsts), rng.choice(lasts))
            if rng.random() < 0.08:
                name = "%s %s-%s" % (rng.choice(firsts), rng.choice(lasts), rng.choice(lasts))
            if name in seen:
                continue
            seen.add(name)
            people.append({
                "name": name,
                "last": name.split()[-1],
                "pron": rng.choice(["he", "she", "they"] if rng.random() < 0.1 else ["he", "she"]),
                "org": rng.choice(self.orgs),
                "role": rng.choice(ROLES),
                "title": rng.choice(TITLES) if rng.random() < 0.15 else None,
                "local": rng.choice(LOCAL_ROLES) if rng.random() < 0.3 else None,
                "town": rng.choice(self.towns),
            })
        self.people = people
        self.reporters = ["%s %s" % (rng.choice(firsts), rng.choice(lasts)) for _ in range(120)]
        self.outlets = sorted({"%s %s" % (rng.choice(OUTLET_A), rng.choice(OUTLET_B))
                               for _ in range(40)})

    def skewed(self, rng, seq):
        # About a third of draws come from the first twentieth of the pool: some
        # speakers and organisations appear in hundreds of articles, most in few.
        n = len(seq)
        if rng.random() < 0.35:
            return seq[int(rng.random() ** 2 * n / 20)]
        return seq[rng.randrange(n)]


class Article:
    def __init__(self, pools, seed, index):
        self.p = pools
        self.rng = random.Random((seed << 32) ^ (index * 2654435761 + 97))
        self.index = index
        r = self.rng
        self.topic = r.choice(sorted(TOPICS))
        self.nouns = TOPICS[self.topic]
        self.town = pools.skewed(r, pools.towns)
        self.country = pools.town_country[self.town]
        self.curly = r.random() < 0.7
        self.cast = [pools.skewed(r, pools.people) for _ in range(r.randint(3, 6))]
        self.named = set()  # people already introduced in full

    # -- small pieces --
    def q(self, text):
        return ("\u201c%s\u201d" if self.curly else "\"%s\"") % text

    def fill(self, s):
        r = self.rng
        return s.format(noun=r.choice(self.nouns), n=r.randint(2, 90), year=r.randint(1962, 2024),
                        month=r.choice(MONTHS), org=self.p.skewed(r, self.p.orgs),
                        town=self.town, town2=self.p.skewed(r, self.p.towns),
                        adj=r.choice(ADJ), weekday=r.choice(WEEKDAYS))

    def quote_text(self, sentences=None):
        r = self.rng
        k = sentences or r.choice([1, 1, 2, 2, 3])
        return " ".join(cap(self.fill(r.choice(CLAUSES))) + "." for _ in range(k))

    def who(self, person):
        """The full introduction the first time, the surname after."""
        if person["name"] in self.named:
            return person["last"], False
        self.named.add(person["name"])
        return person["name"], True

    def describe(self, person):
        if person["local"]:
            return "%s from %s" % (person["local"], person["town"])
        return "%s %s" % (person["role"], person["org"])

    def pron(self, person):
        return person["pron"]

    # -- quote paragraphs of each kind --
    def para_quote(self):
        r = self.rng
        person = r.choice(self.cast)
        name, first = self.who(person)
        title = person["title"] + " " if first and person["title"] else ""
        body = self.quote_text()
        cue = r.choice(CUES)
        style = r.random()
        if style < 0.22:  # full, quote then attribution, appositive
            text = body[:-1] + ","
            if first:
                return "%s said %s%s, %s." % (self.q(text), title, name, self.describe(person))
            return "%s %s %s." % (self.q(text), name, cue)
        if style < 0.36:  # attribution then quote, colon intro
            tail = ", %s," % self.describe(person) if first else ""
            return "%s%s%s %s: %s" % (title, name, tail, cue, self.q(body))
        if style < 0.52:  # split quote
            a, b = self.quote_text(1), self.quote_text(r.randint(1, 2))
            if first:
                name = "%s%s, %s," % (title, name, self.describe(person))
            return "%s %s %s. %s" % (self.q(a[:-1] + ","), name, "said", self.q(b))
        if style < 0.64:  # partial quote in reported speech
            phrase = r.choice(PARTIALS)
            return "%s%s said the %s was %s and that a decision would follow in %s." % (
                title, name, r.choice(self.nouns), self.q(phrase), r.choice(MONTHS))
        if style < 0.76:  # pronoun speaker, after a sentence that names them
            intro = "%s%s, %s, has followed the %s for years." % (
                title, name, self.describe(person), r.choice(self.nouns)) if first else \
                "%s has followed the %s for years." % (name, r.choice(self.nouns))
            return "%s %s %s %s." % (intro, self.q(body[:-1] + ","), self.pron(person),
                                     r.choice(["said", "added", "said on " + r.choice(WEEKDAYS)]))
        if style < 0.84:  # anonymous source
            return "%s said %s. %s" % (self.q(body[:-1] + ","), r.choice(ANON),
                                       self.fill(r.choice(NARRATIVE)))
        if style < 0.92:  # according to
            return "The %s will need %s more years of work, according to %s%s." % (
                r.choice(self.nouns), r.choice(["two", "three", "five", "several"]), title, name)
        # inverted verb, then a continuation paragraph with no attribution
        return "%s said %s.\n\n%s" % (self.q(body[:-1] + ","), name, self.q(self.quote_text()))

    def para_narrative(self):
        r = self.rng
        return " ".join(self.fill(t) for t in r.sample(NARRATIVE, r.randint(2, 4)))

    # -- the page --
    def text(self):
        r, p = self.rng, self.p
        noun = r.choice(self.nouns)
        lead = r.choice(self.cast)
        section = r.choice(SECTIONS)
        head = r.choice([
            "%s %s %s %s as %s wait for answers" % (
                self.town, r.choice(["council", "officials", "regulator", "court"]),
                r.choice(HEAD_VERBS), r.choice(ADJ) + " " + noun, r.choice(self.nouns)),
            "%s says %s will be %s by %s" % (
                lead["name"], noun, r.choice(["rebuilt", "reopened", "reviewed", "sold"]),
                r.choice(MONTHS)),
            "In %s, a %s %s leaves %s asking who pays" % (
                self.town, r.choice(ADJ), noun, r.choice(self.nouns)),
            "%s %s %s plan after %s protests" % (
                p.skewed(r, p.orgs), r.choice(HEAD_VERBS), noun, r.choice(["weeks of",
                                                                          "months of", "new"])),
        ])
        sub = r.choice([
            "Residents say the %s matters more than the %s." % (noun, r.choice(self.nouns)),
            "%s says the %s is %s." % (lead["last"], noun, r.choice(PARTIALS)),
            self.q(self.quote_text(1)[:-1] + ",") + " %s said." % lead["last"],
            "The plan would cost %d million and take %d years." % (r.randint(2, 900),
                                                                 r.randint(2, 12)),
        ])
        year = r.choice([2024, 2025, 2025, 2026])
        month, day = r.randint(1, 12), r.randint(1, 28)
        date = r.choice([
            "Published %d %s %d" % (day, MONTHS[month - 1][:3], year),
            "%04d-%02d-%02d" % (year, month, day),
            "%s %d, %d" % (MONTHS[month - 1], day, year),
            "Updated %s %d, %d, %d:%02d a.m." % (MONTHS[month - 1][:3], day, year,
                                                 r.randint(1, 11), r.randint(0, 59)),
            None,
        ])
        lines = [r.choice(BOILER_TOP)]
        if r.random() < 0.6:
            lines.append(r.choice(p.outlets))
        lines += [section, "", head, "", sub, ""]
        if date:
            lines += [date, ""]
        authors = [r.choice(p.reporters) for _ in range(r.choice([1, 1, 2]))]
        top_byline = r.random() < 0.5
        if top_byline:
            lines += ["By " + " and ".join(authors), ""]
        if r.random() < 0.4:
            lines += [r.choice(BOILER_MID).format(n=r.randint(2, 9)), ""]
        dash = "\u2014" if r.random() < 0.8 else "\u2013"
        dl = self.town.upper() + (", " + self.country if r.random() < 0.8 else "")
        first_name, _ = self.who(lead)
        paras = ["%s %s %s %s, %s said on %s, %s" % (
            dl, dash, cap(self.fill("the {adj} {noun} in " + self.town + " will go ahead")),
            "despite objections", first_name, r.choice(WEEKDAYS), self.fill(
                "after months of argument over the {noun} and a cost that has risen by {n} percent."))]
        for _ in range(r.randint(12, 20)):
            paras.append(self.para_quote() if r.random() < 0.6 else self.para_narrative())
        paras.append(self.fill(r.choice(NARRATIVE)))
        end = r.random()
        if not top_byline and end < 0.4:
            paras.append("Reporting by %s in %s; editing by %s" % (
                authors[0], self.town, r.choice(p.reporters)))
        elif not top_byline and end < 0.7:
            paras.append("%s is a staff writer based in %s." % (authors[0], self.town))
        elif end < 0.85:
            paras.append("\u00a9 %d %s. All rights reserved." % (year, r.choice(p.outlets)))
        body = "\n".join(lines) + "\n" + "\n\n".join(paras) + "\n"
        if r.random() < 0.5:
            body += "\n" + r.choice(BOILER_END) + "\n"
        return body


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    ap.add_argument("--shard", type=int, default=1000, help="articles per .jsonl file")
    ap.add_argument("--start", type=int, default=0, help="first article index")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    pools = Pools(a.seed)
    total = 0
    f, shard = None, -1
    for i in range(a.start, a.start + a.n):
        t = Article(pools, a.seed, i).text()
        total += len(t.encode())
        if a.format == "txt":
            with open(os.path.join(a.out, "%05d.txt" % i), "w", encoding="utf-8") as g:
                g.write(t)
            continue
        if i // a.shard != shard:
            if f:
                f.close()
            shard = i // a.shard
            f = open(os.path.join(a.out, "part-%04d.jsonl" % shard), "w", encoding="utf-8")
        f.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
    if f:
        f.close()
    print("%d articles, %d bytes of text, seed %d -> %s" % (a.n, total, a.seed, a.out),
          file=sys.stderr)


if __name__ == "__main__":
    main()
