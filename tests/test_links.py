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


def test_open_in_browser_is_false_when_nothing_can_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """No browser (a server, a container): False, so the app copies the link instead."""
    import webbrowser

    from newsterm.links import open_in_browser

    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: False)
    assert open_in_browser("https://example.com/a") is False

    def broken(*args: object, **kwargs: object) -> bool:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "open", broken)
    assert open_in_browser("https://example.com/a") is False
    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: True)
    assert open_in_browser("https://example.com/a") is True
