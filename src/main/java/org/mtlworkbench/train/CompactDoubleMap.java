package org.mtlworkbench.train;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map from names to doubles in insertion order, stored as two arrays. A run at full speed keeps one
 * {@link TraceRow} (four such maps) per step for its whole life: a {@code LinkedHashMap} per map costs about five
 * times the memory, and that growing old generation made the GUI's garbage collections long (decision 0043).
 */
final class CompactDoubleMap extends AbstractMap<String, Double> {

    private static final CompactDoubleMap EMPTY = new CompactDoubleMap(new String[0], new double[0]);

    private final String[] keys;
    private final double[] values;

    private CompactDoubleMap(String[] keys, double[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * A map of {@code keys[i]} to {@code values[i]}, taking both arrays as they are (no copy): the caller must not
     * change them afterwards. Keys must be distinct and non-null.
     */
    static Map<String, Double> of(String[] keys, double[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys, " + values.length + " values");
        }
        return keys.length == 0 ? EMPTY : new CompactDoubleMap(keys, values);
    }

    /** An immutable copy in {@code m}'s iteration order; a map holding a null key or value is copied as it is. */
    static Map<String, Double> copyOf(Map<String, Double> m) {
        if (m instanceof CompactDoubleMap c) {
            return c;
        }
        if (m.isEmpty()) {
            return EMPTY;
        }
        String[] k = new String[m.size()];
        double[] v = new double[m.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : m.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || i == k.length) {
                return Collections.unmodifiableMap(new LinkedHashMap<>(m));
            }
            k[i] = e.getKey();
            v[i++] = e.getValue();
        }
        return i == k.length ? new CompactDoubleMap(k, v) : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Double get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Map.Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    public Map.Entry<String, Double> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Double> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }
        };
    }
}
