"""Quality on a question set with gold sentences: hit@1, hit@3, abstention, support, verbatim.

A question set is JSON lines: ``{"question": ..., "kind": ..., "gold": [substring, ...]}``; a
citation hits when its quote contains one of the gold substrings. ``gold: []`` marks a question
the corpus does not answer. A several-part question also has ``"parts": [[gold of part 1], ...]``:
its hit@1 needs the first citation to answer the first part, its hit@3 needs every part answered
among the first three citations.

The set is split once, by a hash of each question's text, into a *tuning* half (every weight and
threshold of the engine is chosen on it) and a *report* half (the figures the README quotes).
The split does not depend on the order of the file or on anything the engine does.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from config.errors import CorpusError
from retrieval.answer import Answer

TUNING = "tuning"
REPORT = "report"


@dataclass(frozen=True)
class EvalQuestion:
    """One question of a set."""

    question: str
    kind: str
    gold: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...] = ()

    @property
    def answerable(self) -> bool:
        """False when the corpus does not answer it."""
        return bool(self.gold)

    @property
    def half(self) -> str:
        """TUNING or REPORT, fixed by the question's text."""
        return TUNING if hashlib.sha256(self.question.encode()).digest()[0] % 2 == 0 else REPORT

    def first_hit(self, quote: str) -> bool:
        """True when a quote answers the question (its first part, for several parts)."""
        gold = self.parts[0] if self.parts else self.gold
        return any(g in quote for g in gold)

    def answered_by(self, quotes: Iterable[str]) -> bool:
        """True when the quotes answer every part."""
        quotes = list(quotes)
        groups = self.parts or (self.gold,)
        return all(any(g in q for g in group for q in quotes) for group in groups)


@dataclass
class EvalResult:
    """Counts over a question set, and the questions that missed."""

    answerable: int = 0
    unanswerable: int = 0
    hit1: int = 0
    hit3: int = 0
    abstained_right: int = 0
    abstained_wrong: int = 0
    quotes: int = 0
    verbatim: int = 0
    answered: int = 0
    answered_citations: int = 0
    misses: list[str] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    support: Counter[str] = field(default_factory=Counter)

    def metrics(self) -> dict[str, float]:
        """The figures the README and the issue quote."""
        def share(a: int, b: int) -> float:
            return a / b if b else 0.0
        return {
            "hit@1": share(self.hit1, self.answerable),
            "hit@3": share(self.hit3, self.answerable),
            "unanswerable_abstained": share(self.abstained_right, self.unanswerable),
            "answerable_wrongly_abstained": share(self.abstained_wrong, self.answerable),
            "verbatim": share(self.verbatim, self.quotes) if self.quotes else 1.0,
            "citations_per_answer": share(self.answered_citations, self.answered),
        }


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a question set."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data: dict[str, Any] = json.loads(line)
            questions.append(EvalQuestion(
                str(data["question"]), str(data.get("kind", "")),
                tuple(str(g) for g in data.get("gold", ())),
                tuple(tuple(str(g) for g in part) for part in data.get("parts", ()))))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CorpusError(f"{path.name} line {number} is not a question object ({exc})") from None
    return questions


def split_halves(questions: Iterable[EvalQuestion]) -> dict[str, list[EvalQuestion]]:
    """The tuning and report halves."""
    halves: dict[str, list[EvalQuestion]] = {TUNING: [], REPORT: []}
    for q in questions:
        halves[q.half].append(q)
    return halves


def evaluate(questions: Iterable[EvalQuestion], ask: Callable[[str], Answer],
             text_of: Callable[[str], str]) -> EvalResult:
    """Ask every question and score the answers; ``text_of(doc_id)`` gives a document's text."""
    result = EvalResult()
    for q in questions:
        answer = ask(q.question)
        result.support[answer.support] += 1
        for c in (*answer.citations, *answer.caveats):
            result.quotes += 1
            result.verbatim += text_of(c.doc_id)[c.start:c.end] == c.quote
        if not answer.abstained:
            result.answered += 1
            result.answered_citations += len(answer.citations)
        # per kind: [hit@1 or abstained, hit@3 or abstained, questions]
        kind = result.by_kind.setdefault(q.kind, [0, 0, 0])
        kind[2] += 1
        if not q.answerable:
            result.unanswerable += 1
            result.abstained_right += answer.abstained
            kind[0] += answer.abstained
            kind[1] += answer.abstained
            if not answer.abstained:
                result.misses.append(f"[{q.kind}] {q.question} -> should abstain, quoted "
                                     f"{answer.citations[0].quote[:70]!r}")
            continue
        result.answerable += 1
        quotes = [c.quote for c in answer.citations] if not answer.abstained else []
        first = bool(quotes) and q.first_hit(quotes[0])
        top3 = bool(quotes) and q.answered_by(quotes[:3])
        result.hit1 += first
        result.hit3 += top3
        kind[0] += first
        kind[1] += top3
        if answer.abstained:
            result.abstained_wrong += 1
            result.misses.append(f"[{q.kind}] {q.question} -> abstained ({answer.support})")
        elif not first:
            result.misses.append(f"[{q.kind}] {q.question} -> {quotes[0][:70]!r}"
                                 f" (hit@3: {top3})")
    return result


def baseline_hit1(questions: Iterable[EvalQuestion],
                  first: Callable[[str], dict[str, str]]) -> dict[str, float]:
    """hit@1 of each baseline, given a function from a question to each baseline's first quote."""
    hits: dict[str, int] = {}
    answerable = [q for q in questions if q.answerable]
    for q in answerable:
        for name, quote in first(q.question).items():
            hits[name] = hits.get(name, 0) + q.first_hit(quote)
    return {name: n / len(answerable) for name, n in hits.items()} if answerable else {}


def report(result: EvalResult, *, misses: bool = True) -> str:
    """The figures as lines of text."""
    m = result.metrics()
    lines = [
        f"questions: {result.answerable} answerable, {result.unanswerable} unanswerable",
        f"hit@1                        {m['hit@1']:.3f}",
        f"hit@3                        {m['hit@3']:.3f}",
        f"unanswerable abstained       {m['unanswerable_abstained']:.3f}",
        f"answerable wrongly abstained {m['answerable_wrongly_abstained']:.3f}",
        f"citations per answer         {m['citations_per_answer']:.2f}",
        f"verbatim quotes              {m['verbatim']:.3f} ({result.verbatim}/{result.quotes})",
        "support: " + ", ".join(f"{k} {v}" for k, v in sorted(result.support.items())),
        "by kind (hit@1/hit@3, or abstained for unanswerable kinds): " + ", ".join(
            f"{k} {v[0]}/{v[1]} of {v[2]}" for k, v in sorted(result.by_kind.items())),
    ]
    if misses and result.misses:
        lines.append("misses:")
        lines.extend(f"  {m}" for m in result.misses)
    return "\n".join(lines)


# The ways people type a question in a chat, to score the tuning questions retyped
# (`python -m bot eval --retyped`): a question should be read the same however it is typed.
_LATIN = dict(zip("абвгдезиклмнопрстуфыэ", "abvgdeziklmnoprstufye", strict=True))
_LATIN.update({"ё": "yo", "ж": "zh", "й": "y", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
               "щ": "sch", "ъ": "", "ь": "", "ю": "yu", "я": "ya"})


def _in_latin_letters(text: str) -> str:
    out = []
    for ch in text:
        latin = _LATIN.get(ch.lower())
        out.append(ch if latin is None else latin.capitalize() if ch.isupper() else latin)
    return "".join(out)


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _drop_a_letter(text: str) -> str:
    """The fourth letter dropped from the first English word of seven letters or more."""
    return re.sub(r"\b([A-Za-z]{3})[a-z]([a-z]{3,})\b", r"\1\2", text, count=1)


RETYPINGS: dict[str, Callable[[str], str]] = {
    "as written": lambda q: q,
    "in capitals": str.upper,
    "in lower case": str.lower,
    "lower case, no apostrophes, no question mark": lambda q: q.lower().rstrip("?. ").replace("'", ""),
    "without the question mark": lambda q: q.rstrip("?. "),
    "ending in a full stop": lambda q: q.rstrip("?").rstrip() + ".",
    'ending in "??!!"': lambda q: q.rstrip("?") + "??!!",
    'with " 🤔" after it': lambda q: q + " 🤔",
    '"hey, quick question: …"': lambda q: "hey, quick question: " + q,
    '"Can you tell me …"': lambda q: "Can you tell me " + _first_lower(q),
    '"And …"': lambda q: "And " + _first_lower(q),
    '"So …"': lambda q: "So " + _first_lower(q),
    '"I just read the interview. …"': lambda q: "I just read the interview. " + q,
    '"… thanks!"': lambda q: q + " thanks!",
    "one letter dropped from one long word": _drop_a_letter,
    "Russian ones in Latin letters": _in_latin_letters,
}
# Retypings that only some kinds of question get.
RETYPED_KINDS = {"Russian ones in Latin letters": ("russian",)}


def retyped(questions: Iterable[EvalQuestion], way: str) -> list[EvalQuestion]:
    """``questions`` retyped one of the RETYPINGS ways (only the kinds that way applies to)."""
    kinds = RETYPED_KINDS.get(way)
    return [replace(q, question=RETYPINGS[way](q.question)) for q in questions
            if kinds is None or q.kind in kinds]
