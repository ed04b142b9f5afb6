/*
 * check_stance_clause.c - the stance of a clause read from its
 * structure (stance_bounds.c, stance_clause.c, stance_subj.c),
 * table-driven over invented sentences about the Go vs Rust domain of
 * tustance.h: a verb phrase left out ("..., but Y does not", "and Y
 * does too"), an object relative of another subject ("which Y lacks"),
 * a comparison or a judgement going on with no subject named ("...,
 * but slower at B", "X is fast but unstable, and Y ..."), the object of a task's verb ("makes complex X simple"), a need
 * made small ("requires fewer steps"), a state given as past ("used to
 * be slow"), needs in a condition ("if you need A, require B"), "not
 * merely", needless faults, and a condition after the verb ("restarts
 * workers if they crash").
 */
#include "tustance.h"

static const stance_case cases[] = {
    /* a verb phrase left out says what the clause before says, the same
     * when both or neither are negated, else the opposite */
    {"Rust supports inline assembly, but Zig does not.", NULL, 0, 0, "Rust:+;Zig:-"},
    {"Go does not support pattern matching, but Rust does.", NULL, 0, 0, "Go:-;Rust:+"},
    {"Zig lacks a package registry, while Rust does not.", NULL, 0, 0, "Zig:-;Rust:+"},
    {"Rust has a steep learning curve, but Go does not.", NULL, 0, 0, "Rust:-;Go:+"},
    {"Rust is reliable, and Zig is too.", NULL, 0, 0, "Rust:+;Zig:+"},
    /* a clause going on with "but" or "and", naming no one, is about
     * the subject of the one before, not every subject of the claim */
    {"Go is fast but unstable, and Rust is stable.", NULL, 0, 0, "Go:0;Rust:+"},
    {"Go is fast but unstable; Rust is stable.", NULL, 0, 0, "Go:0;Rust:+"},
    /* so is an object relative of another subject */
    {"Rust handles memory safety well, which Go does not.", NULL, 0, 0, "Rust:+;Go:-"},
    {"Rust has a powerful macro system, a feature that Zig lacks.", NULL, 0, 0, "Rust:+;Zig:-"},
    /* the object of a task's verb is the task, not the subject; a need
     * made small is a merit */
    {"Rust makes complex concurrency simple.", NULL, 0, 0, "Rust:+"},
    {"Zig simplifies complex build scripts.", NULL, 0, 0, "Zig:+"},
    {"Go makes simple things hard.", NULL, 0, 0, "Go:-"},
    /* ... so is the object of a gerund opening a clause or its colon's
     * part; an evaluative word after a gerund elsewhere judges */
    {"Rust: Writing complex embedded firmware", NULL, 0, 0, ""},
    {"Zig shines at one job: compiling complicated C projects.", NULL, 0, 0, "Zig:+"},
    {"Rust keeps throwing cryptic errors.", NULL, 0, 0, "Rust:-"},
    {"Zig error handling benefits from explicit error sets.", NULL, 0, 0, "Zig:+"},
    {"Go requires fewer steps to deploy.", NULL, 0, 0, "Go:+"},
    {"Zig requires more steps to deploy.", NULL, 0, 0, "Zig:-"},
    /* a state given as past no longer holds, but a passive, a habit or
     * a comparison's base is no past state */
    {"Rust used to be slow to compile.", NULL, 0, 0, "Rust:+"},
    {"Go used to lack generics.", NULL, 0, 0, "Go:+"},
    {"Zig error messages are better than they used to be.", NULL, 0, 0, "Zig:+"},
    {"Rust is often used to build reliable command-line tools.", NULL, 0, 0, "Rust:+"},
    {"Go, commonly used to write servers, is slow to start.", NULL, 0, 0, "Go:-"},
    {"Rust feels natural if you're used to strict compilers.", NULL, 0, 0, "Rust:+"},
    /* "not merely a K" is praise, not a denial */
    {"Go isn't merely a language for servers.", NULL, 0, 0, ""},
    /* a need in a condition is the reader's, not the subject's, down a
     * list of needs; the subject's own need stays a fault */
    {"Choose Zig if you need to cross-compile, require small static binaries, or need to ship one file.", NULL, 0, 0,
     ""},
    {"Pick Go if you need to build fast, or need to hire easily.", NULL, 0, 0, "Go:+"},
    {"Zig requires a separate build step, and needs a recent compiler.", NULL, 0, 0, "Zig:-"},
    /* a needless fault, and one denied */
    {"Rust is needlessly verbose for small scripts.", NULL, 0, 0, "Rust:-"},
    {"Zig caches builds so they are not needlessly repeated.", NULL, 0, 0, "Zig:+"},
    /* a contrast set off after a subject's name alone goes on to its
     * verb */
    {"Go is fast; Zig, on the other hand, is slow.", NULL, 0, 0, "Go:+;Zig:-"},
    /* a comparison that goes on naming no one compares the same two */
    {"Rust is more popular than Go for embedded work, but slower to compile.", NULL, 0, 0, "Rust:0:Go;Go:0:Rust"},
    {"Zig is simpler than Rust, and easier to read.", NULL, 0, 0, "Zig:+:Rust;Rust:-:Zig"},
    /* a condition after the verb, naming no subject, judges the case
     * the subject meets; not one that opens what follows, a
     * concession, what a person wants, or advice to take the subject */
    {"Go restarts workers if they crash.", NULL, 0, 0, ""},
    {"Rust retries the request in case of a failure.", NULL, 0, 0, ""},
    {"Zig aborts cleanly in the event of a leak.", NULL, 0, 0, ""},
    {"In case of a crash, Go restarts the worker.", NULL, 0, 0, ""},
    {"Go is slow if the heap is large.", NULL, 0, 0, "Go:-"},
    {"Programs stall if Go crashes.", NULL, 0, 0, "Go:-"},
    {"Zig is verbose, but if you need control there is a clear path.", NULL, 0, 0, "Zig:0"},
    {"A Rust plugin exists too, if you want a nice debugger.", NULL, 0, 0, "Rust:+"},
    {"Pick Zig if your team wants reliable builds.", NULL, 0, 0, "Zig:+"},
    {"Rust ships a plugin if you want a nice debugger.", NULL, 0, 0, "Rust:+"},
    {"Zig is fast even if its error messages are cryptic.", NULL, 0, 0, "Zig:0"},
    /* a want of maturity denied is no fault */
    {"Zig's package manager is no longer experimental.", NULL, 0, 0, "Zig:+"},
    {"Rust's async closures are not in beta.", NULL, 0, 0, "Rust:+"},
    {"Go's generics are not stable.", NULL, 0, 0, "Go:-"},
    {"Zig has two build modes, if you ask me the defaults are clear.", NULL, 0, 0, "Zig:+"},
    {"Go compiles quickly, so if a build fails there is a clear error.", NULL, 0, 0, "Go:+"},
    {"Rust retries the call if it fails (a clean design).", NULL, 0, 0, "Rust:+"},
};

int main(void)
{
    return tu_stance_main("stance_clause", cases, sizeof cases / sizeof *cases);
}
