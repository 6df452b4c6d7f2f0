-- Session changes, cancellations and waitlist promotions are mailed to the people concerned (issue #6).
ALTER TABLE tour_session ADD COLUMN version integer NOT NULL DEFAULT 0;   -- counts changes: one notice per change
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
    CHECK (kind IN ('expiry-60', 'expiry-14', 'expired', 'requested', 'af-digest', 'session-changed', 'session-cancelled', 'session-promoted'));
