package cn.liftcare.incidents;

/** The limits one incident is held to, frozen from its district's rule when it is reported. */
public record ResponseLimits(int acceptMinutes, int arrivalMinutes, int escalatePercent, int restoreMinutes) {
}
