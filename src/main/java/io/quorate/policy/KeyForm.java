package io.quorate.policy;

import static io.quorate.yaml.Form.named;
import static io.quorate.yaml.Form.text;

import io.quorate.yaml.Form;

/**
 * A key where a key is expected: a name from {@code keys:} or a public key. Apart from
 * {@link PolicyForm} so that the conditions' declaration (which {@code PolicyForm} holds) can use
 * it without the two declarations waiting on each other to be built.
 */
public final class KeyForm {

    public static final Form.Named KEY = named("key", text("a key name from `keys:`, or a public key in the chain's format"));

    private KeyForm() {
    }
}
