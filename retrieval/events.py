"""What a "when" asks the time of: a founding, a joining, a signing, an end, a request for help, a
first start, a withdrawal, independence.

"In what year did Armenia join the CSTO?" is not answered by "…the CSTO, founded in 2002", and
"When did the first Karabakh war end?" not by "…the fighting took place during the last
escalation in 2020": each sentence holds a year, about the names the question gives, but the
year of another event. When a question asks the time of one of these events, the sentence (or
the one before it) must report that event in some form; a founding may be told as "set up",
"established" or "created". A start is not among them: "When did the shelling begin?" is
answered by the sentence that says when it took place; nor is a purpose ("When did Kazakhstan
ask for help to end the attacks?") or "the end of January". A request for help ("When did the
Kazakh head of state seek help from his partners?") is told by a sentence that reports one
("…requested assistance…"), not by one that dates another thing its asker did ("at the forum in
May, the President of Kazakhstan spoke…"). Read from the words alone, in English,
Russian and French, as general news vocabulary, not any document's.
"""

from __future__ import annotations

import re
from functools import lru_cache

_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
           r"december|(?:the|which|what)\s+(?:\w+\s+)?(?:year|month|week|day|war|decade|century)|\d)")
# An event verb after "to" or "help" is a purpose, not the event asked the time of: "When did
# Kazakhstan ask for help to end the attacks?", "…помочь прекратить…"; "join in" is taking part.
_PURPOSE = r"(?<!\bto\s)(?<!\bhelp\s)(?<!\bhelped\s)(?<!помочь\s)(?<!чтобы\s)(?<!pour\s)"
# Each event: (what asks its time, what reports it).
_EVENTS = {
    "founded": (
        re.compile(rf"{_PURPOSE}\b(?:found(?:ed)?|establish(?:ed)?|creat(?:e|ed)|set\s+up|formed)\b"
                   r"|\b(?:основан|создан|учрежд|образован)\w*|\b(?:fond|cré|constitu)(?:é|ée|és|ées)\b"
                   r"|\bétabli(?:e|s|es)?\b", re.IGNORECASE),
        re.compile(r"\bfound(?:ed|ing|ation|er|ers)\b|\bestablish\w*|\bcreat(?:ed|ion|ing)\b|\bset\s+up\b"
                   r"|\bformed\b|\bformation\b|\binception\b|\b(?:основ|созда|учрежд|образова)\w*"
                   r"|\b(?:fond|cré|établi|constitu)\w*", re.IGNORECASE)),
    "joined": (
        re.compile(rf"{_PURPOSE}\bjoin(?:ed|s)?\b(?!\s+in\b)|\bbec(?:a|o)me\s+(?:a\s+)?members?\b|\baccession\b"
                   r"|\bвступ(?:ил|ила|или|ает)\w*|\bприсоедин\w*|\badhér\w*|\brejoint\b|\brejoindre\b"
                   r"|\bdevenu\w*\s+membre", re.IGNORECASE),
        re.compile(r"\bjoin(?:ed|s|ing)?\b|\bbec(?:a|o)me\s+(?:a\s+)?members?\b|\baccession\b|\badmitted\b"
                   r"|\bmembership\b|\bвступ\w*|\bприсоедин\w*|\badhésion\b|\badhér\w*|\brejoint\b",
                   re.IGNORECASE)),
    "signed": (
        re.compile(rf"{_PURPOSE}\bsign(?:ed|s)?\b|{_PURPOSE}\bподпис\w*|\bsign(?:é|ée|és|ées)\b",
                   re.IGNORECASE),
        re.compile(r"\bsign(?:ed|ing|ature|atories)?\b|\bподпис\w*|\bsign(?:é|ée|és|ées|ature)\b",
                   re.IGNORECASE)),
    "requested": (
        re.compile(r"\b(?:ask(?:ed|s)?|call(?:ed|s)?|appeal(?:ed|s)?|turn(?:ed|s)?\s+to\s+(?:\w+\s+){0,3}?)\s*"
                   r"(?:\w+\s+){0,3}?for\s+(?:help|assistance|aid|support|troops|reinforcements)\b"
                   r"|\b(?:seek(?:s|ing)?|sought|request(?:ed|s|ing)?)\s+(?:\w+\s+){0,2}?(?:help|assistance|aid|support|"
                   r"troops|reinforcements)\b|\bappeal(?:ed|s)?\s+to\b"
                   r"|\b(?:попрос|просил|запрос|обрат)\w*\s+(?:\w+\s+){0,3}?помощ\w*|\bза\s+помощью\b"
                   r"|\b(?:demand|sollicit|réclam)\w*\s+(?:\w+\s+){0,3}?(?:l['’])?(?:aide|assistance|soutien|renforts)\b"
                   r"|\bfait\s+appel\b|\bappel(?:é|er)\s+à\s+l['’]aide\b", re.IGNORECASE),
        re.compile(r"\b(?:request\w*|asked|appeal\w*|sought|plea|pleas|called\s+for|turned\s+to)\b"
                   r"|\b(?:попрос|просил|запрос|обрати)\w*|\b(?:demand|sollicit|réclam|appel)\w*",
                   re.IGNORECASE)),
    "ended": (
        re.compile(rf"{_PURPOSE}\bend(?:ed|s)?\b(?!\s+of\s+{_MONTHS})|{_PURPOSE}\bfinish(?:ed)?\b"
                   rf"|{_PURPOSE}\bconclud(?:e|ed)\b|{_PURPOSE}\b(?:закончил|заверш|окончил|прекрат)\w*"
                   r"|\b(?:termin|achev)(?:é|ée|és|ées)\b|\bpris\s+fin\b", re.IGNORECASE),
        re.compile(rf"\bend(?:ed|s|ing)?\b(?!\s+of\s+{_MONTHS})|\bfinish\w*|\bconclu\w*|\bceasefire\b|\btruce\b"
                   r"|\barmistice\b|\b(?:закончил|заверш|окончил|прекрат|перемири)\w*|\b(?:termin|achev)\w*"
                   r"|\bpris\s+fin\b|\bcessez-le-feu\b", re.IGNORECASE)),
    # A first start, not the latest round: "When did the conflict originally start?" is not
    # answered by "…during the last escalation in 2020".
    "originated": (
        re.compile(r"\b(?:originally|first|initially)\s+(?:start\w*|beg[ia]n\w*|br(?:eak|oke)\s+out|erupt\w*)"
                   r"|\b(?:start\w*|beg[ia]n\w*|br(?:eak|oke)\s+out|erupt\w*)\s+(?:\w+\s+){0,2}?"
                   r"(?:originally|initially|in\s+the\s+first\s+place)\b|\boutbreak\b|\borigins?\b"
                   r"|\bвпервые\s+(?:начал|вспыхн)\w*|\bизначально\b|\b(?:à\s+l['’]origine|initialement)\b",
                   re.IGNORECASE),
        re.compile(r"\b(?:start(?:ed|s)?|beg[au]n|br(?:eak|oke)\s+out|erupt(?:ed|s)?|outbreak|origins?|since)\b"
                   r"|\b(?:начал|вспыхн|началось)\w*|\b(?:commenc|éclat|début)\w*", re.IGNORECASE)),
    "withdrew": (
        re.compile(rf"{_PURPOSE}\b(?:withdr[ae]w\w*|pull(?:ed|s)?\s+out|left(?![-\s]wing)|leave(?!\s+for\b))\b"
                   r"|\b(?:вывел|вывод|выве(?:ли|дены)|ушл)\w*|\b(?:retir|quitt)\w*", re.IGNORECASE),
        re.compile(r"\b(?:withdr[ae]w\w*|pull(?:ed|s|ing)?\s+out|left|leav\w*|depart\w*|transferr\w*|"
                   r"redeploy\w*|relocat\w*|moved)\b"
                   r"|\b(?:вывел|вывод|выве(?:ли|дены)|ушл|покину)\w*|\b(?:retir|quitt|départ)\w*",
                   re.IGNORECASE)),
    "independence": (
        re.compile(r"\bindependence\b|\b(?:become|became|declare\w*|gain\w*|won)\s+independent\b"
                   r"|\bнезависимост\w*|\bindépendance\b", re.IGNORECASE),
        re.compile(r"\bindependen\w*|\bнезависим\w*|\bindépendan\w*", re.IGNORECASE)),
}


@lru_cache(maxsize=20_000)
def events(question: str) -> frozenset[str]:
    """The events a "when" question asks the time of ("In what year did Armenia join?" →
    {"joined"}); the caller reads only time questions."""
    return frozenset(kind for kind, (asks, _) in _EVENTS.items() if asks.search(question))


def reports(kind: str, text: str) -> bool:
    """True when ``text`` reports the event or act ``kind`` ("…the CSTO, founded in 2002" a
    founding, "…criticizing Israel…" a condemnation)."""
    return report(kind, text) is not None


def report(kind: str, text: str) -> re.Match[str] | None:
    """Where ``text`` first reports the event or act ``kind`` (its words: "requested"), or None."""
    return (_EVENTS[kind] if kind in _EVENTS else _ACTS[kind])[1].search(text)


# Acts a question of any kind may ask about, which a sentence must report in some form to answer
# it: "Has Turkey recognized the Armenian genocide?" is not answered by "…Turkey has very cold,
# distant relations with Shiite Iran…", nor "What sanctions did France propose?" by "France has
# called for the UN Security Council to be convened…". Each: (what asks of it, what reports it).
_ACTS = {
    "recognition": (
        re.compile(r"\brecogni[sz](?:e|es|ed|ing)\b|\bпризна(?:л|ла|ли|ет|ёт|ют|ть)\b"
                   r"|\breconn(?:u|ue|us|ues|a[iî]t|aissent|a[iî]tre|a[iî]tra)\b(?!\s+coupables?\b)",
                   re.IGNORECASE),
        # a refusal or a denial reports it as much as a recognition does
        re.compile(r"\brecogni\w*|\backnowledg\w*|\bden(?:y|ies|ied|ial)\w*|\breject\w*|\brefus\w*|"
                   r"\bdiplomatic\s+relations\b|\bпризна\w*|\bотрица\w*|\bотказ\w*|"
                   r"\bдипломатическ\w*\s+отношен\w*|\breconn\w*|\bni(?:e|ent|é)\b|\brejet\w*|"
                   r"\brelations\s+diplomatiques\b", re.IGNORECASE)),
    "condemnation": (
        # not a sentence passed on someone ("condemned to death", "condamné à", "осудили на")
        re.compile(r"\bcondemn(?:s|ed|ing)?\b(?!\s+to\b)|\bdenounc\w*"
                   r"|\bосуд(?:ил|ила|ило|или|ит|ят)\b(?!\s+(?:на|к)\b)|\bосужда(?:ет|ют|л|ла|ли)\b"
                   r"|\bcondamn(?:e|ent|é|ée|és|ées|er|ait)\b(?!\s+à\b)"
                   r"|\bdénon(?:ce|cent|cé|cée|cer)\b", re.IGNORECASE),
        re.compile(r"\b(?:condemn\w*|denounc\w*|denunciat\w*|critici\w*|blam\w*|accus\w*|protest\w*|"
                   r"deplor\w*|unacceptable|concern\w*|slam\w*|outrag\w*|осу[дж]\w*|критик\w*|неприемлем\w*|"
                   r"обеспокоен\w*|"
                   r"condamn\w*|dénonc\w*|critiqu\w*|inacceptable|préoccup\w*)", re.IGNORECASE)),
    "mediation": (
        re.compile(r"\bmediat(?:e|es|ed|ing)\b|\bпосредничал\w*|\bпосредничеств\w*|\bmédi(?:er|é|ée)\b",
                   re.IGNORECASE),
        re.compile(r"\bmediat\w*|\bbrok(?:e|er|ered|ering)\b|\bnegotiat\w*|\btalks\b|\bco-?chair\w*|"
                   r"\bintermediar\w*|\bgo-between\b|\bпосредни\w*|\bпереговор\w*|\bmédiat\w*|\bnégoci\w*|"
                   r"\bintermédiaire\w*", re.IGNORECASE)),
    "sanctions": (
        # sanctions on someone ("…sanctioned Russia?"), not "Did the synod sanction the marriage?"
        re.compile(r"\bsanctions\b|\bsanction(?:ed|ing)?\s+(?:against|on|them|him|her)\b"
                   r"|\bsanction(?:ed|ing)?(?=\s+(?-i:[A-Z]))|\bсанкци\w*", re.IGNORECASE),
        re.compile(r"\bsanction\w*|\bembargo\w*|\brestrictive\s+measures\b|\brestrictions?\b|\bpenalt\w*|"
                   r"\bfr(?:o|ee)z\w*\s+(?:\w+\s+)?assets\b|\bblacklist\w*|\bсанкци\w*|\bэмбарго\b|"
                   r"\bограничительн\w*|\bзаморо\w*|\bmesures\s+restrictives\b|\bgel\w*\s+des\s+avoirs\b",
                   re.IGNORECASE)),
    "vote": (
        # a vote cast ("How did Armenia vote?"), not "When will the vote take place?"
        re.compile(r"\bvot(?:ed|ing)\b"
                   r"|\b(?:did|does|do|will|would|to)\s+(?:(?!the\b|a\b)[\w'’-]+\s+){0,3}?vote\b"
                   r"|(?:про)?голосова\w*|\bvot(?:é|ée|ées|és|er|ait|eront|era)\b", re.IGNORECASE),
        re.compile(r"\bvot\w*|\bballot\w*|\babst(?:ain|ention)\w*|\breferend\w*"
                   r"|\b(?:backed|opposed|supported)\s+the\s+resolution|\belect\w*|\bголос\w*|\bвоздерж\w*"
                   r"|\bscrutin\w*|\babstenu\w*",
                   re.IGNORECASE)),
    # A person's books and schooling: "What books has Dupuy published?", "Where did he study?" are
    # not answered by the line that gives his posts ("…is a professor of geopolitical sciences…").
    "publication": (
        # (books and writings, not an interview published by an outlet; not the verb "livrer")
        re.compile(r"\bbooks?\b|\bpublications\b|\bmonographs?\b|\bpublish(?:ed|es|ing)?\s+(?:(?:a|any|his|her|"
                   r"their|several|many|some)\s+)?(?:books?|works?|papers|monographs?|novels?)\b|\bкниг\w*"
                   r"|\b(?:des|ses|quels|quelques|les|leurs|un|deux|trois|plusieurs)\s+livres?\b|\bouvrages\b",
                   re.IGNORECASE),
        re.compile(r"\bpublish\w*|\bpublication\w*|\bbooks?\b|\bauthor\w*|\bwr(?:ote|itten|ites)\b|\bкниг\w*|"
                   r"\b(?:о|с)?публик\w*|\bавтор\w*|\bpubli\w*|\blivres?\b|\bauteur\w*|\bécri\w*",
                   re.IGNORECASE)),
    "education": (
        # (schooling: a degree earned, not "to what degree"; not "the study", "studying the request",
        # nor "образование ОДКБ", its formation)
        re.compile(r"\bstudied\b|\bdid\s+(?:he|she|they|(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)\s+study\b|"
                   r"\bgraduat\w*|\bdoctorate\b|\bph\.?d\b|"
                   r"\b(?:university|academic|bachelor['’]?s?|master['’]?s?|doctoral|law|his|her)\s+degrees?\b|"
                   r"\bdegrees?\s+(?:in|from)\b|\balma\s+mater\b|\beducat\w*|\bучил(?:ся|ась|ись)\b|\bокончил\w*|\bвыпускник\w*|"
                   r"\b(?:высшее|получил\w*)\s+образовани\w*|\bétudi(?:é|ée|a|ait)\b|\bdiplôm\w*|\bdoctorat\b",
                   re.IGNORECASE),
        re.compile(r"\bstud(?:y|ied|ies|ying)\b|\bgraduat\w*|\bdoctor\w*|\bph\.?d\b|\bdegrees?\b|\balumn\w*|"
                   r"\beducat\w*|\bучил\w*|\bокончил\w*|\bвыпускник\w*|\bобразовани\w*|\bétudi\w*|\bdiplôm\w*",
                   re.IGNORECASE)),
}


# What someone said is asked for in its words, which the sentence may report in others: "Did
# Tokayev say that he recognises Crimea as Russian?" is answered by "Tokayev said that Crimea is
# Russian." An act after a verb of saying is left to the checks of speech.
_SAID = re.compile(r"\b(?:say|says|said|claim\w*|stated|declar\w*|announc\w*|tell|told|"
                   r"think(?:s)?(?!\s+tanks?\b)|believ\w*|according\s+to|in\s+\w+['’]s\s+view|"
                   r"сказал\w*|заяв\w*|говор\w*|по\s+словам|"
                   r"отметил\w*|счита\w*|думает|dit|déclar\w*|affirm\w*|selon|d['’]après)\b.*$",
                   re.IGNORECASE | re.DOTALL)


@lru_cache(maxsize=20_000)
def acts(question: str) -> frozenset[str]:
    """The acts a question asks about ("Did the EU condemn the shelling?" → {"condemnation"})."""
    asked = _SAID.sub("", question)
    return frozenset(kind for kind, (asks, _) in _ACTS.items() if asks.search(asked))
