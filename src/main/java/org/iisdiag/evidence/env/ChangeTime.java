package org.iisdiag.evidence.env;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the time of an env.yaml change: ISO-8601 with a zone ("2025-03-04T14:05:00Z", "+01:00"), or a
 * local date-time ("2025-03-04 14:05", "2025-03-04T14:05:00") or date, which is taken as UTC (the zone
 * the IIS logs are in) and marked as assumed.
 */
record ChangeTime(Instant instant, boolean assumedUtc) {
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]");

    static ChangeTime parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > 64) {
            return null; // no date-time is this long (and nothing below should scan a huge value)
        }
        boolean utc = t.length() >= 3 && t.regionMatches(true, t.length() - 3, "UTC", 0, 3);
        // not replaceFirst("\\s*UTC$"): that regex is quadratic on a long run of spaces (a fuzz finding)
        String zoned = (utc ? t.substring(0, t.length() - 3).strip() + "Z" : t).replace(' ', 'T');
        try {
            return new ChangeTime(OffsetDateTime.parse(zoned).toInstant(), false);
        } catch (DateTimeParseException ignored) {
            // try the local forms
        }
        boolean utcWord = t.toUpperCase(java.util.Locale.ROOT).endsWith("UTC");
        String local = utcWord ? t.substring(0, t.length() - 3).strip() : t;
        try {
            return new ChangeTime(LocalDateTime.parse(local).toInstant(ZoneOffset.UTC), !utcWord);
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return new ChangeTime(LocalDateTime.parse(local, SPACED).toInstant(ZoneOffset.UTC), !utcWord);
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return new ChangeTime(LocalDate.parse(local).atStartOfDay().toInstant(ZoneOffset.UTC), !utcWord);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
