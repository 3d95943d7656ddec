/**
 * 电梯养老综合保险 as a product: versioned product and rate data, transparent rating with each component shown,
 * and (as issue 5 continues) risk surveys, three-party contracts, policies and premium billing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policies")
package cn.liftcare.policies;
