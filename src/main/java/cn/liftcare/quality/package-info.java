/**
 * Maintenance quality evaluation: the evaluation standard as versioned data (indicators, weights, scoring
 * functions, veto items, grade thresholds, pay factors), third-party spot checks, residents' votes, scores per
 * elevator, community and maintenance company for months and quarters with their facts and drill-down, rankings,
 * and pay by score through the ledger at period close.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality")
package cn.liftcare.quality;
