"""What staff do in every back-office browser test: sign in through the real form."""

import re

from playwright.sync_api import Page, expect


def log_in(page: Page, email: str, password: str) -> None:
    page.goto("/admin/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
