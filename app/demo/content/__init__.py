"""Vietnamese demo content written for Bản tin: sections, a campaign, articles and readers' comments.

The data is plain Python so `flask seed-demo` can load it without parsing files.
Every article is a dict with these keys:

- section: the slug of a section from SECTIONS (sub-sections included)
- title, lead: plain text
- body: a list of blocks; a block starting with "## " is a subheading (h2),
  "### " a minor subheading (h3), anything else is one paragraph
- byline: the author as printed at the end, e.g. "NGUYỄN THU HÀ"
- source: optional, e.g. "Theo Cổng TTĐT thành phố"
- keywords: 3 to 6 keyword names, with diacritics
- format: "standard" | "photo" | "video" | "exemplary"
- cover_caption, cover_credit: the cover photo's caption and credit ("Ảnh: ...")
- days_ago, hour, minute: when it was published, in local time (Asia/Ho_Chi_Minh)
- optional: featured (bool), status ("draft" | "pending" | "rejected" | "scheduled";
  published when absent), gallery (photo format: list of captions),
  video_url (video format), profile (exemplary format: a dict)
"""

from app.demo.content.columns import ARTICLES as COLUMN_ARTICLES
from app.demo.content.comments import COMMENTS
from app.demo.content.multimedia import ARTICLES as MULTIMEDIA_ARTICLES
from app.demo.content.multimedia import CAMPAIGN
from app.demo.content.news import ARTICLES as NEWS_ARTICLES
from app.demo.content.sections import SECTIONS

ARTICLES = NEWS_ARTICLES + COLUMN_ARTICLES + MULTIMEDIA_ARTICLES

__all__ = ["ARTICLES", "CAMPAIGN", "COMMENTS", "SECTIONS"]
