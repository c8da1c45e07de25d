package ca.constituent.mpemail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfficeHoursTest {

    static MpEmailConfig config(boolean enabled) {
        return new MpEmailConfig() {
            public String fromAddress() {
                return "letters@example.ca";
            }

            public int perInboxPerMinute() {
                return 6;
            }

            public OfficeHours officeHours() {
                return new OfficeHours() {
                    public boolean enabled() {
                        return enabled;
                    }

                    public LocalTime start() {
                        return LocalTime.of(9, 0);
                    }

                    public LocalTime end() {
                        return LocalTime.of(17, 0);
                    }

                    public ZoneId zone() {
                        return ZoneId.of("America/Toronto");
                    }

                    public boolean weekdaysOnly() {
                        return true;
                    }
                };
            }
        };
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-23T13:59:00Z,false", // Monday 08:59 in Toronto
            "2026-11-23T14:00:00Z,true",  // Monday 09:00
            "2026-11-23T21:59:00Z,true",  // Monday 16:59
            "2026-11-23T22:00:00Z,false", // Monday 17:00
            "2026-11-21T16:00:00Z,false", // Saturday 11:00
            "2026-07-06T13:30:00Z,true"}) // Monday 09:30 in summer time
    void lettersLeaveOnlyDuringOfficeHoursWhenAsked(String instant, boolean open) {
        MpEmailOutbox outbox = new MpEmailOutbox(null, null, config(true));
        outbox.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        assertEquals(open, outbox.withinOfficeHours());
        MpEmailOutbox always = new MpEmailOutbox(null, null, config(false));
        always.clock = outbox.clock;
        assertEquals(true, always.withinOfficeHours());
    }
}
