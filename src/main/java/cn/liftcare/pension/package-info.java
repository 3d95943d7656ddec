/**
 * The pension (养老): the elevator's reserve as the ledger holds it, the insurer's share by continuous insured
 * years, major repair and whole-elevator renewal cases (assessment, quotations, owners' approval, the insurer's
 * decision, the split and its postings), and the 15-year projection of reserves against expected renewals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pension")
package cn.liftcare.pension;
