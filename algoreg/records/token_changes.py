"""Four eyes for drafts changed through the API.

Who holds an API token is not known: its secret is shown once to the admin who makes it, who puts it in a system
that other people may use, or may pass it on. So a change through a token is the token's, not any person's, and it
cannot count as one of the two pairs of eyes every record needs before it is public. The rule:

- a draft last changed through a token cannot be submitted for review through the API: a member must submit it in
  the register, and so stand behind it as it is;
- neither that member nor the person who made the token may then publish it.

Why this is enough: the member who submitted the draft and the approver who publishes it are two different
signed-in people, and the draft published is exactly the one submitted (any change, through a token or not, takes a
draft back out of review). Whoever holds the token, and whatever they did with it, is at most one of those two
people. Once a member changes the draft in the register, they are its last editor and the usual rule applies.
"""

from algoreg.audit.models import token_label


def token_blocker(draft, user) -> str | None:
    """Why this person may not publish this draft because of a change made through an API token, or None."""
    token = draft.last_edited_through
    if token is None:
        return None
    made_through = f"This draft was last changed through the {token_label(token)}"
    if token.created_by_id is not None and token.created_by_id == user.pk:
        return (f"{made_through}, which you made, so another approver must check and publish it. This is so two "
                f"people see every record before it is public.")
    if draft.submitted_by_id == user.pk:
        return (f"{made_through} and you submitted it for review, so another approver must check and publish it. "
                f"This is so two people see every record before it is public.")
    return None


def api_submission_blocker(draft) -> str | None:
    """Why a draft may not be submitted for review through the API, or None."""
    if draft.last_edited_through_id is None:
        return None
    return ("This draft was last changed through an API token, so a member must check it and submit it for review "
            "in the register. This is so two people see every record before it is public: nobody knows who holds "
            "a token.")
