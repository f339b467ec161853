package io.quorate.conditions;

import io.quorate.policy.conditions.TimeWindow;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fact condition rules judge: one action of a transaction, under the set of conditions its
 * account uses ({@code set}), with what it does (its data) and when. A rule whose {@code when}
 * holds marks it matched; a rule whose action matches but which lacks data marks it lacking.
 * Per decision, used by one thread.
 */
public final class ConditionCheck {

    private static final Map<String, Set<DayOfWeek>> DAYS = new ConcurrentHashMap<>();
    private static final String[] DAY_NAMES = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    private final String set;
    private final String account;
    private final String action;
    private final String asset;
    private final BigDecimal amount;
    private final String to;
    private final String from;
    private final String memo;
    private final Instant time;
    private final SpentAmounts spending;
    private final BigDecimal earlier;
    private final Map<Long, BigDecimal> spentByPeriod = new HashMap<>();
    private final Map<Long, String> whyUnknown = new HashMap<>();
    private final BitSet matched = new BitSet();
    private final BitSet lacking = new BitSet();

    /**
     * @param earlier what earlier actions of the same transaction move of the same asset from
     *                the same account: spent too, when a limit is checked
     */
    public ConditionCheck(String set, String account, String action, String asset, BigDecimal amount, String to, String from,
            String memo, Instant time, SpentAmounts spending, BigDecimal earlier) {
        this.set = set;
        this.account = account;
        this.action = action;
        this.asset = asset;
        this.amount = amount;
        this.to = to;
        this.from = from;
        this.memo = memo;
        this.time = time;
        this.spending = spending;
        this.earlier = earlier;
    }

    public String getSet() {
        return set;
    }

    public String getAccount() {
        return account;
    }

    public String getAction() {
        return action;
    }

    public String getAsset() {
        return asset;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getTo() {
        return to;
    }

    public String getFrom() {
        return from;
    }

    public String getMemo() {
        return memo;
    }

    public Instant getTime() {
        return time;
    }

    /** Whether the moment of the transaction falls in the weekly window: {@code days} as {@code mon,tue}, minutes of the day in the zone. */
    public boolean within(String zone, String days, int fromMinute, int toMinute) {
        return TimeWindow.inside(DAYS.computeIfAbsent(days, ConditionCheck::days), fromMinute, toMinute, ZoneId.of(zone), time);
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String d : text.split(",")) {
            for (int i = 0; i < DAY_NAMES.length; i++) {
                if (DAY_NAMES[i].equals(d)) out.add(DayOfWeek.of(i + 1));
            }
        }
        return out;
    }

    /** What was already spent in the period (seconds), null when unknown; asked once per period. */
    private BigDecimal spent(long seconds) {
        if (spentByPeriod.containsKey(seconds)) return spentByPeriod.get(seconds);
        BigDecimal s;
        try {
            s = asset == null ? null : spending.spent(account, asset, Duration.ofSeconds(seconds), time);
        } catch (SpentUnknownException e) {
            s = null;
            whyUnknown.put(seconds, e.getMessage());
        }
        spentByPeriod.put(seconds, s);
        return s;
    }

    /** Whether the amount spent in the period is known. */
    public boolean spentKnown(long seconds) {
        return spent(seconds) != null;
    }

    /** Whether what was spent in the period, plus earlier actions of this transaction, plus this amount, is strictly above {@code over}. */
    public boolean spentOver(long seconds, BigDecimal over) {
        BigDecimal s = spent(seconds);
        return s != null && amount != null && s.add(earlier).add(amount).compareTo(over) > 0;
    }

    /** Consequence of a rule whose {@code when} holds. */
    public void match(int rule) {
        matched.set(rule);
    }

    /** Consequence of a rule whose action matches but which needs data the action lacks. */
    public void lack(int rule) {
        lacking.set(rule);
    }

    public boolean matched(int rule) {
        return matched.get(rule);
    }

    public boolean lacking(int rule) {
        return lacking.get(rule);
    }

    /** Why the amount spent in the period is not known, when the lookup said; else null. */
    public String whySpentUnknown(long seconds) {
        return whyUnknown.get(seconds);
    }

    /** The spent amount the period's lookup gave (null when unknown or never asked). */
    public BigDecimal spentIn(long seconds) {
        return spentByPeriod.get(seconds);
    }
}
