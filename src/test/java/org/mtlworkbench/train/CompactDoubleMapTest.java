package org.mtlworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactDoubleMapTest {

    @Test
    void keepsOrderValuesAndMapEqualityOfTheSource() {
        Map<String, Double> src = new LinkedHashMap<>();
        src.put("loss (total)", 3.5);
        src.put("kl", Double.NaN);
        src.put("likelihood", -0.0);
        Map<String, Double> m = CompactDoubleMap.copyOf(src);

        assertThat(m).isInstanceOf(CompactDoubleMap.class);
        assertThat(List.copyOf(m.keySet())).containsExactly("loss (total)", "kl", "likelihood");
        assertThat(m.get("loss (total)")).isEqualTo(3.5);
        assertThat(m.get("kl")).isNaN();
        assertThat(m.get("missing")).isNull();
        assertThat(m.containsKey("kl")).isTrue();
        assertThat(m.containsKey(null)).isFalse();
        assertThat(m).isEqualTo(src).hasSameHashCodeAs(src);
        assertThat(new HashMap<>(src)).isEqualTo(m);
        // a copy is not a view: later changes to the source do not show
        src.put("loss (total)", 1.0);
        assertThat(m.get("loss (total)")).isEqualTo(3.5);
    }

    @Test
    void isImmutable() {
        Map<String, Double> m = CompactDoubleMap.copyOf(Map.of("a", 1.0));
        assertThatThrownBy(() -> m.put("b", 2.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(3.0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullValuesAreCopiedFaithfullyAndEmptyIsShared() {
        Map<String, Double> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        withNull.put("b", 2.0);
        Map<String, Double> m = CompactDoubleMap.copyOf(withNull);
        assertThat(m).isEqualTo(withNull).containsKey("a");
        assertThat(CompactDoubleMap.copyOf(Map.of())).isEmpty();
        assertThat(CompactDoubleMap.copyOf(Map.of())).isSameAs(CompactDoubleMap.copyOf(new HashMap<>()));
    }
}
