/*
 * check_stance_size.c - what a clause says by sizes and amounts
 * (stance_size.c), table-driven over invented sentences about the Go vs
 * Rust domain of tustance.h: size comparatives ("a larger community",
 * "lower latency"), plain sizes, verbs of size, and amounts had or
 * spent against another subject ("has more crates than Y", "uses less
 * memory than Y", "twice as many X as Y").
 */
#include "tustance.h"

static const stance_case cases[] = {
    /* having more or fewer of a thing than Y ranks the two on it, the
     * other way for a cost */
    {"Go has fewer web frameworks than Rust.", NULL, 0, 0, "Go:-:Rust;Rust:+:Go"},
    {"Rust offers far more crates than Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"Rust has more dependencies than Go.", NULL, 0, 0, "Rust:-:Go;Go:+:Rust"},
    /* a verb of size before a thing where less (or more) is better */
    {"Zig reduces the attack surface.", NULL, 0, 0, "Zig:+"},
    {"Zig cuts startup time in half.", NULL, 0, 0, "Zig:+"},
    {"Zig increases memory usage.", NULL, 0, 0, "Zig:-"},
    {"Zig does not reduce latency.", NULL, 0, 0, "Zig:-"},
    {"Zig never increases memory usage.", NULL, 0, 0, "Zig:+"},
    /* size where more is better: a comparative; other sizes are not */
    {"Rust has a larger community than Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"The Go user base is much bigger.", NULL, 0, 0, "Go:+:Rust"},
    {"Zig has a larger binary size.", NULL, 0, 0, ""},
    /* where less is better, the size word ranks the other way round */
    {"Rust has lower latency than Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"The Go runtime has a larger memory footprint.", NULL, 0, 0, "Go:-:Rust"},
    {"Go offers low latency.", NULL, 0, 0, "Go:+"},
    {"Rust has lower throughput than Go.", NULL, 0, 0, "Rust:-:Go;Go:+:Rust"},
    /* a plain size before such a thing judges it, ranking nothing */
    {"Go has a huge community.", NULL, 0, 0, "Go:+"},
    {"Zig has a small community.", NULL, 0, 0, "Zig:-"},
    {"Rust runs with very low memory usage.", NULL, 0, 0, "Rust:+"},
    {"Go has a heavy footprint.", NULL, 0, 0, "Go:-"},
    /* ... and so does one said of it by a copula, turned by "not" */
    {"The Go community is huge.", NULL, 0, 0, "Go:+"},
    {"Rust's memory footprint is very low.", NULL, 0, 0, "Rust:+"},
    {"Zig's community is not large.", NULL, 0, 0, "Zig:-"},
    /* build times and a ramp-up time are costs; "shorter" and "longer"
     * size them */
    {"Zig has shorter build times than Rust.", NULL, 0, 0, "Zig:+:Rust;Rust:-:Zig"},
    {"Rust has a longer ramp-up time than Go.", NULL, 0, 0, "Rust:-:Go;Go:+:Rust"},
    {"Go has very low compile times.", NULL, 0, 0, "Go:+"},
    /* more of what is spent ranks below: a resource, or whatever a verb
     * of spending takes; "less" ranks as "fewer" does */
    {"Zig uses more memory than Go.", NULL, 0, 0, "Zig:-:Go;Go:+:Zig"},
    {"Zig uses less memory than Go.", NULL, 0, 0, "Zig:+:Go;Go:-:Zig"},
    {"Rust needs more disk space than Go.", NULL, 0, 0, "Rust:-:Go;Go:+:Rust"},
    {"Go consumes far more power than Zig.", NULL, 0, 0, "Go:-:Zig;Zig:+:Go"},
    {"Rust takes more steps to deploy than Go.", NULL, 0, 0, "Rust:-:Go;Go:+:Rust"},
    {"Zig takes less time to compile than Rust.", NULL, 0, 0, "Zig:+:Rust;Rust:-:Zig"},
    /* ... not the first word of a compound: CPU-bound tasks are tasks */
    {"Go handles more CPU-bound tasks than Zig.", NULL, 0, 0, "Go:+:Zig;Zig:-:Go"},
    /* ... nor one that is not the head of its phrase */
    {"Rust has more learning resources than Zig.", NULL, 0, 0, "Rust:+:Zig;Zig:-:Rust"},
    {"Rust offers more memory safety than Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    /* a multiple before "as much", "as many" ranks on what follows, past
     * a number and an approximation; "half as many" the other way */
    {"Rust has twice as many crates as Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"Rust has three times as many crates as Go.", NULL, 0, 0, "Rust:+:Go;Go:-:Rust"},
    {"Zig has half as many packages as Go.", NULL, 0, 0, "Zig:-:Go;Go:+:Zig"},
    {"Go uses roughly twice as much memory as Zig.", NULL, 0, 0, "Go:-:Zig;Zig:+:Go"},
};

int main(void)
{
    return tu_stance_main("stance_size", cases, sizeof cases / sizeof *cases);
}
