package dev.cnnbuild.core.spec;

/** A class a YAML tag could name; it counts its instances so that a test can show none was built. */
public class ConstructionProbe {

    static int instances;

    /** Counts the instance. */
    public ConstructionProbe() {
        instances++;
    }
}
