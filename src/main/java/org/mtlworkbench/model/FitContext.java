package org.mtlworkbench.model;

import java.util.SplittableRandom;

/**
 * What a model gets from whoever runs it: seeded randomness, live knobs, cancellation, and a place to report
 * progress. The training runtime implements it with pause and single-step (report blocks while paused); tests
 * use {@link #headless(long)}.
 */
public interface FitContext {

    /** The run's seed. */
    long seed();

    /**
     * A generator for one named component ("init", "gumbel", "restart-3", …), derived from the seed and the
     * name, so adding a component does not shift the random numbers of the others.
     */
    default SplittableRandom random(String component) {
        long h = seed() * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < component.length(); i++) {
            h = (h ^ component.charAt(i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return new SplittableRandom(h);
    }

    LiveKnobs knobs();

    boolean isCancelled();

    /** Throws {@link FitCancelledException} when the run was cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new FitCancelledException();
        }
    }

    /**
     * Reports one step. May block while the run is paused; throws {@link FitCancelledException} when the run was
     * cancelled, so a model's loop ends at its next report.
     */
    void report(ModelSnapshot snapshot);

    /**
     * What the model is doing between reports, for work that reports no steps (a model-selection phase before the
     * reported fit): one line, replaced by the next. Ignored by default.
     */
    default void status(String message) {
    }

    /** A context with no GUI: never cancelled, knobs unset, reports passed to {@code sink}. */
    static FitContext headless(long seed, java.util.function.Consumer<ModelSnapshot> sink) {
        LiveKnobs knobs = new LiveKnobs();
        return new FitContext() {
            @Override
            public long seed() {
                return seed;
            }

            @Override
            public LiveKnobs knobs() {
                return knobs;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void report(ModelSnapshot snapshot) {
                sink.accept(snapshot);
            }
        };
    }

    static FitContext headless(long seed) {
        return headless(seed, s -> { });
    }
}
