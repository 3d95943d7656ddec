package cn.liftcare.quality;

/**
 * An open period was scored again (by the nightly job or the regulator): its scores, grades and ranks were replaced.
 * Published in the transaction that stored them, so listeners see the new scores once it commits.
 *
 * @param period the period's code (2026-Q3, 2026-07)
 * @param standardVersion the standard the scores were computed under
 * @param companies how many companies were scored
 */
public record QualityScoresComputed(String period, String standardVersion, int companies) {
}
