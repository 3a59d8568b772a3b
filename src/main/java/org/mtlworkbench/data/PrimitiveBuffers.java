package org.mtlworkbench.data;

import java.util.Arrays;

/**
 * Append-only buffers of primitives for streaming imports: no boxing, so memory stays close to 8 bytes per value.
 */
final class PrimitiveBuffers {

    private PrimitiveBuffers() {
    }

    /**
     * Doubles in fixed-size chunks: appending never copies what is stored, chunks stay below G1's humongous-object
     * size, and chunks already consumed can be released while the data is moved into its final arrays.
     */
    static final class ChunkedDoubles {
        private static final int SHIFT = 15;
        private static final int CHUNK = 1 << SHIFT;
        private static final int MASK = CHUNK - 1;

        private double[][] chunks = new double[16][];
        private long size;

        void add(double v) {
            int c = (int) (size >>> SHIFT);
            if (c == chunks.length) {
                chunks = Arrays.copyOf(chunks, c * 2);
            }
            if (chunks[c] == null) {
                chunks[c] = new double[CHUNK];
            }
            chunks[c][(int) (size & MASK)] = v;
            size++;
        }

        long size() {
            return size;
        }

        /** Copies {@code out.length} values starting at {@code from} into {@code out}. */
        void copy(long from, double[] out) {
            for (int j = 0; j < out.length; j++) {
                long i = from + j;
                out[j] = chunks[(int) (i >>> SHIFT)][(int) (i & MASK)];
            }
        }

        /** Drops every chunk lying wholly before {@code index}; those values must not be read again. */
        void releaseBefore(long index) {
            int last = (int) (index >>> SHIFT);
            for (int c = last - 1; c >= 0 && chunks[c] != null; c--) {
                chunks[c] = null;
            }
        }
    }

    /** A growable int array. */
    static final class Ints {
        private int[] a = new int[64];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, grow(size));
            }
            a[size++] = v;
        }

        int get(int i) {
            return a[i];
        }

        void set(int i, int v) {
            a[i] = v;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    /** A growable double array. */
    static final class Doubles {
        private double[] a = new double[64];
        private int size;

        void add(double v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, grow(size));
            }
            a[size++] = v;
        }

        double get(int i) {
            return a[i];
        }

        int size() {
            return size;
        }
    }

    /** A growable byte array. */
    static final class Bytes {
        private byte[] a = new byte[64];
        private int size;

        void add(byte v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, grow(size));
            }
            a[size++] = v;
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static int grow(int size) {
        long next = size + (size >> 1) + 16L;
        if (next > Integer.MAX_VALUE - 8) {
            if (size >= Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2^31 rows: too large to import");
            }
            next = Integer.MAX_VALUE - 8;
        }
        return (int) next;
    }
}
