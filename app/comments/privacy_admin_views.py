"""Back-office personal-data requests: find a reader's comments by email, export or erase them."""

from app.admin import admin_blueprint

blueprint = admin_blueprint("privacy_admin", __name__, url_prefix="/personal-data")
