"""Write tests/fixtures/pages/NAME.html and NAME.txt from bench/pages_articles.py.

Each story is wrapped in one of eight page layouts written to look like the ones news sites
use: navigation, cookie banners, ads, sidebars, related links, newsletter boxes, share bars,
author boxes, comment sections and figure captions around the body. NAME.txt holds the known
body text (paragraphs and subheadings, then the "Write to" line), one paragraph per block.

Run: uv run python bench/make_pages.py  (the output is committed; re-run only to change it)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pages_articles import STORIES, Story

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pages"

SECTIONS = ["Home", "News", "Business", "Sport", "Culture", "Opinion", "Weather", "Podcasts"]
COOKIE = (
    "We use cookies to give you the best experience on our website, to show you relevant "
    "advertising and to measure how the site is used. By continuing to browse you agree to our "
    "use of cookies. You can change your settings at any time."
)
COMMENTS = [
    (
        "riverwatcher77",
        "About time. I've been saying this for years and nobody listened until now.",
    ),
    (
        "Jen_from_the_hill",
        "Does anyone know whether this will affect parking near the station? "
        "The article doesn't say and the council website is no help at all.",
    ),
    ("old_salt", "Typical. Millions spent and they still haven't fixed the potholes on my road."),
    (
        "M. Okoro",
        "Lovely story, well done to everyone involved. This is the kind of news we "
        "need more of in the paper instead of doom and gloom every single day.",
    ),
]
MOST_READ = [
    "Roadworks on the A614 to last until the autumn, highways office says",
    "Five walks with views you have probably never heard of",
    "Primary school celebrates its 150th birthday with a costume parade",
    "Local cricket club appeals for new volunteers to run the tea hut",
    "Recipe: a slow-cooked lamb stew for cold evenings",
]


def related(story: Story) -> list[str]:
    return [s.title for s in STORIES if s.name != story.name][:4]


def body_html(story: Story, p: str = "p", h: str = "h2") -> list[str]:
    out = []
    for para in story.body:
        if para.startswith("## "):
            out.append(f"<{h}>{escape(para[3:])}</{h}>")
        else:
            out.append(f"<{p}>{escape(para)}</{p}>")
    return out


def write_to_html(story: Story) -> str:
    """The trailer with the addresses as mailto links."""
    text = escape(story.write_to)
    for word in story.write_to.split():
        if "@" in word:
            text = text.replace(escape(word), f'<a href="mailto:{word}">{escape(word)}</a>')
    return text


def head(story: Story, site: str, extra: str = "") -> str:
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "author": [{"@type": "Person", "name": story.byline.removeprefix("By ")}],
            "datePublished": story.date,
        }
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(story.title)} | {site}</title>
<meta name="author" content="{escape(story.byline.removeprefix("By "))}">
<meta property="og:title" content="{escape(story.title)}">
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
<script type="application/ld+json">{ld}</script>
<style>.ad-slot{{min-height:250px}} .cookie-banner{{position:fixed;bottom:0}}</style>
{extra}
</head>
"""


def nav_list() -> str:
    items = "".join(f'<li><a href="/{s.lower()}/">{s}</a></li>' for s in SECTIONS)
    return f"<ul>{items}</ul>"


# -- layouts ---------------------------------------------------------------------------------


def courier(story: Story) -> str:
    """Semantic HTML5: header/nav, main > article, aside, footer, a comment section."""
    rel = "".join(
        f'<li><a href="/news/{i}">{escape(t)}</a></li>' for i, t in enumerate(related(story))
    )
    comments = "".join(
        f'<li class="comment"><p class="comment-author">{escape(u)}</p><p>{escape(c)}</p>'
        f'<a href="#reply">Reply</a> <a href="#report">Report</a></li>'
        for u, c in COMMENTS
    )
    figure = (
        f'<figure><img src="/img/lead.jpg" alt=""><figcaption>{escape(story.caption)}'
        "</figcaption></figure>"
        if story.caption
        else ""
    )
    body = body_html(story)
    return (
        head(story, "The Vell Valley Courier")
        + f"""<body>
<div class="cookie-banner" role="dialog"><p>{COOKIE}</p>
<button>Accept all</button><button>Manage settings</button></div>
<header class="site-header"><a class="logo" href="/">The Vell Valley Courier</a>
<nav aria-label="Sections">{nav_list()}</nav>
<form class="search"><input type="search" placeholder="Search"></form></header>
<main>
<article>
<header><h1>{escape(story.title)}</h1>
<p class="byline">{escape(story.byline)} · <time>{story.date}</time></p></header>
{figure}
{"".join(body)}
<p class="contact"><em>{write_to_html(story)}</em></p>
<footer class="article-tags">Topics: <a href="/t/local">Local</a>, <a href="/t/community">Community</a></footer>
</article>
<aside class="related"><h2>Related stories</h2><ul>{rel}</ul></aside>
<section id="comments"><h2>{len(COMMENTS)} comments</h2><ol>{comments}</ol>
<p>Comments are moderated. Please read our community guidelines before posting.</p></section>
</main>
<footer class="site-footer"><p>© 2026 The Vell Valley Courier. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li>
<li><a href="/contact">Contact us</a></li></ul></footer>
</body></html>
"""
    )


def gazette(story: Story) -> str:
    """Div soup with class names, an inline ad between paragraphs and a sidebar."""
    paras = body_html(story)
    ad = (
        '<div class="ad-slot ad-inline"><span class="ad-label">Advertisement</span>'
        '<a href="https://ads.example.com/c?id=93"><img src="/ads/93.gif" alt="">'
        "Sponsored: Compare the best fixed-rate mortgage deals of the year</a></div>"
    )
    paras.insert(2, ad)
    if story.caption:
        paras.insert(
            1,
            f'<div class="image-block"><img src="/img/a.jpg"><div class="caption">'
            f"{escape(story.caption)}</div></div>",
        )
    most = "".join(f'<li><a href="/m/{i}">{escape(t)}</a></li>' for i, t in enumerate(MOST_READ))
    return (
        head(story, "Harrowgate Gazette")
        + f"""<body class="article-page">
<div id="wrapper">
<div id="topbar"><div class="logo"><a href="/">Harrowgate Gazette</a></div>
<div class="menu">{nav_list()}</div>
<div class="login"><a href="/login">Sign in</a> | <a href="/subscribe">Subscribe</a></div></div>
<div id="leaderboard" class="ad-slot"><span>Advertisement</span></div>
<div class="row">
<div class="col-main">
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; Local</div>
<div class="headline-block"><h1 class="headline">{escape(story.title)}</h1>
<div class="meta"><span class="author">{escape(story.byline)}</span>
<span class="date">{story.date}</span></div></div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email this story</a></div>
<div class="story-body">
{"".join(paras)}
<p class="writeto">{write_to_html(story)}</p>
</div>
<div class="share-bar bottom"><a href="#">Share on Facebook</a> <a href="#">Email</a></div>
</div>
<div class="col-side">
<div class="widget most-read"><h3>Most read</h3><ol>{most}</ol></div>
<div class="ad-slot ad-mpu"><span>Advertisement</span></div>
<div class="widget newsletter"><h3>Morning briefing</h3>
<p>The day's top stories from Harrowgate and beyond, in your inbox at seven.</p>
<input type="email" placeholder="Email address"><button>Sign up</button></div>
</div>
</div>
<div id="footer"><p>Harrowgate Gazette is part of Northfield Media Group. © 2026.</p>
<p><a href="/privacy">Privacy</a> · <a href="/cookies">Cookie policy</a> ·
<a href="/advertise">Advertise with us</a></p></div>
</div>
</body></html>
"""
    )


def brpage(story: Story) -> str:
    """No paragraph tags: one text div with <br><br> between paragraphs, font-era markup."""
    parts = []
    for para in story.body:
        parts.append(f"<b>{escape(para[3:])}</b>" if para.startswith("## ") else escape(para))
    parts.append(write_to_html(story))
    text = "\n<br><br>\n".join(parts)
    links = " | ".join(f'<a href="/{s.lower()}.html">{s}</a>' for s in SECTIONS)
    rel = "<br>".join(
        f'<a href="/s/{i}.html">{escape(t)}</a>' for i, t in enumerate(related(story))
    )
    return (
        head(story, "Moorhaven Weekly")
        + f"""<body bgcolor="#ffffff">
<div class="top">{links}</div>
<div class="cookies">{COOKIE} <a href="#ok">OK</a></div>
<div class="container">
<div class="left-column">
<div class="box"><b>Also in the news</b><br>{rel}</div>
<div class="box">Advertisement<br><a href="https://ads.example.com/x"><img src="/b.gif">
Cheap flights to the sun this winter: book now and save up to 40 percent</a></div>
</div>
<div class="content">
<div class="title">{escape(story.title)}</div>
<div class="author">{escape(story.byline)}, {story.date}</div>
<div class="text">
{text}
</div>
<div class="printlink"><a href="?print=1">Print this page</a> | <a href="/send">Send to a friend</a></div>
</div>
</div>
<div class="bottom">Moorhaven Weekly, 4 Quay Street. Telephone 01234 567890.
<a href="/about.html">About us</a> | <a href="/privacy.html">Privacy</a></div>
</body></html>
"""
    )


def wordpress(story: Story) -> str:
    """A blog theme: entry-content, share buttons, related posts, author box, comment list."""
    caption = (
        f'<div class="wp-caption"><img src="/wp-content/uploads/a.jpg">'
        f'<p class="wp-caption-text">{escape(story.caption)}</p></div>'
        if story.caption
        else ""
    )
    rel = "".join(
        f'<div class="jp-relatedposts-post"><h4><a href="/p/{i}">{escape(t)}</a></h4>'
        f'<p class="jp-relatedposts-post-date">{story.date}</p></div>'
        for i, t in enumerate(related(story)[:3])
    )
    comments = "".join(
        f'<li class="comment"><div class="comment-body"><div class="comment-author vcard">'
        f'<cite class="fn">{escape(u)}</cite> <span class="says">says:</span></div>'
        f'<div class="comment-meta">{story.date} at 9:4{i} am</div><p>{escape(c)}</p>'
        f'<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></div></li>'
        for i, (u, c) in enumerate(COMMENTS)
    )
    author = story.byline.removeprefix("By ")
    return (
        head(story, "Fellbrook Notes")
        + f"""<body class="post-template-default single single-post">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Fellbrook Notes</a></p>
<p class="site-description">News and views from the Fell villages</p>
<nav id="site-navigation" class="main-navigation">{nav_list()}</nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{escape(story.title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date">{story.date}</time></span>
<span class="byline"> by <span class="author vcard">{escape(author)}</span></span></div></header>
<div class="entry-content">
{caption}
{"".join(body_html(story))}
<p>{write_to_html(story)}</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>
<ul><li><a href="#">Facebook</a></li><li><a href="#">WhatsApp</a></li><li><a href="#">Email</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>{rel}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/c/news">News</a></span>
<span class="tags-links">Tagged <a href="/t/a">community</a>, <a href="/t/b">local</a></span></footer>
</article>
<div class="author-info"><h2 class="author-title">Published by {escape(author)}</h2>
<p class="author-bio">{escape(author)} writes about village life, local politics and the
people who keep small places going. <a href="/author/x">View all posts</a></p></div>
<nav class="navigation post-navigation"><div class="nav-previous"><a href="/prev">Previous post</a></div>
<div class="nav-next"><a href="/next">Next post</a></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">{len(COMMENTS)} thoughts on “{escape(story.title)}”</h2>
<ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
<form><p>Your email address will not be published.</p><textarea></textarea>
<input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent Posts</h2>
<ul>{"".join(f"<li><a href='/r/{i}'>{escape(t)}</a></li>" for i, t in enumerate(MOST_READ))}</ul></section>
<section class="widget"><h2 class="widget-title">Archives</h2><ul><li><a href="#">November 2026</a></li>
<li><a href="#">October 2026</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by a blog engine.</div></footer>
</div>
</body></html>
"""
    )


def tables(story: Story) -> str:
    """An old table layout: navigation cell, content cell with font tags, a links cell."""
    paras = "".join(
        f'<p><font face="Arial" size="2">{escape(p[3:]) if p.startswith("## ") else escape(p)}</font></p>'
        for p in story.body
    )
    nav = "".join(f'<tr><td><a href="/{s.lower()}.htm">{s}</a></td></tr>' for s in SECTIONS)
    rel = "".join(
        f'<li><a href="/r{i}.htm">{escape(t)}</a></li>' for i, t in enumerate(related(story))
    )
    caption = (
        f'<table><tr><td><img src="pic.jpg"></td></tr><tr><td><font size="1"><i>{escape(story.caption)}'
        "</i></font></td></tr></table>"
        if story.caption
        else ""
    )
    return (
        head(story, "Pell District News")
        + f"""<body>
<table width="100%" border="0"><tr><td colspan="3" class="banner">
<font size="5"><b>Pell District News</b></font> — serving the Pell valley since 1931</td></tr>
<tr><td width="150" valign="top"><table>{nav}</table>
<p><font size="1">Advertisement</font><br><a href="https://ads.example.com/t"><img src="ad.gif">
Local plumber, no call-out fee, ring today</a></p></td>
<td valign="top">
<h2><font face="Georgia">{escape(story.title)}</font></h2>
<p><font size="1">{escape(story.byline)} — {story.date}</font></p>
{caption}
{paras}
<p><font face="Arial" size="2">{write_to_html(story)}</font></p>
<p><font size="1"><a href="/archive.htm">Back to the news archive</a></font></p>
</td>
<td width="200" valign="top"><b>Other stories</b><ul>{rel}</ul>
<p>Have a story for us? Ring the newsdesk or write to the editor.</p></td></tr>
<tr><td colspan="3" align="center"><font size="1">© Pell District News 2026. Reproduction
without permission prohibited.</font></td></tr></table>
</body></html>
"""
    )


def interrupts(story: Story) -> str:
    """A body broken up by a newsletter box, 'Read more' links and a pull quote."""
    paras = body_html(story)
    rel = related(story)
    paras.insert(
        2,
        f'<p class="read-more"><strong>Read more:</strong> <a href="/x/1">{escape(rel[0])}</a></p>',
    )
    paras.insert(
        4,
        '<div class="newsletter-promo"><h3>Get the Briefing</h3><p>Sign up for our free daily '
        "newsletter and never miss the stories that matter where you live.</p>"
        '<form><input type="email" placeholder="you@example.com"><button>Sign me up</button>'
        "</form></div>",
    )
    quote = next((p for p in story.body if p.startswith("“")), story.body[0])
    paras.insert(
        6,
        f'<aside class="pullquote"><blockquote>{escape(quote.split("”")[0])}”</blockquote></aside>',
    )
    paras.insert(
        -1,
        f'<p class="read-more"><strong>Read more:</strong> <a href="/x/2">{escape(rel[1])}</a></p>',
    )
    caption = (
        f'<figure class="lead"><picture><img src="/i.webp" alt=""></picture>'
        f'<figcaption><span>{escape(story.caption)}</span> <span class="credit">Photo: Staff</span>'
        "</figcaption></figure>"
        if story.caption
        else ""
    )
    return (
        head(story, "Tarnside Herald")
        + f"""<body>
<div id="consent-overlay"><div class="consent-box"><h2>Your privacy</h2><p>{COOKIE}</p>
<button>I agree</button> <a href="/privacy">Learn more</a></div></div>
<header><div class="brand">Tarnside Herald</div><nav>{nav_list()}</nav>
<div class="ticker">Breaking: Road closures in town centre this weekend for the carnival</div></header>
<main id="main-content">
<article class="story">
<h1>{escape(story.title)}</h1>
<div class="story-meta"><address>{escape(story.byline)}</address><time>{story.date}</time>
<span class="reading-time">4 min read</span></div>
{caption}
<div class="story-content">
{"".join(paras)}
<p><i>{write_to_html(story)}</i></p>
</div>
</article>
<section class="more-from"><h2>More from News</h2>
{"".join(f'<div class="card"><a href="/c/{i}"><h3>{escape(t)}</h3></a><p>{story.date}</p></div>' for i, t in enumerate(MOST_READ[:4]))}
</section>
</main>
<footer><p>Tarnside Herald · Independent local journalism since 1874</p>
<p><a href="/about">About</a> <a href="/jobs">Jobs</a> <a href="/privacy">Privacy</a></p></footer>
</body></html>
"""
    )


def cards(story: Story) -> str:
    """A modern app-like page: data attributes, spans for text, a 'most read' rail in the article."""
    paras = "".join(
        f'<h2 class="subhead" data-component="subheading">{escape(p[3:])}</h2>'
        if p.startswith("## ")
        else f'<div data-component="text-block" class="block"><p class="text">{escape(p)}</p></div>'
        for p in story.body
    )
    most = "".join(
        f'<li><span class="rank">{i + 1}</span><a href="/m/{i}">{escape(t)}</a></li>'
        for i, t in enumerate(MOST_READ)
    )
    caption = (
        f'<div data-component="image-block"><img src="/x.jpg"><p class="caption">'
        f"<span>Image caption,</span> {escape(story.caption)}</p></div>"
        if story.caption
        else ""
    )
    return (
        head(story, "Northfield Now")
        + f"""<body>
<div id="app">
<div class="banner-cookie"><span>{COOKIE}</span><button data-action="accept">Yes, I agree</button>
<button data-action="settings">No, take me to settings</button></div>
<header class="masthead"><a href="/" class="brand">Northfield Now</a>
<nav class="primary">{nav_list()}</nav>
<nav class="secondary"><ul><li><a href="/local">Local News</a></li><li><a href="/travel">Travel</a></li>
<li><a href="/politics">Politics</a></li></ul></nav></header>
<div class="page">
<article data-component="article">
<div data-component="headline-block"><h1 id="main-heading">{escape(story.title)}</h1></div>
<div data-component="byline-block"><span class="name">{escape(story.byline)}</span>
<span class="role">Local reporter</span><time>{story.date}</time></div>
{caption}
{paras}
<div data-component="text-block" class="block"><p class="text">{write_to_html(story)}</p></div>
<div data-component="topic-list"><h2>More on this story</h2><ul>
{"".join(f'<li><a href="/t/{i}">{escape(t)}</a></li>' for i, t in enumerate(related(story)[:2]))}</ul></div>
</article>
<section data-component="most-read"><h2>Most read</h2><ol>{most}</ol></section>
<section class="promo"><h2>Watch: highlights from the weekend</h2>
<p>Video, 2 minutes. Goals, saves and a pitch invader dressed as a goose.</p></section>
</div>
<footer><nav><a href="/terms">Terms of Use</a> <a href="/about">About</a> <a href="/privacy">Privacy
Policy</a> <a href="/cookies">Cookies</a> <a href="/accessibility">Accessibility Help</a></nav>
<p>Copyright 2026 Northfield Now. We are not responsible for the content of external sites.</p></footer>
</div>
<script>hydrate({{"page":"article","ads":true}})</script>
</body></html>
"""
    )


def minimal(story: Story) -> str:
    """A lean page: header, article, footer; a 'you might also like' list after the body."""
    caption = (
        f"<figure><img src='a.png'><figcaption>{escape(story.caption)}</figcaption></figure>"
        if story.caption
        else ""
    )
    also = "".join(
        f"<li><a href='/a/{i}'>{escape(t)}</a></li>" for i, t in enumerate(related(story)[:3])
    )
    return (
        head(story, "The Lyne Ledger")
        + f"""<body>
<header><a href="/">The Lyne Ledger</a> <a href="/subscribe">Subscribe</a></header>
<article>
<h1>{escape(story.title)}</h1>
<p><small>{escape(story.byline)} · {story.date}</small></p>
{caption}
{"".join(body_html(story))}
<p>{write_to_html(story)}</p>
</article>
<section><h3>You might also like</h3><ul>{also}</ul></section>
<footer><small>The Lyne Ledger is reader-funded. <a href="/donate">Support us</a>.</small></footer>
</body></html>
"""
    )


LAYOUTS: list[Callable[[Story], str]] = [
    courier,
    gazette,
    brpage,
    wordpress,
    tables,
    interrupts,
    cards,
    minimal,
]


def known_text(story: Story) -> str:
    paras = [p.removeprefix("## ") for p in story.body]
    if story.write_to:
        paras.append(story.write_to)
    return "\n\n".join(paras) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for index, story in enumerate(STORIES):
        layout = LAYOUTS[index % len(LAYOUTS)]
        (OUT / f"{story.name}.html").write_text(layout(story), encoding="utf-8")
        (OUT / f"{story.name}.txt").write_text(known_text(story), encoding="utf-8")
        print(f"{story.name}: {layout.__name__}")


if __name__ == "__main__":
    main()
