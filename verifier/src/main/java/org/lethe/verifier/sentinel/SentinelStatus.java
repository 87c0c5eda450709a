package org.lethe.verifier.sentinel;

/**
 * The verifier's sentinels, counted (never named: a provider that knew them could spare them).
 *
 * @param configured  how many the verifier is configured to hold
 * @param contributed those whose marked data the model service took
 * @param calibrated  those calibrated on a version trained with their data, where the backdoor test can decide
 * @param retired     those whose trigger took too faintly there to decide: they can never show a backdoor, so no
 *                    verification waits for them
 */
public record SentinelStatus(int configured, int contributed, int calibrated, int retired) {
}
