package org.mtlworkbench.data.synthetic;

import java.util.ArrayList;
import java.util.List;

/** The six built-in scenarios, in gallery order. */
public final class Scenarios {

    /** The seed the sample data and the gallery use unless told otherwise. */
    public static final long DEFAULT_SEED = 20261122L;

    /** Every number a scenario generates is rounded to this many significant digits (and written so). */
    public static final int SIGNIFICANT_DIGITS = SyntheticRandom.DIGITS;

    private static final List<Scenario> ALL = List.of(
            new ClusteredScenario(),
            new GatedScenario(),
            new TreeScenario(),
            new SparseScenario(),
            new LinkedScenario(),
            new ConflictingScenario());

    private Scenarios() {
    }

    /** All scenarios: clustered, gated, tree, sparse, linked, conflicting. */
    public static List<Scenario> all() {
        return ALL;
    }

    /** The ids, in gallery order. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Scenario s : ALL) {
            ids.add(s.id());
        }
        return ids;
    }

    /**
     * The scenario with this id (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the known ids when there is none
     */
    public static Scenario get(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(java.util.Locale.ROOT);
        for (Scenario s : ALL) {
            if (s.id().equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "'; known scenarios: "
                + String.join(", ", ids()));
    }
}
