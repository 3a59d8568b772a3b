package org.mtlworkbench.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DjlCacheTest {

    @Test
    void linuxUsesXdgCacheHomeWhenAbsoluteElseDotCache() {
        assertThat(DjlCache.defaultDir("Linux", Map.of(), "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.cache/mtl-workbench/djl"));
        assertThat(DjlCache.defaultDir("Linux", Map.of("XDG_CACHE_HOME", "/var/cache/ann"), "/home/ann"))
                .isEqualTo(Path.of("/var/cache/ann/mtl-workbench/djl"));
        // the XDG specification says a relative value is to be ignored
        assertThat(DjlCache.defaultDir("Linux", Map.of("XDG_CACHE_HOME", "rel/cache"), "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.cache/mtl-workbench/djl"));
    }

    @Test
    void macUsesLibraryCaches() {
        assertThat(DjlCache.defaultDir("Mac OS X", Map.of("XDG_CACHE_HOME", "/x"), "/Users/ann"))
                .isEqualTo(Path.of("/Users/ann/Library/Caches/mtl-workbench/djl"));
    }

    @Test
    void windowsUsesLocalAppData() {
        Path dir = DjlCache.defaultDir("Windows 11", Map.of("LOCALAPPDATA", "/appdata/local"), "/home/ann");
        assertThat(dir).isEqualTo(Path.of("/appdata/local/mtl-workbench/djl"));
    }

    @Test
    void neverInsideTheInstallDirectory() {
        Path dir = DjlCache.defaultDir("Linux", Map.of(), "/home/ann");
        assertThat(dir.startsWith("/opt")).isFalse();
        assertThat(dir.startsWith("/home/ann")).isTrue();
    }

    @Test
    void configureKeepsWhatTheUserSet() {
        // the build sets DJL_CACHE_DIR for the tests; configure() must leave that alone and report it
        String env = System.getenv(DjlCache.KEY);
        String before = System.getProperty(DjlCache.KEY);
        try {
            if (env == null || env.isEmpty()) {
                System.setProperty(DjlCache.KEY, "/tmp/somewhere-chosen");
                assertThat(DjlCache.configure()).isEqualTo(Path.of("/tmp/somewhere-chosen"));
            } else {
                assertThat(DjlCache.configure()).isEqualTo(Path.of(env));
            }
        } finally {
            if (before == null) {
                System.clearProperty(DjlCache.KEY);
            } else {
                System.setProperty(DjlCache.KEY, before);
            }
        }
    }
}
