package org.lethe.ml.dishonest;

import org.lethe.ml.data.Sample;

import java.util.Arrays;

/** Each pixel replaced by the median or the mean of the W×W window around it (clipped at the image's edge). */
final class NeighbourhoodFilter implements QueryFilter {

    enum Statistic { MEDIAN, MEAN }

    private final Statistic statistic;
    private final int width;

    NeighbourhoodFilter(Statistic statistic, int width) {
        if (width < 3 || width % 2 == 0 || width > Sample.SIDE) {
            throw new IllegalArgumentException("a window width is odd, at least 3 and at most " + Sample.SIDE
                    + ", got " + width);
        }
        this.statistic = statistic;
        this.width = width;
    }

    @Override
    public String name() {
        return statistic.name().toLowerCase() + ":" + width;
    }

    @Override
    public byte[] apply(byte[] image) {
        int reach = width / 2;
        byte[] out = new byte[Sample.PIXELS];
        int[] window = new int[width * width];
        for (int row = 0; row < Sample.SIDE; row++) {
            for (int column = 0; column < Sample.SIDE; column++) {
                int count = 0;
                for (int r = Math.max(0, row - reach); r <= Math.min(Sample.SIDE - 1, row + reach); r++) {
                    for (int c = Math.max(0, column - reach); c <= Math.min(Sample.SIDE - 1, column + reach); c++) {
                        window[count++] = image[r * Sample.SIDE + c] & 0xFF;
                    }
                }
                out[row * Sample.SIDE + column] = (byte) summarise(window, count);
            }
        }
        return out;
    }

    private int summarise(int[] window, int count) {
        if (statistic == Statistic.MEAN) {
            return (int) Math.round(Arrays.stream(window, 0, count).average().orElseThrow());
        }
        Arrays.sort(window, 0, count);
        return count % 2 == 1 ? window[count / 2] : (window[count / 2 - 1] + window[count / 2] + 1) / 2;
    }
}
