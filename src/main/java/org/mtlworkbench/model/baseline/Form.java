package org.mtlworkbench.model.baseline;

/**
 * Which side of the data matrix the linear algebra works on: the primal (d×d, features) or the dual (n×n, rows).
 * AUTO takes the smaller one, so that 800 features on 20 rows never touches an 800×800 matrix.
 */
public enum Form {
    AUTO,
    PRIMAL,
    DUAL;

    /** The concrete form for n rows and d columns. */
    public Form resolve(int n, int d) {
        return this != AUTO ? this : (d > n ? DUAL : PRIMAL);
    }
}
