/**
 * Each party's home page: what it governs at a glance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package cn.liftcare.dashboard;
