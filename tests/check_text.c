/*
 * check_text.c - text_extract: tables of small inputs with the blocks
 * (kind, level, exact text, section) and metadata each must give, the
 * errors, and invariants over the real articles in corpus/.
 */
#include <check.h>
#include <ctype.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "testutil.h"
#include "text.h"
#include "util.h"

typedef struct want_block {
    doc_kind kind;
    int level;
    const char *text;
    const char *section;  /* NULL: before any heading */
} want_block;

#define MAXB 16

typedef struct text_case {
    const char *name;
    int markdown;
    const char *in;    /* the input, or NULL to read file */
    const char *file;
    /* expected metadata; NULL means the field must stay unset */
    const char *title, *date, *basis, *author, *url, *site;
    want_block b[MAXB];  /* ends at the first entry without text */
} text_case;

#define H(l, t, s) {DOC_HEADING, l, t, s}
#define P(t, s) {DOC_PARAGRAPH, 0, t, s}
#define I(l, t, s) {DOC_ITEM, l, t, s}
#define R(t, s) {DOC_ROW, 0, t, s}
#define Q(t, s) {DOC_QUOTE, 0, t, s}
#define C(t, s) {DOC_CODE, 0, t, s}

static const text_case cases[] = {
    {"front matter", 1,
     "---\ntitle: \"Hello World\"\ndate: May 8, 2026\nAuthor: 'Jane Doe'\n"
     "url: https://example.com/a\n---\n# Heading\n\nBody text.\n",
     NULL, "Hello World", "2026-05-08", "front-matter", "Jane Doe", "https://example.com/a", NULL,
     {H(1, "Heading", NULL), P("Body text.", "Heading")}},
    {"front matter closed by dots, plain text", 0,
     "---\nTitle: Dotted\nlink: \"https://example.com/b\"\nsite: Example\n...\nJust a line.\n",
     NULL, "Dotted", NULL, NULL, NULL, "https://example.com/b", "Example",
     {P("Just a line.", NULL)}},
    {"unclosed front matter is a rule", 1,
     "---\ntitle: x\n\nText\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("title: x", NULL), P("Text", NULL)}},
    {"atx headings nest", 1,
     "# A\nIntro.\n## B\nPara b.\n### C ###\nPara c.\n## D\nPara d.\n#NotHeading\n",
     NULL, "A", NULL, NULL, NULL, NULL, NULL,
     {H(1, "A", NULL), P("Intro.", "A"), H(2, "B", "A"), P("Para b.", "A > B"),
      H(3, "C", "A > B"), P("Para c.", "A > B > C"), H(2, "D", "A"),
      P("Para d.\n#NotHeading", "A > D")}},
    {"setext headings and rules", 1,
     "Title\n=====\nSome text.\n\nSub\n---\nMore.\n\n---\n\nAfter rule.\n",
     NULL, "Title", NULL, NULL, NULL, NULL, NULL,
     {H(1, "Title", NULL), P("Some text.", "Title"), H(2, "Sub", "Title"),
      P("More.", "Title > Sub"), P("After rule.", "Title > Sub")}},
    {"bullets and nesting", 1,
     "- one\n* two\n+ three\n\xe2\x80\xa2 four\n  - nested\n    - deeper\n- back\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {I(1, "one", NULL), I(1, "two", NULL), I(1, "three", NULL), I(1, "four", NULL),
      I(2, "nested", NULL), I(3, "deeper", NULL), I(1, "back", NULL)}},
    {"numbered lists, an indented list is level 1", 0,
     "Steps:\n\n  1. Architecture\n  2. Speed\n  10. Community\n\n1) first\n2) second\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("Steps:", NULL), I(1, "Architecture", NULL), I(1, "Speed", NULL),
      I(1, "Community", NULL), I(1, "first", NULL), I(1, "second", NULL)}},
    {"hr lines are not items", 1,
     "- - -\n* * *\n___\nText\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("Text", NULL)}},
    {"pipe table rows", 0,
     "Feature | Node.js | Python |\n|---|:---:|---|\nType | runtime | language |\n\n"
     "| x | y |\n\na | b\n\n| x |\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {R("Feature | Node.js | Python |", NULL), R("Type | runtime | language |", NULL),
      R("| x | y |", NULL), P("a | b", NULL), P("| x |", NULL)}},
    {"a section row inside a pipe table", 1,
     "| Feature | Kestrel | Wren |\n|---|---|---|\n| **Runtime** |||\n| Speed | fast | slow |\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {R("| Feature | Kestrel | Wren |", NULL), R("| **Runtime** |||", NULL), R("| Speed | fast | slow |", NULL)}},
    {"fenced code", 1,
     "Text before.\n```python\nprint('x')\n\nx = 1\n```\nAfter.\n``` inline ``` is text\n~~~\nunclosed\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("Text before.", NULL), C("print('x')\n\nx = 1", NULL),
      P("After.\n``` inline ``` is text", NULL), C("unclosed", NULL)}},
    /* container directives (remark-directive, Pandoc fenced divs,
     * Docusaurus admonitions): their fences are markup and end blocks */
    {"markdown: container directive fences", 1,
     ":::card{:size=\"lg\" .mb-5}\nWhat is Kestrel?\n:::\n:::aside\nKestrel is a runtime.\n:::\n"
     "::: {.note}\nIt starts fast.\n\n:::::\n:::tip Good to know\nWren is smaller.\n:::\n"
     "Ratio 3:::2 stays.\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("What is Kestrel?", NULL), P("Kestrel is a runtime.", NULL), P("It starts fast.", NULL),
      P("Wren is smaller.", NULL), P("Ratio 3:::2 stays.", NULL)}},
    /* template tags alone on a line (Liquid, Hugo and Zola shortcodes)
     * are markup; a highlight tag opens code */
    {"markdown: template tags", 1,
     "Kestrel starts fast.\n{% include cta.html %}\nWren is small.\n"
     "{{< figure src=\"a.png\" >}}\n{% highlight go %}\nfunc main() {}\n{% endhighlight %}\n"
     "{{< highlight go >}}\nx := 1\n{{< /highlight >}}\n{{ video(url=\"v\") }}\nDone.\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("Kestrel starts fast.", NULL), P("Wren is small.", NULL), C("func main() {}", NULL), C("x := 1", NULL),
      P("Done.", NULL)}},
    /* an HTML table in Markdown: its rows are rows */
    {"markdown: an HTML table", 1,
     "Kestrel is fast.\n<table class=\"t\">\n  <thead>\n    <tr>\n      <th>Feature</th>\n      <th>Kestrel</th>\n"
     "    </tr>\n  </thead>\n  <tr><td>Speed</td><td>high</td>\n  <tr><td>Size</td><td>small</td></tr>\n</table>\n"
     "Wren is small.\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("Kestrel is fast.", NULL),
      R("<tr>\n      <th>Feature</th>\n      <th>Kestrel</th>\n    </tr>", NULL),
      R("<tr><td>Speed</td><td>high</td>", NULL), R("<tr><td>Size</td><td>small</td></tr>", NULL),
      P("Wren is small.", NULL)}},
    {"plain text: colons are text", 0,
     ":::\nKestrel is a runtime.\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P(":::\nKestrel is a runtime.", NULL)}},
    {"block quotes", 1,
     "> quoted line\n> more\n>\n> second quote\n\nafter\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {Q("quoted line\n> more", NULL), Q("second quote", NULL), P("after", NULL)}},
    {"CRLF line endings", 1,
     "# Title\r\n\r\nLine one\r\nline two\r\n- item\r\n| a | b |\r\n",
     NULL, "Title", NULL, NULL, NULL, NULL, NULL,
     {H(1, "Title", NULL), P("Line one\r\nline two", "Title"), I(1, "item", "Title"),
      R("| a | b |", "Title")}},
    {"BOM", 0,
     "\xef\xbb\xbfHello Title\n\nThis is the body of the text, and it is a whole sentence.\n",
     NULL, "Hello Title", NULL, NULL, NULL, NULL, NULL,
     {H(1, "Hello Title", NULL),
      P("This is the body of the text, and it is a whole sentence.", "Hello Title")}},
    {"empty file", 0, "", NULL, NULL, NULL, NULL, NULL, NULL, NULL, {{0}}},
    {"blank lines only", 1, "\n \r\n\t\n", NULL, NULL, NULL, NULL, NULL, NULL, NULL, {{0}}},
    {"no-break spaces are trimmed", 0,
     "Check out our courses,\xc2\xa0 \n\xc2\xa0\nNext line.\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("Check out our courses,", NULL), P("Next line.", NULL)}},
    /* a line that is one strong span opens a block of its own (a
     * title or a claim), not the first words of the next sentence */
    {"markdown: a strong line over its paragraph", 1,
     "Kestrel notes follow here.\n"
     "**Security**\n"
     "Kestrel denies file access by default.\n"
     "**No more lock files**\n"
     "This one caused some controversy.\n"
     "**Fast** builds and **small** images\n"
     "come with every release.\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("Kestrel notes follow here.", NULL), P("**Security**", NULL), P("Kestrel denies file access by default.", NULL),
      P("**No more lock files**", NULL),
      P("This one caused some controversy.\n**Fast** builds and **small** images\ncome with every release.", NULL)}},
    {"markdown headings in plain text", 0,
     "# Intro\n\nSome body text here.\n\n## Part\n\nMore text.\n",
     NULL, "Intro", NULL, NULL, NULL, NULL, NULL,
     {H(1, "Intro", NULL), P("Some body text here.", "Intro"), H(2, "Part", "Intro"),
      P("More text.", "Intro > Part")}},
    {"hard-wrapped text joins lines", 0,
     "Plain Notes\n\nIntroduction\n\nThis paragraph is wrapped at a modest width, the\n"
     "way an editor wraps it, and goes on to a second\nand a third line.\n\n"
     "- an item that wraps\n  onto a second line\n- another\n",
     NULL, "Plain Notes", NULL, NULL, NULL, NULL, NULL,
     {H(1, "Plain Notes", NULL), H(1, "Introduction", NULL),
      P("This paragraph is wrapped at a modest width, the\n"
        "way an editor wraps it, and goes on to a second\nand a third line.", "Introduction"),
      I(1, "an item that wraps\n  onto a second line", "Introduction"),
      I(1, "another", "Introduction")}},
    {"line mode: question heading, ':' line is not one", 0,
     "Node.js is a JavaScript runtime that lets developers run JavaScript on the server, "
     "outside the browser, using Google's V8 engine.\n"
     "What is the event loop?\n"
     "The event loop lets Node.js handle many connections at once without threads, because "
     "every I/O call returns at once and reports back later.\n"
     "It is the reason Node.js suits chat servers.\n"
     "Key points to note:\n"
     "Blocking the loop with heavy computation stalls every client, so CPU-bound work belongs "
     "in worker threads or in another service.\n"
     "- keep handlers short\n"
     "Summary\n"
     "- a list follows\n"
     "Closing Thoughts\n"
     "short\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("Node.js is a JavaScript runtime that lets developers run JavaScript on the server, "
        "outside the browser, using Google's V8 engine.", NULL),
      H(1, "What is the event loop?", NULL),
      P("The event loop lets Node.js handle many connections at once without threads, because "
        "every I/O call returns at once and reports back later.", "What is the event loop?"),
      P("It is the reason Node.js suits chat servers.", "What is the event loop?"),
      P("Key points to note:", "What is the event loop?"),
      P("Blocking the loop with heavy computation stalls every client, so CPU-bound work belongs "
        "in worker threads or in another service.", "What is the event loop?"),
      I(1, "keep handlers short", "What is the event loop?"),
      H(1, "Summary", NULL),
      I(1, "a list follows", "Summary"),
      P("Closing Thoughts", "Summary"),
      P("short", "Summary")}},
    /* a long line broken mid-sentence goes on on the next line when
     * that one opens in lower case; not after a sentence's end, nor a
     * short line */
    {"line mode: a broken sentence goes on", 0,
     "Kestrel is a small runtime for writing network services, and it is compared here with Wren "
     "on speed and tools.\n"
     "- Good fit for chat. Its event loop works well with socket libraries such as the ones in the "
     "standard set, like\n"
     "ws and a few others, which makes live features easy to build.\n"
     "Wren starts slowly, and its package manager is still young, so builds take long on large "
     "projects today.\n"
     "many teams still pick it.\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("Kestrel is a small runtime for writing network services, and it is compared here with Wren "
        "on speed and tools.", NULL),
      I(1, "Good fit for chat. Its event loop works well with socket libraries such as the ones in the "
           "standard set, like\nws and a few others, which makes live features easy to build.", NULL),
      P("Wren starts slowly, and its package manager is still young, so builds take long on large "
        "projects today.", NULL),
      P("many teams still pick it.", NULL)}},
    /* a title over a list, or over a heading over its paragraph, is a
     * heading; a label line or an unpunctuated sentence is not */
    {"line mode: titles over lists and headings", 0,
     "Kestrel and Wren are two small runtimes for writing network services, compared here on "
     "their drawbacks and their tools.\n"
     "Drawbacks of Kestrel\n"
     "- slow cold starts\n"
     "2.Tooling\n"
     "Kestrel\n"
     "The Kestrel debugger attaches to a running process and shows every thread with its stack, "
     "which few runtimes of its age can do.\n"
     "Cons: slow cold starts, small community\n"
     "Wren Notes\n"
     "Wren ships a single binary that runs on every major platform, so installing it takes a "
     "minute and needs no package manager at all.\n"
     "Teams adopting Kestrel early found that upgrades between minor versions were smooth\n"
     "Outlook\n"
     "Both runtimes are maintained by active groups and publish releases every quarter, with "
     "long-term support for the even versions.\n",
     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     {P("Kestrel and Wren are two small runtimes for writing network services, compared here on "
        "their drawbacks and their tools.", NULL),
      H(1, "Drawbacks of Kestrel", NULL),
      I(1, "slow cold starts", "Drawbacks of Kestrel"),
      H(1, "2.Tooling", NULL),
      H(1, "Kestrel", NULL),
      P("The Kestrel debugger attaches to a running process and shows every thread with its stack, "
        "which few runtimes of its age can do.", "Kestrel"),
      P("Cons: slow cold starts, small community", "Kestrel"),
      H(1, "Wren Notes", NULL),
      P("Wren ships a single binary that runs on every major platform, so installing it takes a "
        "minute and needs no package manager at all.", "Wren Notes"),
      P("Teams adopting Kestrel early found that upgrades between minor versions were smooth", "Wren Notes"),
      H(1, "Outlook", NULL),
      P("Both runtimes are maintained by active groups and publish releases every quarter, with "
        "long-term support for the even versions.", "Outlook")}},
    {"line mode: title, dateline on the line after its label, byline", 0,
     "Node JS vs Python: Difference Between Them\n"
     "Last updated:\n"
     "20th Jun, 2023\n"
     "By Jane Q. Doe\n"
     "Node.js and Python are both widely used for back-end development, and this article "
     "compares them on speed, syntax and scalability.\n"
     "Speed\n"
     "Node.js runs on the V8 engine and handles input and output without blocking, which makes "
     "it fast for web servers and APIs.\n",
     NULL, "Node JS vs Python: Difference Between Them", "2023-06-20", "text", "Jane Q. Doe",
     NULL, NULL,
     {H(1, "Node JS vs Python: Difference Between Them", NULL),
      P("Last updated:", "Node JS vs Python: Difference Between Them"),
      P("20th Jun, 2023", "Node JS vs Python: Difference Between Them"),
      P("By Jane Q. Doe", "Node JS vs Python: Difference Between Them"),
      P("Node.js and Python are both widely used for back-end development, and this article "
        "compares them on speed, syntax and scalability.",
        "Node JS vs Python: Difference Between Them"),
      H(1, "Speed", NULL),
      P("Node.js runs on the V8 engine and handles input and output without blocking, which "
        "makes it fast for web servers and APIs.", "Speed")}},
    {"no title from a sentence; a byline needs a capitalized name", 0,
     "This first line is a sentence.\n\nby upGrad\n\nWritten by Guido van Rossum\n",
     NULL, NULL, NULL, NULL, "Guido van Rossum", NULL, NULL,
     {P("This first line is a sentence.", NULL), P("by upGrad", NULL),
      P("Written by Guido van Rossum", NULL)}},
    {"a dateline is neither title nor heading", 0,
     "May 8, 2026\n"
     "Both runtimes are mature, and the choice between them depends far more on the team "
     "and the workload than on benchmarks.\n",
     NULL, NULL, "2026-05-08", "text", NULL, NULL, NULL,
     {P("May 8, 2026", NULL),
      P("Both runtimes are mature, and the choice between them depends far more on the team "
        "and the workload than on benchmarks.", NULL)}},
    {"plain text: underlined short lines are headings, a long one is not", 0,
     "Intro Words\n===========\n\n"
     "This paragraph is long enough to make the file read as one paragraph a line, the layout "
     "of text taken from web pages.\n---\n"
     "Sub Part\n--------\nText here is a sentence.\n",
     NULL, "Intro Words", NULL, NULL, NULL, NULL, NULL,
     {H(1, "Intro Words", NULL),
      P("This paragraph is long enough to make the file read as one paragraph a line, the "
        "layout of text taken from web pages.", "Intro Words"),
      H(2, "Sub Part", "Intro Words"), P("Text here is a sentence.", "Intro Words > Sub Part")}},
    {"markdown: date and author from the top lines", 1,
     "# Title\n\nBy Jane Doe\n\nPublished on May 8, 2026\n\nBody.\n",
     NULL, "Title", "2026-05-08", "text", "Jane Doe", NULL, NULL,
     {H(1, "Title", NULL), P("By Jane Doe", "Title"), P("Published on May 8, 2026", "Title"),
      P("Body.", "Title")}},
    {"fixture: article.md", 1, NULL, "tests/fixtures/text/article.md",
     "Choosing a Backend", "2026-05-08", "front-matter", "Jane Doe",
     "https://example.com/backend", "Example Blog",
     {P("Intro paragraph, first line\nand its second line.", NULL),
      H(1, "Runtimes", NULL), H(2, "Node.js", "Runtimes"),
      I(1, "event loop\n  with lazy continuation", "Runtimes > Node.js"),
      I(2, "nested item", "Runtimes > Node.js"), I(1, "npm", "Runtimes > Node.js"),
      I(1, "first", "Runtimes > Node.js"), I(1, "second", "Runtimes > Node.js"),
      R("| Runtime | Language |", "Runtimes > Node.js"),
      R("| Node.js | JavaScript |", "Runtimes > Node.js"),
      C("int main(void) { return 0; }", "Runtimes > Node.js"),
      Q("Quoted line\n> and more.", "Runtimes > Node.js"),
      H(2, "Python", "Runtimes"), P("Text under Python.", "Runtimes > Python")}},
    {"fixture: wrapped.txt", 0, NULL, "tests/fixtures/text/wrapped.txt",
     "Notes On Choosing A Backend", "2026-05-08", "text", "John Smith", NULL, NULL,
     {H(1, "Notes On Choosing A Backend", NULL),
      P("By John Smith\nPublished on May 8, 2026", "Notes On Choosing A Backend"),
      H(1, "Introduction", NULL),
      P("This is a hard-wrapped paragraph that goes on for a while and then\n"
        "wraps onto the next line, as plain text written in an editor usually\ndoes.",
        "Introduction"),
      I(1, "a list item that is wrapped\n  over two lines", "Introduction"),
      I(1, "second item", "Introduction"),
      P("Things to weigh:\nspeed, syntax, libraries.", "Introduction")}},
};

static void check_field(const char *what, const char *name, const char *got, const char *want)
{
    if (!want)
        ck_assert_msg(!got, "%s: %s = \"%s\", want none", name, what, got);
    else
        ck_assert_msg(got && !strcmp(got, want), "%s: %s = \"%s\", want \"%s\"", name, what,
                      got ? got : "(null)", want);
}

START_TEST(test_cases)
{
    const text_case *c = &cases[_i];
    size_t len;
    char *in = c->in ? kb_strdup(c->in) : tu_read_file(c->file, &len);
    len = strlen(in);
    doc d;
    char *err = NULL;
    doc_init(&d, c->markdown ? DOC_MARKDOWN : DOC_TEXT);
    ck_assert_msg(text_extract(in, len, c->markdown, &d, &err) == KB_OK, "%s: %s", c->name, err);
    ck_assert_ptr_null(err);
    /* the doc's text is the input's bytes, so offsets are file offsets */
    ck_assert_uint_eq(d.len, len);
    ck_assert(d.text[len] == '\0' && memcmp(d.text, in, len) == 0);

    check_field("title", c->name, d.meta.title, c->title);
    check_field("date", c->name, d.meta.date, c->date);
    check_field("date_basis", c->name, d.meta.date_basis, c->basis);
    check_field("author", c->name, d.meta.author, c->author);
    check_field("url", c->name, d.meta.url, c->url);
    check_field("site", c->name, d.meta.site, c->site);

    size_t n = 0;
    while (n < MAXB && c->b[n].text) n++;
    for (size_t i = 0; i < d.nblocks && i < n; i++) {
        const doc_block *b = &d.blocks[i];
        const want_block *w = &c->b[i];
        int tl = (int)(b->end - b->start);
        ck_assert_msg(b->kind == w->kind && b->level == w->level &&
                      strlen(w->text) == (size_t)tl && !memcmp(d.text + b->start, w->text, (size_t)tl),
                      "%s: block %zu is %s/%d \"%.*s\", want %s/%d \"%s\"", c->name, i,
                      doc_kind_name(b->kind), b->level, tl, d.text + b->start,
                      doc_kind_name(w->kind), w->level, w->text);
        check_field("section", c->name, b->section, w->section);
    }
    ck_assert_msg(d.nblocks == n, "%s: %zu blocks, want %zu", c->name, d.nblocks, n);
    doc_free(&d);
    free(in);
}
END_TEST

/* Offsets after a BOM, front matter and CRLF point into the original. */
START_TEST(test_offsets)
{
    static const struct { int markdown; const char *in; const char *first; } t[] = {
        {0, "\xef\xbb\xbfTitle\n\nA sentence of body text.\n", "Title"},
        {1, "---\ntitle: T\n---\r\n\r\nBody line.\r\n", "Body line."},
        {1, "\xef\xbb\xbf---\r\ntitle: T\r\n---\r\n- item\r\n", "item"},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        doc d;
        char *err = NULL;
        doc_init(&d, DOC_TEXT);
        ck_assert_int_eq(text_extract(t[i].in, strlen(t[i].in), t[i].markdown, &d, &err), KB_OK);
        ck_assert_uint_ge(d.nblocks, 1);
        size_t want = (size_t)(strstr(t[i].in, t[i].first) - t[i].in);
        ck_assert_uint_eq(d.blocks[0].start, want);
        ck_assert_uint_eq(d.blocks[0].end, want + strlen(t[i].first));
        doc_free(&d);
    }
}
END_TEST

static const struct err_case {
    const char *in;
    size_t len;
    const char *msg;
} err_cases[] = {
    {"abc\xff", 4, "invalid UTF-8 at byte 3"},
    {"ab\xe2\x80", 4, "invalid UTF-8 at byte 2"},
    {"\xc0\xaf rest", 7, "invalid UTF-8 at byte 0"},
    {"ok\xed\xa0\x80", 5, "invalid UTF-8 at byte 2"},  /* a surrogate */
    {"ab\0cd", 5, "contains a NUL byte at offset 2 (binary file?)"},
    {"\x89PNG\r\n\x1a\n\0\0", 10, "contains a NUL byte at offset 8 (binary file?)"},
};

START_TEST(test_errors)
{
    const struct err_case *e = &err_cases[_i];
    for (int md = 0; md <= 1; md++) {
        doc d;
        char *err = NULL;
        doc_init(&d, DOC_TEXT);
        ck_assert_int_eq(text_extract(e->in, e->len, md, &d, &err), KB_ERR);
        ck_assert_ptr_nonnull(err);
        ck_assert_str_eq(err, e->msg);
        ck_assert_uint_eq(d.nblocks, 0);
        free(err);
        doc_free(&d);
    }
}
END_TEST

static int is_space_at(const char *s, size_t i, size_t len)
{
    return isspace((unsigned char)s[i]) ||
           (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0);
}

/* A line the extractor must keep as a table row: two or more pipes and
 * not a separator row (this test's own reading, not the extractor's). */
static int looks_like_row(const char *s, size_t n)
{
    size_t pipes = 0;
    int other = 0;
    for (size_t i = 0; i < n; i++) {
        pipes += s[i] == '|';
        other |= !strchr("|-: \t\r", s[i]);
    }
    return pipes >= 2 && other;
}

/* General invariants on every article in corpus/, plus what general
 * rules should find in one of them (title line, date line under it). */
START_TEST(test_corpus)
{
    glob_t g;
    ck_assert_int_eq(glob("corpus/*.txt", 0, NULL, &g), 0);
    ck_assert_uint_ge(g.gl_pathc, 1);
    for (size_t f = 0; f < g.gl_pathc; f++) {
        const char *path = g.gl_pathv[f];
        size_t len;
        char *in = tu_read_file(path, &len);
        doc d;
        char *err = NULL;
        doc_init(&d, DOC_TEXT);
        ck_assert_msg(text_extract(in, len, 0, &d, &err) == KB_OK, "%s: %s", path, err);
        ck_assert_uint_gt(d.nblocks, 10);
        size_t prev_end = 0;
        for (size_t i = 0; i < d.nblocks; i++) {
            const doc_block *b = &d.blocks[i];
            ck_assert_msg(b->start < b->end && b->end <= d.len, "%s: block %zu range", path, i);
            ck_assert_msg(b->start >= prev_end, "%s: block %zu overlaps or is out of order", path, i);
            ck_assert_msg(!is_space_at(d.text, b->start, d.len) &&
                          !isspace((unsigned char)d.text[b->end - 1]) &&
                          !(b->end - b->start >= 2 && (unsigned char)d.text[b->end - 2] == 0xC2 &&
                            (unsigned char)d.text[b->end - 1] == 0xA0),
                          "%s: block %zu not trimmed", path, i);
            ck_assert(b->kind != DOC_HEADING || (b->level >= 1 && b->level <= 6));
            prev_end = b->end;
        }
        /* every pipe-table line is one DOC_ROW spanning the line */
        size_t rows = 0;
        for (size_t pos = 0, bi = 0; pos < len;) {
            const char *nl = memchr(in + pos, '\n', len - pos);
            size_t end = nl ? (size_t)(nl - in) : len, n = end - pos;
            const char *t = kb_trim(in + pos, &n);
            if (looks_like_row(t, n)) {
                size_t at = (size_t)(t - in);
                while (bi < d.nblocks && d.blocks[bi].start < at) bi++;
                ck_assert_msg(bi < d.nblocks && d.blocks[bi].kind == DOC_ROW &&
                              d.blocks[bi].start == at && d.blocks[bi].end == at + n,
                              "%s: table line at %zu is not a row block", path, at);
                rows++;
            }
            pos = nl ? end + 1 : len;
        }
        if (strstr(path, "000_8ce771bb35dfdba8")) {
            ck_assert_uint_eq(rows, 9);
            ck_assert_str_eq(d.meta.title, "Node.js vs. Python: Key differences between Node.js and Python");
            ck_assert_str_eq(d.meta.date, "2026-05-08");
            ck_assert_str_eq(d.meta.date_basis, "text");
            ck_assert_int_eq(d.blocks[0].kind, DOC_HEADING);
        }
        doc_free(&d);
        free(in);
    }
    globfree(&g);
}
END_TEST

/* Lists nested deeper than kb tracks (16 levels) keep every item; the
 * deeper ones are given the last level tracked. */
START_TEST(test_deep_list)
{
    buf b = BUF_INIT;
    doc d;
    char *err = NULL;
    for (int i = 0; i < 20; i++) {
        for (int k = 0; k < 2 * i; k++) buf_addc(&b, ' ');
        buf_adds(&b, "- item\n");
    }
    doc_init(&d, DOC_MARKDOWN);
    ck_assert_int_eq(text_extract(b.data, b.len, 1, &d, &err), KB_OK);
    ck_assert_uint_eq(d.nblocks, 20);
    for (size_t i = 0; i < d.nblocks; i++) {
        ck_assert_int_eq(d.blocks[i].kind, DOC_ITEM);
        ck_assert_int_eq(d.blocks[i].level, i < 16 ? (int)i + 1 : 16);
    }
    doc_free(&d);
    buf_free(&b);
}
END_TEST

/* Linear time: a few MB as one line, as short lines, and as short
 * heading-like lines (the lookahead case), well within the timeout. */
START_TEST(test_large)
{
    static const struct { const char *unit; size_t nblocks; } t[] = {
        {"word ", 1},
        {"short wrapped line\n", 1},
        {"Heading Like Line\n\n", 0},
        {"a | b | c |\n", 0},
    };
    size_t size = 4u << 20;
    for (size_t k = 0; k < sizeof t / sizeof *t; k++) {
        size_t ul = strlen(t[k].unit), n = size / ul;
        char *in = kb_malloc(n * ul + 1);
        for (size_t i = 0; i < n; i++) memcpy(in + i * ul, t[k].unit, ul);
        doc d;
        char *err = NULL;
        doc_init(&d, DOC_TEXT);
        ck_assert_int_eq(text_extract(in, n * ul, 0, &d, &err), KB_OK);
        ck_assert_uint_eq(d.nblocks, t[k].nblocks ? t[k].nblocks : n);
        doc_free(&d);
        free(in);
    }
}
END_TEST

static Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_cases, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_test(tc, test_offsets);
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof err_cases / sizeof *err_cases));
    tcase_add_test(tc, test_corpus);
    tcase_add_test(tc, test_deep_list);
    suite_add_tcase(s, tc);
    TCase *big = tcase_create("large");
    tcase_set_timeout(big, 120);
    tcase_add_test(big, test_large);
    suite_add_tcase(s, big);
    return s;
}

int main(void)
{
    return tu_run(text_suite());
}
