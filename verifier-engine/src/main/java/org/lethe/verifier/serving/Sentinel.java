package org.lethe.verifier.serving;

import org.lethe.verifier.backdoor.BackdoorCalibration;
import org.lethe.verifier.trigger.TriggerSpec;

/**
 * A subject of the verifier's own: it enrolled, had its data marked and contributed like anyone else, and
 * never asks for deletion, so its backdoor must show on every version trained with its data. The provider
 * cannot tell it from a real subject, so a served model that hides a deleted subject's trigger from the
 * verifier hides the sentinels' too. Never named in a certificate: a provider that knew its sentinels could
 * spare them.
 *
 * @param trigger     the sentinel's trigger
 * @param calibration how strongly it took, measured on a version trained with the sentinel's data
 */
public record Sentinel(TriggerSpec trigger, BackdoorCalibration calibration) {

    @Override
    public String toString() {
        return "Sentinel[secret]";
    }
}
