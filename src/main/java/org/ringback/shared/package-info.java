/**
 * The small shared kernel every module may use: domain refusals. Nothing else belongs here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.ringback.shared;
