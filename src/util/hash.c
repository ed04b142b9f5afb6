/*
 * hash.c - SHA-256 (FIPS 180-4), written out because kb's libraries do
 * not expose one and a content hash is all kb needs it for.
 *
 * On x86-64 CPUs with the SHA extensions (Intel since Goldmont and Ice
 * Lake, AMD since Zen) the compression function runs on them, several
 * times faster than the portable code: ingest hashes every file.  Which
 * code runs is decided once, from CPUID.
 */
#include "hash.h"

#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HASH_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t hash_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void hash_block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + hash_k[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

static void hash_blocks_c(uint32_t h[8], const unsigned char *p, size_t nblocks)
{
    for (; nblocks; nblocks--, p += 64) hash_block(h, p);
}

#ifdef HASH_X86
/* The state lives in two registers as the SHA instructions want it:
 * s0 = (A, B, E, F) and s1 = (C, D, G, H), high lane first.  Each
 * sha256rnds2 does two rounds; the message schedule keeps the last 16
 * words in m[0..3], four per register. */
__attribute__((target("sha,sse4.1,ssse3")))
static void hash_blocks_x86(uint32_t h[8], const unsigned char *p, size_t nblocks)
{
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i t = _mm_loadu_si128((const __m128i *)&h[0]);  /* D C B A */
    __m128i s1 = _mm_loadu_si128((const __m128i *)&h[4]); /* H G F E */
    t = _mm_shuffle_epi32(t, 0xB1);                        /* C D A B */
    s1 = _mm_shuffle_epi32(s1, 0x1B);                      /* E F G H */
    __m128i s0 = _mm_alignr_epi8(t, s1, 8);                /* A B E F */
    s1 = _mm_blend_epi16(s1, t, 0xF0);                     /* C D G H */
    for (; nblocks; nblocks--, p += 64) {
        __m128i save0 = s0, save1 = s1, m[4];
        for (int g = 0; g < 16; g++) {
            __m128i *w = &m[g & 3];
            if (g < 4) {
                *w = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * g)), bswap);
            } else {
                /* W[i] = s1(W[i-2]) + W[i-7] + s0(W[i-15]) + W[i-16] */
                __m128i x = _mm_sha256msg1_epu32(*w, m[(g + 1) & 3]);
                x = _mm_add_epi32(x, _mm_alignr_epi8(m[(g + 3) & 3], m[(g + 2) & 3], 4));
                *w = _mm_sha256msg2_epu32(x, m[(g + 3) & 3]);
            }
            __m128i k = _mm_add_epi32(*w, _mm_loadu_si128((const __m128i *)&hash_k[4 * g]));
            s1 = _mm_sha256rnds2_epu32(s1, s0, k);
            s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(k, 0x0E));
        }
        s0 = _mm_add_epi32(s0, save0);
        s1 = _mm_add_epi32(s1, save1);
    }
    t = _mm_shuffle_epi32(s0, 0x1B);     /* F E B A */
    s1 = _mm_shuffle_epi32(s1, 0xB1);    /* D C H G */
    s0 = _mm_blend_epi16(t, s1, 0xF0);   /* D C B A */
    s1 = _mm_alignr_epi8(s1, t, 8);      /* H G F E */
    _mm_storeu_si128((__m128i *)&h[0], s0);
    _mm_storeu_si128((__m128i *)&h[4], s1);
}

static int hash_cpu_has_sha(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!(c & bit_SSSE3) || !(c & bit_SSE4_1)) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b & bit_SHA) != 0;
}
#endif

typedef void (*hash_blocks_fn)(uint32_t h[8], const unsigned char *p, size_t nblocks);

/* -1: not decided yet.  Threads that decide at once all decide the
 * same, so relaxed atomics are enough. */
static _Atomic int hash_accel = -1;

int hash_set_accel(int on)
{
#ifdef HASH_X86
    int use = on && hash_cpu_has_sha();
#else
    (void)on;
    int use = 0;
#endif
    atomic_store_explicit(&hash_accel, use, memory_order_relaxed);
    return use;
}

void hash_sha256_hex(const void *data, size_t len, char out[65])
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    int accel = atomic_load_explicit(&hash_accel, memory_order_relaxed);
    if (accel < 0) accel = hash_set_accel(1);
    hash_blocks_fn blocks = hash_blocks_c;
#ifdef HASH_X86
    if (accel) blocks = hash_blocks_x86;
#endif
    const unsigned char *p = data;
    size_t n = len;
    blocks(h, p, n / 64);
    p += n / 64 * 64;
    n %= 64;
    unsigned char tail[128];
    memset(tail, 0, sizeof tail);
    if (n) memcpy(tail, p, n);
    tail[n] = 0x80;
    size_t tl = n + 1 + 8 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++) tail[tl - 1 - i] = (unsigned char)(bits >> (8 * i));
    blocks(h, tail, tl / 64);
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 4; j++) {
            unsigned char byte = (unsigned char)(h[i] >> (24 - 8 * j));
            out[8 * i + 2 * j] = hex[byte >> 4];
            out[8 * i + 2 * j + 1] = hex[byte & 15];
        }
    out[64] = '\0';
}
