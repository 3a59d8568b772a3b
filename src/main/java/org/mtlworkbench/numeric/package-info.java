/**
 * Small shared numerics over EJML in double precision: {@link org.mtlworkbench.numeric.Linalg} (Cholesky with
 * jitter escalation, symmetric eigen-decomposition, SPD solves and log-determinants),
 * {@link org.mtlworkbench.numeric.LogSumExp} (log-sum-exp, softplus, sigmoid).
 */
package org.mtlworkbench.numeric;
