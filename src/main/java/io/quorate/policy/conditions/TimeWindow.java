package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code time: {within|outside: {days, hours, zone}}}: a weekly window in a time zone. A moment is
 * inside when, in {@code zone}, its day is one of {@code days} and its minute of the day is in
 * {@code [fromMinute, toMinute)}; {@code hours: "22:00-06:00"} wraps past midnight, the day being
 * that of the moment itself. {@code within} rules hold inside the window, {@code outside} rules
 * outside it.
 */
public record TimeWindow(boolean within, Set<DayOfWeek> days, int fromMinute, int toMinute, ZoneId zone, String daysText,
        String hoursText, SourceLocation at) {

    public TimeWindow {
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /** Whether {@code moment} is inside the window (whatever {@code within} says). */
    public boolean inside(Instant moment) {
        return inside(days, fromMinute, toMinute, zone, moment);
    }

    /** Whether the rule's time condition holds at {@code moment}. */
    public boolean holds(Instant moment) {
        return inside(moment) == within;
    }

    public static boolean inside(Set<DayOfWeek> days, int fromMinute, int toMinute, ZoneId zone, Instant moment) {
        ZonedDateTime local = moment.atZone(zone);
        if (!days.contains(local.getDayOfWeek())) return false;
        int minute = local.getHour() * 60 + local.getMinute();
        return fromMinute < toMinute ? minute >= fromMinute && minute < toMinute : minute >= fromMinute || minute < toMinute;
    }
}
