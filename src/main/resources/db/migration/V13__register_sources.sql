-- Organisations taken from a public register (issue #32): the Landelijk Register Kinderopvang (source 'lrk', key the
-- LRK number) and DUO's school locations (source 'duo', key the vestigingscode: BRIN + two digits). source_type is the
-- register's own kind (KDV, BSO, GOB; po, so, vo, mbo): a DUO file holds one kind, and "gone from the file" is judged
-- per source and kind. source_values holds the fields as last taken from the register, so a re-import tells a change
-- at the source (the stored value still equals it) from a field a beheerder edited by hand (it differs: kept).
ALTER TABLE organisation ADD COLUMN source        varchar(8)  CHECK (source IN ('lrk', 'duo'));
ALTER TABLE organisation ADD COLUMN source_key    varchar(20);
ALTER TABLE organisation ADD COLUMN source_type   varchar(8);
ALTER TABLE organisation ADD COLUMN source_values jsonb;
ALTER TABLE organisation ADD CONSTRAINT organisation_source_complete
    CHECK ((source IS NULL) = (source_key IS NULL) AND (source IS NULL) = (source_type IS NULL));
CREATE UNIQUE INDEX organisation_source_unique ON organisation (source, source_key) WHERE source IS NOT NULL;

-- A houder runs many locations under one KvK number and vestigingsnummer: the register's key identifies an imported
-- location, so the KvK rule holds only for organisations entered by hand or by the CSV import.
DROP INDEX organisation_kvk_unique;
CREATE UNIQUE INDEX organisation_kvk_unique ON organisation (kvk_number, coalesce(vestigingsnummer, ''))
    WHERE kvk_number IS NOT NULL AND source IS NULL;

-- A voorziening voor gastouderopvang (VGO) is a gastouder's home, not an organisation: its aandachtsfunctionaris is the
-- one of its gastouderbureau(s). Kept so a bureau's page can say how many homes it covers; no name or address (they
-- are a private person's).
CREATE TABLE childcare_home (
    lrk_key        varchar(20)  PRIMARY KEY,
    bureau_key     varchar(20)  NOT NULL,               -- the LRK number of the (first) gastouderbureau
    bureau_key_2   varchar(20),                          -- a second bureau, when the register names one
    gemeente       varchar(100) NOT NULL,
    postcode       varchar(4),
    active         boolean      NOT NULL DEFAULT true,
    registered_on  date         NOT NULL,
    deactivated_on date,
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX childcare_home_bureau ON childcare_home (bureau_key) WHERE active;

ALTER TABLE csv_import DROP CONSTRAINT csv_import_kind_check;
ALTER TABLE csv_import ADD CONSTRAINT csv_import_kind_check CHECK (kind IN ('organisations', 'staff', 'register'));
