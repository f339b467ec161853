package io.quorate.chain.hive;

import io.quorate.keys.KeyFormatException;
import io.quorate.signatures.ByteSink;
import io.quorate.signatures.ChainSignatures;
import io.quorate.signatures.TreeValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Hive transaction as dhive and beem print it (JSON: {@code ref_block_num},
 * {@code ref_block_prefix}, {@code expiration}, {@code operations}, {@code extensions},
 * {@code signatures}), serialized as the chain does and hashed: SHA-256(chain id ‖ bytes).
 * Operations are {@code [name, {...}]} or {@code {type: "name_operation", value: {...}}}; amounts
 * {@code "1.000 HIVE"} or {@code {amount, precision, nai}}. The field layouts follow dhive's
 * serializers (and Hive's protocol); only the operations listed in {@link #OPERATIONS} are known.
 *
 * <p>The input is a plain tree: maps, lists, and strings for scalars (null for a missing value).
 */
public final class HiveTransaction {

    public static final String MAINNET_CHAIN_ID = "beeab0de00000000000000000000000000000000000000000000000000000000";

    /** What an operation asks of one account: the account and the action Quorate decides. */
    public record Need(String account, String action, Map<String, String> data) {

        public Need(String account, String action) {
            this(account, action, Map.of());
        }
    }

    private interface Writer {
        void write(ByteSink sink, Object value, String path);
    }

    private record Field(String name, Writer writer) {
    }

    private record Operation(int id, List<Field> fields) {
    }

    private static final Writer STRING = (sink, v, p) -> sink.varString(TreeValues.text(v, p));
    private static final Writer U16 = (sink, v, p) -> sink.u16(TreeValues.integer(v, p, 0, 0xffff));
    private static final Writer I16 = (sink, v, p) -> sink.u16(TreeValues.integer(v, p, Short.MIN_VALUE, Short.MAX_VALUE));
    private static final Writer U32 = (sink, v, p) -> sink.u32(TreeValues.integer(v, p, 0, 0xffffffffL));
    private static final Writer ASSET = HiveTransaction::asset;
    private static final Writer PUBLIC_KEY = HiveTransaction::publicKey;
    private static final Writer STRINGS = (sink, v, p) -> {
        List<Object> items = TreeValues.list(v, p);
        sink.varint(items.size());
        for (int i = 0; i < items.size(); i++) sink.varString(TreeValues.text(items.get(i), p + "[" + i + "]"));
    };
    private static final Writer AUTHORITY = HiveTransaction::authority;
    private static final Writer OPTIONAL_AUTHORITY = (sink, v, p) -> {
        if (v == null) {
            sink.u8(0);
        } else {
            sink.u8(1);
            authority(sink, v, p);
        }
    };

    private static final Map<String, Operation> OPERATIONS = Map.of(
            "vote", new Operation(0, List.of(new Field("voter", STRING), new Field("author", STRING),
                    new Field("permlink", STRING), new Field("weight", I16))),
            "comment", new Operation(1, List.of(new Field("parent_author", STRING), new Field("parent_permlink", STRING),
                    new Field("author", STRING), new Field("permlink", STRING), new Field("title", STRING),
                    new Field("body", STRING), new Field("json_metadata", STRING))),
            "transfer", new Operation(2, List.of(new Field("from", STRING), new Field("to", STRING),
                    new Field("amount", ASSET), new Field("memo", STRING))),
            "account_update", new Operation(10, List.of(new Field("account", STRING),
                    new Field("owner", OPTIONAL_AUTHORITY), new Field("active", OPTIONAL_AUTHORITY),
                    new Field("posting", OPTIONAL_AUTHORITY), new Field("memo_key", PUBLIC_KEY),
                    new Field("json_metadata", STRING))),
            "custom_json", new Operation(18, List.of(new Field("required_auths", STRINGS),
                    new Field("required_posting_auths", STRINGS), new Field("id", STRING), new Field("json", STRING))));

    private HiveTransaction() {
    }

    /** The names of the operations whose layout is known. */
    public static List<String> supportedOperations() {
        return OPERATIONS.keySet().stream().sorted().toList();
    }

    /** SHA-256 of the chain id (32 bytes of hex) and the serialized transaction. */
    public static byte[] digest(Map<String, Object> tx, String chainIdHex) {
        byte[] chainId;
        try {
            chainId = HexFormat.of().parseHex(chainIdHex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("`chain_id` is not hex");
        }
        if (chainId.length != 32) throw new IllegalArgumentException("`chain_id` is 64 hex characters, got " + chainIdHex.length());
        ByteSink sink = new ByteSink().bytes(chainId);
        sink.u16(TreeValues.integer(required(tx, "ref_block_num", ""), "`ref_block_num`", 0, 0xffff));
        sink.u32(TreeValues.integer(required(tx, "ref_block_prefix", ""), "`ref_block_prefix`", 0, 0xffffffffL));
        sink.u32(expiration(required(tx, "expiration", "")));
        List<Object> operations = TreeValues.list(required(tx, "operations", ""), "`operations`");
        sink.varint(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            Named op = operation(operations.get(i), "operation " + (i + 1));
            Operation layout = OPERATIONS.get(op.name);
            if (layout == null) {
                throw new IllegalArgumentException("operation " + (i + 1) + ": `" + op.name + "` is not supported: Quorate serializes "
                        + String.join(", ", supportedOperations()));
            }
            sink.varint(layout.id);
            for (Field f : layout.fields) {
                f.writer.write(sink, op.body.get(f.name), "operation " + (i + 1) + " (`" + op.name + "`): `" + f.name + "`");
            }
        }
        List<Object> extensions = tx.get("extensions") == null ? List.of() : TreeValues.list(tx.get("extensions"), "`extensions`");
        if (!extensions.isEmpty()) throw new IllegalArgumentException("`extensions`: transaction extensions are not supported");
        sink.varint(0);
        return ChainSignatures.sha256(sink.toByteArray());
    }

    /** The signatures listed in the transaction, as written. */
    public static List<String> signatures(Map<String, Object> tx) {
        Object v = tx.get("signatures");
        if (v == null) return List.of();
        List<Object> items = TreeValues.list(v, "`signatures`");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) out.add(TreeValues.text(items.get(i), "signature " + (i + 1)));
        return out;
    }

    /**
     * Who must sign each operation and with which role, as Hive's operations declare it:
     * transfer: {@code from}, active; vote: {@code voter}, posting; comment: {@code author},
     * posting; custom_json: each of {@code required_auths} (active) and
     * {@code required_posting_auths} (posting); account_update: {@code account}, owner when it
     * changes the owner authority, else active.
     */
    public static List<Need> needs(Map<String, Object> tx) {
        List<Need> out = new ArrayList<>();
        List<Object> operations = TreeValues.list(required(tx, "operations", ""), "`operations`");
        for (int i = 0; i < operations.size(); i++) {
            Named op = operation(operations.get(i), "operation " + (i + 1));
            String p = "operation " + (i + 1) + " (`" + op.name + "`): ";
            switch (op.name) {
                case "transfer" -> out.add(new Need(TreeValues.text(op.body.get("from"), p + "`from`"), "transfer", transfer(op.body, p)));
                case "vote" -> out.add(new Need(TreeValues.text(op.body.get("voter"), p + "`voter`"), "vote"));
                case "comment" -> out.add(new Need(TreeValues.text(op.body.get("author"), p + "`author`"), "comment"));
                case "account_update" -> out.add(new Need(TreeValues.text(op.body.get("account"), p + "`account`"),
                        op.body.get("owner") != null ? "account_update_owner" : "account_update"));
                case "custom_json" -> {
                    for (Object a : TreeValues.list(op.body.get("required_auths"), p + "`required_auths`")) {
                        out.add(new Need(TreeValues.text(a, p + "`required_auths`"), "custom_json"));
                    }
                    for (Object a : TreeValues.list(op.body.get("required_posting_auths"), p + "`required_posting_auths`")) {
                        out.add(new Need(TreeValues.text(a, p + "`required_posting_auths`"), "custom_json_posting"));
                    }
                }
                default -> throw new IllegalArgumentException(p + "not supported");
            }
        }
        return out;
    }

    private record Named(String name, Map<String, Object> body) {
    }

    /** A transfer's {@code from}, {@code to}, {@code amount} (as {@code "5.000 HIVE"}, whichever form it was given in) and {@code memo}. */
    private static Map<String, String> transfer(Map<String, Object> body, String p) {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        data.put("from", TreeValues.text(body.get("from"), p + "`from`"));
        data.put("to", TreeValues.text(body.get("to"), p + "`to`"));
        data.put("amount", amountText(body.get("amount"), p + "`amount`"));
        data.put("memo", body.get("memo") == null ? "" : TreeValues.text(body.get("memo"), p + "`memo`"));
        return data;
    }

    /** An asset as its text form: {@code "5.000 HIVE"} stays, {@code {amount: "5000", precision: 3, nai: "@@000000021"}} becomes it. */
    private static String amountText(Object v, String path) {
        if (!(v instanceof Map<?, ?> m)) return TreeValues.text(v, path).trim();
        String symbol = switch (TreeValues.text(m.get("nai"), path + ": `nai`")) {
            case "@@000000021" -> "HIVE";
            case "@@000000013" -> "HBD";
            case "@@000000037" -> "VESTS";
            default -> throw new IllegalArgumentException(path + ": unknown asset `" + m.get("nai") + "`");
        };
        int precision = (int) TreeValues.integer(m.get("precision"), path + ": `precision`", 0, 18);
        long amount = TreeValues.integer(m.get("amount"), path + ": `amount`", 0, Long.MAX_VALUE);
        return BigDecimal.valueOf(amount, precision).toPlainString() + " " + symbol;
    }

    @SuppressWarnings("unchecked")
    private static Named operation(Object v, String path) {
        if (v instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof String name && pair.get(1) instanceof Map<?, ?> body) {
            return new Named(name, (Map<String, Object>) body);
        }
        if (v instanceof Map<?, ?> m && m.get("type") instanceof String type && m.get("value") instanceof Map<?, ?> body) {
            String name = type.endsWith("_operation") ? type.substring(0, type.length() - "_operation".length()) : type;
            return new Named(name, (Map<String, Object>) body);
        }
        throw new IllegalArgumentException(path + ": an operation is `[name, {...}]` or `{type, value}`");
    }

    private static void asset(ByteSink sink, Object v, String path) {
        long amount;
        int precision;
        String symbol;
        if (v instanceof Map<?, ?> m) {
            String nai = TreeValues.text(m.get("nai"), path + ": `nai`");
            symbol = switch (nai) {
                case "@@000000021" -> "STEEM";
                case "@@000000013" -> "SBD";
                case "@@000000037" -> "VESTS";
                default -> throw new IllegalArgumentException(path + ": unknown asset `" + nai + "`");
            };
            precision = (int) TreeValues.integer(m.get("precision"), path + ": `precision`", 0, 18);
            amount = TreeValues.integer(m.get("amount"), path + ": `amount`", Long.MIN_VALUE, Long.MAX_VALUE);
        } else {
            String text = TreeValues.text(v, path).trim();
            int space = text.indexOf(' ');
            if (space < 0) throw new IllegalArgumentException(path + ": `" + text + "` is not an amount like `1.000 HIVE`");
            String name = text.substring(space + 1).trim();
            symbol = switch (name) {
                case "HIVE", "STEEM" -> "STEEM";
                case "HBD", "SBD" -> "SBD";
                case "VESTS", "TESTS", "TBD" -> name;
                default -> throw new IllegalArgumentException(path + ": unknown asset symbol `" + name + "`");
            };
            precision = symbol.equals("VESTS") ? 6 : 3;
            try {
                amount = new BigDecimal(text.substring(0, space)).movePointRight(precision).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(path + ": `" + text + "` has more than " + precision + " decimals or is not a number");
            }
        }
        sink.u64(amount).u8(precision);
        byte[] name = new byte[7];
        for (int i = 0; i < symbol.length(); i++) name[i] = (byte) symbol.charAt(i);
        sink.bytes(name);
    }

    private static void publicKey(ByteSink sink, Object v, String path) {
        String text = v == null ? null : TreeValues.text(v, path);
        if (text == null || text.endsWith("1111111111111111111111111111111114T1Anm")) {
            sink.bytes(new byte[33]);
            return;
        }
        try {
            String canonical = HiveKeys.decode(text).canonical();
            sink.bytes(HexFormat.of().parseHex(canonical.substring(canonical.indexOf(':') + 1)));
        } catch (KeyFormatException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }

    private static void authority(ByteSink sink, Object v, String path) {
        if (!(v instanceof Map<?, ?> m)) throw new IllegalArgumentException(path + ": an authority is a mapping");
        sink.u32(TreeValues.integer(m.get("weight_threshold"), path + ": `weight_threshold`", 0, 0xffffffffL));
        List<Object> accounts = TreeValues.list(m.get("account_auths"), path + ": `account_auths`");
        sink.varint(accounts.size());
        for (Object a : accounts) {
            List<Object> pair = TreeValues.list(a, path + ": `account_auths`");
            if (pair.size() != 2) throw new IllegalArgumentException(path + ": `account_auths` entries are `[account, weight]`");
            STRING.write(sink, pair.get(0), path + ": `account_auths`");
            U16.write(sink, pair.get(1), path + ": `account_auths`");
        }
        List<Object> keys = TreeValues.list(m.get("key_auths"), path + ": `key_auths`");
        sink.varint(keys.size());
        for (Object k : keys) {
            List<Object> pair = TreeValues.list(k, path + ": `key_auths`");
            if (pair.size() != 2) throw new IllegalArgumentException(path + ": `key_auths` entries are `[key, weight]`");
            PUBLIC_KEY.write(sink, pair.get(0), path + ": `key_auths`");
            U16.write(sink, pair.get(1), path + ": `key_auths`");
        }
    }

    private static long expiration(Object v) {
        String text = TreeValues.text(v, "`expiration`");
        try {
            if (text.endsWith("Z")) return Instant.parse(text).getEpochSecond();
            return LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("`expiration`: `" + text + "` is not a time like `2026-11-23T10:30:00`");
        }
    }

    private static Object required(Map<String, Object> m, String field, String path) {
        if (!m.containsKey(field) || m.get(field) == null) throw new IllegalArgumentException(path + "`" + field + "` is missing");
        return m.get(field);
    }
}
