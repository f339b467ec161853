package io.quorate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.keys.KeyFormatException;
import io.quorate.keytool.KeyForm;
import io.quorate.keytool.KeyTools;
import io.quorate.keytool.NewKey;
import io.quorate.keytool.PublicKey;
import io.quorate.policy.Chain;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "keys", sortOptions = false,
        description = {"Make test key pairs and show a public key in every chain's forms."},
        subcommands = {KeysCommand.New.class, KeysCommand.Show.class},
        footer = {"", "Exit codes: 0 done, 2 a bad key or option."})
final class KeysCommand implements Runnable {

    /** Printed with every generated key: it is for trying policies out, never for holding anything. */
    static final String WARNING = "TEST KEY: generated on this machine and printed to a terminal; do not use it to hold funds";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "new", sortOptions = false,
            description = {"Print a fresh key pair of a chain, marked as a test key, with a `keys:` entry for a policy.",
                    "The private key is printed: use such keys for tests and examples only."},
            footer = {"", "Exit codes: 0 printed, 2 a bad option."})
    static final class New implements Callable<Integer> {

        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]*");

        @Spec
        CommandSpec spec;

        @Option(names = "--chain", required = true, paramLabel = "CHAIN", description = "eos, hive, casper or ft4.")
        String chain;

        @Option(names = "--algorithm", paramLabel = "ALGORITHM",
                description = "casper: ed25519 (default) or secp256k1; the other chains: secp256k1.")
        String algorithm;

        @Option(names = "--name", paramLabel = "NAME", description = "The key's name in the `keys:` entry. Default: CHAIN_test_key.")
        String name;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text (for people) or json (one object). Default: ${DEFAULT-VALUE}.")
        OutputFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Chain c = Chain.byId(chain);
            if (c == null || KeyTools.of(c) == null) {
                String known = KeyTools.chains().stream().map(Chain::id).collect(Collectors.joining(", "));
                String why = c == null ? "unknown chain `" + chain + "`" : "chain `" + chain + "` has no key pairs of its own (any text names a generic key)";
                return fail(err, why + ": keys are made for " + known);
            }
            List<String> algorithms = KeyTools.of(c).algorithms();
            if (algorithm != null && !algorithms.contains(algorithm)) {
                return fail(err, "chain `" + chain + "` has no `" + algorithm + "` keys: " + String.join(", ", algorithms));
            }
            String keyName = name == null ? c.id() + "_test_key" : name;
            if (!NAME.matcher(keyName).matches()) {
                return fail(err, "key name `" + keyName + "` must be letters, digits, `_`, `.`, `@` and `-`, starting with a letter, digit or `_`");
            }
            NewKey key = KeyTools.generate(c, algorithm, new SecureRandom());
            String entry = policyEntry(keyName, key.publicKey());
            if (format == OutputFormat.json) {
                ObjectNode o = new ObjectMapper().createObjectNode();
                o.put("test_key", true);
                o.put("warning", WARNING);
                o.put("chain", key.chain());
                o.put("algorithm", key.algorithm());
                o.put("name", keyName);
                o.put("public_key", key.publicKey());
                ObjectNode privateKeys = o.putObject("private_key");
                for (KeyForm f : key.privateKeys()) privateKeys.put(f.label(), f.text());
                o.put("policy_entry", entry);
                out.println(o);
            } else {
                out.println("# " + WARNING);
                out.println("chain:       " + key.chain() + " (" + key.algorithm() + ")");
                out.println("public key:  " + key.publicKey());
                for (KeyForm f : key.privateKeys()) {
                    if (f.text().contains("\n")) {
                        out.println("private key (" + f.label() + "):");
                        out.print(f.text().endsWith("\n") ? f.text() : f.text() + "\n");
                    } else {
                        out.println("private key (" + f.label() + "): " + f.text());
                    }
                }
                out.println();
                out.println("# a `keys:` entry for a policy:");
                out.print(entry);
            }
            out.flush();
            return ExitCode.OK;
        }

        /** The entry carries its warning as a comment, so the key stays marked wherever the policy goes. */
        static String policyEntry(String name, String publicKey) {
            return "keys:\n  " + name + ": " + publicKey + "   # TEST KEY: not for funds\n";
        }
    }

    @Command(name = "show", sortOptions = false,
            description = {"Decode public keys and print each in every chain's forms: EOS `PUB_K1_` and legacy, Hive `STM`,",
                    "Casper tagged hex and account hash, FT4 hex and the id of an account registered with the key alone."},
            footer = {"", "Exit codes: 0 printed, 2 a key that does not decode."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text (for people) or json (one object per key). Default: ${DEFAULT-VALUE}.")
        OutputFormat format;

        @Parameters(arity = "1..*", paramLabel = "KEY", description = "Public keys in any supported chain's format.")
        List<String> keys;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int exit = ExitCode.OK;
            for (String text : keys) {
                PublicKey key;
                try {
                    key = KeyTools.parse(text.strip());
                } catch (KeyFormatException e) {
                    err.println("error[invalid-key]: `" + text + "`: " + e.getMessage());
                    if (e.help() != null) err.println("  help: " + e.help());
                    exit = ExitCode.BAD_INPUT;
                    continue;
                }
                List<KeyForm> forms = KeyTools.forms(key);
                if (format == OutputFormat.json) {
                    ObjectNode o = new ObjectMapper().createObjectNode();
                    o.put("input", text);
                    o.put("algorithm", key.algorithm());
                    ArrayNode list = o.putArray("forms");
                    for (KeyForm f : forms) {
                        list.addObject().put("chain", f.chain()).put("form", f.label()).put("text", f.text()).put("key", f.key());
                    }
                    out.println(o);
                } else {
                    if (keys.size() > 1) out.println(text);
                    out.println("algorithm  " + key.algorithm() + (key.isKey() ? "" : " (names a key, which cannot be recovered from it)"));
                    int width = forms.stream().mapToInt(f -> f.chain().length() + 1 + f.label().length()).max().orElse(0);
                    for (KeyForm f : forms) {
                        out.println(String.format("%-" + width + "s  %s", f.chain() + " " + f.label(), f.text()));
                    }
                    if (keys.size() > 1) out.println();
                }
            }
            out.flush();
            err.flush();
            return exit;
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return ExitCode.BAD_INPUT;
    }
}
