"""What staff do in back-office browser tests: sign in through the real form, use the editor toolbar."""

import re

from playwright.sync_api import Page, expect


def log_in(page: Page, email: str, password: str) -> None:
    page.goto("/admin/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def toolbar_button(page: Page, command: str):
    """A SunEditor toolbar button by its command name (bold, list_bulleted, link, …)."""
    return page.locator(f".se-toolbar button[data-command='{command}']").first
