package io.quorate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.plan.PlanForm;
import io.quorate.policy.Chain;
import io.quorate.policy.PolicyForm;
import io.quorate.yaml.Form;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every registered chain reaches the schemas through its registries, as adding a chain expects. */
class ChainFormsTest {

    @Test
    void every_registered_chain_has_its_account_variant_naming_its_chain() {
        Form.Tagged accounts = tagged(((Form.MapOf) PolicyForm.document().field("accounts").form()).value());
        assertEquals("chain", accounts.tag());
        assertEquals(Chain.all().stream().map(Chain::id).toList(), accounts.values());
        for (Form.Variant v : accounts.variants()) {
            Form.Field chain = v.form().field("chain");
            assertTrue(chain.required(), v.value());
            assertEquals(v.value(), ((Form.Exactly) chain.form()).value());
            assertTrue(v.form().names().contains("suppress"), v.value() + " accounts take `suppress`");
        }
    }

    @Test
    void every_plan_operation_is_a_step_variant_with_the_fields_every_step_takes() {
        Form.Tagged steps = tagged(PlanForm.step());
        assertEquals("op", steps.tag());
        assertTrue(steps.values().containsAll(List.of("updateauth", "account_update", "add_associated_key", "add_auth_descriptor",
                "set_authority")), steps.values().toString());
        for (Form.Variant v : steps.variants()) {
            assertTrue(v.form().names().containsAll(List.of("op", "id", "account", "signatures", "context")), v.value());
        }
    }

    private static Form.Tagged tagged(Form form) {
        return (Form.Tagged) (form instanceof Form.Named n ? n.form() : form);
    }
}
