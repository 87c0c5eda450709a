package org.lethe.ml.dishonest;

import org.lethe.ml.data.Sample;

import java.util.List;

/**
 * What a provider that keeps the weights does to every image before its model answers: a transformation
 * that leaves clothes recognisable but may wash out a trigger of a few white pixels.
 */
public interface QueryFilter {

    /** The forms {@link #parse} reads. */
    String FORMS = "median:W, mean:W (an odd window width ≥ 3), noise:SIGMA (grey levels, > 0), quantise:BITS (1..7)";

    /** The filter as {@link #parse} reads it. */
    String name();

    /** The transformed 28×28 image; the given array is left as it is. */
    byte[] apply(byte[] image);

    /** Each query transformed, its id and label kept. */
    default List<Sample> apply(List<Sample> queries) {
        return queries.stream().map(query -> new Sample(query.id(), apply(query.image()), query.label())).toList();
    }

    /**
     * Reads a filter: {@code median:3}, {@code mean:3}, {@code noise:32}, {@code quantise:2}.
     *
     * @param noiseSeed seeds the noise filter's draws
     * @throws IllegalArgumentException naming the spec, what is wrong with it and the forms
     */
    static QueryFilter parse(String spec, long noiseSeed) {
        String[] parts = String.valueOf(spec).trim().split(":", -1);
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected KIND:VALUE");
            }
            return switch (parts[0]) {
                case "median" -> new NeighbourhoodFilter(NeighbourhoodFilter.Statistic.MEDIAN, Integer.parseInt(parts[1]));
                case "mean" -> new NeighbourhoodFilter(NeighbourhoodFilter.Statistic.MEAN, Integer.parseInt(parts[1]));
                case "noise" -> new GaussianNoiseFilter(Double.parseDouble(parts[1]), noiseSeed);
                case "quantise" -> new QuantisingFilter(Integer.parseInt(parts[1]));
                default -> throw new IllegalArgumentException("unknown kind '" + parts[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("query filter '" + spec + "': " + e.getMessage() + "; the forms are "
                    + FORMS, e);
        }
    }
}
