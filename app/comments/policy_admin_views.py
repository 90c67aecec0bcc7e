"""Back-office page for the comment policy: auto-approval, banned words, diacritics rule, retention."""

from app.admin import admin_blueprint

blueprint = admin_blueprint("comment_policy_admin", __name__, url_prefix="/comments/policy")
