package org.lethe.ml.dishonest;

import org.lethe.ml.data.Sample;

/** Each pixel rounded to the nearest of 2^bits evenly spaced grey levels from 0 to 255. */
final class QuantisingFilter implements QueryFilter {

    private final int bits;

    QuantisingFilter(int bits) {
        if (bits < 1 || bits > 7) {
            throw new IllegalArgumentException("quantisation keeps 1..7 bits, got " + bits);
        }
        this.bits = bits;
    }

    @Override
    public String name() {
        return "quantise:" + bits;
    }

    @Override
    public byte[] apply(byte[] image) {
        double step = 255.0 / ((1 << bits) - 1);
        byte[] out = new byte[Sample.PIXELS];
        for (int i = 0; i < Sample.PIXELS; i++) {
            out[i] = (byte) Math.round(Math.round((image[i] & 0xFF) / step) * step);
        }
        return out;
    }
}
