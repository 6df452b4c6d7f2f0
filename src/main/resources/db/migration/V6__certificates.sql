-- Certificates (issue #6): one per completion, with a verification code anyone can check at /verificatie/{code}.
-- The certificate keeps what it shows (name, module title, dates, issuer) so it reads the same forever.
CREATE TABLE certificate (
    id              uuid         PRIMARY KEY,                     -- random: not guessable from the URL
    completion_id   uuid         NOT NULL UNIQUE REFERENCES completion (id),
    person_id       bigint       NOT NULL REFERENCES person (id),
    code            varchar(20)  NOT NULL UNIQUE CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{20}$'),  -- 100 random bits, Crockford base32
    holder_name     varchar(200) NOT NULL,
    module_id       varchar(64)  NOT NULL,
    module_title    varchar(200) NOT NULL,
    completed_on    date         NOT NULL,
    valid_until     date         NOT NULL,
    content_version varchar(64)  NOT NULL,
    issuer          varchar(200) NOT NULL,
    issued_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX certificate_person ON certificate (person_id, completed_on DESC);
