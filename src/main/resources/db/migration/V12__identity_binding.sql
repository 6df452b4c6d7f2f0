-- Identity is the token's subject, never the e-mail address (issue #28, point 1). An e-mail address that a beheerder,
-- an aandachtsfunctionaris or an import enters is an invitation: it binds to the first person whose token says the
-- address is verified (email_verified = true), and from then on the row belongs to that person, whatever their
-- e-mail address becomes. Rows of earlier versions start unbound and bind at the owner's next login.

-- Whether the identity provider verified the person's current e-mail address (the email_verified claim).
ALTER TABLE person ADD COLUMN email_verified boolean NOT NULL DEFAULT false;
CREATE INDEX person_verified_email ON person (lower(email)) WHERE email_verified;

-- Owned by registry: the person a job or an aandachtsfunctionaris role is bound to (NULL: invitation not claimed yet).
ALTER TABLE employment ADD COLUMN person_id bigint REFERENCES person (id) ON DELETE SET NULL;
CREATE INDEX employment_person ON employment (person_id);
CREATE INDEX employment_unbound_email ON employment (lower(email)) WHERE person_id IS NULL;
ALTER TABLE aandachtsfunctionaris ADD COLUMN person_id bigint REFERENCES person (id) ON DELETE SET NULL;
CREATE INDEX aandachtsfunctionaris_person ON aandachtsfunctionaris (person_id);
CREATE INDEX aandachtsfunctionaris_unbound_email ON aandachtsfunctionaris (lower(email)) WHERE person_id IS NULL;

-- Owned by sessions: the trainer of a session as a person (trainer_email stays the invitation and contact address).
ALTER TABLE tour_session ADD COLUMN trainer_person_id bigint REFERENCES person (id) ON DELETE SET NULL;
CREATE INDEX tour_session_trainer_person ON tour_session (trainer_person_id);

-- Coverage: a completion changes the figures of the organisations where its person is bound to a job. A person's
-- e-mail address no longer matters, so its trigger goes; binding a job is an UPDATE of employment, which the
-- employment trigger already marks.
DROP TRIGGER person_coverage ON person;
CREATE OR REPLACE FUNCTION coverage_mark_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO coverage_dirty
            SELECT DISTINCT e.organisation_id FROM employment e WHERE e.person_id = OLD.person_id
        ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO coverage_dirty
            SELECT DISTINCT e.organisation_id FROM employment e WHERE e.person_id = NEW.person_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
