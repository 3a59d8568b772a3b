package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher, as a user starts it: {@code xvfb-run -a "MTL Workbench" --smoke} with a clean environment
 * (no DJL_CACHE_DIR), inside a network namespace without network when {@code unshare -n} is allowed. It must train,
 * open the window and print the SMOKE OK line; DJL's native libraries must land in the user's cache, not in the
 * image.
 *
 * <p>Runs in {@code mvn -Pinstaller verify} after the image is built. On its own, against a built image or an
 * installed one: {@code mvn -o test -Dtest=InstallerSmokeTest -Dtest.excluded.groups=
 * [-Dmtlwb.installer.image=/opt/mtl-workbench]}.
 */
@Tag("installer")
class InstallerSmokeTest {

    private static final long TIMEOUT_SECONDS = 600;

    @Test
    void packagedLauncherTrainsOfflineAndOpensTheWindow(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the smoke run under xvfb-run is Linux only");
        assumeTrue(onPath("xvfb-run"), "xvfb-run is not installed (apt-get install xvfb xauth)");
        Path image = Path.of(System.getProperty("mtlwb.installer.image", "target/installer/MTL Workbench"));
        Path launcher = image.resolve("bin").resolve("MTL Workbench");
        assertThat(launcher).as("the launcher; build it with: mvn -Pinstaller -DskipTests package").isExecutable();
        long filesBefore = countFiles(image);

        List<String> cmd = new ArrayList<>();
        boolean offline = run(List.of("unshare", "-n", "true")) == 0;
        if (offline) {
            cmd.addAll(List.of("unshare", "-n"));
        }
        cmd.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", launcher.toString(), "--smoke"));
        Path cache = tmp.resolve("cache");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // what a user's desktop session has: none of the build's DJL or OpenMP settings; a fresh cache (Java takes
        // user.home from the password database, not from HOME, so the cache is moved with XDG_CACHE_HOME)
        pb.environment().keySet().removeIf(k -> k.startsWith("DJL_") || k.startsWith("OMP_")
                || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("finished").isTrue();
        System.out.println("installer smoke (" + (offline ? "no network" : "network namespace not allowed") + "):\n"
                + output);

        assertThat(p.exitValue()).as(output).isZero();
        String line = output.lines().filter(l -> l.startsWith("SMOKE ")).findFirst().orElse("(no SMOKE line)");
        assertThat(line).matches(SmokeCheckTest.OK_LINE).contains(" gui=shown(")
                .contains("djl_cache=" + cache.resolve("mtl-workbench").resolve("djl"));
        try (Stream<Path> s = Files.list(cache.resolve("mtl-workbench").resolve("djl"))) {
            assertThat(s.map(f -> f.getFileName().toString())).as("unpacked natives").contains("pytorch");
        }
        assertThat(countFiles(image)).as("nothing written into the image").isEqualTo(filesBefore);
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.count();
        }
    }

    private static boolean onPath(String tool) throws Exception {
        return run(List.of("sh", "-c", "command -v " + tool)) == 0;
    }

    private static int run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
