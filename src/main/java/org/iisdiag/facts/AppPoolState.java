package org.iisdiag.facts;

import java.util.List;

/**
 * The state an application pool was in when the case was collected, as {@code appcmd list apppool} printed
 * it ({@code APPPOOL "Name" (MgdVersion:v4.0,MgdMode:Integrated,state:Stopped)}). Says whether the pool ran
 * at that moment, not why it stopped: WAS events say that.
 *
 * @param state          Started, Stopped, Starting, Stopping or Unknown, as printed
 * @param runtimeVersion MgdVersion ("" for No Managed Code)
 * @param pipelineMode   MgdMode (Integrated or Classic), "" when not printed
 */
public record AppPoolState(String appPool, String state, String runtimeVersion, String pipelineMode,
                           List<SampleLine> samples) implements SingleObservation {

    public boolean stopped() {
        return state.equalsIgnoreCase("Stopped");
    }

    @Override
    public String describe() {
        return "appcmd shows application pool " + appPool + " " + state
                + (runtimeVersion.isEmpty() ? " (No Managed Code" : " (" + runtimeVersion)
                + (pipelineMode.isEmpty() ? ")" : ", " + pipelineMode + ")");
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
