/**
 * The books: an append-only double-entry journal in CNY. Every money movement is one balanced entry with an
 * idempotency key, a recorded instant and an effective date; corrections are reversals; balances, the trial
 * balance and statements are sums of lines, never stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package cn.liftcare.ledger;
