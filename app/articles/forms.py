"""Back-office article forms: the editor, the list filters and the workflow actions."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import AnyOf, DataRequired, Length, Optional, Regexp, ValidationError

from app.accounts.permissions import can
from app.articles.models import Article, ArticleFormat
from app.articles.queries import ArticleFilters
from app.articles.services import ArticleInput, EditConflict
from app.articles.workflow import STATE_LABELS, TRANSITIONS
from app.campaigns.models import Campaign, SubjectKind
from app.campaigns.profiles import LIMITS as PROFILE_LIMITS
from app.campaigns.profiles import (
    ProfileInput,
    campaign_choices,
    field_choices,
    input_summary,
    known_wards,
    profile_summary,
)
from app.core.dates import local_to_utc, to_local
from app.core.html import html_to_text
from app.sections.models import Section

CHOICE_MESSAGE = _l("Please choose a value from the list.")
TOO_LONG = _l("This field is too long.")
FORMAT_LABELS = {
    ArticleFormat.STANDARD: _l("Standard article"),
    ArticleFormat.PHOTO: _l("Photo story"),
    ArticleFormat.VIDEO: _l("Video"),
    ArticleFormat.EXEMPLARY: _l("Exemplary story"),
}
SORT_LABELS = {"updated": _l("Last changed"), "published": _l("Publication time"), "title": _l("Title")}
EDITOR_ACTIONS = ("save", "submit", "publish", "reschedule")


def choice_field(label, **kwargs) -> SelectField:
    """A select with our own refusal messages (WTForms has no Vietnamese catalogue); values stay strings."""
    return SelectField(
        label, invalid_choice_message=CHOICE_MESSAGE, invalid_value_message=CHOICE_MESSAGE, **kwargs
    )


def multi_choice_field(label, **kwargs) -> SelectMultipleField:
    return SelectMultipleField(
        label,
        invalid_choice_message=_l("These values are not in the list: %(value)s."),
        invalid_value_message=CHOICE_MESSAGE,
        **kwargs,
    )


class LocalDateTimeField(DateTimeLocalField):
    """A datetime-local input read as Vietnam time; a malformed value gets our own message."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(_l("Please enter a date and time such as 10/08/2026 09:30.")) from None


class ArticleForm(FlaskForm):
    """The editor. Fields a person may not use (featured flag, publication time) are removed for them."""

    title = StringField(
        _l("Title"),
        validators=[DataRequired(message=_l("Please enter a title.")), Length(max=300, message=TOO_LONG)],
    )
    slug = StringField(
        _l("Slug (web address)"),
        validators=[
            Optional(),
            Length(max=120, message=TOO_LONG),
            Regexp(
                r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
                message=_l(
                    "Use only lowercase letters without accents, digits and single hyphens (a-z, 0-9, -)."
                ),
            ),
        ],
    )
    lead = TextAreaField(_l("Lead"), validators=[Length(max=2000, message=TOO_LONG)])
    body = TextAreaField(_l("Body"))
    section_id = choice_field(
        _l("Section"), validators=[DataRequired(message=_l("Please choose a section."))]
    )
    keywords = StringField(
        _l("Keywords"),
        validators=[Length(max=1000, message=TOO_LONG)],
        render_kw={"data-keyword-suggest": "list", "autocomplete": "off"},
    )
    cover = FileField(
        _l("Upload an image"), render_kw={"accept": "image/jpeg,image/png,image/webp,image/gif"}
    )
    remove_cover = BooleanField(_l("Remove the cover image"))
    cover_caption = TextAreaField(_l("Cover caption"), validators=[Length(max=1000, message=TOO_LONG)])
    cover_alt = StringField(_l("Alternative text"), validators=[Length(max=300, message=TOO_LONG)])
    cover_credit = StringField(_l("Photo credit"), validators=[Length(max=200, message=TOO_LONG)])
    byline = StringField(_l("Byline"), validators=[Length(max=200, message=TOO_LONG)])
    source = StringField(_l("Source"), validators=[Length(max=300, message=TOO_LONG)])
    format = choice_field(
        _l("Format"), choices=[SelectChoice(f.value, label) for f, label in FORMAT_LABELS.items()]
    )
    is_featured = BooleanField(_l("Featured on the home page"))
    comments_enabled = BooleanField(_l("Readers may comment"), default=True)
    meta_description = TextAreaField(_l("Meta description"), validators=[Length(max=300, message=TOO_LONG)])
    publish_at = LocalDateTimeField(_l("Publication time"), format="%Y-%m-%dT%H:%M", validators=[Optional()])
    related_ids = multi_choice_field(_l("Related articles"))
    # The exemplary profile ("Hồ sơ điển hình"): only read when the format is exemplary.
    profile_subject_name = StringField(
        _l("Who the story is about"),
        validators=[Length(max=PROFILE_LIMITS["subject_name"], message=TOO_LONG)],
    )
    profile_subject_kind = RadioField(
        _l("Individual or collective"),
        choices=[
            SelectChoice(SubjectKind.INDIVIDUAL.value, _l("Individual")),
            SelectChoice(SubjectKind.COLLECTIVE.value, _l("Collective")),
        ],
        default=SubjectKind.INDIVIDUAL.value,
        invalid_choice_message=CHOICE_MESSAGE,
        invalid_value_message=CHOICE_MESSAGE,
    )
    profile_unit = StringField(_l("Unit"), validators=[Length(max=PROFILE_LIMITS["unit"], message=TOO_LONG)])
    profile_ward = StringField(
        _l("Ward"),
        validators=[Length(max=PROFILE_LIMITS["ward"], message=TOO_LONG)],
        render_kw={"list": "profile-ward-suggestions", "autocomplete": "off"},
    )
    profile_field = choice_field(_l("Field"), default="")
    profile_achievement = TextAreaField(
        _l("Achievements"), validators=[Length(max=PROFILE_LIMITS["achievement"], message=TOO_LONG)]
    )
    profile_campaign_id = choice_field(_l("Emulation campaign"), default="")
    version = HiddenField(validators=[Optional(), Regexp(r"^\d{1,9}$", message=CHOICE_MESSAGE)])
    # Not rendered as an input: the pressed button (name="action") supplies it.
    action = StringField(
        default="save", validators=[Optional(), AnyOf(EDITOR_ACTIONS, message=CHOICE_MESSAGE)]
    )

    def __init__(
        self,
        *args,
        user,
        sections: list[Section],
        related: list[Article],
        campaigns: list[Campaign] | None = None,
        wards: list[str] | None = None,
        **kwargs,
    ):
        """`campaigns` and `wards` (the profile's choices and suggestions) are read here when not given."""
        article = kwargs.get("obj")
        if article is not None and "data" not in kwargs:
            kwargs["data"] = initial_data(article)
            kwargs.pop("obj")
        super().__init__(*args, **kwargs)
        self.article = article
        self.sections = {section.id: section for section in sections}
        self.section_id.choices = [SelectChoice("", _l("Choose a section")), *section_options(sections)]
        self.related_ids.choices = [SelectChoice(str(a.id), a.title) for a in related]
        stored = article.profile if article is not None else None
        self.profile_field.choices = [
            SelectChoice("", _l("Choose a field")),
            *(SelectChoice(name, name) for name in field_choices(stored.field if stored else "")),
        ]
        campaigns = campaign_choices() if campaigns is None else campaigns
        self.profile_campaign_id.choices = [
            SelectChoice("", _l("No campaign")),
            *(SelectChoice(str(c.id), c.title) for c in campaigns),
        ]
        self.ward_suggestions = known_wards() if wards is None else wards
        if not can(user, "homepage.curate"):
            del self.is_featured
        if not can(user, "article.publish"):
            del self.publish_at

    def to_input(self) -> ArticleInput:
        """The plain values the services take; the current cover is kept unless removed or replaced."""
        article = self.article
        upload = self.cover.data
        cover = article.cover if article is not None and not self.remove_cover.data else None
        return ArticleInput(
            title=self.title.data or "",
            slug=self.slug.data or "",
            section=self.sections.get(int(self.section_id.data)) if self.section_id.data else None,
            lead=self.lead.data or "",
            body=self.body.data or "",
            keywords=split_keywords(self.keywords.data or ""),
            cover=cover,
            cover_upload=upload.read() if upload and getattr(upload, "filename", "") else None,
            cover_caption=self.cover_caption.data or "",
            cover_alt=self.cover_alt.data or "",
            cover_credit=self.cover_credit.data or "",
            byline=self.byline.data or "",
            source=self.source.data or "",
            format=ArticleFormat(self.format.data),
            is_featured=self.is_featured.data
            if "is_featured" in self
            else bool(article and article.is_featured),
            comments_enabled=self.comments_enabled.data,
            meta_description=self.meta_description.data or "",
            related_ids=[int(value) for value in self.related_ids.data or ()],
            profile=self.profile_input() if self.format.data == ArticleFormat.EXEMPLARY.value else None,
        )

    def profile_input(self) -> ProfileInput:
        campaign_id = self.profile_campaign_id.data
        return ProfileInput(
            subject_name=self.profile_subject_name.data or "",
            subject_kind=SubjectKind(self.profile_subject_kind.data or SubjectKind.INDIVIDUAL.value),
            unit=self.profile_unit.data or "",
            ward=self.profile_ward.data or "",
            field=self.profile_field.data or "",
            achievement=self.profile_achievement.data or "",
            campaign_id=int(campaign_id) if campaign_id else None,
        )

    def validate_profile_subject_name(self, field) -> None:
        """An exemplary story must say who it is about (other formats ignore the profile)."""
        if self.format.data == ArticleFormat.EXEMPLARY.value and not (field.data or "").strip():
            raise ValidationError(_l("Please enter who the story is about."))

    @property
    def chosen_action(self) -> str | None:
        """The workflow transition the pressed button asks for after saving (None: save only)."""
        return None if (self.action.data or "save") == "save" else self.action.data

    @property
    def expected_version(self) -> int:
        return int(self.version.data or 0)

    def publication_time(self) -> datetime | None:
        """The publication time typed in Vietnam time, as UTC (None: now)."""
        value = self.publish_at.data if "publish_at" in self else None
        return local_to_utc(value.date(), value.time()) if value else None

    def conflict_rows(self, conflict: EditConflict) -> list[tuple[str, str, str]]:
        """(label, your value, the stored value) for each field that differs, as readable text."""
        rows = []
        current = conflict.current
        for name in conflict.fields:
            if name == "profile":
                exemplary = self.format.data == ArticleFormat.EXEMPLARY.value
                mine = input_summary(self.profile_input() if exemplary else None)
                rows.append((str(_l("Exemplary profile")), mine, profile_summary(current.get("profile"))))
                continue
            field = self._fields.get({"cover_id": "cover"}.get(name, name))
            if field is None:
                continue
            if name == "related_ids":
                titles = {choice.value: choice.label for choice in self.related_ids.choices}
                theirs = "; ".join(str(titles.get(str(i), f"#{i}")) for i in current.get(name) or ())
            else:
                theirs = _readable(name, current)
            label = _l("Cover image") if name == "cover_id" else field.label.text
            rows.append((str(label), self._mine(name), theirs))
        return rows

    def _mine(self, name: str) -> str:
        if name == "section_id":
            section = self.sections.get(int(self.section_id.data)) if self.section_id.data else None
            return section.name if section else ""
        if name == "cover_id":
            return str(_l("A new image")) if self.cover.data else ""
        if name == "body":
            return html_to_text(self.body.data or "")
        if name == "related_ids":
            titles = {choice.value: choice.label for choice in self.related_ids.choices}
            return "; ".join(str(titles.get(value, value)) for value in self.related_ids.data or ())
        if name == "format":
            return str(FORMAT_LABELS[ArticleFormat(self.format.data)])
        value = self[name].data
        return _yes_no(value) if isinstance(value, bool) else str(value or "")


def _yes_no(value: bool) -> str:
    return str(_l("Yes") if value else _l("No"))


def _readable(name: str, snapshot: dict) -> str:
    value = snapshot.get(name)
    if name == "section_id":
        return snapshot.get("section", "")
    if name == "keywords":
        return ", ".join(value or ())
    if name == "body":
        return html_to_text(value or "")
    if name == "cover_id":
        return str(_l("Image no. %(id)s", id=value)) if value else ""
    if name == "format":
        return str(FORMAT_LABELS[ArticleFormat(value)])
    if isinstance(value, bool):
        return _yes_no(value)
    return str(value or "")


def section_options(sections: list[Section]) -> list[SelectChoice]:
    """Sections as options, sub-sections marked with a dash under their parent."""
    return [SelectChoice(str(s.id), ("— " if s.parent_id else "") + s.name) for s in sections]


def initial_data(article: Article) -> dict:
    """The editor's starting values for an existing article."""
    return {
        "title": article.title,
        "slug": article.slug,
        "lead": article.lead,
        "body": article.body,
        "section_id": str(article.section_id),
        "keywords": ", ".join(keyword.name for keyword in article.keywords),
        "cover_caption": article.cover_caption,
        "cover_alt": article.cover.alt if article.cover else "",
        "cover_credit": article.cover.credit if article.cover else "",
        "byline": article.byline,
        "source": article.source,
        "format": article.format.value,
        "is_featured": article.is_featured,
        "comments_enabled": article.comments_enabled,
        "meta_description": article.meta_description,
        "publish_at": to_local(article.published_at).replace(tzinfo=None) if article.published_at else None,
        "related_ids": [str(related.id) for related in article.related],
        "version": str(article.version),
        **profile_data(article),
    }


def profile_data(article: Article) -> dict:
    """The profile fields' starting values (empty, individual, when the article has no profile)."""
    profile = article.profile
    if profile is None:
        return {}
    return {
        "profile_subject_name": profile.subject_name,
        "profile_subject_kind": profile.subject_kind.value,
        "profile_unit": profile.unit,
        "profile_ward": profile.ward,
        "profile_field": profile.field,
        "profile_achievement": profile.achievement,
        "profile_campaign_id": str(profile.campaign_id) if profile.campaign_id else "",
    }


def split_keywords(text: str) -> list[str]:
    """Comma-separated keyword names (a Vietnamese comma-like `;` works too), blanks dropped."""
    return [name.strip() for name in text.replace(";", ",").split(",") if name.strip()]


class ArticleFilterForm(FlaskForm):
    """The list's filters, read from the query string (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    status = choice_field(
        _l("Status"),
        choices=[
            SelectChoice("", _l("All statuses")),
            *(SelectChoice(*item) for item in STATE_LABELS.items()),
        ],
        default="",
    )
    section = choice_field(_l("Section"), default="")
    author = choice_field(_l("Author"), default="")
    keyword = StringField(
        _l("Keyword"),
        validators=[Length(max=100, message=TOO_LONG)],
        render_kw={"data-keyword-suggest": "one", "autocomplete": "off"},
    )
    q = StringField(
        _l("Title or lead contains"),
        validators=[Length(max=200, message=TOO_LONG)],
        render_kw={"type": "search"},
    )
    sort = choice_field(
        _l("Sort by"), choices=[SelectChoice(*item) for item in SORT_LABELS.items()], default="updated"
    )
    queue = BooleanField(_l("Waiting for me"))

    def __init__(self, *args, user, sections: list[Section], authors: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.section.choices = [SelectChoice("", _l("All sections")), *section_options(sections)]
        if can(user, "article.edit_any"):
            self.author.choices = [
                SelectChoice("", _l("All authors")),
                *(SelectChoice(str(u.id), u.full_name) for u in authors),
            ]
        else:
            del self.author

    def filters(self, user):
        """The query's filters; contributors only ever see their own articles."""
        return ArticleFilters(
            status=self.status.data or "",
            section_id=int(self.section.data) if self.section.data else None,
            author_id=int(self.author.data) if "author" in self and self.author.data else None,
            keyword=self.keyword.data or "",
            text=self.q.data or "",
            sort=self.sort.data or "updated",
            owner_id=None if can(user, "article.edit_any") else user.id,
            waiting_for=user if self.queue.data else None,
        )


class TransitionForm(FlaskForm):
    """One workflow action from the editor page or the list: return (with a reason), unpublish, to draft…"""

    action = StringField(
        validators=[DataRequired(message=CHOICE_MESSAGE), AnyOf(tuple(TRANSITIONS), message=CHOICE_MESSAGE)]
    )
    reason = TextAreaField(_l("Reason for returning"), validators=[Length(max=2000, message=TOO_LONG)])
