package io.quorate.schema;

import io.quorate.testing.TestFileForm;
import io.quorate.plan.PlanForm;
import io.quorate.policy.PolicyForm;
import io.quorate.transaction.TransactionForm;
import io.quorate.yaml.Form;
import java.util.List;
import java.util.function.Supplier;

/**
 * The JSON Schemas of quorate's documents, rendered from the declarations the loaders check
 * fields against: what {@code quorate schema} prints and {@code docs/schema/} holds.
 */
public final class Schemas {

    /** A policy file, whose own test cases are written as in a test file. */
    private static Form policy() {
        Form.Obj policy = PolicyForm.document();
        List<Form.Field> fields = policy.fields().stream()
                .map(f -> f.name().equals("tests")
                        ? new Form.Field(f.name(), new Form.ListOf(TestFileForm.testCase(), 0), f.required(), f.description())
                        : f)
                .toList();
        return new Form.Obj(fields, List.of(), policy.description());
    }

    /** One document kind: its name on the command line, its title, and its declaration. */
    public enum Document {
        POLICY("policy", "quorate policy file", Schemas::policy),
        TRANSACTION("transaction", "quorate transaction file", TransactionForm::document),
        PLAN("plan", "quorate change plan", PlanForm::document),
        TEST("test", "quorate policy test file", TestFileForm::document);

        private final String id;
        private final String title;
        private final Supplier<Form> form;

        Document(String id, String title, Supplier<Form> form) {
            this.id = id;
            this.title = title;
            this.form = form;
        }

        public String id() {
            return id;
        }

        /** The file the schema is shipped as under {@code docs/schema/}. */
        public String fileName() {
            return id + ".schema.json";
        }

        public Form form() {
            return form.get();
        }

        /** The schema, as JSON text ending in a newline. */
        public String schema() {
            return JsonSchema.render(title, "quorate schema " + id, form());
        }

        /** The document named {@code id} on the command line, or null. */
        public static Document byId(String id) {
            for (Document d : values()) {
                if (d.id.equals(id)) return d;
            }
            return null;
        }

        public static List<String> ids() {
            return java.util.Arrays.stream(values()).map(Document::id).toList();
        }
    }

    private Schemas() {
    }
}
