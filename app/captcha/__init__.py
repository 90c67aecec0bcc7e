"""Self-hosted captcha: an image and a Vietnamese audio alternative, single-use server-side tokens."""
