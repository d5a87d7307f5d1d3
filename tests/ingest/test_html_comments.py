"""Comment markups parsed from HTML written for these tests."""

from __future__ import annotations

from trafilatura.utils import load_html

from casework.ingest.html_comments import extract_comments
from casework.ingest.html_page import parse_html

ARTICLE = "<p>" + " ".join(["The court in the capital sentenced the reporter."] * 12) + "</p>"

WORDPRESS = f"""<html><body><article class="post"><h1>Title</h1>{ARTICLE}</article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts</h2>
<ol class="comment-list">
 <li id="comment-11" class="comment even thread-even depth-1">
  <article id="div-comment-11" class="comment-body">
   <footer class="comment-meta"><div class="comment-author vcard">
     <img class="avatar" src="a.png"><b class="fn"><a href="https://example.net/u/nargiz" class="url">Nargiz Q.</a></b>
     <span class="says">says:</span></div>
    <div class="comment-metadata"><a href="#comment-11"><time datetime="2024-03-12T09:14:00+00:00">March 12, 2024 at 9:14 am</time></a></div>
   </footer>
   <div class="comment-content"><p>First paragraph of a comment.</p><p>Second paragraph.</p></div>
   <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
  </article>
  <ol class="children">
   <li id="comment-12" class="comment odd depth-2">
    <article id="div-comment-12" class="comment-body">
     <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">baku_watcher</b> <span class="says">says:</span></div>
      <div class="comment-metadata"><time datetime="2024-03-12T10:00:00+00:00">10 am</time></div></footer>
     <div class="comment-content"><p>A reply to Nargiz.</p></div>
     <div class="reply"><a class="comment-reply-link">Reply</a></div>
    </article>
   </li>
  </ol>
 </li>
 <li id="comment-13" class="comment depth-1"><article class="comment-body">
   <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Third Person</b></div></footer>
   <div class="comment-content"><p>Top-level again.</p></div></article></li>
</ol></div></body></html>"""


def test_wordpress_list_with_nested_replies():
    markup, comments = extract_comments(load_html(WORDPRESS), "https://example.org/a/")
    assert markup == "comment-classes"
    assert [(c.author, c.parent) for c in comments] == [
        ("Nargiz Q.", None),
        ("baku_watcher", 0),
        ("Third Person", None),
    ]
    first = comments[0]
    assert first.text == "First paragraph of a comment.\n\nSecond paragraph."
    assert first.author_url == "https://example.net/u/nargiz"
    assert first.author_handle == "nargiz"
    assert first.published_at.isoformat() == "2024-03-12T09:14:00+00:00"
    assert "Reply" not in comments[1].text and "says" not in comments[1].text


JSON_LD = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H",
 "comment": [
  {"@type": "Comment", "@id": "#c1", "text": "Top comment.",
   "author": {"@type": "Person", "name": "Leyla M", "url": "https://social.example/@leyla"},
   "dateCreated": "2024-04-02T08:00:00Z",
   "comment": [{"@type": "Comment", "@id": "#c2", "text": "Nested reply.",
                "author": {"@type": "Person", "name": "Orkhan"}, "dateCreated": "2024-04-02T08:05:00Z"}]},
  {"@type": "Comment", "@id": "#c3", "text": "Linked reply <b>with markup</b>.",
   "author": "Anon", "parentItem": {"@id": "#c1"}}
 ]}
</script></head><body><p>Body text.</p></body></html>"""


def test_json_ld_comments_nested_and_linked():
    markup, comments = extract_comments(load_html(JSON_LD))
    assert markup == "json-ld"
    assert [(c.author, c.parent, c.native_id) for c in comments] == [
        ("Leyla M", None, "#c1"),
        ("Orkhan", 0, "#c2"),
        ("Anon", 0, "#c3"),
    ]
    assert comments[2].text == "Linked reply with markup."
    assert comments[0].author_handle == "leyla"


MICRODATA = """<html><body><div class="discussion">
<div itemscope itemtype="https://schema.org/Comment" id="m1">
  <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Rauf</span></span>
  <time itemprop="dateCreated" datetime="2024-02-01T12:00:00+04:00">1 Feb</time>
  <div itemprop="text"><p>Microdata comment.</p></div>
  <div itemscope itemtype="https://schema.org/Comment" id="m2">
    <span itemprop="author">Sevinj</span>
    <div itemprop="text">Reply in microdata.</div>
  </div>
</div></div></body></html>"""


def test_microdata_comments_with_reply():
    markup, comments = extract_comments(load_html(MICRODATA))
    assert markup == "microdata"
    assert [(c.author, c.text, c.parent) for c in comments] == [
        ("Rauf", "Microdata comment.", None),
        ("Sevinj", "Reply in microdata.", 0),
    ]
    assert comments[0].published_at.utcoffset().total_seconds() == 4 * 3600


GENERIC = """<html><body><section class="comments">
<div class="comment" data-comment-id="c1"><div class="comment__author">Aysel</div>
 <div class="comment__date">2024-05-03 14:02</div><div class="comment__body">Generic one.</div>
 <div class="comment__replies"><div class="comment" data-comment-id="c2">
   <div class="comment__author">Tural</div><div class="comment__body">Generic reply.</div></div></div>
</div></section>
<div id="disqus_thread"><ul id="post-list"><li class="post"><div class="post-byline"><span class="author">Disq User</span></div>
<div class="post-message"><p>Disqus-style post.</p></div></li></ul></div></body></html>"""


def test_generic_comment_classes_and_disqus_posts():
    markup, comments = extract_comments(load_html(GENERIC))
    assert markup == "comment-classes"
    assert [(c.author, c.text, c.parent) for c in comments] == [
        ("Aysel", "Generic one.", None),
        ("Tural", "Generic reply.", 0),
        ("Disq User", "Disqus-style post.", None),
    ]
    assert comments[0].published_at.isoformat().startswith("2024-05-03T14:02")


def test_page_without_comments_is_normal():
    doc = parse_html(f"<html><head><title>T</title></head><body>{ARTICLE}</body></html>", "p.html")
    assert doc.comments == []
    assert "comment_markup" not in doc.metadata
    assert doc.paragraphs


def test_comment_text_is_not_left_in_the_article_body():
    doc = parse_html(WORDPRESS, "wp.html")
    body = "\n".join(doc.paragraphs)
    assert "Top-level again." not in body and "A reply to Nargiz." not in body
    assert "The court in the capital" in body


def _disqus_post(
    post_id: str, name: str, title: str, ago: str, text: str, children: str = ""
) -> str:
    """One post as the Disqus embed writes it: a wrapper <li class="post"> holding an avatar,
    an inner <div class="post"> with the byline (name, a bullet, a relative time whose
    title is the absolute one) and the message, then the replies in <ul class="children">."""
    kids = f'<ul class="children">{children}</ul>' if children else ""
    return f"""<li class="post" id="post-{post_id}"><div class="post-content">
<div class="avatar"><a class="user" href="https://disqus.example/by/{post_id}/"><img alt="Avatar"></a></div>
<div class="post" data-role="post-body"><div class="post-byline"><span class="author"><a
 data-username="{post_id}">{name}</a></span> <span class="post-meta"><span class="bullet
 time-ago-bullet">•</span> <a class="time-ago" title="{title}">{ago}</a></span></div>
<div class="post-body-inner"><div class="post-message"><p>{text}</p></div></div>
<footer><menu><li class="reply"><a>Reply</a></li><li class="bullet">•</li></menu></footer>
</div></div>{kids}</li>"""


DISQUS = f"""<html><body><article><h1>Title</h1>{ARTICLE}</article>
<div id="disqus_thread"><ul id="post-list" class="post-list">
{
    _disqus_post(
        "p1",
        "river_otter",
        "Monday, June 2, 2025 9:15 AM",
        "3 days ago",
        "First post.",
        _disqus_post(
            "p2",
            "Ilse V.",
            "Monday, June 2, 2025 10:40 AM",
            "3 days ago",
            "A reply to the first post.",
        ),
    )
}
{
    _disqus_post(
        "p3", "Quentin Marr", "Tuesday, June 3, 2025 8:05 PM", "2 days ago", "Second thread."
    )
}
</ul></div></body></html>"""


def test_disqus_embed_wrapper_and_body_are_one_post():
    markup, comments = extract_comments(load_html(DISQUS))
    assert markup == "comment-classes"
    assert [(c.author, c.text, c.parent) for c in comments] == [
        ("river_otter", "First post.", None),
        ("Ilse V.", "A reply to the first post.", 0),
        ("Quentin Marr", "Second thread.", None),
    ]
    assert comments[0].published_raw == "Monday, June 2, 2025 9:15 AM"
    assert comments[0].published_at.isoformat().startswith("2025-06-02T09:15")
