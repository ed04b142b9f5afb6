/*
 * check_prop.c - propositions of one claim (prop.c, and prop_cat.c,
 * prop_judged.c, prop_neutral.c), table-driven over invented sentences
 * about two invented runtimes (Kestrel and Wren, with a taxonomy of
 * their own: tuprop.h): modality (absolute, qualified, plain;
 * negations softened by degree words), aspects (concepts, scopes,
 * parts of the subject but not of the other, taxonomy cues, stems, the
 * ones the evaluative words speak of), comparisons that name their base
 * (and the subject each ranks against, named or not; "both" judging
 * two alike) and recommendations, capabilities asserted (features not
 * there in full yet: "experimental") and things denied,
 * the alternative "instead of" sets aside (denied, not an aspect),
 * categories ("X is (not) a K", "but rather", pronouns, a compound
 * adjective is no kind, a kind presupposed is no claim), poles (and a
 * participle before its own noun) and change.  Tables:
 * check_prop_table.c; the lexicon and the keys: check_prop_lex.c.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "prop.h"
#include "testutil.h"
#include "tuprop.h"

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
    /* "not only" denies nothing and is no universal */
    {"Kestrel is not only fast but also small.", NULL, NULL, {"ST Kestrel pol=1 plain"}, {"absolute"}},
    {"Wren never blocks its event loop.", NULL, NULL, {"absolute"}, {NULL}},
    /* a subject no clause judges speaks in its own clause only: the
     * other subject's judgement and its words are not its */
    {"Wren is lighter for embedded boards, whereas Kestrel can use several cores.", NULL, NULL,
     {"ST Kestrel pol=1 qualified", "#parallelism*"}, {"ST Kestrel pol=1 qualified keys=embed"}},
    /* an ability asserted judges; a thing flatly denied judges too */
    {"Kestrel can use several cores.", NULL, NULL, {"ST Kestrel pol=1 qualified", "#parallelism*"}, {"NE"}},
    {"Wren has no package manager.", NULL, NULL, {"ST Wren pol=-1 absolute", "$packag manag"}, {NULL}},
    {"Wren has a package manager.", NULL, NULL, {"ST Wren pol=1 plain"}, {NULL}},
    /* a feature not there in full yet is had, qualified; an ability
     * ("can") is no want of maturity */
    {"Wren has experimental support for hot reloading.", NULL, NULL, {"ST Wren pol=1 qualified immature"}, {NULL}},
    {"Kestrel can reload code while it runs.", NULL, NULL, {"ST Kestrel pol=1 qualified"}, {"immature"}},
    /* ... but what the reader has is no ability of the subject's */
    {"If you have Wren installed, run the command.", NULL, NULL, {"NE Wren pol=0"}, {"ST Wren"}},
    {"We have Kestrel in production.", NULL, NULL, {"NE Kestrel pol=0"}, {"ST Kestrel"}},
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
    /* the words before a list of subjects say which kind of each the
     * clause speaks of */
    {"Using managed Kestrel/Wren clusters in production is not free of cost.", NULL, NULL,
     {"ST Kestrel pol=-1", "ST Wren pol=-1"}, {"manag*"}},
    /* a condition up to its comma is an aside: what it names is not
     * what the judgement after it speaks of */
    {"Kestrel runs everywhere, and if the docs are any guide, it is slow.", NULL, NULL,
     {"ST Kestrel pol=-1", "#speed*"}, {"#documentation*"}},
    {"Wren is slow if the docs are any guide.", NULL, NULL, {"ST Wren pol=-1", "#speed*"}, {"#documentation*"}},
    /* an abundance judges what it counts, far down a list of merits */
    {"Kestrel is mature, performs well when configured correctly, is well supported by editors, linters and "
     "debuggers, and has dozens of plugins that extend it to more deployment targets.",
     NULL, NULL, {"#integrations*"}, {NULL}},
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
    /* ... and so after a word of causing and its object, with no base */
    {"The new sandbox might make Kestrel more secure in the future.", NULL, NULL, {"ST Kestrel pol=1"}, {"ranks="}},
    {"The Kestrel cache makes builds faster.", NULL, NULL, {"ST Kestrel pol=1"}, {"ranks="}},
    {"Its cache makes Kestrel builds faster than Wren builds.", NULL, NULL, {"ST Kestrel pol=1 plain vs=Wren"}, {NULL}},
    /* operating a system is an aspect of its own, not running it */
    {"Operationally, Wren is more straightforward.", NULL, NULL, {"ST Wren pol=1 plain ranks=Kestrel", "#operations"}, {NULL}},
    {"Kestrel is harder to operate at scale.", NULL, NULL, {"ST Kestrel pol=-1", "#operations*"}, {NULL}},
    /* a degree word before an evaluative word is a comparative */
    {"Kestrel is more straightforward to learn.", NULL, NULL, {"ST Kestrel pol=1 plain ranks=Wren", "#learning*"}, {NULL}},
    {"Kestrel is less intuitive to learn.", NULL, NULL, {"ST Kestrel pol=-1 plain ranks=Wren"}, {NULL}},
    {"Kestrel has no more bloat.", NULL, NULL, {"ST Kestrel pol=1"}, {"ranks="}},
    /* a comparative ranks on what no other evaluative word nearer
     * judges: the learning curve here is steep, not ranked */
    {"Kestrel gives developers more flexibility within projects, which leads to a steep learning curve.", NULL, NULL,
     {"ST Kestrel", "#learning*", "ranked=develop,project,lead\n"}, {"lead,#learning"}},
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
    /* a relative set off after the name says what it is, a base's too */
    {"Kestrel, which is a runtime, ships a formatter.", NULL, NULL, {"Kestrel pol=1 plain kind=runtime"}, {NULL}},
    {"Unlike Wren, which is a runtime, Kestrel ships a formatter.", NULL, NULL, {"Wren pol=1 plain kind=runtime"},
     {"Kestrel pol=1 plain kind"}},
    /* two named alike with no judgement: joint, for a ranking's other
     * answer */
    {"Kestrel and Wren are evenly matched on package managers.", NULL, NULL,
     {"NE Kestrel pol=0 plain joint", "NE Wren pol=0 plain joint"}, {NULL}},
    {"Kestrel and Wren both ship package managers.", NULL, NULL, {NULL}, {"joint"}},
    /* "not fully", "not always", contracted too: in part, not absolute */
    {"Kestrel doesn't fully support green threads.", NULL, NULL, {"ST Kestrel pol=-1 qualified"}, {"absolute"}},
    {"Kestrel isn't always fast.", NULL, NULL, {"ST Kestrel pol=-1 qualified"}, {"absolute"}},
    /* an audience of experience is named as one, not by a bare
     * "advanced" */
    {"Kestrel suits advanced users.", NULL, NULL, {"scope=audience/experienced"}, {NULL}},
    {"Kestrel is fast even without advanced tuning.", NULL, NULL, {NULL}, {"scope=audience/experienced"}},
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
    {"Kestrel is more of a language than a framework.", NULL, NULL,
     {"CAT Kestrel pol=1 plain kind=language", "CAT Kestrel pol=-1 plain kind=not framework"}, {NULL}},
    {"Kestrel is best described as a runtime.", NULL, NULL, {"CAT Kestrel pol=1 plain kind=runtime"}, {NULL}},
    {"Kestrel is neither a language nor a framework.", NULL, NULL,
     {"kind=not language", "kind=not framework"}, {"CAT Kestrel pol=1"}},
    {"Both languages have large communities.", "Wren", NULL, {NULL}, {"CAT"}},
    {"Kestrel is the clear winner for games.", NULL, NULL, {NULL}, {"CAT"}},
    /* what a subject is written in: the names after the attribute's
     * words, for the copula's subject, the name right before, or the
     * one subject of a claim it opens */
    {"Kestrel is written in Haskell and OCaml.", NULL, NULL,
     {"VAL Kestrel pol=0 plain attr=language keys=@haskell*,@ocaml*"}, {NULL}},
    {"Wren is an open source, embeddable engine written in Zig.", NULL, NULL, {"VAL Wren", "keys=@zig*"}, {NULL}},
    {"Wren, implemented in C++ or Lua, boots fast.", NULL, NULL, {"VAL Wren", "keys=@c++*,@lua*"}, {NULL}},
    {"Written in Elixir", NULL, "Kestrel", {"VAL Kestrel", "keys=@elixir*"}, {NULL}},
    {"Kestrel is written in Nim and embraces modern practices.", NULL, NULL, {"keys=@nim*\n"}, {NULL}},
    {"Kestrel is written in Go.", NULL, NULL, {"VAL Kestrel", "keys=@go*"}, {NULL}},
    {"Kestrel uses a JIT, but is written in Haskell.", NULL, NULL, {"VAL Kestrel", "keys=@haskell*"}, {NULL}},
    {"Kestrel, a small runtime written in Haskell, boots fast.", NULL, NULL, {"VAL Kestrel", "keys=@haskell*"}, {NULL}},
    {"Unlike Wren, Kestrel uses a JIT and is written in Haskell.", NULL, NULL, {"VAL Kestrel"}, {"VAL Wren"}},
    {"Kestrel and Wren are fast, but are written in Haskell.", NULL, NULL, {NULL}, {"VAL"}},
    {"It is written in Haskell.", "Wren", NULL, {"VAL Wren", "keys=@haskell*"}, {NULL}},
    {"There is a good chance it is written in Kestrel.", NULL, NULL, {NULL}, {"VAL"}},
    /* ... not a negated copula, another thing's, a word the text does
     * not write as a name, a year, a comparison's base */
    {"Kestrel is not written in Haskell.", NULL, NULL, {NULL}, {"VAL"}},
    {"Kestrel helps teams build services written in Haskell.", NULL, NULL, {NULL}, {"VAL"}},
    {"Kestrel is written in haskell.", NULL, NULL, {NULL}, {"VAL"}},
    {"Kestrel was developed in 2015 at a games studio.", NULL, NULL, {NULL}, {"VAL"}},
    {"Unlike Wren, written in Zig, Kestrel boots fast.", NULL, NULL, {NULL}, {"VAL"}},
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
    /* "the former" and "the latter" after a colon each open a clause,
     * and so does a subject named before only as a comparison's base */
    {"Kestrel and Wren differ: the former is verbose, the latter is concise.", NULL, NULL,
     {"ST Kestrel pol=-1", "ST Wren pol=1"}, {"Kestrel pol=1", "Wren pol=-1", "latter"}},
    {"Kestrel is slower than Wren, and the latter is also easier to debug.", NULL, NULL,
     {"ST Kestrel pol=-1 plain vs=Wren", "ST Wren pol=1 plain ranks=Kestrel keys=#debugging"}, {"Kestrel pol=1"}},
    /* "comes at a cost" is a downside, not a price */
    {"Kestrel's plugin system comes at its own costs.", NULL, NULL, {"ST Kestrel pol=-1"}, {"#cost"}},
    {"Kestrel is free of charge.", NULL, NULL, {"ST Kestrel pol=1", "#cost*"}, {NULL}},
    /* a judgement the other way of an infinitive after a comma is a
     * clause of its own; a list of judgements is not */
    {"Kestrel is easy to learn, hard to master.", NULL, NULL, {"ST Kestrel pol=1", "ST Kestrel pol=-1"}, {NULL}},
    {"Kestrel is stable, slow and verbose.", NULL, NULL, {"ST Kestrel pol=-1"}, {"pol=1"}},
    /* "pretty" before a judgement is a degree, no aspect */
    {"Kestrel is pretty slow.", NULL, NULL, {"ST Kestrel pol=-1"}, {"pretti"}},
    /* a question asserts nothing, so it judges no one */
    {"Why would you want to use Kestrel over Wren?", NULL, NULL, {"NE Kestrel pol=0"}, {"ST "}},
    {"Is Kestrel slow?", NULL, NULL, {"NE Kestrel pol=0"}, {"ST "}},
    /* "great for A but not for B": the judgement denied where the
     * contrast says, on its own words */
    {"Wren is great for prototyping but not for production.", NULL, NULL,
     {"ST Wren pol=1", "ST Wren pol=-1 absolute keys=product"}, {NULL}},
    {"Wren is slow, but not for I/O.", NULL, NULL, {"ST Wren pol=-1", "ST Wren pol=1"}, {NULL}},
    /* a verb phrase left out after a clause that judges nothing speaks
     * of that clause's aspect, not of its value */
    {"Kestrel is open source, Wren is not.", NULL, NULL, {"ST Wren pol=-1 absolute keys=#licence"}, {"Wren pol=-1 absolute keys=\n"}},
    /* a kind had is an aspect; a kind said of the subject is none */
    {"Wren ships with a compiler.", NULL, NULL, {"ST Wren pol=1", "compil"}, {NULL}},
    {"Kestrel offers multiple types of databases.", NULL, NULL, {"databas"}, {NULL}},
    {"Wren is a compiler.", NULL, NULL, {"kind=compiler"}, {"compil*"}},
    /* a kind fronted before the subject says what it is */
    {"Being a newer runtime, Wren is overshadowed.", NULL, NULL, {"CAT Wren pol=1", "kind=runtime"}, {NULL}},
    {"As a result, Wren is overshadowed.", NULL, NULL, {"Wren"}, {"CAT"}},
    {"Need reliable delivery and flexible routing for Kestrel?**", NULL, NULL, {"NE Kestrel pol=0"}, {"ST "}},
    /* a label's colon ends no clause: what follows is the label's */
    {"Tooling: Kestrel ships a fast debugger.", NULL, NULL, {"ST Kestrel pol=1", "#tooling"}, {NULL}},
    /* climbing fast is growth, not speed */
    {"Kestrel has been climbing fast in popularity.", NULL, NULL, {"Kestrel"}, {"#speed"}},
    /* so does a verb of having a scant amount: "has few", "offers fewer" */
    {"Kestrel has few plugins.", NULL, NULL, {"ST Kestrel pol=-1"}, {"pol=1"}},
    {"Kestrel offers far fewer plugins than Wren.", NULL, NULL, {"ST Kestrel pol=-1"}, {"Kestrel pol=1"}},
    {"Kestrel has a few plugins.", NULL, NULL, {"ST Kestrel pol=1"}, {"pol=-1"}},
    {"Kestrel has little documentation.", NULL, NULL, {"ST Kestrel pol=-1"}, {"pol=1", "littl"}},
    {"Kestrel has fewer dependencies.", NULL, NULL, {"ST Kestrel pol=1"}, {"pol=-1"}},
    {"Kestrel has dependencies on external services.", NULL, NULL, {"ST Kestrel pol=-1"}, {"pol=1"}},
    /* what "instead of", "rather than", "in place of" set aside is
     * gone without: no aspect of what is asserted, a denial of its own;
     * a subject set aside is a choice, not this */
    {"Kestrel offers callbacks instead of promises.", NULL, NULL,
     {"ST Kestrel pol=1 plain keys=callback*\n", "ST Kestrel pol=-1 plain keys=promis*\n"}, {"callback*,promis"}},
    {"Rather than a package manager, Wren fetches modules by URL.", NULL, NULL,
     {"ST Wren pol=-1 plain keys=$packag manag*"}, {"modul*,$packag", "url*,$packag"}},
    {"Wren uses processes in place of threads.", NULL, NULL, {"ST Wren pol=-1 plain keys=#threads*"}, {"process*,#threads"}},
    {"Kestrel spawns a process per request instead of sharing one.", NULL, NULL, {"ST Kestrel pol=-1"}, {"pol=1"}},
    {"Teams run Kestrel instead of Wren for batch jobs.", NULL, NULL, {"NE Kestrel pol=0"}, {"ST Kestrel pol=-1", "ST Wren pol=-1"}},
    /* a feature still experimental is there, qualified */
    {"Wren's WebKit support is still experimental.", NULL, NULL, {"ST Wren pol=1 qualified", "webkit*"}, {NULL}},
    {"Kestrel plugins are in beta.", NULL, NULL, {"ST Kestrel pol=1 qualified"}, {NULL}},
    /* ... not one that is no longer, or has been stabilized since */
    {"Kestrel plugins are no longer experimental.", NULL, NULL, {"ST Kestrel pol=1 plain"}, {"immature", "qualified"}},
    {"Wren's hot reloading is not in beta.", NULL, NULL, {"ST Wren pol=1 plain"}, {"immature", "qualified"}},
    {"Kestrel's JIT was stabilized in version 3, in version 2 it is experimental.", NULL, NULL,
     {"ST Kestrel pol=1 plain"}, {"immature", "qualified"}},
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

int main(void)
{
    Suite *s = suite_create("prop");
    TCase *tc = tcase_create("prop");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_cases);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
