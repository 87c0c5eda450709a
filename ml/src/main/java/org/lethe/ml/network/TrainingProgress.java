package org.lethe.ml.network;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;

/**
 * A DJL training listener that reports each finished epoch with its mean loss; the trainer puts the
 * loss into the trainer's metrics under {@value #EPOCH_LOSS} before notifying listeners.
 */
public final class TrainingProgress extends TrainingListenerAdapter {

    static final String EPOCH_LOSS = "lethe_epoch_loss";

    /** What to do with each epoch's figures. */
    @FunctionalInterface
    public interface EpochConsumer {
        void epochDone(int epoch, double meanLoss);
    }

    /** A listener that ignores progress. */
    public static final TrainingProgress NONE = new TrainingProgress((epoch, loss) -> { });

    private final EpochConsumer consumer;
    private int epoch;

    public TrainingProgress(EpochConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        epoch++;
        consumer.epochDone(epoch, trainer.getMetrics().latestMetric(EPOCH_LOSS).getValue());
    }
}
