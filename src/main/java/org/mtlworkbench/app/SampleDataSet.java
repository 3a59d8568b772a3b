package org.mtlworkbench.app;

import java.nio.file.Path;

/**
 * One bundled sample data set: a folder {@code sample-data/<id>/} with {@code <id>.csv}, optionally
 * {@code <id>_tasks.csv}, {@code ground_truth.json} and a README whose first paragraph describes it.
 */
public record SampleDataSet(String id, String title, String description, Path csv, Path tasksCsv) {

    @Override
    public String toString() {
        return title;
    }
}
