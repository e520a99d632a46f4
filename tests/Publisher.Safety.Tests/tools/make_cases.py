# Regenerates the bad-input corpus (run from this folder: python3 make_cases.py). Each case is
# BadInput/<name>/site/... (files laid over the sample site) and BadInput/<name>/expected.json.
import json, os, shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "BadInput")
DOC = "content/zhangmiao/2020/{slug}.md"

def fm(lines, body="正文。\n"):
    return "---\n" + "".join(l + "\n" for l in lines) + "---\n" + body

GOOD = ["title: 测试报告", "kind: annual-report", "office: zhangmiao", "year: 2020", "issued: 2020-12-03"]

def with_(**kw):
    out = []
    for l in GOOD:
        k = l.split(":")[0]
        if k in kw:
            v = kw.pop(k)
            if v is not None:
                out.append(f"{k}: {v}")
        else:
            out.append(l)
    out += [f"{k}: {v}" for k, v in kw.items()]
    return out

cases = []
def case(name, files, expect, description, generate=None):
    cases.append((name, files, expect, description, generate))

def err(code, file, line, column, message, severity="error"):
    return {"severity": severity, "code": code, "file": file, "line": line, "column": column, "message": message}

def doc(slug): return DOC.format(slug=slug)

# --- YAML ---
case("yaml-duplicate-key", {doc("dup"): fm(GOOD + ["title: 又一个标题"])}, err("PUB0111", doc("dup"), 7, 1, "appears twice"), "a key written twice")
case("yaml-wrong-type-year", {doc("year-text"): fm(with_(year="twenty"))}, err("PUB0123", doc("year-text"), 5, 7, "whole number"), "year is not a number")
case("yaml-wrong-type-title-list", {doc("title-list"): fm(with_(title="[甲, 乙]"))}, err("PUB0121", doc("title-list"), 2, 8, "single text value"), "title is a list")
case("yaml-wrong-type-attachments", {doc("attach-text"): fm(GOOD + ["attachments: report.pdf"])}, err("PUB0127", doc("attach-text"), 7, 14, "must be a list"), "attachments is text, not a list")
case("yaml-tab-indent", {doc("tab"): fm(GOOD + ["attachments:", "\t- { file: a.pdf, title: 附件 }"])}, err("PUB0110", doc("tab"), 8, 1, "tab"), "a tab used for indentation")
bomb = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
for i, n in enumerate("bcdefghi"):
    prev = "abcdefghi"[i]
    bomb.append(f"{n}: &{n} [" + ",".join([f"*{prev}"] * 9) + "]")
case("yaml-alias-bomb", {doc("bomb"): fm(GOOD + bomb)}, err("PUB0114", doc("bomb"), 7, 4, "anchors and aliases"), "billion laughs: nested aliases")
deep = "statistics: " + "[" * 40 + "1" + "]" * 40
case("yaml-deep-nesting", {doc("deep"): fm(GOOD + [deep])}, err("PUB0115", doc("deep"), 7, 29, "nested more than"), "nesting 40 levels deep")
case("yaml-unclosed-bracket", {doc("bracket"): fm(with_(year="[2020"))}, err("PUB0110", doc("bracket"), 5, 1, "never closed"), "an unclosed flow sequence")
case("yaml-not-a-mapping", {doc("list"): fm(["- title: 测试", "- kind: notice"])}, err("PUB0113", doc("list"), 2, 1, "key: value"), "the front matter is a list")
case("yaml-two-documents", {doc("two-docs"): "---\ntitle: a\n...\n" }, err("PUB0104", doc("two-docs"), 1, 1, "not closed"), "placeholder replaced below")
cases.pop()
case("front-matter-not-closed", {doc("unclosed"): "---\n" + "\n".join(GOOD) + "\n正文没有结束线。\n"}, err("PUB0104", doc("unclosed"), 1, 1, "not closed"), "no closing --- line")
case("front-matter-missing", {doc("no-fm"): "# 标题\n\n正文。\n"}, err("PUB0103", doc("no-fm"), 1, 1, "does not start with front matter"), "no front matter at all")
case("required-title-missing", {doc("no-title"): fm(with_(title=None))}, err("PUB0130", doc("no-title"), 2, 1, "'title' is missing"), "title is missing")
case("unknown-office", {doc("bad-office"): fm(with_(office="zhangmaio"))}, err("PUB0150", doc("bad-office"), 4, 9, "unknown office 'zhangmaio'"), "a misspelt office")
case("office-folder-mismatch", {doc("wrong-folder"): fm(with_(office="yuepu"))}, err("PUB0132", doc("wrong-folder"), 4, 9, "folder 'zhangmiao'"), "office does not match the folder")
case("impossible-date", {doc("feb-30"): fm(with_(issued="2020-02-30"))}, err("PUB0124", doc("feb-30"), 6, 9, "not a real date"), "30 February")
case("unknown-kind", {doc("kind"): fm(with_(kind="annual-reprot"))}, err("PUB0122", doc("kind"), 3, 7, "not a valid kind"), "a misspelt kind")
case("year-folder-mismatch", {doc("year-2019"): fm(with_(year="2019"))}, err("PUB0133", doc("year-2019"), 5, 7, "says year 2019"), "year differs from the folder")
case("office-id-mismatch", {"content/offices/new-office.yml": "id: other-office\nname: { zh-CN: 新办, en: New Office }\nshort_name: { zh-CN: 新办, en: New }\ndistrict: { zh-CN: 普陀区, en: Putuo District }\nkind: subdistrict\n"}, err("PUB0140", "content/offices/new-office.yml", 1, 5, "does not match the file name"), "an office whose id is not its file name")
case("office-missing-language", {"content/offices/half-office.yml": "id: half-office\nname: { zh-CN: 半办 }\nshort_name: { zh-CN: 半办, en: Half }\ndistrict: { zh-CN: 普陀区, en: Putuo District }\nkind: subdistrict\n"}, err("PUB0126", "content/offices/half-office.yml", 2, 7, "no 'en' text"), "an office name without English")
case("huge-file", {doc("huge"): fm(GOOD)}, err("PUB0107", doc("huge"), 0, 0, "more than the limit"), "a 3 MB file (limit 2 MiB)", generate={"file": doc("huge"), "bytes": 3_000_000})

# --- encodings ---
utf8 = fm(GOOD).encode("utf-8")
case("utf8-bom", {doc("bom"): b"\xef\xbb\xbf" + utf8}, None, "UTF-8 with a BOM is read as is")
case("utf16-le-bom", {doc("utf16le"): b"\xff\xfe" + fm(GOOD).encode("utf-16-le")}, err("PUB0108", doc("utf16le"), 0, 0, "UTF-16LE", "warning"), "UTF-16 LE with BOM is converted")
case("utf16-be-bom", {doc("utf16be"): b"\xfe\xff" + fm(GOOD).encode("utf-16-be")}, err("PUB0108", doc("utf16be"), 0, 0, "UTF-16BE", "warning"), "UTF-16 BE with BOM is converted")
case("utf16-le-no-bom", {doc("utf16nobom"): fm(GOOD).encode("utf-16-le")}, err("PUB0108", doc("utf16nobom"), 0, 0, "UTF-16LE", "warning"), "UTF-16 LE without BOM is detected and converted")
gbtext = fm(with_(title="2020年度张庙街道法治政府建设情况报告", summary="本报告总结了张庙街道二〇二〇年度法治政府建设的主要举措、存在问题和下一年度工作安排。"), body="一、主要举措\n\n街道深入学习贯彻习近平法治思想，全面推进依法行政，持续优化法治化营商环境。\n")
case("gb18030", {doc("gbk"): gbtext.encode("gb18030")}, err("PUB0108", doc("gbk"), 0, 0, "GB18030", "warning"), "GB18030/GBK is detected and converted")
bad = fm(GOOD).encode("utf-8").replace("正文".encode(), b"\xc3\x28\xa0\xa1")
case("invalid-utf8", {doc("bad-bytes"): bad}, err("PUB0102", doc("bad-bytes"), 8, 1, "not valid UTF-8"), "bytes that are no known encoding")
case("nul-byte", {doc("nul"): fm(GOOD, body="正文\x00隐藏。\n").encode("utf-8")}, err("PUB0901", doc("nul"), 8, 3, "NUL"), "a NUL byte inside UTF-8 text")

# --- paths ---
for name, value, desc in [
    ("attachment-parent", "../../../../etc/passwd", "climbs out with ../"),
    ("attachment-absolute", "/etc/passwd", "an absolute path"),
    ("attachment-drive-letter", "'C:\\Windows\\win.ini'", "a Windows drive letter"),
    ("attachment-nul", "\"report\\0.pdf\"", "a NUL character"),
    ("attachment-control", "\"report\\e[31m.pdf\"", "an escape (control) character"),
    ("attachment-backslash-parent", "'..\\..\\secret.pdf'", "climbs out with ..\\"),
]:
    slug = name
    case(name, {doc(slug): fm(GOOD + ["attachments:", f"  - {{ file: {value}, title: 附件 }}"])}, err("PUB0131", doc(slug), 8, 13, "is not allowed"), "attachment path " + desc)
case("slug-uppercase-and-space", {"content/zhangmiao/2020/Bad Name.md": fm(GOOD)}, err("PUB0106", "content/zhangmiao/2020/Bad Name.md", 0, 0, "cannot be used in a web address"), "a file name with capitals and a space")
case("slug-control-char", {"content/zhangmiao/2020/bad\x1bname.md": fm(GOOD)}, err("PUB0106", "content/zhangmiao/2020/bad\x1bname.md", 0, 0, "cannot be used in a web address"), "a file name with an escape character")
case("slug-drive-letter", {"content/zhangmiao/2020/C:report.md": fm(GOOD)}, err("PUB0106", "content/zhangmiao/2020/C:report.md", 0, 0, "cannot be used in a web address"), "a file name that looks like a drive")
case("office-folder-dots", {"content/zhangmiao/2020/..report.md": fm(GOOD)}, err("PUB0106", "content/zhangmiao/2020/..report.md", 0, 0, "cannot be used in a web address"), "a file name starting with dots")
case("two-documents-one-url", {doc("same"): fm(GOOD), "content/zhangmiao/2020/same.zh-CN.md": fm(GOOD)}, err("PUB0152", "content/zhangmiao/2020/same.md", 0, 0, "content/zhangmiao/2020/same.md and content/zhangmiao/2020/same.zh-CN.md"), "report.md and report.zh-CN.md both claim /zhangmiao/2020/same/")
case("case-only-collision", {doc("report-a"): fm(GOOD), "content/zhangmiao/2020/Report-A.md": fm(GOOD)}, err("PUB0106", "content/zhangmiao/2020/Report-A.md", 0, 0, "cannot be used in a web address"), "two addresses that differ only in case: capitals are refused, so they cannot collide")
case("translation-without-original", {"content/zhangmiao/2020/orphan.en.md": fm(["title: Orphan"])}, err("PUB0151", "content/zhangmiao/2020/orphan.en.md", 2, 8, "has no original"), "an English file without its Chinese original")

# --- HTML and script ---
def html_case(name, body, desc, line=8, column=1, removed="removed"):
    case(name, {doc(name): fm(GOOD, body=body)}, err("PUB0902", doc(name), line, column, removed, "warning"), desc)
html_case("html-script", "正文。\n\n<script>alert('x')</script>\n", "a script element", line=10, removed="<script>")
html_case("html-onerror", "正文 <img src=\"x.png\" onerror=\"alert('x')\"> 后文。\n", "an onerror handler", column=4, removed="onerror=")
html_case("html-javascript-link", "[点我](javascript:alert('x')) 和 <a href=\"JaVaScRiPt:alert(1)\">这里</a>\n", "javascript: links", removed="href=\"JaVaScRiPt:alert(1)\"")
html_case("html-iframe-unknown-host", "<iframe src=\"https://evil.example/\"></iframe>\n", "an iframe from a host not in the settings", removed="<iframe>")
html_case("html-svg-script", "<svg><script>alert(1)</script><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>\n", "an svg with script inside", removed="<script>")
html_case("html-data-url", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a> <object data=\"data:text/html,x\"></object>\n", "data: URLs and object", removed="<object>")
html_case("html-style-expression", "<p style=\"width: expression(alert(1))\">文字</p>\n\n<style>body{background:url(javascript:alert(1))}</style>\n", "style attributes and elements", removed="<style>")
html_case("html-form-and-meta", "<form action=\"https://evil.example/\"><input name=\"p\"></form>\n\n<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">\n", "a form and a meta refresh", removed="<form>, <meta>")
html_case("html-entity-javascript", "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>\n", "a javascript: link hidden behind character references", removed="href=")
html_case("html-base-embed", "<base href=\"https://evil.example/\">\n<embed src=\"x.swf\">\n", "base and embed elements", removed="<base>")
html_case("html-details-ontoggle", "<details open ontoggle=\"alert(1)\"><summary>x</summary></details>\n", "an ontoggle handler", removed="ontoggle=")
html_case("html-mxss-noscript", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>\n", "mutation XSS through noscript", removed="<noscript>")
html_case("html-markdown-image-javascript", "![图](javascript:alert(1))\n\n[链接](vbscript:msgbox(1))\n", "Markdown image and link with script URLs", removed="vbscript:")
case("metadata-payloads", {doc("payload"): fm(with_(title="'</script><script>alert(1)</script>'", summary="'\"><img src=x onerror=alert(1)>'", doc_number="'<b onmouseover=alert(1)>'", signer="'javascript:alert(1)'"))}, None, "script payloads in title, summary and other fields come out as text everywhere")
case("office-name-payload", {"content/offices/evil.yml": "id: evil\nname: { zh-CN: '</title><script>alert(1)</script>', en: '\"><svg onload=alert(1)>' }\nshort_name: { zh-CN: '<img src=x onerror=alert(1)>', en: Evil }\ndistrict: { zh-CN: 普陀区, en: Putuo District }\nkind: subdistrict\n", "content/evil/2021/report.md": fm(["title: 报告", "kind: annual-report", "office: evil", "year: 2021", "issued: 2021-12-03"])}, None, "script payloads in an office record come out as text everywhere")

case("office-website-javascript", {"content/offices/js-office.yml": "id: js-office\nname: { zh-CN: 某办, en: Some Office }\nshort_name: { zh-CN: 某办, en: Some }\ndistrict: { zh-CN: 普陀区, en: Putuo District }\nkind: subdistrict\nwebsite: 'javascript:alert(1)'\n"}, err("PUB0904", "content/offices/js-office.yml", 6, 10, "must be a web address"), "an office website that would run script")
case("metadata-attachment-payload", {doc("attach-payload"): fm(GOOD + ["attachments:", "  - { file: 'a\"onmouseover=\"alert(1).pdf', title: '<script>alert(1)</script>' }"], body="## <img src=x onerror=alert(1)>标题\n\n正文。\n")}, err("PUB0902", doc("attach-payload"), 10, 4, "onerror=", "warning"), "payloads in an attachment and in a heading")
case("file-outside-layout", {"content/stray.md": fm(GOOD)}, err("PUB0101", "content/stray.md", 0, 0, "not where Publisher looks"), "a document outside content/<office>/<year>/")
case("empty-file", {doc("empty"): ""}, err("PUB0103", doc("empty"), 1, 1, "does not start with front matter"), "an empty file")
case("binary-file", {doc("binary"): bytes([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x25, 0xb5, 0xed, 0xae, 0xfb, 0x0a, 0x00, 0x01, 0x02, 0xff, 0xfe])}, err("PUB0102", doc("binary"), 2, 2, "not valid UTF-8"), "a PDF saved with a .md name")
case("date-wrong-format", {doc("date-format"): fm(with_(issued="12/03/2020"))}, err("PUB0124", doc("date-format"), 6, 9, "not a real date"), "a date not written yyyy-mm-dd")
case("year-out-of-range", {doc("year-big"): fm(with_(year="99999999999999999999"))}, err("PUB0123", doc("year-big"), 5, 7, "whole number"), "a year too large for any number type")
case("title-empty", {doc("title-empty"): fm(with_(title="''"))}, err("PUB0130", doc("title-empty"), 2, 1, "missing or empty"), "an empty title")
case("markdown-deep-nesting", {doc("deep-quote"): fm(GOOD, body="> " * 5000 + "x\n")}, err("PUB0905", doc("deep-quote"), 8, 0, "nested too deeply"), "5,000 nested quote markers")
case("html-deep-nesting", {doc("deep-div"): fm(GOOD, body="正文。\n\n" + "<div>" * 3000 + "x\n")}, err("PUB0905", doc("deep-div"), 10, 0, "nested too deeply"), "3,000 nested div elements")

shutil.rmtree(ROOT, ignore_errors=True)
for name, files, expect, description, generate in cases:
    folder = os.path.join(ROOT, name)
    for rel, content in files.items():
        # Characters no file system should have to store ('%', ':', controls) are kept %-escaped; the test unescapes them.
        stored = "".join(c if (c.isalnum() or c in "/.-_ ") else "%%%02X" % ord(c) for c in rel)
        path = os.path.join(folder, "site", stored)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    spec = {"description": description, "expected": expect}
    if generate:
        spec["generate"] = generate
    with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f, ensure_ascii=False, indent=2)
        f.write("\n")
print(len(cases), "cases")
