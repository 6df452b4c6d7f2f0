-- Quiz integrity (issue #27): options in a random order per attempt, one open attempt per person and module with a
-- draft of the answers, pages read (for the retry gate) and the beheerder lifting that gate.

-- The options of each drawn question in the order this attempt shows them, as content option ids. The learner sees
-- them re-lettered a, b, c… in this order, so neither the order nor the letters tell the position in the file.
-- NULL for attempts started before this migration: they show the file order.
ALTER TABLE attempt_question ADD COLUMN option_order varchar(64)[];

-- chosen_options may now hold a draft before submission; submitted_at still says whether it was scored.
ALTER TABLE quiz_attempt ADD COLUMN draft_saved_at timestamptz;

-- One open attempt per person and module. Older duplicates are unscored draws without answers: removed.
DELETE FROM quiz_attempt a USING quiz_attempt b
WHERE a.submitted_at IS NULL AND b.submitted_at IS NULL AND a.person_id = b.person_id AND a.module_id = b.module_id
  AND (a.started_at, a.id) < (b.started_at, b.id);
CREATE UNIQUE INDEX quiz_attempt_one_open ON quiz_attempt (person_id, module_id) WHERE submitted_at IS NULL;

-- Owned by learning: when someone last opened each page of a module (the retry gate asks whether the pages that
-- explain a wrong answer were read after the failed attempt).
CREATE TABLE page_view (
    person_id  bigint      NOT NULL REFERENCES person (id),
    module_id  varchar(64) NOT NULL,
    page       integer     NOT NULL CHECK (page >= 1),
    viewed_at  timestamptz NOT NULL,
    PRIMARY KEY (person_id, module_id, page)
);

-- Owned by quiz: the beheerder lifted the retry gate; only failures after the latest lift count.
CREATE TABLE quiz_gate_lift (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id  bigint      NOT NULL REFERENCES person (id),
    module_id  varchar(64) NOT NULL,
    lifted_at  timestamptz NOT NULL,
    lifted_by  varchar(255) NOT NULL
);
CREATE INDEX quiz_gate_lift_person_module ON quiz_gate_lift (person_id, module_id, lifted_at DESC);
