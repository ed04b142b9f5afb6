/*
 * check_tag.c - the claim tagger's general rules, table-driven over
 * invented sentences: subjects named, carried by It/This/That, from a
 * table column or a section heading (not the base of "X over Y"),
 * dimensions from cues, weak cues, row/column headers and single- or
 * multi-dimension headings, and the stances that follow: per clause and
 * dimension, "X vs Y" as a topic, none for an unnamed subject under a
 * heading on several, and "Both ..."/"All ..." with no subject.  Run on the
 * default taxonomy and on a small Go vs Rust one, to show the rules do
 * not depend on the domain.  Whose figure a quantity is:
 * check_tag_qty.c; the tagger's set-up: tutag.h.
 */
#include "tutag.h"

/* A domain of its own: nothing below may depend on the default one. */
static const char *const go_rust =
    "subject\tGo\tgolang, go\n"
    "subject\tRust\trust, rustc\n"
    "part\tGo\tgoroutine, goroutines, gofmt\n"
    "part\tRust\tcargo, crates.io, borrow checker\n"
    "dimension\tperformance\tperformance, fast, ~faster, speed, ~quick*, benchmark*\n"
    "dimension\tconcurrency\tconcurren*, goroutine, goroutines, threads, async\n"
    "dimension\tlearning curve\tlearn*, learning curve, beginner*\n"
    "dimension\tsafety\tmemory safety, safe, unsafe, data races\n"
    "dimension\tuse cases\tused for, ~services, embedded, ~tools, choose\n"
    "dimension\tpackaging\tgo modules, vendoring\n"
    "heading\tperformance\tperformance, speed\n"
    "heading\tlearning curve\tlearning curve\n"
    "heading\tsafety\tsafety\n"
    "measure\tyear\t@year\n";

typedef struct tag_case {
    const char *text;
    const char *section, *row, *col;
    const char *prev;      /* the previous claim's subject, or NULL */
    const char *subjects;  /* "A,B" in the result's order, "" for none */
    const char *dims;      /* dimension names, sorted, "" for none */
    const char *stances;   /* "subject:dim:pol[:versus]" sorted by ';' */
} tag_case;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Join strings sorted with sep into out. */
static void join_sorted(char **v, size_t n, char sep, char *out, size_t cap)
{
    qsort(v, n, sizeof *v, cmp_str);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(out);
        snprintf(out + l, cap - l, "%s%s", i ? (char[]){sep, '\0'} : "", v[i]);
    }
}

static void run_case(env *e, const tag_case *c)
{
    tag_input in = {0};
    in.text = c->text;
    in.len = strlen(c->text);
    in.section = c->section;
    in.row_header = c->row;
    in.col_header = c->col;
    int prev[1];
    if (c->prev) {
        prev[0] = tax_find_subject(e->tax, c->prev);
        ck_assert_int_ge(prev[0], 0);
        in.prev = prev;
        in.nprev = 1;
    }
    tag_result r;
    char *err = NULL;
    ck_assert_int_eq(tag_claim(e->tg, &in, &r, &err), KB_OK);

    char got[1024], *v[64];
    got[0] = '\0';
    for (size_t i = 0; i < r.nsubj; i++) {
        size_t l = strlen(got);
        snprintf(got + l, sizeof got - l, "%s%s", i ? "," : "", tax_subject(e->tax, (size_t)r.subj[i].subject));
    }
    ck_assert_msg(strcmp(got, c->subjects) == 0, "\"%s\": subjects [%s], expected [%s]", c->text, got,
                  c->subjects);

    for (size_t i = 0; i < r.ndims; i++) v[i] = (char *)tax_dimension(e->tax, (size_t)r.dims[i].dim);
    join_sorted(v, r.ndims, ',', got, sizeof got);
    ck_assert_msg(strcmp(got, c->dims) == 0, "\"%s\": dimensions [%s], expected [%s]", c->text, got, c->dims);

    char line[64][128];
    for (size_t i = 0; i < r.nst && i < 64; i++) {
        const tag_stance *s = &r.st[i];
        snprintf(line[i], sizeof line[i], "%s:%s:%s%s%s", tax_subject(e->tax, (size_t)s->subject),
                 tax_dimension(e->tax, (size_t)s->dim), s->polarity > 0 ? "+" : s->polarity < 0 ? "-" : "0",
                 s->versus >= 0 ? ":" : "", s->versus >= 0 ? tax_subject(e->tax, (size_t)s->versus) : "");
        v[i] = line[i];
    }
    join_sorted(v, r.nst < 64 ? r.nst : 64, ';', got, sizeof got);
    ck_assert_msg(strcmp(got, c->stances) == 0, "\"%s\": stances [%s], expected [%s]", c->text, got,
                  c->stances);
}

/* ---- the default taxonomy (Node.js vs Python) ---- */

static const tag_case default_cases[] = {
    /* the default taxonomy's learning cues: prior knowledge, starting
     * out; its community cues: documentation, named adopters */
    {"If you already know JavaScript, Node.js is the easier path.", NULL, NULL, NULL, NULL, "Node.js",
     "learning curve", "Node.js:learning curve:+:Python"},
    {"Python needs little setup to get started.", NULL, NULL, NULL, NULL, "Python", "deployment,learning curve",
     ""},
    {"Node.js has good docs.", NULL, NULL, NULL, NULL, "Node.js", "community", "Node.js:community:+"},
    {"Companies like Acme rely on Node.js.", NULL, NULL, NULL, NULL, "Node.js", "community",
     "Node.js:community:+"},
    {"Python is the best option for notebooks.", NULL, NULL, NULL, NULL, "Python", "use cases",
     "Python:use cases:+"},
    /* a fact of origin dates the subject; the verdict is on the rest */
    {"Python, created by a Dutch programmer in 1991, is easy to learn.", NULL, NULL, NULL, NULL, "Python",
     "history,learning curve", "Python:learning curve:+"},
    {"Node.js was introduced in 2009, and throughout its history many great libraries appeared.", NULL, NULL,
     NULL, NULL, "Node.js", "ecosystem,history", "Node.js:ecosystem:+"},
    /* an age or a lineage is dated too */
    {"Ten years after its release, Node.js has a thriving community.", NULL, NULL, NULL, NULL, "Node.js",
     "community,history", "Node.js:community:+"},
    /* a phrase cue does not hide another dimension's cue modifying its head */
    {"Node.js serves thousands of concurrent connections smoothly.", NULL, NULL, NULL, NULL, "Node.js",
     "concurrency,scalability", "Node.js:concurrency:+;Node.js:scalability:+"},
    /* ... but its head is its own: "machine learning" is no learning */
    {"Python dominates machine learning work.", NULL, NULL, NULL, NULL, "Python", "use cases",
     "Python:use cases:+"},
    /* an origin word that is not a dated fact still judges */
    {"Node.js has a long history of stable releases.", NULL, NULL, NULL, NULL, "Node.js", "history",
     "Node.js:history:+"},
    /* a named subject and a strong cue */
    {"Node.js handles concurrent connections smoothly.", NULL, NULL, NULL, NULL, "Node.js", "concurrency",
     "Node.js:concurrency:+"},
    /* "suits"/"suited to" name a use case */
    {"Python suits data pipelines.", NULL, NULL, NULL, NULL, "Python", "use cases", "Python:use cases:+"},
    {"It is suited to small internal dashboards.", NULL, NULL, NULL, "Node.js", "Node.js", "use cases",
     "Node.js:use cases:+"},
    /* "It" carries the previous claim's subject */
    {"It is slower at raw computation.", NULL, NULL, NULL, "Python", "Python", "performance",
     "Python:performance:-:Node.js"},
    /* ... and so it does when the only subject named owns what "it"
     * lacks */
    {"It lacks the rich ecosystem of Node.js.", NULL, NULL, NULL, "Python", "Node.js,Python", "ecosystem",
     "Node.js:ecosystem:+:Python;Python:ecosystem:-:Node.js"},
    /* a plural pronoun after one subject stands for a plural noun of
     * it ("its packages"), neither for the subject nor the section's */
    {"They are extremely fast and easy to use.", NULL, NULL, NULL, "Python", "", "", ""},
    {"They are extremely fast and easy to use.", "Node.js vs Python", NULL, NULL, "Python", "", "", ""},
    /* "That" too */
    {"That makes scaling painful.", NULL, NULL, NULL, "Node.js", "Node.js", "scalability",
     "Node.js:scalability:-"},
    /* a table cell: the column's subject, the row's dimension */
    {"Strong for batch jobs", NULL, "Performance", "Python", NULL, "Python", "performance",
     "Python:performance:+"},
    /* a row label narrows the cell: one stray cue ("async") adds nothing */
    {"Moderate; needs async patterns", NULL, "Learning curve", "Node.js", NULL, "Node.js", "learning curve",
     "Node.js:learning curve:0"},
    /* ... but two cues of its own still add an aspect */
    {"Easier; clean, readable syntax", NULL, "Learning curve", "Python", NULL, "Python",
     "learning curve,syntax", "Python:learning curve:+:Node.js;Python:syntax:+"},
    /* an evaluative row label colours a neutral cell */
    {"Real-time dashboards", NULL, "Best for", "Node.js", NULL, "Node.js", "use cases", "Node.js:use cases:+"},
    /* a weak cue alone does not tag ... */
    {"Python feels lightweight.", NULL, NULL, NULL, NULL, "Python", "", ""},
    /* ... with its section heading it does */
    {"Python feels lightweight.", "Speed", NULL, NULL, NULL, "Python", "performance", "Python:performance:+"},
    /* two different weak cues add up (they are not the same cue twice);
     * one alone ("popular") does not */
    {"Popular for real-time and full-stack work.", NULL, NULL, NULL, NULL, "", "use cases", ""},
    /* a heading on several dimensions lends each only where the claim has a cue */
    {"Python has excellent documentation.", "Performance & Community", NULL, NULL, NULL, "Python", "community",
     "Python:community:+"},
    /* the heading's subject, unless the claim names one */
    {"The registry keeps growing.", "Ecosystem > Node.js", NULL, NULL, NULL, "Node.js", "ecosystem", ""},
    /* "Advantages of X over Y": the claims below are about X only */
    {"Teams reuse validation code everywhere.", "Advantages of Node.js over Python", NULL, NULL, NULL,
     "Node.js", "", ""},
    {"Teams reuse validation code everywhere.", "Node.js vs Python", NULL, NULL, NULL, "Node.js,Python", "",
     ""},
    /* a part that is an object brings its subject but is not judged */
    {"Python works well for web development, but browser frontends still require JavaScript.", NULL, NULL,
     NULL, NULL,
     "Python,Node.js", "use cases", "Python:use cases:0"},
    /* a part that is the only subject is judged */
    {"V8 has excellent performance.", NULL, NULL, NULL, NULL, "Node.js", "performance",
     "Node.js:performance:+"},
    /* area-of-development phrases and popularity comparisons are cues */
    {"Node.js suits full-stack development.", NULL, NULL, NULL, NULL, "Node.js", "use cases",
     "Node.js:use cases:+"},
    {"Python is among the most popular languages.", NULL, NULL, NULL, NULL, "Python", "community",
     "Python:community:+"},
    /* a claim whose every clause has a topic of its own (a strong cue
     * for another dimension) does not take its heading's dimension ... */
    {"Installing Node.js takes one command.", "Learning curve", NULL, NULL, NULL, "Node.js", "deployment", ""},
    /* ... a clause with no cue of its own still does, and the heading's
     * dimension is judged only by such clauses: "simple" is about
     * installing, the second clause judges nothing ... */
    {"Installing Node.js is simple, but the rest takes time.", "Learning curve", NULL, NULL, NULL, "Node.js",
     "deployment,learning curve", "Node.js:deployment:+"},
    {"Installing Node.js is simple, but the rest is hard.", "Learning curve", NULL, NULL, NULL, "Node.js",
     "deployment,learning curve", "Node.js:deployment:+;Node.js:learning curve:-"},
    /* ... and so does a claim that cues the heading's dimension too */
    {"Installing Python is easy even for beginners.", "Learning curve", NULL, NULL, NULL, "Python",
     "deployment,learning curve", "Python:deployment:+;Python:learning curve:+"},
    /* a weak cue alone is no topic of its own: the heading still lends */
    {"Python feels lightweight to most teams.", "Community", NULL, NULL, NULL, "Python", "community", "Python:community:+"},
    /* general words that are not cues: the verb "perform", "ideas" */
    {"Python can perform the task in a script.", NULL, NULL, NULL, NULL, "Python", "", ""},
    {"Node.js helps teams test ideas.", NULL, NULL, NULL, NULL, "Node.js", "", ""},
    /* enterprise and team size are scale; salaries are the job market */
    {"Enterprise teams often pick Python.", NULL, NULL, NULL, NULL, "Python", "scalability", ""},
    {"Python developers earn high salaries.", NULL, NULL, NULL, NULL, "Python", "community", ""},
    /* a recommendation arrow: a choice, so versus the other subject */
    {"Machine learning \xe2\x86\x92 Python", NULL, NULL, "For startups", NULL, "Python", "use cases",
     "Python:use cases:+:Node.js"},
};

START_TEST(test_default)
{
    env e = env_open(embed_taxonomy);
    run_case(&e, &default_cases[_i]);
    env_close(&e);
}
END_TEST

/* ---- a domain of its own (Go vs Rust) ---- */

static const tag_case go_rust_cases[] = {
    /* a recommendation ("Choose X when ...") is about use cases */
    {"Choose Go when you need reliable builds.", NULL, NULL, NULL, NULL, "Go", "use cases",
     "Go:use cases:+"},
    {"Rust is faster than Go in benchmarks.", NULL, NULL, NULL, NULL, "Rust,Go", "performance",
     "Go:performance:-:Rust;Rust:performance:+:Go"},
    /* a question judges no one */
    {"Is Rust faster than Go in benchmarks?", NULL, NULL, NULL, NULL, "Rust,Go", "performance", ""},
    {"Unlike Go, Rust has a steep learning curve.", NULL, NULL, NULL, NULL, "Go,Rust", "learning curve",
     "Go:learning curve:+:Rust;Rust:learning curve:-:Go"},
    {"Go is not as fast as Rust.", NULL, NULL, NULL, NULL, "Go,Rust", "performance",
     "Go:performance:-:Rust;Rust:performance:+:Go"},
    {"Go is simple to learn, while Rust is hard to learn.", NULL, NULL, NULL, NULL, "Go,Rust",
     "learning curve", "Go:learning curve:+;Rust:learning curve:-"},
    {"Both Go and Rust offer good memory safety.", NULL, NULL, NULL, NULL, "Go,Rust", "safety",
     "Go:safety:+;Rust:safety:+"},
    {"Go and Rust both offer good memory safety.", NULL, NULL, NULL, NULL, "Go,Rust", "safety",
     "Go:safety:+;Rust:safety:+"},
    {"Rust is the better choice for embedded firmware.", NULL, NULL, NULL, NULL, "Rust", "use cases",
     "Rust:use cases:+:Go"},
    {"Many teams prefer Go over Rust for embedded work.", NULL, NULL, NULL, NULL, "Go,Rust", "use cases",
     "Go:use cases:+:Rust"},
    {"Rust is not easy to learn.", NULL, NULL, NULL, NULL, "Rust", "learning curve", "Rust:learning curve:-"},
    /* a subject's name inside a longer cue is the cue's, no mention */
    {"Go modules make vendoring simple.", NULL, NULL, NULL, NULL, "", "packaging", ""},
    {"Go makes vendoring simple.", NULL, NULL, NULL, NULL, "Go", "packaging", "Go:packaging:+"},
    {"Its borrow checker rules out data races.", NULL, NULL, NULL, "Rust", "Rust", "safety", ""},
    {"It is fast.", NULL, NULL, NULL, "Go", "Go", "performance", "Go:performance:+"},
    /* naming only the base of a comparison: the subject is inherited */
    {"Because of this, it is slower than Rust in benchmarks.", NULL, NULL, NULL, "Go", "Rust,Go", "performance",
     "Go:performance:-:Rust;Rust:performance:+:Go"},
    {"Compile times are quick.", "Go > Performance", NULL, NULL, NULL, "Go", "performance",
     "Go:performance:+"},
    {"Goroutines make concurrency cheap.", NULL, NULL, NULL, NULL, "Go", "concurrency", ""},
    {"Great", NULL, "Safety", "Rust", NULL, "Rust", "safety", "Rust:safety:+"},
    /* an equative: "does not match Y" is a comparison Y wins; "rivals Y"
     * leaves Y unjudged */
    {"Go may not match Rust in speed, but it is easy to learn.", NULL, NULL, NULL, NULL, "Go,Rust",
     "learning curve,performance", "Go:learning curve:+;Go:performance:-:Rust;Rust:performance:+:Go"},
    {"Go rivals Rust in raw speed.", NULL, NULL, NULL, NULL, "Go,Rust", "performance",
     "Go:performance:+:Rust;Rust:performance:0:Go"},
    /* named adopters are adoption, a strength */
    {"Companies such as Acme and Initech rely on Rust for embedded work.", NULL, NULL, NULL, NULL, "Rust",
     "use cases", "Rust:use cases:+"},
    {"Companies such as Acme and Initech left Rust for embedded work.", NULL, NULL, NULL, NULL, "Rust",
     "use cases", ""},
    /* stance per clause: each clause judges the dimensions it cues */
    {"Go is fast, but its learning curve is steep.", NULL, NULL, NULL, NULL, "Go", "learning curve,performance",
     "Go:learning curve:-;Go:performance:+"},
    {"Rust is fast; beginners find it hard.", NULL, NULL, NULL, NULL, "Rust", "learning curve,performance",
     "Rust:learning curve:-;Rust:performance:+"},
    /* a clause with no cue of its own judges the main dimension no other
     * clause cues; the heading's dimension applies to every clause with
     * no topic of its own */
    {"Rust is harder; its benchmarks are fast.", "Learning curve", NULL, NULL, NULL, "Rust",
     "learning curve,performance", "Rust:learning curve:-:Go;Rust:performance:+"},
    /* a claim with a topic of its own does not take its heading's */
    {"Rust wins most benchmarks.", "Learning curve", NULL, NULL, NULL, "Rust", "performance", "Rust:performance:+"},
    {"Rust wins most benchmarks, but it is hard.", "Learning curve", NULL, NULL, NULL, "Rust",
     "learning curve,performance", "Rust:learning curve:-;Rust:performance:+"},
    /* "X vs Y" is the topic: only the subject the clause judges */
    {"In a Go vs Rust speed test, Rust is fast.", NULL, NULL, NULL, NULL, "Go,Rust", "performance",
     "Rust:performance:+"},
    /* no subject named under a heading on several: whose stance is unknown */
    {"Compile times are quick.", "Go vs Rust > Performance", NULL, NULL, NULL, "Go,Rust", "performance", ""},
    /* ... unless the claim speaks of them all, "neither" included, which
     * denies an action of each */
    {"Neither ships a garbage collector.", "Go vs Rust > Performance", NULL, NULL, NULL, "Go,Rust", "performance",
     "Go:performance:-;Rust:performance:-"},
    /* ... unless the claim speaks of them all */
    {"Both compile quickly.", "Go vs Rust > Performance", NULL, NULL, NULL, "Go,Rust", "performance",
     "Go:performance:+;Rust:performance:+"},
    /* no subject at all: "Both ..."/"All ..." speaks of the two compared */
    {"Both languages are fast.", NULL, NULL, NULL, NULL, "Go,Rust", "performance",
     "Go:performance:+;Rust:performance:+"},
    {"All three offer good speed.", NULL, NULL, NULL, NULL, "Go,Rust", "performance",
     "Go:performance:+;Rust:performance:+"},
    /* "the former", "the latter": the first or the last named before */
    {"Go is old and Rust is new; the latter is fast.", NULL, NULL, NULL, NULL, "Go,Rust", "performance",
     "Rust:performance:+"},
    {"Go is old and Rust is new; the former is fast.", NULL, NULL, NULL, NULL, "Go,Rust", "performance",
     "Go:performance:+"},
    /* ... past a connective, and over a section's one subject */
    {"However, all three offer good speed.", "Rust > Performance", NULL, NULL, NULL, "Rust,Go", "performance",
     "Go:performance:+;Rust:performance:+"},
    /* ... but not "both A and B", which names what it is about */
    {"Both Linux and macOS are fast.", NULL, NULL, NULL, NULL, "", "performance", ""},
    /* a dimension cued only in a cause phrase ("because of its ...")
     * is not what is judged when the claim names the subject's own
     * aspect outside it ("Go performance") */
    {"Go performance is strong because of its threads.", NULL, NULL, NULL, NULL, "Go", "concurrency,performance",
     "Go:performance:+"},
    {"Rust memory safety benefits from its async design.", NULL, NULL, NULL, NULL, "Rust", "concurrency,safety",
     "Rust:safety:+"},
    /* ... but with no aspect named so, both are judged */
    {"Benchmarks are slow due to its threads.", "Go", NULL, NULL, NULL, "Go", "concurrency,performance",
     "Go:concurrency:-;Go:performance:-"},
    {"Go is fast because of its threads.", NULL, NULL, NULL, NULL, "Go", "concurrency,performance",
     "Go:concurrency:+;Go:performance:+"},
    /* a leading label names what every clause is about */
    {"Performance: Go wins most benchmarks; Rust has good async support.", NULL, NULL, NULL, NULL, "Go,Rust",
     "concurrency,performance", "Go:performance:+;Rust:performance:+"},
    {"Learning curve: Rust is hard, with unsafe shortcuts and many benchmarks.", NULL, NULL, NULL, NULL,
     "Rust", "learning curve,performance,safety", "Rust:learning curve:-"},
    /* what a verdict depends on is not judged ("safe" is, in its own
     * clause) */
    {"Go is safe, but speed depends on the threads and async runtime.", NULL, NULL, NULL, NULL, "Go",
     "concurrency,performance,safety", "Go:performance:0;Go:safety:+"},
    /* the means of a verdict ("using X") is not judged, unless it
     * belongs to a relative clause */
    {"Rust is fast at parsing using threads.", NULL, NULL, NULL, NULL, "Rust", "concurrency,performance",
     "Rust:performance:+"},
    {"Go performance is poor for jobs that spread work through threads.", NULL, NULL, NULL, NULL, "Go",
     "concurrency,performance", "Go:concurrency:-;Go:performance:-"},
    /* a purpose after a noun ("tools for X") is the category, not what
     * is judged; after an evaluative word ("fast for X") it is */
    {"Go has the best performance of all languages for embedded work.", NULL, NULL, NULL, NULL, "Go",
     "performance,use cases", "Go:performance:+"},
    {"Rust is good for embedded work and fast.", NULL, NULL, NULL, NULL, "Rust", "performance,use cases",
     "Rust:performance:+;Rust:use cases:+"},
    /* an evaluative list label ("Pros:", "Cons:", "Strengths:"): a weak
     * cue opening an item counts as a full one ... */
    {"Pros: quick builds, memory safety", "Rust", NULL, NULL, NULL, "Rust", "performance,safety",
     "Rust:performance:+;Rust:safety:+"},
    {"Weaknesses: few libraries, quickly outdated docs", "Go", NULL, NULL, NULL, "Go", "performance",
     "Go:performance:-"},
    /* ... one further in an item stays weak */
    {"Pros: builds that are quick, memory safety", "Rust", NULL, NULL, NULL, "Rust", "safety", "Rust:safety:+"},
    /* ... and with no such label, or a label naming a dimension, too */
    {"Rust has quick builds, and memory safety.", NULL, NULL, NULL, NULL, "Rust", "safety", "Rust:safety:+"},
    {"Safety: quick builds, no data races", "Rust", NULL, NULL, NULL, "Rust", "safety", "Rust:safety:+"},
};

/* Two claims in a row, tagged by one tagger: the second's subjects may
 * come from the first. */
typedef struct seq_case {
    const char *first, *second, *section;
    const char *subjects, *dims, *stances; /* of the second */
} seq_case;

static const seq_case go_rust_seq[] = {
    /* under "X vs Y", a claim naming no one goes on about the one
     * subject the claim before it named */
    {"Rust has a steep learning curve.", "Beginners often struggle at first.", "Go vs Rust", "Rust",
     "learning curve", "Rust:learning curve:-"},
    /* ... not when that claim named both */
    {"Go and Rust have a steep learning curve.", "Beginners often struggle at first.", "Go vs Rust", "Go,Rust",
     "learning curve", ""},
    /* ... nor when a part alone brought its subject */
    {"Goroutines make concurrency cheap.", "Beginners often struggle at first.", "Go vs Rust", "Go,Rust",
     "learning curve", ""},
    /* ... nor when the claim speaks of all of them */
    {"Rust has a steep learning curve.", "Both often puzzle beginners at first.", "Go vs Rust", "Go,Rust",
     "learning curve", ""},
};

START_TEST(test_go_rust_seq)
{
    env e = env_open(go_rust);
    const seq_case *c = &go_rust_seq[_i];
    tag_input in = {0};
    in.text = c->first;
    in.len = strlen(c->first);
    in.section = c->section;
    tag_result r;
    char *err = NULL;
    ck_assert_int_eq(tag_claim(e.tg, &in, &r, &err), KB_OK);
    int prev[TAG_MAX];
    size_t nprev = 0;
    for (size_t i = 0; i < r.nsubj; i++) prev[nprev++] = r.subj[i].subject;
    tag_case t = {c->second, c->section, NULL, NULL, NULL, c->subjects, c->dims, c->stances};
    /* run_case takes one previous subject by name */
    if (nprev == 1) t.prev = tax_subject(e.tax, (size_t)prev[0]);
    run_case(&e, &t);
    env_close(&e);
}
END_TEST

/* ... and so does a claim after claims that named no one either, until
 * one names another or both, or the section ends */
static const char *third_subjects(env *e, const char *first, const char *section, const char *third_section)
{
    static char out[64];
    const char *texts[3] = {first, "Every push triggers a redeploy.", "The service includes a CDN, so security is covered."};
    tag_result r;
    char *err = NULL;
    int prev[TAG_MAX];
    size_t nprev = 0;
    for (size_t k = 0; k < 3; k++) {
        tag_input in = {0};
        in.text = texts[k];
        in.len = strlen(texts[k]);
        in.section = k == 2 ? third_section : section;
        in.prev = prev;
        in.nprev = nprev;
        ck_assert_int_eq(tag_claim(e->tg, &in, &r, &err), KB_OK);
        nprev = 0;
        for (size_t i = 0; i < r.nsubj && i < TAG_MAX; i++) prev[nprev++] = r.subj[i].subject;
    }
    out[0] = '\0';
    for (size_t i = 0; i < r.nsubj; i++) {
        if (i) strcat(out, ",");
        strcat(out, tax_subject(e->tax, (size_t)r.subj[i].subject));
    }
    return out;
}

START_TEST(test_section_topic)
{
    env e = env_open(go_rust);
    ck_assert_str_eq(third_subjects(&e, "For Rust projects, the host handles builds.", "Go vs Rust", "Go vs Rust"), "Rust");
    ck_assert_str_eq(third_subjects(&e, "Go and Rust projects build fast.", "Go vs Rust", "Go vs Rust"), "Go,Rust");
    /* a part of another subject leaves it open, as does a part alone */
    ck_assert_str_eq(third_subjects(&e, "Go builds need cargo-like tools.", "Go vs Rust", "Go vs Rust"), "Go,Rust");
    ck_assert_str_eq(third_subjects(&e, "With cargo, the host handles builds.", "Go vs Rust", "Go vs Rust"), "Go,Rust");
    ck_assert_str_eq(third_subjects(&e, "For Rust projects, the host handles builds.", "Go vs Rust", "Hosting: Go vs Rust"),
                     "Go,Rust");
    env_close(&e);
}
END_TEST

START_TEST(test_go_rust)
{
    env e = env_open(go_rust);
    run_case(&e, &go_rust_cases[_i]);
    env_close(&e);
}
END_TEST

/* ---- a taxonomy of many dimensions ---- */

/* A hundred dimensions: the 90th is tagged, lent by a heading and
 * judged like the first (no fixed table of 64 leaves it out). */
static const tag_case many_cases[] = {
    {"Go is fast at topic89.", NULL, NULL, NULL, NULL, "Go", "aspect 89", "Go:aspect 89:+"},
    {"Go is fast at topic0.", NULL, NULL, NULL, NULL, "Go", "aspect 0", "Go:aspect 0:+"},
    {"Go is slow here.", "Go vs Rust > theme95", NULL, NULL, NULL, "Go", "aspect 95", "Go:aspect 95:-"},
    /* two clauses, each with its own topic past the 64th */
    {"Go is fast at topic70, but Rust is slow at topic99.", NULL, NULL, NULL, NULL, "Go,Rust",
     "aspect 70,aspect 99", "Go:aspect 70:+;Rust:aspect 99:-"},
    /* a table row naming the 80th: its cells are about it */
    {"Easy", NULL, "theme80", "Rust", NULL, "Rust", "aspect 80", "Rust:aspect 80:+"},
};

START_TEST(test_many_dimensions)
{
    buf t = BUF_INIT;
    buf_adds(&t, "subject\tGo\tgo\nsubject\tRust\trust\n");
    for (int d = 0; d < 100; d++)
        buf_printf(&t, "dimension\taspect %d\ttopic%d\nheading\taspect %d\ttheme%d\n", d, d, d, d);
    env e = env_open(buf_cstr(&t));
    ck_assert_uint_eq(tax_dimensions(e.tax), 100);
    run_case(&e, &many_cases[_i]);
    env_close(&e);
    buf_free(&t);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("tag");
    TCase *tc = tcase_create("default taxonomy");
    tcase_add_loop_test(tc, test_default, 0, (int)(sizeof default_cases / sizeof *default_cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("go vs rust");
    tcase_add_loop_test(tc, test_go_rust, 0, (int)(sizeof go_rust_cases / sizeof *go_rust_cases));
    tcase_add_loop_test(tc, test_go_rust_seq, 0, (int)(sizeof go_rust_seq / sizeof *go_rust_seq));
    tcase_add_test(tc, test_section_topic);
    suite_add_tcase(s, tc);
    tc = tcase_create("many dimensions");
    tcase_add_loop_test(tc, test_many_dimensions, 0, (int)(sizeof many_cases / sizeof *many_cases));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
