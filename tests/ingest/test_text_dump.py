"""Plain-text dumps read by layout rules, on dumps written for these tests."""

from __future__ import annotations

from casework.ingest import IngestConfig, run
from casework.ingest.catalog import list_documents
from casework.ingest.text_dump import parse_text_dump

DUMP = """\
World / Caucasus
Editor jailed after exposing procurement fraud

By Anna Petrosyan and Tomás Vidal
Posted 12 March 2024

The editor of a regional weekly was sentenced on Monday to six years in prison.
His lawyers said the case followed a series of articles on inflated contracts.

Anna Petrosyan is a correspondent covering the South Caucasus. Tomás Vidal is a former editor at a press-freedom group.
Comments (4)
   - kamran.h

      First comment, first paragraph.

      First comment, second paragraph
      with a hard-wrapped line.

         - Leyla Aliyeva

            A reply, one level down.

               - J. R.

                  A reply to the reply.

   - Orkhan

      Second top-level comment.
Copyright 2024 Caucasus Weekly. All rights reserved.
"""


def test_header_by_layout():
    doc = parse_text_dump(DUMP)
    assert doc.section == "World / Caucasus"
    assert doc.title == "Editor jailed after exposing procurement fraud"
    assert doc.authors == ["Anna Petrosyan", "Tomás Vidal"]
    assert doc.published.isoformat() == "2024-03-12"
    assert doc.description is None
    assert [b.name for b in doc.bios] == ["Anna Petrosyan", "Tomás Vidal"]


def test_body_joins_hard_wrapped_lines_and_drops_the_toggle():
    doc = parse_text_dump(DUMP)
    assert doc.paragraphs[:1] == [
        "The editor of a regional weekly was sentenced on Monday to six years in prison."
    ]
    assert "Comments (4)" in doc.paragraphs  # removed by cleaning, not by the parser


def test_thread_by_indentation_with_dash_bullets_and_initials():
    doc = parse_text_dump(DUMP)
    assert [(c.author, c.parent) for c in doc.comments] == [
        ("kamran.h", None),
        ("Leyla Aliyeva", 0),
        ("J. R.", 1),
        ("Orkhan", None),
    ]
    assert doc.comments[0].text == (
        "First comment, first paragraph.\n\n"
        "First comment, second paragraph\nwith a hard-wrapped line."
    )
    assert doc.removed[0].text.startswith("Copyright 2024") and doc.removed[0].reason == "copyright"
    assert doc.comments[0].line == 12


def test_wrapped_lines_join_within_a_block_only():
    text = "Title\n\nThe court heard that the editor\nwas held for nine days.\n\nA heading without stop\n\nlower-case start of a new block.\n"
    assert parse_text_dump(text).paragraphs == [
        "The court heard that the editor was held for nine days.",
        "A heading without stop",
        "lower-case start of a new block.",
    ]


def test_a_bulleted_list_in_the_body_is_not_a_thread():
    text = "Title\n\nThe report lists three demands:\n  - release the editor\n  - drop the charges\n  - allow observers\n\nIt ends there.\n"
    doc = parse_text_dump(text)
    assert doc.comments == []
    assert "It ends there." in doc.paragraphs


def test_base_url_gives_each_file_its_url(workspace, tmp_path):
    folder = tmp_path / "site" / "2024"
    folder.mkdir(parents=True)
    (folder / "story.txt").write_text(DUMP)
    run(
        workspace, [str(tmp_path / "site")], IngestConfig(base_url="https://weekly.example/archive")
    )
    (doc,) = list_documents(workspace.backend)
    assert doc["source_url"] == "https://weekly.example/archive/2024/story.txt"


# The layout a user reported (issue 15): a site name and a navigation bar above
# the section, a "date · By A and B" byline, a thread bulleted with "-" and
# replies indented by two spaces. Fictional text, written for this test.
NAV_DUMP = """\
The Lakeside Herald
Home | Politics | Rights | About
Skip to content

Rights
Court orders release of detained river-basin surveyors
Families had waited eleven weeks for a hearing.
March 3, 2021 · By Ines Halloran and Piet Varga

The regional court ordered the release of four surveyors on Tuesday, ruling that their detention had no basis in law.
Their employer said the men had been mapping flood defences and had all the permits the work required.

12 comments
- Marit Olsen
  This is the first good news from that court in a year.
  - Dev Patel
    Agreed, though the appeal window is still open.
    - Marit Olsen
      True. Let us see what the prosecutor does.
  - r_kovac
    Eleven weeks without a hearing should never happen.
- Tomasz W.
  Who pays the families for the lost wages?
  Reply
Load more
About us | Contact | Privacy
"""


def test_site_name_and_navigation_are_not_the_title():
    doc = parse_text_dump(NAV_DUMP)
    assert doc.title == "Court orders release of detained river-basin surveyors"
    assert doc.section == "Rights"
    assert doc.description == "Families had waited eleven weeks for a hearing."
    assert doc.published.isoformat() == "2021-03-03"
    assert doc.authors == ["Ines Halloran", "Piet Varga"]


def test_date_first_byline_and_the_body():
    doc = parse_text_dump(NAV_DUMP)
    assert doc.paragraphs[0].startswith("The regional court ordered the release")
    assert doc.paragraphs[1].endswith("all the permits the work required.")
    assert {r.text for r in doc.removed} >= {
        "The Lakeside Herald",
        "Home | Politics | Rights | About",
    }


def test_dash_bullets_two_space_replies_keep_their_parents():
    doc = parse_text_dump(NAV_DUMP)
    assert [(c.author, c.parent) for c in doc.comments] == [
        ("Marit Olsen", None),
        ("Dev Patel", 0),
        ("Marit Olsen", 1),
        ("r_kovac", 0),
        ("Tomasz W.", None),
    ]
    assert doc.comments[2].text == "True. Let us see what the prosecutor does."
    assert doc.comments[4].text == "Who pays the families for the lost wages?"
    assert [r.text for r in doc.removed[-2:]] == ["Load more", "About us | Contact | Privacy"]


def test_byline_forms():
    from casework.ingest.text_layout import byline_names

    assert byline_names("By Ines Halloran and Piet Varga") == ["Ines Halloran", "Piet Varga"]
    assert byline_names("Ines Halloran and Piet Varga · March 3, 2021") == [
        "Ines Halloran",
        "Piet Varga",
    ]
    assert byline_names("March 3, 2021 · By Ines Halloran") == ["Ines Halloran"]
    assert byline_names("Words by Ines Halloran") == ["Ines Halloran"]
    assert byline_names("Reporting by Piet Varga, staff correspondent") == ["Piet Varga"]
    assert byline_names("Court orders release of detained surveyors") is None


FURNISHED = """\
Harbour Gazette
Ferry operator fined over unsafe gangways

By Mirela Dunne
4 June 2024

Inspectors found that three of the operator's gangways had cracked welds and missing
rails during a spot check in April, according to the ruling published on Tuesday.
[Passengers boarding a ferry]
Passengers board the morning ferry at the east pier. Photo: Harbour Gazette
The company said it had replaced the gangways and would not appeal the fine, which
the regulator described as the largest it had imposed on a passenger operator.
Get the Morning Tide
A short round-up of the harbour's news, in your inbox every weekday.
Email address Sign up
Unions representing deckhands said the ruling confirmed complaints they had raised
with the regulator for more than two years without receiving a reply.
Share on Facebook Share on X Email
Tags: Shipping, Safety, Regulation
Mirela Dunne covers transport and the waterfront for the Harbour Gazette.
"""


def test_captions_promo_boxes_share_bars_tags_and_author_box_leave_the_body():
    doc = parse_text_dump(FURNISHED)
    body = " ".join(doc.paragraphs)
    assert body.startswith("Inspectors found") and body.endswith("without receiving a reply.")
    for chrome in ("Photo:", "[Passengers", "in your inbox", "Sign up", "Share on", "Tags:"):
        assert chrome not in body
    kinds = {r.reason for r in doc.removed}
    assert {"caption", "promo", "share-bar", "tags"} <= kinds
    assert [b.name for b in doc.bios] == ["Mirela Dunne"]


FORUM = """\
Tidewater Forum
Who audits the harbour dredging fund?

By Cormac Lyle
5 March 2024

The dredging fund has paid out more than forty million in five years, and its board has
never published the tender results that its own charter requires it to make public.

sea_lamprey March 5, 2024, 9:12am #2

The tender results were posted once, in 2019, and taken down a week later.

2 Likes Reply

Orla Brennan March 5, 2024, 10:40am #3

Does the charter say where they must be published?

Cormac Lyle in reply to Orla Brennan March 5, 2024, 11:02am
#4

On the fund's own site, within thirty days of each award.
"""


def test_forum_heads_with_glued_times_post_numbers_and_in_reply_to():
    doc = parse_text_dump(FORUM)
    assert [(c.author, c.parent) for c in doc.comments] == [
        ("sea_lamprey", None),
        ("Orla Brennan", None),
        ("Cormac Lyle", 1),
    ]
    assert doc.comments[2].text == "On the fund's own site, within thirty days of each award."
    assert doc.comments[0].published_at.isoformat().startswith("2024-03-05T09:12")
    assert doc.paragraphs[-1].endswith("to make public.")


AVATARS = """\
Marsh Courier
Lock keepers win back their overtime after a two-year dispute

By Hester Vane
6 June 2024

The canal trust agreed on Friday to repay overtime it had withheld from its lock keepers
since the spring of 2022, ending a dispute that had reached the employment tribunal twice.

Reader comments (3)

BBeatrix Holm
June 6, 2024

About time. My father kept the upper lock for thirty years.

ReplyReport
AAnselm Roy
June 7, 2024

Does the settlement cover the seasonal staff as well?

ReplyReport
OOlu Adebayo
June 7, 2024

It should, the tribunal ruling named them.

ReplyReport
"""


def test_avatar_letters_glued_to_names_and_glued_buttons():
    doc = parse_text_dump(AVATARS)
    assert [c.author for c in doc.comments] == ["Beatrix Holm", "Anselm Roy", "Olu Adebayo"]
    assert doc.comments[1].text == "Does the settlement cover the seasonal staff as well?"


def test_a_doubled_capital_alone_is_a_name():
    doc = parse_text_dump(AVATARS.replace("AAnselm", "Anselm").replace("OOlu", "Olu"))
    assert [c.author for c in doc.comments] == ["BBeatrix Holm", "Anselm Roy", "Olu Adebayo"]


MENU_NOT_THREAD = """\
Fenland Post
  • Towns
      □ Ely
      □ March
  • Villages
      □ Welney
      □ Manea

Drainage board raises rates for the first time in a decade

By Agnes Crowe
3 July 2024

The drainage board voted on Tuesday to raise its rates by eight percent, saying that
pumping costs had doubled since the last increase and that two stations needed repair.

Farmers on the board's eastern side said they had not been consulted on the rise.
"""

CONTROLS_INDENTED = (
    MENU_NOT_THREAD
    + """\
Comments 2

Agnes Crowe
Wed, 03/07/2024 - 10:15
Permalink
The pumping costs are in the board's published accounts.
    * Reply
Tom Pryor
Wed, 03/07/2024 - 11:40
Permalink
Then the rise should have been smaller.
    * Reply
"""
)


def test_a_menu_with_sub_items_is_not_a_thread():
    doc = parse_text_dump(MENU_NOT_THREAD)
    assert doc.comments == []
    assert doc.title == "Drainage board raises rates for the first time in a decade"
    assert doc.paragraphs[-1].startswith("Farmers on the board")


def test_indented_controls_do_not_make_the_thread_indented():
    doc = parse_text_dump(CONTROLS_INDENTED)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Agnes Crowe", "The pumping costs are in the board's published accounts."),
        ("Tom Pryor", "Then the rise should have been smaller."),
    ]


HEADLINE_AND_SUBTITLE = """\
Quayside Review
Cookie settingsRejectAccept all
Home » Harbour » Pilots' union wins a seat on the port authority's safety board after a long campaign

Pilots' union wins a seat on the port authority's safety board

How a decade of near misses changed the minds of the harbour's owners and its insurers

By Ida Marsh
9 August 2024

The port authority agreed on Thursday to give the pilots' union a permanent seat on its
safety board, ending a campaign that began after two tankers collided in the outer channel.
The union said the seat would let pilots raise problems before they became accidents.
"""


def test_title_above_its_subtitle_and_breadcrumb_is_not_the_body():
    doc = parse_text_dump(HEADLINE_AND_SUBTITLE)
    assert doc.title == "Pilots' union wins a seat on the port authority's safety board"
    assert doc.description == (
        "How a decade of near misses changed the minds of the harbour's owners and its insurers"
    )
    assert doc.authors == ["Ida Marsh"]
    assert doc.published.isoformat() == "2024-08-09"
    assert doc.paragraphs[0].startswith("The port authority agreed")


UNDERSCORED_LINKS = """\
[Saltmarsh_Weekly]
    * Home
    * News_from_the_harbour
    * Letters_to_the_editor
    * Write_for_the_paper
Ferry timetable cut as the council ends its subsidy
By Nell_Ashby
12 September 2024
The council voted on Wednesday to end the subsidy that has kept the winter ferry running,
and the operator said it would cut the service to two crossings a day from November.
"""


def test_link_underscores_are_spaces_in_a_dump_that_writes_them_for_every_link():
    doc = parse_text_dump(UNDERSCORED_LINKS)
    assert doc.authors == ["Nell Ashby"]
    assert doc.title == "Ferry timetable cut as the council ends its subsidy"


def test_a_standfirst_below_the_byline_is_the_dek_when_furniture_follows_it():
    dump = FURNISHED.replace(
        "4 June 2024\n\n",
        "4 June 2024\nThe regulator says the gangways had been unsafe for months.\n"
        "[Gangway]\nA gangway at the east pier. Photo: Harbour Gazette\n\n",
    )
    doc = parse_text_dump(dump)
    assert doc.description == "The regulator says the gangways had been unsafe for months."
    assert doc.paragraphs[0].startswith("Inspectors found")


def _paragraph(n: int) -> str:
    return (
        f"Paragraph {n} of the inquiry report describes how the harbour master's office kept "
        "two sets of tide logs, one for the insurers and one for the board, for six years.\n\n"
    )


TAIL = (
    "Salt Road Times\nInquiry finds two sets of harbour tide logs\n\nBy Wren Talbot\n"
    "2 October 2024\n\n"
    + _paragraph(1)
    + _paragraph(2)
    + "Related\n  * Pilots win seat\n  * Ferry fined\n  * Dredging fund audit\n  * Lock keepers\n\n"
    + _paragraph(3)
    + _paragraph(4)
    + _paragraph(5)
    + "More from Salt Road\n  * Harbour news\n  * Weather at sea\n  * Letters\n  * Podcasts\n"
    + "Get the app\nAll the harbour's news in one place, on your phone, whenever you want it.\n"
    + "App Store Google Play\n"
)


def test_the_body_runs_past_a_list_of_links_and_ends_before_the_stray_tail():
    doc = parse_text_dump(TAIL)
    body = " ".join(doc.paragraphs)
    assert body.startswith("Paragraph 1") and "Paragraph 5" in body
    assert body.endswith("for six years.")


PIPED_CONTROLS = (
    TAIL.split("More from")[0]
    + """Comments
Hale R. 02.10.2024 12:14 #1

Two logs is not a mistake, it is a policy.

Reply | Quote | +0−
[avatar-2]
Tamsin 02.10.2024 13:40 #2

Who signed the insurers' copy?

Reply | Quote | +3−
"""
)


def test_piped_controls_and_avatar_slugs_stay_inside_the_thread():
    doc = parse_text_dump(PIPED_CONTROLS)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Hale R.", "Two logs is not a mistake, it is a policy."),
        ("Tamsin", "Who signed the insurers' copy?"),
    ]


# html2text's shapes: a breadcrumb as a numbered list ending in the headline, the
# headline in stars with its closing stars alone on the next line (it filled the
# width), and a word broken at its hyphen across the wrap.
NUMBERED_BREADCRUMB = """\
Harbour Ledger
   1. You are here:
   2. Home
   3. Transport
   4. Tug crews walk out as the port's contractor-run
      safety scheme falls apart
****** Tug crews walk out as the port's contractor-run safety scheme falls apart
******
By Ora Lindqvist
4 October 2024
Tug crews at the northern basin stopped work on Thursday after a second collision in a
month, saying the contractor that runs the port's safety scheme had cut the night shift
in half and left the radio room unmanned for hours at a time. A well-
informed dispatcher said the log had not been kept since August.
"""


def test_a_numbered_breadcrumb_is_not_the_headline_and_wrapped_hyphens_join():
    doc = parse_text_dump(NUMBERED_BREADCRUMB)
    assert doc.title == "Tug crews walk out as the port's contractor-run safety scheme falls apart"
    assert doc.authors == ["Ora Lindqvist"]
    assert doc.published.isoformat() == "2024-10-04"
    assert doc.paragraphs[0].startswith("Tug crews at the northern basin")
    assert "A well-informed dispatcher" in doc.paragraphs[0]
