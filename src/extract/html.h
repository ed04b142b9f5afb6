/*
 * html.h - article text and metadata from an HTML page, through
 * libxml2's HTML parser.
 *
 * The encoding is decided here, not by the parser: a byte-order mark,
 * else a <meta charset> / http-equiv Content-Type in the first 1024
 * bytes, else UTF-8 if the bytes are valid UTF-8, else windows-1252.
 * A page that declares UTF-8 (or nothing) and is not valid UTF-8 in the
 * declared case is an error naming the byte offset.
 *
 * Furniture is dropped: script, style, noscript, template, nav, header,
 * footer, aside, form, iframe, svg, button, select, dialog, and elements
 * whose role, id or class mark them as navigation, share widgets, ads,
 * cookie banners, newsletters, related posts, comments or breadcrumbs.
 * If the page has an <article> (or <main>, or role="main") only that is
 * read; else the body.
 *
 * The doc's text is the extracted text: one block a line ("\n" between
 * blocks), white space folded.  Headings h1-h6 start sections; p, li,
 * dt, dd, blockquote, pre, figcaption and any block-level element with
 * direct text make blocks; a table row is one DOC_ROW block whose cells
 * are joined by " | ".
 *
 * Metadata: title from og:title, else the first <h1> of the article,
 * else <title>; author from meta name=author / article:author / an
 * element with rel=author or itemprop=author; date from
 * article:published_time, meta name=date / dc.date / itemprop
 * datePublished, else the first <time datetime=...>; site from
 * og:site_name; url from link rel=canonical or og:url.
 *
 * Details callers may notice:
 *   - Latin-1 and ASCII declarations are read as windows-1252, as
 *     browsers do.  Bytes that are valid UTF-8 and not plain ASCII are
 *     read as UTF-8 even if a <meta> names a legacy charset (a saved page
 *     often keeps a stale <meta> the server's header overrode).
 *   - A page the parser cannot decode in its encoding (a lone UTF-16
 *     surrogate, bytes iconv rejects) is KB_ERR, not a page cut short.
 *   - Nothing to read (empty input, no text) is KB_OK with no blocks and
 *     text "".
 *   - One <br> is a space, two in a row end the block; <pre> is one
 *     DOC_CODE block with its white space folded (one block a line).
 *   - libxml2 stops reading at 256 levels of nesting: html_extract
 *     keeps what came before, html_extract_whole (what kb ingest uses,
 *     as it never stores part of a source) fails instead.
 *   - A "heading" over 256 bytes is read as a paragraph: each block
 *     below a heading carries a copy of the heading path as its section.
 *     For the same reason a page whose section paths would take over 8
 *     times its size (long headings above very many tiny blocks) is
 *     KB_ERR.
 */
#ifndef KB_HTML_H
#define KB_HTML_H

#include <stddef.h>

#include "doc.h"

/* Extract from data[0..len).  out must be doc_init'ed (format DOC_HTML);
 * on KB_ERR *err names the problem and out stays valid for doc_free. */
int html_extract(const char *data, size_t len, doc *out, char **err);

/* As html_extract, but a page the parser gives up on before its end
 * (elements nested deeper than 256 levels) is KB_ERR, with the line
 * where it stopped in *err, rather than the part before. */
int html_extract_whole(const char *data, size_t len, doc *out, char **err);

/* Does data look like HTML (a doctype, <html, <head or <body near the
 * start, after a BOM and white space)?  Used to sniff files whose
 * extension says nothing. */
int html_sniff(const char *data, size_t len);

#endif
