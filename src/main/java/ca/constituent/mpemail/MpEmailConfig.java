package ca.constituent.mpemail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalTime;
import java.time.ZoneId;

/** Settings of letters to MPs and their outbox. */
@ConfigMapping(prefix = "constituent.mp-email")
public interface MpEmailConfig {

    /**
     * The address letters are sent from ({@code MP_EMAIL_FROM}); the signer's name goes in its display name and the
     * signer's address in Reply-To, so the mail passes the campaign domain's SPF and DMARC checks.
     */
    @WithDefault("letters@constituent.localhost")
    String fromAddress();

    /** At most this many letters per MP inbox per minute (0 turns the limit off). */
    @WithDefault("6")
    int perInboxPerMinute();

    /** An optional window of office hours outside which no letter leaves. */
    OfficeHours officeHours();

    interface OfficeHours {
        /** Whether letters wait for office hours. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("09:00")
        LocalTime start();

        @WithDefault("17:00")
        LocalTime end();

        @WithDefault("America/Toronto")
        ZoneId zone();

        /** Also hold letters on Saturdays and Sundays. */
        @WithDefault("true")
        boolean weekdaysOnly();
    }
}
