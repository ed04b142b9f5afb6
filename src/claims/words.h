/*
 * words.h - the function words the tagger (tag.h), the stance judge
 * (stance.h) and the propositions (prop.h) read: which word compares
 * ("than"), negates an action ("does not"), opens a cause ("because
 * of"), states a kind ("is"), and so on, and the word endings they
 * read ("ed"), each list a role the C code asks about by name.  The words are data, in
 * schema/words.tsv (compiled in; its header gives the format and what
 * each role is for), so the code holds no word of English.
 *
 * A role's entries are terms of one or more words, kept in matching
 * form (norm.h) as tokens; a word written "word*" matches any token
 * starting with it.  Matching is exact otherwise: no plurals, unlike the
 * taxonomy's terms.  The lists are immutable once loaded: one serves
 * any number of threads.
 */
#ifndef KB_WORDS_H
#define KB_WORDS_H

#include <stddef.h>

#include "taxonomy.h"

/* The roles, in the order of words_role_names (words.c). */
typedef enum words_role {
    /* comparisons */
    WR_THAN,                  /* the base of a comparative follows */
    WR_BASE_AFTER_COMPARATIVE,/* "superior to Y", "loses out to Y" */
    WR_COMPARED_TO,           /* "compared to Y" */
    WR_UNLIKE,                /* "unlike Y" */
    WR_EQUATIVE,              /* "as fast as Y" */
    WR_ONE_SIDED,             /* "X over Y": Y only the versus */
    WR_COMPARISON_LEAD,       /* "in comparison to" */
    WR_CMP_MARKER,            /* a subject after it is a comparison's base */
    WR_COMPARED,              /* "compared (to) Y", two words before Y */
    WR_VERSUS,                /* "X vs Y" names a comparison */
    WR_BETWEEN,               /* "between X and Y" names a comparison */
    /* negation */
    WR_NEGATED_ACTION,        /* "does not", "cannot", "fails to" */
    WR_NEITHER,
    WR_NEITHER_OF,            /* "neither of": no negated action */
    WR_NEGATED_COPULA,        /* "is not", "isn't" */
    WR_COPULA_NOT_NEGATING,   /* "is not only ..." */
    WR_AFFIX_NEGATOR,         /* "non-blocking": negates its own word */
    WR_SIZE_NEGATOR,          /* "not larger" */
    /* stance without an evaluative word */
    WR_DATE_SINCE,            /* "Since 1995": no reason */
    WR_ADOPTERS,              /* "companies like A and B" */
    WR_ADOPTERS_NAMED,
    WR_MAJORITY,              /* "most developers" */
    WR_MINORITY,              /* "few companies" */
    WR_ADOPT,                 /* "use", "rely on" */
    WR_INSTEAD,               /* "instead of sharing" */
    WR_FAVOUR_VERB,           /* "favours X" */
    WR_FAVOUR_NOUN,           /* "in X's favour" */
    WR_FAVOUR_IN,
    WR_FAVOUR_OF,             /* "in favour of X" */
    WR_SIZE_MORE,             /* "a larger community" */
    WR_SIZE_LESS,             /* "a smaller pool" */
    WR_BOTH,                  /* "both A and B" */
    WR_AND,
    WR_TASK_PREP,             /* "strong on complex queries" */
    /* clauses and pronouns */
    WR_CLAUSE_CONTRAST,       /* opens a clause of its own */
    WR_CONTRAST_RUNS_ON,      /* "but": not ended by its first comma */
    WR_PRONOUN,               /* stands for the previous clause's subject */
    WR_PRONOUN_PLURAL,        /* ... for all of them */
    WR_SUBJECT_PRONOUN,       /* "it is slower than Y" */
    WR_OPENING_PRONOUN,       /* a claim opening on it is about the one before */
    WR_ALL,                   /* "both", "all": every subject compared */
    /* what a subject is said to be ("X is a K": prop.h) */
    WR_COPULA,                /* "X is a K" */
    WR_COPULA_NEGATED,        /* "X isn't a K" */
    WR_COPULA_ADVERB,         /* "X is basically a K" */
    WR_KIND_NOT,              /* "X is not a K" */
    WR_COPULA_AS,             /* "X is considered a K" */
    WR_NP_DEGREE,             /* "the most widely used K" */
    WR_DETERMINER,            /* "one of the", "a" */
    WR_KIND_CONTRAST,         /* "not a K but (rather) a J" */
    WR_KIND_RATHER,           /* "a K rather than a J" */
    WR_SUBJECT_JOIN,          /* "X and Y are" */
    WR_COPULA_PRONOUN,        /* "It is a K" */
    WR_COPULA_PRONOUN_PLURAL, /* "They are K" */
    WR_BASE_MARKER,           /* "Unlike X, it is": X not what "it" is */
    WR_RECOMMEND_FOR,         /* "For a startup's MVP, X ..." */
    /* endings (words_has_ending) */
    WR_PARTICIPLE_ENDING,     /* "compiled C code" */
    WR_STATEMENT_ENDING,      /* "Keeps ...": no advice */
    WR_GERUND_ENDING,         /* "Learning X is easy": X the object */
    /* what a dimension's cue is doing */
    WR_POSSESSIVE,            /* "its", "their" */
    WR_OF,                    /* "the creator of X" */
    WR_CAUSE,                 /* "because of its ..." */
    WR_ORIGIN_PARTICIPLE,     /* "created by", "introduced in" */
    WR_ORIGIN_NOUN,           /* "its release", "its history" */
    WR_AGE_SPAN,              /* "ten years after" */
    WR_AGE_RELATION,
    WR_LINEAGE,               /* "evolved from" */
    WR_RELATIVE,              /* "that", "which" */
    WR_MEANS,                 /* "using", "via" */
    WR_DEPEND,                /* "depends (mostly) on" */
    WR_DEPEND_ON,
    WR_PURPOSE,               /* "tools for web development" */
    WR_PURPOSE_ADVERB,        /* "easy even for beginners" */
    WR_PURPOSE_STOP,          /* ends a purpose phrase */
    WR_LEVEL_HIGH,            /* "a huge community", "high latency" */
    WR_LEVEL_LOW,             /* "low latency" */
    WR_NEED,                  /* "needs", "requires" */
    WR_PERSON,                /* "the tools they need" */
    WR_RELATIVE_HEAD,         /* "everything you need" */
    WR_RELATIVE_COPULA,       /* "the features you are familiar with" */
    WR_NEED_SITUATION,        /* "where logs need to be collected" */
    WR_NEEDER,                /* "Project requires ..." */
    WR_NEEDER_OWNER,          /* "your app needs ..." */
    WR_LEVEL_MID,             /* a table cell's "Moderate" between "Low" and "High" */
    WR_INTENSIFIER,           /* "Very High" above "High" */
    WR_DO_VERB,               /* "performs CRUD operations": doing, not speed */
    WR_ADVERB_ENDING,         /* "performs significantly better": no object */
    WR_MAKING,                /* "build faster": the making's pace */
    WR_DIFFICULTY,            /* "async complexity": how hard, not whether */
    WR_BECOMING,              /* "becomes harder": the thing against itself */
    WR_WANTING,               /* "poor support": the merit wanting */
    WR_TURN,                  /* "..., but Y": Y is the writer's point */
    WR_ONLY,                  /* "only ships a Java client": a restriction */
    WR_HAVING,                /* "supports", "runs": what "only" restricts */
    WR_SIZE_UP,               /* "increases memory usage" */
    WR_SIZE_DOWN,             /* "reduces latency", "cuts startup time" */
    WR_HOSTILE,               /* "harder for attackers to escape": an act against the user */
    WR_SITUATION,             /* "X shines when routing is complex" */
    WR_CONDITION,             /* "restarts containers if they crash" */
    WR_CONDITION_LEAD,        /* "..., so if", "even if" */
    WR_CONCESSION,            /* "even if": the judgement holds */
    WR_DESIRE,                /* "if you want a nice GUI": offered */
    WR_RECOMMEND,             /* "Choose X if ...": what X suits */
    WR_UNREADY,               /* "no longer experimental": there in full */
    WR_POSSESS_VERB,          /* "has", "uses": a heading with one states a claim */
    WR_SUBSTITUTE,            /* "an alternative to Y": Y is not judged */
    WR_SUBSTITUTE_PREP,
    WR_AUXILIARY,             /* "..., but Y does not": a verb phrase left out */
    WR_ELIDED_LEAD,           /* "so does Y", "neither does Y" */
    WR_ELIDED_TAIL,           /* "Y does too" */
    WR_NEED_LESS,             /* "requires less setup": a need made small */
    WR_TASK_VERB,             /* "makes complex routing simple": the object a task */
    WR_FORMER,                /* "used to be slow": a state no longer so */
    WR_FORMER_NOT,            /* "is used to serve": a passive, not a past */
    WR_ALIKE,                 /* "X and Y are evenly matched": neither ahead */
    WR_DIFFERENCE,            /* "30% faster": a percentage of difference */
    WR_SOLVER,                /* "solves", "addresses": negates faults only */
    WR_COUNT_OF,              /* "a limited number of X": the want of X */
    WR_REF_FIRST,             /* "the former": the first of two named */
    WR_REF_LAST,              /* "the latter": the last of two named */
    WR_EVENT_GAP,             /* "Alpha was first released in": still its event */
    WR_EVENT_PASSIVE,         /* "was released", "which launched" */
    WR_EVENT_OWNER,           /* "its first release" */
    WR_AMOUNT_LESS,           /* "fewer leaks", "has few plugins" */
    WR_LACKING,               /* "X lacks the maturity of Y": Y has it */
    WR_ELIDED_LIKE,           /* "..., like Y does" */
    WR_INSTANCE,              /* "a 3-node cluster": one instance's size */
    WR_INSTANCE_NOT,          /* "is a 2-million-package registry": the subject's */
    WR_GOAL,                  /* "hard to write [efficient code]": a goal follows */
    WR_ATTRIBUTE_LEAD,        /* "known for slow startup": the subject's own */
    WR_MULTIPLIER,            /* "twice as fast as Y": a comparative */
    WR_NONE,                  /* "no memory leaks", "no commercial fees" */
    WR_AMOUNT_MORE,           /* "has more plugins than Y" */
    WR_AS_KIND,               /* "As a runtime, X ...": X is one */
    WR_KIND_NOR,              /* "neither a K nor a J": J denied too */
    WR_DEGREE,                /* "more straightforward": a comparative */
    WR_DEGREE_NOT,            /* "no more", "more and more": none */
    WR_CAUSING,               /* "makes X faster": X against itself */
    WR_AMOUNT_LESS_THAN,      /* "uses less memory than Y" */
    WR_APPROXIMATE,           /* "uses roughly twice as much": past it */
    WR_CONSUME,               /* "consumes more X than Y": X is spent */
    WR_RESOURCE,              /* "more memory than Y": spent, less is better */
    WR_RESOURCE_END,          /* "more time [to] start": the resource is the head */
    WR_COUNT
} words_role;

typedef struct words_lex words_lex;

/* Load tsv[0..len) (NULL: the compiled-in schema/words.tsv).  Errors
 * name the line, or the role the file does not fill: every role must
 * have a word.  On error *out is NULL. */
int words_load(const char *tsv, size_t len, words_lex **out, char **err);
void words_free(words_lex *w);  /* accepts NULL */

/* Is token t a one-word entry of role r? */
int words_is(const words_lex *w, words_role r, const tax_tok *t);

/* The length in tokens of the first entry of r (in file order) that
 * matches toks[k..end), or 0. */
size_t words_at(const words_lex *w, words_role r, const tax_tok *toks, size_t end, size_t k);

/* Does token k (not before from) open what an object relative clause
 * says of its noun: "the tools they [need]", "everything you [need]",
 * "the compose you [already know]", "the features you are [familiar
 * with]"?  What follows is said of the noun, not of the claim's
 * subject. */
int words_object_relative(const words_lex *w, const tax_tok *toks, size_t from, size_t k);

/* Is the name at token t of toks[0..) a comparison's base: a base or
 * comparison marker among the three tokens before it ("unlike X",
 * "than X", "over X"), or "compared to" / "in comparison to" right
 * before it? */
int words_is_base(const words_lex *w, const tax_tok *toks, size_t t);

/* Does an entry of r match tokens that end right before k and start at
 * from or later? */
int words_ends(const words_lex *w, words_role r, const tax_tok *toks, size_t from, size_t k);

/* Does original text[0..len) open with an entry of r as written (ASCII
 * case ignored), then a space, then more text? */
int words_opens(const words_lex *w, words_role r, const char *text, size_t len);

/* Does token t end with a one-word entry of r (an ending: "ed"), with
 * at least one byte before it? */
int words_has_ending(const words_lex *w, words_role r, const tax_tok *t);

#endif
