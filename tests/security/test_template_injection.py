"""Server-side template injection: what readers and staff type is shown literally, never evaluated.

Each probe is a template expression in one of the syntaxes an attacker tries (Jinja, Mako/JS
template literals, Ruby, ERB); if any were evaluated the page would show its result (49, 7006652,
the config, a class list) instead of the text typed.
"""

import pytest

from app.comments.models import Comment, CommentStatus
from app.keywords.models import Keyword
from tests.comments.conftest import READER, comment_form  # noqa: F401 (fixture)
from tests.factories import make_article, make_comment
from tests.pages import parse

PROBES = [
    "{{7*7}}",
    "{{ 1234*5678 }}",
    "{{config}}",
    "{{ config.items() }}",
    "{{ self.__init__.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ request.environ }}",
    "{% print 1234*5678 %}",
    "{% for x in range(3) %}lặp{% endfor %}",
    "{# chú thích #}còn lại",
    "${7*7}",
    "${1234*5678}",
    "#{7*7}",
    "<%= 7*7 %>",
    "*{7*7}",
    "@(1234*5678)",
    "[[${7*7}]]",
]
# What an evaluated probe would leave on the page.
EVALUATED = ["7006652", "SECRET_KEY", "<class ", "uid=", "wsgi.", "lặplặp", "dict_items", "function "]


def shows_literally(html: bytes, probe: str) -> None:
    text = parse(html).get_text()
    assert probe in text, f"{probe!r} is not shown as typed"
    for trace in EVALUATED:
        assert trace not in text, f"{probe!r} was evaluated: {trace!r} on the page"


@pytest.mark.parametrize("probe", PROBES)
def test_article_title_lead_body_and_keyword_are_shown_as_typed(client, probe):
    article = make_article(
        f"Tiêu đề {probe}", lead=f"Sapo {probe}", body=f"<p>Thân bài {probe}</p>", keywords=[f"từ {probe}"]
    )
    page = client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html")
    assert page.status_code == 200
    shows_literally(page.data, probe)
    document = parse(page.data)
    assert probe in document.one("h1").text
    assert probe in document.one(".story__body").get_text()
    keyword = article.keywords[0]
    assert isinstance(keyword, Keyword)
    keyword_page = client.get(f"/tu-khoa/{keyword.slug}")
    assert keyword_page.status_code == 200
    shows_literally(keyword_page.data, probe)


@pytest.mark.parametrize("probe", PROBES)
def test_approved_comment_name_and_text_are_shown_as_typed(client, probe):
    article = make_article()
    make_comment(
        article, status=CommentStatus.APPROVED.value, author_name=f"Bạn {probe}", body=f"Ý kiến {probe}"
    )
    page = client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html")
    shows_literally(page.data, f"Bạn {probe}")
    shows_literally(page.data, f"Ý kiến {probe}")


def test_comment_form_sent_back_with_an_error_shows_what_was_typed(client, comment_form):  # noqa: F811
    article = make_article()
    for probe in PROBES:
        fields = comment_form(article, solve=False, author_name=f"Bạn {probe}"[:100], body=f"Ý kiến {probe}")
        fields["captcha_answer"] = "sai"
        page = client.post(f"/bai-viet/{article.id}/binh-luan", data=fields)
        assert page.status_code == 400
        form = parse(page.data).one("form#comment-form")
        assert form.one("input[name=author_name]")["value"] == f"Bạn {probe}"[:100]
        assert form.one("textarea[name=body]").text == f"Ý kiến {probe}"
        shows_literally(page.data, f"Ý kiến {probe}")


@pytest.mark.parametrize("probe", PROBES)
def test_search_words_are_shown_as_typed(client, probe):
    page = client.get("/tim-kiem", query_string={"q": f"tìm {probe}"})
    assert page.status_code == 200
    document = parse(page.data)
    assert document.one(".search-form input[name=q]")["value"] == f"tìm {probe}"
    shows_literally(page.data, f"tìm {probe}")


def test_reader_fields_are_stored_unevaluated(client, comment_form, db):  # noqa: F811
    """The reader's own posting path (captcha solved) keeps the text; moderation shows it as typed."""
    article = make_article()
    probe = "{{7*7}} ${7*7} <%= 7*7 %>"
    fields = comment_form(article, author_name=f"Bạn {probe}", body=f"Ý kiến {probe}")
    assert client.post(f"/bai-viet/{article.id}/binh-luan", data=fields).status_code == 302
    stored = db.session.query(Comment).filter_by(article_id=article.id).one()
    assert stored.body == f"Ý kiến {probe}"
    assert READER["author_email"].lower() in stored.author_email.lower()
