-- The meldcodetour's sessions (bijeenkomsten), registrations with a waitlist, and attendance (issue #6).
CREATE TABLE tour_session (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title         varchar(200)  NOT NULL,
    sectors       varchar(64)[] NOT NULL DEFAULT '{}',     -- empty: for every sector
    modules       varchar(64)[] NOT NULL DEFAULT '{}',     -- modules the session covers
    starts_at     timestamptz   NOT NULL,
    ends_at       timestamptz   NOT NULL,
    place         varchar(300),
    online_url    varchar(500),
    capacity      integer       NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    trainer       varchar(200)  NOT NULL,
    trainer_email varchar(320),
    cancelled_at  timestamptz,
    created_by    varchar(255)  NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK (place IS NOT NULL OR online_url IS NOT NULL)
);
CREATE INDEX tour_session_starts ON tour_session (starts_at) WHERE cancelled_at IS NULL;

-- One row per person and session. status: registered, waitlisted (in order of registered_at), cancelled.
CREATE TABLE session_registration (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id    bigint       NOT NULL REFERENCES tour_session (id),
    person_id     bigint       NOT NULL REFERENCES person (id),
    status        varchar(12)  NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
    registered_at timestamptz  NOT NULL,
    promoted_at   timestamptz,                                  -- moved up from the waitlist
    cancelled_at  timestamptz,
    attended      boolean,                                      -- null: not marked yet
    attendance_marked_by varchar(255),
    UNIQUE (session_id, person_id)
);
CREATE INDEX session_registration_queue ON session_registration (session_id, status, registered_at);
CREATE INDEX session_registration_person ON session_registration (person_id);
