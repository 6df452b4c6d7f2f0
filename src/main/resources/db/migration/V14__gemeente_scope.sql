-- Gemeente scope (issue #32, point 4; docs/security.md, "Gemeente scope"). Owned by identity: the gemeenten a beheerder
-- bound a person to, on top of those in the token's gemeente claim. Keyed by the token's subject, never by an e-mail
-- address: a right belongs to the account. Only gemeenten of the installation (meldcodetour.region.gemeenten) count
-- when it is read, so a gemeente removed from the configuration stops counting without a migration.
CREATE TABLE gemeente_scope (
    subject    text        NOT NULL,
    gemeente   text        NOT NULL,
    granted_by text        NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, gemeente)
);
