/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.db;

import jakarta.persistence.Query;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One row of a native query, read by column position with typed getters, like a JDBC {@code ResultSet}. A query maps
 * its rows to a record in one place ({@code SqlRow.list(query, r -> new Seat(r.longValue(0), r.string(1)))}), so that
 * no {@code Object[]} or cast on a column leaves that place and the driver's choice of Java type (a {@code bigint} as
 * {@code Long}, a {@code timestamptz} as {@code Instant} or {@code OffsetDateTime}) is handled here only.
 */
public final class SqlRow {

    private final Object[] values;

    private SqlRow(Object[] values) {
        this.values = values;
    }

    /** Every row of {@code query}, each mapped by {@code mapper}. A query of one column gives rows of one column. */
    public static <T> List<T> list(Query query, Function<SqlRow, T> mapper) {
        List<T> mapped = new ArrayList<>();
        for (Object row : query.getResultList()) {
            mapped.add(mapper.apply(new SqlRow(row instanceof Object[] columns ? columns : new Object[] {row})));
        }
        return mapped;
    }

    /** The first row of {@code query} mapped by {@code mapper}, if there is one (the query says how many it reads). */
    public static <T> Optional<T> first(Query query, Function<SqlRow, T> mapper) {
        return list(query, mapper).stream().findFirst();
    }

    public boolean isNull(int column) {
        return values[column] == null;
    }

    public String string(int column) {
        return (String) values[column];
    }

    /** A number column as a {@code long}; null is an error. */
    public long longValue(int column) {
        return ((Number) values[column]).longValue();
    }

    /** A number column as an {@code int}; null is an error. */
    public int intValue(int column) {
        return ((Number) values[column]).intValue();
    }

    /** A number column as an {@code Integer}, null staying null. */
    public Integer integer(int column) {
        return values[column] == null ? null : ((Number) values[column]).intValue();
    }

    /** A number column as a {@code Long}, null staying null. */
    public Long longOrNull(int column) {
        return values[column] == null ? null : ((Number) values[column]).longValue();
    }

    public Boolean bool(int column) {
        return (Boolean) values[column];
    }

    public UUID uuid(int column) {
        return (UUID) values[column];
    }

    /** A {@code timestamptz} column (null stays null). */
    public Instant instant(int column) {
        return SqlValues.instant(values[column]);
    }

    /** A {@code date} column (null stays null). */
    public LocalDate date(int column) {
        Object value = values[column];
        return value == null || value instanceof LocalDate ? (LocalDate) value : ((Date) value).toLocalDate();
    }

    /** A {@code varchar[]} column as a list (null as an empty list). */
    public List<String> strings(int column) {
        Object value = values[column];
        if (value == null) {
            return List.of();
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        try {
            return Arrays.asList((String[]) ((Array) value).getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
