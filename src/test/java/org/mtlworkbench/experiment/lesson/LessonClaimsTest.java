package org.mtlworkbench.experiment.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtlworkbench.experiment.setup.SetupData;
import org.mtlworkbench.experiment.setup.SetupRunner;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.train.RunResult;
import org.mtlworkbench.train.RunState;

/**
 * Every claim of every bundled lesson, checked on a real training run of the step's set-up on the bundled sample
 * (and, for comparisons, the reference model on the same split and seed). Prints the measured value and the time.
 */
class LessonClaimsTest {

    @TempDir
    Path scratch;

    record StepWithClaim(Lesson lesson, int step) {
        @Override
        public String toString() {
            return lesson.id() + " step " + (step + 1);
        }
    }

    /**
     * Steps whose model (or reference) takes 5–12 s on two shared cores: VMTL, pooled classification, the general
     * GIG prior (its Bessel-function moments); measured, see docs/decisions/0100-teaching.md.
     */
    static boolean slow(StepWithClaim s) {
        LessonStep step = s.lesson().step(s.step());
        return step.setup().model().id().equals("vmtl") || s.lesson().id().equals("negative-transfer")
                || "general-gig".equals(step.setup().model().params().get("prior"));
    }

    static Stream<StepWithClaim> claims() throws Exception {
        List<StepWithClaim> out = new ArrayList<>();
        for (Lesson l : LessonLibrary.bundled()) {
            for (int i = 0; i < l.steps().size(); i++) {
                if (l.step(i).claim() != null) {
                    out.add(new StepWithClaim(l, i));
                }
            }
        }
        return out.stream();
    }

    static Stream<StepWithClaim> fastClaims() throws Exception {
        return claims().filter(s -> !slow(s));
    }

    static Stream<StepWithClaim> slowClaims() throws Exception {
        return claims().filter(LessonClaimsTest::slow);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastClaims")
    void theLessonsClaimIsSeenOnTheTrainedModel(StepWithClaim s) throws Exception {
        check(s);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("slowClaims")
    void theLessonsClaimIsSeenOnTheTrainedModelSlowModels(StepWithClaim s) throws Exception {
        check(s);
    }

    @Test
    void everyLessonHasAClaimAndEveryStepASetUpFromTheStart() throws Exception {
        List<Lesson> all = LessonLibrary.bundled();
        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        for (Lesson l : all) {
            assertThat(l.step(0).setup()).as(l.id() + " step 1 set-up").isNotNull();
            assertThat(l.steps()).as(l.id()).anyMatch(st -> st.claim() != null);
            assertThat(l.steps()).as(l.id()).allMatch(st -> st.instruction() != null && !st.text().isBlank());
        }
        assertThat(claims().count()).isGreaterThan(fastClaims().count());
    }

    private void check(StepWithClaim s) throws Exception {
        LessonStep step = s.lesson().step(s.step());
        ModelRegistry registry = ModelRegistry.load();
        long t0 = System.nanoTime();
        SetupData data = SetupData.resolve(step.setup().data(), Path.of("sample-data"), scratch);
        RunResult r = SetupRunner.train(step.setup(), data, SetupRunner.factory(step.setup(), registry));
        assertThat(r.state()).isEqualTo(RunState.COMPLETED);
        ClaimResult c = LessonClaims.check(step.claim(), step.setup(), data, r, registry);
        System.out.printf(Locale.ROOT, "lesson claim %-24s %s  (%.1f s)%n", s, c.summary(),
                (System.nanoTime() - t0) / 1e9);
        assertThat(c.passed()).as(c.summary()).isTrue();
    }
}
