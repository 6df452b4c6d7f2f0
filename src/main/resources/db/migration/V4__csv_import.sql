-- An uploaded CSV waiting for confirmation after its preview. Deleted when confirmed; never holds more than the upload.
CREATE TABLE csv_import (
    id              uuid         PRIMARY KEY,
    kind            varchar(20)  NOT NULL CHECK (kind IN ('organisations', 'staff')),
    organisation_id bigint       REFERENCES organisation (id),
    content         text         NOT NULL,
    created_by      varchar(255) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
