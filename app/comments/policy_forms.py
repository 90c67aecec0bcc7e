"""The comment policy form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, StopValidation

from app.comments.models import CommentPolicy
from app.comments.policy import MAX_BANNED_WORDS_LENGTH, MAX_RETENTION_DAYS, PolicyInput


class DaysField(IntegerField):
    """A whole number of days; WTForms' own "Not a valid integer value." has no Vietnamese catalogue."""

    def process_formdata(self, valuelist):
        if not valuelist or valuelist[0] == "":
            self.data = None
            return
        raw = valuelist[0].strip()
        digits = raw.removeprefix("-")
        if not (digits.isascii() and digits.isdigit() and len(digits) <= 6):
            self.data = None
            raise ValueError(_l("Please enter a whole number of days."))
        self.data = int(raw)

    def pre_validate(self, form):
        if self.process_errors:  # not a number: saying it is out of range as well would confuse
            raise StopValidation()


class PolicyForm(FlaskForm):
    auto_approve = BooleanField(_l("Publish valid comments at once, without waiting for moderation"))
    require_diacritics = BooleanField(_l("Only accept comments written in Vietnamese with diacritics"))
    banned_words = TextAreaField(
        _l("Banned words"),
        validators=[
            Length(
                max=MAX_BANNED_WORDS_LENGTH,
                message=_l("This is at most %(max)d characters."),
            )
        ],
        render_kw={"rows": 8},
    )
    retention_days = DaysField(
        _l("Keep readers' personal data for (days)"),
        validators=[
            InputRequired(message=_l("Please enter a whole number of days.")),
            NumberRange(
                min=0,
                max=MAX_RETENTION_DAYS,
                message=_l("Please enter a number of days from 0 to %(max)d."),
            ),
        ],
        render_kw={"min": 0, "max": MAX_RETENTION_DAYS, "step": 1},
    )

    @classmethod
    def for_policy(cls, policy: CommentPolicy) -> "PolicyForm":
        """The form filled with the stored policy (the posted values win on submit)."""
        return cls(
            data={
                "auto_approve": policy.auto_approve,
                "require_diacritics": policy.require_diacritics,
                "banned_words": policy.banned_words,
                "retention_days": policy.retention_days,
            }
        )

    def to_input(self) -> PolicyInput:
        return PolicyInput(
            auto_approve=self.auto_approve.data,
            require_diacritics=self.require_diacritics.data,
            banned_words=self.banned_words.data or "",
            retention_days=self.retention_days.data,
        )
