/** Coverage planning: demand forecast, Erlang C/A staffing and a simulation of the callback desk for what-if questions. */
package org.ringback.planning;
