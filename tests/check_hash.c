/*
 * check_hash.c - SHA-256 against the FIPS 180-4 test vectors, including
 * the padding edge cases (55, 56 and 64 bytes).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "testutil.h"

static const struct {
    const char *in;
    const char *hex;
} cases[] = {
    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    /* 55 bytes: padding fits in one block */
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
    /* 56 bytes: padding spills into a second block */
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
    /* 64 bytes: a whole block, then padding alone */
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
};

START_TEST(test_vectors)
{
    char out[65];
    hash_sha256_hex(cases[_i].in, strlen(cases[_i].in), out);
    ck_assert_str_eq(out, cases[_i].hex);
}
END_TEST

/* The SHA-instruction code (where the CPU has it) and the portable code
 * agree on every length around the block and padding boundaries, and
 * on the vectors above.  On a CPU without SHA instructions both runs
 * take the portable code and this only checks that switching works. */
START_TEST(test_accel_matches_portable)
{
    size_t n = 4200;
    unsigned char *a = malloc(n);
    unsigned x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        a[i] = (unsigned char)(x >> 16);
    }
    char fast[65], slow[65];
    for (size_t len = 0; len <= n; len += len < 200 ? 1 : 97) {
        hash_set_accel(1);
        hash_sha256_hex(a, len, fast);
        ck_assert_int_eq(hash_set_accel(0), 0);
        hash_sha256_hex(a, len, slow);
        ck_assert_msg(strcmp(fast, slow) == 0, "length %zu: %s vs %s", len, fast, slow);
    }
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        hash_set_accel(0);
        hash_sha256_hex(cases[i].in, strlen(cases[i].in), slow);
        ck_assert_str_eq(slow, cases[i].hex);
    }
    hash_set_accel(1);
    free(a);
}
END_TEST

START_TEST(test_million_a)
{
    size_t n = 1000000;
    char *a = malloc(n);
    memset(a, 'a', n);
    char out[65];
    hash_sha256_hex(a, n, out);
    ck_assert_str_eq(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}
END_TEST

static Suite *hash_suite(void)
{
    Suite *s = suite_create("hash");
    TCase *tc = tcase_create("sha256");
    tcase_add_loop_test(tc, test_vectors, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_test(tc, test_million_a);
    tcase_add_test(tc, test_accel_matches_portable);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(hash_suite());
}
