package io.quorate.chain.ft4;

import io.quorate.chains.imports.ImportProblem;
import io.quorate.chains.imports.Json;
import io.quorate.chains.imports.PolicyDraft;
import io.quorate.chains.imports.YamlWriter;
import io.quorate.policy.Chain;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FT4 auth descriptors as {@code ft4.get_account_auth_descriptors} (an array) and
 * {@code ft4.get_account_main_auth_descriptor} (one descriptor) return them:
 * {@code {account_id, args, auth_type, created, id, rules}}, with args {@code [flags, signer]} (S)
 * or {@code [flags, signatures_required, signers]} (M), byte arrays as hex. Descriptors are
 * gathered by account across files. The main descriptor is the one a main-descriptor answer
 * names, else the only one with flags A and T and no rules. Each descriptor's id is checked
 * against the hash of what was read.
 */
final class Ft4Import {

    private record Descriptor(String id, boolean multi, List<String> flags, Long required, List<Json> signers,
            List<String> signerTexts, Object rules, boolean main, Json at) {
    }

    /** Descriptors by account id, in the order first met. */
    private final Map<String, List<Descriptor>> accounts = new LinkedHashMap<>();
    private final Map<String, Json> accountAt = new LinkedHashMap<>();

    void read(Json root) {
        if (root.isArray()) {
            root.elements().forEach(d -> descriptor(d, false));
        } else {
            descriptor(root, true);
        }
    }

    private void descriptor(Json d, boolean main) {
        if (!d.expectObject()) return;
        String accountId = hex32(d.required("account_id"));
        Json idNode = d.get("id");
        String id = idNode.isAbsent() ? null : hex32(idNode);
        Json typeNode = d.required("auth_type");
        Boolean multi = typeNode == null ? null : authType(typeNode);
        Json args = d.required("args");
        if (accountId == null || multi == null || args == null || !args.isArray()) {
            if (args != null && !args.isArray()) args.problem("expected an array, got " + args.describe(), null);
            return;
        }
        int expected = multi ? 3 : 2;
        if (args.node().size() != expected) {
            args.problem("a " + (multi ? "multi-sig (M)" : "single-sig (S)") + " descriptor's args are "
                    + (multi ? "[flags, signatures_required, signers]" : "[flags, signer]") + ", got " + args.node().size() + " elements", null);
            return;
        }
        List<String> flags = new ArrayList<>();
        for (Json f : args.get(0).elements()) {
            String flag = f.string();
            if (flag != null) flags.add(flag);
        }
        Long required = multi ? args.get(1).integer(1, Integer.MAX_VALUE) : null;
        List<Json> signers = multi ? args.get(2).elements() : List.of(args.get(1));
        List<String> texts = new ArrayList<>();
        for (Json s : signers) texts.add(s.string());
        Json rulesNode = d.get("rules");
        Object rules = rulesNode.isAbsent() ? null : rule(rulesNode, true);
        if (texts.contains(null) || (multi && required == null) || (!rulesNode.isAbsent() && rules == null)) return;
        if (signers.isEmpty()) {
            args.get(2).problem("a multi-sig descriptor has at least one signer", null);
            return;
        }
        accountAt.putIfAbsent(accountId, d);
        List<Descriptor> list = accounts.computeIfAbsent(accountId, k -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            Descriptor seen = list.get(i);
            if (id != null && id.equals(seen.id())) {
                if (main && !seen.main()) list.set(i, new Descriptor(seen.id(), seen.multi(), seen.flags(), seen.required(),
                        seen.signers(), seen.signerTexts(), seen.rules(), true, seen.at()));
                return;
            }
        }
        list.add(new Descriptor(id, multi, flags, required, signers, texts, rules, main, d));
    }

    /** Writes every account read into {@code draft}; problems about the accounts as a whole go to their first descriptor. */
    void emit(PolicyDraft draft, List<ImportProblem> warnings) {
        accounts.forEach((accountId, descriptors) -> {
            Json at = accountAt.get(accountId);
            String name = "ft4_" + accountId.substring(0, 8).toLowerCase(Locale.ROOT);
            Descriptor main = main(descriptors, at);
            if (main == null) return;
            Map<String, Object> ads = new YamlWriter.Block();
            int position = 0;
            for (Descriptor d : descriptors) {
                position++;
                String dname = d == main ? "main" : d.id() != null ? "ad_" + d.id().substring(0, 8).toLowerCase(Locale.ROOT) : "ad_" + position;
                Map<String, Object> body = new LinkedHashMap<>();
                if (d == main) body.put("main", true);
                List<Object> signers = new ArrayList<>();
                for (int i = 0; i < d.signers().size(); i++) {
                    String key = draft.key(Chain.FT4, d.signerTexts().get(i), name + "_" + dname + "_" + (i + 1), d.signers().get(i));
                    if (key == null) return;
                    signers.add(key);
                }
                body.put("signers", signers);
                if (d.multi()) body.put("signatures_required", d.required());
                body.put("flags", d.flags());
                if (d.rules() != null) body.put("rules", d.rules());
                ads.put(dname, body);
                check(d, warnings);
            }
            Map<String, Object> account = new YamlWriter.Block();
            account.put("chain", Chain.FT4.id());
            account.put("account_id", accountId);
            account.put("auth_descriptors", ads);
            draft.account(name, account, at);
        });
    }

    private static Descriptor main(List<Descriptor> descriptors, Json at) {
        List<Descriptor> named = descriptors.stream().filter(Descriptor::main).toList();
        if (!named.isEmpty()) return named.get(0);
        List<Descriptor> candidates = descriptors.stream()
                .filter(d -> d.flags().contains("A") && d.flags().contains("T") && d.rules() == null).toList();
        if (candidates.size() == 1) return candidates.get(0);
        at.problem("cannot tell which of the account's " + descriptors.size() + " descriptors is main ("
                + (candidates.isEmpty() ? "none has flags A and T without rules" : candidates.size() + " have flags A and T without rules") + ")",
                "import the output of `ft4.get_account_main_auth_descriptor` for the account too");
        return null;
    }

    /** Warns when the id the chain gave is not the hash of the descriptor as read. */
    private static void check(Descriptor d, List<ImportProblem> warnings) {
        if (d.id() == null) return;
        List<Object> args = new ArrayList<>();
        args.add(new ArrayList<Object>(d.flags()));
        if (d.multi()) {
            args.add(d.required());
            List<Object> signers = new ArrayList<>();
            d.signerTexts().forEach(s -> signers.add(bytes(s)));
            args.add(signers);
        } else {
            args.add(bytes(d.signerTexts().get(0)));
        }
        List<Object> gtv = new ArrayList<>();
        gtv.add(d.multi() ? 1L : 0L);
        gtv.add(args);
        gtv.add(d.rules());
        String computed = HexFormat.of().withUpperCase().formatHex(Gtv.hash(gtv));
        if (!computed.equals(d.id())) {
            warnings.add(new ImportProblem(d.at().file(), d.at().path() + ".id", "the descriptor's id `" + d.id()
                    + "` is not the hash of its contents (" + computed + ")", "check that the file is the chain's answer, unedited"));
        }
    }

    private static byte[] bytes(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return HexFormat.of().parseHex(h);
    }

    /** A rule as both the policy and GTV write it: {@code [op, variable, value]} or {@code ["and", rule, …]}. */
    private static Object rule(Json r, boolean top) {
        List<Json> parts = r.elements();
        if (parts.isEmpty()) {
            if (r.isArray()) r.problem("expected a rule [op, variable, value] or [\"and\", rule, …], got an empty array", null);
            return null;
        }
        List<Object> out = new ArrayList<>();
        String op = parts.get(0).string();
        if (op == null) return null;
        out.add(op);
        if (op.equals("and") && top) {
            for (Json p : parts.subList(1, parts.size())) {
                Object inner = rule(p, false);
                if (inner == null) return null;
                out.add(inner);
            }
            return out;
        }
        if (parts.size() != 3) {
            r.problem("expected a rule [op, variable, value], got " + parts.size() + " elements", null);
            return null;
        }
        String variable = parts.get(1).string();
        Long value = parts.get(2).integer(Long.MIN_VALUE, Long.MAX_VALUE);
        if (variable == null || value == null) return null;
        out.add(variable);
        out.add(value);
        return out;
    }

    private static Boolean authType(Json t) {
        if (t.node().isTextual() && (t.node().asText().equals("S") || t.node().asText().equals("M"))) return t.node().asText().equals("M");
        if (t.node().isIntegralNumber() && (t.node().asInt() == 0 || t.node().asInt() == 1)) return t.node().asInt() == 1;
        t.problem("expected auth type `S` (single-sig) or `M` (multi-sig), got " + t.describe(), null);
        return null;
    }

    /** 64 hex digits (a leading 0x dropped), uppercase; null after recording a problem. */
    private static String hex32(Json node) {
        if (node == null) return null;
        String s = node.string();
        if (s == null) return null;
        String h = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (!h.matches("[0-9a-fA-F]{64}")) {
            node.problem("`" + s + "` is not a 32-byte id in hex", null);
            return null;
        }
        return h.toUpperCase(Locale.ROOT);
    }
}
