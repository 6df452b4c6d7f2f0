-- Registries: organisations, their aandachtsfunctionarissen (with history) and the audit log.
-- Sector ids refer to content/sectors.yml (reference data, validated in the application).

CREATE TABLE organisation (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             varchar(200) NOT NULL,
    kvk_number       varchar(8),
    vestigingsnummer varchar(12),
    sector           varchar(64)  NOT NULL,
    gemeente         varchar(100) NOT NULL,
    area             varchar(100),                     -- wijk or dorp
    postcode         varchar(4) CHECK (postcode ~ '^[1-9][0-9]{3}$'),
    staff_count      integer CHECK (staff_count >= 0),
    address          varchar(300),
    active           boolean      NOT NULL DEFAULT true,
    version          integer      NOT NULL DEFAULT 0,  -- optimistic locking
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CHECK (kvk_number IS NULL OR kvk_number ~ '^[0-9]{8}$'),
    CHECK (vestigingsnummer IS NULL OR vestigingsnummer ~ '^[0-9]{12}$')
);
CREATE UNIQUE INDEX organisation_kvk_unique ON organisation (kvk_number, coalesce(vestigingsnummer, '')) WHERE kvk_number IS NOT NULL;
CREATE INDEX organisation_sector_gemeente ON organisation (sector, gemeente) WHERE active;
CREATE INDEX organisation_lower_name ON organisation (lower(name));

-- An aandachtsfunctionaris of an organisation (optionally per location). Never deleted: ending sets end_date.
CREATE TABLE aandachtsfunctionaris (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint       NOT NULL REFERENCES organisation (id),
    name            varchar(200) NOT NULL,
    email           varchar(320) NOT NULL,
    location        varchar(200),
    start_date      date         NOT NULL,
    end_date        date,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX aandachtsfunctionaris_organisation ON aandachtsfunctionaris (organisation_id, end_date);
CREATE INDEX aandachtsfunctionaris_email ON aandachtsfunctionaris (lower(email));

-- Who did what, when: registry changes and views of other people's records. Append-only.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz  NOT NULL DEFAULT now(),
    actor       varchar(255) NOT NULL,           -- subject of the person who acted
    action      varchar(40)  NOT NULL,           -- CREATE, UPDATE, DEACTIVATE, VIEW, ...
    object_type varchar(40)  NOT NULL,
    object_id   varchar(64)  NOT NULL,
    details     text
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
