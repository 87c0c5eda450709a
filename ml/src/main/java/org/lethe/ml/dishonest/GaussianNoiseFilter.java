package org.lethe.ml.dishonest;

import org.lethe.ml.data.Sample;

import java.util.Random;

/** Independent Gaussian noise of σ grey levels added to every pixel, clamped to 0..255; new noise per query. */
final class GaussianNoiseFilter implements QueryFilter {

    private final double sigma;
    private final Random random;

    GaussianNoiseFilter(double sigma, long seed) {
        if (!(sigma > 0 && sigma <= 255)) {
            throw new IllegalArgumentException("the noise's σ is in grey levels, within (0, 255], got " + sigma);
        }
        this.sigma = sigma;
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "noise:" + (sigma == Math.rint(sigma) ? String.valueOf((long) sigma) : String.valueOf(sigma));
    }

    @Override
    public synchronized byte[] apply(byte[] image) {
        byte[] out = new byte[Sample.PIXELS];
        for (int i = 0; i < Sample.PIXELS; i++) {
            long noisy = Math.round((image[i] & 0xFF) + sigma * random.nextGaussian());
            out[i] = (byte) Math.max(0, Math.min(255, noisy));
        }
        return out;
    }
}
