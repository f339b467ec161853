package io.quorate.transaction;

import io.quorate.assets.Amount;
import io.quorate.assets.Assets;
import io.quorate.assets.Period;
import io.quorate.diag.SourceLocation;
import io.quorate.yaml.Expect;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlScalar;
import io.quorate.yaml.YamlSequence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what an action does ({@code data}) as each chain names it, and the amounts already spent
 * ({@code context.spent}). The fields tell the chain's naming apart: EOS
 * {@code {from, to, quantity, memo}}, Hive {@code {from, to, amount, memo}} with the asset in the
 * amount, Casper {@code {target, amount}} in motes, FT4 {@code {to, amount, asset}}. An amount in
 * an asset the chain has natively must carry exactly that asset's decimals.
 */
final class DataReader {

    static final String INVALID_AMOUNT = "invalid-amount";
    static final String WRONG_PRECISION = "wrong-precision";
    static final List<String> FIELDS = TransactionForm.DATA.names();
    /** 1 CSPR is 10^9 motes. */
    private static final int MOTES = 9;

    private DataReader() {
    }

    /** One scalar field of the data: its text and where it is written. */
    record Field(String text, SourceLocation at) {
    }

    /** The data mapping {@code node}, or null (problems reported). */
    static ActionData read(Expect x, YamlNode node, String c) {
        String dc = c + ": `data`";
        YamlMapping m = x.mapping(node, dc);
        if (m == null) return null;
        x.onlyFields(m, dc, FIELDS);
        Map<String, Field> fields = new LinkedHashMap<>();
        for (YamlMapping.Entry e : m.entries()) {
            if (!FIELDS.contains(e.key()) || e.value() instanceof YamlScalar s && s.isNull()) continue;
            if (!(e.value() instanceof YamlScalar s)) {
                x.error(Expect.WRONG_TYPE, e.value().at(), dc + ": `" + e.key() + "` must be a single value, found " + e.value().describe(), null);
                continue;
            }
            fields.put(e.key(), new Field(s.text(), s.at()));
        }
        return fromFields(x, fields, m.at(), dc);
    }

    /** The data of a native transaction's operation, every field located at {@code at}. */
    static ActionData of(Expect x, Map<String, String> data, SourceLocation at, String c) {
        if (data.isEmpty()) return null;
        Map<String, Field> fields = new LinkedHashMap<>();
        data.forEach((k, v) -> fields.put(k, new Field(v, at)));
        return fromFields(x, fields, at, c);
    }

    private static ActionData fromFields(Expect x, Map<String, Field> f, SourceLocation at, String c) {
        String to = text(f.get("to"));
        Field target = f.get("target");
        if (target != null) {
            if (to != null) x.error(TransactionLoader.CONFLICTING_FIELDS, target.at(), c + ": `target` next to `to`",
                    "a Casper transfer names its receiver `target`; other chains `to`");
            to = target.text();
        }
        Amount amount = null;
        Field amountField = f.get("quantity") != null ? f.get("quantity") : f.get("amount");
        if (f.get("quantity") != null && f.get("amount") != null) {
            x.error(TransactionLoader.CONFLICTING_FIELDS, f.get("amount").at(), c + ": `amount` next to `quantity`",
                    "EOS names the amount `quantity`; Hive, Casper and FT4 `amount`");
        } else if (amountField != null) {
            amount = amount(x, f, target != null, c);
        } else if (f.get("asset") != null) {
            x.error(Expect.MISSING_FIELD, f.get("asset").at(), c + ": `asset` without `amount`", "give the `amount` of the asset");
        }
        return new ActionData(text(f.get("from")), to, amount, text(f.get("memo")), at, amountField == null ? null : amountField.at());
    }

    private static Amount amount(Expect x, Map<String, Field> f, boolean casper, String c) {
        boolean quantity = f.get("quantity") != null;
        Field field = quantity ? f.get("quantity") : f.get("amount");
        String name = quantity ? "quantity" : "amount";
        String fc = c + ": `" + name + "`";
        try {
            if (casper) {
                if (f.get("asset") != null) throw new IllegalArgumentException("a Casper transfer's amount is in motes: no `asset`");
                return Amount.ofUnits(field.text(), MOTES, "CSPR");
            }
            if (f.get("asset") != null) {
                Amount a = Amount.of(field.text(), f.get("asset").text());
                return precision(x, "ft4", a, field, fc, false);
            }
            Amount a = Amount.parse(field.text());
            return precision(x, quantity ? "eos" : "hive", a, field, fc, true);
        } catch (IllegalArgumentException e) {
            String help = casper ? "a Casper transfer's `amount` is a whole number of motes (1 CSPR = 1000000000 motes)"
                    : f.get("asset") != null ? "an FT4 `amount` is a decimal like `150.25`, its asset in `asset`"
                    : "write the amount and its asset as the chain does, like `12000.0000 EOS` or `5.000 HIVE`";
            x.error(INVALID_AMOUNT, field.at(), fc + ": " + e.getMessage(), help);
            return null;
        }
    }

    /**
     * The amount checked against the native precision of its asset on {@code chain}, when the chain
     * has it natively: EOS and Hive write every decimal ({@code exact}); FT4 amounts may leave
     * trailing ones out.
     */
    private static Amount precision(Expect x, String chain, Amount a, Field field, String fc, boolean exact) {
        Integer decimals = Assets.precision(chain, a.asset());
        if (decimals == null) return a;
        if (a.decimals() == decimals) return a;
        if (!exact && a.decimals() < decimals) return a.withDecimals(decimals);
        x.error(WRONG_PRECISION, field.at(), fc + ": `" + field.text() + "` has " + a.decimals() + " decimals; `" + a.asset()
                + "` has " + decimals, "write `" + a.value().setScale(Math.max(decimals, 0), java.math.RoundingMode.DOWN).toPlainString()
                + " " + a.asset() + "` or the exact amount with " + decimals + " decimals");
        return null;
    }

    /** {@code context.spent}: period to an amount, or a list of amounts in different assets. */
    static Map<Duration, List<Amount>> spent(Expect x, YamlNode node, String c) {
        String sc = c + ": `spent`";
        YamlMapping m = x.mapping(node, sc);
        Map<Duration, List<Amount>> out = new LinkedHashMap<>();
        if (m == null) return out;
        for (YamlMapping.Entry e : m.entries()) {
            Period period;
            try {
                period = Period.parse(e.key());
            } catch (IllegalArgumentException ex) {
                x.error("invalid-period", e.keyAt(), sc + ": " + ex.getMessage(), "periods are written like `1h`, `24h` or `7d`");
                continue;
            }
            List<YamlNode> items = e.value() instanceof YamlSequence s ? s.items() : List.of(e.value());
            List<Amount> amounts = new ArrayList<>();
            for (YamlNode item : items) {
                String text = x.string(item, sc + ": `" + e.key() + "`");
                if (text == null) continue;
                try {
                    Amount a = Amount.parse(text);
                    if (amounts.stream().anyMatch(b -> b.asset().equals(a.asset()))) {
                        x.error(Expect.INVALID_VALUE, item.at(), sc + ": `" + e.key() + "`: `" + a.asset() + "` is given twice",
                                "give one amount per asset and period");
                        continue;
                    }
                    amounts.add(a);
                } catch (IllegalArgumentException ex) {
                    x.error(INVALID_AMOUNT, item.at(), sc + ": `" + e.key() + "`: " + ex.getMessage(), "for example `45000.0000 EOS`");
                }
            }
            if (out.putIfAbsent(period.duration(), amounts) != null) {
                x.error(Expect.INVALID_VALUE, e.keyAt(), sc + ": the period `" + e.key() + "` is given twice", null);
            }
        }
        return out;
    }

    private static String text(Field f) {
        return f == null ? null : f.text();
    }
}
