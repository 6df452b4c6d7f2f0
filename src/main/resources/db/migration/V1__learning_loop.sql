-- Meldcodetour schema, version 1: people, module progress, quiz attempts and completions.
-- Module, question and sector ids refer to content/ (validated at startup), so they are plain text here.

CREATE TABLE person (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject       varchar(255) NOT NULL UNIQUE,          -- the identity provider's stable id ("sub")
    display_name  varchar(200),
    email         varchar(320),
    sector        varchar(64),                           -- from a token claim, or later from the registry
    organisation  varchar(200),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    last_seen_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE module_progress (
    person_id     bigint       NOT NULL REFERENCES person (id),
    module_id     varchar(64)  NOT NULL,
    last_page     integer      NOT NULL CHECK (last_page >= 0),
    furthest_page integer      NOT NULL CHECK (furthest_page >= 0),
    started_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    PRIMARY KEY (person_id, module_id)
);

CREATE TABLE quiz_attempt (
    id              uuid         PRIMARY KEY,            -- random, so attempts cannot be guessed
    person_id       bigint       NOT NULL REFERENCES person (id),
    module_id       varchar(64)  NOT NULL,
    content_version varchar(64)  NOT NULL,
    pass_mark       integer      NOT NULL,
    question_count  integer      NOT NULL CHECK (question_count > 0),
    started_at      timestamptz  NOT NULL,
    submitted_at    timestamptz,
    right_count     integer,
    percentage      integer,
    passed          boolean,
    CHECK ((submitted_at IS NULL) = (passed IS NULL))
);
CREATE INDEX quiz_attempt_person_module ON quiz_attempt (person_id, module_id, started_at DESC);

CREATE TABLE attempt_question (
    attempt_id      uuid         NOT NULL REFERENCES quiz_attempt (id) ON DELETE CASCADE,
    position        integer      NOT NULL,
    question_id     varchar(64)  NOT NULL,
    -- the right options as they were when the question was drawn: later content edits never rescore an attempt
    correct_options varchar(64)[] NOT NULL,
    chosen_options  varchar(64)[],
    PRIMARY KEY (attempt_id, position)
);

CREATE TABLE completion (
    id              uuid         PRIMARY KEY,
    person_id       bigint       NOT NULL REFERENCES person (id),
    module_id       varchar(64)  NOT NULL,
    attempt_id      uuid         UNIQUE REFERENCES quiz_attempt (id),  -- one completion per passed attempt, ever
    content_version varchar(64)  NOT NULL,
    score           integer      NOT NULL,
    completed_at    timestamptz  NOT NULL,
    valid_until     date         NOT NULL
);
CREATE INDEX completion_person_module ON completion (person_id, module_id, valid_until DESC);
