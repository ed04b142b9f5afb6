/*
 * check_charset.c - tests for charset.c: byte-order marks, the <meta>
 * prescan, the detection rules, and conversion to UTF-8 (windows-1252
 * byte by byte, UTF-16, iconv).  html_extract's own encoding tests stay
 * in check_html.c: they test the page, these the decisions.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "charset.h"
#include "norm.h"
#include "testutil.h"
#include "util.h"

#define NCASES(a) ((int)(sizeof a / sizeof a[0]))
#define LEN(s) (sizeof s - 1)   /* for literals holding NUL bytes */

/* Append code point cp as UTF-8: written here, not shared with
 * charset.c, so the tables below are checked against an independent
 * encoder. */
static void put_utf8(buf *b, unsigned cp)
{
    if (cp < 0x80) {
        buf_addc(b, (int)cp);
    } else if (cp < 0x800) {
        buf_addc(b, (int)(0xC0 | cp >> 6));
        buf_addc(b, (int)(0x80 | (cp & 0x3F)));
    } else {
        buf_addc(b, (int)(0xE0 | cp >> 12));
        buf_addc(b, (int)(0x80 | (cp >> 6 & 0x3F)));
        buf_addc(b, (int)(0x80 | (cp & 0x3F)));
    }
}

static const char *kind_name(charset_kind k)
{
    static const char *const names[] = {"UTF8", "UTF16LE", "UTF16BE", "WINDOWS1252", "OTHER"};
    return (unsigned)k < 5 ? names[k] : "?";
}

/* ---- byte-order marks ------------------------------------------------------ */

static const struct {
    const char *data;
    size_t len;
    charset_kind kind;
    size_t bom;
} bom_cases[] = {
    {"\xEF\xBB\xBF<p>", 6, CHARSET_UTF8, 3},
    {"\xEF\xBB\xBF", 3, CHARSET_UTF8, 3},
    {"\xFF\xFE<\0", 4, CHARSET_UTF16LE, 2},
    {"\xFE\xFF\0<", 4, CHARSET_UTF16BE, 2},
    {"\xFF\xFE", 2, CHARSET_UTF16LE, 2},
    {"\xEF\xBB", 2, CHARSET_UTF8, 0},       /* a BOM cut short is none */
    {"\xFF", 1, CHARSET_UTF8, 0},
    {"\xBB\xEF\xBF", 3, CHARSET_UTF8, 0},
    {"<p>", 3, CHARSET_UTF8, 0},
    {"", 0, CHARSET_UTF8, 0},
};

START_TEST(test_bom)
{
    charset_kind k = CHARSET_OTHER;
    size_t n = charset_bom(bom_cases[_i].data, bom_cases[_i].len, &k);
    ck_assert_msg(n == bom_cases[_i].bom && k == bom_cases[_i].kind,
                  "case %d: bom %zu kind %s, want %zu %s", _i, n, kind_name(k),
                  bom_cases[_i].bom, kind_name(bom_cases[_i].kind));
}
END_TEST

/* ---- the <meta> prescan ------------------------------------------------------ */

static const struct {
    const char *html;
    const char *want;   /* NULL: no declaration found */
} meta_cases[] = {
    {"<meta charset=utf-8>", "utf-8"},
    {"<meta charset=\"UTF-8\">", "UTF-8"},
    {"<META CHARSET='ISO-8859-1'>", "ISO-8859-1"},
    {"<meta charset = \" koi8-r \" >", "koi8-r"},
    {"<meta\tcharset=windows-1252/>", "windows-1252"},
    {"<meta/charset=utf-8>", "utf-8"},
    {"<Meta\nCharSet=\"Shift_JIS\">", "Shift_JIS"},
    {"<meta charset=utf-8;junk>", "utf-8"},
    {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
     "windows-1252"},
    {"<meta content='text/html;charset=iso-8859-15' http-equiv='content-type'>", "iso-8859-15"},
    {"<META HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"TEXT/HTML; CHARSET = EUC-JP\">", "EUC-JP"},
    {"<html><head><meta name=\"viewport\" content=\"width=device-width\">"
     "<meta charset=\"utf-8\"></head>", "utf-8"},
    {"<meta charset=utf-8", "utf-8"},           /* a tag cut short still counts */
    {"<p>charset=utf-8</p>", NULL},             /* only inside <meta> */
    {"<meta name=x>charset=utf-8", NULL},
    {"<metadata charset=utf-8>", NULL},
    {"<meta charset=\"\">", NULL},
    {"<meta charset>", NULL},
    {"<meta charset=\"  \">", NULL},
    {"<meta http-equiv=\"Content-Type\" content=\"text/html\">", NULL},
    {"", NULL},
};

START_TEST(test_meta)
{
    char name[CHARSET_NAME_MAX] = "unchanged";
    const char *html = meta_cases[_i].html, *want = meta_cases[_i].want;
    int got = charset_meta(html, strlen(html), name, sizeof name);
    if (!want)
        ck_assert_msg(!got, "case %d: found \"%s\" in %s", _i, name, html);
    else
        ck_assert_msg(got && !strcmp(name, want), "case %d: got %s, want \"%s\"", _i,
                      got ? name : "nothing", want);
}
END_TEST

START_TEST(test_meta_window)
{
    /* only the first 1024 bytes are read, as HTML5's prescan does */
    static const char tag[] = "<meta charset=utf-8>";
    char name[CHARSET_NAME_MAX];
    buf b = BUF_INIT;
    while (b.len < 1024 - LEN(tag)) buf_addc(&b, ' ');
    buf_adds(&b, tag);
    ck_assert_uint_eq(b.len, 1024);
    ck_assert_int_eq(charset_meta(b.data, b.len, name, sizeof name), 1);
    buf_reset(&b);
    while (b.len < 1024) buf_addc(&b, ' ');
    buf_adds(&b, tag);
    ck_assert_int_eq(charset_meta(b.data, b.len, name, sizeof name), 0);
    buf_free(&b);

    /* a name that does not fit is not found (no name is that long) */
    ck_assert_int_eq(charset_meta(tag, LEN(tag), name, 5), 0);
    ck_assert_int_eq(charset_meta(tag, LEN(tag), name, 6), 1);
    ck_assert_str_eq(name, "utf-8");
}
END_TEST

/* ---- detection ---------------------------------------------------------------- */

static const struct {
    const char *data;
    size_t len;            /* 0: strlen */
    const char *declared;
    charset_kind kind;
    const char *name;
    size_t bom;
    const char *err;       /* non-NULL: KB_ERR with this in the message */
} detect_cases[] = {
    /* no declaration: valid UTF-8 is UTF-8, anything else windows-1252 */
    {"", 0, NULL, CHARSET_UTF8, "UTF-8", 0, NULL},
    {"plain ASCII", 0, NULL, CHARSET_UTF8, "UTF-8", 0, NULL},
    {"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", 0, NULL, CHARSET_UTF8, "UTF-8", 0, NULL},
    {"caf\xE9", 0, NULL, CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    {"\x93quoted\x94", 0, NULL, CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    {"caf\xC3", 0, NULL, CHARSET_WINDOWS1252, "windows-1252", 0, NULL},   /* cut short */
    {"\xED\xA0\x80", 0, NULL, CHARSET_WINDOWS1252, "windows-1252", 0, NULL}, /* surrogate */
    {"\xC0\xAF", 0, NULL, CHARSET_WINDOWS1252, "windows-1252", 0, NULL},     /* overlong */
    /* declared UTF-8 must be valid UTF-8 */
    {"caf\xC3\xA9", 0, "utf-8", CHARSET_UTF8, "UTF-8", 0, NULL},
    {"caf\xE9", 0, "UTF-8", 0, NULL, 0, "declares UTF-8 but is not valid UTF-8 (byte 3)"},
    {"ab\xFF", 0, "utf8", 0, NULL, 0, "(byte 2)"},
    {"x\xC3", 0, "Unicode-1-1-UTF-8", 0, NULL, 0, "(byte 1)"},
    /* a UTF-8 BOM declares UTF-8 too, over any name; offsets count it */
    {"\xEF\xBB\xBF" "caf\xC3\xA9", 0, NULL, CHARSET_UTF8, "UTF-8", 3, NULL},
    {"\xEF\xBB\xBF" "caf\xC3\xA9", 0, "windows-1252", CHARSET_UTF8, "UTF-8", 3, NULL},
    {"\xEF\xBB\xBF" "caf\xE9", 0, NULL, 0, NULL, 0, "not valid UTF-8 (byte 6)"},
    {"\xEF\xBB\xBF" "caf\xE9", 0, "windows-1252", 0, NULL, 0, "(byte 6)"},
    /* UTF-16 BOMs win over everything; their NULs are not binary */
    {"\xFF\xFEh\0i\0", 6, NULL, CHARSET_UTF16LE, "UTF-16LE", 2, NULL},
    {"\xFE\xFF\0h\0i", 6, "utf-8", CHARSET_UTF16BE, "UTF-16BE", 2, NULL},
    {"\xFF\xFE", 2, "windows-1252", CHARSET_UTF16LE, "UTF-16LE", 2, NULL},
    /* Latin-1 and ASCII are read as windows-1252, in any case */
    {"na\xEFve", 0, "ISO-8859-1", CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    {"na\xEFve", 0, "latin1", CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    {"\x80", 0, "US-ASCII", CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    {"\x80", 0, "CP1252", CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    {"plain", 0, "windows-1252", CHARSET_UTF8, "UTF-8", 0, NULL},
    /* a stale legacy declaration: valid non-ASCII UTF-8 is read as UTF-8 */
    {"caf\xC3\xA9", 0, "iso-8859-1", CHARSET_UTF8, "UTF-8", 0, NULL},
    {"caf\xC3\xA9", 0, "koi8-r", CHARSET_UTF8, "UTF-8", 0, NULL},
    /* another encoding libxml2 knows: used for invalid UTF-8 or ASCII */
    {"\xF0\xD2\xC9\xD7\xC5\xD4", 0, "koi8-r", CHARSET_OTHER, "koi8-r", 0, NULL},
    {"plain", 0, "Shift_JIS", CHARSET_OTHER, "Shift_JIS", 0, NULL},
    {"\xA4", 0, "ISO-8859-15", CHARSET_OTHER, "ISO-8859-15", 0, NULL},
    /* UTF-16/32 named without a BOM, unknown or absurd names: ignored */
    {"plain", 0, "utf-16", CHARSET_UTF8, "UTF-8", 0, NULL},
    {"caf\xE9", 0, "UTF-16LE", CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    {"caf\xE9", 0, "utf-32be", CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    {"caf\xE9", 0, "x-no-such", CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    {"caf\xE9", 0, "", CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    {"caf\xE9", 0, "koi8-r-and-a-great-many-more-characters-than-any-name",
     CHARSET_WINDOWS1252, "windows-1252", 0, NULL},
    /* a NUL in the first 8 KB: binary, whatever is declared */
    {"ab\0cd", 5, NULL, 0, NULL, 0, "looks binary (NUL byte at offset 2)"},
    {"\0", 1, "utf-8", 0, NULL, 0, "(NUL byte at offset 0)"},
    {"\xEF\xBB\xBF\0", 4, NULL, 0, NULL, 0, "(NUL byte at offset 3)"},
};

START_TEST(test_detect)
{
    const char *data = detect_cases[_i].data;
    size_t len = detect_cases[_i].len ? detect_cases[_i].len : strlen(data);
    charset_info cs;
    char *err = NULL;
    int rc = charset_detect(data, len, detect_cases[_i].declared, &cs, &err);
    if (detect_cases[_i].err) {
        ck_assert_msg(rc == KB_ERR && err, "case %d: no error", _i);
        ck_assert_msg(strstr(err, detect_cases[_i].err) != NULL, "case %d: error \"%s\" lacks \"%s\"",
                      _i, err, detect_cases[_i].err);
        free(err);
        return;
    }
    ck_assert_msg(rc == KB_OK, "case %d: %s", _i, err ? err : "(no message)");
    ck_assert_ptr_null(err);
    ck_assert_msg(cs.kind == detect_cases[_i].kind, "case %d: kind %s, want %s", _i,
                  kind_name(cs.kind), kind_name(detect_cases[_i].kind));
    ck_assert_str_eq(cs.name, detect_cases[_i].name);
    ck_assert_uint_eq(cs.bom, detect_cases[_i].bom);
}
END_TEST

START_TEST(test_detect_nul_window)
{
    /* a NUL past the first 8 KB is not a sign of binary */
    charset_info cs;
    char *err = NULL;
    char *data = malloc(9000);
    memset(data, 'x', 9000);
    data[8192] = '\0';
    ck_assert_int_eq(charset_detect(data, 9000, NULL, &cs, &err), KB_OK);
    ck_assert_int_eq(cs.kind, CHARSET_UTF8);
    data[8191] = '\0';
    ck_assert_int_eq(charset_detect(data, 9000, NULL, &cs, &err), KB_ERR);
    ck_assert_str_eq(err, "looks binary (NUL byte at offset 8191)");
    free(err);
    free(data);
}
END_TEST

/* ---- windows-1252 ---------------------------------------------------------------- */

/* 0x80..0x9F as WHATWG's index-windows-1252 has them, except that the
 * five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD
 * instead of C1 controls. */
static const unsigned cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80 */
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, /* 88 */
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90 */
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178, /* 98 */
};

START_TEST(test_1252_high)
{
    /* each byte alone between ASCII is invalid UTF-8, so with no
     * declaration it is read as windows-1252 end to end */
    char in[4] = {'a', (char)(0x80 + _i), 'z', '\0'};
    buf want = BUF_INIT, got = BUF_INIT;
    charset_info cs;
    char *err = NULL;
    buf_addc(&want, 'a');
    put_utf8(&want, cp1252_high[_i]);
    buf_addc(&want, 'z');
    ck_assert_int_eq(charset_detect(in, 3, NULL, &cs, &err), KB_OK);
    ck_assert_int_eq(cs.kind, CHARSET_WINDOWS1252);
    ck_assert_int_eq(charset_to_utf8(in, 3, &cs, &got, &err), KB_OK);
    ck_assert_msg(got.len == want.len && !memcmp(got.data, want.data, want.len),
                  "byte 0x%02X gave \"%s\", want \"%s\"", 0x80 + _i, buf_cstr(&got), want.data);
    buf_free(&want);
    buf_free(&got);
}
END_TEST

START_TEST(test_1252_rest)
{
    /* ASCII is itself, 0xA0..0xFF are U+00A0..U+00FF (Latin-1) */
    charset_info cs = {CHARSET_WINDOWS1252, 0, "windows-1252"};
    char in[256];
    buf want = BUF_INIT, got = BUF_INIT;
    char *err = NULL;
    size_t n = 0;
    for (unsigned c = 1; c < 256; c++) {
        if (c >= 0x80 && c < 0xA0) continue;
        in[n++] = (char)c;
        put_utf8(&want, c);
    }
    ck_assert_int_eq(charset_to_utf8(in, n, &cs, &got, &err), KB_OK);
    ck_assert_uint_eq(got.len, want.len);
    ck_assert(!memcmp(got.data, want.data, want.len));
    buf_free(&want);
    buf_free(&got);
}
END_TEST

/* ---- conversion --------------------------------------------------------------------- */

static const struct {
    const char *data;
    size_t len;          /* 0: strlen */
    charset_kind kind;
    const char *name;
    size_t bom;
    const char *want;    /* NULL: an error containing err */
    const char *err;
} conv_cases[] = {
    {"caf\xC3\xA9", 0, CHARSET_UTF8, "UTF-8", 0, "caf\xC3\xA9", NULL},
    {"\xEF\xBB\xBFx", 0, CHARSET_UTF8, "UTF-8", 3, "x", NULL},
    {"", 0, CHARSET_UTF8, "UTF-8", 0, "", NULL},
    {"ab\xFF", 0, CHARSET_UTF8, "UTF-8", 0, NULL, "is not valid UTF-8 (byte 2)"},
    {"\xEF\xBB\xBF\xFF", 0, CHARSET_UTF8, "UTF-8", 3, NULL, "(byte 3)"},
    {"caf\xE9 \x80", 0, CHARSET_WINDOWS1252, "windows-1252", 0, "caf\xC3\xA9 \xE2\x82\xAC", NULL},
    /* UTF-16: h, e acute, space, euro; a pair for U+1F600 */
    {"\xFF\xFEh\0\xE9\0 \0\xAC\x20", 10, CHARSET_UTF16LE, "UTF-16LE", 2,
     "h\xC3\xA9 \xE2\x82\xAC", NULL},
    {"\xFE\xFF\0h\0\xE9\0 \x20\xAC", 10, CHARSET_UTF16BE, "UTF-16BE", 2,
     "h\xC3\xA9 \xE2\x82\xAC", NULL},
    {"\xFF\xFE\x3D\xD8\x00\xDE", 6, CHARSET_UTF16LE, "UTF-16LE", 2, "\xF0\x9F\x98\x80", NULL},
    {"\xFE\xFF\xD8\x3D\xDE\x00", 6, CHARSET_UTF16BE, "UTF-16BE", 2, "\xF0\x9F\x98\x80", NULL},
    {"\xFF\xFE", 2, CHARSET_UTF16LE, "UTF-16LE", 2, "", NULL},
    {"\xFF\xFE" "a\0\x3D\xD8", 6, CHARSET_UTF16LE, "UTF-16LE", 2, NULL,
     "is not valid UTF-16LE (lone surrogate at byte 4)"},
    {"\xFF\xFE\x3D\xD8" "a\0", 6, CHARSET_UTF16LE, "UTF-16LE", 2, NULL, "(lone surrogate at byte 2)"},
    {"\xFE\xFF\xDE\x00\0a", 6, CHARSET_UTF16BE, "UTF-16BE", 2, NULL,
     "is not valid UTF-16BE (lone surrogate at byte 2)"},
    {"\xFF\xFE" "a\0b", 5, CHARSET_UTF16LE, "UTF-16LE", 2, NULL, "(odd byte at 4)"},
    /* anything else through iconv */
    {"\xF0\xD2\xC9\xD7\xC5\xD4", 0, CHARSET_OTHER, "koi8-r", 0,
     "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82", NULL},
    {"\xA4", 0, CHARSET_OTHER, "ISO-8859-15", 0, "\xE2\x82\xAC", NULL},
    {"caf+AOk- +2D3eAA-", 0, CHARSET_OTHER, "UTF-7", 0, "caf\xC3\xA9 \xF0\x9F\x98\x80", NULL},
    {"", 0, CHARSET_OTHER, "koi8-r", 0, "", NULL},
    {"a\x82", 0, CHARSET_OTHER, "Shift_JIS", 0, NULL, "is not valid Shift_JIS (byte 1)"},
    {"x", 0, CHARSET_OTHER, "x-no-such", 0, NULL, "cannot convert from x-no-such"},
};

START_TEST(test_to_utf8)
{
    const char *data = conv_cases[_i].data;
    size_t len = conv_cases[_i].len ? conv_cases[_i].len : strlen(data);
    charset_info cs;
    buf out = BUF_INIT;
    char *err = NULL;
    memset(&cs, 0, sizeof cs);
    cs.kind = conv_cases[_i].kind;
    cs.bom = conv_cases[_i].bom;
    strcpy(cs.name, conv_cases[_i].name);
    /* what is there already is kept, on success and on error alike */
    buf_adds(&out, "kept:");
    int rc = charset_to_utf8(data, len, &cs, &out, &err);
    if (conv_cases[_i].want) {
        ck_assert_msg(rc == KB_OK, "case %d: %s", _i, err ? err : "(no message)");
        ck_assert_ptr_null(err);
        ck_assert_uint_eq(out.len, 5 + strlen(conv_cases[_i].want));
        ck_assert_msg(!strcmp(out.data + 5, conv_cases[_i].want), "case %d gave \"%s\"", _i,
                      out.data + 5);
    } else {
        ck_assert_msg(rc == KB_ERR && err, "case %d: no error", _i);
        ck_assert_msg(strstr(err, conv_cases[_i].err) != NULL, "case %d: error \"%s\" lacks \"%s\"",
                      _i, err, conv_cases[_i].err);
        ck_assert_str_eq(buf_cstr(&out), "kept:");
        free(err);
    }
    buf_free(&out);
}
END_TEST

START_TEST(test_iconv_long)
{
    /* more output than the first guess at its size: the buffer grows */
    charset_info cs = {CHARSET_OTHER, 0, "TIS-620"};   /* Thai: 1 byte -> 3 */
    buf in = BUF_INIT, out = BUF_INIT;
    char *err = NULL;
    for (int i = 0; i < 20000; i++) buf_addc(&in, (char)0xA1);
    ck_assert_int_eq(charset_to_utf8(in.data, in.len, &cs, &out, &err), KB_OK);
    ck_assert_uint_eq(out.len, 60000);
    ck_assert(norm_valid_utf8(out.data, out.len, NULL));
    ck_assert(!memcmp(out.data + 59997, "\xE0\xB8\x81", 3));
    buf_free(&in);
    buf_free(&out);
}
END_TEST

/* Whatever the bytes, what detection accepts converts to valid UTF-8
 * (windows-1252 and checked UTF-8 cannot fail; UTF-16 may, with a
 * message). */
START_TEST(test_detect_then_convert)
{
    static const char *const declared[] = {NULL, "utf-8", "windows-1252", "koi8-r", "x-no-such"};
    static const char *const bits[] = {
        "a", " ", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\x80", "\x9D", "\xFF", "\xC3",
        "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF", "\xD8", "\xDC"};
    unsigned seed = 4242;
    for (int round = 0; round < 5000; round++) {
        buf in = BUF_INIT, out = BUF_INIT;
        charset_info cs;
        char *err = NULL;
        int n = 1 + round % 17;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            buf_adds(&in, bits[(seed >> 16) % (sizeof bits / sizeof bits[0])]);
        }
        const char *decl = declared[round % 5];
        if (charset_detect(in.data, in.len, decl, &cs, &err) == KB_OK) {
            int rc = charset_to_utf8(in.data, in.len, &cs, &out, &err);
            if (cs.kind == CHARSET_UTF8 || cs.kind == CHARSET_WINDOWS1252)
                ck_assert_msg(rc == KB_OK, "round %d: %s", round, err);
            if (rc == KB_OK)
                ck_assert_msg(norm_valid_utf8(buf_cstr(&out), out.len, NULL),
                              "round %d: %s gave invalid UTF-8", round, cs.name);
        }
        ck_assert(err == NULL || *err);
        free(err);
        buf_free(&in);
        buf_free(&out);
    }
}
END_TEST

/* ---- the head, for sniffers ----------------------------------------------------------- */

static const struct {
    const char *data;
    size_t len;
    size_t outsz;
    const char *want;
} head_cases[] = {
    {"<html>", 6, 64, "<html>"},
    {"\xEF\xBB\xBF<html>", 9, 64, "<html>"},
    {"<html>", 6, 3, "<ht"},
    {"\xFF\xFE<\0h\0\xE9\0\x3A\x04", 10, 64, "<h\xE9?"},
    {"\xFE\xFF\0<\0h\x04\x3A\0", 9, 64, "<h?"},      /* the odd last byte is dropped */
    {"\xFF\xFE<\0h\0t\0", 8, 2, "<h"},
    {"\xFF\xFE", 2, 64, ""},
    {"", 0, 64, ""},
};

START_TEST(test_head)
{
    char out[64];
    size_t n = charset_head(head_cases[_i].data, head_cases[_i].len, out, head_cases[_i].outsz);
    ck_assert_msg(n == strlen(head_cases[_i].want) && !memcmp(out, head_cases[_i].want, n),
                  "case %d gave \"%.*s\"", _i, (int)n, out);
}
END_TEST

static Suite *charset_suite(void)
{
    Suite *s = suite_create("charset");
    TCase *tc = tcase_create("charset");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_bom, 0, NCASES(bom_cases));
    tcase_add_loop_test(tc, test_meta, 0, NCASES(meta_cases));
    tcase_add_test(tc, test_meta_window);
    tcase_add_loop_test(tc, test_detect, 0, NCASES(detect_cases));
    tcase_add_test(tc, test_detect_nul_window);
    tcase_add_loop_test(tc, test_1252_high, 0, NCASES(cp1252_high));
    tcase_add_test(tc, test_1252_rest);
    tcase_add_loop_test(tc, test_to_utf8, 0, NCASES(conv_cases));
    tcase_add_test(tc, test_iconv_long);
    tcase_add_test(tc, test_detect_then_convert);
    tcase_add_loop_test(tc, test_head, 0, NCASES(head_cases));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(charset_suite());
}
