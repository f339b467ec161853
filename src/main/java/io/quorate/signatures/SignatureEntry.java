package io.quorate.signatures;

/**
 * One signature as the transaction gives it: the signature text in the chain's format
 * ({@code SIG_K1_…}, Hive hex, Casper tagged hex, FT4 hex) and, where the chain names who signed
 * (Casper approvals, FT4), the signer's public key.
 */
public record SignatureEntry(String signer, String signature) {

    public static SignatureEntry of(String signature) {
        return new SignatureEntry(null, signature);
    }
}
