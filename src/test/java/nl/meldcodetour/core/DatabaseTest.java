/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The tests run on the embedded, real PostgreSQL, with the schema made by Flyway alone. */
@QuarkusTest
class DatabaseTest {

    @Inject
    EntityManager em;

    @Test
    void isPostgreSql18() {
        String version = (String) em.createNativeQuery("SELECT version()").getSingleResult();
        assertTrue(version.startsWith("PostgreSQL 18"), version);
    }

    @Test
    void schemaComesFromFlywayMigrations() {
        Number applied = (Number)
                em.createNativeQuery("SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success")
                        .getSingleResult();
        assertEquals(1, applied.intValue());
        Number tables = (Number) em.createNativeQuery("""
                SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'
                AND table_name IN ('person', 'module_progress', 'quiz_attempt', 'attempt_question', 'completion')
                """).getSingleResult();
        assertEquals(5, tables.intValue());
    }
}
