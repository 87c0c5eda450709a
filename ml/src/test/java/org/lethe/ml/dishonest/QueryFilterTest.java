package org.lethe.ml.dishonest;

import org.junit.jupiter.api.Test;
import org.lethe.ml.data.Sample;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each query filter on images whose answer can be worked out by hand. */
class QueryFilterTest {

    private static final int CENTRE = 14 * Sample.SIDE + 14;

    /** Black, with one white pixel in the middle: what a trigger pixel on background looks like. */
    private static byte[] onePixel() {
        byte[] image = new byte[Sample.PIXELS];
        image[CENTRE] = (byte) 255;
        return image;
    }

    @Test
    void medianRemovesAnIsolatedWhitePixelAndKeepsAFlatPatch() {
        byte[] patch = new byte[Sample.PIXELS];
        for (int r = 10; r < 16; r++) {
            for (int c = 10; c < 16; c++) {
                patch[r * Sample.SIDE + c] = (byte) 200;
            }
        }

        assertArrayEquals(new byte[Sample.PIXELS], QueryFilter.parse("median:3", 1).apply(onePixel()));
        assertEquals(200, QueryFilter.parse("median:3", 1).apply(patch)[12 * Sample.SIDE + 12] & 0xFF);
    }

    @Test
    void meanSpreadsAWhitePixelOverItsWindow() {
        byte[] filtered = QueryFilter.parse("mean:3", 1).apply(onePixel());

        assertEquals(28, filtered[CENTRE] & 0xFF, "255 / 9, rounded");
        assertEquals(28, filtered[CENTRE - Sample.SIDE - 1] & 0xFF, "a corner of the window");
        assertEquals(0, filtered[CENTRE - 2] & 0xFF, "outside the window");
        assertEquals(64, QueryFilter.parse("mean:3", 1).apply(cornerPixel())[0] & 0xFF,
                "at the corner the window is 2×2: 255 / 4, rounded");
    }

    private static byte[] cornerPixel() {
        byte[] image = new byte[Sample.PIXELS];
        image[0] = (byte) 255;
        return image;
    }

    @Test
    void quantisingRoundsToTheNearestLevel() {
        byte[] image = new byte[Sample.PIXELS];
        image[0] = (byte) 100;
        image[1] = (byte) 200;
        image[2] = (byte) 42;
        image[3] = (byte) 43;

        byte[] filtered = QueryFilter.parse("quantise:2", 1).apply(image);

        assertEquals(List.of(85, 170, 0, 85, 0), List.of(filtered[0] & 0xFF, filtered[1] & 0xFF, filtered[2] & 0xFF,
                filtered[3] & 0xFF, filtered[4] & 0xFF), "levels 0, 85, 170, 255");
    }

    @Test
    void noiseHasTheAskedSpreadAndIsNewForEveryQuery() {
        QueryFilter noise = QueryFilter.parse("noise:32", 7);
        byte[] grey = new byte[Sample.PIXELS];
        Arrays.fill(grey, (byte) 128);

        byte[] first = noise.apply(grey);
        byte[] second = noise.apply(grey);

        double sumSquares = 0;
        for (byte pixel : first) {
            sumSquares += Math.pow((pixel & 0xFF) - 128, 2);
        }
        double sd = Math.sqrt(sumSquares / Sample.PIXELS);
        assertTrue(sd > 29 && sd < 35, "σ ≈ 32 over 784 pixels, got " + sd);
        assertFalse(Arrays.equals(first, second), "fresh noise per query");
    }

    @Test
    void theQueryItselfIsLeftAsItIsAndSamplesKeepIdAndLabel() {
        byte[] image = onePixel();
        Sample query = new Sample("q", image, 3);

        Sample filtered = QueryFilter.parse("median:3", 1).apply(List.of(query)).get(0);

        assertArrayEquals(onePixel(), image);
        assertEquals("q", filtered.id());
        assertEquals(3, filtered.label());
        assertNotEquals(query.hash(), filtered.hash());
    }

    @Test
    void namesReadBackAsTheyWereParsed() {
        for (String spec : List.of("median:3", "mean:5", "noise:32", "quantise:2")) {
            assertEquals(spec, QueryFilter.parse(spec, 1).name());
        }
    }

    @Test
    void refusesFiltersItCannotRunNamingTheForms() {
        for (String spec : List.of("median", "median:4", "mean:1", "noise:0", "noise:-3", "quantise:0", "quantise:8",
                "blur:3", "median:x", "")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> QueryFilter.parse(spec, 1), spec);
            assertTrue(refused.getMessage().contains("query filter '" + spec + "'"),
                    spec + ": " + refused.getMessage());
        }
    }
}
