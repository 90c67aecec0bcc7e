"""The editorial workflow: one explicit table of transitions between article statuses, and their effects."""

from dataclasses import dataclass, replace
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.accounts.models import User
from app.accounts.permissions import can
from app.articles import policy
from app.articles.models import Article, ArticleStatus
from app.articles.services import ArticleInput, build_article, save_article, with_prepared_cover
from app.audit.services import record
from app.core.dates import as_utc, format_vn, utcnow
from app.core.db import write_transaction
from app.core.errors import Conflict, InvalidInput, NotAllowed
from app.core.text import nfc
from app.media.library import ensure_images_described
from app.notifications.services import notify

DRAFT, PENDING, PUBLISHED = ArticleStatus.DRAFT, ArticleStatus.PENDING, ArticleStatus.PUBLISHED
REJECTED, UNPUBLISHED = ArticleStatus.REJECTED, ArticleStatus.UNPUBLISHED
REASON_MAX_LENGTH = 2000


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[ArticleStatus]
    target: ArticleStatus
    permission: str
    label: str
    done: str


def _t(name, sources, target, permission, label, done) -> Transition:
    return Transition(name, frozenset(sources), target, permission, label, done)


# fmt: off
TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        _t("submit", {DRAFT, REJECTED}, PENDING, "article.submit",
           _l("Submit for review"), _l("The article was sent for review.")),
        _t("publish", {DRAFT, PENDING, REJECTED, UNPUBLISHED}, PUBLISHED, "article.publish",
           _l("Publish"), _l("The article was published.")),
        _t("reschedule", {PUBLISHED}, PUBLISHED, "article.publish",
           _l("Change the publication time"), _l("The publication time was changed.")),
        _t("return", {PENDING}, REJECTED, "article.return",
           _l("Return to the author"), _l("The article was returned to its author.")),
        _t("unpublish", {PUBLISHED}, UNPUBLISHED, "article.unpublish",
           _l("Unpublish"), _l("The article was taken off the site.")),
        _t("to_draft", {PENDING, REJECTED, UNPUBLISHED}, DRAFT, "article.submit",
           _l("Move back to draft"), _l("The article is a draft again.")),
    )
}
# fmt: on

STATE_LABELS = {
    "draft": _l("Draft"),
    "pending": _l("Pending review"),
    "scheduled": _l("Scheduled"),
    "published": _l("Published"),
    "rejected": _l("Returned"),
    "unpublished": _l("Unpublished"),
}


class IllegalTransition(Conflict):
    """A transition the table does not allow from the article's current status."""

    def __init__(self, message: str):
        super().__init__(None, message)


def state_of(article: Article, now: datetime | None = None) -> str:
    """The status a person sees: "scheduled" is a published article whose time has not come."""
    if (
        article.status is PUBLISHED
        and article.published_at
        and as_utc(article.published_at) > (now or utcnow())
    ):
        return "scheduled"
    return article.status.value


def available(article: Article | None, user) -> list[Transition]:
    """The transitions `user` may apply to the article now; for a new one (None), those open to a draft."""
    if article is None:
        return [t for t in TRANSITIONS.values() if DRAFT in t.sources and can(user, t.permission)]
    return [
        t
        for t in TRANSITIONS.values()
        if article.status in t.sources and policy.can_move(user, article, t.permission)
    ]


def check(article: Article, name: str, *, actor: User) -> Transition:
    """The transition, if the table allows it from the article's status and the actor may apply it."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise IllegalTransition(_("Unknown action."))
    if not policy.can_move(actor, article, transition.permission):
        raise NotAllowed(_("You do not have permission to do this."))
    if article.status not in transition.sources:
        raise IllegalTransition(
            _(
                "“%(action)s” is not possible while the article is “%(status)s”.",
                action=transition.label,
                status=STATE_LABELS[state_of(article)],
            )
        )
    return transition


def submit(article: Article, *, actor: User) -> Article:
    """A draft or returned article goes to the editors' review queue."""
    with write_transaction():
        _move(article, check(article, "submit", actor=actor), actor=actor)
    return article


def publish(article: Article, *, actor: User, at: datetime | None = None) -> Article:
    """Publish now, or at `at` (a future time schedules it); the first publication time is kept."""
    with write_transaction():
        transition = check(article, "publish", actor=actor)
        ensure_images_described(article)
        _set_publication_time(article, at)
        article.return_reason = ""
        _move(article, transition, actor=actor, summary=format_vn(article.published_at))
        _tell_author_published(article, actor=actor)
    return article


def reschedule(article: Article, *, actor: User, at: datetime | None) -> Article:
    """Change the publication time of a published or scheduled article."""
    with write_transaction():
        transition = check(article, "reschedule", actor=actor)
        ensure_images_described(article)
        _set_publication_time(article, at)
        _move(article, transition, actor=actor, summary=format_vn(article.published_at))
    return article


def return_to_author(article: Article, *, actor: User, reason: str) -> Article:
    """Send a submitted article back to its author with the reason, which the author is shown."""
    reason = nfc((reason or "").strip())
    with write_transaction():
        transition = check(article, "return", actor=actor)
        if not reason:
            raise InvalidInput("reason", _("Please say why the article is returned."))
        if len(reason) > REASON_MAX_LENGTH:
            raise InvalidInput(
                "reason", _("This field must be at most %(n)d characters.", n=REASON_MAX_LENGTH)
            )
        article.return_reason = reason
        _move(article, transition, actor=actor, summary=reason)
        if article.created_by_id not in (None, actor.id):
            notify(
                article.created_by_id,
                kind="returned",
                article=article,
                message=_(
                    "Your article “%(title)s” was returned: %(reason)s", title=article.title, reason=reason
                ),
            )
    return article


def unpublish(article: Article, *, actor: User) -> Article:
    with write_transaction():
        _move(article, check(article, "unpublish", actor=actor), actor=actor)
    return article


def move_to_draft(article: Article, *, actor: User) -> Article:
    """Take an article back to draft: an author withdrawing a submission, an editor reworking it."""
    with write_transaction():
        _move(article, check(article, "to_draft", actor=actor), actor=actor)
    return article


def apply(
    article: Article, name: str, *, actor: User, at: datetime | None = None, reason: str = ""
) -> Article:
    """Apply the transition called `name` (for views and scripts that receive it as a value)."""
    if name == "publish":
        return publish(article, actor=actor, at=at)
    if name == "reschedule":
        return reschedule(article, actor=actor, at=at)
    if name == "return":
        return return_to_author(article, actor=actor, reason=reason)
    moves = {"submit": submit, "unpublish": unpublish, "to_draft": move_to_draft}
    if name not in moves:
        raise IllegalTransition(_("Unknown action."))
    return moves[name](article, actor=actor)


def save_and_apply(
    article: Article,
    data: ArticleInput,
    name: str | None,
    *,
    actor: User,
    expected_version: int,
    at: datetime | None = None,
    note: str = "",
) -> Article:
    """Save the editor's changes and then, in the same transaction, apply `name` (None: save only)."""
    data = with_prepared_cover(data, article, actor=actor, expected_version=expected_version)
    with write_transaction():
        save_article(article, data, actor=actor, expected_version=expected_version, note=note)
        if name:
            apply(article, name, actor=actor, at=at)
    return article


def create_and_apply(
    data: ArticleInput, name: str | None, *, actor: User, at: datetime | None = None
) -> Article:
    """Create a draft by `actor` and then, in the same transaction, apply `name` (None: stay a draft)."""
    policy.ensure_can(actor, "article.create")
    if data.is_featured:
        policy.ensure_can(actor, "homepage.curate")
    data = with_prepared_cover(data, actor=actor)
    with write_transaction():
        article = build_article(replace(data, status=DRAFT, published_at=None), actor=actor)
        if name:
            apply(article, name, actor=actor, at=at)
    return article


def outcome(article: Article, name: str | None) -> str:
    """What to tell the person who just applied `name` (None: saved only)."""
    if name in ("publish", "reschedule") and state_of(article) == "scheduled":
        return _("The article is scheduled for %(time)s.", time=format_vn(article.published_at))
    if name in TRANSITIONS:
        return str(TRANSITIONS[name].done)
    return _("The article was saved.")


def _set_publication_time(article: Article, at: datetime | None) -> None:
    article.published_at = as_utc(at) if at else utcnow()
    if article.first_published_at is None:
        article.first_published_at = article.published_at


def _move(article: Article, transition: Transition, *, actor: User, summary: str = "") -> None:
    before = article.status
    article.status = transition.target
    record(
        f"article.{transition.name}",
        article,
        actor=actor,
        summary=" · ".join(part for part in (f"{before.value} → {transition.target.value}", summary) if part),
    )


def _tell_author_published(article: Article, *, actor: User) -> None:
    if article.created_by_id in (None, actor.id):
        return
    if state_of(article) == "scheduled":
        message = _(
            "Your article “%(title)s” is scheduled for %(time)s.",
            title=article.title,
            time=format_vn(article.published_at),
        )
    else:
        message = _("Your article “%(title)s” was published.", title=article.title)
    notify(article.created_by_id, kind="published", article=article, message=message)
