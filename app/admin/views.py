"""The back-office home: what is waiting for the person who just logged in, and their notifications."""

from flask import redirect, render_template, url_for
from flask_login import current_user

from app.accounts.permissions import can, require
from app.admin import admin_blueprint
from app.articles import queries as articles
from app.articles.models import ArticleStatus
from app.comments import moderation_queries as comments
from app.notifications import queries as notifications
from app.notifications.services import mark_all_read, mark_read

blueprint = admin_blueprint("admin", __name__)

LIST_SIZE = 8
NOTIFICATIONS_SIZE = 20


@blueprint.get("/")
@require("admin.access")
def dashboard():
    everyone = can(current_user, "article.edit_any")
    return render_template(
        "admin/dashboard.html",
        drafts=articles.of_author(current_user, (ArticleStatus.DRAFT,), LIST_SIZE),
        returned=articles.of_author(current_user, (ArticleStatus.REJECTED,), LIST_SIZE),
        awaiting=articles.awaiting_review(LIST_SIZE) if can(current_user, "article.publish") else None,
        latest=articles.latest(LIST_SIZE),
        counts=articles.counts_by_state(None if everyone else current_user.id),
        notifications=notifications.unread_for(current_user, NOTIFICATIONS_SIZE),
        pending_comments=comments.pending_count() if can(current_user, "comment.moderate") else None,
    )


@blueprint.post("/notifications/<int:notification_id>/read")
@require("admin.access")
def read_notification(notification_id: int):
    mark_read(notifications.get_own_notification_or_404(notification_id, current_user), actor=current_user)
    return redirect(url_for(".dashboard"))


@blueprint.post("/notifications/read")
@require("admin.access")
def read_all_notifications():
    mark_all_read(actor=current_user)
    return redirect(url_for(".dashboard"))
