/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import nl.meldcodetour.content.ContentCatalog;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Sector;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.NotReady;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.core.web.GemeenteScope;
import nl.meldcodetour.core.web.OwnOrganisations;
import nl.meldcodetour.coverage.Disclosure.Figure;
import nl.meldcodetour.coverage.Disclosure.Share;

/**
 * Reads the materialised coverage figures for a filter. Aggregation happens in PostgreSQL; Java only leaves out the
 * viewer's own organisations and turns the few resulting rows into what may be shown ({@link Disclosure}). Raw counts
 * never leave this class except through {@link #raw} for tests.
 */
@ApplicationScoped
public class CoverageService {

    /** Rows of the area table and of the list of organisations without an aandachtsfunctionaris per page. */
    public static final int PAGE_SIZE = 50;
    /** Above this many changed organisations, the page does not wait for the recompute. */
    static final int SYNC_REFRESH_LIMIT = 500;

    static final LocalDate EARLIEST = LocalDate.of(2013, 7, 1); // the Wet verplichte meldcode took effect

    @Inject
    DataSource dataSource;

    @Inject
    CoverageRefresher refresher;

    @Inject
    ContentService content;

    @Inject
    OwnOrganisations own;

    @Inject
    GemeenteScope scope;

    @Inject
    MeldcodetourConfig config;

    public enum Breakdown {
        GEMEENTE("gemeente", "Gemeente"),
        WIJK("wijk", "Wijk of dorp"),
        POSTCODE("postcode", "Postcode");

        public final String id;
        public final String label;

        Breakdown(String id, String label) {
            this.id = id;
            this.label = label;
        }

        String column() {
            return this == WIJK ? "area" : this == POSTCODE ? "postcode" : "gemeente";
        }
    }

    /**
     * Validated filters. Empty strings are "all". {@code leftOut}: the viewer's own organisations, whose professionals
     * are not counted (see {@link Disclosure}). {@code gemeenten}: the viewer's gemeenten in lower case, null when they
     * see every gemeente (docs/dashboard.md, "Gemeente scope").
     */
    public record Filter(
            String sector,
            String gemeente,
            String wijk,
            String postcode,
            String module,
            LocalDate date,
            Breakdown breakdown,
            int areaPage,
            int orgPage,
            Set<Long> leftOut,
            List<String> gemeenten) {

        Filter withDate(LocalDate other) {
            return new Filter(
                    sector, gemeente, wijk, postcode, module, other, breakdown, areaPage, orgPage, leftOut, gemeenten);
        }

        /** The same sector, module and date over these gemeenten (lower case) as a whole: for the regional line. */
        Filter over(List<String> others) {
            return new Filter(sector, null, null, null, module, date, breakdown, 1, 1, leftOut, others);
        }

        public String moduleOrAll() {
            return module == null ? "*" : module;
        }

        /** Query string for links and exports (without pages). */
        public String query() {
            StringBuilder q = new StringBuilder();
            append(q, "sector", sector);
            append(q, "gemeente", gemeente);
            append(q, "wijk", wijk);
            append(q, "postcode", postcode);
            append(q, "module", module);
            append(q, "peildatum", date.toString());
            append(q, "indeling", breakdown.id);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append(q.isEmpty() ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** Raw sums from the database; never shown as such. */
    record Raw(
            long organisations,
            long obligedOrgs,
            long orgsWithAf,
            long obligedWithAf,
            long orgsWithoutStaff,
            long professionals,
            long current,
            long due,
            long expired,
            long never) {
        static final Raw ZERO = new Raw(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The sums of one cell and the number of organisations with professionals in it (for the module filtered on). */
    record Sums(Raw raw, long staffedOrgs) {
        static final Sums ZERO = new Sums(Raw.ZERO, 0);

        /** Without the professionals of {@code own} (organisation figures stay: they are not about people). */
        Sums without(Sums own) {
            Raw o = own.raw;
            return new Sums(
                    new Raw(
                            raw.organisations,
                            raw.obligedOrgs,
                            raw.orgsWithAf,
                            raw.obligedWithAf,
                            raw.orgsWithoutStaff,
                            raw.professionals - o.professionals,
                            raw.current - o.current,
                            raw.due - o.due,
                            raw.expired - o.expired,
                            raw.never - o.never),
                    staffedOrgs - own.staffedOrgs);
        }
    }

    /**
     * One line of a table, as it may be shown. Organisation numbers are exact; professionals follow {@link Disclosure};
     * {@code note} says in Dutch why figures of professionals are hidden (null when none is).
     */
    public record Row(
            String key,
            String label,
            long organisations,
            long obligedOrgs,
            long orgsWithAf,
            long obligedWithAf,
            long orgsWithoutStaff,
            Share afShare,
            Share obligedAfShare,
            Figure professionals,
            Figure current,
            Figure due,
            Figure expired,
            Figure never,
            Share currentShare,
            Share dueShare,
            Share expiredShare,
            Share neverShare,
            String note) {

        static Row of(String key, String label, Sums s) {
            return of(key, label, s.raw, professionals(s));
        }

        /** The regional line: {@code region}'s figures, hidden where {@code rest} is a small group. */
        static Row regional(String label, Sums region, Sums rest) {
            return of("regio", label, region.raw, Disclosure.regional(professionals(region), professionals(rest)));
        }

        private static Disclosure.Professionals professionals(Sums s) {
            Raw r = s.raw;
            return Disclosure.professionals(r.professionals, r.current, r.due, r.expired, r.never, s.staffedOrgs);
        }

        private static Row of(String key, String label, Raw r, Disclosure.Professionals p) {
            return new Row(
                    key,
                    label,
                    r.organisations,
                    r.obligedOrgs,
                    r.orgsWithAf,
                    r.obligedWithAf,
                    r.orgsWithoutStaff,
                    Disclosure.organisationShare(r.orgsWithAf, r.organisations),
                    Disclosure.organisationShare(r.obligedWithAf, r.obligedOrgs),
                    p.total(),
                    p.current(),
                    p.due(),
                    p.expired(),
                    p.never(),
                    p.currentShare(),
                    p.dueShare(),
                    p.expiredShare(),
                    p.neverShare(),
                    p.note());
        }

        /** Too few organisations ({@link Disclosure}): no counts of professionals at all. */
        public boolean professionalsHidden() {
            return Disclosure.FEW_ORGANISATIONS.equals(note) || Disclosure.REGION_HIDDEN.equals(note);
        }

        /** Too few organisations or one outcome ({@link Disclosure}): no split by status. */
        public boolean splitHidden() {
            return note != null;
        }

        public long withoutAf() {
            return organisations - orgsWithAf;
        }

        public long obligedWithoutAf() {
            return obligedOrgs - obligedWithAf;
        }
    }

    public record TrendPoint(LocalDate date, String label, Row row) {}

    public record OrganisationWithoutAf(
            long id, String name, String sector, String gemeente, String area, String postcode) {}

    public record Page<T>(List<T> items, int page, int pages, long total) {}

    /**
     * {@code notice}: set when the figures are older than asked (today's are still being computed). {@code region}: the
     * regional line for a viewer who sees part of the region ({@link Disclosure#regional}), else null.
     */
    public record Report(
            Filter filter,
            Row totals,
            Row region,
            List<Row> bySector,
            Page<Row> byArea,
            List<TrendPoint> trend,
            Page<OrganisationWithoutAf> withoutAf,
            long pendingOrganisations,
            String notice) {}

    /**
     * The dashboard's question as it was asked (query parameters, all optional, unchecked); {@link #filter(Criteria)}
     * checks it. {@code areaPage} pages the area table, {@code orgPage} the organisations without an aandachtsfunctionaris.
     */
    public record Criteria(
            String sector,
            String gemeente,
            String wijk,
            String postcode,
            String module,
            String date,
            String breakdown,
            String areaPage,
            String orgPage) {

        /** Only the area: what the trend, a list or a test asks about. */
        public static Criteria area(String sector, String gemeente) {
            return new Criteria(sector, gemeente, null, null, null, null, null, null, null);
        }

        /** The figures on one reference date: the area page, not the list of organisations. */
        public Criteria forCoverage() {
            return new Criteria(sector, gemeente, wijk, postcode, module, date, breakdown, areaPage, null);
        }

        /** The trend covers every quarter end: no reference date, breakdown or pages. */
        public Criteria forTrend() {
            return new Criteria(sector, gemeente, wijk, postcode, module, null, null, null, null);
        }

        /** The organisations without an aandachtsfunctionaris: no module, breakdown or area page. */
        public Criteria forOrganisationsWithoutAf() {
            return new Criteria(sector, gemeente, wijk, postcode, null, date, null, null, orgPage);
        }

        /** An export holds every row: no pages. */
        public Criteria forExport() {
            return new Criteria(sector, gemeente, wijk, postcode, module, date, breakdown, null, null);
        }

        public Criteria withDate(String other) {
            return new Criteria(sector, gemeente, wijk, postcode, module, other, breakdown, areaPage, orgPage);
        }
    }

    /** Parses and validates the question; unknown values give a Dutch message per field. */
    public Filter filter(Criteria asked) {
        String sector = asked.sector();
        String gemeente = asked.gemeente();
        String wijk = asked.wijk();
        String postcode = asked.postcode();
        String module = asked.module();
        String date = asked.date();
        String breakdown = asked.breakdown();
        Map<String, String> errors = new LinkedHashMap<>();
        ContentCatalog catalog = content.catalog();
        sector = blank(sector);
        if (sector != null && catalog.sector(sector).isEmpty()) {
            errors.put("sector", "Deze sector kennen we niet. Kies een sector uit de lijst.");
        }
        gemeente = text(gemeente, "gemeente", 100, errors);
        GemeenteScope.Scope seen = scope.ofCurrentUser();
        seen.check(gemeente); // 403 before anything else: no figures outside the viewer's gemeenten
        wijk = text(wijk, "wijk", 100, errors);
        postcode = blank(postcode);
        if (postcode != null && !postcode.matches("[1-9][0-9]{3}")) {
            errors.put("postcode", "Vul de vier cijfers van een postcode in, bijvoorbeeld 8301.");
        }
        module = blank(module);
        if (module != null && catalog.module(module).isEmpty()) {
            errors.put("module", "Deze module kennen we niet. Kies een module uit de lijst.");
        }
        LocalDate today = refresher.today();
        LocalDate day = today;
        if (blank(date) != null) {
            try {
                day = LocalDate.parse(date.strip());
                if (day.isAfter(today)) {
                    errors.put("peildatum", "De peildatum kan niet in de toekomst liggen.");
                } else if (day.isBefore(EARLIEST)) {
                    errors.put("peildatum", "Kies een peildatum vanaf 1 juli 2013, toen de meldcode verplicht werd.");
                }
            } catch (DateTimeParseException e) {
                errors.put("peildatum", "Vul de peildatum in als jjjj-mm-dd, bijvoorbeeld " + today + ".");
            }
        }
        Breakdown by = wijk != null || gemeente != null ? Breakdown.WIJK : Breakdown.GEMEENTE;
        if (blank(breakdown) != null) {
            by = Arrays.stream(Breakdown.values())
                    .filter(b -> b.id.equals(breakdown.strip()))
                    .findFirst()
                    .orElse(null);
            if (by == null) {
                errors.put("indeling", "Kies een indeling: gemeente, wijk of postcode.");
                by = Breakdown.GEMEENTE;
            }
        }
        int ap = page(asked.areaPage(), "gebiedpagina", errors);
        int op = page(asked.orgPage(), "pagina", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Filter(
                sector,
                gemeente,
                wijk,
                postcode,
                module,
                day,
                by,
                ap,
                op,
                leftOut(),
                seen.all() ? null : seen.lowerCase());
    }

    /**
     * The first rule of {@link Disclosure}: the organisations whose staff records the viewer adds or added are left out
     * of the professionals they see, so that adding, dating or ending records of their own cannot move a figure they
     * read. The beheerder, who may open every team anyway, sees everything.
     */
    private Set<Long> leftOut() {
        return own.seesEveryTeam() ? Set.of() : own.ofCurrentUser();
    }

    /** What to say while the figures for a date are computed in the background (at national scale, about a minute). */
    public static final NotReady NOT_READY = new NotReady(
            "De cijfers worden berekend.",
            "Voor deze peildatum rekenen we de cijfers van alle organisaties uit. Dat duurt ongeveer een minuut. "
                    + "Laad deze pagina daarna opnieuw.",
            60);

    /** Everything the dashboard shows for a filter; empty while the figures are computed ({@link #NOT_READY}). */
    public Optional<Report> report(Filter f) {
        return report(f, false);
    }

    /** With {@code everything}, the area table and the list of organisations are not paged (for exports). */
    public Optional<Report> report(Filter f, boolean everything) {
        LocalDate today = refresher.today();
        LocalDate now = today;
        String notice = null;
        List<LocalDate> needed = new ArrayList<>(refresher.quarterEnds());
        needed.add(f.date());
        needed.add(today);
        CoverageRefresher.State state = refresher.state(needed);
        if (state.large() && state.todayMissing()) {
            // a new day at national scale: show the latest figures while today's are computed in the background
            refresher.inBackground("dates " + today, () -> refresher.ensureDates(today));
            if (state.latest() == null) {
                return Optional.empty();
            }
            now = state.latest();
            if (f.date().equals(today)) {
                f = f.withDate(now);
                notice = "Dit zijn de cijfers van " + Formats.dutch(now)
                        + ". De cijfers van vandaag worden nu berekend; laad de pagina over een minuut opnieuw.";
            }
            needed.remove(today);
            state = refresher.state(needed);
        }
        OptionalLong prepared = prepare(f.date(), state);
        if (prepared.isEmpty()) {
            return Optional.empty();
        }
        long pending = prepared.getAsLong();
        List<LocalDate> trendDates = new ArrayList<>(refresher.quarterEnds());
        trendDates.add(now);
        try (Connection c = dataSource.getConnection()) {
            Sums total = aggregate(c, f, null, List.of(f.date())).getOrDefault(key(null, f.date()), Sums.ZERO);
            Row totals = Row.of("totaal", "Totaal", total);
            Row region = f.gemeenten() == null ? null : region(c, f);

            Map<String, Sums> sectors = aggregate(c, f, "sector", List.of(f.date()));
            List<Row> bySector = new ArrayList<>();
            for (Sector s : sectorsInScope(f)) {
                bySector.add(Row.of(s.id(), s.name(), sectors.getOrDefault(key(s.id(), f.date()), Sums.ZERO)));
            }

            // paged in SQL: a national table per postcode has thousands of rows
            long[] groups = new long[1];
            int areaPage = everything ? 1 : Math.max(1, f.areaPage());
            Map<String, Sums> areas = aggregate(
                    c,
                    f,
                    f.breakdown().column(),
                    List.of(f.date()),
                    everything ? Integer.MAX_VALUE : PAGE_SIZE,
                    (long) (areaPage - 1) * PAGE_SIZE,
                    groups);
            if (areas.isEmpty() && areaPage > 1) {
                aggregate(c, f, f.breakdown().column(), List.of(f.date()), 1, 0, groups);
                areaPage = (int) Math.max(1, (groups[0] + PAGE_SIZE - 1) / PAGE_SIZE);
                areas = aggregate(
                        c,
                        f,
                        f.breakdown().column(),
                        List.of(f.date()),
                        PAGE_SIZE,
                        (long) (areaPage - 1) * PAGE_SIZE,
                        groups);
            }
            List<Row> areaRows = new ArrayList<>();
            areas.forEach((key, raw) -> {
                String k = key.substring(0, key.lastIndexOf('|'));
                areaRows.add(Row.of(k, k.isEmpty() ? "Onbekend" : k, raw));
            });
            int areaPages = everything ? 1 : (int) Math.max(1, (groups[0] + PAGE_SIZE - 1) / PAGE_SIZE);
            Page<Row> byArea = new Page<>(areaRows, areaPage, areaPages, groups[0]);

            Map<String, Sums> trend = aggregate(c, f, null, trendDates);
            List<TrendPoint> points = new ArrayList<>();
            for (LocalDate d : trendDates) {
                points.add(new TrendPoint(
                        d,
                        quarterLabel(d, refresher.today()),
                        Row.of(
                                d.toString(),
                                quarterLabel(d, refresher.today()),
                                trend.getOrDefault(key(null, d), Sums.ZERO))));
            }
            return Optional.of(new Report(
                    f, totals, region, bySector, byArea, points, withoutAf(c, f, everything), pending, notice));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read coverage figures", e);
        }
    }

    /**
     * The regional line next to a viewer's own gemeenten: the installation's gemeenten as a whole under the same sector,
     * module and date, with the viewer's gemeenten as a whole to know what the rest of the region is.
     */
    private Row region(Connection c, Filter f) throws SQLException {
        List<String> all = config.region().gemeenten().stream()
                .map(g -> g.strip().toLowerCase(Locale.ROOT))
                .toList();
        Sums region = aggregate(c, f.over(all), null, List.of(f.date())).getOrDefault(key(null, f.date()), Sums.ZERO);
        Sums own = aggregate(c, f.over(f.gemeenten()), null, List.of(f.date()))
                .getOrDefault(key(null, f.date()), Sums.ZERO);
        return Row.regional(regionLabel(), region, region.without(own));
    }

    /** "Regio Flevoland (totaal)". */
    String regionLabel() {
        return "Regio " + config.region().name() + " (totaal)";
    }

    /** Raw totals for a filter: for tests that compare with hand-computed figures. */
    Raw raw(Filter f) {
        List<LocalDate> needed = new ArrayList<>(refresher.quarterEnds());
        needed.add(f.date());
        needed.add(refresher.today());
        prepare(f.date(), refresher.state(needed))
                .orElseThrow(() -> new IllegalStateException("figures still being computed"));
        try (Connection c = dataSource.getConnection()) {
            return aggregate(c, f, null, List.of(f.date()))
                    .getOrDefault(key(null, f.date()), Sums.ZERO)
                    .raw();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gemeenten that have organisations and that the viewer may see (for the filter). */
    public List<String> gemeenten() {
        GemeenteScope.Scope seen = scope.ofCurrentUser();
        // from the rollup of the latest date: a few thousand index rows instead of every organisation
        return strings("""
                SELECT DISTINCT gemeente FROM coverage_rollup
                WHERE ref_date = (SELECT max(ref_date) FROM coverage_date) AND module_id = '*' ORDER BY gemeente""", null).stream().filter(seen::allows).toList();
    }

    /** The wijken and dorpen of a gemeente (for the filter). */
    public List<String> wijken(String gemeente) {
        if (gemeente == null) {
            return List.of();
        }
        return strings(
                "SELECT DISTINCT area FROM organisation WHERE gemeente = ? AND area IS NOT NULL ORDER BY area",
                gemeente);
    }

    public List<Module> modules() {
        return content.catalog().modules().stream()
                .filter(m -> m.kind() != Module.Kind.ROLE)
                .toList();
    }

    public List<Sector> sectors() {
        return List.copyOf(content.catalog().sectors().values());
    }

    /**
     * Materialises the date when needed and brings changed organisations up to date; returns what is still pending, or
     * nothing while a large date is computed in the background.
     */
    private OptionalLong prepare(LocalDate date, CoverageRefresher.State state) {
        if (state.missing() > 0) {
            if (state.large()) {
                refresher.inBackground("dates " + date, () -> refresher.ensureDates(date));
                return OptionalLong.empty();
            }
            refresher.ensureDates(date);
        }
        long pending = state.pending();
        if (pending > 0 && pending <= SYNC_REFRESH_LIMIT) {
            refresher.refreshDirty();
            pending = refresher.pending();
        } else if (pending > SYNC_REFRESH_LIMIT) {
            refresher.inBackground("dirty", refresher::refreshDirty);
        }
        return OptionalLong.of(pending);
    }

    private List<Sector> sectorsInScope(Filter f) {
        List<String> ids = sectorIds(f.sector());
        return content.catalog().sectors().values().stream()
                .filter(s -> ids == null || ids.contains(s.id()))
                .toList();
    }

    /** The sector and its sub-sectors; null when no sector is chosen. */
    private List<String> sectorIds(String sector) {
        if (sector == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (Sector s : content.catalog().sectors().values()) {
            if (s.id().equals(sector) || s.parent().map(sector::equals).orElse(false)) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    private static String key(String group, LocalDate date) {
        return (group == null ? "" : group) + "|" + date;
    }

    /** Sums per group (null: one total) and date, under the filter. */
    private Map<String, Sums> aggregate(Connection c, Filter f, String groupColumn, List<LocalDate> dates)
            throws SQLException {
        return aggregate(c, f, groupColumn, dates, Integer.MAX_VALUE, 0, new long[1]);
    }

    /**
     * With a limit: groups in key order, one page of them; {@code groups[0]} receives the number of groups. The
     * professionals of the filter's {@code leftOut} organisations are subtracted (a second, small query on their rows).
     */
    private Map<String, Sums> aggregate(
            Connection c, Filter f, String groupColumn, List<LocalDate> dates, int limit, long offset, long[] groups)
            throws SQLException {
        Map<String, Sums> all = sums(c, f, groupColumn, dates, limit, offset, groups, null);
        if (!f.leftOut().isEmpty() && !all.isEmpty()) {
            sums(c, f, groupColumn, dates, Integer.MAX_VALUE, 0, new long[1], f.leftOut())
                    .forEach((k, mine) -> all.computeIfPresent(k, (key, sums) -> sums.without(mine)));
        }
        return all;
    }

    /** The sums themselves; with {@code only}, over those organisations alone. */
    private Map<String, Sums> sums(
            Connection c,
            Filter f,
            String groupColumn,
            List<LocalDate> dates,
            int limit,
            long offset,
            long[] groups,
            Set<Long> only)
            throws SQLException {
        boolean fine = only != null
                || f.wijk() != null
                || f.postcode() != null
                || "area".equals(groupColumn)
                || "postcode".equals(groupColumn);
        String orgs = fine
                ? "count(*) FILTER (WHERE module_id = '*'), count(*) FILTER (WHERE module_id = '*' AND obliged), "
                        + "count(*) FILTER (WHERE module_id = '*' AND has_af), count(*) FILTER (WHERE module_id = '*' AND obliged AND has_af), "
                        + "count(*) FILTER (WHERE module_id = '*' AND professionals = 0)"
                : "sum(organisations) FILTER (WHERE module_id = '*'), sum(obliged_orgs) FILTER (WHERE module_id = '*'), "
                        + "sum(orgs_with_af) FILTER (WHERE module_id = '*'), sum(obliged_with_af) FILTER (WHERE module_id = '*'), "
                        + "sum(orgs_without_staff) FILTER (WHERE module_id = '*')";
        String group = groupColumn == null ? "''" : "coalesce(" + groupColumn + ", '')";
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(group)
                .append(", ref_date, ")
                .append(orgs)
                .append("""
                , sum(professionals) FILTER (WHERE module_id = ?), sum(current_count) FILTER (WHERE module_id = ?),
                  sum(due_count) FILTER (WHERE module_id = ?), sum(expired_count) FILTER (WHERE module_id = ?),
                  sum(never_count) FILTER (WHERE module_id = ?), """)
                .append(
                        fine
                                ? "count(*) FILTER (WHERE module_id = ? AND professionals > 0)"
                                : "sum(organisations - orgs_without_staff) FILTER (WHERE module_id = ?)")
                .append("""
                , count(*) OVER ()
                FROM """)
                .append(fine ? " coverage_org" : " coverage_rollup")
                .append(" WHERE ref_date = ANY (?) AND module_id IN ('*', ?)");
        List<Object> params = new ArrayList<>();
        String module = f.moduleOrAll();
        for (int i = 0; i < 6; i++) {
            params.add(module);
        }
        params.add(c.createArrayOf("date", dates.toArray()));
        params.add(module);
        where(c, f, sql, params);
        if (only != null) {
            sql.append(" AND organisation_id = ANY (?)");
            params.add(c.createArrayOf("bigint", only.toArray()));
        }
        sql.append(" GROUP BY 1, 2 ORDER BY 1, 2");
        if (limit < Integer.MAX_VALUE) {
            sql.append(" LIMIT ").append(limit).append(" OFFSET ").append(offset);
        }
        groups[0] = 0;
        Map<String, Sums> result = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String k = rs.getString(1);
                    groups[0] = rs.getLong(14);
                    result.put(
                            key(k, rs.getObject(2, LocalDate.class)),
                            new Sums(
                                    new Raw(
                                            rs.getLong(3),
                                            rs.getLong(4),
                                            rs.getLong(5),
                                            rs.getLong(6),
                                            rs.getLong(7),
                                            rs.getLong(8),
                                            rs.getLong(9),
                                            rs.getLong(10),
                                            rs.getLong(11),
                                            rs.getLong(12)),
                                    rs.getLong(13)));
                }
            }
        }
        return result;
    }

    /** The filter's conditions on the columns that coverage_org and coverage_rollup share. */
    private void where(Connection c, Filter f, StringBuilder sql, List<Object> params) throws SQLException {
        List<String> sectors = sectorIds(f.sector());
        if (sectors != null) {
            sql.append(" AND sector = ANY (?)");
            params.add(c.createArrayOf("text", sectors.toArray()));
        }
        if (f.gemeenten() != null) {
            sql.append(" AND lower(gemeente) = ANY (?)");
            params.add(c.createArrayOf("text", f.gemeenten().toArray()));
        }
        String[][] equal = {{"gemeente", f.gemeente()}, {"area", f.wijk()}, {"postcode", f.postcode()}};
        for (String[] condition : equal) {
            if (condition[1] != null) {
                sql.append(" AND ").append(condition[0]).append(" = ?");
                params.add(condition[1]);
            }
        }
    }

    private Page<OrganisationWithoutAf> withoutAf(Connection c, Filter f, boolean everything) throws SQLException {
        StringBuilder where = new StringBuilder(
                " FROM coverage_org WHERE ref_date = ? AND module_id = '*' AND obliged AND NOT has_af");
        List<Object> params = new ArrayList<>();
        params.add(f.date());
        where(c, f, where, params);
        long total;
        try (PreparedStatement p = c.prepareStatement("SELECT count(*)" + where)) {
            bind(p, params);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        int size = everything ? Integer.MAX_VALUE : PAGE_SIZE;
        int pages = everything ? 1 : (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(f.orgPage(), pages);
        List<OrganisationWithoutAf> items = new ArrayList<>();
        try (PreparedStatement p =
                c.prepareStatement("SELECT o.id, o.name, co.sector, co.gemeente, co.area, co.postcode"
                        + " FROM (SELECT organisation_id, sector, gemeente, area, postcode" + where + ") co"
                        + " JOIN organisation o ON o.id = co.organisation_id"
                        + " ORDER BY co.gemeente, o.name, o.id LIMIT " + size + " OFFSET "
                        + (long) (page - 1) * PAGE_SIZE)) {
            bind(p, params);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    items.add(new OrganisationWithoutAf(
                            rs.getLong(1),
                            rs.getString(2),
                            sectorName(rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
        return new Page<>(items, page, pages, total);
    }

    String moduleTitle(String id) {
        return content.catalog().module(id).map(Module::title).orElse(id);
    }

    String sectorName(String id) {
        return content.catalog().sector(id).map(Sector::name).orElse(id);
    }

    private static void bind(PreparedStatement p, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            p.setObject(i + 1, params.get(i));
        }
    }

    private List<String> strings(String sql, String param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            if (param != null) {
                p.setString(1, param);
            }
            List<String> result = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "K3 2025" for a quarter end, "Nu" for today, else the date. */
    static String quarterLabel(LocalDate d, LocalDate today) {
        if (d.equals(today)) {
            return "Nu";
        }
        if (d.plusDays(1).getDayOfMonth() == 1 && d.getMonthValue() % 3 == 0) {
            return "K" + (d.getMonthValue() / 3) + " " + d.getYear();
        }
        return d.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(String value, String field, int max, Map<String, String> errors) {
        String v = blank(value);
        if (v != null && v.length() > max) {
            errors.put(field, "Dit veld mag hoogstens " + max + " tekens hebben.");
        }
        return v;
    }

    private static int page(String value, String field, Map<String, String> errors) {
        if (blank(value) == null) {
            return 1;
        }
        try {
            int p = Integer.parseInt(value.strip());
            if (p < 1 || p > 100_000) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            errors.put(field, "Het paginanummer moet een heel getal vanaf 1 zijn.");
            return 1;
        }
    }

    Optional<Sector> sector(String id) {
        return content.catalog().sector(id);
    }
}
