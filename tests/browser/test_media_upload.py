"""An editor puts a photo into an article from the editor, describes it in the media library,
publishes, and a reader gets it as a responsive image (srcset of our variants)."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from tests.browser.staff import log_in

pytestmark = pytest.mark.browser

TITLE = "Hội thi gói bánh chưng phường An Phú"
ALT = "Các đội thi gói bánh chưng trong sân nhà văn hoá"


def photo_bytes(color=(30, 120, 60)) -> bytes:
    """A JPEG; each test its own colour, since the library stores identical bytes once."""
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), color).save(buffer, "JPEG")
    return buffer.getvalue()


def test_an_image_uploaded_in_the_editor_is_published_with_srcset(
    page: Page, demo_credentials, browser, base_url
):
    log_in(page, *demo_credentials["editor"])
    page.get_by_role("link", name="Viết bài mới").first.click()
    page.get_by_label("Tiêu đề", exact=True).fill(TITLE)
    page.get_by_label("Sapo").fill("Mười hai đội tham gia hội thi truyền thống.")
    page.get_by_label("Chuyên mục").select_option(index=1)
    page.locator(".sun-editor .sun-editor-editable").click()
    page.keyboard.type("Sáng nay, hội thi diễn ra sôi nổi.")

    page.get_by_role("button", name="Chèn ảnh").click()
    page.locator("#media-insert-file").set_input_files(
        {"name": "banh-chung.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()}
    )
    textarea = page.locator("textarea[name=body]")
    expect(textarea).to_have_value(re.compile(r'<img[^>]+src="/media/[^"]+\.jpg"'))
    notice = page.locator("[data-media-insert-notice] a")
    expect(notice).to_be_visible()

    # The image has no alt text yet: describe it in the library (the link opens its page).
    library = page.context.new_page()
    library.goto(notice.get_attribute("href"))
    library.get_by_label("Văn bản thay thế (alt)").fill(ALT)
    library.get_by_role("button", name="Lưu").click()
    expect(library.locator(".flash--success")).to_have_text("Đã lưu thông tin của tệp.")
    library.close()

    page.get_by_role("button", name="Lưu và xuất bản").click()
    expect(page.locator(".flash--success")).to_have_text("Bài viết đã được xuất bản.")

    reader = browser.new_page(base_url=base_url)
    reader.goto("/")
    reader.locator("main").get_by_role("link", name=TITLE).first.click()
    image = reader.locator(".story__body img")
    expect(image).to_have_attribute(
        "srcset", re.compile(r"/media/\S+-320\.jpg 320w, /media/\S+-640\.jpg 640w")
    )
    expect(image).to_have_attribute("alt", ALT)
    expect(image).to_have_attribute("loading", "lazy")
    image.scroll_into_view_if_needed()  # lazy: it loads once it nears the viewport
    reader.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    reader.close()


def test_the_library_uploads_several_dropped_files_each_with_its_own_result(page: Page, demo_credentials):
    log_in(page, *demo_credentials["contributor"])
    page.locator(".admin-menu").get_by_role("link", name="Thư viện ảnh, video").click()
    expect(page.locator("[data-upload-zone][data-enhanced]")).to_be_attached()
    page.get_by_label("Tệp", exact=True).set_input_files(
        [
            {"name": "cau-tre.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes((200, 150, 40))},
            {"name": "mau-don.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 not an image"},
        ]
    )
    rows = page.locator(".upload-list__item")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="cau-tre.jpg").locator("progress")).to_have_attribute("value", "100")
    expect(rows.filter(has_text="cau-tre.jpg").get_by_role("link", name="Đã tải lên")).to_be_visible()
    expect(rows.filter(has_text="mau-don.pdf")).to_have_class(re.compile("upload-list__item--error"))
    expect(rows.filter(has_text="mau-don.pdf").locator(".upload-list__status")).to_contain_text("JPEG, PNG")
    page.get_by_label("Tìm tệp").fill("cau-tre")
    page.get_by_role("button", name="Tìm kiếm").click()
    expect(page.locator(".media-grid__item")).to_have_count(1)
