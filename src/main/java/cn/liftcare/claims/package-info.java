/**
 * Claims: opened by themselves from repair orders on insured elevators and from entrapments, or filed by hand;
 * loss assessment (定损) by versioned rules, each giving a named finding with its evidence; straight-through
 * approval and payout through the ledger when the evidence is clean; the adjuster queue, approval limits and
 * second approval otherwise; and the claims metrics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Claims")
package cn.liftcare.claims;
