"""Finding or creating keywords by name, with distinct slugs for names that fold alike."""

from sqlalchemy import select

from app.core.text import clean_line, fold, keyword_key, slugify, unique_slug
from app.extensions import db
from app.keywords.models import Keyword

MAX_KEYWORD_LENGTH = 100


def keywords_for_names(names: list[str]) -> list[Keyword]:
    """The keywords with these names, created when new; `Đường` and `Dương` are two keywords.

    Names are matched by their NFC case-folded form, so `chuyển đổi số` reuses `Chuyển đổi số`.
    The caller commits.
    """
    wanted: dict[str, str] = {}
    for name in names:
        name = clean_line(name)[:MAX_KEYWORD_LENGTH]
        if name:
            wanted.setdefault(keyword_key(name), name)
    if not wanted:
        return []
    found = {
        keyword.name_key: keyword
        for keyword in db.session.scalars(select(Keyword).where(Keyword.name_key.in_(wanted)))
    }
    for key, name in wanted.items():
        if key not in found:
            found[key] = create_keyword(name)
    return [found[key] for key in wanted]


def create_keyword(name: str) -> Keyword:
    slug = unique_slug(slugify(name, max_length=100, fallback="tu-khoa"), _slug_taken)
    keyword = Keyword(name=name, name_key=keyword_key(name), folded=fold(name), slug=slug)
    db.session.add(keyword)
    db.session.flush()
    return keyword


def _slug_taken(slug: str) -> bool:
    return db.session.scalar(select(Keyword.id).where(Keyword.slug == slug)) is not None
