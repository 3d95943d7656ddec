/**
 * Maintenance per TSG T5002-2017: the item catalogue, plans and due dates, visits with on-site check-in and
 * checklists that cannot be altered once confirmed, signs of box-ticking, repair needs, and the periodic
 * inspections and self-tests of TSG T7001-2023.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Maintenance")
package cn.liftcare.maintenance;
