package org.mtlworkbench.data.synthetic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mtlworkbench.data.MultiTaskDataset;

/**
 * One generated scenario: the data set (with task features where the scenario has them) and its ground truth.
 *
 * @param id          the scenario id
 * @param title       the scenario title
 * @param description the scenario's paragraph
 * @param seed        the seed it was generated with
 * @param dataset     the tasks; every number in it is already rounded to {@link Scenarios#SIGNIFICANT_DIGITS}
 *                    significant digits, so the written CSV holds exactly these values
 * @param groundTruth what was planted, JSON-serialisable (String, Number, Boolean, null, List, Map, double[],
 *                    double[][], int[]), in a stable insertion order; read-only
 */
public record GeneratedScenario(String id, String title, String description, long seed,
                                MultiTaskDataset dataset, Map<String, Object> groundTruth) {

    public GeneratedScenario {
        Objects.requireNonNull(id);
        Objects.requireNonNull(dataset);
        groundTruth = Collections.unmodifiableMap(new LinkedHashMap<>(groundTruth));
    }
}
