/**
 * Running things on a schedule, one way for the whole application: {@link org.paperwire.schedule.Backoff} says
 * how long to wait after consecutive failures, {@link org.paperwire.schedule.PeriodicTask} runs a task on its own
 * thread with a fixed delay, survives its failures and stops within a bound.
 */
package org.paperwire.schedule;
