/*
 * check_prop.c - propositions of one claim, table-driven over invented
 * sentences about two invented runtimes (Kestrel and Wren, with a
 * taxonomy of their own): modality (absolute, qualified, plain;
 * negations softened by degree words), aspects (concepts, scopes,
 * parts of the subject but not of the other, taxonomy cues, stems, the
 * ones the evaluative words speak of), comparisons that name their base
 * (and the subject each ranks against, named or not; "both" judging
 * two alike) and recommendations, capabilities asserted and things denied,
 * categories ("X is (not) a K", "but rather", pronouns, a compound
 * adjective is no kind, a kind presupposed is no claim), poles (and a
 * participle before its own noun), change, ages, and the lexicon's
 * errors.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "prop.h"
#include "stance.h"
#include "tag.h"
#include "taxonomy.h"
#include "testutil.h"
#include "util.h"

static const char *const kw =
    "subject\tKestrel\tkestrel\n"
    "subject\tWren\twren\n"
    "part\tKestrel\tkestrel jit, kpm\n"
    "part\tWren\twren vm, wrenpkg\n"
    "dimension\tperformance\tperformance, fast, ~faster, slow, speed\n"
    "dimension\tconcurrency\tconcurren*, thread*, multithread*, async*, parallel*\n"
    "dimension\tpackaging\tpackage manager, lock files\n"
    "dimension\tuse cases\tbetter suited, log aggregation, use case*\n";

typedef struct env {
    taxonomy *tax;
    words_lex *words;
    stance_lex *slex;
    prop_lex *lex;
    tagger *tg;
    prop_keys *keys;
} env;

static env e;

static void setup(void)
{
    char *err = NULL;
    ck_assert_int_eq(tax_load(kw, strlen(kw), &e.tax, &err), KB_OK);
    ck_assert_int_eq(words_load(NULL, 0, &e.words, &err), KB_OK);
    ck_assert_int_eq(stance_load(embed_stance, strlen(embed_stance), e.words, &e.slex, &err), KB_OK);
    ck_assert_msg(prop_lex_load(embed_reconcile, strlen(embed_reconcile), &e.lex, &err) == KB_OK, "%s", err);
    e.tg = tag_new(e.tax, e.slex, e.words);
    tag_want_clauses(e.tg, 1);
    e.keys = prop_keys_new();
}

static void teardown(void)
{
    tag_free(e.tg);
    prop_keys_free(e.keys);
    prop_lex_free(e.lex);
    stance_free(e.slex);
    words_free(e.words);
    tax_free(e.tax);
}

/* The propositions of text (after a claim about prev, or NULL; a table
 * cell when row is not NULL) into ps[0..32): returns their count. */
static size_t extract(const char *text, const char *prev, const char *col, const char *row, prop *ps)
{
    int pv[1];
    size_t np = 0;
    if (prev) pv[np++] = tax_find_subject(e.tax, prev);
    tag_input in = {text, strlen(text), NULL, row, col, pv, np};
    tag_result r;
    char *err = NULL;
    ck_assert_int_eq(tag_claim(e.tg, &in, &r, &err), KB_OK);
    prop_ctx c = {e.lex, e.tax, e.slex, e.words, NULL, e.keys};
    prop_claim pc = {text, strlen(text), &r, pv, np, row};
    size_t n = prop_extract(&c, e.tg, &pc, ps, 32);
    ck_assert_uint_le(n, 32);
    return n;
}

/* Propositions ps[0..n) of a text of len bytes as one line each: "ST|NE|
 * CAT subject pol=N mod [vs=X] [kind=...] [pole=...] [change]
 * [scope=...] keys=k1*,k2" (a * marks a judged key), appended to b. */
static void props_str(buf *b0, const prop *ps, size_t n, size_t len)
{
    buf b = *b0;
    for (size_t i = 0; i < n; i++) {
        const prop *p = &ps[i];
        static const char *const kinds[] = {"ST", "NE", "CAT"};
        static const char *const mods[] = {"plain", "qualified", "absolute"};
        buf_printf(&b, "%s %s pol=%d %s", kinds[p->kind], tax_subject(e.tax, (size_t)p->subject), p->polarity,
                   mods[p->modality]);
        if (p->versus < 0 && p->ranks >= 0) buf_printf(&b, " ranks=%s", tax_subject(e.tax, (size_t)p->ranks));
        if (p->joint) buf_adds(&b, " joint");
        if (p->versus >= 0) buf_printf(&b, " vs=%s", tax_subject(e.tax, (size_t)p->versus));
        if (p->kind == PROP_CATEGORY) buf_printf(&b, " kind=%s%s", p->negated ? "not " : "", prop_lex_kind(e.lex, (size_t)p->category));
        for (size_t k = 0; k < p->npoles; k++) buf_printf(&b, " pole=%s", prop_lex_pole(e.lex, (size_t)p->poles[k]));
        if (p->change) buf_adds(&b, " change");
        for (size_t k = 0; k < 32; k++)
            if ((p->scope >> k) & 1) buf_printf(&b, " scope=%s", prop_lex_scope(e.lex, k));
        buf_adds(&b, " keys=");
        for (size_t k = 0; k < p->nkeys; k++)
            buf_printf(&b, "%s%s%s", k ? "," : "", prop_key_str(e.keys, p->keys[k]), (p->judged >> k) & 1 ? "*" : "");
        /* what a ranking with no base named ranks on */
        if (p->versus < 0 && p->ranks >= 0) {
            buf_adds(&b, " ranked=");
            for (size_t k = 0, nr = 0; k < p->nkeys; k++)
                if ((p->ranked >> k) & 1) buf_printf(&b, "%s%s", nr++ ? "," : "", prop_key_str(e.keys, p->keys[k]));
        }
        /* the span is inside the text */
        ck_assert_uint_le(p->start, p->end);
        ck_assert_uint_le(p->end, len);
        buf_addc(&b, '\n');
    }
    *b0 = b;
}

/* props_str of text's propositions, malloc'd. */
static char *props_of_cell(const char *text, const char *prev, const char *col, const char *row)
{
    prop ps[32];
    size_t n = extract(text, prev, col, row, ps);
    buf b = BUF_INIT;
    props_str(&b, ps, n, strlen(text));
    return buf_detach(&b, NULL);
}

static char *props_of(const char *text, const char *prev, const char *col)
{
    return props_of_cell(text, prev, col, NULL);
}

typedef struct prop_case {
    const char *text, *prev, *col;
    const char *has[4];     /* substrings the result must contain */
    const char *hasnt[3];   /* and must not */
} prop_case;

static const prop_case cases[] = {
    /* modality */
    {"Kestrel does not support multithreading.", NULL, NULL,
     {"ST Kestrel pol=-1 absolute", "#threads*"}, {"qualified"}},
    {"The global lock limits how threads run in Kestrel for CPU-bound jobs.", NULL, NULL,
     {"ST Kestrel pol=-1 qualified", "scope=workload/cpu", "#threads"}, {"absolute"}},
    {"Kestrel is not especially fast.", NULL, NULL, {"ST Kestrel pol=-1 plain"}, {"absolute"}},
    {"Wren never blocks its event loop.", NULL, NULL, {"absolute"}, {NULL}},
    /* a subject no clause judges speaks in its own clause only: the
     * other subject's judgement and its words are not its */
    {"Wren is lighter for embedded boards, whereas Kestrel can use several cores.", NULL, NULL,
     {"ST Kestrel pol=1 qualified", "#parallelism*"}, {"ST Kestrel pol=1 qualified keys=embed"}},
    /* an ability asserted judges; a thing flatly denied judges too */
    {"Kestrel can use several cores.", NULL, NULL, {"ST Kestrel pol=1 qualified", "#parallelism*"}, {"NE"}},
    {"Wren has no package manager.", NULL, NULL, {"ST Wren pol=-1 absolute", "$packag manag"}, {NULL}},
    {"Wren has a package manager.", NULL, NULL, {"ST Wren pol=1 plain"}, {NULL}},
    /* aspects: the subject's own part counts, the other's is the base */
    {"The Kestrel JIT is fast.", NULL, NULL, {"&kestrel jit"}, {NULL}},
    {"Kestrel is faster than the Wren VM.", NULL, NULL, {"ST Kestrel pol=1 plain vs=Wren keys=#speed*\n"}, {NULL}},
    /* only a comparison that names its base is one */
    {"Kestrel is faster than Wren.", NULL, NULL, {"ST Kestrel pol=1 plain vs=Wren", "ST Wren pol=-1 plain vs=Kestrel"},
     {NULL}},
    {"Kestrel errors are harder to trace.", NULL, NULL, {"ST Kestrel pol=-1", "#debugging*"}, {"vs="}},
    /* ... though it still ranks the two: against the other compared */
    {"Kestrel is easier to learn.", NULL, NULL, {"ST Kestrel pol=1 plain ranks=Wren keys="}, {"vs=", "joint"}},
    /* subjects joined by "and" as a clause's subject are judged alike;
     * as an object, or compared, they are not */
    {"Kestrel and Wren have a steep learning curve.", NULL, NULL,
     {"ST Kestrel pol=-1 plain joint", "ST Wren pol=-1 plain joint"}, {NULL}},
    {"It is worth noting that Kestrel and Wren are hard to learn.", NULL, NULL, {"joint"}, {NULL}},
    {"This guide compares Kestrel and Wren across important dimensions.", NULL, NULL, {NULL}, {"joint"}},
    /* a comparative running on to an infinitive ranks on what that
     * names, not on the words that say what is ranked */
    {"Kestrel is the easiest systems language to learn.", NULL, NULL,
     {"ST Kestrel pol=1 plain ranks=Wren", "ranked=#learning\n"}, {"ranked=system"}},
    {"Kestrel is easier on embedded boards.", NULL, NULL, {"ranked=embed,board\n"}, {NULL}},
    /* the words right after the subject say which part of it is judged,
     * not on what, when the clause judges a named aspect besides */
    {"Kestrel web frameworks are slow.", NULL, NULL, {"keys=web,#speed*\n"}, {NULL}},
    {"Kestrel backend development may not match that raw speed.", NULL, NULL, {"#backend,", "#speed*"}, {"#backend*"}},
    /* ... and are what is judged when nothing else is named */
    {"Kestrel installation is painful.", NULL, NULL, {"keys=#setup*\n"}, {NULL}},
    /* a judgement with its infinitive judges what the infinitive
     * names, not the concept of its own word */
    {"Kestrel is faster to deploy than Wren.", NULL, NULL, {"ST Kestrel pol=1", "deploi*"}, {"#speed"}},
    {"Kestrel is slow to install.", NULL, NULL, {"ST Kestrel pol=-1", "#setup*"}, {"#speed"}},
    {"Kestrel is slow compared to Wren.", NULL, NULL, {"#speed*"}, {NULL}},
    /* a verb of doing with an object says what is done, not how fast */
    {"Kestrel performs batch conversions poorly.", NULL, NULL, {"ST Kestrel pol=-1", "batch"}, {"#speed"}},
    {"Kestrel is popular, performing the nightly conversions.", NULL, NULL, {"ST Kestrel pol=1"}, {"#speed"}},
    {"Kestrel performs remarkably well.", NULL, NULL, {"#speed*"}, {NULL}},
    {"Kestrel performs poorly under load.", NULL, NULL, {"ST Kestrel pol=-1", "#speed*"}, {NULL}},
    /* the pace of making software is not the subject's speed */
    {"With Kestrel, teams ship releases faster.", NULL, NULL, {"ST Kestrel pol=1", "ship"}, {"#speed"}},
    {"Kestrel's user base is small but growing fast.", NULL, NULL, {"grow*"}, {"#speed"}},
    {"Kestrel allows a faster and cleaner development cycle.", NULL, NULL, {"ST Kestrel pol=1", "develop*"}, {"#speed"}},
    {"Kestrel is faster for the development of games.", NULL, NULL, {"#speed*"}, {NULL}},
    {"Kestrel enables fast, efficient server-side development.", NULL, NULL, {"ST Kestrel pol=1", "develop*"}, {"#speed*"}},
    {"Kestrel code runs faster than Wren code.", NULL, NULL, {"#speed*"}, {NULL}},
    /* what the subject has is not its comparison's base's */
    {"Kestrel is an alternative to Wren by providing a smaller runtime.", NULL, NULL, {"NE Wren"}, {"ST Wren"}},
    {"Compared with Wren, Kestrel provides plugins.", NULL, NULL, {"NE Wren", "ST Kestrel pol=1"}, {"ST Wren"}},
    {"Unlike Wren, Kestrel provides plugins.", NULL, NULL, {"ST Kestrel pol=1"}, {"ST Wren pol=1"}},
    /* having a cost is a fault, not a feature */
    {"Kestrel has a learning curve.", NULL, NULL, {"ST Kestrel pol=-1"}, {"pol=1"}},
    /* nor is the pace of releasing or taking it up */
    {"Kestrel has a slow release cycle.", NULL, NULL, {"ST Kestrel pol=-1", "releas*"}, {"#speed"}},
    {"Kestrel saw slow adoption in its first years.", NULL, NULL, {"ST Kestrel pol=-1", "adopt*"}, {"#speed"}},
    {"The latest Kestrel release is much faster.", NULL, NULL, {"#speed*"}, {NULL}},
    /* a comparative after a word of becoming compares the subject with
     * itself; without one it ranks against the other subject */
    {"Kestrel builds can become slower in larger monorepos.", NULL, NULL, {"ST Kestrel pol=-1"}, {"ranks="}},
    {"Kestrel gets much harder to debug at scale.", NULL, NULL, {"ST Kestrel pol=-1"}, {"ranks="}},
    {"Kestrel builds are slower.", NULL, NULL, {"ST Kestrel pol=-1", "ranks=Wren"}, {NULL}},
    /* a constraint is a thing, not a hedge ("constrains" is one) */
    {"Kestrel does not support CHECK constraints.", NULL, NULL, {"ST Kestrel pol=-1 absolute"}, {NULL}},
    {"The scheduler constrains Kestrel threads.", NULL, NULL, {"qualified"}, {NULL}},
    /* a need denied is no flat denial */
    {"Kestrel does not need root privileges.", NULL, NULL, {"ST Kestrel pol=1 plain"}, {"absolute"}},
    /* a feature's difficulty says how hard it is to use, not whether
     * the subject has it; a quality's difficulty judges the quality */
    {"Kestrel's async model brings extra complexity.", NULL, NULL, {"#asynchrony"}, {"#asynchrony*"}},
    {"Kestrel requires familiarity with asynchronous patterns.", NULL, NULL, {"#asynchrony"}, {"#asynchrony*"}},
    {"Distributed transactions in Wren are hard to get right.", NULL, NULL, {"#transactions"}, {"#transactions*"}},
    {"Kestrel does not support asynchronous I/O.", NULL, NULL, {"ST Kestrel pol=-1", "#asynchrony*"}, {NULL}},
    /* a verb phrase left out ("but Y does not") speaks of the aspects of
     * the clause before it; so does an object relative ("which Y lacks") */
    {"Kestrel supports green threads, but Wren does not.", NULL, NULL,
     {"ST Kestrel pol=1 plain keys=green*,#threads*", "ST Wren pol=-1 absolute keys=green*,#threads*"}, {NULL}},
    {"Wren lacks green threads, while Kestrel does not.", NULL, NULL, {"ST Kestrel pol=1", "ST Wren pol=-1"}, {"keys=\n"}},
    {"Kestrel supports green threads, a feature that Wren lacks.", NULL, NULL,
     {"ST Wren pol=-1 plain keys=green*,#threads*"}, {NULL}},
    /* the value a comparison names is its subject's, not its base's */
    {"Its security model is better than Wren's.", "Kestrel", NULL,
     {"ST Kestrel pol=1 plain vs=Wren pole=security/secure", "ST Wren pol=-1 plain ranks=Kestrel keys="}, {NULL}},
    /* a contrast of another subject that names no aspect of its own
     * speaks of the one before; one that names its own keeps it */
    {"Kestrel shines in log aggregation, whereas Wren struggles.", NULL, NULL,
     {"ST Wren pol=-1 plain keys=$log aggreg*,log*,aggreg*"}, {NULL}},
    {"Kestrel is fast, whereas Wren has a stable package manager.", NULL, NULL,
     {"ST Wren pol=1 plain pole=stability/stable keys=#stability*,$packag manag*"}, {NULL}},
    /* two named alike with no judgement: joint, for a ranking's other
     * answer */
    {"Kestrel and Wren are evenly matched on package managers.", NULL, NULL,
     {"NE Kestrel pol=0 plain joint", "NE Wren pol=0 plain joint"}, {NULL}},
    {"Kestrel and Wren both ship package managers.", NULL, NULL, {NULL}, {"joint"}},
    /* "not merely" softens the denial into praise */
    {"Kestrel is not merely a runtime.", NULL, NULL, {NULL}, {"pol=-1", "absolute"}},
    /* a state given as past no longer holds, and says it changed */
    {"Kestrel used to be slow.", NULL, NULL, {"ST Kestrel pol=1 plain change keys=#speed*"}, {NULL}},
    /* a comparison that goes on naming no one compares the same two */
    {"Kestrel is faster than Wren at startup, but slower at steady state.", NULL, NULL,
     {"ST Kestrel pol=-1 plain ranks=Wren", "ST Wren pol=1 plain ranks=Kestrel"}, {NULL}},
    {"Kestrel's async support is weak and its threads are complex.", NULL, NULL, {"#asynchrony*"}, {NULL}},
    {"Scaling Kestrel horizontally can be complex.", NULL, NULL, {"ST Kestrel pol=-1", "#scalability*"}, {NULL}},
    /* the words right before the subject say which kind of it is
     * judged, not on what, when the clause judges a named aspect */
    {"Running self-hosted Kestrel in production is not free of cost.", NULL, NULL, {"self,", "host,", "#cost*"}, {"self*"}},
    {"Learning Kestrel is easy for beginners.", NULL, NULL, {"#learning*"}, {NULL}},
    {"Hosted Kestrel is slow.", NULL, NULL, {"host,", "#speed*"}, {"host*"}},
    /* a concession qualifies nothing: the clause holds either way */
    {"Even if you add more workers, Kestrel does not support parallel jobs.", NULL, NULL, {"absolute"}, {"qualified"}},
    {"If you add more workers, Kestrel does not support parallel jobs.", NULL, NULL, {NULL}, {NULL}},
    /* "use case" names no aspect, cue of the user's or not */
    {"Kestrel is ideal for many use cases and scenarios.", NULL, NULL, {"ST Kestrel pol=1"}, {"us case", "case", "scenario"}},
    /* what an object relative says of its noun restricts nothing */
    {"Kestrel keeps the features you are familiar with.", NULL, NULL, {"Kestrel"}, {"scope=audience"}},
    {"Kestrel is easy if you are familiar with Wren.", NULL, NULL, {"scope=audience/experienced"}, {NULL}},
    /* network access is no I/O-bound workload, a default setting no
     * build, a feature out of the box no standard build */
    {"Kestrel scripts cannot access the network by default.", NULL, NULL, {"Kestrel"}, {"scope="}},
    {"Kestrel supports TypeScript out of the box.", NULL, NULL, {"Kestrel"}, {"scope="}},
    {"Kestrel is slow in its traditional build.", NULL, NULL, {"scope=build/standard"}, {NULL}},
    /* a refined scope names its parent too and asks what it asks */
    {"Kestrel is a strong fit for high-traffic APIs.", NULL, NULL,
     {"scope=size/large scope=size/large/load", "%size/large*"}, {"%size/large/load"}},
    /* nor does the article's preview of itself assert an ability */
    {"In this article we will explore what Kestrel can do.", NULL, NULL, {"NE Kestrel"}, {"ST"}},
    /* an even-handed verdict with a negation in it denies nothing */
    {"There is no clear winner between Kestrel and Wren.", NULL, NULL, {NULL}, {"pol=-1", "absolute"}},
    /* "both" judges two alike, ranking neither (so do subjects joined by
     * "and", below) */
    {"Both Kestrel and Wren are easy to learn.", NULL, NULL,
     {"ST Kestrel pol=1 plain joint keys=", "ST Wren pol=1 plain joint keys=", "#learning*"}, {"ranks="}},
    {"Kestrel is easy to learn.", NULL, NULL, {"ST Kestrel pol=1"}, {"joint"}},
    {"Both Kestrel and Wren are fast, but Wren is faster than Kestrel.", NULL, NULL, {"joint", "vs=Kestrel"}, {NULL}},
    /* a recommendation picks one of the two over the other */
    {"For embedded devices, Wren is the better choice.", NULL, NULL, {"ST Wren pol=1", "vs=Kestrel"}, {NULL}},
    /* the evaluative word speaks of what is near it */
    {"Kestrel has great documentation but a small standard library of dated modules.", NULL, NULL,
     {"#documentation*"}, {NULL}},
    /* categories */
    {"Kestrel is a scripting language.", NULL, NULL, {"CAT Kestrel pol=1", "kind=language"}, {NULL}},
    {"Wren is a small embeddable engine from a hobbyist team.", NULL, NULL, {"CAT Wren pol=1", "kind=engine"}, {NULL}},
    {"Kestrel is a message broker.", NULL, NULL, {"kind=broker"}, {NULL}},
    {"Wren is not a language but rather a runtime environment.", NULL, NULL,
     {"kind=not language", "CAT Wren pol=1 plain kind=runtime"}, {NULL}},
    {"Kestrel and Wren are two popular frameworks.", NULL, NULL,
     {"CAT Kestrel pol=1 plain kind=framework", "CAT Wren pol=1 plain kind=framework"}, {NULL}},
    {"It is a mature language with a huge community.", "Wren", NULL, {"CAT Wren pol=1 plain kind=language"}, {NULL}},
    {"Unlike Kestrel, it is not a framework.", "Wren", NULL, {"CAT Wren pol=-1", "kind=not framework"},
     {"CAT Kestrel"}},
    {"Wren, on the other hand, is a small runtime.", NULL, NULL, {"CAT Wren pol=1 plain kind=runtime"}, {NULL}},
    {"Wren is cross-platform.", NULL, NULL, {NULL}, {"CAT"}},
    /* words of degree inside the phrase, a kind as others say it, a
     * copula of state */
    {"Wren is the most widely used embeddable engine.", NULL, NULL, {"CAT Wren pol=1 plain kind=engine"}, {NULL}},
    {"Kestrel is a much more mature language.", NULL, NULL, {"CAT Kestrel pol=1 plain kind=language"}, {NULL}},
    {"Kestrel is often described as a framework.", NULL, NULL, {"kind=framework"}, {NULL}},
    {"Kestrel remains the leading scripting language.", NULL, NULL, {"kind=language"}, {NULL}},
    /* an appositive says what the subject is; "rather than" denies */
    {"Wren, a small embeddable engine, runs on phones.", NULL, NULL, {"CAT Wren pol=1 plain kind=engine"}, {NULL}},
    {"Unlike Kestrel, a Wren engine is small.", NULL, NULL, {NULL}, {"CAT Kestrel"}},
    {"Kestrel is a language rather than a framework.", NULL, NULL,
     {"CAT Kestrel pol=1 plain kind=language", "CAT Kestrel pol=-1 plain kind=not framework"}, {NULL}},
    {"Both languages have large communities.", "Wren", NULL, {NULL}, {"CAT"}},
    {"Kestrel is the clear winner for games.", NULL, NULL, {NULL}, {"CAT"}},
    /* poles, and a participle before its own noun */
    {"Kestrel is an interpreted language.", NULL, NULL, {"pole=execution/interpreted", "kind=language"}, {NULL}},
    {"Kestrel code is compiled to bytecode.", NULL, NULL, {"pole=execution/compiled"}, {NULL}},
    {"Wren relies on compiled C code for speed.", NULL, NULL, {NULL}, {"pole="}},
    {"Wren is statically typed.", NULL, NULL, {"pole=typing/static"}, {NULL}},
    /* the value a comparison names is its subject's, not its base's */
    {"Kestrel is more secure than Wren.", NULL, NULL, {"ST Kestrel pol=1 plain vs=Wren pole=security/secure", "ST Wren pol=-1"},
     {"vs=Kestrel pole="}},
    {"Wren is compiled, unlike Kestrel.", NULL, NULL, {"Wren pol=0 plain pole=execution/compiled"},
     {"Kestrel pol=0 plain pole="}},
    /* data-heavy work is its own workload, not CPU-bound work */
    {"Kestrel is a strong fit for data-intensive applications.", NULL, NULL, {"scope=workload/data"},
     {"scope=workload/cpu"}},
    /* heavy load is a large scope, as a large project is */
    {"Wren handles high-traffic APIs well.", NULL, NULL, {"scope=size/large"}, {"scope=size/small"}},
    /* different words for one aspect meet on its concept */
    {"Kestrel is fault-tolerant.", NULL, NULL, {"#reliability"}, {NULL}},
    {"Wren offers strong durability guarantees.", NULL, NULL, {"#reliability*"}, {NULL}},
    {"Wren ships plugins and connectors for most queues.", NULL, NULL, {"#integrations"}, {NULL}},
    /* a cue that only judges ("better suited") is no aspect; one that
     * names something is */
    {"Kestrel is better suited for log aggregation.", NULL, NULL, {"$log aggreg"}, {"$better suit"}},
    /* a compound is its own concept: machine learning is no learning */
    {"Kestrel is popular for machine learning.", NULL, NULL, {"#ml"}, {"#learning"}},
    {"Kestrel is easy to learn.", NULL, NULL, {"#learning*"}, {"#ml"}},
    /* learning material is documentation, not how easy it is to learn */
    {"Kestrel has great learning materials.", NULL, NULL, {"#documentation*"}, {"#learning"}},
    /* a comma before another subject's name opens its own clause,
     * which says what the one before says when its verb is left out */
    {"Use Kestrel for chat servers, Wren for data processing.", NULL, NULL,
     {"ST Kestrel pol=1 plain keys=chat*\n", "ST Wren pol=1 qualified scope=workload/data keys=%workload/data*\n"},
     {"chat*,%workload"}},
    {"Kestrel suits chat servers, and Wren suits data processing.", NULL, NULL,
     {"ST Kestrel pol=1 plain keys=chat*\n", "ST Wren pol=1 qualified scope=workload/data keys=%workload/data*\n"},
     {"chat*,%workload"}},
    {"And Wren, unlike Kestrel, is slow.", NULL, NULL, {"ST Wren pol=-1"}, {NULL}},
    {"In comparison to Wren, Kestrel is slow.", NULL, NULL, {"ST Kestrel pol=-1", "ST Wren pol=1"}, {NULL}},
    /* a concession fronted after "and" ends at its comma */
    {"Kestrel has improved, and while it is slow to compile, it is reliable.", NULL, NULL,
     {"ST Kestrel pol=-1", "ST Kestrel pol=1"}, {"pol=0"}},
    /* "only" restricting a verb of having says the subject has little */
    {"Kestrel only ships a Java client.", NULL, NULL, {"ST Kestrel pol=-1"}, {"pol=1"}},
    {"Kestrel can only run on one core.", NULL, NULL, {"ST Kestrel pol=-1"}, {"pol=1"}},
    {"Kestrel supports only Linux.", NULL, NULL, {"ST Kestrel pol=-1"}, {"pol=1"}},
    {"Kestrel is the only runtime that supports replay.", NULL, NULL, {"ST Kestrel pol=1"}, {"pol=-1"}},
    /* a feature still experimental is there, qualified */
    {"Wren's WebKit support is still experimental.", NULL, NULL, {"ST Wren pol=1 qualified", "webkit*"}, {NULL}},
    {"Kestrel plugins are in beta.", NULL, NULL, {"ST Kestrel pol=1 qualified"}, {NULL}},
    /* an aside in parentheses is judged apart from its sentence */
    {"Built with Kpm (Kpm installs Kestrel), Kestrel plugins are also mature.", NULL, NULL, {"ST Kestrel pol=1", "#setup,"},
     {"#setup*"}},
    {"Kestrel (installs in seconds) is popular.", NULL, NULL, {"#setup"}, {"#setup*"}},
    {"Kestrel is easy to install (a single binary).", NULL, NULL, {"#setup*"}, {NULL}},
    /* change */
    {"Newer Kestrel builds now ship a free-threaded mode.", NULL, NULL, {"change", "#threads"}, {NULL}},
    /* "modern" describes what it stands before ("modern web apps") */
    {"Learn Kestrel for modern web apps.", NULL, NULL, {"Kestrel"}, {"change"}},
    /* a cell is about its column's subject */
    {"Threads and async tasks; the lock limits CPU-bound threading", NULL, "Kestrel",
     {"ST Kestrel pol=-1 qualified", "#threads*"}, {NULL}},
};

START_TEST(test_cases)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const prop_case *pc = &cases[i];
        char *got = props_of(pc->text, pc->prev, pc->col);
        for (size_t k = 0; k < 4 && pc->has[k]; k++)
            ck_assert_msg(strstr(got, pc->has[k]) != NULL, "\"%s\": no \"%s\" in\n%s", pc->text, pc->has[k], got);
        for (size_t k = 0; k < 3 && pc->hasnt[k]; k++)
            ck_assert_msg(strstr(got, pc->hasnt[k]) == NULL, "\"%s\": \"%s\" in\n%s", pc->text, pc->hasnt[k], got);
        free(got);
    }
}
END_TEST

START_TEST(test_table_cells)
{
    /* a cell answers its row: the row label's words are its aspects */
    char *a = props_of_cell("Yes (since 2.1)", NULL, "Kestrel", "[Hot reload](https://kestrel.example/docs/reload)");
    ck_assert_msg(strstr(a, "ST Kestrel pol=1 plain") && strstr(a, "hot*") && strstr(a, "reload*"), "%s", a);
    ck_assert_msg(!strstr(a, "docs") && !strstr(a, "exampl") && !strstr(a, "http"), "%s", a);
    char *b = props_of_cell("No", NULL, "Wren", "Hot reload");
    ck_assert_msg(strstr(b, "ST Wren pol=-1 absolute") && strstr(b, "reload*"), "%s", b);
    /* "yes" is an answer only where a cell opens with it */
    char *c = props_of("Yes, Wren ships a debugger.", NULL, NULL);
    char *d = props_of_cell("Supported", NULL, "Wren", "Plugin API");
    ck_assert_msg(strstr(d, "ST Wren pol=1") && strstr(d, "#integrations*") && strstr(d, "api*"), "%s", d);
    char *f = props_of("Wren ships a debugger.", NULL, NULL);
    ck_assert_str_eq(c, f);
    /* a cell of marks, which are no words, answers as "Yes" or "No" */
    char *h = props_of_cell("\xe2\x9c\x85", NULL, "Kestrel", "Hot reload");
    ck_assert_msg(strstr(h, "ST Kestrel pol=1 plain") && strstr(h, "reload*"), "%s", h);
    char *i = props_of_cell(" **\xe2\x9d\x8c** ", NULL, "Wren", "Hot reload");
    ck_assert_msg(strstr(i, "ST Wren pol=-1 absolute") && strstr(i, "reload*"), "%s", i);
    char *j = props_of_cell("None", NULL, "Wren", "Hot reload");
    ck_assert_msg(strstr(j, "ST Wren pol=-1 absolute") && strstr(j, "reload*"), "%s", j);
    /* ... also before words, and only where a cell opens with one */
    char *k = props_of_cell("\xe2\x9c\x85 with the kpm plugin", NULL, "Kestrel", "Hot reload");
    ck_assert_msg(strstr(k, "ST Kestrel pol=1") && strstr(k, "reload*"), "%s", k);
    char *l = props_of("Wren ships a debugger \xe2\x9c\x85.", NULL, NULL);
    ck_assert_str_eq(l, f);
    char *o = props_of_cell("Wren", NULL, "Kestrel", "Unsupported on");
    ck_assert_msg(!strstr(o, "pol=-1"), "%s", o);
    /* an icon's class answers as a mark does, past a library prefix */
    char *ic = props_of_cell("<i class=\"fa-solid fa-square-check green\"></i>", NULL, "Kestrel", "Hot reload");
    ck_assert_msg(strstr(ic, "ST Kestrel pol=1") && strstr(ic, "reload*"), "%s", ic);
    char *ix = props_of_cell("<span class='bi bi-x-circle'></span>", NULL, "Wren", "Hot reload");
    ck_assert_msg(strstr(ix, "ST Wren pol=-1") && strstr(ix, "reload*"), "%s", ix);
    char *iy = props_of_cell("<i class=\"fa-solid fa-flask\"></i>", NULL, "Wren", "Hot reload");
    ck_assert_msg(!strstr(iy, "pol=1") && !strstr(iy, "pol=-1"), "%s", iy);
    char *iz = props_of_cell("<i class=\"checkbox-large\"></i>", NULL, "Wren", "Hot reload");
    ck_assert_msg(!strstr(iz, "pol=1") && !strstr(iz, "pol=-1"), "%s", iz);
    free(ic);
    free(ix);
    free(iy);
    free(iz);
    /* "none of" is still said of every case */
    char *q = props_of("None of Wren's plugins are fast.", NULL, NULL);
    ck_assert_msg(strstr(q, "absolute"), "%s", q);
    free(q);
    free(h);
    free(i);
    free(j);
    free(k);
    free(l);
    free(o);
    /* a claim's links are no part of what it says */
    char *g = props_of("Wren lacks a [package manager](https://wren.example/docs/kestrel-pkg).", NULL, NULL);
    ck_assert_msg(strstr(g, "$packag manag") && !strstr(g, "docs") && !strstr(g, "Kestrel"), "%s", g);
    free(a);
    free(b);
    free(c);
    free(d);
    free(f);
    free(g);
}
END_TEST

/* The row "label | a | b" of a table with columns Kestrel and Wren (a
 * third cell c, when not NULL, is Kestrel's again): every cell's
 * propositions after the row is read, a line each (props_str). */
static char *row_of(const char *label, const char *a, const char *b, const char *c)
{
    const char *text[3] = {a, b, c}, *col[3] = {"Kestrel", "Wren", "Kestrel"};
    prop ps[3][32];
    prop_cell cells[3];
    size_t n = c ? 3 : 2;
    for (size_t i = 0; i < n; i++) {
        size_t np = extract(text[i], NULL, col[i], label, ps[i]);
        cells[i] = (prop_cell){text[i], strlen(text[i]), tax_find_subject(e.tax, col[i]), ps[i], np};
    }
    prop_ctx ctx = {e.lex, e.tax, e.slex, e.words, NULL, e.keys};
    prop_table_row(&ctx, label, cells, n);
    buf out = BUF_INIT;
    for (size_t i = 0; i < n; i++) props_str(&out, cells[i].props, cells[i].nprops, cells[i].len);
    return buf_detach(&out, NULL);
}

START_TEST(test_table_rows)
{
    static const struct {
        const char *label, *a, *b, *c;
        const char *want; /* substrings, "|"-separated; "" ranks nothing */
    } rows[] = {
        /* levels, "very" a step further */
        {"Performance", "High", "Very High", NULL,
         "ST Kestrel pol=-1 plain ranks=Wren|ST Wren pol=1 plain ranks=Kestrel|ranked=#speed"},
        /* less is better: the row names a cost */
        {"Memory usage", "High", "Low", NULL, "ST Kestrel pol=-1 plain ranks=Wren|ST Wren pol=1 plain ranks=Kestrel"},
        /* ... or judges badly */
        {"Complexity", "Low", "High", NULL, "ST Kestrel pol=1 plain ranks=Wren|ST Wren pol=-1 plain ranks=Kestrel"},
        /* a middle level is a judgement's zero */
        {"Learning curve", "Moderate", "Easy", NULL,
         "ST Kestrel pol=-1 plain ranks=Wren|ST Wren pol=1 plain ranks=Kestrel|ranked=#learning"},
        {"Tooling", "Very good", "Good", NULL, "ST Kestrel pol=1 plain ranks=Wren|ST Wren pol=-1 plain ranks=Kestrel"},
        /* ratings and stars */
        {"Community", "4/5", "3 / 5", NULL, "ST Kestrel pol=1 plain ranks=Wren|ST Wren pol=-1 plain ranks=Kestrel|ranked=#community"},
        {"Community", "7.5/10", "**8/10**", NULL, "ST Kestrel pol=-1 plain ranks=Wren|ST Wren pol=1 plain ranks=Kestrel"},
        {"Docs", "\xe2\x98\x85\xe2\x98\x85\xe2\x98\x86\xe2\x98\x86\xe2\x98\x86",
         "\xe2\x98\x85\xe2\x98\x85\xe2\x98\x85\xe2\x98\x85\xe2\x98\x86", NULL,
         "ST Kestrel pol=-1 plain ranks=Wren|ST Wren pol=1 plain ranks=Kestrel|ranked=#documentation"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char *got = row_of(rows[i].label, rows[i].a, rows[i].b, rows[i].c);
        char want[256];
        snprintf(want, sizeof want, "%s", rows[i].want);
        for (char *w = strtok(want, "|"); w; w = strtok(NULL, "|"))
            ck_assert_msg(strstr(got, w), "%s | %s | %s: no \"%s\" in\n%s", rows[i].label, rows[i].a, rows[i].b, w, got);
        free(got);
    }
    /* rows that rank nothing: equal grades, grades of two kinds, a cell
     * longer than a grade, a rating out of range, three columns */
    static const char *const none[][4] = {
        {"Speed", "Fast", "Fast", NULL},
        {"Speed", "High", "Good", NULL},
        {"Speed", "High", "High under light load with the wren vm", NULL},
        {"Community", "7/5", "3/5", NULL},
        {"Community", "2024/05", "3/5", NULL},
        {"Released", "10/12", "03/10", NULL},
        {"Performance", "High", "Low", "Moderate"},
        {"Hot reload", "Built-in", "None", NULL},
        {"Hot reload", "Yes", "No", NULL},
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        char *got = row_of(none[i][0], none[i][1], none[i][2], none[i][3]);
        ck_assert_msg(!strstr(got, "ranks="), "%s | %s | %s ranks:\n%s", none[i][0], none[i][1],
                      none[i][2], got);
        free(got);
    }
}
END_TEST

START_TEST(test_keys_meet)
{
    /* one aspect in different words meets on one key */
    char *a = props_of("Kestrel does not support multithreading.", NULL, NULL);
    char *b = props_of("Threads in Kestrel are limited.", NULL, NULL);
    char *c = props_of("Kestrel's threading model is weak.", NULL, NULL);
    ck_assert_ptr_nonnull(strstr(a, "#threads"));
    ck_assert_ptr_nonnull(strstr(b, "#threads"));
    ck_assert_ptr_nonnull(strstr(c, "#threads"));
    free(a);
    free(b);
    free(c);
    /* interned: the same text, the same id */
    uint32_t x = prop_key(e.keys, "#threads", 8, NULL, 0), y = prop_key(e.keys, "#threads", 8, "threads", 7);
    ck_assert_uint_eq(x, y);
    ck_assert_str_eq(prop_key_str(e.keys, x), "#threads");
    size_t before = prop_key_count(e.keys);
    for (int i = 0; i < 1000; i++) {
        char k[16];
        snprintf(k, sizeof k, "k%d", i);
        prop_key(e.keys, k, strlen(k), NULL, 0);
    }
    ck_assert_uint_eq(prop_key_count(e.keys), before + 1000);
    ck_assert_str_eq(prop_key_str(e.keys, prop_key(e.keys, "k999", 4, NULL, 0)), "k999");
    /* a phrase broken over two lines is shown on one */
    uint32_t z = prop_key(e.keys, "$messag order", 13, " message\n  ordering ", 20);
    ck_assert_str_eq(prop_key_shown(e.keys, z), "message ordering");
}
END_TEST

START_TEST(test_age)
{
    ck_assert(prop_lex_age(e.lex, "Wren has existed for decades.", 29));
    ck_assert(prop_lex_age(e.lex, "Both are now nearly 30 years old.", 33));
    ck_assert(prop_lex_age(e.lex, "It is ten years after its release.", 34));
    ck_assert(!prop_lex_age(e.lex, "A release every six months.", 27));
}
END_TEST

static size_t scope_index(const char *name)
{
    for (size_t i = 0; prop_lex_scope(e.lex, i); i++)
        if (strcmp(prop_lex_scope(e.lex, i), name) == 0) return i;
    ck_abort_msg("no scope %s", name);
    return 0;
}

/* Scopes of one axis, and the axes asked as a choice for one subject */
START_TEST(test_scope_axes)
{
    size_t small = scope_index("size/small"), large = scope_index("size/large"), cpu = scope_index("workload/cpu");
    ck_assert(prop_lex_same_axis(e.lex, small, large));
    ck_assert(prop_lex_same_axis(e.lex, large, large));
    ck_assert(!prop_lex_same_axis(e.lex, small, cpu));
    ck_assert_ptr_nonnull(prop_lex_question(e.lex, "!size"));
    ck_assert_ptr_null(prop_lex_question(e.lex, "!workload"));
}
END_TEST

/* Loading lexicon text is refused with a message containing want, and
 * nothing loaded. */
static void lex_refused(const char *text, const char *want)
{
    prop_lex *l = NULL;
    char *err = NULL;
    ck_assert_int_eq(prop_lex_load(text, strlen(text), &l, &err), KB_ERR);
    ck_assert_ptr_null(l);
    ck_assert_msg(err && strstr(err, want), "%s", err ? err : "(no message)");
    free(err);
}

START_TEST(test_lexicon_errors)
{
    prop_lex *l = NULL;
    char *err = NULL;
    const char *bad = "frobnicate\t-\tfoo\n";
    ck_assert_int_eq(prop_lex_load(bad, strlen(bad), &l, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "line 1"));
    free(err);
    err = NULL;
    const char *noname = "# c\nconcept\t-\tfoo, bar\n";
    ck_assert_int_eq(prop_lex_load(noname, strlen(noname), &l, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "line 2"));
    free(err);
    err = NULL;
    const char *pole = "pole\tnoslash\tfoo\n";
    ck_assert_int_eq(prop_lex_load(pole, strlen(pole), &l, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "ASPECT/VALUE"));
    free(err);
    err = NULL;
    buf longname = BUF_INIT;
    buf_adds(&longname, "# c\n# c\nconcept\t");
    for (int i = 0; i < 127; i++) buf_addc(&longname, 'n');
    buf_adds(&longname, "\tfoo\n");
    ck_assert_int_eq(prop_lex_load(buf_cstr(&longname), longname.len, &l, &err), KB_ERR);
    ck_assert_msg(strstr(err, "line 3") && strstr(err, "126"), "%s", err);
    free(err);
    err = NULL;
    buf_free(&longname);
    /* a word in two lines would take whichever the matcher picks */
    const char *twice = "concept\tspeed\tfast, quick\nchange\t-\tnewer, Quick\n";
    ck_assert_int_eq(prop_lex_load(twice, strlen(twice), &l, &err), KB_ERR);
    ck_assert_msg(strstr(err, "line 2") && strstr(err, "Quick") && strstr(err, "line 1"), "%s", err);
    free(err);
    err = NULL;
    buf many = BUF_INIT;
    for (int i = 0; i < 33; i++) buf_printf(&many, "scope\ta/v%d\tword%d\n", i, i);
    ck_assert_int_eq(prop_lex_load(buf_cstr(&many), many.len, &l, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "at most 32"));
    free(err);
    err = NULL;
    buf_free(&many);
    /* a feature must be a concept: a misspelt one would do nothing */
    lex_refused("concept\tthreads\tthread*\nfeature\t-\tthreads, thread\n", "\"thread\" is no concept");
    const char *featok = "feature\t-\tthreads\nconcept\tthreads\tthread*\n";
    ck_assert_int_eq(prop_lex_load(featok, strlen(featok), &l, &err), KB_OK);
    ck_assert(!prop_lex_is_sized(l, "threads"));
    prop_lex_free(l);
    l = NULL;
    /* a refined scope needs the scope it refines */
    lex_refused("scope\tsize/big/load\thigh-traffic\n", "\"size/big/load\" refines \"size/big\", which is no scope");
    /* so must a sized one */
    lex_refused("concept\tcommunity\tcommunit*\nsized\t-\tcomunity\n", "sized \"comunity\" is no concept");
    ck_assert(prop_lex_is_sized(e.lex, "community") && !prop_lex_is_sized(e.lex, "speed"));
    lex_refused("scope\tbuild/standard\tstandard build\ndefault\t-\tbuild/default\n", "\"build/default\" is no scope");
    /* every value of an axis knows the axis's default, other axes none */
    size_t alt = 0, cpu = 0;
    for (size_t i = 0; prop_lex_scope(e.lex, i); i++) {
        if (strcmp(prop_lex_scope(e.lex, i), "build/alternative") == 0) alt = i;
        if (strcmp(prop_lex_scope(e.lex, i), "workload/cpu") == 0) cpu = i;
    }
    ck_assert_str_eq(prop_lex_scope(e.lex, (size_t)prop_lex_scope_default(e.lex, alt)), "build/standard");
    ck_assert_int_eq(prop_lex_scope_default(e.lex, cpu), -1);
    /* the lexicon's question templates */
    ck_assert_ptr_nonnull(prop_lex_question(e.lex, "#threads"));
    ck_assert_ptr_null(prop_lex_question(e.lex, "#nosuchaspect"));
    ck_assert(prop_lex_is_axis(e.lex, "execution"));
    ck_assert(!prop_lex_is_concept(e.lex, "execution"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("prop");
    TCase *tc = tcase_create("prop");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_cases);
    tcase_add_test(tc, test_table_cells);
    tcase_add_test(tc, test_table_rows);
    tcase_add_test(tc, test_keys_meet);
    tcase_add_test(tc, test_age);
    tcase_add_test(tc, test_scope_axes);
    tcase_add_test(tc, test_lexicon_errors);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
