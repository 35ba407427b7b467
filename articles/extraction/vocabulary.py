"""The words and patterns the rules read: titles, honorifics, cues, the shapes of names
and sentences. Nothing here depends on the newsroom's countries or people."""

from __future__ import annotations

import re

# Geographic names that contain a country name or adjective but are not a country.
NON_COUNTRY_NAMES = (
    "South China Sea", "East China Sea", "South China Seas", "East China Seas", "Indian Ocean", "Korean Peninsula", "New Jersey",
    "New Guinea", "Gulf of Guinea", "Latin America", "Latin American", "Ibero-America", "Ibero-American",
    "South America",
    "South American", "North America", "North American", "Central America",
    "Central American", "the Americas", "Pan-American", "Indo-Pacific", "Antarctic",
)

# Titles that name their holder after "the" ("His Highness the Amir said") but are given names
# too ("Amir Khan"), so they never split a name.
REFERENCE_HEADS = ("Amir",)
# "the diplomat conveyed ...": a word for whoever holds a diplomatic office named before.
DIPLOMAT_REFERENCES = ("diplomat",)
# "The Head of State noted that ...": whoever holds the office that heads the state or the
# government in the story ("President X", "Emir Y", "Prime Minister Z").
OFFICE_REFERENCES = {
    "head of state": frozenset({"president", "king", "queen", "emir", "amir", "sultan", "monarch"}),
    "head of government": frozenset({"prime", "premier", "chancellor"}),
}
DIPLOMATIC_HEADS = frozenset({"ambassador", "envoy", "chargé", "charge", "consul", "consul-general", "diplomat",
                              "counsellor", "attaché", "representative"})

# Military ranks as printed before a name: "Lt. Gen. (Rtd) X", "Rear Adm. Y", "Brig. Gen. Z".
MILITARY_RANKS = ("Gen.", "Adm.", "Col.", "Capt.", "Cdr.", "Cmdr.", "Brig.", "Maj.", "Lt.")
# Title heads: the word that makes the words before a name a title.
TITLE_HEADS = (
    "President", "President-elect", "Vice-President", "Premier", "Vice-Premier", "Minister",
    "Minister-Counselor", "Councilor", "Councillor", "Ambassador", "Spokesperson",
    "Spokesman", "Spokeswoman", "Secretary-General", "Secretary", "King", "Queen", "Prince",
    "Princess", "Emir", "Sultan", "Sheikh", "Chairman", "Chairwoman", "Chairperson",
    "Chair", "Chancellor", "Governor", "Mayor", "Senator", "Speaker", "Director-General",
    "Director", "Envoy", "Representative", "Counselor", "Counsellor", "Consul-General",
    "Consul", "Commissioner", "Executive", "Leader", "Head", "General", "Admiral", "Colonel",
    "Marshal", "Commander", "Pope", "Ayatollah", "Justice", "Judge", "Professor", "Prof.",
    "Member", "Lawmaker", "Deputy", "Officer", "Official", "Attaché", "d'Affaires",
    "d’Affaires", "d'affaires", "d’affaires", "CEO", "Founder", "Excellency", "Monarch", "Emperor", "Regent", "Dean",
    "Mufti", "Patriarch", "Archbishop", "Bishop", "Cardinal", "Captain", "Lieutenant",
    "Major", "Brigadier", "Vice-Chairman", "Vice-Chairperson", "Coordinator", "Administrator",
    "Governor-General", "Adviser", "Advisor", "Delegate", "Negotiator", "Candidate",
    "Sayyid", "Sayyida", "Seyed", "Seyyed", "FM", "EAM", "PM", "Undersecretary", "Under-Secretary", "Commodore",
    "Mantri", "Taoiseach", "Tánaiste", "Ruler", "Plenipotentiary", *MILITARY_RANKS,
)
# Heads that make a title only with an "of" after them: "the Chief of Staff, Rui Costa", not
# "was the Chief Guest".
OF_HEADS = ("Chief",)
# Titles printed in lower case before a name ("foreign minister Penny Wong") and the words
# that qualify them; a small list, because lower-case words before a name are rarely a title.
LOWER_TITLE_HEADS = (
    "leader", "counterpart", "president", "president-elect", "vice-president", "premier", "minister",
    "ambassador", "spokesperson", "spokesman", "spokeswoman", "secretary", "secretary-general", "envoy",
    "chancellor", "commissioner", "director", "director-general", "chairman", "chairwoman",
    "chairperson", "governor", "mayor", "senator", "king", "queen", "prince", "emir", "sultan",
    "professor", "consul", "consul-general", "counsellor", "counselor", "adviser", "advisor",
    "delegate", "negotiator", "candidate", "head", "governor-general", "representative", "undersecretary",
    "under-secretary",
)
LOWER_TITLE_QUALIFIERS = (
    "foreign", "prime", "deputy", "vice", "state", "trade", "defence", "defense", "finance",
    "interior", "home", "former", "senior", "chief", "special", "acting", "outgoing", "incoming",
    "permanent", "assistant", "cabinet", "economy", "national", "security", "presidential",
    "ministry", "government", "policy", "affairs", "external",
)
# The words in lower case a title before a name may hold: "Minister of Foreign Affairs and
# Trade", "visiting foreign minister", "Chargé d'affaires a.i.", "Ambassador ad interim".
TITLE_LOWER_WORDS = frozenset(("of", "to", "for", "at", "in", "on", "the", "and", "a.i.", "ad", "interim", "visiting",
                               "then", "former", "incoming", "new", "outgoing", "current", "acting")
                              + LOWER_TITLE_QUALIFIERS + LOWER_TITLE_HEADS)
# Trades printed in lower case before a full name, which make it a person: "Chinese player
# Zhuang Zedong", "journalist Rodrigo Cárdenas Olvera".
JOB_NOUNS = frozenset("""
player athlete footballer cricketer coach pianist violinist cellist musician singer composer conductor
artist painter sculptor photographer filmmaker actor actress dancer writer author poet novelist
journalist reporter correspondent columnist editor scholar historian researcher academic scientist
economist analyst entrepreneur businessman businesswoman activist lawyer architect designer chef student
teacher translator interpreter moderator
""".split())
# Nouns that make a description of a person: "a senior fellow at the institute", "a graduate of".
PERSON_NOUNS = frozenset(LOWER_TITLE_HEADS) | JOB_NOUNS | frozenset("""
minister fellow expert official diplomat lecturer head chief member leader founder chair officer
representative negotiator lawmaker legislator politician dean rector ambassador spokesperson graduate
alumnus alumna
""".split())
# Malaysian and Bruneian styles and honours before a name, in the order they are printed: "YAB
# Dato' Seri Anwar Ibrahim", "YB Dato' Seri Utama Haji Mohamad bin Haji Hasan", "Tan Sri",
# "Tengku", "Yang Berhormat Dato Seri Setia Awang Haji X" (Brunei's "Awang" and "Dayang" are its
# "Mr" and "Ms").
MALAY_STYLES = ("YAB", "YB", "YBhg", "Dato", "Dato'", "Dato’", "Datuk", "Datin", "Seri", "Utama", "Setia", "Paduka",
                "Puan", "Haji", "Hajah", "Hajjah", "Tengku", "Tunku", "Berhormat", "Mulia", "Awang", "Dayang")
# Styles of several words whose first word alone may be a name ("Tan", "Yang", "Toh"); as a pair
# of words they are a style: "former Senate President Tan Sri S.A. Vigneswaran".
COMPOUND_STYLES = ("Tan Sri", "Puan Sri", "Toh Puan", "Yang Berhormat", "Yang Mulia", "Yang Amat Berhormat",
                   "Yang Amat Mulia")
STYLE_PAIRS = frozenset(f"{first} {second}" for style in COMPOUND_STYLES
                        for first, second in zip(style.split(), style.split()[1:]))
# Cambodian styles before a name: "Samdech Moha Borvor Thipadei Hun Manet", "Lok Chumteav".
KHMER_STYLES = ("Samdech", "Akka", "Moha", "Sena", "Padei", "Techo", "Borvor", "Thipadei", "Lok", "Chumteav", "Oknha")
# Courtesies of other languages, used as "Mr." is: Amharic "Ato" and "Woizero" (also
# "Weyzero"), the Fijian chiefs' "Ratu", Burmese "Daw", Swahili "Mama" for a woman held in
# respect ("First Lady Mama Rachel Ruto") and "U" ("U Aung Kyaw Zan"; a courtesy only without a
# full stop, which makes it the "U." of "U.S." and "U.N.").
LOCAL_COURTESIES = ("Ato", "Woizero", "Weyzero", "Ratu", "Daw", "Mama")
HONORIFICS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "H.E.", "H.H.", "HE", "HH", "Madam", "Madame", "Sir",
              "Dame", "Lord", "Lady", "Rt", "Rt.", "Hon", "Hon.", "Honourable", "Honorable", "Shri",
              "Smt", "Smt.", "Shrimati", "Excellency", "Mme", "Mme.", "Amb", "Amb.", "Advocate", "Hon'ble", "Hon’ble",
              "Ibu", "Bapak", "Miss", "Prof", "Prof.", "Mawlawi", "Maulvi", "Maulana", *MALAY_STYLES,
              *KHMER_STYLES, *LOCAL_COURTESIES, *COMPOUND_STYLES, "U")
# Words of courtesy that are never part of a title or a name: "Her Excellency The Rt Hon Dame".
COURTESY_WORDS = re.compile(
    r"(?<![\w'’])(?:Mr|Mrs|Ms|Miss|Dr|Prof|H\.E|H\.H|HE|HH|Madam|Madame|Mme|Amb|Advocate|Ibu|Bapak|Mawlawi|Maulvi|"
    r"Maulana|Sir|Dame|Lord|Lady|Rt|"
    r"Hon(?:['’]ble)?|"
    r"Honourable|Honorable|Shri|Smt|Shrimati|"
    + "|".join((*COMPOUND_STYLES, *MALAY_STYLES, *KHMER_STYLES, *LOCAL_COURTESIES)) + "|"
    r"(?:His|Her|Their|Your)\s+(?:Excellency|Majesty|Highness|Royal\s+Highness)|Excellency)(?:\.|(?![\w'’]))"
    r"|(?<![\w'’.])U(?![\w'’.])")
# Titles of rank rather than office: an office set off after the name says more.
STYLE_TITLES = frozenset({"Sheikh", "Sheikha", "Prince", "Princess", "Sultan", "Emir", "Amir", "Sayyid"})
# Title words that are also given names or surnames ("Hassan Sheikh Mohamud", "Ben King",
# "Julie Bishop"): after a name word they continue the name.
NAME_TITLE_WORDS = frozenset({"Sheikh", "Sultan", "King", "Bishop", "Major", "Marshal", "Dean", "Judge",
                              "Prince", "Lord", "Emir", "Haji", "Tengku", "Tunku"})
# Styles that are part of a name when a title comes before them: "Prime Minister Sheikh Hasina".
NAMING_STYLES = frozenset({"Sheikh", "Sheikha"})
# A ruler's style that, after "His Majesty", is part of a name of one word: "His Majesty Sultan
# Ibrahim" is Malaysia's king by his name, where "Sultan Haitham" shortens "Haitham bin Tarik";
# so is "His Majesty Emperor Naruhito".
RULER_STYLES = frozenset({"Sultan", "Emperor"})
MAJESTY_BEFORE = re.compile(r"(?:His|Her)\s+Majesty\s+$")
# The prefixes of ships' names: "INS Delhi", "HMAS Canberra", "BRP Sierra Madre".
SHIP_PREFIXES = frozenset("INS HMS HMAS HMNZS HMCS USS USNS BRP KRI ROKS PNS JS MV RV".split())
# Words that make the capitalised words after them an event or a place, not a person:
# "Hurricane Beryl", "Mount Kenya", "Lake Chad", "its sister city Xiamen", "St Patrick's Day",
# "Southern California".
NAMED_THING_LEADS = frozenset("""
Hurricane Typhoon Cyclone Storm Tropical Operation Mount Mt Lake Cape Fort Port Camp Gate Station St
Street Avenue Boulevard Bridge Tower Stadium Arena Terminal Highway Route Northern Southern Eastern Western
city town village province capital island region county
""".split()) | SHIP_PREFIXES
# Words that end a place's name: "Second Thomas Shoal", "Scarborough Shoal", "Rio Grande Valley".
PLACE_WORDS = frozenset("""
Shoal Shoals Reef Reefs Atoll Bay Canal Valley Desert Plateau Mountains Mountain Hills Basin Delta
Coast Lagoon Cay Bank Ridge Rapids Falls Pass Heights Corridor Highlands Lowlands Steppe Forest Strip
Estate Estates District Municipality State
""".split())

# Capitalised words that never belong to a person's name; they split a run of capitals.
NON_NAME_WORDS = frozenset("""
Vice Deputy Assistant Acting Former First Senior Executive Special Permanent Chief Foreign
Prime State Ministry Ministerial Regional Provincial Party Grand Crown High Under Supreme
Federal National Resident Honorary Central Political Bureau Standing Office Affairs Commerce
Defense Defence Finance Trade Interior Security Development Economic Economy Cooperation
Initiative Corridor Nations Union Organization Organisation Council Committee Commission Forum
Bank Road Belt Government University Summit Conference Association Agency Authority Fund Programme
Program Congress Assembly Parliament Senate Court Group Institute Center Centre Company
Corporation Department Embassy Consulate Secretariat Alliance Community Partnership Treaty
Agreement Declaration Charter Strategy Plan Vision Dialogue Mechanism Zone Port Airport Railway
Project Park Games Olympics Cup Festival Year Day Week Relations Civilization Peninsula Sea
Ocean Gulf Strait Island Islands River Province Region City County Square Hall House Palace
Kremlin Diwan White Times News Daily Post Xinhua Reuters Press Journal Herald Television Radio Global
Republic Kingdom Federation Emirates People Peoples Communist Revolution Initiatives Regular
Meeting Talks Talk Call Phone Video Visit Session Ceremony Reception Briefing Remarks Speech
Statement Joint Communique Press Q A The A An This That These Those It Its He She His Her We
Our They Their You Your I On In At During After Before When While As Both All Some Many Each
Every Also And But Or Of For To With From By Upon Since Following Noting Stressing Emphasizing
Emphasising Pointing Adding Saying Reiterating Underlining Underscoring Highlighting Expressing
Welcoming Recalling Calling Hoping Regarding Asked Meanwhile However Moreover Furthermore
Besides Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
Meets Met Holds Held Has Had Attends Speaks Calls Visits Says Said Sends Receives Urges
Congratulates Stresses Hosts Chairs Delivers Addresses Exchanges Answers Signs Pays Co-chairs
Beijing Islamabad Moscow Washington Tokyo London Paris Berlin Brussels Geneva Kabul Tehran
Delhi Seoul Pyongyang Hanoi Bangkok Jakarta Manila Canberra Ottawa Brasilia Riyadh Doha Cairo
Ankara Astana Tashkent Kiev Kyiv Minsk Belgrade Budapest Rome Madrid Vienna Lisbon Shanghai
Nairobi Addis Ababa Abuja Pretoria Havana Caracas Lima Karachi Lahore Dhaka Colombo Kathmandu
Officials Experts Analysts Sources Observers Leaders Participants Reporters Journalists
Delegates Representatives Members Students Everyone Others Spokesperson Spokesman Side Sides
Mission Delegation Talks Framework Outlook Initiative Excellency Majesty Highness Royal
Lunar Spring New Parade Ministers Presidents Heads Chairs Energy Health Education Culture Justice
Agriculture Industry Technology Science Planning Public Information Commercial
Afterwards Later Earlier Separately Additionally Nevertheless Instead Overall Finally Then Now
Here There Thus Hence Indeed Yet Previously Currently Subsequently Recently Similarly Likewise
Integration Investment Tourism Environment Resources Transport Infrastructure Labour Labor
Employment Youth Sports Women Welfare Immigration Fisheries Mining Communications Governance
Expatriates Emigrants Emigration Diaspora Migration Migrants Refugees Nationals Citizens Compatriots
Minorities Institutions Organizations Organisations Intelligence Service Services Abroad Overseas
Worship Seniors Media Freedom Rights Peacebuilding Francophonie
Works Housing Water Lands Petroleum Climate Digital Mines Minerals Livestock Forestry
Cooperatives Textiles Shipping Telecommunications Arts Heritage Endowments Sport Budget Treasury
Gender Children Family Veterans Sciences Oceans Maritime
Studies School Foundation Society Network Research Policy Academy Council
Guard Guards Army Navy Police Force Forces Militia Corps Command Fleet Directorate
Gen Adm Col Capt Cdr Cmdr Brig Maj Lt Rear Commanding Rtd Retd
Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth
Conveys Expresses Extends Welcomes Thanks Condoles Discusses Launches Opens Reaffirms Announces
Condemns Praises Pledges Pledge Vows Rejects Hails Seeks Reviews Inaugurates Leads Concludes Begins
Arrives Departs Attends Receive Receives Meet Hold Host Hosts Call Urge Stress Stresses Reaffirm Discuss
Agree Agrees Sign Signs Welcome Mourns Visit Calls Greets Congratulate Condole Commits Bids Farewell
Extraordinary Plenipotentiary Ambassadors Envoys Consuls Co-Chair Co-Chairs Co-Chairman Co-Chairperson
Firstly Secondly Thirdly Fourthly Lastly Consultations Level Mobility
Museum Memorial Plant Board Residence Room Mosque Temple Church Cathedral Building Hospital Clinic Hotel
""".split()) | frozenset(TITLE_HEADS) | frozenset(HONORIFICS) | NAMED_THING_LEADS | PLACE_WORDS

# '"...," said Josep Borrell': the name after the cue is its speaker.
INVERSION_CUES = frozenset({"said", "says", "added", "asked", "wrote", "noted", "stressed", "explained",
                            "warned"})
# What may follow the name of an inverted cue; the empty "verb" stands for the cue before it.
INVERTED = re.compile(r"(?P<verb>)(?=[,.;]|\s+(?:in|on|at|during|after|before|to|when|while)\b)")
# Honorifics and titles that tell a person's gender, for "he" and "she".
GENDERED_WORDS = {"Mr": "m", "Mr.": "m", "Sir": "m", "King": "m", "Prince": "m", "Emir": "m", "Sultan": "m",
                  "Emperor": "m", "Sheikh": "m", "Chairman": "m", "Spokesman": "m", "Ms": "f", "Ms.": "f",
                  "Mrs": "f", "Mrs.": "f", "Madam": "f", "Madame": "f", "Queen": "f", "Princess": "f",
                  "Chairwoman": "f", "Spokeswoman": "f", "Sheikha": "f", "Dame": "f", "Lady": "f",
                  "Lord": "m", "Smt": "f", "Smt.": "f", "Shrimati": "f"}
ARTICLES = frozenset({"the", "The", "a", "an"})
POSSESSIVE_DETERMINERS = frozenset({"its", "his", "her", "their", "our", "Its", "His", "Her", "Their", "Our"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "across", "outside", "inside"})
# Prepositions of place only: "a letter from X" and "spoke to X" may name people, "in X" not.
PLACE_ONLY_PREPOSITIONS = frozenset({"in", "at", "near", "across", "outside", "inside"})
# Verbs whose object set off by a comma is a place: "who was visiting Vancouver, Member of Parliament X".
VISITING_VERBS = frozenset({"visiting", "visited", "visits", "touring", "toured"})
# Words of multi-word country names that are never part of a person's name.
GEOGRAPHIC_WORDS = frozenset("""
North South East West Northern Southern Eastern Western Central New United Democratic People's
Republic Islands Island Kingdom States Arab Emirates Federated Saint St. Great Equatorial Holy See Federal Islamic
Socialist Bolivarian Plurinational Sri Lanka Arabia Korea Zealand Africa African Guinea Leone
""".split())
# Months that are given names too: "Hon. January Yusuf Makamba", "King Stanisław August Poniatowski".
MONTHS = frozenset("January February March April May June July August September October November December".split())
# Words that are surnames right after a title or a titled given name ("Vice Premier He Lifeng",
# "General Secretary To Lam", "Prime Minister Luís Montenegro", "Vice Minister Park").
AMBIGUOUS_SURNAMES = frozenset({"He", "To", "May", "Jordan", "Chad", "Georgia", "Montenegro", "Park"})
# Words that end an organisation's name: the capitalised words before them are not a person.
ORGANISATION_WORDS = frozenset("""
Initiative Corridor Nations Union Organization Organisation Council Committee Commission Forum
Bank Government University Summit Conference Association Agency Fund Programme Program Congress
Assembly Parliament Senate Court Group Institute Center Centre Company Corporation Department
Embassy Consulate Secretariat Alliance Community Partnership Treaty Agreement Declaration Charter
Strategy Plan Vision Dialogue Mechanism Zone Port Airport Railway Project Park Games Festival
Hall Palace Square House Times News Daily Post Ministry Office Bureau Party Sea Ocean Peninsula
Islands Island River Province Region Meeting Cooperation Expo Exhibition Fair Road
Studies School Foundation Society Network Academy Governance
Museum Memorial Plant Board Residence Room City Mosque Temple Church Cathedral
Guard Guards Army Navy Police Force Forces Militia Corps Command Fleet Directorate
Building Hospital Clinic Hotel Authority
""".split()) | PLACE_WORDS


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


# Their plurals too: "Shandong and Jiangsu Provinces", "the Gulf Cooperation Council Ministries".
PLURAL_ORGANISATION_WORDS = frozenset(_plural(word) for word in ORGANISATION_WORDS)
ORGANISATION_WORDS |= PLURAL_ORGANISATION_WORDS
NON_NAME_WORDS |= PLURAL_ORGANISATION_WORDS
# Endings of abstract nouns, which name policies, campaigns and eras, never people: "Ping-Pong
# Diplomacy", "Multilateralism", "Reform and Opening-up Modernization", "Friendship".
CONCEPT_ENDINGS = ("cracy", "macy", "ism", "tion", "sion", "ship")


def is_concept_word(word: str) -> bool:
    return len(word) >= 7 and word.endswith(CONCEPT_ENDINGS)


# Letters after a name, bracketed or not: parliament members' ("TD", "(MP)") and honours ("OBE",
# Kenya's "EGH").
# Also written with full stops: "Micheál Martin T.D.", "(M.P.)".
_LETTERS_AFTER_NAME = "TD|MP|MEP|MLA|MSP|QC|KC|SC|OBE|CBE|KBE|MBE|GCMG|KCMG|CMG|EGH|EBS|CBS|MBS|OGW|GCON|CFR|OFR"
_DOTTED_LETTERS = "|".join(r"\.".join(letters) + r"\." for letters in _LETTERS_AFTER_NAME.split("|"))
POSTNOMINALS = re.compile(
    rf"(?:,?[ ]+(?:{_LETTERS_AFTER_NAME})(?![\w-])|,?[ ]+(?:{_DOTTED_LETTERS})(?![\w-])"
    rf"|[ ]+\((?:TD|MP|MEP|MLA|MSP|QC|KC|SC|T\.D\.|M\.P\.)\))+(?=[ ,.;:)]|$)")
# Turkic patronymics printed after the name in lower case: "Azamat Bakyt uulu", "Aida Kasymaly kyzy".
PATRONYMIC_SUFFIXES = ("uulu", "kyzy", "uly", "ogly", "oglu", "oğlu", "qizi", "qızı")
# Name particles written in lower case inside a name ("Mohammed bin Salman", "van der Leyen"), and
# the Irish "Ó" ("Ciarán Ó Murchú"), one letter that is no initial.
NAME_PARTICLES = ("bin", "binti", "bint", "ibn", "al", "el", "de", "da", "di", "do", "dos",
                  "das", "del", "della", "der", "den", "van", "von", "la", "le", "los", "las", "du", "ben", "abu", "Ó")

# Particles standing before a surname: "Minister van Klaveren", "de la Fuente".
LEADING_PARTICLES = re.compile(rf"(?<![\w'’-])(?:(?:{'|'.join(p for p in NAME_PARTICLES if p.islower())})[ ]+)+$")

# Attribution cues as printed -> the cue recorded on the statement.
CUES = {
    "said": "said", "says": "said", "stated": "stated", "states": "stated",
    "noted": "noted", "notes": "noted", "pointed out": "pointed out",
    "points out": "pointed out", "stressed": "stressed", "stresses": "stressed",
    "emphasized": "emphasized", "emphasised": "emphasized", "emphasizes": "emphasized",
    "underscored": "underscored", "underlined": "underlined", "highlighted": "highlighted",
    "expressed": "expressed", "expresses": "expressed", "hoped": "hoped", "hopes": "hoped",
    "welcomed": "welcomed", "welcomes": "welcomed", "thanked": "thanked", "thanks": "thanked",
    "congratulated": "congratulated", "asked": "asked", "conveyed": "conveyed",
    "extended": "extended", "added": "added", "agreed": "agreed", "called for": "called for",
    "called on": "called on", "urged": "urged", "reaffirmed": "reaffirmed",
    "reiterated": "reiterated", "affirmed": "affirmed", "spoke highly of": "spoke highly of",
    "praised": "praised", "commended": "commended", "appreciated": "appreciated",
    "told": "told", "assured": "assured", "recalled": "recalled", "proposed": "proposed",
    "suggested": "suggested", "believed": "believed", "believes": "believed",
    "announced": "announced", "explained": "explained", "remarked": "remarked",
    "observed": "observed", "maintained": "maintained", "insisted": "insisted",
    "warned": "warned", "acknowledged": "acknowledged", "wished": "wished",
    "invited": "invited", "briefed": "briefed", "elaborated on": "elaborated on",
    "introduced": "introduced", "put forward": "put forward", "voiced": "voiced",
    "denounced": "denounced", "condemned": "condemned", "rejected": "rejected", "mentioned": "mentioned",
    "informed": "informed", "apprised": "apprised", "lauded": "lauded", "hailed": "hailed", "opined": "opined",
    "outlined": "outlined", "appealed": "appealed", "requested": "requested", "reassured": "reassured",
    "reminded": "reminded", "encouraged": "encouraged", "encourages": "encouraged",
    "recognised": "recognized", "recognized": "recognized",
    "urges": "urged", "adds": "added", "argued": "argued", "argues": "argued",
    "contended": "contended", "cautioned": "cautioned", "declared": "declared",
    "confirmed": "confirmed", "indicated": "indicated", "replied": "replied",
    "responded": "responded", "wrote": "wrote", "vowed": "vowed", "pledged": "pledged",
    "promised": "promised", "recommended": "recommended", "conceded": "conceded",
    "admitted": "admitted", "claimed": "claimed", "asserted": "asserted", "lamented": "lamented",
    "regretted": "regretted", "underlines": "underlined", "warns": "warned",
    "insists": "insisted", "explains": "explained", "reiterates": "reiterated",
    "tells": "told", "calls for": "called for", "emphasises": "emphasized",
    "was quoted as saying": "said", "is quoted as saying": "said",
    "made clear": "made clear", "made it clear": "made clear", "makes clear": "made clear",
    "makes it clear": "made clear",
}
# Cues that report a clause ("said the agreement, signed in 2019, reaffirmed ..."), whose
# commas belong to what was said, unlike cues that take an object ("welcomed the visit, ...").
CLAUSE_CUES = frozenset({
    "said", "stated", "noted", "pointed out", "added", "told", "believed", "argued", "explained",
    "warned", "insisted", "indicated", "announced", "declared", "maintained", "observed", "remarked",
    "replied", "responded", "claimed", "asserted", "contended", "cautioned", "made clear",
    "acknowledged", "admitted", "conceded", "confirmed", "suggested", "hoped", "wrote", "mentioned"})
# The past tense of cues that does not end in "-ed": "..., made clear that ...".
IRREGULAR_PAST_CUES = frozenset({"said", "told", "made", "spoke", "put", "wrote"})
# After a participle, words that make it describe a noun rather than say something:
# "the concerns expressed in the letter", "the initiative proposed by China".
DESCRIBING_AFTER = re.compile(r"(?:by|in|at|on|upon|during|from|under|with|to|for|as|after|before|earlier|"
                              r"last|this|since|over)\b")
# Present-tense cues that are also plural nouns ("Coastal states", "the notes"): they
# attribute only to someone already known to be a person, never make one.
NOUN_LIKE_CUES = frozenset({"states", "notes", "thanks", "hopes", "stresses", "welcomes", "calls for"})
# Participles that open or continue a statement: "Noting that ..., X said ...".
PARTICIPLES = {
    "noting": "noted", "stressing": "stressed", "emphasizing": "emphasized",
    "emphasising": "emphasized", "pointing out": "pointed out", "adding": "added",
    "saying": "said", "reiterating": "reiterated", "underlining": "underlined",
    "underscoring": "underscored", "highlighting": "highlighted", "expressing": "expressed",
    "welcoming": "welcomed", "recalling": "recalled", "calling for": "called for",
    "calling on": "called on", "hoping": "hoped", "stating": "stated", "arguing": "argued",
    "making clear": "made clear", "making it clear": "made clear",
    "warning": "warned", "urging": "urged", "insisting": "insisted", "explaining": "explained",
}
# Cues whose object is the person spoken to ("thanked Alvi for ...").
AUDIENCE_CUES = frozenset({"asked", "told", "thanked", "congratulated", "urged", "encouraged", "invited",
                           "briefed", "assured", "called on", "warned", "informed", "apprised", "requested",
                           "reassured", "reminded"})
# Verbs of the narrative: their subject becomes the person "he" or "she" refers to.
NARRATIVE_VERBS = ("met", "meets", "held", "holds", "had", "received", "receives", "visited",
                   "attended", "chaired", "co-chaired", "spoke", "delivered", "sent", "paid",
                   "hosted", "answered", "presided", "signed", "witnessed", "arrived", "left",
                   "wrote", "opened", "moderated", "led", "addressed", "telephoned", "phoned", "called")
# Subjects that are groups: "Both sides agreed ..." is nobody's statement.
GROUP_SUBJECT = re.compile(
    r"(?:\b(?:both|all|the(?:\s+(?:two|three|four|five|several))?)\s+(?:sides|parties|leaders|countries|ministers|delegations"
    r"|presidents|heads of state|governments|foreign ministers)|\b(?:they|we|both)|\bthe\s+\w+\s+side)"
    r"\s*$", re.IGNORECASE)
ADVERBS = r"(?:also|further|then|again|once again|in turn|repeatedly|particularly|specifically|" \
          r"especially|firmly|highly|sincerely|warmly|fully|briefly|first|finally|later|earlier|" \
          r"furthermore|moreover|additionally|clearly|solemnly|strongly|explicitly|cordially|deeply|" \
          r"jointly|personally|publicly|categorically|resolutely|unequivocally|repeatedly|rightly|correctly)"
ADVERB_WORDS = frozenset(re.findall(r"[a-z]+", ADVERBS))
# Auxiliaries and modals between a subject and its cue: "has expressed", "would stress".
AUXILIARIES = r"(?:has|have|had|would|will|shall|could|should|might|may|must|did|does|do)"
# "took the opportunity to express": a phrase that, like a modal, puts the cue in the base form.
OPPORTUNITY_TO = r"(?:took|takes|used|uses|seized|seizes)\s+(?:the|this|that)\s+(?:opportunity|occasion)\s+to"
OPPORTUNITY_BEFORE = re.compile(OPPORTUNITY_TO + r"\s+$")
# "to" ends the words between a subject and its cue only in that phrase, which the regex checks.
GAP_WORDS = ADVERB_WORDS | frozenset(re.findall(r"[a-z]+", AUXILIARIES)) | {"to"}
# Cues in the base form, which attribute only after a modal: "would stress", "will say".
BASE_CUES = {
    "say": "said", "stress": "stressed", "express": "expressed", "reaffirm": "reaffirmed",
    "emphasize": "emphasized", "emphasise": "emphasized", "underline": "underlined", "note": "noted",
    "urge": "urged", "reiterate": "reiterated", "insist": "insisted", "warn": "warned", "argue": "argued",
    "tell": "told", "highlight": "highlighted", "point out": "pointed out", "underscore": "underscored",
    "welcome": "welcomed", "call for": "called for", "convey": "conveyed", "propose": "proposed",
    "make clear": "made clear", "make it clear": "made clear",
}
CUES.update(BASE_CUES)
MODALS = frozenset({"would", "will", "shall", "could", "should", "might", "may", "must", "did", "does", "do"})
# The last word of a group subject: "Both sides", "the two leaders", "the Chinese side".
GROUP_WORDS = frozenset({"sides", "parties", "leaders", "countries", "ministers", "delegations",
                         "presidents", "state", "governments", "they", "we", "both", "side"})
PRONOUN_SUBJECT = re.compile(r"(?:^|[\s,])(He|She|he|she)$")
# "When I met X, he ...", "As we spoke with X, she ...": the story's speaker in the clause before a pronoun.
FIRST_PERSON_SUBJECT = re.compile(r"^(?:When|After|As|While)\s+(?:I|we)\b")
# A sentence opened by its subject's pronoun and a verb: "He also raised ...".
SENTENCE_PRONOUN = re.compile(rf"(He|She)\s+(?:{ADVERBS}\s+)?[a-z]+\b")
# A courtesy standing for the person it was printed before: "His Highness welcomed ...".
COURTESY_SUBJECT = re.compile(r"\b(?:His|Her)\s+(?:Royal\s+)?(?:Highness|Excellency|Majesty)$")
COURTESY_HEADS = frozenset({"highness", "excellency", "majesty"})
# "H.H. Sheikh X", "H.E. X": the same courtesies abbreviated.
COURTESY_ABBREVIATIONS = {"highness": r"H\.\s?H\.", "excellency": r"H\.\s?E\."}
# Before a subject after a comma: the start of a new clause ("..., while Sheikh X, ..., said").
# After a cue that interrupts a sentence: a comma, then the speech resumes (not ", adding that",
# ", who added", a quotation or a closing circumstance such as ", during a visit").
PARENTHETICAL_AFTER = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?,\s+"
    r"(?![\"“]|(?:who|which|adding|noting|stressing|saying|according|during|at|in|on|after|before|while|when|"
    r"as|with|from|speaking|referring|citing)\b)(?=[a-z])")
# Between the two people of a joint subject: "X and his counterpart Y", "X and Y".
JOINT_SUBJECT = re.compile(r",?\s+(?:and|&)\s+(?:(?:his|her|their|its)\s+)?")
CONJUNCTION_LEAD = re.compile(r"\s*(?:and|but|while|whereas|or)\b")
CLAUSE_LEAD = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)$")
# A name followed by a verb: the person a sentence is about ("Prime Minister X has written").
SUBJECT_VERB = re.compile(
    r"(?:,[^,.;\"“”]{1,160},)?\s+(?:(?:has|have|had|was|is|will|would|also|then)\s+)*(?:been\s+)?"
    r"(?!(?:of|and|or|for|to|in|at|on|from|with|the|a|an|by|as|who|which|that|said)\b)[a-z]+\b")
# A title opening a sentence, with its verb: "HE the Sudanese Foreign Minister handed over ...".
OPENING_TITLE = re.compile(
    r"(?:(?:HE|H\.E\.|HH|H\.H\.)\s+)?(?:the|The)\s+(?P<title>(?:[A-Z][\w'’-]*\s+){1,5}?)"
    r"(?:(?:also|then)\s+)?(?!(?:and|or|of|for|to|in|at|on|with|by|as|who|which|that)\b)[a-z]+\b")
# A relative clause between a name and its cue: "X, who had said that ...".
RELATIVE_WHO = re.compile(rf",\s+who(?:\s+(?:{ADVERBS}|{AUXILIARIES}))*\s*$")
CLAUSE_SEPARATOR = re.compile(r"(?:,\s+(?:and|while|whereas)|;)\s+(?:\S+\s+){0,6}?$")
GREETING_WORDS = re.compile(r"\b(?:greetings|regards|wishes|congratulations|message|condolences|"
                            r"invitation|letter)\b")


def _letter_class(test) -> str:
    """A regex character class body for the Latin letters (with diacritics) that pass test."""
    chars = [chr(code) for block in ((0x41, 0x250), (0x1E00, 0x1F00)) for code in range(*block)
             if test(chr(code))]
    ranges, first, last = [], chars[0], chars[0]
    for char in chars[1:] + ["\uffff"]:
        if ord(char) == ord(last) + 1:
            last = char
            continue
        ranges.append(first if first == last else f"{first}-{last}")
        first = last = char
    return "".join(ranges)


# Latin letters of every language the desk reports on: "Ömer", "Fiamē", "Phạm", "Bárcena".
UPPER = _letter_class(str.isupper)
LOWER = _letter_class(str.islower)
# A name token: "Faye", "Okonkwo-Hale", "al-Sisi", "O'Brien", "N'Dri", "McClay", "DiCarlo",
# "Mataʻafa" (not "Alvi's"), "M'beou", an initial or initials before another capital or a particle ("K. T.
# Hammond", "Retno L.P. Marsudi", "Eduardo Jose A. de Vega", and without a stop, as Singapore prints
# them, "K Shanmugam"; never the words "A", "I", "O" nor the courtesy "U"), a given name shortened
# ("Md. Touhid Hossain", "Ma. Theresa Lazaro"), or a surname in capitals before a given name, as
# Japanese ministries print it ("KAMIKAWA Yoko").
NAME_TOKEN = (rf"(?:(?:Md|Mohd|Muhd|Ma)\.(?=\s[{UPPER}])"
              rf"|(?:al-|el-|Al-|El-|bin-|Mc|(?:Mac|Di|De|Du|La|Le)(?=[{UPPER}][{LOWER}])|O['’](?=[{UPPER}])"
              rf"|[{UPPER}]['’](?=[{UPPER}][{LOWER}]))?"
              rf"[{UPPER}][{LOWER}]+"
              rf"(?:-[{UPPER}]?[{LOWER}]+|['’ʻ](?:[{UPPER}][{LOWER}]+|(?!s\b)[{LOWER}]+))*"
              rf"|(?<!\.)[{UPPER}]\.(?:[{UPPER}]\.)*(?=\s(?:(?:{'|'.join(NAME_PARTICLES)})\s+)*[{UPPER}])"
              rf"|(?<![\w.'’-])[B-HJ-NP-TV-Z](?=[ ][{UPPER}][{LOWER}])"
              rf"|(?<![\w'’])[B-HJ-NP-Z]['’][{LOWER}]{{2,}}(?![\w'’-])"
              rf"|[{UPPER}]{{2,}}(?=[ ]+[{UPPER}][{LOWER}]))")
# Initials after a name, as names from Kerala and Tamil Nadu are often written: "Yusuff Ali M.A."
# (never a country's or a union's, "U.S.", "U.N.", nor letters after a name, "T.D.").
TRAILING_INITIALS = (rf"(?=[{UPPER}]\.[{UPPER}]\.)(?!U\.[SKN]\.|E\.U\.|(?:{_DOTTED_LETTERS})(?!\w))"
                     rf"[{UPPER}]\.(?:[{UPPER}]\.)+")
# A name token may open with an apostrophe, the okina of Pacific names ("Fekitamoeloa
# 'Utoikamanu"); a lone such word opening a sentence only ever resolves to a person already named.
OKINA_TOKEN = rf"['’‘ʻ][{UPPER}][{LOWER}]+(?![\w'’‘])"
NAME_RUN = re.compile(
    rf"(?=[{UPPER}abe'’‘ʻ])(?<![\w'’-])(?:{NAME_TOKEN}|{OKINA_TOKEN})"
    rf"(?:[ ]+(?:(?:{'|'.join(NAME_PARTICLES)})[ ]+)*(?:{NAME_TOKEN}|{OKINA_TOKEN}))*"
    rf"(?:[ ]+(?:II|III|IV|VI|VII|VIII|Jr\.|Sr\.|{TRAILING_INITIALS}|{'|'.join(PATRONYMIC_SUFFIXES)}))?(?![\w-])")
# Words printed in lower case: a headline's capitalised word the story also prints so is no name.
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?=[\s,.;:!?)\"”])")
CAPITALS = re.compile(rf"[{UPPER}]{{2}}")
# Regnal numbers belong to the name: "King Abdullah II".
REGNAL = ("II", "III", "IV", "VI", "VII", "VIII")
TOKEN = re.compile(
    rf"{NAME_TOKEN}|(?<![\w'’‘]){OKINA_TOKEN}|\b(?:II|III|IV|VI|VII|VIII|{'|'.join(PATRONYMIC_SUFFIXES)})\b"
    rf"|(?<= ){TRAILING_INITIALS}")
# "Business and Professional Council": a word joined by "and" to the rest of an organisation's name.
ORGANISATION_AFTER_AND = re.compile(
    rf"[ ]+(?:and|&)[ ]+(?:[A-Z][\w'’-]*[ ]+){{0,3}}(?:{'|'.join(sorted(ORGANISATION_WORDS))})\b")
# "Treaty of Friendship", "Institute for Ocean Governance": capitalised words after an
# organisation's "of"/"for" continue its name.
ORGANISATION_OF = re.compile(r"([A-Z][\w'’-]*)[ ]+(?:of|for|on)[ ]+(?:the[ ]+)?$")
# A short name two countries share is, alone, the first's; in a story that names the second in
# full and never the first, the second's: "DRC's Tshisekedi ... peace in eastern Congo".
SHARED_SHORT_NAMES = {"Congo": ("CG", "CD")}
# A currency named after a country is not a reference to it: "US dollars", "Chinese yuan".
# ... or a currency's sign right after the country's letters: "US$ 5.4 billion", "NZ$".
CURRENCY = re.compile(r"\$|[ ]+(?:dollars?|cents?|yuan|renminbi|yen|won|rupees?|rupiah|ringgit|baht|pesos?|"
                      r"reais|rand|naira|shillings?|pounds?|francs?|dinars?|dirhams?|riyals?|rials?|"
                      r"liras?|euros?|kronor|krona|kroner|krone|roubles?|rubles?|hryvnias?|tenge|dong)\b")
# "SUVA — " before a story's first words; in title case only with its country: "Kingston, Jamaica - ".
DATELINE = re.compile(rf"[{UPPER}][{UPPER}.'’ -]+(?:,[ ]+[\w.' ]+)?[ ]+[—–-]{{1,2}}[ ]+"
                      r"|[A-Z][\w'’.]*(?:[ ][A-Z][\w'’.]*){0,2},[ ]+[A-Z][\w'’.]*(?:[ ][A-Z][\w'’.]*){0,2}[ ]+[—–-]{1,2}[ ]+")
QUOTE_CHARS = "\"“”"
OPENING_QUOTES = "\"“"
QUOTATION = re.compile(r"[\"“][^\"“”]*(?:[\"”]|$)")
# Single quotation marks, as British, Dutch and Australian ministries print quotations: an
# opening mark before a capital, a closing one after the quotation's punctuation
# ("'Our support is unwavering,' said Van Weel"); apostrophes ("Ukraine's") are neither.
SINGLE_QUOTE_MARK = re.compile(r"(?P<open>(?<![^\s(])['‘](?=[A-Z]))|(?P<close>(?<=[,.!?])['’](?=[\s)]|$))")
# '"...," she said, "for the stability ..."': the quotation resumes after the cue.
SPLIT_QUOTE = re.compile(r"[^.\"“”]{0,40}?,\s*[\"“]")
PASSIVE_AFTER = re.compile(r"\s+by\b")
PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "being", "be"})
ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
# The words of a title, capitalised or not: "Kenya's foreign minister", "the Minister of Trade".
_TITLE_WORDS = rf"(?:[ ]*(?:the|of|for|and|{'|'.join(LOWER_TITLE_QUALIFIERS + LOWER_TITLE_HEADS)}|" \
               rf"[{UPPER}][\w'’.-]*))*[ ]*"
TRAILING_TITLE = re.compile(_TITLE_WORDS + "$")
# "as President Xi Jinping pointed out, ...": a subject introduced by "as", with its title.
AS_SUBJECT = re.compile(r"(?<![\w-])[Aa]s[ ]+" + _TITLE_WORDS + "$")
# "that" or a finite verb after the cue opens the reported clause: "told parliament the harvest was good".
THAT = re.compile(r"\b(?:that|is|are|was|were|will|would|shall|should|could|can|must|may|might|has|have|had|"
                  r"did|does|do)\b")
# What may stand between a comma and a speaker's name: a title ("foreign minister").
TITLE_WORDS = re.compile(_TITLE_WORDS)
# The words after a cue that say only when, where or to whom it was said.
CIRCUMSTANCE = re.compile(
    r"\s*,?\s*(?:[.!?;]|$|(?:on|at|in|during|after|before|while|when|from|with|as|via|through|following|"
    r"ahead|later|earlier|yesterday|today|tonight|last|this|alongside|afterwards|reporters|journalists|"
    r"parliament|lawmakers|delegates|(?:a|an|the)(?:\s+[\w-]+){0,3}?\s+(?:conference|briefing|meeting|forum|"
    r"summit|session|gathering|reporters|journalists|parliament|assembly|lawmakers|delegates|audience|"
    r"media|press|interview|event|ceremony|rally|crowd|committee|council|panel|seminar))\b)")
QUOTED_SEGMENT = re.compile(r"[\"“]([^\"“”]+)[\"”]")
SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s+[\"“‘'ʻ(A-Z0-9])")
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Mme|Dr|St|Smt|Hon|Rt|No|Gen|Lt|Col|Maj|Brig|Adm|Capt|Cdr|Cmdr|Amb|"
                          r"Md|Mohd|Ma|Jr|Sr|Prof|Mt|vs|etc|Jan|Feb|"
                          r"Aug|Sept|Sep|Oct|Nov|Dec|Inc|Ltd|Co)|\b[A-Z]|\b[A-Z]\.[A-Z]|e\.g|i\.e|a\.i)$")
# "Q:", "Q." (not an initial, "A. K. Antony"), "Spokesperson X:", "Shri X, Official Spokesperson:", "X (WION):".
PRESS_LABEL = re.compile(r"^(?P<label>Q|A|[A-Z][\w.&'’/ (),-]{0,80}?)(?:\s*[:：]|(?<=^[QA])\.(?![ ]*[A-Z]\.))\s+")
# A journalist's name and outlet as a question's label: "Sidhant Sibal (WION)", or in brackets
# after the label: "Question (Kamal Nair, Doordarshan)", not "Question (El Comercio, Quito)",
# an outlet, whose name opens with an article.
_JOURNALIST = rf"[{UPPER}][{LOWER}]+(?:[ ]+[{UPPER}][{LOWER}]+){{1,2}}"
JOURNALIST_LABEL = re.compile(rf"(?P<name>{_JOURNALIST})[ ]+\([^()]+\)"
                              rf"|(?:Question|Q)[ ]*\((?!(?:The|El|La|Le|Al|Il|Der|Die)\b)"
                              rf"(?P<asker>{_JOURNALIST}),[ ]+[^()]+\)")
QUESTION_LABELS = frozenset({"Q", "Question", "QUESTION", "Journalist", "JOURNALIST", "Reporter", "REPORTER"})
ANSWER_LABELS = frozenset({"A", "Answer", "ANSWER"})
# A briefer's label in capitals: "MR MILLER", "MS. ZAKHAROVA".
HONORIFIC_LABEL = re.compile(r"(?:MR|MRS|MS|DR)\.?\s+(?=[A-Z])")
# "Official Representative of the Ministry" is the spokesperson's title in Kazakhstan and Russia.
SPOKESPERSON_WORDS = re.compile(r"\bspokes(?:person|man|woman)\b|\bofficial representative\b", re.IGNORECASE)
# The narration between announcements and the questions: "The Spokesperson then took questions."
TURNS_TO_QUESTIONS = re.compile(
    r"^[^.]{0,80}\b(?:took|takes|answered|answers|responded to|fielded)\b[^.]{0,40}\bquestions\b"
    # The numbered heading after "1. Announcement": "2. Questions and Answers" (under a plain
    # heading, what comes before is not always announced).
    r"|^\d+\.\s*(?i:questions?\s+(?:and|&)\s+answers?)\s*:?$")
# A sentence that only greets, thanks or speaks of the briefing itself, not of the news.
PLEASANTRY = re.compile(
    r"(?:\w+,\s+)?(?:namaskar|namaste|good (?:morning|afternoon|evening|day)|hello|welcome|thank you|thanks|"
    r"have a (?:good|nice))\b|.*\b(?:announcements?|briefing|your questions|the floor)\b|"
    r"(?:let me|I (?:will|would like to)) (?:begin|start) with\b|"
    # A speech's courtesies: "It is my pleasure to welcome you", "I thank Prime Minister X for ...".
    r"(?:it is|it's) (?:a|my|our) (?:great |real |distinct )?(?:pleasure|honou?r|privilege)\b|"
    r"(?:I|we|let me|allow me to) (?:also |sincerely |warmly )?thank\b|"
    # A speech's salutation: "Excellencies, ladies and gentlemen, good afternoon."
    r"(?:excellenc(?:y|ies)|ladies and gentlemen|distinguished guests)\b", re.IGNORECASE)
# The speaker's own voice, outside quotation marks: remarks and briefings read out.
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us|me|[Mm]y)\b")
# Words of a paragraph about the briefing itself rather than announcing anything.
BRIEFING_WORDS = re.compile(r"\b(?:briefing|press conference|news conference|press availability|transcript)\b",
                            re.IGNORECASE)
# "said clearly that", "said clearly in Kyiv that": how, when or where it was said is not what was.
AFTER_CUE = re.compile(rf"\s*[,:]?\s*(?:{ADVERBS}\s+(?=that\b))?(?:that\b,?\s+)?")
PREPOSITIONAL_THAT = re.compile(
    # "said yesterday in Beijing that": a time may come first.
    rf"\s*(?:,\s*)?(?:(?:{ADVERBS}|today|yesterday|recently)\s+)?"
    r"(?:in|at|on|during|while|when|before|after|to|with|from|over|via|through)\b"
    r"[^.;:\"“]{0,120}?\bthat\s+")
# "Professor X of the Graduate School of Policy Studies": where a person works.
AFFILIATION = re.compile(
    r"[ ]+(?:of|from|at)[ ]+(?:the[ ]+)?[A-Z][\w'’-]*(?:[ ]+(?:(?:of|for|and|on|the)[ ]+)*[A-Z][\w'’-]*)*[ ]*")
# "told reporters the talks went well": the audience of "told" is not part of what was said.
TOLD_AUDIENCE = re.compile(
    r"\s+(?:reporters|journalists|parliament|lawmakers|delegates|(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:media|press|"
    r"conference|briefing|meeting|forum|summit|audience|gathering|assembly|parliament|committee|council))"
    r"(?:\s+(?:in|at|on)\s+[A-Z][\w-]*)?,?\s+(?:that\s+)?(?=[\w\"“])")
TIME_WORDS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                        "today", "yesterday", "tonight", "earlier", "later"})
TIME_TAIL = re.compile(r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday"
                       r"|tonight|earlier|later)$")
# "said on Monday he would travel", "said recently that", "said earlier this week that", "has said
# many times that": when or how often it was said is not part of what was said.
TIME_PHRASE = re.compile(
    r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|on\s+[A-Z][a-z]+\s+\d{1,2}"
    r"|(?:(?:earlier|later)\s+)?(?:last|this)\s+(?:week|month|year|morning|afternoon|evening)"
    r"|today|yesterday|tonight|earlier|later|recently|previously|repeatedly"
    r"|(?:many|several|numerous)\s+times|more\s+than\s+once|on\s+(?:many|several|numerous)\s+occasions"
    r")\b,?\s+(?:that\s+)?(?=[\w\"“])")
# "noted after the meeting in Riyadh, "the American side ..."": where or when, then the quotation.
CIRCUMSTANCE_BEFORE_QUOTE = re.compile(
    r"\s+(?:after|during|at|in|on|following|before|when|while|upon)\b[^.;:\"“”]{0,100}?,\s*(?=[\"“])")
# "As the Foreign Minister said in his press conference in Goa, Pakistan is ...", "As President X
# told the Parliament yesterday, ...": after an "as" subject's cue, where, when or to whom it was
# said runs to the comma, and the words follow it.
AS_ASIDE = re.compile(r"\s+(?!that\b)[^.;:\"“”]{0,120}?,\s*(?=\S)")
OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?")
# "told his counterpart X in a phone call that ...": the audience, then what was said; not
# "urged all parties to refrain from actions that ...", where "that" opens a relative clause,
# nor "congratulated X on his inauguration and said that ...", where a second verb has it.
OBJECT_THAT = re.compile(r"\s+(?:(?!(?:to|for|and|but)\b)[\w'’.-]+\s+){1,16}?that\s+")
# Words after which a name is the person met: "met with visiting Sergey Lavrov".
# "X, Y and Z", "X and Dr Y": the separators of a list of names.
# Semicolons separate names that carry commas of their own: "X (Oman); Y (Ghana); and Z (Nepal)".
LIST_JOIN = re.compile(r"(?:[,;][ ]+(?:and[ ]+)?|[ ]+and[ ]+)(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?[ ]+)?")
# A name's country or body, before the next name of a list: "X of Estonia, Y of Latvia and Z".
# Or in brackets: "Parks Tau (Trade, Industry and Competition), X (Energy) and Y".
LISTED_AFFILIATION = re.compile(r"[ ]+(?:(?:of|from)[ ]+(?:the[ ]+)?[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*)?"
                                r"|\([^()\n]{1,80}\))(?=[,;]|[ ]+and\b)")
# A signature: the name opening a paragraph of its own followed by the office alone, as lines of
# a release's last paragraph ("Kimiebi Imomotimi Ebienfa / Spokesperson / Ministry of Foreign Affairs").
SIGNATURE = re.compile(r"[ ]+(?P<title>[A-Z][\w'’.-]*(?:[ ]+(?:of|the|for|and|on|[A-Z][\w'’.-]*)){0,12})[ ]*(?=\n|$)")
# A contact line's label before a telephone number: "Cell: +27 (0)81 047 5734", "Tel: 012 351 1000".
CONTACT_LABEL_END = re.compile(r"[ ]*:[ ]*[+(]?\d[\d ()-]{5,}")
# The label before such a signature: "Signed: X Spokesperson".
SIGNED_LABEL = re.compile(r"(?:Signed(?:[ ]+by)?|Sgd\.?)[ ]*:?[ ]+")
TITLE_HEADS_SET = frozenset(TITLE_HEADS)
# A plural of people set off before a list of names: "the two foreign ministers, X and Y",
# "The new ambassadors are X of Japan, Y of Kenya and Z", "Members of the delegation included X",
# or right before them, a title in the plural: "as confirmed by Presidents X and Y".
PEOPLE_BEFORE_LIST = re.compile(
    r"\b(?:[Mm]inisters|[Ll]eaders|[Hh]eads|[Pp]residents|[Ee]nvoys|[Aa]mbassadors|[Dd]elegates|[Oo]fficials|"
    r"[Rr]epresentatives|[Nn]egotiators|[Cc]ounterparts|[Mm]embers|[Ss]pokespersons|[Cc]andidates|[Dd]iplomats|"
    r"[Ll]awmakers|[Ss]enators)\b"
    r"(?:[^.;:!?\"“”\n]{0,80}(?:,|:|[ ]+(?:are|were|include|included|including|namely))[ ]+|[ ]+)$")
# A list of guests: "X, Y and others were present", "Present were X and Y", "attended by X, Y".
ATTENDANCE_AFTER = re.compile(
    r"(?:,?[ ]+and[ ]+(?:many[ ]+)?others)?,?[ ]+(?:(?:were|was)[ ]+(?:also[ ]+)?(?:present|in[ ]+attendance)"
    r"|(?:also[ ]+)?(?:attended|took[ ]+part|participated|joined)\b)")
ATTENDANCE_BEFORE = re.compile(
    r"(?:\b(?:[Pp]resent|[Aa]ttending)(?:[ ]+at[ ]+the[ ]+[\w-]+)?[ ]+(?:were|was)(?:[ ]+also)?"
    r"|\b(?:attended|joined)[ ]+by|\b[Aa]mong[ ]+(?:the[ ]+)?(?:guests|participants|attendees|those[ ]+present)"
    r"(?:[ ]+were)?)[ ]+$")
# Verbs that make the words set off after a name a clause, not a description of a person.
DESCRIPTION_VERBS = frozenset(NARRATIVE_VERBS) | {"said", "says", "told"}
# An office in lower case with the body it heads, right before a full name: "was received by the
# leader of the new Syrian administration Ahmed al-Sharaa"; the body's words hold no verb nor a
# word that opens a clause ("the head of the delegation met X").
LOWER_OFFICE = re.compile(
    rf"\b(?:the|its|their)[ ]+(?P<title>(?:(?:{'|'.join(LOWER_TITLE_QUALIFIERS)})[ ]+)*"
    rf"(?:{'|'.join(LOWER_TITLE_HEADS)})[ ]+of[ ]+(?:the[ ]+)?(?P<body>(?:[\w'’-]+[ ]+){{1,5}}))$")
NOT_IN_OFFICE_BODY = DESCRIPTION_VERBS | frozenset(CUES) | frozenset(
    "with by to at in on and or that who which as from for was were is are has have".split())
# Words that open a clause, not a description: "X, who met ...", "Bogotá, where ...".
DESCRIPTION_STOPS = frozenset("""who whom whose which where when while and but or as said says that
if although though because since after before""".split())
MEETING_WORDS = frozenset({"met", "meets", "meeting", "talks", "call", "spoke", "conversation",
                           "telephoned", "phoned", "congratulated", "thanked", "hosted",
                           "greeted", "welcomed", "invited", "appointed", "nominated", "elected",
                           "received", "receives", "with", "and"})
# Verbs whose agent after "by" is a person: "The interview was conducted by X", "moderated by Y";
# and a caption's credit, "(DFA photo by X)".
PERSON_AGENT_VERBS = frozenset({"conducted", "moderated", "interviewed", "chaired", "co-chaired", "hosted",
                                "accompanied", "received", "welcomed", "presented", "written", "translated",
                                "photographed", "led", "headed", "signed", "delivered", "appointed",
                                "photo", "photos"})
MEETING_CONTEXT = re.compile(r"\b(?:met|meets|meeting|talks|call|received|receives|spoke|speaks|conversation|with|"
                             r"between)\b")
# "between X and Y" joins people at a meeting ("a conversation between X and Y"), not along a
# pipeline or a road ("the pipeline between Algyő and Novi Sad").
MEETING_BEFORE_BETWEEN = frozenset({"meeting", "meetings", "talks", "talk", "call", "calls", "conversation",
                                    "conversations", "consultations", "discussions", "discussion", "negotiations",
                                    "dialogue", "exchange", "exchanges", "summit", "held", "interaction"})
MEETING_ADJECTIVES = frozenset({"visiting", "new", "incoming"})
HONORIFIC_TAIL = re.compile(r"(?:^|\s+)(?:Mr|Mrs|Ms|Dr|H\.E|H\.H|HE|HH|Madam|Madame|Sir)\.?$")
FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+){0,3}$")
TO_BEFORE = re.compile(r"\bto\s+(?:\S+\s+){0,4}$")
# Sentences that narrate and so end the reported speech before them.
NARRATION = re.compile(r"(?:The two|Both) (?:sides|leaders|ministers|parties)\s+(?:also\s+)?"
                       r"(?:exchanged|signed|held|witnessed|attended|met)"
                       r"|Present at|Also present|Attending|Prior to|Before the|After the")
POSSESSIVE = re.compile(r"['’]s\b")
# "the head of Polish diplomacy": the foreign minister, as European ministries call them.
DIPLOMACY_HEAD = re.compile(r"\b(?:the|The)\s+head\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w'’-]*)\s+diplomacy\s*$")
# "called on all parties to exercise restraint" urges; "called on President Dissanayake" visits.
VISIT_CUES = frozenset({"called on", "calls on", "call on", "calling on"})
# "called on Dr. X, Deputy Minister of ..., to discuss the arrangements": a visit and its purpose.
VISIT_PURPOSES = frozenset({"discuss", "review", "exchange", "explore", "brief", "present", "bid"})
# A run of words that stays in its sentence: the dot of a courtesy or an initial ("invited
# Mrs. Swaraj", "H.H. Sheikh Abdullah") ends none.
IN_SENTENCE = r"(?:\b(?:Mr|Mrs|Ms|Mme|Dr|Hon|Rt|Amb|Prof|Smt|H\.E|H\.H|[A-Z])\.|[^.;:\"“”])"
URGED_TO = re.compile(IN_SENTENCE + r"{0,200}?\bto\s+[a-z]")
# "briefed X on the talks" (also "the Hon. Minister on") says what about; "briefed the Security
# Council this morning" only that a meeting took place.
BRIEFING_CUES = frozenset({"briefed", "informed", "apprised"})
ABOUT = re.compile(IN_SENTENCE + r"{0,100}?\b"
                   r"(?:on(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d))"
                   r"|about|of|that|regarding|how|what|why)\b")
# "informed the press of the following activities:", "made the following statement:".
INTRODUCES_FOLLOWING = re.compile(r"[^.;\"“]*\bthe following\b[^.;\"“]*:\s*$")
# "invited the minister to attend the forum" is a courtesy done, not words reported: an
# invitation to be somewhere ("to pay a visit", "to Doha") or to take part.
INVITATION_CUES = frozenset({"invited"})
INVITED_TO = re.compile(
    IN_SENTENCE + r"{0,160}?\bto\s+(?:(?:also|jointly|personally)\s+)?(?:attend|visit|pay|join|participate|"
    r"take\s+part|be\s+present|witness|come|speak\s+at|address|grace|co-chair|chair|open|inaugurate|[A-Z][\w'’-]*"
    # or to a place or an event: "invited Korean investors to the special economic zones"
    r"|the|a|an)\b")
