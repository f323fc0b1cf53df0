"""International organisations named by an epithet, read as the name the documents use.

News and readers name the big alliances and bodies by description as often as by acronym: "the
Atlantic alliance" or "the Western military alliance" is NATO, "the Moscow-led bloc" or "the
post-Soviet defence pact" the CSTO, "the Vienna-based security organisation" the OSCE, "the
breakaway Donbas republics" the LPR and DPR, "the fifteen-member UN body" the UN Security Council;
and a disputed land is named by its epithet too: "the disputed enclave" is Nagorno-Karabakh. Searched
as words, "alliance" drew a sentence about "the NATO alliance" that did not answer, and "the
Vienna-based security organisation" the sentences about the collective security treaty; the
acronym finds the sentences about the organisation itself. An English question's epithet is
replaced by the acronym or name the documents use, when they use it and the question does not
name it already. The table is general knowledge (how English-language news names these
organisations, and their full names), as the demonyms and capitals of ``places`` are, not this
corpus's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ARMED = (r"(?:military\s+|defen[cs]e\s+|defensive\s+|security\s+|mutual[-\s]defen[cs]e\s+"
          r"|collective[-\s]defen[cs]e\s+)?")
_GROUP = r"(?:alliance|bloc|pact|organi[sz]ation|grouping|club)"
# Each organisation: the names the documents may use for it (acronym first), and its epithets.
_EPITHETS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("NATO", "North Atlantic Treaty Organization"),
     rf"(?:the\s+)?(?:north\s+)?atlantic\s+{_ARMED}(?:alliance|bloc|pact)"
     rf"|(?:the\s+)?north\s+atlantic\s+treaty\s+organi[sz]ation"
     rf"|(?:the\s+)?(?:western|transatlantic|us-led|u\.s\.-led|american-led)\s+{_ARMED}(?:alliance|bloc|pact)"),
    (("CSTO", "Collective Security Treaty Organization"),
     rf"(?:the\s+|that\s+|this\s+)?(?:moscow|russia|kremlin)[-\s]led\s+{_ARMED}{_GROUP}"
     rf"|(?:the\s+|that\s+|this\s+)?(?:post|ex|former)[-\s]soviet\s+{_ARMED}{_GROUP}"
     rf"|(?:the\s+|that\s+|this\s+)?eurasian\s+{_ARMED}(?:alliance|bloc|pact)"
     rf"|(?:the\s+)?collective\s+security\s+treaty\s+organi[sz]ation"),
    (("OSCE", "Organization for Security and Co-operation in Europe"),
     rf"(?:the\s+)?vienna[-\s]based\s+{_ARMED}(?:organi[sz]ation|body|group(?:ing)?)"
     r"|(?:the\s+)?organi[sz]ation\s+for\s+security\s+and\s+co-?operation\s+in\s+europe"),
    (("LPR and DPR", "DPR and LPR"),
     r"(?:the\s+)?(?:two\s+)?(?:(?:breakaway|separatist|self-proclaimed|rebel|pro-russian|eastern)\s+)*"
     r"donbas+\s+(?:republics|entities|statelets|states|regions)"
     r"|(?:the\s+)?(?:(?:breakaway|separatist|self-proclaimed)\s+)*(?:(?:luhansk|lugansk)\s+and\s+donetsk|"
     r"donetsk\s+and\s+(?:luhansk|lugansk))(?:\s+people['’]s)?(?:\s+republics)?(?!\s+(?:regions?|oblasts?))"),
    (("UN Security Council", "Security Council"),
     r"(?:the\s+)?(?:(?:15|fifteen)[-\s]member|top|highest|security)\s+(?:un|u\.n\.|united\s+nations)\s+"
     r"(?:body|council|organ|forum)"
     r"|(?:the\s+)?(?:un|u\.n\.|united\s+nations)['’]s?\s+(?:(?:15|fifteen)[-\s]member|top|highest|"
     r"security)\s+(?:body|council|organ|forum)"
     r"|(?:the\s+)?(?:world|global)\s+body['’]s\s+(?:top|highest|security)\s+(?:council|body|organ)"),
    # Only an enclave, or a land named by its Armenian people: "the breakaway region" or "the
    # disputed territory" may be any (Abkhazia, Crimea), and one named after it ("…of Crimea") is.
    (("Nagorno-Karabakh", "Karabakh"),
     r"(?:the\s+|that\s+|this\s+)?(?:(?:disputed|contested|breakaway|mountainous|separatist|landlocked|"
     r"self-proclaimed)\s+)+(?:mountain\s+)?enclave(?!\s+of\s)"
     r"|(?:the\s+|that\s+|this\s+)?(?:(?:disputed|contested|breakaway|mountainous|separatist|"
     r"self-proclaimed)\s+)*(?:armenian[-\s]populated|ethnic(?:ally)?[-\s]armenian)\s+"
     r"(?:enclave|region|territory|republic|province)(?!\s+of\s)"),
    (("UN", "United Nations"), r"(?:the\s+)?united\s+nations"),
    (("EU", "European Union"), r"(?:the\s+)?european\s+union"),
)


class Epithets:
    """The epithets of the organisations a corpus names, and how to read a question's."""

    def __init__(self, texts: Iterable[str]) -> None:
        text = "\n".join(texts)
        self._rules: list[tuple[re.Pattern[str], str, re.Pattern[str]]] = []
        for names, epithet in _EPITHETS:
            used = next((n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)), None)
            if used is None:
                continue
            named = re.compile(rf"(?<!\w){re.escape(used)}(?!\w)", re.IGNORECASE)
            self._rules.append((re.compile(rf"(?<![\w-])(?:{epithet})(?![\w-])", re.IGNORECASE), used, named))

    def resolve(self, question: str) -> str:
        """``question`` with each organisation's epithet replaced by the documents' name for it
        ("What does Tbilisi want from the Atlantic alliance?" → "… from NATO?"), unless it names
        the organisation already ("Is NATO, the Atlantic alliance, …?")."""
        for epithet, name, named in self._rules:
            if named.search(question) is None:
                question = epithet.sub(name, question)
        return question
