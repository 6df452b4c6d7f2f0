-- Municipal coverage dashboard (issue #5): figures per organisation and reference date, computed in SQL from the
-- registry and completion history and kept up to date by triggers that mark changed organisations.

-- When an organisation entered and left the registry. Together with employment and aandachtsfunctionaris dates this
-- makes the state on any past date reproducible.
ALTER TABLE organisation ADD COLUMN registered_on  date;
ALTER TABLE organisation ADD COLUMN deactivated_on date;
UPDATE organisation SET registered_on = (created_at AT TIME ZONE 'Europe/Amsterdam')::date;
UPDATE organisation SET deactivated_on = (updated_at AT TIME ZONE 'Europe/Amsterdam')::date WHERE NOT active;
ALTER TABLE organisation ALTER COLUMN registered_on SET NOT NULL;
ALTER TABLE organisation ALTER COLUMN registered_on SET DEFAULT current_date;
CREATE INDEX organisation_gemeente_area ON organisation (gemeente, area);
CREATE INDEX employment_organisation ON employment (organisation_id);

-- Reference data from content/ (sectors.yml, functions.yml), copied at startup so SQL can use it.
CREATE TABLE ref_sector (
    id       varchar(64)  PRIMARY KEY,
    name     varchar(200) NOT NULL,
    parent   varchar(64),
    obliged  boolean      NOT NULL
);
-- Which modules a function requires; function_id '*' holds the core modules everyone must do.
CREATE TABLE ref_required_module (
    function_id varchar(64) NOT NULL,
    module_id   varchar(64) NOT NULL,
    PRIMARY KEY (function_id, module_id)
);

-- The reference dates that are materialised: today, the last quarter ends, and dates someone asked for.
CREATE TABLE coverage_date (
    ref_date     date        PRIMARY KEY,
    kind         varchar(10) NOT NULL CHECK (kind IN ('today', 'quarter', 'asked')),
    computed_at  timestamptz NOT NULL DEFAULT now()
);

-- Figures per reference date, organisation and module ('*' = all required modules together). Organisation figures
-- (exists, has an aandachtsfunctionaris) are on the '*' row. Counts are of employments: a professional who works for
-- two organisations counts in both (each organisation is responsible for its own staff).
CREATE TABLE coverage_org (
    ref_date        date        NOT NULL,
    module_id       varchar(64) NOT NULL,
    organisation_id bigint      NOT NULL,
    sector          varchar(64) NOT NULL,
    gemeente        varchar(100) NOT NULL,
    area            varchar(100),
    postcode        varchar(4),
    obliged         boolean     NOT NULL,
    has_af          boolean     NOT NULL,
    professionals   integer     NOT NULL,
    current_count   integer     NOT NULL,
    due_count       integer     NOT NULL,
    expired_count   integer     NOT NULL,
    never_count     integer     NOT NULL,
    PRIMARY KEY (ref_date, module_id, organisation_id)
);
CREATE INDEX coverage_org_gemeente ON coverage_org (ref_date, module_id, gemeente);
CREATE INDEX coverage_org_organisation ON coverage_org (organisation_id);
-- per-postcode tables over a whole country: an index-only scan in postcode order
CREATE INDEX coverage_org_postcode ON coverage_org (ref_date, module_id, postcode)
    INCLUDE (obliged, has_af, professionals, current_count, due_count, expired_count, never_count);
CREATE INDEX coverage_org_without_af ON coverage_org (ref_date, gemeente) WHERE module_id = '*' AND obliged AND NOT has_af;

-- The same figures summed per sector and gemeente: what the dashboard reads unless it filters on wijk or postcode.
CREATE TABLE coverage_rollup (
    ref_date        date        NOT NULL,
    module_id       varchar(64) NOT NULL,
    sector          varchar(64) NOT NULL,
    gemeente        varchar(100) NOT NULL,
    organisations   integer     NOT NULL,
    obliged_orgs    integer     NOT NULL,
    orgs_with_af    integer     NOT NULL,
    obliged_with_af integer     NOT NULL,
    orgs_without_staff integer  NOT NULL,
    professionals   integer     NOT NULL,
    current_count   integer     NOT NULL,
    due_count       integer     NOT NULL,
    expired_count   integer     NOT NULL,
    never_count     integer     NOT NULL,
    PRIMARY KEY (ref_date, module_id, sector, gemeente)
);

-- Organisations whose figures must be recomputed. Filled by the triggers below, emptied by the refresh.
CREATE TABLE coverage_dirty (
    organisation_id bigint PRIMARY KEY
);

CREATE FUNCTION coverage_mark_org() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'organisation' THEN
        INSERT INTO coverage_dirty VALUES (NEW.id) ON CONFLICT DO NOTHING;
    ELSE
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO coverage_dirty VALUES (OLD.organisation_id) ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO coverage_dirty VALUES (NEW.organisation_id) ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER organisation_coverage AFTER INSERT OR UPDATE OF sector, gemeente, area, postcode, active, registered_on, deactivated_on
    ON organisation FOR EACH ROW EXECUTE FUNCTION coverage_mark_org();
CREATE TRIGGER employment_coverage AFTER INSERT OR UPDATE OR DELETE ON employment
    FOR EACH ROW EXECUTE FUNCTION coverage_mark_org();
CREATE TRIGGER aandachtsfunctionaris_coverage AFTER INSERT OR UPDATE OR DELETE ON aandachtsfunctionaris
    FOR EACH ROW EXECUTE FUNCTION coverage_mark_org();

-- A completion (or a changed e-mail address) changes the figures of every organisation the person works for.
CREATE FUNCTION coverage_mark_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'person' THEN
        INSERT INTO coverage_dirty
            SELECT DISTINCT e.organisation_id FROM employment e WHERE lower(e.email) IN (lower(OLD.email), lower(NEW.email))
        ON CONFLICT DO NOTHING;
    ELSE
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO coverage_dirty
                SELECT DISTINCT e.organisation_id FROM employment e JOIN person p ON lower(e.email) = lower(p.email)
                WHERE p.id = OLD.person_id
            ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO coverage_dirty
                SELECT DISTINCT e.organisation_id FROM employment e JOIN person p ON lower(e.email) = lower(p.email)
                WHERE p.id = NEW.person_id
            ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER completion_coverage AFTER INSERT OR UPDATE OR DELETE ON completion
    FOR EACH ROW EXECUTE FUNCTION coverage_mark_person();
CREATE TRIGGER person_coverage AFTER UPDATE OF email ON person
    FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION coverage_mark_person();
