"""Who is served where (every combination of allow-lists), and the per-user question limit."""

from __future__ import annotations

import pytest

from bot.guards import AccessPolicy, QuestionLimiter

ADMIN, ALICE, EVE = 1, 2, 4
GROUP, OTHER_GROUP = -100123, -100999
INLINE = None  # inline queries have no chat

USERS = frozenset({ALICE})
CHATS = frozenset({GROUP})

# (allowed users, allowed chats, user, chat, served?)
CASES = [
    # No allow-list: everyone, everywhere.
    (frozenset(), frozenset(), EVE, EVE, True),
    (frozenset(), frozenset(), EVE, OTHER_GROUP, True),
    (frozenset(), frozenset(), EVE, INLINE, True),
    # Users only: an allowed user anywhere; nobody else anywhere.
    (USERS, frozenset(), ALICE, ALICE, True),
    (USERS, frozenset(), ALICE, OTHER_GROUP, True),
    (USERS, frozenset(), ALICE, INLINE, True),
    (USERS, frozenset(), EVE, EVE, False),
    (USERS, frozenset(), EVE, OTHER_GROUP, False),
    (USERS, frozenset(), EVE, INLINE, False),
    # Chats only: anyone inside an allowed chat; strangers not in private, nor inline.
    (frozenset(), CHATS, EVE, GROUP, True),
    (frozenset(), CHATS, EVE, EVE, False),
    (frozenset(), CHATS, EVE, OTHER_GROUP, False),
    (frozenset(), CHATS, EVE, INLINE, False),
    # A private chat's id is its user's id: listing it under chats admits that user privately,
    # but inline needs the user list.
    (frozenset(), frozenset({ALICE}), ALICE, ALICE, True),
    (frozenset(), frozenset({ALICE}), ALICE, INLINE, False),
    # Both: the user's id or the chat's id.
    (USERS, CHATS, ALICE, OTHER_GROUP, True),
    (USERS, CHATS, ALICE, INLINE, True),
    (USERS, CHATS, EVE, GROUP, True),
    (USERS, CHATS, EVE, EVE, False),
    (USERS, CHATS, EVE, OTHER_GROUP, False),
    (USERS, CHATS, EVE, INLINE, False),
]


@pytest.mark.parametrize(("users", "chats", "user", "chat", "served"), CASES)
def test_a_user_is_served_only_where_their_id_or_the_chats_id_is_allowed(users, chats, user,
                                                                        chat, served):
    policy = AccessPolicy(users, chats, frozenset({ADMIN}))
    assert policy.allows(user, chat) is served


@pytest.mark.parametrize(("users", "chats"), [(frozenset(), frozenset()), (USERS, frozenset()),
                                              (frozenset(), CHATS), (USERS, CHATS)])
@pytest.mark.parametrize("chat", [ADMIN, GROUP, OTHER_GROUP, INLINE])
def test_admins_are_always_served(users, chats, chat):
    assert AccessPolicy(users, chats, frozenset({ADMIN})).allows(ADMIN, chat)


def test_an_update_without_a_user_is_never_served():
    assert not AccessPolicy().allows(None, GROUP)


def test_the_limit_refuses_past_the_window_and_says_so_once_per_window():
    limiter = QuestionLimiter(per_minute=2)
    assert limiter.check(ALICE, now=0) == 0
    assert limiter.check(ALICE, now=1) == 0
    assert limiter.check(ALICE, now=2) == pytest.approx(58)
    assert limiter.first_refusal(ALICE)
    assert limiter.check(ALICE, now=3) > 0
    assert not limiter.first_refusal(ALICE)
    assert limiter.check(EVE, now=3) == 0
    assert limiter.check(ALICE, now=60) == 0
    assert limiter.check(ALICE, now=60.5) > 0
    assert limiter.first_refusal(ALICE)
