-- Staff of an organisation (as an AF or beheerder knows them, often before they ever log in), matched to a person by
-- e-mail address. A person can work for two organisations. Ending sets end_date; history is kept.
CREATE TABLE employment (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint       NOT NULL REFERENCES organisation (id),
    name            varchar(200) NOT NULL,
    email           varchar(320) NOT NULL,
    function_id     varchar(64)  NOT NULL,           -- content/functions.yml
    start_date      date         NOT NULL,
    end_date        date,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX employment_current_unique ON employment (organisation_id, lower(email)) WHERE end_date IS NULL;
CREATE INDEX employment_email ON employment (lower(email));
CREATE INDEX person_lower_email ON person (lower(email));

-- "Herinnering sturen": recorded now, sent by the mail job of issue #6.
CREATE TABLE reminder_request (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employment_id   bigint       NOT NULL REFERENCES employment (id),
    module_id       varchar(64)  NOT NULL,
    requested_by    varchar(255) NOT NULL,
    requested_at    timestamptz  NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX reminder_request_unsent ON reminder_request (requested_at) WHERE sent_at IS NULL;
