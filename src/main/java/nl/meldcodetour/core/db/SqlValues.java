package nl.meldcodetour.core.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;

/** Values of native query rows in the types the code uses, whichever JDBC type the driver returned. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an instant (null stays null). */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
