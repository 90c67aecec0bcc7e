"""Back-office moderation of readers' comments: the queue, bulk actions, edits and official replies."""

from app.admin import admin_blueprint

blueprint = admin_blueprint("comments_admin", __name__, url_prefix="/comments")
