package dev.cnnbuild.core.training;

/**
 * How long the network waited for its batches in one epoch: the time the data workers fell behind, as the fork logs
 * it. Near zero means the data pipeline keeps up and more workers would not help.
 *
 * <pre>{@code
 * DataWait wait = new DataWait(3, 0.4, 52.0, 2);
 * wait.share();   // 0.0077: under 1 % of the epoch
 * }</pre>
 *
 * @param epoch the epoch, from 1
 * @param waitSeconds seconds the network waited for a batch
 * @param epochSeconds seconds the epoch's training batches took, the waits included
 * @param workers threads preparing batches
 */
public record DataWait(int epoch, double waitSeconds, double epochSeconds, int workers) {

    /** Returns the share of the epoch spent waiting, 0 to 1. */
    public double share() {
        return epochSeconds > 0 ? waitSeconds / epochSeconds : 0;
    }
}
