/*
 * export_escape.c - article text made safe for each output format:
 * HTML text and attributes, Markdown inline text, CSV fields, and which
 * URLs may be links.  See export_escape.h.
 */
#include "export_escape.h"

#include <string.h>

#include "util.h"

/* The control character at s[i] (term.h's list: C0, DEL, C1) as its
 * code and its length in bytes; 0 when s[i] starts none.  The text is
 * UTF-8, so C2 80 to C2 9F are the C1 controls. */
static size_t export_control_at(const char *s, size_t n, size_t i, unsigned *code)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 || c == 0x7f) {
        *code = c;
        return 1;
    }
    if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f) {
        *code = (unsigned char)s[i + 1];
        return 2;
    }
    return 0;
}

int export_has_control(const char *s)
{
    unsigned code;
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (export_control_at(s, n, i, &code)) return 1;
    return 0;
}

void export_html_text(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned code;
        size_t k;
        switch (s[i]) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        case '\n': case '\t': fputc(s[i], f); break;
        case '\r': fputc(' ', f); break;   /* white space to a browser; on a terminal it overwrites */
        default:
            if ((k = export_control_at(s, n, i, &code)) > 0) {
                fprintf(f, "\\x%02x", code);   /* not allowed in HTML, even as &#...; */
                i += k - 1;
            } else {
                fputc(s[i], f);
            }
        }
    }
}

void export_md_text(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        unsigned code;
        size_t k;
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        } else if ((k = export_control_at(s, n, i, &code)) > 0) {
            fprintf(f, "\\\\x%02x", code);   /* shown as \x1b */
            i += k - 1;
            continue;
        } else if (c && strchr("\\`*_[]<>|&~$^", c)) {
            fputc('\\', f);
        }
        fputc(c, f);
    }
}

/* A plain decimal number: an optional sign, digits, an optional
 * fraction.  A spreadsheet reads it as the number it is; nothing in it
 * can call a function. */
static int export_csv_is_number(const char *s, size_t n)
{
    size_t i = s[0] == '-' || s[0] == '+', digits = 0, dot = 0;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') digits++;
        else if (s[i] == '.' && !dot && digits) dot = i;
        else return 0;
    }
    return digits > 0 && (!dot || dot + 1 < n);
}

void export_csv_field(FILE *f, const char *s, size_t n)
{
    /* A spreadsheet runs a cell that starts with one of these as a
     * formula (=HYPERLINK, =cmd|...; OWASP's list): an apostrophe in
     * front makes it text, and the spreadsheet does not show it. */
    int guard = n > 0 && s[0] && strchr("=+-@\t\r", s[0]) && !export_csv_is_number(s, n);
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++) quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quote) fputc('"', f);
    if (guard) fputc('\'', f);
    if (!quote) {
        fwrite(s, 1, n, f);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') fputc('"', f);
        fputc(s[i], f);
    }
    fputc('"', f);
}

int export_url_is_web(const char *url)
{
    if (!url) return 0;
    size_t n = strlen(url);
    if (!(n > 7 && kb_ascii_ieq(url, 7, "http://")) && !(n > 8 && kb_ascii_ieq(url, 8, "https://"))) return 0;
    unsigned code;
    for (size_t i = 0; i < n; i++)
        if (url[i] == ' ' || export_control_at(url, n, i, &code)) return 0;
    return 1;
}
