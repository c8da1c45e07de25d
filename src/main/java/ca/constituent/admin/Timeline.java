package ca.constituent.admin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Signatures received and confirmed per hour (the last 48 hours) and per day (Toronto time) since launch. */
public record Timeline(List<Hour> hourly, List<Day> daily) {

    public record Hour(OffsetDateTime hour, long signed, long confirmed) {
    }

    public record Day(LocalDate day, long signed, long confirmed) {
    }
}
