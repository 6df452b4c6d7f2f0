-- Reminder e-mails (issue #6). Every mail is first planned into the outbox; the unique key makes planning
-- idempotent (any number of instances may plan at once), and sending claims one row at a time with
-- FOR UPDATE SKIP LOCKED, so each planned mail is sent by one instance, once.
ALTER TABLE person ADD COLUMN mail_opt_out boolean NOT NULL DEFAULT false;  -- only for mails that are not mandatory

CREATE TABLE mail_outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   bigint       REFERENCES person (id),
    recipient   varchar(320) NOT NULL,
    kind        varchar(30)  NOT NULL CHECK (kind IN ('expiry-60', 'expiry-14', 'expired', 'requested', 'af-digest')),
    subject_key varchar(100) NOT NULL,          -- the module (or request, or organisation) the mail is about
    due_date    date         NOT NULL,
    payload     jsonb        NOT NULL DEFAULT '{}',
    created_at  timestamptz  NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    sent_by     varchar(100),                   -- which instance sent it
    attempts    integer      NOT NULL DEFAULT 0,
    last_error  varchar(500),
    UNIQUE (recipient, kind, subject_key, due_date)
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (id) WHERE sent_at IS NULL;
