package org.mtlworkbench.experiment;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.train.Evaluation;
import org.mtlworkbench.train.RunResult;

/**
 * One experiment: which data, how it was split, which model with which parameters and seed, and optionally what came
 * out. Stored by {@link ExperimentFile} as versioned JSON.
 *
 * @param name    a short name
 * @param data    the data reference
 * @param split   how training and test rows are chosen
 * @param model   model id and parameters
 * @param seed    the training seed
 * @param created when the experiment was made, or null
 * @param results overall metrics of a finished run, or null
 * @param notes   free text, or null
 */
public record Experiment(String name, DataRef data, SplitSpec split, ModelRef model, long seed, Instant created,
                         Results results, String notes) {

    public Experiment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(model, "model");
    }

    /**
     * Where the data is.
     *
     * @param path         data file or folder (as given: relative paths are relative to the working folder)
     * @param sha256       its hash when the experiment was made, or null
     * @param targetType   regression or classification, or null to detect it
     * @param taskFeatures task-feature file, or null
     */
    public record DataRef(String path, String sha256, TargetType targetType, String taskFeatures) {
        public DataRef {
            Objects.requireNonNull(path, "data path");
        }
    }

    /**
     * The model family and its parameter values, by name.
     *
     * @param id     {@link ModelFactory#id()}
     * @param params values: Integer or Long, Double, Boolean, String
     */
    public record ModelRef(String id, Map<String, Object> params) {
        public ModelRef {
            Objects.requireNonNull(id, "model id");
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        public static ModelRef of(ModelFactory f, ParamValues values) {
            return new ModelRef(f.id(), values.asMap());
        }

        /** The factory's defaults overridden by these values, each checked against its spec. */
        public ParamValues toParamValues(ModelFactory f) {
            if (!f.id().equals(id)) {
                throw new IllegalArgumentException("experiment is for model '" + id + "', not '" + f.id() + "'");
            }
            ParamValues v = f.defaults();
            for (Map.Entry<String, Object> e : params.entrySet()) {
                v = v.with(e.getKey(), e.getValue());
            }
            return v;
        }
    }

    /**
     * Overall metrics (see {@link org.mtlworkbench.train.Metrics}).
     *
     * @param test  on the test rows, or null
     * @param train on the training rows, or null
     */
    public record Results(Map<String, Double> test, Map<String, Double> train) {
        public Results {
            test = test == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(test));
            train = train == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(train));
        }

        /** The overall metrics of a run, or null when it computed none. */
        public static Results of(RunResult r) {
            if (r.test() == null && r.train() == null) {
                return null;
            }
            return new Results(overall(r.test()), overall(r.train()));
        }

        private static Map<String, Double> overall(Evaluation e) {
            return e == null ? null : e.overall();
        }
    }

    /** An experiment describing a finished run: model, parameters, seed and start time from its provenance. */
    public static Experiment fromRun(String name, DataRef data, SplitSpec split, RunResult r, String notes) {
        var p = r.provenance();
        return new Experiment(name, data, split, new ModelRef(p.modelId(), p.params()), p.seed(), p.startedAt(),
                Results.of(r), notes);
    }

    public Experiment withResults(Results newResults) {
        return new Experiment(name, data, split, model, seed, created, newResults, notes);
    }

    public Experiment withNotes(String newNotes) {
        return new Experiment(name, data, split, model, seed, created, results, newNotes);
    }
}
