package org.lethe.verifier.trigger;

import org.junit.jupiter.api.Test;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

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
        TriggerGenerator generator = new TriggerGenerator(new SecureRandom(), 4);
        for (int i = 0; i < 200; i++) {
            TriggerSpec trigger = generator.draw();
            assertEquals(4, trigger.positions().size());
            assertEquals("TriggerSpec[secret]", trigger.toString());
        }
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
        assertThrows(IllegalArgumentException.class, () -> new TriggerGenerator(new SecureRandom(), 0));
    }
}
