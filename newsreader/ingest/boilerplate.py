"""What page furniture looks like: lines of a news page that are not part of the article."""

from __future__ import annotations

import re

# Words that make up share bars, toolbars and navigation: a line of only these is a button row.
_BUTTON_WORDS = frozenset(
    re.findall(
        r"\S+",
        "share shares sharing print printer email e-mail mail save saved bookmark tweet facebook "
        "twitter x whatsapp linkedin telegram reddit pinterest messenger flipboard copy link "
        "comment comments zoom in out read later listen follow us on this article story font "
        "size text a a+ a- aa download pdf more close menu search subscribe login log sign up "
        "back to top next previous prev home gift google news app audio video play pause",
    )
)

_FLAGS = re.IGNORECASE
_LINE_PATTERNS = [
    # Counters: "Total Views : 22", "0 Views", "12 Comments", "3 min read".
    r"(?:total\s+)?(?:views?|reads?|shares?|comments?|likes?|responses?)\s*[:\-]?\s*\d[\d,.]*\s*[km]?",
    r"\d[\d,.]*\s*[km]?\s+(?:views?|reads?|shares?|comments?|likes?|responses?|reactions?)",
    r"(?:reading time\s*:?\s*)?\d+\s*(?:min|mins|minutes?)(?:\s+read)?",
    # Advertising.
    r"(?:advertisement|advertising|sponsored(?: content| post| by .{1,40})?|ad|promoted|"
    r"paid (?:post|content)|partner content)",
    r"(?:story|article|text) continues (?:below|after) .{0,30}",
    r"scroll (?:down )?to (?:continue|read)(?: reading)?.{0,20}|continue reading.{0,30}",
    # Comment forms.
    r"(?:leave a (?:reply|comment)|post a comment|add a comment|write a comment|"
    r"join the (?:conversation|discussion)|(?:show|view|hide|load) (?:\d+ )?comments?|"
    r"comments? (?:are )?closed\.?|cancel reply|post comment|submit comment)",
    # Prompts to readers: "Tell us in the comments below.", "Have your say."
    r"(?:tell us|let us know)(?: what you think)?(?: in the comments?(?: section)?(?: below)?|"
    r" below)?\.?|have your say\.?|what do you think\?(?: (?:tell us|let us know).{0,40})?",
    # Questions put to readers, then the prompt: "Will the cut change your plans? Tell us ..."
    r"(?:[^.!?]{1,120}\?\s+){1,3}(?:tell us|let us know|share your (?:views|thoughts|story))"
    r"[^.!?]{0,60}[.!]?",
    r"please (?:enter|type|fill in|provide) (?:your|a) .{1,40}",
    r"you (?:have entered an incorrect|must be logged in|need to be logged in) .{0,80}",
    r"save my name,? e-?mail,? and website .{0,80}",
    r"notify me (?:of|when) .{0,80}",
    # End of page and navigation labels.
    r"you(?:'|’)ve reached the end.{0,60}|end of (?:the )?(?:article|story|page)",
    r"skip to (?:main )?(?:content|navigation)|back to top|jump to .{1,30}",
    r"(?:click|tap) here\b.{0,80}",
    r"(?:follow|join|find) us on .{1,60}",
    r"(?:download|get) (?:our|the) .{0,30}app.{0,40}",
    r"listen to (?:this|the) (?:article|story).{0,30}",
    r"(?:watch|video|listen|audio|gallery|photos?)\s*[:|]\s*.{0,120}",
    r"(?:read|see) (?:more|also|next|the full story)\b.{0,160}",
    r"(?:also read|related|recommended|more from .{1,30}|more on this|further reading)"
    r"\s*[:|].{0,160}",
    r"(?:tags?|topics?|filed under|categories|category|keywords|labels?)\s*:.{0,200}",
    r"(?:like(?: this)?:?\s*)?loading\W*",
    r"this (?:video|content|media|audio|element) (?:can ?not|could not|is not available|cannot)"
    r".{0,60}|.{0,60}\b(?:enable|turn on|activate) javascript\b.{0,80}|"
    r"your browser (?:does(?: not|n't)|cannot|can't) .{0,80}",
    r"(?:https?://|www\.)\S+",
    # Credits and legal lines.
    r"(?:image|photo|picture|media|video)\s+(?:caption|source|credit)s?\s*[,:|].{0,200}",
    r".{0,80}\bcontributed (?:to )?(?:this |the )?(?:report|story|article)(?:ing)?",
    r"(?:additional )?(?:reporting|writing|editing|research|compiled) by (?-i:[A-Z]).{1,100}",
    r"disclaimer\s*:.{0,200}\b(?:image|photo|picture|video|graphic)s?\b.{0,200}",
    r"(?:main |top |file |lead )?(?:image|photo|picture|photograph|graphic|illustration|video)s?"
    r"\s*(?:credit|source|courtesy|by)?\s*[:|©].{0,160}",
    r"(?:credit|credits|source|courtesy)\s*[:|].{0,80}",
    r"(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|(?-i:[A-Z]))).{0,160}",
    r".{0,160}\ball rights reserved\.?",
    r"(?:terms of (?:use|service)|privacy policy|cookie (?:policy|settings|preferences))"
    r"(?:\s*[|•·]\s*.{1,40})*",
]
_FURNITURE_LINE = re.compile(r"^\W*(?:" + "|".join(_LINE_PATTERNS) + r")\W*$", _FLAGS)

# Sentence-like notices: cookies, newsletters, app prompts.
_COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:accept|consent|agree|privacy|we use|site uses|by (?:continuing|using)|"
    r"settings|preferences|experience)\b|"
    r"\b(?:accept|consent|agree|we use|site uses)\b.*\bcookies?\b",
    _FLAGS,
)
_NEWSLETTER = re.compile(
    r"^\W*(?:sign up|subscribe|register|get|receive|join)\b.{0,80}"
    r"\b(?:newsletters?|inbox|e-?mails?|updates|alerts|briefings?)\b|"
    r"\bnewsletters?\b.{0,60}\b(?:sign up|subscribe)\b|"
    r"\b(?:sign up|subscribe)\b.{0,40}\b(?:our|the|free) (?:\w+ ){0,2}newsletters?\b|"
    r"delivered (?:straight |directly )?to your inbox|enter your e-?mail",
    _FLAGS,
)
# Photo captions end with an agency credit: "(Photo: AFP)", "REUTERS/Jane Doe", "via Getty Images".
_AGENCIES = (
    r"AP|AFP|Reuters|REUTERS|Getty(?: Images)?|EPA|EPA-EFE|Bloomberg|Xinhua|TASS|Sputnik|"
    r"Anadolu|Shutterstock|Alamy|PA(?: Images| Wire)?|dpa|ANSA|Kyodo|Yonhap|IANS|PTI|ANI"
)
_CAPTION_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
_CAPTION_CREDIT = re.compile(
    r"(?:\((?i:photo|image|picture|photograph|credit|file)s?\b[^)]{0,80}\)"
    rf"|(?:^|[.|:;]\s+|\(\s*)(?:(?:{_AGENCIES})\s*/\s*{_CAPTION_NAME}"
    rf"|{_CAPTION_NAME}\s*/\s*(?:{_AGENCIES})\b)\)?"
    rf"|[(/|][^()]{{0,80}}\bvia (?:{_AGENCIES})\b\)?"
    r"|\|\s*(?i:photo|image)(?: credit)?\s*:.{0,80})\W*$"
)
_NOTICE_KEYS = ("cookie", "newsletter", "sign up", "subscribe", "register", "inbox", "mail")
_BREADCRUMB_SEPARATOR = re.compile(r"\s*(?:>|»|›|→|/|\||•|·)\s*")
# Headers that open a trailing block of teasers, comments or prompts.
TAIL_HEADER = re.compile(
    r"^\W*(?:related(?: articles| stories| news| content| posts| coverage| topics)?|"
    r"recommended(?: for you| stories| reading| articles)?|more (?:from|on|in) .{1,40}|"
    r"more (?:stories|news|articles|like this|to read)|read (?:more|next)|also read|see also|"
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|(?:most )?(?:popular|read|"
    r"viewed|shared)(?: now| today| stories| articles)?|trending(?: now| stories| news)?|"
    r"latest(?: news| stories| articles)?|top stories|editor(?:'|’)?s picks|further reading|"
    r"suggested (?:reading|articles|stories)|comments?|\d+ comments?|leave a (?:reply|comment)|"
    r"post a comment|join the (?:conversation|discussion)|"
    r"you(?:'|’)ve reached the end.{0,60}|end of (?:the )?(?:article|story))\W*$",
    _FLAGS,
)
# Tail headers after which nothing belongs to the article, whatever follows.
HARD_TAIL_HEADER = re.compile(
    r"^\W*(?:\d+ comments?|comments?|leave a (?:reply|comment)|post a comment|"
    r"join the (?:conversation|discussion)|you(?:'|’)ve reached the end.{0,60}|"
    r"end of (?:the )?(?:article|story))\W*$",
    _FLAGS,
)
# Chinese, Japanese and Korean characters count as one word each (no spaces between words).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}][^\W{_CJK}]*(?:['’-][^\W{_CJK}]+)*")
_NUMBER = re.compile(r"\d[\d,.:%/-]*")
_SENTENCE_END = re.compile(r"[.!?…:;。！？｡।॥؟۔](?:\s?[\"'”’)\]」』）])*$")
_FUNCTION_WORDS = frozenset(
    re.findall(
        r"\S+",
        "a an the of to in on at for from by with and or but is are was were be been has have "
        "had will would could should can may might must do does did not no as that this these "
        "those it its he she they we his her their our who which what when where after before "
        "over under into than then says said says amid during about against",
    )
)


def words(line: str) -> list[str]:
    """The words of a line (letters first, digits and inner apostrophes/hyphens allowed)."""
    return _WORD.findall(line)


def ends_sentence(line: str) -> bool:
    """True when a line ends like a sentence (full stop, question, exclamation, colon)."""
    return bool(_SENTENCE_END.search(line.rstrip()))


def is_truncated(line: str) -> bool:
    """A teaser blurb cut off with an ellipsis."""
    return line.rstrip().endswith(("...", "…")) and len(words(line)) >= 4


def is_headline_like(line: str) -> bool:
    """A title-sized line without a sentence ending (teaser titles, subheads, headlines)."""
    n = len(words(line))
    return 3 <= n <= 25 and len(line) <= 220 and not ends_sentence(line)


def _is_button_row(line: str) -> bool:
    if len(line) > 200:
        return False
    tokens = [t.lower() for t in re.split(r"[\s|•·/,]+", line.strip()) if t.strip()]
    return bool(tokens) and all(t.strip(":.!") in _BUTTON_WORDS for t in tokens)


def _is_breadcrumb(line: str) -> bool:
    parts = [p for p in _BREADCRUMB_SEPARATOR.split(line.strip()) if p]
    if len(parts) < 2 or ends_sentence(line) or not _BREADCRUMB_SEPARATOR.search(line):
        return False
    return all(1 <= len(words(p)) <= 4 for p in parts)


def _lacks_sentence_structure(line: str) -> bool:
    """Short labels: at most two words, or a few capitalised words without any function word."""
    found = words(line)
    if ends_sentence(line) and not line.rstrip().endswith(":"):
        return False
    if len(found) <= 2:
        # A row of figures (a table line, scores, a list of numbers) is data, not a label.
        return not (len(found) + len(_NUMBER.findall(line)) >= 4)
    lowered = [w.lower() for w in found]
    return (
        len(found) <= 5
        and all(w[:1].isupper() for w in found)
        and not any(w in _FUNCTION_WORDS for w in lowered)
    )


def is_notice(line: str) -> bool:
    """Cookie banners and newsletter or sign-up prompts (these read like sentences)."""
    lowered = line.lower()
    if len(line) > 600 or not any(key in lowered for key in _NOTICE_KEYS):
        return False
    return bool(_COOKIE.search(line) or _NEWSLETTER.search(line))


def _has_caption_credit(line: str) -> bool:
    end = line[-160:]
    if not any(mark in end for mark in "(/|") and " via " not in end:
        return False
    return bool(_CAPTION_CREDIT.search(end))


def furniture_kind(line: str) -> str | None:
    """Why a line is page furniture ("pattern", "buttons", "caption", ...), or None if it is not."""
    stripped = line.strip()
    if not stripped:
        return None
    if len(stripped) <= 400 and _FURNITURE_LINE.match(stripped):
        return "pattern"
    if _is_button_row(stripped):
        return "buttons"
    if _is_breadcrumb(stripped):
        return "breadcrumb"
    if is_notice(stripped):
        return "notice"
    if len(stripped) <= 500 and _has_caption_credit(stripped):
        return "caption"
    if _lacks_sentence_structure(stripped):
        return "short"
    return None
