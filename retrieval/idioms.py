"""English idioms read in plain words, as a dictionary gives their meaning.

Readers ask in idioms that news prose seldom uses: "Will the Kremlin jump into the fray?", "Would
Moscow lose face if it sits this one out?", "Why are outside powers left out in the cold?".
Searched as words, the idiom's literal words draw sentences that share them and not the meaning
("…Turkey has very cold, distant relations…" for "left out in the cold"), and the encoders read a
figure of speech as less close to plain prose than its meaning is. An English question's idiom is
replaced by its dictionary meaning ("get involved in the fighting", "lose credibility", "stay
passive", "sidelined") before it is searched. The table is general knowledge of English idiom, as
the capitals of ``places`` are, not this corpus's words. So are titles said in other words: "Yerevan's
head of government" or "the Armenian premier" is the prime minister the documents name ("Armenian
Prime Minister Nikol Pashinyan…"), and searched as typed, "head" drew "…proposed by the head of the
European Council Charles Michel".
"""

from __future__ import annotations

import re
from functools import partial

# What follows "back" that is no verb of support ("back down", "backed into a corner", "back then").
_NOT_BACK_VERB = r"(?!\s+(?:down|off|out|up|away|home|in|into|onto|to|then|and\s+forth)\b)"
# Each idiom (a regular expression over the question, case-blind) and its plain meaning; a group
# named "rest" is kept after the meaning ("jump into the fighting" → "get involved in the fighting",
# "leave Armenia in the lurch" → "abandon Armenia"), one named "lead" before it.
_IDIOMS: tuple[tuple[str, str], ...] = (
    # Taking part in a fight.
    (r"\b(?:jump|jumps|jumping|leap|leaps|wade|wades|wading|dive|dives|diving|rush|rushes|charge|charges|"
     r"step|steps|stepping|throw\s+(?:itself|himself|herself|themselves))\s+into\s+(?:the\s+)?fray\b",
     "get involved in the fighting"),
    (r"\b(?:jump|jumps|jumping|leap|leaps|wade|wades|wading|dive|dives|diving|step|steps|stepping|"
     r"get\s+dragged|be\s+dragged|get\s+drawn|be\s+drawn|get\s+sucked|be\s+sucked)\s+into\s+(?P<rest>the\s+"
     r"(?:fight|fighting|conflict|battle|war|clash(?:es)?)|this\s+(?:fight|conflict|battle|war|clash)|it)\b",
     "get involved in"),
    # A verb that ends its clause ("…step in if Armenia is attacked?", "jump in to help"), not the noun
    # ("a step in the right direction") nor a rise ("did casualties jump in 2020?").
    (r"\b(?:jump|jumps|jumping|wade|wades|wading|step|steps|stepping|weigh|weighs|weighing)\s+in\b"
     r"(?=\s*(?:[?.!,;:]|$|(?:and|or|to|if|when|unless|now|here|there|militarily|directly|again|at\s+all)\b))",
     "intervene"),
    # Doing nothing.
    (r"\b(?:sit|sits|sitting)\s+(?:this(?:\s+one)?|it|that(?:\s+one)?|the\s+(?:conflict|fight(?:ing)?|war))\s+out\b",
     "stay passive"),
    (r"\b(?:sit|sits|sitting)\s+on\s+(?:its|their|his|her)\s+hands\b", "stay passive"),
    (r"\b(?:stand|stands|standing)\s+idly\s+by\b", "stay passive"),
    (r"\b(?:stay|stays|staying|remain|remains|remaining)\s+on\s+the\s+sidelines\b", "stay passive"),
    (r"\b(?:turn|turns|turned|turning)\s+a\s+blind\s+eye\s+to\b", "ignore"),
    (r"\bgive\s+(?:\w+\s+)?the\s+cold\s+shoulder\b", "ignore"),
    # Standing and influence.
    (r"\b(?:lose|loses|losing|lost)\s+face\b", "lose credibility"),
    (r"\b(?:take|takes|taking|took)\s+a\s+(?:big\s+|serious\s+)?(?:hit|knock|beating)\b", "suffer"),
    (r"\b(?:step|steps|stepping|stepped)\s+(?:(?:further|more|firmly)\s+)?into\s+the\s+(?:limelight|spotlight)\b",
     "become more prominent"),
    (r"\brais(?:e|es|ing|ed)\s+(?:its|their|his|her)\s+profile\b", "become more prominent"),
    (r"\b(?:gain|gains|gaining|gained|grow|grows|growing|grew|expand|expands|expanding|expanded|increas\w+|"
     r"extend|extends|extending|extended)\s+(?:(?:its|their|his|her)\s+)?(?:a\s+)?(?:(?:bigger|larger|greater|"
     r"more)\s+)?(?:clout|footprint|sway)\b", "become more prominent"),
    (r"\b(?:flex|flexes|flexing|flexed)\s+(?:its|their|his|her)\s+muscles?\b", "show its power"),
    (r"\b(?:hand|hands|handing|handed)\s+over\s+the\s+(?:reins|keys)\b", "hand over control"),
    (r"\b(?:pull|pulls|pulling|pulled)\s+the\s+strings\b", "control events"),
    (r"\b(?:call|calls|calling|called)\s+the\s+shots\b", "decide"),
    (r"\b(?:throw|throws|throwing|threw)\s+(?:its|their|his|her)\s+weight\s+behind\b", "support"),
    # Exclusion and closeness.
    # One plain word for every way of being left out: "excluded" read apart from "sidelined" kept
    # "Why are the outside powers left out in the cold?" far from "…are sidelined because of…".
    # Only the participles ("are left out of the game"): "Why does Moscow keep out of the game?" tells
    # staying out by choice, and "sidelined" would not be its verb.
    (r"\bleft\s+out\s+in\s+the\s+cold\b"
     r"|\b(?:left|kept)\s+out\s+of\s+(?:the\s+)?(?:game|picture|loop|running|equation)\b", "sidelined"),
    (r"\b(?:frozen|squeezed|elbowed|shut|muscled)\s+out\b", "sidelined"),
    (r"\b(?:left|leave|leaves|leaving|kept|keep|keeps|keeping)\s+on\s+the\s+bench\b"
     r"|\b(?:push|pushes|pushing|pushed|shove|shoves|shoving|shoved|brush|brushes|brushing|brushed)\s+"
     r"(?:aside|to\s+the\s+(?:margins?|sidelines?|side))\b", "sidelined"),
    (r"\b(?:cosy|cosies|cosying|cosied|cozy|cozies|cozying|cozied)\s+up\b", "getting closer"),
    (r"\b(?:in|into)\s+the\s+same\s+boat\b", "in the same situation"),
    (r"\bat\s+loggerheads\b", "in conflict"),
    (r"\b(?:lock|locks|locking|locked)\s+horns\b", "clash"),
    (r"\b(?:come|comes|came|coming)\s+to\s+blows\b", "fight"),
    (r"\bsab(?:re|er)[-\s]rattling\b", "threats"),
    (r"\b(?:go|goes|going|went)\s+it\s+alone\b", "act alone"),
    (r"\b(?:leave|leaves|leaving|left)\s+(?P<rest>(?:[\w'’-]+\s+){0,2}?)in\s+the\s+lurch\b", "abandon"),
    (r"\b(?:left|leave|leaves|leaving)\s+(?P<rest>(?:[\w'’-]+\s+){0,2}?)high\s+and\s+dry\b", "abandon"),
    (r"\b(?:throw|throws|throwing|threw|thrown)\s+(?P<rest>(?:[\w'’-]+\s+){0,2}?)under\s+the\s+bus\b",
     "betray"),
    (r"\bstab(?:s|bed|bing)?\s+(?P<rest>(?:[\w'’-]+\s+){0,2}?)in\s+the\s+back\b", "betray"),
    (r"\bfair[-\s]weather\s+(?=friends?|all(?:y|ies)|partners?)", "unreliable "),
    (r"\b(?:sit|sits|sitting|sat)\s+on\s+the\s+fence\b", "stay neutral"),
    (r"\b(?:walk|walks|walking|walked)\s+a\s+tightrope\b", "balance"),
    (r"\b(?:bury|buries|burying|buried)\s+the\s+hatchet\b", "make peace"),
    (r"\b(?:extend|extends|extending|extended|offer|offers|offering|offered)\s+an\s+olive\s+branch\b",
     "offer peace"),
    (r"\b(?:add|adds|adding|added|pour|pours|pouring|poured)\s+(?:fuel|oil)\s+(?:to|on)\s+the\s+(?:fire|flames)\b",
     "make it worse"),
    (r"\ba\s+powder\s*keg\b", "a dangerous situation"),
    (r"\bbad\s+blood\b", "hostility"),
    (r"\b(?:see|sees|seeing|saw)\s+eye\s+to\s+eye\b", "agree"),
    (r"\bon\s+the\s+same\s+page\b", "in agreement"),
    (r"\b(?:cross|crosses|crossing|crossed)\s+swords\b", "clash"),
    (r"\b(?:drag|drags|dragging|dragged)\s+(?:its|their|his|her)\s+feet\b", "delay"),
    (r"\b(?:back|backs|backing|backed)\s+down\b", "retreat"),
    (r"\b(?:rock|rocks|rocking|rocked)\s+the\s+boat\b", "cause trouble"),
    (r"\b(?:play|plays|playing|played)\s+second\s+fiddle\b", "have a lesser role"),
    (r"\ba\s+paper\s+tiger\b", "weak"),
    (r"\ba\s+house\s+of\s+cards\b", "fragile"),
    (r"\b(?:have|has|having|had)\s+(?P<rest>[\w-]+)['’]s?\s+back\b", "support"),
    # "Who backs Armenia?" is who supports it, which "…turn its back on Armenia" is not (its noun and
    # its adverb stay: "back down" above, "come back", "back then"). A bare "back" is a verb after an
    # auxiliary and a name ("Does Tehran back…?") or a word that only a verb follows ("both back").
    (rf"\bbacks\b{_NOT_BACK_VERB}", "supports"),
    (rf"\bbacked\b{_NOT_BACK_VERB}", "supported"),
    (rf"\bbacking\b{_NOT_BACK_VERB}", "supporting"),
    (r"\b(?P<lead>(?:(?:do|does|did|will|would|can|could|should)\s+(?:[\w'’-]+\s+){1,2}?|(?:to|both|also|"
     rf"not|never|n['’]t)\s+))back\b{_NOT_BACK_VERB}", "support"),
    (r"\bpeace[-\s]brok(?:ering|er|ers|ered)\b|\bbrok(?:ering|er|ered)\s+(?:a\s+)?peace\b", "mediation"),
    # Weight of a matter.
    (r"\b(?:small\s+potatoes|small\s+fry|a\s+storm\s+in\s+a\s+teacup|a\s+tempest\s+in\s+a\s+teapot|"
     r"no\s+big\s+deal|a\s+drop\s+in\s+the\s+ocean)\b", "insignificant"),
    (r"\bup\s+in\s+the\s+air\b", "uncertain"),
    (r"\bon\s+thin\s+ice\b", "at risk"),
    # Titles said in other words ("the premier" of a country, not "Europe's premier security forum").
    (r"\bheads?\s+of\s+state\s+(?:and|or)\s+(?:of\s+)?government\b", "leaders"),
    (r"\bheads?\s+of\s+(?:the\s+)?government\b"
     r"|\bgovernment\s+heads\b(?!\s+(?:into|to|for|towards?|back|off|out)\b)"
     r"|\bpremiers?\b(?=['’]s|\s+(?-i:[A-Z])|\s*[?.!,;:]|\s*$|\s+(?:of|in|and|or|who|has|have|had|did|does|do|is|"
     r"was|were|said|say|says|asked|called|want\w*|respond\w*|react\w*|think\w*|seek\w*|ask\w*|demand\w*|"
     r"request\w*|propos\w*|hop\w*|plan\w*|meet\w*|met|visit\w*|sign\w*|can|could|will|would|should|must|"
     r"may|might|pin\w*|told|tell\w*)\b)"
     r"|(?<!\d)(?<!\d\s)\bpm\b", "prime minister"),
    (r"\bheads?\s+of\s+state\b", "president"),
    # A faith's other spelling ("Shia Iran" is "Shiite Iran").
    (r"\bshi['’]?as?\b|\bshi['’]ite\b", "Shiite"),
    (r"\bhard[-\s]?liners\b", "hawks"),
    (r"\bhard[-\s]?liner\b", "hawk"),
)
_COMPILED = tuple((re.compile(pattern, re.IGNORECASE), meaning) for pattern, meaning in _IDIOMS)


def plain(question: str) -> str:
    """``question`` with each idiom of the table read as its plain meaning ("Will Moscow lose face
    if it sits this one out?" → "Will Moscow lose credibility if it stay passive?"); as it is when
    it has none."""
    for pattern, meaning in _COMPILED:
        question = pattern.sub(partial(_meaning, meaning), question)
    return question


def _meaning(meaning: str, match: re.Match[str]) -> str:
    groups = match.groupdict()
    rest = (groups.get("rest") or "").strip()
    return (groups.get("lead") or "") + (f"{meaning} {rest}" if rest else meaning)
