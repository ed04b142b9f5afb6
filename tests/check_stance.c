/*
 * check_stance.c - the stance rules on their own, table-driven over
 * invented sentences about a small Go vs Rust domain and the default
 * (domain-general) lexicon: evaluative words, negation scope (and a
 * negator negated), the goal of an ease or difficulty word,
 * comparatives with and without "than", "unlike Y, X", "as fast as Y",
 * "X over Y", "loses to Y", clause contrast and mixed clauses, hedged
 * requirements, the fallback subject, recommendations, and row labels;
 * "X vs Y" as a topic, leading "Although ..., " clauses, pronouns that
 * point at the previous clause's subject, and even-handed words;
 * abundance, negated actions (and needs denied), figures after capability verbs, fronted
 * reasons and advice to the reader; words that describe the task
 * ("on complex queries"), dependence as even-handed, breadth ("share
 * the same code", "both A and B"), adoption ("most teams use X", "few
 * teams use X") and
 * negated copulas; effort left to the user, breadth missed ("instead
 * of sharing"), "in X's favour"/"favours X", the scope of "non-",
 * and high costs.  The readings of a clause's structure are
 * check_stance_clause.c's, sizes and amounts check_stance_size.c's; the
 * harness is tustance.h.
 */
#include "tustance.h"

static const stance_case cases[] = {
    /* plain evaluative words; a clause with none gives nothing */
    {"Rust is fast and reliable.", NULL, 0, 0, "Rust:+"},
    {"Rust compiles to native code.", NULL, 0, 0, ""},
    {"Go is slow and verbose.", NULL, 0, 0, "Go:-"},
    /* general evaluative words of technical writing */
    {"Rust is battle-tested and well-documented.", NULL, 0, 0, "Rust:+"},
    {"Rust builds are resilient and fault-tolerant.", NULL, 0, 0, "Rust:+"},
    {"Zig's error messages are misleading.", NULL, 0, 0, "Zig:-"},
    /* an ending is a fault, however quick */
    {"Zig's bindings might come to a quick end.", NULL, 0, 0, "Zig:-"},
    {"Go builds grind to a halt on large monorepos.", NULL, 0, 0, "Go:-"},
    /* "lags behind" ranks, like "slower": with no base named, behind
     * the other subject compared */
    {"Go's plugin support is a second-class citizen and lags behind.", NULL, 0, 0, "Go:-:Rust"},
    {"The Zig package manager is not yet ready for production.", NULL, 0, 0, "Zig:-"},
    {"Go tooling is brittle and tedious.", NULL, 0, 0, "Go:-"},
    {"Rust is more maintainable than Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    /* negation: within three words before the evaluative word */
    {"Go is not ideal here.", NULL, 0, 0, "Go:-"},
    /* ... a hyphenated word counting as one ("multi-tab") */
    {"Zig will never have multi-tab support.", NULL, 0, 0, "Zig:-"},
    {"Go solves the rate-limit problem.", NULL, 0, 0, "Go:+"},
    /* dropping a merit takes it away */
    {"Zig dropped support for 32-bit targets.", NULL, 0, 0, "Zig:-"},
    /* ... and a negator negated gives the word its sign back */
    {"Go prevents memory leaks.", NULL, 0, 0, "Go:+"},
    {"Go does not prevent memory leaks.", NULL, 0, 0, "Go:-"},
    {"Go cannot reduce the overhead.", NULL, 0, 0, "Go:-"},
    {"Zig is not without problems.", NULL, 0, 0, "Zig:-"},
    /* ... but "nor" goes on with a negation: nothing negates it */
    {"Neither Go nor Rust is ideal here.", NULL, 0, 0, "Go:-;Rust:-"},
    {"Zig is not fast nor reliable.", NULL, 0, 0, "Zig:-"},
    /* having little of a thing: a merit's want, a fault's absence;
     * "a little" is some */
    {"Zig has little overhead.", NULL, 0, 0, "Zig:+"},
    {"Zig has a little overhead.", NULL, 0, 0, "Zig:-"},
    /* "has no", "offers no": what follows, past a word, is denied and
     * judges; a cost denied is a merit, "not free of" one a fault */
    {"Go has no memory leaks.", NULL, 0, 0, "Go:+"},
    {"Go has no boilerplate.", NULL, 0, 0, "Go:+"},
    {"Zig offers no commercial licensing fees.", NULL, 0, 0, "Zig:+"},
    {"Zig offers no native debugger.", NULL, 0, 0, "Zig:-"},
    {"Zig is free of cost.", NULL, 0, 0, "Zig:+"},
    {"Zig is not free of cost.", NULL, 0, 0, "Zig:-"},
    /* what is yet to come is not there; "yet" there opens no clause */
    {"Zig has yet to add a package manager.", NULL, 0, 0, "Zig:-"},
    {"Zig is yet to support Windows.", NULL, 0, 0, "Zig:-"},
    {"Go hasn't added generics.", NULL, 0, 0, "Go:-"},
    /* a want of a merit, past an article */
    {"Zig lacks a built-in test runner.", NULL, 0, 0, "Zig:-"},
    /* a merit a copula's judgement speaks of is its topic, no merit of
     * its own; not in a relative ("projects that are complex") */
    {"Go's Windows support is limited.", NULL, 0, 0, "Go:-"},
    {"Support for generics in Go is missing.", NULL, 0, 0, "Go:-"},
    {"Go's support for generics isn't great.", NULL, 0, 0, "Go:-"},
    {"Go's support for generics is great.", NULL, 0, 0, "Go:+"},
    {"Go is good for projects that are complex.", NULL, 0, 0, "Go:0"},
    /* the writer's regret is a judgement */
    {"Unfortunately, Zig does not ship a debugger.", NULL, 0, 0, "Zig:-"},
    /* a shortage is a fault, "no shortage" a merit; fun a merit */
    {"There is a shortage of Go developers.", NULL, 0, 0, "Go:-"},
    {"There is no shortage of Go developers.", NULL, 0, 0, "Go:+"},
    {"Debugging Zig code is fun.", NULL, 0, 0, "Zig:+"},
    {"Zig offers nothing for hot reloading.", NULL, 0, 0, "Zig:-"},
    /* the second of two words joined after "for" describes the task
     * too; laborious and incompatible are faults */
    {"Go is better for larger and complex deployments.", NULL, 0, 0, "Go:+:Rust"},
    {"Zig is the default for kernels and allows plugins.", NULL, 0, 0, "Zig:+"},
    {"Zig is laborious to install.", NULL, 0, 0, "Zig:-"},
    {"Zig is incompatible with existing tools.", NULL, 0, 0, "Zig:-"},
    /* what the subject is known for is its own, no task */
    {"Go is notorious for slow builds.", NULL, 0, 0, "Go:-"},
    /* trouble is a fault, "free of" and "immune to" take one away */
    {"Go has no trouble with large codebases.", NULL, 0, 0, "Go:+"},
    {"Go is free of packaging issues.", NULL, 0, 0, "Go:+"},
    {"Zig is immune to this problem.", NULL, 0, 0, "Zig:+"},
    {"Go is ill-suited for kernel work.", NULL, 0, 0, "Go:-"},
    /* a merit or fault an ease or difficulty word aims at is its goal:
     * the word's sign times the goal's */
    {"It is really hard to write efficient Go code.", NULL, 0, 0, "Go:-"},
    {"It is hard to write slow Go code.", NULL, 0, 0, "Go:+"},
    {"Zig makes it easy to write buggy code.", NULL, 0, 0, "Zig:-"},
    {"Zig makes it easy to write clean code.", NULL, 0, 0, "Zig:+"},
    /* taking a need away is good: not the need's burden */
    {"Zig eliminates the need to run a separate preprocessor.", NULL, 0, 0, "Zig:+"},
    {"Zig no longer requires a separate preprocessor.", NULL, 0, 0, "Zig:+"},
    {"Zig requires a separate preprocessor.", NULL, 0, 0, "Zig:-"},
    {"Rust does not lack libraries.", NULL, 0, 0, "Rust:+"},
    {"Go installs with no problem.", NULL, 0, 0, "Go:+"},
    /* comparatives with "than": both sides, mirrored, each the other's versus */
    {"Rust is faster than Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"Go is easier to learn than Rust.", NULL, 0, 0, "Go:+:Rust;Rust:-:Go"},
    {"Go is not faster than Rust.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    /* without "than": versus is the other subject compared, when there is one */
    {"Go is simpler.", NULL, 0, 0, "Go:+:Rust"},
    {"Zig is simpler.", NULL, 0, 0, "Zig:+"},
    {"Rust is the better choice here.", NULL, 0, 0, "Rust:+:Go"},
    /* a comma before another subject's name opens its own clause; with
     * its verb left out it says what the clause before says */
    {"Go is great for web services, and Rust is poor for quick scripts.", NULL, 0, 0, "Go:+;Rust:-"},
    {"Go is ideal for web services, Rust for embedded systems.", NULL, 0, 0, "Go:+;Rust:+"},
    {"Go, Rust and Zig are all popular.", NULL, 0, 0, "Go:+;Rust:+;Zig:+"},
    /* "code blocks" are no blocking */
    {"Rust uses braces to define code blocks.", NULL, 0, 0, ""},
    {"Go blocks the thread on every call.", NULL, 0, 0, "Go:-"},
    /* "not only" adds, it does not deny */
    {"Rust not only supports async but also threads.", NULL, 0, 0, "Rust:+"},
    /* "unlike Y, X ...", "X ..., unlike Y", "compared to Y", "as fast as Y" */
    {"Unlike Go, Rust is hard to learn.", NULL, 0, 0, "Rust:-:Go;Go:+:Rust"},
    {"Rust is hard to learn, unlike Go.", NULL, 0, 0, "Rust:-:Go;Go:+:Rust"},
    {"Compared to Rust, Go is simple.", NULL, 0, 0, "Go:+:Rust;Rust:-:Go"},
    {"In comparison to Rust, Go is simple.", NULL, 0, 0, "Go:+:Rust;Rust:-:Go"},
    {"Go is simple compared with Rust.", NULL, 0, 0, "Go:+:Rust;Rust:-:Go"},
    {"Go is not as fast as Rust.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    /* an equal standing says the base has it too: it is not judged
     * down (as "X matches Y") */
    {"Go is as fast as Rust.", NULL, 0, 0, "Go:+:Rust;Rust:0:Go"},
    /* ... unless a multiplier makes it a comparative */
    {"Rust is twice as fast as Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"Rust is three times as fast as Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    /* a plain size said past a short phrase of whose it is */
    {"The learning curve for Go is shallow.", NULL, 0, 0, "Go:+"},
    {"Latency in production is high for Zig.", NULL, 0, 0, "Zig:-"},
    /* more manual work is worse, a leaner tool better */
    {"Zig is more manual than Go.", NULL, 0, 0, "Zig:-:Go;Go:+:Zig"},
    {"Zig is leaner than Go.", NULL, 0, 0, "Zig:+:Go;Go:-:Zig"},
    /* struggling to keep up with Y, losing ground to Y: behind it */
    {"Go struggles to keep up with Rust on raw speed.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"Go lost ground to Rust in systems work.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"Zig is gaining ground.", NULL, 0, 0, "Zig:+"},
    /* surpassing ranks; a figure after it is a quantity */
    {"Rust surpassed Go in downloads last year.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"Go's heap exceeds 2 GB.", NULL, 0, 0, ""},
    {"Go is slower (500 requests/sec) than Rust.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    /* "far behind" ranks as "behind" does */
    {"Go lags far behind Rust.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    /* after a comparative verb: "outperforms Y", "loses (out) to Y" */
    {"Rust outperforms Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"Go loses out a bit to Rust.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    /* "X over Y": Y is only the versus */
    {"Teams prefer Go over Rust.", NULL, 0, 0, "Go:+:Rust"},
    /* the same subject on both sides is no comparison between subjects */
    {"Rust 2021 is faster than rustc 1.0.", NULL, 0, 0, "Rust:+:Go"},
    /* clause contrast: each clause its own subject and sign */
    {"Go is simple, while Rust is complex.", NULL, 0, 0, "Go:+;Rust:-"},
    /* the article speaking of itself judges nothing */
    {"In this post, we will see why Go is fast.", NULL, 0, 0, ""},
    {"This guide compares Go and Rust across important dimensions.", NULL, 0, 0, ""},
    /* a contrast inside the claim runs on past a list's commas; only a
     * fronted one ends at its first comma */
    {"Go builds binaries, while Rust is a language that supports many targets, macros, and reliable builds.", NULL, 0,
     0, "Rust:+"},
    {"Go is simple; Rust is complex.", NULL, 0, 0, "Go:+;Rust:-"},
    /* a subject judged both ways is mixed */
    {"Rust is powerful, but it adds complexity.", NULL, 0, 0, "Rust:0"},
    {"Threads can help, but they add overhead.", "Go", 0, 0, "Go:0"},
    /* requirements and dependencies count against */
    {"Rust requires extra effort.", NULL, 0, 0, "Rust:-"},
    {"Rust needs more setup than Go.", NULL, 0, 0, "Rust:-:Go;Go:+:Rust"},
    /* ... but not a need of the reader's: an object relative, or the
     * reader's project */
    {"Rust gives developers the tools they need.", NULL, 0, 0, ""},
    {"Rust has everything you need to ship.", NULL, 0, 0, ""},
    {"Project requires a garbage collector", "Go", 0, 0, ""},
    {"If your team needs a garbage collector, Go is reliable.", NULL, 0, 0, "Go:+"},
    {"Go projects require a build cache.", NULL, 0, 0, "Go:-"},
    {"With Go you need to tune the collector.", NULL, 0, 0, "Go:-"},
    {"Rust is suitable for log pipelines, where logs need to be collected.", NULL, 0, 0, "Rust:+"},
    {"When you need to scale, Go requires sharding.", NULL, 0, 0, "Go:-"},
    /* both X and Y / X and Y both: each gets it, no versus */
    {"Both Go and Rust are reliable.", NULL, 0, 0, "Go:+;Rust:+"},
    {"Go and Rust both are reliable.", NULL, 0, 0, "Go:+;Rust:+"},
    /* no subject named: the claim's inherited one */
    {"It is robust.", "Zig", 0, 0, "Zig:+"},
    /* "X vs Y" names the comparison, not the subject judged */
    {"In a Go vs Rust speed test, Go is fast.", NULL, 0, 0, "Go:+"},
    /* ... as does "between X and Y": a clause naming subjects only so judges none */
    {"The differences between Go and Rust come down to what each is best suited for.", NULL, 0, 0, ""},
    {"Go vs Rust: which one is better?", NULL, 0, 0, ""},
    /* a clause opened by a contrast word ends at its first comma */
    {"Although Go is simple, Rust is slow.", NULL, 0, 0, "Go:+;Rust:-"},
    /* a pronoun with no subject of its own: the previous clause's subject */
    {"Although Rust is faster than Go, it is simple.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    /* a word that is both positive and negative is an even-handed verdict */
    {"Rust has a moderate learning curve.", NULL, 0, 0, "Rust:0"},
    /* lacking, needing, and not being built for count against */
    {"Zig has no package manager.", NULL, 0, 0, "Zig:-"},
    {"Go developers need to handle errors by hand.", NULL, 0, 0, "Go:-"},
    {"Go is not built for GUI apps.", NULL, 0, 0, "Go:-"},
    /* enabling counts for; "standard" only describes */
    {"Rust lets teams share code.", NULL, 0, 0, "Rust:+"},
    {"Rust ships the standard toolchain.", NULL, 0, 0, ""},
    {"Rust is more compliant than Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    /* abundance judges when nothing else does; not against another word */
    {"Hundreds of Rust crates exist for parsing.", NULL, 0, 0, "Rust:+"},
    {"Thousands of developers contribute to Zig.", NULL, 0, 0, "Zig:+"},
    {"Zig has countless quirks.", NULL, 0, 0, "Zig:-"},
    /* a negated action with no evaluative word counts against */
    {"Zig did not enforce bounds checks before 0.9.", NULL, 0, 0, "Zig:-"},
    {"Zig cannot run on old kernels.", NULL, 0, 0, "Zig:-"},
    {"Zig doesn't ship a garbage collector.", NULL, 0, 0, "Zig:-"},
    {"Zig does not block readers.", NULL, 0, 0, "Zig:+"},
    /* a burden owned is no feature ("has" asserts only when nothing
     * judges) */
    {"Zig has a single point of failure.", NULL, 0, 0, "Zig:-"},
    {"Zig has a high barrier to entry.", NULL, 0, 0, "Zig:-"},
    {"Zig offers a hassle-free setup.", NULL, 0, 0, "Zig:+"},
    /* passive and "no match for": the base is the better one */
    {"Zig is outperformed by Rust.", NULL, 0, 0, "Zig:-:Rust;Rust:+:Zig"},
    {"Zig is no match for Rust.", NULL, 0, 0, "Zig:-:Rust;Rust:+:Zig"},
    {"Zig falls short on tooling.", NULL, 0, 0, "Zig:-"},
    {"Zig is the de facto standard for embedded builds.", NULL, 0, 0, "Zig:+"},
    /* the subject's name between a negator and its word does not
     * count towards the three words */
    {"Speed is not Zig's main strength.", NULL, 0, 0, "Zig:-"},
    /* nouns of fault and of merit */
    {"Zig's build cache is a big plus.", NULL, 0, 0, "Zig:+"},
    {"The lack of a package manager is a deal-breaker for Zig.", NULL, 0, 0, "Zig:-"},
    {"Zig is unburdened by legacy flaws.", NULL, 0, 0, "Zig:+"},
    /* a fault right before a merit: the merit is wanting */
    {"Zig has poor support for Windows.", NULL, 0, 0, "Zig:-"},
    {"Zig lacks good documentation.", NULL, 0, 0, "Zig:-"},
    {"Zig suffers from a lack of support for old kernels.", NULL, 0, 0, "Zig:-"},
    {"Zig is slow, reliable and small.", NULL, 0, 0, "Zig:0"},
    /* adjectives of review */
    {"Zig's test runner is flaky.", NULL, 0, 0, "Zig:-"},
    {"Zig's build system is convoluted.", NULL, 0, 0, "Zig:-"},
    {"Zig feels approachable.", NULL, 0, 0, "Zig:+"},
    /* verbs of thriving and of failing */
    {"Zig suffers from long link times.", NULL, 0, 0, "Zig:-"},
    {"Zig stumbles on large codebases.", NULL, 0, 0, "Zig:-"},
    {"Zig streamlines cross-compiling.", NULL, 0, 0, "Zig:+"},
    /* superlatives of faults rank behind */
    {"Zig has the slowest builds.", NULL, 0, 0, "Zig:-"},
    {"Zig's documentation is sparse.", NULL, 0, 0, "Zig:-"},
    {"Zig is memory safe.", NULL, 0, 0, "Zig:+"},
    /* "bad", and its litotes */
    {"Zig is bad at cross-compiling.", NULL, 0, 0, "Zig:-"},
    {"Zig is not bad at all.", NULL, 0, 0, "Zig:+"},
    {"Zig is no slouch.", NULL, 0, 0, "Zig:+"},
    /* idioms of comparison and of fault */
    {"Rust edges out Zig in speed.", NULL, 0, 0, "Rust:+:Zig;Zig:-:Rust"},
    {"Zig trails Rust in raw speed.", NULL, 0, 0, "Zig:-:Rust;Rust:+:Zig"},
    {"Zig takes the lead in compile times.", NULL, 0, 0, "Zig:+"},
    {"Zig doesn't come close to Rust in speed.", NULL, 0, 0, "Zig:-:Rust;Rust:+:Zig"},
    {"Zig is nowhere near as fast as Rust.", NULL, 0, 0, "Zig:-:Rust;Rust:+:Zig"},
    {"Zig is anything but fast.", NULL, 0, 0, "Zig:-"},
    {"Zig is not without its flaws.", NULL, 0, 0, "Zig:-"},
    {"Zig leaves a lot to be desired.", NULL, 0, 0, "Zig:-"},
    /* taking a bad thing away is good, a good one bad */
    {"Zig reduces operational complexity.", NULL, 0, 0, "Zig:+"},
    {"Zig avoids bloat.", NULL, 0, 0, "Zig:+"},
    {"Zig removes support for old kernels.", NULL, 0, 0, "Zig:-"},
    /* so does solving, fixing or lowering one */
    {"Zig solves this problem.", NULL, 0, 0, "Zig:+"},
    {"Zig lowers the barrier to entry.", NULL, 0, 0, "Zig:+"},
    {"Zig mitigates this risk.", NULL, 0, 0, "Zig:+"},
    {"Zig addresses these concerns.", NULL, 0, 0, "Zig:+"},
    {"Zig is far from a drop-in replacement.", NULL, 0, 0, "Zig:-"},
    {"Zig offers little benefit over Rust.", NULL, 0, 0, "Zig:-:Rust"},
    {"Zig is a little faster.", NULL, 0, 0, "Zig:+"},
    {"Zig is a breeze to install.", NULL, 0, 0, "Zig:+"},
    {"Zig is hard to beat.", NULL, 0, 0, "Zig:+"},
    /* hard for an attack: the subject resists it */
    {"Zig makes it harder for attackers to read memory.", NULL, 0, 0, "Zig:+"},
    {"Zig binaries are difficult to exploit.", NULL, 0, 0, "Zig:+"},
    {"Zig sandboxes are harder to escape than Rust sandboxes.", NULL, 0, 0, "Zig:+:Rust;Rust:-:Zig"},
    {"Zig is hard to learn, so escape hatches exist.", NULL, 0, 0, "Zig:-"},
    /* idioms of praise and blame */
    {"Zig gets the job done.", NULL, 0, 0, "Zig:+"},
    {"Zig runs circles around Rust for small tools.", NULL, 0, 0, "Zig:+:Rust;Rust:-:Zig"},
    {"Zig's build story is a mess.", NULL, 0, 0, "Zig:-"},
    {"Zig is plagued by breaking changes.", NULL, 0, 0, "Zig:-"},
    {"Zig has fallen out of favour.", NULL, 0, 0, "Zig:-"},
    {"Zig is still maturing.", NULL, 0, 0, "Zig:-"},
    {"Zig cross-compiles with ease.", NULL, 0, 0, "Zig:+"},
    {"Zig just works.", NULL, 0, 0, "Zig:+"},
    {"Zig is showing its age.", NULL, 0, 0, "Zig:-"},
    {"Zig is a moving target.", NULL, 0, 0, "Zig:-"},
    {"Zig is a pleasure to write.", NULL, 0, 0, "Zig:+"},
    /* after the verdict, the task's size or a situation describes the
     * case, not the subject */
    {"Zig struggles at very high load.", NULL, 0, 0, "Zig:-"},
    {"Zig is known for low latency.", NULL, 0, 0, "Zig:+"},
    {"Zig shines when builds are complex.", NULL, 0, 0, "Zig:+"},
    /* a fault of little size or none is a merit, a merit of none a
     * fault; having a cost is a fault */
    {"Zig has low overhead.", NULL, 0, 0, "Zig:+"},
    {"Zig adds zero overhead.", NULL, 0, 0, "Zig:+"},
    {"Zig has no overhead at runtime.", NULL, 0, 0, "Zig:+"},
    {"Zig has high overhead.", NULL, 0, 0, "Zig:-"},
    {"Zig has no built-in package manager.", NULL, 0, 0, "Zig:-"},
    {"Zig has a gentle learning curve.", NULL, 0, 0, "Zig:+"},
    /* a merit owned by the base ("Y's simpler ...") is Y's */
    {"Zig needs more care compared to Rust's safer defaults.", NULL, 0, 0, "Zig:-:Rust;Rust:+:Zig"},
    {"Compared to Rust's slow builds, Zig is quick.", NULL, 0, 0, "Zig:+:Rust;Rust:-:Zig"},
    {"Rust's builds are slow.", NULL, 0, 0, "Rust:-"},
    {"Zig is more secure than Rust.", NULL, 0, 0, "Zig:+:Rust;Rust:-:Zig"},
    {"Zig is the safer bet.", NULL, 0, 0, "Zig:+"},
    {"Zig is a viable choice for firmware.", NULL, 0, 0, "Zig:+"},
    {"Zig's package manager is half-baked.", NULL, 0, 0, "Zig:-"},
    {"Zig gives you more control over memory.", NULL, 0, 0, "Zig:+"},
    {"Zig can be a memory hog.", NULL, 0, 0, "Zig:-"},
    {"Zig leaves a lot on the table in raw speed.", NULL, 0, 0, "Zig:-"},
    {"Zig punches above its weight.", NULL, 0, 0, "Zig:+"},
    /* "as well" is "too", a "crash course" a short one, an "issued"
     * release no issue */
    {"Zig has a steep learning curve as well.", NULL, 0, 0, "Zig:-"},
    {"Rust is fast as well.", NULL, 0, 0, "Rust:+"},
    {"The team issued a new Zig release.", NULL, 0, 0, ""},
    {"Rust has a crash course for newcomers.", NULL, 0, 0, ""},
    /* idioms of a trap, and phrases that only hold an evaluative word */
    {"Leaks in Zig are easy to miss.", NULL, 0, 0, "Zig:-"},
    {"Rust makes it easy to shoot yourself in the foot.", NULL, 0, 0, "Rust:-"},
    {"Go is a poor man's Erlang.", NULL, 0, 0, ""},
    /* a wish is a want */
    {"Zig's docs could use some work.", NULL, 0, 0, "Zig:-"},
    {"Rust would benefit from better error messages.", NULL, 0, 0, "Rust:-"},
    {"Go's tooling could be better.", NULL, 0, 0, "Go:-"},
    /* names of things that hold an evaluative word */
    {"Rust answers a bad request with a 400.", NULL, 0, 0, ""},
    {"Go writes a slow query log.", NULL, 0, 0, ""},
    /* worth it, or not */
    {"Zig is worth a serious look.", NULL, 0, 0, "Zig:+"},
    {"Zig is not worth the hassle.", NULL, 0, 0, "Zig:-"},
    {"Zig takes some time to get used to.", NULL, 0, 0, "Zig:-"},
    {"It is worth noting that Zig is young.", NULL, 0, 0, "Zig:-"},
    /* what the subject stands in for is not judged */
    {"Zig is a viable alternative to Rust.", NULL, 0, 0, "Zig:+:Rust"},
    {"Zig is a drop-in replacement for Rust.", NULL, 0, 0, "Zig:+:Rust"},
    /* comparisons with their base */
    {"Zig falls short of Rust in safety.", NULL, 0, 0, "Zig:-:Rust;Rust:+:Zig"},
    {"Zig has the edge over Rust in compile speed.", NULL, 0, 0, "Zig:+:Rust;Rust:-:Zig"},
    {"Zig's compile speed dwarfs Rust's.", NULL, 0, 0, "Zig:+:Rust;Rust:-:Zig"},
    /* faults named as such */
    {"The main concern with Zig is its documentation.", NULL, 0, 0, "Zig:-"},
    {"Zig needs workarounds for cross-compiling.", NULL, 0, 0, "Zig:-"},
    {"Zig is still a young language.", NULL, 0, 0, "Zig:-"},
    /* a need denied spares the subject one */
    {"Users do not need root privileges to run Zig.", NULL, 0, 0, "Zig:+"},
    {"Zig doesn't require a background daemon.", NULL, 0, 0, "Zig:+"},
    {"Zig does not support old kernels.", NULL, 0, 0, "Zig:-"},
    /* a hedged denial is still one ("may not", "might not") */
    {"Zig might not have a graphical debugger.", NULL, 0, 0, "Zig:-"},
    {"Zig may not run on old kernels.", NULL, 0, 0, "Zig:-"},
    /* a merit right before a fault names what the fault is about */
    {"Zig has stability problems under load.", NULL, 0, 0, "Zig:-"},
    {"Go solves common reliability problems.", NULL, 0, 0, "Go:+"},
    {"Rust is stable, slow and verbose.", NULL, 0, 0, "Rust:-"},
    {"Go has known security vulnerabilities.", NULL, 0, 0, "Go:-"},
    /* idioms of upkeep, of standing and of comparison */
    {"Zig is actively maintained.", NULL, 0, 0, "Zig:+"},
    {"Nothing beats Rust for embedded work.", NULL, 0, 0, "Rust:+"},
    {"Go's tooling pales in comparison to Rust's.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"Go can't hold a candle to Rust in memory safety.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"Zig is a nightmare to configure.", NULL, 0, 0, "Zig:-"},
    {"Zig is here to stay.", NULL, 0, 0, "Zig:+"},
    {"Rust is production-grade and battle-hardened.", NULL, 0, 0, "Rust:+"},
    {"Go is enterprise-ready.", NULL, 0, 0, "Go:+"},
    {"Go is a step behind Rust in memory safety.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"Go trails behind Rust in raw speed.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"Go is outclassed by Rust.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    /* making sense, and the pragmatic choice */
    {"Zig makes a ton of sense as a build tool.", NULL, 0, 0, "Zig:+"},
    {"It doesn't make sense to use Zig here.", NULL, 0, 0, "Zig:-"},
    {"Go is still the pragmatic choice.", NULL, 0, 0, "Go:+"},
    /* doing without third-party help is a merit */
    {"Zig starts a dev server without 3rd party support.", NULL, 0, 0, "Zig:+"},
    {"Go runs its tests in parallel without third-party plugins.", NULL, 0, 0, "Go:+"},
    /* completeness, and being left wanting more */
    {"Zig's version of the built-ins is not complete.", NULL, 0, 0, "Zig:-"},
    {"Zig's built-ins are incomplete.", NULL, 0, 0, "Zig:-"},
    {"Zig's standard library is feature-complete.", NULL, 0, 0, "Zig:+"},
    {"You may be left wanting more from the Go standard library.", NULL, 0, 0, "Go:-"},
    /* a want before a count of a merit wants the merit */
    {"Go offers a limited number of mature libraries.", NULL, 0, 0, "Go:-"},
    {"Rust offers a wide range of useful crates.", NULL, 0, 0, "Rust:+"},
    /* a worry is a fault; having none to have is a merit; a dislike
     * judges what is disliked */
    {"With Go, you don't have to worry about memory leaks.", NULL, 0, 0, "Go:+"},
    {"Zig users never need to worry about crashes.", NULL, 0, 0, "Zig:+"},
    {"The main worry with Zig is its unstable syntax.", NULL, 0, 0, "Zig:-"},
    {"I dislike how Go keeps basic functionality in plugins.", NULL, 0, 0, "Go:-"},
    /* judgements set side by side after a comma the same way, or after
     * a negator, are one clause (check_prop.c: the other way) */
    {"Go is fast, reliable, and portable.", NULL, 0, 0, "Go:+"},
    {"Go is not slow, easy to use and popular.", NULL, 0, 0, "Go:+"},
    /* a colon before a subject's own clause ends the clause; before a
     * list it does not */
    {"Go and Rust differ: Go is verbose, Rust is concise.", NULL, 0, 0, "Go:-;Rust:+"},
    {"Zig has two strengths: speed and simplicity.", NULL, 0, 0, "Zig:+"},
    /* "like Y does" closing a claim: the clause before, for Y, turned
     * when one of the two is negated; "an improvement over Y" ranks */
    {"Go does not enforce checked errors like Rust does.", NULL, 0, 0, "Go:-;Rust:+"},
    {"Zig supports inline assembly like Rust does.", NULL, 0, 0, "Zig:+;Rust:+"},
    {"I argue that Zig is a definite improvement over Go.", NULL, 0, 0, "Zig:+:Go;Go:-:Zig"},
    /* being pleasant to work with is a merit */
    {"Rust is more pleasant to work with than Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    /* what one subject lacks, the other named as its owner has */
    {"Go lacks the memory safety guarantees of Rust.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"Go lacks Rust's expressive type system.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"It lacks the expressive type system of Rust.", "Go", 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"Go lacks generics, and so does Zig.", NULL, 0, 0, "Go:-;Zig:-"},
    {"Zig is missing a package manager, and Rust is not.", NULL, 0, 0, "Zig:-;Rust:+"},
    /* a base named before as an object is still the base */
    {"Go caught up to Rust in 2022 and is faster than Rust.", NULL, 0, 0, "Go:+:Rust;Rust:-:Go"},
    {"It has stunted the development of Zig.", NULL, 0, 0, "Zig:-"},
    /* few of a fault is a merit, few of a merit a fault; "a few" is some */
    {"Go has fewer memory leaks than Rust.", NULL, 0, 0, "Go:+:Rust;Rust:-:Go"},
    {"Zig has very few stable releases.", NULL, 0, 0, "Zig:-"},
    {"Zig has a few quirks.", NULL, 0, 0, "Zig:-"},
    {"Go falls behind Rust in memory safety.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"Go lags behind Rust in raw speed.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    /* solving takes faults away; it takes no merit away */
    {"With Go, developers fix bugs quickly.", NULL, 0, 0, "Go:+"},
    {"Zig also addresses several of the strong use cases of Go.", NULL, 0, 0, "Zig:+;Go:+"},
    /* compiling ahead of time is no ranking; being ahead of Y is */
    {"Zig code is compiled ahead of time.", NULL, 0, 0, ""},
    {"Rust uses ahead-of-time compilation.", NULL, 0, 0, ""},
    {"Rust is ahead of Go in memory safety.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"Zig might not need a background daemon.", NULL, 0, 0, "Zig:+"},
    /* capability verbs count for; a figure after one only states it */
    {"Zig allows inline assembly.", NULL, 0, 0, "Zig:+"},
    {"Zig allows 64 threads by default.", NULL, 0, 0, ""},
    /* general evaluative words of technical prose */
    {"Zig's compile times are impressive.", NULL, 0, 0, "Zig:+"},
    {"Rust is optimized for memory safety.", NULL, 0, 0, "Rust:+"},
    {"Go generics are constrained and clumsy.", NULL, 0, 0, "Go:-"},
    /* a fronted reason explains the verdict; it is not one */
    {"Since Zig supports comptime, its builds are much slower.", NULL, 0, 0, "Zig:-"},
    {"Since 2019 Zig is stable.", NULL, 0, 0, "Zig:+"},
    {"Zig is easy because its syntax is simple.", NULL, 0, 0, "Zig:+"},
    /* ... and so does a fronted condition: it is the reader's, not the
     * subject's */
    {"If you do not know Zig, it is easy to read.", NULL, 0, 0, "Zig:+"},
    {"If Go is not fast enough, Rust is fast.", NULL, 0, 0, "Rust:+"},
    {"Unless your team knows Rust, Go is simpler.", NULL, 0, 0, "Go:+:Rust"},
    /* ... also after a connective and its comma */
    {"Therefore, if Go is not fast enough, Rust is fast.", NULL, 0, 0, "Rust:+"},
    {"However, because Go is not fast enough, Rust is fast.", NULL, 0, 0, "Rust:+"},
    /* advice to the reader judges nothing; a recommendation still does */
    {"Stay updated on Zig releases to keep builds fast and reliable.", NULL, 0, 0, ""},
    {"Keep an eye on Zig, which is fast.", NULL, 0, 0, ""},
    {"Keeps Zig builds fast.", NULL, 0, 0, "Zig:+"},
    /* a word between a preposition and its noun describes the task */
    {"Zig is fast on slow networks.", NULL, 0, 0, "Zig:+"},
    {"Zig excels at complex builds.", NULL, 0, 0, "Zig:+"},
    {"Zig is slow at 3 threads.", NULL, 0, 0, "Zig:-"},
    /* depending on something is even-handed, not a weakness */
    {"Zig throughput depends on the allocator.", NULL, 0, 0, "Zig:0"},
    {"Zig scales well, but speed depends more on the allocator.", NULL, 0, 0, "Zig:0"},
    /* a clause joined by "but" runs on past its first comma */
    {"Zig starts in the middle but pulls ahead on long runs with complex inputs, where it is fast.", NULL, 0, 0,
     "Zig:+"},
    /* breadth: one subject serving several places */
    {"Zig code runs across platforms.", NULL, 0, 0, "Zig:+"},
    {"With Zig, client and server share the same code.", NULL, 0, 0, "Zig:+"},
    {"Zig runs on both desktops and phones.", NULL, 0, 0, "Zig:+"},
    {"Zig runs on phones.", NULL, 0, 0, ""},
    /* adoption: most of a group use the subject */
    {"Over 60% of embedded teams use Zig.", NULL, 0, 0, "Zig:+"},
    {"Most kernel hackers rely on Zig.", NULL, 0, 0, "Zig:+"},
    {"About 5% of embedded teams use Zig.", NULL, 0, 0, ""},
    /* ... and few of them: a weakness */
    {"Few embedded teams use Zig.", NULL, 0, 0, "Zig:-"},
    {"Hardly any embedded teams use Zig.", NULL, 0, 0, "Zig:-"},
    /* a negated copula, but not "not only/just" */
    {"Zig is not thread-safe.", NULL, 0, 0, "Zig:-"},
    {"Zig isn't a true systems language.", NULL, 0, 0, "Zig:-"},
    {"Zig is not just a compiler.", NULL, 0, 0, ""},
    /* conciseness and lead are comparatives; extra steps are a cost */
    {"Rust needs fewer lines of code than Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"Go pulled ahead of Rust.", NULL, 0, 0, "Go:+:Rust;Rust:-:Go"},
    {"Zig indexing takes extra steps.", NULL, 0, 0, "Zig:-"},
    /* effort: work left to the user is a weakness when nothing else
     * judges; an easy path ("with one command") is a strength */
    {"You manage versions, environments and certificates.", "Zig", 0, 0, "Zig:-"},
    {"Zig also needs a build cache and a lock file.", NULL, 0, 0, "Zig:-"},
    {"You manage versions easily.", "Zig", 0, 0, "Zig:+"},
    {"Zig ships the whole app with one command.", NULL, 0, 0, "Zig:+"},
    {"Zig runs without configuring anything.", NULL, 0, 0, "Zig:+"},
    /* breadth that is missed ("instead of sharing") is a weakness */
    {"Teams keep two codebases instead of sharing one.", "Zig", 0, 0, "Zig:-"},
    {"Zig teams work across two toolchains rather than sharing one.", NULL, 0, 0, "Zig:-"},
    /* "in X's favour": for X, against the other one compared */
    {"The final round ended in Rust's favour.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"Most reviews come out in favour of Go.", NULL, 0, 0, "Go:+:Rust;Rust:-:Go"},
    {"The vote ended in Zig's favour.", NULL, 0, 0, "Zig:+"},
    {"In heavy workloads, a Go vs Rust comparison often favours Rust.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    /* "non" negates only the word it is attached to */
    {"Zig, non-blocking, lets apps scale.", NULL, 0, 0, "Zig:+"},
    {"Zig is not fast or reliable.", NULL, 0, 0, "Zig:-"},
    /* costs stated as "high ..." are weaknesses */
    {"Zig builds show high memory usage.", NULL, 0, 0, "Zig:-"},
    /* "it" is the first subject of the clause before; "they" all */
    {"Although Go is not as fast as Rust, it is simple.", NULL, 0, 0, "Go:0:Rust;Rust:+:Go"},
    {"Go and Rust are mature, and they are fast.", NULL, 0, 0, "Go:+;Rust:+"},
    /* bias from a row label or an arrow; choice adds the versus */
    {"Command-line tools", "Go", 1, 0, "Go:+"},
    {"Command-line tools", "Go", 1, 1, "Go:+:Rust"},
    {"Command-line tools", "Go", -1, 0, "Go:-"},
    /* ... turned by a negation opening the clause: "No" on the row
     * "Plugin support" */
    {"No", "Go", 1, 0, "Go:-"},
    {"Not yet", "Go", 1, 0, "Go:-"},
};

static const struct {
    const char *label;
    int polarity;
} labels[] = {
    {"Best for", 1}, {"Pros", 1}, {"Cons", -1}, {"Limitations", -1}, {"Type", 0}, {"Learning curve", 0},
};

START_TEST(test_label)
{
    stance_lex *lex = NULL;
    words_lex *w = words_default();
    char *err = NULL;
    ck_assert_int_eq(stance_load(embed_stance, strlen(embed_stance), w, &lex, &err), KB_OK);
    toks *k = malloc(sizeof *k);
    tokenize(k, labels[_i].label);
    ck_assert_int_eq(stance_label(lex, k->t, k->n), labels[_i].polarity);
    buf_free(&k->norm);
    free(k);
    stance_free(lex);
    words_free(w);
}
END_TEST

/* Evaluative words are marked 1, comparatives (and a size word next to
 * a thing where more is better) STANCE_MARK_COMPARATIVE, the rest 0. */
START_TEST(test_marks)
{
    stance_lex *lex = NULL;
    words_lex *w = words_default();
    char *err = NULL;
    ck_assert_int_eq(stance_load(embed_stance, strlen(embed_stance), w, &lex, &err), KB_OK);
    toks *k = malloc(sizeof *k);
    tokenize(k, "Go is fast and easier to read with a larger community");
    unsigned char m[32];
    ck_assert_uint_le(k->n, 32);
    ck_assert_int_eq(stance_marks(lex, k->t, k->n, m), 0);
    char got[33];
    for (size_t i = 0; i < k->n; i++) got[i] = (char)('0' + m[i]);
    got[k->n] = '\0';
    /* go is fast and easier to read with a larger community */
    ck_assert_str_eq(got, "00102000020");
    buf_free(&k->norm);
    /* "no clear winner" is even-handed; "this guide" the article's own */
    tokenize(k, "This guide finds no clear winner");
    ck_assert_int_eq(stance_marks(lex, k->t, k->n, m), 1);
    for (size_t i = 0; i < k->n; i++) got[i] = (char)('0' + m[i]);
    got[k->n] = '\0';
    ck_assert_str_eq(got, "000333");
    buf_free(&k->norm);
    free(k);
    stance_free(lex);
    words_free(w);
}
END_TEST

START_TEST(test_load_errors)
{
    stance_lex *lex = NULL;
    char *err = NULL;
    const char *bad = "positive\tgood\nsplendid\n";
    words_lex *w = words_default();
    ck_assert_int_eq(stance_load(bad, strlen(bad), w, &lex, &err), KB_ERR);
    ck_assert_ptr_null(lex);
    ck_assert_ptr_nonnull(strstr(err, "line 2"));
    free(err);
    err = NULL;
    /* a word in two classes would take whichever the matcher picks;
     * twice in one class (on two lines) is harmless */
    const char *twice = "positive\tgood, fine\npositive\tfine\nnegative\tbad, Good\n";
    ck_assert_int_eq(stance_load(twice, strlen(twice), w, &lex, &err), KB_ERR);
    ck_assert_msg(strstr(err, "line 3") && strstr(err, "Good") && strstr(err, "positive"), "%s", err);
    free(err);
    words_free(w);
    /* the default lexicon names no technology of the default domain */
    taxonomy *t = NULL;
    ck_assert_int_eq(tax_load(embed_taxonomy, strlen(embed_taxonomy), &t, NULL), KB_OK);
    buf terms = BUF_INIT; /* the lexicon's terms, without its comments */
    for (const char *p = embed_stance; *p;) {
        const char *nl = strchr(p, '\n');
        size_t ll = nl ? (size_t)(nl - p) : strlen(p);
        if (ll && p[0] != '#') {
            buf_add(&terms, p, ll);
            buf_addc(&terms, '\n');
        }
        p += ll + (nl != NULL);
    }
    toks *k = malloc(sizeof *k);
    tokenize(k, buf_cstr(&terms));
    tax_hit hits[8];
    ck_assert_uint_eq(tax_match(t, TAX_MASK(TAX_SUBJECT) | TAX_MASK(TAX_PART), k->t, k->n, hits, 8), 0);
    buf_free(&k->norm);
    buf_free(&terms);
    free(k);
    tax_free(t);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("stance");
    suite_add_tcase(s, tu_stance_tcase(cases, sizeof cases / sizeof *cases));
    TCase *tc = tcase_create("label");
    tcase_add_loop_test(tc, test_label, 0, (int)(sizeof labels / sizeof *labels));
    tcase_add_test(tc, test_marks);
    tcase_add_test(tc, test_load_errors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
