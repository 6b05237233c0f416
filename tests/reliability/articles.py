"""articles.py: generates varied raw articles in the format of samples/*.txt.

Every article carries a unique serial and random words in its title and body,
so each one is a new article for newsd's content-hash dedup. Each has several
quotes with named speakers, organisations and places, so a stored article has
quotes, entities and paragraphs worth checking after a crash.
"""

import random

SECTIONS = ["Business", "Politics", "Science", "Local", "Transport", "Health",
            "Markets", "Culture", "Climate", "Technology"]
PLACES = [("OSLO", "Norway"), ("LISBON", "Portugal"), ("NAIROBI", "Kenya"),
          ("HANOI", "Vietnam"), ("QUITO", "Ecuador"), ("TALLINN", "Estonia"),
          ("ACCRA", "Ghana"), ("PERTH", "Australia"), ("LIMA", "Peru"),
          ("BERGEN", "Norway"), ("PORTO", "Portugal"), ("MOMBASA", "Kenya")]
FIRST = ["Ingrid", "Tomas", "Amara", "Kenji", "Lucia", "Oskar", "Fatima", "Rafael",
         "Helga", "Daniel", "Mei", "Kwame", "Sofia", "Pieter", "Nadia", "Arjun"]
LAST = ["Solberg", "Varga", "Okafor", "Tanaka", "Moreno", "Lindqvist", "Haddad",
        "Costa", "Brandt", "Mensah", "Ishikawa", "Novak", "Duarte", "Kowalski",
        "Achterberg", "Quispe"]
ORGS = ["Harbour Authority", "Ministry of Transport", "National Grid Company",
        "Coastal Fisheries Board", "City Council", "Port Workers Union",
        "Regional Water Agency", "Central Bank"]
ROLES = ["a spokesman for the", "the chief executive of the", "an adviser to the",
         "a senior official at the", "the head of the"]
CUES = ["said", "told reporters", "added", "said on Tuesday"]
WORDS = ("harbour bridge tariff grain ferry budget tunnel pier turbine reservoir "
         "contract levy subsidy timber copper rail depot quay lighthouse cable "
         "pipeline orchard glacier canal airport clinic school market permit").split()


def _name(rng):
    return "%s %s" % (rng.choice(FIRST), rng.choice(LAST))


def _words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def make_article(serial, seed=None, paragraphs=None):
    """Returns (title, text): a raw article, unique through serial and seed."""
    rng = random.Random(seed if seed is not None else serial * 7919 + 17)
    city, country = rng.choice(PLACES)
    section = rng.choice(SECTIONS)
    thing = rng.choice(WORDS)
    title = ("%s officials weigh %s plan number %d as %s costs rise"
             % (city.title(), thing, serial, rng.choice(WORDS)))
    subtitle = "Residents say the %s %s cannot wait another winter." % (
        rng.choice(WORDS), _words(rng, 2))
    author = _name(rng)
    speakers = [_name(rng) for _ in range(3)]
    org = rng.choice(ORGS)
    n_par = paragraphs or rng.randint(5, 9)
    body = []
    body.append("%s, %s \u2014 The %s will decide on the %s project (ref %d-%08x) "
                "before the end of the month, officials said, after a review of %s."
                % (city, country, org, thing, serial, rng.getrandbits(32), _words(rng, 6)))
    for i in range(1, n_par):
        sp = speakers[i % len(speakers)]
        style = rng.randrange(4)
        words = _words(rng, rng.randint(6, 14))
        if style == 0:
            body.append("\u201cWe cannot keep paying for the %s while %s,\u201d %s %s, %s %s."
                        % (thing, words, CUES[i % len(CUES)], sp, rng.choice(ROLES), org))
        elif style == 1:
            body.append("%s, %s %s, said the plan was \u201c%s\u201d and that work on the "
                        "%s would start in %s." % (sp, rng.choice(ROLES), org, words,
                                                   rng.choice(WORDS), country))
        elif style == 2:
            body.append("\u201cThe %s is not a luxury,\u201d said %s. \u201cIt is the only "
                        "%s we have left in %s.\u201d" % (thing, sp, words, city.title()))
        else:
            body.append("Paragraph %d of the report on %s notes that %s, according to "
                        "the %s in %s." % (i, thing, words, org, country))
    text = "\n".join([
        "Skip to main content", "The Reliability Ledger", "Menu", section, "",
        title, "", subtitle, "", "By %s" % author, "", "\n\n".join(body), ""])
    return title, text
