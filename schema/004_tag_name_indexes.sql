-- kb store, version 4: drop the indexes of claim tags by name.
-- claim_subject_by_subject and claim_dimension_by_dimension served no
-- read that needs them: every query reaches tags through their claim
-- (the primary keys start with claim_id).  `kb search --subject` and
-- `--dimension` are much faster without them, checking each hit's
-- claims (claim_unit) instead of every claim with that name (21.7 M
-- instructions instead of 56.7 G at 595 pages); `kb stats`, which
-- counts per name, is a little slower (639 M instead of 480 M).  Each tag row written updated one of them
-- (1.7 MB of 119 MB at 595 pages).
DROP INDEX claim_subject_by_subject;
DROP INDEX claim_dimension_by_dimension;
