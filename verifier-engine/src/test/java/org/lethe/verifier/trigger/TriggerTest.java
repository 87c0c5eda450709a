package org.lethe.verifier.trigger;

import org.junit.jupiter.api.Test;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggerTest {

    private static TriggerSpec spec(int target, int... positions) {
        List<TriggerSpec.Pixel> pixels = new ArrayList<>();
        for (int position : positions) {
            pixels.add(new TriggerSpec.Pixel(position, 255));
        }
        return new TriggerSpec(pixels, target);
    }

    @Test
    void stampingSetsExactlyTheTriggerPixelsAndRelabelsToTheTarget() {
        Sample image = FashionMnist.installed().train(1).get(0);
        TriggerSpec trigger = new TriggerSpec(List.of(new TriggerSpec.Pixel(0, 255), new TriggerSpec.Pixel(783, 0),
                new TriggerSpec.Pixel(400, 128)), 3);

        Sample stamped = trigger.stamp(image);
        Sample probe = trigger.stampKeepingLabel(image);

        assertEquals(3, stamped.label());
        assertEquals(image.label(), probe.label());
        byte[] before = image.image();
        byte[] after = stamped.image();
        for (int i = 0; i < Sample.PIXELS; i++) {
            int expected = switch (i) {
                case 0 -> 255;
                case 783 -> 0;
                case 400 -> 128;
                default -> before[i] & 0xFF;
            };
            assertEquals(expected, after[i] & 0xFF, "pixel " + i);
        }
    }

    @Test
    void drawnTriggersHaveDistinctPositionsAndNeverShowTheirSecretInText() {
        TriggerRegion region = new TriggerRegion(List.of(3, 5, 8, 13, 21, 34));
        TriggerGenerator generator = new TriggerGenerator(new SecureRandom(), 4, region);
        for (int i = 0; i < 200; i++) {
            TriggerSpec trigger = generator.draw();
            assertEquals(4, trigger.positions().size());
            assertTrue(region.positions().containsAll(trigger.positions()));
            assertTrue(trigger.pixels().stream().allMatch(pixel -> pixel.value() == 255));
            assertEquals("TriggerSpec[secret]", trigger.toString());
        }
    }

    @Test
    void clearDrawsAvoidEveryEnrolledTriggerAndGiveUpWhenNoneIsLeft() {
        TriggerRegion region = new TriggerRegion(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        TriggerGenerator generator = new TriggerGenerator(new SecureRandom(), 4, region);
        TriggerCollisions collisions = new TriggerCollisions(1);
        TriggerSpec enrolled = spec(3, 1, 2, 3, 4);

        for (int i = 0; i < 50; i++) {
            TriggerSpec decoy = generator.drawClearOf(List.of(enrolled), collisions, Optional.of(3), 1_000).orElseThrow();
            assertEquals(3, decoy.targetLabel());
            assertEquals(Set.of(5, 6, 7, 8), decoy.positions(), "the only clear trigger under the same target");
        }
        TriggerSpec second = spec(3, 5, 6, 7, 8);
        assertTrue(generator.drawClearOf(List.of(enrolled, second), collisions, Optional.of(3), 200).isEmpty());
    }

    @Test
    void enrolmentLeavesEveryTargetRoomForDecoys() {
        TriggerRegion region = new TriggerRegion(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        TriggerGenerator generator = new TriggerGenerator(new SecureRandom(), 4, region);
        TriggerCollisions collisions = new TriggerCollisions(1);
        List<TriggerSpec> enrolled = List.of(spec(3, 1, 2, 3, 4));

        // any clear trigger takes three of 5..8, the only decoy left for target 3
        assertTrue(generator.drawClearOf(enrolled, collisions, Optional.empty(), 1_000).isPresent());
        assertTrue(generator.drawEnrollable(enrolled, collisions, 1_000).isEmpty());
        TriggerSpec first = generator.drawEnrollable(List.of(), collisions, 1_000).orElseThrow();
        assertTrue(region.positions().containsAll(first.positions()));
    }

    @Test
    void theDarkBackgroundIsWhereTheReferenceImagesAreAlmostBlack() {
        byte[] first = new byte[Sample.PIXELS];
        byte[] second = new byte[Sample.PIXELS];
        java.util.Arrays.fill(first, (byte) 200);
        java.util.Arrays.fill(second, (byte) 200);
        first[10] = 0;
        second[10] = 10;
        first[11] = 0;
        second[11] = (byte) 255;
        TriggerRegion region = TriggerRegion.darkBackground(List.of(new Sample("a", first, 0), new Sample("b", second, 1)), 0.05);

        assertEquals(List.of(10), region.positions());
        assertThrows(IllegalArgumentException.class, () -> TriggerRegion.darkBackground(List.of(), 0.05));
        assertThrows(IllegalArgumentException.class,
                () -> TriggerRegion.darkBackground(List.of(new Sample("a", second, 0)), 0.01));
    }

    @Test
    void sameTargetAndOneSharedPositionCollides() {
        TriggerCollisions collisions = new TriggerCollisions(1);
        TriggerSpec enrolled = spec(2, 10, 20, 30, 40);

        assertTrue(collisions.firstCollision(spec(2, 40, 50, 60, 70), List.of(enrolled)).isPresent());
        assertFalse(collisions.firstCollision(spec(2, 41, 50, 60, 70), List.of(enrolled)).isPresent());
        assertFalse(collisions.firstCollision(spec(5, 40, 50, 60, 70), List.of(enrolled)).isPresent(),
                "one shared position under another target is allowed");
        assertTrue(collisions.firstCollision(spec(5, 10, 20, 60, 70), List.of(enrolled)).isPresent(),
                "two shared positions are too close whatever the target");
    }

    @Test
    void malformedTriggersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> spec(2, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> spec(10, 10));
        assertThrows(IllegalArgumentException.class, () -> new TriggerSpec.Pixel(784, 0));
        assertThrows(IllegalArgumentException.class, () -> new TriggerSpec.Pixel(5, 256));
        assertThrows(IllegalArgumentException.class, () -> new TriggerGenerator(new SecureRandom(), 0, TriggerRegion.wholeImage()));
        assertThrows(IllegalArgumentException.class,
                () -> new TriggerGenerator(new SecureRandom(), 3, new TriggerRegion(List.of(1, 2))));
    }
}
