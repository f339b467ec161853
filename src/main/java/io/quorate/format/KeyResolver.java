package io.quorate.format;

import io.quorate.keys.KeyId;
import io.quorate.policy.Chain;

/** What a key name or public key written for an account of {@code chain} stands for; null when unknown. */
@FunctionalInterface
public interface KeyResolver {

    KeyId resolve(Chain chain, String text);
}
