"""Only http, https and clean mailto links are ever opened."""

from __future__ import annotations

import pytest

from newsterm.links import is_valid_email, mailto, safe_url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a?b=c#d",
        "http://example.org/",
        "HTTPS://EXAMPLE.COM/",
    ],
)
def test_web_links_pass(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>x</script>",
        "ftp://example.com/",
        "-oProxyCommand=evil",
        "https://exa mple.com/",
        "https://example.com/\nSet-Cookie: x",
        "https://example.com/\x1b]52;c;x\x07",
        "https:///no-host",
        "mailto:a@example.com,b@evil.example",
        "mailto:a@example.com%0ABcc:b@evil.example",
        "mailto:not-an-address",
        "",
        "https://example.com/" + "a" * 5000,
    ],
)
def test_dangerous_links_are_refused(url: str) -> None:
    assert safe_url(url) is None


def test_mailto_query_is_dropped() -> None:
    assert safe_url("mailto:jane@example.com?bcc=spy@evil.example&body=hi") == (
        "mailto:jane@example.com"
    )


def test_mailto_and_email_validation() -> None:
    assert mailto("jane.roe@example.com") == "mailto:jane.roe@example.com"
    assert mailto("Jane <jane@example.com>") is None
    assert not is_valid_email("jane@example")
    assert not is_valid_email("jane@example.com\r\nBcc: x@y.z")
