package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --smoke} check in-process, without the window (the packaged run is {@link InstallerSmokeTest}). */
class SmokeCheckTest {

    /** The line the packaged launcher prints; shared with {@link InstallerSmokeTest}. */
    static final String OK_LINE = "SMOKE OK data=clustered tasks=\\d+ rows=\\d+ model=vmtl steps="
            + SmokeCheck.VMTL_STEPS + " loss=-?\\d+\\.\\d+ rmse=\\d+\\.\\d+ pooled_rmse=\\d+\\.\\d+ device=cpu"
            + " gui=(shown\\(\\d+x\\d+\\)|skipped\\(no-display\\)) djl_cache=\\S.* seconds=\\d+\\.\\d";

    @Test
    void trainsOnTheBundledSampleAndPrintsOneLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SmokeCheck.run(print(out), print(err), false);
        String text = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).matches(OK_LINE).contains("gui=skipped(no-display)");
    }

    @Test
    void missingSampleDataFailsWithTheFolderNamed(@TempDir Path empty) {
        String before = System.getProperty("mtlwb.samples");
        System.setProperty("mtlwb.samples", empty.toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = SmokeCheck.run(print(out), print(err), false);
            assertThat(code).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("SMOKE FAILED: ")
                    .contains("no sample data set 'clustered' in " + empty.toAbsolutePath());
        } finally {
            if (before == null) {
                System.clearProperty("mtlwb.samples");
            } else {
                System.setProperty("mtlwb.samples", before);
            }
        }
    }

    @Test
    void displayIsSeenFromTheEnvironmentOnLinuxOnly() {
        assertThat(SmokeCheck.displayAvailable("Linux", Map.of(), null)).isFalse();
        assertThat(SmokeCheck.displayAvailable("Linux", Map.of("DISPLAY", ""), null)).isFalse();
        assertThat(SmokeCheck.displayAvailable("Linux", Map.of("DISPLAY", ":99"), null)).isTrue();
        assertThat(SmokeCheck.displayAvailable("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isTrue();
        assertThat(SmokeCheck.displayAvailable("Linux", Map.of("DISPLAY", ":99"), "true")).isFalse();
        assertThat(SmokeCheck.displayAvailable("Windows 11", Map.of(), null)).isTrue();
        assertThat(SmokeCheck.displayAvailable("Mac OS X", Map.of(), "false")).isTrue();
    }

    @Test
    void anExperimentFileArgumentIsOpenedAndOptionsAreNot() {
        assertThat(Launcher.experimentArgument(List.of("--smoke"))).isEmpty();
        assertThat(Launcher.experimentArgument(List.of("-Dx.json", "/home/ann/run.mtlwb.json", "b.json")))
                .contains(Path.of("/home/ann/run.mtlwb.json"));
        assertThat(Launcher.experimentArgument(List.of("data.csv"))).isEmpty();
        assertThat(Launcher.setupArgument(List.of("b.json", "/home/ann/Lesson 2.MTLSETUP"))).contains(
                Path.of("/home/ann/Lesson 2.MTLSETUP"));
        assertThat(Launcher.setupArgument(List.of("b.json"))).isEmpty();
    }

    @Test
    void experimentNamesDropTheAssociatedSuffix() {
        assertThat(Workbench.experimentName(Path.of("/x/study.mtlwb.json"))).isEqualTo("study");
        assertThat(Workbench.experimentName(Path.of("/x/study.json"))).isEqualTo("study");
        assertThat(Workbench.experimentName(Path.of("/x/study.v2.json"))).isEqualTo("study.v2");
    }

    private static PrintStream print(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }
}
