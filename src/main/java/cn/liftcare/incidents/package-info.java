/**
 * Faults and entrapments (困人): reports from residents, use units, the 96333 call centre and machine alarms;
 * dispatch to the elevator's maintenance company; the rescue timeline and its time limits per district,
 * escalation to the regulator and reassignment; repair orders with parts from a guide-priced catalogue; and
 * the monthly response metrics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package cn.liftcare.incidents;
