package io.quorate.keytool;

/**
 * One way a chain writes a key or an id derived from it: {@code chain} and {@code label} say
 * which ("eos", "legacy"), {@code key} is true when the text decodes back to the key itself
 * (false for ids such as an FT4 account id, which only the key leads to).
 */
public record KeyForm(String chain, String label, String text, boolean key) {
}
