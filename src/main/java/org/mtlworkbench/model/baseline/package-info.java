/**
 * The reference models every multi-task model is compared against: {@code independent} (one Bayesian linear or
 * Laplace logistic regression per task) and {@code pooled} (one for all tasks' rows), with evidence-fitted
 * hyper-parameters, primal or dual linear algebra, and one-vs-rest for more than two classes. See
 * {@code docs/decisions/0004-baselines.md}.
 */
package org.mtlworkbench.model.baseline;
