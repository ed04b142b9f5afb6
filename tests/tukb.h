/*
 * tukb.h - the fixture of the suites that run the built kb (tucli.h,
 * tuexport.h): a fresh folder, dir, with the database db in it, made by
 * setup and removed by teardown (a Check checked fixture).
 */
#ifndef KB_TUKB_H
#define KB_TUKB_H

#include <check.h>
#include <stdio.h>

#include "testutil.h"

static char *dir;
static char db[512];

static inline void setup(void)
{
    dir = tu_tmpdir();
    snprintf(db, sizeof db, "%s/kb.db", dir);
}

static inline void teardown(void)
{
    tu_rmdir(dir);
}

#endif
