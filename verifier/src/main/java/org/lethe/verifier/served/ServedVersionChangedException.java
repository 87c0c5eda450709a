package org.lethe.verifier.served;

import java.util.List;

/** The served model changed while it was measured, so the figures mix versions; the measurement is redone. */
public final class ServedVersionChangedException extends RuntimeException {

    public ServedVersionChangedException(List<String> versions) {
        super(versions.isEmpty() ? "no version answered yet" : "versions " + versions + " answered one measurement");
    }
}
