package org.mtlworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No import state survives a call: the data package keeps no mutable static fields (no caches). */
class NoStaticStateTest {

    @Test
    void everyStaticFieldIsAnImmutableConstant() throws Exception {
        Path classes = Path.of(CsvImporter.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/mtlworkbench/data");
        List<String> names;
        try (Stream<Path> s = Files.list(classes)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                    .map(n -> "org.mtlworkbench.data." + n.substring(0, n.length() - 6)).toList();
        }
        assertThat(names).contains("org.mtlworkbench.data.CsvImporter", "org.mtlworkbench.data.RowStore");
        for (String name : names) {
            Class<?> c = Class.forName(name);
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || f.isEnumConstant()) {
                    continue;
                }
                String where = name + "." + f.getName();
                assertThat(Modifier.isFinal(f.getModifiers())).as(where + " is final").isTrue();
                Class<?> t = f.getType();
                f.setAccessible(true);
                boolean immutable = t.isPrimitive() || t == String.class
                        || f.get(null).getClass().getName().startsWith("java.util.ImmutableCollections");
                assertThat(immutable).as(where + " is immutable").isTrue();
            }
        }
    }
}
