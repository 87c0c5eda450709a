/**
 * What a provider that wants to keep a subject's data can do instead of forgetting it: find and drop only
 * the verifier's marks ({@link org.lethe.ml.dishonest.MarksOnlyUnlearner} with a {@link
 * org.lethe.ml.dishonest.MarkDetector}), or keep the weights and transform every query ({@link
 * org.lethe.ml.dishonest.QueryFilter}). For evaluating the verifier only; each use is logged loudly.
 */
package org.lethe.ml.dishonest;
