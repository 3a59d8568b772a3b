package org.mtlworkbench.train;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to say how a result came about and to make it again (after Tribuo's provenance on every
 * trained model).
 *
 * @param modelId     the model family's id
 * @param params      hyper-parameters, by name, in declaration order
 * @param seed        the run's seed
 * @param data        the data's name, path, hash and split
 * @param appVersion  MTL Workbench version (the jar manifest's Implementation-Version, or "dev")
 * @param javaVersion {@code java.version}
 * @param os          operating system name, version and architecture
 * @param device      where the numbers were computed, "cpu" unless the caller says otherwise
 * @param startedAt   when the worker started
 * @param wallSeconds wall-clock seconds from start to end, paused time included
 * @param steps       number of reported steps
 * @param state       how the run ended
 * @param error       the error message of a FAILED run, else null
 */
public record Provenance(String modelId, Map<String, Object> params, long seed, DataInfo data, String appVersion,
                         String javaVersion, String os, String device, Instant startedAt, double wallSeconds,
                         int steps, RunState state, String error) {
    public Provenance {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** This build's version: the jar manifest's Implementation-Version, or "dev" when run from classes. */
    public static String currentAppVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    /** {@code java.version} and vendor. */
    public static String currentJava() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    /** Operating system name, version and architecture. */
    public static String currentOs() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
    }
}
