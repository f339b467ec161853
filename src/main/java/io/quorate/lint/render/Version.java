package io.quorate.lint.render;

/** Quorate's version, as the tool reports it about itself in machine-readable output. */
final class Version {

    /** From the jar's manifest when there is one; the build's version otherwise (tests, IDE runs). */
    static final String CURRENT = current();

    private Version() {
    }

    private static String current() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        return fromManifest == null || fromManifest.isBlank() ? "0.1.0" : fromManifest;
    }
}
