/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code meldcodetour.*} setting, with its default: the one place where a key and its default live
 * (docs/operations.md, <em>Configuration</em>). Inject it and read e.g. {@code config.retention().years()}. Names follow
 * the keys (kebab case: {@code rateLimit().uploadsPeriod()} is {@code meldcodetour.rate-limit.uploads-period}); each can
 * also be given as an environment variable ({@code MELDCODETOUR_RATE_LIMIT_UPLOADS_PERIOD}) or with a profile
 * ({@code %prod.meldcodetour...}).
 * <p>
 * SmallRye Config refuses to start on a {@code meldcodetour.*} key that is not declared here (a typo, a removed setting), so
 * a new setting is added here first.
 */
@ConfigMapping(prefix = "meldcodetour")
public interface MeldcodetourConfig {

    /**
     * The address people use to reach Meldcodetour: the verification link on certificates, links in mails and calendar
     * files, the privacy statement's address in a data export. Production requires it ({@code PUBLIC_URL}, checked by
     * {@link nl.meldcodetour.core.ProductionConfigCheck}).
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Certificates certificates();

    Content content();

    Region region();

    Oidc oidc();

    Csrf csrf();

    RateLimit rateLimit();

    Reminders reminders();

    Imports imports();

    Retention retention();

    Coverage coverage();

    EmbeddedDb embeddedDb();

    /** Certificates (certificates.CertificateService). */
    interface Certificates {
        /** The issuing organisation printed on certificates. */
        @WithDefault("Meldcodetour")
        String issuer();
    }

    /**
     * The region this installation serves: its gemeenten bound the scope of a {@code gemeente} user (identity, coverage,
     * registry: docs/security.md, "Gemeente scope") and which records an import of the public registers takes.
     */
    interface Region {
        /** Shown on the dashboard's regional line: "Regio Flevoland (totaal)". */
        @WithDefault("Flevoland")
        String name();

        /** The gemeenten of the installation, spelled as in the register; matched without regard to case. */
        @WithDefault("Almere,Dronten,Lelystad,Noordoostpolder,Urk,Zeewolde")
        List<String> gemeenten();
    }

    /** The content (content.ContentService). */
    interface Content {
        /**
         * The content directory. content.ContentPreload reads it before the configuration exists, from
         * the system property or the environment variable only.
         */
        @WithDefault("content")
        String dir();
    }

    /** Identity (identity.CurrentUser, identity.CachingTokenIdentityProvider). */
    interface Oidc {
        /** The token claim that, when the identity provider sends it, sets a person's sector. */
        @WithDefault("sector")
        String sectorClaim();

        /** The token claim that, when the identity provider sends it, sets a person's organisation. */
        @WithDefault("organisation")
        String organisationClaim();

        /**
         * The token claim with the gemeente (a string) or gemeenten (an array) a {@code gemeente} user is bound to;
         * only gemeenten of {@link Region#gemeenten()} count (docs/security.md, "Gemeente scope").
         */
        @WithDefault("gemeente")
        String gemeenteClaim();

        TokenCache tokenCache();

        /**
         * Verified tokens (bearer and the browser session's ID token) are kept until they expire, at most {@link #maxAge()},
         * so the RS256 signature is checked once per token instead of once per request (identity.VerifiedTokenCache,
         * docs/security.md). The maximum age also bounds how long a signing key withdrawn by the identity provider is
         * still honoured.
         */
        interface TokenCache {
            /** 0 turns the cache off. */
            @WithDefault("2000")
            int maxEntries();

            @WithDefault("PT5M")
            Duration maxAge();
        }
    }

    /** The CSRF and form cookies (core.web.CsrfProtection, core.web.FormFlash, quiz.KeptAnswers). */
    interface Csrf {
        /** Secure and {@code __Host-}/{@code __Secure-} prefixed cookies; true in production. */
        @WithDefault("false")
        boolean secureCookie();
    }

    /** Abuse limits (core.web.RateLimits). */
    interface RateLimit {
        /** Quiz starts and submissions per person per minute. */
        @WithDefault("30")
        int quizPerMinute();

        /** CSV uploads per person per {@link #uploadsPeriod()}. */
        @WithDefault("10")
        int uploads();

        @WithDefault("PT10M")
        Duration uploadsPeriod();

        /** Login attempts per client address per minute. */
        @WithDefault("30")
        int loginPerMinute();

        /** Certificate verifications per client address per minute. */
        @WithDefault("60")
        int verificationPerMinute();
    }

    /** The reminder job (notifications.ReminderJob). */
    interface Reminders {
        /** false stops planning and sending on this instance. */
        @WithDefault("true")
        boolean enabled();

        /** How often the job runs (read by its {@code @Scheduled} expression). */
        @WithDefault("5m")
        String every();
    }

    /** CSV imports (imports.CsvImportService; the lifetime is shown in the privacy statement). */
    interface Imports {
        /** How old an unconfirmed preview gets before the purge removes it: a PostgreSQL interval ("1 hour"). */
        @WithDefault("1 hour")
        String previewLifetime();

        /** How often the purge runs (read by its {@code @Scheduled} expression). */
        @WithDefault("15m")
        String purgeEvery();
    }

    /** Retention (privacy.RetentionJob; shown in the privacy statement and the layout). */
    interface Retention {
        /** Training records and inactive people are purged after this many years. */
        @WithDefault("5")
        int years();

        @WithDefault("true")
        boolean enabled();

        /** When the purge runs (read by the job's {@code @Scheduled} expression). */
        @WithDefault("0 30 3 * * ?")
        String cron();
    }

    /** The coverage dashboard (coverage.CoverageRefresher, docs/dashboard.md). */
    interface Coverage {
        /** Above this many employments, figures for a new reference date are computed in the background. */
        @WithDefault("200000")
        long syncComputeLimit();
    }

    /**
     * The embedded PostgreSQL. Read by core.db.EmbeddedPostgresConfigSourceFactory while the configuration is being built,
     * before this mapping exists: that factory holds the defaults and the interpretation ({@code durable}: anything but
     * {@code false}). Declared here so that SmallRye Config accepts the keys; nothing reads these methods. The password
     * ({@code meldcodetour.embedded-db.password}) is deliberately absent: the embedded source answers it by starting the
     * database, which must not happen while the configuration is mapped.
     */
    interface EmbeddedDb {
        /** Default {@code data/postgres}. */
        Optional<String> dataDir();

        /** Default: a free port. */
        Optional<String> port();

        /** Wipe the data directory at start (the tests do). Default false. */
        Optional<String> clean();

        /** fsync, synchronous commit and a password. Default true; false in dev and test. */
        Optional<String> durable();

        /** false: no embedded database even without a JDBC URL. Default true. */
        Optional<String> enabled();
    }
}
