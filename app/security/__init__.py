"""Security hardening that spans features: response headers, HTTPS and cookies (headers.py), and the
production settings check (check_deploy.py)."""
