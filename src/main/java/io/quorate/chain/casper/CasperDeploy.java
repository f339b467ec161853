package io.quorate.chain.casper;

import io.quorate.signatures.ByteSink;
import io.quorate.signatures.SignatureEntry;
import io.quorate.signatures.TreeValues;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * A Casper deploy as casper-client and casper-js-sdk write it (JSON, optionally wrapped in
 * {@code {"deploy": …}}). The deploy hash is recomputed as BLAKE2b-256 of the serialized header,
 * and the header's {@code body_hash} is checked against BLAKE2b-256 of the serialized payment and
 * session (every {@code ExecutableDeployItem} variant; argument values are taken from their
 * {@code bytes}, their types serialized from {@code cl_type}). The approvals are the signatures.
 *
 * <p>The input is a plain tree: maps, lists, and strings for scalars.
 */
public final class CasperDeploy {

    /**
     * The deploy's hash, its account (tagged hex, lowercase), its approvals, and, when its session
     * is a native transfer, what it moves: {@code target} and {@code amount} in motes (empty otherwise).
     */
    public record Parsed(byte[] hash, String account, List<SignatureEntry> approvals, Map<String, String> transfer) {
    }

    private static final List<String> ITEMS = List.of("ModuleBytes", "StoredContractByHash", "StoredContractByName",
            "StoredVersionedContractByHash", "StoredVersionedContractByName", "Transfer");
    private static final List<String> SIMPLE_TYPES = List.of("Bool", "I32", "I64", "U8", "U32", "U64", "U128", "U256",
            "U512", "Unit", "String", "Key", "URef");
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*([a-zA-Z]+)");

    private CasperDeploy() {
    }

    @SuppressWarnings("unchecked")
    public static Parsed parse(Map<String, Object> json) {
        Map<String, Object> deploy = json.get("deploy") instanceof Map<?, ?> inner ? (Map<String, Object>) inner : json;
        Map<String, Object> header = map(deploy.get("header"), "`header`");
        String account = TreeValues.text(header.get("account"), "`header`: `account`").toLowerCase(Locale.ROOT);

        byte[] bodyHash = blake2b(new ByteSink()
                .bytes(item(deploy.get("payment"), "`payment`"))
                .bytes(item(deploy.get("session"), "`session`")).toByteArray());
        byte[] declaredBody = hex32(header.get("body_hash"), "`header`: `body_hash`");
        if (!java.util.Arrays.equals(bodyHash, declaredBody)) {
            throw new IllegalArgumentException("`header`: `body_hash` does not match the payment and session: the deploy was altered");
        }

        ByteSink h = new ByteSink();
        h.bytes(hex(account, "`header`: `account`"));
        h.u64(timestamp(header.get("timestamp")));
        h.u64(ttl(header.get("ttl")));
        h.u64(TreeValues.integer(header.get("gas_price"), "`header`: `gas_price`", 0, Long.MAX_VALUE));
        h.bytes(declaredBody);
        List<Object> dependencies = header.get("dependencies") == null ? List.of()
                : TreeValues.list(header.get("dependencies"), "`header`: `dependencies`");
        h.u32(dependencies.size());
        for (Object d : dependencies) h.bytes(hex32(d, "`header`: `dependencies`"));
        h.u32String(TreeValues.text(header.get("chain_name"), "`header`: `chain_name`"));
        byte[] hash = blake2b(h.toByteArray());
        if (deploy.get("hash") != null && !java.util.Arrays.equals(hash, hex32(deploy.get("hash"), "`hash`"))) {
            throw new IllegalArgumentException("`hash` does not match the header: the deploy was altered");
        }

        List<SignatureEntry> approvals = new ArrayList<>();
        List<Object> items = deploy.get("approvals") == null ? List.of() : TreeValues.list(deploy.get("approvals"), "`approvals`");
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> a = map(items.get(i), "approval " + (i + 1));
            approvals.add(new SignatureEntry(TreeValues.text(a.get("signer"), "approval " + (i + 1) + ": `signer`"),
                    TreeValues.text(a.get("signature"), "approval " + (i + 1) + ": `signature`")));
        }
        return new Parsed(hash, account, approvals, transfer(deploy.get("session")));
    }

    /** A native transfer's {@code target} and {@code amount} (motes, decimal), from its arguments' bytes; empty for other sessions. */
    private static Map<String, String> transfer(Object session) {
        Map<String, Object> m = map(session, "`session`");
        if (!(m.get("Transfer") instanceof Map<?, ?>)) return Map.of();
        Map<String, Object> body = map(m.get("Transfer"), "`session`: `Transfer`");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        List<Object> args = body.get("args") == null ? List.of() : TreeValues.list(body.get("args"), "`session`: `Transfer`: `args`");
        for (Object a : args) {
            List<Object> pair = TreeValues.list(a, "`session`: `Transfer`: `args`");
            String name = TreeValues.text(pair.get(0), "`session`: `Transfer`: `args`");
            String p = "`session`: `Transfer`: argument `" + name + "`";
            Map<String, Object> value = map(pair.get(1), p);
            byte[] bytes = hex(TreeValues.text(value.get("bytes"), p + ": `bytes`"), p);
            Object type = value.get("cl_type");
            if (name.equals("amount")) out.put("amount", u512(bytes, p));
            if (name.equals("target")) out.put("target", target(type, bytes, p));
        }
        return out;
    }

    /** A U512: one length byte, then that many bytes, least significant first. */
    private static String u512(byte[] bytes, String p) {
        if (bytes.length == 0 || (bytes[0] & 0xff) != bytes.length - 1 || bytes.length > 65) {
            throw new IllegalArgumentException(p + ": not a U512 (a length byte, then that many bytes)");
        }
        byte[] bigEndian = new byte[bytes.length - 1];
        for (int i = 0; i < bigEndian.length; i++) bigEndian[i] = bytes[bytes.length - 1 - i];
        return bigEndian.length == 0 ? "0" : new java.math.BigInteger(1, bigEndian).toString();
    }

    /** A transfer target: a public key (tagged hex), an account hash (as {@code account-hash-…}), or a key or URef as hex. */
    private static String target(Object type, byte[] bytes, String p) {
        HexFormat hex = HexFormat.of();
        if ("PublicKey".equals(type)) return hex.formatHex(bytes);
        if (type instanceof Map<?, ?> t && t.get("ByteArray") != null && bytes.length == 32) return "account-hash-" + hex.formatHex(bytes);
        if ("Key".equals(type) && bytes.length == 33 && bytes[0] == 0) {
            return "account-hash-" + hex.formatHex(bytes, 1, 33);
        }
        if ("URef".equals(type) && bytes.length == 33) return "uref-" + hex.formatHex(bytes, 0, 32) + "-" + String.format("%03d", bytes[32] & 0xff);
        throw new IllegalArgumentException(p + ": a target is a PublicKey, a 32-byte account hash, an account Key or a URef");
    }

    private static byte[] item(Object v, String path) {
        Map<String, Object> m = map(v, path);
        if (m.size() != 1) throw new IllegalArgumentException(path + ": one of " + String.join(", ", ITEMS));
        String kind = m.keySet().iterator().next();
        int tag = ITEMS.indexOf(kind);
        if (tag < 0) throw new IllegalArgumentException(path + ": `" + kind + "` is not one of " + String.join(", ", ITEMS));
        Map<String, Object> body = map(m.get(kind), path + ": `" + kind + "`");
        String p = path + ": `" + kind + "`: ";
        ByteSink sink = new ByteSink().u8(tag);
        switch (kind) {
            case "ModuleBytes" -> {
                byte[] module = hex(TreeValues.text(body.get("module_bytes"), p + "`module_bytes`"), p + "`module_bytes`");
                sink.u32(module.length).bytes(module);
            }
            case "StoredContractByHash" -> sink.bytes(hex32(body.get("hash"), p + "`hash`"))
                    .u32String(TreeValues.text(body.get("entry_point"), p + "`entry_point`"));
            case "StoredContractByName" -> sink.u32String(TreeValues.text(body.get("name"), p + "`name`"))
                    .u32String(TreeValues.text(body.get("entry_point"), p + "`entry_point`"));
            case "StoredVersionedContractByHash", "StoredVersionedContractByName" -> {
                if (kind.endsWith("Hash")) {
                    sink.bytes(hex32(body.get("hash"), p + "`hash`"));
                } else {
                    sink.u32String(TreeValues.text(body.get("name"), p + "`name`"));
                }
                Object version = body.get("version");
                if (version == null) {
                    sink.u8(0);
                } else {
                    sink.u8(1).u32(TreeValues.integer(version, p + "`version`", 0, 0xffffffffL));
                }
                sink.u32String(TreeValues.text(body.get("entry_point"), p + "`entry_point`"));
            }
            default -> {
                // Transfer: arguments only
            }
        }
        List<Object> args = body.get("args") == null ? List.of() : TreeValues.list(body.get("args"), p + "`args`");
        sink.u32(args.size());
        for (Object a : args) {
            List<Object> pair = TreeValues.list(a, p + "`args`");
            if (pair.size() != 2) throw new IllegalArgumentException(p + "`args`: each argument is `[name, {cl_type, bytes}]`");
            String name = TreeValues.text(pair.get(0), p + "`args`");
            Map<String, Object> value = map(pair.get(1), p + "argument `" + name + "`");
            byte[] bytes = hex(TreeValues.text(value.get("bytes"), p + "argument `" + name + "`: `bytes`"), p + "argument `" + name + "`");
            sink.u32String(name).u32(bytes.length).bytes(bytes);
            clType(sink, value.get("cl_type"), p + "argument `" + name + "`: `cl_type`");
        }
        return sink.toByteArray();
    }

    /** A CLType's tag byte(s): the order of casper-types' {@code CLType} variants. */
    private static void clType(ByteSink sink, Object v, String path) {
        if (v instanceof String s) {
            int simple = SIMPLE_TYPES.indexOf(s);
            if (simple >= 0) {
                sink.u8(simple);
            } else if (s.equals("Any")) {
                sink.u8(21);
            } else if (s.equals("PublicKey")) {
                sink.u8(22);
            } else {
                throw new IllegalArgumentException(path + ": `" + s + "` is not a CLType");
            }
            return;
        }
        Map<String, Object> m = map(v, path);
        if (m.size() != 1) throw new IllegalArgumentException(path + ": not a CLType");
        String kind = m.keySet().iterator().next();
        Object inner = m.get(kind);
        switch (kind) {
            case "Option" -> clType(sink.u8(13), inner, path);
            case "List" -> clType(sink.u8(14), inner, path);
            case "ByteArray" -> sink.u8(15).u32(TreeValues.integer(inner, path, 0, 0xffffffffL));
            case "Result" -> {
                Map<String, Object> r = map(inner, path);
                clType(sink.u8(16), r.get("ok"), path);
                clType(sink, r.get("err"), path);
            }
            case "Map" -> {
                Map<String, Object> r = map(inner, path);
                clType(sink.u8(17), r.get("key"), path);
                clType(sink, r.get("value"), path);
            }
            case "Tuple1", "Tuple2", "Tuple3" -> {
                List<Object> items = TreeValues.list(inner, path);
                int arity = kind.charAt(5) - '0';
                if (items.size() != arity) throw new IllegalArgumentException(path + ": `" + kind + "` has " + arity + " types");
                sink.u8(17 + arity);
                for (Object t : items) clType(sink, t, path);
            }
            default -> throw new IllegalArgumentException(path + ": `" + kind + "` is not a CLType");
        }
    }

    private static long timestamp(Object v) {
        String text = TreeValues.text(v, "`header`: `timestamp`");
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("`header`: `timestamp`: `" + text + "` is not a time like `2025-11-24T16:00:00.000Z`");
        }
    }

    /** A humantime duration as Casper prints it ({@code 30m}, {@code 1h 30m}, {@code 1day}, {@code 1800000ms}), in milliseconds. */
    static long ttl(Object v) {
        String text = TreeValues.text(v, "`header`: `ttl`");
        Matcher m = DURATION.matcher(text);
        long total = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            long amount = Long.parseLong(m.group(1));
            long unit = switch (m.group(2)) {
                case "ms", "msec" -> 1L;
                case "s", "sec", "secs", "second", "seconds" -> 1_000L;
                case "m", "min", "mins", "minute", "minutes" -> 60_000L;
                case "h", "hr", "hrs", "hour", "hours" -> 3_600_000L;
                case "d", "day", "days" -> 86_400_000L;
                case "w", "week", "weeks" -> 604_800_000L;
                default -> throw new IllegalArgumentException("`header`: `ttl`: unknown unit `" + m.group(2) + "`");
            };
            total = Math.addExact(total, Math.multiplyExact(amount, unit));
            end = m.end();
        }
        if (end == 0 || !text.substring(end).isBlank()) {
            throw new IllegalArgumentException("`header`: `ttl`: `" + text + "` is not a duration like `30m` or `1h 30m`");
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v, String path) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new IllegalArgumentException(path + ": expected a mapping" + (v == null ? ", got nothing" : ""));
    }

    private static byte[] hex32(Object v, String path) {
        String text = TreeValues.text(v, path);
        for (String prefix : List.of("hash-", "contract-package-", "contract-")) {
            if (text.startsWith(prefix)) text = text.substring(prefix.length());
        }
        byte[] b = hex(text, path);
        if (b.length != 32) throw new IllegalArgumentException(path + ": a hash is 64 hex characters, got " + text.length());
        return b;
    }

    private static byte[] hex(String text, String path) {
        try {
            return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": not hex");
        }
    }

    static byte[] blake2b(byte[] data) {
        Blake2bDigest d = new Blake2bDigest(256);
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
