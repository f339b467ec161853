package io.quorate.policy;

import io.quorate.diag.SourceLocation;
import io.quorate.keys.KeyFormat;
import io.quorate.yaml.Form;
import io.quorate.yaml.YamlMapping;
import java.util.List;

/**
 * How accounts of one chain are written in a policy file. Each chain package registers one in
 * {@code META-INF/services/io.quorate.policy.ChainSyntax}; the loader finds it by the account's
 * {@code chain:} id.
 */
public interface ChainSyntax {

    Chain chain();

    KeyFormat keyFormat();

    /** The chain's id with its article, as messages read it aloud. */
    default String withArticle() {
        return "a " + chain().id();
    }

    /** Fields of the account mapping that are authorities themselves and may carry {@code suppress}. */
    default List<String> authorityFields() {
        return List.of();
    }

    /**
     * The fields of an account of this chain, {@code chain} among them: what {@link #read} accepts
     * and what {@code quorate schema policy} says an account of this chain holds.
     */
    Form.Obj accountForm();

    /** The account {@code name} declared at {@code at} by mapping {@code m}; problems are reported through {@code in}. */
    Account read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements);
}
