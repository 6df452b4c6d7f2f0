-- The best pass of a person for a module is the first entry of this index (longest valid, then newest), so
-- "Mijn modules" reads one row per module instead of every pass the person ever made (issue #9, docs/benchmarks.md).
-- It replaces completion_person_module, whose columns it starts with.
CREATE INDEX completion_person_module_latest ON completion (person_id, module_id, valid_until DESC, completed_at DESC);
DROP INDEX completion_person_module;
