import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.bench.PolicyGenerator;
import io.quorate.bench.SyntheticPolicy;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Context;
import io.quorate.transaction.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the inputs of serve-bench.sh into a directory: the generated policy set (policy/), and
 * request bodies as Lua tables for wrk: single.lua (one transaction per body, every allowed
 * transaction of the generated traffic) and batch.lua (bodies of BATCH transactions each, drawn
 * at random from the same traffic). Usage: java -cp CLASSPATH WriteBenchInputs.java DIR ACCOUNTS BATCH
 */
public class WriteBenchInputs {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int accounts = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        SyntheticPolicy p = PolicyGenerator.generate(accounts, 1);
        Path policy = Files.createDirectories(out.resolve("policy"));
        for (Map.Entry<String, String> f : p.files().entrySet()) Files.writeString(policy.resolve(f.getKey()), f.getValue());

        List<String> singles = new ArrayList<>();
        for (Transaction t : p.allowed()) singles.add(json(t).toString());
        Files.writeString(out.resolve("single.lua"), lua(singles));

        Random random = new Random(7);
        List<Transaction> traffic = new ArrayList<>(p.allowed());
        List<String> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            Collections.shuffle(traffic, random);
            ArrayNode list = JSON.createArrayNode();
            for (int i = 0; i < batch; i++) list.add(json(traffic.get(i % traffic.size())));
            batches.add(list.toString());
        }
        Files.writeString(out.resolve("batch.lua"), lua(batches));
        System.out.println("wrote " + p.accounts() + " accounts, " + singles.size() + " single bodies, "
                + batches.size() + " batches of " + batch + " to " + out);
    }

    /** A transaction in the JSON form of the formats doc. */
    static ObjectNode json(Transaction t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", t.id());
        ActionRequest a = t.actions().get(0);
        o.put("account", a.account());
        o.put("action", a.action());
        if (a.authorization() != null) o.put("authorization", a.authorization());
        if (t.authDescriptor() != null) o.put("auth_descriptor", t.authDescriptor());
        ArrayNode sigs = o.putArray("signatures");
        t.signatures().forEach(sigs::add);
        Context c = t.context();
        if (c.blockHeight() != null) o.putObject("context").put("block_height", c.blockHeight());
        return o;
    }

    static String lua(List<String> bodies) {
        StringBuilder sb = new StringBuilder("return {\n");
        for (String b : bodies) sb.append("[==[").append(b).append("]==],\n");
        return sb.append("}\n").toString();
    }
}
