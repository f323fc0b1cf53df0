"""Organisations' acronyms and names in other languages, followed by the English ones the documents use.

An acronym is an opaque token: e5 reads "Армения" as Armenia across languages, but "ОДКБ" barely
as the CSTO, so "Что такое ОДКБ?" found the right sentence with too little confidence to quote it.
A question in another language has each such acronym followed by the English one in brackets
("Что такое ОДКБ (CSTO)?") before e5 reads it, for organisations the documents name by their
English acronym. So are the names of bodies the documents name in words ("Европейский совет
(European Council)", "Conseil de sécurité (Security Council)"): e5 read "Кто возглавляет
Европейский совет?" closest to the right sentence, but not close enough to quote it. The tables are
general knowledge (international organisations and the acronyms and names Russian and French news
use for them), not this corpus's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# English acronym → its forms in Russian (also typed in Latin letters) and French.
_FOREIGN_FORMS: dict[str, tuple[str, ...]] = {
    "CSTO": ("ОДКБ", "ODKB", "OTSC"),
    "NATO": ("НАТО", "OTAN"),
    "UN": ("ООН", "ONU"),
    "EU": ("ЕС", "UE"),
    "OSCE": ("ОБСЕ",),
    "CIS": ("СНГ", "CEI"),
    "USA": ("США",),
    "IMF": ("МВФ", "FMI"),
    "WHO": ("ВОЗ", "OMS"),
    "WTO": ("ВТО", "OMC"),
    "EAEU": ("ЕАЭС", "UEEA"),
    "SCO": ("ШОС", "OCS"),
    "BRICS": ("БРИКС",),
    "OPEC": ("ОПЕК", "OPEP"),
    "IAEA": ("МАГАТЭ", "AIEA"),
    "ICC": ("МУС", "CPI"),
    "OECD": ("ОЭСР", "OCDE"),
    "PACE": ("ПАСЕ", "APCE"),
    "DPR": ("ДНР", "RPD"),
    "LPR": ("ЛНР", "RPL"),
}
_ALL_FORMS = frozenset(form for forms in _FOREIGN_FORMS.values() for form in forms)
# A body's English name → its names in Russian (any case ending) and French.
# Case endings are spelt out ("совет", "совета", "совету", …; not "советник"), and French accents
# may be left out as chat does ("conseil de securite").
_RU_ADJECTIVE = r"(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)"
_RU_NOUN = r"(?:а|у|ом|е|ы|ой|ами|ах)?"
_FOREIGN_NAMES: dict[str, str] = {
    "European Council": (rf"[Ее]вропейск{_RU_ADJECTIVE}\s+[Сс]овет{_RU_NOUN}|[Ее]вросовет{_RU_NOUN}"
                         r"|[Cc]onseil\s+europ[ée]en"),
    "Security Council": (rf"[Сс]овет{_RU_NOUN}\s+[Бб]езопасности|[Сс]овбез{_RU_NOUN}|СБ(?=\s+ООН)"
                         r"|[Cc]onseil\s+de\s+s[ée]curit[ée]"),
    "European Union": (rf"[Ее]вропейск{_RU_ADJECTIVE}\s+[Сс]оюз{_RU_NOUN}|[Ее]вросоюз{_RU_NOUN}"
                       r"|[Uu]nion\s+europ[ée]enne"),
    "Minsk process": rf"[Мм]инск{_RU_ADJECTIVE}\s+процесс{_RU_NOUN}|[Pp]rocessus\s+de\s+Minsk",
    "Minsk Group": rf"[Мм]инск{_RU_ADJECTIVE}\s+групп{_RU_NOUN}|[Gg]roupe\s+de\s+Minsk",
}
# Forms that are no word of their language in lower case either, as chat types them ("совбез оон",
# "вступить в нато"); "ВОЗ" is "воз" (a cart) and "ЕС", "UE" are too short to tell.
_LOWER_CASE_TOO = frozenset({"ОДКБ", "ODKB", "OTSC", "НАТО", "OTAN", "ООН", "ONU", "ОБСЕ", "СНГ", "ЕАЭС",
                             "ОПЕК", "МАГАТЭ", "ОЭСР", "ДНР", "ЛНР", "США", "ШОС", "БРИКС", "МВФ", "ПАСЕ"})


class Acronyms:
    """The foreign forms of the acronyms a corpus uses, and how to annotate a question with them."""

    def __init__(self, texts: Iterable[str]) -> None:
        corpus = " ".join(texts)
        used = set(re.findall(r"\b[A-Z]{2,}\b", corpus))
        # The acronyms the documents write ("CSTO", "NATO"): a question's other capitals may be
        # emphasis ("How MANY…?") or an acronym they spell otherwise ("USA").
        self.used = frozenset(used)
        self._english = {form: english for english, forms in _FOREIGN_FORMS.items()
                         if english in used for form in forms}
        # In lower case, and with a capital only ("Нато"), as chat types them.
        self._english.update({typed: english for form, english in list(self._english.items())
                              if form in _LOWER_CASE_TOO for typed in (form.lower(), form.capitalize())})
        lower = corpus.lower()
        self._names = [(re.compile(rf"(?<!\w)(?:{forms})(?!\w)(?!\s*\({re.escape(english)}\))"), english)
                       for english, forms in _FOREIGN_NAMES.items() if english.lower() in lower]
        if self._english:
            alternatives = "|".join(sorted(map(re.escape, self._english), key=len, reverse=True))
            # Whole words only, as typed (acronyms are capitals, or in lower case those of
            # ``_LOWER_CASE_TOO``), and not when the English one already follows.
            self._pattern: re.Pattern[str] | None = re.compile(
                rf"(?<!\w)({alternatives})(?!\w)(?!\s*\(?\s*[A-Z]{{2,}})")
        else:
            self._pattern = None

    @staticmethod
    def is_foreign(word: str) -> bool:
        """True for an acronym of the table in another language ("ОДКБ", "OTAN")."""
        return word in _ALL_FORMS

    def named_in(self, question: str) -> tuple[str, ...]:
        """The documents' English acronyms of the foreign ones a question names ("OTAN" → "NATO")."""
        if self._pattern is None:
            return ()
        return tuple(dict.fromkeys(self._english[m.group(1)] for m in self._pattern.finditer(question)))

    def annotate(self, question: str) -> str:
        """``question`` with each foreign acronym or body's name followed by the documents' English one."""
        for pattern, english in self._names:
            question = pattern.sub(rf"\g<0> ({english})", question)
        if self._pattern is None:
            return question
        return self._pattern.sub(lambda m: f"{m.group(1)} ({self._english[m.group(1)]})", question)
